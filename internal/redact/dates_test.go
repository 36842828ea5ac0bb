package redact

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// dateExpressions are the regular expressions dates of birth were once
// found with, kept as what dateSpans must agree with: the forms people
// write a date in, as package regexp reads them.
func dateExpressions(t time.Time) []pattern {
	y, mon, dd := t.Date()
	num := func(n int) string {
		if n < 10 {
			return fmt.Sprintf("0?%d", n)
		}
		return fmt.Sprint(n)
	}
	day, month := num(dd), num(int(mon))
	yyyy := fmt.Sprintf("%04d", y)
	year := fmt.Sprintf("(?:%s|['’]?%02d)", yyyy, y%100)
	sep := space + `[/.\-]` + space
	ordinalDay := day + `(?:st|nd|rd|th|af|il|ydd|edd|ed|fed|eg|ain)?`
	words := "(?:" + strings.Join(monthForms(mon), "|") + ")"
	srcs := []string{
		day + sep + month + sep + year,
		yyyy + sep + month + sep + day,
		fmt.Sprintf("%s%02d%02d", yyyy, int(mon), dd),
		fmt.Sprintf("%02d%02d%s", dd, int(mon), yyyy),
		fmt.Sprintf("%02d%02d%02d", dd, int(mon), y%100),
		ordinalDay + `(?:` + dateSep + `day)?(?:` + dateSep + `(?:of|o))?` + dateSep + words + dateSep + year,
		words + dateSep + ordinalDay + dateSep + year,
	}
	if dd > 12 {
		srcs = append(srcs, month+sep+day+sep+year)
	}
	out := make([]pattern, len(srcs))
	for i, src := range srcs {
		out[i] = pattern{re: regexp.MustCompile("(?i)" + src), edges: wordEdges}
	}
	return out
}

// checkDates checks that the dates of birth of m found in text are exactly
// those the expressions find in the whole text.
func checkDates(t *testing.T, m *matcher, text string) {
	t.Helper()
	var want [][2]int
	for _, p := range birthExpressions(m) {
		want = p.matchesIn(text, [2]int{0, len(text)}, want)
	}
	has := m.holds(fold(text))
	got := m.dateSpans(text, has, nil)
	byPlace := func(a, b [2]int) int { return cmp.Or(a[0]-b[0], a[1]-b[1]) }
	slices.SortFunc(want, byPlace)
	slices.SortFunc(got, byPlace)
	assert.Equal(t, slices.Compact(want), slices.Compact(got), "in %q", text)
}

// expressionsOf holds the dateExpressions of each date of birth checked.
var expressionsOf sync.Map

// birthExpressions returns the dateExpressions of m's dates of birth.
func birthExpressions(m *matcher) []pattern {
	var out []pattern
	for _, b := range m.births {
		exprs, ok := expressionsOf.Load(b.date)
		if !ok {
			exprs, _ = expressionsOf.LoadOrStore(b.date, dateExpressions(b.date))
		}
		out = append(out, exprs.([]pattern)...)
	}
	return out
}

// dateBirths are dates of birth whose forms differ: a day under 10 and over
// 12, the months with the most forms, a year before 2000 and after, a day
// the same as the year's last two digits (so that one match may start
// inside another).
var dateBirths = []time.Time{date(1993, 4, 17), date(2002, 6, 9), date(1958, 2, 9), date(2005, 9, 1),
	date(1990, 11, 30), date(2001, 5, 12), date(1987, 7, 23), date(2010, 3, 5), date(2017, 4, 17)}

func dateMatcher() *matcher {
	m := newMatcher()
	for _, b := range dateBirths {
		m.addBirth(b)
	}
	return m
}

// datePieces are what texts full of dates and near-dates are made of.
var datePieces = struct{ numbers, seps, dseps, suffixes, months, glue []string }{
	numbers: []string{"17", "04", "4", "1993", "93", "'93", "’93", "0", "9", "09", "06", "6", "2002", "02", "1", "01",
		"05", "2005", "12", "5", "2001", "30", "11", "1990", "90", "23", "7", "87", "1987", "3", "03", "2010", "10",
		"170493", "19930417", "17041993", "090602", "117", "19931", "x9"},
	seps:     []string{"/", ".", "-", " / ", ". ", "  -", " /", ",", " ", "", "—"},
	dseps:    []string{" ", "", "  ", ",", ", ", ".", "-", "/", " ", "	", "\n", "\v", "‐", ";"},
	suffixes: []string{"", "", "st", "nd", "rd", "th", "af", "il", "ydd", "edd", "ed", "fed", "eg", "ain", "ſt", "TH", "e"},
	months: []string{"April", "APR", "apr", "Ebrill", "ſept", "Sept", "September", "Sep", "Medi", "Fedi", "Mehefin",
		"June", "Jun", "Feb", "february", "Chwefror", "May", "MAI", "Fai", "July", "Gorffennaf", "Orffennaf", "March",
		"Mawrth", "Fawrth", "November", "nov", "Tachwedd", "Dachwedd", "Junee", "Ap", "Marc"},
	glue: []string{"", "", "day", "of", "o", "the", "x", "é", "\xff", "Born ", " and ", "1"},
}

// dateText makes a text of one to three date-like phrases, most of them
// near one of dateBirths.
func dateText(rng *rand.Rand) string {
	p := datePieces
	pick := func(from []string) string { return from[rng.IntN(len(from))] }
	var b strings.Builder
	for range 1 + rng.IntN(3) {
		if rng.IntN(4) > 0 {
			p = birthPieces(dateBirths[rng.IntN(len(dateBirths))])
		}
		b.WriteString(pick(p.glue))
		switch rng.IntN(4) {
		case 0:
			b.WriteString(pick(p.numbers) + pick(p.seps) + pick(p.numbers) + pick(p.seps) + pick(p.numbers))
		case 1:
			b.WriteString(pick(p.numbers) + pick(p.suffixes) + pick(p.dseps) + pick(p.glue) + pick(p.dseps) +
				pick(p.glue) + pick(p.dseps) + pick(p.months) + pick(p.dseps) + pick(p.numbers))
		case 2:
			b.WriteString(pick(p.months) + pick(p.dseps) + pick(p.numbers) + pick(p.suffixes) + pick(p.dseps) + pick(p.numbers))
		default:
			b.WriteString(pick(p.numbers) + pick(p.numbers))
		}
		b.WriteString(pick(p.glue))
	}
	return b.String()
}

// birthPieces are datePieces whose numbers and months are mostly those of
// date t, in the forms people write them.
func birthPieces(t time.Time) struct{ numbers, seps, dseps, suffixes, months, glue []string } {
	p := datePieces
	y, m, d := t.Date()
	p.numbers = slices.Concat(p.numbers[:8], []string{fmt.Sprint(d), fmt.Sprintf("%02d", d), fmt.Sprint(int(m)),
		fmt.Sprintf("%02d", int(m)), fmt.Sprint(y), fmt.Sprintf("%02d", y%100), fmt.Sprintf("'%02d", y%100),
		fmt.Sprintf("’%02d", y%100), fmt.Sprintf("%02d%02d%d", d, int(m), y), fmt.Sprintf("%d%02d%02d", y, int(m), d)})
	for _, f := range monthForms(m) {
		p.months = append(p.months, f, strings.ToUpper(f), strings.ToLower(f), strings.ReplaceAll(strings.ToLower(f), "s", "ſ"))
	}
	return p
}

func TestDateSpansFindWhatTheExpressionsFind(t *testing.T) {
	m := dateMatcher()
	texts := []string{"", "17/04/1993", "Born 17th of April 1993.", "the 17th day of April 1993", "17APR93", "17 Ebrill 1993",
		"April 17, 1993", "170493", "17/4/93", "1993-04-17", "19930417", "04/17/1993", "9 Feb 1958", "9 Mehefin '02",
		"1ſt ſeptember 2005", "5edday of March 2010", "23 Orffennaf 1987", "30 Tachwedd 1990", "12th day o Fai 2001",
		"917/04/1993", "17/04/19934", "x17/04/1993", "17/04/1993x", "17 / 04 / 1993", "17\u00a0April\u00a01993", "17/04/17/04/17",
		"ſeptember 1, 2005"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		texts = append(texts, dateText(rng))
	}
	for _, text := range texts {
		checkDates(t, m, text)
	}
}

func FuzzDateSpans(f *testing.F) {
	for _, s := range []string{"17th of April 1993", "9 Mehefin '02", "04/17/1993", "1ſt ſeptember 2005", "5edday of March 2010"} {
		f.Add(s)
	}
	m := dateMatcher()
	f.Fuzz(func(t *testing.T, text string) { checkDates(t, m, text) })
}
