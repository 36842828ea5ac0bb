package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strconv"
	"sync"

	"golang.org/x/image/tiff"

	"github.com/spokit/spokit/internal/filekind"
)

// Pictures are evidence, so they are embedded without changing a pixel
// (see the package documentation), and written by this package rather than
// fpdf so that their order is fixed (see xobjects).

// Pictures without a resolution of their own are taken to be at this many
// dots per inch, and are never enlarged.
const imageDPI = 96.0

// picture is a checked picture ready to be written.
type picture struct {
	w, h   int  // in pixels, as stored
	orient int  // EXIF orientation, 1 (upright) to 8
	image  *obj // the image XObject
	smask  *obj // its soft mask (alpha), or nil when every pixel is opaque
}

func (b imageBlock) render(r *renderer) error {
	// A multi-page TIFF (a scanned document) prints page after page.
	return pictureParts(b.Data, func(part []byte) error { return b.renderOne(r, part) })
}

func (b imageBlock) renderOne(r *renderer, data []byte) error {
	w, h, name, orient, err := r.picture(data)
	if err != nil {
		return fmt.Errorf("pdfdoc: image %q: %w", b.Caption, err)
	}

	var caption []line
	captionH := 0.0
	if b.Caption != "" {
		caption = r.wrap([]span{{b.Caption, false}}, smallSize, contentW)
		captionH = 1.5 + float64(len(caption))*smallLine
	}
	maxH := r.freshBottom() - r.top - captionH
	if b.MaxHeight > 0 {
		maxH = min(maxH, b.MaxHeight)
	}
	scale := min(1, contentW/w, maxH/h)
	w, h = w*scale, h*scale

	// Shrink a little to stay on this page; otherwise start a new one.
	if r.pdf.PageNo() > 0 && !r.pending && r.y+h+captionH > r.bottom {
		room := r.bottom - r.y - captionH
		if room >= 0.75*h {
			w, h = w*room/h, room
		}
	}
	r.ensure(h + captionH)
	r.drawPicture(name, orient, marginX+(contentW-w)/2, r.y, w, h)
	r.y += h
	if len(caption) > 0 {
		r.y += 1.5
		r.textColour(darkGrey)
		for _, l := range caption {
			r.drawLine(l, marginX, r.y, contentW, smallLine, smallSize, AlignCentre, 0)
			r.y += smallLine
		}
	}
	r.y += paragraphGap
	return nil
}

// picture stores the picture, once however often it is used, and returns
// its natural size in millimetres as shown upright, its resource name and
// its EXIF orientation.
func (r *renderer) picture(data []byte) (w, h float64, name string, orient int, err error) {
	key := pictureKey(data)
	pic, ok := r.pictures[key]
	if !ok {
		if pic, err = r.opts.Pictures.decode(key, data); err != nil {
			return 0, 0, "", 0, err
		}
		if pic.smask != nil {
			r.xobjects.objects[key+":smask"] = pic.smask
		}
		r.xobjects.objects[key] = pic.image
		r.pictures[key] = pic
	}
	if name, err = r.xobjects.use(key); err != nil {
		return 0, 0, "", 0, err
	}
	const mm = 25.4 / imageDPI
	w, h = float64(pic.w)*mm, float64(pic.h)*mm
	if pic.orient >= 5 {
		w, h = h, w
	}
	return w, h, name, pic.orient, nil
}

// pictureKey names a picture's XObject by its content.
func pictureKey(data []byte) string {
	sum := sha256.Sum256(data)
	return "picture:" + hex.EncodeToString(sum[:])
}

// Pictures remembers the pictures it has checked, so that a document that
// prints a checked exhibit file does not decode it a second time
// (Options.Pictures). A picture is remembered as it will be written: a
// document's pictures are all held until it is written anyway. It is safe
// for concurrent use; give each document, or each build, its own.
type Pictures struct {
	mu sync.Mutex
	m  map[string]picture
}

// Check is CheckExhibit, remembering each picture it decodes. A nil
// *Pictures checks without remembering.
func (p *Pictures) Check(data []byte) error {
	if p == nil || !filekind.Of(data).IsPicture() {
		return CheckExhibit(data)
	}
	return pictureParts(data, func(part []byte) error {
		_, err := p.decode(pictureKey(part), part)
		return err
	})
}

// decode returns the picture of data, whose pictureKey is key: remembered,
// or decoded (and then remembered, unless p is nil).
func (p *Pictures) decode(key string, data []byte) (picture, error) {
	if p != nil {
		p.mu.Lock()
		pic, ok := p.m[key]
		p.mu.Unlock()
		if ok {
			return pic, nil
		}
	}
	pic, err := decodePicture(data)
	if err != nil {
		return picture{}, err
	}
	// Set once, here, so that a remembered picture is never changed.
	if pic.smask != nil {
		pic.image.dict["/SMask"] = &obj{kind: kindRef, text: key + ":smask"}
	}
	if p != nil {
		p.mu.Lock()
		if p.m == nil {
			p.m = map[string]picture{}
		}
		p.m[key] = pic
		p.mu.Unlock()
	}
	return pic, nil
}

// drawPicture draws the picture called name upright into the box w by h
// millimetres whose top-left corner is at x, y.
func (r *renderer) drawPicture(name string, orient int, x, y, w, h float64) {
	const k = 72 / 25.4 // points per millimetre
	m := orientMatrix(orient, x*k, (pageH-y-h)*k, w*k, h*k)
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }
	r.pdf.RawWriteStr("q " + f(m[0]) + " " + f(m[1]) + " " + f(m[2]) + " " + f(m[3]) + " " + f(m[4]) + " " + f(m[5]) + " cm " + name + " Do Q")
}

// Refusals of pictures, in plain words for the person who supplied them.
var (
	errDamaged  = errors.New("it is damaged (its picture data is cut short or corrupt); ask for a fresh copy of the original file")
	errHuge     = fmt.Errorf("it has more than %d million pixels, too many to print; save it at a smaller size", maxPicturePixels/1_000_000)
	errHugeTIFF = fmt.Errorf("it has more than %d million pixels on a page, too many to print; scan it again at a lower resolution (300 dpi is plenty)", maxTIFFPixels/1_000_000)
)

// decodePicture checks a PNG, JPEG or TIFF picture by decoding it whole
// (a damaged picture is refused, not printed half grey) and makes its
// image XObject, free of metadata.
func decodePicture(data []byte) (pic picture, err error) {
	defer func() {
		// The decoders are not meant to panic, but a picture is untrusted.
		if p := recover(); p != nil {
			pic, err = picture{}, errDamaged
		}
	}()
	switch filekind.Of(data) {
	case filekind.PNG:
		pic, err = pngPicture(data)
	case filekind.JPEG:
		pic, err = jpegPicture(data)
	case filekind.TIFF:
		pic, err = tiffPicture(data)
	default:
		if err = filekind.Check(data); err == nil {
			err = filekind.ErrFormat // a PDF is not a picture
		}
		return picture{}, err
	}
	if err == nil && (pic.w == 0 || pic.h == 0) {
		err = errDamaged
	}
	if pic.orient == 0 {
		pic.orient = 1
	}
	return pic, err
}

// jpegPicture embeds the JPEG data as it is, less its metadata; viewers
// decode it. It is decoded here once, to refuse a damaged file.
func jpegPicture(data []byte) (picture, error) {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return picture{}, errDamaged
	}
	if cfg.Width*cfg.Height > maxPicturePixels {
		return picture{}, errHuge
	}
	if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
		return picture{}, errDamaged
	}
	dict := imageDict(cfg.Width, cfg.Height, 8)
	switch cfg.ColorModel {
	case color.GrayModel:
		dict["/ColorSpace"] = token("/DeviceGray")
	case color.YCbCrModel:
		dict["/ColorSpace"] = token("/DeviceRGB")
	case color.CMYKModel:
		dict["/ColorSpace"] = token("/DeviceCMYK")
		// Four-colour JPEGs are written by Adobe's programs with the inks
		// inverted.
		dict["/Decode"] = &obj{kind: kindArray, items: []*obj{
			token("1"), token("0"), token("1"), token("0"), token("1"), token("0"), token("1"), token("0"),
		}}
	default:
		return picture{}, errDamaged
	}
	dict["/Filter"] = token("/DCTDecode")
	return picture{w: cfg.Width, h: cfg.Height, orient: jpegOrientation(data), image: &obj{kind: kindStream, dict: dict, data: stripJPEG(data)}}, nil
}

// tiffPicture decodes a TIFF page (a scanner's usual format) and embeds
// its pixels as 8-bit RGB, or grey when it is grey, reduced as a large PNG
// is when it has more than bigPicturePixels.
func tiffPicture(data []byte) (picture, error) {
	cfg, err := tiff.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return picture{}, errDamaged
	}
	if cfg.Width*cfg.Height > maxTIFFPixels {
		return picture{}, errHugeTIFF
	}
	img, err := tiff.Decode(bytes.NewReader(data))
	if err != nil {
		return picture{}, errDamaged
	}
	b := img.Bounds()
	factor := 1
	if b.Dx()*b.Dy() > bigPicturePixels {
		factor = (max(b.Dx(), b.Dy()) + maxPictureSide - 1) / maxPictureSide
	}
	w, h := (b.Dx()+factor-1)/factor, (b.Dy()+factor-1)/factor
	if g, ok := img.(*image.Gray); ok && factor == 1 {
		samples, _ := split(g.Pix, g.Stride, w, h, 1, 1)
		return picture{w: w, h: h, image: flateImage(w, h, 8, token("/DeviceGray"), samples)}, nil
	}
	rgb := make([]byte, 0, w*h*3)
	alpha := make([]byte, 0, w*h)
	for oy := range h {
		for ox := range w {
			var sr, sg, sb, sa, n uint32
			for y := b.Min.Y + oy*factor; y < min(b.Max.Y, b.Min.Y+(oy+1)*factor); y++ {
				for x := b.Min.X + ox*factor; x < min(b.Max.X, b.Min.X+(ox+1)*factor); x++ {
					c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
					sr, sg, sb, sa, n = sr+uint32(c.R), sg+uint32(c.G), sb+uint32(c.B), sa+uint32(c.A), n+1
				}
			}
			rgb = append(rgb, byte(sr/n), byte(sg/n), byte(sb/n))
			alpha = append(alpha, byte(sa/n))
		}
	}
	pic := picture{w: w, h: h, image: flateImage(w, h, 8, token("/DeviceRGB"), rgb)}
	if !opaque(alpha) {
		pic.smask = flateImage(w, h, 8, token("/DeviceGray"), alpha)
	}
	return pic, nil
}

// maxTIFFPages bounds the pages of one TIFF.
const maxTIFFPages = 500

// tiffPages returns the offsets of the page directories of a TIFF, or nil
// when data is not a TIFF of several pages.
func tiffPages(data []byte) []uint32 {
	if filekind.Of(data) != filekind.TIFF || len(data) < 8 {
		return nil
	}
	bo := tiffOrder(data)
	var pages []uint32
	seen := map[uint32]bool{}
	for off := bo.Uint32(data[4:]); off != 0 && !seen[off] && len(pages) < maxTIFFPages; {
		seen[off] = true
		if int64(off)+2 > int64(len(data)) {
			break
		}
		pages = append(pages, off)
		next := int64(off) + 2 + 12*int64(bo.Uint16(data[off:]))
		if next+4 > int64(len(data)) {
			break
		}
		off = bo.Uint32(data[next:])
	}
	if len(pages) < 2 {
		return nil
	}
	return pages
}

func tiffOrder(data []byte) binary.ByteOrder {
	if data[0] == 'M' {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// pictureParts calls fn with each picture of data: the pages of a
// multi-page TIFF (the decoder reads only the first, so each page is the
// same bytes with the header pointing at its directory; offsets in a TIFF
// are from the start of the file), or data itself. One copy at a time.
func pictureParts(data []byte, fn func(part []byte) error) error {
	pages := tiffPages(data)
	if pages == nil {
		return fn(data)
	}
	for _, off := range pages {
		page := bytes.Clone(data)
		tiffOrder(data).PutUint32(page[4:], off)
		if err := fn(page); err != nil {
			return err
		}
	}
	return nil
}

// pngPicture checks the PNG by decoding it. A PNG that is not interlaced
// and has no transparency keeps its own compressed data, which PDF reads
// as it is (Flate with PNG predictors). Any other PNG is written as the
// decoded samples, at 8 or 16 bits, with alpha, if any pixel is not
// opaque, as a soft mask of the same depth.
func pngPicture(data []byte) (picture, error) {
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return picture{}, errDamaged
	}
	switch px := cfg.Width * cfg.Height; {
	case px > maxPicturePixels:
		return picture{}, errHuge
	case px > bigPicturePixels:
		return reducePNG(data)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return picture{}, errDamaged
	}
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	// The decoder has checked the header: IHDR comes first, with the bit
	// depth at byte 24, colour type at 25 and interlace method at 28.
	depth, colourType, interlaced := int(data[24]), data[25], data[28] != 0
	space := token("/DeviceRGB")
	switch m := img.(type) {
	case *image.Gray, *image.Gray16:
		space = token("/DeviceGray")
	case *image.Paletted:
		// The decoder extends the palette to every index the picture uses.
		rgb := make([]byte, 0, 3*len(m.Palette))
		for _, c := range m.Palette {
			n := color.NRGBAModel.Convert(c).(color.NRGBA)
			rgb = append(rgb, n.R, n.G, n.B)
		}
		space = &obj{kind: kindArray, items: []*obj{
			token("/Indexed"), token("/DeviceRGB"), token(strconv.Itoa(len(m.Palette) - 1)), {kind: kindHex, text: hex.EncodeToString(rgb)},
		}}
	}
	if idat, ok := pngImageData(data); ok && !interlaced && (colourType == 0 || colourType == 2 || colourType == 3) {
		colours := 1
		if colourType == 2 {
			colours = 3
		}
		dict := imageDict(w, h, depth)
		dict["/ColorSpace"] = space
		dict["/Filter"] = token("/FlateDecode")
		dict["/DecodeParms"] = &obj{kind: kindDict, dict: map[string]*obj{
			"/Predictor":        token("15"),
			"/Colors":           token(strconv.Itoa(colours)),
			"/BitsPerComponent": token(strconv.Itoa(depth)),
			"/Columns":          token(strconv.Itoa(w)),
		}}
		return picture{w: w, h: h, image: &obj{kind: kindStream, dict: dict, data: idat}}, nil
	}
	bpc := 8
	var samples, alpha []byte
	switch m := img.(type) {
	case *image.Gray:
		samples, _ = split(m.Pix, m.Stride, w, h, 1, 1)
	case *image.Gray16:
		bpc = 16
		samples, _ = split(m.Pix, m.Stride, w, h, 2, 2)
	case *image.RGBA: // the decoder gives RGBA only for opaque pictures
		samples, alpha = split(m.Pix, m.Stride, w, h, 4, 3)
	case *image.NRGBA:
		samples, alpha = split(m.Pix, m.Stride, w, h, 4, 3)
	case *image.RGBA64: // opaque, like RGBA
		bpc = 16
		samples, alpha = split(m.Pix, m.Stride, w, h, 8, 6)
	case *image.NRGBA64:
		bpc = 16
		samples, alpha = split(m.Pix, m.Stride, w, h, 8, 6)
	case *image.Paletted:
		samples, _ = split(m.Pix, m.Stride, w, h, 1, 1)
		opacity := make([]byte, len(m.Palette))
		for i, c := range m.Palette {
			opacity[i] = color.NRGBAModel.Convert(c).(color.NRGBA).A
		}
		alpha = make([]byte, len(samples))
		for i, index := range samples {
			alpha[i] = opacity[index]
		}
	default:
		return picture{}, errDamaged
	}
	pic := picture{w: w, h: h, image: flateImage(w, h, bpc, space, samples)}
	if !opaque(alpha) {
		pic.smask = flateImage(w, h, bpc, token("/DeviceGray"), alpha)
	}
	return pic, nil
}

// pngImageData returns the concatenated IDAT chunks of a PNG that the
// decoder has accepted, or false when it has a tRNS (transparency) chunk.
func pngImageData(data []byte) ([]byte, bool) {
	var idat []byte
	for pos := 8; pos+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[pos:]))
		if n > len(data)-pos-12 {
			break
		}
		body := data[pos+8 : pos+8+n]
		switch string(data[pos+4 : pos+8]) {
		case "tRNS":
			return nil, false
		case "IDAT":
			idat = append(idat, body...)
		case "IEND":
			return idat, true
		}
		pos += 12 + n
	}
	return idat, true
}

// split separates pixels of size bytes into their first colour bytes and
// the rest (alpha), row by row without padding.
func split(pix []byte, stride, w, h, size, colour int) (samples, rest []byte) {
	samples = make([]byte, 0, w*h*colour)
	rest = make([]byte, 0, w*h*(size-colour))
	for y := range h {
		row := pix[y*stride : y*stride+w*size]
		for x := 0; x < len(row); x += size {
			samples = append(samples, row[x:x+colour]...)
			rest = append(rest, row[x+colour:x+size]...)
		}
	}
	return samples, rest
}

// opaque reports whether every alpha sample is at its maximum.
func opaque(alpha []byte) bool {
	for _, a := range alpha {
		if a != 0xff {
			return false
		}
	}
	return true
}

func imageDict(w, h, bpc int) map[string]*obj {
	return map[string]*obj{
		"/Type":             token("/XObject"),
		"/Subtype":          token("/Image"),
		"/Width":            token(strconv.Itoa(w)),
		"/Height":           token(strconv.Itoa(h)),
		"/BitsPerComponent": token(strconv.Itoa(bpc)),
	}
}

// flateImage is an image XObject of raw samples, compressed losslessly.
func flateImage(w, h, bpc int, space *obj, samples []byte) *obj {
	var buf bytes.Buffer
	z := zlib.NewWriter(&buf)
	// Writing to memory cannot fail.
	_, _ = z.Write(samples)
	_ = z.Close()
	dict := imageDict(w, h, bpc)
	dict["/ColorSpace"] = space
	dict["/Filter"] = token("/FlateDecode")
	return &obj{kind: kindStream, dict: dict, data: buf.Bytes()}
}
