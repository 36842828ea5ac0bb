package casefile

import (
	"fmt"
	"slices"
	"strings"
)

// chargingRules warn when a file sent for a charging decision lacks a part
// the prosecutor needs to apply the Code for Crown Prosecutors (Director's
// Guidance on Charging, 6th edition; the National File Standard's
// pre-charge list). They only warn: the file can still be sent, and the
// prosecutor may refuse to charge until it is complete.
var chargingRules = []Rule{
	{ID: "CHARGE-INTERVIEW", Severity: Warning, Citation: "Director's Guidance on Charging (6th ed.); National File Standard (pre-charge)", Check: checkChargeInterview},
	{ID: "CHARGE-ANTECEDENTS", Severity: Warning, Citation: "National File Standard (pre-charge: previous convictions)", Check: checkChargeAntecedents},
	{ID: "CHARGE-BAIL", Severity: Warning, Citation: "Director's Guidance on Charging (6th ed.); MG3 bail or remand position", Check: checkChargeBail},
	{ID: "CHARGE-ASSESSMENT", Severity: Warning, Citation: "Code for Crown Prosecutors (Full Code Test); Director's Guidance on Charging (6th ed.)", Check: checkChargeAssessment},
	{ID: "CHARGE-SUPERVISOR", Severity: Warning, Citation: "Director's Guidance on Charging (6th ed.): supervisor's review before submission", Check: checkChargeSupervisor},
	{ID: "CHARGE-VICTIM-VIEWS", Severity: Warning, Citation: "National File Standard (pre-charge: victim's views)", Check: checkChargeVictimViews},
	{ID: "CHARGE-RESTRAINING-ORDER", Severity: Warning, Citation: "Sentencing Act 2020 ss.359-364; PHA 1997 s.5A; CPS legal guidance, Restraining orders", Check: checkChargeRestrainingOrder},
	{ID: "WITNESS-CARE", Severity: Warning, Citation: "MG11 back page (Manual of Guidance): attendance, dates to avoid, Victim Personal Statement", Check: checkWitnessCare},
}

// forCharging reports whether the case asks for a charging decision: it
// has a charge not yet laid.
func (c *Check) forCharging() bool {
	return slices.ContainsFunc(c.Case.Charges, func(ch Charge) bool { return ch.Status == Proposed })
}

func checkChargeInterview(c *Check) {
	if c.forCharging() && c.Case.Interview == nil {
		c.Addf("interview", "The file asks for a charging decision but records no interview. Give the interview's date and a summary of the account, or say the suspect answered no comment; the prosecutor needs the suspect's account and any defence raised.")
	}
}

func checkChargeAntecedents(c *Check) {
	if c.forCharging() && c.Case.Antecedents == nil {
		c.Addf("antecedents", "The file asks for a charging decision but records no check of the suspect's previous convictions and cautions. Give the date checked and the convictions and cautions, or empty lists for none.")
	}
}

func checkChargeBail(c *Check) {
	if c.forCharging() && c.Case.Bail == nil {
		c.Addf("bail", "The file asks for a charging decision but does not say whether the suspect is on bail, released under investigation or in custody. Give the status and any conditions.")
	}
}

func checkChargeAssessment(c *Check) {
	if !c.forCharging() {
		return
	}
	a := c.Case.OfficerAssessment
	switch {
	case a == nil:
		c.Addf("officer_assessment", "The file asks for a charging decision but has no officer's assessment. Say why there is a realistic prospect of conviction (the evidential stage) and which public interest factors apply.")
	case strings.TrimSpace(a.Evidential) == "":
		c.Addf("officer_assessment.evidential", "The officer's assessment does not address the evidential stage of the Full Code Test.")
	case strings.TrimSpace(a.PublicInterest) == "":
		c.Addf("officer_assessment.public_interest", "The officer's assessment does not address the public interest stage of the Full Code Test.")
	}
}

func checkChargeSupervisor(c *Check) {
	if c.forCharging() && c.Case.SupervisorReview == nil {
		c.Addf("supervisor_review", "The file asks for a charging decision but records no supervisor's review. A supervisor should review the file before it goes to the CPS.")
	}
}

func checkChargeVictimViews(c *Check) {
	if !c.forCharging() {
		return
	}
	var missing []string
	for _, ch := range c.Case.Charges {
		for _, v := range ch.Victims {
			if slices.Contains(missing, v) || slices.ContainsFunc(c.Case.VictimViews, func(vv VictimViews) bool { return vv.Victim == v }) {
				continue
			}
			missing = append(missing, v)
		}
	}
	for _, v := range missing {
		c.Addf("victim_views", "No views of %s on the prosecution are recorded. Record them in victim_views.", c.Name(v))
	}
}

func checkChargeRestrainingOrder(c *Check) {
	if !c.forCharging() {
		return
	}
	ro := c.Case.RestrainingOrder
	switch {
	case ro == nil:
		c.Addf("restraining_order", "The file does not say whether a restraining order will be sought on conviction (Sentencing Act 2020 s.360) or on acquittal (PHA 1997 s.5A). The CPS seeks one in most stalking and harassment cases: give the draft terms, who they protect and the victim's views on them.")
	case len(ro.Terms) == 0:
		c.Addf("restraining_order.terms", "The restraining order sought has no draft terms.")
	case strings.TrimSpace(ro.VictimViews) == "":
		c.Addf("restraining_order.victim_views", "The victim's views on the restraining order's terms are not recorded; the CPS asks for them before applying.")
	}
}

func checkWitnessCare(c *Check) {
	if !c.forCharging() {
		return
	}
	done := map[string]bool{}
	for i := range c.Case.Statements {
		s := &c.Case.Statements[i]
		p := c.Index.Person(s.Person)
		if p == nil || done[p.ID] || p.Role == RoleOfficer {
			continue
		}
		done[p.ID] = true
		var gaps []string
		wc := p.WitnessCare
		if wc == nil || wc.WillingToAttend == nil {
			gaps = append(gaps, "whether they will attend court")
		}
		if len(p.DatesToAvoid) == 0 && (wc == nil || !wc.NoDatesToAvoid) {
			gaps = append(gaps, "their dates to avoid (or that they have none)")
		}
		if p.Role == RoleVictim && (wc == nil || wc.VPSOffered == nil) {
			gaps = append(gaps, "whether a Victim Personal Statement was offered")
		}
		if len(gaps) > 0 {
			c.Addf(fmt.Sprintf("people[%d].witness_care", c.personIndex(p.ID)), "The back page of %s's statement does not record %s.", p.Name(), andList(gaps))
		}
	}
}

// personIndex returns the position of the person with id in people.
func (c *Check) personIndex(id string) int {
	return slices.IndexFunc(c.Case.People, func(p Person) bool { return p.ID == id })
}

// andList joins phrases as "a, b and c".
func andList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
