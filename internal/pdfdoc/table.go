package pdfdoc

import "math"

// boxCell is one bordered cell of a row, already wrapped to its width.
type boxCell struct {
	x, w  float64
	lines []line
	align Align
	fill  bool
	link  *target
	// lineLinks, when set, holds for each line the target it links to (nil
	// for an unlinked line).
	lineLinks []*target
	// number, when set, is drawn in the cell once the layout is known.
	number func() int
	bold   bool
}

// boxRow is a row of cells sharing a height; tables and forms are made of
// them.
type boxRow struct {
	cells  []boxCell
	anchor *target
}

func (b boxRow) lineCount() int {
	n := 1
	for _, c := range b.cells {
		n = max(n, len(c.lines))
	}
	return n
}

// cell wraps text into a cell of width w at the table font size.
func (r *renderer) cell(text string, x, w float64, bold bool, align Align) boxCell {
	lines := r.wrap([]span{{text, bold}}, tableSize, w-2*cellPad)
	return boxCell{x: x, w: w, lines: lines, align: align, bold: bold}
}

// addLinkLines appends each linked entry to the cell on lines of its own,
// remembering which target each line links to.
func (r *renderer) addLinkLines(c *boxCell, links []CellLink) {
	c.lineLinks = make([]*target, len(c.lines), len(c.lines)+len(links))
	if len(c.lines) == 1 && len(c.lines[0].spans) == 0 {
		c.lines, c.lineLinks = c.lines[:0], c.lineLinks[:0] // no Text: start with the first entry
	}
	for _, l := range links {
		var to *target
		if l.Link != "" {
			to = r.anchor(l.Link)
		}
		for _, ln := range r.wrap([]span{{l.Text, c.bold}}, tableSize, c.w-2*cellPad) {
			c.lines = append(c.lines, ln)
			c.lineLinks = append(c.lineLinks, to)
		}
	}
}

// freshRoom is the height available on a new page of the current group.
func (r *renderer) freshBottom() float64 {
	if r.current != nil && len(r.current.Signatures) > 0 {
		return bodyBottom - signatureH
	}
	return bodyBottom
}

// drawRows lays rows out one after another. A row that does not fit moves
// to the next page; a row taller than a page is split between lines. When
// header is set it is drawn at the top of every page the rows reach.
func (r *renderer) drawRows(rows []boxRow, header *boxRow) {
	headerH := 0.0
	if header != nil {
		headerH = rowHeight(header.lineCount())
	}
	onPage := false // whether the header is drawn on the current page
	for _, row := range rows {
		n := row.lineCount()
		start := 0
		for start < n {
			room := 0.0
			if r.pdf.PageNo() > 0 && !r.pending {
				room = r.bottom - r.y
			}
			if !onPage {
				room -= headerH
			}
			full := rowHeight(n - start)
			if full <= room+0.01 {
				onPage = r.drawHeader(header, onPage)
				r.drawPiece(row, start, n, start == 0)
				break
			}
			fits := int(math.Floor((room - 2*cellPad + 0.01) / tableLine))
			fresh := r.pdf.PageNo() > 0 && !r.pending && r.atTop()
			if !fresh && (full <= r.freshBottom()-r.top-headerH || fits < 2) {
				r.newPage()
				onPage = false
				continue
			}
			// Split the row between lines: what fits here, the rest after a
			// page break.
			r.drawHeader(header, onPage)
			r.drawPiece(row, start, start+max(fits, 1), start == 0)
			start += max(fits, 1)
			r.newPage()
			onPage = false
		}
	}
	r.y += paragraphGap
}

func rowHeight(lines int) float64 { return float64(lines)*tableLine + 2*cellPad }

func (r *renderer) drawHeader(header *boxRow, onPage bool) bool {
	if header != nil && !onPage {
		r.drawPiece(*header, 0, header.lineCount(), false)
	}
	return true
}

// drawPiece draws lines [from, to) of every cell of row at the current
// position.
func (r *renderer) drawPiece(row boxRow, from, to int, first bool) {
	pdf := r.pdf
	h := rowHeight(to - from)
	if first && row.anchor != nil {
		r.define(row.anchor)
	}
	pdf.SetLineWidth(0.2)
	pdf.SetDrawColor(midGrey[0], midGrey[1], midGrey[2])
	pdf.SetFillColor(fillGrey[0], fillGrey[1], fillGrey[2])
	for _, c := range row.cells {
		style := "D"
		if c.fill {
			style = "FD"
		}
		pdf.Rect(c.x, r.y, c.w, h, style)
		r.textColour(black)
		if c.link != nil {
			r.textColour(linkBlue)
		}
		for i := from; i < to && i < len(c.lines); i++ {
			y := r.y + cellPad + float64(i-from)*tableLine
			var dest *target
			if i < len(c.lineLinks) {
				dest = c.lineLinks[i]
			}
			if dest != nil {
				r.textColour(linkBlue)
			}
			r.drawLine(c.lines[i], c.x+cellPad, y, c.w-2*cellPad, tableLine, tableSize, c.align, 0)
			if dest != nil {
				pdf.Link(c.x+cellPad, y, c.w-2*cellPad, tableLine, r.link(dest))
				r.textColour(black)
			}
		}
		if c.number != nil && first {
			r.numbers = append(r.numbers, pageNumber{
				page: pdf.PageNo(), x: c.x + cellPad, y: r.y + cellPad, w: c.w - 2*cellPad, h: tableLine,
				size: tableSize, bold: c.bold, align: c.align, value: c.number,
			})
		}
		if c.link != nil {
			pdf.Link(c.x, r.y, c.w, h, r.link(c.link))
		}
	}
	r.y += h
}

// columnWidths resolves fixed and weighted widths to millimetres that fill
// the text width.
func columnWidths(cols []Column) []float64 {
	fixed, weights := 0.0, 0.0
	for _, c := range cols {
		if c.Width > 0 {
			fixed += c.Width
		} else {
			weights += weight(c)
		}
	}
	widths := make([]float64, len(cols))
	scale := 1.0
	rest := contentW - fixed
	if rest < 0 || (weights == 0 && fixed > 0) {
		// Fixed widths that overflow (or leave a gap nobody takes) are scaled
		// to the text width.
		scale, rest = contentW/fixed, 0
	}
	for i, c := range cols {
		if c.Width > 0 {
			widths[i] = c.Width * scale
		} else {
			widths[i] = rest * weight(c) / weights
		}
	}
	return widths
}

func weight(c Column) float64 {
	if c.Weight > 0 {
		return c.Weight
	}
	return 1
}

func (t tableBlock) render(r *renderer) error {
	header, rows := t.boxes(r)
	r.drawRows(rows, header)
	return nil
}

// boxes lays the table's header and rows out into cells.
func (t tableBlock) boxes(r *renderer) (*boxRow, []boxRow) {
	widths := columnWidths(t.Columns)
	xs := make([]float64, len(widths))
	x := marginX
	for i, w := range widths {
		xs[i] = x
		x += w
	}
	header := &boxRow{}
	for i, c := range t.Columns {
		cell := r.cell(c.Title, xs[i], widths[i], true, c.Align)
		cell.fill = true
		header.cells = append(header.cells, cell)
	}
	rows := make([]boxRow, len(t.Rows))
	for i, row := range t.Rows {
		if row.Anchor != "" {
			rows[i].anchor = r.anchor(row.Anchor)
		}
		for j, col := range t.Columns {
			var c Cell
			if j < len(row.Cells) {
				c = row.Cells[j]
			}
			cell := r.cell(c.Text, xs[j], widths[j], c.Bold, col.Align)
			if c.PageOf != "" {
				cell = r.cell("", xs[j], widths[j], c.Bold, col.Align)
				cell.number = pageOf(r.anchor(c.PageOf))
			}
			if c.Link != "" {
				cell.link = r.anchor(c.Link)
			}
			if len(c.Links) > 0 {
				r.addLinkLines(&cell, c.Links)
			}
			rows[i].cells = append(rows[i].cells, cell)
		}
	}
	return header, rows
}

// count returns the deferred value of a form field's page count, or nil
// for NoCount. Document.validate has ruled out a group count outside a
// group.
func (r *renderer) count(c Count) func() int {
	switch c {
	case DocumentPageCount:
		return r.pdf.PageCount
	case GroupPageCount:
		return r.current.pages
	}
	return nil
}

func (f formBlock) render(r *renderer) error {
	r.drawRows(f.boxes(r), nil)
	return nil
}

// boxes lays the form's rows out into label and value cells.
func (f formBlock) boxes(r *renderer) []boxRow {
	// Labels of one-field rows share a width so that their values line up.
	single := 0.0
	for _, row := range f.Rows {
		if len(row) == 1 {
			single = max(single, r.width(row[0].Label, true, tableSize)+2*cellPad+1)
		}
	}
	single = min(max(single, 30), contentW*0.4)
	var rows []boxRow
	for _, fields := range f.Rows {
		if len(fields) == 0 {
			continue
		}
		slot := contentW / float64(len(fields))
		var row boxRow
		for i, field := range fields {
			x := marginX + float64(i)*slot
			labelW := single
			if len(fields) > 1 && (i > 0 || single > slot*0.45) {
				labelW = min(max(r.width(field.Label, true, tableSize)+2*cellPad+1, 18), slot*0.45)
			}
			label := r.cell(field.Label, x, labelW, true, AlignLeft)
			label.fill = true
			value := r.cell(field.Value, x+labelW, slot-labelW, false, AlignLeft)
			value.number = r.count(field.Count)
			row.cells = append(row.cells, label, value)
		}
		rows = append(rows, row)
	}
	return rows
}
