package pdfdoc_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/pdfdoc"
	"github.com/spokit/spokit/internal/realclient"
)

var asOf = time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)

const unicodeSample = "£ é ’ “quoted” — Welsh ŵ ŷ Ŵ Ŷ"

func opts() pdfdoc.Options {
	return pdfdoc.Options{
		Title:     "Application for a Stalking Protection Order",
		Subject:   "Test bundle",
		Reference: "URN 07AA1234524",
		Marking:   "official-sensitive",
		Date:      asOf,
	}
}

func write(t *testing.T, d *pdfdoc.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, d.Write(&buf))
	return buf.Bytes()
}

// words returns n numbered words, "w1 w2 ...", so that tests can check that
// text survives layout whole and in order.
func words(prefix string, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = prefix + strconv.Itoa(i+1)
	}
	return strings.Join(parts, " ")
}

// exhibit is a small PDF made by fpdf alone, with pages of different sizes.
func exhibit(t *testing.T, pages ...string) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCreationDate(asOf)
	f.SetModificationDate(asOf)
	f.SetFont("Helvetica", "", 14)
	for i, text := range pages {
		if i%2 == 1 {
			f.AddPageFormat("L", fpdf.SizeType{Wd: 148, Ht: 210})
		} else {
			f.AddPage()
		}
		f.Text(20, 30, text)
		f.Rect(10, 10, 20, 20, "F")
	}
	var buf bytes.Buffer
	require.NoError(t, f.Output(&buf))
	return buf.Bytes()
}

func picture(t *testing.T, w, h int, jpg bool) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 160, 255})
		}
	}
	var buf bytes.Buffer
	if jpg {
		require.NoError(t, jpeg.Encode(&buf, img, nil))
	} else {
		require.NoError(t, png.Encode(&buf, img))
	}
	return buf.Bytes()
}

// bundle builds a document that uses every kind of block.
func bundle(t *testing.T, o pdfdoc.Options) *pdfdoc.Document {
	t.Helper()
	d := pdfdoc.New(o)
	d.Contents("Index")
	d.PageBreak()
	d.Heading(1, "Section A: the application", "section-a")
	d.Text(pdfdoc.Text{Label: "Applicant:", Body: "Chief Constable " + unicodeSample})
	d.Paragraph(words("para", 400))
	d.Text(pdfdoc.Text{Body: "See the chronology.", Link: "chronology"})
	d.Heading(2, "Grounds", "")
	d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{
		{{Label: "Statement of", Value: "Jane Doe"}},
		{{Label: "Age if under 18", Value: "Over 18"}, {Label: "Occupation", Value: "Teacher"}},
		{{Label: "Address", Value: words("addr", 40)}},
	}})
	d.Signatures("Signature", "Date")
	d.Heading(3, "Small print", "")
	d.Text(pdfdoc.Text{Body: "Notes in small print.", Style: pdfdoc.Small})
	d.PageBreak()
	d.Heading(1, "Section B: chronology", "chronology")
	rows := []pdfdoc.Row{}
	for i := range 80 {
		row := pdfdoc.TextRow(strconv.Itoa(i+1), fmt.Sprintf("2026-01-%02d", i%28+1), words(fmt.Sprintf("r%de", i+1), 3+i%20))
		if i == 40 {
			row.Anchor = "row-41"
		}
		rows = append(rows, row)
	}
	rows = append(rows, pdfdoc.Row{Cells: []pdfdoc.Cell{{Text: "see"}, {PageOf: "row-41"}, {Text: "Entry 41", Link: "row-41"}}})
	d.Table(pdfdoc.Table{
		Columns: []pdfdoc.Column{{Title: "No.", Width: 12}, {Title: "Date", Width: 26}, {Title: "Event", Weight: 3}, {Title: "Page", Width: 14, Align: pdfdoc.AlignRight}},
		Rows:    rows,
	})
	d.StartGroup(pdfdoc.Group{Name: "Statement of Jane Doe", Signatures: []string{"Signature", "Signature witnessed by"}})
	d.Heading(1, "Section C: statement of Jane Doe", "")
	d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{{{Label: "Number of pages", Count: pdfdoc.GroupPageCount}}}})
	d.Paragraph(words("stmt", 1500))
	d.EndGroup()
	d.Heading(1, "Section D: exhibits", "")
	d.Image(pdfdoc.Image{Data: picture(t, 320, 240, false), Caption: "Exhibit JD/1: photograph"})
	d.Image(pdfdoc.Image{Data: picture(t, 200, 900, true), Caption: "Exhibit JD/2: screenshot"})
	d.ImportPDF(pdfdoc.PDFImport{Data: exhibit(t, "Exhibit page one", "Exhibit page two", "Exhibit page three"), Title: "Exhibit JD/3: letters", Level: 2, Anchor: "jd3"})
	d.Heading(1, "Section E: pattern of behaviour", "")
	d.BarChart(pdfdoc.BarChart{
		Title:      "Incidents by month",
		Categories: []string{"Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026"},
		Series: []pdfdoc.Series{
			{Name: "Messages", Values: []float64{4, 9, 2, 0}},
			{Name: "Following", Values: []float64{1, 0, 3, 2}},
		},
		XLabel: "Month", YLabel: "Incidents",
	})
	d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{{{Label: "Pages in the bundle", Count: pdfdoc.DocumentPageCount}}}})
	return d
}

func TestBundlePassesQPDFCheck(t *testing.T) {
	tests := []struct {
		name string
		opts func(*pdfdoc.Options)
	}{
		{name: "plain", opts: func(*pdfdoc.Options) {}},
		{name: "draft with header note", opts: func(o *pdfdoc.Options) { o.Draft, o.HeaderNote = true, "SERVICE COPY" }},
		{name: "no marking", opts: func(o *pdfdoc.Options) { o.Marking = "" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := opts()
			tt.opts(&o)
			realclient.QPDFCheck(t, write(t, bundle(t, o)))
		})
	}
}

func TestUnicodeTextComesBackExactly(t *testing.T) {
	d := pdfdoc.New(opts())
	d.Heading(1, "Heading "+unicodeSample, "")
	d.Paragraph(unicodeSample)
	d.Text(pdfdoc.Text{Label: "Label ŵ:", Body: unicodeSample, Style: pdfdoc.Bold})
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{{Title: "Cell ŷ"}}, Rows: []pdfdoc.Row{pdfdoc.TextRow(unicodeSample)}})
	text := realclient.PDFText(t, write(t, d))
	assert.Equal(t, 4, strings.Count(text, unicodeSample), text)
	assert.Contains(t, text, "Label ŵ:")
	assert.Contains(t, text, "Cell ŷ")
}

func TestEveryPageCarriesMarkingHeaderAndPageXofY(t *testing.T) {
	o := opts()
	o.HeaderNote = "SERVICE COPY"
	pdf := write(t, bundle(t, o))
	n := realclient.PDFPages(t, pdf)
	require.Greater(t, n, 10)
	for p := 1; p <= n; p++ {
		lines := nonEmptyLines(realclient.PageText(t, pdf, p))
		require.NotEmpty(t, lines)
		assert.Equal(t, "OFFICIAL-SENSITIVE", strings.TrimSpace(lines[0]), "top marking, page %d", p)
		assert.Equal(t, "OFFICIAL-SENSITIVE", strings.TrimSpace(lines[len(lines)-1]), "bottom marking, page %d", p)
		assert.Regexp(t, `^URN 07AA1234524\s+Application for a Stalking Protection Order$`, strings.TrimSpace(lines[1]), "header, page %d", p)
		assert.Equal(t, "SERVICE COPY", strings.TrimSpace(lines[2]), "header note, page %d", p)
		assert.Regexp(t, fmt.Sprintf(`Page %d of %d$`, p, n), strings.TrimSpace(lines[len(lines)-2]), "footer, page %d", p)
	}
}

func nonEmptyLines(s string) []string {
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func TestMetadataAndDatesComeFromOptions(t *testing.T) {
	info := realclient.Info(t, write(t, bundle(t, opts())))
	assert.Equal(t, "Application for a Stalking Protection Order", info["Title"])
	assert.Equal(t, "Test bundle", info["Subject"])
	assert.Equal(t, "spokit", info["Author"])
	assert.Equal(t, "spokit", info["Creator"])
	assert.Equal(t, "2026-03-14T09:30:00Z", info["CreationDate"])
	assert.Equal(t, "2026-03-14T09:30:00Z", info["ModDate"])
}

func TestBuildingTwiceGivesIdenticalBytes(t *testing.T) {
	o := opts()
	o.Draft = true
	first := write(t, bundle(t, o))
	for range 3 {
		assert.True(t, bytes.Equal(first, write(t, bundle(t, o))), "same input, same bytes")
	}
}

func TestOutlineEntriesLandOnPagesCarryingTheirTitles(t *testing.T) {
	pdf := write(t, bundle(t, opts()))
	outline := realclient.Outline(t, pdf)
	var titles []string
	for _, e := range outline {
		titles = append(titles, e.Title)
		assert.Contains(t, realclient.PageText(t, pdf, e.Page), e.Title, "bookmark %q", e.Title)
	}
	assert.Equal(t, []string{
		"Index", "Section A: the application", "Grounds", "Small print", "Section B: chronology",
		"Section C: statement of Jane Doe", "Section D: exhibits", "Exhibit JD/3: letters (page 1 of 3)",
		"Section E: pattern of behaviour",
	}, fixImportTitle(titles))
	depth := map[string]int{}
	for _, e := range outline {
		depth[e.Title] = e.Depth
	}
	assert.Equal(t, 1, depth["Grounds"])
	assert.Equal(t, 2, depth["Small print"])
	assert.Equal(t, 1, depth["Exhibit JD/3: letters"])
}

// fixImportTitle marks the imported PDF's bookmark the way its page caption
// reads, so the list above can be compared as a reader sees it.
func fixImportTitle(titles []string) []string {
	out := make([]string, len(titles))
	for i, title := range titles {
		if title == "Exhibit JD/3: letters" {
			title += " (page 1 of 3)"
		}
		out[i] = title
	}
	return out
}

var contentsLine = regexp.MustCompile(`^\s*(.+?)\s+(\d+)\s*$`)

func TestContentsNumbersAreThePagesWhereHeadingsStart(t *testing.T) {
	pdf := write(t, bundle(t, opts()))
	outline := realclient.Outline(t, pdf)
	contents := map[string]int{}
	for _, l := range nonEmptyLines(realclient.PageText(t, pdf, 1)) {
		if m := contentsLine.FindStringSubmatch(l); m != nil {
			n, err := strconv.Atoi(m[2])
			require.NoError(t, err)
			contents[m[1]] = n
		}
	}
	checked := 0
	for _, e := range outline {
		if e.Title == "Index" {
			continue
		}
		page, ok := contents[e.Title]
		require.True(t, ok, "contents lists %q: %v", e.Title, contents)
		assert.Equal(t, e.Page, page, "contents number of %q", e.Title)
		assert.Contains(t, realclient.PageText(t, pdf, page), e.Title)
		assert.Regexp(t, fmt.Sprintf(`Page %d of \d+`, page), realclient.PageText(t, pdf, page), "printed page number")
		checked++
	}
	assert.Equal(t, 8, checked)
}

func TestContentsEntriesLinkToTheirHeadings(t *testing.T) {
	pdf := write(t, bundle(t, opts()))
	var want []int
	for _, e := range realclient.Outline(t, pdf)[1:] {
		want = append(want, e.Page)
	}
	var got []int
	for _, l := range realclient.Links(t, pdf) {
		if l.Page == 1 {
			got = append(got, l.DestPage)
		}
	}
	assert.Equal(t, want, got, "one link per contents entry, to the page of its heading")
}

func TestLinksReachAnchorsBeforeAndAfterThem(t *testing.T) {
	d := pdfdoc.New(opts())
	d.Anchor("top")
	d.Text(pdfdoc.Text{Body: "Forward to the end", Link: "end"})
	d.PageBreak()
	d.Paragraph("Middle page")
	d.PageBreak()
	d.Anchor("end")
	d.Text(pdfdoc.Text{Body: "Back to the start", Link: "top"})
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{{Title: "Go"}}, Rows: []pdfdoc.Row{{Cells: []pdfdoc.Cell{{Text: "middle", Link: "mid"}}}}})
	d.PageBreak()
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{{Title: "Rows"}}, Rows: []pdfdoc.Row{{Cells: []pdfdoc.Cell{{Text: "target row"}}, Anchor: "mid"}}})
	pdf := write(t, d)
	realclient.QPDFCheck(t, pdf)
	assert.Equal(t, []realclient.Link{
		{Page: 1, DestPage: 3}, {Page: 3, DestPage: 1}, {Page: 3, DestPage: 4},
	}, withoutRects(realclient.Links(t, pdf)))
}

func withoutRects(links []realclient.Link) []realclient.Link {
	for i := range links {
		links[i].Rect = [4]float64{}
	}
	return links
}

func TestContentsSpanningSeveralPagesStaysRight(t *testing.T) {
	d := pdfdoc.New(opts())
	d.Contents("Contents")
	for i := range 90 {
		d.PageBreak()
		d.Heading(1, fmt.Sprintf("Document %d", i+1), "")
		d.Paragraph(words(fmt.Sprintf("d%dw", i), 50+i*5))
	}
	pdf := write(t, d)
	outline := realclient.Outline(t, pdf)
	require.Len(t, outline, 91)
	contents := map[string]int{}
	for p := 1; p <= 3; p++ {
		for _, l := range nonEmptyLines(realclient.PageText(t, pdf, p)) {
			if m := contentsLine.FindStringSubmatch(l); m != nil && strings.HasPrefix(m[1], "Document") {
				contents[m[1]], _ = strconv.Atoi(m[2])
			}
		}
	}
	require.Len(t, contents, 90)
	assert.Greater(t, contents["Document 1"], 2, "contents takes more than one page")
	for _, e := range outline[1:] {
		assert.Equal(t, e.Page, contents[e.Title], e.Title)
	}
}

func TestTableRepeatsHeaderOnEveryPage(t *testing.T) {
	d := pdfdoc.New(opts())
	d.Heading(1, "Chronology", "")
	var rows []pdfdoc.Row
	for i := range 200 {
		rows = append(rows, pdfdoc.TextRow(strconv.Itoa(i+1), words(fmt.Sprintf("row%dw", i+1), 4+i%25)))
	}
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{{Title: "Entry", Width: 20}, {Title: "What happened"}}, Rows: rows})
	pdf := write(t, d)
	n := realclient.PDFPages(t, pdf)
	require.Greater(t, n, 3)
	for p := 1; p <= n; p++ {
		assert.Regexp(t, `(?m)^\s*Entry\s+What happened\s*$`, realclient.PageText(t, pdf, p), "header row on page %d", p)
	}
	assertWordsInOrder(t, realclient.PDFText(t, pdf), "row200w", 4+199%25)
}

// assertWordsInOrder checks that prefix1..prefixN all appear once, in order.
func assertWordsInOrder(t *testing.T, text, prefix string, n int) {
	t.Helper()
	found := regexp.MustCompile(regexp.QuoteMeta(prefix)+`(\d+)\b`).FindAllStringSubmatch(text, -1)
	require.Equal(t, n, len(found), "every word of %s once", prefix)
	for i, m := range found {
		require.Equal(t, strconv.Itoa(i+1), m[1], "word %d of %s in order", i+1, prefix)
	}
}

func TestTallRowSplitsBetweenLinesAcrossPages(t *testing.T) {
	d := pdfdoc.New(opts())
	d.Table(pdfdoc.Table{
		Columns: []pdfdoc.Column{{Title: "No.", Width: 15}, {Title: "Account"}},
		Rows:    []pdfdoc.Row{pdfdoc.TextRow("1", "short"), pdfdoc.TextRow("2", words("tall", 2500)), pdfdoc.TextRow("3", "after")},
	})
	pdf := write(t, d)
	n := realclient.PDFPages(t, pdf)
	require.GreaterOrEqual(t, n, 3)
	assertWordsInOrder(t, realclient.PDFText(t, pdf), "tall", 2500)
	for p := 1; p <= n; p++ {
		assert.Contains(t, realclient.PageText(t, pdf, p), "Account", "header on page %d", p)
	}
	assertInsideTextArea(t, pdf, `^tall\d+$`)
}

// assertInsideTextArea checks that no word crosses the side margins and
// that the body's words (those matching body) stay between header and
// footer.
func assertInsideTextArea(t *testing.T, pdf []byte, body string) {
	t.Helper()
	const mm = 72 / 25.4
	re := regexp.MustCompile(body)
	for _, w := range realclient.Words(t, pdf) {
		assert.GreaterOrEqual(t, w.XMin, 20*mm-0.5, "word %q on page %d left of the margin", w.Text, w.Page)
		assert.LessOrEqual(t, w.XMax, 190*mm+0.5, "word %q on page %d right of the margin", w.Text, w.Page)
		if re.MatchString(w.Text) {
			assert.Greater(t, w.YMin, 23*mm, "word %q on page %d in the header", w.Text, w.Page)
			assert.Less(t, w.YMax, 274.5*mm, "word %q on page %d in the footer", w.Text, w.Page)
		}
	}
}

func TestLongWordsWrapInsideTheMargins(t *testing.T) {
	long := strings.Repeat("Unbrokenwordwithoutspaces", 12)
	d := pdfdoc.New(opts())
	d.Paragraph("Before " + long + " after.")
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{{Title: "Narrow", Width: 25}, {Title: "Wide"}}, Rows: []pdfdoc.Row{pdfdoc.TextRow(long, long)}})
	d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{{{Label: "Label", Value: long}, {Label: long, Value: "v"}}}})
	pdf := write(t, d)
	assertInsideTextArea(t, pdf, `Unbroken|word|spaces`)
	text := strings.Join(strings.Fields(realclient.PDFText(t, pdf)), "")
	assert.Contains(t, text, long, "the word comes back whole once its pieces are joined")
}

func TestLongTextPaginatesWithoutLosingWords(t *testing.T) {
	d := pdfdoc.New(opts())
	d.StartGroup(pdfdoc.Group{Name: "Statement of A Witness", Signatures: []string{"Signature"}})
	d.Paragraph(words("s", 20000))
	d.EndGroup()
	pdf := write(t, d)
	n := realclient.PDFPages(t, pdf)
	assert.Greater(t, n, 25)
	assertWordsInOrder(t, realclient.PDFText(t, pdf), "s", 20000)
	assertInsideTextArea(t, pdf, `^s\d+$`)
}

// countField is a one-box form showing a page count.
func countField(label string, c pdfdoc.Count) pdfdoc.Form {
	return pdfdoc.Form{Rows: [][]pdfdoc.Field{{{Label: label, Count: c}}}}
}

// countIn returns the number printed after label on a page, or -1.
func countIn(t *testing.T, page, label string) int {
	t.Helper()
	m := regexp.MustCompile(regexp.QuoteMeta(label) + `\s+(\d+)\s*$`).FindStringSubmatch(firstLineWith(page, label))
	if m == nil {
		return -1
	}
	n, err := strconv.Atoi(m[1])
	require.NoError(t, err)
	return n
}

func firstLineWith(text, s string) string {
	for l := range strings.SplitSeq(text, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

func TestGroupsCountTheirOwnPages(t *testing.T) {
	d := pdfdoc.New(opts())
	d.Heading(1, "Cover", "")
	d.Form(countField("Pages in the bundle", pdfdoc.DocumentPageCount))
	d.StartGroup(pdfdoc.Group{Name: "Statement of Jane Doe", Signatures: []string{"Signature", "Signature witnessed by"}})
	d.Form(countField("Number of pages", pdfdoc.GroupPageCount))
	d.Paragraph(words("jd", 2400))
	d.Form(countField("Statement ends; its pages", pdfdoc.GroupPageCount))
	d.StartGroup(pdfdoc.Group{Name: "Statement of John Roe"})
	d.Form(countField("Number of pages", pdfdoc.GroupPageCount))
	d.EndGroup()
	d.Paragraph("After the statements.")
	pdf := write(t, d)
	n := realclient.PDFPages(t, pdf)
	jane := n - 3 // the cover, John Roe's page and the last page are one each
	require.GreaterOrEqual(t, jane, 3, "Jane Doe's statement runs over several pages")

	assert.Equal(t, n, countIn(t, realclient.PageText(t, pdf, 1), "Pages in the bundle"))
	assert.NotContains(t, realclient.PageText(t, pdf, 1), "Statement of")
	for i := range jane {
		p := i + 2
		text := realclient.PageText(t, pdf, p)
		assert.Contains(t, text, fmt.Sprintf("Statement of Jane Doe: page %d of %d", i+1, jane))
		assert.Contains(t, text, "Signature witnessed by:")
		assert.Contains(t, text, fmt.Sprintf("Page %d of %d", p, n))
	}
	assert.Equal(t, jane, countIn(t, realclient.PageText(t, pdf, 2), "Number of pages"), "count on the group's first page")
	assert.Equal(t, jane, countIn(t, realclient.PageText(t, pdf, jane+1), "Statement ends; its pages"), "count on the group's last page")
	assertWordsInOrder(t, realclient.PDFText(t, pdf), "jd", 2400)
	john := realclient.PageText(t, pdf, n-1)
	assert.Contains(t, john, "Statement of John Roe: page 1 of 1")
	assert.Equal(t, 1, countIn(t, john, "Number of pages"))
	assert.NotContains(t, john, "Signature")
	last := realclient.PageText(t, pdf, n)
	assert.Contains(t, last, "After the statements.")
	assert.NotContains(t, last, "Statement of")
}

// lookalikes are strings that an engine replacing text placeholders might
// take for its own; in user data they are only text.
const lookalikes = "Typed {pdfdoc:pages} then {pdfdoc:group-pages} then {nb} as written"

func TestTextThatLooksLikeAPlaceholderPrintsAsWritten(t *testing.T) {
	places := []struct {
		name string
		add  func(d *pdfdoc.Document, s string)
	}{
		{"paragraph", func(d *pdfdoc.Document, s string) { d.Paragraph(s) }},
		{"label and body", func(d *pdfdoc.Document, s string) {
			d.Text(pdfdoc.Text{Label: s, Body: s, Style: pdfdoc.Bold})
		}},
		{"heading", func(d *pdfdoc.Document, s string) { d.Heading(1, s, "") }},
		{"table cell and title", func(d *pdfdoc.Document, s string) {
			d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{{Title: s}}, Rows: []pdfdoc.Row{pdfdoc.TextRow(s)}})
		}},
		{"form value", func(d *pdfdoc.Document, s string) {
			d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{{{Label: "Account", Value: s}}, {{Label: "Pages", Count: pdfdoc.DocumentPageCount}}}})
		}},
		{"image caption", func(d *pdfdoc.Document, s string) {
			d.Image(pdfdoc.Image{Data: picture(t, 40, 30, false), Caption: s, MaxHeight: 20})
		}},
	}
	for _, place := range places {
		for _, grouped := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/grouped=%v", place.name, grouped), func(t *testing.T) {
				d := pdfdoc.New(opts())
				if grouped {
					d.StartGroup(pdfdoc.Group{Name: "Statement of Jane Doe"})
				}
				place.add(d, lookalikes)
				var buf bytes.Buffer
				require.NoError(t, d.Write(&buf))
				text := realclient.PDFText(t, buf.Bytes())
				assert.Contains(t, text, lookalikes)
				for _, l := range strings.Split(text, "\n") {
					if strings.Contains(l, "Typed") {
						assert.Contains(t, l, lookalikes, "whole on one line")
					}
				}
			})
		}
	}
}

func TestDraftWatermarkOnEveryPage(t *testing.T) {
	for _, draft := range []bool{true, false} {
		t.Run(fmt.Sprintf("draft=%v", draft), func(t *testing.T) {
			o := opts()
			o.Draft = draft
			pdf := write(t, bundle(t, o))
			n := realclient.PDFPages(t, pdf)
			for p := 1; p <= n; p++ {
				text := realclient.PageText(t, pdf, p)
				if draft {
					assert.Regexp(t, `(?m)^DRAFT\s+OFFICIAL-SENSITIVE\s*$`, text, "page %d", p)
				} else {
					assert.NotContains(t, text, "DRAFT", "page %d", p)
				}
			}
		})
	}
}

func TestDraftWatermarkLeavesBodyTextIntact(t *testing.T) {
	o := opts()
	o.Draft = true
	d := pdfdoc.New(o)
	d.Paragraph(words("body", 600))
	assertWordsInOrder(t, realclient.PDFText(t, write(t, d)), "body", 600)
}

func TestImportedPagesBecomeNumberedPagesWithOurFurniture(t *testing.T) {
	d := pdfdoc.New(opts())
	d.Heading(1, "Exhibits", "")
	d.Text(pdfdoc.Text{Body: "Go to the letters", Link: "letters"})
	d.ImportPDF(pdfdoc.PDFImport{Data: exhibit(t, "Letter one", "Letter two (landscape)", "Letter three"), Title: "Exhibit JD/3", Anchor: "letters"})
	d.Paragraph("After the exhibit.")
	pdf := write(t, d)
	realclient.QPDFCheck(t, pdf)
	require.Equal(t, 5, realclient.PDFPages(t, pdf))
	for i, want := range []string{"Letter one", "Letter two (landscape)", "Letter three"} {
		text := realclient.PageText(t, pdf, i+2)
		assert.Contains(t, text, want)
		assert.Contains(t, text, fmt.Sprintf("Exhibit JD/3 (page %d of 3)", i+1))
		assert.Contains(t, text, fmt.Sprintf("Page %d of 5", i+2))
		assert.Contains(t, text, "OFFICIAL-SENSITIVE")
	}
	assert.Contains(t, realclient.PageText(t, pdf, 5), "After the exhibit.")
	assert.Contains(t, realclient.Outline(t, pdf), realclient.OutlineEntry{Title: "Exhibit JD/3", Page: 2, Depth: 0})
	// The landscape page is scaled into the text area, not clipped.
	for _, w := range realclient.Words(t, pdf) {
		if w.Page == 3 && strings.HasPrefix(w.Text, "(landscape)") {
			assert.Less(t, w.XMax, 190*72/25.4)
		}
	}
}

func TestImportingTheSamePDFTwiceStaysReproducible(t *testing.T) {
	src := exhibit(t, "Shared page")
	build := func() []byte {
		d := pdfdoc.New(opts())
		d.ImportPDF(pdfdoc.PDFImport{Data: src, Title: "First copy"})
		d.ImportPDF(pdfdoc.PDFImport{Data: src, Title: "Second copy"})
		return write(t, d)
	}
	first := build()
	realclient.QPDFCheck(t, first)
	assert.Equal(t, 2, strings.Count(realclient.PDFText(t, first), "Shared page"))
	assert.True(t, bytes.Equal(first, build()))
}

func TestMalformedInputIsAnErrorNotAPanic(t *testing.T) {
	good := exhibit(t, "Fine")
	tests := []struct {
		name  string
		build func(d *pdfdoc.Document)
		want  string
	}{
		{"not a PDF", func(d *pdfdoc.Document) { d.ImportPDF(pdfdoc.PDFImport{Data: []byte("hello"), Title: "X"}) }, "not a complete PDF"},
		{"empty PDF", func(d *pdfdoc.Document) { d.ImportPDF(pdfdoc.PDFImport{Data: nil}) }, "not a complete PDF"},
		{"truncated PDF", func(d *pdfdoc.Document) { d.ImportPDF(pdfdoc.PDFImport{Data: good[:len(good)/2], Title: "X"}) }, "import PDF"},
		{"garbage after header", func(d *pdfdoc.Document) {
			d.ImportPDF(pdfdoc.PDFImport{Data: append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("(((<<["), 200)...)})
		}, "import PDF"},
		{"corrupted xref", func(d *pdfdoc.Document) {
			bad := bytes.ReplaceAll(bytes.Clone(good), []byte(" 00000 n "), []byte(" 00000 x "))
			bad = bytes.ReplaceAll(bad, []byte("obj"), []byte("jbo"))
			d.ImportPDF(pdfdoc.PDFImport{Data: bad})
		}, "import PDF"},
		{"cross-reference cycle", func(d *pdfdoc.Document) {
			at := bytes.LastIndex(good, []byte("startxref\n")) + len("startxref\n")
			xref := string(good[at : at+bytes.IndexByte(good[at:], '\n')])
			looped := bytes.Replace(bytes.Clone(good), []byte("trailer\n<<\n"), []byte("trailer\n<<\n/Prev "+xref+"\n"), 1)
			d.ImportPDF(pdfdoc.PDFImport{Data: looped})
		}, "import PDF"},
		{"bad image", func(d *pdfdoc.Document) {
			d.Image(pdfdoc.Image{Data: []byte("\x89PNG\r\n\x1a\nnot really"), Caption: "C"})
		}, `image "C"`},
		{"unknown image type", func(d *pdfdoc.Document) { d.Image(pdfdoc.Image{Data: []byte("GIF89a")}) }, "not a PDF, PNG, JPEG or TIFF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := pdfdoc.New(opts())
			tt.build(d)
			var buf bytes.Buffer
			var err error
			require.NotPanics(t, func() { err = d.Write(&buf) })
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Zero(t, buf.Len(), "nothing written on error")
		})
	}
}

func TestInvalidDocumentsAreReported(t *testing.T) {
	tests := []struct {
		name  string
		build func(d *pdfdoc.Document)
		want  string
	}{
		{"link to a missing anchor", func(d *pdfdoc.Document) { d.Text(pdfdoc.Text{Body: "x", Link: "nowhere"}) }, `anchor "nowhere"`},
		{"page of a missing anchor", func(d *pdfdoc.Document) {
			d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{{Title: "P"}}, Rows: []pdfdoc.Row{{Cells: []pdfdoc.Cell{{PageOf: "gone"}}}}})
		}, `anchor "gone"`},
		{"anchor defined twice", func(d *pdfdoc.Document) { d.Anchor("a"); d.Heading(1, "H", "a") }, `anchor "a" defined twice`},
		{"heading level 4", func(d *pdfdoc.Document) { d.Heading(4, "Deep", "") }, "level 4"},
		{"heading level skips", func(d *pdfdoc.Document) { d.Heading(1, "A", ""); d.Heading(3, "C", "") }, "level 3 follows level 1"},
		{"group page count outside a group", func(d *pdfdoc.Document) {
			d.StartGroup(pdfdoc.Group{})
			d.EndGroup()
			d.Form(countField("Pages", pdfdoc.GroupPageCount))
		}, `"Pages": group page count outside a group`},
		{"count and value in one field", func(d *pdfdoc.Document) {
			d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{{{Label: "Pages", Value: "3", Count: pdfdoc.DocumentPageCount}}}})
		}, "both a value and a page count"},
		{"unknown count", func(d *pdfdoc.Document) { d.Form(countField("Pages", pdfdoc.Count(9))) }, "unknown page count 9"},
		{"too many cells", func(d *pdfdoc.Document) {
			d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{{Title: "One"}}, Rows: []pdfdoc.Row{pdfdoc.TextRow("a", "b")}})
		}, "2 cells for 1 columns"},
		{"table without columns", func(d *pdfdoc.Document) { d.Table(pdfdoc.Table{}) }, "without columns"},
		{"chart values do not match", func(d *pdfdoc.Document) {
			d.BarChart(pdfdoc.BarChart{Categories: []string{"a", "b"}, Series: []pdfdoc.Series{{Name: "s", Values: []float64{1}}}})
		}, "1 values for 2 categories"},
		{"negative chart value", func(d *pdfdoc.Document) {
			d.BarChart(pdfdoc.BarChart{Categories: []string{"a"}, Series: []pdfdoc.Series{{Name: "s", Values: []float64{-1}}}})
		}, "value -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := pdfdoc.New(opts())
			tt.build(d)
			err := d.Write(&bytes.Buffer{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	t.Run("missing date", func(t *testing.T) {
		o := opts()
		o.Date = time.Time{}
		err := pdfdoc.New(o).Write(&bytes.Buffer{})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "Date")
	})
}

func TestLinksAndPageReferencesResolve(t *testing.T) {
	pdf := write(t, bundle(t, opts()))
	realclient.QPDFCheck(t, pdf)
	var row41, refPage int
	for _, w := range realclient.Words(t, pdf) {
		if strings.HasPrefix(w.Text, "r41e1") {
			row41 = w.Page
		}
	}
	require.NotZero(t, row41)
	// The last chronology row shows the page of row 41 in its Page column.
	for p := 1; p <= realclient.PDFPages(t, pdf); p++ {
		if m := regexp.MustCompile(`(?m)^\s*see\s+(\d+)\s+Entry 41`).FindStringSubmatch(realclient.PageText(t, pdf, p)); m != nil {
			refPage, _ = strconv.Atoi(m[1])
		}
	}
	assert.Equal(t, row41, refPage)
}

func TestImagesAndChartPrintTheirText(t *testing.T) {
	pdf := write(t, bundle(t, opts()))
	text := realclient.PDFText(t, pdf)
	for _, want := range []string{"Exhibit JD/1: photograph", "Exhibit JD/2: screenshot", "Incidents by month", "Jan 2026", "Apr 2026", "Messages", "Following", "Month", "Incidents"} {
		assert.Contains(t, text, want)
	}
	assertInsideTextArea(t, pdf, `^(para|stmt|addr|r\d+e)\d+$`)
}

func TestEmptyDocumentHasOnePage(t *testing.T) {
	pdf := write(t, pdfdoc.New(opts()))
	realclient.QPDFCheck(t, pdf)
	assert.Equal(t, 1, realclient.PDFPages(t, pdf))
	assert.Contains(t, realclient.PDFText(t, pdf), "Page 1 of 1")
}

func TestCellLinksEachGoToTheirOwnPage(t *testing.T) {
	d := pdfdoc.New(pdfdoc.Options{Title: "Links", Date: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)})
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{{Title: "Act"}, {Title: "Evidence"}}, Rows: []pdfdoc.Row{
		{Cells: []pdfdoc.Cell{{Text: "I1"}, {Links: []pdfdoc.CellLink{{Text: "Statement ST1", Link: "st1"}, {Text: "Exhibit AB/1", Link: "ab1"}, {Text: "Exhibit XY/9 (not held)"}}}}},
	}})
	d.PageBreak()
	d.Heading(1, "Statement ST1", "st1")
	d.PageBreak()
	d.Heading(1, "Exhibit AB/1", "ab1")
	var buf bytes.Buffer
	require.NoError(t, d.Write(&buf))
	pdf := buf.Bytes()
	realclient.QPDFCheck(t, pdf)
	text := realclient.PageText(t, pdf, 1)
	for _, s := range []string{"Statement ST1", "Exhibit AB/1", "Exhibit XY/9 (not held)"} {
		assert.Contains(t, text, s)
	}
	var dests []int
	for _, l := range realclient.Links(t, pdf) {
		if l.Page == 1 {
			dests = append(dests, l.DestPage)
		}
	}
	assert.ElementsMatch(t, []int{2, 3}, dests, "one link per linked entry, none for the unlinked one")
}
