package pdfdoc

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"sync"

	"codeberg.org/go-pdf/fpdf"
	"github.com/spokit/spokit/internal/fonts"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Page geometry in millimetres (A4 portrait).
const (
	pageW        = 210.0
	pageH        = 297.0
	marginX      = 20.0
	contentW     = pageW - 2*marginX
	bodyTop      = 24.0 // below the header rule
	bodyTopNote  = 29.0 // below the header rule when there is a header note
	bodyBottom   = 274.0
	signatureH   = 16.0 // group signature strip above the footer
	family       = "sans"
	bodySize     = 10.0
	bodyLine     = 5.0
	smallSize    = 8.0
	smallLine    = 4.0
	tableSize    = 9.0
	tableLine    = 4.3
	cellPad      = 1.5
	paragraphGap = 2.5
)

// Text colours and fills (RGB).
var (
	black    = [3]int{0, 0, 0}
	darkGrey = [3]int{70, 70, 70}
	midGrey  = [3]int{150, 150, 150}
	fillGrey = [3]int{232, 232, 232}
	linkBlue = [3]int{0, 70, 150}
)

// target is a place in the document that links and page references can
// point to. Its link is created on first use so that links may point forward.
type target struct {
	link int
	page int
}

// pageNumber is a number drawn once the layout is known (contents entries,
// PageOf cells, page counts): its box is reserved during layout and value
// is read when every page exists.
type pageNumber struct {
	page       int
	x, y, w, h float64
	size       float64
	bold       bool
	align      Align
	value      func() int
}

// pageOf is the deferred number of the page where t lands.
func pageOf(t *target) func() int { return func() int { return t.page } }

type group struct {
	Group
	first, last int
}

// pages is the number of pages of g; it is final only once layout is done.
func (g *group) pages() int { return g.last - g.first + 1 }

type renderer struct {
	pdf  *fpdf.Fpdf
	doc  *Document
	opts Options

	y         float64 // current vertical position on the current page
	top       float64 // top of the text area
	bottom    float64 // bottom of the text area of the current page
	pending   bool    // the next content must start on a new page
	pageGroup []*group
	current   *group

	anchors  map[string]*target
	headings map[int]*target // heading (and titled import) targets by block index
	numbers  []pageNumber

	xobjects *xobjects          // imported pages and pictures
	pictures map[string]picture // by content key, each decoded once
	index    int                // of the block being rendered

	fontBold bool
	fontSize float64
	// countValue is the page count a PageCountMark prints as while a Text
	// with a Count is laid out; nil otherwise.
	countValue func() int
}

func render(d *Document, out *bytes.Buffer) (err error) {
	r := &renderer{
		doc:      d,
		opts:     d.opts,
		anchors:  map[string]*target{},
		headings: map[int]*target{},
		xobjects: newXObjects(),
		pictures: map[string]picture{},
	}
	r.top = bodyTop
	if d.opts.HeaderNote != "" {
		r.top = bodyTopNote
	}
	r.setup()
	for i, b := range d.blocks {
		r.index = i
		if err := b.render(r); err != nil {
			return err
		}
		if err := r.pdf.Error(); err != nil {
			return fmt.Errorf("pdfdoc: layout: %w", err)
		}
	}
	if r.pdf.PageCount() == 0 {
		r.newPage()
	}
	if err := r.finish(); err != nil {
		return err
	}
	var raw bytes.Buffer
	if err := r.pdf.Output(&raw); err != nil {
		return fmt.Errorf("pdfdoc: output: %w", err)
	}
	packed, err := compressPages(raw.Bytes())
	if err != nil {
		return err
	}
	return r.xobjects.assemble(packed, out)
}

func (r *renderer) setup() {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	// compressPages compresses the pages, faster than fpdf does.
	pdf.SetCompression(false)
	pdf.SetCreationDate(r.opts.Date)
	pdf.SetModificationDate(r.opts.Date)
	pdf.SetTitle(r.opts.Title, true)
	if r.opts.Subject != "" {
		pdf.SetSubject(r.opts.Subject, true)
	}
	author := r.opts.Author
	if author == "" {
		author = "spokit"
	}
	pdf.SetAuthor(author, true)
	pdf.SetCreator("spokit", true)
	pdf.SetLang("en-GB")
	pdf.SetMargins(marginX, bodyTop, marginX)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)
	// No alias is registered (fpdf's AliasNbPages and RegisterAlias are
	// never used), so fpdf replaces nothing in the text: "{nb}" in a
	// witness's words prints as written.

	// Court e-bundles open at 100%.
	pdf.SetDisplayMode("real", "single")
	// Liberation Sans is embedded under the SIL Open Font License
	// (internal/fonts/OFL.txt), which must go with any binary distributed.
	pdf.AddUTF8FontFromBytes(family, "", fonts.Regular)
	pdf.AddUTF8FontFromBytes(family, "B", fonts.Bold)
	pdf.SetFont(family, "", bodySize)
	r.fontSize = bodySize
	r.pdf = pdf
}

// font selects the font, telling fpdf only when it changes.
func (r *renderer) font(bold bool, size float64) {
	if bold == r.fontBold && size == r.fontSize {
		return
	}
	style := ""
	if bold {
		style = "B"
	}
	r.pdf.SetFont(family, style, size)
	r.fontBold, r.fontSize = bold, size
}

// forceFont selects the font even if fpdf believes it is current: needed
// when drawing on an earlier page, whose last font may differ.
func (r *renderer) forceFont(bold bool, size float64) {
	r.fontSize = -1
	r.font(bold, size)
}

func (r *renderer) width(s string, bold bool, size float64) float64 {
	if r.countValue != nil && strings.Contains(s, PageCountMark) {
		s = strings.ReplaceAll(s, PageCountMark, countPlaceholder)
	}
	r.font(bold, size)
	return r.pdf.GetStringWidth(s)
}

func (r *renderer) textColour(c [3]int) { r.pdf.SetTextColor(c[0], c[1], c[2]) }

// newPage starts a page and sets its text area.
func (r *renderer) newPage() {
	r.pdf.AddPage()
	r.pending = false
	r.y = r.top
	r.bottom = bodyBottom
	if g := r.current; g != nil {
		if g.first == 0 {
			g.first = r.pdf.PageNo()
		}
		g.last = r.pdf.PageNo()
		if len(g.Signatures) > 0 {
			r.bottom -= signatureH
		}
	}
	r.pageGroup = append(r.pageGroup, r.current)
	// fpdf re-emits the font at a new page; keep our record in step.
	r.forceFont(false, bodySize)
	r.textColour(black)
}

// ensure makes room for h millimetres, starting a new page when needed.
func (r *renderer) ensure(h float64) {
	if r.pdf.PageNo() == 0 || r.pending || r.y+h > r.bottom+0.01 {
		r.newPage()
	}
}

// atTop reports whether nothing has been drawn yet on the current page.
func (r *renderer) atTop() bool { return r.pdf.PageNo() > 0 && r.y <= r.top+0.01 }

// breakPage makes the next content start on a new page, without leaving an
// empty page behind.
func (r *renderer) breakPage() {
	if r.pdf.PageNo() > 0 && !r.atTop() {
		r.pending = true
	}
}

func (r *renderer) anchor(name string) *target {
	t := r.anchors[name]
	if t == nil {
		t = &target{}
		r.anchors[name] = t
	}
	return t
}

func (r *renderer) link(t *target) int {
	if t.link == 0 {
		t.link = r.pdf.AddLink()
	}
	return t.link
}

// define makes t point at the current position.
func (r *renderer) define(t *target) {
	r.pdf.SetLink(r.link(t), r.y, -1)
	t.page = r.pdf.PageNo()
}

// finish draws what needs the whole layout: marking, header and footer on
// every page, and the deferred page numbers.
func (r *renderer) finish() error {
	pages := r.pdf.PageCount()
	for p := 1; p <= pages; p++ {
		r.pdf.SetPage(p)
		// The furniture is drawn in its own saved state, so that nothing it
		// sets outlives it; fpdf's idea of the state is then made true again.
		fr, fg, fb := r.pdf.GetFillColor()
		dr, dg, db := r.pdf.GetDrawColor()
		lw := r.pdf.GetLineWidth()
		r.pdf.RawWriteStr("q")
		r.decorate(p, pages)
		r.pdf.RawWriteStr("Q")
		r.pdf.SetFillColor(fr, fg, fb)
		r.pdf.SetDrawColor(dr, dg, db)
		r.pdf.SetLineWidth(lw)
	}
	// Every target is defined by now: Document.validate checked the anchors
	// and headings define their own targets.
	for _, n := range r.numbers {
		r.pdf.SetPage(n.page)
		r.forceFont(n.bold, n.size)
		r.textColour(black)
		r.pdf.SetXY(n.x, n.y)
		r.pdf.CellFormat(n.w, n.h, strconv.Itoa(n.value()), "", 0, alignStr(n.align), false, 0, "")
	}
	// fpdf writes out only pages up to the current one.
	r.pdf.SetPage(pages)
	if err := r.pdf.Error(); err != nil {
		return fmt.Errorf("pdfdoc: page furniture: %w", err)
	}
	return nil
}

func alignStr(a Align) string {
	switch a {
	case AlignCentre:
		return "CM"
	case AlignRight:
		return "RM"
	default:
		return "LM"
	}
}

// decorate draws the page furniture of page p of n.
func (r *renderer) decorate(p, n int) {
	pdf := r.pdf
	pdf.SetDrawColor(midGrey[0], midGrey[1], midGrey[2])
	pdf.SetLineWidth(0.2)
	if m := strings.ToUpper(strings.TrimSpace(r.opts.Marking)); m != "" {
		r.forceFont(true, 9)
		r.textColour(black)
		pdf.SetXY(marginX, 4)
		pdf.CellFormat(contentW, 5, fit(r, m, contentW, true, 9), "", 0, "CM", false, 0, "")
		pdf.SetXY(marginX, pageH-9)
		pdf.CellFormat(contentW, 5, fit(r, m, contentW, true, 9), "", 0, "CM", false, 0, "")
	}

	if r.opts.Draft {
		r.forceFont(true, 9)
		r.textColour(black)
		pdf.SetXY(marginX, 4)
		pdf.CellFormat(r.width("DRAFT", true, 9), 5, "DRAFT", "", 0, "LM", false, 0, "")
	}

	// Header: reference on the left, title on the right.
	r.forceFont(true, 8.5)
	r.textColour(darkGrey)
	ref := fit(r, r.opts.Reference, contentW*0.45, true, 8.5)
	refW := r.width(ref, true, 8.5)
	pdf.SetXY(marginX, 11)
	pdf.CellFormat(refW, 5, ref, "", 0, "LM", false, 0, "")
	title := fit(r, r.opts.Title, contentW-refW-6, false, 8.5)
	pdf.SetXY(marginX+refW+6, 11)
	pdf.CellFormat(contentW-refW-6, 5, title, "", 0, "RM", false, 0, "")
	rule := 17.0
	if note := r.opts.HeaderNote; note != "" {
		r.font(true, 10)
		r.textColour(black)
		pdf.SetXY(marginX, 16.5)
		pdf.CellFormat(contentW, 5, fit(r, note, contentW, true, 10), "", 0, "CM", false, 0, "")
		rule = 22.5
	}
	pdf.Line(marginX, rule, pageW-marginX, rule)

	// Footer: group page count on the left, document page count on the right.
	footRule := pageH - 19
	pdf.Line(marginX, footRule, pageW-marginX, footRule)
	r.forceFont(false, 8.5)
	r.textColour(darkGrey)
	pageText := fmt.Sprintf("Page %d of %d", p, n)
	pw := r.width(pageText, false, 8.5)
	pdf.SetXY(pageW-marginX-pw, footRule+1)
	pdf.CellFormat(pw, 5, pageText, "", 0, "RM", false, 0, "")
	if g := r.pageGroup[p-1]; g != nil {
		text := fmt.Sprintf("page %d of %d", p-g.first+1, g.pages())
		if g.Name != "" {
			text = g.Name + ": " + text
		} else {
			text = "P" + text[1:]
		}
		pdf.SetXY(marginX, footRule+1)
		pdf.CellFormat(contentW-pw-6, 5, fit(r, text, contentW-pw-6, false, 8.5), "", 0, "LM", false, 0, "")
		if len(g.Signatures) > 0 {
			r.signatureLine(g.Signatures, footRule-signatureH+4)
		}
	}
	if r.opts.Draft {
		r.watermark()
	}
}

// fit shortens s with an ellipsis so that it fits in w.
func fit(r *renderer, s string, w float64, bold bool, size float64) string {
	if r.width(s, bold, size) <= w {
		return s
	}
	runes := []rune(s)
	for len(runes) > 0 {
		runes = runes[:len(runes)-1]
		cut := strings.TrimRight(string(runes), " ") + "…"
		if r.width(cut, bold, size) <= w {
			return cut
		}
	}
	return ""
}

// watermark draws DRAFT diagonally across the page, light and translucent
// so that the content under it stays readable. It is drawn as glyph outlines
// rather than text so that text extraction of the page is not interleaved
// with its letters; the header carries "DRAFT" as text instead.
func (r *renderer) watermark() {
	w, err := draftOutline()
	if err != nil {
		r.pdf.SetError(fmt.Errorf("draft watermark: %w", err))
		return
	}
	pdf := r.pdf
	const size = 105.0               // points
	scale := size * 25.4 / 72 / 1000 // millimetres per 1/1000 em
	width := w.advance * scale
	x0, base := pageW/2-width/2, pageH/2+w.capHeight*scale/2
	pdf.SetAlpha(0.16, "Normal")
	pdf.SetFillColor(110, 110, 110)
	pdf.TransformBegin()
	pdf.TransformRotate(52, pageW/2, pageH/2)
	for _, seg := range w.segments {
		pt := func(i int) (float64, float64) {
			return x0 + float64(seg.Args[i].X)/64*scale, base + float64(seg.Args[i].Y)/64*scale
		}
		switch seg.Op {
		case sfnt.SegmentOpMoveTo:
			pdf.MoveTo(pt(0))
		case sfnt.SegmentOpLineTo:
			pdf.LineTo(pt(0))
		case sfnt.SegmentOpQuadTo:
			cx, cy := pt(0)
			x, y := pt(1)
			pdf.CurveTo(cx, cy, x, y)
		case sfnt.SegmentOpCubeTo:
			c0x, c0y := pt(0)
			c1x, c1y := pt(1)
			x, y := pt(2)
			pdf.CurveBezierCubicTo(c0x, c0y, c1x, c1y, x, y)
		}
	}
	pdf.DrawPath("F")
	pdf.TransformEnd()
	pdf.SetAlpha(1, "Normal")
}

// outline is a word's glyph outlines in 1/1000 em (26.6 fixed point), laid
// out from x=0 on a baseline at y=0 with y growing downwards.
type outline struct {
	segments  []sfnt.Segment
	advance   float64 // in 1/1000 em
	capHeight float64 // in 1/1000 em
}

// draftOutline is built once per process: the font never changes.
var draftOutline = sync.OnceValues(func() (outline, error) {
	f, err := sfnt.Parse(fonts.Bold)
	if err != nil {
		return outline{}, err
	}
	var buf sfnt.Buffer
	ppem := fixed.I(1000)
	var o outline
	pen := fixed.Int26_6(0)
	for _, c := range "DRAFT" {
		idx, err := f.GlyphIndex(&buf, c)
		if err != nil {
			return outline{}, err
		}
		segs, err := f.LoadGlyph(&buf, idx, ppem, nil)
		if err != nil {
			return outline{}, err
		}
		for _, s := range segs {
			for i := range s.Args {
				s.Args[i].X += pen
			}
			o.segments = append(o.segments, s)
		}
		adv, err := f.GlyphAdvance(&buf, idx, ppem, font.HintingNone)
		if err != nil {
			return outline{}, err
		}
		pen += adv
	}
	o.advance = float64(pen) / 64
	m, err := f.Metrics(&buf, ppem, font.HintingNone)
	if err != nil {
		return outline{}, err
	}
	o.capHeight = float64(m.CapHeight) / 64
	return o, nil
})
