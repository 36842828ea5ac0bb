package law

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// caseFormatCodes are the offence codes of the case format, in its order.
var caseFormatCodes = []string{
	"PHA1997-s2", "PHA1997-s2A", "PHA1997-s4", "PHA1997-s4A", "SCA2015-s76",
	"MCA1988-s1", "CA2003-s127", "SPA2019-s8", "SPA2019-s11-fail", "SPA2019-s11-false", "PHA1997-s5",
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func mustLookup(t *testing.T, code string) Offence {
	t.Helper()
	o, ok := Lookup(code)
	require.True(t, ok, code)
	return o
}

func TestEveryCaseFormatCodeIsInTheTable(t *testing.T) {
	assert.Equal(t, caseFormatCodes, Codes())
	all := Offences()
	require.Len(t, all, len(caseFormatCodes))
	for i, code := range caseFormatCodes {
		o := mustLookup(t, code)
		assert.Equal(t, code, all[i].Code, "Offences() order")
		assert.NotEmpty(t, o.Title, code)
		assert.NotEmpty(t, o.Statute, code)
		assert.NotEmpty(t, o.Section, code)
		assert.NotEmpty(t, o.Citation, code)
		assert.NotEmpty(t, o.Elements, code)
		assert.NotEmpty(t, o.TimeLimit.Citation, code)
		assert.NotZero(t, o.Mode, code)
	}
	_, ok := Lookup("PHA1997-s3")
	assert.False(t, ok)
}

func TestOffenceFactsMatchTheFactSheet(t *testing.T) {
	tests := []struct {
		code     string
		citation string
		title    string
		mode     ModeOfTrial
		course   bool
		stalking bool
		limit    TimeLimitKind
	}{
		{"PHA1997-s2", "PHA 1997 s.2", "Harassment", SummaryOnly, true, false, SummaryTimeLimit},
		{"PHA1997-s2A", "PHA 1997 s.2A", "Stalking", SummaryOnly, true, true, SummaryTimeLimit},
		{"PHA1997-s4", "PHA 1997 s.4", "Putting people in fear of violence", EitherWay, true, false, NoTimeLimit},
		{"PHA1997-s4A", "PHA 1997 s.4A", "Stalking involving fear of violence or serious alarm or distress", EitherWay, true, true, NoTimeLimit},
		{"SCA2015-s76", "SCA 2015 s.76", "Controlling or coercive behaviour in an intimate or family relationship", EitherWay, false, false, NoTimeLimit},
		{"MCA1988-s1", "MCA 1988 s.1", "Malicious communications", EitherWay, false, false, NoTimeLimit},
		{"CA2003-s127", "CA 2003 s.127", "Improper use of a public electronic communications network", SummaryOnly, false, false, ExtendedTimeLimit},
		{"SPA2019-s8", "SPA 2019 s.8", "Breach of a stalking protection order or interim stalking protection order", EitherWay, false, false, NoTimeLimit},
		{"SPA2019-s11-fail", "SPA 2019 s.11", "Failing to comply with the notification requirements of a stalking protection order or interim stalking protection order", EitherWay, false, false, NoTimeLimit},
		{"SPA2019-s11-false", "SPA 2019 s.11", "Knowingly giving false information in a notification under a stalking protection order", EitherWay, false, false, NoTimeLimit},
		{"PHA1997-s5", "PHA 1997 s.5", "Breach of a restraining order", EitherWay, false, false, NoTimeLimit},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			o := mustLookup(t, tt.code)
			assert.Equal(t, tt.citation, o.Citation)
			assert.Equal(t, tt.title, o.Title)
			assert.Equal(t, tt.mode, o.Mode)
			assert.Equal(t, tt.course, o.CourseOfConduct)
			assert.Equal(t, tt.stalking, o.Stalking)
			assert.Equal(t, tt.limit, o.TimeLimit.Kind)
		})
	}
}

func TestStalkingOffenceElementsNameBothLimbsOfS4A(t *testing.T) {
	o := mustLookup(t, "PHA1997-s4A")
	require.Len(t, o.Elements, 3)
	assert.Contains(t, o.Elements[0], "amounts to stalking")
	assert.Contains(t, o.Elements[1], "at least two occasions")
	assert.Contains(t, o.Elements[1], "OR serious alarm or distress")
	assert.Contains(t, o.Elements[1], "usual day-to-day activities")
	assert.Contains(t, o.Elements[2], "ought to have known")
}

func TestAddMonthsClampsToMonthEnd(t *testing.T) {
	tests := []struct {
		from   string
		months int
		want   string
	}{
		{"2024-08-31", 6, "2025-02-28"},
		{"2023-08-31", 6, "2024-02-29"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2024-03-31", 1, "2024-04-30"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2024-01-15", 6, "2024-07-15"},
		{"2024-11-30", 3, "2025-02-28"},
		{"2024-08-31", -6, "2024-02-29"},
		{"2025-03-31", -1, "2025-02-28"},
		{"2024-05-10", 0, "2024-05-10"},
		{"2021-06-30", 36, "2024-06-30"},
	}
	for _, tt := range tests {
		t.Run(tt.from, func(t *testing.T) {
			assert.Equal(t, day(tt.want), AddMonths(day(tt.from), tt.months))
		})
	}
}

func TestAddMonthsKeepsClockAndLocation(t *testing.T) {
	loc := time.FixedZone("test", 3600)
	got := AddMonths(time.Date(2024, time.August, 31, 13, 45, 0, 0, loc), 6)
	assert.Equal(t, time.Date(2025, time.February, 28, 13, 45, 0, 0, loc), got)
}

func TestTimeLimitExpiresSixCalendarMonthsAfterLastIncident(t *testing.T) {
	tests := []struct {
		code string
		last string
		want string // empty: no time limit
	}{
		{"PHA1997-s2", "2024-08-31", "2025-02-28"},
		{"PHA1997-s2A", "2023-08-31", "2024-02-29"},
		{"PHA1997-s2A", "2024-01-10", "2024-07-10"},
		{"CA2003-s127", "2021-06-30", "2024-06-30"},
		{"PHA1997-s4", "2020-01-01", ""},
		{"PHA1997-s4A", "2020-01-01", ""},
		{"SCA2015-s76", "2020-01-01", ""},
		{"MCA1988-s1", "2020-01-01", ""},
		{"SPA2019-s8", "2020-01-01", ""},
		{"PHA1997-s5", "2020-01-01", ""},
	}
	for _, tt := range tests {
		t.Run(tt.code+"/"+tt.last, func(t *testing.T) {
			got, ok := mustLookup(t, tt.code).TimeLimitExpires(day(tt.last))
			if tt.want == "" {
				assert.False(t, ok)
				assert.True(t, got.IsZero())
				return
			}
			require.True(t, ok)
			assert.Equal(t, day(tt.want), got)
		})
	}
}

func TestExtendedTimeLimitIsTheEarlierOfEvidenceAndOuterLimit(t *testing.T) {
	ca := mustLookup(t, "CA2003-s127")
	tests := []struct {
		name, offence, evidence, want string
	}{
		{"evidence soon after", "2024-01-10", "2024-03-31", "2024-09-30"},
		{"evidence late", "2021-06-30", "2024-04-15", "2024-06-30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ca.TimeLimitExpiresOnEvidence(day(tt.offence), day(tt.evidence))
			require.True(t, ok)
			assert.Equal(t, day(tt.want), got)
		})
	}

	got, ok := mustLookup(t, "PHA1997-s2A").TimeLimitExpiresOnEvidence(day("2024-01-10"), day("2024-12-01"))
	require.True(t, ok)
	assert.Equal(t, day("2024-07-10"), got, "evidence date does not extend the summary limit")
	_, ok = mustLookup(t, "PHA1997-s4A").TimeLimitExpiresOnEvidence(day("2024-01-10"), day("2024-12-01"))
	assert.False(t, ok)
}

func TestIndictmentMaximumFollowsOffenceDate(t *testing.T) {
	conviction := day("2025-06-01")
	tests := []struct {
		code        string
		aggravation Aggravation
		offence     string
		wantMonths  int
	}{
		{"PHA1997-s4A", NotAggravated, "2016-06-01", 60},
		{"PHA1997-s4A", NotAggravated, "2020-06-01", 120},
		{"PHA1997-s4", NotAggravated, "2017-04-02", 60},
		{"PHA1997-s4", NotAggravated, "2017-04-03", 120},
		{"PHA1997-s4A", RaciallyAggravated, "2016-06-01", 84},
		{"PHA1997-s4A", ReligiouslyAggravated, "2020-06-01", 168},
		{"PHA1997-s2A", RaciallyAggravated, "2020-06-01", 24},
		{"PHA1997-s2", ReligiouslyAggravated, "2010-06-01", 24},
		{"SPA2019-s8", NotAggravated, "2024-06-01", 60},
		{"SPA2019-s11-fail", NotAggravated, "2024-06-01", 60},
		{"SPA2019-s11-false", NotAggravated, "2024-06-01", 60},
		{"SCA2015-s76", NotAggravated, "2024-06-01", 60},
		{"MCA1988-s1", NotAggravated, "2024-06-01", 24},
		{"PHA1997-s5", NotAggravated, "2024-06-01", 60},
	}
	for _, tt := range tests {
		t.Run(tt.code+"/"+string(tt.aggravation)+"/"+tt.offence, func(t *testing.T) {
			o, err := mustLookup(t, tt.code).Aggravated(tt.aggravation)
			require.NoError(t, err)
			p := o.MaxPenalty(day(tt.offence), conviction)
			require.True(t, p.Indictment.Available)
			assert.Equal(t, tt.wantMonths, p.Indictment.Months)
			assert.NotEmpty(t, p.Indictment.Citation)
		})
	}
}

func TestSummaryOnlyOffencesCannotBeTriedOnIndictment(t *testing.T) {
	for _, code := range []string{"PHA1997-s2", "PHA1997-s2A", "CA2003-s127"} {
		t.Run(code, func(t *testing.T) {
			p := mustLookup(t, code).MaxPenalty(day("2024-06-01"), day("2025-01-10"))
			assert.False(t, p.Indictment.Available)
			assert.Contains(t, p.Indictment.Citation, "summary only")
			assert.True(t, p.Indictment.Status.HardRule(), "the mode of trial is established")
			require.True(t, p.Summary.Available)
			assert.Equal(t, 6, p.Summary.Months, "summary-only offences stay at 6 months after the general limit rose")
		})
	}
}

func TestGeneralLimitFollowsConvictionDate(t *testing.T) {
	tests := []struct {
		conviction string
		want       int
		status     Status
	}{
		{"2022-05-01", 6, Secondary},
		{"2022-05-02", 12, Secondary},
		{"2023-03-29", 12, Secondary},
		{"2023-03-30", 6, Secondary},
		{"2024-11-17", 6, Secondary},
		{"2024-11-18", 12, Verified},
		{"2026-01-01", 12, Verified},
	}
	s8 := mustLookup(t, "SPA2019-s8")
	for _, tt := range tests {
		t.Run(tt.conviction, func(t *testing.T) {
			gl := GeneralLimit(day(tt.conviction))
			assert.Equal(t, tt.want, gl.Months)
			assert.Equal(t, tt.status, gl.Status)

			// The same offence date gives different maxima by conviction date.
			p := s8.MaxPenalty(day("2022-06-01"), day(tt.conviction))
			assert.Equal(t, tt.want, p.Summary.Months)
			assert.Equal(t, tt.status, p.Summary.Status)
		})
	}
}

func TestOffencesBeforeTheGeneralLimitKeepSixMonthsUnverified(t *testing.T) {
	p := mustLookup(t, "SPA2019-s8").MaxPenalty(day("2022-05-01"), day("2025-01-10"))
	assert.Equal(t, 6, p.Summary.Months)
	assert.Equal(t, Unverified, p.Summary.Status)
}

func TestUnverifiedFactsAreFlagged(t *testing.T) {
	assert.Equal(t, Unverified, PCA2017MaximaRaised.Status)
	assert.False(t, PCA2017MaximaRaised.Status.HardRule())
	assert.True(t, SPACommencement.Status.HardRule())
	assert.True(t, Secondary.HardRule())

	s4A := mustLookup(t, "PHA1997-s4A").MaxPenalty(day("2020-06-01"), day("2025-01-10"))
	assert.Equal(t, Unverified, s4A.Indictment.Status, "depends on the unverified s.175 commencement date")
	assert.Equal(t, Unverified, s4A.Summary.Status, "whether s.4A reads as the general limit is unverified")
	assert.Equal(t, Unverified, s4A.Status())

	s8 := mustLookup(t, "SPA2019-s8").MaxPenalty(day("2025-01-01"), day("2025-06-01"))
	assert.Equal(t, Verified, s8.Status())

	for _, code := range []string{"SPA2019-s11-fail", "SPA2019-s11-false"} {
		s11 := mustLookup(t, code).MaxPenalty(day("2025-01-01"), day("2025-06-01"))
		assert.Equal(t, Unverified, s11.Summary.Status, "%s: whether the summary maximum is now the general limit is unverified", code)
		assert.Contains(t, s11.Summary.Citation, "PNLD (2020) gives 6 months", code)
		assert.Equal(t, Secondary, s11.Indictment.Status, code)
	}

	s2 := mustLookup(t, "PHA1997-s2").MaxPenalty(day("2025-01-01"), day("2025-06-01"))
	assert.Equal(t, Secondary, s2.Status(), "an unavailable indictment maximum does not weaken the status")
}

func TestStatusStringsMatchTheFactSheet(t *testing.T) {
	assert.Equal(t, "verified", Verified.String())
	assert.Equal(t, "secondary", Secondary.String())
	assert.Equal(t, "UNVERIFIED", Unverified.String())
	assert.Equal(t, Unverified, Status(0), "the zero value is the cautious one")
}

func TestAggravatedFormIsEitherWayWithNoTimeLimit(t *testing.T) {
	base := mustLookup(t, "PHA1997-s2A")
	agg, err := base.Aggravated(RaciallyAggravated)
	require.NoError(t, err)
	assert.Equal(t, "PHA1997-s2A", agg.Code)
	assert.Equal(t, "Racially aggravated stalking", agg.Title)
	assert.Equal(t, "CDA 1998 s.32(1)(a) (PHA 1997 s.2A)", agg.Citation)
	assert.Equal(t, EitherWay, agg.Mode)
	assert.Equal(t, RaciallyAggravated, agg.Aggravation)
	assert.Len(t, agg.Elements, len(base.Elements)+1)
	_, ok := agg.TimeLimitExpires(day("2020-01-01"))
	assert.False(t, ok)

	s4, err := mustLookup(t, "PHA1997-s4").Aggravated(ReligiouslyAggravated)
	require.NoError(t, err)
	assert.Equal(t, "Religiously aggravated putting people in fear of violence", s4.Title)
	assert.Equal(t, "CDA 1998 s.32(1)(b) (PHA 1997 s.4)", s4.Citation)

	same, err := base.Aggravated(NotAggravated)
	require.NoError(t, err)
	assert.Equal(t, base.Citation, same.Citation)

	assert.Len(t, mustLookup(t, "PHA1997-s2A").Elements, len(base.Elements), "the table is not changed")
}

func TestAggravatedRejectsWhatCDAs32DoesNotCover(t *testing.T) {
	tests := []struct {
		code        string
		aggravation Aggravation
		wantErr     string
	}{
		{"SCA2015-s76", RaciallyAggravated, "has no racially aggravated form"},
		{"SPA2019-s8", ReligiouslyAggravated, "has no religiously aggravated form"},
		{"PHA1997-s2A", Aggravation("sexually"), `aggravation "sexually"`},
	}
	for _, tt := range tests {
		t.Run(tt.code+"/"+string(tt.aggravation), func(t *testing.T) {
			_, err := mustLookup(t, tt.code).Aggravated(tt.aggravation)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
	agg, err := mustLookup(t, "PHA1997-s2").Aggravated(RaciallyAggravated)
	require.NoError(t, err)
	_, err = agg.Aggravated(ReligiouslyAggravated)
	require.Error(t, err)
}

func TestLookupReturnsACopy(t *testing.T) {
	o := mustLookup(t, "PHA1997-s4")
	o.Elements[0] = "changed"
	assert.NotEqual(t, "changed", mustLookup(t, "PHA1997-s4").Elements[0])
	all := Offences()
	all[0].Elements[0] = "changed"
	assert.NotEqual(t, "changed", Offences()[0].Elements[0])
}

func TestOffenceFromOutsideTheTableHasNoPenalty(t *testing.T) {
	p := Offence{Code: "X"}.MaxPenalty(day("2024-01-01"), day("2024-06-01"))
	assert.False(t, p.Summary.Available)
	assert.False(t, p.Indictment.Available)
}

func TestMaximumString(t *testing.T) {
	tests := []struct {
		m    Maximum
		want string
	}{
		{Maximum{Available: true, Months: 120}, "10 years' imprisonment, a fine, or both"},
		{Maximum{Available: true, Months: 24}, "2 years' imprisonment, a fine, or both"},
		{Maximum{Available: true, Months: 12}, "12 months' imprisonment, a fine, or both"},
		{Maximum{Available: true, Months: 6}, "6 months' imprisonment, a fine, or both"},
		{Maximum{}, "not triable this way"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.m.String())
	}
}

func TestStalkingBehavioursFollowS2A3(t *testing.T) {
	want := []struct{ name, para string }{
		{"following", "a"}, {"contacting", "b"}, {"publishing", "c"}, {"monitoring", "d"},
		{"loitering", "e"}, {"interfering", "f"}, {"watching", "g"},
	}
	got := StalkingBehaviours()
	require.Len(t, got, len(want))
	for i, w := range want {
		assert.Equal(t, w.name, got[i].Name)
		assert.Equal(t, w.para, got[i].Paragraph)
		assert.Equal(t, "PHA 1997 s.2A(3)("+w.para+")", got[i].Citation)
		assert.NotEmpty(t, got[i].Wording)
		b, ok := StalkingBehaviour(w.name)
		require.True(t, ok)
		assert.Equal(t, got[i], b)
	}
	for _, other := range []string{"threats", "violence", "damage", "gifts", "third-party-contact", "other"} {
		_, ok := StalkingBehaviour(other)
		assert.False(t, ok, other)
	}
}

func TestKeyDatesAreCitedAndInOrder(t *testing.T) {
	dates := KeyDates()
	require.NotEmpty(t, dates)
	for i, d := range dates {
		assert.NotEmpty(t, d.Citation, d.Name)
		assert.Equal(t, time.UTC, d.Date.Location(), d.Name)
		if i > 0 {
			assert.True(t, dates[i-1].Date.Before(d.Date), d.Name)
		}
	}
	assert.Equal(t, day("2020-01-20"), SPACommencement.Date)
	assert.Equal(t, day("2023-04-05"), CCBLivingTogetherRemoved.Date)
	assert.Equal(t, day("2017-04-03"), PCA2017MaximaRaised.Date)
}

func TestGeneralLimitHistoryIsInOrder(t *testing.T) {
	h := GeneralLimitHistory()
	require.Len(t, h, 4)
	assert.True(t, h[0].From.IsZero())
	for i := 1; i < len(h); i++ {
		assert.True(t, h[i-1].From.Before(h[i].From))
		assert.NotEqual(t, h[i-1].Months, h[i].Months, "each period changes the limit")
	}
}
