package pdfdoc

import (
	"strings"
	"unicode/utf8"
)

// PageCountMark, placed in the Body of a Text whose Count is set, prints as
// that page count, filled in once the layout knows it: for wording the law
// prescribes with the count inside it, such as the MG11 declaration. Two
// digits' width is kept for it.
const PageCountMark = "\uE000"

// signatureBlockH is the height of a signature line, drawn whole.
const signatureBlockH = 12.0

// countPlaceholder is what a PageCountMark is measured as.
const countPlaceholder = "00"

// span is a piece of text in one style.
type span struct {
	text string
	bold bool
}

// line is one wrapped line of spans and its width.
type line struct {
	spans []span
	width float64
}

// wrap breaks spans into lines no wider than width. Lines break at spaces;
// a word longer than a whole line is broken between characters. "\n" forces
// a break.
func (r *renderer) wrap(spans []span, size, width float64) []line {
	var lines []line
	var cur line
	// last is the line's last span as a run of one span's text, while it
	// is one: the next word or space of the same text and weight extends
	// it over that text instead of copying it, since a long document wraps
	// a great many words.
	last := piece{from: -1}
	var gap []piece // spaces waiting for the next word on the same line
	gapW := 0.0
	add := func(p piece, w float64) {
		n := len(cur.spans)
		switch {
		case n > 0 && cur.spans[n-1].bold == p.bold && last.from == p.from && last.b == p.a:
			last.b = p.b
			cur.spans[n-1].text = last.text[last.a:last.b]
		case n > 0 && cur.spans[n-1].bold == p.bold:
			cur.spans[n-1].text += p.String()
			last.from = -1
		default:
			cur.spans = append(cur.spans, span{p.String(), p.bold})
			last = p
		}
		cur.width += w
	}
	flush := func() {
		lines = append(lines, cur)
		cur = line{}
		gap, gapW = gap[:0], 0
	}
	for i, s := range spans {
		text := strings.ReplaceAll(s.text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\t", " ")
		for a := 0; a < len(text); {
			p := piece{from: i, text: text, a: a, b: tokenEnd(text, a), bold: s.bold}
			a = p.b
			tok := p.String()
			switch {
			case tok == "\n":
				flush()
			case tok[0] == ' ':
				if len(cur.spans) > 0 {
					gap = append(gap, p)
					gapW += r.width(tok, s.bold, size)
				}
			default:
				w := r.width(tok, s.bold, size)
				if len(cur.spans) > 0 && cur.width+gapW+w > width {
					flush()
				}
				if len(cur.spans) == 0 && w > width {
					// A word wider than the line: break it between characters.
					for w > width {
						head := r.fitRunes(tok, s.bold, size, width)
						add(piece{from: i, text: text, a: p.a, b: p.a + len(head), bold: s.bold}, r.width(head, s.bold, size))
						flush()
						p.a += len(head)
						tok = p.String()
						w = r.width(tok, s.bold, size)
					}
				}
				for _, g := range gap {
					add(g, 0)
				}
				cur.width += gapW
				gap, gapW = gap[:0], 0
				if tok != "" {
					add(p, w)
				}
			}
		}
	}
	if len(cur.spans) > 0 || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// piece is text[a:b], a word, a run of spaces or a newline of the span
// numbered from.
type piece struct {
	from int
	text string
	a, b int
	bold bool
}

func (p piece) String() string { return p.text[p.a:p.b] }

// tokenEnd returns where the token of s that begins at a ends: a word, a
// run of spaces, or one newline.
func tokenEnd(s string, a int) int {
	kind := func(c byte) int {
		switch c {
		case '\n':
			return 0
		case ' ':
			return 1
		}
		return 2
	}
	if s[a] == '\n' {
		return a + 1
	}
	b := a + 1
	for b < len(s) && kind(s[b]) == kind(s[a]) {
		b++
	}
	return b
}

// pageCountAt reserves the box of a PageCountMark at x, y and returns the
// x after it. The number is centred in the box.
func (r *renderer) pageCountAt(x, y, h, size float64, bold bool) float64 {
	w := r.width(countPlaceholder, bold, size)
	r.numbers = append(r.numbers, pageNumber{page: r.pdf.PageNo(), x: x, y: y, w: w, h: h, size: size, bold: bold, align: AlignCentre, value: r.countValue})
	return x + w
}

// fitRunes returns the longest prefix of s, at least one character, that
// fits in width. It is only called for text wider than width.
func (r *renderer) fitRunes(s string, bold bool, size, width float64) string {
	_, end := utf8.DecodeRuneInString(s)
	for i := range s {
		if i <= end {
			continue
		}
		if r.width(s[:i], bold, size) > width {
			break
		}
		end = i
	}
	return s[:end]
}

// drawLine draws a wrapped line with its top-left corner at x, y.
func (r *renderer) drawLine(l line, x, y, w, h, size float64, align Align, link int) {
	switch align {
	case AlignCentre:
		x += (w - l.width) / 2
	case AlignRight:
		x += w - l.width
	}
	for _, s := range l.spans {
		parts := []string{s.text}
		if r.countValue != nil {
			parts = strings.Split(s.text, PageCountMark)
		}
		for i, part := range parts {
			if i > 0 {
				x = r.pageCountAt(x, y, h, size, s.bold)
			}
			if part == "" {
				continue
			}
			sw := r.width(part, s.bold, size)
			r.pdf.SetXY(x, y)
			r.pdf.CellFormat(sw, h, part, "", 0, "LM", false, 0, "")
			x += sw
		}
	}
	if link != 0 && l.width > 0 {
		r.pdf.Link(x-l.width, y, l.width, h, link)
	}
}

func styleMetrics(s Style) (size, lineH float64) {
	if s == Small {
		return smallSize, smallLine
	}
	return bodySize, bodyLine
}

func (b textBlock) render(r *renderer) error {
	size, lineH := styleMetrics(b.Style)
	var spans []span
	if b.Label != "" {
		spans = append(spans, span{b.Label + " ", true})
	}
	spans = append(spans, span{b.Body, b.Style == Bold})
	link := 0
	r.textColour(black)
	if b.Link != "" {
		link = r.link(r.anchor(b.Link))
		r.textColour(linkBlue)
	}
	// The marks of this text only stand for the count (PageCountMark).
	r.countValue = r.count(b.Count)
	defer func() { r.countValue = nil }()
	lines := r.wrap(spans, size, contentW)
	if b.caption() {
		// A short bold line captions what follows: keep them together.
		r.ensure(float64(len(lines))*lineH + paragraphGap + r.leadAfter(r.index))
	}
	for _, l := range lines {
		r.ensure(lineH)
		r.drawLine(l, marginX, r.y, contentW, lineH, size, b.Align, link)
		r.y += lineH
	}
	r.y += paragraphGap
	return nil
}

var headingSizes = [4]struct{ size, line, before float64 }{
	{}, {14, 7, 4}, {12, 6, 3}, {10.5, 5.5, 2},
}

func (r *renderer) headingTarget(index int) *target {
	t := r.headings[index]
	if t == nil {
		t = &target{}
		r.headings[index] = t
	}
	return t
}

// heading draws a bookmarked heading that keeps with the text after it.
func (r *renderer) heading(level int, title string, t *target) {
	m := headingSizes[level]
	lines := r.wrap([]span{{title, true}}, m.size, contentW)
	if !r.atTop() && r.pdf.PageNo() > 0 && !r.pending {
		r.y += m.before
	}
	// Keep the heading with the start of what follows (keep.go).
	r.ensure(float64(len(lines))*m.line + 1.5 + r.leadAfter(r.index))
	r.pdf.Bookmark(title, level-1, r.y)
	r.define(t)
	r.textColour(black)
	for _, l := range lines {
		r.drawLine(l, marginX, r.y, contentW, m.line, m.size, AlignLeft, 0)
		r.y += m.line
	}
	r.y += 1.5
}

func (b headingBlock) render(r *renderer) error {
	t := r.headingTarget(r.index)
	if b.anchor != "" {
		// The anchor and the contents entry are the same place.
		t = r.anchor(b.anchor)
		r.headings[r.index] = t
	}
	r.heading(b.level, b.title, t)
	return nil
}

func (b anchorBlock) render(r *renderer) error {
	r.ensure(bodyLine)
	r.define(r.anchor(b.name))
	return nil
}

func (breakBlock) render(r *renderer) error {
	r.breakPage()
	return nil
}

func (b spaceBlock) render(r *renderer) error {
	if r.pdf.PageNo() == 0 || r.atTop() || r.pending {
		return nil
	}
	r.y += b.mm
	if r.y > r.bottom {
		r.pending = true
	}
	return nil
}

func (b groupBlock) render(r *renderer) error {
	var g *group
	if b.start {
		g = &group{Group: b.group}
	}
	r.current = g
	if r.pdf.PageNo() == 0 {
		return nil
	}
	if !r.atTop() {
		r.pending = true
		return nil
	}
	// Nothing drawn on this page yet: it belongs to the new group.
	p := r.pdf.PageNo()
	if old := r.pageGroup[p-1]; old != nil && old.last == p {
		old.last = p - 1
	}
	r.pageGroup[p-1] = g
	r.bottom = bodyBottom
	if g != nil {
		g.first, g.last = p, p
		if len(g.Signatures) > 0 {
			r.bottom -= signatureH
		}
	}
	return nil
}

func (b signatureBlock) render(r *renderer) error {
	if len(b.labels) == 0 {
		return nil
	}
	r.ensure(signatureBlockH)
	r.y += 2
	r.signatureLine(b.labels, r.y)
	r.y += signatureBlockH - 2
	return nil
}

// signatureLine draws "Label: ______" boxes side by side at y.
func (r *renderer) signatureLine(labels []string, y float64) {
	slot := contentW / float64(len(labels))
	r.pdf.SetDrawColor(black[0], black[1], black[2])
	r.pdf.SetLineWidth(0.25)
	r.textColour(black)
	for i, label := range labels {
		x := marginX + float64(i)*slot
		text := fit(r, label+":", slot*0.6, true, 9)
		w := r.width(text, true, 9)
		r.pdf.SetXY(x, y)
		r.pdf.CellFormat(w, 6, text, "", 0, "LM", false, 0, "")
		end := x + slot - 4
		if i == len(labels)-1 {
			end = x + slot
		}
		r.pdf.Line(x+w+2, y+5, end, y+5)
	}
}

func (b contentsBlock) render(r *renderer) error {
	if b.title != "" {
		r.heading(1, b.title, &target{})
	}
	const numW = 14.0
	for i := r.index + 1; i < len(r.doc.blocks); i++ {
		var level int
		var title string
		switch e := r.doc.blocks[i].(type) {
		case headingBlock:
			level, title = e.level, e.title
			if e.anchor != "" {
				r.headings[i] = r.anchor(e.anchor)
			}
		case importBlock:
			if e.Title == "" {
				continue
			}
			level, title = max(e.Level, 1), e.Title
			if e.Anchor != "" {
				r.headings[i] = r.anchor(e.Anchor)
			}
		default:
			continue
		}
		t := r.headingTarget(i)
		indent := float64(level-1) * 6
		bold := level == 1
		titleW := contentW - indent - numW - 4
		lines := r.wrap([]span{{title, bold}}, bodySize, titleW)
		h := float64(len(lines)) * bodyLine
		before := 0.8
		if level == 1 {
			before = 2
		}
		if !r.atTop() && r.pdf.PageNo() > 0 {
			r.y += before
		}
		r.ensure(h)
		top := r.y
		r.textColour(black)
		for _, l := range lines {
			r.drawLine(l, marginX+indent, r.y, titleW, bodyLine, bodySize, AlignLeft, 0)
			r.y += bodyLine
		}
		last := lines[len(lines)-1]
		r.leader(marginX+indent+last.width+2, pageW-marginX-numW-1, r.y-1.3)
		r.numbers = append(r.numbers, pageNumber{
			page: r.pdf.PageNo(), x: pageW - marginX - numW, y: r.y - bodyLine,
			w: numW, h: bodyLine, size: bodySize, bold: bold, align: AlignRight, value: pageOf(t),
		})
		r.pdf.Link(marginX, top, contentW, h, r.link(t))
	}
	r.y += paragraphGap
	return nil
}

// leader draws a dotted line between a contents title and its page number.
func (r *renderer) leader(x0, x1, y float64) {
	if x1-x0 < 3 {
		return
	}
	pdf := r.pdf
	pdf.SetDrawColor(midGrey[0], midGrey[1], midGrey[2])
	pdf.SetLineWidth(0.3)
	pdf.SetLineCapStyle("round")
	pdf.SetDashPattern([]float64{0, 1.5}, 0)
	pdf.Line(x0, y, x1, y)
	pdf.SetDashPattern(nil, 0)
	pdf.SetLineCapStyle("butt")
}
