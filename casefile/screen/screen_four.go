package screen

import (
	"fmt"
	"slices"
	"sort"

	"github.com/spokit/spokit/casefile"

	"github.com/spokit/spokit/internal/law"
)

// Thresholds of the FOUR indicators. They are recognition aids chosen for
// this screening, not law; the wording prints them from the data.
//
// Only one-sided occasions count towards fixation and obsession: an
// occasion whose description speaks of a mutual quarrel (mutualPhrases) is
// an argument between two people, not a fixation on one.
const (
	// fixatedMinDays and fixatedMinOccasions: one-sided conduct towards one
	// person on five or more occasions spanning four weeks or more shows
	// persistence (three occasions in a month show little of it).
	fixatedMinDays      = 28
	fixatedMinOccasions = 5
	// fixatedIntensity: this many one-sided occasions towards one person
	// within one window shows a fixation however short the span.
	fixatedIntensity = 10
	// windowDays is the length of the rolling window frequency is counted
	// in: the day of an act and the 29 days before it.
	windowDays = 30
	// obsessiveActsInWindow: this many one-sided occasions towards one
	// person within one window shows intensity.
	obsessiveActsInWindow = 5
	// obsessiveBehaviours: this many distinct behaviours towards one person
	// shows variety.
	obsessiveBehaviours = 3
)

// person returns a reason about one victim.
func (s *screener) person(code, victim string, incidents []*casefile.Incident) Reason {
	return Reason{Code: code, Victim: victim, Name: s.name(victim), Incidents: casefile.IncidentIDs(incidents)}
}

// span returns a reason with the span of a course: its occasions, its
// first day, the last day of its last occasion and the days between.
func (r Reason) span(course []*casefile.Incident) Reason {
	sp := &Span{Count: len(course)}
	if len(course) > 0 {
		sp.From, sp.To = course[0].Date, casefile.LastOccasion(course)
		sp.Days = sp.From.DaysUntil(sp.To)
	}
	r.Span = sp
	return r
}

// indicator returns an indicator that is present when it has reasons, and
// otherwise in state otherwise with the single reason fallback.
func indicator(kind IndicatorKind, reasons []Reason, otherwise IndicatorState, fallback Reason) Indicator {
	if len(reasons) > 0 {
		return Indicator{Kind: kind, State: IndicatorPresent, Reasons: reasons}
	}
	return Indicator{Kind: kind, State: otherwise, Reasons: []Reason{fallback}}
}

// repeated: conduct towards the same person on at least two occasions, the
// same count the course-of-conduct element uses (PHA 1997 s.7(3)(a)).
func (s *screener) repeated() Indicator {
	var present, once []Reason
	for _, v := range s.victims {
		course := s.courses[v]
		if casefile.OccasionsElement(course).Met {
			present = append(present, s.person("repeated.occasions", v, course).span(course))
		} else {
			once = append(once, s.person("repeated.once", v, course).span(course))
		}
	}
	switch {
	case len(present) > 0:
		return Indicator{Kind: Repeated, State: IndicatorPresent, Reasons: present}
	case len(once) > 0:
		return Indicator{Kind: Repeated, State: IndicatorAbsent, Reasons: once}
	}
	return Indicator{Kind: Repeated, State: IndicatorAbsent, Reasons: []Reason{{Code: "repeated.none"}}}
}

// afterReport returns the first occasion of the course with a crime
// reference that later occasions followed, and those later occasions.
func afterReport(course []*casefile.Incident) (*casefile.Incident, []*casefile.Incident) {
	for i, in := range course {
		if in.CrimeReference != "" && i+1 < len(course) {
			return in, course[i+1:]
		}
	}
	return nil, nil
}

// reportReason says the conduct continued after a report to the police.
func (s *screener) reportReason(code, victim string, course []*casefile.Incident) (Reason, bool) {
	rep, later := afterReport(course)
	if rep == nil {
		return Reason{}, false
	}
	r := s.person(code, victim, append([]*casefile.Incident{rep}, later...))
	r.After = &After{Date: rep.Date, Following: len(later), Reference: rep.CrimeReference}
	return r, true
}

// requestReason finds the first occasion of the course whose description
// says the person asked for the conduct to stop (requestPhrases), with the
// occasions after it.
func (s *screener) requestReason(code, victim string, course []*casefile.Incident) (Reason, bool) {
	for i, in := range course {
		if p := findPhrase(in.Description, requestPhrases); p != "" {
			later := course[i+1:]
			r := s.person(code, victim, append([]*casefile.Incident{in}, later...))
			r.After = &After{Date: in.Date, Following: len(later), Phrase: p}
			return r, true
		}
	}
	return Reason{}, false
}

// afterOrders returns a reason for each warning or order that bound the
// suspect of later occasions of the course towards the victim it protects,
// naming those occasions and the warning or order as evidence.
func (s *screener) afterOrders(code, victim string, course []*casefile.Incident) []Reason {
	var out []Reason
	for i := range s.c.Warnings {
		w := &s.c.Warnings[i]
		if len(w.Protects) > 0 && !slices.Contains(w.Protects, victim) {
			continue
		}
		later := casefile.FilterIncidents(course, func(in *casefile.Incident) bool {
			return in.Date.After(w.Date) && (w.Until.IsZero() || !in.Date.After(w.Until)) && s.x.SuspectOf(in) == w.Binds
		})
		if len(later) == 0 {
			continue
		}
		r := s.person(code, victim, later)
		r.After = &After{Date: w.Date, Following: len(later), Warning: w.Kind, Says: w.Description}
		r.Evidence = []string{fmt.Sprintf("warnings_and_orders[%d]", i)}
		out = append(out, r)
	}
	return out
}

// oneSided returns the occasions whose description does not speak of a
// mutual quarrel.
func oneSided(course []*casefile.Incident) []*casefile.Incident {
	return casefile.FilterIncidents(course, func(in *casefile.Incident) bool { return findPhrase(in.Description, mutualPhrases) == "" })
}

// unwanted: the conduct went on after a warning or order that bound the
// suspect (warnings_and_orders: police warnings, bail conditions,
// non-molestation and other orders), after the person asked for it to stop,
// refused it or blocked the suspect (phrases in the description, see
// requestPhrases: a fallback for what the record does not hold as data), or
// after a crime was reported. Finding none leaves it unknown: the record
// rarely says in terms that conduct was wanted.
func (s *screener) unwanted() Indicator {
	var reasons []Reason
	for _, v := range s.victims {
		course := s.courses[v]
		reasons = append(reasons, s.afterOrders("unwanted.order", v, course)...)
		if r, ok := s.requestReason("unwanted.request", v, course); ok {
			reasons = append(reasons, r)
		}
		if r, ok := s.reportReason("unwanted.report", v, course); ok {
			reasons = append(reasons, r)
		}
	}
	return indicator(Unwanted, reasons, IndicatorUnknown, Reason{Code: "unwanted.not-shown", Incidents: casefile.IncidentIDs(s.chron)})
}

// fixated: persistence or intensity of one-sided conduct towards one
// person: five or more occasions spanning four weeks or more, ten or more
// within 30 days, conduct that continued after a warning, an order, a
// request to stop or a crime report, and contact through other people.
func (s *screener) fixated() Indicator {
	var reasons []Reason
	for _, v := range s.victims {
		course := oneSided(s.courses[v])
		if r := s.person("fixated.persistence", v, course).span(course); len(course) >= fixatedMinOccasions && r.Span.Days >= fixatedMinDays {
			reasons = append(reasons, r)
		}
		if w, members := peakWindow(course); w.Count >= fixatedIntensity {
			reasons = append(reasons, s.person("fixated.intensity", v, members).span(members))
		}
		reasons = append(reasons, s.afterOrders("fixated.after-order", v, course)...)
		if r, ok := s.requestReason("fixated.after-request", v, course); ok && r.After.Following > 0 {
			reasons = append(reasons, r)
		}
		if r, ok := s.reportReason("fixated.after-report", v, course); ok {
			reasons = append(reasons, r)
		}
	}
	// Contact through others is counted once for the case: the third party
	// is often recorded as a victim of the same occasion.
	if third := withBehaviour(s.chron, casefile.ThirdPartyContact); len(third) > 0 {
		reasons = append(reasons, Reason{Code: "fixated.third-party", Incidents: casefile.IncidentIDs(third)}.count(len(third)))
	}
	return indicator(Fixated, reasons, IndicatorUnknown, Reason{Code: "fixated.not-shown", Incidents: casefile.IncidentIDs(s.chron)})
}

// obsessive: intensity of one-sided conduct towards one person: five or
// more occasions within 30 days, three or more distinct behaviours over two
// or more occasions, or monitoring.
func (s *screener) obsessive() Indicator {
	var reasons []Reason
	for _, v := range s.victims {
		course := oneSided(s.courses[v])
		if w, members := peakWindow(course); w.Count >= obsessiveActsInWindow {
			reasons = append(reasons, s.person("obsessive.frequency", v, members).span(members))
		}
		if kinds := distinctBehaviours(course); len(course) >= 2 && len(kinds) >= obsessiveBehaviours {
			reasons = append(reasons, s.person("obsessive.variety", v, course).count(len(kinds), kinds...))
		}
		if mon := withBehaviour(course, casefile.Monitoring); len(mon) > 0 {
			reasons = append(reasons, s.person("obsessive.monitoring", v, mon).count(len(mon)))
		}
	}
	return indicator(Obsessive, reasons, IndicatorUnknown, Reason{Code: "obsessive.not-shown", Incidents: casefile.IncidentIDs(s.chron)})
}

// withBehaviour returns the occasions tagged with b.
func withBehaviour(course []*casefile.Incident, b casefile.Behaviour) []*casefile.Incident {
	return casefile.FilterIncidents(course, func(in *casefile.Incident) bool { return slices.Contains(in.Behaviours, b) })
}

// distinctBehaviours returns the behaviours recorded on the occasions, in
// the case format's order.
func distinctBehaviours(course []*casefile.Incident) []string {
	var out []string
	for _, b := range casefile.Behaviour("").Values() {
		if len(withBehaviour(course, casefile.Behaviour(b))) > 0 {
			out = append(out, b)
		}
	}
	return out
}

// window returns the rolling window that ends on the day of act i of a
// list in date order: the occasions dated in the windowDays days up to and
// including that day, which sit together in the list.
func window(list []*casefile.Incident, i int) (WindowCount, []*casefile.Incident) {
	end := list[i].Date
	from := end.AddDays(-(windowDays - 1))
	lo := sort.Search(len(list), func(j int) bool { return !list[j].Date.Before(from) })
	hi := sort.Search(len(list), func(j int) bool { return list[j].Date.After(end) })
	members := list[lo:hi]
	return WindowCount{From: from, To: end, Count: len(members), Incidents: casefile.IncidentIDs(members)}, members
}

// peakWindow returns the rolling window with the most occasions (the
// earliest on a tie) and its occasions.
func peakWindow(list []*casefile.Incident) (WindowCount, []*casefile.Incident) {
	var best WindowCount
	var members []*casefile.Incident
	for i := range list {
		if w, m := window(list, i); w.Count > best.Count {
			best, members = w, m
		}
	}
	return best, members
}

// behaviours tallies the s.2A(3) behaviours over the whole chronology.
func (s *screener) behaviours() []BehaviourTally {
	var out []BehaviourTally
	for _, lb := range law.StalkingBehaviours() {
		b := casefile.Behaviour(lb.Name)
		acts := withBehaviour(s.chron, b)
		if len(acts) == 0 {
			continue
		}
		online := casefile.FilterIncidents(acts, func(in *casefile.Incident) bool { return in.Online })
		offline := casefile.FilterIncidents(acts, func(in *casefile.Incident) bool { return !in.Online })
		out = append(out, BehaviourTally{
			Behaviour: b, Citation: lb.Citation,
			Count: len(acts), OnlineCount: len(online), OfflineCount: len(offline),
			Incidents: casefile.IncidentIDs(acts), Online: casefile.IncidentIDs(online), Offline: casefile.IncidentIDs(offline),
		})
	}
	return out
}
