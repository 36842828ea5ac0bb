package spo_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/spo"
)

func clock(t *testing.T, s string) casefile.Clock {
	t.Helper()
	c, err := casefile.ParseClock(s)
	require.NoError(t, err)
	return c
}

func TestTheS23CheckNamesEachTermThatMeetsACommitment(t *testing.T) {
	t.Parallel()
	prayers := func(t *testing.T) casefile.Commitment {
		return casefile.Commitment{Kind: "religion", Description: "Friday prayers", Days: []string{"Friday"},
			From: clock(t, "12:30"), To: clock(t, "14:00"), Places: []string{"Masjid Llanrwst, Ffordd yr Eglwys, Llanrwst"}}
	}
	rounds := func(t *testing.T) casefile.Commitment {
		return casefile.Commitment{Kind: "work", Description: "delivery rounds", Days: []string{"Mon", "Tue", "Wed", "Thu", "Fri"},
			From: clock(t, "07:00"), To: clock(t, "15:00"), Places: []string{"Llanrwst town centre"}}
	}
	centreByDay := casefile.Term{Kind: casefile.Prohibition, Text: "Not to enter Llanrwst town centre between 08:00 and 18:00."}
	centreByNight := casefile.Term{Kind: casefile.Prohibition, Text: "Not to enter Llanrwst town centre between 19:00 and 06:00."}
	for _, tc := range []struct {
		name        string
		commitments func(*testing.T) []casefile.Commitment
		terms       []casefile.Term // replace the sample's terms when given
		want        []spo.Overlap
	}{
		{name: "Friday prayers in the street the order excludes him from",
			commitments: func(t *testing.T) []casefile.Commitment { return []casefile.Commitment{prayers(t)} },
			want:        []spo.Overlap{{Term: 2, Commitment: 0, Why: "Friday 12:30–14:00; the term names Llanrwst"}}},
		{name: "a daytime exclusion from the town centre he delivers in",
			commitments: func(t *testing.T) []casefile.Commitment { return []casefile.Commitment{rounds(t)} },
			terms:       []casefile.Term{centreByDay},
			want:        []spo.Overlap{{Term: 1, Commitment: 0, Why: "Monday, Tuesday, Wednesday, Thursday, Friday 07:00–15:00; the term names Llanrwst town centre"}}},
		{name: "weekday work and a weekend exclusion do not meet",
			commitments: func(t *testing.T) []casefile.Commitment {
				c := rounds(t)
				c.Days = []string{"weekdays"}
				return []casefile.Commitment{c}
			},
			terms: []casefile.Term{{Text: "Not to enter Llanrwst town centre at weekends."}}},
		{name: "a night-time exclusion misses daytime work",
			commitments: func(t *testing.T) []casefile.Commitment { return []casefile.Commitment{rounds(t)} },
			terms:       []casefile.Term{centreByNight}},
		{name: "Saturday-only term misses Friday prayers",
			commitments: func(t *testing.T) []casefile.Commitment { return []casefile.Commitment{prayers(t)} },
			terms:       []casefile.Term{{Text: "Not to enter Ffordd yr Eglwys on Saturdays."}}},
		{name: "a curfew clashes wherever the work is",
			commitments: func(t *testing.T) []casefile.Commitment {
				c := rounds(t)
				c.Places = []string{"Conwy"}
				return []casefile.Commitment{c}
			},
			terms: []casefile.Term{{Kind: casefile.Requirement, Text: "To remain at his home address between 06:00 and 08:00."}},
			want:  []spo.Overlap{{Term: 1, Commitment: 0, Why: "Monday, Tuesday, Wednesday, Thursday, Friday 07:00–15:00; the term keeps the respondent at one place"}}},
		{name: "a zone around a school in the same town misses the mosque",
			commitments: func(t *testing.T) []casefile.Commitment { return []casefile.Commitment{prayers(t)} },
			terms:       []casefile.Term{{Text: "Not to go within 100 metres of Ysgol Dyffryn Conwy, Llanrwst."}}},
		{name: "nothing recorded, nothing to check",
			commitments: func(*testing.T) []casefile.Commitment { return nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := sample(t)
			c.SPO.Commitments = tc.commitments(t)
			if tc.terms != nil {
				c.SPO.Terms = tc.terms
			}
			a, err := spo.NewApplication(c)
			require.NoError(t, err)
			assert.Equal(t, tc.want, a.CommitmentOverlaps())

			r := casefile.Validate(c, casefile.Options{Rules: spo.Rules()})
			assert.Len(t, r.ByRule("SPO-TERM-COMMITMENT"), len(tc.want))
		})
	}
}

func init() {
	fri, _ := casefile.ParseClock("12:30")
	end, _ := casefile.ParseClock("14:00")
	prayers := casefile.Commitment{Kind: "religion", Description: "Friday prayers", Days: []string{"Friday"}, From: fri, To: end,
		Places: []string{"Masjid Llanrwst, Ffordd yr Eglwys, Llanrwst"}}
	firing = append(firing,
		ruleCase{name: "Friday prayers in an excluded street", rule: "SPO-TERM-COMMITMENT", severity: casefile.Warning, path: "spo.terms[1]",
			mutate: func(c *casefile.Case) { c.SPO.Commitments = []casefile.Commitment{prayers} },
			words:  []string{"Term 2", "religion", "Friday prayers", "Llanrwst"}},
		ruleCase{name: "a zone confined to the place it protects", rule: "SPO-TERM-LOCALITY", severity: casefile.Warning, path: "spo.terms[1].locality",
			mutate: func(c *casefile.Case) {
				c.SPO.Terms[1].Text, c.SPO.Terms[1].Locality = "Not to go within 100 metres of Ysgol Bro Gwydir, Llanrwst.", "the Ysgol Bro Gwydir"
			},
			words: []string{"Term 2", "zone around Ysgol Bro Gwydir", "confines it"}},
		ruleCase{name: "a map that is not an exhibit", rule: "SPO-TERM-MAP", severity: casefile.Error, path: "spo.terms[1].map_exhibit",
			mutate: func(c *casefile.Case) { c.SPO.Terms[1].MapExhibit = "MAP/9" },
			words:  []string{"Term 2", `"MAP/9"`}},
	)
	notFiring = append(notFiring,
		ruleCase{name: "prayers elsewhere", rule: "SPO-TERM-COMMITMENT",
			mutate: func(c *casefile.Case) {
				p := prayers
				p.Places = []string{"Conwy"}
				c.SPO.Commitments = []casefile.Commitment{p}
			}},
		ruleCase{name: "a zone whose locality is the zone", rule: "SPO-TERM-LOCALITY",
			mutate: func(c *casefile.Case) {
				c.SPO.Terms[1].Text = "Not to go within 100 metres of Ysgol Bro Gwydir, Llanrwst."
				c.SPO.Terms[1].Locality = "the area within 100 metres of Ysgol Bro Gwydir"
			}},
		ruleCase{name: "a map that is an exhibit", rule: "SPO-TERM-MAP",
			mutate: func(c *casefile.Case) { c.SPO.Terms[1].MapExhibit = c.Exhibits[0].Ref }},
	)
}
