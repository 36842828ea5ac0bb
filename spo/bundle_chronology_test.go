package spo

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spokit/spokit/casefile"
)

func act(d casefile.Date, bs ...casefile.Behaviour) *casefile.Incident {
	return &casefile.Incident{Date: d, Behaviours: bs}
}

func TestEscalationChartKeepsEmptyMonths(t *testing.T) {
	chart, starts, counts, span := escalationChart([]*casefile.Incident{
		act(casefile.NewDate(2024, 11, 30), casefile.Following, casefile.Watching),
		act(casefile.NewDate(2025, 2, 1), casefile.Watching),
		act(casefile.NewDate(2025, 2, 20), casefile.Threats),
	})
	assert.Equal(t, 1, span)
	assert.Equal(t, []int{2024*12 + 10, 2024*12 + 11, 2025 * 12, 2025*12 + 1}, starts) // Nov, Dec, Jan, Feb
	assert.Equal(t, []int{1, 0, 0, 2}, counts)
	names := []string{}
	for _, s := range chart.Series {
		names = append(names, s.Name)
	}
	assert.Equal(t, []string{"following", "watching", "threats"}, names)
	assert.Equal(t, []float64{1, 0, 0, 1}, chart.Series[1].Values)
}

func TestEscalationChartWidensPeriodsForLongSpans(t *testing.T) {
	tests := []struct {
		from, to casefile.Date
		span     int
	}{
		{casefile.NewDate(2024, 1, 1), casefile.NewDate(2026, 12, 31), 1}, // 36 months
		{casefile.NewDate(2024, 1, 1), casefile.NewDate(2027, 1, 1), 3},   // 37 months
		{casefile.NewDate(2010, 5, 1), casefile.NewDate(2026, 1, 1), 6},   // 16 years
		{casefile.NewDate(1925, 1, 1), casefile.NewDate(2025, 1, 1), 48},  // a century
	}
	for _, tt := range tests {
		_, starts, counts, span := escalationChart([]*casefile.Incident{act(tt.from, casefile.Following), act(tt.to, casefile.Following)})
		assert.Equal(t, tt.span, span, "%s to %s", tt.from, tt.to)
		assert.LessOrEqual(t, len(starts), maxBars)
		assert.Equal(t, 1, counts[0])
		assert.Equal(t, 1, counts[len(counts)-1])
	}
}

func TestEscalationChartFoldsOtherConductWhenTooManyKinds(t *testing.T) {
	var all []casefile.Behaviour
	for _, v := range casefile.Behaviour("").Values() {
		all = append(all, casefile.Behaviour(v))
	}
	chart, _, _, _ := escalationChart([]*casefile.Incident{act(casefile.NewDate(2025, 1, 1), all...)})
	assert.LessOrEqual(t, len(chart.Series), maxSeries)
	assert.Equal(t, "other", chart.Series[len(chart.Series)-1].Name)
	assert.Equal(t, []float64{1}, chart.Series[len(chart.Series)-1].Values, "an act counts once in other")
}
