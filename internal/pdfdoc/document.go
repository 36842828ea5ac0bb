package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Options describe a whole document: what every page carries and the
// document's metadata.
type Options struct {
	// Title is printed at the right of every page header and stored as the
	// document title.
	Title string
	// Subject is stored as the document subject.
	Subject string
	// Author is stored as the document author; "spokit" when empty.
	Author string
	// Reference is printed at the left of every page header, e.g. a URN.
	Reference string
	// Marking is the protective marking (e.g. "OFFICIAL-SENSITIVE"), printed
	// in capitals centred at the top and bottom of every page. Empty prints
	// no marking.
	Marking string
	// HeaderNote is an optional second header line, e.g. "SERVICE COPY".
	HeaderNote string
	// Draft prints a large diagonal DRAFT watermark on every page.
	Draft bool
	// Date is the creation and modification date written into the file. It
	// is required so that the same input always gives the same bytes.
	Date time.Time
	// Filter, when set, is applied to every string the document prints,
	// bookmarks or stores as metadata (body, headers and footers, outline,
	// link text, captions, chart labels, title), so that what a reader must
	// not see is withheld in one place that no caller can bypass.
	Filter func(string) string
	// Pictures, when set, supplies the pictures it has checked
	// (Pictures.Check) without decoding them again, and remembers those
	// the document decodes.
	Pictures *Pictures
}

// Align is the horizontal alignment of text.
type Align int

// Alignments.
const (
	AlignLeft Align = iota
	AlignCentre
	AlignRight
)

// Style is the typographic style of a paragraph.
type Style int

// Styles.
const (
	// Normal is body text.
	Normal Style = iota
	// Bold is body text in bold.
	Bold
	// Small is small print, for notes and captions.
	Small
)

// Text is a paragraph. Long text wraps (long words too) and flows onto
// following pages; "\n" starts a new line and a blank line a new paragraph.
type Text struct {
	// Label is printed in bold before the body, e.g. "Offence:".
	Label string
	// Body is the text itself.
	Body  string
	Style Style
	Align Align
	// Link names an anchor the whole paragraph links to.
	Link string
	// Count, when set, is the page count each PageCountMark in Body prints
	// as (GroupPageCount inside a group). Without it the mark is an
	// ordinary character, so case text cannot summon a number.
	Count Count
}

// Group describes a run of whole pages that counts its own pages, e.g. one
// witness statement inside a bundle.
type Group struct {
	// Name is printed in the footer of each page of the group, before the
	// group's "page x of y".
	Name string
	// Signatures, when set, puts a signature line for each label (e.g.
	// "Signature", "Signature witnessed by") at the foot of every page of
	// the group.
	Signatures []string
}

// Column describes one table column.
type Column struct {
	Title string
	// Width is a fixed width in millimetres. When 0 the column takes a share
	// of the width left over by fixed columns, in proportion to Weight.
	Width float64
	// Weight is the relative share of a column without Width; 0 counts as 1.
	Weight float64
	Align  Align
}

// Cell is one table cell.
type Cell struct {
	Text string
	Bold bool
	// Link names an anchor the cell links to.
	Link string
	// PageOf names an anchor; the cell then shows the page number where that
	// anchor lands, taken from the layout.
	PageOf string
	// Links are entries printed after Text, each starting a new line and
	// linking to its own anchor: e.g. the several statements and exhibits
	// that evidence one act.
	Links []CellLink
}

// CellLink is one separately linked entry of a table cell.
type CellLink struct {
	Text string
	// Link names the anchor the entry links to.
	Link string
}

// Row is one table row.
type Row struct {
	Cells []Cell
	// Anchor names the row as a link target.
	Anchor string
}

// TextRow is a row of plain text cells.
func TextRow(texts ...string) Row {
	cells := make([]Cell, len(texts))
	for i, text := range texts {
		cells[i] = Cell{Text: text}
	}
	return Row{Cells: cells}
}

// Table is a table whose header row repeats on every page it spans. Rows
// move to the next page whole; a row taller than a page is split between
// lines of text, never through one.
type Table struct {
	Columns []Column
	Rows    []Row
}

// Field is one labelled box of a form.
type Field struct {
	Label string
	Value string
	// Count, when set, makes the box show that page count instead of Value
	// (which must then be empty), e.g. a statement's "Number of pages".
	Count Count
}

// Count is a page count that a form box shows (see Field.Count). Like
// contents page numbers it is drawn into its box once the layout is done,
// so it always equals the pages a reader sees. Counts are asked for by the
// document's structure, never by its text: text is printed as written.
type Count int

// Counts.
const (
	// NoCount shows the field's Value.
	NoCount Count = iota
	// DocumentPageCount is the number of pages of the whole document.
	DocumentPageCount
	// GroupPageCount is the number of pages of the group the form is in
	// (see StartGroup). Asking for it outside a group is an error from
	// Write.
	GroupPageCount
)

// Form is a grid of boxed label and value cells in the style of police case
// file forms. Each row holds one or more fields that share the width evenly.
type Form struct {
	Rows [][]Field
}

// Image is a PNG or JPEG picture, scaled down to fit the page, with an
// optional caption below it. Its pixels are embedded unchanged.
type Image struct {
	Data    []byte
	Caption string
	// MaxHeight limits the height in millimetres; 0 allows the page's full
	// text height.
	MaxHeight float64
}

// PDFImport brings the pages of an existing PDF (e.g. an exhibit) into the
// document. Each imported page becomes a page of the document, scaled into
// the text area so that marking, header and footer still show.
type PDFImport struct {
	Data []byte
	// Title, when set, is printed above every imported page and bookmarked
	// (and listed in contents) at Level on the first one.
	Title string
	// Level is the heading level of Title, 1 to 3; 0 means 1.
	Level int
	// Anchor names the first imported page as a link target.
	Anchor string
}

// Series is one stacked series of a bar chart.
type Series struct {
	Name   string
	Values []float64 // one per category, none negative
}

// BarChart is a stacked bar chart drawn as vector graphics.
type BarChart struct {
	Title      string
	Categories []string
	Series     []Series
	XLabel     string
	YLabel     string
	// Height is the chart height in millimetres; 0 means 90.
	Height float64
}

// Document is a PDF being described. Its methods add blocks in reading
// order; nothing is laid out until Write, so that contents entries, page
// counts and links can refer to any part of the document.
type Document struct {
	opts   Options
	blocks []block
}

// New starts an empty document.
func New(opts Options) *Document {
	return &Document{opts: opts}
}

// Heading adds a heading at level 1 to 3. Headings become nested bookmarks
// and entries of any contents placed before them. A non-empty anchor names
// the heading as a link target. Levels must not skip (a level 3 heading
// needs a level 2 one before it).
func (d *Document) Heading(level int, title, anchor string) {
	d.add(headingBlock{level: level, title: title, anchor: anchor})
}

// Paragraph adds body text.
func (d *Document) Paragraph(text string) {
	d.add(textBlock{Text{Body: text}})
}

// Text adds a paragraph with a label, style, alignment or link.
func (d *Document) Text(t Text) {
	d.add(textBlock{t})
}

// Anchor names the current position as a link target. Links may refer to an
// anchor defined before or after them.
func (d *Document) Anchor(name string) {
	d.add(anchorBlock{name: name})
}

// Contents adds a table of contents listing every heading (and titled PDF
// import) that follows it, each with the page where it starts and a link to
// it. The title is printed above it and bookmarked.
func (d *Document) Contents(title string) {
	d.add(contentsBlock{title: title})
}

// PageBreak makes the next content start on a new page.
func (d *Document) PageBreak() {
	d.add(breakBlock{})
}

// Space adds vertical space in millimetres.
func (d *Document) Space(mm float64) {
	d.add(spaceBlock{mm: mm})
}

// StartGroup starts a group of pages (see Group) on a new page. It ends at
// EndGroup or at the next StartGroup.
func (d *Document) StartGroup(g Group) {
	d.add(groupBlock{group: g, start: true})
}

// EndGroup ends the current group; what follows starts on a new page.
func (d *Document) EndGroup() {
	d.add(groupBlock{})
}

// Table adds a table.
func (d *Document) Table(t Table) {
	d.add(tableBlock{t})
}

// Form adds a grid of labelled boxes.
func (d *Document) Form(f Form) {
	d.add(formBlock{f})
}

// Signatures adds a line of signature boxes, one per label, e.g.
// Signatures("Signature", "Date") prints "Signature: ____  Date: ____".
func (d *Document) Signatures(labels ...string) {
	d.add(signatureBlock{labels: labels})
}

// Image adds a picture.
func (d *Document) Image(img Image) {
	d.add(imageBlock{img})
}

// ImportPDF adds the pages of another PDF.
func (d *Document) ImportPDF(p PDFImport) {
	d.add(importBlock{p})
}

// BarChart adds a stacked bar chart.
func (d *Document) BarChart(c BarChart) {
	d.add(chartBlock{c})
}

func (d *Document) add(b block) {
	d.blocks = append(d.blocks, b)
}

// Write lays the document out and writes the PDF to w. It reports invalid
// input (an unknown anchor, a bad image or PDF, heading levels that skip, a
// group page count outside a group) as an error and then writes nothing.
func (d *Document) Write(w io.Writer) error {
	if d.opts.Date.IsZero() {
		return errors.New("pdfdoc: Options.Date is required for reproducible output")
	}
	d = d.printable()
	if err := d.validate(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := render(d, &buf); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("pdfdoc: write output: %w", err)
	}
	return nil
}

// printable returns a copy of the description in which every string that is
// printed, bookmarked or stored as metadata has passed the document's
// filter and is text fpdf can handle (see printableText). Anchor names are
// only matched, never printed, so they are left as they are.
func (d *Document) printable() *Document {
	filter := d.opts.Filter
	if filter == nil {
		filter = func(s string) string { return s }
	}
	p := func(s string) string { return printableText(filter(s)) }
	o := d.opts
	for _, s := range []*string{&o.Title, &o.Subject, &o.Author, &o.Reference, &o.Marking, &o.HeaderNote} {
		*s = p(*s)
	}
	blocks := make([]block, len(d.blocks))
	for i, b := range d.blocks {
		blocks[i] = printableBlock(b, p)
	}
	return &Document{opts: o, blocks: blocks}
}

// printableBlock returns b with every string it prints passed through p.
func printableBlock(b block, p func(string) string) block {
	all := func(ss []string) []string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = p(s)
		}
		return out
	}
	switch b := b.(type) {
	case headingBlock:
		b.title = p(b.title)
		return b
	case textBlock:
		b.Label, b.Body = p(b.Label), p(b.Body)
		return b
	case contentsBlock:
		b.title = p(b.title)
		return b
	case groupBlock:
		b.group.Name = p(b.group.Name)
		b.group.Signatures = all(b.group.Signatures)
		return b
	case tableBlock:
		b.Columns = slices.Clone(b.Columns)
		for i := range b.Columns {
			b.Columns[i].Title = p(b.Columns[i].Title)
		}
		b.Rows = slices.Clone(b.Rows)
		for i := range b.Rows {
			b.Rows[i].Cells = slices.Clone(b.Rows[i].Cells)
			for j := range b.Rows[i].Cells {
				c := &b.Rows[i].Cells[j]
				c.Text = p(c.Text)
				c.Links = slices.Clone(c.Links)
				for k := range c.Links {
					c.Links[k].Text = p(c.Links[k].Text)
				}
			}
		}
		return b
	case formBlock:
		b.Rows = slices.Clone(b.Rows)
		for i := range b.Rows {
			b.Rows[i] = slices.Clone(b.Rows[i])
			for j := range b.Rows[i] {
				f := &b.Rows[i][j]
				f.Label, f.Value = p(f.Label), p(f.Value)
			}
		}
		return b
	case signatureBlock:
		b.labels = all(b.labels)
		return b
	case imageBlock:
		b.Caption = p(b.Caption)
		return b
	case importBlock:
		b.Title = p(b.Title)
		return b
	case chartBlock:
		b.Title, b.XLabel, b.YLabel = p(b.Title), p(b.XLabel), p(b.YLabel)
		b.Categories = all(b.Categories)
		b.Series = slices.Clone(b.Series)
		for i := range b.Series {
			b.Series[i].Name = p(b.Series[i].Name)
		}
		return b
	}
	// Anchors, page breaks and spaces print nothing.
	return b
}

// printableText replaces what fpdf cannot take with U+FFFD, so that a
// reader sees something was there: each malformed UTF-8 sequence (fpdf
// converts text to UTF-16 assuming valid UTF-8 and indexes past the end of
// a string that is not) and each character beyond U+FFFF, such as an emoji
// (fpdf's font subsetting covers only the first 65,536 code points and
// panics on the rest).
func printableText(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return utf8.RuneError
		}
		return r
	}, strings.ToValidUTF8(s, string(utf8.RuneError)))
}

// validate checks what can be checked before layout, so that mistakes are
// reported by name rather than as a broken PDF.
func (d *Document) validate() error {
	defined := map[string]bool{}
	define := func(name string) error {
		if name == "" {
			return nil
		}
		if defined[name] {
			return fmt.Errorf("pdfdoc: anchor %q defined twice", name)
		}
		defined[name] = true
		return nil
	}
	var refs []string
	level := 0
	inGroup := false
	for _, b := range d.blocks {
		var err error
		switch b := b.(type) {
		case headingBlock:
			if b.level < 1 || b.level > 3 {
				return fmt.Errorf("pdfdoc: heading %q: level %d is not 1, 2 or 3", b.title, b.level)
			}
			if b.level > level+1 {
				return fmt.Errorf("pdfdoc: heading %q: level %d follows level %d", b.title, b.level, level)
			}
			level = b.level
			err = define(b.anchor)
		case contentsBlock:
			level = 1
		case anchorBlock:
			if b.name == "" {
				return errors.New("pdfdoc: anchor with an empty name")
			}
			err = define(b.name)
		case textBlock:
			refs = append(refs, b.Link)
			switch {
			case b.Count < NoCount || b.Count > GroupPageCount:
				err = fmt.Errorf("pdfdoc: text %q: unknown page count %d", b.Body, b.Count)
			case b.Count == GroupPageCount && !inGroup:
				err = fmt.Errorf("pdfdoc: text %q: group page count outside a group", b.Body)
			}
		case tableBlock:
			err = b.validate(define, &refs)
		case formBlock:
			err = b.validate(inGroup)
		case groupBlock:
			inGroup = b.start
		case importBlock:
			if b.Title != "" {
				l := max(b.Level, 1)
				if l > 3 || l > level+1 {
					return fmt.Errorf("pdfdoc: imported PDF %q: level %d follows level %d", b.Title, l, level)
				}
				level = l
			}
			err = define(b.Anchor)
		case chartBlock:
			err = b.validate()
		}
		if err != nil {
			return err
		}
	}
	for _, ref := range refs {
		if ref != "" && !defined[ref] {
			return fmt.Errorf("pdfdoc: link to anchor %q, which is never defined", ref)
		}
	}
	return nil
}

func (t tableBlock) validate(define func(string) error, refs *[]string) error {
	if len(t.Columns) == 0 {
		return errors.New("pdfdoc: table without columns")
	}
	for i, row := range t.Rows {
		if len(row.Cells) > len(t.Columns) {
			return fmt.Errorf("pdfdoc: table row %d has %d cells for %d columns", i+1, len(row.Cells), len(t.Columns))
		}
		if err := define(row.Anchor); err != nil {
			return err
		}
		for _, c := range row.Cells {
			*refs = append(*refs, c.Link, c.PageOf)
			for _, l := range c.Links {
				*refs = append(*refs, l.Link)
			}
		}
	}
	for _, c := range t.Columns {
		if c.Width < 0 || c.Weight < 0 {
			return fmt.Errorf("pdfdoc: table column %q has a negative width", c.Title)
		}
	}
	return nil
}

func (f formBlock) validate(inGroup bool) error {
	for _, row := range f.Rows {
		for _, field := range row {
			switch {
			case field.Count < NoCount || field.Count > GroupPageCount:
				return fmt.Errorf("pdfdoc: form field %q: unknown page count %d", field.Label, field.Count)
			case field.Count != NoCount && field.Value != "":
				return fmt.Errorf("pdfdoc: form field %q has both a value and a page count", field.Label)
			case field.Count == GroupPageCount && !inGroup:
				return fmt.Errorf("pdfdoc: form field %q: group page count outside a group", field.Label)
			}
		}
	}
	return nil
}

// block is one unit of content, laid out in order by the renderer.
type block interface{ render(r *renderer) error }

type headingBlock struct {
	level  int
	title  string
	anchor string
}

type textBlock struct{ Text }

type anchorBlock struct{ name string }

type contentsBlock struct{ title string }

type breakBlock struct{}

type spaceBlock struct{ mm float64 }

type groupBlock struct {
	group Group
	start bool
}

type tableBlock struct{ Table }

type formBlock struct{ Form }

type signatureBlock struct{ labels []string }

type imageBlock struct{ Image }

type importBlock struct{ PDFImport }

type chartBlock struct{ BarChart }
