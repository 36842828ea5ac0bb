package casefile

import (
	"errors"
	"fmt"
	"strconv"
)

// UntilFurtherOrder is how the case format writes an order that lasts until
// the court makes a further order (SPA 2019 s.3).
const UntilFurtherOrder = "until-further-order"

// MinimumYears is the shortest fixed period a full order may be made for:
// at least 2 years beginning with the day it is made (SPA 2019 s.3).
const MinimumYears = 2

// maxPeriodDays bounds a fixed period to about a century, so a mistyped
// number cannot overflow date arithmetic.
const maxPeriodDays = 100 * 366

// ErrInvalidPeriod is wrapped by every ParsePeriod error, so callers can tell
// a period the case gives wrongly from other failures.
var ErrInvalidPeriod = errors.New("not a valid period")

// periodUnit is the unit a fixed period is counted in.
type periodUnit int

const (
	noPeriod periodUnit = iota
	years
	months
	weeks
	days
	untilFurtherOrder
)

// unitNames are the singular and plural words String prints, by unit.
var unitNames = map[periodUnit][2]string{
	years:  {"year", "years"},
	months: {"month", "months"},
	weeks:  {"week", "weeks"},
	days:   {"day", "days"},
}

// unitLetters maps the case format's unit letters to units.
var unitLetters = map[byte]periodUnit{'y': years, 'm': months, 'w': weeks, 'd': days}

// Period is how long an order lasts: until further order, or a fixed number
// of calendar years, calendar months, weeks or days. Full orders are given
// in years or months (SPA 2019 s.3); weeks and days are accepted because
// interim orders (s.5) are often short, and any fixed period is judged by
// its length. The zero Period means "not given" (the case's text could not
// be read); the SPO-DURATION and SPO-INTERIM rules report that.
type Period struct {
	n    int
	unit periodUnit
}

// ParsePeriod reads a period as the case format writes it:
// "until-further-order", or a positive whole number followed by a unit
// letter: y (calendar years), m (calendar months), w (weeks) or d (days),
// e.g. "2y", "30m", "8w", "14d". Nothing else is accepted: no spaces, signs,
// capitals or fractions. Fixed periods longer than about a century are
// refused. Every error wraps ErrInvalidPeriod.
func ParsePeriod(s string) (Period, error) {
	if s == UntilFurtherOrder {
		return Period{unit: untilFurtherOrder}, nil
	}
	if s == "" {
		return Period{}, fmt.Errorf("the period is empty; write %s or a number and a unit such as 2y or 30m: %w", UntilFurtherOrder, ErrInvalidPeriod)
	}
	unit, ok := unitLetters[s[len(s)-1]]
	if !ok {
		return Period{}, fmt.Errorf("period %q does not end in a unit: y (years), m (months), w (weeks) or d (days): %w", s, ErrInvalidPeriod)
	}
	digits := s[:len(s)-1]
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			digits = ""
			break
		}
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 {
		return Period{}, fmt.Errorf("period %q must be a positive whole number followed by its unit, e.g. 2y or 30m: %w", s, ErrInvalidPeriod)
	}
	p := Period{n: n, unit: unit}
	if n > maxPeriodDays || p.spanDays() > maxPeriodDays {
		return Period{}, fmt.Errorf("period %q is longer than 100 years: %w", s, ErrInvalidPeriod)
	}
	return p, nil
}

// PeriodOfYears is a fixed period of n calendar years.
func PeriodOfYears(n int) Period { return Period{n: n, unit: years} }

// IsZero reports whether the period was not given or could not be read.
func (p Period) IsZero() bool { return p.unit == noPeriod }

// Fixed reports whether the period is a fixed length of time (not until
// further order, and not the zero Period).
func (p Period) Fixed() bool { return p.unit >= years && p.unit <= days }

// UntilFurtherOrder reports whether the order lasts until the court makes a
// further order.
func (p Period) UntilFurtherOrder() bool { return p.unit == untilFurtherOrder }

// AddTo returns d moved on by the period: the corresponding date. Years and
// months are calendar months, and a day that does not exist in the target
// month becomes its last day (31 August + 6 months = 28 or 29 February).
// A period that is not fixed has no corresponding date: AddTo returns the
// zero Date.
func (p Period) AddTo(d Date) Date {
	switch p.unit {
	case years:
		return d.AddMonths(12 * p.n)
	case months:
		return d.AddMonths(p.n)
	case weeks:
		return d.AddDays(7 * p.n)
	case days:
		return d.AddDays(p.n)
	}
	return Date{}
}

// LastDay returns the last day of the period beginning with start (the
// start day counts as the first day), and false when the period is not
// fixed or start is not given.
//
// That is the day before the corresponding date. When the corresponding
// day does not exist in its month (a period of months or years beginning on
// 29, 30 or 31), the period runs to the end of that month instead, so an
// order never ends before the full period the court stated: 6 months
// beginning with 31 August ends on 28 (or 29) February, and 2 years
// beginning with 29 February 2024 ends on 28 February 2026.
func (p Period) LastDay(start Date) (Date, bool) {
	if !p.Fixed() || start.IsZero() {
		return Date{}, false
	}
	end := p.AddTo(start)
	if (p.unit == years || p.unit == months) && end.Day() != start.Day() {
		return end, true // clamped to the month's last day
	}
	return end.AddDays(-1), true
}

// AtLeastYears reports whether a fixed period lasts at least n years
// whatever day it begins on. Years and months compare exactly (24m is 2
// years); weeks and days must cover the longest n years can be, counting a
// 29 February in every fourth year. A period that is not fixed reports
// false.
func (p Period) AtLeastYears(n int) bool {
	switch p.unit {
	case years:
		return p.n >= n
	case months:
		return p.n >= 12*n
	case weeks, days:
		return p.spanDays() >= 365*n+(n+3)/4
	}
	return false
}

// spanDays is the longest a fixed period can last, in days: exact for
// weeks and days, an upper bound for months and years.
func (p Period) spanDays() int {
	switch p.unit {
	case years:
		return 366 * p.n
	case months:
		return 31 * p.n
	case weeks:
		return 7 * p.n
	case days:
		return p.n
	}
	return 0
}

// String returns the period in words as an order states it: "3 years",
// "1 month", "8 weeks", "until further order"; "" for the zero Period.
func (p Period) String() string {
	switch {
	case p.UntilFurtherOrder():
		return "until further order"
	case p.Fixed():
		word := unitNames[p.unit][1]
		if p.n == 1 {
			word = unitNames[p.unit][0]
		}
		return strconv.Itoa(p.n) + " " + word
	}
	return ""
}
