package casefile

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spokit/spokit/internal/law"
)

var criminalRules = []Rule{
	{ID: "COC-SINGLE-VICTIM", Severity: Error, Citation: "PHA 1997 s.7(3)(a)", Check: checkCourseOccasions},
	{ID: "STALK-ACT-TYPE", Severity: Warning, Citation: "PHA 1997 s.2A(2)(b), (3)", Check: checkStalkingActs},
	{ID: "FEAR-OCCASIONS", Severity: Error, Citation: "PHA 1997 s.4(1)", Check: checkFearOccasions},
	{ID: "SERIOUS-ALARM-IMPACT", Severity: Error, Citation: "PHA 1997 s.4A(1)(b); SCA 2015 s.76(4)", Check: checkSeriousAlarm},
	{ID: "TIME-LIMIT-SUMMARY", Severity: Error, Citation: "Magistrates' Courts Act 1980 s.127; DPP v Baker [2004] EWHC 2782 (Admin)", Check: checkSummaryTimeLimit},
	{ID: "CCB-RELATIONSHIP", Severity: Error, Citation: "SCA 2015 s.76(2), (3), (6); DAA 2021 s.68", Check: checkCCBRelationship},
	{ID: "SINGLE-OCCASION", Severity: Warning, Citation: "PHA 1997 s.7(3)", Check: checkSingleOccasion},
	{ID: "COURSE-GAP", Severity: Warning, Citation: "Lau v DPP [2000] 1 FLR 799; Pratt v DPP [2001] EWHC Admin 483", Check: checkCourseGap},
}

// courseOffences are the charges that need a course of conduct against one
// victim: conduct on at least two occasions (PHA 1997 s.7(3)(a)).
// They are read from the offences table.
var courseOffences = func() []OffenceCode {
	var out []OffenceCode
	for _, o := range law.Offences() {
		if o.CourseOfConduct {
			out = append(out, OffenceCode(o.Code))
		}
	}
	return out
}()

// SummaryTimeLimitMonths is the time limit for laying a summary-only charge,
// in calendar months from the last incident of the course (MCA 1980 s.127).
const SummaryTimeLimitMonths = 6

// CourseGapMonths returns the gap between consecutive occasions beyond
// which the link between them must be evidenced (Lau v DPP; Pratt v DPP).
// Case law, not statute, so it only ever warns.
func CourseGapMonths() int { return law.CourseGap.Months }

// courseGaps returns the pairs of consecutive occasions of a course (in
// date order) that are more than law.CourseGap.Months apart: the validator
// (COURSE-GAP) and the screening read the gaps from here.
func CourseGaps(course []*Incident) [][2]*Incident {
	var out [][2]*Incident
	for k := 1; k < len(course); k++ {
		prev, next := course[k-1], course[k]
		if next.Date.After(prev.LastDate().AddMonths(law.CourseGap.Months)) {
			out = append(out, [2]*Incident{prev, next})
		}
	}
	return out
}

// ccbLivingTogetherRepealed is the day from which s.76 no longer needs
// ex-partners or family members to live together (Domestic Abuse Act 2021
// s.68).
var ccbLivingTogetherRepealed = DateOf(law.CCBLivingTogetherRemoved.Date)

// unmet calls fn for each victim of each charge whose assessment has an
// element of kind k that is not met. An element the record leaves open
// never makes an error: error-level rules skip it.
func (c *Check) unmet(k ElementKind, fn func(i int, a *Assessment, e Element, path string)) {
	for i := range c.Case.Charges {
		ch := &c.Case.Charges[i]
		for j, v := range ch.Victims {
			a := c.Index.Assess(ch, v, c.AsOf)
			if e, ok := a.Element(k); ok && !e.Met && !(e.Open && c.rule.Severity == Error) {
				fn(i, &a, e, fmt.Sprintf("charges[%d].victims[%d]", i, j))
			}
		}
	}
}

// span describes a charge's date range for messages.
func span(ch *Charge) string {
	switch {
	case !ch.From.IsZero() && !ch.To.IsZero():
		return fmt.Sprintf("between %s and %s", ch.From.Long(), ch.To.Long())
	case !ch.From.IsZero():
		return "from " + ch.From.Long()
	case !ch.To.IsZero():
		return "up to " + ch.To.Long()
	}
	return "in the chronology"
}

func checkCourseOccasions(c *Check) {
	c.unmet(ElementOccasions, func(_ int, a *Assessment, _ Element, p string) {
		c.Addf(p, "Charge %s (%s) needs conduct towards %s on at least two occasions; the chronology has %d %s. Add each occasion as its own incident, or consider a communications offence (MCA 1988 s.1 or CA 2003 s.127) for a single occasion.",
			a.Charge.ID, a.Charge.Offence.Title(), c.Name(a.Victim), len(a.Course), span(a.Charge))
	})
}

func checkStalkingActs(c *Check) {
	c.unmet(ElementStalkingActs, func(_ int, a *Assessment, _ Element, p string) {
		if len(a.Course) == 0 {
			return // COC-SINGLE-VICTIM already says the course is missing
		}
		c.Addf(p, "Charge %s (%s): no occasion of the course towards %s is recorded as an act associated with stalking. Tag the behaviours that apply (following, contacting, publishing, monitoring, loitering, interfering, watching), or consider harassment instead.",
			a.Charge.ID, a.Charge.Offence.Title(), c.Name(a.Victim))
	})
}

func checkFearOccasions(c *Check) {
	c.unmet(ElementFear, func(_ int, a *Assessment, e Element, p string) {
		n := len(fearIncidents(a.Course))
		c.addOnf(e.Status, p, "Charge %s (%s) needs %s to have feared violence on at least two occasions; %d %s marked victim_feared_violence %s. Record each occasion of fear from the victim's statement, or consider s.4A (serious alarm or distress) or s.2A/s.2.",
			a.Charge.ID, a.Charge.Offence.Title(), c.Name(a.Victim), n, plural(n, "occasion is", "occasions are"), span(a.Charge))
	})
}

func checkSeriousAlarm(c *Check) {
	c.unmet(ElementSeriousEffect, func(_ int, a *Assessment, e Element, p string) {
		c.addOnf(e.Status, p, "Charge %s (%s) needs either fear of violence on at least two occasions or serious alarm or distress with a substantial adverse effect on %s's usual day-to-day activities. The case has %d fear occasions and no impact record with serious_alarm_or_distress and an effect (e.g. moved home, changed route to work).",
			a.Charge.ID, a.Charge.Offence.Title(), c.Name(a.Victim), len(fearIncidents(a.Course)))
	})
}

// lastOccasion returns the last day of the course's last occasion.
func LastOccasion(course []*Incident) Date {
	var last Date
	for _, in := range course {
		if d := in.LastDate(); d.After(last) {
			last = d
		}
	}
	return last
}

func checkSummaryTimeLimit(c *Check) {
	c.unmet(ElementTimeLimit, func(i int, a *Assessment, e Element, _ string) {
		ch := a.Charge
		when := "the date the case is judged on"
		if ch.Status == Charged && !ch.ChargedOn.IsZero() {
			when = "the charge date"
		}
		limit, alt := "within 6 months of", "s.4 (fear of violence)"
		switch ch.Offence {
		case Stalking:
			alt = "s.4A (stalking involving fear of violence or serious alarm or distress)"
		case ImproperNetworkUse:
			limit, alt = "at the latest 3 years after", "malicious communications (MCA 1988 s.1)"
		}
		c.addOnf(e.Status, fmt.Sprintf("charges[%d]", i), "Charge %s (%s) is summary only and must be laid %s the last occasion towards %s (%s), so by %s; %s is %s. Consider the either-way offence %s, which has no time limit, if its extra elements are met.",
			ch.ID, ch.Offence.Title(), limit, c.Name(a.Victim), LastOccasion(a.Course).Long(), e.Deadline.Long(), when, ChargeDate(ch, c.AsOf).Long(), alt)
	})
}

func checkCCBRelationship(c *Check) {
	c.unmet(ElementRelationship, func(_ int, a *Assessment, e Element, p string) {
		var suspects []string
		for _, s := range c.Index.courseSuspects(a.Course) {
			suspects = append(suspects, c.Name(s))
		}
		c.addOnf(e.Status, p, "Charge %s (controlling or coercive behaviour) needs %s and %s to be personally connected at the time of the behaviour: %s. Record the partner, ex-partner or family relationship with its dates (and when they lived together), charge only conduct the test allows, or charge stalking or harassment instead.",
			a.Charge.ID, strings.Join(suspects, " and "), c.Name(a.Victim), e.Detail)
	})
}

func checkSingleOccasion(c *Check) {
	if len(c.Case.Incidents) == 1 {
		c.Addf("incidents", "The case records a single occasion of conduct. Harassment and stalking need a course of conduct (at least two occasions); for one message consider malicious communications (MCA 1988 s.1) or improper use of a public electronic communications network (CA 2003 s.127), and add any other occasions the victim describes.")
	}
}

func checkCourseGap(c *Check) {
	for i := range c.Case.Charges {
		ch := &c.Case.Charges[i]
		if !slices.Contains(courseOffences, ch.Offence) {
			continue
		}
		for j, v := range ch.Victims {
			for _, g := range CourseGaps(c.Index.Course(ch, v)) {
				prev, next := g[0], g[1]
				c.Addf(fmt.Sprintf("charges[%d].victims[%d]", i, j), "Charge %s: occasions %s (%s) and %s (%s) towards %s are more than 3 months apart. Evidence the link between them (same motive, continuing fixation, no reconciliation), or the court may not find a course of conduct.",
					ch.ID, prev.ID, prev.LastDate().Long(), next.ID, next.Date.Long(), c.Name(v))
			}
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
