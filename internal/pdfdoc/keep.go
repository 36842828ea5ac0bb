package pdfdoc

// Keep-together: a heading, or a short bold line captioning what follows,
// never ends a page. Before drawing one, the renderer makes room for it and
// for the start of the next block: two lines of text, a table's header and
// first row, a form's first row, a signature line, or (for a heading
// followed by a heading) that heading and what starts after it. Table and
// form rows are never split unless one is taller than a page (drawRows).

// captionLines is how many lines a bold text may have and still be kept
// with what follows it.
const captionLines = 2

// caption reports whether the text is a short bold line that introduces
// the block after it.
func (b textBlock) caption() bool {
	return b.Style == Bold && len(b.Body)+len(b.Label) < 200
}

// leadAfter is the height the blocks after block i need at the start: what
// a heading or caption at i must keep with. It is capped at half a page, so
// that a long run of headings cannot push everything off every page.
func (r *renderer) leadAfter(i int) float64 {
	return min(r.lead(i+1, 0), (r.freshBottom()-r.top)/2)
}

// lead is the height block i needs at its start; depth stops a run of
// headings being followed too far.
func (r *renderer) lead(i, depth int) float64 {
	blocks := r.doc.blocks
	if i >= len(blocks) || depth > 3 {
		return 0
	}
	switch b := blocks[i].(type) {
	case headingBlock:
		m := headingSizes[b.level]
		n := len(r.wrap([]span{{b.title, true}}, m.size, contentW))
		return m.before + float64(n)*m.line + 1.5 + r.lead(i+1, depth+1)
	case textBlock:
		size, lineH := styleMetrics(b.Style)
		n := len(r.wrap([]span{{b.Label + " " + b.Body, b.Style == Bold}}, size, contentW))
		h := float64(min(n, captionLines)) * lineH
		if b.caption() && n <= captionLines {
			h += paragraphGap + r.lead(i+1, depth+1)
		}
		return h
	case tableBlock:
		header, rows := b.boxes(r)
		h := rowHeight(header.lineCount())
		if len(rows) > 0 {
			h += rowHeight(rows[0].lineCount())
		}
		return h
	case formBlock:
		rows := b.boxes(r)
		if len(rows) == 0 {
			return 0
		}
		return rowHeight(rows[0].lineCount())
	case signatureBlock:
		return signatureBlockH
	case anchorBlock, spaceBlock:
		return r.lead(i+1, depth)
	}
	return 0
}

// KeepTogether makes the next n blocks start on a new page unless they all
// fit in the space left on this one: a numbered term with its wording, or
// the last term of an order with the court's signature line. Only the
// heights of text, space and signature blocks are measured; other blocks
// in the run count as nothing. A run taller than a page starts on a new
// page and flows on as usual.
func (d *Document) KeepTogether(n int) {
	if n > 0 {
		d.add(keepBlock{n: n})
	}
}

// keepBlock holds no text of its own, so everything it keeps together is
// printed (and made printable) as the blocks it names.
type keepBlock struct{ n int }

func (b keepBlock) render(r *renderer) error {
	h := 0.0
	for _, next := range r.doc.blocks[r.index+1 : min(r.index+1+b.n, len(r.doc.blocks))] {
		h += r.blockHeight(next)
	}
	if h > 0 && h <= r.freshBottom()-r.top && !r.atTop() {
		r.ensure(h)
	}
	return nil
}

// blockHeight is the height a text, space or signature block takes; 0 for
// any other block.
func (r *renderer) blockHeight(b block) float64 {
	switch b := b.(type) {
	case textBlock:
		size, lineH := styleMetrics(b.Style)
		var spans []span
		if b.Label != "" {
			spans = append(spans, span{b.Label + " ", true})
		}
		spans = append(spans, span{b.Body, b.Style == Bold})
		return float64(len(r.wrap(spans, size, contentW)))*lineH + paragraphGap
	case spaceBlock:
		return b.mm
	case signatureBlock:
		return signatureBlockH
	}
	return 0
}
