package pdfdoc_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/pdfdoc"
	"github.com/spokit/spokit/internal/realclient"
)

func TestTextThatIsNotValidUTF8PrintsWithReplacementCharacters(t *testing.T) {
	const bad, shown = "Bad\xffbyte", "Bad\uFFFDbyte"
	chart := func(edit func(*pdfdoc.BarChart)) func(*pdfdoc.Document) {
		return func(d *pdfdoc.Document) {
			c := pdfdoc.BarChart{Title: "Chart", Categories: []string{"Jan"}, Series: []pdfdoc.Series{{Name: "Calls", Values: []float64{2}}}, YLabel: "Count"}
			edit(&c)
			d.BarChart(c)
		}
	}
	tests := []struct {
		name  string
		opts  func(*pdfdoc.Options)
		build func(*pdfdoc.Document)
	}{
		{name: "title", opts: func(o *pdfdoc.Options) { o.Title = bad }},
		{name: "subject", opts: func(o *pdfdoc.Options) { o.Subject = bad }},
		{name: "author", opts: func(o *pdfdoc.Options) { o.Author = bad }},
		{name: "reference", opts: func(o *pdfdoc.Options) { o.Reference = bad }},
		{name: "marking", opts: func(o *pdfdoc.Options) { o.Marking = "BAD\xffBYTE" }},
		{name: "header note", opts: func(o *pdfdoc.Options) { o.HeaderNote = bad }},
		{name: "heading and bookmark", build: func(d *pdfdoc.Document) { d.Heading(1, bad, "") }},
		{name: "contents title", build: func(d *pdfdoc.Document) { d.Contents(bad) }},
		{name: "paragraph ending badly", build: func(d *pdfdoc.Document) { d.Paragraph("ends badly " + bad + "\xe2\x82") }},
		{name: "text label and body", build: func(d *pdfdoc.Document) { d.Text(pdfdoc.Text{Label: bad, Body: bad, Style: pdfdoc.Bold}) }},
		{name: "group name and signatures", build: func(d *pdfdoc.Document) {
			d.StartGroup(pdfdoc.Group{Name: bad, Signatures: []string{bad}})
			d.Paragraph("In the group.")
		}},
		{name: "table title and cell", build: func(d *pdfdoc.Document) {
			d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{{Title: bad}}, Rows: []pdfdoc.Row{pdfdoc.TextRow(bad)}})
		}},
		{name: "form label and value", build: func(d *pdfdoc.Document) {
			d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{{{Label: bad, Value: bad}}}})
		}},
		{name: "signature labels", build: func(d *pdfdoc.Document) { d.Signatures(bad) }},
		{name: "image caption", build: func(d *pdfdoc.Document) { d.Image(pdfdoc.Image{Data: picture(t, 40, 30, false), Caption: bad}) }},
		{name: "imported PDF title", build: func(d *pdfdoc.Document) { d.ImportPDF(pdfdoc.PDFImport{Data: exhibit(t, "Page"), Title: bad}) }},
		{name: "chart title", build: chart(func(c *pdfdoc.BarChart) { c.Title = bad })},
		{name: "chart category", build: chart(func(c *pdfdoc.BarChart) { c.Categories = []string{bad} })},
		{name: "chart series", build: chart(func(c *pdfdoc.BarChart) { c.Series[0].Name = bad })},
		{name: "chart axis labels", build: chart(func(c *pdfdoc.BarChart) { c.XLabel, c.YLabel = bad, bad })},
		// fpdf's fonts stop at U+FFFF; an emoji would crash it.
		{name: "emoji in text and bookmark", build: func(d *pdfdoc.Document) { d.Heading(1, "Bad\U0001F600byte", "") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := opts()
			if tt.opts != nil {
				tt.opts(&o)
			}
			d := pdfdoc.New(o)
			if tt.build != nil {
				tt.build(d)
			}
			var buf bytes.Buffer
			var err error
			require.NotPanics(t, func() { err = d.Write(&buf) })
			require.NoError(t, err)
			pdf := buf.Bytes()
			realclient.QPDFCheck(t, pdf)
			// The string shows, with the replacement character, wherever a
			// reader finds it: page text, document properties or bookmarks.
			found := []string{realclient.PDFText(t, pdf)}
			for _, v := range realclient.Info(t, pdf) {
				found = append(found, v)
			}
			for _, e := range realclient.Outline(t, pdf) {
				found = append(found, e.Title)
			}
			assert.Contains(t, strings.ToUpper(strings.Join(found, "\n")), strings.ToUpper(shown))
		})
	}
}

func TestReplacingBadTextLeavesTheCallersValuesAlone(t *testing.T) {
	rows := []pdfdoc.Row{pdfdoc.TextRow("Bad\xffbyte")}
	d := pdfdoc.New(opts())
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{{Title: "Column"}}, Rows: rows})
	write(t, d)
	assert.Equal(t, "Bad\xffbyte", rows[0].Cells[0].Text)
}
