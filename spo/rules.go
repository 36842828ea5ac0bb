package spo

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/spokit/spokit/casefile"
)

var spoRules = []casefile.Rule{
	{ID: "SPO-APPLICANT", Severity: casefile.Error, Citation: "SPA 2019 s.1(1)", Check: checkApplicant},
	{ID: "SPO-THREE-CONDITIONS", Severity: casefile.Error, Citation: "SPA 2019 s.1(1), s.2(1), s.1(4)", Check: checkThreeConditions},
	{ID: "SPO-ACTS-FEW", Severity: casefile.Warning, Citation: "SPA 2019 s.1(1)(a)", Check: checkActsFew},
	{ID: "SPO-PROTECTED", Severity: casefile.Error, Citation: "SPA 2019 s.1(1)(c)", Check: checkProtected},
	{ID: "SPO-TERMS", Severity: casefile.Error, Citation: "SPA 2019 s.1(2)", Check: checkTerms},
	{ID: "SPO-TERM-NECESSITY", Severity: casefile.Error, Citation: "SPA 2019 s.2(2)", Check: checkTermNecessity},
	{ID: "SPO-TERM-CONFLICT", Severity: casefile.Info, Citation: "SPA 2019 s.2(3)", Check: checkTermConflict},
	{ID: "SPO-EXISTING-ORDER", Severity: casefile.Warning, Citation: "SPA 2019 s.2(6)–(7)", Check: checkExistingOrder},
	{ID: "SPO-DURATION", Severity: casefile.Error, Citation: "SPA 2019 s.3", Check: checkDuration},
	{ID: "SPO-INTERIM", Severity: casefile.Error, Citation: "SPA 2019 s.5", Check: checkInterim},
	{ID: "SPO-VICTIM-VIEWS", Severity: casefile.Warning, Citation: "Statutory guidance (Home Office, 2024)", Check: checkVictimViews},
	{ID: "SPO-RISK-ASSESSMENT", Severity: casefile.Warning, Citation: "Statutory guidance; super-complaint rec. 12", Check: checkRiskAssessment},
	{ID: "SPO-NOT-CONSIDERED", Severity: casefile.Warning, Citation: `Police super-complaint "The police response to stalking" (2024), rec. 13`, Check: checkConsidered},
	{ID: "SPO-NOTIFY-DEADLINE", Severity: casefile.Info, Citation: "SPA 2019 s.9(1)–(2)", Check: checkNotifyDeadline},
	{ID: "SPO-TERM-COMMITMENT", Severity: casefile.Warning, Citation: "SPA 2019 s.2(3), s.5(4)", Check: checkTermCommitment},
	{ID: "SPO-TERM-LOCALITY", Severity: casefile.Warning, Citation: "SPA 2019 s.2(4), s.5(5)", Check: checkTermLocality},
	{ID: "SPO-TERM-MAP", Severity: casefile.Error, Citation: "SPA 2019 s.2(4)", Check: checkTermMap},
}

// Rules returns the rules of the "Stalking Protection Order" section of
// rules.md, in that order, with those of the jobs after an order (breach
// and notification). Pass them to casefile.Validate in Options.Rules,
// or use AllRules.
func Rules() []casefile.Rule {
	return slices.Concat(spoRules, afterOrderRules, privacyRules, variationRules)
}

// AllRules returns every rule spokit judges a case by: casefile's own (case
// integrity and criminal charges) followed by the SPO rules.
func AllRules() []casefile.Rule {
	return slices.Concat(casefile.Rules(), spoRules, afterOrderRules, privacyRules, variationRules)
}

// blank reports whether free text says nothing.
func blank(s string) bool { return strings.TrimSpace(s) == "" }

// termLabel names the i'th term (from 0) for a message, with the start of
// its wording so the officer can find it.
func termLabel(i int, t casefile.Term) string {
	const limit = 60
	text := strings.Join(strings.Fields(t.Text), " ")
	if text == "" {
		return fmt.Sprintf("Term %d", i+1)
	}
	if r := []rune(text); len(r) > limit {
		text = string(r[:limit]) + "…"
	}
	return fmt.Sprintf("Term %d (“%s”)", i+1, text)
}

// respondent names the respondent for a message.
func respondent(c *casefile.Check) string {
	if id := c.Case.SPO.Respondent; !blank(id) {
		return c.Name(id)
	}
	return "the respondent"
}

// unreadable describes a period the case gives that ParsePeriod refused.
func unreadable(field, value string) string {
	if blank(value) {
		return field + " is empty"
	}
	return fmt.Sprintf("%s %q cannot be read", field, value)
}

// respondentActs returns the acts the application relies on that are the
// respondent's own conduct.
func respondentActs(c *casefile.Check) []*casefile.Incident {
	s := c.Case.SPO
	var out []*casefile.Incident
	for _, in := range c.Index.SPOActs(s) {
		if c.Index.SuspectOf(in) == s.Respondent {
			out = append(out, in)
		}
	}
	return out
}

func checkApplicant(c *casefile.Check) {
	if c.Case.SPO == nil || !blank(c.Case.Force.ChiefOfficer) {
		return
	}
	example := "Chief Constable of Cheshire Constabulary"
	if f := strings.TrimSpace(c.Case.Force.Name); f != "" {
		example = "Chief Constable of " + f
	}
	c.Addf("force.chief_officer", "Only a chief officer of police may apply for a Stalking Protection Order, and the force's chief_officer is empty. Give the applicant's title, e.g. “%s”.", example)
}

func checkThreeConditions(c *casefile.Check) {
	s := c.Case.SPO
	if s == nil {
		return
	}
	who := respondent(c)
	if len(respondentActs(c)) == 0 {
		what := "no incident in the chronology has " + who + " as its suspect"
		if len(s.Acts) > 0 {
			what = "none of the incidents listed in spo.acts is " + who + "'s conduct"
		}
		c.Addf("spo.acts", "Condition 1 (acts associated with stalking) is not made out: %s. Record each act by the respondent as an incident with the respondent as suspect and list it in spo.acts.", what)
	}
	if blank(s.Risk) {
		c.Addf("spo.risk", "Condition 2 (risk) is not made out: spo.risk is empty. Explain why %s poses a risk associated with stalking to the people to be protected.", who)
	}
	if len(s.RiskKind) == 0 {
		c.Addf("spo.risk_kind", "Condition 2 (risk) is not made out: spo.risk_kind is empty. Say whether the risk is of physical harm, psychological harm or both.")
	}
	if blank(s.Necessity) {
		c.Addf("spo.necessity", "Condition 3 (necessity) is not made out: spo.necessity is empty. Explain why there is reasonable cause to believe an order is necessary to protect the people named in spo.protected from that risk.")
	}
}

func checkActsFew(c *casefile.Check) {
	s := c.Case.SPO
	if s == nil {
		return
	}
	n := len(respondentActs(c))
	if n >= 2 {
		return
	}
	count := "No act"
	if n == 1 {
		count = "Only one act"
	}
	c.Addf("spo.acts", "%s by %s is relied on. The Act needs no course of conduct, but the evidence of acts associated with stalking and of risk is thin: add any other occasions to the chronology and to spo.acts.", count, respondent(c))
}

func checkProtected(c *casefile.Check) {
	s := c.Case.SPO
	if s == nil {
		return
	}
	if len(s.Protected) == 0 {
		c.Addf("spo.protected", "The application names no one to protect: spo.protected is empty. List the people the order is necessary to protect; they need not be victims of the acts (e.g. family, friends or colleagues).")
	}
	for i, id := range s.Protected {
		if id == s.Respondent && !blank(id) {
			c.Addf(fmt.Sprintf("spo.protected[%d]", i), "%s is the respondent and cannot also be a person the order protects; remove them from spo.protected.", c.Name(id))
		}
	}
}

func checkTerms(c *casefile.Check) {
	if s := c.Case.SPO; s != nil && len(s.Terms) == 0 {
		c.Addf("spo.terms", "The application proposes no terms. An order must prohibit the respondent from doing something or require them to do something: add the prohibitions and requirements sought, each with why it is necessary.")
	}
}

func checkTermNecessity(c *casefile.Check) {
	s := c.Case.SPO
	if s == nil {
		return
	}
	for i, t := range s.Terms {
		if blank(t.Necessity) {
			c.Addf(fmt.Sprintf("spo.terms[%d].necessity", i), "%s gives no necessity. The court may include a term only if satisfied that this term is necessary to protect a person from a risk associated with stalking: say which conduct it answers and why nothing less would do.", termLabel(i, t))
		}
	}
}

func checkTermConflict(c *casefile.Check) {
	s := c.Case.SPO
	if s == nil {
		return
	}
	checks := conflictChecks(c.Index.Person(s.Respondent))
	if len(checks) == 0 {
		return
	}
	c.Addf("spo.terms", "Check every term (and any interim term) against what is recorded for %s, so that as far as practicable none conflicts with their religious beliefs or interferes with when they normally work or attend education. %s.", respondent(c), strings.TrimRight(strings.Join(checks, "; "), "."))
}

func checkExistingOrder(c *casefile.Check) {
	s := c.Case.SPO
	if s == nil {
		return
	}
	p := c.Index.Person(s.Respondent)
	if p == nil || blank(p.ExistingSPO) {
		return
	}
	c.Addf("spo.terms", "%s is already subject to a Stalking Protection Order (%s). The new order must not contain terms incompatible with it: compare each term with the existing order, or apply to vary that order instead.", p.Name(), strings.TrimSpace(p.ExistingSPO))
}

func checkDuration(c *casefile.Check) {
	s := c.Case.SPO
	if s == nil {
		return
	}
	p, err := casefile.ParsePeriod(s.Duration)
	switch {
	case err != nil:
		c.Addf("spo.duration", "The %s. Write %s, or a fixed period of at least 2 years in years or months, e.g. 2y or 30m.", unreadable("duration", s.Duration), casefile.UntilFurtherOrder)
	case p.Fixed() && !p.AtLeastYears(casefile.MinimumYears):
		c.Addf("spo.duration", "The duration is %s, but a fixed-period order must last at least 2 years beginning with the day it is made. Ask for at least 2y (24m), or %s.", p, casefile.UntilFurtherOrder)
	}
}

func checkInterim(c *casefile.Check) {
	s := c.Case.SPO
	if s == nil || s.Interim == nil {
		return
	}
	in := s.Interim
	p, err := casefile.ParsePeriod(in.Period)
	switch {
	case err != nil:
		c.Addf("spo.interim.period", "The %s. An interim order must be for a fixed period stated in the order: write it as a number and unit, e.g. 8w, 3m or 28d.", unreadable("interim period", in.Period))
	case !p.Fixed():
		c.Addf("spo.interim.period", "The interim period is %s, but an interim order must be for a fixed period stated in the order (it also ends when the main application is decided). Give a fixed period, e.g. 8w or 3m.", p)
	}
	if blank(in.Reason) {
		c.Addf("spo.interim.reason", "The interim application gives no reason. Explain why an interim order is appropriate until the main application is decided, e.g. recent escalation and how long the hearing will take to list.")
	}
}

func checkVictimViews(c *casefile.Check) {
	if s := c.Case.SPO; s != nil && blank(s.VictimViews) {
		c.Addf("spo.victim_views", "The application records no views of the people to be protected. Ask them about the order and its terms and record what they say in spo.victim_views.")
	}
}

// checkRiskAssessment accepts any risk assessment dated on or before the
// date the case is judged on (Check.AsOf). The case format has no date of
// application, and the bundle is built as of that date, so an assessment
// dated after it cannot have informed the application.
func checkRiskAssessment(c *casefile.Check) {
	if c.Case.SPO == nil {
		return
	}
	for _, r := range c.Case.RiskAssessments {
		if !r.Date.IsZero() && !r.Date.After(c.AsOf) {
			return
		}
	}
	c.Addf("risk_assessments", "The application has no risk assessment dated on or before %s, the date the case is judged on. Complete a stalking risk assessment (e.g. S-DASH) and add it to risk_assessments before applying.", c.AsOf.Long())
}

// checkConsidered is satisfied by an order already made: a case that
// records one (a breach, notification or variation file) has had its SPO.
func checkConsidered(c *casefile.Check) {
	k := c.Case
	if k.SPO == nil && k.SPOConsideration == nil && len(k.Orders) == 0 && k.ShowsStalking() {
		c.Addf("spo_consideration", "The case shows stalking but records no decision about a Stalking Protection Order. Consider one and record the date, the decision (apply, not-apply or deferred), who decided and why in spo_consideration, or add the application as spo.")
	}
}

func checkNotifyDeadline(c *casefile.Check) {
	s := c.Case.SPO
	if s == nil {
		return
	}
	deadline, ok := notificationDeadline(s.ServiceDate, s.ReplacesInterim)
	if !ok {
		return
	}
	names := "their name and every other name they use"
	if p := c.Index.Person(s.Respondent); p != nil && len(p.Aliases) > 0 {
		names = fmt.Sprintf("their name and every other name they use (recorded: %s)", strings.Join(p.Aliases, ", "))
	}
	c.Addf("spo.service_date", "The order was served on %s, so %s must notify the police of %s and their home address by %s (3 days beginning with the day of service), in person at a police station. Tell them so when serving, and diary the date: failing to notify is an offence.",
		s.ServiceDate.Long(), respondent(c), names, deadline.Long())
}

// checkTermCommitment performs the s.2(3) check (see overlap) and names
// each term that appears to clash with a recorded commitment.
func checkTermCommitment(c *casefile.Check) {
	s := c.Case.SPO
	if s == nil || len(s.Commitments) == 0 {
		return
	}
	var interim []casefile.Term
	if s.Interim != nil {
		interim = s.Interim.Terms
	}
	for _, o := range commitmentOverlaps(s.Commitments, s.Terms, interim) {
		base, terms, order := "spo.terms", s.Terms, "order"
		if o.Interim {
			base, terms, order = "spo.interim.terms", interim, "interim order"
		}
		cm := s.Commitments[o.Commitment]
		c.Addf(fmt.Sprintf("%s[%d]", base, o.Term-1), "%s of the %s appears to clash with %s's %s commitment (%s): %s. So far as practicable a term must avoid conflict with their religious beliefs and with the times they normally work or attend education: add an exception, or say in the necessity why none is practicable.",
			termLabel(o.Term-1, terms[o.Term-1]), order, respondent(c), strings.TrimSpace(cm.Kind), strings.TrimSpace(cm.Description), o.Why)
	}
}

// zoneRE finds a zone drawn around a place: "within 100 metres of the school".
var zoneRE = regexp.MustCompile(`(?i)within\s+[\d.,]+\s*(?:m|metres|meters|yards|yds|miles|km|kilometres|kilometers)\s+of\s+([^,.;]+)`)

// checkTermLocality warns when a term draws a zone around a place but its
// locality confines it to that place itself, so the zone outside the place
// would not apply ("within 100 metres of the school", locality "the
// school").
func checkTermLocality(c *casefile.Check) {
	s := c.Case.SPO
	if s == nil {
		return
	}
	check := func(base string, terms []casefile.Term) {
		for i, t := range terms {
			loc := placeKey(t.Locality)
			if loc == "" || zoneRE.MatchString(t.Locality) { // a locality that is itself a zone is wide enough
				continue
			}
			for _, m := range zoneRE.FindAllStringSubmatch(t.Text, -1) {
				if target := placeKey(m[1]); target != "" && (strings.Contains(target, loc) || strings.Contains(loc, target)) {
					c.Addf(fmt.Sprintf("%s[%d].locality", base, i), "%s draws a zone around %s, but its locality (%q) confines it to that place itself, so the zone outside it would not apply. Give as the locality the area the zone covers (a map exhibit helps), or leave it empty for the whole United Kingdom.",
						termLabel(i, t), strings.TrimSpace(m[1]), strings.TrimSpace(t.Locality))
					break
				}
			}
		}
	}
	check("spo.terms", s.Terms)
	if s.Interim != nil {
		check("spo.interim.terms", s.Interim.Terms)
	}
}

// placeKey is a place's name for comparison: lower case, without a
// leading "the" and surrounding space.
func placeKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimPrefix(s, "the ")
}

// checkTermMap reports a term whose map exhibit is not an exhibit of the
// case: the order would refer to a map nobody can serve.
func checkTermMap(c *casefile.Check) {
	s := c.Case.SPO
	if s == nil {
		return
	}
	check := func(base string, terms []casefile.Term) {
		for i, t := range terms {
			if ref := strings.TrimSpace(t.MapExhibit); ref != "" && c.Index.Exhibit(ref) == nil {
				c.Addf(fmt.Sprintf("%s[%d].map_exhibit", base, i), "%s refers to a map at exhibit %q, which is not an exhibit of the case: add the map to exhibits.", termLabel(i, t), ref)
			}
		}
	}
	check("spo.terms", s.Terms)
	if s.Interim != nil {
		check("spo.interim.terms", s.Interim.Terms)
	}
}
