package docx_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/docx"
	"github.com/spokit/spokit/internal/realclient"
)

var meta = docx.Meta{Title: "Draft order", Date: time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)}

var paras = []docx.Paragraph{
	{Text: "Draft Stalking Protection Order", Bold: true, Size: 14, Align: docx.Centre},
	{Label: "1.", Hang: true, Text: "Must not contact <Ann> & \"Bo\" {{.Secret}} =SUM(A1)"},
	{Label: "2.", Hang: true, Text: "Line one\nLine two", KeepNext: true},
	{Label: "Duration:", Text: "two years"},
	{Text: "Signed: ____", Small: true},
}

func write(t *testing.T, p []docx.Paragraph) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, docx.Write(&buf, meta, p))
	return buf.Bytes()
}

func TestDocumentXMLEscapesTextAndIsWellFormed(t *testing.T) {
	z, err := zip.NewReader(bytes.NewReader(write(t, paras)), int64(len(write(t, paras))))
	require.NoError(t, err)
	var names []string
	var doc string
	for _, f := range z.File {
		names = append(names, f.Name)
		if f.Name == "word/document.xml" {
			r, err := f.Open()
			require.NoError(t, err)
			b, err := io.ReadAll(r)
			require.NoError(t, err)
			doc = string(b)
		}
	}
	assert.Equal(t, []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml"}, names)
	assert.Contains(t, doc, "Must not contact &lt;Ann&gt; &amp; &#34;Bo&#34; {{.Secret}} =SUM(A1)")
	assert.NotContains(t, doc, "<Ann>")
}

func TestSameInputGivesSameBytes(t *testing.T) {
	assert.Equal(t, write(t, paras), write(t, paras))
}

func TestWriteRefusesAZeroDate(t *testing.T) {
	err := docx.Write(io.Discard, docx.Meta{}, paras)
	assert.ErrorContains(t, err, "Date is required")
}

func TestLibreOfficeOpensItWithEveryParagraph(t *testing.T) {
	pdf := realclient.LibreOfficeToPDF(t, "order.docx", write(t, paras))
	text := strings.Join(strings.Fields(realclient.PDFText(t, pdf)), " ")
	for _, want := range []string{"Draft Stalking Protection Order", "1. Must not contact <Ann> & \"Bo\" {{.Secret}} =SUM(A1)",
		"2. Line one Line two", "Duration: two years", "Signed: ____"} {
		assert.Contains(t, text, want)
	}
}
