package xlsxdoc_test

import (
	"archive/zip"
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/xlsxdoc"
)

func TestRowsReturnsValuesAsStored(t *testing.T) {
	xlsx := build(t, xlsxdoc.Options{}, func(wb *xlsxdoc.Workbook) error {
		if err := addSheet(wb, "First", xlsxdoc.SheetOptions{Columns: []xlsxdoc.Column{{Header: "Text"}, {Header: "Date"}, {Header: "N"}, {Header: "B"}}},
			[]xlsxdoc.Cell{xlsxdoc.TextCell("=1+1"), xlsxdoc.DateCell(xlsxdoc.Date{Year: 2026, Month: 3, Day: 2}), xlsxdoc.IntCell(7), xlsxdoc.BoolCell(true)},
			[]xlsxdoc.Cell{}, // a blank row inside the data
			[]xlsxdoc.Cell{xlsxdoc.TextCell("Siân")}); err != nil {
			return err
		}
		return addSheet(wb, "Meta", xlsxdoc.SheetOptions{Hidden: true}, []xlsxdoc.Cell{xlsxdoc.TextCell("k"), xlsxdoc.TextCell("v")})
	})
	book, err := xlsxdoc.Open(bytes.NewReader(xlsx), xlsxdoc.ReadOptions{})
	require.NoError(t, err)
	defer book.Close()
	assert.Equal(t, []string{"First", "Meta"}, book.SheetNames())
	rows, err := book.Rows("First")
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"Text", "Date", "N", "B"}, {"=1+1", "46083", "7", "1"}, nil, {"Siân"}}, rows)
	d, err := xlsxdoc.ParseDate(rows[1][1])
	require.NoError(t, err)
	assert.Equal(t, xlsxdoc.Date{Year: 2026, Month: 3, Day: 2}, d)
	meta, err := book.Rows("Meta")
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"k", "v"}}, meta)
	_, err = book.Rows("Missing")
	assert.ErrorIs(t, err, xlsxdoc.ErrNoSheet)
	assert.ErrorContains(t, err, `"Missing"`)
}

func TestOpenRefusesInputOverTheLimit(t *testing.T) {
	xlsx := build(t, xlsxdoc.Options{}, oneSheet(xlsxdoc.SheetOptions{}, []xlsxdoc.Cell{xlsxdoc.TextCell("x")}))
	_, err := xlsxdoc.Open(bytes.NewReader(xlsx), xlsxdoc.ReadOptions{MaxSize: int64(len(xlsx) - 1)})
	require.ErrorIs(t, err, xlsxdoc.ErrTooLarge)
	book, err := xlsxdoc.Open(bytes.NewReader(xlsx), xlsxdoc.ReadOptions{MaxSize: int64(len(xlsx))})
	require.NoError(t, err)
	require.NoError(t, book.Close())
}

func TestOpenRefusesAPackageThatUnpacksTooLarge(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	require.NoError(t, err)
	_, err = w.Write(bytes.Repeat([]byte(" "), 1<<20)) // compresses to a few KB
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	_, err = xlsxdoc.Open(&buf, xlsxdoc.ReadOptions{MaxSize: 32 << 10})
	require.ErrorIs(t, err, xlsxdoc.ErrTooLarge)
	assert.ErrorContains(t, err, "unpack")
}

func TestOpenRefusesWhatIsNotAWorkbook(t *testing.T) {
	for _, input := range []string{"", "%PDF-1.7\n", "name,date\nx,2026-03-02\n"} {
		_, err := xlsxdoc.Open(strings.NewReader(input), xlsxdoc.ReadOptions{})
		assert.ErrorIs(t, err, xlsxdoc.ErrNotWorkbook, "%q", input)
	}
}

func TestOpenUnpacksLargePartsOnlyIntoTmpDir(t *testing.T) {
	// a sheet part over 16 MB is unpacked to a temporary file
	const rows = 20000
	text := strings.Repeat("y", 1000)
	xlsx := build(t, xlsxdoc.Options{TmpDir: t.TempDir()}, func(wb *xlsxdoc.Workbook) error {
		s, err := wb.AddSheet("Big", xlsxdoc.SheetOptions{Rows: rows})
		if err != nil {
			return err
		}
		for range rows {
			if err := s.AddRow(xlsxdoc.TextCell(text)); err != nil {
				return err
			}
		}
		return nil
	})
	dir := t.TempDir()
	book, err := xlsxdoc.Open(bytes.NewReader(xlsx), xlsxdoc.ReadOptions{TmpDir: dir})
	require.NoError(t, err)
	unpacked, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.NotEmpty(t, unpacked, "the large sheet is unpacked into TmpDir")
	got, err := book.Rows("Big")
	require.NoError(t, err)
	assert.Len(t, got, rows)
	require.NoError(t, book.Close())
	left, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, left, "Close removes the unpacked files")
}

func TestParseDateReadsDayNumbersAndDateTextAndRejectsTheRest(t *testing.T) {
	tests := []struct {
		raw  string
		want xlsxdoc.Date
		err  string
	}{
		{"46083", xlsxdoc.Date{Year: 2026, Month: 3, Day: 2}, ""},
		{"46083.75", xlsxdoc.Date{Year: 2026, Month: 3, Day: 2}, ""},
		{"61", xlsxdoc.Date{Year: 1900, Month: 3, Day: 1}, ""},
		{"2958465", xlsxdoc.Date{Year: 9999, Month: 12, Day: 31}, ""},
		{"2026-03-02", xlsxdoc.Date{Year: 2026, Month: 3, Day: 2}, ""},
		{"2026-03-02T00:00:00", xlsxdoc.Date{Year: 2026, Month: 3, Day: 2}, ""},
		{" 02/03/2026 ", xlsxdoc.Date{Year: 2026, Month: 3, Day: 2}, ""},
		{"60", xlsxdoc.Date{}, "not a date between"},
		{"-3", xlsxdoc.Date{}, "not a date between"},
		{"31/02/2026", xlsxdoc.Date{}, "is not a date"},
		{"2026-13-01", xlsxdoc.Date{}, "is not a date"},
		{"next week", xlsxdoc.Date{}, "is not a date"},
		{"03/02/26", xlsxdoc.Date{}, "is not a date"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			got, err := xlsxdoc.ParseDate(tt.raw)
			if tt.err != "" {
				require.ErrorContains(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}
