package spo

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spokit/spokit/casefile"
)

// The service copy is served on the respondent, so it must not tell them
// where or how to reach the people the order protects or the witnesses. A
// redactor finds their contact details wherever they occur in the text of
// the copy (the structured fields and free text alike: incident places and
// descriptions, statements, terms, the risk text, exhibit captions) and
// prints the common.withheld wording in their place.
//
// Whose details: every person whose role is victim or witness, and everyone
// the order protects; never the respondent's own (it is their copy).
//
// What is withheld, matched case-insensitively, whatever the spacing or
// punctuation between words, and with accents optional (Tŷ = Ty):
//   - each line of the home address whole, each comma-separated part of a
//     line, a street without its house or flat number ("14 Lark Rise" also
//     withholds "Lark Rise"), and the postcode on its own, with or without
//     its space. The post town on the postcode's line is not withheld on its
//     own: it names a wide area, and often a court or a police station too.
//     A line that is only a town is withheld like any other line;
//   - the phone number in any spacing or punctuation and with or without the
//     +44 or 0044 prefix ("07700 900123", "07700900123", "+44 7700 900123",
//     "07700-900-123", "(07700) 900123");
//   - the email address, also written with spaces around the @;
//   - the date of birth as digits (1993-04-17, 17/04/1993, 17/4/1993,
//     17.04.1993, 17-04-1993, 17/04/93, 19930417, and 04/17/1993 when the
//     day is over 12) and in words (17 April 1993, 17th April 1993,
//     17 Apr 1993, April 17, 1993, 17th of April 1993).
//
// A match counts only as a whole: the characters either side of it must not
// be letters or digits (for a phone number or a date, not digits), so a
// number never eats part of a longer number, a date or an exhibit
// reference. Text that merely resembles a detail (another phone number,
// another date) is left alone: the patterns are built from each person's
// own values, not from the shape of phone numbers or dates in general.
//
// Consequence for drafting: a term or a place that names a withheld street
// prints as "[withheld]" in the service copy ("Not to enter [withheld],
// Hoole"). Officers should word exclusion zones so that the served order
// still tells the respondent where they must not go, for example by a map
// exhibit served separately or a description that does not name the home.
//
// redact_find.go says how the details are found fast, in statements pages
// long.
type redactor struct {
	patterns []pattern
	// needles are every pattern's needles, once each.
	needles []string
	// starting indexes the needles of two bytes or more by their first two
	// bytes (an index into startGroups, 0 for none), and short the one-byte
	// needles by their byte, so that one pass over a text's fold finds
	// every needle it holds.
	starting    []int32
	startGroups [][]int
	short       [256][]int
	// firstOf lists, for each needle, the patterns whose first needle it
	// is; always lists the patterns with no needle, tried on every text.
	firstOf  [][]int
	always   []int
	withheld string
}

// pattern is one detail to withhold and how its edges are judged.
type pattern struct {
	re    *regexp.Regexp
	edges edgeKind
	// needles index redactor.needles: what the fold of every match holds,
	// the longest (the fewest places to look) first.
	needles []int
	// span is the most bytes the fold of a match can have.
	span int
}

// detail is a pattern before it is compiled: its source, edges, needles and
// span (see pattern).
type detail struct {
	src     string
	edges   edgeKind
	needles []string
	span    int
}

// literal is the detail that withholds text as written (literalPattern).
func literal(s string) detail {
	f := fold(s)
	return detail{literalPattern(s), wordEdges, []string{f}, len(f)}
}

// edgeKind says which neighbouring characters make a match part of
// something longer, and so not a match at all.
type edgeKind int

const (
	wordEdges  edgeKind = iota // no letter or digit either side
	digitEdges                 // no digit either side
	emailEdges                 // no character of an email address either side
)

// Separators that may appear, or be left out, between the words of an
// address or the digits of a number.
const (
	wordSep  = `[\s\p{Zs},.\-‐‑–—]*`
	digitSep = `[\s\p{Zs}\-.()‐‑–—]*`
	dateSep  = `[\s\p{Zs}\-/.,]+`
	space    = `[\s\p{Zs}]*`
)

// minDetail is the fewest letters and digits an address part must have to
// be withheld wherever it occurs; shorter parts ("3", "B") would match
// unrelated text and identify no one.
const minDetail = 3

// minPhoneDigits is the fewest digits a phone number must have to be
// matched in any spacing; a shorter one is matched as written.
const minPhoneDigits = 6

// newRedactor builds the redactor for an application's service copy.
func newRedactor(a *Application, withheld string) *redactor {
	r := &redactor{withheld: withheld, starting: make([]int32, 1<<16), startGroups: [][]int{nil}}
	seen := map[string]bool{}
	add := func(d detail) {
		if d.src == "" || seen[d.src] {
			return
		}
		seen[d.src] = true
		r.add(d)
	}
	for _, p := range redactedPeople(a) {
		for _, part := range addressParts(p.Address) {
			add(literal(part))
		}
		for _, pc := range postcodes(p.Address) {
			add(literal(pc))
		}
		add(phonePattern(p.Phone))
		add(emailPattern(p.Email))
		for _, d := range datePatterns(p.DateOfBirth) {
			add(d)
		}
	}
	return r
}

// fold returns s in lower case, accents removed, with only its letters and
// digits: whatever a pattern matches in some text, the pattern's needles are
// in the text's fold. Letters are first put in the form case-insensitive
// matching treats them as (so "ſ" is "s", and the Kelvin sign "k").
func fold(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c, ok := foldRune(c); ok {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// foldRune is what c folds to, and false when it folds to nothing.
func foldRune(c rune) (rune, bool) {
	if c < utf8.RuneSelf {
		// Nearly all text is ASCII, whose letters fold to lower case.
		switch {
		case 'A' <= c && c <= 'Z':
			return c + 'a' - 'A', true
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			return c, true
		}
		return c, false
	}
	c = unicode.ToLower(caseClass(c))
	if base, ok := foldBase[c]; ok {
		c = base
	}
	return c, isAlnum(c)
}

// caseClass returns the smallest rune that case-insensitive matching treats
// as the same letter as c.
func caseClass(c rune) rune {
	least := c
	for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// redactedPeople returns the people whose details the service copy
// withholds: victims, witnesses and everyone protected, but never the
// respondent.
func redactedPeople(a *Application) []*casefile.Person {
	var out []*casefile.Person
	if a.Case == nil {
		return out
	}
	for i := range a.Case.People {
		p := &a.Case.People[i]
		if p.Role == casefile.RoleVictim || p.Role == casefile.RoleWitness {
			out = append(out, p)
		}
	}
	for _, p := range a.Protected {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return slices.DeleteFunc(out, func(p *casefile.Person) bool { return p == a.Respondent })
}

// Apply returns s with every detail withheld. Invisible formatting
// characters (zero-width spaces, soft hyphens) are removed first, so they
// cannot hide a detail from the patterns.
func (r *redactor) apply(s string) string {
	s = visible(s)
	spans := r.spans(s)
	if len(spans) == 0 {
		return s
	}
	var out strings.Builder
	at := 0
	for i := 0; i < len(spans); {
		start, end := spans[i][0], spans[i][1]
		for i++; i < len(spans) && spans[i][0] <= end; i++ {
			end = max(end, spans[i][1])
		}
		out.WriteString(s[at:start])
		out.WriteString(r.withheld)
		at = end
	}
	out.WriteString(s[at:])
	return out.String()
}

// balance moves the start of a phone number's match so that it holds as
// many opening brackets as closing ones: "(07700 900123)" keeps its
// brackets around the withheld text, and "(07700) 900123" loses both.
func balance(s string, start, end int) int {
	opens, closes := strings.Count(s[start:end], "("), strings.Count(s[start:end], ")")
	switch {
	case opens > closes && s[start] == '(':
		return start + 1
	case closes > opens && start > 0 && s[start-1] == '(':
		return start - 1
	}
	return start
}

func runeLen(s string) int {
	_, n := utf8.DecodeRuneInString(s)
	return max(n, 1)
}

// whole reports whether s[start:end] stands on its own.
func (e edgeKind) whole(s string, start, end int) bool {
	before, after := lastRune(s[:start]), firstRune(s[end:])
	switch e {
	case digitEdges:
		return !unicode.IsDigit(before) && !unicode.IsDigit(after)
	case emailEdges:
		if isEmailRune(before) || isEmailRune(after) && after != '.' {
			return false
		}
		// A full stop after the address ends a sentence, unless the
		// address goes on ("a@b.org.uk").
		return after != '.' || !isEmailRune(firstRune(s[end+1:]))
	}
	return !isAlnum(before) && !isAlnum(after)
}

func isAlnum(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }

func isEmailRune(c rune) bool { return isAlnum(c) || strings.ContainsRune("._%+-", c) }

func firstRune(s string) rune {
	if s == "" {
		return -1
	}
	c, _ := utf8.DecodeRuneInString(s)
	return c
}

func lastRune(s string) rune {
	if s == "" {
		return -1
	}
	c, _ := utf8.DecodeLastRuneInString(s)
	return c
}

// addressParts returns the parts of an address to withhold: each line, each
// comma-separated part of a line, and each street without its number. Parts
// too short to identify anyone are left out.
func addressParts(address string) []string {
	var out []string
	add := func(s string) {
		s = strings.Join(strings.Fields(s), " ")
		if alnumCount(s) >= minDetail && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for line := range strings.SplitSeq(address, "\n") {
		add(line)
		for part := range strings.SplitSeq(line, ",") {
			add(part)
			if m := houseNumber.FindStringSubmatch(strings.TrimSpace(part)); m != nil {
				add(m[1])
			}
		}
	}
	return out
}

// houseNumber matches a part that starts with a house or flat number and
// captures the street after it.
var houseNumber = regexp.MustCompile(`(?i)^(?:(?:flat|apartment|apt|unit|no\.?)\s*)?\d+[a-z]?(?:\s*-\s*\d+[a-z]?)?[\s,]+(\pL.*)$`)

// postcodeRE finds a UK postcode: outward code, optional space, inward code.
var postcodeRE = regexp.MustCompile(`(?i)(?:^|[^\pL\pN])([A-Z]{1,2}\d[A-Z\d]?)[\s\p{Zs}]*(\d[A-Z]{2})(?:$|[^\pL\pN])`)

// postcodes returns the postcodes in an address, each as "OUT IN".
func postcodes(address string) []string {
	var out []string
	for _, m := range postcodeRE.FindAllStringSubmatch(address, -1) {
		out = append(out, m[1]+" "+m[2])
	}
	return out
}

func alnumCount(s string) int {
	n := 0
	for _, c := range s {
		if isAlnum(c) {
			n++
		}
	}
	return n
}

// accentFolds lists, for each base letter, the accented forms that free text
// may use for it (or drop), so that "Ty Gwyn" matches "Tŷ Gwyn". Apostrophes
// are folded the same way.
var accentFolds = []string{
	"aàáâãäåāăą", "cçćč", "eèéêëēėęě", "iìíîïīįı", "nñńň", "oòóôõöøō",
	"sśšş", "uùúûüūůű", "wŵẁẃẅ", "yŷýÿỳ", "zźżž", "'’‘ʼ`",
}

// foldClass maps a lower-case letter to the character class of all its
// forms, and foldBase to its base letter.
var foldClass, foldBase = func() (map[rune]string, map[rune]rune) {
	classes, bases := map[rune]string{}, map[rune]rune{}
	for _, forms := range accentFolds {
		class := "[" + regexp.QuoteMeta(forms) + "]"
		base := []rune(forms)[0]
		for _, c := range forms {
			classes[c], bases[c] = class, base
		}
	}
	return classes, bases
}()

// literalPattern matches text case-insensitively (the caller adds (?i)),
// with any spacing, commas, full stops or dashes between its words, and
// accents optional.
func literalPattern(s string) string {
	var b strings.Builder
	gap := false
	for _, c := range s {
		if unicode.IsSpace(c) || strings.ContainsRune(",.-‐‑–—", c) {
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteString(wordSep)
		}
		gap = false
		if class, ok := foldClass[unicode.ToLower(c)]; ok {
			b.WriteString(class)
		} else {
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	return b.String()
}

// phonePattern matches a phone number in any spacing or punctuation. A UK
// number (national 0..., +44, 0044) matches with any of those prefixes or
// none; another international number with or without its + or 00.
func phonePattern(phone string) detail {
	digits := strings.Map(func(c rune) rune {
		if c >= '0' && c <= '9' {
			return c
		}
		return -1
	}, phone)
	trimmed := strings.TrimSpace(phone)
	if len(digits) < minPhoneDigits {
		if alnumCount(trimmed) >= minDetail {
			return literal(trimmed)
		}
		return detail{}
	}
	intl := strings.HasPrefix(trimmed, "+") || strings.HasPrefix(digits, "00")
	digits = strings.TrimPrefix(digits, "00")
	// The prefix starts at its own first character, so that a match never
	// takes in the space before the number.
	prefix := `(?:(?:\+|00)` + digitSep + `44` + digitSep + `(?:\(` + space + `0` + space + `\)` + digitSep + `)?|\(?0` + digitSep + `)?`
	switch {
	case strings.HasPrefix(digits, "44") && len(digits) > 10:
		digits = strings.TrimPrefix(digits[2:], "0")
	case intl:
		prefix = `(?:(?:\+|00)` + digitSep + `)?`
	default:
		digits = strings.TrimPrefix(digits, "0")
	}
	parts := make([]string, 0, len(digits))
	for _, d := range digits {
		parts = append(parts, string(d))
	}
	// The longest prefix folds to "0044" and the 0 of "(0)".
	return detail{prefix + strings.Join(parts, digitSep), digitEdges, []string{digits}, len(digits) + 5}
}

// emailPattern matches an email address in any case, also with spaces
// around the @.
func emailPattern(email string) detail {
	email = strings.TrimSpace(email)
	local, domain, ok := strings.Cut(email, "@")
	if !ok || local == "" || domain == "" {
		if alnumCount(email) >= minDetail {
			return literal(email)
		}
		return detail{}
	}
	needle := fold(local + domain)
	return detail{regexp.QuoteMeta(local) + space + "@" + space + regexp.QuoteMeta(domain), emailEdges, []string{needle}, len(needle)}
}

// monthWords are the ways a month is written in words, full name first.
func monthWords(m time.Month) string {
	name := m.String()
	forms := []string{name, name[:3]}
	if m == time.September {
		forms = append(forms, "Sept")
	}
	if m == time.May {
		forms = forms[:1]
	}
	return "(?:" + strings.Join(forms, "|") + ")"
}

// datePatterns returns the patterns that match a date of birth in the
// common ways of writing it; none for the zero date.
func datePatterns(d casefile.Date) []detail {
	if d.IsZero() {
		return nil
	}
	num := func(n int) string {
		if n < 10 {
			return fmt.Sprintf("0?%d", n)
		}
		return fmt.Sprint(n)
	}
	day, month := num(d.Day()), num(int(d.Month()))
	yyyy := fmt.Sprintf("%04d", d.Year())
	year := fmt.Sprintf("(?:%s|['’]?%02d)", yyyy, d.Year()%100)
	sep := space + `[/.\-]` + space
	ordinalDay := day + `(?:st|nd|rd|th)?`
	words := monthWords(d.Month())
	// Every form has the day and the year's last two digits; the digit
	// forms have the month's digits and the word forms the first three
	// letters of its name. The longest folds are "17041993" and
	// "17thofseptember1993".
	yy, dd := fmt.Sprintf("%02d", d.Year()%100), fmt.Sprint(d.Day())
	digits := func(src string) detail {
		return detail{src, wordEdges, []string{dd, fmt.Sprint(int(d.Month())), yy}, 4 + len(yyyy)}
	}
	named := func(src string) detail {
		return detail{src, wordEdges, []string{dd, strings.ToLower(d.Month().String()[:3]), yy},
			len("17thof") + len(d.Month().String()) + len(yyyy)}
	}
	compact := func(src string) detail { return detail{src, wordEdges, []string{src}, len(src)} }
	out := []detail{
		digits(day + sep + month + sep + year),                                          // 17/04/1993, 17.4.93
		digits(yyyy + sep + month + sep + day),                                          // 1993-04-17
		compact(fmt.Sprintf("%s%02d%02d", yyyy, int(d.Month()), d.Day())),               // 19930417
		compact(fmt.Sprintf("%02d%02d%s", d.Day(), int(d.Month()), yyyy)),               // 17041993
		named(ordinalDay + `(?:` + dateSep + `of)?` + dateSep + words + dateSep + year), // 17th of April 1993
		named(words + dateSep + ordinalDay + dateSep + year),                            // April 17, 1993
	}
	if d.Day() > 12 {
		out = append(out, digits(month+sep+day+sep+year)) // 04/17/1993 cannot be another date
	}
	return out
}
