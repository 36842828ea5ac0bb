package pdfdoc

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
		return signatureLineH
	}
	return 0
}

// signatureLineH is the height of a line of signature boxes.
const signatureLineH = 12.0
