package redact

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// matcher finds every whole match of a set of details' patterns in text
// (find.go says how, fast).
type matcher struct {
	patterns []pattern
	seen     map[string]bool
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
	firstOf [][]int
	always  []int
	// births are the dates of birth, found by parsing (dates.go) rather
	// than by patterns: dateForms are the ways each is written, dateRuns
	// lists those that begin with digits by the run of digits they begin
	// with, and dateWords the others by the letter, in lower case, they
	// begin with.
	births    []birth
	dateForms []dateForm
	dateRuns  map[string][]int
	dateWords [128][]int
	// towns adds the localities and towns of addresses (Options.Towns),
	// except those named in given (Options.Given); addressOnly adds no
	// details but addresses (Options.AddressOnly).
	towns, addressOnly bool
	given              []string
}

func newMatcher() *matcher {
	return &matcher{seen: map[string]bool{}, dateRuns: map[string][]int{}, starting: make([]int32, 1<<16), startGroups: [][]int{nil}}
}

// pattern is one detail to withhold and how its edges are judged.
type pattern struct {
	re    *regexp.Regexp
	edges edgeKind
	// needles index matcher.needles: what the fold of every match holds,
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
	digitSep = `[\s\p{Zs}\-.()/_‐‑–—]*`
	dateSep  = `[\s\p{Zs}\-/.,]*`
	space    = `[\s\p{Zs}]*`
	apos     = `['’‘ʼ` + "`" + `]?`
)

// minDetail is the fewest letters and digits an address part must have to
// be withheld wherever it occurs; shorter parts ("3", "B") would match
// unrelated text and identify no one.
const minDetail = 3

// minPhoneDigits is the fewest digits a phone number must have to be
// matched in any spacing; a shorter one is matched as written.
const minPhoneDigits = 6

// addDetails adds the patterns of one person's details.
func (m *matcher) addDetails(d Details) {
	for _, part := range addressParts(d.Address) {
		if part.home || m.towns && !m.named(part.text) {
			m.addOnce(literal(part.text))
		}
	}
	for _, pc := range postcodes(d.Address) {
		m.addOnce(literal(pc))
	}
	if m.addressOnly {
		return
	}
	for _, phone := range phoneNumbers(d.Phone) {
		m.addOnce(phonePattern(phone))
	}
	for _, email := range emailAddresses(d.Email) {
		m.addOnce(emailPattern(email))
	}
	m.addBirth(d.Birth)
}

// named reports whether one of the given texts names part.
func (m *matcher) named(part string) bool {
	if len(m.given) == 0 {
		return false
	}
	one := newMatcher()
	one.add(literal(part))
	return slices.ContainsFunc(m.given, func(text string) bool { return len(one.spans(visible(text))) > 0 })
}

// addOnce adds a detail unless an identical one is there already.
func (m *matcher) addOnce(d detail) {
	if d.src == "" || m.seen[d.src] {
		return
	}
	m.seen[d.src] = true
	m.add(d)
}

// synonyms are the forms the same street or place word is written in; a
// word of an address matches any form of its group, with or without a full
// stop. "St" is both Street and Saint.
var synonyms = func() map[string][]string {
	groups := [][]string{
		{"road", "rd"}, {"street", "st", "saint", "str"}, {"avenue", "ave", "av"}, {"lane", "ln"},
		{"close", "cl"}, {"drive", "dr"}, {"court", "ct"}, {"crescent", "cres", "cresc"},
		{"place", "pl"}, {"square", "sq"}, {"gardens", "gdns", "gdn"}, {"terrace", "terr", "tce"},
		{"grove", "gro", "gr"}, {"park", "pk"}, {"mount", "mt"}, {"parade", "pde"},
		{"highway", "hwy"}, {"flat", "apartment", "apt"}, {"north", "n"}, {"south", "s"},
		{"east", "e"}, {"west", "w"}, {"upper", "upr"}, {"lower", "lwr"}, {"cottages", "cotts"},
		{"heol", "hl"}, {"ffordd", "ffd"},
	}
	out := map[string][]string{}
	for _, g := range groups {
		for _, w := range g {
			out[w] = g
		}
	}
	return out
}()

// literal is the detail that withholds text as written, in any case and
// spacing, accents and apostrophes optional, and each street word in any
// of its forms.
func literal(s string) detail {
	var src strings.Builder
	var needles []string
	span := 0
	for i, word := range addressWords(s) {
		if i > 0 {
			src.WriteString(wordSep)
		}
		forms, ok := synonyms[fold(word)]
		if !ok {
			src.WriteString(wordPattern(word))
			f := fold(word)
			needles = append(needles, f)
			span += len(f)
			continue
		}
		alts := make([]string, 0, len(forms))
		longest := 0
		for _, f := range forms {
			alts = append(alts, regexp.QuoteMeta(f))
			longest = max(longest, len(f))
		}
		src.WriteString(`(?:` + strings.Join(alts, "|") + `)\.?`)
		span += longest
	}
	return detail{src.String(), wordEdges, needles, span}
}

// addressWords splits s into words at spaces and at the punctuation that
// may be left out between words.
func addressWords(s string) []string {
	return strings.FieldsFunc(s, func(c rune) bool {
		return unicode.IsSpace(c) || strings.ContainsRune(",.-‐‑–—", c)
	})
}

// wordPattern matches one word case-insensitively (the caller adds (?i)),
// accents and apostrophes optional.
func wordPattern(w string) string {
	var b strings.Builder
	for _, c := range w {
		lower := unicode.ToLower(c)
		switch class, ok := foldClass[lower]; {
		case strings.ContainsRune(apostrophes, lower):
			b.WriteString(apos)
		case ok:
			b.WriteString(class)
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	return b.String()
}

const apostrophes = "'’‘ʼ`"

// accentFolds lists, for each base letter, the accented forms that free text
// may use for it (or drop), so that "Ty Gwyn" matches "Tŷ Gwyn".
var accentFolds = []string{
	"aàáâãäåāăą", "cçćč", "eèéêëēėęě", "iìíîïīįı", "nñńň", "oòóôõöøō",
	"sśšş", "uùúûüūůű", "wŵẁẃẅ", "yŷýÿỳ", "zźżž",
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

// houseNumber matches a part that starts with a house or flat number and
// captures the street after it.
var houseNumber = regexp.MustCompile(`(?i)^(?:(?:flat|apartment|apt|unit|no\.?)\s*)?\d+[a-z]?(?:\s*-\s*\d+[a-z]?)?[\s,]+(\pL.*)$`)

// houseKinds are the words a house name may be written without.
var houseKinds = []string{"cottage", "house", "farm", "farmhouse", "barn", "lodge", "bungalow", "villa", "hall", "manor", "bwthyn", "ty", "tŷ"}

// addressPart is a part of an address to withhold, and whether it names
// the home itself (a line or part with its street, house number or name)
// rather than the area it is in (a locality or town).
type addressPart struct {
	text string
	home bool
}

// addressParts returns the parts of an address to withhold: each line,
// each comma-separated part of a line, each street without its number,
// each locality and post town, and a house name's short forms. A line
// without commas is split at its street word and its postcode. Parts too
// short to identify anyone are left out.
func addressParts(address string) []addressPart {
	var out []addressPart
	add := func(s string, home bool) {
		s = strings.Join(strings.Fields(s), " ")
		if alnumCount(s) < minDetail {
			return
		}
		if i := slices.IndexFunc(out, func(p addressPart) bool { return p.text == s }); i >= 0 {
			out[i].home = out[i].home || home
			return
		}
		out = append(out, addressPart{s, home})
	}
	for i, line := range strings.Split(address, "\n") {
		for j, part := range strings.Split(line, ",") {
			part = strings.TrimSpace(part)
			rest := strings.TrimSpace(postcodeRE.ReplaceAllString(part, " "))
			m := houseNumber.FindStringSubmatch(rest)
			switch {
			case m != nil:
				add(part, true)
				street, after := splitAtStreetWord(m[1])
				add(street, true)
				for _, w := range strings.Fields(after) {
					add(w, false) // localities of an address written without commas
				}
				add(after, false)
			case i == 0 && j == 0 && !strings.ContainsFunc(rest, unicode.IsDigit):
				add(part, true) // a house name, or a street on a line of its own
				for _, short := range houseNameForms(rest) {
					add(short, true)
				}
			default:
				add(part, false)
				add(rest, false) // the post town on the postcode's line
			}
		}
		add(line, i == 0 || houseNumber.MatchString(strings.TrimSpace(line)))
	}
	return out
}

// splitAtStreetWord splits the words after a house number into the street
// (up to and including its street word) and what follows it. Without a
// street word it is all street.
func splitAtStreetWord(s string) (street, after string) {
	words := strings.Fields(s)
	for i, w := range words {
		if i > 0 && isStreetWord(w) {
			return strings.Join(words[:i+1], " "), strings.Join(words[i+1:], " ")
		}
	}
	return s, ""
}

// houseNameForms returns the short forms of a house name: without a
// leading "The", without a trailing kind of house. A form left with one
// short word is too vague to withhold everywhere and is left out.
func houseNameForms(name string) []string {
	words := strings.Fields(name)
	if len(words) > 1 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	var out []string
	if len(words) > 1 && slices.Contains(houseKinds, strings.ToLower(words[len(words)-1])) {
		out = append(out, strings.Join(words[:len(words)-1], " "))
	}
	if len(words) > 1 && slices.Contains(houseKinds, strings.ToLower(words[0])) {
		out = append(out, strings.Join(words[1:], " "))
	}
	out = append(out, strings.Join(words, " "))
	return slices.DeleteFunc(out, func(s string) bool { return !strings.Contains(s, " ") && alnumCount(s) < 6 })
}

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

// phoneRun finds the numbers a phone field holds: runs of digits and the
// punctuation written between them, optionally after a +.
var phoneRun = regexp.MustCompile(`\+?\(?\d[\d\s\p{Zs}\-.()/_‐‑–—]*\d\)?`)

// phoneBetween is what separates two numbers in one field, or a number from
// its extension.
var phoneBetween = regexp.MustCompile(`(?i)[\s\p{Zs}]+/[\s\p{Zs}]+|[,;|&]|\b(?:or|and|ext|extn|extension|x)\b\.?`)

// phoneNumbers returns each number a phone field holds ("07700 900123 /
// 01244 900789", "01244 900789 ext 45"), or the field as written when it
// holds no long run of digits.
func phoneNumbers(field string) []string {
	var out []string
	for _, run := range phoneRun.FindAllString(phoneBetween.ReplaceAllString(field, "|"), -1) {
		if digitCount(run) >= minPhoneDigits {
			out = append(out, run)
		}
	}
	if len(out) == 0 && strings.TrimSpace(field) != "" {
		out = append(out, strings.TrimSpace(field))
	}
	return out
}

func digitCount(s string) int {
	n := 0
	for _, c := range s {
		if '0' <= c && c <= '9' {
			n++
		}
	}
	return n
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
	prefix := `(?:(?:(?:\+|00)` + digitSep + `)?44` + digitSep + `(?:\(` + space + `0` + space + `\)` + digitSep + `)?|\(?0` + digitSep + `)?`
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

// emailRun finds the addresses an email field holds, also inside "Name
// <address>".
var emailRun = regexp.MustCompile(`[^\s<>,;"'()\[\]]+@[^\s<>,;"'()\[\]]+`)

// emailAddresses returns each address an email field holds, or the field
// as written when it holds none.
func emailAddresses(field string) []string {
	out := emailRun.FindAllString(field, -1)
	if len(out) == 0 && strings.TrimSpace(field) != "" {
		out = append(out, strings.TrimSpace(field))
	}
	return out
}

// Obfuscated separators of an email address: "@" as " at ", "[at]",
// "(at)"; "." as " dot ", "[dot]", "(dot)".
const (
	emailAt  = `(?:` + space + `@` + space + `|` + space + `[\[(\{]` + space + `at` + space + `[\])\}]` + space + `|[\s\p{Zs}]+at[\s\p{Zs}]+)`
	emailDot = `(?:\.|` + space + `[\[(\{]` + space + `dot` + space + `[\])\}]` + space + `|[\s\p{Zs}]+dot[\s\p{Zs}]+)`
)

// emailPattern matches an email address in any case, also with spaces
// around the @ or with the @ and dots written as words.
func emailPattern(email string) detail {
	email = strings.TrimSpace(email)
	local, domain, ok := strings.Cut(email, "@")
	if !ok || local == "" || domain == "" {
		if alnumCount(email) >= minDetail {
			return literal(email)
		}
		return detail{}
	}
	dotted := func(s string) (string, []string) {
		var parts, needles []string
		for p := range strings.SplitSeq(s, ".") {
			parts = append(parts, regexp.QuoteMeta(p))
			if f := fold(p); f != "" {
				needles = append(needles, f)
			}
		}
		return strings.Join(parts, emailDot), needles
	}
	l, ln := dotted(local)
	d, dn := dotted(domain)
	f := fold(email)
	// The words "at" and "dot" add 2 and 3 letters to the fold.
	span := len(f) + 2 + 3*strings.Count(email, ".")
	return detail{l + emailAt + d, emailEdges, append(ln, dn...), span}
}
