package screen

import (
	"fmt"
	"slices"
	"testing"

	"github.com/spokit/spokit/casefile"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The scenarios below were written from the law fact sheet (the course of
// conduct and its case law, SCA 2015 s.76(3) and (6), DAA 2021 s.68, the
// communications offences, PHA 1997 s.2A(3)) before the screening was
// changed to meet them. Each class of error has at least three.

// occ is an offline occasion towards V1 by S1.
func occ(id, date string, description string, bs ...casefile.Behaviour) casefile.Incident {
	if len(bs) == 0 {
		bs = []casefile.Behaviour{casefile.Contacting}
	}
	return casefile.Incident{ID: id, Date: ymd(date), Behaviours: bs, Description: description, Victims: []string{"V1"}}
}

// online is an online occasion towards V1 by S1.
func online(id, date, description string) casefile.Incident {
	in := occ(id, date, description, casefile.Contacting)
	in.Online, in.Location = true, "Text message"
	return in
}

// daily returns n occasions on consecutive days from start, or every step
// days.
func every(prefix, start string, n, step int, description string, bs ...casefile.Behaviour) []casefile.Incident {
	var out []casefile.Incident
	d := ymd(start)
	for i := range n {
		out = append(out, occ(fmt.Sprintf("%s%d", prefix, i+1), d.AddDays(i*step).String(), description, bs...))
	}
	return out
}

// withCharge adds a proposed charge of the offence against V1.
func withCharge(c *casefile.Case, code casefile.OffenceCode) *casefile.Case {
	c.Charges = append(c.Charges, casefile.Charge{ID: "C1", Offence: code, Victims: []string{"V1"}, Status: casefile.Proposed})
	return c
}

func hasReason(l TriageLine, code string) bool {
	return slices.ContainsFunc(l.Reasons, func(r Reason) bool { return r.Code == code })
}

// Class 1: a long gap between occasions is never a plain "fits".
func TestClassCourseGapLeavesTheCourseOpen(t *testing.T) {
	tests := []struct {
		name  string
		dates []string
		want  TriageState
		gap   bool
	}{
		{"two contacts six months apart", []string{"2024-01-10", "2024-07-15"}, poss, true},
		{"a gap of three months and a day", []string{"2024-01-10", "2024-04-11"}, poss, true},
		{"exactly three months apart is not more than three months", []string{"2024-01-10", "2024-04-10"}, fits, false},
		{"fortnightly contacts", []string{"2024-06-10", "2024-06-24", "2024-07-08"}, fits, false},
		{"a gap late in a long course", []string{"2024-01-10", "2024-01-20", "2024-09-01"}, poss, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ins []casefile.Incident
			for i, d := range tt.dates {
				ins = append(ins, occ(fmt.Sprintf("I%d", i+1), d, "Rang her again."))
			}
			s := Screen(screenCase("2024-10-01", ins...), casefile.Date{})
			for _, code := range []casefile.OffenceCode{s2, s2A} {
				l := line(t, s, code, "V1")
				assert.Equal(t, tt.want, l.State, "%s", code)
				assert.Equal(t, tt.gap, hasReason(l, "triage.course-gap"), "%s", code)
			}
		})
	}
}

// victimBorn gives V1 a date of birth and S1 responsibility for V1 as family
// living together.
func childInCare(born string, behaviour ...casefile.Incident) *casefile.Case {
	c := seriouslyAffected(screenCase("2025-06-01", behaviour...))
	c.People[0].DateOfBirth = ymd(born)
	c.Relationships = []casefile.Relationship{{Between: []string{"S1", "V1"}, Type: casefile.Family, LivedTogether: true, ResponsibleAdult: "S1"}}
	return c
}

// Class 2: SCA 2015 s.76(3), responsibility for a victim under 16.
func TestClassCCBExcludesResponsibilityForAChildUnder16(t *testing.T) {
	two := []casefile.Incident{occ("I1", "2024-09-01", "Took her phone and money."), occ("I2", "2024-10-01", "Locked her in her room.")}
	tests := []struct {
		name    string
		c       *casefile.Case
		want    TriageState
		errorOn bool
	}{
		{"victim aged 14, suspect responsible", childInCare("2010-05-01", two...), dnf, true},
		{"victim aged 17, suspect responsible", childInCare("2007-05-01", two...), poss, false},
		{"victim turned 16 between the occasions", childInCare("2008-09-15", two...), dnf, true},
		{"date of birth not recorded: open, never an error", func() *casefile.Case {
			c := childInCare("2010-05-01", two...)
			c.People[0].DateOfBirth = casefile.Date{}
			return c
		}(), poss, false},
		{"the victim is the responsible one", func() *casefile.Case {
			c := childInCare("2010-05-01", two...)
			c.Relationships[0].ResponsibleAdult = "V1"
			return c
		}(), poss, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, line(t, Screen(tt.c, casefile.Date{}), s76, "V1").State)
			rep := casefile.Validate(withCharge(tt.c, s76), casefile.Options{})
			errs := 0
			for _, f := range rep.ByRule("CCB-RELATIONSHIP") {
				if f.Severity == casefile.Error {
					errs++
				}
			}
			assert.Equal(t, tt.errorOn, errs > 0)
		})
	}
}

func exPartners(rel casefile.Relationship, behaviour ...casefile.Incident) *casefile.Case {
	c := seriouslyAffected(screenCase("2025-06-01", behaviour...))
	rel.Between = []string{"S1", "V1"}
	c.Relationships = []casefile.Relationship{rel}
	return c
}

// Class 3: before 5 April 2023 the ex-partner or family member must have
// been living with the victim at the time of the behaviour.
func TestClassCCBBefore5April2023NeedsLivingTogetherAtTheTime(t *testing.T) {
	pre := []casefile.Incident{occ("I1", "2022-06-01", "Checked her bank account."), occ("I2", "2022-08-01", "Demanded her passwords.")}
	post := []casefile.Incident{occ("I1", "2023-05-01", "Checked her bank account."), occ("I2", "2023-06-01", "Demanded her passwords.")}
	tests := []struct {
		name string
		c    *casefile.Case
		want TriageState
	}{
		{"lived together but separated before the behaviour", exPartners(casefile.Relationship{Type: casefile.ExPartner, LivedTogether: true, From: ymd("2018-01-01"), To: ymd("2022-01-01")}, pre...), dnf},
		{"still living together when it happened", exPartners(casefile.Relationship{Type: casefile.ExPartner, LivedTogether: true, From: ymd("2018-01-01"), To: ymd("2022-01-01"), LivedTogetherTo: ymd("2022-12-31")}, pre...), poss},
		{"separated, but behaviour after 5 April 2023", exPartners(casefile.Relationship{Type: casefile.ExPartner, LivedTogether: true, To: ymd("2022-01-01")}, post...), poss},
		{"family who never lived together, before 2023", exPartners(casefile.Relationship{Type: casefile.Family}, pre...), dnf},
		{"moved in only after the behaviour", exPartners(casefile.Relationship{Type: casefile.ExPartner, LivedTogether: true, LivedTogetherFrom: ymd("2022-09-01")}, pre...), dnf},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := line(t, Screen(tt.c, casefile.Date{}), s76, "V1")
			assert.Equal(t, tt.want, l.State)
			rep := casefile.Validate(withCharge(tt.c, s76), casefile.Options{})
			assert.Equal(t, tt.want == dnf, len(rep.ByRule("CCB-RELATIONSHIP")) > 0)
		})
	}
}

// Class 4: content nobody has judged never "fits".
func TestClassCommunicationsNeverFitOnUnjudgedContent(t *testing.T) {
	letter := occ("I1", "2025-02-01", "Sent her a polite letter asking to meet.", casefile.Contacting)
	tests := []struct {
		name     string
		c        *casefile.Case
		mca, ca  TriageState
		s76State TriageState
	}{
		{"one polite letter", screenCase("2025-03-01", letter), poss, dnf, dnf},
		{"one birthday text", screenCase("2025-03-01", online("I1", "2025-02-01", "Happy birthday!")), poss, poss, dnf},
		{"three texts in a course", screenCase("2025-03-01", online("I1", "2025-02-01", "Text."), online("I2", "2025-02-03", "Text."), online("I3", "2025-02-05", "Text.")), poss, poss, dnf},
		{"partner with serious effect is at most possible s.76", seriouslyAffected(related(screenCase("2025-03-01", online("I1", "2025-02-01", "Text."), online("I2", "2025-02-03", "Text.")), casefile.Partner, true)), poss, poss, poss},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Screen(tt.c, casefile.Date{})
			assert.Equal(t, tt.mca, line(t, s, mca, "V1").State)
			assert.Equal(t, tt.ca, line(t, s, ca, "V1").State)
			assert.Equal(t, tt.s76State, line(t, s, s76, "V1").State)
			for _, l := range s.Triage {
				if l.Offence == mca || l.Offence == ca || l.Offence == s76 {
					assert.NotEqual(t, fits, l.State)
				}
			}
		})
	}
}

// Class 5: the s.2A(3) list is illustrative; conduct outside it leaves
// stalking possible, never ruled out.
func TestClassStalkingIsNotRuledOutForWantOfAListedExample(t *testing.T) {
	tests := []struct {
		name string
		ins  []casefile.Incident
		want TriageState
	}{
		{"repeated unwanted gifts after a request to stop", []casefile.Incident{
			occ("I1", "2025-01-05", "Left flowers on her car; she asked him to stop.", casefile.Gifts),
			occ("I2", "2025-01-12", "Left chocolates at her work.", casefile.Gifts),
			occ("I3", "2025-01-19", "Left a bracelet at her door.", casefile.Gifts)}, poss},
		{"contact through her friends", []casefile.Incident{
			occ("I1", "2025-01-05", "Asked her friend where she lives.", casefile.ThirdPartyContact),
			occ("I2", "2025-01-12", "Asked her sister for her number.", casefile.ThirdPartyContact)}, poss},
		{"tagged other", []casefile.Incident{
			occ("I1", "2025-01-05", "Sat in his car opposite her office.", casefile.OtherBehaviour),
			occ("I2", "2025-01-12", "Sat in his car opposite her office again.", casefile.OtherBehaviour)}, poss},
		{"a listed example makes it fit", []casefile.Incident{
			occ("I1", "2025-01-05", "Followed her home.", casefile.Following),
			occ("I2", "2025-01-12", "Left a bracelet at her door.", casefile.Gifts)}, fits},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := screenCase("2025-03-01", tt.ins...)
			assert.Equal(t, tt.want, line(t, Screen(c, casefile.Date{}), s2A, "V1").State)
			rep := casefile.Validate(withCharge(c, s2A), casefile.Options{})
			for _, f := range rep.ByRule("STALK-ACT-TYPE") {
				assert.Equal(t, casefile.Warning, f.Severity)
			}
		})
	}
}

// Class 6: the victim's home is decided from her recorded address.
func TestClassNightAtHomeIsReadFromTheVictimsAddress(t *testing.T) {
	at := func(location string) *casefile.Case {
		in := occ("I1", "2025-01-05", "Stood outside.", casefile.Watching)
		in.Location, in.Time = location, clock("23:30")
		return screenCase("2025-03-01", in)
	}
	tests := []struct {
		name string
		c    *casefile.Case
		want IndicatorState
	}{
		{"her mother's home", at("Her mother's home, 3 Mill Street, Helsby"), IndicatorAbsent},
		{"a shop called Home Bargains", at("Home Bargains, Frodsham"), IndicatorAbsent},
		{"her street address", at("Outside 7 Quarry Lane"), IndicatorPresent},
		{"her postcode", at("WA6 7ZZ"), IndicatorPresent},
		{"no address recorded: 'home' cannot settle it", func() *casefile.Case {
			c := at("Her home")
			c.People[0].Address = ""
			return c
		}(), IndicatorUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, indicatorOf(t, Screen(tt.c, casefile.Date{}).Escalation.Signals, NightAtHome).State)
		})
	}
}

// ordered adds a warning or order given on date, binding S1 and protecting
// protects.
func ordered(c *casefile.Case, kind casefile.WarningKind, date, binds string, protects ...string) *casefile.Case {
	c.Warnings = append(c.Warnings, casefile.WarningOrOrder{ID: fmt.Sprintf("W%d", len(c.Warnings)+1), Kind: kind, Date: ymd(date), Binds: binds, Protects: protects})
	return c
}

// Class 7: contact after a warning or order is unwanted.
func TestClassContactAfterAWarningOrOrderIsUnwanted(t *testing.T) {
	two := func() *casefile.Case {
		return screenCase("2025-06-01", occ("I1", "2025-03-01", "Rang her."), occ("I2", "2025-03-10", "Rang her."), occ("I3", "2025-03-20", "Rang her."))
	}
	tests := []struct {
		name string
		c    *casefile.Case
		want IndicatorState
		ids  []string
	}{
		{"after a police warning", ordered(two(), casefile.PoliceWarning, "2025-03-05", "S1", "V1"), IndicatorPresent, []string{"I2", "I3"}},
		{"in breach of bail conditions", ordered(two(), casefile.BailConditions, "2025-03-12", "S1"), IndicatorPresent, []string{"I3"}},
		{"after a non-molestation order", ordered(two(), casefile.NonMolestationOrder, "2025-03-01", "S1", "V1"), IndicatorPresent, []string{"I2", "I3"}},
		{"an order against someone else", ordered(two(), casefile.NonMolestationOrder, "2025-03-01", "O1", "V1"), IndicatorUnknown, nil},
		{"an order protecting someone else", ordered(two(), casefile.PoliceWarning, "2025-03-01", "S1", "O1"), IndicatorUnknown, nil},
		{"the order came after the last contact", ordered(two(), casefile.OtherCourtOrder, "2025-04-01", "S1"), IndicatorUnknown, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind := indicatorOf(t, Screen(tt.c, casefile.Date{}).FOUR, Unwanted)
			assert.Equal(t, tt.want, ind.State)
			if tt.ids != nil {
				r := ind.Reasons[0]
				assert.Equal(t, "unwanted.order", r.Code)
				assert.Equal(t, tt.ids, r.Incidents)
				assert.Equal(t, []string{"warnings_and_orders[0]"}, r.Evidence)
				assert.Equal(t, len(r.Incidents), r.After.Following)
			}
		})
	}
}

// Class 8: fixation and obsession are intensity and persistence of
// one-sided conduct, not span alone.
func TestClassFixatedAndObsessiveJudgeIntensityAndPersistence(t *testing.T) {
	tests := []struct {
		name               string
		c                  *casefile.Case
		fixated, obsessive IndicatorState
	}{
		{"three occasions in 28 days", screenCase("2025-06-01", every("I", "2025-01-01", 3, 14, "Rang her.")...), IndicatorUnknown, IndicatorUnknown},
		{"forty occasions in 20 days", screenCase("2025-06-01", append(every("A", "2025-01-01", 20, 1, "Rang her."), every("B", "2025-01-01", 20, 1, "Texted her.")...)...), IndicatorPresent, IndicatorPresent},
		{"mutual arguments", screenCase("2025-06-01", every("I", "2025-01-01", 12, 5, "They argued with each other in the street.")...), IndicatorUnknown, IndicatorUnknown},
		{"persisting after a request to stop", screenCase("2025-06-01", append([]casefile.Incident{occ("I0", "2024-12-30", "She told him to stop calling.")}, every("I", "2025-01-01", 2, 10, "Rang her.")...)...), IndicatorPresent, IndicatorUnknown},
		{"persisting after a police warning", ordered(screenCase("2025-06-01", every("I", "2025-01-01", 3, 10, "Rang her.")...), casefile.PoliceWarning, "2025-01-05", "S1", "V1"), IndicatorPresent, IndicatorUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Screen(tt.c, casefile.Date{})
			assert.Equal(t, tt.fixated, indicatorOf(t, s.FOUR, Fixated).State, "fixated")
			assert.Equal(t, tt.obsessive, indicatorOf(t, s.FOUR, Obsessive).State, "obsessive")
		})
	}
}

// Class 9: the trend is stable or unknown for small counts and regular
// intervals.
func TestClassTrendDoesNotFlipOnADay(t *testing.T) {
	monthly := []string{"2025-01-10", "2025-02-10", "2025-03-09", "2025-04-10", "2025-05-10"}
	var five []casefile.Incident
	for i, d := range monthly {
		five = append(five, occ(fmt.Sprintf("I%d", i+1), d, "Rang her."))
	}
	six := append(slices.Clone(five), occ("I6", "2025-06-10", "Rang her."))
	rising := append(every("A", "2025-01-01", 2, 20, "Rang her."), every("B", "2025-02-20", 8, 1, "Rang her.")...)
	falling := append(every("A", "2025-01-01", 8, 1, "Rang her."), every("B", "2025-02-01", 2, 20, "Rang her.")...)
	tests := []struct {
		name string
		ins  []casefile.Incident
		want Trend
	}{
		{"five roughly monthly occasions", five, TrendUnknown},
		{"six roughly monthly occasions", six, TrendStable},
		{"three occasions", five[:3], TrendUnknown},
		{"clearly rising", rising, TrendRising},
		{"clearly falling", falling, TrendFalling},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Screen(screenCase("2025-08-01", tt.ins...), casefile.Date{}).Escalation.Trend)
		})
	}
}

// Class 10: every line names its evidence, and counts equal it.
func TestClassEveryLineNamesItsEvidence(t *testing.T) {
	ccb := seriouslyAffected(related(screenCase("2025-06-01", occ("I1", "2025-03-01", "Took her phone."), occ("I2", "2025-03-10", "Took her keys.")), casefile.Partner, true))
	t.Run("the personally-connected line cites the relationship record", func(t *testing.T) {
		l := line(t, Screen(ccb, casefile.Date{}), s76, "V1")
		r := reasonWithTest(t, l, "Suspect and victim personally connected at the time of the behaviour")
		assert.Equal(t, []string{"relationships[0]"}, r.Evidence)
		assert.Equal(t, []string{"I1", "I2"}, r.Incidents)
	})
	t.Run("serious alarm cites the impact record, not a fear incident", func(t *testing.T) {
		c := seriouslyAffected(screenCase("2025-06-01", occ("I1", "2025-03-01", "Followed her.", casefile.Following), occ("I2", "2025-03-10", "Followed her.", casefile.Following)))
		c.Incidents[0].VictimFearedViolence = true
		r := reasonWithTest(t, line(t, Screen(c, casefile.Date{}), s4A, "V1"), "Fear of violence on two occasions, or serious alarm or distress with a substantial adverse effect on usual day-to-day activities")
		assert.Equal(t, []string{"impact[0]"}, r.Evidence)
		assert.Empty(t, r.Incidents)
	})
	t.Run("a not-met line cites what was examined", func(t *testing.T) {
		c := screenCase("2025-06-01", occ("I1", "2025-03-01", "Followed her.", casefile.Following), occ("I2", "2025-03-10", "Followed her.", casefile.Following))
		for _, r := range line(t, Screen(c, casefile.Date{}), s4, "V1").Reasons {
			if r.Code == "element.not-met" {
				assert.NotEmpty(t, append(slices.Clone(r.Incidents), r.Evidence...), r.Test)
			}
		}
	})
	for _, sc := range append(scenarios(t), scenario{"warned", ordered(screenCase("2025-06-01", every("I", "2025-01-01", 8, 3, "Rang her.")...), casefile.PoliceWarning, "2025-01-05", "S1")}) {
		t.Run("counts equal the incidents listed: "+sc.name, func(t *testing.T) {
			for _, r := range everyReason(Screen(sc.c, casefile.Date{})) {
				if n, ok := listedCount(r); ok {
					assert.Equal(t, len(r.Incidents), n, r.Code)
				}
			}
		})
	}
}

// listedCount returns the count a reason states of the incidents it lists,
// for the codes whose count is that: the occasions of a span or a tally,
// those after a warning or order, the event and those after it for a
// request or report, and the two occasions of a gap.
func listedCount(r Reason) (int, bool) {
	switch r.Code {
	case "repeated.occasions", "repeated.once", "fixated.persistence", "fixated.intensity", "obsessive.frequency", "triage.messages":
		return r.Span.Count, true
	case "fixated.third-party", "obsessive.monitoring", "triage.other-acts", "triage.harassment-and-stalking",
		"triage.messages-out-of-time", "escalation.threats", "escalation.third-party-contact", "online.acts", "online.tagged", "online.platform":
		return r.Tally.Count, true
	case "unwanted.order", "fixated.after-order":
		return r.After.Following, true
	case "unwanted.request", "unwanted.report", "fixated.after-request", "fixated.after-report":
		return r.After.Following + 1, true
	case "triage.course-gap":
		return 2, true
	}
	return 0, false
}

func reasonWithTest(t *testing.T, l TriageLine, test string) Reason {
	t.Helper()
	for _, r := range l.Reasons {
		if r.Test == test {
			return r
		}
	}
	require.Failf(t, "no reason", "no reason with test %q in %s", test, l.Offence)
	return Reason{}
}

// The screening and the rules agree on every fact they share: the course
// gap, the s.76 relationship and the time limits (CA 2003 s.127's extended
// limit included).
func TestScreeningAndRulesAgreeOnSharedFacts(t *testing.T) {
	type check struct {
		rule    string
		offence casefile.OffenceCode
		// screened reports whether the screening line shows the fact.
		screened func(TriageLine) bool
	}
	gap := check{"COURSE-GAP", s2A, func(l TriageLine) bool { return hasReason(l, "triage.course-gap") }}
	unmet := func(test string) func(TriageLine) bool {
		return func(l TriageLine) bool {
			return slices.ContainsFunc(l.Reasons, func(r Reason) bool { return r.Code == "element.not-met" && r.Test == test })
		}
	}
	rel := check{"CCB-RELATIONSHIP", s76, unmet("Suspect and victim personally connected at the time of the behaviour")}
	limit6 := check{"TIME-LIMIT-SUMMARY", s2, unmet("Charged within 6 months of the last occasion")}
	limit3y := check{"TIME-LIMIT-SUMMARY", ca, unmet("Charged within 3 years of the last occasion (and within 6 months of the prosecutor having sufficient evidence)")}
	pre := []casefile.Incident{occ("I1", "2022-06-01", "Checked her bank account."), occ("I2", "2022-08-01", "Demanded her passwords.")}
	texts := func(asOf string) *casefile.Case {
		return screenCase(asOf, online("I1", "2022-01-10", "Menacing text."), online("I2", "2022-01-20", "Menacing text."))
	}
	tests := []struct {
		name  string
		c     *casefile.Case
		check check
	}{
		{"gap of six months", screenCase("2024-10-01", occ("I1", "2024-01-10", "Rang."), occ("I2", "2024-07-15", "Rang.")), gap},
		{"no gap", screenCase("2024-10-01", occ("I1", "2024-01-10", "Rang."), occ("I2", "2024-02-15", "Rang.")), gap},
		{"separated before the behaviour", exPartners(casefile.Relationship{Type: casefile.ExPartner, LivedTogether: true, To: ymd("2022-01-01")}, pre...), rel},
		{"living together at the time", exPartners(casefile.Relationship{Type: casefile.ExPartner, LivedTogether: true, LivedTogetherTo: ymd("2022-12-31")}, pre...), rel},
		{"child in care", childInCare("2010-05-01", pre...), rel},
		{"harassment out of time", screenCase("2025-01-01", occ("I1", "2024-01-10", "Rang."), occ("I2", "2024-02-15", "Rang.")), limit6},
		{"harassment in time", screenCase("2024-05-01", occ("I1", "2024-01-10", "Rang."), occ("I2", "2024-02-15", "Rang.")), limit6},
		{"CA 2003 s.127 past three years", texts("2025-02-01"), limit3y},
		{"CA 2003 s.127 within three years", texts("2024-12-01"), limit3y},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := line(t, Screen(tt.c, casefile.Date{}), tt.check.offence, "V1")
			rep := casefile.Validate(withCharge(tt.c, tt.check.offence), casefile.Options{})
			assert.Equal(t, len(rep.ByRule(tt.check.rule)) > 0, tt.check.screened(l), "%s vs the %s line", tt.check.rule, tt.check.offence)
		})
	}
}
