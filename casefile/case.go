package casefile

// FormatV1 is the only value of Case.Format this version reads.
const FormatV1 = "spokit.case/v1"

// DefaultMarking is the protective marking printed when a case gives none.
const DefaultMarking = "OFFICIAL-SENSITIVE"

// Case is one stalking case file: the people, the occasions of conduct and
// the evidence for them, the charges, and any Stalking Protection Order
// application. Every spokit output is generated from a Case.
//
// The JSON names are the v1 import format (case-format.md); `req` marks the
// fields the decoder insists on.
type Case struct {
	Format           string            `json:"format" req:"true" doc:"exactly spokit.case/v1"`
	URN              string            `json:"urn" req:"true" doc:"police unique reference number of the case file, e.g. 07CP0123425"`
	Marking          string            `json:"marking,omitempty" doc:"protective marking printed at top and bottom of every page; default OFFICIAL-SENSITIVE"`
	AsOf             Date              `json:"as_of,omitzero" doc:"the date to judge time limits on; default today"`
	Force            Force             `json:"force" req:"true"`
	OfficerInCase    string            `json:"officer_in_case" req:"true" doc:"id of the officer in the case in people"`
	People           []Person          `json:"people" req:"true"`
	Relationships    []Relationship    `json:"relationships,omitempty"`
	Incidents        []Incident        `json:"incidents" req:"true" doc:"the chronology: one entry per occasion of conduct"`
	Statements       []Statement       `json:"statements,omitempty"`
	Exhibits         []Exhibit         `json:"exhibits,omitempty"`
	UnusedMaterial   []UnusedItem      `json:"unused_material,omitempty"`
	RiskAssessments  []RiskAssessment  `json:"risk_assessments,omitempty"`
	Impact           []Impact          `json:"impact,omitempty"`
	Charges          []Charge          `json:"charges,omitempty"`
	SPO              *SPO              `json:"spo,omitempty" doc:"the Stalking Protection Order application, if any"`
	SPOConsideration *SPOConsideration `json:"spo_consideration,omitempty" doc:"the record that an SPO was considered"`
	// Orders made (order.go): what breach, notification and variation
	// files are built from.
	Orders []Order `json:"orders,omitempty" doc:"Stalking Protection Orders and interim orders made against the respondent"`
	// After the order (afterorder.go): what the respondent notified and
	// what changed, for the notification offence file.
	Notifications     []Notification     `json:"notifications,omitempty" doc:"notifications the respondent gave at a police station under an order (SPA 2019 ss.9-10)"`
	RespondentChanges []RespondentChange `json:"respondent_changes,omitempty" doc:"new names the respondent used and moves of home address after an order was served"`
	// SPOVariation (variation.go) is an application about one of Orders.
	SPOVariation *SPOVariation `json:"spo_variation,omitempty" doc:"an application to vary, renew or discharge an order made (SPA 2019 s.4)"`

	// Warnings and orders (optional): the events that tell a suspect to
	// stop, from which the screening judges whether later conduct was
	// unwanted.
	Warnings []WarningOrOrder `json:"warnings_and_orders,omitempty" doc:"police warnings, bail conditions, non-molestation orders and other orders: what, when and whom they bind"`
	// The charging file: what the Director's Guidance on Charging expects
	// on the MG3 and MG5 (types in charging.go). All optional; a case with a
	// charge that lacks one gets a CHARGE-* warning.
	Interview         *Interview         `json:"interview,omitempty" doc:"the suspect's interview under caution"`
	Antecedents       *Antecedents       `json:"antecedents,omitempty" doc:"the suspect's previous convictions and cautions"`
	Bail              *Bail              `json:"bail,omitempty" doc:"the suspect's bail or remand status and conditions"`
	OfficerAssessment *OfficerAssessment `json:"officer_assessment,omitempty" doc:"the officer's assessment against the Full Code Test"`
	SupervisorReview  *SupervisorReview  `json:"supervisor_review,omitempty" doc:"the supervisor's review of the file"`
	VictimViews       []VictimViews      `json:"victim_views,omitempty" doc:"each victim's views on the prosecution"`
	RestrainingOrder  *RestrainingOrder  `json:"restraining_order,omitempty" doc:"the restraining order sought on conviction or acquittal"`
}

// Force is the police force that owns the file and would apply for an SPO.
type Force struct {
	Name         string `json:"name,omitempty" doc:"e.g. Cheshire Constabulary"`
	Code         string `json:"code,omitempty" doc:"two-digit force code, e.g. 07"`
	PoliceArea   string `json:"police_area,omitempty" doc:"e.g. Cheshire"`
	ChiefOfficer string `json:"chief_officer,omitempty" doc:"title of the applicant, e.g. Chief Constable of Cheshire Constabulary"`
}

// Person is anyone in the case: victim, suspect, witness, officer or other.
type Person struct {
	ID                  string    `json:"id" req:"true"`
	Role                Role      `json:"role" req:"true"`
	Forenames           string    `json:"forenames" req:"true"`
	Surname             string    `json:"surname" req:"true"`
	Aliases             []string  `json:"aliases,omitempty" doc:"other names used"`
	DateOfBirth         Date      `json:"date_of_birth,omitzero"`
	Gender              string    `json:"gender,omitempty"`
	Address             string    `json:"address,omitempty" doc:"home address, lines separated by newlines"`
	Phone               string    `json:"phone,omitempty"`
	Email               string    `json:"email,omitempty"`
	Occupation          string    `json:"occupation,omitempty"`
	Rank                string    `json:"rank,omitempty" doc:"officers: rank, e.g. DC"`
	Number              string    `json:"number,omitempty" doc:"officers: warrant or collar number"`
	Unit                string    `json:"unit,omitempty" doc:"officers: unit"`
	Vulnerable          bool      `json:"vulnerable,omitempty" doc:"eligible for special measures under YJCEA 1999 s.16"`
	Intimidated         bool      `json:"intimidated,omitempty" doc:"eligible for special measures under YJCEA 1999 s.17"`
	SpecialMeasures     []string  `json:"special_measures,omitempty"`
	DatesToAvoid        []Date    `json:"dates_to_avoid,omitempty"`
	ReligiousObservance string    `json:"religious_observance,omitempty" doc:"suspect: observance SPO terms must avoid conflicting with"`
	WorkOrEducation     string    `json:"work_or_education,omitempty" doc:"suspect: times normally at work or education"`
	ExistingSPO         string    `json:"existing_spo,omitempty" doc:"suspect: summary of any SPO already in force"`
	SOAPart2            *SOAPart2 `json:"soa_part2,omitempty" doc:"suspect: subject to the Sexual Offences Act 2003 Part 2 notification requirements (SPA 2019 s.9(5)-(7))"`
	// AddressKnownToRespondent lets the respondent's documents print this
	// person's address, for a term that must name it (SPO-TERM-WITHHELD).
	AddressKnownToRespondent bool `json:"address_known_to_respondent,omitempty" doc:"the respondent already knows this address (e.g. a former shared home), so the documents served on them may name it"`

	// WitnessCare is the MG11 back page's witness care record (charging.go).
	WitnessCare *WitnessCare `json:"witness_care,omitempty" doc:"victims and witnesses: attendance, VPS, special measures, contact"`
}

// Name returns the person's forenames and surname.
func (p *Person) Name() string { return p.Forenames + " " + p.Surname }

// Relationship says how two people are connected.
type Relationship struct {
	Between       []string         `json:"between,omitempty" doc:"the two person ids"`
	Type          RelationshipType `json:"type,omitempty"`
	LivedTogether bool             `json:"lived_together,omitempty"`
	From          Date             `json:"from,omitzero"`
	To            Date             `json:"to,omitzero"`

	// Dates and responsibility (optional), for the s.76 relationship test.
	LivedTogetherFrom Date   `json:"lived_together_from,omitzero" doc:"first day they lived together; absent: from the start of the relationship"`
	LivedTogetherTo   Date   `json:"lived_together_to,omitzero" doc:"last day they lived together (separation); absent: to for an ex-partner, else still living together"`
	ResponsibleAdult  string `json:"responsible,omitempty" doc:"id of the one of the two who has responsibility for the other, a child under 16 (SCA 2015 s.76(3))"`
}

// WarningOrOrder is a warning, condition or order that told a person to
// stop or keep away: conduct by that person towards those it protects after
// it was given was unwanted.
type WarningOrOrder struct {
	ID          string      `json:"id" req:"true"`
	Kind        WarningKind `json:"kind" req:"true"`
	Date        Date        `json:"date" req:"true" doc:"the day it was given, imposed or made (served, for an order)"`
	Until       Date        `json:"until,omitzero" doc:"last day it had effect, if it has ended"`
	Binds       string      `json:"binds" req:"true" doc:"person id of the person it warns or binds"`
	Protects    []string    `json:"protects,omitempty" doc:"person ids it protects; absent: every victim"`
	Description string      `json:"description,omitempty" doc:"what it says, e.g. not to contact V1 directly or indirectly"`
}

// Incident is one occasion of conduct: the unit a course of conduct is
// counted in (PHA 1997 s.7(3)).
type Incident struct {
	ID                   string      `json:"id" req:"true"`
	Date                 Date        `json:"date" req:"true" doc:"date of the occasion (start date if it spans days)"`
	Time                 Clock       `json:"time,omitzero"`
	EndDate              Date        `json:"end_date,omitzero" doc:"last day, if the occasion spans days"`
	Location             string      `json:"location,omitempty" doc:"place, or platform for online conduct"`
	Online               bool        `json:"online,omitempty"`
	Behaviours           []Behaviour `json:"behaviours" req:"true"`
	Description          string      `json:"description" req:"true"`
	Suspect              string      `json:"suspect,omitempty" doc:"person id; default the only suspect"`
	Victims              []string    `json:"victims" req:"true"`
	VictimFearedViolence bool        `json:"victim_feared_violence,omitempty"`
	Statements           []string    `json:"statements,omitempty"`
	Exhibits             []string    `json:"exhibits,omitempty"`
	CrimeReference       string      `json:"crime_reference,omitempty"`

	// Limbs states the PHA 1997 s.2A(3) paragraphs the occasion falls
	// under where the behaviour words alone are ambiguous (charging.go).
	Limbs []Limb `json:"s2a3_limbs,omitempty" doc:"PHA 1997 s.2A(3) paragraph letters a to g; overrides those the behaviours imply"`

	// Breach file (afterorder.go): the terms of an order made that the
	// occasion breaches, and any excuse put forward (SPA 2019 s.8).
	Breaches         []Breach `json:"breaches,omitempty" doc:"the order and term numbers this occasion breaches"`
	ReasonableExcuse string   `json:"reasonable_excuse,omitempty" doc:"any excuse the suspect gave or the evidence suggests, for the breach file to answer"`
}

// LastDate is the last day of the occasion: EndDate if given, else Date.
func (in *Incident) LastDate() Date {
	if !in.EndDate.IsZero() {
		return in.EndDate
	}
	return in.Date
}

// HasStalkingBehaviour reports whether the occasion shows one of the
// PHA 1997 s.2A(3) examples (StalkingLimbs).
func (in *Incident) HasStalkingBehaviour() bool {
	return len(in.StalkingLimbs()) > 0
}

// Statement is a witness statement (MG11).
type Statement struct {
	ID            string `json:"id" req:"true"`
	Person        string `json:"person" req:"true" doc:"id of the maker"`
	Date          Date   `json:"date" req:"true" doc:"date made"`
	Place         string `json:"place,omitempty"`
	TakenBy       string `json:"taken_by,omitempty" doc:"officer id"`
	Over18        *bool  `json:"over_18,omitempty" doc:"default true"`
	Age           int    `json:"age,omitempty" doc:"if under 18"`
	Text          string `json:"text,omitempty" doc:"full statement text; paragraphs separated by blank lines"`
	VideoRecorded bool   `json:"video_recorded,omitempty" doc:"a visually recorded interview instead of a written statement"`
}

// IsOver18 reports whether the maker is an adult (the default).
func (s *Statement) IsOver18() bool { return s.Over18 == nil || *s.Over18 }

// Exhibit is an item of evidence (MG12).
type Exhibit struct {
	Ref         string `json:"ref" req:"true" doc:"exhibit reference, e.g. JS/1"`
	Description string `json:"description" req:"true"`
	ProducedBy  string `json:"produced_by" req:"true" doc:"person id"`
	SeizedDate  Date   `json:"seized_date,omitzero"`
	SeizedPlace string `json:"seized_place,omitempty"`
	File        string `json:"file,omitempty" doc:"PNG, JPEG or PDF relative to the case file's directory"`
	Sensitive   bool   `json:"sensitive,omitempty"`
	// RedactedFile is the version of File prepared for service, with
	// protected people's details removed; the respondent's documents
	// reproduce it in place of File.
	RedactedFile string `json:"redacted_file,omitempty" doc:"the file as prepared for service on the respondent (details redacted), used in the respondent's copy in place of file; same formats and folder rules as file"`
	// CheckedForService records that an officer has looked at a picture and
	// found nothing in it that would locate a protected person or witness:
	// text in a picture cannot be checked automatically.
	CheckedForService bool `json:"checked_for_service,omitempty" doc:"an officer has looked at this picture and found nothing in it that would locate a protected person or a witness, so it may be served as it is"`
}

// UnusedItem is unused material: MG6C when not sensitive, MG6D when sensitive.
type UnusedItem struct {
	ID                  string `json:"id" req:"true"`
	Description         string `json:"description" req:"true"`
	Location            string `json:"location,omitempty" doc:"where it is held"`
	Sensitive           bool   `json:"sensitive" req:"true"`
	Reason              string `json:"reason,omitempty" doc:"why sensitive"`
	UnderminesOrAssists bool   `json:"undermines_or_assists,omitempty"`
}

// RiskAssessment is a DASH, S-DASH or other risk assessment.
type RiskAssessment struct {
	ID       string    `json:"id" req:"true"`
	Tool     RiskTool  `json:"tool" req:"true"`
	Date     Date      `json:"date" req:"true"`
	Assessor string    `json:"assessor,omitempty" doc:"person id"`
	Level    RiskLevel `json:"level,omitempty"`
	Summary  string    `json:"summary,omitempty"`
}

// Impact is the effect of the conduct on one victim.
type Impact struct {
	Victim                 string   `json:"victim" req:"true" doc:"person id"`
	SeriousAlarmOrDistress bool     `json:"serious_alarm_or_distress,omitempty"`
	Effects                []string `json:"effects,omitempty" doc:"substantial adverse effects on usual day-to-day activities"`
	Statement              string   `json:"statement,omitempty" doc:"statement id"`
}

// Charge is a proposed or actual charge.
type Charge struct {
	ID          string       `json:"id" req:"true"`
	Offence     OffenceCode  `json:"offence" req:"true"`
	Victims     []string     `json:"victims" req:"true"`
	From        Date         `json:"from,omitzero"`
	To          Date         `json:"to,omitzero"`
	Aggravated  Aggravation  `json:"aggravated,omitempty"`
	Status      ChargeStatus `json:"status" req:"true"`
	ChargedOn   Date         `json:"charged_on,omitzero" doc:"required when charged"`
	Particulars string       `json:"particulars,omitempty"`
	Order       string       `json:"order,omitempty" doc:"SPA 2019 s.8 and s.11 charges: id of the order in orders breached, or whose notification requirements were not met"`
}

// SPO is a Stalking Protection Order application under the Stalking
// Protection Act 2019, as the case records it.
type SPO struct {
	Court           string     `json:"court" req:"true" doc:"the magistrates' court applied to"`
	Respondent      string     `json:"respondent" req:"true" doc:"person id of the defendant"`
	Protected       []string   `json:"protected" req:"true" doc:"person ids the order protects"`
	AreaBasis       AreaBasis  `json:"area_basis" req:"true"`
	Acts            []string   `json:"acts,omitempty" doc:"incident ids relied on; default all incidents by the respondent"`
	Risk            string     `json:"risk" req:"true"`
	RiskKind        []RiskKind `json:"risk_kind" req:"true"`
	Necessity       string     `json:"necessity" req:"true"`
	Terms           []Term     `json:"terms" req:"true"`
	Duration        string     `json:"duration" req:"true" doc:"until-further-order, or a fixed period such as 2y or 30m"`
	HearingDate     Date       `json:"hearing_date,omitzero"`
	Interim         *Interim   `json:"interim,omitempty"`
	VictimViews     string     `json:"victim_views,omitempty"`
	ServiceDate     Date       `json:"service_date,omitzero" doc:"date the order was served"`
	ReplacesInterim bool       `json:"replaces_interim,omitempty"`

	// Court-ready application: optional fields for the signatory, the
	// hearsay notice, the notice's police stations and the s.2(3) check.
	Signatory      *Signatory      `json:"signatory,omitempty" doc:"who signs the application for the chief officer, and the court's contact"`
	Hearsay        []Hearsay       `json:"hearsay,omitempty" doc:"statements relied on: whether each maker will attend the hearing"`
	PoliceStations []PoliceStation `json:"police_stations,omitempty" doc:"police stations where the respondent may notify (s.10)"`
	Commitments    []Commitment    `json:"respondent_commitments,omitempty" doc:"the respondent's religious observance, work and education, with days, times and places (s.2(3))"`
	ServiceTime    Clock           `json:"service_time,omitzero" doc:"time of day the order was served"`
}

// Term is one prohibition or requirement of an order.
type Term struct {
	Kind      TermKind `json:"kind,omitempty"`
	Text      string   `json:"text,omitempty"`
	Necessity string   `json:"necessity,omitempty" doc:"why this term is necessary"`
	Protects  []string `json:"protects,omitempty" doc:"person ids"`
	Locality  string   `json:"locality,omitempty" doc:"the area a term is limited to; absent means the whole UK"`
	// Court-ready application: the map of the term's zone.
	MapExhibit string `json:"map_exhibit,omitempty" doc:"exhibit ref of a map showing the term's zone"`
}

// Interim is an interim order sought pending the full hearing (SPA 2019 s.5).
type Interim struct {
	Reason string `json:"reason,omitempty"`
	Terms  []Term `json:"terms,omitempty"`
	Period string `json:"period" req:"true" doc:"fixed period, e.g. 3m"`
}

// SPOConsideration records that an SPO was considered.
type SPOConsideration struct {
	Date     Date     `json:"date,omitzero"`
	Decision Decision `json:"decision,omitempty"`
	By       string   `json:"by,omitempty" doc:"person id"`
	Reason   string   `json:"reason,omitempty"`
}

// ShowsStalking reports whether the case shows stalking: a stalking charge
// (PHA 1997 s.2A or s.4A) or an incident with one of the s.2A(3)
// behaviours. Such a case must have an SPO considered (super-complaint
// rec. 13; the SPO-NOT-CONSIDERED rule).
func (c *Case) ShowsStalking() bool {
	for _, ch := range c.Charges {
		if ch.Offence == Stalking || ch.Offence == StalkingFear {
			return true
		}
	}
	for i := range c.Incidents {
		if c.Incidents[i].HasStalkingBehaviour() {
			return true
		}
	}
	return false
}

// ---- Court-ready SPO application: types of the optional spo fields ----

// Signatory is the officer who signs the application on behalf of the
// chief officer, and whom the court contacts about it.
type Signatory struct {
	Name    string `json:"name,omitempty" doc:"e.g. Alex Morgan"`
	Rank    string `json:"rank,omitempty" doc:"e.g. Detective Inspector"`
	Contact string `json:"contact,omitempty" doc:"how the court reaches the applicant: phone, secure email, address"`
}

// Hearsay records whether the maker of a statement relied on will attend
// the hearing to give evidence (Civil Evidence Act 1995).
type Hearsay struct {
	Statement string `json:"statement" req:"true" doc:"statement id"`
	Attends   bool   `json:"attends,omitempty" doc:"the maker will attend to give oral evidence"`
	Reason    string `json:"reason,omitempty" doc:"why the maker will not attend"`
}

// PoliceStation is a police station where the respondent may notify.
type PoliceStation struct {
	Name    string `json:"name" req:"true"`
	Address string `json:"address,omitempty" doc:"lines separated by newlines"`
}

// Commitment is one of the respondent's regular religious, work or
// education commitments, which the terms must avoid so far as practicable
// (SPA 2019 s.2(3), s.5(4)).
type Commitment struct {
	Kind        string   `json:"kind" req:"true" doc:"religion, work or education"`
	Description string   `json:"description,omitempty" doc:"e.g. Friday prayers"`
	Days        []string `json:"days,omitempty" doc:"weekday names, e.g. Friday; absent means every day"`
	From        Clock    `json:"from,omitzero" doc:"start time; absent with to means all day"`
	To          Clock    `json:"to,omitzero" doc:"end time"`
	Places      []string `json:"places,omitempty" doc:"where, e.g. Hoole Road Mosque, Hoole Road, Chester"`
}
