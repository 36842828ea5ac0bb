package screen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/spokit/spokit/casefile"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/templates"
)

// The screening scenarios are small fictional cases, each with one victim
// (Mirela Dunn, V1) and one suspect (Colm Varley, S1) unless it says
// otherwise.

// screenCase returns a case with the scenario's people and incidents, each
// incident directed at V1 unless it names its victims.
func screenCase(asOf string, incidents ...casefile.Incident) *casefile.Case {
	for i := range incidents {
		if incidents[i].Victims == nil {
			incidents[i].Victims = []string{"V1"}
		}
	}
	return &casefile.Case{
		Format: casefile.FormatV1, URN: "07CW0777125", AsOf: ymd(asOf),
		Force:         casefile.Force{Name: "Cheshire Constabulary", Code: "07"},
		OfficerInCase: "O1",
		People: []casefile.Person{
			{ID: "V1", Role: casefile.RoleVictim, Forenames: "Mirela", Surname: "Dunn", Address: "7 Quarry Lane\nFrodsham\nWA6 7ZZ"},
			{ID: "S1", Role: casefile.RoleSuspect, Forenames: "Colm", Surname: "Varley"},
			{ID: "O1", Role: casefile.RoleOfficer, Forenames: "Ada", Surname: "Price", Rank: "DC"},
		},
		Incidents: incidents,
	}
}

func related(c *casefile.Case, t casefile.RelationshipType, livedTogether bool) *casefile.Case {
	c.Relationships = append(c.Relationships, casefile.Relationship{Between: []string{"S1", "V1"}, Type: t, LivedTogether: livedTogether})
	return c
}

func seriouslyAffected(c *casefile.Case) *casefile.Case {
	c.Impact = append(c.Impact, casefile.Impact{Victim: "V1", SeriousAlarmOrDistress: true, Effects: []string{"stopped going out alone"}})
	return c
}

// singleMessage: one abusive message and nothing else.
func singleMessage() *casefile.Case {
	return screenCase("2025-03-01", casefile.Incident{
		ID: "I1", Date: ymd("2025-02-10"), Time: clock("21:05"), Location: "WhatsApp", Online: true,
		Behaviours: []casefile.Behaviour{casefile.Contacting}, Description: "Sent one message calling her worthless and vile.",
	})
}

// neighbour: two unrelated arguments with a neighbour, the first recorded as
// a crime.
func neighbour() *casefile.Case {
	return related(screenCase("2025-08-01",
		casefile.Incident{ID: "I1", Date: ymd("2025-03-02"), Location: "Garden fence, Quarry Lane", Behaviours: []casefile.Behaviour{casefile.OtherBehaviour},
			Description: "Shouted at her over the garden fence about the height of her hedge.", CrimeReference: "CC-25-000111"},
		casefile.Incident{ID: "I2", Date: ymd("2025-05-20"), Location: "Quarry Lane", Behaviours: []casefile.Behaviour{casefile.OtherBehaviour},
			Description: "Argued with her in the street about where she parks her car."},
	), casefile.Neighbour, false)
}

// exPartnerMonitors: an ex-partner who never lived with her monitors her
// email, follows her, sets up a fake profile and watches her home at night,
// all before 5 April 2023.
func exPartnerMonitors() *casefile.Case {
	return seriouslyAffected(related(screenCase("2023-05-01",
		casefile.Incident{ID: "I1", Date: ymd("2022-11-05"), Location: "Email account", Online: true, Behaviours: []casefile.Behaviour{casefile.Monitoring},
			Description: "Logged in to her email account from his phone and read her messages."},
		casefile.Incident{ID: "I2", Date: ymd("2022-12-10"), Time: clock("18:20"), Location: "Frodsham station", Behaviours: []casefile.Behaviour{casefile.Following},
			Description: "Followed her from the station to her street."},
		casefile.Incident{ID: "I3", Date: ymd("2023-01-14"), Location: "Instagram", Online: true, Behaviours: []casefile.Behaviour{casefile.Publishing},
			Description: "Set up a fake profile with her photographs and posted about her."},
		casefile.Incident{ID: "I4", Date: ymd("2023-02-25"), Time: clock("23:40"), Location: "7 Quarry Lane, Frodsham",
			Behaviours: []casefile.Behaviour{casefile.Watching, casefile.Loitering}, VictimFearedViolence: true,
			Description: "Stood outside her house for an hour, looking at her window."},
		casefile.Incident{ID: "I5", Date: ymd("2023-03-18"), Time: clock("01:10"), Location: "Outside her home", Behaviours: []casefile.Behaviour{casefile.Watching},
			VictimFearedViolence: true, Description: "Watched her bedroom window from a parked car."},
	), casefile.ExPartner, false))
}

// coercivePartner: controlling behaviour by a partner she lives with.
func coercivePartner() *casefile.Case {
	return seriouslyAffected(related(screenCase("2025-06-01",
		casefile.Incident{ID: "I1", Date: ymd("2025-01-10"), Location: "7 Quarry Lane, Frodsham", Behaviours: []casefile.Behaviour{casefile.OtherBehaviour},
			Description: "Took her bank card and said she could have money only if she asked him."},
		casefile.Incident{ID: "I2", Date: ymd("2025-02-14"), Time: clock("20:00"), Location: "7 Quarry Lane, Frodsham", Behaviours: []casefile.Behaviour{casefile.Monitoring, casefile.OtherBehaviour},
			Description: "Read the messages on her phone and told her which friends she could see."},
		casefile.Incident{ID: "I3", Date: ymd("2025-03-20"), Location: "7 Quarry Lane, Frodsham", Behaviours: []casefile.Behaviour{casefile.OtherBehaviour},
			VictimFearedViolence: true, Description: "Locked her out overnight after she visited her sister."},
		casefile.Incident{ID: "I4", Date: ymd("2025-04-22"), Time: clock("19:15"), Location: "Frodsham town centre", Behaviours: []casefile.Behaviour{casefile.Threats},
			VictimFearedViolence: true, Description: "Said he would hurt her if she ever left him."},
	), casefile.Partner, true))
}

// blockedThenMessaged: messages that went on after she blocked him, all
// online.
func blockedThenMessaged() *casefile.Case {
	return screenCase("2025-03-01",
		casefile.Incident{ID: "I1", Date: ymd("2025-01-04"), Location: "Instagram", Online: true, Behaviours: []casefile.Behaviour{casefile.Contacting},
			Description: "Messaged her again after she blocked him on Instagram."},
		casefile.Incident{ID: "I2", Date: ymd("2025-01-09"), Location: "instagram", Online: true, Behaviours: []casefile.Behaviour{casefile.Contacting},
			Description: "Sent twelve messages from a new account."},
	)
}

// oldMessages: two messages in 2021 judged at the start of 2025, one with
// no platform recorded.
func oldMessages() *casefile.Case {
	return screenCase("2025-01-01",
		casefile.Incident{ID: "I1", Date: ymd("2021-03-01"), Location: "Text message", Online: true, Behaviours: []casefile.Behaviour{casefile.Contacting},
			Description: "Sent a text message calling her a liar."},
		casefile.Incident{ID: "I2", Date: ymd("2021-04-01"), Online: true, Behaviours: []casefile.Behaviour{casefile.Contacting},
			Description: "Sent another text message with the same words."},
	)
}

// aggravatedNeighbour: the neighbour case charged as racially aggravated
// harassment.
func aggravatedNeighbour() *casefile.Case {
	c := neighbour()
	c.Charges = []casefile.Charge{{ID: "C1", Offence: casefile.Harassment, Victims: []string{"V1"}, Aggravated: casefile.RaciallyAggravated, Status: casefile.Proposed}}
	return c
}

// consideredNotApplied: the coercive case with an SPO considered and not
// applied for.
func consideredNotApplied() *casefile.Case {
	c := coercivePartner()
	c.SPOConsideration = &casefile.SPOConsideration{Date: ymd("2025-05-02"), Decision: "not-apply", By: "O1", Reason: "A restraining order will be sought on conviction."}
	return c
}

// oneControllingOccasion: a partner, serious effect, but one occasion only.
func oneControllingOccasion() *casefile.Case {
	return seriouslyAffected(related(screenCase("2025-06-01",
		casefile.Incident{ID: "I1", Date: ymd("2025-05-10"), Location: "7 Quarry Lane, Frodsham", Behaviours: []casefile.Behaviour{casefile.OtherBehaviour},
			Description: "Took her car keys and phone so she could not go to work."},
	), casefile.Partner, true))
}

// otherSuspect: a second person is the target of conduct by someone who is
// not the case's suspect.
func otherSuspect() *casefile.Case {
	c := singleMessage()
	addPerson(c, "V2", casefile.RoleOther, "Jon", "Dunn")
	addPerson(c, "P9", casefile.RoleOther, "Rhys", "Amos")
	c.Incidents = append(c.Incidents, casefile.Incident{ID: "I2", Date: ymd("2025-02-11"), Location: "Frodsham", Behaviours: []casefile.Behaviour{casefile.OtherBehaviour},
		Description: "Pushed past him in a shop.", Suspect: "P9", Victims: []string{"V2"}})
	return c
}

func exampleCase(t *testing.T) *casefile.Case {
	t.Helper()
	f, err := os.Open("../testdata/case-example.json")
	require.NoError(t, err)
	defer f.Close()
	c, err := casefile.Decode(f)
	require.NoError(t, err)
	return c
}

func sampleCase() *casefile.Case {
	c, _ := casefile.Sample()
	return c
}

type scenario struct {
	name string
	c    *casefile.Case
}

// scenarios returns every case the screening tests run on.
func scenarios(t *testing.T) []scenario {
	return []scenario{
		{"single abusive message", singleMessage()},
		{"two arguments with a neighbour", neighbour()},
		{"ex-partner monitors and follows", exPartnerMonitors()},
		{"coercive control by a live-in partner", coercivePartner()},
		{"messages after being blocked", blockedThenMessaged()},
		{"old messages", oldMessages()},
		{"aggravated harassment charged", aggravatedNeighbour()},
		{"SPO considered, not applied for", consideredNotApplied()},
		{"one controlling occasion", oneControllingOccasion()},
		{"conduct by someone other than the suspect", otherSuspect()},
		{"no incidents", screenCase("2025-01-01")},
		{"a long gap", screenCase("2024-10-01", occ("I1", "2024-01-10", "Rang her."), occ("I2", "2024-07-15", "Rang her."))},
		{"after a warning, daily", ordered(screenCase("2025-06-01", every("I", "2025-01-01", 12, 1, "Rang her.")...), casefile.PoliceWarning, "2025-01-03", "S1", "V1")},
		{"rising", screenCase("2025-06-01", append(every("A", "2025-01-01", 2, 20, "Rang her."), every("B", "2025-02-20", 8, 1, "Rang her.")...)...)},
		{"falling", screenCase("2025-06-01", append(every("A", "2025-01-01", 8, 1, "Rang her."), every("B", "2025-02-01", 2, 20, "Rang her.")...)...)},
		{"shared example", exampleCase(t)},
		{"embedded sample", sampleCase()},
		{"an order breached after service", breachedAfterService()},
		{"a breach named before service", breachedBeforeService()},
	}
}

func line(t *testing.T, s Screening, offence casefile.OffenceCode, victim string) TriageLine {
	t.Helper()
	i := slices.IndexFunc(s.Triage, func(l TriageLine) bool { return l.Offence == offence && l.Victim == victim })
	require.GreaterOrEqual(t, i, 0, "no triage line for %s and %s", offence, victim)
	return s.Triage[i]
}

func indicatorOf(t *testing.T, list []Indicator, kind IndicatorKind) Indicator {
	t.Helper()
	i := slices.IndexFunc(list, func(ind Indicator) bool { return ind.Kind == kind })
	require.GreaterOrEqual(t, i, 0, "no indicator %s", kind)
	return list[i]
}

// everyReason returns every reason of the screening.
func everyReason(s Screening) []Reason {
	var out []Reason
	for _, list := range [][]Indicator{s.FOUR, s.Escalation.Signals, s.Online} {
		for _, ind := range list {
			out = append(out, ind.Reasons...)
		}
	}
	for _, l := range s.Triage {
		out = append(out, l.Reasons...)
	}
	out = append(out, s.Escalation.Frequency...)
	out = append(out, s.Recording.Reasons...)
	return append(out, s.SPO.Reasons...)
}

func codesOf(s Screening) []string {
	var out []string
	for _, r := range everyReason(s) {
		out = append(out, r.Code)
	}
	return out
}

// reasonWith returns the first reason with the code, failing if none.
func reasonWith(t *testing.T, s Screening, code string) Reason {
	t.Helper()
	for _, r := range everyReason(s) {
		if r.Code == code {
			return r
		}
	}
	require.Failf(t, "reason not found", "no reason %q among %v", code, codesOf(s))
	return Reason{}
}

const (
	s2   = casefile.Harassment
	s2A  = casefile.Stalking
	s4   = casefile.FearOfViolence
	s4A  = casefile.StalkingFear
	s76  = casefile.ControllingCoercive
	mca  = casefile.MaliciousComms
	ca   = casefile.ImproperNetworkUse
	fits = TriageFits
	dnf  = TriageDoesNotFit
	poss = TriagePossible
)

func TestScreenTellsTheOffencesApart(t *testing.T) {
	tests := []struct {
		name   string
		c      *casefile.Case
		triage map[casefile.OffenceCode]TriageState // for V1
		also   []casefile.OffenceCode               // AlsoConsider of the s.76 line
		codes  []string                             // reasons that must be given
	}{
		{
			name:   "a single abusive message is a communications offence, not a course of conduct",
			c:      singleMessage(),
			triage: map[casefile.OffenceCode]TriageState{s2: dnf, s2A: dnf, s4: dnf, s4A: dnf, s76: dnf, mca: poss, ca: poss},
			codes:  []string{"triage.single-occasion", "triage.messages", "triage.message-content", "repeated.once"},
		},
		{
			name:   "two arguments with a neighbour are harassment; stalking stays possible, the s.2A(3) list being illustrative",
			c:      neighbour(),
			triage: map[casefile.OffenceCode]TriageState{s2: fits, s2A: poss, s4: dnf, s4A: dnf, s76: dnf, mca: dnf, ca: dnf},
			codes:  []string{"triage.harassment-not-stalking", "triage.other-acts", "triage.no-messages", "recording.include-harassment"},
		},
		{
			name:   "an ex-partner who monitors and follows is stalking; s.76 fails the living-together test before April 2023",
			c:      exPartnerMonitors(),
			triage: map[casefile.OffenceCode]TriageState{s2: fits, s2A: fits, s4: fits, s4A: fits, s76: dnf, mca: poss, ca: poss},
			codes:  []string{"triage.harassment-and-stalking", "triage.messages-in-course", "online.fake-profile", "recording.no-reference", "spo.not-recorded"},
		},
		{
			name:   "coercive control by a live-in partner is possible s.76 (its character is the officer's to judge), and stalking is also considered",
			c:      coercivePartner(),
			triage: map[casefile.OffenceCode]TriageState{s2: fits, s2A: fits, s4: fits, s4A: fits, s76: poss, mca: dnf, ca: dnf},
			also:   []casefile.OffenceCode{s2A, s4A},
			codes:  []string{"triage.also-stalking", "triage.ccb-character", "escalation.threats"},
		},
		{
			name:   "one controlling occasion is only possibly s.76: it must be repeated or continuous",
			c:      oneControllingOccasion(),
			triage: map[casefile.OffenceCode]TriageState{s2: dnf, s76: poss},
			codes:  []string{"triage.ccb-occasions"},
		},
		{
			name:   "summary-only offences out of time point to the either-way ones; CA s.127 has a three-year outer limit",
			c:      oldMessages(),
			triage: map[casefile.OffenceCode]TriageState{s2: dnf, s2A: dnf, mca: poss, ca: dnf},
			codes:  []string{"triage.out-of-time", "triage.messages-out-of-time"},
		},
		{
			name:   "the shared example is stalking by an ex-partner, and s.76 is possible after April 2023 rules",
			c:      exampleCase(t),
			triage: map[casefile.OffenceCode]TriageState{s2: fits, s2A: fits, s4: fits, s4A: fits, s76: poss, mca: poss, ca: poss},
			also:   []casefile.OffenceCode{s2A, s4A},
			codes:  []string{"recording.include-stalking", "spo.applied", "spo.considered"},
		},
		{
			name:   "the sample is stalking by an acquaintance, so s.76 does not fit",
			c:      sampleCase(),
			triage: map[casefile.OffenceCode]TriageState{s2: fits, s2A: fits, s4: fits, s4A: fits, s76: dnf, mca: poss, ca: poss},
			codes:  []string{"recording.include-stalking", "spo.applied", "online.fake-profile"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Screen(tt.c, casefile.Date{})
			for offence, want := range tt.triage {
				assert.Equal(t, want, line(t, s, offence, "V1").State, "triage of %s", offence)
			}
			assert.Equal(t, tt.also, line(t, s, s76, "V1").AlsoConsider)
			for _, code := range tt.codes {
				assert.Contains(t, codesOf(s), code)
			}
		})
	}
}

func TestTriageUsesTheValidationRulesJudgments(t *testing.T) {
	for _, sc := range scenarios(t) {
		t.Run(sc.name, func(t *testing.T) {
			s := Screen(sc.c, casefile.Date{})
			x := casefile.NewIndex(sc.c)
			for _, l := range s.Triage {
				a := x.Assess(&casefile.Charge{ID: "C", Offence: l.Offence, Victims: []string{l.Victim}, Status: casefile.Proposed}, l.Victim, s.AsOf)
				var elements []Reason
				for _, r := range l.Reasons {
					if strings.HasPrefix(r.Code, "element.") {
						elements = append(elements, r)
					}
				}
				require.Len(t, elements, len(a.Elements), "%s for %s", l.Offence, l.Victim)
				for i, e := range a.Elements {
					assert.Equal(t, e.Met, elements[i].Code == "element.met", "%s: %s", l.Offence, e.Kind)
					assert.Equal(t, e.Name, elements[i].Test)
					assert.Equal(t, e.Detail, elements[i].Element.Shows)
					if !e.Met {
						assert.NotEqual(t, TriageFits, l.State, "%s fits with %s not met", l.Offence, e.Kind)
					}
				}
			}
		})
	}
}

func TestEveryStatementNamesTheIncidentsItRestsOn(t *testing.T) {
	for _, sc := range scenarios(t) {
		t.Run(sc.name, func(t *testing.T) {
			s := Screen(sc.c, casefile.Date{})
			known := s.Incidents
			checkIDs := func(what string, list []string) {
				for _, id := range list {
					assert.Contains(t, known, id, "%s names an incident the case does not have", what)
				}
			}
			indicators := slices.Concat(s.FOUR, s.Escalation.Signals, s.Online)
			for _, ind := range indicators {
				if ind.State == IndicatorPresent {
					for _, r := range ind.Reasons {
						assert.NotEmpty(t, r.Incidents, "%s is present on reason %s with no incidents", ind.Kind, r.Code)
					}
				}
				require.NotEmpty(t, ind.Reasons, "%s has no reasons", ind.Kind)
			}
			for _, l := range s.Triage {
				require.NotEmpty(t, l.Reasons, "%s for %s has no reasons", l.Offence, l.Victim)
				if l.State == TriageFits {
					assert.NotEmpty(t, l.Incidents, "%s fits %s with no incidents", l.Offence, l.Victim)
				}
				checkIDs(string(l.Offence), l.Incidents)
			}
			for _, b := range s.Behaviours {
				assert.NotEmpty(t, b.Incidents)
				assert.Equal(t, b.Count, b.OnlineCount+b.OfflineCount)
			}
			if s.Recording.State == IndicatorPresent {
				for _, r := range s.Recording.Reasons {
					assert.NotEmpty(t, r.Incidents, r.Code)
				}
			}
			for _, r := range everyReason(s) {
				checkIDs(r.Code, r.Incidents)
			}
			rep, err := s.Report(templates.Default())
			require.NoError(t, err)
			for _, l := range rep.Lines() {
				if l.State == "present" || l.State == "fits" || l.State == "applied" {
					assert.NotEmpty(t, l.Incidents, "line %s", l.Key)
				}
				for _, id := range l.Incidents {
					assert.Contains(t, l.Text, id, "line %s text does not name %s", l.Key, id)
				}
			}
		})
	}
}

func TestEveryReasonCodeHasWordingAndIsUsed(t *testing.T) {
	used := map[string]bool{}
	for _, sc := range scenarios(t) {
		for _, code := range codesOf(Screen(sc.c, casefile.Date{})) {
			used[code] = true
		}
	}
	var units []string
	for _, name := range templates.Default().Names() {
		if code, ok := strings.CutPrefix(name, "screen.reason."); ok {
			units = append(units, code)
		}
	}
	var codes []string
	for code := range used {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	assert.Equal(t, units, codes, "every reason must have a wording unit, and every unit must be reachable")
}

func TestFOURIndicators(t *testing.T) {
	type want struct {
		kind      IndicatorKind
		state     IndicatorState
		code      string
		incidents []string
	}
	tests := []struct {
		name string
		c    *casefile.Case
		want []want
		not  []string // reasons that must not be given
	}{
		{
			name: "a single message is not repeated, and nothing else is shown",
			c:    singleMessage(),
			want: []want{
				{Repeated, IndicatorAbsent, "repeated.once", []string{"I1"}},
				{Unwanted, IndicatorUnknown, "unwanted.not-shown", []string{"I1"}},
				{Fixated, IndicatorUnknown, "fixated.not-shown", []string{"I1"}},
				{Obsessive, IndicatorUnknown, "obsessive.not-shown", []string{"I1"}},
			},
		},
		{
			name: "two arguments far apart are repeated, but two occasions are not persistence",
			c:    neighbour(),
			want: []want{
				{Repeated, IndicatorPresent, "repeated.occasions", []string{"I1", "I2"}},
				{Fixated, IndicatorPresent, "fixated.after-report", []string{"I1", "I2"}},
				{Unwanted, IndicatorPresent, "unwanted.report", []string{"I1", "I2"}},
			},
			not: []string{"fixated.persistence", "obsessive.variety"},
		},
		{
			name: "messages after being blocked are unwanted",
			c:    blockedThenMessaged(),
			want: []want{{Unwanted, IndicatorPresent, "unwanted.request", []string{"I1", "I2"}}},
		},
		{
			name: "an ex-partner's conduct over months is fixated and obsessive, but nothing says it was unwanted",
			c:    exPartnerMonitors(),
			want: []want{
				{Fixated, IndicatorPresent, "fixated.persistence", []string{"I1", "I2", "I3", "I4", "I5"}},
				{Obsessive, IndicatorPresent, "obsessive.variety", []string{"I1", "I2", "I3", "I4", "I5"}},
				{Unwanted, IndicatorUnknown, "unwanted.not-shown", []string{"I1", "I2", "I3", "I4", "I5"}},
			},
		},
		{
			name: "the shared example: eight occasions over four months, many behaviours, contact through her sister",
			c:    exampleCase(t),
			want: []want{
				{Fixated, IndicatorPresent, "fixated.persistence", []string{"I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8"}},
				{Obsessive, IndicatorPresent, "obsessive.variety", []string{"I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8"}},
				{Fixated, IndicatorPresent, "fixated.third-party", []string{"I7"}},
				{Unwanted, IndicatorPresent, "unwanted.request", []string{"I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8"}},
			},
		},
		{
			name: "no incidents: nothing repeated",
			c:    screenCase("2025-01-01"),
			want: []want{{Repeated, IndicatorAbsent, "repeated.none", nil}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Screen(tt.c, casefile.Date{})
			require.Equal(t, []IndicatorKind{Fixated, Obsessive, Unwanted, Repeated},
				[]IndicatorKind{s.FOUR[0].Kind, s.FOUR[1].Kind, s.FOUR[2].Kind, s.FOUR[3].Kind})
			for _, w := range tt.want {
				ind := indicatorOf(t, s.FOUR, w.kind)
				assert.Equal(t, w.state, ind.State, "%s", w.kind)
				i := slices.IndexFunc(ind.Reasons, func(r Reason) bool { return r.Code == w.code })
				require.GreaterOrEqual(t, i, 0, "%s has no reason %s: %+v", w.kind, w.code, ind.Reasons)
				if w.incidents == nil {
					w.incidents = []string{}
				}
				assert.Equal(t, w.incidents, ind.Reasons[i].Incidents)
			}
			for _, code := range tt.not {
				assert.NotContains(t, codesOf(s), code)
			}
		})
	}
}

func TestUnwantedReasonSaysWhatFollowedTheRequest(t *testing.T) {
	r := reasonWith(t, Screen(sampleCase(), casefile.Date{}), "unwanted.request")
	require.NotNil(t, r.After)
	assert.Equal(t, "not interested", r.After.Phrase)
	assert.Equal(t, ymd("2025-08-04"), r.After.Date)
	assert.Equal(t, 7, r.After.Following, "occasions after the request")
	assert.Len(t, r.Incidents, 8, "the request and the occasions after it")
	assert.Equal(t, "Siân Pryce", r.Name)
}

func TestBehavioursAreCountedOnlineAndOfflineInParagraphOrder(t *testing.T) {
	s := Screen(sampleCase(), casefile.Date{})
	var got []string
	for _, b := range s.Behaviours {
		got = append(got, fmt.Sprintf("%s %s %d=%d+%d %v %v", b.Behaviour, b.Citation, b.Count, b.OnlineCount, b.OfflineCount, b.Online, b.Offline))
	}
	assert.Equal(t, []string{
		"following PHA 1997 s.2A(3)(a) 1=0+1 [] [I3]",
		"contacting PHA 1997 s.2A(3)(b) 3=1+2 [I2] [I1 I7]",
		"publishing PHA 1997 s.2A(3)(c) 1=1+0 [I5] []",
		"loitering PHA 1997 s.2A(3)(e) 2=0+2 [] [I4 I7]",
		"interfering PHA 1997 s.2A(3)(f) 1=0+1 [] [I6]",
		"watching PHA 1997 s.2A(3)(g) 3=0+3 [] [I3 I6 I8]",
	}, got)
	assert.Empty(t, Screen(neighbour(), casefile.Date{}).Behaviours, "only behaviours that occur are listed")
}

func TestEscalation(t *testing.T) {
	tests := []struct {
		name    string
		c       *casefile.Case
		trend   Trend
		signals map[IndicatorKind]IndicatorState
		night   []string
	}{
		{
			name:  "an ex-partner: online first, then at her recorded address at night; five occasions are too few for a trend",
			c:     exPartnerMonitors(),
			trend: TrendUnknown,
			signals: map[IndicatorKind]IndicatorState{OnlineToPhysical: IndicatorPresent, ThreatsOrViolence: IndicatorAbsent,
				NightAtHome: IndicatorPresent, ThirdParties: IndicatorAbsent},
			night: []string{"I4"},
		},
		{
			name:  "the sample began in person, so there was no move from online; it went to her home at night",
			c:     sampleCase(),
			trend: TrendStable,
			signals: map[IndicatorKind]IndicatorState{OnlineToPhysical: IndicatorAbsent, ThreatsOrViolence: IndicatorPresent,
				NightAtHome: IndicatorPresent, ThirdParties: IndicatorPresent},
			night: []string{"I6", "I8"},
		},
		{
			name:    "a partner at home with no time recorded leaves night-time presence unknown",
			c:       coercivePartner(),
			trend:   TrendUnknown,
			signals: map[IndicatorKind]IndicatorState{NightAtHome: IndicatorUnknown, OnlineToPhysical: IndicatorAbsent},
		},
		{
			name:    "only online messages, too few to judge a trend",
			c:       oldMessages(),
			trend:   TrendUnknown,
			signals: map[IndicatorKind]IndicatorState{OnlineToPhysical: IndicatorAbsent, NightAtHome: IndicatorAbsent},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Screen(tt.c, casefile.Date{}).Escalation
			assert.Equal(t, tt.trend, e.Trend)
			for kind, want := range tt.signals {
				assert.Equal(t, want, indicatorOf(t, e.Signals, kind).State, "%s", kind)
			}
			if tt.night != nil {
				var got []string
				for _, r := range indicatorOf(t, e.Signals, NightAtHome).Reasons {
					got = append(got, r.Incidents...)
				}
				assert.Equal(t, tt.night, got)
			}
		})
	}
}

func TestNightAtHomeRunsFrom22To0559(t *testing.T) {
	tests := []struct {
		time     string
		location string
		online   bool
		want     IndicatorState
	}{
		{"21:59", "7 Quarry Lane", false, IndicatorAbsent},
		{"22:00", "7 Quarry Lane", false, IndicatorPresent},
		{"05:59", "WA6 7ZZ", false, IndicatorPresent},
		{"06:00", "7 Quarry Lane", false, IndicatorAbsent},
		{"23:30", "Frodsham station", false, IndicatorAbsent},
		{"23:30", "7 Quarry Lane", true, IndicatorAbsent},
		{"", "7 Quarry Lane", false, IndicatorUnknown},
		{"23:30", "", false, IndicatorUnknown},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s at %q online %v", tt.time, tt.location, tt.online), func(t *testing.T) {
			in := casefile.Incident{ID: "I1", Date: ymd("2025-02-10"), Location: tt.location, Online: tt.online,
				Behaviours: []casefile.Behaviour{casefile.Watching}, Description: "Stood outside."}
			if tt.time != "" {
				in.Time = clock(tt.time)
			}
			ind := indicatorOf(t, Screen(screenCase("2025-03-01", in), casefile.Date{}).Escalation.Signals, NightAtHome)
			assert.Equal(t, tt.want, ind.State)
			if tt.want != IndicatorAbsent {
				assert.Equal(t, []string{"I1"}, ind.Reasons[0].Incidents)
			}
		})
	}
}

func TestFrequencyCountsPerMonthAndIn30DayWindows(t *testing.T) {
	e := Screen(exampleCase(t), casefile.Date{}).Escalation
	var months []string
	for _, m := range e.Months {
		months = append(months, fmt.Sprintf("%s %d %v", m.Month, m.Count, m.Incidents))
	}
	assert.Equal(t, []string{"2024-10 2 [I1 I2]", "2024-11 2 [I3 I4]", "2024-12 2 [I5 I6]", "2025-01 2 [I7 I8]"}, months)
	assert.Equal(t, "October 2024", e.Months[0].Long())
	require.Len(t, e.Rolling, 8)
	assert.Equal(t, WindowCount{From: ymd("2024-10-04"), To: ymd("2024-11-02"), Count: 3, Incidents: []string{"I1", "I2", "I3"}}, e.Rolling[2])
	assert.Equal(t, e.Rolling[2], e.Peak)

	gap := Screen(neighbour(), casefile.Date{}).Escalation
	assert.Equal(t, []string{"2025-03", "2025-04", "2025-05"}, []string{gap.Months[0].Month, gap.Months[1].Month, gap.Months[2].Month})
	assert.Equal(t, 0, gap.Months[1].Count, "months with no occasions are listed")
}

func TestTrendRule(t *testing.T) {
	acts := func(days ...int) []*casefile.Incident {
		var out []*casefile.Incident
		for i, d := range days {
			out = append(out, &casefile.Incident{ID: fmt.Sprint("I", i+1), Date: ymd("2025-01-01").AddDays(d)})
		}
		return out
	}
	tests := []struct {
		name string
		days []int
		want Trend
		code string
	}{
		{"five occasions are too few", []int{0, 10, 60, 80, 100}, TrendUnknown, "escalation.trend-unknown"},
		{"six within a fortnight is too short a period", []int{0, 1, 2, 3, 4, 13}, TrendUnknown, "escalation.trend-unknown"},
		{"later half twice the earlier and three more: rising", []int{0, 10, 60, 70, 80, 90, 100}, TrendRising, "escalation.rising"},
		{"earlier half twice the later and three more: falling", []int{0, 10, 20, 30, 40, 60, 100}, TrendFalling, "escalation.falling"},
		{"equal halves: stable", []int{0, 20, 40, 60, 80, 100}, TrendStable, "escalation.stable"},
		{"four against two is twice but only two more: stable", []int{0, 10, 60, 70, 80, 100}, TrendStable, "escalation.stable"},
		{"regular monthly occasions with one a day early: stable", []int{0, 31, 58, 90, 120, 151}, TrendStable, "escalation.stable"},
		{"an occasion on the midpoint counts in neither half", []int{0, 10, 20, 50, 90, 100}, TrendStable, "escalation.stable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, r := frequencyTrend(acts(tt.days...))
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.code, r.Code)
			if tt.want != TrendUnknown {
				mid := 0
				for _, d := range tt.days {
					if 2*d == tt.days[len(tt.days)-1] {
						mid++
					}
				}
				assert.Equal(t, len(tt.days)-mid, r.Halves.Earlier+r.Halves.Later)
			}
			assert.Len(t, r.Incidents, len(tt.days))
		})
	}
}

func TestOnlineElements(t *testing.T) {
	s := Screen(exPartnerMonitors(), casefile.Date{})
	require.Equal(t, []IndicatorKind{OnlineActs, Platforms, OnlineMonitoring, OnlinePublishing, FakeProfiles},
		[]IndicatorKind{s.Online[0].Kind, s.Online[1].Kind, s.Online[2].Kind, s.Online[3].Kind, s.Online[4].Kind})
	for _, ind := range s.Online {
		assert.Equal(t, IndicatorPresent, ind.State, "%s", ind.Kind)
	}
	var platforms []string
	for _, r := range indicatorOf(t, s.Online, Platforms).Reasons {
		platforms = append(platforms, r.Tally.Items...)
	}
	assert.Equal(t, []string{"Email account", "Instagram"}, platforms)
	assert.Equal(t, "fake profile", indicatorOf(t, s.Online, FakeProfiles).Reasons[0].Occasion.Phrase)

	same := indicatorOf(t, Screen(blockedThenMessaged(), casefile.Date{}).Online, Platforms)
	require.Len(t, same.Reasons, 1, "platforms are grouped ignoring case")
	assert.Equal(t, []string{"I1", "I2"}, same.Reasons[0].Incidents)

	missing := indicatorOf(t, Screen(oldMessages(), casefile.Date{}).Online, Platforms)
	assert.Equal(t, "online.platform-not-recorded", missing.Reasons[1].Code)

	offline := Screen(neighbour(), casefile.Date{})
	for _, ind := range offline.Online {
		assert.Equal(t, IndicatorAbsent, ind.State, "%s with no online conduct", ind.Kind)
	}
	assert.Equal(t, IndicatorUnknown, indicatorOf(t, Screen(singleMessage(), casefile.Date{}).Online, FakeProfiles).State,
		"no phrase found leaves fake profiles unknown, not absent")
}

func TestRecordingNamesTheIncludedClassifications(t *testing.T) {
	tests := []struct {
		name    string
		c       *casefile.Case
		state   IndicatorState
		records []CrimeRecord
	}{
		{
			name: "stalking under a crime reference: include 8Q",
			c:    sampleCase(), state: IndicatorPresent,
			records: []CrimeRecord{{Reference: "NW-25-204411", Incidents: []string{"I1"},
				Include: []Classification{{Kind: "stalking", Code: "8Q", Status: "verified", Victims: []string{"V1"}}}}},
		},
		{
			name: "harassment, not stalking: include 8L",
			c:    neighbour(), state: IndicatorPresent,
			records: []CrimeRecord{{Reference: "CC-25-000111", Incidents: []string{"I1"},
				Include: []Classification{{Kind: "harassment", Code: "8L", Status: "verified", Victims: []string{"V1"}}}}},
		},
		{
			name: "harassment charged as racially aggravated: include 8M",
			c:    aggravatedNeighbour(), state: IndicatorPresent,
			records: []CrimeRecord{{Reference: "CC-25-000111", Incidents: []string{"I1"},
				Include: []Classification{{Kind: "aggravated-harassment", Code: "8M", Status: "verified", Victims: []string{"V1"}}}}},
		},
		{
			name: "stalking with no crime reference: unknown, check the crime was recorded",
			c:    exPartnerMonitors(), state: IndicatorUnknown, records: []CrimeRecord{},
		},
		{
			name: "a single message: nothing to include",
			c:    singleMessage(), state: IndicatorAbsent, records: []CrimeRecord{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := Screen(tt.c, casefile.Date{}).Recording
			assert.Equal(t, tt.state, rec.State)
			assert.Equal(t, tt.records, rec.Records)
		})
	}
}

func TestSPOCheck(t *testing.T) {
	tests := []struct {
		name     string
		c        *casefile.Case
		state    SPOState
		shown    bool
		decision casefile.Decision
		code     string
	}{
		{"an application is recorded", sampleCase(), SPOApplied, true, "apply", "spo.applied"},
		{"considered and not applied for", consideredNotApplied(), SPOConsidered, true, "not-apply", "spo.considered"},
		{"stalking shown and nothing recorded: SPO-NOT-CONSIDERED territory", exPartnerMonitors(), SPONotRecorded, true, "", "spo.not-recorded"},
		{"no stalking shown and nothing recorded", neighbour(), SPONotRecorded, false, "", "spo.not-indicated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chk := Screen(tt.c, casefile.Date{}).SPO
			assert.Equal(t, tt.state, chk.State)
			assert.Equal(t, tt.shown, chk.StalkingShown)
			assert.Equal(t, tt.decision, chk.Decision)
			assert.Equal(t, tt.code, chk.Reasons[0].Code)
		})
	}
	considered := Screen(consideredNotApplied(), casefile.Date{}).SPO
	assert.Equal(t, ymd("2025-05-02"), considered.Date)
	assert.Equal(t, "O1", considered.By)
	assert.Equal(t, "Ada Price", considered.Reasons[0].Consideration.By)
}

func TestFindPhraseMatchesWholeWordsOnly(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"Sent 37 messages after being asked to stop contacting her.", "after being asked"},
		{"She told him clearly she was NOT  interested.", "not interested"},
		{"Sent messages after she blocked him on Facebook.", "after she blocked"},
		{"He blocked her drive with his van.", ""},
		{"She was uninterested in the hedge.", ""},
		{"He asked her not to tell anyone.", "asked her not to"},
		{"She said “not interested” twice.", "not interested"},
		{"She said 'leave me alone'.", "leave me alone"},
		{"Café owner was not interestedly watching.", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			assert.Equal(t, tt.want, findPhrase(tt.text, requestPhrases))
		})
	}
}

func TestAtHomeReadsTheVictimsAddress(t *testing.T) {
	addr := []string{"14 Lark Rise\nHoole\nChester CH2 3QX"}
	tests := []struct {
		location string
		want     bool
	}{
		{"14 Lark Rise, Hoole", true},
		{"outside 14  lark rise", true},
		{"Driveway, CH2 3QX", true},
		{"ch23qx", true},
		{"Outside her home", false},
		{"Homebase car park", false},
		{"Lark Rise play park", false},
		{"114 Lark Rise", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.location, func(t *testing.T) {
			assert.Equal(t, tt.want, atHome(tt.location, addr))
		})
	}
}

func TestScreenIsDeterministicAndLeavesTheCaseAlone(t *testing.T) {
	c := sampleCase()
	var before bytes.Buffer
	require.NoError(t, casefile.Encode(&before, c))
	first := Screen(c, casefile.Date{})
	second := Screen(c, casefile.Date{})
	assert.Equal(t, first, second)
	var after bytes.Buffer
	require.NoError(t, casefile.Encode(&after, c))
	assert.Equal(t, before.String(), after.String())
	assert.Equal(t, ymd("2026-03-02"), first.AsOf, "the case's as_of is used when none is given")
	assert.Equal(t, ymd("2026-04-01"), Screen(c, ymd("2026-04-01")).AsOf)
}

func TestScreeningJSONRoundTrips(t *testing.T) {
	for _, sc := range scenarios(t) {
		t.Run(sc.name, func(t *testing.T) {
			s := Screen(sc.c, casefile.Date{})
			b, err := json.Marshal(s)
			require.NoError(t, err)
			var back Screening
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, s, back)
		})
	}
}

func TestScreeningJSONFieldNames(t *testing.T) {
	b, err := json.Marshal(Screen(sampleCase(), casefile.Date{}))
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(b, &doc))
	var keys []string
	for k := range doc {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	assert.Equal(t, []string{"as_of", "behaviours", "escalation", "four", "incidents", "online", "recording", "spo", "triage", "urn", "victims"}, keys)
	triage := doc["triage"].([]any)[1].(map[string]any)
	assert.Equal(t, "PHA1997-s2A", triage["offence"])
	assert.Equal(t, "fits", triage["state"])
	four := doc["four"].([]any)[0].(map[string]any)
	assert.Equal(t, "fixated", four["kind"])
	assert.Equal(t, "present", four["state"])
	assert.Equal(t, "stable", doc["escalation"].(map[string]any)["trend"])
	assert.Equal(t, "applied", doc["spo"].(map[string]any)["state"])
}

func TestStateTextForms(t *testing.T) {
	var st IndicatorState
	assert.Error(t, st.UnmarshalText([]byte("maybe")))
	_, err := IndicatorState(7).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "IndicatorState(7)", IndicatorState(7).String())
	assert.Equal(t, "does-not-fit", TriageDoesNotFit.String())
	assert.Equal(t, "not-recorded", SPONotRecorded.String())
	assert.Equal(t, "rising", TrendRising.String())
}

func TestReportPutsTheScreeningIntoWords(t *testing.T) {
	rep, err := Screen(sampleCase(), casefile.Date{}).Report(templates.Default())
	require.NoError(t, err)
	assert.Equal(t, "Stalking screening and triage", rep.Title)
	assert.Contains(t, rep.Caveat, "decision aid, not a verdict")
	assert.Contains(t, rep.Caveat, "60NC0217826")
	var keys []string
	for _, sec := range rep.Sections {
		keys = append(keys, sec.Key)
		assert.NotEmpty(t, sec.Heading)
		for _, l := range sec.Lines {
			assert.Equal(t, sec.Key, l.Section)
		}
	}
	assert.Equal(t, []string{"four", "behaviours", "triage", "escalation", "online", "recording", "spo"}, keys)
	assert.Contains(t, rep.Sections[0].Intro, "not a legal test")

	seen := map[string]bool{}
	for _, l := range rep.Lines() {
		assert.False(t, seen[l.Key], "duplicate line key %s", l.Key)
		seen[l.Key] = true
	}
	byKey := map[string]ScreeningLine{}
	for _, l := range rep.Lines() {
		byKey[l.Key] = l
	}
	stalking := byKey["triage.PHA1997-s2A.V1"]
	assert.Equal(t, "Stalking, PHA 1997 s.2A: Siân Pryce", stalking.Label)
	assert.Equal(t, "fits", stalking.State)
	assert.Equal(t, "Fits", stalking.StateText)
	assert.Equal(t, []string{"I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8"}, stalking.Incidents)
	assert.Contains(t, stalking.Text, "Met: Acts associated with stalking")
	assert.Contains(t, stalking.Text, "(incidents I1, I2, I3, I4, I5, I6, I7 and I8)")

	night := byKey["escalation.night-at-home"]
	assert.Equal(t, "At a victim's home at night", night.Label)
	require.Len(t, night.Reasons, 2)
	assert.Equal(t, "At 23:10 on 8 November 2025, at Tŷ Gwyn, Llanrwst: a victim's home, at night.", night.Reasons[0].Text)
	assert.Equal(t, []string{"I6"}, night.Reasons[0].Incidents)
	assert.Equal(t, "At 23:10 on 8 November 2025, at Tŷ Gwyn, Llanrwst: a victim's home, at night. (incident I6)\n"+
		"At 01:45 on 24 January 2026, at Tŷ Gwyn, Llanrwst: a victim's home, at night. (incident I8)", night.Text)

	following := byKey["behaviour.following"]
	assert.Equal(t, "Following", following.Label)
	assert.Empty(t, following.State)
	assert.Equal(t, "1 occasion (1 offline, 0 online): following a person (PHA 1997 s.2A(3)(a)). (incident I3)", following.Text)

	assert.Contains(t, byKey["escalation.frequency"].Text, "August 2025: 2; September 2025: 2")
	assert.Equal(t, "Applied for", byKey["spo"].StateText)
}

func TestReportWithNoBehavioursSaysSo(t *testing.T) {
	rep, err := Screen(neighbour(), casefile.Date{}).Report(templates.Default())
	require.NoError(t, err)
	require.Len(t, rep.Sections[1].Lines, 1)
	assert.Equal(t, "behaviour.none", rep.Sections[1].Lines[0].Key)
	assert.Contains(t, rep.Sections[1].Lines[0].Label, "None of the seven examples")
}

func TestForceWordingChangesTheWordsNotTheScreening(t *testing.T) {
	set, err := templates.New(fstest.MapFS{"ours.tmpl": {Data: []byte(`
{{define "screen.state.fits"}}Points towards{{end}}
{{define "screen.reason.repeated.occasions"}}{{.Name}}: {{.Span.Count}} times{{end}}
`)}})
	require.NoError(t, err)
	s := Screen(sampleCase(), casefile.Date{})
	rep, err := s.Report(set)
	require.NoError(t, err)
	lines := rep.Lines()
	i := slices.IndexFunc(lines, func(l ScreeningLine) bool { return l.Key == "triage.PHA1997-s2A.V1" })
	assert.Equal(t, "Points towards", lines[i].StateText)
	assert.Equal(t, "fits", lines[i].State)
	i = slices.IndexFunc(lines, func(l ScreeningLine) bool { return l.Key == "four.repeated" })
	assert.Equal(t, "Siân Pryce: 8 times (incidents I1, I2, I3, I4, I5, I6, I7 and I8)", lines[i].Text)
	assert.Equal(t, Screen(sampleCase(), casefile.Date{}), s, "wording never changes the screening")
}

func TestReportFailsNamingTheUnitThatDoesNotRender(t *testing.T) {
	set, err := templates.New(fstest.MapFS{"ours.tmpl": {Data: []byte(`{{define "screen.reason.spo.applied"}}{{.Court}}{{end}}`)}})
	require.NoError(t, err)
	_, err = Screen(sampleCase(), casefile.Date{}).Report(set)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "screen.reason.spo.applied")
	assert.Contains(t, err.Error(), "60NC0217826")
}

// Screen judges a case; Report puts the judgment into words that every
// document shares.
func ExampleScreen() {
	c, _ := casefile.Sample()
	s := Screen(c, casefile.Date{})
	for _, l := range s.Triage {
		if l.Victim == "V1" {
			fmt.Printf("%-12s %-13s %v\n", l.Offence, l.State, l.Incidents)
		}
	}
	// Output:
	// PHA1997-s2   fits          [I1 I2 I3 I4 I5 I6 I7 I8]
	// PHA1997-s2A  fits          [I1 I2 I3 I4 I5 I6 I7 I8]
	// PHA1997-s4   fits          [I1 I2 I3 I4 I5 I6 I7 I8]
	// PHA1997-s4A  fits          [I1 I2 I3 I4 I5 I6 I7 I8]
	// SCA2015-s76  does-not-fit  [I1 I2 I3 I4 I5 I6 I7 I8]
	// MCA1988-s1   possible      [I2 I4 I5]
	// CA2003-s127  possible      [I2 I5]
}

func ExampleScreening_Report() {
	c, _ := casefile.Sample()
	rep, err := Screen(c, casefile.Date{}).Report(templates.Default())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range rep.Sections[0].Lines {
		fmt.Printf("%s: %s %v\n", l.Label, l.StateText, l.Incidents)
	}
	// Output:
	// Fixated: Present [I1 I2 I3 I4 I5 I6 I7 I8]
	// Obsessive: Present [I1 I2 I3 I4 I5 I6 I7 I8]
	// Unwanted: Present [I1 I2 I3 I4 I5 I6 I7 I8]
	// Repeated: Present [I1 I2 I3 I4 I5 I6 I7 I8]
}
