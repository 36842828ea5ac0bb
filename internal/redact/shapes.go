package redact

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// streetWords are the words that end a street name, English and Welsh, in
// full and abbreviated. "St" is left out on its own: "7 St" is rarely an
// address, and "St" begins a street name as often as it ends one.
var streetWords = []string{
	"road", "rd", "street", "avenue", "ave", "lane", "ln", "close", "drive", "dr", "way", "court", "ct",
	"crescent", "cres", "place", "pl", "square", "sq", "gardens", "gdns", "terrace", "tce", "grove",
	"rise", "hill", "walk", "row", "mews", "parade", "view", "park", "green", "vale", "meadow", "meadows",
	"fields", "bank", "brow", "croft", "end", "gate", "wharf", "quay", "boulevard", "chase", "approach",
	"heol", "ffordd", "stryd", "lôn", "lon", "cilgant", "rhodfa",
}

// streetWordSet holds streetWords, for looking up every word of a text.
var streetWordSet = func() map[string]bool {
	out := make(map[string]bool, len(streetWords))
	for _, w := range streetWords {
		out[w] = true
	}
	return out
}()

func isStreetWord(w string) bool {
	w = strings.Trim(w, ".,")
	var lower [16]byte // the longest street word fits, in ASCII
	if len(w) > len(lower) {
		return false
	}
	for i := range len(w) {
		c := w[i]
		if c >= utf8.RuneSelf {
			return streetWordSet[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	return streetWordSet[string(lower[:len(w)])]
}

// notStreetName are words that show a number and a street word are prose,
// not an address: "3 times down the road".
var notStreetName = []string{"the", "a", "an", "down", "up", "along", "of", "to", "in", "at", "on", "times",
	"and", "or", "his", "her", "their", "my", "our", "into", "onto", "across", "through", "from", "by",
	"minutes", "hours", "days", "weeks", "months", "years", "miles", "metres", "yards", "feet", "more", "other",
	// courts and police buildings are named like streets ("Llandudno Magistrates' Court")
	"magistrates'", "magistrates’", "magistrates", "crown", "county", "family", "youth", "police", "high", "justice"}

// flatNumber is a flat's number before a house number: "Flat 4, 12 ...".
const flatNumber = `(?:(?:flat|apartment|apt|unit)[\s\p{Zs}]*\d{1,4}[a-z]?[\s\p{Zs},]+)?`

// The contact shapes (see the package doc).
var (
	shapePostcode = regexp.MustCompile(`(?i)(?:^|[^\pL\pN])([A-Z]{1,2}\d[A-Z\d]?[\s\p{Zs}]*\d[A-Z]{2})(?:$|[^\pL\pN])`)
	// A UK number: 0 then 9 or 10 digits (not 00, 04 or 06), or +44 then
	// 9 or 10; another country's: + then 8 to 13 digits. Digits are grouped
	// by spaces, dashes, dots or brackets on one line: a slash or a line
	// break makes a date and a time ("08/11/2025\n10:40"), not a number.
	shapePhone = regexp.MustCompile(`(?:^|[^\d])((?:(?:\+|00)[ \t\p{Zs}]*44[ \t\p{Zs}]*(?:\(0\)[ \t\p{Zs}]*)?|\(?0)[1235789](?:[ \t\p{Zs}\-.()]*\d){8,9}|\+[1-9](?:[ \t\p{Zs}\-.()]*\d){7,12})(?:$|[^\d])`)
	shapeEmail = regexp.MustCompile(`(?i)([\pL\pN._%+\-]+(?:[\s\p{Zs}]*@[\s\p{Zs}]*|[\s\p{Zs}]*[\[(\{][\s\p{Zs}]*at[\s\p{Zs}]*[\])\}][\s\p{Zs}]*)[\pL\pN\-]+(?:(?:\.|[\s\p{Zs}]*[\[(\{][\s\p{Zs}]*dot[\s\p{Zs}]*[\])\}][\s\p{Zs}]*|[\s\p{Zs}]+dot[\s\p{Zs}]+)[\pL\pN\-]+)+)`)
	// Spelt out: "jo dot bloggs at example dot com".
	shapeEmailWords = regexp.MustCompile(`(?i)(?:^|[^\pL\pN])([\pL\pN]+(?:[\s\p{Zs}]+dot[\s\p{Zs}]+[\pL\pN]+)*[\s\p{Zs}]+at[\s\p{Zs}]+[\pL\pN\-]+(?:[\s\p{Zs}]+dot[\s\p{Zs}]+[\pL\pN\-]+)+)(?:$|[^\pL\pN])`)
	shapeStreet     = regexp.MustCompile(`(?i)(?:^|[^\pL\pN])(` + flatNumber + `\d{1,3}[a-z]?[\s\p{Zs},]+((?:[\pL'’\-]+[\s\p{Zs}]+){1,3})([\pL]+)\.?)(?:$|[^\pL\pN])`)
	// Welsh street names begin with the street word: "12 Heol y Wig".
	shapeStreetWelsh = regexp.MustCompile(`(?i)(?:^|[^\pL\pN])(` + flatNumber + `\d{1,3}[a-z]?[\s\p{Zs},]+(?:heol|ffordd|stryd|lôn|lon|cilgant|rhodfa)(?:[\s\p{Zs}]+[\pL'’\-]+){1,3})`)
	shapeBirth       = regexp.MustCompile(`(?i)(?:\bd\.?o\.?b\.?|\bdate[\s\p{Zs}]+of[\s\p{Zs}]+birth|\bborn(?:[\s\p{Zs}]+on)?|\bdyddiad[\s\p{Zs}]+geni|\bganwyd)[\s\p{Zs}:\-]*(?:the[\s\p{Zs}]+)?(\d{1,2}(?:st|nd|rd|th)?(?:[\s\p{Zs}/.\-]*(?:of[\s\p{Zs}]+)?(?:\d{1,2}|[\pL]{3,10}\.?)[\s\p{Zs}/.\-,]*)\d{2,4}|\d{4}-\d{2}-\d{2}|[\pL]{3,10}[\s\p{Zs}]+\d{1,2}(?:st|nd|rd|th)?,?[\s\p{Zs}]+\d{4}|\d{6,8})`)
)

// shapeSpans returns the spans of contact-shaped text in s, in order. Every
// shape has a digit or an at sign in it, or the word "dot", so the shapes
// are looked for only in windows of text around those, which keeps a long
// statement fast: the regular expressions run on short strings.
func shapeSpans(s string) [][2]int {
	var out [][2]int
	searched := 0 // the end of the last window searched, grown or not
	for _, w := range shapeWindows(s) {
		if w[1] <= searched {
			continue // inside a window that grew over it
		}
		found, grown := shapesWhole(s, w)
		out = append(out, found...)
		searched = grown[1]
	}
	slices.SortFunc(out, func(a, b [2]int) int { return cmp.Or(a[0]-b[0], a[1]-b[1]) })
	return slices.Compact(out)
}

// shapesWhole returns the shapes in window w of s, and the window they were
// found in: grown while a shape found in it reaches its edge, as that shape
// may go on past the window (an email address longer than the window's
// reach), and a shape cut short would leave the rest of it to be read. The
// window at least doubles each time, so even a shape as long as the text
// costs a few searches, and the windows it grows over are not searched
// again.
func shapesWhole(s string, w [2]int) (found [][2]int, searched [2]int) {
	for {
		found = shapesIn(s, w)
		grown := w
		for _, sp := range found {
			if sp[0] <= w[0] && w[0] > 0 {
				grown[0] = max(0, w[0]-max(shapeBefore, w[1]-w[0]))
			}
			if sp[1] >= w[1] && w[1] < len(s) {
				grown[1] = min(len(s), w[1]+max(shapeAfter, w[1]-w[0]))
			}
		}
		if grown == w {
			return found, w
		}
		for grown[0] > 0 && !utf8.RuneStart(s[grown[0]]) {
			grown[0]--
		}
		for grown[1] < len(s) && !utf8.RuneStart(s[grown[1]]) {
			grown[1]++
		}
		w = grown
	}
}

// Reach of a shape window before and after the character that triggers
// it: a postcode's letters, a flat number or "date of birth" before a
// digit; a street name after a house number; an email's two halves.
const (
	shapeBefore = 48
	shapeAfter  = 96
)

// shapeWindowMax bounds a window that overlapping windows are merged into.
// Text dense with digits (a list of a thousand occasions) would otherwise
// make one window of the whole text, and each search for the next match
// costs the length of what is left of it. Windows past the bound overlap
// instead: each still holds the whole reach of its own digits, so no shape
// is missed; a shape cut by a window's end may also be found in part,
// which only withholds text that is withheld whole anyway.
const shapeWindowMax = 1024

// shapeWindows returns the stretches of s, in order, that may hold a
// shape: around each run of digits, each at sign and each "dot".
func shapeWindows(s string) [][2]int {
	var out [][2]int
	// add opens a window around at, reaching at least to reach.
	add := func(at, reach int) {
		lo, hi := max(0, at-shapeBefore), min(len(s), max(at, reach)+shapeAfter)
		for lo > 0 && !utf8.RuneStart(s[lo]) {
			lo--
		}
		for hi < len(s) && !utf8.RuneStart(s[hi]) {
			hi++
		}
		if n := len(out); n > 0 && lo <= out[n-1][1] && hi-out[n-1][0] <= shapeWindowMax {
			out[n-1][1] = max(out[n-1][1], hi)
			return
		}
		out = append(out, [2]int{lo, hi})
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9' && (i == 0 || s[i-1] < '0' || s[i-1] > '9'):
			add(i, i)
		case c == '@':
			// An address matches only with the dot in its domain: the
			// window reaches past the domain's first part, however long.
			add(i, domainPartEnd(s, i+1))
		// In any case: the expressions ignore it. (Lowering the whole text
		// first would move every byte after a character whose lower case
		// is shorter, such as the Kelvin sign.)
		case (c == 'd' || c == 'D') && i+3 <= len(s) && strings.EqualFold(s[i:i+3], "dot"):
			add(i, i)
		}
	}
	return out
}

// domainPartEnd returns where the first part of an email domain that may
// begin at s[i:] ends: past any spaces, the letters, digits and hyphens
// that follow, as the email expressions read them.
func domainPartEnd(s string, i int) int {
	inPart := false
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r) || r == '-':
			inPart = true
		case !inPart && (unicode.IsSpace(r) || unicode.Is(unicode.Zs, r)):
		default:
			return i
		}
		i += n
	}
	return i
}

// shapesIn returns the shapes found in window w of s, as spans of s.
func shapesIn(s string, w [2]int) [][2]int { return shapesFiltered(s, w, true) }

// shapesFiltered is shapesIn, skipping each expression where the window
// cannot hold a match of it only when filter is set (the tests compare the
// two).
func shapesFiltered(s string, w [2]int, filter bool) [][2]int {
	text := s[w[0]:w[1]]
	var out [][2]int
	span := func(start, end int) { out = append(out, [2]int{w[0] + start, w[0] + end}) }
	lower := strings.ToLower(text)
	has := func(needs ...string) bool {
		return slices.ContainsFunc(needs, func(n string) bool { return strings.Contains(lower, n) })
	}
	// Each expression runs only where the window holds what every match of
	// it must: most windows, around dates and ids in prose, hold none.
	for _, sh := range []struct {
		re    *regexp.Regexp
		maybe bool
	}{
		{shapePostcode, letterThenDigit(text) && digitThenLetters(text)},
		// "at" counts only in brackets: "jo [at] example.org".
		{shapeEmail, has("@") || bracketedAt(lower)},
		{shapeEmailWords, has("dot")},
		{shapeBirth, has("dob", "d.o", "do.", "birth", "born", "geni", "ganwyd")},
		{shapeStreetWelsh, has("heol", "ffordd", "stryd", "lôn", "lon", "cilgant", "rhodfa")},
	} {
		if filter && !sh.maybe {
			continue
		}
		for m := range groupMatches(sh.re, text) {
			span(m[2], m[3])
		}
	}
	if !filter || phoneDigits(text) {
		for m := range groupMatches(shapePhone, text) {
			start, end := m[2], m[3]
			if text[end-1] == ')' && strings.Count(text[start:end], ")") > strings.Count(text[start:end], "(") {
				end--
			}
			span(balance(text, start, end), end)
		}
	}
	if filter && !holdsStreetWord(text) {
		return out
	}
	for m := range groupMatches(shapeStreet, text) {
		if isStreetWord(text[m[6]:m[7]]) && streetName(text[m[4]:m[5]]) {
			span(m[2], m[3])
		}
	}
	return out
}

// letterThenDigit reports whether s has a letter (as the postcode
// expression's case-folded [A-Z] matches one) right before an ASCII digit,
// as every postcode's outward code has.
func letterThenDigit(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); postcodeLetter(r) {
			return true
		}
	}
	return false
}

// bracketedAt reports whether s, in lower case, has "at" in brackets, with
// or without spaces inside them: "jo [at] example.org".
func bracketedAt(s string) bool {
	for i := 0; ; i += 2 {
		at := strings.Index(s[i:], "at")
		if at < 0 {
			return false
		}
		i += at
		before := strings.TrimRightFunc(s[:i], isSpace)
		after := strings.TrimLeftFunc(s[i+2:], isSpace)
		if before != "" && strings.ContainsRune("[({", lastRune(before)) && strings.ContainsRune("])}", firstRune(after)) {
			return true
		}
	}
}

// digitThenLetters reports whether s has an ASCII digit right before two
// letters (as the postcode expression's case-folded [A-Z] matches them), as
// every postcode's inward code has.
func digitThenLetters(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		a, n := utf8.DecodeRuneInString(s[i+1:])
		b, _ := utf8.DecodeRuneInString(s[i+1+n:])
		if postcodeLetter(a) && postcodeLetter(b) {
			return true
		}
	}
	return false
}

// postcodeLetter reports whether c is a letter the postcode expression's
// case-folded [A-Z] matches.
func postcodeLetter(c rune) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '\u017f' || c == '\u212a' // ſ and the Kelvin sign fold to s and k
}

// phoneDigits reports whether s has what every phone number the phone
// expression matches has: a + or a 0 not after a digit, then at least 8
// digits grouped only by what the expression allows between them.
func phoneDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '+' && (s[i] != '0' || i > 0 && '0' <= s[i-1] && s[i-1] <= '9') {
			continue
		}
		n := 0
	number:
		for j, c := range s[i:] {
			switch {
			case '0' <= c && c <= '9':
				if n++; n == 8 {
					return true
				}
			case j == 0 && c == '+', strings.ContainsRune(" \t-.()", c), unicode.Is(unicode.Zs, c):
			default:
				break number
			}
		}
	}
	return false
}

// holdsStreetWord reports whether a run of letters in s is a street word:
// an English street needs one to end its name.
func holdsStreetWord(s string) bool {
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if isStreetWord(w) {
			return true
		}
	}
	return false
}

// groupMatches yields the submatch indexes of each match of re in s whose
// first group is the shape. Each search starts where the last shape ended,
// not where its match did, so the character after one shape can still be
// the one before the next.
func groupMatches(re *regexp.Regexp, s string) func(func([]int) bool) {
	return func(yield func([]int) bool) {
		for from := 0; from < len(s); {
			m := re.FindStringSubmatchIndex(s[from:])
			if m == nil {
				return
			}
			for i := range m {
				if m[i] >= 0 {
					m[i] += from
				}
			}
			if !yield(m) {
				return
			}
			from = max(m[3], from+1)
		}
	}
}

// streetName reports whether the words between a number and a street word
// can be a street's name: capitalised, as addresses are written, and none
// of them a word of prose.
func streetName(words string) bool {
	for _, w := range strings.Fields(words) {
		first, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(first) || w == "I" || slices.Contains(notStreetName, strings.ToLower(w)) {
			return false
		}
	}
	return true
}
