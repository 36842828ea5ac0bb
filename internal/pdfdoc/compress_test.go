package pdfdoc

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font/gofont/goregular"
)

// fpdfFileOf writes pages pages of text, with a link between the first and
// the last, with fpdf alone, compressing its pages or not.
func fpdfFileOf(t *testing.T, pages int, compress bool) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(compress)
	pdf.SetCreationDate(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC))
	pdf.SetModificationDate(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC))
	pdf.AddUTF8FontFromBytes(family, "", goregular.TTF)
	pdf.SetFont(family, "", 10)
	link := pdf.AddLink()
	for p := 1; p <= pages; p++ {
		pdf.AddPage()
		pdf.MultiCell(0, 5, strings.Repeat("Tŷ Gwyn, page text that compresses well. ", 40*p), "", "L", false)
		if p == 1 {
			pdf.Link(20, 20, 30, 5, link)
		}
	}
	pdf.SetLink(link, 0, pages)
	var buf bytes.Buffer
	require.NoError(t, pdf.Output(&buf))
	return buf.Bytes()
}

func TestCompressPagesWritesWhatFpdfWouldHave(t *testing.T) {
	for _, pages := range []int{1, 2, 7} {
		plain := fpdfFileOf(t, pages, false)
		got, err := compressPages(plain)
		require.NoError(t, err)
		assert.Equal(t, fpdfFileOf(t, pages, true), got, "%d pages", pages)
		assert.Less(t, len(got), len(plain))
	}
}

func TestCompressPagesRefusesAFileItDoesNotKnow(t *testing.T) {
	plain := fpdfFileOf(t, 2, false)
	for name, file := range map[string][]byte{
		"not a PDF":            []byte("hello"),
		"already compressed":   fpdfFileOf(t, 2, true),
		"stream cut short":     bytes.Replace(plain, []byte("endstream\nendobj"), []byte("endstrea\nendobj"), 1),
		"contents out of file": bytes.Replace(plain, []byte("/Contents 4 0 R"), []byte("/Contents x 0 R"), 1),
	} {
		_, err := compressPages(file)
		assert.ErrorIs(t, err, errSyntax, name)
	}
}
