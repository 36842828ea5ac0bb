package spo_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/spo"
)

// sample returns a fresh copy of the embedded sample case, a sound SPO
// application that tests mutate.
func sample(t *testing.T) *casefile.Case {
	t.Helper()
	c, _ := casefile.Sample()
	return c
}

func ids(incidents []*casefile.Incident) []string {
	out := make([]string, len(incidents))
	for i, in := range incidents {
		out[i] = in.ID
	}
	return out
}

func names(people []*casefile.Person) []string {
	out := make([]string, len(people))
	for i, p := range people {
		out[i] = p.Name()
	}
	return out
}

// addSecondSuspect gives the sample another suspect, S2, whose conduct
// incident I9 is, and names the suspect of every other incident (a case
// with two suspects must).
func addSecondSuspect(c *casefile.Case) {
	c.People = append(c.People, casefile.Person{ID: "S2", Role: casefile.RoleSuspect, Forenames: "Gareth", Surname: "Lowry"})
	for i := range c.Incidents {
		c.Incidents[i].Suspect = "S1"
	}
	c.Incidents = append(c.Incidents, casefile.Incident{
		ID: "I9", Date: casefile.NewDate(2025, 10, 1), Suspect: "S2", Victims: []string{"V1"},
		Behaviours: []casefile.Behaviour{casefile.Contacting}, Description: "Telephoned her on his brother's behalf.",
	})
}

func TestNewApplicationResolvesTheSample(t *testing.T) {
	t.Parallel()
	c := sample(t)
	a, err := spo.NewApplication(c)
	require.NoError(t, err)

	assert.Same(t, c, a.Case)
	assert.Equal(t, "Llandudno Magistrates' Court", a.Court)
	assert.Equal(t, "Chief Constable of North Wales Police", a.Applicant)
	assert.Equal(t, "North Wales Police", a.Force)
	assert.Equal(t, "North Wales", a.PoliceArea)
	assert.Equal(t, casefile.Resides, a.AreaBasis)
	require.NotNil(t, a.Respondent)
	assert.Equal(t, "Marc Lowry", a.Respondent.Name())
	assert.Equal(t, []string{"Siân Pryce", "Elin Pryce"}, names(a.Protected))
	assert.Equal(t, []string{"I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8"}, ids(a.Acts))
	assert.Equal(t, []casefile.RiskKind{"psychological", "physical"}, a.RiskKinds)
	assert.Contains(t, a.Risk, "tracked")
	assert.Contains(t, a.Necessity, "escalated")
	assert.Len(t, a.Terms, 5)
	assert.Equal(t, "2 years", a.Duration.String())
	assert.Equal(t, "2026-03-16", a.HearingDate.String())
	require.NotNil(t, a.Interim)
	assert.Equal(t, "2 months", a.Interim.Period.String())
	assert.Len(t, a.Interim.Terms, 1)
	assert.Contains(t, a.Interim.Reason, "escalated")
	assert.Contains(t, a.VictimViews, "supports")
	assert.True(t, a.ServiceDate.IsZero())
	assert.False(t, a.ReplacesInterim)
}

func TestNewApplicationListsActsInDateOrder(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		mutate func(*casefile.Case)
		want   []string
	}{
		{"listed acts, in date order whatever the listing order", func(c *casefile.Case) {
			c.SPO.Acts = []string{"I5", "I2", "I5"}
		}, []string{"I2", "I5"}},
		{"by default every incident by the respondent, in date order", func(c *casefile.Case) {
			c.Incidents[0], c.Incidents[7] = c.Incidents[7], c.Incidents[0]
		}, []string{"I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8"}},
		{"by default not another suspect's incidents", addSecondSuspect,
			[]string{"I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8"}},
		{"listed acts may include another suspect's incident", func(c *casefile.Case) {
			addSecondSuspect(c)
			c.SPO.Acts = []string{"I9", "I3"}
		}, []string{"I3", "I9"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sample(t)
			tt.mutate(c)
			a, err := spo.NewApplication(c)
			require.NoError(t, err)
			assert.Equal(t, tt.want, ids(a.Acts))
		})
	}
}

func TestNewApplicationNamesEachReferenceThatDoesNotResolve(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		mutate func(*casefile.Case)
		want   []string
	}{
		{"respondent", func(c *casefile.Case) { c.SPO.Respondent = "S9" }, []string{`spo.respondent: "S9"`}},
		{"protected person", func(c *casefile.Case) { c.SPO.Protected[1] = "V9" }, []string{`spo.protected[1]: "V9"`}},
		{"act", func(c *casefile.Case) { c.SPO.Acts = []string{"I1", "I99"} }, []string{`spo.acts[1]: "I99"`, "incident"}},
		{"person a term protects", func(c *casefile.Case) { c.SPO.Terms[3].Protects = []string{"V1", "X1"} },
			[]string{`spo.terms[3].protects[1]: "X1"`}},
		{"person an interim term protects", func(c *casefile.Case) { c.SPO.Interim.Terms[0].Protects = []string{"X2"} },
			[]string{`spo.interim.terms[0].protects[0]: "X2"`}},
		{"statement in the hearsay list", func(c *casefile.Case) {
			c.SPO.Hearsay = []casefile.Hearsay{{Statement: c.Statements[0].ID, Attends: true}, {Statement: "ST99"}}
		}, []string{`spo.hearsay[1].statement: "ST99"`, "statement"}},
		{"every one of several", func(c *casefile.Case) {
			c.SPO.Respondent = "S9"
			c.SPO.Acts = []string{"I99"}
		}, []string{`spo.respondent: "S9"`, `spo.acts[0]: "I99"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sample(t)
			tt.mutate(c)
			a, err := spo.NewApplication(c)
			require.Error(t, err)
			assert.Nil(t, a)
			assert.ErrorIs(t, err, spo.ErrUnresolved)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestNewApplicationRefusesACaseWithoutAnApplication(t *testing.T) {
	t.Parallel()
	c := sample(t)
	c.SPO = nil
	_, err := spo.NewApplication(c)
	assert.ErrorIs(t, err, spo.ErrNoApplication)

	_, err = spo.NewApplication(nil)
	assert.ErrorIs(t, err, spo.ErrNoApplication)
}

func TestNewApplicationBuildsAnIncompleteApplicationForADraft(t *testing.T) {
	t.Parallel()
	c := sample(t)
	c.SPO.Duration = "two years"
	c.SPO.Interim.Period = ""
	c.SPO.Risk = ""
	c.SPO.Terms = nil
	c.Force.ChiefOfficer = ""

	a, err := spo.NewApplication(c)
	require.NoError(t, err)
	assert.True(t, a.Duration.IsZero())
	assert.True(t, a.Interim.Period.IsZero())
	_, ok := a.OrderEnds()
	assert.False(t, ok)
}

func TestOrderEndsTheDayBeforeHearingDatePlusPeriod(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, hearing, duration string
		want                    string // "" when the order has no end date
	}{
		{"3 years", "2025-02-10", "3y", "2028-02-09"},
		{"30 months", "2025-02-10", "30m", "2027-08-09"},
		{"month-end clamp: no 31 February", "2025-08-31", "30m", "2028-02-29"},
		{"month-end clamp: no 29 February", "2024-02-29", "2y", "2026-02-28"},
		{"until further order", "2025-02-10", "until-further-order", ""},
		{"no hearing date", "", "2y", ""},
		{"unreadable duration", "2025-02-10", "2 years", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sample(t)
			c.SPO.HearingDate = casefile.Date{}
			if tt.hearing != "" {
				c.SPO.HearingDate = date(t, tt.hearing)
			}
			c.SPO.Duration = tt.duration
			a, err := spo.NewApplication(c)
			require.NoError(t, err)
			got, ok := a.OrderEnds()
			assert.Equal(t, tt.want != "", ok)
			assert.Equal(t, tt.want, got.String())
		})
	}
}

func TestInterimEndsAfterItsFixedPeriod(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, period, made, want string
	}{
		{"months", "2m", "2026-03-02", "2026-05-01"},
		{"weeks", "8w", "2026-03-02", "2026-04-26"},
		{"month-end clamp", "1m", "2026-01-31", "2026-02-28"},
		{"not a fixed period", "until-further-order", "2026-03-02", ""},
		{"no date made", "2m", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sample(t)
			c.SPO.Interim.Period = tt.period
			a, err := spo.NewApplication(c)
			require.NoError(t, err)
			var made casefile.Date
			if tt.made != "" {
				made = date(t, tt.made)
			}
			got, ok := a.InterimEnds(made)
			assert.Equal(t, tt.want != "", ok)
			assert.Equal(t, tt.want, got.String())
		})
	}

	c := sample(t)
	c.SPO.Interim = nil
	a, err := spo.NewApplication(c)
	require.NoError(t, err)
	_, ok := a.InterimEnds(date(t, "2026-03-02"))
	assert.False(t, ok, "no interim order sought")
}

func TestNotificationDeadlineIsTheSecondDayAfterService(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, served    string
		replacesInterim bool
		want            string // in words; "" when no deadline
	}{
		{"3 days beginning with the day of service", "2025-02-10", false, "12 February 2025"},
		{"across a month end", "2025-02-27", false, "1 March 2025"},
		{"across 29 February", "2024-02-28", false, "1 March 2024"},
		{"across a year end", "2025-12-30", false, "1 January 2026"},
		{"replaces a served interim order", "2025-02-10", true, ""},
		{"not yet served", "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sample(t)
			if tt.served != "" {
				c.SPO.ServiceDate = date(t, tt.served)
			}
			c.SPO.ReplacesInterim = tt.replacesInterim
			a, err := spo.NewApplication(c)
			require.NoError(t, err)
			got, ok := a.NotificationDeadline()
			assert.Equal(t, tt.want != "", ok)
			assert.Equal(t, tt.want, got.Long())
		})
	}
}

func TestConflictChecksListTheRespondentsObservanceAndWork(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name           string
		religion, work string
		want           []string
	}{
		{"both", "Friday prayers", "Deliveries 06:00 to 14:00",
			[]string{"Religious observance: Friday prayers", "Work or education: Deliveries 06:00 to 14:00"}},
		{"work only", "", "College on Tuesdays", []string{"Work or education: College on Tuesdays"}},
		{"religion only", "Sunday service", "  ", []string{"Religious observance: Sunday service"}},
		{"neither", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sample(t)
			c.People[2].ReligiousObservance, c.People[2].WorkOrEducation = tt.religion, tt.work
			a, err := spo.NewApplication(c)
			require.NoError(t, err)
			assert.Equal(t, tt.want, a.ConflictChecks())
		})
	}
}

func TestTermProtectsDefaultsToEveryoneProtected(t *testing.T) {
	t.Parallel()
	c := sample(t)
	c.SPO.Terms[0].Protects = nil
	a, err := spo.NewApplication(c)
	require.NoError(t, err)
	assert.Equal(t, []string{"Siân Pryce", "Elin Pryce"}, names(a.TermProtects(a.Terms[0])))
	assert.Equal(t, []string{"Siân Pryce"}, names(a.TermProtects(a.Terms[2])))
}
