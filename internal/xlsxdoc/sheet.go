package xlsxdoc

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Column describes one column of a sheet.
type Column struct {
	// Header is the column's heading in row 1. A sheet has a header row when
	// any of its columns has a header.
	Header string
	// Width in characters; 0 keeps Excel's default.
	Width float64
	// Wrap wraps long text within the column's cells.
	Wrap bool
	// Editable leaves the column's data cells unlocked when the sheet is
	// protected, and shades them: the cells a reader is meant to fill in.
	Editable bool
}

// RowRange selects data rows (numbered from 0, not counting the header):
// Count rows from First, or every row from First when Count is 0.
type RowRange struct {
	First, Count int
}

// contains reports whether data row i is in the range. The zero range
// selects every row where a range is required (validations) but no row
// here, so OpenRows is off unless set.
func (r RowRange) contains(i int) bool {
	return r != (RowRange{}) && i >= r.First && (r.Count == 0 || i < r.First+r.Count)
}

// Validation restricts what can be entered in one column's data rows.
type Validation struct {
	Column int // index into SheetOptions.Columns
	Rows   RowRange
	// List, when set, is a drop-down list: only these values are allowed.
	// Values may not contain commas or double quotes (Excel's list syntax),
	// and together must stay within 255 characters.
	List []string
	// Dates, when set instead of List, allows only dates from DatesFrom to
	// DatesTo (inclusive; zero means 1 January 1900 and 31 December 9999).
	Dates              bool
	DatesFrom, DatesTo Date
	// Prompt is shown when the cell is selected, e.g. "Choose a decision".
	Prompt string
}

// Highlight colours the data cells of one column that match. Exactly one of
// Equals and OnOrBefore is set.
type Highlight struct {
	Column int
	// Equals matches cells whose text is exactly this.
	Equals string
	// OnOrBefore matches date cells on or before this date.
	OnOrBefore Date
	// Fill is the background colour as RRGGBB; empty means light red.
	Fill string
}

// ChartType is the kind of chart.
type ChartType int

// Chart types.
const (
	// ClusteredColumns puts each series' column side by side.
	ClusteredColumns ChartType = iota
	// StackedColumns stacks the series into one column per category.
	StackedColumns
)

// Chart draws a column chart of the sheet's own data rows: one category per
// row, one series per column listed in Series (named by its header).
type Chart struct {
	Type   ChartType
	Title  string
	Anchor string // top-left cell, e.g. "H2"
	// Categories is the column holding the category labels.
	Categories int
	Series     []int
	XTitle     string
	YTitle     string
	// Width and Height in pixels; zero means 720 by 360.
	Width, Height uint
}

// SheetOptions is everything about a sheet except its rows. It is all set
// before the first row is streamed, which is the only time excelize takes
// it for a stream-written sheet.
type SheetOptions struct {
	Columns []Column
	// Rows is the number of data rows (after the header) the caller will
	// add. Filters, tables, lists, highlights and charts cover exactly these
	// rows, so the count must be known before streaming starts; Write
	// refuses a sheet with a different number.
	Rows int
	// FreezeHeader keeps the header row in view when scrolling.
	FreezeHeader bool
	// Table, when set, makes the header and data rows an Excel table of this
	// name (letters, digits and underscores, starting with a letter), with
	// filter buttons and banded rows. A sheet with no data rows gets a plain
	// filter instead, as a table needs at least one.
	Table string
	// Filter adds filter buttons to the header when the sheet is not a table.
	Filter      bool
	Validations []Validation
	Highlights  []Highlight
	// Protect locks the sheet against editing (without a password: the
	// protection stops accidental changes, it is not access control). The
	// data cells of Editable columns stay open.
	Protect bool
	// OpenRows are data rows whose every cell is left unlocked and shaded,
	// like an Editable column's: spare rows a reader may fill in whole.
	OpenRows RowRange
	// Hidden hides the sheet from the tabs. The first sheet, which the
	// workbook opens on, cannot be hidden.
	Hidden bool
	// Marking, when set, is printed centred in the header and footer of every
	// printed page, e.g. a protective marking.
	Marking string
	// Landscape prints the sheet across the page. Every sheet is printed
	// one page wide, with its header row repeated on each page.
	Landscape bool
	Chart     *Chart
}

// Sheet is a sheet being written: add its rows in order with AddRow.
type Sheet struct {
	wb   *Workbook
	name string
	opts SheetOptions
	sw   *excelize.StreamWriter
	// header is 1 when the sheet has a header row, else 0.
	header int
	rows   int // data rows added so far
	// styles per column, for plain, bold and date cells, and for the same
	// cells in an open row.
	colStyles, openStyles []columnStyles
}

type columnStyles struct {
	text, bold, date, boldDate int
	editable                   bool
}

// AddSheet adds a sheet named name after the existing ones and prepares it
// for streaming: columns, frozen header, filters, lists, highlights,
// protection and chart are all set now, and the header row written.
func (wb *Workbook) AddSheet(name string, opts SheetOptions) (*Sheet, error) {
	if wb.written {
		return nil, errors.New("xlsxdoc: the workbook has already been written")
	}
	s := &Sheet{wb: wb, name: name, opts: opts}
	if err := s.create(); err != nil {
		// The sheet may be half made; the workbook cannot be written now.
		wb.failed = fmt.Errorf("xlsxdoc: sheet %q: %w", name, err)
		return nil, wb.failed
	}
	wb.sheets = append(wb.sheets, s)
	return s, nil
}

func (s *Sheet) create() error {
	f, o := s.wb.f, s.opts
	if o.Rows < 0 {
		return fmt.Errorf("negative row count %d", o.Rows)
	}
	if o.Hidden && len(s.wb.sheets) == 0 {
		return errors.New("the first sheet is the one a workbook opens on, so it cannot be hidden")
	}
	for _, other := range s.wb.sheets {
		if strings.EqualFold(other.name, s.name) {
			return errors.New("a sheet of that name already exists")
		}
	}
	if len(s.wb.sheets) == 0 {
		if err := f.SetSheetName(f.GetSheetName(0), s.name); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(s.name); err != nil {
		return err
	}
	for _, c := range o.Columns {
		if c.Header != "" {
			s.header = 1
		}
	}
	if err := s.checkTable(); err != nil {
		return err
	}
	for _, c := range o.Columns {
		cs, err := s.wb.columnStyles(c.Wrap, c.Editable)
		if err != nil {
			return err
		}
		s.colStyles = append(s.colStyles, cs)
		if cs, err = s.wb.columnStyles(c.Wrap, true); err != nil {
			return err
		}
		s.openStyles = append(s.openStyles, cs)
	}
	steps := []func() error{s.setDimension, s.setColumns, s.setPanes, s.setFilter, s.setValidations,
		s.setHighlights, s.setProtection, s.setMarking, s.setPrint, s.setChart}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if o.Hidden {
		if err := f.SetSheetVisible(s.name, false); err != nil {
			return err
		}
	}
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	s.sw = sw
	if s.header == 1 {
		return s.writeHeader()
	}
	return nil
}

// columnStyles returns the styles of a column's plain, bold and date cells.
func (wb *Workbook) columnStyles(wrap, editable bool) (columnStyles, error) {
	cs := columnStyles{editable: editable}
	for _, v := range []struct {
		dst        *int
		bold, date bool
	}{{&cs.text, false, false}, {&cs.bold, true, false}, {&cs.date, false, true}, {&cs.boldDate, true, true}} {
		id, err := wb.style(styleKey{bold: v.bold, date: v.date, wrap: wrap, unlocked: editable})
		if err != nil {
			return cs, err
		}
		*v.dst = id
	}
	return cs, nil
}

// checkTable refuses a table name or headers Excel would reject, now rather
// than when the sheet is finished.
func (s *Sheet) checkTable() error {
	name := s.opts.Table
	if name == "" {
		return nil
	}
	if s.header == 0 {
		return fmt.Errorf("table %q: the sheet needs a header row", name)
	}
	for i, r := range name {
		letter := r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z'
		if !letter && (i == 0 || r < '0' || r > '9') {
			return fmt.Errorf("table name %q: use letters, digits and underscores, starting with a letter", name)
		}
	}
	for _, other := range s.wb.sheets {
		if strings.EqualFold(other.opts.Table, name) {
			return fmt.Errorf("table %q: sheet %q has a table of that name", name, other.name)
		}
	}
	seen := map[string]bool{}
	for _, c := range s.opts.Columns {
		key := strings.ToLower(c.Header)
		if c.Header == "" || seen[key] {
			return fmt.Errorf("table %q: every column needs its own header (%q)", name, c.Header)
		}
		seen[key] = true
	}
	return nil
}

// firstDataRow is the sheet row number of data row 0.
func (s *Sheet) firstDataRow() int { return 1 + s.header }

// lastDataRow is the sheet row number of the last data row.
func (s *Sheet) lastDataRow() int { return s.header + s.opts.Rows }

// cell returns the reference of column col (from 0) in sheet row row.
func cell(col, row int) string {
	ref, _ := excelize.CoordinatesToCellName(col+1, row) // col and row checked by callers
	return ref
}

// columnRange returns the reference of column col's data rows in r.
func (s *Sheet) columnRange(col int, r RowRange) (string, bool, error) {
	if col < 0 || col >= len(s.opts.Columns) {
		return "", false, fmt.Errorf("column %d is not one of the sheet's %d columns", col, len(s.opts.Columns))
	}
	count := r.Count
	if count == 0 {
		count = s.opts.Rows - r.First
	}
	if r.First < 0 || count < 0 || r.First+count > s.opts.Rows {
		return "", false, fmt.Errorf("rows %d to %d are outside the sheet's %d data rows", r.First, r.First+count-1, s.opts.Rows)
	}
	if count == 0 {
		return "", false, nil
	}
	first := s.firstDataRow() + r.First
	return cell(col, first) + ":" + cell(col, first+count-1), true, nil
}

// setDimension records the sheet's used range, which the stream writer
// cannot know: readers that trust it (openpyxl in read-only mode) would see
// only cell A1. Without columns the width is unknown, so none is recorded.
func (s *Sheet) setDimension() error {
	last := s.lastDataRow()
	if len(s.opts.Columns) == 0 || last == 0 {
		return s.wb.f.SetSheetDimension(s.name, "")
	}
	return s.wb.f.SetSheetDimension(s.name, "A1:"+cell(len(s.opts.Columns)-1, last))
}

func (s *Sheet) setColumns() error {
	// Last column first: excelize puts each new width before the others,
	// and the stream writer writes them in that order, which must ascend.
	for i := len(s.opts.Columns) - 1; i >= 0; i-- {
		c := s.opts.Columns[i]
		if c.Width == 0 {
			continue
		}
		name, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := s.wb.f.SetColWidth(s.name, name, name, c.Width); err != nil {
			return fmt.Errorf("column %q width: %w", c.Header, err)
		}
	}
	return nil
}

func (s *Sheet) setPanes() error {
	if !s.opts.FreezeHeader || s.header == 0 {
		return nil
	}
	return s.wb.f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
}

// usesTable reports whether the sheet is written as an Excel table.
func (s *Sheet) usesTable() bool { return s.opts.Table != "" && s.opts.Rows > 0 && s.header == 1 }

func (s *Sheet) setFilter() error {
	if s.usesTable() || !(s.opts.Filter || s.opts.Table != "") || s.header == 0 || len(s.opts.Columns) == 0 {
		return nil
	}
	ref := cell(0, 1) + ":" + cell(len(s.opts.Columns)-1, max(1, s.lastDataRow()))
	return s.wb.f.AutoFilter(s.name, ref, nil)
}

func (s *Sheet) setValidations() error {
	for _, v := range s.opts.Validations {
		ref, ok, err := s.columnRange(v.Column, v.Rows)
		if err != nil {
			return fmt.Errorf("validation: %w", err)
		}
		if !ok {
			continue
		}
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(ref)
		switch {
		case len(v.List) > 0 && v.Dates:
			return errors.New("validation: set List or Dates, not both")
		case len(v.List) > 0:
			for _, item := range v.List {
				if item == "" || strings.ContainsAny(item, `,"`) {
					return fmt.Errorf("validation: list value %q must be non-empty, without commas or double quotes", item)
				}
			}
			if err := dv.SetDropList(v.List); err != nil {
				return fmt.Errorf("validation list %q: %w", v.List, err)
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, "Not in the list", "Choose a value from the list.")
		case v.Dates:
			from, to := v.DatesFrom, v.DatesTo
			if from.IsZero() {
				from = Date{1900, 3, 1}
			}
			if to.IsZero() {
				to = Date{9999, 12, 31}
			}
			lo, err := from.serial()
			if err != nil {
				return fmt.Errorf("validation: %w", err)
			}
			hi, err := to.serial()
			if err != nil {
				return fmt.Errorf("validation: %w", err)
			}
			if err := dv.SetRange(lo, hi, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
				return fmt.Errorf("validation dates: %w", err)
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, "Not a date", "Enter a date, e.g. 05/03/2026.")
		default:
			return errors.New("validation: set List or Dates")
		}
		if v.Prompt != "" {
			dv.SetInput("", v.Prompt)
		}
		if err := s.wb.f.AddDataValidation(s.name, dv); err != nil {
			return fmt.Errorf("validation on %s: %w", ref, err)
		}
	}
	return nil
}

func (s *Sheet) setHighlights() error {
	for _, h := range s.opts.Highlights {
		ref, ok, err := s.columnRange(h.Column, RowRange{})
		if err != nil {
			return fmt.Errorf("highlight: %w", err)
		}
		if !ok {
			continue
		}
		fill := h.Fill
		if fill == "" {
			fill = "FFC7CE"
		}
		format, err := s.wb.f.NewConditionalStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}}})
		if err != nil {
			return fmt.Errorf("highlight colour %q: %w", fill, err)
		}
		var rule excelize.ConditionalFormatOptions
		switch {
		case h.Equals != "" && !h.OnOrBefore.IsZero():
			return errors.New("highlight: set Equals or OnOrBefore, not both")
		case h.Equals != "":
			rule = excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Format: &format,
				Value: `"` + strings.ReplaceAll(h.Equals, `"`, `""`) + `"`}
		case !h.OnOrBefore.IsZero():
			n, err := h.OnOrBefore.serial()
			if err != nil {
				return fmt.Errorf("highlight: %w", err)
			}
			top := cell(h.Column, s.firstDataRow())
			rule = excelize.ConditionalFormatOptions{Type: "formula", Format: &format,
				Criteria: fmt.Sprintf("AND(ISNUMBER(%s),%s<=%d)", top, top, n)}
		default:
			return errors.New("highlight: set Equals or OnOrBefore")
		}
		if err := s.wb.f.SetConditionalFormat(s.name, ref, []excelize.ConditionalFormatOptions{rule}); err != nil {
			return fmt.Errorf("highlight on %s: %w", ref, err)
		}
	}
	return nil
}

func (s *Sheet) setProtection() error {
	if !s.opts.Protect {
		return nil
	}
	return s.wb.f.ProtectSheet(s.name, &excelize.SheetProtectionOptions{
		AutoFilter: true, Sort: true, FormatColumns: true, FormatRows: true,
		SelectLockedCells: true, SelectUnlockedCells: true,
	})
}

func (s *Sheet) setMarking() error {
	if s.opts.Marking == "" {
		return nil
	}
	text := "&C" + strings.ReplaceAll(s.wb.filter(s.opts.Marking), "&", "&&")
	return s.wb.f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{OddHeader: text, OddFooter: text})
}

func (s *Sheet) setPrint() error {
	orientation, wide, tall := "portrait", 1, 0 // one page wide, as many long as needed
	if s.opts.Landscape {
		orientation = "landscape"
	}
	fit := true
	if err := s.wb.f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := s.wb.f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	if s.header == 0 {
		return nil
	}
	return s.wb.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: s.quotedName() + "!$1:$1", Scope: s.name})
}

// quotedName is the sheet's name as a formula refers to it.
func (s *Sheet) quotedName() string { return "'" + strings.ReplaceAll(s.name, "'", "''") + "'" }

// absolute returns the absolute reference of column col's data rows.
func (s *Sheet) absolute(col int) string {
	name, _ := excelize.ColumnNumberToName(col + 1)
	return fmt.Sprintf("%s!$%s$%d:$%s$%d", s.quotedName(), name, s.firstDataRow(), name, s.lastDataRow())
}

func (s *Sheet) setChart() error {
	c := s.opts.Chart
	if c == nil || s.opts.Rows == 0 {
		return nil
	}
	if s.header == 0 {
		return errors.New("chart: the sheet needs a header row to name the series")
	}
	if _, _, err := excelize.CellNameToCoordinates(c.Anchor); err != nil {
		return fmt.Errorf("chart anchor: %w", err)
	}
	for _, col := range append([]int{c.Categories}, c.Series...) {
		if col < 0 || col >= len(s.opts.Columns) {
			return fmt.Errorf("chart: column %d is not one of the sheet's %d columns", col, len(s.opts.Columns))
		}
	}
	if len(c.Series) == 0 {
		return errors.New("chart: no series")
	}
	vary := false // one colour per series, not per column
	// Labels in black at a readable size: excelize's default grey is pale
	// on screen and faint when printed.
	label := excelize.Font{Color: "000000", Size: 10}
	chart := &excelize.Chart{Type: excelize.Col, Legend: excelize.ChartLegend{Position: "bottom", Font: &label}, VaryColors: &vary,
		Dimension: excelize.ChartDimension{Width: 720, Height: 360},
		XAxis:     excelize.ChartAxis{Font: label}, YAxis: excelize.ChartAxis{Font: label, MajorGridLines: true}}
	if c.Type == StackedColumns {
		chart.Type = excelize.ColStacked
	}
	if c.Width > 0 && c.Height > 0 {
		chart.Dimension = excelize.ChartDimension{Width: c.Width, Height: c.Height}
	}
	if c.Title != "" {
		chart.Title = excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s.wb.filter(c.Title), Font: &excelize.Font{Color: "000000", Size: 14, Bold: true}}}}
	}
	if c.XTitle != "" {
		chart.XAxis.Title = excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s.wb.filter(c.XTitle), Font: &label}}}
	}
	if c.YTitle != "" {
		chart.YAxis.Title = excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s.wb.filter(c.YTitle), Font: &label}}}
	}
	for _, col := range c.Series {
		chart.Series = append(chart.Series, excelize.ChartSeries{
			Name:       s.quotedName() + "!" + absoluteCell(col, 1),
			Categories: s.absolute(c.Categories),
			Values:     s.absolute(col),
		})
	}
	return s.wb.f.AddChart(s.name, c.Anchor, chart)
}

func absoluteCell(col, row int) string {
	name, _ := excelize.ColumnNumberToName(col + 1)
	return fmt.Sprintf("$%s$%d", name, row)
}

func (s *Sheet) writeHeader() error {
	id, err := s.wb.style(styleKey{header: true})
	if err != nil {
		return err
	}
	row := make([]any, len(s.opts.Columns))
	for i, c := range s.opts.Columns {
		row[i] = excelize.Cell{StyleID: id, Value: s.wb.filter(c.Header)}
	}
	headers := make([]Cell, len(s.opts.Columns))
	for i, c := range s.opts.Columns {
		headers[i] = TextCell(c.Header)
	}
	return s.sw.SetRow("A1", row, s.rowOpts(headers, true))
}

// Row heights. The stream writer cannot measure text, and not every reader
// fits a row to its wrapped text on opening (LibreOffice does not), so a row
// with wrapped text is given the height of its longest cell, estimated
// generously so that nothing is cut off.
const (
	lineHeight   = 15    // points, one line of the default 11-point font
	defaultWidth = 8.43  // characters, Excel's default column width
	maxRowHeight = 409.0 // points, Excel's limit
)

// rowOpts returns the row's height: one line per wrapped line of its
// tallest wrapped cell. Header cells always wrap.
func (s *Sheet) rowOpts(cells []Cell, header bool) excelize.RowOpts {
	lines := 1
	for i, c := range cells {
		if c.kind != textCell || i >= len(s.opts.Columns) || !(header || s.opts.Columns[i].Wrap) {
			continue
		}
		width := s.opts.Columns[i].Width
		if width == 0 {
			width = defaultWidth
		}
		lines = max(lines, wrappedLines(c.text, width))
	}
	if lines == 1 {
		return excelize.RowOpts{}
	}
	return excelize.RowOpts{Height: min(maxRowHeight, float64(lines*lineHeight))}
}

// wrappedLines estimates the lines text takes in a column width characters
// wide: each paragraph's length over the width, less a margin for words
// that do not fit at the end of a line.
func wrappedLines(text string, width float64) int {
	perLine := max(1, int(width*0.9))
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n += max(1, (utf8.RuneCountInString(para)+perLine-1)/perLine)
	}
	return n
}

// AddRow adds the next data row. A row may have fewer cells than the sheet
// has columns (the rest are blank) but not more.
func (s *Sheet) AddRow(cells ...Cell) error {
	if s.wb.written {
		return fmt.Errorf("xlsxdoc: sheet %q: the workbook has already been written", s.name)
	}
	if s.rows == s.opts.Rows {
		return fmt.Errorf("xlsxdoc: sheet %q: more rows than the %d promised in its options", s.name, s.opts.Rows)
	}
	if len(s.opts.Columns) > 0 && len(cells) > len(s.opts.Columns) {
		return fmt.Errorf("xlsxdoc: sheet %q row %d: %d cells for %d columns", s.name, s.rows+1, len(cells), len(s.opts.Columns))
	}
	width := max(len(cells), len(s.colStyles))
	row := make([]any, width)
	for i := range width {
		var c Cell
		if i < len(cells) {
			c = cells[i]
		}
		v, err := s.value(i, c)
		if err != nil {
			return fmt.Errorf("xlsxdoc: sheet %q cell %s: %w", s.name, cell(i, s.firstDataRow()+s.rows), err)
		}
		row[i] = v
	}
	if err := s.sw.SetRow(cell(0, s.firstDataRow()+s.rows), row, s.rowOpts(cells, false)); err != nil {
		return fmt.Errorf("xlsxdoc: sheet %q: %w", s.name, err)
	}
	s.rows++
	return nil
}

// value returns what the stream writer is given for cell c in column i:
// nil for a blank cell nobody will fill in, else a styled excelize.Cell.
func (s *Sheet) value(i int, c Cell) (any, error) {
	var cs columnStyles
	switch {
	case i < len(s.colStyles) && s.opts.OpenRows.contains(s.rows):
		cs = s.openStyles[i]
	case i < len(s.colStyles):
		cs = s.colStyles[i]
	default:
		var err error
		if cs, err = s.wb.columnStyles(false, false); err != nil {
			return nil, err
		}
	}
	style := cs.text
	if c.bold {
		style = cs.bold
	}
	switch c.kind {
	case blankCell:
		if !cs.editable {
			return nil, nil
		}
		return excelize.Cell{StyleID: style}, nil
	case textCell:
		return excelize.Cell{StyleID: style, Value: fitText(s.wb.filter(c.text))}, nil
	case intCell:
		return excelize.Cell{StyleID: style, Value: c.num}, nil
	case boolCell:
		return excelize.Cell{StyleID: style, Value: c.flag}, nil
	}
	n, err := c.date.serial()
	if err != nil {
		return nil, err
	}
	style = cs.date
	if c.bold {
		style = cs.boldDate
	}
	return excelize.Cell{StyleID: style, Value: n}, nil
}

// finish checks the sheet has all its rows, adds its table and flushes it.
func (s *Sheet) finish() error {
	if s.rows != s.opts.Rows {
		return fmt.Errorf("xlsxdoc: sheet %q: %d rows added, %d promised in its options", s.name, s.rows, s.opts.Rows)
	}
	if s.usesTable() {
		ref := cell(0, 1) + ":" + cell(len(s.opts.Columns)-1, s.lastDataRow())
		stripes := true
		if err := s.sw.AddTable(&excelize.Table{Range: ref, Name: s.opts.Table, StyleName: "TableStyleMedium2", ShowRowStripes: &stripes}); err != nil {
			return fmt.Errorf("xlsxdoc: sheet %q table %q: %w", s.name, s.opts.Table, err)
		}
	}
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("xlsxdoc: sheet %q: %w", s.name, err)
	}
	return nil
}
