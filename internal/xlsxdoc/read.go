package xlsxdoc

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// DefaultMaxSize is the largest workbook Open reads when ReadOptions gives
// no limit: 64 MiB.
const DefaultMaxSize = 64 << 20

// ErrTooLarge is returned by Open for a workbook over its size limit.
var ErrTooLarge = errors.New("the workbook is larger than the size limit")

// ErrNotWorkbook is returned by Open for input that is not an XLSX workbook.
var ErrNotWorkbook = errors.New("not an XLSX workbook")

// ErrNoSheet is returned (wrapped) by Rows for a sheet the workbook does not
// have.
var ErrNoSheet = errors.New("no such sheet")

// ReadOptions configure Open.
type ReadOptions struct {
	// TmpDir is where excelize may unpack large parts of the workbook. Use a
	// private directory; empty means the system's temporary directory.
	// Book.Close removes the files.
	TmpDir string
	// MaxSize is the largest input read, in bytes; 0 means DefaultMaxSize.
	// The unpacked parts may total at most 16 times as much, so a small
	// file that unpacks to gigabytes is refused too.
	MaxSize int64
}

// Book is a workbook opened for reading.
type Book struct {
	f *excelize.File
}

// Open reads a workbook from r, refusing input over the size limit without
// reading past it.
func Open(r io.Reader, opts ReadOptions) (*Book, error) {
	limit := opts.MaxSize
	if limit <= 0 {
		limit = DefaultMaxSize
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("xlsxdoc: reading the workbook: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w of %d MiB", ErrTooLarge, limit>>20)
	}
	if err := checkUnpackedSize(data, 16*limit); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		TmpDir:            opts.TmpDir,
		UnzipSizeLimit:    16 * limit,
		UnzipXMLSizeLimit: min(16*limit, excelize.StreamChunkSize),
	})
	if err != nil {
		if f != nil {
			f.Close()
		}
		return nil, fmt.Errorf("%w: %w", ErrNotWorkbook, err)
	}
	return &Book{f: f}, nil
}

// checkUnpackedSize refuses a package that is not a zip archive, or whose
// parts say they unpack to more than limit bytes. (The zip reader stops a
// part that unpacks to more than it says.)
func checkUnpackedSize(data []byte, limit int64) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("%w: %w", ErrNotWorkbook, err)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(limit) {
			return fmt.Errorf("%w: its parts unpack to more than %d MiB", ErrTooLarge, limit>>20)
		}
	}
	return nil
}

// Close removes any temporary files the workbook was unpacked to.
func (b *Book) Close() error {
	if err := b.f.Close(); err != nil {
		return fmt.Errorf("xlsxdoc: removing temporary files: %w", err)
	}
	return nil
}

// SheetNames returns the names of the sheets, hidden ones included, in tab
// order.
func (b *Book) SheetNames() []string { return b.f.GetSheetList() }

// Rows returns the sheet's cells as stored, row by row, not as displayed:
// text as written, numbers (and dates, which are day numbers) in full
// precision, booleans as 1 or 0. Trailing blank cells and rows are dropped;
// ParseDate reads a date cell.
func (b *Book) Rows(sheet string) ([][]string, error) {
	if idx, err := b.f.GetSheetIndex(sheet); err != nil || idx < 0 {
		return nil, fmt.Errorf("%w: %q", ErrNoSheet, sheet)
	}
	rows, err := b.f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("xlsxdoc: sheet %q: %w", sheet, err)
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		row, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("xlsxdoc: sheet %q row %d: %w", sheet, len(out)+1, err)
		}
		out = append(out, row)
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("xlsxdoc: sheet %q: %w", sheet, err)
	}
	for len(out) > 0 && len(out[len(out)-1]) == 0 {
		out = out[:len(out)-1]
	}
	return out, nil
}
