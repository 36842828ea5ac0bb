package casefile

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spokit/spokit/internal/law"
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
	// at the time of the behaviour (SCA 2015 s.76(2), (3), (6)).
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
	// Open is set when the record cannot settle the element either way
	// (Met is then false): an open element never makes an error-level
	// finding, and leaves a screening "possible", never "does not fit".
	Open bool
	// Status is how well the law the judgment rests on has been checked; a
	// judgment resting on an unverified point never makes an error.
	Status law.Status
	// Evidence names the records other than incidents the judgment rests
	// on, as JSON paths into the case (e.g. "relationships[0]",
	// "impact[1]").
	Evidence []string
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
	// Which elements a charge has is read from the offences table, so an
	// offence added there is judged here, in the rules and in the
	// screening alike.
	off, known := ch.LawOffence()
	if !known {
		return a
	}
	if off.CourseOfConduct {
		a.Elements = append(a.Elements, OccasionsElement(a.Course))
	}
	if off.Stalking {
		a.Elements = append(a.Elements, stalkingActsElement(a.Course))
	}
	if off.FearTwice {
		a.Elements = append(a.Elements, fearElement(a.Course))
	}
	if off.SeriousEffect {
		a.Elements = append(a.Elements, x.seriousEffectElement(a.Course, victim))
	}
	if off.PersonalConnection {
		a.Elements = append(a.Elements, x.relationshipElement(ch, a.Course, victim))
	}
	// The time limit is the offence table's: aggravated forms are either
	// way (CDA 1998 s.32) and have none.
	if off.TimeLimit.Kind != law.NoTimeLimit && len(a.Course) > 0 {
		a.Elements = append(a.Elements, timeLimitElement(off, ch, a.Course, asOf))
	}
	return a
}

// IncidentIDs returns the ids of the occasions, in their order.
func IncidentIDs(course []*Incident) []string {
	out := make([]string, len(course))
	for i, in := range course {
		out[i] = in.ID
	}
	return out
}

// FilterIncidents returns the occasions keep accepts, in their order.
func FilterIncidents(course []*Incident, keep func(*Incident) bool) []*Incident {
	var out []*Incident
	for _, in := range course {
		if keep(in) {
			out = append(out, in)
		}
	}
	return out
}

// IncidentsOf returns the occasions of course the element names.
func (e Element) IncidentsOf(course []*Incident) []*Incident {
	return FilterIncidents(course, func(in *Incident) bool { return slices.Contains(e.Incidents, in.ID) })
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
	return fmt.Sprintf("%d occasions, %s to %s", len(course), course[0].Date.Long(), LastOccasion(course).Long())
}

func OccasionsElement(course []*Incident) Element {
	return Element{Kind: ElementOccasions, Name: "Conduct towards the victim on at least two occasions",
		Met: len(course) >= 2, Incidents: IncidentIDs(course), Detail: occasionsText(course), Citation: "PHA 1997 s.7(3)(a)", Status: law.Verified}
}

// stalkingActsElement is met by an occasion tagged with one of the s.2A(3)
// examples. The list is illustrative ("in particular circumstances"), so a
// course with none of them is left open, never ruled out: whether its acts
// are associated with stalking is for the officer.
func stalkingActsElement(course []*Incident) Element {
	acts := FilterIncidents(course, (*Incident).HasStalkingBehaviour)
	e := Element{Kind: ElementStalkingActs, Name: "Acts associated with stalking",
		Met: len(acts) > 0, Incidents: IncidentIDs(acts), Detail: occasionsText(acts), Citation: "PHA 1997 s.2A(2)(b), (3)", Status: law.Verified}
	if !e.Met && len(course) > 0 {
		e.Open, e.Incidents = true, IncidentIDs(course)
		e.Detail = "none of the s.2A(3) examples is recorded; the list is not exhaustive, so whether these acts are associated with stalking is for the officer: " + occasionsText(course)
	}
	return e
}

func fearIncidents(course []*Incident) []*Incident {
	return FilterIncidents(course, func(in *Incident) bool { return in.VictimFearedViolence })
}

// fearElement rests on the fear occasions; when there are none, on the
// occasions examined.
func fearElement(course []*Incident) Element {
	fear := fearIncidents(course)
	e := Element{Kind: ElementFear, Name: "Fear of violence on at least two occasions",
		Met: len(fear) >= 2, Incidents: IncidentIDs(fear), Detail: occasionsText(fear), Citation: "PHA 1997 s.4(1)", Status: law.Secondary}
	if len(fear) == 0 {
		e.Incidents = IncidentIDs(course)
	}
	return e
}

// seriousImpact returns the first impact on the victim that records serious
// alarm or distress with at least one effect on day-to-day activities, and
// its JSON path.
func (x *Index) seriousImpact(victim string) (*Impact, string) {
	for i := range x.c.Impact {
		if im := &x.c.Impact[i]; im.Victim == victim && im.SeriousAlarmOrDistress && len(im.Effects) > 0 {
			return im, fmt.Sprintf("impact[%d]", i)
		}
	}
	return nil, ""
}

func (x *Index) seriousEffectElement(course []*Incident, victim string) Element {
	fear := fearIncidents(course)
	e := Element{Kind: ElementSeriousEffect,
		Name:     "Fear of violence on two occasions, or serious alarm or distress with a substantial adverse effect on usual day-to-day activities",
		Citation: "PHA 1997 s.4A(1)(b); SCA 2015 s.76(4)", Incidents: IncidentIDs(fear), Status: law.Secondary}
	fearText := "fear of violence: " + occasionsText(fear)
	switch im, path := x.seriousImpact(victim); {
	case len(fear) >= 2:
		e.Met, e.Detail = true, fearText
	case im != nil:
		// The impact record, not the fear occasions, is the evidence.
		e.Met, e.Detail, e.Incidents, e.Evidence = true, "serious alarm or distress; effects: "+strings.Join(im.Effects, "; "), nil, []string{path}
	default:
		e.Detail = fearText + "; no serious alarm or distress with an effect recorded"
		if len(fear) == 0 {
			e.Incidents = IncidentIDs(course)
		}
	}
	return e
}

// LawOffence returns the offences-table entry for the charge, in its
// aggravated form where the charge is aggravated; false for a code or
// aggravation the table does not know.
func (ch *Charge) LawOffence() (law.Offence, bool) {
	off, ok := law.Lookup(string(ch.Offence))
	if !ok {
		return law.Offence{}, false
	}
	off, err := off.Aggravated(law.Aggravation(ch.Aggravated))
	return off, err == nil
}

// relationshipOf returns the relationship recorded between two people and
// its JSON path, or nil.
func (x *Index) relationshipOf(a, b string) (*Relationship, string) {
	r := x.Relationship(a, b)
	if r == nil {
		return nil, ""
	}
	for i := range x.c.Relationships {
		if &x.c.Relationships[i] == r {
			return r, fmt.Sprintf("relationships[%d]", i)
		}
	}
	return r, ""
}

// livingTogetherOn reports whether the relationship's record shows the two
// living together on day d: lived_together set, and d within
// lived_together_from (else from) and lived_together_to (else, for an
// ex-partner, to: the day they separated).
func (r *Relationship) livingTogetherOn(d Date) bool {
	if !r.LivedTogether {
		return false
	}
	from, to := r.LivedTogetherFrom, r.LivedTogetherTo
	if from.IsZero() {
		from = r.From
	}
	if to.IsZero() && r.Type == ExPartner {
		to = r.To
	}
	return (from.IsZero() || !d.Before(from)) && (to.IsZero() || !d.After(to))
}

// ccbProblems judges the s.76 relationship test between a suspect and a
// victim for each occasion of behaviour: what rules it out (one line per
// problem, naming the occasions), and whether the record cannot settle it
// (responsibility for a victim whose date of birth is not recorded).
func (x *Index) ccbProblems(suspect, victim string, course []*Incident, began Date) (problems []string, open bool, evidence string) {
	r, path := x.relationshipOf(suspect, victim)
	switch {
	case r == nil:
		return []string{"no relationship recorded"}, false, ""
	case r.Type != Partner && r.Type != ExPartner && r.Type != Family:
		return []string{fmt.Sprintf("the relationship is %s, not partner, ex-partner or family", r.Type)}, false, path
	}
	days := make([]Date, 0, len(course))
	for _, in := range course {
		days = append(days, in.Date)
	}
	if len(days) == 0 && !began.IsZero() {
		days = append(days, began)
	}
	var child, apart []string
	for i, d := range days {
		label := d.Long()
		if i < len(course) {
			label = course[i].ID + " (" + d.Long() + ")"
		}
		if r.ResponsibleAdult == suspect {
			v := x.Person(victim)
			switch {
			case v == nil || v.DateOfBirth.IsZero():
				open = true
			case d.Before(v.DateOfBirth.AddMonths(12 * law.CCBChildExclusion.Age)):
				child = append(child, label)
			}
		}
		if r.Type != Partner && d.Before(ccbLivingTogetherRepealed) && !r.livingTogetherOn(d) {
			apart = append(apart, label)
		}
	}
	if len(child) > 0 {
		problems = append(problems, fmt.Sprintf("the suspect has responsibility for the victim, who was under %d at the time of %s (s.76(3))", law.CCBChildExclusion.Age, strings.Join(child, ", ")))
	}
	if len(apart) > 0 {
		who := "an ex-partner"
		if r.Type == Family {
			who = "a family member"
		}
		problems = append(problems, fmt.Sprintf("behaviour before 5 April 2023 (%s) by %s who was not living with the victim at the time, as the relationship's record shows", strings.Join(apart, ", "), who))
	}
	if open && len(problems) == 0 {
		problems = []string{"the suspect has responsibility for the victim, whose date of birth is not recorded: if the victim was under 16, s.76(3) rules the offence out"}
	} else {
		open = false
	}
	return problems, open, path
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
	e := Element{Kind: ElementRelationship, Name: "Suspect and victim personally connected at the time of the behaviour",
		Met: true, Citation: "SCA 2015 s.76(2), (3), (6); Domestic Abuse Act 2021 s.68", Incidents: IncidentIDs(course),
		Status: law.CCBLivingTogetherRemoved.Status}
	var details []string
	for _, s := range x.courseSuspects(course) {
		problems, open, path := x.ccbProblems(s, victim, course, courseBegan(ch, course))
		if path != "" {
			e.Evidence = append(e.Evidence, path)
		}
		if len(problems) > 0 {
			e.Met = false
			e.Open = e.Open || open
			details = append(details, problems...)
		} else if r := x.Relationship(s, victim); r != nil {
			details = append(details, string(r.Type))
		}
	}
	e.Detail = strings.Join(details, "; ")
	return e
}

// chargeDate is the date a charge is judged laid on: charged_on when
// charged, otherwise asOf.
func ChargeDate(ch *Charge, asOf Date) Date {
	if ch.Status == Charged && !ch.ChargedOn.IsZero() {
		return ch.ChargedOn
	}
	return asOf
}

// timeLimitElement judges the offence table's time limit: for a summary
// time limit, 6 months from the last occasion (DPP v Baker); for CA 2003
// s.127's extended limit, the outer 3 years from the last occasion (the
// record does not show when the prosecutor had sufficient evidence, so the
// inner 6 months is left to the prosecutor).
func timeLimitElement(off law.Offence, ch *Charge, course []*Incident, asOf Date) Element {
	last := LastOccasion(course)
	expires, _ := off.TimeLimitExpires(last.Time())
	deadline := DateOf(expires)
	on := ChargeDate(ch, asOf)
	name := "Charged within 6 months of the last occasion"
	if off.TimeLimit.Kind == law.ExtendedTimeLimit {
		name = "Charged within 3 years of the last occasion (and within 6 months of the prosecutor having sufficient evidence)"
	}
	return Element{Kind: ElementTimeLimit, Name: name,
		Met: !on.After(deadline), Deadline: deadline, Status: off.TimeLimit.Status,
		Incidents: IncidentIDs(FilterIncidents(course, func(in *Incident) bool { return in.LastDate().Compare(last) == 0 })),
		Detail:    fmt.Sprintf("last occasion %s; last day to charge %s", last.Long(), deadline.Long()),
		Citation:  off.TimeLimit.Citation}
}
