package spo

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spokit/spokit/casefile"
)

// redactorFor builds the service copy's redactor for a small case: a
// victim, a witness, a protected relative, an officer and the respondent.
func redactorFor(t testing.TB) *redactor {
	t.Helper()
	c := &casefile.Case{People: []casefile.Person{
		{ID: "V1", Role: casefile.RoleVictim, Forenames: "Renée", Surname: "Marsh", Address: "14 Lark Rise\nHoole\nChester CH2 3QX",
			Phone: "07700 900123", Email: "renee.marsh@example.org", DateOfBirth: casefile.NewDate(1993, 4, 17)},
		{ID: "W1", Role: casefile.RoleWitness, Forenames: "Gwen", Surname: "Pritchard", Address: "Tŷ Newydd\nFlat 2, 41 Varden Close\nSaltney",
			Phone: "+44 1244 900789", DateOfBirth: casefile.NewDate(1958, 2, 9)},
		{ID: "V2", Role: casefile.RoleOther, Forenames: "Alys", Surname: "Marsh", Email: "alys@example.com"},
		{ID: "O1", Role: casefile.RoleOfficer, Forenames: "Sam", Surname: "Okoro", Phone: "01244 000000"},
		{ID: "S1", Role: casefile.RoleSuspect, Forenames: "Daniel", Surname: "Reeve", Address: "Flat 3, 22 Canal Street\nEllesmere Port CH65 4EU",
			Phone: "07700 900555", DateOfBirth: casefile.NewDate(1990, 11, 30)},
	}}
	x := casefile.NewIndex(c)
	a := &Application{Case: c, Respondent: x.Person("S1"), Protected: []*casefile.Person{x.Person("V1"), x.Person("V2")}}
	return newRedactor(a, "[withheld]")
}

func TestRedactorWithholdsDetailsInEveryForm(t *testing.T) {
	r := redactorFor(t)
	tests := []struct{ name, in, want string }{
		{"phone as written", "Call 07700 900123 now.", "Call [withheld] now."},
		{"phone without spaces", "Call 07700900123.", "Call [withheld]."},
		{"phone with +44", "Call +44 7700 900123.", "Call [withheld]."},
		{"phone with +44 and (0)", "Call +44 (0)7700 900123.", "Call [withheld]."},
		{"phone with 0044", "Call 0044 7700 900 123.", "Call [withheld]."},
		{"phone with dashes", "Call 07700-900-123.", "Call [withheld]."},
		{"phone with its area code in brackets", "Call (07700) 900123.", "Call [withheld]."},
		{"phone in brackets", "His number (07700 900123) is known.", "His number ([withheld]) is known."},
		{"phone with +44 (0) in brackets", "Hers (+44 (0)7700 900123).", "Hers ([withheld])."},
		{"phone with odd spacing", "Call 0 7 7 0 0 9 0 0 1 2 3.", "Call [withheld]."},
		{"phone given as +44", "Ring 01244 900789 or +441244900789.", "Ring [withheld] or [withheld]."},
		{"email", "Mail renee.marsh@example.org.", "Mail [withheld]."},
		{"email in capitals", "Mail RENEE.MARSH@EXAMPLE.ORG!", "Mail [withheld]!"},
		{"email with spaces", "Mail renee.marsh @ example.org", "Mail [withheld]"},
		{"protected person's email", "alys@example.com", "[withheld]"},
		{"ISO date of birth", "Born 1993-04-17.", "Born [withheld]."},
		{"date of birth with slashes", "Born 17/04/1993.", "Born [withheld]."},
		{"without leading zeros", "Born 17/4/1993.", "Born [withheld]."},
		{"with full stops", "Born 17.04.1993.", "Born [withheld]."},
		{"with dashes", "Born 17-04-1993.", "Born [withheld]."},
		{"two-digit year", "Born 17/04/93.", "Born [withheld]."},
		{"in words", "Born 17 April 1993.", "Born [withheld]."},
		{"ordinal", "Born 17th April 1993.", "Born [withheld]."},
		{"ordinal with of", "Born on the 17th of April 1993.", "Born on the [withheld]."},
		{"short month", "Born 17 Apr 1993.", "Born [withheld]."},
		{"month first", "Born April 17, 1993.", "Born [withheld]."},
		{"US digits", "Born 04/17/1993.", "Born [withheld]."},
		{"compact", "DOB 19930417", "DOB [withheld]"},
		{"in capitals", "BORN 17 APRIL 1993", "BORN [withheld]"},
		{"witness's date of birth", "9 Feb 1958 and 09/02/1958", "[withheld] and [withheld]"},
		{"address line", "She lives at 14 Lark Rise, Hoole.", "She lives at [withheld], [withheld]."},
		{"address line in other case and spacing", "outside 14  LARK\nrise", "outside [withheld]"},
		{"street without its number", "He walked down Lark Rise.", "He walked down [withheld]."},
		{"street without the space", "He walked down LarkRise.", "He walked down [withheld]."},
		{"postcode", "Postcode CH2 3QX.", "Postcode [withheld]."},
		{"postcode without its space", "Postcode ch23qx.", "Postcode [withheld]."},
		{"whole last line", "Chester CH2 3QX", "[withheld]"},
		{"house name without its accent", "He left flowers at Ty Newydd.", "He left flowers at [withheld]."},
		{"flat and street parts", "Flat 2, 41 Varden Close", "[withheld]"},
		{"street of a flat", "in Varden Close", "in [withheld]"},
		{"zero-width space", "Call 07700\u200b900123.", "Call [withheld]."},
		{"non-breaking space", "Call 07700\u00a0900123.", "Call [withheld]."},
		{"letters that fold alike", "He walked down LARK RI\u017fE.", "He walked down [withheld]."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, r.apply(tt.in))
		})
	}
}

func TestRedactorLeavesOtherTextAlone(t *testing.T) {
	r := redactorFor(t)
	for _, s := range []string{
		"Chester Magistrates' Court",                        // the post town alone is not withheld
		"Exhibit GP/1 and statement ST1",                    // references
		"07700 900124 and 07700 9001234",                    // other numbers, and a longer one
		"407700900123",                                      // the number inside a longer one
		"17/04/2019, 18 January 2025, 1993-04-18, 17 April", // other dates
		"on 17/04 at 19:93",                                 // digits that only look alike
		"Hooley Lane and Larkrises",                         // words that merely start alike
		"renee.marsh@example.org.uk",                        // another address
		"Daniel Reeve, Flat 3, 22 Canal Street, Ellesmere Port CH65 4EU, 07700 900555, 30 November 1990", // the respondent's own
		"Call 01244 000000",          // an officer's work number
		"Renée Marsh and Alys Marsh", // names are printed
	} {
		assert.Equal(t, s, r.apply(s))
	}
}

func TestRedactorWithNothingToWithholdChangesNothing(t *testing.T) {
	r := newRedactor(&Application{Case: &casefile.Case{}}, "[withheld]")
	assert.Equal(t, "14 Lark Rise, 07700 900123", r.apply("14 Lark Rise, 07700 900123"))
}

// checkWindows checks that the redactor finds in text exactly the matches
// a scan of the whole text with every pattern finds: the needles and
// windows only save time.
func checkWindows(t *testing.T, r *redactor, text string) {
	t.Helper()
	text = visible(text)
	var whole [][2]int
	for _, p := range r.patterns {
		whole = p.matchesIn(text, [2]int{0, len(text)}, whole)
	}
	byPlace := func(a, b [2]int) int { return cmp.Or(a[0]-b[0], a[1]-b[1]) }
	slices.SortFunc(whole, byPlace)
	got := r.spans(text)
	slices.SortFunc(got, byPlace)
	assert.Equal(t, whole, got, "in %q", text)
}

func TestRedactorFindsWhatAScanOfTheWholeTextFinds(t *testing.T) {
	r := redactorFor(t)
	fragments := []string{
		"Call +44 (0)7700 900123 or 0044 7700 900 123", "(07700) 900123", "0 7 7 0 0 9 0 0 1 2 3", "407700900123",
		"renee.marsh @ example.org.", "RENEE.MARSH@EXAMPLE.ORG.uk", "17th of April 1993", "April 17, 1993",
		"17/4/93", "1993-04-17", "19930417", "04/17/1993", "9 Feb 1958", "14 Lark Rise, Hoole", "LarkRise",
		"Ty Newydd", "Tŷ Newydd", "Flat 2, 41 Varden Close", "CH2 3QX", "ch23qx", "Chester CH2 3QX",
		"LARK RI\u017fE", "07700\u200b900123", "Hooley Lane and Larkrises", "on 17/04 at 19:93", "17/04/2019",
		"é", "—", "  \n\t", "93", "1993", "Ap", "ril",
	}
	var long strings.Builder
	for i := range 400 {
		long.WriteString(fragments[(i*7)%len(fragments)])
		long.WriteString([]string{" ", "", ", ", "\n", "-", "x"}[i%6])
	}
	texts := append([]string{long.String(), ""}, fragments...)
	for i := range fragments {
		texts = append(texts, fragments[i]+fragments[(i+1)%len(fragments)])
	}
	for _, text := range texts {
		checkWindows(t, r, text)
	}
}

// FuzzRedactor checks, on any text, that the redactor never panics and that
// its windows find what a scan of the whole text finds.
func FuzzRedactor(f *testing.F) {
	for _, s := range []string{"Call 07700 900123 now.", "Born 17th of April 1993.", "14 Lark Rise, Hoole",
		"renee.marsh@example.org", "(+44 (0)1244 900789)", "Tŷ Newydd \u200b CH2 3QX", "\xff\xfe7700"} {
		f.Add(s)
	}
	r := redactorFor(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkWindows(t, r, text)
		r.apply(text)
	})
}
