package baseline

import (
	"bytes"
	"image"
	"image/png"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/realclient"
)

func TestWritePDFWritesThePagesAskedFor(t *testing.T) {
	var picture bytes.Buffer
	require.NoError(t, png.Encode(&picture, image.NewGray(image.Rect(0, 0, 40, 30))))
	tests := []struct {
		name string
		doc  PDF
	}{
		{"text only", PDF{Pages: 3, Text: []string{"Ffion Hale waited outside the house on Lôn Glan Môr.", "A second paragraph."}}},
		{"text and pictures", PDF{Pages: 4, Text: []string{"Text."}, Images: [][]byte{picture.Bytes(), picture.Bytes()}}},
		{"more pictures than pages", PDF{Pages: 1, Images: [][]byte{picture.Bytes(), picture.Bytes()}}},
		{"no text", PDF{Pages: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.doc.Date = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
			var buf bytes.Buffer
			require.NoError(t, WritePDF(&buf, tt.doc))
			realclient.QPDFCheck(t, buf.Bytes())
			assert.Equal(t, tt.doc.Pages, realclient.PDFPages(t, buf.Bytes()))
		})
	}
}

func TestWritePDFRepeatsTheTextToFillItsPages(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WritePDF(&buf, PDF{Pages: 2, Text: []string{"Lôn Glan Môr"}}))
	second := realclient.PageText(t, buf.Bytes(), 2)
	assert.Contains(t, second, "Lôn Glan Môr")
	assert.Contains(t, second, "Page 2 of 2")
}

func TestStringsFindsEveryStringInOrder(t *testing.T) {
	type inner struct {
		Name   string
		hidden string
	}
	type doc struct {
		Title  string
		People []inner
		Lead   *inner
		Empty  string
		Count  int
		Any    any
	}
	v := doc{Title: "t", People: []inner{{"a", "x"}, {"b", "y"}}, Lead: &inner{Name: "c"}, Any: inner{Name: "d"}}
	assert.Equal(t, []string{"t", "a", "b", "c", "d"}, Strings(v))
	assert.Equal(t, []string{"t", "a", "b", "c", "d"}, Strings(&v))
}

func TestReadSheetsAndWriteWorkbookKeepTheValues(t *testing.T) {
	sheets := []Sheet{
		{Name: "First", Rows: [][]any{{"Name", "Count", "Done"}, {"Siân", 3.0, true}, {"Ffion", 4.5, false}}},
		{Name: "Second", Rows: [][]any{{"only"}}},
	}
	var buf bytes.Buffer
	require.NoError(t, WriteWorkbook(&buf, sheets, t.TempDir()))
	got, err := ReadSheets(buf.Bytes())
	require.NoError(t, err)
	assert.Equal(t, sheets, got)
}
