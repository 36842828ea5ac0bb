package pdfdoc_test

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/pdfdoc"
	"github.com/spokit/spokit/internal/realclient"
)

// The exhibit corpus is made by scripts/exhibit-corpus.py from ordinary
// tools, once per test run, into a temporary folder.
var (
	corpusOnce sync.Once
	corpusPath string
	corpusErr  error
)

func corpus(t *testing.T) string {
	t.Helper()
	for _, tool := range []string{"qpdf", "gs", "img2pdf", "exiftool", "pdftoppm", "pdftotext", "soffice"} {
		realclient.Require(t, tool)
	}
	py := "/usr/bin/python3" // Debian's, which has Pillow (python3-pil)
	if err := exec.Command(py, "-c", "import PIL").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("python3-pil is required in CI: %v", err)
		}
		t.Skipf("python3 with Pillow (python3-pil) not installed: %v", err)
	}
	corpusOnce.Do(func() {
		dir, err := os.MkdirTemp("", "spokit-exhibits-")
		if err != nil {
			corpusErr = err
			return
		}
		args := []string{"../../scripts/exhibit-corpus.py", dir}
		if os.Getenv("SPOKIT_SCALE") == "1" {
			args = append(args, "--scale")
		}
		if out, err := exec.Command(py, args...).CombinedOutput(); err != nil {
			corpusErr = fmt.Errorf("%v: %s", err, out)
		}
		corpusPath = dir
	})
	require.NoError(t, corpusErr)
	return corpusPath
}

func corpusFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpus(t), name))
	require.NoError(t, err)
	return data
}

// placement is where a page of ours draws an XObject: its matrix.
type placement struct {
	page int
	m    [6]float64
}

var doOperator = regexp.MustCompile(`q (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) cm /PdfdocX\d+ Do Q`)

// placements reads the matrices with which each page draws imported pages
// and pictures, from qpdf's uncompressed rewrite of the file.
func placements(t *testing.T, pdf []byte) []placement {
	t.Helper()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "qdf.pdf")
	require.NoError(t, os.WriteFile(in, pdf, 0o600))
	require.NoError(t, exec.Command(realclient.Require(t, "qpdf"), "--qdf", "--object-streams=disable", in, out).Run())
	qdf, err := os.ReadFile(out)
	require.NoError(t, err)
	var ps []placement
	for i, part := range bytes.Split(qdf, []byte("%% Contents for page "))[1:] {
		for _, m := range doOperator.FindAllSubmatch(part, -1) {
			p := placement{page: i + 1}
			for j := range p.m {
				p.m[j], _ = strconv.ParseFloat(string(m[j+1]), 64)
			}
			ps = append(ps, p)
		}
	}
	return ps
}

// raster is a rendered RGB picture.
type raster struct {
	w, h int
	pix  []byte
}

func (r raster) at(x, y int) [3]int {
	i := 3 * (y*r.w + x)
	return [3]int{int(r.pix[i]), int(r.pix[i+1]), int(r.pix[i+2])}
}

// render renders page n of pdf with pdftoppm at dpi, cropped to the box
// x, y, w, h in pixels from the top left when w > 0.
func render(t *testing.T, pdf []byte, n int, dpi float64, x, y, w, h int) raster {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	require.NoError(t, os.WriteFile(in, pdf, 0o600))
	args := []string{"-cropbox", "-r", strconv.FormatFloat(dpi, 'f', 3, 64), "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-singlefile"}
	if w > 0 {
		args = append(args, "-x", strconv.Itoa(x), "-y", strconv.Itoa(y), "-W", strconv.Itoa(w), "-H", strconv.Itoa(h))
	}
	args = append(args, in, filepath.Join(dir, "out"))
	out, err := exec.Command(realclient.Require(t, "pdftoppm"), args...).CombinedOutput()
	require.NoError(t, err, string(out))
	ppm, err := os.ReadFile(filepath.Join(dir, "out.ppm"))
	require.NoError(t, err)
	var rw, rh, maxv int
	var off int
	fields := 0
	for i := 2; fields < 3; {
		for ppm[i] == ' ' || ppm[i] == '\n' {
			i++
		}
		j := i
		for ppm[j] >= '0' && ppm[j] <= '9' {
			j++
		}
		v, _ := strconv.Atoi(string(ppm[i:j]))
		switch fields {
		case 0:
			rw = v
		case 1:
			rh = v
		case 2:
			maxv = v
		}
		fields++
		i, off = j, j+1
	}
	require.Equal(t, 255, maxv)
	return raster{w: rw, h: rh, pix: ppm[off:]}
}

// compareImportedPage renders the bundle's page where it draws the
// imported page p, and the source page on its own at the same scale, and
// returns the share of the source's inked pixels (grey below 160) that the
// bundle does not match within 96 grey levels (a pixel either way), plus
// pixels inked in the bundle only: 0 for the same picture, 1 or more for a blank or misplaced
// one.
func compareImportedPage(t *testing.T, bundle []byte, p placement, src []byte, srcPage int, srcW, srcH float64) float64 {
	t.Helper()
	const dpi = 60.0
	const pageH = 841.89
	x := p.m[4] * dpi / 72
	y := (pageH - p.m[5] - p.m[3]*srcH) * dpi / 72
	w, h := int(srcW*p.m[0]*dpi/72), int(srcH*p.m[3]*dpi/72)
	got := render(t, bundle, p.page, dpi, int(math.Round(x)), int(math.Round(y)), w, h)
	want := render(t, src, srcPage, dpi*p.m[0], 0, 0, 0, 0)
	grey := func(r raster, x, y int) int { c := r.at(x, y); return (c[0] + c[1] + c[2]) / 3 }
	// near reports whether r has a pixel within one of x, y close to v:
	// the two renderings may round positions a pixel apart.
	near := func(r raster, x, y, v int) bool {
		for dy := -1; dy <= 1; dy++ {
			for dx := -1; dx <= 1; dx++ {
				if abs(grey(r, x+dx, y+dy)-v) <= 96 {
					return true
				}
			}
		}
		return false
	}
	ink, bad := 0, 0
	for yy := 1; yy < min(got.h, want.h)-1; yy++ {
		for xx := 1; xx < min(got.w, want.w)-1; xx++ {
			a, b := grey(got, xx, yy), grey(want, xx, yy)
			if b < 160 {
				ink++
			}
			if (b < 160 && !near(got, xx, yy, b)) || (a < 160 && !near(want, xx, yy, a)) {
				bad++
			}
		}
	}
	require.Positive(t, ink, "the source page renders blank")
	return float64(bad) / float64(ink)
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// pageSize is the size of page n as a viewer shows it (after /Rotate), in
// points, from pdfinfo.
func pageSize(t *testing.T, pdf []byte, n int) (float64, float64) {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	require.NoError(t, os.WriteFile(in, pdf, 0o600))
	out, err := exec.Command(realclient.Require(t, "pdfinfo"), "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), in).Output()
	require.NoError(t, err)
	m := regexp.MustCompile(`Page +\d+ size: +([\d.]+) x ([\d.]+) pts.*\n(?:Page +\d+ rot: +(\d+))?`).FindSubmatch(out)
	require.NotNil(t, m, string(out))
	w, _ := strconv.ParseFloat(string(m[1]), 64)
	h, _ := strconv.ParseFloat(string(m[2]), 64)
	if r, _ := strconv.Atoi(string(m[3])); r%180 != 0 {
		w, h = h, w
	}
	return w, h
}

func bundleOf(t *testing.T, build func(d *pdfdoc.Document)) []byte {
	t.Helper()
	d := pdfdoc.New(opts())
	build(d)
	out := write(t, d)
	realclient.QPDFCheck(t, out)
	return out
}

// normalised joins runs of white space, for comparing words.
func normalised(s string) []string { return strings.Fields(s) }

func TestExhibitPDFsShowEveryPageAsAViewerDoes(t *testing.T) {
	tests := []struct {
		file string
		// what the source's own rendering lacks but a viewer shows (none
		// here: pdftoppm draws annotations too)
	}{
		{"plain.pdf"}, {"inherited.pdf"}, {"rotated.pdf"}, {"annots.pdf"}, {"incremental.pdf"},
		{"hybrid.pdf"}, {"objstm.pdf"}, {"owner-aes256.pdf"}, {"owner-rc4.pdf"}, {"ghostscript.pdf"}, {"libreoffice.pdf"},
		{"photo-in-pdf.pdf"}, {"metadata.pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src := corpusFile(t, tt.file)
			build := func(d *pdfdoc.Document) { d.ImportPDF(pdfdoc.PDFImport{Data: src, Title: "Exhibit JS/1"}) }
			out := bundleOf(t, build)
			assert.True(t, bytes.Equal(out, bundleOf(t, build)), "the same exhibit gives the same bytes")
			srcPages := realclient.PDFPages(t, src)
			ps := placements(t, out)
			require.Len(t, ps, srcPages)
			for i, p := range ps {
				// Every word of the source page is on the bundle page.
				got := strings.Join(normalised(realclient.PageText(t, out, p.page)), " ")
				for _, w := range normalised(realclient.PageText(t, src, i+1)) {
					assert.Contains(t, got, w, "page %d", i+1)
				}
				w, h := pageSize(t, src, i+1)
				diff := compareImportedPage(t, out, p, src, i+1, w, h)
				assert.Less(t, diff, 0.15, "page %d renders unlike the source (%.0f%% of its ink differs)", i+1, 100*diff)
			}
		})
	}
}

func TestAnIncrementalUpdateShowsOnlyTheLatestRevision(t *testing.T) {
	src := corpusFile(t, "incremental.pdf")
	out := bundleOf(t, func(d *pdfdoc.Document) { d.ImportPDF(pdfdoc.PDFImport{Data: src, Title: "Exhibit JS/2"}) })
	text := realclient.PDFText(t, out)
	assert.Contains(t, text, "Letter as finally sent")
	assert.NotContains(t, text, "REMOVEDSECRET")
	assert.NotContains(t, text, "Hidden Lane")
	pages, err := pdfdoc.ExtractText(src)
	require.NoError(t, err)
	assert.NotContains(t, strings.Join(pages, " "), "REMOVEDSECRET")
	// Nor in the file's bytes, compressed or not.
	assert.False(t, strings.Contains(qdf(t, out), "REMOVEDSECRET"), "the removed text is in the file")
}

func qdf(t *testing.T, pdf []byte) string {
	t.Helper()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "qdf.pdf")
	require.NoError(t, os.WriteFile(in, pdf, 0o600))
	require.NoError(t, exec.Command(realclient.Require(t, "qpdf"), "--qdf", "--object-streams=disable", in, out).Run())
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	return string(b)
}

func TestAnnotationsAndFormFieldsAreFlattenedIntoThePage(t *testing.T) {
	src := corpusFile(t, "annots.pdf")
	out := bundleOf(t, func(d *pdfdoc.Document) { d.ImportPDF(pdfdoc.PDFImport{Data: src}) })
	text := realclient.PDFText(t, out)
	assert.Contains(t, text, "Filled value Riverside")
	assert.Contains(t, text, "RECEIVED")
	assert.NotContains(t, text, "HIDDENNOTE", "a hidden annotation stays hidden")
}

func TestRefusedExhibitsSayWhyInPlainWords(t *testing.T) {
	tests := []struct {
		file string
		want error
	}{
		{"user-password.pdf", pdfdoc.ErrPassword},
		{"truncated.jpg", nil},
		{"photo.heic", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			err := pdfdoc.CheckExhibit(corpusFile(t, tt.file))
			require.Error(t, err)
			if tt.want != nil {
				assert.True(t, errors.Is(err, tt.want), err)
			}
			assert.NotContains(t, err.Error(), "pdfcpu")
			assert.NotContains(t, err.Error(), "unexpected EOF")
		})
	}
	assert.Contains(t, pdfdoc.CheckExhibit(corpusFile(t, "photo.heic")).Error(), "convert it to JPEG")
	assert.Contains(t, pdfdoc.CheckExhibit(corpusFile(t, "truncated.jpg")).Error(), "damaged")
}

func TestPhotosPrintUpright(t *testing.T) {
	for _, file := range []string{"upright.png", "orient6.jpg", "orient8.jpg", "orient3.jpg", "scan.tif", "large.png"} {
		t.Run(file, func(t *testing.T) {
			data := corpusFile(t, file)
			out := bundleOf(t, func(d *pdfdoc.Document) { d.Image(pdfdoc.Image{Data: data, Caption: file}) })
			ps := placements(t, out)
			require.Len(t, ps, 1)
			m := ps[0].m
			// The box the unit square lands in, in points from the bottom left.
			xs := []float64{m[4], m[4] + m[0], m[4] + m[2], m[4] + m[0] + m[2]}
			ys := []float64{m[5], m[5] + m[1], m[5] + m[3], m[5] + m[1] + m[3]}
			x0, x1 := min(xs[0], xs[1], xs[2], xs[3]), max(xs[0], xs[1], xs[2], xs[3])
			y0, y1 := min(ys[0], ys[1], ys[2], ys[3]), max(ys[0], ys[1], ys[2], ys[3])
			assert.Greater(t, x1-x0, y1-y0, "the upright picture is landscape")
			const dpi = 72.0
			r := render(t, out, 1, dpi, int(x0), int(841.89-y1), int(x1-x0), int(y1-y0))
			at := func(fx, fy float64) [3]int { return r.at(int(fx*float64(r.w)), int(fy*float64(r.h))) }
			red, blue, white := at(0.12, 0.12), at(0.5, 0.95), at(0.8, 0.4)
			assert.True(t, red[0] > 180 && red[1] < 80 && red[2] < 80, "top left is red: %v", red)
			if file != "large.png" {
				assert.True(t, blue[2] > 150 && blue[0] < 80, "bottom is blue: %v", blue)
			}
			assert.True(t, white[0] > 230 && white[1] > 230 && white[2] > 230, "right is white: %v", white)
		})
	}
}

func TestPicturesCarryNoMetadata(t *testing.T) {
	exiftool := realclient.Require(t, "exiftool")
	pdfimages := realclient.Require(t, "pdfimages")
	src := corpusFile(t, "orient6.jpg")
	before, err := exec.Command(exiftool, "-a", "-G1", filepath.Join(corpus(t), "orient6.jpg")).Output()
	require.NoError(t, err)
	require.Contains(t, string(before), "GPS Latitude", "the corpus photo has GPS to strip")

	for _, build := range []func(d *pdfdoc.Document){
		func(d *pdfdoc.Document) { d.Image(pdfdoc.Image{Data: src}) },
		func(d *pdfdoc.Document) { d.ImportPDF(pdfdoc.PDFImport{Data: corpusFile(t, "photo-in-pdf.pdf")}) },
		func(d *pdfdoc.Document) { d.ImportPDF(pdfdoc.PDFImport{Data: corpusFile(t, "metadata.pdf")}) },
	} {
		out := bundleOf(t, build)
		dir := t.TempDir()
		in := filepath.Join(dir, "b.pdf")
		require.NoError(t, os.WriteFile(in, out, 0o600))
		require.NoError(t, exec.Command(pdfimages, "-all", in, filepath.Join(dir, "img")).Run())
		files, _ := filepath.Glob(filepath.Join(dir, "img*"))
		require.NotEmpty(t, files)
		for _, f := range files {
			info, err := exec.Command(exiftool, "-a", "-G1", f).Output()
			require.NoError(t, err)
			for _, leak := range []string{"GPS", "Morgan Example", "private note", "XMP", "Artist"} {
				assert.False(t, strings.Contains(string(info), leak), "%s carries %q", filepath.Base(f), leak)
			}
		}
		assert.False(t, strings.Contains(qdf(t, out), "Morgan Example"), "a name from the metadata is in the file")
	}
}

func TestAPageInTheDefaultColourPrintsBlack(t *testing.T) {
	src := corpusFile(t, "plain.pdf")
	out := bundleOf(t, func(d *pdfdoc.Document) {
		// A shaded table header leaves a grey fill colour set, which fpdf
		// carries on to the next page.
		d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{{Title: "Shaded header"}}, Rows: []pdfdoc.Row{{Cells: []pdfdoc.Cell{{Text: "cell"}}}}})
		d.BarChart(pdfdoc.BarChart{Title: "Coloured bars", Categories: []string{"a"}, Series: []pdfdoc.Series{{Name: "s", Values: []float64{1}}}})
		d.ImportPDF(pdfdoc.PDFImport{Data: src, Title: "Exhibit JS/3"})
	})
	ps := placements(t, out)
	require.Len(t, ps, 1)
	p := ps[0]
	// plain.pdf fills 72,400 to 523,600 in the default colour.
	const dpi = 72.0
	x := p.m[4] + 300*p.m[0]
	y := 841.89 - (p.m[5] + 500*p.m[3])
	r := render(t, out, p.page, dpi, int(x), int(y), 4, 4)
	assert.Equal(t, [3]int{0, 0, 0}, r.at(1, 1))
}

func TestExtractTextFindsTextAReaderCannotSee(t *testing.T) {
	tests := []struct {
		file    string
		want    []string
		notWant []string
	}{
		{"hidden-text.pdf", []string{"Visible heading of the scan", "WhiteOnWhite 7 Elm Row", "InvisibleOcrLayer", "UnderTheBox", "AboveTheCropBox", "Inside a form"}, nil},
		{"annots.pdf", []string{"Form filled in by the witness", "Filled value Riverside", "RECEIVED"}, []string{"HIDDENNOTE"}},
		{"owner-aes256.pdf", []string{"Account holder Morgan Example"}, nil},
		{"hybrid.pdf", []string{"Text needs the compressed font"}, nil},
		{"inherited.pdf", []string{"Inherited fonts still print", "Balance carried forward"}, nil},
		{"ghostscript.pdf", []string{"Form filled in by the witness", "Filled value Riverside", "RECEIVED"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			pages, err := pdfdoc.ExtractText(corpusFile(t, tt.file))
			require.NoError(t, err)
			all := strings.Join(normalised(strings.Join(pages, "\n")), " ")
			for _, w := range tt.want {
				assert.Contains(t, all, w)
			}
			for _, w := range tt.notWant {
				assert.NotContains(t, all, w)
			}
		})
	}
	_, err := pdfdoc.ExtractText(corpusFile(t, "user-password.pdf"))
	assert.ErrorIs(t, err, pdfdoc.ErrPassword)
}

func TestAMultiPageTIFFPrintsEveryPage(t *testing.T) {
	data := corpusFile(t, "scan-2pages.tif")
	require.NoError(t, pdfdoc.CheckExhibit(data))
	out := bundleOf(t, func(d *pdfdoc.Document) { d.Image(pdfdoc.Image{Data: data, Caption: "Scan"}) })
	ps := placements(t, out)
	require.Len(t, ps, 2, "both pages drawn")
	// The second page is portrait, black at its top left.
	m := ps[1].m
	assert.Greater(t, m[3], m[0])
	r := render(t, out, ps[1].page, 72, int(m[4]), int(841.89-m[5]-m[3]), int(m[0]), int(m[3]))
	assert.Less(t, r.at(int(0.1*float64(r.w)), int(0.1*float64(r.h)))[0], 60)
	assert.Greater(t, r.at(int(0.8*float64(r.w)), int(0.8*float64(r.h)))[0], 200)
}
