// Package screen is the stalking screening of a case: a decision aid that
// looks for stalking hidden under other crimes, judges the FOUR indicators
// (fixated, obsessive, unwanted, repeated) and escalation, triages the
// offences the recorded facts point towards, names the crime
// classifications to record, and says whether an SPO should be considered.
// Screen returns data with reasons; Report and Explained put it into words.
package screen

import (
	"fmt"
	"slices"

	"github.com/spokit/spokit/casefile"
)

// Screening is a stalking screening and triage of one case: a decision aid
// that shows its reasons, never a verdict. It looks for stalking that may be
// hidden in a case recorded as something else, and says which offences the
// recorded facts point towards and why.
//
// A Screening holds data only (states, counts, dates, incident ids and
// stable reason codes); Report puts it into words from a wording set, so
// every document that prints a screening (a form, a bundle, a workbook
// sheet, the screen command) prints the same one. Every statement carries
// the ids of the incidents it rests on.
//
// Its JSON form is what "spokit screen --json" prints; the field names are
// stable.
type Screening struct {
	URN  string        `json:"urn"`
	AsOf casefile.Date `json:"as_of"`
	// Incidents are the ids of every incident, in date order: the order
	// every incident list in the screening follows.
	Incidents []string `json:"incidents"`
	// Victims are the people the incidents are directed at, in the case's
	// order of people.
	Victims []ScreenedPerson `json:"victims"`
	// FOUR are the College of Policing's recognition aid for stalking, in
	// the order fixated, obsessive, unwanted, repeated. They help an officer
	// recognise stalking; they are not a legal test.
	FOUR []Indicator `json:"four"`
	// Behaviours are the PHA 1997 s.2A(3) examples that occur, in paragraph
	// order, each with how often it occurs online and offline.
	Behaviours []BehaviourTally `json:"behaviours"`
	// Triage says, for each victim and offence, whether the facts point
	// towards the offence, judged with the same element judgments as the
	// validation rules (Index.Assess).
	Triage     []TriageLine `json:"triage"`
	Escalation Escalation   `json:"escalation"`
	// Online are the online stalking elements (police super-complaint "The
	// police response to stalking", 2024, recommendation 20): online acts,
	// platforms, monitoring, publishing and fake profiles.
	Online []Indicator `json:"online"`
	// Recording is what the crime records should carry when stalking sits
	// under another principal crime (Home Office Counting Rules).
	Recording Recording `json:"recording"`
	// SPO is whether a Stalking Protection Order has been applied for or
	// considered.
	SPO SPOCheck `json:"spo"`
}

// ScreenedPerson is a person the screening names.
type ScreenedPerson struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// IndicatorKind names an indicator of the screening.
type IndicatorKind string

// The FOUR indicators (College of Policing recognition aid).
const (
	// Fixated: a fixed, persistent interest in one person: conduct over four
	// weeks or more, continuing after police contact, reaching the person
	// through others.
	Fixated IndicatorKind = "fixated"
	// Obsessive: intense conduct: many acts within 30 days, a variety of
	// behaviours, monitoring.
	Obsessive IndicatorKind = "obsessive"
	// Unwanted: the conduct continued after the person asked for it to stop,
	// blocked the suspect, or reported it to the police.
	Unwanted IndicatorKind = "unwanted"
	// Repeated: conduct towards the same person on two or more occasions.
	Repeated IndicatorKind = "repeated"
)

// The escalation signals.
const (
	// OnlineToPhysical: the conduct began online and moved to physical
	// presence.
	OnlineToPhysical IndicatorKind = "online-to-physical"
	// ThreatsOrViolence: an occasion recorded as threats or violence.
	ThreatsOrViolence IndicatorKind = "threats"
	// NightAtHome: physical presence at a victim's home at night.
	NightAtHome IndicatorKind = "night-at-home"
	// ThirdParties: contact through other people, or conduct that has come to
	// take in people who were not its first target.
	ThirdParties IndicatorKind = "third-parties"
	// OrderBreached: conduct recorded as breaching a stalking protection
	// order after it was served: the order did not stop it.
	OrderBreached IndicatorKind = "order-breach"
)

// The online stalking elements.
const (
	// OnlineActs: occasions of conduct online.
	OnlineActs IndicatorKind = "online-acts"
	// Platforms: the platforms (locations) of the online occasions.
	Platforms IndicatorKind = "platforms"
	// OnlineMonitoring: occasions recorded as monitoring (s.2A(3)(d)).
	OnlineMonitoring IndicatorKind = "monitoring"
	// OnlinePublishing: occasions recorded as publishing (s.2A(3)(c)).
	OnlinePublishing IndicatorKind = "publishing"
	// FakeProfiles: descriptions that speak of a fake profile or of
	// pretending to be someone.
	FakeProfiles IndicatorKind = "fake-profile"
)

// IndicatorState is what the record shows about an indicator. The zero
// value is IndicatorUnknown.
type IndicatorState int

const (
	// IndicatorUnknown: the record cannot settle it. Free-text heuristics
	// that find nothing leave an indicator unknown, never absent.
	IndicatorUnknown IndicatorState = iota
	// IndicatorAbsent: the record holds what would show it, and it does not
	// (e.g. no one is the target of two occasions; no occasion is tagged
	// monitoring).
	IndicatorAbsent
	// IndicatorPresent: the record shows it, on the incidents its reasons
	// name.
	IndicatorPresent
)

var indicatorStateNames = []string{"unknown", "absent", "present"}

// String returns "unknown", "absent" or "present".
func (s IndicatorState) String() string { return enumString(s, indicatorStateNames, "IndicatorState") }

// MarshalText implements encoding.TextMarshaler.
func (s IndicatorState) MarshalText() ([]byte, error) {
	return enumMarshal(s, indicatorStateNames, "indicator state")
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *IndicatorState) UnmarshalText(b []byte) error {
	return enumUnmarshal(s, b, indicatorStateNames, "indicator state")
}

// Indicator is one indicator or signal, its state and the reasons for it.
type Indicator struct {
	Kind    IndicatorKind  `json:"kind"`
	State   IndicatorState `json:"state"`
	Reasons []Reason       `json:"reasons"`
}

// BehaviourTally is how often one PHA 1997 s.2A(3) behaviour occurs.
type BehaviourTally struct {
	Behaviour casefile.Behaviour `json:"behaviour"`
	// Citation is the paragraph of s.2A(3), e.g. "PHA 1997 s.2A(3)(a)".
	Citation string `json:"citation"`
	// Count is the number of occasions tagged with the behaviour, of which
	// OnlineCount online and OfflineCount offline.
	Count        int `json:"count"`
	OnlineCount  int `json:"online_count"`
	OfflineCount int `json:"offline_count"`
	// Incidents are the occasions, and Online and Offline the same split.
	Incidents []string `json:"incidents"`
	Online    []string `json:"online"`
	Offline   []string `json:"offline"`
}

// SPOState is what the case records about a Stalking Protection Order. The
// zero value is SPONotRecorded.
type SPOState int

const (
	// SPONotRecorded: neither an application nor a consideration is
	// recorded. Where the case shows stalking, the SPO-NOT-CONSIDERED rule
	// warns.
	SPONotRecorded SPOState = iota
	// SPOConsidered: a consideration is recorded, with no application.
	SPOConsidered
	// SPOApplied: the case holds an application.
	SPOApplied
)

var spoStateNames = []string{"not-recorded", "considered", "applied"}

// String returns "not-recorded", "considered" or "applied".
func (s SPOState) String() string { return enumString(s, spoStateNames, "SPOState") }

// MarshalText implements encoding.TextMarshaler.
func (s SPOState) MarshalText() ([]byte, error) { return enumMarshal(s, spoStateNames, "SPO state") }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *SPOState) UnmarshalText(b []byte) error {
	return enumUnmarshal(s, b, spoStateNames, "SPO state")
}

// SPOCheck is whether a Stalking Protection Order has been considered
// (police super-complaint "The police response to stalking", 2024; that the
// recommendation is number 13 is unverified).
type SPOCheck struct {
	State SPOState `json:"state"`
	// StalkingShown is true when the case shows stalking as the
	// SPO-NOT-CONSIDERED rule reads it: a stalking charge, or an occasion
	// with one of the s.2A(3) behaviours.
	StalkingShown bool `json:"stalking_shown"`
	// Decision, Date and By are from the recorded consideration, if any.
	Decision casefile.Decision `json:"decision,omitempty"`
	Date     casefile.Date     `json:"date,omitzero"`
	By       string            `json:"by,omitempty"`
	Reasons  []Reason          `json:"reasons"`
}

// Screen screens case c as of asOf (zero means the case's as_of, else
// today): the FOUR indicators, the s.2A(3) behaviours, the offence triage,
// escalation, the online elements, the crime recording and the SPO. It
// judges the record only; it never changes c.
func Screen(c *casefile.Case, asOf casefile.Date) Screening {
	s := newScreener(c, c.ResolveAsOf(asOf))
	out := Screening{
		URN:       c.URN,
		AsOf:      s.asOf,
		Incidents: casefile.IncidentIDs(s.chron),
		FOUR:      []Indicator{s.fixated(), s.obsessive(), s.unwanted(), s.repeated()},
		Online:    s.online(),
	}
	for _, v := range s.victims {
		out.Victims = append(out.Victims, ScreenedPerson{ID: v, Name: s.name(v)})
	}
	out.Behaviours = s.behaviours()
	out.Triage = s.triage()
	out.Escalation = s.escalation()
	out.Recording = s.recording(out.Triage)
	out.SPO = s.spoCheck()
	out.normalise()
	return out
}

// screener holds what every part of a screening works from.
type screener struct {
	c     *casefile.Case
	x     *casefile.Index
	asOf  casefile.Date
	chron []*casefile.Incident
	// victims are the ids the incidents are directed at; courses their
	// courses of conduct as the validation rules define one (Index.Course).
	victims []string
	courses map[string][]*casefile.Incident
}

func newScreener(c *casefile.Case, asOf casefile.Date) *screener {
	x := casefile.NewIndex(c)
	s := &screener{c: c, x: x, asOf: asOf, chron: x.Chronology(), courses: map[string][]*casefile.Incident{}}
	seen := map[string]bool{}
	for _, in := range s.chron {
		for _, v := range in.Victims {
			seen[v] = true
		}
	}
	// People order first, so the screening lists victims as the case does;
	// ids that do not resolve (CASE-REF reports them) follow in first-seen
	// order.
	for _, p := range c.People {
		if seen[p.ID] && !slices.Contains(s.victims, p.ID) {
			s.victims = append(s.victims, p.ID)
		}
	}
	for _, in := range s.chron {
		for _, v := range in.Victims {
			if !slices.Contains(s.victims, v) {
				s.victims = append(s.victims, v)
			}
		}
	}
	for _, v := range s.victims {
		s.courses[v] = x.Course(&casefile.Charge{Victims: []string{v}}, v)
	}
	return s
}

// name returns a person's name, or the id when it does not resolve.
func (s *screener) name(id string) string {
	if p := s.x.Person(id); p != nil {
		return p.Name()
	}
	return id
}

// normalise makes every incident list non-nil, so the JSON form always has
// the list, empty or not.
func (sc *Screening) normalise() {
	fix := func(rs []Reason) {
		for i := range rs {
			if rs[i].Incidents == nil {
				rs[i].Incidents = []string{}
			}
		}
	}
	for _, list := range [][]Indicator{sc.FOUR, sc.Online, sc.Escalation.Signals} {
		for i := range list {
			fix(list[i].Reasons)
		}
	}
	for i := range sc.Triage {
		if sc.Triage[i].Incidents == nil {
			sc.Triage[i].Incidents = []string{}
		}
		fix(sc.Triage[i].Reasons)
	}
	for i := range sc.Recording.Records {
		if sc.Recording.Records[i].Incidents == nil {
			sc.Recording.Records[i].Incidents = []string{}
		}
	}
	fix(sc.Escalation.Frequency)
	fix(sc.Recording.Reasons)
	fix(sc.SPO.Reasons)
	if sc.Victims == nil {
		sc.Victims = []ScreenedPerson{}
	}
	if sc.Behaviours == nil {
		sc.Behaviours = []BehaviourTally{}
	}
	if sc.Triage == nil {
		sc.Triage = []TriageLine{}
	}
	if sc.Recording.Records == nil {
		sc.Recording.Records = []CrimeRecord{}
	}
}

// enumString, enumMarshal and enumUnmarshal implement String and the text
// (JSON) form of the screening's int-based states from a table of names.
func enumString[T ~int](v T, names []string, typ string) string {
	if v < 0 || int(v) >= len(names) {
		return fmt.Sprintf("%s(%d)", typ, int(v))
	}
	return names[v]
}

func enumMarshal[T ~int](v T, names []string, what string) ([]byte, error) {
	if v < 0 || int(v) >= len(names) {
		return nil, fmt.Errorf("casefile: invalid %s %d", what, int(v))
	}
	return []byte(names[v]), nil
}

func enumUnmarshal[T ~int](v *T, b []byte, names []string, what string) error {
	if i := slices.Index(names, string(b)); i >= 0 {
		*v = T(i)
		return nil
	}
	return fmt.Errorf("casefile: unknown %s %q", what, b)
}

// screeningOf returns the screening a document prints: the one given, or
// the case screened as of asOf.
func ScreeningOf(given *Screening, c *casefile.Case, asOf casefile.Date) Screening {
	if given != nil {
		return *given
	}
	return Screen(c, asOf)
}
