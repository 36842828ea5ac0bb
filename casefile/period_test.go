package casefile_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
)

func date(t *testing.T, s string) casefile.Date {
	t.Helper()
	d, err := casefile.ParseDate(s)
	require.NoError(t, err)
	return d
}

func TestParsePeriodReadsTheCaseFormat(t *testing.T) {
	tests := []struct {
		in        string
		words     string
		fixed     bool
		twoYears  bool
		wantError string
	}{
		{in: "2y", words: "2 years", fixed: true, twoYears: true},
		{in: "24m", words: "24 months", fixed: true, twoYears: true},
		{in: "23m", words: "23 months", fixed: true},
		{in: "30m", words: "30 months", fixed: true, twoYears: true},
		{in: "1y", words: "1 year", fixed: true},
		{in: "1m", words: "1 month", fixed: true},
		{in: "8w", words: "8 weeks", fixed: true},
		{in: "1w", words: "1 week", fixed: true},
		{in: "28d", words: "28 days", fixed: true},
		{in: "104w", words: "104 weeks", fixed: true},                 // 728 days: short of 2 years
		{in: "105w", words: "105 weeks", fixed: true, twoYears: true}, // 735 days
		{in: "730d", words: "730 days", fixed: true},                  // short when the 2 years hold a 29 February
		{in: "731d", words: "731 days", fixed: true, twoYears: true},
		{in: "until-further-order", words: "until further order"},
		{in: "0y", wantError: "positive whole number"},
		{in: "-1y", wantError: "positive whole number"},
		{in: "+2y", wantError: "positive whole number"},
		{in: " 2y", wantError: "positive whole number"},
		{in: "1.5y", wantError: "positive whole number"},
		{in: "y", wantError: "positive whole number"},
		{in: "", wantError: "empty"},
		{in: "3x", wantError: "unit"},
		{in: "2Y", wantError: "unit"},
		{in: "2 years", wantError: "unit"},
		{in: "until further order", wantError: "unit"},
		{in: "101y", wantError: "longer than 100 years"},
		{in: "99999999999999999999m", wantError: "positive whole number"},
		{in: "9999999999999m", wantError: "longer than 100 years"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := casefile.ParsePeriod(tt.in)
			if tt.wantError != "" {
				require.Error(t, err)
				assert.ErrorIs(t, err, casefile.ErrInvalidPeriod)
				assert.Contains(t, err.Error(), tt.wantError)
				assert.True(t, p.IsZero())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.words, p.String())
			assert.Equal(t, tt.fixed, p.Fixed())
			assert.Equal(t, !tt.fixed, p.UntilFurtherOrder())
			assert.Equal(t, tt.twoYears, p.AtLeastYears(2))
			assert.False(t, p.IsZero())
		})
	}
}

func TestZeroPeriodIsNeitherFixedNorUntilFurtherOrder(t *testing.T) {
	var p casefile.Period
	assert.True(t, p.IsZero())
	assert.False(t, p.Fixed())
	assert.False(t, p.UntilFurtherOrder())
	assert.False(t, p.AtLeastYears(0))
	assert.Empty(t, p.String())
	assert.True(t, p.AddTo(date(t, "2025-01-01")).IsZero())
}

func TestPeriodAddToCountsCalendarMonthsAndClampsToTheMonthEnd(t *testing.T) {
	tests := []struct {
		period, from, want string
	}{
		{"2y", "2025-02-10", "2027-02-10"},
		{"6m", "2025-08-31", "2026-02-28"},
		{"6m", "2023-08-31", "2024-02-29"},
		{"1m", "2025-01-31", "2025-02-28"},
		{"1y", "2024-02-29", "2025-02-28"},
		{"4y", "2024-02-29", "2028-02-29"},
		{"8w", "2025-01-01", "2025-02-26"},
		{"14d", "2025-12-25", "2026-01-08"},
	}
	for _, tt := range tests {
		t.Run(tt.period+" from "+tt.from, func(t *testing.T) {
			p, err := casefile.ParsePeriod(tt.period)
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.AddTo(date(t, tt.from)).String())
		})
	}
}

func TestUntilFurtherOrderHasNoEnd(t *testing.T) {
	p, err := casefile.ParsePeriod(casefile.UntilFurtherOrder)
	require.NoError(t, err)
	assert.True(t, p.AddTo(date(t, "2025-02-10")).IsZero())
	_, ok := p.LastDay(date(t, "2025-02-10"))
	assert.False(t, ok)
}

func TestPeriodLastDayIsTheDayBeforeTheCorrespondingDate(t *testing.T) {
	tests := []struct {
		name, period, start, want string
	}{
		{"years", "2y", "2025-02-10", "2027-02-09"},
		{"months", "1m", "2025-03-01", "2025-03-31"},
		{"weeks", "8w", "2025-01-01", "2025-02-25"},
		{"days: the start day counts", "3d", "2025-02-10", "2025-02-12"},
		{"no 31 February: runs to the month's end", "6m", "2025-08-31", "2026-02-28"},
		{"no 31 February in a leap year", "30m", "2025-08-31", "2028-02-29"},
		{"no 29 February: runs to the month's end", "2y", "2024-02-29", "2026-02-28"},
		{"29 February exists again", "4y", "2024-02-29", "2028-02-28"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := casefile.ParsePeriod(tt.period)
			require.NoError(t, err)
			got, ok := p.LastDay(date(t, tt.start))
			require.True(t, ok)
			assert.Equal(t, tt.want, got.String())
		})
	}
}

func TestPeriodLastDayNeedsAStart(t *testing.T) {
	p, err := casefile.ParsePeriod("2y")
	require.NoError(t, err)
	_, ok := p.LastDay(casefile.Date{})
	assert.False(t, ok)
}
