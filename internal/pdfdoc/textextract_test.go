package pdfdoc_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/pdfdoc"
)

func TestExtractTextReturnsEachPageInOrder(t *testing.T) {
	d := pdfdoc.New(opts())
	d.Paragraph("First page names Siân Ŵyn " + unicodeSample)
	d.PageBreak()
	d.Paragraph("Second page says 12 Quay Street")
	src := write(t, d)

	pages, err := pdfdoc.ExtractText(src)
	require.NoError(t, err)
	require.Len(t, pages, 2)
	assert.Contains(t, pages[0], "Siân Ŵyn")
	assert.Contains(t, strings.Join(strings.Fields(pages[0]), " "), unicodeSample)
	assert.NotContains(t, pages[0], "Quay")
	assert.Contains(t, pages[1], "12 Quay Street")

	// An imported page keeps its text, so a bundle can be checked too.
	b := pdfdoc.New(opts())
	b.ImportPDF(pdfdoc.PDFImport{Data: exhibit(t, "Imported words", "Second imported")})
	bundle, err := pdfdoc.ExtractText(write(t, b))
	require.NoError(t, err)
	require.Len(t, bundle, 2)
	assert.Contains(t, bundle[0], "Imported words")
	assert.Contains(t, bundle[1], "Second imported")

	again, err := pdfdoc.ExtractText(src)
	require.NoError(t, err)
	assert.Equal(t, pages, again, "deterministic")
}

func TestExtractTextRefusesWhatIsNotAPDF(t *testing.T) {
	good := exhibit(t, "x")
	// Damaged dictionaries nested deeply take pdfcpu's parser time
	// exponential in their depth; deep arrays, stack.
	deepDict := bytes.Replace(good, []byte("/Type /Catalog"), []byte("/Type /Catalog /Q "+strings.Repeat("<</A ", 30)+strings.Repeat(">>", 30)), 1)
	deepArray := bytes.Replace(good, []byte("/Type /Catalog"), []byte("/Type /Catalog /Q "+strings.Repeat("[", 100000)+strings.Repeat("]", 100000)), 1)
	for _, data := range [][]byte{nil, []byte("hello"), []byte("%PDF-1.4\n"), good[:200], deepDict, deepArray} {
		start := time.Now()
		_, err := pdfdoc.ExtractText(data)
		assert.ErrorIs(t, err, pdfdoc.ErrDamaged)
		assert.Less(t, time.Since(start), 2*time.Second)
	}
}

func FuzzExtractText(f *testing.F) {
	t := &testing.T{}
	f.Add(exhibit(t, "Seed page", "Second"))
	d := pdfdoc.New(opts())
	d.Paragraph("Fuzz seed " + unicodeSample)
	f.Add(write(t, d))
	f.Add([]byte("%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/Contents 4 0 R/Resources<</Font<</F1<</Subtype/Type1/BaseFont/Helvetica>>>>>>>>endobj 4 0 obj<</Length 30>>stream\nBT /F1 9 Tf (Hi) Tj [(a)-300(b)] TJ ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pages, err := pdfdoc.ExtractText(data)
		if err != nil {
			return
		}
		again, err := pdfdoc.ExtractText(data)
		require.NoError(t, err)
		require.Equal(t, pages, again)
	})
}
