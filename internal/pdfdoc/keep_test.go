package pdfdoc_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/spokit/spokit/internal/pdfdoc"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pageOfWord returns the page the first word equal to text is on, or 0.
func pageOfWord(t *testing.T, pdf []byte, text string) int {
	for _, w := range realclient.Words(t, pdf) {
		if w.Text == text {
			return w.Page
		}
	}
	return 0
}

func TestAHeadingMovesWithWhatFollowsIt(t *testing.T) {
	table := func(d *pdfdoc.Document) {
		d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{{Title: "Ref"}, {Title: "What"}},
			Rows: []pdfdoc.Row{pdfdoc.TextRow("FIRSTROW", words("w", 60))}})
	}
	form := func(d *pdfdoc.Document) {
		d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{{{Label: "FIRSTROW", Value: words("v", 60)}}}})
	}
	headingThenTable := func(d *pdfdoc.Document) {
		d.Heading(2, "Sub", "")
		table(d)
	}
	caption := func(d *pdfdoc.Document) {
		d.Text(pdfdoc.Text{Body: "Against one victim", Style: pdfdoc.Bold})
		table(d)
	}
	tests := []struct {
		name string
		then func(d *pdfdoc.Document)
	}{
		{name: "a table's header and first row", then: table},
		{name: "a form's first row", then: form},
		{name: "a heading and the table after it", then: headingThenTable},
		{name: "a bold caption and its table", then: caption},
	}
	for _, tt := range tests {
		// Fill the page to a range of depths so that the heading lands near
		// the foot at one of them.
		for lines := 27; lines <= 31; lines++ {
			t.Run(tt.name+"/"+strconv.Itoa(lines), func(t *testing.T) {
				d := pdfdoc.New(opts())
				for i := range lines {
					d.Text(pdfdoc.Text{Body: "filler " + strconv.Itoa(i)})
				}
				d.Heading(1, "KEEPME", "")
				tt.then(d)
				pdf := write(t, d)
				heading, row := pageOfWord(t, pdf, "KEEPME"), pageOfWord(t, pdf, "FIRSTROW")
				require.NotZero(t, heading)
				assert.Equal(t, heading, row, "the heading is on the page where what follows it starts")
			})
		}
	}
}

func TestPageCountMarkPrintsTheCountOnlyWhereTheTextAsksForIt(t *testing.T) {
	d := pdfdoc.New(opts())
	d.StartGroup(pdfdoc.Group{Name: "Statement"})
	d.Text(pdfdoc.Text{Body: "consisting of " + pdfdoc.PageCountMark + " page(s)", Count: pdfdoc.GroupPageCount})
	d.Text(pdfdoc.Text{Body: "case text " + pdfdoc.PageCountMark + " stays"})
	for i := range 80 {
		d.Paragraph("line " + strconv.Itoa(i))
	}
	d.EndGroup()
	pdf := write(t, d)
	text := strings.Join(strings.Fields(realclient.PageText(t, pdf, 1)), " ")
	pages := realclient.PDFPages(t, pdf)
	assert.Contains(t, text, "consisting of "+strconv.Itoa(pages)+" page(s)")
	assert.NotContains(t, text, "case text "+strconv.Itoa(pages))

	d = pdfdoc.New(opts())
	d.Text(pdfdoc.Text{Body: pdfdoc.PageCountMark, Count: pdfdoc.GroupPageCount})
	assert.ErrorContains(t, d.Write(&strings.Builder{}), "group page count outside a group")
}
