package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestObjectsAreRewrittenCanonically(t *testing.T) {
	ids := map[string]int{"aaa": 7, "bbb": 9}
	id := func(k string) (int, error) {
		if n, ok := ids[k]; ok {
			return n, nil
		}
		return 0, fmt.Errorf("unknown %s", k)
	}
	tests := []struct {
		name, in, want string
	}{
		{"dictionary keys sorted", "<</Type /Font /BaseFont /Helvetica /Encoding aaa 0 R >>\nendobj\n", "<</BaseFont /Helvetica /Encoding 7 0 R /Type /Font >>"},
		{"nested values", "<</Kids [aaa 0 R bbb 0 R ]\n/Box [0 0 595.280000 841.890000 ]\n/N null /B true >>endobj\n", "<</B true /Box [0 0 595.280000 841.890000] /Kids [7 0 R 9 0 R] /N null >>"},
		{"strings kept raw", "<</T (a \\) b (c)) /H <0A1b> >>endobj\n", "<</H <0A1b> /T (a \\) b (c)) >>"},
		{"plain number", "42\nendobj\n", "42"},
		{"stream length from data", "<</Length aaa 0 R /Filter /FlateDecode >>stream\nxyz\x00endstream\nendstream\nendobj\n", "<</Filter /FlateDecode /Length 13 >>\nstream\nxyz\x00endstream\nendstream"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := parseObject([]byte(tt.in))
			require.NoError(t, err)
			var buf bytes.Buffer
			require.NoError(t, writeObj(&buf, o, id))
			assert.Equal(t, tt.want, buf.String())
		})
	}
}

func TestMalformedObjectsAreSyntaxErrors(t *testing.T) {
	for _, in := range []string{"<</A (unterminated", "<</A [1 2", "<<(x) 1>>", "", ">>", "[1 <0A"} {
		_, err := parseObject([]byte(in))
		assert.True(t, errors.Is(err, errSyntax), "%q gave %v", in, err)
	}
}

func TestColumnWidthsFillTheTextWidth(t *testing.T) {
	tests := []struct {
		name string
		cols []Column
		want []float64
	}{
		{"all weighted", []Column{{}, {Weight: 3}}, []float64{contentW / 4, contentW * 3 / 4}},
		{"fixed and weighted", []Column{{Width: 20}, {}, {Weight: 2}}, []float64{20, (contentW - 20) / 3, (contentW - 20) * 2 / 3}},
		{"fixed only, scaled to fit", []Column{{Width: 100}, {Width: 300}}, []float64{contentW / 4, contentW * 3 / 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := columnWidths(tt.cols)
			require.Len(t, got, len(tt.want))
			for i := range got {
				assert.InDelta(t, tt.want[i], got[i], 1e-9)
			}
		})
	}
}

func TestChartTicksAreRound(t *testing.T) {
	tests := []struct{ top, step float64 }{{1, 0.2}, {4, 1}, {9, 2}, {23, 5}, {140, 50}, {1000, 200}}
	for _, tt := range tests {
		assert.InDelta(t, tt.step, niceStep(tt.top), 1e-9, "top %v", tt.top)
	}
}

func TestTokensKeepSpacesAndBreaks(t *testing.T) {
	assert.Equal(t, []string{"a", "  ", "bc", "\n", "\n", "d", " "}, tokens("a  bc\r\n\nd\t"))
}

func TestPrintableTextReplacesOnlyWhatFpdfCannotTake(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"valid text unchanged", "Siân Ŵyn £5 “quoted”", "Siân Ŵyn £5 “quoted”"},
		{"stray byte at the end", "ends badly \xff", "ends badly \uFFFD"},
		{"run of bad bytes is one mark", "a\xff\xfe\xfdb", "a\uFFFDb"},
		{"truncated sequence", "euro \xe2\x82", "euro \uFFFD"},
		{"emoji beyond U+FFFF", "ok \U0001F44D", "ok \uFFFD"},
		{"last character of the first plane kept", "\uFFFC", "\uFFFC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, printableText(tt.in))
		})
	}
}

func TestPicturesDecodeACheckedPictureOnce(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, image.NewNRGBA(image.Rect(0, 0, 4, 3))))
	data := buf.Bytes()
	p := &Pictures{}
	require.NoError(t, p.Check(data))
	checked := p.m[pictureKey(data)]
	require.NotNil(t, checked.image)
	drawn, err := p.decode(pictureKey(data), data)
	require.NoError(t, err)
	assert.Same(t, checked.image, drawn.image, "drawn as checked, not decoded again")
}
