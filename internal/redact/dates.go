package redact

import (
	"fmt"
	"slices"
	"time"
	"unicode"
	"unicode/utf8"
)

// Dates of birth are found by parsing, not by regular expressions. Most of
// a case's people have a date of birth, each written in up to eight forms,
// and running each form's expression around every place its digits occur
// was most of the cost of withholding details from a long text. Instead
// one pass over a text's word starts tries, at each, only the forms that
// begin with the run of digits there, or with a month whose name begins
// with the letter there. A form matches what this expression
// (case-insensitive, as package regexp reads it) matched, preferring the
// same alternatives in the same order:
//
//	day sep month sep year            17/04/1993, 17.4.93
//	yyyy sep month sep day            1993-04-17
//	month sep day sep year            04/17/1993, only when the day is over 12
//	yyyymmdd, ddmmyyyy, ddmmyy        19930417, 17041993, 170493
//	day ord? (dsep day)? (dsep (of|o))? dsep month dsep year
//	                                  17th of April 1993, 17 Ebrill 1993, 17APR93
//	month dsep day ord? dsep year     April 17, 1993
//
// day and month are numbers, with a leading 0 optional below 10; year is
// the four digits or the last two, with an apostrophe optional; sep is one
// of / . - with spaces either side; dsep is any run of spaces and - / . ,;
// ord is an English or Welsh ordinal ending; month in words is English or
// Welsh (monthWords). As with every detail, a match counts only whole: no
// letter or digit either side.

// birth is one date of birth and the forms it may be written in.
type birth struct {
	date time.Time
	// needles index matcher.needles: the day's digits and the year's last
	// two, which every form's fold holds.
	needles [2]int
}

// dateForm is one way of writing one date of birth.
type dateForm struct {
	birth int // index into matcher.births
	// words are the ways month is written (monthForms), the month a form
	// in words begins with. Looking for them is a cheap test before match
	// is tried, and its answer at a place holds for every form of month.
	words []string
	month time.Month
	match step
}

// addBirth adds the forms of a date of birth to m, once.
func (m *matcher) addBirth(t time.Time) {
	if t.IsZero() {
		return
	}
	y, mon, dd := t.Date()
	if slices.ContainsFunc(m.births, func(b birth) bool { return b.date.Equal(t) }) {
		return
	}
	yyyy, yy := fmt.Sprintf("%04d", y), fmt.Sprintf("%02d", y%100)
	b := len(m.births)
	m.births = append(m.births, birth{date: t, needles: [2]int{m.needle(fmt.Sprint(dd)), m.needle(yy)}})

	sep := seq(star(isSpace), oneOf("/.-"), star(isSpace))
	dsep := star(isDateSep)
	year := alt(text(yyyy), seq(opt(oneOf("'’")), text(yy)))
	ordinalDay := seq(number(dd), opt(alt(texts("st", "nd", "rd", "th", "af", "il", "ydd", "edd", "ed", "fed", "eg", "ain")...)))
	words := monthForms(mon)
	month := alt(texts(words...)...)
	c1, c2, c3 := fmt.Sprintf("%s%02d%02d", yyyy, int(mon), dd), fmt.Sprintf("%02d%02d%s", dd, int(mon), yyyy),
		fmt.Sprintf("%02d%02d%s", dd, int(mon), yy)
	// A form that begins with digits begins with one whole run of them:
	// what follows its first number is never a digit, nor, as a match
	// must stand whole, what follows a number written without separators.
	forms := []struct {
		runs  []string // the runs of digits it may begin with, if any
		match step
	}{
		{numberRuns(dd), seq(number(dd), sep, number(int(mon)), sep, year)},
		{[]string{yyyy}, seq(text(yyyy), sep, number(int(mon)), sep, number(dd))},
		{[]string{c1}, text(c1)},
		{[]string{c2}, text(c2)},
		{[]string{c3}, text(c3)},
		{numberRuns(dd), seq(ordinalDay, opt(seq(dsep, text("day"))), opt(seq(dsep, alt(texts("of", "o")...))),
			dsep, month, dsep, year)},
		{nil, seq(month, dsep, ordinalDay, dsep, year)},
	}
	if dd > 12 {
		forms = append(forms, struct {
			runs  []string
			match step
		}{numberRuns(int(mon)), seq(number(int(mon)), sep, number(dd), sep, year)})
	}
	for _, f := range forms {
		i := len(m.dateForms)
		if f.runs != nil {
			m.dateForms = append(m.dateForms, dateForm{birth: b, match: f.match})
			for _, run := range f.runs {
				m.dateRuns[run] = append(m.dateRuns[run], i)
			}
			continue
		}
		m.dateForms = append(m.dateForms, dateForm{birth: b, words: words, month: mon, match: f.match})
		// A form in words is tried where the first letter of one of its
		// month's names stands.
		var keys [128]bool
		for _, w := range words {
			k := lowerASCII(w[0])
			if !keys[k] {
				keys[k] = true
				m.dateWords[k] = append(m.dateWords[k], i)
			}
		}
	}
}

// dateSpans appends to out the whole matches in s of every date of birth
// whose needles are in has.
func (m *matcher) dateSpans(s string, has []bool, out [][2]int) [][2]int {
	var held []bool
	for i, b := range m.births {
		if has[b.needles[0]] && has[b.needles[1]] {
			if held == nil {
				held = make([]bool, len(m.births))
			}
			held[i] = true
		}
	}
	if held == nil {
		return out
	}
	// next is, for each form, where its last match ended: as when an
	// expression is searched for repeatedly, a form is not tried again
	// inside its own match.
	next := make([]int, len(m.dateForms))
	try := func(forms []int, i int) {
		// Whether a month's name begins at i, found once for all the
		// people born in that month: 1 yes, -1 no, 0 not yet asked.
		var named [13]int8
		for _, f := range forms {
			form := m.dateForms[f]
			if !held[form.birth] || i < next[f] {
				continue
			}
			if form.words != nil {
				if named[form.month] == 0 {
					named[form.month] = -1
					if slices.ContainsFunc(form.words, func(w string) bool { return prefixFold(s[i:], w) >= 0 }) {
						named[form.month] = 1
					}
				}
				if named[form.month] < 0 {
					continue
				}
			}
			end := -1
			form.match(s, i, func(j int) bool { end = j; return true })
			if end > i && !isAlnum(firstRune(s[end:])) {
				out = append(out, [2]int{i, end})
				next[f] = end
			}
		}
	}
	for i := 0; i < len(s); {
		c, n := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, n = utf8.DecodeRuneInString(s[i:])
		}
		if '0' <= c && c <= '9' {
			run := i + 1
			for run < len(s) && '0' <= s[run] && s[run] <= '9' {
				run++
			}
			if forms := m.dateRuns[s[i:run]]; len(forms) > 0 && !isAlnum(lastRune(s[:i])) {
				try(forms, i)
			}
			i = run // no form begins inside a run of digits
			continue
		}
		if k, ok := dateKey(c); ok && len(m.dateWords[k]) > 0 && !isAlnum(lastRune(s[:i])) {
			try(m.dateWords[k], i)
		}
		i += n
	}
	return out
}

// dateKey is the ASCII character, in lower case, that c matches when a
// form's first character is compared case-insensitively.
func dateKey(c rune) (byte, bool) {
	switch {
	case c < utf8.RuneSelf:
		return lowerASCII(byte(c)), true
	case c == 'ſ': // long s
		return 's', true
	case c == 'K': // Kelvin sign
		return 'k', true
	}
	return 0, false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// monthForms are the ways a month is written in words, English and Welsh,
// in the order they are tried.
func monthForms(m time.Month) []string {
	name := m.String()
	forms := []string{name, name[:3]}
	if m == time.September {
		forms = append(forms, "Sept")
	}
	if m == time.May {
		forms = forms[:1]
	}
	return append(forms, welshMonths[m-1]...)
}

// welshMonths are the Welsh names of the months, with the soft-mutated
// forms used after "o" ("o Fawrth").
var welshMonths = [12][]string{
	{"Ionawr"}, {"Chwefror"}, {"Mawrth", "Fawrth"}, {"Ebrill"}, {"Mai", "Fai"}, {"Mehefin", "Fehefin"},
	{"Gorffennaf", "Orffennaf"}, {"Awst"}, {"Medi", "Fedi"}, {"Hydref"}, {"Tachwedd", "Dachwedd"}, {"Rhagfyr", "Ragfyr"},
}

// numberRuns are the runs of digits number(n) matches.
func numberRuns(n int) []string {
	if n < 10 {
		return []string{fmt.Sprint(n), fmt.Sprintf("0%d", n)}
	}
	return []string{fmt.Sprint(n)}
}

// isSpace reports whether c is a space: \s or \p{Zs} to package regexp.
func isSpace(c rune) bool {
	switch c {
	case '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return c >= utf8.RuneSelf && unicode.Is(unicode.Zs, c)
}

// isDateSep reports whether c may stand between the words of a date.
func isDateSep(c rune) bool {
	return isSpace(c) || c == '-' || c == '/' || c == '.' || c == ','
}

// A step matches a piece of a date at s[i:] and calls k with where the
// rest must begin, trying its choices in order of preference until k
// accepts one: the way a backtracking regular expression engine prefers
// one match to another, so that a form's match is the one the expression
// would give.
type step func(s string, i int, k func(int) bool) bool

// seq matches steps one after another.
func seq(steps ...step) step {
	if len(steps) == 1 {
		return steps[0]
	}
	first, rest := steps[0], seq(steps[1:]...)
	return func(s string, i int, k func(int) bool) bool {
		return first(s, i, func(j int) bool { return rest(s, j, k) })
	}
}

// alt matches the first of steps that lets the rest match.
func alt(steps ...step) step {
	return func(s string, i int, k func(int) bool) bool {
		for _, st := range steps {
			if st(s, i, k) {
				return true
			}
		}
		return false
	}
}

// opt matches st, or failing that nothing.
func opt(st step) step {
	return alt(st, func(s string, i int, k func(int) bool) bool { return k(i) })
}

// star matches as long a run of characters in the class as lets the rest
// match.
func star(in func(rune) bool) step {
	return func(s string, i int, k func(int) bool) bool {
		j := i
		for j < len(s) {
			c, n := utf8.DecodeRuneInString(s[j:])
			if !in(c) {
				break
			}
			j += n
		}
		for j > i {
			if k(j) {
				return true
			}
			_, n := utf8.DecodeLastRuneInString(s[i:j])
			j -= n
		}
		return k(i)
	}
}

// oneOf matches one of the characters in set.
func oneOf(set string) step {
	return func(s string, i int, k func(int) bool) bool {
		c, n := utf8.DecodeRuneInString(s[i:])
		for _, x := range set {
			if n > 0 && c == x {
				return k(i + n)
			}
		}
		return false
	}
}

// text matches the ASCII text t case-insensitively: each letter also as
// any character that Unicode case folding makes the same letter ("ſ" for
// "s", the Kelvin sign for "k").
func text(t string) step {
	return func(s string, i int, k func(int) bool) bool {
		n := prefixFold(s[i:], t)
		return n >= 0 && k(i+n)
	}
}

// prefixFold returns the length of the prefix of s that is the ASCII text
// t compared as text does, or -1 if s does not begin with t.
func prefixFold(s, t string) int {
	i := 0
	for j := 0; j < len(t); j++ {
		c, n := utf8.DecodeRuneInString(s[i:])
		if n == 0 || !sameLetter(c, t[j]) {
			return -1
		}
		i += n
	}
	return i
}

func texts(ts ...string) []step {
	out := make([]step, len(ts))
	for i, t := range ts {
		out[i] = text(t)
	}
	return out
}

// number matches n in digits, with a leading 0 optional below 10.
func number(n int) step {
	if n < 10 {
		return seq(opt(text("0")), text(fmt.Sprint(n)))
	}
	return text(fmt.Sprint(n))
}

// sameLetter reports whether c is t or, for a letter, t in another case.
func sameLetter(c rune, t byte) bool {
	if c == rune(t) {
		return true
	}
	if c < utf8.RuneSelf {
		return 'a' <= t|0x20 && t|0x20 <= 'z' && byte(c)|0x20 == t|0x20
	}
	for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
		if f == rune(t) {
			return true
		}
	}
	return false
}
