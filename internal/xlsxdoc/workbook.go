// Package xlsxdoc writes and reads XLSX workbooks safely: a thin layer over
// excelize that makes the safe thing the easy thing.
//
//   - Text is always stored as a string: a value starting with =, +, - or @
//     stays text and can never become a formula.
//   - Dates are real Excel dates with a date format, built from the calendar
//     date, so no time zone can move them.
//   - Every sheet is written with excelize's stream writer, so a sheet of any
//     size costs little memory. Everything that must be set before streaming
//     starts (columns, frozen header, filters, tables, drop-down lists,
//     highlights, protection, charts) is given up front in SheetOptions, so a
//     caller cannot set it too late and lose it.
//   - The same content gives the same bytes: no clock, document dates from
//     Properties, and a fixed order of parts in the package.
//   - Temporary files go only to the directory the caller chooses and are
//     removed by Close.
//
// The package knows nothing of what the workbook is for.
package xlsxdoc

import (
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/xuri/excelize/v2"
)

// Options configure a new workbook.
type Options struct {
	// TmpDir is where excelize may put temporary files (a stream-written
	// sheet spills to disk past 16 MB). Use a private directory: the files
	// hold the workbook's content. Empty means the system's temporary
	// directory. Close removes the files.
	TmpDir string
	// Properties are the document properties written into the package.
	Properties Properties
	// Filter, when set, is applied to every text the workbook stores (cells,
	// headers, chart titles, document properties), so that what a reader
	// must not see is withheld in one place that no caller can bypass.
	Filter func(string) string
}

// Properties are a workbook's document properties.
type Properties struct {
	Title       string
	Subject     string
	Creator     string
	Description string
	Keywords    string
	// Date is written as the created and modified date. It must come from
	// the data (e.g. the date a case is judged on), never the clock, so the
	// same content gives the same bytes. Zero keeps excelize's fixed date.
	Date Date
}

// Workbook is an XLSX workbook being written. Add sheets in the order they
// should appear, fill their rows, then Write once and Close.
type Workbook struct {
	f      *excelize.File
	sheets []*Sheet
	styles map[styleKey]int
	// written is set once Write has run: the stream writers are flushed
	// and cannot take more rows.
	written bool
	// failed is the error of a sheet that could not be added.
	failed error
	// filter is Options.Filter, or the identity.
	filter func(string) string
}

// New starts an empty workbook.
func New(opts Options) (*Workbook, error) {
	f := excelize.NewFile(excelize.Options{TmpDir: opts.TmpDir})
	wb := &Workbook{f: f, styles: map[styleKey]int{}, filter: opts.Filter}
	if wb.filter == nil {
		wb.filter = func(s string) string { return s }
	}
	p := opts.Properties
	for _, s := range []*string{&p.Title, &p.Subject, &p.Creator, &p.Description, &p.Keywords} {
		*s = wb.filter(*s)
	}
	props := &excelize.DocProperties{Title: p.Title, Subject: p.Subject, Creator: p.Creator,
		LastModifiedBy: p.Creator, Description: p.Description, Keywords: p.Keywords}
	if !p.Date.IsZero() {
		if _, err := p.Date.serial(); err != nil {
			f.Close()
			return nil, fmt.Errorf("xlsxdoc: document date: %w", err)
		}
		stamp := p.Date.String() + "T00:00:00Z"
		props.Created, props.Modified = stamp, stamp
	}
	if err := f.SetDocProps(props); err != nil {
		f.Close()
		return nil, fmt.Errorf("xlsxdoc: setting document properties: %w", err)
	}
	return wb, nil
}

// Close removes the workbook's temporary files. Call it once the workbook
// is written, or abandoned; it is safe to call more than once.
func (wb *Workbook) Close() error {
	if err := wb.f.Close(); err != nil {
		return fmt.Errorf("xlsxdoc: removing temporary files: %w", err)
	}
	return nil
}

// Write finishes every sheet (each must have all the rows its options
// promised) and writes the workbook to w. It can be called once.
func (wb *Workbook) Write(w io.Writer) error {
	if wb.written {
		return errors.New("xlsxdoc: the workbook has already been written")
	}
	if wb.failed != nil {
		return fmt.Errorf("the workbook is incomplete: %w", wb.failed)
	}
	if len(wb.sheets) == 0 {
		return errors.New("xlsxdoc: the workbook has no sheets")
	}
	wb.written = true
	for _, s := range wb.sheets {
		if err := s.finish(); err != nil {
			return err
		}
	}
	if ct := wb.f.ContentTypes; ct != nil {
		// excelize adds the image types of a drawing in map order.
		d := ct.Defaults
		sort.SliceStable(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
	}
	streams := len(wb.sheets)
	wb.f.ZipWriter = func(w io.Writer) excelize.ZipWriter { return newOrderedZip(w, streams) }
	if err := wb.f.Write(w); err != nil {
		return fmt.Errorf("xlsxdoc: writing the workbook: %w", err)
	}
	return nil
}

// styleKey is one combination of the formats a cell can have.
type styleKey struct {
	header, bold, wrap, date, unlocked bool
}

// style returns the id of the cell style for k, creating it on first use
// (in a fixed order, so ids are the same on every build).
func (wb *Workbook) style(k styleKey) (int, error) {
	if id, ok := wb.styles[k]; ok {
		return id, nil
	}
	s := &excelize.Style{
		Font:       &excelize.Font{Bold: k.bold || k.header},
		Alignment:  &excelize.Alignment{Vertical: "top", WrapText: k.wrap || k.header},
		Protection: &excelize.Protection{Locked: !k.unlocked},
	}
	if k.unlocked { // shaded, so the reader sees where to write
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	}
	if k.header {
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}
		s.Border = []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 1}}
	}
	if k.date {
		format := "dd/mm/yyyy"
		s.CustomNumFmt = &format
	}
	id, err := wb.f.NewStyle(s)
	if err != nil {
		return 0, fmt.Errorf("xlsxdoc: creating a cell style: %w", err)
	}
	wb.styles[k] = id
	return id, nil
}
