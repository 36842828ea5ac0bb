package redact

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// victim, witness, relative and respondent are the details of a small case.
var (
	victim = Details{Address: "14 Lark Rise\nHoole\nChester CH2 3QX", Phone: "07700 900123 / 01244 900456 ext 21",
		Email: "Renée Marsh <renee.marsh@example.org>; r.marsh@example.net", Birth: date(1993, 4, 17)}
	witness = Details{Address: "Tŷ Newydd\nFlat 2, 41 Varden Close\nSaltney", Phone: "+44 1244 900789",
		Birth: date(1958, 2, 9)}
	relative   = Details{Address: "The Old Rectory Cottage, St John's Road, Llanrwst LL26 0AB", Email: "alys@example.com"}
	oneLine    = Details{Address: "9 Bryn Road Penmaenmawr Conwy LL34 6AB"}
	respondent = Details{Address: "Flat 3, 22 Canal Street\nEllesmere Port CH65 4EU", Phone: "07700 900555", Birth: date(1990, 11, 30)}
)

func testRedactor(t testing.TB) *Redactor {
	t.Helper()
	return New(Options{Withheld: "[withheld]", Withhold: []Details{victim, witness, relative, oneLine},
		Keep: []Details{respondent}, KeepText: []string{"Chester Magistrates' Court", "Llanrwst Police Station"}, Shapes: true, Towns: true})
}

func TestApplyWithholdsRecordedDetailsInEveryForm(t *testing.T) {
	r := testRedactor(t)
	tests := []struct{ name, in, want string }{
		{"phone as written", "Call 07700 900123 now.", "Call [withheld] now."},
		{"phone without spaces", "Call 07700900123.", "Call [withheld]."},
		{"phone with +44", "Call +44 7700 900123.", "Call [withheld]."},
		{"phone with +44 and (0)", "Call +44 (0)7700 900123.", "Call [withheld]."},
		{"phone with 0044", "Call 0044 7700 900 123.", "Call [withheld]."},
		{"phone with dashes", "Call 07700-900-123.", "Call [withheld]."},
		{"phone grouped with slashes", "Call 07700/900/123.", "Call [withheld]."},
		{"phone grouped with underscores", "Call 07700_900_123.", "Call [withheld]."},
		{"phone with its area code in brackets", "Call (07700) 900123.", "Call [withheld]."},
		{"phone in brackets", "His number (07700 900123) is known.", "His number ([withheld]) is known."},
		{"phone with odd spacing", "Call 0 7 7 0 0 9 0 0 1 2 3.", "Call [withheld]."},
		{"second number of a field", "Her work number is 01244 900456.", "Her work number is [withheld]."},
		{"international number without +", "Ring 441244900789.", "Ring [withheld]."},
		{"email", "Mail renee.marsh@example.org.", "Mail [withheld]."},
		{"second email of a field", "Mail r.marsh@example.net", "Mail [withheld]"},
		{"email in capitals", "Mail RENEE.MARSH@EXAMPLE.ORG!", "Mail [withheld]!"},
		{"email with spaces", "Mail renee.marsh @ example.org", "Mail [withheld]"},
		{"email with [at]", "Mail renee.marsh[at]example.org", "Mail [withheld]"},
		{"email with (at) and (dot)", "Mail renee(dot)marsh (at) example(dot)org", "Mail [withheld]"},
		{"email in words", "Mail renee dot marsh at example dot org", "Mail [withheld]"},
		{"ISO date of birth", "Born 1993-04-17.", "Born [withheld]."},
		{"date of birth with slashes", "Born 17/04/1993.", "Born [withheld]."},
		{"without leading zeros", "Born 17/4/1993.", "Born [withheld]."},
		{"two-digit year", "Born 17/04/93.", "Born [withheld]."},
		{"in words", "Born 17 April 1993.", "Born [withheld]."},
		{"ordinal with of", "Born on the 17th of April 1993.", "Born on the [withheld]."},
		{"the day of", "Born on the 17th day of April 1993.", "Born on the [withheld]."},
		{"month first", "Born April 17, 1993.", "Born [withheld]."},
		{"US digits", "Born 04/17/1993.", "Born [withheld]."},
		{"compact", "DOB 19930417", "DOB [withheld]"},
		{"compact day first", "DOB 17041993", "DOB [withheld]"},
		{"six digits", "DOB 170493", "DOB [withheld]"},
		{"police style", "DOB 17APR1993", "DOB [withheld]"},
		{"police style short year", "DOB 17-Apr-93", "DOB [withheld]"},
		{"Welsh month", "Ganwyd 17 Ebrill 1993", "Ganwyd [withheld]"},
		{"Welsh ordinal and mutation", "Ganwyd ar yr 9fed o Chwefror 1958", "Ganwyd ar yr [withheld]"},
		{"address line", "She lives at 14 Lark Rise, Hoole.", "She lives at [withheld]."},
		{"address on one line", "She lives at 14 Lark Rise Hoole Chester CH2 3QX.", "She lives at [withheld]."},
		{"street without its number", "He walked down Lark Rise.", "He walked down [withheld]."},
		{"street without the space", "He walked down LarkRise.", "He walked down [withheld]."},
		{"postcode without its space", "Postcode ch23qx.", "Postcode [withheld]."},
		{"post town", "She moved to Chester last year.", "She moved to [withheld] last year."},
		{"house name without its accent", "He left flowers at Ty Newydd.", "He left flowers at [withheld]."},
		{"street of a flat", "in Varden Close", "in [withheld]"},
		{"street abbreviated", "outside St Johns Rd", "outside [withheld]"},
		{"street in full with Saint", "outside Saint John's Road", "outside [withheld]"},
		{"apostrophe dropped", "outside St Johns Road", "outside [withheld]"},
		{"house name shortened", "at the Old Rectory", "at the [withheld]"},
		{"one-line address's street", "parked in Bryn Rd, Penmaenmawr", "parked in [withheld]"},
		{"one-line address's town", "drove to Penmaenmawr", "drove to [withheld]"},
		{"zero-width space", "Call 07700\u200b900123.", "Call [withheld]."},
		{"non-breaking space", "Call 07700\u00a0900123.", "Call [withheld]."},
		{"letters that fold alike", "He walked down LARK RI\u017fE.", "He walked down [withheld]."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, r.Apply(tt.in))
		})
	}
}

func TestApplyWithholdsUnrecordedContactShapes(t *testing.T) {
	r := testRedactor(t)
	tests := []struct{ name, in, want string }{
		{"new postcode", "She has moved to SY23 1AB.", "She has moved to [withheld]."},
		{"new mobile", "Her new number is 07911 123456.", "Her new number is [withheld]."},
		{"new landline with +44", "Her new number is +44 (0)1970 123456.", "Her new number is [withheld]."},
		{"foreign number", "Her sister's number is +353 87 123 4567.", "Her sister's number is [withheld]."},
		{"new email", "She now uses jo.bloggs99@example.co.uk.", "She now uses [withheld]."},
		{"new email obfuscated", "She now uses jo[at]example[dot]com.", "She now uses [withheld]."},
		{"new email in words", "write to jo dot b at example dot com", "write to [withheld]"},
		{"new address", "She now lives at 7 Mill Lane, Aberystwyth.", "She now lives at [withheld], Aberystwyth."},
		{"new address in capitals", "NEW ADDRESS 7 MILL LANE", "NEW ADDRESS [withheld]"},
		{"new flat", "moved to Flat 4, 12 Heol y Wig", "moved to [withheld]"},
		{"date of birth by keyword", "Her son (DOB: 03/02/2015) was present.", "Her son (DOB: [withheld]) was present."},
		{"date of birth in words", "her son, born on 3 February 2015", "her son, born on [withheld]"},
		{"two numbers side by side", "07911123456 07911123457", "[withheld]"},
		{"in capitals, far from any digit", "WRITE TO JO DOT BLOGGS AT EXAMPLE DOT COM", "WRITE TO [withheld]"},
		{"an email longer than a window", "mail " + strings.Repeat("a", 120) + "@" + strings.Repeat("b", 300) + ".org now", "mail [withheld] now"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, r.Apply(tt.in))
			assert.NotEmpty(t, r.Unrecorded(tt.in), "reported")
		})
	}
}

func TestApplyLeavesOtherTextAlone(t *testing.T) {
	r := testRedactor(t)
	for _, s := range []string{
		"Chester Magistrates' Court",                          // a kept name holding the post town
		"Llanrwst Police Station",                             // likewise
		"Exhibit GP/1 and statement ST1, URN 07CP0123425",     // references
		"No. 12345 and 17/04/2019",                            // other numbers and dates
		"on 17/04 at 19:93, 18 January 2025, 17 April",        // dates that only look alike
		"Hooley Lane and Larkrises",                           // words that merely start alike
		"He walked 3 times down the road",                     // prose, not an address
		"On the 6th, I was near Stryd Fawr",                   // likewise
		"14 March 2019, Llandudno Magistrates' Court: fined",  // a court named after a date
		"Flat 3, 22 Canal Street, Ellesmere Port CH65 4EU",    // the respondent's own address
		"07700 900555, 30 November 1990, born 30/11/1990",     // the respondent's own details
		"Renée Marsh and Alys Marsh met at 14:30 on 2 March.", // names and times are printed
		"Section 2(3) of the 2019 Act; SPA 2019 s.2A(3)(d)",   // citations
	} {
		assert.Equal(t, s, r.Apply(s))
		assert.Empty(t, r.Unrecorded(s), s)
	}
}

func TestRecordedDetailsAreNotReportedAsUnrecorded(t *testing.T) {
	r := testRedactor(t)
	assert.Empty(t, r.Unrecorded("14 Lark Rise, Chester CH2 3QX, 07700 900123, renee.marsh@example.org"))
}

func TestRedactorWithNothingToWithholdChangesNothing(t *testing.T) {
	r := New(Options{Withheld: "[withheld]"})
	assert.False(t, r.Withholds())
	assert.Equal(t, "14 Lark Rise, 07700 900123", r.Apply("14 Lark Rise, 07700 900123"))
	assert.Nil(t, r.Unrecorded("07700 900123"))
}

// checkWindows checks that the matcher finds in text exactly the matches a
// scan of the whole text with every pattern and date expression finds: the
// needles, windows and date parser only save time.
func checkWindows(t *testing.T, m *matcher, text string) {
	t.Helper()
	text = visible(text)
	var whole [][2]int
	for _, p := range slices.Concat(m.patterns, birthExpressions(m)) {
		whole = p.matchesIn(text, [2]int{0, len(text)}, whole)
	}
	byPlace := func(a, b [2]int) int { return cmp.Or(a[0]-b[0], a[1]-b[1]) }
	slices.SortFunc(whole, byPlace)
	got := m.spans(text)
	slices.SortFunc(got, byPlace)
	assert.Equal(t, whole, got, "in %q", text)
}

var windowFragments = []string{
	"Call +44 (0)7700 900123 or 0044 7700 900 123", "(07700) 900123", "0 7 7 0 0 9 0 0 1 2 3", "407700900123",
	"renee.marsh @ example.org.", "RENEE.MARSH@EXAMPLE.ORG.uk", "renee dot marsh at example dot org", "17th of April 1993",
	"the 17th day of April 1993", "17APR93", "17 Ebrill 1993", "April 17, 1993", "170493",
	"17/4/93", "1993-04-17", "19930417", "04/17/1993", "9 Feb 1958", "14 Lark Rise, Hoole", "LarkRise",
	"Ty Newydd", "Tŷ Newydd", "Flat 2, 41 Varden Close", "CH2 3QX", "ch23qx", "Chester CH2 3QX", "St Johns Rd",
	"Saint John's Road", "Old Rectory", "LARK RI\u017fE", "07700\u200b900123", "Hooley Lane and Larkrises",
	"on 17/04 at 19:93", "17/04/2019", "é", "—", "  \n\t", "93", "1993", "Ap", "ril",
}

func TestMatcherFindsWhatAScanOfTheWholeTextFinds(t *testing.T) {
	r := testRedactor(t)
	var long strings.Builder
	for i := range 400 {
		long.WriteString(windowFragments[(i*7)%len(windowFragments)])
		long.WriteString([]string{" ", "", ", ", "\n", "-", "x"}[i%6])
	}
	texts := append([]string{long.String(), ""}, windowFragments...)
	for i := range windowFragments {
		texts = append(texts, windowFragments[i]+windowFragments[(i+1)%len(windowFragments)])
	}
	for _, text := range texts {
		checkWindows(t, r.hide, text)
		checkWindows(t, r.keep, text)
	}
}

// FuzzRedactor checks, on any text, that the redactor never panics, that
// its windows find what a scan of the whole text finds, and that what it
// withholds is withheld again by a second pass.
func FuzzRedactor(f *testing.F) {
	for _, s := range append(windowFragments, "\xff\xfe7700", "7 Mill Lane", "jo[at]x[dot]com") {
		f.Add(s)
	}
	r := testRedactor(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkWindows(t, r.hide, text)
		out := r.Apply(text)
		r.Unrecorded(text)
		assert.Equal(t, out, r.Apply(out), "a second pass finds more")
	})
}

func TestWithoutTownsTheHomeIsWithheldNotTheArea(t *testing.T) {
	r := New(Options{Withheld: "the home of V", Withhold: []Details{victim, relative}, AddressOnly: true})
	tests := []struct{ in, want string }{
		{"outside 14 Lark Rise", "outside the home of V"},
		{"Lark Rise, Hoole", "the home of V, Hoole"},
		{"Station Road, Chester", "Station Road, Chester"},
		{"CH2 3QX", "the home of V"},
		{"The Old Rectory Cottage", "the home of V"},
		{"07700 900123", "07700 900123"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, r.Apply(tt.in), tt.in)
	}
}

func TestATownTheReaderIsGivenIsNotWithheld(t *testing.T) {
	r := New(Options{Withheld: "[withheld]", Withhold: []Details{victim}, Towns: true,
		Given: []string{"Not to enter the area of Hoole bounded by Hoole Road."}})
	assert.Equal(t, "the area of Hoole", r.Apply("the area of Hoole"))
	assert.Equal(t, "[withheld]", r.Apply("14 Lark Rise"))
	assert.Equal(t, "in [withheld]", r.Apply("in Chester"), "a town no term names")
}

// checkShapes asserts that every shape a search of the whole text with
// every expression finds is withheld by what the windowed, filtered search
// finds (which may also find part of a shape a bounded window cuts, never
// less).
func checkShapes(t *testing.T, text string) {
	t.Helper()
	got := shapeSpans(text)
	for _, sp := range shapesFiltered(text, [2]int{0, len(text)}, false) {
		assert.True(t, coveredByUnion(got, sp), "shape %q at %v in %q is not found by the windows", text[sp[0]:sp[1]], sp, text)
	}
}

// coveredByUnion reports whether the spans together hold sp whole.
func coveredByUnion(spans [][2]int, sp [2]int) bool {
	at := sp[0]
	for _, s := range spans { // in order of start
		if s[0] <= at && at < s[1] {
			at = s[1]
		}
	}
	return at >= sp[1]
}

func TestShapesInLongDenseTextAreFoundAsInTheWholeText(t *testing.T) {
	var ids strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&ids, "I%d, ", i+1)
		if i%97 == 0 {
			ids.WriteString(windowFragments[i%len(windowFragments)] + ", ")
		}
	}
	var long strings.Builder
	for i := range 400 {
		long.WriteString(windowFragments[(i*5)%len(windowFragments)])
		long.WriteString([]string{" ", ", ", "\n", "-", "x 12 "}[i%5])
	}
	// Letters the postcode expression folds from non-ASCII: the filter in
	// front of it must let them through.
	folded := "at \u212a1 1AA and \u017f2 2AB, jo (at) example (dot) org, 12 Mill Road"
	for _, text := range []string{ids.String(), long.String(), strings.Repeat("0", 3000), strings.Repeat("07700 900123 ", 200), folded, "write to jo DOT bloggs at example DOT com"} {
		checkShapes(t, text)
	}
}

func FuzzShapes(f *testing.F) {
	for _, s := range windowFragments {
		f.Add(strings.Repeat(s+" I12, ", 6))
	}
	// A character whose lower case is shorter, before a "dot": finding
	// windows in a lowered copy had indexed past the text's end.
	f.Add("\u212a\u212a\u212a\u212a d")
	f.Fuzz(func(t *testing.T, text string) { checkShapes(t, text) })
}
