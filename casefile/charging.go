package casefile

import (
	"slices"

	"github.com/spokit/spokit/internal/law"
)

// The charging file: the optional case fields a crown prosecutor needs to
// make a charging decision (Director's Guidance on Charging, 6th edition;
// National File Standard), the MG11 back page's witness care record, and the
// s.2A(3) paragraph an occasion falls under. A case without them still
// decodes; rules_charging.go warns about the ones a charge needs.

// Interview is the suspect's interview under caution.
type Interview struct {
	Date      Date   `json:"date,omitzero" doc:"date of the interview"`
	NoComment bool   `json:"no_comment,omitempty" doc:"the suspect answered no comment"`
	Summary   string `json:"summary,omitempty" doc:"summary of the account given, including any defence raised"`
}

// Antecedents are the suspect's previous convictions and cautions, as the
// Police National Computer shows them on the date checked. Empty lists with
// a date mean the suspect has none.
type Antecedents struct {
	Checked     Date     `json:"checked,omitzero" doc:"date the record was checked"`
	Convictions []string `json:"convictions,omitempty" doc:"one a line: date, court, offence, sentence"`
	Cautions    []string `json:"cautions,omitempty" doc:"one a line: date, offence, disposal"`
}

// BailStatus is where the suspect stands while the case is decided.
type BailStatus string

// Bail statuses.
const (
	PoliceBail        BailStatus = "police-bail"
	ReleasedNoBail    BailStatus = "released-under-investigation"
	RemandedInCustody BailStatus = "remanded-in-custody"
	CourtBail         BailStatus = "court-bail"
	AwaitingDecision  BailStatus = "in-custody-awaiting-decision"
)

// Values lists every BailStatus.
func (BailStatus) Values() []string {
	return []string{"police-bail", "released-under-investigation", "remanded-in-custody", "court-bail", "in-custody-awaiting-decision"}
}

// Bail is the suspect's bail or remand status, with any conditions.
type Bail struct {
	Status     BailStatus `json:"status" req:"true"`
	Until      Date       `json:"until,omitzero" doc:"date to answer bail or next hearing"`
	Conditions []string   `json:"conditions,omitempty" doc:"each bail condition"`
}

// OfficerAssessment is the officer's assessment of the case against the two
// stages of the Full Code Test (Code for Crown Prosecutors 4.6 to 4.14).
type OfficerAssessment struct {
	By             string `json:"by,omitempty" doc:"officer id"`
	Date           Date   `json:"date,omitzero"`
	Evidential     string `json:"evidential,omitempty" doc:"why there is, or is not, a realistic prospect of conviction"`
	PublicInterest string `json:"public_interest,omitempty" doc:"the public interest factors for and against"`
}

// SupervisorReview is a supervisor's review of the file before it goes to
// the CPS.
type SupervisorReview struct {
	By       string `json:"by,omitempty" doc:"officer id"`
	Date     Date   `json:"date,omitzero"`
	Comments string `json:"comments,omitempty"`
}

// VictimViews are one victim's views on the prosecution.
type VictimViews struct {
	Victim string `json:"victim" req:"true" doc:"person id"`
	Date   Date   `json:"date,omitzero" doc:"date the views were taken"`
	Views  string `json:"views" req:"true"`
}

// RestrainingOrder is the restraining order the police ask the CPS to seek:
// on conviction (Sentencing Act 2020 s.360) or on acquittal (PHA 1997 s.5A).
type RestrainingOrder struct {
	OnConviction bool     `json:"on_conviction,omitempty"`
	OnAcquittal  bool     `json:"on_acquittal,omitempty"`
	Protected    []string `json:"protected,omitempty" doc:"person ids the order protects"`
	Terms        []string `json:"terms,omitempty" doc:"the draft terms"`
	Duration     string   `json:"duration,omitempty" doc:"e.g. until further order, or 5 years"`
	VictimViews  string   `json:"victim_views,omitempty" doc:"the victim's views on the order and its terms"`
}

// WitnessCare is what the back page of a witness's MG11 records for witness
// care. A nil flag means the question was not asked.
type WitnessCare struct {
	WillingToAttend  *bool  `json:"willing_to_attend,omitempty"`
	NoDatesToAvoid   bool   `json:"no_dates_to_avoid,omitempty" doc:"the witness has no dates to avoid (the MG11 must say none)"`
	VPSOffered       *bool  `json:"vps_offered,omitempty" doc:"a Victim Personal Statement was offered"`
	VPSTaken         *bool  `json:"vps_taken,omitempty" doc:"a Victim Personal Statement was taken"`
	MeasuresReason   string `json:"special_measures_reason,omitempty" doc:"why the special measures sought are needed"`
	PreferredContact string `json:"preferred_contact,omitempty" doc:"how the witness prefers to be contacted, e.g. mobile after 6pm"`
}

// Limb is a paragraph letter of PHA 1997 s.2A(3), "a" to "g".
type Limb string

// Values lists every Limb.
func (Limb) Values() []string { return []string{"a", "b", "c", "d", "e", "f", "g"} }

// StalkingLimbs returns the s.2A(3) examples an occasion falls under, in
// paragraph order: those the case states (Incident.Limbs), else those its
// behaviours imply. The behaviour words are mapped one to one (following
// (a), contacting (b), publishing (c), monitoring (d), loitering (e),
// interfering (f), watching (g)); a case states the limb where the word is
// ambiguous, e.g. a tracker on a car is watching or spying (g), not
// monitoring electronic communications (d).
func (in *Incident) StalkingLimbs() []law.Behaviour {
	var out []law.Behaviour
	for _, b := range law.StalkingBehaviours() {
		var on bool
		if len(in.Limbs) > 0 {
			on = slices.Contains(in.Limbs, Limb(b.Paragraph))
		} else {
			on = slices.Contains(in.Behaviours, Behaviour(b.Name))
		}
		if on {
			out = append(out, b)
		}
	}
	return out
}
