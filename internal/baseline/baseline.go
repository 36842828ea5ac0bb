// Package baseline redoes the raw work of spokit's documents with fpdf and
// excelize alone, so that benchmarks can state spokit's overhead as a ratio:
// the same number of pages of the same text in the same two fonts with the
// same pictures, and the same rows of the same values written with
// excelize's stream writer. Only benchmarks use it.
//
// A baseline is a floor, not a twin: its pages are full lines of text with
// a header and a footer, with none of the layout spokit does (tables,
// headings, contents, links, page references, wording), and its sheets have
// neither styles, tables, validations nor charts.
package baseline

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/spokit/spokit/internal/fonts"
	"github.com/xuri/excelize/v2"
)

// Page geometry and type, as spokit's documents use them (A4, 20 mm
// margins, 10 pt text on 5 mm lines).
const (
	marginX  = 20.0
	contentW = 210.0 - 2*marginX
	bodyTop  = 24.0
	bodyEnd  = 274.0
	lineH    = 5.0
	family   = "sans"
)

// PDF is one document to redo.
type PDF struct {
	// Pages is how many pages to write, the pictures' pages included.
	Pages int
	// Text is the paragraphs to set, in turn, starting again from the first
	// when they run out.
	Text []string
	// Images are PNG or JPEG pictures, each drawn on a page of its own after
	// the text.
	Images [][]byte
	// Date is written as the creation and modification date.
	Date time.Time
}

// WritePDF writes d with fpdf alone: its text pages full of lines in the Go
// regular font, each with a header in Go bold and a "Page X of N" footer,
// then a page for each picture.
func WritePDF(w io.Writer, d PDF) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(d.Date)
	pdf.SetModificationDate(d.Date)
	pdf.SetMargins(marginX, bodyTop, marginX)
	pdf.SetAutoPageBreak(false, 0)
	pdf.AddUTF8FontFromBytes(family, "", fonts.Regular)
	pdf.AddUTF8FontFromBytes(family, "B", fonts.Bold)
	images := d.Images[:min(len(d.Images), d.Pages)]
	textPages := d.Pages - len(images)
	var lines []string
	next := 0
	page := func(p int) {
		pdf.AddPage()
		pdf.SetFont(family, "B", 8.5)
		pdf.SetXY(marginX, 11)
		pdf.CellFormat(contentW, 5, "Baseline document", "", 0, "RM", false, 0, "")
		pdf.SetFont(family, "", 8.5)
		pdf.SetXY(marginX, 279)
		pdf.CellFormat(contentW, 5, fmt.Sprintf("Page %d of %d", p, d.Pages), "", 0, "RM", false, 0, "")
	}
	for p := 1; p <= textPages; p++ {
		page(p)
		pdf.SetFont(family, "", 10)
		for y := bodyTop; y+lineH <= bodyEnd; y += lineH {
			for len(lines) == 0 && len(d.Text) > 0 {
				lines = pdf.SplitText(d.Text[next%len(d.Text)], contentW)
				next++
			}
			if len(lines) == 0 {
				break
			}
			pdf.SetXY(marginX, y)
			pdf.CellFormat(contentW, lineH, lines[0], "", 0, "LM", false, 0, "")
			lines = lines[1:]
		}
	}
	for i, img := range images {
		page(textPages + i + 1)
		// A picture is registered once, under its contents: fpdf writes a
		// picture registered twice into the resources twice.
		name := fmt.Sprintf("%x", sha256.Sum256(img))
		opts := fpdf.ImageOptions{ImageType: imageType(img)}
		info := pdf.GetImageInfo(name)
		if info == nil {
			info = pdf.RegisterImageOptionsReader(name, opts, bytes.NewReader(img))
		}
		if info == nil {
			break
		}
		w, h := info.Extent()
		scale := min(1, contentW/w, (bodyEnd-bodyTop)/h)
		pdf.ImageOptions(name, marginX, bodyTop, w*scale, h*scale, false, opts, 0, "")
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("baseline: %w", err)
	}
	return pdf.Output(w)
}

// imageType names a picture's format the way fpdf does.
func imageType(img []byte) string {
	if bytes.HasPrefix(img, []byte("\x89PNG")) {
		return "PNG"
	}
	return "JPG"
}

// Strings returns every non-empty string in v, in field order: the text of
// a case, to set in a baseline document. It follows exported struct fields,
// pointers, slices and arrays; it does not look into maps.
func Strings(v any) []string {
	var out []string
	var walk func(reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if v.Len() > 0 {
				out = append(out, v.String())
			}
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(v))
	return out
}

// Sheet is one worksheet's values, row by row.
type Sheet struct {
	Name string
	Rows [][]any
}

// ReadSheets returns the values of every sheet of a workbook: numbers (and
// dates, which are numbers) as float64, booleans as bool, the rest as
// strings.
func ReadSheets(xlsx []byte) ([]Sheet, error) {
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		return nil, fmt.Errorf("baseline: reading the workbook: %w", err)
	}
	defer f.Close()
	var out []Sheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("baseline: reading sheet %q: %w", name, err)
		}
		sheet := Sheet{Name: name}
		for r, row := range rows {
			values := make([]any, len(row))
			for c, raw := range row {
				values[c], err = value(f, name, c+1, r+1, raw)
				if err != nil {
					return nil, err
				}
			}
			sheet.Rows = append(sheet.Rows, values)
		}
		out = append(out, sheet)
	}
	return out, nil
}

// value types the raw value of one cell.
func value(f *excelize.File, sheet string, col, row int, raw string) (any, error) {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	kind, err := f.GetCellType(sheet, cell)
	if err != nil {
		return nil, fmt.Errorf("baseline: cell %s!%s: %w", sheet, cell, err)
	}
	switch kind {
	case excelize.CellTypeNumber, excelize.CellTypeUnset, excelize.CellTypeDate:
		if n, err := strconv.ParseFloat(raw, 64); err == nil {
			return n, nil
		}
	case excelize.CellTypeBool:
		return raw == "1", nil
	}
	return raw, nil
}

// WriteWorkbook writes sheets with excelize's stream writer and nothing
// else. tmpDir is where excelize may spill a large sheet.
func WriteWorkbook(w io.Writer, sheets []Sheet, tmpDir string) (err error) {
	f := excelize.NewFile(excelize.Options{TmpDir: tmpDir})
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("baseline: %w", cerr)
		}
	}()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.Name); err != nil {
				return fmt.Errorf("baseline: sheet %q: %w", s.Name, err)
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			return fmt.Errorf("baseline: sheet %q: %w", s.Name, err)
		}
		sw, err := f.NewStreamWriter(s.Name)
		if err != nil {
			return fmt.Errorf("baseline: sheet %q: %w", s.Name, err)
		}
		for r, row := range s.Rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := sw.SetRow(cell, row); err != nil {
				return fmt.Errorf("baseline: sheet %q row %d: %w", s.Name, r+1, err)
			}
		}
		if err := sw.Flush(); err != nil {
			return fmt.Errorf("baseline: sheet %q: %w", s.Name, err)
		}
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("baseline: %w", err)
	}
	return nil
}
