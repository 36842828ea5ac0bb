package spo

import (
	"testing"

	"github.com/spokit/spokit/casefile/screen"

	"github.com/spokit/spokit/casefile/synth"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
)

func act(d casefile.Date, bs ...casefile.Behaviour) *casefile.Incident {
	return &casefile.Incident{Date: d, Behaviours: bs}
}

func TestEscalationChartCountsEachActOnceWithThreatsAndViolenceApart(t *testing.T) {
	t.Parallel()
	chart, periods, counts, unit := escalationChart([]*casefile.Incident{
		act(casefile.NewDate(2024, 11, 1), casefile.Following, casefile.Watching),
		act(casefile.NewDate(2025, 2, 1), casefile.Watching, casefile.Threats),
		act(casefile.NewDate(2025, 2, 20), casefile.Threats, casefile.Violence),
	})
	assert.Equal(t, "month", unit)
	require.Len(t, periods, 4) // Nov, Dec, Jan, Feb: empty months kept
	assert.Equal(t, casefile.NewDate(2024, 12, 31), periods[1].to)
	assert.Equal(t, []int{1, 0, 0, 2}, counts)
	assert.Equal(t, seriesViolence, chart.Series[0].Name)
	assert.Equal(t, []float64{0, 0, 0, 1}, chart.Series[0].Values)
	assert.Equal(t, []float64{0, 0, 0, 1}, chart.Series[1].Values, "threats without violence")
	assert.Equal(t, []float64{1, 0, 0, 0}, chart.Series[2].Values)
}

func TestEscalationChartChoosesThePeriodByTheSpan(t *testing.T) {
	t.Parallel()
	tests := []struct {
		from, to casefile.Date
		unit     string
	}{
		{casefile.NewDate(2025, 1, 1), casefile.NewDate(2025, 3, 31), "week"}, // 89 days
		{casefile.NewDate(2025, 1, 1), casefile.NewDate(2025, 4, 2), "month"},
		{casefile.NewDate(2024, 1, 1), casefile.NewDate(2026, 12, 31), "month"}, // 36 months
		{casefile.NewDate(2024, 1, 1), casefile.NewDate(2027, 1, 1), "quarter"},
		{casefile.NewDate(1925, 1, 1), casefile.NewDate(2025, 1, 1), "year"},
	}
	for _, tt := range tests {
		_, periods, counts, unit := escalationChart([]*casefile.Incident{act(tt.from, casefile.Following), act(tt.to, casefile.Following)})
		assert.Equal(t, tt.unit, unit, "%s to %s", tt.from, tt.to)
		assert.LessOrEqual(t, len(periods), maxBars)
		assert.Equal(t, 1, counts[0])
		assert.Equal(t, 1, counts[len(counts)-1])
		assert.False(t, periods[0].from.After(tt.from))
		assert.False(t, periods[len(periods)-1].to.Before(tt.to))
	}
}

// chartMatchesChronology checks that the chart's bars are the acts per
// period, counted from the chronology independently.
func chartMatchesChronology(t *testing.T, acts []*casefile.Incident) {
	t.Helper()
	chart, periods, counts, _ := escalationChart(acts)
	for i, p := range periods {
		want, threats, violence := 0, 0, 0
		for _, in := range acts {
			if !in.Date.Before(p.from) && !in.Date.After(p.to) {
				want++
				if actSeries(in) == 0 {
					violence++
				} else if actSeries(in) == 1 {
					threats++
				}
			}
		}
		assert.Equal(t, want, counts[i], "period %d", i)
		sum := 0.0
		for _, s := range chart.Series {
			sum += s.Values[i]
		}
		assert.Equal(t, float64(want), sum, "bar %d is the acts in its period", i)
		assert.Equal(t, float64(violence), chart.Series[0].Values[i])
		assert.Equal(t, float64(threats), chart.Series[1].Values[i])
	}
}

func TestEscalationChartEqualsTheChronologyForTheSampleAndAThousandActs(t *testing.T) {
	t.Parallel()
	sample, _ := casefile.Sample()
	large, _ := synth.Generate(synth.Options{Incidents: 1000, Seed: 7})
	for _, c := range []*casefile.Case{sample, large} {
		a, err := NewApplication(c)
		require.NoError(t, err)
		require.NotEmpty(t, a.Acts)
		chartMatchesChronology(t, a.Acts)
		// The trend printed under the chart is the screening's for the same acts.
		s := screen.Screen(c, c.ResolveAsOf(casefile.Date{}))
		require.Len(t, a.Acts, len(c.Incidents), "the screening's chronology is every incident")
		trend, _, _ := screen.FrequencyTrend(a.Acts)
		assert.Equal(t, s.Escalation.Trend, trend)
	}
}
