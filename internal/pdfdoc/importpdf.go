package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"math"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// PDF pages are read with pdfcpu (see exhibitpdf.go) and written by this
// package: each page becomes a form XObject, its objects keyed by source
// and object number and written in a fixed order (see xobjects), so that
// nothing pdfcpu would stamp (dates, file IDs, its object order) reaches
// the output.

// importedPage is one page of a source PDF ready to be placed.
type importedPage struct {
	key   string  // object key of its form XObject
	w, h  float64 // natural size in points, after the page's rotation
	index int     // 1-based page number in the source
}

// cleanState puts an imported page in PDF's initial graphics state
// (PDF 32000-1:2008, 8.4.1): whatever our own page had set, a page that
// relies on the defaults prints black text on no transparency.
const cleanState = "0 g 0 G 1 w 0 J 0 j 10 M [] 0 d 0 Tc 0 Tw 100 Tz 0 TL 0 Tr 0 Ts /SpokitGS gs\n"

// load reads a PDF and turns each of its pages into a form XObject that
// draws the page and its annotations as a viewer shows them. The source
// index keeps the object keys of different sources apart.
func (x *xobjects) load(data []byte, source int) (pages []importedPage, err error) {
	src, err := openPDF(data)
	if err != nil {
		return nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			pages, err = nil, ErrDamaged
		}
	}()
	c := &converter{src: src, x: x, prefix: "pdf" + strconv.Itoa(source) + ":"}
	for i, p := range src.pages {
		key, err := c.page(p, i+1)
		if err != nil {
			return nil, err
		}
		w, h := p.box.Width(), p.box.Height()
		if p.rotate%180 != 0 {
			w, h = h, w
		}
		pages = append(pages, importedPage{key: key, w: w, h: h, index: i + 1})
	}
	return pages, nil
}

// converter copies the objects a page needs from pdfcpu's model into this
// package's.
type converter struct {
	src    *sourcePDF
	x      *xobjects
	prefix string
	count  int
}

// Entries never copied: metadata may carry what the page does not show
// (authors, edit history, GPS), and back-references to pages or the tree
// would pull in the whole source document.
var droppedKeys = map[string]bool{"Metadata": true, "PieceInfo": true, "Parent": true, "P": true, "Thumb": true, "B": true, "StructParent": true, "StructParents": true}

// page builds the form XObjects of page p: an inner form holding the
// page's own content and resources, and an outer one that puts the page
// in a clean state, turns it as /Rotate says and draws the annotations'
// appearances over it.
func (c *converter) page(p sourcePage, n int) (string, error) {
	content, err := c.src.contents(p.dict)
	if err != nil {
		return "", err
	}
	base := c.prefix + "page" + strconv.Itoa(n)
	bbox := &obj{kind: kindArray, items: []*obj{token(num(p.box.LL.X)), token(num(p.box.LL.Y)), token(num(p.box.UR.X)), token(num(p.box.UR.Y))}}
	inner := formDict(bbox)
	if p.resources != nil {
		res, err := c.value(p.resources, 0)
		if err != nil {
			return "", err
		}
		inner["/Resources"] = res
	}
	c.x.objects[base+":content"] = &obj{kind: kindStream, dict: inner, data: flate(content)}
	inner["/Filter"] = token("/FlateDecode")

	xobjs := map[string]*obj{"/P": {kind: kindRef, text: base + ":content"}}
	var body bytes.Buffer
	body.WriteString(cleanState + "q /P Do Q\n")
	for i, a := range c.src.appearances(p.dict) {
		m, ok := c.src.appearanceMatrix(a)
		if !ok {
			continue
		}
		form, err := c.value(a.form, 0)
		if err != nil {
			return "", err
		}
		if form.kind != kindRef {
			continue
		}
		name := "/A" + strconv.Itoa(i+1)
		xobjs[name] = form
		fmt.Fprintf(&body, "q %s %s %s %s %s %s cm %s Do Q\n", num(m[0]), num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), name)
	}
	outer := formDict(bbox)
	outer["/Matrix"] = rotation(p.box, p.rotate)
	outer["/Resources"] = &obj{kind: kindDict, dict: map[string]*obj{
		"/XObject": {kind: kindDict, dict: xobjs},
		"/ExtGState": {kind: kindDict, dict: map[string]*obj{"/SpokitGS": {kind: kindDict, dict: map[string]*obj{
			"/CA": token("1"), "/ca": token("1"), "/BM": token("/Normal"), "/SMask": token("/None"),
		}}}},
	}}
	c.x.objects[base] = &obj{kind: kindStream, dict: outer, data: body.Bytes()}
	return base, nil
}

// formDict starts the dictionary of a form XObject.
func formDict(bbox *obj) map[string]*obj {
	return map[string]*obj{"/Type": token("/XObject"), "/Subtype": token("/Form"), "/BBox": bbox}
}

// rotation is the matrix that turns a page's box clockwise by rotate
// degrees and moves it to the origin, as a viewer shows it.
func rotation(box types.Rectangle, rotate int) *obj {
	llx, lly, urx, ury := box.LL.X, box.LL.Y, box.UR.X, box.UR.Y
	var m [6]float64
	switch rotate {
	case 90:
		m = [6]float64{0, -1, 1, 0, -lly, urx}
	case 180:
		m = [6]float64{-1, 0, 0, -1, urx, ury}
	case 270:
		m = [6]float64{0, 1, -1, 0, ury, -llx}
	default:
		m = [6]float64{1, 0, 0, 1, -llx, -lly}
	}
	items := make([]*obj, 6)
	for i, v := range m {
		items[i] = token(num(v))
	}
	return &obj{kind: kindArray, items: items}
}

// flate compresses data.
func flate(data []byte) []byte {
	var buf bytes.Buffer
	z := zlib.NewWriter(&buf)
	// Writing to memory cannot fail.
	_, _ = z.Write(data)
	_ = z.Close()
	return buf.Bytes()
}

// value converts a pdfcpu value. Indirect objects are converted once and
// referred to by key; depth bounds direct nesting.
func (c *converter) value(o types.Object, depth int) (*obj, error) {
	if depth > 100 {
		return nil, ErrDamaged
	}
	c.count++
	if c.count > maxObjectsVisited {
		return nil, ErrDamaged
	}
	switch v := o.(type) {
	case nil:
		return token("null"), nil
	case types.Boolean:
		return token(v.PDFString()), nil
	case types.Integer:
		return token(v.PDFString()), nil
	case types.Float:
		f := v.Value()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return token("0"), nil
		}
		return token(num(f)), nil
	case types.Name:
		return token(v.PDFString()), nil
	case types.StringLiteral:
		return &obj{kind: kindString, text: string(v)}, nil
	case types.HexLiteral:
		return &obj{kind: kindHex, text: string(v)}, nil
	case types.Array:
		a := &obj{kind: kindArray, items: make([]*obj, 0, len(v))}
		for _, item := range v {
			iv, err := c.value(item, depth+1)
			if err != nil {
				return nil, err
			}
			a.items = append(a.items, iv)
		}
		return a, nil
	case types.Dict:
		return c.dict(v, depth)
	case types.StreamDict:
		return c.streamObj(&v, depth)
	case types.IndirectRef:
		key := c.prefix + strconv.Itoa(v.ObjectNumber.Value())
		if _, done := c.x.objects[key]; done {
			return &obj{kind: kindRef, text: key}, nil
		}
		target, err := c.src.ctx.Dereference(v)
		if err != nil || target == nil {
			return token("null"), nil
		}
		if d, ok := target.(types.Dict); ok {
			if t := d.NameEntry("Type"); t != nil && (*t == "Page" || *t == "Pages" || *t == "Catalog") {
				return token("null"), nil
			}
		}
		// Placeholder first, so that a cycle ends here.
		c.x.objects[key] = token("null")
		conv, err := c.value(target, depth+1)
		if err != nil {
			return nil, err
		}
		c.x.objects[key] = conv
		return &obj{kind: kindRef, text: key}, nil
	}
	return token("null"), nil
}

func (c *converter) dict(v types.Dict, depth int) (*obj, error) {
	d := &obj{kind: kindDict, dict: make(map[string]*obj, len(v))}
	for k, item := range v {
		if droppedKeys[k] {
			continue
		}
		iv, err := c.value(item, depth+1)
		if err != nil {
			return nil, err
		}
		d.dict[types.Name(k).PDFString()] = iv
	}
	return d, nil
}

// streamObj keeps a stream's data encoded (pdfcpu has decrypted it) under
// its own filters, except that JPEG pictures lose their metadata.
func (c *converter) streamObj(sd *types.StreamDict, depth int) (*obj, error) {
	d, err := c.dict(sd.Dict, depth)
	if err != nil {
		return nil, err
	}
	delete(d.dict, "/Length")
	delete(d.dict, "/DL")
	data := sd.Raw
	if f := sd.FilterPipeline; len(f) == 1 && f[0].Name == "DCTDecode" {
		data = stripJPEG(data)
	}
	return &obj{kind: kindStream, dict: d.dict, data: data}, nil
}

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
