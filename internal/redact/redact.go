// Package redact withholds people's contact details from text: their
// addresses, phone numbers, email addresses and dates of birth, in the
// forms they were recorded in and in the forms people write them, and
// anything else in the text that is shaped like a contact detail.
//
// It knows nothing of cases: a caller says whose details to withhold
// (Options.Withhold), whose to keep (Options.Keep: a document's reader's
// own details, a court's name) and whether contact-shaped text that
// belongs to nobody it was told of is withheld too (Options.Shapes).
//
// What is withheld, matched case-insensitively, whatever the spacing or
// punctuation between words, with accents and apostrophes optional
// (Tŷ = Ty, St John's = St Johns) and common street words in any of their
// forms (Road = Rd, Street = St = Saint, Avenue = Ave ...):
//   - the address: each line whole, each comma-separated part of a line,
//     the street without its house or flat number ("14 Lark Rise" also
//     withholds "Lark Rise"), every locality and the post town, the
//     postcode with or without its space, a house name without a leading
//     "The" or a trailing "Cottage", "House" and the like; an address
//     written on one line without commas is split at its street word and
//     its postcode;
//   - each phone number a field holds (two numbers, or a number with an
//     extension), in any spacing or punctuation (also "/" and "_") and
//     with or without the +44 or 0044 prefix;
//   - each email address a field holds (also "Name <address>"), also
//     written with spaces around the @ or as "name [at] example [dot] org";
//   - the date of birth as digits (1993-04-17, 17/04/1993, 17.4.93,
//     19930417, 17041993, 170493, and 04/17/1993 when the day is over 12)
//     and in words, English or Welsh (17 April 1993, 17th of April 1993,
//     the 17th day of April 1993, April 17, 1993, 17APR1993, 17 Ebrill
//     1993).
//
// A match counts only as a whole: the characters either side of it must not
// be letters or digits (for a phone number or a date, not digits), so a
// number never eats part of a longer number, a date or a reference.
//
// Contact shapes (Options.Shapes) are a UK postcode, a UK or international
// phone number, an email address, a house number followed by a street
// word ("7 Mill Lane") and a date after "born" or "date of birth". They are
// withheld unless a kept detail covers them, and Unrecorded lists those no
// detail accounts for, so a caller can ask a person to check them.
package redact

import (
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Details are one person's recorded contact details. Each field is as
// recorded: an address of several lines, a phone field holding one or more
// numbers, an email field holding one or more addresses.
type Details struct {
	Address string
	Phone   string
	Email   string
	// Birth is the date of birth; the zero time means none.
	Birth time.Time
}

// Options say what a Redactor withholds.
type Options struct {
	// Withheld is printed in place of each withheld detail.
	Withheld string
	// Withhold are the details to withhold wherever they occur.
	Withhold []Details
	// Keep are details never withheld: the reader's own. Where a kept
	// detail and a withheld one match the same text, it is kept.
	Keep []Details
	// KeepText are names printed as written even when part of them matches
	// a withheld detail, such as a court or police station in the town a
	// protected person lives in.
	KeepText []string
	// Shapes withholds contact-shaped text (see the package doc) that no
	// kept detail covers.
	Shapes bool
	// Towns withholds an address's localities and post town wherever they
	// occur, as well as the parts that name the home itself (its lines and
	// parts with a house number or name or a street, and its postcode).
	// Without it a town on its own prints: it names a wide area.
	Towns bool
	// AddressOnly withholds addresses and no other detail, for a Redactor
	// that says whose home a place is.
	AddressOnly bool
	// Given are texts the reader is given in full, such as the terms of an
	// order they must obey. A locality or town they name is not withheld
	// anywhere (with Towns), since the reader learns it from them; the
	// parts of an address that name a home still are.
	Given []string
}

// Redactor withholds details from text. It is safe for concurrent use.
type Redactor struct {
	withheld string
	hide     *matcher // the withheld details
	keep     *matcher // kept details and names
	shapes   bool
	memo     memo
}

// memo remembers what Apply made of each text. A document prints the same
// texts many times (names, places and dates in every table, the
// screening's lists of occasions in every line that rests on them), and
// finding the details in them is most of the cost of printing; the answer
// for a text never changes.
type memo struct {
	mu    sync.Mutex
	m     map[string]string
	bytes int
}

// memoMax bounds the memory the memo of one Redactor may hold, counting
// memoEntry for each entry's own overhead in the map; past it, texts are
// searched each time.
const (
	memoMax   = 8 << 20
	memoEntry = 64
)

func (m *memo) get(s string) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.m[s]
	return v, ok
}

func (m *memo) put(s, v string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	cost := len(s) + memoEntry
	if v != s {
		cost += len(v)
	}
	if m.bytes+cost > memoMax {
		return
	}
	if m.m == nil {
		m.m = map[string]string{}
	}
	if _, ok := m.m[s]; !ok {
		m.m[s] = v
		m.bytes += cost
	}
}

// New builds a Redactor.
func New(opts Options) *Redactor {
	r := &Redactor{withheld: opts.Withheld, hide: newMatcher(), keep: newMatcher(), shapes: opts.Shapes}
	r.hide.towns, r.hide.addressOnly, r.hide.given = opts.Towns, opts.AddressOnly, opts.Given
	r.keep.towns = true
	for _, d := range opts.Withhold {
		r.hide.addDetails(d)
	}
	for _, d := range opts.Keep {
		r.keep.addDetails(d)
	}
	for _, s := range opts.KeepText {
		if alnumCount(s) >= minDetail {
			r.keep.add(literal(s))
		}
	}
	return r
}

// Session returns a Redactor that withholds what r does, sharing its
// compiled details, with a memory of its own: one for each document, so
// that what a document prints is remembered while it is written and
// forgotten with it, and a Redactor kept for reuse holds no text.
func (r *Redactor) Session() *Redactor {
	return &Redactor{withheld: r.withheld, hide: r.hide, keep: r.keep, shapes: r.shapes}
}

// Withholds reports whether r can withhold anything at all.
func (r *Redactor) Withholds() bool {
	return r != nil && (r.shapes || len(r.hide.patterns) > 0)
}

// Apply returns s with every detail withheld. Invisible formatting
// characters (zero-width spaces, soft hyphens) are removed first, so they
// cannot hide a detail from the patterns. Withheld details separated only
// by spaces and commas are withheld as one.
func (r *Redactor) Apply(s string) string {
	if !r.Withholds() {
		return s
	}
	if v, ok := r.memo.get(s); ok {
		return v
	}
	v := r.apply(s)
	r.memo.put(s, v)
	return v
}

// apply is Apply without the memo.
func (r *Redactor) apply(s string) string {
	s = visible(s)
	hidden, _ := r.find(s)
	if len(hidden) == 0 {
		return s
	}
	var out strings.Builder
	at := 0
	for i := 0; i < len(hidden); {
		start, end := hidden[i][0], hidden[i][1]
		for i++; i < len(hidden) && (hidden[i][0] <= end || onlyGlue(s[end:hidden[i][0]])); i++ {
			end = max(end, hidden[i][1])
		}
		out.WriteString(s[at:start])
		out.WriteString(r.withheld)
		at = end
	}
	out.WriteString(s[at:])
	return out.String()
}

// Unrecorded returns the contact-shaped text in s that no withheld or kept
// detail accounts for, in order: details nobody recorded, which a person
// should check. It is empty unless Options.Shapes is set.
func (r *Redactor) Unrecorded(s string) []string {
	if r == nil || !r.shapes {
		return nil
	}
	s = visible(s)
	shapes := shapeSpans(s)
	if len(shapes) == 0 {
		return nil // most texts: no need to look for details
	}
	_, unrecorded := r.findAmong(s, shapes)
	out := make([]string, 0, len(unrecorded))
	for _, sp := range unrecorded {
		out = append(out, s[sp[0]:sp[1]])
	}
	return out
}

// find returns the spans of s to withhold, in order, and which of them are
// contact shapes that no detail accounts for.
func (r *Redactor) find(s string) (hidden, unrecorded [][2]int) {
	var shapes [][2]int
	if r.shapes {
		shapes = shapeSpans(s)
	}
	return r.findAmong(s, shapes)
}

// findAmong is find given the contact shapes of s.
func (r *Redactor) findAmong(s string, shapes [][2]int) (hidden, unrecorded [][2]int) {
	f := &folded{s: fold(s)}
	details := r.hide.spansFolded(s, f)
	if len(details) == 0 && len(shapes) == 0 {
		return nil, nil // nothing for a kept detail to keep
	}
	kept := r.keep.spansFolded(s, f)
	for _, sp := range details {
		if !covered(kept, sp) {
			hidden = append(hidden, sp)
		}
	}
	for _, sp := range shapes {
		if covered(kept, sp) {
			continue
		}
		hidden = append(hidden, sp)
		if !overlaps(details, sp) {
			unrecorded = append(unrecorded, sp)
		}
	}
	if len(shapes) > 0 {
		slices.SortFunc(hidden, func(a, b [2]int) int { return a[0] - b[0] })
	}
	return hidden, unrecorded
}

// covered reports whether one of spans holds sp whole.
func covered(spans [][2]int, sp [2]int) bool {
	return slices.ContainsFunc(spans, func(k [2]int) bool { return k[0] <= sp[0] && sp[1] <= k[1] })
}

// overlaps reports whether one of spans shares text with sp.
func overlaps(spans [][2]int, sp [2]int) bool {
	return slices.ContainsFunc(spans, func(k [2]int) bool { return k[0] < sp[1] && sp[0] < k[1] })
}

// onlyGlue reports whether s is only spaces and commas: what may stand
// between two parts of one withheld address.
func onlyGlue(s string) bool {
	return strings.TrimFunc(s, func(c rune) bool { return unicode.IsSpace(c) || c == ',' }) == ""
}

// visible returns s without its invisible formatting characters.
func visible(s string) string {
	return strings.Map(func(c rune) rune {
		if c >= utf8.RuneSelf && unicode.Is(unicode.Cf, c) {
			return -1
		}
		return c
	}, s)
}

// fold returns s in lower case, accents removed, with only its letters and
// digits: whatever a pattern matches in some text, the pattern's needles are
// in the text's fold. Letters are first put in the form case-insensitive
// matching treats them as (so "ſ" is "s", and the Kelvin sign "k").
func fold(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// Nearly all text is ASCII: a byte at a time.
			switch {
			case 'A' <= c && c <= 'Z':
				b = append(b, c+'a'-'A')
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				b = append(b, c)
			}
			i++
			continue
		}
		c, n := utf8.DecodeRuneInString(s[i:])
		if c, ok := foldRune(c); ok {
			b = utf8.AppendRune(b, c)
		}
		i += n
	}
	return string(b)
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

func runeLen(s string) int {
	_, n := utf8.DecodeRuneInString(s)
	return max(n, 1)
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

func alnumCount(s string) int {
	n := 0
	for _, c := range s {
		if isAlnum(c) {
			n++
		}
	}
	return n
}
