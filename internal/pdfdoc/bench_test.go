package pdfdoc_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/spokit/spokit/internal/pdfdoc"
)

// benchText is about one page of prose per section; 50 sections make a
// document of about 50 pages.
var benchText = func() string {
	var b bytes.Buffer
	for i := range 60 {
		fmt.Fprintf(&b, "On day %d the respondent sent messages and waited near the applicant’s home in Caernarfon. ", i+1)
	}
	return b.String()
}()

const benchSections = 50

// BenchmarkRenderText50Pages measures a plain text document through pdfdoc:
// headings, bookmarks, contents, marking, header and footer.
func BenchmarkRenderText50Pages(b *testing.B) {
	o := opts()
	for b.Loop() {
		d := pdfdoc.New(o)
		d.Contents("Contents")
		for i := range benchSections {
			d.Heading(1, fmt.Sprintf("Section %d", i+1), "")
			d.Paragraph(benchText)
		}
		if err := d.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRawFpdfText50Pages is the same text through fpdf directly, with
// the same two fonts and a footer, as a floor to compare pdfdoc against.
func BenchmarkRawFpdfText50Pages(b *testing.B) {
	for b.Loop() {
		f := fpdf.New("P", "mm", "A4", "")
		f.SetCreationDate(asOf)
		f.SetModificationDate(asOf)
		f.SetCatalogSort(true)
		f.AddUTF8FontFromBytes("go", "", goregular.TTF)
		f.AddUTF8FontFromBytes("go", "B", gobold.TTF)
		f.SetMargins(20, 24, 20)
		f.SetAutoPageBreak(true, 23)
		f.AddPage()
		for i := range benchSections {
			f.SetFont("go", "B", 14)
			f.Bookmark(fmt.Sprintf("Section %d", i+1), 0, -1)
			f.MultiCell(0, 7, fmt.Sprintf("Section %d", i+1), "", "L", false)
			f.SetFont("go", "", 10)
			f.MultiCell(0, 5, benchText, "", "L", false)
		}
		// Footers go on once the page count is known, as pdfdoc draws them.
		f.SetAutoPageBreak(false, 0)
		f.SetFont("go", "", 8.5)
		n := f.PageCount()
		for p := 1; p <= n; p++ {
			f.SetPage(p)
			f.SetXY(20, 279)
			f.CellFormat(0, 5, fmt.Sprintf("Page %d of %d", p, n), "", 0, "R", false, 0, "")
		}
		if err := f.Output(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
