package casefile

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDateRejectsDatesThatAreNotRealOrNotYYYYMMDD(t *testing.T) {
	for _, s := range []string{"2025-02-29", "2024-13-01", "2024-1-01", "2024-01-1", "2024-02-30", "2024-04-31", "", "01/02/2024", "2024-01-01T00:00:00Z", " 2024-01-01"} {
		t.Run(s, func(t *testing.T) {
			_, err := ParseDate(s)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "YYYY-MM-DD")
		})
	}
}

func TestParseDateAcceptsRealDates(t *testing.T) {
	tests := []struct {
		in        string
		year, day int
		month     time.Month
	}{
		{"2024-02-29", 2024, 29, time.February},
		{"2000-02-29", 2000, 29, time.February},
		{"2025-12-31", 2025, 31, time.December},
		{"2025-01-01", 2025, 1, time.January},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDate(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.year, d.Year())
			assert.Equal(t, tt.month, d.Month())
			assert.Equal(t, tt.day, d.Day())
			assert.Equal(t, tt.in, d.String())
			assert.False(t, d.IsZero())
		})
	}
}

func TestAddMonthsClampsToTheLastDayOfTheTargetMonth(t *testing.T) {
	tests := []struct {
		from   string
		months int
		want   string
	}{
		{"2024-08-31", 6, "2025-02-28"},
		{"2023-08-31", 6, "2024-02-29"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2023-11-30", 3, "2024-02-29"},
		{"2024-05-31", 1, "2024-06-30"},
		{"2024-03-31", -1, "2024-02-29"},
		{"2024-06-15", 6, "2024-12-15"},
		{"2024-10-31", 3, "2025-01-31"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2024-12-15", 0, "2024-12-15"},
	}
	for _, tt := range tests {
		t.Run(tt.from, func(t *testing.T) {
			assert.Equal(t, tt.want, ymd(tt.from).AddMonths(tt.months).String())
		})
	}
}

func TestDatePrintsInTheFormsDocumentsUse(t *testing.T) {
	d := ymd("2025-02-12")
	assert.Equal(t, "12 February 2025", d.Long())
	assert.Equal(t, "12/02/2025", d.Short())
	assert.Equal(t, "2025-02-12", d.String())
	assert.Equal(t, "1 March 2024", ymd("2024-03-01").Long())

	var zero Date
	assert.True(t, zero.IsZero())
	assert.Empty(t, zero.Long())
	assert.Empty(t, zero.Short())
	assert.Empty(t, zero.String())
}

func TestDateArithmeticIsInCalendarDays(t *testing.T) {
	assert.Equal(t, "2024-03-01", ymd("2024-02-28").AddDays(2).String())
	assert.Equal(t, 366, ymd("2024-01-01").DaysUntil(ymd("2025-01-01")))
	assert.Equal(t, -1, ymd("2024-01-01").DaysUntil(ymd("2023-12-31")))
	assert.True(t, ymd("2024-01-01").Before(ymd("2024-01-02")))
	assert.True(t, ymd("2024-01-02").After(ymd("2024-01-01")))
	assert.Equal(t, 0, ymd("2024-01-01").Compare(ymd("2024-01-01")))
}

func TestDateOfUsesTheCalendarDayOfItsOwnZone(t *testing.T) {
	east := time.FixedZone("UTC+10", 10*60*60)
	assert.Equal(t, "2025-02-13", DateOf(time.Date(2025, time.February, 13, 1, 0, 0, 0, east)).String())
}

func TestDateTextRoundTripsAndRejectsBadDates(t *testing.T) {
	var d Date
	require.NoError(t, d.UnmarshalText([]byte("2024-02-29")))
	b, err := d.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "2024-02-29", string(b))
	assert.Error(t, d.UnmarshalText([]byte("2025-02-29")))
}

func TestParseClockRejectsTimesThatAreNotHHMM24Hour(t *testing.T) {
	for _, s := range []string{"24:00", "7:05", "07:5", "12:60", "25:10", "0705", "07:05:00", "", "7pm"} {
		t.Run(s, func(t *testing.T) {
			_, err := ParseClock(s)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "HH:MM")
		})
	}
}

func TestParseClockAcceptsTwentyFourHourTimes(t *testing.T) {
	for _, tt := range []struct {
		in           string
		hour, minute int
	}{{"00:00", 0, 0}, {"07:05", 7, 5}, {"23:59", 23, 59}, {"12:30", 12, 30}} {
		t.Run(tt.in, func(t *testing.T) {
			c, err := ParseClock(tt.in)
			require.NoError(t, err)
			assert.Equal(t, Clock{Hour: tt.hour, Minute: tt.minute, Set: true}, c)
			assert.Equal(t, tt.in, c.String())
			assert.False(t, c.IsZero())
		})
	}
	assert.Empty(t, Clock{}.String())
	assert.True(t, Clock{}.IsZero())
}
