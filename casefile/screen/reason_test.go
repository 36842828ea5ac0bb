package screen

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/templates"
)

func TestEveryReasonCarriesTheFactsOfItsKindOnly(t *testing.T) {
	seen := map[string]bool{}
	for _, sc := range scenarios(t) {
		t.Run(sc.name, func(t *testing.T) {
			for _, r := range everyReason(Screen(sc.c, casefile.Date{})) {
				assert.NoError(t, r.Check())
				seen[r.Code] = true
			}
		})
	}
	// The scenarios are the screening's test corpus: a code none of them
	// produces is one no test has seen carry its facts.
	assert.Greater(t, len(seen), len(reasonCodes)*3/4, "codes seen: %v", slices.Sorted(maps.Keys(seen)))
}

func TestReasonCheckRefusesTheWrongFacts(t *testing.T) {
	tests := []struct {
		name    string
		r       Reason
		wantErr string
	}{
		{"an unknown code", Reason{Code: "repeated.sometimes"}, "unknown reason code"},
		{"no facts where a span is due", Reason{Code: "repeated.occasions"}, `its kind is "span"`},
		{"a tally where a span is due", Reason{Code: "repeated.occasions", Tally: &Tally{}}, `first "tally"`},
		{"two kinds", Reason{Code: "repeated.occasions", Span: &Span{}, Tally: &Tally{}}, "carries 2 kinds"},
		{"facts on a code that has none", Reason{Code: "repeated.none", Span: &Span{}}, `its kind is ""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.ErrorContains(t, tt.r.Check(), tt.wantErr)
		})
	}
	assert.NoError(t, Reason{Code: "repeated.occasions", Span: &Span{Count: 2}}.Check())
	assert.NoError(t, Reason{Code: "repeated.none"}.Check())
}

// factsOf returns facts of the kind with a distinct value in every field,
// as a wording unit might read them.
func factsOf(k ReasonKind) Reason {
	d1, d2 := casefile.NewDate(2025, 3, 1), casefile.NewDate(2025, 4, 9)
	var r Reason
	switch k {
	case SpanFacts:
		r.Span = &Span{Count: 7, From: d1, To: d2, Days: 39}
	case GapFacts:
		r.Gap = &Gap{From: d1, To: d2, Days: 39}
	case HalvesFacts:
		r.Halves = &Halves{From: d1, To: d2, Earlier: 2, Later: 9}
	case AfterFacts:
		r.After = &After{Date: d1, Following: 3, Warning: casefile.PoliceWarning, Says: "keep away", Phrase: "leave me alone", Reference: "CR/1"}
	case TallyFacts:
		r.Tally = &Tally{Count: 3, Of: 9, Online: 2, Items: []string{"Instagram"}}
	case OccasionFacts:
		r.Occasion = &Occasion{Date: d1, Time: casefile.Clock{Hour: 23, Minute: 10, Set: true}, Place: "1 Mill Lane", Phrase: "fake profile"}
	case ElementFacts:
		r.Element = &Element{Shows: "two occasions", Deadline: d2}
	case InclusionFacts:
		r.Inclusion = &Inclusion{Reference: "CR/1", Class: "8Q", Status: "verified", Names: []string{"Ann Cole"}}
	case ConsiderationFacts:
		r.Consideration = &Consideration{Decision: casefile.Decision("apply"), Date: d1, By: "Ada Price", Why: "risk"}
	case ApplicationFacts:
		r.Application = &Application{Court: "Northtown Magistrates' Court", Protected: []string{"Ann Cole"}, Occasions: 4}
	case BreachFacts:
		r.Breach = &OrderBreach{Order: "ORD1", Served: d1, Count: 2}
	case DeadlineFacts:
		r.Deadline = &Deadline{LastDay: d2, Alternatives: []string{"Stalking involving fear of violence"}}
	case MoveFacts:
		r.Move = &Move{OnlineBefore: 3, Physical: 2, FirstOnline: d1, FirstPhysical: d2}
	}
	return r
}

// Every code's wording is rendered from its kind's facts alone: a unit that
// reads another kind's field fails (a nil field), or prints nothing where
// it guards the field with "with".
func TestEveryReasonCodeIsWordedFromTheFactsOfItsKind(t *testing.T) {
	s := Screen(sampleCase(), casefile.Date{})
	set := templates.Default()
	for _, code := range slices.Sorted(maps.Keys(reasonCodes)) {
		t.Run(code, func(t *testing.T) {
			r := factsOf(reasonCodes[code])
			r.Code, r.Victim, r.Name, r.Test, r.Citation = code, "V1", "Ann Cole", "a test", "PHA 1997 s.2A"
			require.NoError(t, r.Check())
			w := &reporter{s: &s, r: set.Renderer()}
			text := w.r.Text("screen.reason."+code, w.data(r))
			require.NoError(t, w.r.Err())
			assert.NotEmpty(t, strings.TrimSpace(text))
		})
	}
}

func TestEveryReasonCodeHasAWordingUnitAndEveryReasonUnitACode(t *testing.T) {
	var units []string
	for _, n := range templates.Default().Names() {
		if code, ok := strings.CutPrefix(n, "screen.reason."); ok {
			units = append(units, code)
		}
	}
	assert.ElementsMatch(t, slices.Collect(maps.Keys(reasonCodes)), units)
}

func TestReasonFactsSitUnderTheKeyOfTheirKind(t *testing.T) {
	for _, k := range slices.Sorted(maps.Values(reasonCodes)) {
		if k == NoFacts {
			continue
		}
		r := factsOf(k)
		r.Code = "x"
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var doc map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(b, &doc))
		assert.Contains(t, doc, string(k))
		assert.Equal(t, k, r.Kind())
	}
}

func TestAWarningOrOrderIsNamedInWords(t *testing.T) {
	c := ordered(screenCase("2025-06-01", occ("I1", "2025-03-01", "Rang her."), occ("I2", "2025-03-10", "Rang her.")),
		casefile.PoliceWarning, "2025-03-05", "S1", "V1")
	rep, err := Screen(c, casefile.Date{}).Report(templates.Default())
	require.NoError(t, err)
	var texts []string
	for _, l := range rep.Lines() {
		for _, r := range l.Reasons {
			if r.Code == "unwanted.order" {
				texts = append(texts, r.Text)
			}
		}
	}
	require.Len(t, texts, 1)
	assert.Contains(t, texts[0], "followed the police warning of 5 March 2025")
}

// A reason's facts are typed by its kind: switch on Kind, then read the
// field it names.
func ExampleReason_Kind() {
	c, _ := casefile.Sample()
	for _, r := range Screen(c, casefile.Date{}).FOUR[3].Reasons { // repeated
		switch r.Kind() {
		case SpanFacts:
			fmt.Printf("%s: %d occasions towards %s over %d days\n", r.Code, r.Span.Count, r.Name, r.Span.Days)
		case NoFacts:
			fmt.Println(r.Code)
		}
	}
	// Output:
	// repeated.occasions: 8 occasions towards Siân Pryce over 173 days
}
