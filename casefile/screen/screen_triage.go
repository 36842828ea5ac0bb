package screen

import (
	"fmt"
	"slices"

	"github.com/spokit/spokit/casefile"

	"github.com/spokit/spokit/internal/law"
)

// TriageState is whether the recorded facts point towards an offence. The
// zero value is TriagePossible.
type TriageState int

// The three states mean the same for every offence (README, "What the
// triage states mean"):
const (
	// TriagePossible: no element spokit judges is failed, but at least one
	// element is open: the record cannot settle it (what a message said,
	// whether behaviour was controlling or coercive, whether acts not in the
	// s.2A(3) list are associated with stalking, whether occasions far apart
	// are linked).
	TriagePossible TriageState = iota
	// TriageDoesNotFit: an element spokit judges is not met on the record.
	TriageDoesNotFit
	// TriageFits: every element of the offence's conduct is judged from the
	// record and met, on the incidents the line names. The mental element
	// and the defences are always for the officer and the court.
	TriageFits
)

var triageStateNames = []string{"possible", "does-not-fit", "fits"}

// String returns "possible", "does-not-fit" or "fits".
func (s TriageState) String() string { return enumString(s, triageStateNames, "TriageState") }

// MarshalText implements encoding.TextMarshaler.
func (s TriageState) MarshalText() ([]byte, error) {
	return enumMarshal(s, triageStateNames, "triage state")
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *TriageState) UnmarshalText(b []byte) error {
	return enumUnmarshal(s, b, triageStateNames, "triage state")
}

// TriageLine is one offence judged for one victim: a hypothetical charge of
// the offence, naming that victim and no date range, assessed with
// Index.Assess as the validation rules assess a real one.
type TriageLine struct {
	Offence casefile.OffenceCode `json:"offence"`
	Victim  string               `json:"victim"`
	State   TriageState          `json:"state"`
	// Incidents are what the line rests on: the course of conduct towards
	// the victim, or for the communications offences the messages.
	Incidents []string `json:"incidents"`
	Reasons   []Reason `json:"reasons"`
	// AlsoConsider lists offences to weigh alongside this one: the stalking
	// offences where controlling or coercive behaviour fits.
	AlsoConsider []casefile.OffenceCode `json:"also_consider,omitempty"`
}

// triageOffences are the offences the triage tells apart, in the order of
// the offences table.
var triageOffences = []casefile.OffenceCode{casefile.Harassment, casefile.Stalking, casefile.FearOfViolence, casefile.StalkingFear, casefile.ControllingCoercive, casefile.MaliciousComms, casefile.ImproperNetworkUse}

// triage judges every triage offence for every victim.
func (s *screener) triage() []TriageLine {
	var out []TriageLine
	for _, v := range s.victims {
		lines := map[casefile.OffenceCode]TriageLine{}
		courseFits := false
		for _, off := range law.Offences() {
			if !off.CourseOfConduct {
				continue
			}
			code := casefile.OffenceCode(off.Code)
			l := s.courseLine(code, v)
			lines[code] = l
			courseFits = courseFits || l.State == TriageFits
		}
		lines[casefile.ControllingCoercive] = s.ccbLine(v)
		lines[casefile.MaliciousComms] = s.commsLine(casefile.MaliciousComms, v, courseFits)
		lines[casefile.ImproperNetworkUse] = s.commsLine(casefile.ImproperNetworkUse, v, courseFits)
		for _, code := range triageOffences {
			out = append(out, lines[code])
		}
	}
	return out
}

// assess judges a hypothetical proposed charge of the offence against one
// victim, with no date range, as of the screening date.
func (s *screener) assess(code casefile.OffenceCode, victim string) casefile.Assessment {
	return s.x.Assess(&casefile.Charge{ID: "screening", Offence: code, Victims: []string{victim}, Status: casefile.Proposed}, victim, s.asOf)
}

// elementReasons turns each element of an assessment into a reason, and
// returns the state the elements allow: does-not-fit when one is not met,
// possible when one is open, fits otherwise.
func (s *screener) elementReasons(a casefile.Assessment) ([]Reason, TriageState) {
	var out []Reason
	state := TriageFits
	for _, e := range a.Elements {
		code := "element.met"
		switch {
		case e.Open:
			code = "element.open"
			if state == TriageFits {
				state = TriagePossible
			}
		case !e.Met:
			code, state = "element.not-met", TriageDoesNotFit
		}
		r := Reason{Code: code, Victim: a.Victim, Name: s.name(a.Victim), Incidents: slices.Clone(e.Incidents),
			Evidence: slices.Clone(e.Evidence), Test: e.Name, Citation: e.Citation, Element: &Element{Shows: e.Detail, Deadline: e.Deadline}}
		out = append(out, r)
	}
	return out, state
}

// cannotShow returns a reason for each element of the offence the record
// cannot show (law.Offence.RecordCannotShow): while there is one the line
// is at most possible.
func (s *screener) cannotShow(code casefile.OffenceCode, reason, v string, on []*casefile.Incident) []Reason {
	off, ok := law.Lookup(string(code))
	if !ok {
		return nil
	}
	var out []Reason
	for _, what := range off.RecordCannotShow {
		r := s.person(reason, v, on)
		r.Test, r.Citation = what, off.Citation
		out = append(out, r)
	}
	return out
}

// demote lowers a state to at most possible.
func demote(st TriageState) TriageState {
	if st == TriageFits {
		return TriagePossible
	}
	return st
}

// courseLine judges one of the PHA offences that need a course of conduct.
// A gap of more than law.CourseGap between consecutive occasions leaves the
// course open (possible), as the COURSE-GAP rule warns: whether occasions so
// far apart are linked is for the officer (Lau v DPP; Pratt v DPP).
func (s *screener) courseLine(code casefile.OffenceCode, v string) TriageLine {
	a := s.assess(code, v)
	reasons, state := s.elementReasons(a)
	if len(a.Course) == 0 {
		state = TriageDoesNotFit
	}
	l := TriageLine{Offence: code, Victim: v, State: state, Incidents: casefile.IncidentIDs(a.Course), Reasons: reasons}
	for _, g := range casefile.CourseGaps(a.Course) {
		r := s.person("triage.course-gap", v, g[:])
		r.Gap = &Gap{From: g[0].LastDate(), To: g[1].Date, Days: g[0].LastDate().DaysUntil(g[1].Date)}
		r.Test, r.Citation = fmt.Sprintf("occasions more than %d months apart need an evidenced link to form one course of conduct", law.CourseGap.Months), law.CourseGap.Citation
		l.Reasons = append(l.Reasons, r)
		l.State = demote(l.State)
	}
	if len(a.Course) == 1 {
		l.Reasons = append(l.Reasons, s.person("triage.single-occasion", v, a.Course))
	}
	if e, ok := a.Element(casefile.ElementStalkingActs); ok && !e.Met {
		if other := withBehaviour(a.Course, casefile.OtherBehaviour); len(other) > 0 {
			l.Reasons = append(l.Reasons, s.person("triage.other-acts", v, other).count(len(other)))
		}
	}
	if code == casefile.Harassment && l.State != TriageDoesNotFit {
		if acts := casefile.FilterIncidents(a.Course, (*casefile.Incident).HasStalkingBehaviour); len(acts) > 0 {
			l.Reasons = append(l.Reasons, s.person("triage.harassment-and-stalking", v, acts).count(len(acts), casefile.Stalking.Title()))
		} else {
			l.Reasons = append(l.Reasons, s.person("triage.harassment-not-stalking", v, a.Course))
		}
	}
	if e, ok := a.Element(casefile.ElementTimeLimit); ok && !e.Met {
		alt := casefile.FearOfViolence
		if code == casefile.Stalking {
			alt = casefile.StalkingFear
		}
		r := s.person("triage.out-of-time", v, e.IncidentsOf(a.Course))
		r.Deadline = &Deadline{LastDay: e.Deadline, Alternatives: []string{alt.Title()}}
		l.Reasons = append(l.Reasons, r)
	}
	return l
}

// ccbLine judges controlling or coercive behaviour (SCA 2015 s.76): it is
// ruled out when an element spokit judges is not met (the relationship at
// the time of the behaviour, s.76(3), the serious effect) or there is no
// behaviour; otherwise it is possible, never a fit, because whether the
// behaviour was controlling or coercive cannot be read from the record.
// Where it is possible on repeated behaviour, the stalking offences are
// also to be considered.
func (s *screener) ccbLine(v string) TriageLine {
	a := s.assess(casefile.ControllingCoercive, v)
	reasons, state := s.elementReasons(a)
	l := TriageLine{Offence: casefile.ControllingCoercive, Victim: v, Incidents: casefile.IncidentIDs(a.Course), Reasons: reasons}
	repeated := len(a.Course) >= 2 || len(a.Course) == 1 && a.Course[0].LastDate().After(a.Course[0].Date)
	l.Reasons = append(l.Reasons, s.person("triage.ccb-occasions", v, a.Course).span(a.Course))
	l.Reasons = append(l.Reasons, s.cannotShow(casefile.ControllingCoercive, "triage.ccb-character", v, a.Course)...)
	switch {
	case len(a.Course) == 0 || state == TriageDoesNotFit:
		l.State = TriageDoesNotFit
	default:
		l.State = TriagePossible
		if repeated {
			l.AlsoConsider = []casefile.OffenceCode{casefile.Stalking, casefile.StalkingFear}
			also := []string{casefile.Stalking.Title(), casefile.StalkingFear.Title()}
			l.Reasons = append(l.Reasons, s.person("triage.also-stalking", v, a.Course).count(len(also), also...))
		}
	}
	return l
}

// commsLine judges a communications offence (MCA 1988 s.1, CA 2003 s.127).
// One message can be enough, but what a message said cannot be read from
// the record, so the line is possible where there are messages (and the
// time limit is met), never a fit; where a course offence fits, the
// messages are part of that course, which the line notes.
func (s *screener) commsLine(code casefile.OffenceCode, v string, courseFits bool) TriageLine {
	a := s.assess(code, v)
	reasons, state := s.elementReasons(a)
	msgs := casefile.FilterIncidents(a.Course, func(in *casefile.Incident) bool { return isMessage(in, code) })
	l := TriageLine{Offence: code, Victim: v, State: TriageDoesNotFit, Reasons: reasons}
	if code == casefile.ImproperNetworkUse {
		var late []*casefile.Incident
		msgs, late = s.withinOuterLimit(msgs)
		if len(late) > 0 {
			l.Reasons = append(l.Reasons, s.person("triage.messages-out-of-time", v, late).count(len(late)))
		}
	}
	if len(msgs) == 0 {
		l.Reasons = append(l.Reasons, s.person("triage.no-messages", v, a.Course).count(len(a.Course)))
		l.Incidents = casefile.IncidentIDs(a.Course)
		return l
	}
	l.Incidents = casefile.IncidentIDs(msgs)
	l.Reasons = append(l.Reasons, s.person("triage.messages", v, msgs).span(msgs))
	l.Reasons = append(l.Reasons, s.cannotShow(code, "triage.message-content", v, msgs)...)
	l.State = demote(state)
	if courseFits {
		l.Reasons = append(l.Reasons, s.person("triage.messages-in-course", v, msgs))
	}
	return l
}

// isMessage reports whether an occasion is a communication the offence may
// cover: an online occasion of contact, threats or publishing (both
// offences); for MCA 1988 s.1 also an offline one whose description speaks
// of a letter, card, note or parcel (a letter or other article).
func isMessage(in *casefile.Incident, code casefile.OffenceCode) bool {
	sent := slices.ContainsFunc(in.Behaviours, func(b casefile.Behaviour) bool {
		return b == casefile.Contacting || b == casefile.Threats || b == casefile.Publishing
	})
	if in.Online {
		return sent
	}
	left := sent || slices.Contains(in.Behaviours, casefile.Gifts)
	return code == casefile.MaliciousComms && left && findPhrase(in.Description, articleWords) != ""
}

// withinOuterLimit splits messages into those still inside the CA 2003
// s.127 outer time limit (three years from the offence) on the screening
// date and those past it.
func (s *screener) withinOuterLimit(msgs []*casefile.Incident) (in, late []*casefile.Incident) {
	off, ok := law.Lookup(string(casefile.ImproperNetworkUse))
	for _, m := range msgs {
		expires, limited := off.TimeLimitExpires(m.LastDate().Time())
		if ok && limited && s.asOf.After(casefile.DateOf(expires)) {
			late = append(late, m)
		} else {
			in = append(in, m)
		}
	}
	return in, late
}
