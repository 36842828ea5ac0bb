package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"

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
	s := "a  bc\n\nd "
	var toks []string
	for a := 0; a < len(s); a = tokenEnd(s, a) {
		toks = append(toks, s[a:tokenEnd(s, a)])
	}
	assert.Equal(t, []string{"a", "  ", "bc", "\n", "\n", "d", " "}, toks)
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

// texts returns each line's spans as "text" or "*bold*", joined by "|".
func texts(lines []line) []string {
	var out []string
	for _, l := range lines {
		var parts []string
		for _, s := range l.spans {
			if s.bold {
				parts = append(parts, "*"+s.text+"*")
			} else {
				parts = append(parts, s.text)
			}
		}
		out = append(out, strings.Join(parts, "|"))
	}
	return out
}

func TestWrapBreaksAtSpacesAndJoinsSpansOfOneWeight(t *testing.T) {
	r := &renderer{opts: Options{Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}}
	r.setup()
	wide := 1000.0
	tests := []struct {
		name  string
		spans []span
		width float64
		want  []string
	}{
		{"one line", []span{{"the quick  brown fox", false}}, wide, []string{"the quick  brown fox"}},
		{"spaces at a break are dropped", []span{{"aaaa bbbb cccc", false}}, r.width("aaaa bbbb", false, bodySize) + 0.01, []string{"aaaa bbbb", "cccc"}},
		{"newlines force breaks; CRLF and tabs are one newline and a space", []span{{"a\r\n\nb\tc", false}}, wide, []string{"a", "", "b c"}},
		{"spans of one weight join", []span{{"Name: ", false}, {"Ann", false}, {" Lee", false}}, wide, []string{"Name: Ann Lee"}},
		{"spans of two weights stay apart", []span{{"Name:", true}, {" Ann Lee", false}, {" (V1)", true}}, wide, []string{"*Name:*| Ann Lee|* (V1)*"}},
		{"a space between weights waits for the next word", []span{{"bold ", true}, {"plain", false}}, wide, []string{"*bold *|plain"}},
		{"a word wider than a line is broken between characters", []span{{"mmmmmmmmmm", false}}, r.width("mmmm", false, bodySize) + 0.01, []string{"mmmm", "mmmm", "mm"}},
		{"empty text is one empty line", []span{{"", false}}, wide, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := r.wrap(tt.spans, bodySize, tt.width)
			assert.Equal(t, tt.want, texts(got))
			for _, l := range got {
				assert.LessOrEqual(t, l.width, tt.width)
			}
		})
	}
}
