package spo

import (
	"fmt"
	"slices"

	"github.com/spokit/spokit/casefile"
)

// variationRules judge an application to vary, renew or discharge an order
// made (SPA 2019 s.4; s.5 for an interim order). They fire only when the
// case has an spo_variation.
var variationRules = []casefile.Rule{
	{ID: "SPO-VARY-ORDER", Severity: casefile.Error, Citation: "SPA 2019 s.4, s.5", Check: checkVaryOrder},
	{ID: "SPO-VARY-ENDED", Severity: casefile.Warning, Citation: "SPA 2019 s.4 (UNVERIFIED)", Check: checkVaryEnded},
	{ID: "SPO-VARY-CHANGES", Severity: casefile.Error, Citation: "SPA 2019 s.4", Check: checkVaryChanges},
	{ID: "SPO-VARY-NECESSITY", Severity: casefile.Warning, Citation: "SPA 2019 s.4 (UNVERIFIED); cf. s.2(2)", Check: checkVaryNecessity},
	{ID: "SPO-VARY-DURATION", Severity: casefile.Error, Citation: "SPA 2019 s.3, s.5", Check: checkVaryDuration},
	{ID: "SPO-VARY-VIEWS", Severity: casefile.Warning, Citation: "Statutory guidance (Home Office, 2024)", Check: checkVaryViews},
	{ID: "SPO-DISCHARGE-2Y", Severity: casefile.Warning, Citation: "SPA 2019 s.4 (UNVERIFIED)", Check: checkDischarge2Y},
}

// variedOrder returns the case's variation application and the order it is
// about, or nil when either is missing (SPO-VARY-ORDER reports that).
func variedOrder(c *casefile.Case) (*casefile.SPOVariation, *casefile.Order) {
	v := c.SPOVariation
	if v == nil {
		return nil, nil
	}
	return v, c.Order(v.Order)
}

func checkVaryOrder(c *casefile.Check) {
	v, o := variedOrder(c.Case)
	switch {
	case v == nil:
		return
	case o == nil:
		c.Addf("spo_variation.order", "%q is not the id of any order in orders. Record the order the application is about in orders (as made, with its terms) and give its id.", v.Order)
	case o.Made.After(c.AsOf):
		c.Addf("spo_variation.order", "Order %s is recorded as made on %s, after the date the case is judged on (%s): only an order already made can be varied, renewed or discharged.", o.ID, o.Made.Long(), c.AsOf.Long())
	}
}

// checkVaryEnded warns of an application about an order whose last day
// has passed. That s.4 reaches only an order still in force is the plain
// reading, but the section's wording is unverified, so it is a warning.
func checkVaryEnded(c *casefile.Check) {
	v, o := variedOrder(c.Case)
	if v == nil || o == nil || o.Made.After(c.AsOf) {
		return
	}
	if last, ok := o.LastDay(); ok && last.Before(c.AsOf) {
		c.Addf("spo_variation.order", "Order %s had effect until %s and is no longer in force: an order that has ended can hardly be varied, renewed or discharged (s.4's wording is not yet verified). Check the order's end, or apply for a new order instead.", o.ID, last.Long())
	}
}

func checkVaryChanges(c *casefile.Check) {
	v, o := variedOrder(c.Case)
	if v == nil {
		return
	}
	switch v.Seeks {
	case casefile.Discharge:
		if len(v.Changes) > 0 || v.Duration != "" {
			c.Addf("spo_variation.changes", "A discharge ends the order, but the application also seeks changes to its terms or duration. Seek a variation instead, or remove changes and duration.")
		}
		return
	case casefile.Vary:
		if len(v.Changes) == 0 && blank(v.Duration) {
			c.Addf("spo_variation.changes", "A variation names the changes sought, and this one names none. List each term to add, remove or replace in changes, or a new duration.")
		}
	}
	if blank(v.Reasons) {
		c.Addf("spo_variation.reasons", "The application gives no reasons. Say what has changed since the order was made and why the court should %s it.", v.Seeks)
	}
	touched := map[int]int{}
	for i, ch := range v.Changes {
		p := fmt.Sprintf("spo_variation.changes[%d]", i)
		if ch.Action != casefile.AddTerm {
			switch {
			case o != nil && o.Term(ch.Term) == nil:
				c.Addf(p+".term", "Order %s has no term %d. Give the number of the term as made (1 to %d).", o.ID, ch.Term, len(o.Terms))
			case touched[ch.Term] > 0:
				c.Addf(p+".term", "Term %d is changed twice (changes[%d] and changes[%d]). Seek one change per term.", ch.Term, touched[ch.Term]-1, i)
			}
			touched[ch.Term] = i + 1
		} else if ch.Term != 0 {
			c.Addf(p+".term", "A new term has no number yet: the court numbers it. Leave term out of an add, or use replace to change term %d.", ch.Term)
		}
		if ch.Action != casefile.RemoveTerm {
			if blank(ch.Text) {
				c.Addf(p+".text", "The change gives no wording for the new term. Write the term as the court should make it.")
			}
			if ch.Kind == "" {
				c.Addf(p+".kind", "Say whether the new term is a prohibition or a requirement.")
			}
		}
	}
}

func checkVaryNecessity(c *casefile.Check) {
	v, o := variedOrder(c.Case)
	if v == nil || v.Seeks == casefile.Discharge {
		return
	}
	for i, ch := range v.Changes {
		if ch.Action == casefile.RemoveTerm {
			continue
		}
		p := fmt.Sprintf("spo_variation.changes[%d]", i)
		if blank(ch.Necessity) {
			c.Addf(p+".necessity", "The new term gives no necessity. The Act is believed to let the court add a term only if it is necessary to protect a person from a risk associated with stalking (UNVERIFIED; the test for terms of an order is s.2(2)): say why this term is.")
		}
		if o == nil {
			continue
		}
		for j, id := range ch.Protects {
			if !slices.Contains(o.Protected, id) {
				c.Addf(fmt.Sprintf("%s.protects[%d]", p, j), "%s is not a person order %s protects. A term protects the people the order does; record them in the order's protected list if the court made it so, or ask for them to be added with reasons.", c.Name(id), o.ID)
			}
		}
	}
}

func checkVaryDuration(c *casefile.Check) {
	v, o := variedOrder(c.Case)
	if v == nil || v.Seeks == casefile.Discharge {
		return
	}
	if blank(v.Duration) {
		if v.Seeks == casefile.Renew {
			c.Addf("spo_variation.duration", "A renewal sets how long the order will now last, and duration is empty. Give the whole period counted from the day the order was made, e.g. 4y, or %s.", casefile.UntilFurtherOrder)
		}
		return
	}
	p, err := casefile.ParsePeriod(v.Duration)
	switch {
	case err != nil:
		c.Addf("spo_variation.duration", "The %s. Write %s or a fixed period counted from the day the order was made, e.g. 4y or 36m.", unreadable("duration", v.Duration), casefile.UntilFurtherOrder)
	case o == nil:
	case o.Kind == casefile.InterimOrder && !p.Fixed():
		c.Addf("spo_variation.duration", "Order %s is an interim order, which must be for a fixed period stated in the order; %s is not one. Give a fixed period, e.g. 3m.", o.ID, p)
	case o.Kind == casefile.FullOrder && p.Fixed() && !p.AtLeastYears(casefile.MinimumYears):
		c.Addf("spo_variation.duration", "The new duration is %s, but a fixed-period order must last at least 2 years beginning with the day it was made (%s). Ask for at least 2y, or %s.", p, o.Made.Long(), casefile.UntilFurtherOrder)
	case v.Seeks == casefile.Renew && p.Fixed():
		last, _ := p.LastDay(o.Made)
		if now, ok := o.LastDay(); ok && !last.After(now) {
			c.Addf("spo_variation.duration", "A renewal for %s from the day order %s was made would end on %s, no later than it ends now (%s). Give a longer period.", p, o.ID, last.Long(), now.Long())
		}
	}
}

func checkVaryViews(c *casefile.Check) {
	if v := c.Case.SPOVariation; v != nil && blank(v.VictimViews) {
		c.Addf("spo_variation.victim_views", "The application records no views of the people the order protects. Ask them about the application and record what they say in victim_views.")
	}
}

// checkDischarge2Y flags a discharge sought before the end of two years
// from the day the order was made without both consents. law.md marks the
// restriction unverified, so it only warns, and a force may switch it off
// with spo_variation.discharge_check.
func checkDischarge2Y(c *casefile.Check) {
	v, o := variedOrder(c.Case)
	if v == nil || o == nil || v.Seeks != casefile.Discharge || v.DischargeCheck == casefile.DischargeCheckOff || o.Kind != casefile.FullOrder {
		return
	}
	if v.Consent.Respondent && v.Consent.ChiefOfficer {
		return
	}
	when := v.Hearing
	if when.IsZero() {
		when = c.AsOf
	}
	twoYears, _ := casefile.PeriodOfYears(casefile.MinimumYears).LastDay(o.Made)
	if when.After(twoYears) {
		return
	}
	c.Addf("spo_variation.consent", "The discharge would be decided on %s, within 2 years of the day order %s was made (%s; the 2 years end on %s), and the respondent and the chief officer do not both consent. Section 4 is believed to bar discharge within that time without both consents (UNVERIFIED: check the Act; set discharge_check to off once checked, if it does not).", when.Long(), o.ID, o.Made.Long(), twoYears.Long())
}
