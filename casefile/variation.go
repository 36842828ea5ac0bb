package casefile

import "fmt"

// SPOVariation is an application to vary, renew or discharge an order made
// (SPA 2019 s.4, and s.5 for an interim order): which order, who applies,
// what is sought, the changes to its terms or duration, and why.
type SPOVariation struct {
	Order       string             `json:"order" req:"true" doc:"id of the order in orders the application is about"`
	Applicant   VariationApplicant `json:"applicant" req:"true"`
	Seeks       VariationKind      `json:"seeks" req:"true"`
	Changes     []TermChange       `json:"changes,omitempty" doc:"the changes sought to the order's terms (vary, renew)"`
	Duration    string             `json:"duration,omitempty" doc:"the order's new duration, counted from the day the order was made: until-further-order or a fixed period such as 3y; absent: unchanged"`
	Reasons     string             `json:"reasons" req:"true" doc:"why the order should be varied, renewed or discharged"`
	Evidence    []string           `json:"evidence,omitempty" doc:"ids of the incidents and statements and refs of the exhibits relied on"`
	Consent     VariationConsent   `json:"consent,omitzero"`
	Hearing     Date               `json:"hearing,omitzero" doc:"the day the application is listed, or expected to be decided"`
	VictimViews string             `json:"victim_views,omitempty" doc:"the protected people's views on the application"`
	// DischargeCheck lets a force turn SPO-DISCHARGE-2Y off once the
	// restriction it rests on has been checked against the Act.
	DischargeCheck DischargeCheck `json:"discharge_check,omitempty" doc:"warn (default) or off: whether SPO-DISCHARGE-2Y runs"`
}

// TermChange is one change sought to an order's numbered terms.
type TermChange struct {
	Action    ChangeAction `json:"action" req:"true"`
	Term      int          `json:"term,omitempty" doc:"the number of the term in the order as made (remove, replace)"`
	Kind      TermKind     `json:"kind,omitempty" doc:"add, replace: prohibition or requirement"`
	Text      string       `json:"text,omitempty" doc:"add, replace: the new term's words"`
	Protects  []string     `json:"protects,omitempty" doc:"add, replace: person ids; absent: every protected person"`
	Locality  string       `json:"locality,omitempty" doc:"add, replace: the area the new term is limited to"`
	Necessity string       `json:"necessity,omitempty" doc:"add, replace: why the new term is necessary to protect the protected people"`
	Reason    string       `json:"reason,omitempty" doc:"why the change is sought"`
}

// VariationConsent records who consents to the application: the
// restriction on discharge within two years turns on it.
type VariationConsent struct {
	Respondent   bool `json:"respondent,omitempty" doc:"the respondent (the Act's defendant) consents"`
	ChiefOfficer bool `json:"chief_officer,omitempty" doc:"the chief officer of police consents"`
}

// VariationApplicant is who applies under s.4.
type VariationApplicant string

// Variation applicants.
const (
	ChiefOfficerApplies VariationApplicant = "chief-officer"
	RespondentApplies   VariationApplicant = "respondent"
)

// Values lists every VariationApplicant.
func (VariationApplicant) Values() []string { return []string{"chief-officer", "respondent"} }

// VariationKind is what a s.4 application seeks.
type VariationKind string

// Variation kinds.
const (
	Vary      VariationKind = "vary"
	Renew     VariationKind = "renew"
	Discharge VariationKind = "discharge"
)

// Values lists every VariationKind.
func (VariationKind) Values() []string { return []string{"vary", "renew", "discharge"} }

// ChangeAction is what a change does to an order's terms.
type ChangeAction string

// Change actions.
const (
	AddTerm     ChangeAction = "add"
	RemoveTerm  ChangeAction = "remove"
	ReplaceTerm ChangeAction = "replace"
)

// Values lists every ChangeAction.
func (ChangeAction) Values() []string { return []string{"add", "remove", "replace"} }

// DischargeCheck is whether SPO-DISCHARGE-2Y runs.
type DischargeCheck string

// Discharge checks.
const (
	DischargeCheckWarn DischargeCheck = "warn"
	DischargeCheckOff  DischargeCheck = "off"
)

// Values lists every DischargeCheck.
func (DischargeCheck) Values() []string { return []string{"warn", "off"} }

// variationRefs checks what the variation application refers to: the
// people its new terms protect and the evidence relied on. The order
// itself is SPO-VARY-ORDER's to judge.
func (c *Check) variationRefs() {
	v := c.Case.SPOVariation
	if v == nil {
		return
	}
	x := c.Index
	for i, id := range v.Evidence {
		if x.Incident(id) == nil && x.Statement(id) == nil && x.Exhibit(id) == nil {
			c.Addf(fmt.Sprintf("spo_variation.evidence[%d]", i), "%q is not the id of any incident or statement, nor the ref of any exhibit; use one of those or add it.", id)
		}
	}
	for i, ch := range v.Changes {
		for j, id := range ch.Protects {
			c.ref(fmt.Sprintf("spo_variation.changes[%d].protects[%d]", i, j), id, anyPerson)
		}
	}
}
