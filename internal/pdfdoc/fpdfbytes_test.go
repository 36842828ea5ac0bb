package pdfdoc

import (
	"bytes"
	"fmt"
	"os"
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

// verifiedFpdf is the fpdf version whose output fpdfbytes.go was checked
// against.
const verifiedFpdf = "v0.12.0"

// TestFpdfStillWritesWhatPdfdocEdits fails when an fpdf upgrade changes
// anything fpdfbytes.go relies on: then re-check each fact listed there,
// and the PDFs pdfdoc writes, before changing verifiedFpdf.
func TestFpdfStillWritesWhatPdfdocEdits(t *testing.T) {
	mod, err := os.ReadFile("../../go.mod")
	require.NoError(t, err)
	version := ""
	for line := range strings.Lines(string(mod)) {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "codeberg.org/go-pdf/fpdf" {
			version = f[1]
		}
	}
	require.Equal(t, verifiedFpdf, version, "fpdf was upgraded: re-check what fpdfbytes.go relies on, then update verifiedFpdf")

	plain := fpdfFileOf(t, 3, false)
	assert.True(t, bytes.HasPrefix(plain, []byte("%PDF-1.")), "the header")
	f, err := parseFpdf(plain)
	require.NoError(t, err, "the cross-reference table and trailer")
	res := string(plain[f.resStart:f.resEnd])
	assert.True(t, strings.HasPrefix(res, "2 0 obj\n<<"), "object 2 is a dictionary: %.40q", res)
	assert.Contains(t, res, "/XObject <<\n", "object 2 is the shared resource dictionary")
	pages := 0
	for i := 1; i < len(f.offsets); i++ {
		obj := plain[f.offsets[i]:]
		if !bytes.HasPrefix(obj, []byte(fmt.Sprintf("%d 0 obj\n<</Type /Page\n", i))) {
			continue
		}
		pages++
		obj = obj[:bytes.Index(obj, []byte("endobj"))]
		at := bytes.LastIndex(obj, []byte("/Contents "))
		require.GreaterOrEqual(t, at, 0, "page object %d names its contents", i)
		n, ok := leadingInt(obj[at+len("/Contents "):])
		require.True(t, ok)
		stream := plain[f.offsets[n]:]
		stream = stream[:bytes.Index(stream, []byte("\nendobj\n"))+len("\nendobj\n")]
		_, err := streamData(stream, n)
		assert.NoError(t, err, "content stream %d is written plain", n)
	}
	assert.Equal(t, 3, pages, "every page object is found")
	got, err := compressPages(plain)
	require.NoError(t, err)
	assert.Equal(t, fpdfFileOf(t, 3, true), got, "fpdf compresses as compressPages does")
}
