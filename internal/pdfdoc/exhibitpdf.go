package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/spokit/spokit/internal/filekind"
)

// Exhibit PDFs are read with pdfcpu, which decrypts files that open
// without a password, reads object and cross-reference streams (with
// predictors), hybrid files and incremental updates (the latest revision
// only). This file walks the page tree itself (so inherited resources,
// boxes and rotation are applied and a lying /Count does no harm) and
// hands each page to the importer and the text extractor as a sourcePage.
// pdfcpu's own writer is never used: it stamps the clock and a new file ID.

func init() {
	// pdfcpu would otherwise create a configuration folder in the user's
	// home on first use.
	api.DisableConfigDir()
}

// Limits on what one exhibit PDF may make us hold, against files built to
// exhaust memory (a few kilobytes of Flate can expand to gigabytes).
const (
	maxPDFPages       = 5000
	maxContentBytes   = 256 << 20 // decoded content of one stream
	maxPageTreeDepth  = 64
	maxFormNesting    = 32
	maxObjectsVisited = 2_000_000
	maxReadTime       = 60 * time.Second
	// pdfcpu's parser takes time exponential in the nesting of a damaged
	// dictionary (a second at 18 levels); real files nest a few levels.
	maxDictNesting  = 14
	maxArrayNesting = 64
)

// Refusals of exhibit files, in plain words for the person who supplied
// the file. errors.Is tells them apart.
var (
	ErrPassword     = errors.New("it is protected by a password that must be typed to open it; ask for a copy without a password, or open it and print it to a new PDF")
	ErrDamaged      = errors.New("it is damaged or is not a complete PDF; ask for a fresh copy of the original file")
	ErrNoPages      = errors.New("it has no pages")
	ErrTooManyPages = fmt.Errorf("it has more than %d pages; split it into several exhibits", maxPDFPages)
	ErrTooSlow      = errors.New("it could not be read in reasonable time, which usually means it is damaged; ask for a fresh copy, or open it and print it to a new PDF")
)

// sourcePDF is one exhibit PDF read and decrypted.
type sourcePDF struct {
	ctx   *model.Context
	pages []sourcePage
}

// sourcePage is one page as a viewer shows it.
type sourcePage struct {
	dict      types.Dict
	resources types.Dict // own or inherited
	box       types.Rectangle
	rotate    int // 0, 90, 180 or 270, clockwise
}

// openPDF reads data as a PDF exhibit. Its errors are ErrPassword,
// ErrDamaged, ErrNoPages or ErrTooManyPages, never pdfcpu's own words.
func openPDF(data []byte) (src *sourcePDF, err error) {
	defer func() {
		if p := recover(); p != nil {
			src, err = nil, ErrDamaged
		}
	}()
	if !IsPDF(data) {
		return nil, ErrDamaged
	}
	if !lengthsFit(data) || !nestingFits(data) {
		return nil, ErrDamaged
	}
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.Cmd = model.VALIDATE
	// A backstop against files that make pdfcpu's parser work without
	// end (nestingFits catches those we know of); real files take a
	// fraction of this.
	c, cancel := context.WithTimeout(context.Background(), maxReadTime)
	defer cancel()
	ctx, err := pdfcpu.ReadWithContext(c, bytes.NewReader(data), conf)
	if err != nil {
		switch {
		case errors.Is(err, pdfcpu.ErrWrongPassword):
			return nil, ErrPassword
		case c.Err() != nil:
			return nil, ErrTooSlow
		}
		return nil, ErrDamaged
	}
	src = &sourcePDF{ctx: ctx}
	root, err := ctx.Catalog()
	if err != nil {
		return nil, ErrDamaged
	}
	pages, ok := root.Find("Pages")
	if !ok {
		return nil, ErrDamaged
	}
	if err := src.walk(pages, inherited{}, map[int]bool{}, 0); err != nil {
		return nil, err
	}
	if len(src.pages) == 0 {
		return nil, ErrNoPages
	}
	return src, nil
}

// nestingFits reports whether dictionaries and arrays outside streams nest
// no deeper than maxDictNesting and maxArrayNesting.
func nestingFits(data []byte) bool {
	dicts, arrays := 0, 0
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case c == '%': // comment
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case c == '(': // literal string, with escapes and balanced brackets
			depth := 0
			for ; i < len(data); i++ {
				if data[i] == '\\' {
					i++
				} else if data[i] == '(' {
					depth++
				} else if data[i] == ')' {
					if depth--; depth == 0 {
						break
					}
				}
			}
		case c == '<' && i+1 < len(data) && data[i+1] == '<':
			i++
			if dicts++; dicts > maxDictNesting {
				return false
			}
		case c == '>' && i+1 < len(data) && data[i+1] == '>':
			i++
			dicts = max(0, dicts-1)
		case c == '<': // hex string
			if end := bytes.IndexByte(data[i:], '>'); end > 0 {
				i += end
			}
		case c == '[':
			if arrays++; arrays > maxArrayNesting {
				return false
			}
		case c == ']':
			arrays = max(0, arrays-1)
		case c == 's' && bytes.HasPrefix(data[i:], []byte("stream")) && (i == 0 || isDelim(data[i-1]) || data[i-1] == '>'):
			// Stream data is not PDF syntax: skip to its end.
			end := bytes.Index(data[i:], []byte("endstream"))
			if end < 0 {
				return true
			}
			i += end + len("endstream") - 1
			dicts, arrays = 0, 0
		}
	}
	return true
}

// lengthsFit reports whether every stream length written as a number is
// no longer than the file: pdfcpu allocates what a /Length says before it
// reads, so a damaged or hostile length would cost gigabytes.
func lengthsFit(data []byte) bool {
	key := []byte("/Length")
	for at := 0; ; {
		i := bytes.Index(data[at:], key)
		if i < 0 {
			return true
		}
		at += i + len(key)
		rest := data[at:min(len(data), at+24)]
		if len(rest) > 0 && !isDelim(rest[0]) { // /Length1 and the like
			continue
		}
		digits := bytes.TrimLeft(rest, " \t\r\n\f\x00")
		n := 0
		for n < len(digits) && digits[n] >= '0' && digits[n] <= '9' {
			n++
		}
		if n > 12 {
			return false
		}
		if v, err := strconv.Atoi(string(digits[:n])); err == nil && v > len(data) {
			return false
		}
	}
}

// inherited holds the page attributes a page takes from its ancestors.
type inherited struct {
	resources   types.Dict
	media, crop *types.Rectangle
	rotate      int
}

// walk collects the leaf pages under node, carrying the inheritable
// attributes down the tree.
func (s *sourcePDF) walk(node types.Object, inh inherited, seen map[int]bool, depth int) error {
	if depth > maxPageTreeDepth {
		return ErrDamaged
	}
	if ref, ok := node.(types.IndirectRef); ok {
		if seen[ref.ObjectNumber.Value()] {
			return ErrDamaged
		}
		seen[ref.ObjectNumber.Value()] = true
	}
	d, err := s.ctx.DereferenceDict(node)
	if err != nil || d == nil {
		return ErrDamaged
	}
	if r, ok := d.Find("Resources"); ok {
		if rd, err := s.ctx.DereferenceDict(r); err == nil && rd != nil {
			inh.resources = rd
		}
	}
	if b, ok := s.rect(d, "MediaBox"); ok {
		inh.media = &b
	}
	if b, ok := s.rect(d, "CropBox"); ok {
		inh.crop = &b
	}
	if r, ok := d.Find("Rotate"); ok {
		if n, err := s.ctx.DereferenceNumber(r); err == nil && !math.IsNaN(n) && math.Abs(n) < 1e6 {
			inh.rotate = ((int(n)/90)%4*90 + 360) % 360
		}
	}
	kids, hasKids := d.Find("Kids")
	if t := d.NameEntry("Type"); (t != nil && *t == "Pages") || (t == nil && hasKids) {
		arr, err := s.ctx.DereferenceArray(kids)
		if err != nil {
			return ErrDamaged
		}
		for _, kid := range arr {
			if err := s.walk(kid, inh, seen, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if len(s.pages) >= maxPDFPages {
		return ErrTooManyPages
	}
	page := sourcePage{dict: d, resources: inh.resources, rotate: inh.rotate}
	// US Letter is the specification's default page.
	page.box = *types.NewRectangle(0, 0, 612, 792)
	if inh.media != nil && inh.media.Width() > 0 && inh.media.Height() > 0 {
		page.box = *inh.media
	}
	// The visible area is the crop box within the media box.
	if c := inh.crop; c != nil {
		v := *types.NewRectangle(max(c.LL.X, page.box.LL.X), max(c.LL.Y, page.box.LL.Y), min(c.UR.X, page.box.UR.X), min(c.UR.Y, page.box.UR.Y))
		if v.Width() > 0 && v.Height() > 0 {
			page.box = v
		}
	}
	s.pages = append(s.pages, page)
	return nil
}

// rect reads a rectangle entry, normalised so that LL is lower left.
func (s *sourcePDF) rect(d types.Dict, key string) (types.Rectangle, bool) {
	o, ok := d.Find(key)
	if !ok {
		return types.Rectangle{}, false
	}
	a, err := s.ctx.DereferenceArray(o)
	if err != nil || len(a) != 4 {
		return types.Rectangle{}, false
	}
	var v [4]float64
	for i := range v {
		n, err := s.ctx.DereferenceNumber(a[i])
		if err != nil || math.IsNaN(n) || math.IsInf(n, 0) || math.Abs(n) > 1e6 {
			return types.Rectangle{}, false
		}
		v[i] = n
	}
	return *types.NewRectangle(min(v[0], v[2]), min(v[1], v[3]), max(v[0], v[2]), max(v[1], v[3])), true
}

// stream returns the stream object o refers to, or nil.
func (s *sourcePDF) stream(o types.Object) *types.StreamDict {
	sd, _, err := s.ctx.DereferenceStreamDict(o)
	if err != nil {
		return nil
	}
	return sd
}

// decoded returns the decoded data of a stream, bounded by
// maxContentBytes. Plain Flate, by far the commonest, is inflated here with
// a limit; other filters go through pdfcpu.
func (s *sourcePDF) decoded(sd *types.StreamDict) ([]byte, error) {
	if sd == nil {
		return nil, nil
	}
	filters := sd.FilterPipeline
	switch {
	case len(filters) == 0:
		return sd.Raw, nil
	case len(filters) == 1 && filters[0].Name == "FlateDecode" && filters[0].DecodeParms == nil:
		z, err := zlib.NewReader(bytes.NewReader(sd.Raw))
		if err != nil {
			return nil, ErrDamaged
		}
		out, err := io.ReadAll(io.LimitReader(z, maxContentBytes+1))
		if len(out) > maxContentBytes {
			return nil, ErrDamaged
		}
		if err != nil && len(out) == 0 {
			return nil, ErrDamaged
		}
		// A stream cut short still shows what it holds, as viewers do.
		return out, nil
	}
	if len(sd.Raw) > maxContentBytes/64 {
		return nil, ErrDamaged
	}
	c := *sd
	c.Content = nil
	if err := c.Decode(); err != nil {
		return nil, ErrDamaged
	}
	if len(c.Content) > maxContentBytes {
		return nil, ErrDamaged
	}
	return c.Content, nil
}

// contents returns a page's content streams joined, each on its own line
// so that an operator never runs into the next stream's first one.
func (s *sourcePDF) contents(d types.Dict) ([]byte, error) {
	o, ok := d.Find("Contents")
	if !ok {
		return nil, nil
	}
	o, err := s.ctx.Dereference(o)
	if err != nil {
		return nil, ErrDamaged
	}
	var parts []types.Object
	switch v := o.(type) {
	case types.Array:
		parts = v
	case types.StreamDict:
		parts = []types.Object{v}
	default:
		return nil, nil
	}
	var out bytes.Buffer
	for _, p := range parts {
		data, err := s.decoded(s.stream(p))
		if err != nil {
			return nil, err
		}
		if out.Len()+len(data) > maxContentBytes {
			return nil, ErrDamaged
		}
		out.Write(data)
		out.WriteByte('\n')
	}
	return out.Bytes(), nil
}

// appearance is an annotation's normal appearance and where it goes.
type appearance struct {
	form types.Object // reference to (or the) form XObject stream
	sd   *types.StreamDict
	rect types.Rectangle
}

// appearances returns the annotations of a page that a viewer draws: their
// normal appearance (for fields and check boxes, the one their state
// selects), unless hidden. Pop-up notes are closed when a file opens.
func (s *sourcePDF) appearances(d types.Dict) []appearance {
	o, ok := d.Find("Annots")
	if !ok {
		return nil
	}
	annots, err := s.ctx.DereferenceArray(o)
	if err != nil {
		return nil
	}
	var out []appearance
	for _, a := range annots {
		ad, err := s.ctx.DereferenceDict(a)
		if err != nil || ad == nil {
			continue
		}
		if st := ad.NameEntry("Subtype"); st != nil && *st == "Popup" {
			continue
		}
		if f := ad.IntEntry("F"); f != nil && *f&(2|32) != 0 { // Hidden, NoView
			continue
		}
		rect, ok := s.rect(ad, "Rect")
		if !ok || rect.Width() <= 0 || rect.Height() <= 0 {
			continue
		}
		apo, ok := ad.Find("AP")
		if !ok {
			continue
		}
		ap, err := s.ctx.DereferenceDict(apo)
		if err != nil || ap == nil {
			continue
		}
		n, ok := ap.Find("N")
		if !ok {
			continue
		}
		form := n
		if sd := s.stream(n); sd == nil {
			states, err := s.ctx.DereferenceDict(n)
			if err != nil || states == nil {
				continue
			}
			as := ad.NameEntry("AS")
			if as == nil {
				continue
			}
			if form, ok = states.Find(*as); !ok {
				continue
			}
		}
		sd := s.stream(form)
		if sd == nil {
			continue
		}
		out = append(out, appearance{form: form, sd: sd, rect: rect})
	}
	return out
}

// appearanceMatrix is the matrix that places an appearance stream in its
// annotation's rectangle (PDF 32000-1:2008, 12.5.5): the stream's bounding
// box, transformed by its own matrix, is fitted to the rectangle.
func (s *sourcePDF) appearanceMatrix(a appearance) ([6]float64, bool) {
	bbox, ok := s.rect(a.sd.Dict, "BBox")
	if !ok {
		return [6]float64{}, false
	}
	m := [6]float64{1, 0, 0, 1, 0, 0}
	if mo, ok := a.sd.Find("Matrix"); ok {
		if arr, err := s.ctx.DereferenceArray(mo); err == nil && len(arr) == 6 {
			for i := range m {
				if n, err := s.ctx.DereferenceNumber(arr[i]); err == nil && !math.IsNaN(n) && !math.IsInf(n, 0) {
					m[i] = n
				}
			}
		}
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range [][2]float64{{bbox.LL.X, bbox.LL.Y}, {bbox.UR.X, bbox.LL.Y}, {bbox.LL.X, bbox.UR.Y}, {bbox.UR.X, bbox.UR.Y}} {
		x := m[0]*p[0] + m[2]*p[1] + m[4]
		y := m[1]*p[0] + m[3]*p[1] + m[5]
		minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)
	}
	if maxX-minX < 1e-6 || maxY-minY < 1e-6 {
		return [6]float64{}, false
	}
	sx := a.rect.Width() / (maxX - minX)
	sy := a.rect.Height() / (maxY - minY)
	return [6]float64{sx, 0, 0, sy, a.rect.LL.X - minX*sx, a.rect.LL.Y - minY*sy}, true
}

// num formats a number for a content stream or dictionary.
func num(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', 6, 64)
}

// CheckExhibit reports whether data is an exhibit file that ImportPDF (a
// PDF) or Image (a PNG, JPEG or TIFF picture) can print, by reading it
// whole as they would. Its error says why not in plain words, for the
// person who supplied the file: needs a password, damaged, unsupported
// format (with how to convert a HEIC photo), too large.
func CheckExhibit(data []byte) error {
	if filekind.Of(data).IsPicture() {
		return pictureParts(data, func(part []byte) error {
			_, err := decodePicture(part)
			return err
		})
	}
	if !IsPDF(data) {
		return filekind.ErrFormat
	}
	_, err := newXObjects().load(data, 0)
	return err
}

// IsPDF reports whether data starts as a PDF does (allowing the junk some
// producers put before the header); otherwise it is printed as a picture.
func IsPDF(data []byte) bool {
	return filekind.Of(data) == filekind.PDF
}
