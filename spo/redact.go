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
type redactor struct {
	patterns []pattern
	// needles are what text must contain, once folded (see fold), for any
	// pattern to match in it, so that text with nothing to withhold
	// (nearly all of it) is passed over cheaply.
	needles  []string
	withheld string
}

// pattern is one detail to withhold and how its edges are judged.
type pattern struct {
	re    *regexp.Regexp
	edges edgeKind
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
	r := &redactor{withheld: withheld}
	seen := map[string]bool{}
	add := func(src string, e edgeKind, needle string) {
		if src == "" || seen[src] {
			return
		}
		seen[src] = true
		r.patterns = append(r.patterns, pattern{re: regexp.MustCompile("(?i)" + src), edges: e})
		if !slices.Contains(r.needles, needle) {
			r.needles = append(r.needles, needle)
		}
	}
	for _, p := range redactedPeople(a) {
		for _, part := range addressParts(p.Address) {
			add(literalPattern(part), wordEdges, fold(part))
		}
		for _, pc := range postcodes(p.Address) {
			add(literalPattern(pc), wordEdges, fold(pc))
		}
		if src, e, needle := phonePattern(p.Phone); src != "" {
			add(src, e, needle)
		}
		if src, e, needle := emailPattern(p.Email); src != "" {
			add(src, e, needle)
		}
		if !p.DateOfBirth.IsZero() {
			// Every form of the date has the last two digits of its year.
			needle := fmt.Sprintf("%02d", p.DateOfBirth.Year()%100)
			for _, src := range datePatterns(p.DateOfBirth) {
				add(src, wordEdges, needle)
			}
		}
	}
	return r
}

// fold returns s in lower case, accents removed, with only its letters and
// digits: whatever a pattern matches in some text, the pattern's needle is
// in the text's fold. Letters are first put in the form case-insensitive
// matching treats them as (so "ſ" is "s", and the Kelvin sign "k").
func fold(s string) string {
	var b strings.Builder
	for _, c := range s {
		c = unicode.ToLower(caseClass(c))
		if base, ok := foldBase[c]; ok {
			c = base
		}
		if isAlnum(c) {
			b.WriteRune(c)
		}
	}
	return b.String()
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

// mayMatch reports whether any pattern could match in s.
func (r *redactor) mayMatch(s string) bool {
	if len(r.needles) == 0 {
		return false
	}
	f := fold(s)
	for _, n := range r.needles {
		if strings.Contains(f, n) {
			return true
		}
	}
	return false
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
	s = strings.Map(func(c rune) rune {
		if unicode.Is(unicode.Cf, c) {
			return -1
		}
		return c
	}, s)
	if !r.mayMatch(s) {
		return s
	}
	var spans [][2]int
	for _, p := range r.patterns {
		spans = append(spans, p.matches(s)...)
	}
	if len(spans) == 0 {
		return s
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
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

// matches returns every whole match of the pattern in s. A match whose
// edges fail is retried one character later, so that a shorter whole match
// inside it is still found.
func (p pattern) matches(s string) [][2]int {
	var out [][2]int
	for from := 0; from < len(s); {
		loc := p.re.FindStringIndex(s[from:])
		if loc == nil {
			break
		}
		start, end := from+loc[0], from+loc[1]
		if end > start && p.edges.whole(s, start, end) {
			if p.edges == digitEdges {
				start = balance(s, start, end)
			}
			out = append(out, [2]int{start, end})
			from = end
			continue
		}
		from = start + runeLen(s[start:])
	}
	return out
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
func phonePattern(phone string) (src string, edges edgeKind, needle string) {
	digits := strings.Map(func(c rune) rune {
		if c >= '0' && c <= '9' {
			return c
		}
		return -1
	}, phone)
	trimmed := strings.TrimSpace(phone)
	if len(digits) < minPhoneDigits {
		if alnumCount(trimmed) >= minDetail {
			return literalPattern(trimmed), wordEdges, fold(trimmed)
		}
		return "", wordEdges, ""
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
	return prefix + strings.Join(parts, digitSep), digitEdges, digits
}

// emailPattern matches an email address in any case, also with spaces
// around the @.
func emailPattern(email string) (src string, edges edgeKind, needle string) {
	email = strings.TrimSpace(email)
	local, domain, ok := strings.Cut(email, "@")
	if !ok || local == "" || domain == "" {
		if alnumCount(email) >= minDetail {
			return literalPattern(email), wordEdges, fold(email)
		}
		return "", wordEdges, ""
	}
	return regexp.QuoteMeta(local) + space + "@" + space + regexp.QuoteMeta(domain), emailEdges, fold(local + domain)
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
func datePatterns(d casefile.Date) []string {
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
	out := []string{
		day + sep + month + sep + year,                                           // 17/04/1993, 17.4.93
		yyyy + sep + month + sep + day,                                           // 1993-04-17
		fmt.Sprintf("%s%02d%02d", yyyy, int(d.Month()), d.Day()),                 // 19930417
		fmt.Sprintf("%02d%02d%s", d.Day(), int(d.Month()), yyyy),                 // 17041993
		ordinalDay + `(?:` + dateSep + `of)?` + dateSep + words + dateSep + year, // 17th of April 1993
		words + dateSep + ordinalDay + dateSep + year,                            // April 17, 1993
	}
	if d.Day() > 12 {
		out = append(out, month+sep+day+sep+year) // 04/17/1993 cannot be another date
	}
	return out
}
