package pdfdoc

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

// palette holds distinct colours that stay distinct for colour-blind
// readers (Okabe and Ito's set, plus grey and brown).
var palette = [][3]int{
	{0, 114, 178}, {230, 159, 0}, {0, 158, 115}, {204, 121, 167}, {86, 180, 233},
	{213, 94, 0}, {240, 228, 66}, {0, 0, 0}, {153, 153, 153}, {140, 86, 75},
}

func (c chartBlock) validate() error {
	if len(c.Categories) == 0 || len(c.Series) == 0 {
		return fmt.Errorf("pdfdoc: bar chart %q needs categories and series", c.Title)
	}
	if len(c.Series) > len(palette) {
		return fmt.Errorf("pdfdoc: bar chart %q has %d series; at most %d can be told apart", c.Title, len(c.Series), len(palette))
	}
	for _, s := range c.Series {
		if len(s.Values) != len(c.Categories) {
			return fmt.Errorf("pdfdoc: bar chart %q: series %q has %d values for %d categories", c.Title, s.Name, len(s.Values), len(c.Categories))
		}
		for _, v := range s.Values {
			if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("pdfdoc: bar chart %q: series %q has value %v", c.Title, s.Name, v)
			}
		}
	}
	if c.Height < 0 {
		return errors.New("pdfdoc: bar chart height is negative")
	}
	return nil
}

// niceStep returns a round tick step (1, 2 or 5 times a power of ten) that
// splits top into about five intervals.
func niceStep(top float64) float64 {
	raw := top / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*mag {
			return m * mag
		}
	}
	return 10 * mag
}

func (c chartBlock) render(r *renderer) error {
	const (
		labelSize = 7.5
		labelLine = 3.4
		titleH    = 7.0
		axisW     = 16.0 // room for the y label and tick labels
		swatch    = 3.0
	)
	height := c.Height
	if height == 0 {
		height = 90
	}
	height = min(height, r.freshBottom()-r.top)

	// Legend: swatches and names, wrapped over as many lines as needed.
	type entry struct {
		x, y float64
		name string
	}
	var legend []entry
	lx, ly := 0.0, 0.0
	for _, s := range c.Series {
		w := swatch + 1.5 + r.width(s.Name, false, labelSize) + 6
		if lx > 0 && lx+w > contentW {
			lx, ly = 0, ly+labelLine+1
		}
		legend = append(legend, entry{lx, ly, s.Name})
		lx += w
	}
	legendH := ly + labelLine + 2

	plotX := marginX + axisW
	plotW := contentW - axisW
	slot := plotW / float64(len(c.Categories))
	catLines := make([][]line, len(c.Categories))
	catH := 0
	widest := 0.0
	for i, cat := range c.Categories {
		catLines[i] = r.wrap([]span{{cat, false}}, labelSize, slot-1)
		catH = max(catH, len(catLines[i]))
		widest = max(widest, r.width(cat, false, labelSize))
	}
	// Labels that would wrap over more than two lines (many narrow bars)
	// are drawn upright along their bars instead, each on one line, and
	// only every step'th when even that would crowd them.
	rotate := catH > 2
	labelStep := 1
	if rotate {
		catH = int(math.Ceil((widest + 1) / labelLine))
		labelStep = int(math.Ceil(labelLine / slot))
	}
	xLabelH := 0.0
	if c.XLabel != "" {
		xLabelH = labelLine + 1
	}
	bottomH := float64(catH)*labelLine + 2 + xLabelH + legendH
	tH := 0.0
	if c.Title != "" {
		tH = titleH
	}
	plotH := height - tH - bottomH - 2
	if plotH < 20 {
		height += 20 - plotH
		plotH = 20
	}

	r.ensure(height)
	pdf := r.pdf
	top := r.y
	if c.Title != "" {
		r.textColour(black)
		r.font(true, 10.5)
		pdf.SetXY(marginX, top)
		pdf.CellFormat(contentW, titleH-1, fit(r, c.Title, contentW, true, 10.5), "", 0, "CM", false, 0, "")
	}
	plotY := top + tH + 2

	// Scale and gridlines.
	most := 0.0
	for i := range c.Categories {
		sum := 0.0
		for _, s := range c.Series {
			sum += s.Values[i]
		}
		most = max(most, sum)
	}
	if most == 0 {
		most = 1
	}
	step := niceStep(most)
	if step < 1 && integral(c.Series) {
		step = 1 // counts: a tick between whole numbers would mean nothing
	}
	yTop := math.Ceil(most/step) * step
	yOf := func(v float64) float64 { return plotY + plotH - v/yTop*plotH }
	pdf.SetLineWidth(0.15)
	r.textColour(darkGrey)
	for v := 0.0; v <= yTop+step/2; v += step {
		y := yOf(v)
		pdf.SetDrawColor(215, 215, 215)
		pdf.Line(plotX, y, plotX+plotW, y)
		label := strconv.FormatFloat(v, 'f', -1, 64)
		lw := r.width(label, false, labelSize)
		pdf.SetXY(plotX-1.5-lw, y-labelLine/2)
		r.font(false, labelSize)
		pdf.CellFormat(lw, labelLine, label, "", 0, "LM", false, 0, "")
	}

	// Stacked bars.
	barW := slot * 0.62
	for i := range c.Categories {
		x := plotX + float64(i)*slot + (slot-barW)/2
		base := 0.0
		for j, s := range c.Series {
			v := s.Values[i]
			if v == 0 {
				continue
			}
			col := palette[j]
			pdf.SetFillColor(col[0], col[1], col[2])
			pdf.SetDrawColor(255, 255, 255)
			pdf.SetLineWidth(0.2)
			pdf.Rect(x, yOf(base+v), barW, yOf(base)-yOf(base+v), "FD")
			base += v
		}
	}

	// Axes.
	pdf.SetDrawColor(60, 60, 60)
	pdf.SetLineWidth(0.3)
	pdf.Line(plotX, plotY, plotX, plotY+plotH)
	pdf.Line(plotX, plotY+plotH, plotX+plotW, plotY+plotH)

	// Category labels under their bars.
	r.textColour(black)
	for i, lines := range catLines {
		x := plotX + float64(i)*slot
		if rotate {
			if i%labelStep != 0 {
				continue
			}
			// Read from bottom to top, ending just under the axis.
			w := r.width(c.Categories[i], false, labelSize)
			cx, cy := x+slot/2, plotY+plotH+1.5
			r.font(false, labelSize)
			pdf.TransformBegin()
			pdf.TransformRotate(90, cx, cy)
			pdf.SetXY(cx-w, cy-labelLine/2)
			pdf.CellFormat(w, labelLine, c.Categories[i], "", 0, "RM", false, 0, "")
			pdf.TransformEnd()
			continue
		}
		for k, l := range lines {
			r.drawLine(l, x+0.5, plotY+plotH+1.5+float64(k)*labelLine, slot-1, labelLine, labelSize, AlignCentre, 0)
		}
	}
	y := plotY + plotH + 2 + float64(catH)*labelLine
	if c.XLabel != "" {
		r.font(true, labelSize)
		pdf.SetXY(plotX, y)
		pdf.CellFormat(plotW, labelLine, fit(r, c.XLabel, plotW, true, labelSize), "", 0, "CM", false, 0, "")
		y += xLabelH
	}
	if c.YLabel != "" {
		r.font(true, labelSize)
		label := fit(r, c.YLabel, plotH, true, labelSize)
		lw := r.width(label, true, labelSize)
		cx, cy := marginX+2, plotY+plotH/2
		pdf.TransformBegin()
		pdf.TransformRotate(90, cx, cy)
		pdf.SetXY(cx-lw/2, cy-labelLine/2)
		pdf.CellFormat(lw, labelLine, label, "", 0, "LM", false, 0, "")
		pdf.TransformEnd()
	}

	// Legend, under the plot.
	y += 1
	for j, e := range legend {
		col := palette[j]
		pdf.SetFillColor(col[0], col[1], col[2])
		pdf.Rect(marginX+e.x, y+e.y+(labelLine-swatch)/2, swatch, swatch, "F")
		r.font(false, labelSize)
		pdf.SetXY(marginX+e.x+swatch+1.5, y+e.y)
		pdf.CellFormat(r.width(e.name, false, labelSize), labelLine, e.name, "", 0, "LM", false, 0, "")
	}
	r.y = top + height + paragraphGap
	return nil
}

// integral reports whether every value is a whole number.
func integral(series []Series) bool {
	for _, s := range series {
		for _, v := range s.Values {
			if v != math.Trunc(v) {
				return false
			}
		}
	}
	return true
}
