package mgform_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/spokit/spokit/casefile/screen"

	"github.com/spokit/spokit/casefile/mgform"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/law"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/spokit/spokit/templates"
)

// unicodeMark is appended to case text so that every form shows whether
// pound signs, accents and Welsh circumflexes survive the trip to the PDF.
const unicodeMark = "£12.50 café Tŷ ŵ Ŵ"

// sampleCase returns the embedded sample case.
func sampleCase(t *testing.T) *casefile.Case {
	t.Helper()
	c, _ := casefile.Sample()
	return c
}

// exampleCase returns the shared example case of the format documentation.
func exampleCase(t *testing.T) *casefile.Case {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "case-example.json"))
	require.NoError(t, err)
	defer f.Close()
	c, err := casefile.Decode(f)
	require.NoError(t, err)
	return c
}

// withUnicode appends unicodeMark to the case text each form prints.
func withUnicode(c *casefile.Case) *casefile.Case {
	for i := range c.Incidents {
		c.Incidents[i].Description += " " + unicodeMark
	}
	for i := range c.Statements {
		c.Statements[i].Text += " " + unicodeMark
	}
	for i := range c.Exhibits {
		c.Exhibits[i].Description += " " + unicodeMark
	}
	for i := range c.UnusedMaterial {
		c.UnusedMaterial[i].Description += " " + unicodeMark
	}
	for i := range c.RiskAssessments {
		c.RiskAssessments[i].Summary += " " + unicodeMark
	}
	for i := range c.People {
		c.People[i].Address += "\n" + unicodeMark
	}
	return c
}

// writeForm writes the named form of c, or its case review for
// "case-review".
func writeForm(t testing.TB, c *casefile.Case, name string, opts mgform.Options) []byte {
	t.Helper()
	if name == "case-review" {
		var buf bytes.Buffer
		require.NoError(t, mgform.WriteCaseReview(&buf, c, opts))
		return buf.Bytes()
	}
	for _, f := range mgform.Forms(c) {
		if f.Name == name {
			var buf bytes.Buffer
			require.NoError(t, f.Write(&buf, opts), name)
			return buf.Bytes()
		}
	}
	t.Fatalf("no form %s", name)
	return nil
}

// pageTexts returns the text of every page, as pdftotext -layout reads it.
func pageTexts(t *testing.T, pdf []byte) []string {
	t.Helper()
	n := realclient.PDFPages(t, pdf)
	pages := make([]string, n)
	for p := range pages {
		pages[p] = realclient.PageText(t, pdf, p+1)
	}
	return pages
}

func nonBlankLines(s string) []string {
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, strings.TrimSpace(l))
		}
	}
	return out
}

// person returns the person with the given id.
func person(t *testing.T, c *casefile.Case, id string) *casefile.Person {
	t.Helper()
	p := casefile.NewIndex(c).Person(id)
	require.NotNil(t, p, id)
	return p
}

// expectations lists what each form of a case must show.
func expectations(t *testing.T, c *casefile.Case) map[string][]string {
	t.Helper()
	x := casefile.NewIndex(c)
	want := map[string][]string{}
	all := []string{c.URN}
	for _, s := range x.Suspects() {
		all = append(all, s.Name())
	}
	for _, name := range []string{"MG3.pdf", "MG5.pdf", "MG6C.pdf", "MG6D.pdf", "MG9.pdf", "MG12.pdf"} {
		want[name] = append([]string(nil), all...)
	}
	for _, in := range c.Incidents {
		want["MG5.pdf"] = append(want["MG5.pdf"], in.ID, in.Date.Long(), unicodeMark)
		want["case-review"] = append(want["case-review"], in.ID)
	}
	for _, s := range c.Statements {
		maker := person(t, c, s.Person)
		want["MG5.pdf"] = append(want["MG5.pdf"], s.ID, maker.Name())
		want["MG9.pdf"] = append(want["MG9.pdf"], maker.Name(), s.ID, s.Date.Long(), unicodeMark)
		if maker.Phone != "" {
			want["MG9.pdf"] = append(want["MG9.pdf"], maker.Phone)
		}
		want["MG11-"+s.ID+".pdf"] = []string{c.URN, "Statement of", maker.Name(), ageBox(s), s.Date.Long(), unicodeMark}
		want["MG11-"+s.ID+"-contact.pdf"] = []string{c.URN, maker.Name(), "Witness contact details — NOT FOR DISCLOSURE"}
	}
	for _, e := range c.Exhibits {
		want["MG5.pdf"] = append(want["MG5.pdf"], e.Ref)
		want["MG12.pdf"] = append(want["MG12.pdf"], e.Ref, unicodeMark, person(t, c, e.ProducedBy).Name())
	}
	for _, u := range c.UnusedMaterial {
		if u.Sensitive {
			want["MG6D.pdf"] = append(want["MG6D.pdf"], u.ID, u.Reason, unicodeMark, "NOT FOR DISCLOSURE")
		} else {
			want["MG6C.pdf"] = append(want["MG6C.pdf"], u.ID, u.Location, unicodeMark, "CPS use (D / CND / I)", "Reviewing lawyer")
		}
	}
	for _, ch := range c.Charges {
		want["MG5.pdf"] = append(want["MG5.pdf"], "Charge "+ch.ID)
		want["MG3.pdf"] = append(want["MG3.pdf"], "Charge "+ch.ID, "Mode of trial", "Maximum penalty", "Protection from Harassment Act 1997")
	}
	for _, ra := range c.RiskAssessments {
		want["MG3.pdf"] = append(want["MG3.pdf"], string(ra.Tool), unicodeMark)
	}
	want["MG3.pdf"] = append(want["MG3.pdf"], "NOT FOR DISCLOSURE", "Prosecutor's decision", c.SPO.VictimViews)
	want["MG9.pdf"] = append(want["MG9.pdf"], "NOT FOR DISCLOSURE")
	return want
}

// assertWords checks that every word of phrase is in text. Table cells wrap,
// and pdftotext -layout prints the lines of neighbouring cells side by side,
// so a phrase in a cell need not come back in one piece.
func assertWords(t *testing.T, text, phrase string) {
	t.Helper()
	for _, w := range strings.Fields(phrase) {
		assert.Contains(t, text, w, "from %q", phrase)
	}
}

func TestFormsListsEveryFormInOrder(t *testing.T) {
	var names []string
	for _, f := range mgform.Forms(sampleCase(t)) {
		names = append(names, f.Name)
	}
	assert.Equal(t, []string{"MG3.pdf", "MG5.pdf", "MG6C.pdf", "MG6D.pdf", "MG9.pdf",
		"MG11-ST1.pdf", "MG11-ST1-contact.pdf", "MG11-ST2.pdf", "MG11-ST2-contact.pdf", "MG11-ST3.pdf", "MG11-ST3-contact.pdf",
		"MG11-ST4.pdf", "MG11-ST4-contact.pdf", "MG12.pdf"}, names)
}

func TestEachFormDeclaresItsAudience(t *testing.T) {
	want := map[string]casefile.Audience{
		"MG3.pdf": casefile.AudienceProsecution, "MG5.pdf": casefile.AudienceDefence, "MG6C.pdf": casefile.AudienceDefence,
		"MG6D.pdf": casefile.AudienceProsecution, "MG9.pdf": casefile.AudienceProsecution, "MG12.pdf": casefile.AudienceDefence,
		"MG11-ST1.pdf": casefile.AudienceDefence, "MG11-ST1-contact.pdf": casefile.AudienceProsecution,
	}
	for _, f := range mgform.Forms(sampleCase(t)) {
		if a, ok := want[f.Name]; ok {
			assert.Equal(t, a, f.Audience, f.Name)
		}
	}
}

func TestStatementIDsMakeSafeFileNames(t *testing.T) {
	tests := []struct {
		name    string
		ids     []string
		want    []string
		wantErr []string // per id: "" when Write succeeds, else part of the error
	}{
		{name: "plain ids", ids: []string{"ST1", "st-2.v2"}, want: []string{"MG11-ST1.pdf", "MG11-st-2.v2.pdf"}, wantErr: []string{"", ""}},
		{name: "path separators and other characters", ids: []string{`a/b\c d`, "Tŷ"}, want: []string{"MG11-a_b_c_d.pdf", "MG11-T_.pdf"}, wantErr: []string{"", ""}},
		{name: "a path that climbs", ids: []string{"../x"}, want: []string{"MG11-.._x.pdf"}, wantErr: []string{"cannot be used in a file name"}},
		{name: "a hidden name", ids: []string{".st"}, want: []string{"MG11-.st.pdf"}, wantErr: []string{"cannot be used in a file name"}},
		{name: "an empty id", ids: []string{""}, want: []string{"MG11-.pdf"}, wantErr: []string{"cannot be used in a file name"}},
		{name: "ids that clash once mapped", ids: []string{"a/b", "a_b"}, want: []string{"MG11-a_b.pdf", "MG11-a_b.pdf"}, wantErr: []string{"", "would both be written to MG11-a_b.pdf"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sampleCase(t)
			base := c.Statements[0]
			c.Statements = nil
			for _, id := range tt.ids {
				s := base
				s.ID = id
				c.Statements = append(c.Statements, s)
			}
			var got []mgform.Form
			for _, f := range mgform.Forms(c) {
				if strings.HasPrefix(f.Name, "MG11") && !strings.HasSuffix(f.Name, "-contact.pdf") {
					got = append(got, f)
				}
			}
			require.Len(t, got, len(tt.ids))
			for i, f := range got {
				assert.Equal(t, tt.want[i], f.Name)
				assert.Equal(t, f.Name, filepath.Base(f.Name), "a bare file name")
				err := f.Write(&bytes.Buffer{}, mgform.Options{})
				if tt.wantErr[i] == "" {
					assert.NoError(t, err)
				} else {
					require.Error(t, err)
					assert.Contains(t, err.Error(), tt.wantErr[i])
				}
			}
		})
	}
}

func TestEveryFormReadsBackWithItsKeyContent(t *testing.T) {
	cases := map[string]*casefile.Case{
		"sample":  withUnicode(sampleCase(t)),
		"example": withUnicode(exampleCase(t)),
	}
	for caseName, c := range cases {
		want := expectations(t, c)
		for _, form := range mgform.Forms(c) {
			t.Run(caseName+"/"+form.Name, func(t *testing.T) {
				var buf bytes.Buffer
				require.NoError(t, form.Write(&buf, mgform.Options{}))
				pdf := buf.Bytes()
				realclient.QPDFCheck(t, pdf)
				text := realclient.PDFText(t, pdf)
				for _, w := range want[form.Name] {
					assertWords(t, text, w)
				}
				pages := pageTexts(t, pdf)
				for i, page := range pages {
					lines := nonBlankLines(page)
					require.NotEmpty(t, lines)
					assert.Equal(t, c.PageMarking(), lines[0], "top marking, page %d", i+1)
					assert.Equal(t, c.PageMarking(), lines[len(lines)-1], "bottom marking, page %d", i+1)
					assert.Regexp(t, `^URN `+c.URN+`\s+MG\d+[CD]? `, lines[1], "header, page %d", i+1)
					assert.Regexp(t, fmt.Sprintf(`Page %d of %d$`, i+1, len(pages)), lines[len(lines)-2], "footer, page %d", i+1)
				}
			})
		}
	}
}

func TestOnlyNonDisclosableFormsSaySo(t *testing.T) {
	c := sampleCase(t)
	restricted := map[string]bool{"MG3.pdf": true, "MG6D.pdf": true, "MG9.pdf": true}
	for _, s := range c.Statements {
		restricted["MG11-"+s.ID+"-contact.pdf"] = true
	}
	for _, form := range mgform.Forms(c) {
		t.Run(form.Name, func(t *testing.T) {
			pdf := writeForm(t, c, form.Name, mgform.Options{})
			for i, page := range pageTexts(t, pdf) {
				lines := nonBlankLines(page)
				if restricted[form.Name] {
					assert.Equal(t, "NOT FOR DISCLOSURE", lines[2], "page %d", i+1)
				} else {
					assert.NotContains(t, page, "NOT FOR DISCLOSURE", "page %d", i+1)
				}
			}
		})
	}
}

// contactDetails returns the contact details and dates of birth of the
// victims and witnesses, leaving out address lines that the case also uses
// in its own text, such as the place of an incident or where an exhibit was
// seized (those print wherever that text does).
func contactDetails(c *casefile.Case) []string {
	var places strings.Builder
	for _, in := range c.Incidents {
		places.WriteString(in.Location + "\n" + in.Description + "\n")
	}
	for _, e := range c.Exhibits {
		places.WriteString(e.SeizedPlace + "\n" + e.Description + "\n")
	}
	var out []string
	for _, p := range c.People {
		if p.Role == casefile.RoleSuspect || p.Role == casefile.RoleOfficer {
			continue
		}
		for l := range strings.SplitSeq(p.Address, "\n") {
			if l != "" && !strings.Contains(places.String(), l) {
				out = append(out, l)
			}
		}
		for _, s := range []string{p.Phone, p.Email, p.DateOfBirth.Short(), p.DateOfBirth.Long()} {
			if s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

func TestDisclosedFormsCarryNoVictimOrWitnessContactDetails(t *testing.T) {
	for name, c := range map[string]*casefile.Case{"sample": sampleCase(t), "example": exampleCase(t)} {
		details := contactDetails(c)
		require.NotEmpty(t, details)
		for _, form := range []string{"MG5.pdf", "MG6C.pdf", "MG12.pdf"} {
			t.Run(name+"/"+form, func(t *testing.T) {
				text := realclient.PDFText(t, writeForm(t, c, form, mgform.Options{}))
				for _, d := range details {
					assert.NotContains(t, text, d)
				}
			})
		}
	}
}

func TestMG11ContactPageIsAFileOfItsOwn(t *testing.T) {
	c := sampleCase(t)
	s := c.Statements[0]
	maker := person(t, c, s.Person)
	pages := pageTexts(t, writeForm(t, c, "MG11-"+s.ID+".pdf", mgform.Options{}))
	n := len(pages)
	for i, page := range pages {
		assert.Contains(t, page, fmt.Sprintf("Statement of %s: page %d of %d", maker.Name(), i+1, n))
		assert.Contains(t, page, "Signature witnessed by:")
		assert.NotContains(t, page, "Witness contact details")
		for _, d := range []string{maker.Phone, maker.Email, maker.DateOfBirth.Long()} {
			assert.NotContains(t, page, d, "statement page %d", i+1)
		}
	}
	assert.Equal(t, n, pageCountBox(t, pages[0]))
	contact := pageTexts(t, writeForm(t, c, "MG11-"+s.ID+"-contact.pdf", mgform.Options{}))
	require.Len(t, contact, 1)
	assert.Contains(t, contact[0], "Witness contact details — NOT FOR DISCLOSURE")
	for _, d := range []string{maker.Phone, maker.Email, maker.DateOfBirth.Long(), "Tŷ Gwyn", "screens; live link", "11 May 2026"} {
		assert.Contains(t, contact[0], d)
	}
	assert.NotContains(t, contact[0], "Statement of "+maker.Name()+": page")
}

// pageCountBox returns the number in the "Number of pages" box of an MG11
// first page.
func pageCountBox(t *testing.T, page string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^\s*Number of pages\s+(\d+)\s*$`).FindStringSubmatch(page)
	require.NotNil(t, m, "no page count box in:\n%s", page)
	n, err := strconv.Atoi(m[1])
	require.NoError(t, err)
	return n
}

func TestMG11PrintsPlaceholderLookalikesAsWritten(t *testing.T) {
	const said = "He sprayed {pdfdoc:pages} and {pdfdoc:group-pages} and {nb} on my door."
	c := sampleCase(t)
	s := &c.Statements[0]
	s.Text = said + "\n\n" + words(3000, 150)
	s.Place = "Flat {nb}, {pdfdoc:group-pages} House"
	pdf := writeForm(t, c, "MG11-"+s.ID+".pdf", mgform.Options{})
	pages := pageTexts(t, pdf)
	n := len(pages)
	require.Greater(t, n, 3)
	assert.Contains(t, squeeze(strings.Join(pages, "\n")), said)
	assert.Contains(t, pages[0], s.Place)
	assert.Equal(t, n, pageCountBox(t, pages[0]), "the statement's own pages")
	assert.Contains(t, squeeze(pages[0]), mgform.MG11Declaration(strconv.Itoa(n)))
}

func TestMG11FirstPageFields(t *testing.T) {
	tests := []struct {
		name string
		edit func(s *casefile.Statement)
		want []string
	}{
		{name: "adult", edit: func(*casefile.Statement) {}, want: []string{"Age if under 18", "Over 18", "Veterinary nurse", "Llandudno Police Station", "DC Leah Brennan 2318"}},
		{name: "child with age", edit: func(s *casefile.Statement) { no := false; s.Over18, s.Age = &no, 16 }, want: []string{"Age if under 18   16"}},
		{name: "video recorded", edit: func(s *casefile.Statement) { s.VideoRecorded = true }, want: []string{"visually recorded interview"}},
		{name: "no text", edit: func(s *casefile.Statement) { s.Text = "" }, want: []string{"not recorded on the case file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sampleCase(t)
			tt.edit(&c.Statements[0])
			page := realclient.PageText(t, writeForm(t, c, "MG11-ST1.pdf", mgform.Options{}), 1)
			for _, w := range tt.want {
				assert.Contains(t, squeeze(page), squeeze(w))
			}
		})
	}
}

// squeeze collapses runs of spaces, for text that pdftotext -layout spaces
// out in columns.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestWriteMG11RefusesAnUnknownStatement(t *testing.T) {
	err := mgform.WriteMG11(&bytes.Buffer{}, sampleCase(t), "ST9", mgform.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `no statement "ST9"`)
}

// words returns n numbered words in paragraphs of per words each.
func words(n, per int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString("w" + strconv.Itoa(i))
		switch {
		case i == n:
		case i%per == 0:
			b.WriteString("\n\n")
		default:
			b.WriteString(" ")
		}
	}
	return b.String()
}

func TestLongStatementPaginatesWithoutLosingWords(t *testing.T) {
	const total = 36000
	c := sampleCase(t)
	c.Statements[0].Text = words(total, 150)
	pdf := writeForm(t, c, "MG11-ST1.pdf", mgform.Options{})
	pages := pageTexts(t, pdf)
	n := len(pages)
	require.Greater(t, n, 55, "about sixty pages")
	assert.Equal(t, n, pageCountBox(t, pages[0]))
	for i, page := range pages {
		assert.Contains(t, page, fmt.Sprintf("Statement of Siân Pryce: page %d of %d", i+1, n))
		assert.Contains(t, page, fmt.Sprintf("Page %d of %d", i+1, n))
	}
	found := regexp.MustCompile(`\bw(\d+)\b`).FindAllStringSubmatch(strings.Join(pages, "\n"), -1)
	require.Len(t, found, total, "every word printed once")
	for i, m := range found {
		if m[1] != strconv.Itoa(i+1) {
			t.Fatalf("word %d is w%s: words lost or out of order", i+1, m[1])
		}
	}
}

func TestChronologyTableRepeatsItsHeaderOnEveryPage(t *testing.T) {
	c := sampleCase(t)
	base := c.Incidents[1]
	c.Incidents = nil
	start := casefile.NewDate(2024, 1, 1)
	for i := range 300 {
		in := base
		in.ID = fmt.Sprintf("I%d", i+1)
		in.Date = start.AddDays(i * 2)
		in.Description = fmt.Sprintf("Occasion %d: sent messages after being told to stop.", i+1)
		c.Incidents = append(c.Incidents, in)
	}
	c.Charges[0].From, c.Charges[0].To = casefile.Date{}, casefile.Date{}
	pdf := writeForm(t, c, "MG5.pdf", mgform.Options{})
	header := regexp.MustCompile(`Ref\.\s+Date\s+Place\s+What happened\s+Behaviour\s+Evidence`)
	row := regexp.MustCompile(`(?m)^\s*I(\d+)\s+(\d{1,2} [A-Z][a-z]+ \d{4})`)
	seen := map[string]bool{}
	pagesWithRows := 0
	for i, page := range pageTexts(t, pdf) {
		rows := row.FindAllStringSubmatch(page, -1)
		if len(rows) == 0 {
			continue
		}
		pagesWithRows++
		assert.Regexp(t, header, page, "chronology header on page %d", i+1)
		for _, r := range rows {
			seen[r[1]] = true
		}
	}
	assert.Greater(t, pagesWithRows, 10)
	assert.Len(t, seen, 300, "every occasion is in the table")
	text := realclient.PDFText(t, pdf)
	for _, in := range c.Incidents {
		assert.Contains(t, text, in.Date.Long())
	}
	realclient.QPDFCheck(t, pdf)
}

func TestBuildingTwiceGivesIdenticalBytes(t *testing.T) {
	for _, form := range mgform.Forms(sampleCase(t)) {
		t.Run(form.Name, func(t *testing.T) {
			first := writeForm(t, sampleCase(t), form.Name, mgform.Options{Draft: true})
			second := writeForm(t, sampleCase(t), form.Name, mgform.Options{Draft: true})
			assert.True(t, bytes.Equal(first, second), "same case, same bytes")
			assert.Equal(t, "2026-03-02T00:00:00Z", realclient.Info(t, first)["CreationDate"], "dated as of the case")
		})
	}
}

func TestCaseTextIsPrintedLiterally(t *testing.T) {
	const injected = `Wrote {{ env "HOME" }} and {{.URN}}; <b>bold</b> & {{template "mg5.title"}}`
	c := sampleCase(t)
	c.Incidents[0].Description = injected
	c.Incidents[0].Location = `{{.Force.Name}}`
	c.Charges[0].Particulars = injected
	text := realclient.PDFText(t, writeForm(t, c, "MG5.pdf", mgform.Options{}))
	assert.Contains(t, squeeze(text), "Particulars: "+injected, "a paragraph prints it whole")
	for _, w := range []string{`{{`, `env`, `"HOME"`, `}}`, `{{.URN}};`, `<b>bold</b>`, `{{.Force.Name}}`} {
		assert.Contains(t, text, w, "the chronology cells print it as written")
	}
	if home := os.Getenv("HOME"); home != "" {
		assert.NotContains(t, text, home)
	}
}

// pdfJSON is the part of `qpdf --json` output the link tests read.
type pdfJSON struct {
	Pages []struct {
		Object string `json:"object"`
	} `json:"pages"`
	Outlines []struct {
		Title string `json:"title"`
		Dest  []any  `json:"dest"`
		Page  int    `json:"destpageposfrom1"`
		Kids  []struct {
			Title string `json:"title"`
			Dest  []any  `json:"dest"`
			Page  int    `json:"destpageposfrom1"`
		} `json:"kids"`
	} `json:"outlines"`
	// QPDF holds a header, then every object by "obj:N 0 R".
	QPDF []json.RawMessage `json:"qpdf"`
}

func readPDFJSON(t *testing.T, pdf []byte) pdfJSON {
	t.Helper()
	tool := realclient.Require(t, "qpdf")
	path := filepath.Join(t.TempDir(), "form.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o600))
	out, err := exec.Command(tool, "--json=2", "--json-key=pages", "--json-key=outlines", "--json-key=qpdf", path).Output()
	require.NoError(t, err)
	var doc pdfJSON
	require.NoError(t, json.Unmarshal(out, &doc))
	return doc
}

// dest is a link or bookmark destination: a page (from 1) and a height.
type dest struct {
	Page int
	Y    float64
}

func TestMG5ContentsLinksToEachSectionAndSectionsAreBookmarked(t *testing.T) {
	c := sampleCase(t)
	pdf := writeForm(t, c, "MG5.pdf", mgform.Options{})
	var titles []string
	for _, e := range realclient.Outline(t, pdf) {
		titles = append(titles, e.Title)
	}
	assert.Equal(t, []string{"Contents", "1. Parties", "Suspect", "Victims and witnesses", "2. Headline summary",
		"3. Chronology", "4. Key evidence", "Witness statements", "Exhibits", "5. Charges",
		"Charge C1: Stalking involving fear of violence or serious alarm or distress (PHA 1997 s.4A)",
		"6. Interview, previous convictions, bail and orders sought", "Interview", "Previous convictions and cautions",
		"Bail or remand", "Restraining order sought"}, titles)

	doc := readPDFJSON(t, pdf)
	pageNo := map[string]int{}
	for i, p := range doc.Pages {
		pageNo[p.Object] = i + 1
	}
	toDest := func(d []any) dest {
		require.Len(t, d, 5)
		return dest{Page: pageNo[d[0].(string)], Y: d[3].(float64)}
	}
	// The bookmarks after "Contents", in order: what each contents entry
	// must link to.
	var want []dest
	contentsPage := 0
	for _, o := range doc.Outlines {
		if o.Title == "Contents" {
			contentsPage = o.Page
			continue
		}
		want = append(want, toDest(o.Dest))
		for _, k := range o.Kids {
			want = append(want, toDest(k.Dest))
		}
	}
	require.Equal(t, 1, contentsPage)
	require.Len(t, doc.QPDF, 2)
	var objects map[string]struct {
		Value any `json:"value"`
	}
	require.NoError(t, json.Unmarshal(doc.QPDF[1], &objects))
	resolve := func(v any) map[string]any {
		if ref, ok := v.(string); ok {
			v = objects["obj:"+ref].Value
		}
		return v.(map[string]any)
	}
	page := resolve(doc.Pages[0].Object)
	var got []dest
	for _, a := range page["/Annots"].([]any) {
		annot := resolve(a)
		if annot["/Subtype"] == "/Link" {
			got = append(got, toDest(annot["/Dest"].([]any)))
		}
	}
	assert.Equal(t, want, got, "each contents entry links to its section")

	// The printed page numbers agree with the bookmarks.
	entry := regexp.MustCompile(`^(.+?)[\s.]+(\d+)$`)
	printed := map[string]int{}
	for _, l := range nonBlankLines(realclient.PageText(t, pdf, 1)) {
		if m := entry.FindStringSubmatch(l); m != nil {
			printed[m[1]], _ = strconv.Atoi(m[2])
		}
	}
	for _, e := range realclient.Outline(t, pdf)[1:] {
		assert.Equal(t, e.Page, printed[e.Title], "contents page of %q", e.Title)
	}
}

func TestMG3BookmarksItsSections(t *testing.T) {
	pdf := writeForm(t, sampleCase(t), "MG3.pdf", mgform.Options{})
	var top []string
	for _, e := range realclient.Outline(t, pdf) {
		if e.Depth == 0 {
			top = append(top, e.Title)
		}
		assert.Contains(t, squeeze(realclient.PageText(t, pdf, e.Page)), e.Title)
	}
	assert.Equal(t, []string{"1. Case summary", "2. Proposed charges", "3. Offence elements against the evidence",
		"4. Time limits", "5. The suspect: interview, previous convictions and bail", "6. Risk assessments",
		"7. Victims: needs, impact and views", "8. Stalking Protection Order", "9. Restraining order",
		"10. Officer's assessment and supervisor's review", "11. Disclosure issues", "12. Stalking screening and triage",
		"13. Validation findings", "14. Prosecutor's decision"}, top)
}

func TestMG3ChargeDetailsComeFromTheLawTable(t *testing.T) {
	tests := []struct {
		name string
		edit func(c *casefile.Case)
		want []string
	}{
		{name: "either way offence has no time limit and no unverified maximum", edit: func(*casefile.Case) {},
			want: []string{"Either way", "On indictment: not stated: confirm the current maximum", "No time limit", "Protection from Harassment Act 1997, s.4A"}},
		{name: "summary only stalking has a last day to charge", edit: func(c *casefile.Case) { c.Charges[0].Offence = casefile.Stalking },
			want: []string{"Summary only", "6 months' imprisonment, a fine, or both", "24 July 2026", "144 days left as at 2 March 2026", "not triable this way"}},
		{name: "expired limit is shown", edit: func(c *casefile.Case) {
			c.Charges[0].Offence = casefile.Stalking
			c.AsOf = casefile.NewDate(2026, 8, 1)
		}, want: []string{"24 July 2026", "Expired 8 days before 1 August 2026"}},
		{name: "aggravated form", edit: func(c *casefile.Case) { c.Charges[0].Aggravated = casefile.RaciallyAggravated },
			want: []string{"Racially aggravated stalking involving fear", "Crime and Disorder Act 1998, s.32(1)(b)", "On indictment: not stated"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sampleCase(t)
			tt.edit(c)
			text := squeeze(realclient.PDFText(t, writeForm(t, c, "MG3.pdf", mgform.Options{})))
			for _, w := range tt.want {
				assert.Contains(t, text, w)
			}
		})
	}
}

func TestMG3WordsEveryOffenceAndDecision(t *testing.T) {
	modes := map[law.ModeOfTrial]string{law.SummaryOnly: "Summary only", law.EitherWay: "Either way"}
	limits := map[law.TimeLimitKind]string{law.NoTimeLimit: "No time limit", law.SummaryTimeLimit: "24 July 2026", law.ExtendedTimeLimit: "24 January 2029"}
	decisions := casefile.Decision("").Values()
	for i, off := range law.Offences() {
		t.Run(off.Code, func(t *testing.T) {
			c := sampleCase(t)
			c.Charges[0].Offence = casefile.OffenceCode(off.Code)
			c.SPOConsideration.Decision = casefile.Decision(decisions[i%len(decisions)])
			for _, form := range []string{"MG3.pdf", "MG5.pdf"} {
				text := squeeze(realclient.PDFText(t, writeForm(t, c, form, mgform.Options{})))
				assert.Contains(t, text, off.Citation)
				if form == "MG3.pdf" {
					assert.Contains(t, text, "Mode of trial "+modes[off.Mode])
					assert.Contains(t, text, limits[off.TimeLimit.Kind])
				}
			}
		})
	}
}

func TestFindingsAreListedInTheCaseReviewAndMG3(t *testing.T) {
	c := sampleCase(t)
	c.Charges[0].Offence = casefile.FearOfViolence // needs two occasions of fear
	c.Incidents[5].VictimFearedViolence = false
	given := &casefile.Report{URN: c.URN, AsOf: c.AsOf, Findings: []casefile.Finding{
		{Rule: "TEST-RULE", Severity: casefile.Warning, Path: "incidents[0]", Message: "A finding passed in.", Citation: "Test Act s.1"},
	}}
	tests := []struct {
		name    string
		report  *casefile.Report
		want    []string
		notWant string
	}{
		{name: "nil report validates the case", want: []string{"FEAR-OCCASIONS", "At charges[0].victims[0]", "PHA 1997 s.4(1)", "1 error,", "Not met"}, notWant: "TEST-RULE"},
		{name: "the caller's report", report: given, want: []string{"TEST-RULE", "Warning", "At incidents[0]", "A finding passed in.", "Test Act s.1"}, notWant: "FEAR-OCCASIONS"},
	}
	for _, tt := range tests {
		for _, form := range []string{"case-review", "MG3.pdf"} {
			t.Run(tt.name+"/"+form, func(t *testing.T) {
				text := squeeze(realclient.PDFText(t, writeForm(t, c, form, mgform.Options{Report: tt.report})))
				for _, w := range tt.want {
					assert.Contains(t, text, w)
				}
				assert.NotContains(t, text, tt.notWant)
			})
		}
	}
}

func TestMG6DWithoutSensitiveMaterialIsANilSchedule(t *testing.T) {
	c := sampleCase(t)
	c.UnusedMaterial = c.UnusedMaterial[:2]
	text := squeeze(realclient.PDFText(t, writeForm(t, c, "MG6D.pdf", mgform.Options{})))
	assert.Contains(t, text, "Nil return: there is no relevant sensitive unused material in this case.")
	assert.Contains(t, text, "Disclosure officer")
	assert.Contains(t, text, "Signature:")
	assert.NotContains(t, text, "Reason for sensitivity")
	assert.NotContains(t, text, "Reviewing lawyer")
}

func TestMG6CNumbersItemsConsecutivelyAndFlagsDisclosableOnes(t *testing.T) {
	c := sampleCase(t)
	c.UnusedMaterial[1].UnderminesOrAssists = true
	pdf := writeForm(t, c, "MG6C.pdf", mgform.Options{})
	text := realclient.PDFText(t, pdf)
	assert.Regexp(t, `(?m)^\s*1\s+Call record`, text)
	assert.Regexp(t, `(?m)^\s*2\s+Statement of the`, text)
	assert.Regexp(t, `(?m)^\s*2\s+Statement of the.*Might undermine`, text, "flagged in the comment column")
	assert.NotContains(t, text, "Social services referral", "sensitive items are on the MG6D only")
	assert.Contains(t, squeeze(text), "Reviewing lawyer")
	mg3 := squeeze(realclient.PDFText(t, writeForm(t, c, "MG3.pdf", mgform.Options{})))
	assert.Contains(t, mg3, "MG6C item 2 (U2)")
}

func TestDraftPrintsDraftOnEveryPage(t *testing.T) {
	c := sampleCase(t)
	for _, form := range []string{"MG5.pdf", "MG11-ST1.pdf"} {
		pdf := writeForm(t, c, form, mgform.Options{Draft: true})
		for i, page := range pageTexts(t, pdf) {
			assert.Regexp(t, `^DRAFT\s+OFFICIAL-SENSITIVE$`, nonBlankLines(page)[0], "%s page %d", form, i+1)
		}
	}
}

func TestAForceCanRewordTheForms(t *testing.T) {
	set, err := templates.New(fstest.MapFS{"mg.tmpl": {Data: []byte(
		`{{define "mg5.title"}}MG05 Police report (Northshire){{end}}{{define "mg.yes"}}Ydy{{end}}`)}})
	require.NoError(t, err)
	c := sampleCase(t)
	mg5 := realclient.PDFText(t, writeForm(t, c, "MG5.pdf", mgform.Options{Templates: set}))
	assert.Contains(t, mg5, "MG05 Police report (Northshire)")
	mg9 := realclient.PDFText(t, writeForm(t, c, "MG9.pdf", mgform.Options{Templates: set}))
	assert.Contains(t, mg9, "Victim: Ydy")
}

func TestAsOfDatesTheForms(t *testing.T) {
	c := sampleCase(t)
	pdf := writeForm(t, c, "MG12.pdf", mgform.Options{AsOf: casefile.NewDate(2026, 4, 9)})
	assert.Contains(t, realclient.PDFText(t, pdf), "9 April 2026")
	assert.Equal(t, "2026-04-09T00:00:00Z", realclient.Info(t, pdf)["CreationDate"])
}

func TestCaseReviewSetsOutTheScreeningBeforeTheElementsAndTheFindings(t *testing.T) {
	northshire, err := templates.New(fstest.MapFS{"ours.tmpl": {Data: []byte(`{{define "screen.title"}}Northshire stalking screen{{end}}`)}})
	require.NoError(t, err)
	tests := []struct {
		name    string
		set     *templates.Set
		heading string
	}{
		{name: "spokit's wording", heading: "1. Stalking screening and triage"},
		{name: "a force's wording of the screening", set: northshire, heading: "1. Northshire stalking screen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sampleCase(t)
			set := tt.set
			if set == nil {
				set = templates.Default()
			}
			rep, err := screen.Screen(c, casefile.Date{}).Report(set)
			require.NoError(t, err)
			text := squeeze(realclient.PDFText(t, writeForm(t, c, "case-review", mgform.Options{Templates: tt.set})))
			assert.Contains(t, text, "NOT FOR DISCLOSURE")

			// The contents lists each heading first; the last mention is the section.
			screening := strings.LastIndex(text, tt.heading)
			findings := strings.LastIndex(text, "2. Offence elements against the evidence")
			require.Less(t, screening, findings)
			require.Less(t, findings, strings.LastIndex(text, "3. Checks on the case file"))
			section := text[screening:findings]
			assert.True(t, strings.HasPrefix(section, tt.heading+" "+squeeze(rep.Caveat)), "the caveat comes first:\n%s", section)
			last := 0
			for _, sec := range rep.Sections {
				at := strings.Index(section, sec.Heading+" "+firstWords(sec.Intro, 6))
				assert.Greater(t, at, last, "part %s, with its explanation, in order", sec.Key)
				last = at
			}
		})
	}
}

// firstWords returns the first n words of s.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

func TestCaseReviewScreeningCutsLongIncidentListsShort(t *testing.T) {
	c := sampleCase(t)
	base := c.Incidents[1]
	c.Incidents = nil
	var ids []string
	for i := range 40 {
		in := base
		in.ID = fmt.Sprintf("I%d", i+1)
		in.Date = casefile.NewDate(2025, 1, 1).AddDays(i)
		c.Incidents = append(c.Incidents, in)
		ids = append(ids, in.ID)
	}
	text := squeeze(realclient.PDFText(t, writeForm(t, c, "case-review", mgform.Options{})))
	section := text[strings.LastIndex(text, "1. Stalking screening and triage"):strings.LastIndex(text, "2. Offence elements against the evidence")]
	assert.Contains(t, section, "Repeated Present 40 occasions towards Siân Pryce, from 1 January 2025 to 9 February 2025 (39 days). (incidents "+
		strings.Join(ids[:29], ", ")+", I30 and 10 more)")
	assert.NotContains(t, section, "I31")
}

func TestCaseReviewScreeningSaysWhenAPartHasNothingToList(t *testing.T) {
	c := sampleCase(t)
	for i := range c.Incidents {
		c.Incidents[i].Victims = nil
	}
	text := squeeze(realclient.PDFText(t, writeForm(t, c, "case-review", mgform.Options{})))
	assert.Contains(t, text, "Offence triage Each offence is tested")
	assert.Contains(t, text, "is never judged here. Nothing to list: no incident names a victim. Escalation")
}

// ageBox is what the MG11's age box says for a statement's maker.
func ageBox(s casefile.Statement) string {
	if s.IsOver18() {
		return "Over 18"
	}
	return strconv.Itoa(s.Age)
}

func TestSampleMG5CarriesNoAnalysisAndNoContactDetailsWhileTheCaseReviewHoldsThem(t *testing.T) {
	c := sampleCase(t)
	report := casefile.Validate(c, casefile.Options{})
	mg5 := squeeze(realclient.PDFText(t, writeForm(t, c, "MG5.pdf", mgform.Options{Report: report})))
	review := squeeze(realclient.PDFText(t, writeForm(t, c, "case-review", mgform.Options{Report: report})))
	screening, err := templates.Default().Render("screen.title", nil)
	require.NoError(t, err)

	for _, absent := range []string{screening, "FOUR indicators", "Offence triage", "fits", "possible", "Not met", "UNVERIFIED", "unverified", "Validation findings"} {
		assert.NotContains(t, mg5, absent)
	}
	for _, f := range report.Findings {
		assert.NotContains(t, mg5, f.Rule)
	}
	for _, p := range c.People {
		if p.Role == casefile.RoleSuspect {
			continue
		}
		for _, d := range append(strings.Split(p.Address, "\n"), p.Phone, p.Email, p.DateOfBirth.Long(), p.DateOfBirth.Short()) {
			if strings.TrimSpace(d) != "" {
				assert.NotContains(t, mg5, d, "%s's detail", p.ID)
			}
		}
	}
	assertWords(t, mg5, "the home of Siân Pryce (victim)") // a place that is her home says so
	assert.Contains(t, mg5, "(victim)")

	assert.Contains(t, review, screening)
	assert.Contains(t, review, "NOT FOR DISCLOSURE")
	assert.Contains(t, review, "3. Checks on the case file")
}

// Each form's own writer is the one Forms lists: the same bytes for the
// same case and options.
func TestEachFormWriterWritesWhatFormsLists(t *testing.T) {
	c := sampleCase(t)
	st := c.Statements[0].ID
	opts := mgform.Options{Draft: true}
	writers := map[string]func(io.Writer) error{
		"MG3.pdf":                     func(w io.Writer) error { return mgform.WriteMG3(w, c, opts) },
		"MG5.pdf":                     func(w io.Writer) error { return mgform.WriteMG5(w, c, opts) },
		"MG6C.pdf":                    func(w io.Writer) error { return mgform.WriteMG6C(w, c, opts) },
		"MG6D.pdf":                    func(w io.Writer) error { return mgform.WriteMG6D(w, c, opts) },
		"MG9.pdf":                     func(w io.Writer) error { return mgform.WriteMG9(w, c, opts) },
		"MG11-" + st + ".pdf":         func(w io.Writer) error { return mgform.WriteMG11(w, c, st, opts) },
		"MG11-" + st + "-contact.pdf": func(w io.Writer) error { return mgform.WriteMG11Contact(w, c, st, opts) },
		"MG12.pdf":                    func(w io.Writer) error { return mgform.WriteMG12(w, c, opts) },
	}
	listed := map[string]mgform.Form{}
	for _, f := range mgform.Forms(c) {
		listed[f.Name] = f
	}
	for name, write := range writers {
		t.Run(name, func(t *testing.T) {
			f, ok := listed[name]
			require.True(t, ok, "Forms lists %s", name)
			var direct, viaList bytes.Buffer
			require.NoError(t, write(&direct))
			require.NoError(t, f.Write(&viaList, opts))
			assert.Equal(t, direct.Bytes(), viaList.Bytes())
		})
	}
}
