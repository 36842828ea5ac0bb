package spo_test

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/spokit/spokit/spo"
)

// exampleCase returns a fresh copy of the shared example case (Cheshire):
// 8 acts, an interim order sought, a 3-year order.
func exampleCase(t testing.TB) *casefile.Case {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "case-example.json"))
	require.NoError(t, err)
	defer f.Close()
	c, err := casefile.Decode(f)
	require.NoError(t, err)
	return c
}

// writer is one of the package's document writers.
type writer func(io.Writer, *spo.Application, spo.BundleOptions) error

// build writes one document of the case's application.
func build(t testing.TB, write writer, c *casefile.Case, opts spo.BundleOptions) []byte {
	t.Helper()
	a, err := spo.NewApplication(c)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, write(&buf, a, opts))
	return buf.Bytes()
}

// flat collapses every run of white space to one space, so that text a
// layout wrapped over lines can be searched for as written.
func flat(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// pages returns the text of every page, flattened, numbered from 1 (index 0
// is empty).
func pages(t testing.TB, pdf []byte) []string {
	t.Helper()
	n := realclient.PDFPages(t, pdf)
	out := make([]string, n+1)
	for p := 1; p <= n; p++ {
		out[p] = flat(realclient.PageText(t, pdf, p))
	}
	return out
}

// rawText returns the text of the whole PDF in the order it is drawn
// (`pdftotext -raw`), flattened: the lines of a table cell stay together,
// where -layout interleaves them with the cells beside them.
func rawText(t testing.TB, pdf []byte) string {
	t.Helper()
	tool := realclient.Require(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "raw.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o600))
	out, err := exec.Command(tool, "-raw", "-enc", "UTF-8", path, "-").Output()
	require.NoError(t, err)
	return flat(string(out))
}

// pageOf returns the number of the first page whose text contains s, or 0.
func pageOf(texts []string, s string, from int) int {
	for p := max(from, 1); p < len(texts); p++ {
		if strings.Contains(texts[p], s) {
			return p
		}
	}
	return 0
}

// a4Height is the height of the bundle's pages in points.
const a4Height = 841.89

// linkText returns the words inside a link's rectangle, in reading order.
func linkText(words []realclient.Word, l realclient.Link) string {
	x0, x1 := min(l.Rect[0], l.Rect[2]), max(l.Rect[0], l.Rect[2])
	y0, y1 := a4Height-max(l.Rect[1], l.Rect[3]), a4Height-min(l.Rect[1], l.Rect[3])
	var parts []string
	for _, w := range words {
		cx, cy := (w.XMin+w.XMax)/2, (w.YMin+w.YMax)/2
		if w.Page == l.Page && cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1 {
			parts = append(parts, w.Text)
		}
	}
	return strings.Join(parts, " ")
}

var footerRE = regexp.MustCompile(`Page (\d+) of (\d+)`)

// footers returns the "Page x of y" numbers printed on each page.
func footers(texts []string) (xs, ys []int) {
	for _, text := range texts[1:] {
		m := footerRE.FindAllStringSubmatch(text, -1)
		if len(m) == 0 {
			xs, ys = append(xs, 0), append(ys, 0)
			continue
		}
		last := m[len(m)-1]
		x, _ := strconv.Atoi(last[1])
		y, _ := strconv.Atoi(last[2])
		xs, ys = append(xs, x), append(ys, y)
	}
	return xs, ys
}

// date returns the date written YYYY-MM-DD.
func date(t *testing.T, s string) casefile.Date {
	t.Helper()
	d, err := casefile.ParseDate(s)
	require.NoError(t, err)
	return d
}
