package xlsxdoc

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
)

// Date is a calendar date with no time of day and no time zone. Cells get
// it as a real Excel date: the day's serial number with a date format, built
// from the year, month and day alone so no time zone can shift it.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d == Date{} }

// String returns the date as YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// excelEpoch is day 0 of Excel's 1900 date system, chosen so that serial
// numbers from 1 March 1900 on are right despite Excel's fictional
// 29 February 1900.
var excelEpoch = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)

// Serial numbers of the first and last dates Excel's 1900 date system can
// hold without the 1900 leap-year bug: 1 March 1900 and 31 December 9999.
const (
	minSerial = 61
	maxSerial = 2958465
)

// serial returns Excel's serial number for d.
func (d Date) serial() (int, error) {
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	if t.Year() != d.Year || t.Month() != d.Month || t.Day() != d.Day {
		return 0, fmt.Errorf("xlsxdoc: %s is not a calendar date", d)
	}
	// Unix seconds, not t.Sub: a time.Duration cannot span 8,000 years.
	n := int((t.Unix() - excelEpoch.Unix()) / 86400)
	if n < minSerial || n > maxSerial {
		return 0, fmt.Errorf("xlsxdoc: %s is outside the dates a workbook can hold (1 March 1900 to 31 December 9999)", d)
	}
	return n, nil
}

// DateOfSerial returns the date of an Excel serial number (1900 date
// system); a fraction (a time of day) is ignored. It reports false for a
// number outside 1 March 1900 to 31 December 9999.
func DateOfSerial(serial float64) (Date, bool) {
	if serial < minSerial || serial >= maxSerial+1 {
		return Date{}, false
	}
	y, m, d := excelEpoch.AddDate(0, 0, int(serial)).Date()
	return Date{y, m, d}, true
}

// ParseDate reads a date as a cell holds it: an Excel serial number (what
// Excel, LibreOffice and openpyxl store for a date), or text in the form
// YYYY-MM-DD (optionally followed by a time, as ISO 8601 date cells are
// written) or DD/MM/YYYY. It rejects anything else, including days that do
// not exist.
func ParseDate(raw string) (Date, error) {
	s := strings.TrimSpace(raw)
	if n, err := strconv.ParseFloat(s, 64); err == nil {
		if d, ok := DateOfSerial(n); ok {
			return d, nil
		}
		return Date{}, fmt.Errorf("%s is not a date between 1 March 1900 and 31 December 9999", s)
	}
	for _, layout := range []string{time.DateOnly, "02/01/2006"} {
		text := s
		if layout == time.DateOnly && len(s) > len(time.DateOnly) && s[len(time.DateOnly)] == 'T' {
			text = s[:len(time.DateOnly)]
		}
		if t, err := time.Parse(layout, text); err == nil {
			return Date{t.Year(), t.Month(), t.Day()}, nil
		}
	}
	return Date{}, fmt.Errorf("%q is not a date (enter it as a date, or as YYYY-MM-DD or DD/MM/YYYY)", s)
}

type cellKind uint8

const (
	blankCell cellKind = iota
	textCell
	intCell
	boolCell
	dateCell
)

// Cell is one value of a row, typed so that it is stored the way it means:
// text always as a string (never a formula, whatever it starts with),
// numbers and booleans as values, dates as real Excel dates. The zero Cell
// is blank.
type Cell struct {
	kind cellKind
	text string
	num  int64
	flag bool
	date Date
	bold bool
}

// MaxTextLength is the most characters (UTF-16 code units) an Excel cell
// holds. Longer text is cut to fit and ends with TruncatedMark, so the cut is
// visible rather than silent.
const MaxTextLength = 32767

// TruncatedMark ends text that was cut to MaxTextLength.
const TruncatedMark = " [text cut to fit one cell]"

// TextCell returns a text cell. Text is stored as a string even when it
// looks like a formula (=, +, -, @) or a number.
func TextCell(s string) Cell {
	if s == "" {
		return Cell{}
	}
	return Cell{kind: textCell, text: fitText(s)}
}

// fitText cuts s to MaxTextLength UTF-16 code units, marking the cut.
func fitText(s string) string {
	// No character takes more UTF-16 code units than UTF-8 bytes.
	if len(s) <= MaxTextLength {
		return s
	}
	u := utf16.Encode([]rune(s))
	if len(u) <= MaxTextLength {
		return s
	}
	keep := u[:MaxTextLength-len(TruncatedMark)]
	if n := len(keep); n > 0 && utf16.IsSurrogate(rune(keep[n-1])) {
		keep = keep[:n-1] // never split a surrogate pair
	}
	return string(utf16.Decode(keep)) + TruncatedMark
}

// IntCell returns a whole-number cell.
func IntCell(n int) Cell { return Cell{kind: intCell, num: int64(n)} }

// YesNoCell returns a text cell reading "Yes" or "No": what a reader expects
// to see and filter on, where a boolean cell shows TRUE or FALSE.
func YesNoCell(b bool) Cell {
	if b {
		return TextCell("Yes")
	}
	return TextCell("No")
}

// BoolCell returns a boolean cell (TRUE or FALSE in Excel).
func BoolCell(b bool) Cell { return Cell{kind: boolCell, flag: b} }

// DateCell returns a date cell, or a blank cell for the zero Date.
func DateCell(d Date) Cell {
	if d.IsZero() {
		return Cell{}
	}
	return Cell{kind: dateCell, date: d}
}

// Bold returns the cell in bold type, for headings within a sheet.
func (c Cell) Bold() Cell {
	c.bold = true
	return c
}
