package pdfdoc_test

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/pdfdoc"
	"github.com/spokit/spokit/internal/realclient"
)

// testPicture is a picture and how pdfimages should list it.
type testPicture struct {
	name   string
	img    image.Image // what the picture shows (before JPEG compression)
	data   []byte
	colour string // pdfimages' colour column: rgb, gray or index
	bpc    int
	enc    string // image, or jpeg for data kept as it is
	smask  bool
}

// equalWidthPictures are pictures of one width (fpdf numbered such pictures
// in map order) of every kind that is embedded in its own way.
func equalWidthPictures(t *testing.T) []testPicture {
	t.Helper()
	const w = 100
	alpha := image.NewNRGBA(image.Rect(0, 0, w, 60))
	opaque := image.NewRGBA(image.Rect(0, 0, w, 70))
	grey16 := image.NewGray16(image.Rect(0, 0, w, 50))
	photo := image.NewRGBA(image.Rect(0, 0, w, 80))
	paletted := image.NewPaletted(image.Rect(0, 0, w, 40), color.Palette{
		color.NRGBA{200, 30, 30, 255}, color.NRGBA{30, 200, 30, 128}, color.NRGBA{30, 30, 200, 0},
	})
	for x := range w {
		for y := range 80 {
			alpha.Set(x, y, color.NRGBA{uint8(x * 2), uint8(y * 4), 200, uint8(x * 255 / (w - 1))})
			opaque.Set(x, y, color.RGBA{uint8(y * 3), 90, uint8(x * 2), 255})
			grey16.Set(x, y, color.Gray16{uint16(x*650 + y*7)})
			photo.Set(x, y, color.RGBA{uint8(x * 2), uint8(y * 3), 120, 255})
			paletted.SetColorIndex(x, y, uint8((x/10+y/10)%3))
		}
	}
	encode := func(img image.Image) []byte {
		var buf bytes.Buffer
		require.NoError(t, png.Encode(&buf, img))
		return buf.Bytes()
	}
	interlaced := image.NewRGBA(image.Rect(0, 0, w, 30))
	for x := range w {
		for y := range 30 {
			interlaced.Set(x, y, color.RGBA{250, uint8(x * 2), uint8(y * 8), 255})
		}
	}
	var jpg bytes.Buffer
	require.NoError(t, jpeg.Encode(&jpg, photo, &jpeg.Options{Quality: 90}))
	return []testPicture{
		{name: "PNG with alpha", img: alpha, data: encode(alpha), colour: "rgb", bpc: 8, enc: "image", smask: true},
		{name: "PNG without alpha", img: opaque, data: encode(opaque), colour: "rgb", bpc: 8, enc: "image"},
		{name: "JPEG", img: photo, data: jpg.Bytes(), colour: "rgb", bpc: 8, enc: "jpeg"},
		{name: "16-bit grey PNG", img: grey16, data: encode(grey16), colour: "gray", bpc: 16, enc: "image"},
		{name: "interlaced PNG", img: interlaced, data: interlacedPNG(t, interlaced), colour: "rgb", bpc: 8, enc: "image"},
		{name: "palette PNG with transparency", img: paletted, data: encode(paletted), colour: "index", bpc: 8, enc: "image", smask: true},
	}
}

// interlacedPNG encodes an opaque picture as an Adam7-interlaced PNG,
// which Go's encoder does not write.
func interlacedPNG(t *testing.T, img *image.RGBA) []byte {
	t.Helper()
	b := img.Bounds()
	var raw []byte
	for _, p := range [][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}} {
		for y := p[1]; y < b.Dy(); y += p[3] {
			raw = append(raw, 0) // filter: none
			for x := p[0]; x < b.Dx(); x += p[2] {
				c := img.RGBAAt(x, y)
				raw = append(raw, c.R, c.G, c.B)
			}
		}
	}
	var idat bytes.Buffer
	z := zlib.NewWriter(&idat)
	_, err := z.Write(raw)
	require.NoError(t, err)
	require.NoError(t, z.Close())
	out := bytes.NewBufferString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		out.Write(binary.BigEndian.AppendUint32(nil, uint32(len(data))))
		out.WriteString(typ)
		out.Write(data)
		out.Write(binary.BigEndian.AppendUint32(nil, crc32.ChecksumIEEE(append([]byte(typ), data...))))
	}
	header := binary.BigEndian.AppendUint32(nil, uint32(b.Dx()))
	header = binary.BigEndian.AppendUint32(header, uint32(b.Dy()))
	chunk("IHDR", append(header, 8, 2, 0, 0, 1)) // 8-bit RGB, interlaced
	chunk("IDAT", idat.Bytes())
	chunk("IEND", nil)
	return out.Bytes()
}

func pictureDocument(pics []testPicture) *pdfdoc.Document {
	d := pdfdoc.New(opts())
	for _, p := range pics {
		d.Image(pdfdoc.Image{Data: p.data, Caption: p.name})
	}
	// A picture used twice is stored once.
	d.Image(pdfdoc.Image{Data: pics[0].data, Caption: "again"})
	return d
}

func TestPicturesOfEqualWidthGiveIdenticalBytes(t *testing.T) {
	pics := equalWidthPictures(t)
	first := write(t, pictureDocument(pics))
	for range 19 {
		require.True(t, bytes.Equal(first, write(t, pictureDocument(pics))), "same pictures, same bytes")
	}
	realclient.QPDFCheck(t, first)

	listed := listImages(t, first)
	var want []listedImage
	for _, p := range pics {
		want = append(want, listedImage{kind: "image", w: 100, h: p.img.Bounds().Dy(), colour: p.colour, bpc: p.bpc, enc: p.enc})
		if p.smask {
			want = append(want, listedImage{kind: "smask", w: 100, h: p.img.Bounds().Dy(), colour: "gray", bpc: p.bpc, enc: "image"})
		}
	}
	want = append(want, want[:2]...) // the first picture, with its mask, again
	got := make([]listedImage, len(listed))
	for i, l := range listed {
		got[i] = l
		got[i].object = 0
	}
	require.Equal(t, want, got)
	assert.Equal(t, listed[0].object, listed[len(listed)-2].object, "a picture used twice is one object")
}

func TestPicturesKeepEveryPixel(t *testing.T) {
	pics := equalWidthPictures(t)
	pdf := write(t, pictureDocument(pics))
	path := tempPDF(t, pdf)
	listed := listImages(t, pdf)
	files := extractImages(t, pdf)
	require.Len(t, files, len(listed))
	i := 0
	for _, p := range pics {
		t.Run(p.name, func(t *testing.T) {
			switch {
			case p.enc == "jpeg":
				require.True(t, strings.HasSuffix(files[i], ".jpg"), files[i])
				data, err := os.ReadFile(files[i])
				require.NoError(t, err)
				assert.True(t, bytes.Equal(p.data, data), "JPEG data embedded as it is")
			case p.bpc == 16:
				// pdfimages writes 8-bit files; qpdf gives the samples.
				id := strconv.Itoa(listed[i].object)
				samples := runTool(t, "qpdf", "--show-object="+id, "--filtered-stream-data", path)
				assert.True(t, bytes.Equal(p.img.(*image.Gray16).Pix, samples), "16-bit samples kept")
			default:
				var mask image.Image
				if p.smask {
					mask = readPNG(t, files[i+1])
				}
				assertSamePixels(t, p.img, readPNG(t, files[i]), mask)
			}
		})
		i++
		if p.smask {
			i++
		}
	}
}

// assertSamePixels compares want, as stored (colours not multiplied by
// alpha), with the colour and alpha images a PDF reader extracted.
func assertSamePixels(t *testing.T, want, colour, mask image.Image) {
	t.Helper()
	b := want.Bounds()
	require.Equal(t, b, colour.Bounds())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			got := straight(colour.At(x, y))
			if mask != nil {
				got.A = straight(mask.At(x, y)).R
			}
			if w := straight(want.At(x, y)); w != got {
				require.Failf(t, "pixel changed", "at %d,%d: want %v, got %v", x, y, w, got)
			}
		}
	}
}

// straight returns an 8-bit colour's own values, without the rounding of
// converting through premultiplied alpha.
func straight(c color.Color) color.NRGBA {
	switch c := c.(type) {
	case color.NRGBA:
		return c
	case color.Gray:
		return color.NRGBA{c.Y, c.Y, c.Y, 0xff}
	}
	// Every other colour in these tests is opaque, so premultiplying
	// changes nothing.
	r, g, b, a := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	return img
}

// listedImage is one row of `pdfimages -list`.
type listedImage struct {
	kind   string // image or smask
	w, h   int
	colour string
	bpc    int
	enc    string
	object int
}

func listImages(t *testing.T, pdf []byte) []listedImage {
	t.Helper()
	out := runTool(t, "pdfimages", "-list", tempPDF(t, pdf))
	var images []listedImage
	for _, line := range strings.Split(string(out), "\n")[2:] {
		f := strings.Fields(line)
		if len(f) < 11 {
			continue
		}
		num := func(s string) int {
			n, err := strconv.Atoi(s)
			require.NoError(t, err, line)
			return n
		}
		images = append(images, listedImage{kind: f[2], w: num(f[3]), h: num(f[4]), colour: f[5], bpc: num(f[7]), enc: f[8], object: num(f[10])})
	}
	return images
}

// extractImages writes every placed image with `pdfimages -all` (JPEG
// data as it is, other images as PNG) and returns the files in order.
func extractImages(t *testing.T, pdf []byte) []string {
	t.Helper()
	dir := t.TempDir()
	runTool(t, "pdfimages", "-all", tempPDF(t, pdf), filepath.Join(dir, "img"))
	files, err := filepath.Glob(filepath.Join(dir, "img-*"))
	require.NoError(t, err)
	return files
}

func tempPDF(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o600))
	return path
}

func runTool(t *testing.T, tool string, args ...string) []byte {
	t.Helper()
	out, err := exec.Command(realclient.Require(t, tool), args...).CombinedOutput()
	require.NoError(t, err, "%s: %s", tool, out)
	return out
}

func TestCheckedPicturesPrintAsPicturesDecodedWhenDrawn(t *testing.T) {
	pics := equalWidthPictures(t)
	want := write(t, pictureDocument(pics))
	checked := &pdfdoc.Pictures{}
	for _, p := range pics {
		require.NoError(t, checked.Check(p.data), p.name)
	}
	// Documents written at once may share what was checked.
	got := make([][]byte, 4)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			o := opts()
			o.Pictures = checked
			d := pdfdoc.New(o)
			for _, p := range pics {
				d.Image(pdfdoc.Image{Data: p.data, Caption: p.name})
			}
			d.Image(pdfdoc.Image{Data: pics[0].data, Caption: "again"})
			var buf bytes.Buffer
			if err := d.Write(&buf); err == nil {
				got[i] = buf.Bytes()
			}
		})
	}
	wg.Wait()
	for _, g := range got {
		assert.True(t, bytes.Equal(want, g), "a checked picture prints byte for byte as one decoded when drawn")
	}
}

func TestPicturesRefuseWhatCheckExhibitRefuses(t *testing.T) {
	photo := equalWidthPictures(t)[0].data
	for _, data := range [][]byte{photo[:len(photo)/2], []byte("not a picture"), {0xff, 0xd8, 0xff, 0xe0}} {
		want := pdfdoc.CheckExhibit(data)
		require.Error(t, want)
		assert.Equal(t, want, (&pdfdoc.Pictures{}).Check(data))
		var none *pdfdoc.Pictures
		assert.Equal(t, want, none.Check(data))
	}
}
