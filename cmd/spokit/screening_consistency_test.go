package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spokit/spokit/casefile/screen"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/spokit/spokit/templates"
)

// singleMessageCase is one abusive message and nothing else: the FOUR
// indicators absent or unknown.
const singleMessageCase = `{
  "format": "spokit.case/v1", "urn": "07CW0999125", "as_of": "2025-03-01",
  "force": {"name": "Cheshire Constabulary", "code": "07"}, "officer_in_case": "O1",
  "people": [
    {"id": "V1", "role": "victim", "forenames": "Mirela", "surname": "Dunn"},
    {"id": "S1", "role": "suspect", "forenames": "Colm", "surname": "Varley"},
    {"id": "O1", "role": "officer", "forenames": "Ada", "surname": "Price", "rank": "DC"}
  ],
  "incidents": [
    {"id": "M1", "date": "2025-02-10", "time": "21:05", "location": "WhatsApp", "online": true, "behaviours": ["contacting"],
     "victims": ["V1"], "description": "Sent one message calling her worthless and vile."}
  ]
}`

// neighbourCase is two unrelated arguments with a neighbour, the first
// recorded as a crime: some indicators present, one unknown with no
// incidents.
const neighbourCase = `{
  "format": "spokit.case/v1", "urn": "07CW0888125", "as_of": "2025-08-01",
  "force": {"name": "Cheshire Constabulary", "code": "07"}, "officer_in_case": "O1",
  "people": [
    {"id": "V1", "role": "victim", "forenames": "Mirela", "surname": "Dunn"},
    {"id": "S1", "role": "suspect", "forenames": "Colm", "surname": "Varley"},
    {"id": "O1", "role": "officer", "forenames": "Ada", "surname": "Price", "rank": "DC"}
  ],
  "relationships": [{"between": ["S1", "V1"], "type": "neighbour"}],
  "incidents": [
    {"id": "N1", "date": "2025-03-02", "location": "Garden fence, Quarry Lane", "behaviours": ["other"], "victims": ["V1"],
     "description": "Shouted at her over the garden fence about the height of her hedge.", "crime_reference": "CC-25-000111"},
    {"id": "N2", "date": "2025-05-20", "location": "Quarry Lane", "behaviours": ["other"], "victims": ["V1"],
     "description": "Argued with her in the street about where she parks her car."}
  ]
}`

// indicatorView is what one output shows of a FOUR indicator: its state
// ("present", "absent" or "unknown") and the incidents it rests on, in
// chronology order.
type indicatorView struct {
	State     string
	Incidents []string
}

// fourView is one output's FOUR indicators, by kind.
type fourView map[string]indicatorView

// chronology orders incident ids as the screening's chronology does.
type chronology []string

func (ch chronology) sort(ids []string) []string {
	out := slices.Clone(ids)
	slices.SortStableFunc(out, func(a, b string) int { return ch.place(a) - ch.place(b) })
	return slices.Compact(out)
}

func (ch chronology) place(id string) int {
	if i := slices.Index(ch, id); i >= 0 {
		return i
	}
	return len(ch)
}

// wording maps the report's words for the FOUR indicators back to data:
// each label to its kind, each state in words to its state.
type wording struct {
	four, next string // the headings of the FOUR part and the part after it
	kinds      map[string]string
	states     map[string]string
}

func wordingOf(rep screen.ScreeningReport) wording {
	w := wording{four: rep.Sections[0].Heading, next: rep.Sections[1].Heading, kinds: map[string]string{}, states: map[string]string{}}
	for _, l := range rep.Sections[0].Lines {
		w.kinds[l.Label] = strings.TrimPrefix(l.Key, "four.")
	}
	for _, l := range rep.Lines() {
		if l.StateText != "" {
			w.states[l.StateText] = l.State
		}
	}
	return w
}

func fromLibrary(s screen.Screening, ch chronology) fourView {
	v := fourView{}
	for _, ind := range s.FOUR {
		var ids []string
		for _, r := range ind.Reasons {
			ids = append(ids, r.Incidents...)
		}
		v[string(ind.Kind)] = indicatorView{State: ind.State.String(), Incidents: ch.sort(ids)}
	}
	return v
}

// fromJSON reads the indicators from "spokit screen --json" as any JSON
// reader would, without the library's types.
func fromJSON(t *testing.T, out string, ch chronology) fourView {
	var doc struct {
		Four []struct {
			Kind    string `json:"kind"`
			State   string `json:"state"`
			Reasons []struct {
				Incidents []string `json:"incidents"`
			} `json:"reasons"`
		} `json:"four"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	v := fourView{}
	for _, ind := range doc.Four {
		var ids []string
		for _, r := range ind.Reasons {
			ids = append(ids, r.Incidents...)
		}
		v[ind.Kind] = indicatorView{State: ind.State, Incidents: ch.sort(ids)}
	}
	return v
}

// evidenceRE finds the incidents printed after each reason, e.g.
// "(incidents I1, I2 and I8)".
var evidenceRE = regexp.MustCompile(`\(incidents? ([^)]*)\)`)

// fromMG5 reads the indicators from the text of the MG5's FOUR table: a row
// starts with an indicator's label and its state, and runs to the next; the
// page furniture a row may straddle is skipped.
func fromMG5(t *testing.T, text, marking string, w wording, ch chronology) fourView {
	lines := strings.Split(text, "\n")
	start := slices.IndexFunc(lines, func(l string) bool { return strings.TrimSpace(l) == w.four })
	require.GreaterOrEqual(t, start, 0, "the MG5 has no FOUR part")
	end := slices.IndexFunc(lines[start:], func(l string) bool { return strings.TrimSpace(l) == w.next })
	require.Positive(t, end, "the MG5's FOUR part does not end")
	labels := make([]string, 0, len(w.kinds))
	for l := range w.kinds {
		labels = append(labels, regexp.QuoteMeta(l))
	}
	states := make([]string, 0, len(w.states))
	for s := range w.states {
		states = append(states, regexp.QuoteMeta(s))
	}
	rowRE := regexp.MustCompile(`^\s*(` + strings.Join(labels, "|") + `)\s{2,}(` + strings.Join(states, "|") + `)(\s{2,}|$)(.*)$`)
	furniture := regexp.MustCompile(`^(Page \d+ of \d+|URN .*|Screened for\s.*|` + regexp.QuoteMeta(marking) + `)$`)

	rows := map[string]*strings.Builder{}
	v := fourView{}
	var current string
	for _, l := range lines[start : start+end] {
		l = strings.Trim(l, "\f")
		if m := rowRE.FindStringSubmatch(l); m != nil {
			current = w.kinds[m[1]]
			v[current] = indicatorView{State: w.states[m[2]]}
			rows[current] = &strings.Builder{}
			rows[current].WriteString(m[4])
			continue
		}
		if current != "" && !furniture.MatchString(strings.TrimSpace(l)) {
			rows[current].WriteString(" " + strings.TrimSpace(l))
		}
	}
	for kind, row := range rows {
		var ids []string
		for _, m := range evidenceRE.FindAllStringSubmatch(strings.Join(strings.Fields(row.String()), " "), -1) {
			ids = append(ids, strings.Split(strings.ReplaceAll(m[1], " and ", ", "), ", ")...)
		}
		v[kind] = indicatorView{State: v[kind].State, Incidents: ch.sort(ids)}
	}
	return v
}

// fromWorkbook reads the indicators from the workbook's Screening sheet as
// openpyxl sees it: the rows of the FOUR part, by label, state and the
// incidents column.
func fromWorkbook(t *testing.T, xlsx []byte, w wording, ch chronology) fourView {
	var rows [][5]*string
	realclient.OpenpyxlJSON(t, xlsx, `
ws = wb["Screening"]
print(json.dumps([[None if c is None else str(c) for c in r] for r in ws.iter_rows(min_row=2, max_col=5, values_only=True)]))
`, &rows)
	v := fourView{}
	for _, r := range rows {
		if r[0] == nil || *r[0] != w.four {
			continue
		}
		require.NotNil(t, r[1])
		require.NotNil(t, r[2])
		var ids []string
		if r[4] != nil {
			ids = strings.Split(*r[4], ", ")
		}
		v[w.kinds[*r[1]]] = indicatorView{State: w.states[*r[2]], Incidents: ch.sort(ids)}
	}
	return v
}

func TestScreeningIndicatorsAgreeInTheLibraryTheJSONTheCaseReviewAndTheWorkbook(t *testing.T) {
	scenario := func(doc string) func(t *testing.T) []string {
		return func(t *testing.T) []string {
			path := filepath.Join(t.TempDir(), "case.json")
			require.NoError(t, os.WriteFile(path, []byte(doc), 0o644))
			return []string{path}
		}
	}
	tests := []struct {
		name string
		args func(t *testing.T) []string // choose the case on the command line
	}{
		{name: "the sample", args: func(*testing.T) []string { return []string{"--sample"} }},
		{name: "a single abusive message", args: scenario(singleMessageCase)},
		{name: "two arguments with a neighbour", args: scenario(neighbourCase)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args(t)
			var c *casefile.Case
			if args[0] == "--sample" {
				c, _ = casefile.Sample()
			} else {
				f, err := os.Open(args[0])
				require.NoError(t, err)
				defer f.Close()
				c, err = casefile.Decode(f)
				require.NoError(t, err)
			}
			s := screen.Screen(c, casefile.Date{})
			rep, err := s.Report(templates.Default())
			require.NoError(t, err)
			ch, w := chronology(s.Incidents), wordingOf(rep)

			library := fromLibrary(s, ch)
			require.Len(t, library, 4)

			status, out, errOut := screenCmd(t, append([]string{"--json"}, args...)...)
			require.Equal(t, exitOK, status, errOut)

			dir := filepath.Join(t.TempDir(), "out")
			status, _, errOut = spokit(t, append([]string{"build", "-o", dir}, args...)...)
			require.Equal(t, exitOK, status, errOut)
			mg5, err := os.ReadFile(filepath.Join(dir, "case-review.pdf"))
			require.NoError(t, err)
			xlsx, err := os.ReadFile(filepath.Join(dir, "prosecution.xlsx"))
			require.NoError(t, err)

			assert.Equal(t, library, fromJSON(t, out, ch), "spokit screen --json")
			assert.Equal(t, library, fromMG5(t, realclient.PDFText(t, mg5), c.PageMarking(), w, ch), "the case review's text")
			assert.Equal(t, library, fromWorkbook(t, xlsx, w, ch), "the workbook's Screening sheet")
		})
	}
}
