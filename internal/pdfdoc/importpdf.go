package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"

	"github.com/phpdave11/gofpdi"
)

// PDF pages are imported with gofpdi's parser, but not through fpdf's
// gofpdi bridge (see xobjects): gofpdi writes dictionaries in map order, so
// the objects it produces are parsed back and kept for this package to
// write.

// importedPage is one page of a source PDF ready to be placed.
type importedPage struct {
	key   string  // object key of its form XObject
	w, h  float64 // natural size in points, after the page's rotation
	index int     // 1-based page number in the source
}

// load parses a PDF and turns each of its pages into a form XObject. The
// source index keeps the object keys of different sources apart.
func (x *xobjects) load(data []byte, source int) (pages []importedPage, err error) {
	defer func() {
		// gofpdi panics on many malformed files.
		if p := recover(); p != nil {
			pages, err = nil, fmt.Errorf("malformed PDF: %v", p)
		}
	}()
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, errors.New("not a PDF (no %PDF- header)")
	}
	if err := checkXrefChain(data); err != nil {
		return nil, err
	}
	imp := gofpdi.NewImporter()
	var rs io.ReadSeeker = bytes.NewReader(data)
	imp.SetSourceStream(&rs)
	n := imp.GetNumPages()
	sizes := imp.GetPageSizes()
	ids := make([]int, n)
	for i := range n {
		ids[i] = imp.ImportPage(i+1, "/CropBox")
	}
	names := imp.PutFormXobjectsUnordered()
	raw := imp.GetImportedObjectsUnordered()
	prefix := strconv.Itoa(source) + ":"
	for hash, b := range raw {
		o, err := parseObject(b)
		if err != nil {
			return nil, fmt.Errorf("imported object: %w", err)
		}
		qualify(o, prefix)
		x.objects[prefix+hash] = o
	}
	for i, id := range ids {
		name, _, _, _, _ := imp.UseTemplate(id, 0, 0, 1, 1)
		hash, ok := names[name]
		if !ok {
			return nil, fmt.Errorf("page %d: no form for %s", i+1, name)
		}
		key := prefix + hash
		form := x.objects[key]
		if form == nil || form.kind != kindStream {
			return nil, fmt.Errorf("page %d: form object missing", i+1)
		}
		w, h, err := fixForm(form, sizes[i+1])
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		pages = append(pages, importedPage{key: key, w: w, h: h, index: i + 1})
	}
	if len(pages) == 0 {
		return nil, errors.New("PDF has no pages")
	}
	return pages, nil
}

// checkXrefChain follows the file's cross-reference sections from
// startxref through every /Prev. gofpdi loops for ever when startxref is
// missing and recurses without end on a /Prev cycle, so such files are
// refused before it sees them.
func checkXrefChain(data []byte) error {
	tail := data[max(0, len(data)-1500):]
	at := bytes.LastIndex(tail, []byte("startxref"))
	if at < 0 {
		return errors.New("malformed PDF: no startxref")
	}
	off, ok := leadingInt(tail[at+len("startxref"):])
	seen := map[int]bool{}
	for ok {
		if off <= 0 || off >= len(data) || seen[off] || len(seen) > 1000 {
			return fmt.Errorf("malformed PDF: bad cross-reference offset %d", off)
		}
		seen[off] = true
		section := data[off:]
		var dict []byte
		switch {
		case bytes.HasPrefix(section, []byte("xref")):
			t := bytes.Index(section, []byte("trailer"))
			if t < 0 {
				return errors.New("malformed PDF: cross-reference table without trailer")
			}
			dict = section[t:min(len(section), t+4096)]
			if end := bytes.Index(dict, []byte("startxref")); end >= 0 {
				dict = dict[:end]
			}
		case xrefStream.Match(section[:min(len(section), 32)]):
			end := bytes.Index(section, []byte("stream"))
			if end < 0 {
				return errors.New("malformed PDF: cross-reference stream without data")
			}
			dict = section[:end]
		default:
			return fmt.Errorf("malformed PDF: no cross-reference section at offset %d", off)
		}
		off, ok = 0, false
		if p := bytes.Index(dict, []byte("/Prev")); p >= 0 {
			off, ok = leadingInt(dict[p+len("/Prev"):])
			if !ok {
				return errors.New("malformed PDF: bad /Prev")
			}
		}
	}
	if len(seen) == 0 {
		return errors.New("malformed PDF: bad startxref")
	}
	return nil
}

var xrefStream = regexp.MustCompile(`^\d+\s+\d+\s+obj\b`)

// leadingInt reads the integer after optional white space.
func leadingInt(b []byte) (int, bool) {
	b = bytes.TrimLeft(b, " \t\r\n\f\x00")
	end := 0
	for end < len(b) && b[end] >= '0' && b[end] <= '9' {
		end++
	}
	n, err := strconv.Atoi(string(b[:end]))
	return n, err == nil
}

// qualify prefixes every reference in o with the source's prefix.
func qualify(o *obj, prefix string) {
	switch o.kind {
	case kindRef:
		o.text = prefix + o.text
	case kindArray:
		for _, item := range o.items {
			qualify(item, prefix)
		}
	case kindDict, kindStream:
		for _, v := range o.dict {
			qualify(v, prefix)
		}
	}
}

// fixForm sets the form's bounding box and matrix from the page's own box:
// gofpdi takes the box of page 1 for every page, which clips pages of other
// sizes. It returns the page's size once rotated.
func fixForm(form *obj, boxes map[string]map[string]float64) (w, h float64, err error) {
	box := boxes["/CropBox"]
	if len(box) == 0 {
		box = boxes["/MediaBox"]
	}
	if len(box) == 0 || box["w"] <= 0 || box["h"] <= 0 {
		return 0, 0, errors.New("page has no usable box")
	}
	llx, lly, urx, ury := box["llx"], box["lly"], box["urx"], box["ury"]
	// gofpdi's matrix carries the page rotation in its first two entries.
	c, s := 1.0, 0.0
	if m := form.dict["/Matrix"]; m != nil && m.kind == kindArray && len(m.items) == 6 {
		c, _ = strconv.ParseFloat(m.items[0].text, 64)
		s, _ = strconv.ParseFloat(m.items[1].text, 64)
	}
	var tx, ty float64
	w, h = box["w"], box["h"]
	switch {
	case c > 0.5: // upright
		c, s, tx, ty = 1, 0, -llx, -lly
	case c < -0.5: // upside down
		c, s, tx, ty = -1, 0, urx, ury
	case s < 0: // turned a quarter clockwise
		c, s, tx, ty = 0, -1, -lly, urx
		w, h = h, w
	default: // turned a quarter anticlockwise
		c, s, tx, ty = 0, 1, ury, -llx
		w, h = h, w
	}
	num := func(v float64) *obj { return token(strconv.FormatFloat(v, 'f', -1, 64)) }
	form.dict["/BBox"] = &obj{kind: kindArray, items: []*obj{num(llx), num(lly), num(urx), num(ury)}}
	form.dict["/Matrix"] = &obj{kind: kindArray, items: []*obj{num(c), num(s), num(-s), num(c), num(tx), num(ty)}}
	return w, h, nil
}

func (b importBlock) render(r *renderer) error {
	pages, err := r.xobjects.load(b.Data, r.index)
	if err != nil {
		return fmt.Errorf("pdfdoc: import PDF %q: %w", b.Title, err)
	}
	const captionH = 7.0
	for i, page := range pages {
		name, err := r.xobjects.use(page.key)
		if err != nil {
			return fmt.Errorf("pdfdoc: import PDF %q: %w", b.Title, err)
		}
		r.breakPage()
		r.ensure(r.freshBottom() - r.top)
		if i == 0 {
			var t *target
			if b.Anchor != "" {
				t = r.anchor(b.Anchor)
				r.headings[r.index] = t
			}
			if b.Title != "" {
				if t == nil {
					t = r.headingTarget(r.index)
				}
				r.pdf.Bookmark(b.Title, max(b.Level, 1)-1, r.y)
			}
			if t != nil {
				r.define(t)
			}
		}
		if b.Title != "" {
			caption := fmt.Sprintf("%s (page %d of %d)", b.Title, page.index, len(pages))
			r.textColour(black)
			r.font(true, 9)
			r.pdf.SetXY(marginX, r.y)
			r.pdf.CellFormat(contentW, 5, fit(r, caption, contentW, true, 9), "", 0, "LM", false, 0, "")
			r.y += captionH
		}
		r.place(name, page, marginX, r.y, contentW, r.bottom-r.y)
		r.y = r.bottom
		r.pending = true
	}
	return nil
}

// place draws an imported page scaled to fit the box, centred across it,
// with a hairline frame so that a white page stands out from ours.
func (r *renderer) place(name string, page importedPage, x, y, w, h float64) {
	const k = 72 / 25.4 // points per millimetre
	scale := min(w/(page.w/k), h/(page.h/k))
	pw, ph := page.w/k*scale, page.h/k*scale
	x += (w - pw) / 2
	r.drawXObject(name, page.w, page.h, x, y, pw, ph)
	r.pdf.SetDrawColor(midGrey[0], midGrey[1], midGrey[2])
	r.pdf.SetLineWidth(0.2)
	r.pdf.Rect(x, y, pw, ph, "D")
}
