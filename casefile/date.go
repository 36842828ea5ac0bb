package casefile

import (
	"fmt"
	"time"

	"github.com/spokit/spokit/internal/law"
)

// Date is a calendar date with no time of day and no time zone, as the case
// format writes it (YYYY-MM-DD). The zero Date means "not given".
//
// Dates are compared and added as calendar dates, so results never depend on
// the machine's time zone.
type Date struct {
	t time.Time // midnight UTC; zero when not given
}

// NewDate returns the date y-m-d. Out-of-range values are normalised as
// time.Date does; use ParseDate to reject them.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate parses a YYYY-MM-DD date and rejects days that do not exist.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || len(s) != len(time.DateOnly) {
		return Date{}, fmt.Errorf("%q is not a real calendar date in the form YYYY-MM-DD", s)
	}
	return Date{t}, nil
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns the date as midnight UTC.
func (d Date) Time() time.Time { return d.t }

// Year returns the year of d.
func (d Date) Year() int { return d.t.Year() }

// Month returns the month of d.
func (d Date) Month() time.Month { return d.t.Month() }

// Day returns the day of the month of d.
func (d Date) Day() int { return d.t.Day() }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is later than e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return d.t.Compare(e.t) }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// AddMonths returns d moved by n calendar months. A day that does not exist
// in the target month becomes that month's last day, so 31 August plus six
// months is 28 (or 29) February: the reading rules.md uses for time limits.
func (d Date) AddMonths(n int) Date { return Date{law.AddMonths(d.t, n)} }

// DaysUntil returns the number of days from d to e (negative if e is earlier).
func (d Date) DaysUntil(e Date) int {
	return int(e.t.Sub(d.t).Hours() / 24)
}

// String returns the date as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// Long returns the date in words as printed on court documents, e.g.
// "12 February 2025".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2 January 2006")
}

// Short returns the date as DD/MM/YYYY, the form police forms use.
func (d Date) Short() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("02/01/2006")
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// JSONSchema describes Date in the JSON Schema that spokit schema prints.
func (Date) JSONSchema() map[string]any {
	return map[string]any{"type": "string", "format": "date", "pattern": `^\d{4}-\d{2}-\d{2}$`}
}

// Clock is a time of day, HH:MM on the 24-hour clock, local UK time. The zero
// Clock with Set false means "not given".
type Clock struct {
	Hour, Minute int
	Set          bool
}

// ParseClock parses HH:MM (24-hour).
func ParseClock(s string) (Clock, error) {
	t, err := time.Parse("15:04", s)
	if err != nil || len(s) != 5 {
		return Clock{}, fmt.Errorf("%q is not a clock time in the form HH:MM (24-hour)", s)
	}
	return Clock{Hour: t.Hour(), Minute: t.Minute(), Set: true}, nil
}

// String returns HH:MM, or "" when not given.
func (c Clock) String() string {
	if !c.Set {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute)
}

// MarshalText implements encoding.TextMarshaler.
func (c Clock) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Clock) UnmarshalText(b []byte) error {
	p, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = p
	return nil
}

// JSONSchema describes Clock in the JSON Schema that spokit schema prints.
func (Clock) JSONSchema() map[string]any {
	return map[string]any{"type": "string", "pattern": `^([01]\d|2[0-3]):[0-5]\d$`}
}

// IsZero reports whether the time was not given.
func (c Clock) IsZero() bool { return !c.Set }
