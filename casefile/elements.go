package casefile

import (
	"fmt"
	"slices"
	"strings"
)

// ElementKind names a legal element spokit can judge from the case record.
type ElementKind string

// The elements spokit judges. The validation rules and every document that
// shows whether a charge's elements are met (the MG3, the workbook, the
// screening) use these same judgments.
const (
	// ElementOccasions: conduct towards the victim on at least two occasions
	// (PHA 1997 s.7(3)(a)).
	ElementOccasions ElementKind = "occasions"
	// ElementStalkingActs: at least one act associated with stalking
	// (PHA 1997 s.2A(2)(b), (3)).
	ElementStalkingActs ElementKind = "stalking-acts"
	// ElementFear: the victim feared violence on at least two occasions
	// (PHA 1997 s.4(1)).
	ElementFear ElementKind = "fear-occasions"
	// ElementSeriousEffect: fear of violence on two occasions, or serious
	// alarm or distress with a substantial adverse effect on usual
	// day-to-day activities (PHA 1997 s.4A(1)(b); SCA 2015 s.76(4)).
	ElementSeriousEffect ElementKind = "serious-effect"
	// ElementRelationship: suspect and victim personally connected
	// (SCA 2015 s.76(2), (6)).
	ElementRelationship ElementKind = "relationship"
	// ElementTimeLimit: a summary-only charge laid within six months of the
	// last occasion (MCA 1980 s.127).
	ElementTimeLimit ElementKind = "time-limit"
)

// Element is one legal element of a charge against one victim, judged on
// the evidence the case records.
type Element struct {
	Kind ElementKind
	// Name says what must be shown, e.g. "Conduct on at least two occasions".
	Name string
	Met  bool
	// Incidents are the ids of the occasions the judgment rests on.
	Incidents []string
	// Detail says what the record shows, e.g. "3 occasions, 5 October 2024
	// to 18 January 2025".
	Detail string
	// Deadline is the last day to charge, for ElementTimeLimit.
	Deadline Date
	Citation string
}

// Assessment is a charge judged against one victim's course of conduct.
type Assessment struct {
	Charge   *Charge
	Victim   string
	Course   []*Incident
	Elements []Element
}

// Element returns the assessment's element of kind k, if the charge has it.
func (a *Assessment) Element(k ElementKind) (Element, bool) {
	for _, e := range a.Elements {
		if e.Kind == k {
			return e, true
		}
	}
	return Element{}, false
}

// Assess judges a charge against one victim on the evidence recorded, as of
// asOf (the time limit of a proposed charge is judged on that date). Charges
// whose offence has no element spokit can judge from the record (e.g. MCA
// 1988 s.1) get no elements.
func (x *Index) Assess(ch *Charge, victim string, asOf Date) Assessment {
	a := Assessment{Charge: ch, Victim: victim, Course: x.Course(ch, victim)}
	if slices.Contains(courseOffences, ch.Offence) {
		a.Elements = append(a.Elements, occasionsElement(a.Course))
	}
	if ch.Offence == Stalking || ch.Offence == StalkingFear {
		a.Elements = append(a.Elements, stalkingActsElement(a.Course))
	}
	if ch.Offence == FearOfViolence {
		a.Elements = append(a.Elements, fearElement(a.Course))
	}
	if ch.Offence == StalkingFear || ch.Offence == ControllingCoercive {
		a.Elements = append(a.Elements, x.seriousEffectElement(a.Course, victim))
	}
	if ch.Offence == ControllingCoercive {
		a.Elements = append(a.Elements, x.relationshipElement(ch, a.Course, victim))
	}
	// Aggravated s.2 and s.2A are either way (CDA 1998 s.32(1)(a)) and
	// have no time limit.
	if (ch.Offence == Harassment || ch.Offence == Stalking) && ch.Aggravated == NotAggravated && len(a.Course) > 0 {
		a.Elements = append(a.Elements, timeLimitElement(ch, a.Course, asOf))
	}
	return a
}

func ids(course []*Incident) []string {
	out := make([]string, len(course))
	for i, in := range course {
		out[i] = in.ID
	}
	return out
}

func filter(course []*Incident, keep func(*Incident) bool) []*Incident {
	var out []*Incident
	for _, in := range course {
		if keep(in) {
			out = append(out, in)
		}
	}
	return out
}

// occasionsText describes a set of occasions, e.g. "3 occasions, 5 October
// 2024 to 18 January 2025".
func occasionsText(course []*Incident) string {
	switch len(course) {
	case 0:
		return "no occasions recorded"
	case 1:
		return "1 occasion, " + course[0].Date.Long()
	}
	return fmt.Sprintf("%d occasions, %s to %s", len(course), course[0].Date.Long(), lastOccasion(course).Long())
}

func occasionsElement(course []*Incident) Element {
	return Element{Kind: ElementOccasions, Name: "Conduct towards the victim on at least two occasions",
		Met: len(course) >= 2, Incidents: ids(course), Detail: occasionsText(course), Citation: "PHA 1997 s.7(3)(a)"}
}

func stalkingActsElement(course []*Incident) Element {
	acts := filter(course, (*Incident).HasStalkingBehaviour)
	return Element{Kind: ElementStalkingActs, Name: "Acts associated with stalking",
		Met: len(acts) > 0, Incidents: ids(acts), Detail: occasionsText(acts), Citation: "PHA 1997 s.2A(2)(b), (3)"}
}

func fearIncidents(course []*Incident) []*Incident {
	return filter(course, func(in *Incident) bool { return in.VictimFearedViolence })
}

func fearElement(course []*Incident) Element {
	fear := fearIncidents(course)
	return Element{Kind: ElementFear, Name: "Fear of violence on at least two occasions",
		Met: len(fear) >= 2, Incidents: ids(fear), Detail: occasionsText(fear), Citation: "PHA 1997 s.4(1)"}
}

// seriousImpact returns the first impact on the victim that records serious
// alarm or distress with at least one effect on day-to-day activities.
func (x *Index) seriousImpact(victim string) *Impact {
	for _, im := range x.ImpactOn(victim) {
		if im.SeriousAlarmOrDistress && len(im.Effects) > 0 {
			return im
		}
	}
	return nil
}

func (x *Index) seriousEffectElement(course []*Incident, victim string) Element {
	fear := fearIncidents(course)
	e := Element{Kind: ElementSeriousEffect,
		Name:     "Fear of violence on two occasions, or serious alarm or distress with a substantial adverse effect on usual day-to-day activities",
		Citation: "PHA 1997 s.4A(1)(b); SCA 2015 s.76(4)", Incidents: ids(fear)}
	fearText := "fear of violence: " + occasionsText(fear)
	switch im := x.seriousImpact(victim); {
	case len(fear) >= 2:
		e.Met, e.Detail = true, fearText
	case im != nil:
		e.Met, e.Detail = true, "serious alarm or distress; effects: "+strings.Join(im.Effects, "; ")
	default:
		e.Detail = fearText + "; no serious alarm or distress with an effect recorded"
	}
	return e
}

// ccbProblem says why suspect and victim do not meet the s.76 relationship
// test, or "" when they do.
func (x *Index) ccbProblem(suspect, victim string, began Date) string {
	r := x.Relationship(suspect, victim)
	switch {
	case r == nil:
		return "no relationship recorded"
	case r.Type != Partner && r.Type != ExPartner && r.Type != Family:
		return fmt.Sprintf("the relationship is %s, not partner, ex-partner or family", r.Type)
	case r.Type != Partner && !r.LivedTogether && !began.IsZero() && began.Before(CCBLivingTogetherRepealed):
		return fmt.Sprintf("the conduct began on %s, before 5 April 2023, and the %s did not live together", began.Long(), r.Type)
	}
	return ""
}

// courseSuspects returns the suspects whose conduct the course is, or the
// case's suspects when the course is empty.
func (x *Index) courseSuspects(course []*Incident) []string {
	set := map[string]bool{}
	for _, in := range course {
		if s := x.SuspectOf(in); s != "" {
			set[s] = true
		}
	}
	if len(set) == 0 {
		for _, s := range x.Suspects() {
			set[s.ID] = true
		}
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

func courseBegan(ch *Charge, course []*Incident) Date {
	if len(course) > 0 {
		return course[0].Date
	}
	return ch.From
}

func (x *Index) relationshipElement(ch *Charge, course []*Incident, victim string) Element {
	e := Element{Kind: ElementRelationship, Name: "Suspect and victim personally connected", Met: true, Citation: "SCA 2015 s.76(2), (6)"}
	var details []string
	for _, s := range x.courseSuspects(course) {
		if p := x.ccbProblem(s, victim, courseBegan(ch, course)); p != "" {
			e.Met = false
			details = append(details, p)
		} else if r := x.Relationship(s, victim); r != nil {
			details = append(details, string(r.Type))
		}
	}
	e.Detail = strings.Join(details, "; ")
	return e
}

// chargeDate is the date a charge is judged laid on: charged_on when
// charged, otherwise asOf.
func chargeDate(ch *Charge, asOf Date) Date {
	if ch.Status == Charged && !ch.ChargedOn.IsZero() {
		return ch.ChargedOn
	}
	return asOf
}

func timeLimitElement(ch *Charge, course []*Incident, asOf Date) Element {
	last := lastOccasion(course)
	deadline := last.AddMonths(SummaryTimeLimitMonths)
	on := chargeDate(ch, asOf)
	return Element{Kind: ElementTimeLimit, Name: "Charged within 6 months of the last occasion",
		Met: !on.After(deadline), Deadline: deadline,
		Incidents: ids(filter(course, func(in *Incident) bool { return in.LastDate().Compare(last) == 0 })),
		Detail:    fmt.Sprintf("last occasion %s; last day to charge %s", last.Long(), deadline.Long()),
		Citation:  "Magistrates' Courts Act 1980 s.127; DPP v Baker [2004] EWHC 2782 (Admin)"}
}
