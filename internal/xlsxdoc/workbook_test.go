package xlsxdoc_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/xlsxdoc"
)

// build writes a workbook with the sheets fill adds and returns its bytes.
func build(t testing.TB, opts xlsxdoc.Options, fill func(wb *xlsxdoc.Workbook) error) []byte {
	t.Helper()
	wb, err := xlsxdoc.New(opts)
	require.NoError(t, err)
	defer func() { require.NoError(t, wb.Close()) }()
	require.NoError(t, fill(wb))
	var out bytes.Buffer
	require.NoError(t, wb.Write(&out))
	return out.Bytes()
}

// part returns one part of the package, e.g. "xl/worksheets/sheet1.xml".
func part(t testing.TB, xlsx []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	require.NoError(t, err)
	f, err := zr.Open(name)
	require.NoError(t, err, "part %s", name)
	defer f.Close()
	b, err := io.ReadAll(f)
	require.NoError(t, err)
	return string(b)
}

// cellXML returns the XML of one cell of a sheet part.
func cellXML(t testing.TB, sheet, ref string) string {
	t.Helper()
	m := regexp.MustCompile(`<c r="` + ref + `"[^>]*>.*?</c>`).FindString(sheet)
	require.NotEmpty(t, m, "cell %s", ref)
	return m
}

// oneSheet is a fill function adding a sheet named Data with the rows.
func oneSheet(opts xlsxdoc.SheetOptions, rows ...[]xlsxdoc.Cell) func(*xlsxdoc.Workbook) error {
	return func(wb *xlsxdoc.Workbook) error { return addSheet(wb, "Data", opts, rows...) }
}

func addSheet(wb *xlsxdoc.Workbook, name string, opts xlsxdoc.SheetOptions, rows ...[]xlsxdoc.Cell) error {
	opts.Rows = len(rows)
	s, err := wb.AddSheet(name, opts)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := s.AddRow(r...); err != nil {
			return err
		}
	}
	return nil
}

func TestTextThatLooksLikeAFormulaIsStoredAsAString(t *testing.T) {
	values := []string{`=HYPERLINK("http://x","y")`, "=1+1", "+44 7700 900000", "-2", "@SUM(A1:A2)", "\t=1", "\r=1", "0042", "TRUE"}
	var rows [][]xlsxdoc.Cell
	for _, v := range values {
		rows = append(rows, []xlsxdoc.Cell{xlsxdoc.TextCell(v)})
	}
	sheet := part(t, build(t, xlsxdoc.Options{}, oneSheet(xlsxdoc.SheetOptions{Columns: []xlsxdoc.Column{{Header: "Value"}}}, rows...)),
		"xl/worksheets/sheet1.xml")
	assert.NotContains(t, sheet, "<f>", "no cell may hold a formula")
	for i, v := range values {
		c := cellXML(t, sheet, fmt.Sprintf("A%d", i+2))
		assert.Contains(t, c, `t="inlineStr"`, "value %q must be a string", v)
		var esc bytes.Buffer
		require.NoError(t, xml.EscapeText(&esc, []byte(v)))
		assert.Contains(t, c, esc.String(), "value %q must be stored as written", v)
	}
}

func TestCellsAreStoredAsTheirTypes(t *testing.T) {
	sheet := part(t, build(t, xlsxdoc.Options{}, oneSheet(xlsxdoc.SheetOptions{},
		[]xlsxdoc.Cell{xlsxdoc.IntCell(42), xlsxdoc.BoolCell(true), xlsxdoc.BoolCell(false),
			xlsxdoc.DateCell(xlsxdoc.Date{Year: 2026, Month: 3, Day: 2}), {}, xlsxdoc.TextCell("x")})),
		"xl/worksheets/sheet1.xml")
	tests := []struct {
		ref, want string
	}{
		{"A1", `<v>42</v>`},
		{"B1", `t="b"><v>1</v>`},
		{"C1", `t="b"><v>0</v>`},
		// 2 March 2026 is day 46083 of Excel's 1900 date system.
		{"D1", `<v>46083</v>`},
	}
	for _, tt := range tests {
		c := cellXML(t, sheet, tt.ref)
		assert.Contains(t, c, tt.want, tt.ref)
		assert.NotContains(t, c, "inlineStr", tt.ref)
	}
	assert.NotContains(t, sheet, `r="E1"`, "a blank cell is not written")
}

func TestDateCellsHaveADateFormat(t *testing.T) {
	xlsx := build(t, xlsxdoc.Options{}, oneSheet(xlsxdoc.SheetOptions{},
		[]xlsxdoc.Cell{xlsxdoc.DateCell(xlsxdoc.Date{Year: 2024, Month: 2, Day: 29})}))
	c := cellXML(t, part(t, xlsx, "xl/worksheets/sheet1.xml"), "A1")
	assert.Contains(t, c, "<v>45351</v>")
	style := regexp.MustCompile(`s="(\d+)"`).FindStringSubmatch(c)
	require.Len(t, style, 2)
	styles := part(t, xlsx, "xl/styles.xml")
	numFmt := regexp.MustCompile(`<numFmt numFmtId="(\d+)" formatCode="dd/mm/yyyy"`).FindStringSubmatch(styles)
	require.Len(t, numFmt, 2, "a dd/mm/yyyy number format")
	xfs := regexp.MustCompile(`(?s)<cellXfs[^>]*>(.*?)</cellXfs>`).FindStringSubmatch(styles)[1]
	xf := regexp.MustCompile(`<xf [^>]*>`).FindAllString(xfs, -1)
	var idx int
	fmt.Sscan(style[1], &idx)
	require.Less(t, idx, len(xf))
	assert.Contains(t, xf[idx], `numFmtId="`+numFmt[1]+`"`)
}

func TestDatesOutsideExcelsRangeAreRefused(t *testing.T) {
	wb, err := xlsxdoc.New(xlsxdoc.Options{})
	require.NoError(t, err)
	defer wb.Close()
	s, err := wb.AddSheet("Data", xlsxdoc.SheetOptions{Rows: 1})
	require.NoError(t, err)
	err = s.AddRow(xlsxdoc.DateCell(xlsxdoc.Date{Year: 1899, Month: 1, Day: 1}))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "A1")
}

func TestLongTextIsCutVisibly(t *testing.T) {
	long := strings.Repeat("é", xlsxdoc.MaxTextLength+10)
	wb, err := xlsxdoc.New(xlsxdoc.Options{})
	require.NoError(t, err)
	defer wb.Close()
	s, err := wb.AddSheet("Data", xlsxdoc.SheetOptions{Rows: 1})
	require.NoError(t, err)
	require.NoError(t, s.AddRow(xlsxdoc.TextCell(long)))
	var out bytes.Buffer
	require.NoError(t, wb.Write(&out))
	book, err := xlsxdoc.Open(&out, xlsxdoc.ReadOptions{})
	require.NoError(t, err)
	defer book.Close()
	rows, err := book.Rows("Data")
	require.NoError(t, err)
	got := rows[0][0]
	assert.True(t, strings.HasSuffix(got, xlsxdoc.TruncatedMark))
	assert.Len(t, []rune(got), xlsxdoc.MaxTextLength)
}

// fullSheet uses every option that must be set before streaming.
func fullSheet(wb *xlsxdoc.Workbook) error {
	opts := xlsxdoc.SheetOptions{
		Columns: []xlsxdoc.Column{
			{Header: "Month", Width: 12}, {Header: "Calls", Width: 10}, {Header: "Visits", Width: 10},
			{Header: "Status", Width: 14}, {Header: "Due", Width: 12}, {Header: "Decision", Width: 20, Editable: true},
		},
		Rows:         3,
		FreezeHeader: true,
		Table:        "Acts",
		Validations: []xlsxdoc.Validation{
			{Column: 5, List: []string{"yes", "no"}, Prompt: "Choose"},
			{Column: 4, Dates: true},
		},
		Highlights: []xlsxdoc.Highlight{
			{Column: 3, Equals: "Not met"},
			{Column: 4, OnOrBefore: xlsxdoc.Date{Year: 2026, Month: 3, Day: 30}, Fill: "FFEB9C"},
		},
		Protect:   true,
		Marking:   "OFFICIAL-SENSITIVE & more",
		Landscape: true,
		Chart:     &xlsxdoc.Chart{Type: xlsxdoc.StackedColumns, Title: "Acts", Anchor: "H2", Categories: 0, Series: []int{1, 2}},
	}
	s, err := wb.AddSheet("Acts by month", opts)
	if err != nil {
		return err
	}
	for i, m := range []string{"2025-08", "2025-09", "2025-10"} {
		if err := s.AddRow(xlsxdoc.TextCell(m), xlsxdoc.IntCell(i), xlsxdoc.IntCell(2*i), xlsxdoc.TextCell("Not met"),
			xlsxdoc.DateCell(xlsxdoc.Date{Year: 2026, Month: 3, Day: 1 + 14*i})); err != nil {
			return err
		}
	}
	return nil
}

func TestOptionsSetBeforeStreamingArePresent(t *testing.T) {
	xlsx := build(t, xlsxdoc.Options{}, fullSheet)
	sheet := part(t, xlsx, "xl/worksheets/sheet1.xml")
	for _, want := range []string{
		`<pane activePane="bottomLeft" state="frozen" topLeftCell="A2" ySplit="1">`,
		`<cols><col min="1" max="1" width="12" customWidth="1"/><col min="2" max="2" width="10" customWidth="1"/>`,
		`<sheetProtection`,
		`<conditionalFormatting sqref="D2:D4"><cfRule type="cellIs"`,
		`<formula>&#34;Not met&#34;</formula>`,
		`<conditionalFormatting sqref="E2:E4"><cfRule type="expression"`,
		`<formula>AND(ISNUMBER(E2),E2&lt;=46111)</formula>`,
		`showErrorMessage="true" showInputMessage="true" sqref="F2:F4" type="list"><formula1>"yes,no"</formula1>`,
		`<formula1>61</formula1><formula2>2958465</formula2>`,
		`sqref="E2:E4" type="date"`,
		`<oddHeader>&amp;COFFICIAL-SENSITIVE &amp;&amp; more</oddHeader>`,
		`<drawing `,
		`<tableParts count="1">`,
		`<pageSetUpPr fitToPage="true">`,
		`<pageSetup fitToHeight="0" fitToWidth="1" orientation="landscape">`,
		`<dimension ref="A1:F4">`,
	} {
		assert.Contains(t, sheet, want)
	}
	assert.Contains(t, part(t, xlsx, "xl/workbook.xml"), `<definedName localSheetId="0" name="_xlnm.Print_Titles">&#39;Acts by month&#39;!$1:$1</definedName>`)
	assert.Contains(t, part(t, xlsx, "xl/tables/table1.xml"), `name="Acts" displayName="Acts" ref="A1:F4"`)
	chart := part(t, xlsx, "xl/charts/chart1.xml")
	assert.Contains(t, chart, `<barDir val="col"></barDir><grouping val="stacked"></grouping><varyColors val="0">`)
	assert.Contains(t, chart, `<f>&#39;Acts by month&#39;!$B$2:$B$4</f>`)
	assert.Contains(t, chart, `<f>&#39;Acts by month&#39;!$A$2:$A$4</f>`)
	assert.Contains(t, chart, `<f>&#39;Acts by month&#39;!$C$1</f>`)
}

func TestEditableColumnsAreUnlocked(t *testing.T) {
	xlsx := build(t, xlsxdoc.Options{}, fullSheet)
	sheet := part(t, xlsx, "xl/worksheets/sheet1.xml")
	styles := part(t, xlsx, "xl/styles.xml")
	xfs := regexp.MustCompile(`(?s)<cellXfs[^>]*>(.*?)</cellXfs>`).FindStringSubmatch(styles)[1]
	xf := regexp.MustCompile(`<xf [^>]*(?:/>|>.*?</xf>)`).FindAllString(xfs, -1)
	locked := func(ref string) bool {
		m := regexp.MustCompile(`s="(\d+)"`).FindStringSubmatch(cellXML(t, sheet, ref))
		require.Len(t, m, 2, ref)
		var idx int
		fmt.Sscan(m[1], &idx)
		return !strings.Contains(xf[idx], `locked="false"`)
	}
	assert.False(t, locked("F2"), "a blank editable cell is written, unlocked")
	assert.False(t, locked("F4"))
	assert.True(t, locked("A2"))
	assert.True(t, locked("F1"), "the header stays locked")
}

func TestFilterWithoutATableCoversTheHeaderAndRows(t *testing.T) {
	xlsx := build(t, xlsxdoc.Options{}, oneSheet(xlsxdoc.SheetOptions{Columns: []xlsxdoc.Column{{Header: "A"}, {Header: "B"}}, Filter: true},
		[]xlsxdoc.Cell{xlsxdoc.TextCell("x"), xlsxdoc.TextCell("y")}))
	assert.Contains(t, part(t, xlsx, "xl/worksheets/sheet1.xml"), `<autoFilter ref="$A$1:$B$2"`)
	assert.Contains(t, part(t, xlsx, "xl/workbook.xml"), `_xlnm._FilterDatabase`)
}

func TestTableWithNoRowsBecomesAFilter(t *testing.T) {
	xlsx := build(t, xlsxdoc.Options{}, oneSheet(xlsxdoc.SheetOptions{Columns: []xlsxdoc.Column{{Header: "A"}}, Table: "Empty"}))
	sheet := part(t, xlsx, "xl/worksheets/sheet1.xml")
	assert.Contains(t, sheet, `<autoFilter ref="$A$1:$A$1"`)
	assert.NotContains(t, sheet, "tableParts")
}

func TestHiddenSheetIsHiddenAndTheWorkbookOpensOnTheFirst(t *testing.T) {
	xlsx := build(t, xlsxdoc.Options{}, func(wb *xlsxdoc.Workbook) error {
		for _, name := range []string{"Visible", "Meta"} {
			if _, err := wb.AddSheet(name, xlsxdoc.SheetOptions{Hidden: name == "Meta"}); err != nil {
				return err
			}
		}
		return nil
	})
	book := part(t, xlsx, "xl/workbook.xml")
	assert.Regexp(t, `<sheet name="Meta" sheetId="\d+" r:id="rId\d+" state="hidden">`, book)
	assert.NotContains(t, book, `activeTab`, "the workbook opens on the first sheet")
	assert.Contains(t, part(t, xlsx, "xl/worksheets/sheet1.xml"), `tabSelected="true"`)
	assert.NotContains(t, part(t, xlsx, "xl/worksheets/sheet2.xml"), `tabSelected="true"`)
}

func TestSameContentGivesSameBytes(t *testing.T) {
	opts := xlsxdoc.Options{Properties: xlsxdoc.Properties{Title: "T", Creator: "spokit", Date: xlsxdoc.Date{Year: 2026, Month: 3, Day: 2}}}
	fill := func(wb *xlsxdoc.Workbook) error {
		if err := fullSheet(wb); err != nil {
			return err
		}
		// several stream-written sheets: excelize writes them in map order
		for i := range 6 {
			if err := addSheet(wb, fmt.Sprintf("S%d", i), xlsxdoc.SheetOptions{}, []xlsxdoc.Cell{xlsxdoc.IntCell(i)}); err != nil {
				return err
			}
		}
		return nil
	}
	first := build(t, opts, fill)
	for range 5 {
		require.True(t, bytes.Equal(first, build(t, opts, fill)), "two builds differ")
	}
	core := part(t, first, "docProps/core.xml")
	assert.Contains(t, core, `<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-02T00:00:00Z</dcterms:created>`)
	assert.Contains(t, core, `<dc:creator>spokit</dc:creator>`)
}

func TestTemporaryFilesStayInTmpDirAndAreRemoved(t *testing.T) {
	dir := t.TempDir()
	wb, err := xlsxdoc.New(xlsxdoc.Options{TmpDir: dir})
	require.NoError(t, err)
	// about 20 MB of sheet XML: past the 16 MB excelize keeps in memory
	const rows = 20000
	s, err := wb.AddSheet("Big", xlsxdoc.SheetOptions{Rows: rows})
	require.NoError(t, err)
	text := strings.Repeat("x", 1000)
	for range rows {
		require.NoError(t, s.AddRow(xlsxdoc.TextCell(text)))
	}
	spilled, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.NotEmpty(t, spilled, "the stream writer spills into TmpDir")
	require.NoError(t, wb.Write(io.Discard))
	require.NoError(t, wb.Close())
	left, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, left, "Close removes the temporary files")
}

func TestRowCountMustMatchTheOptions(t *testing.T) {
	wb, err := xlsxdoc.New(xlsxdoc.Options{})
	require.NoError(t, err)
	defer wb.Close()
	s, err := wb.AddSheet("Data", xlsxdoc.SheetOptions{Columns: []xlsxdoc.Column{{Header: "A"}}, Rows: 2})
	require.NoError(t, err)
	require.Error(t, s.AddRow(xlsxdoc.TextCell("a"), xlsxdoc.TextCell("too many cells")))
	require.NoError(t, s.AddRow(xlsxdoc.TextCell("a")))
	err = wb.Write(io.Discard)
	require.ErrorContains(t, err, `sheet "Data": 1 rows added, 2 promised`)
	require.ErrorContains(t, wb.Write(io.Discard), "already been written")
	require.Error(t, s.AddRow(xlsxdoc.TextCell("late")))
}

func TestTooManyRowsAreRefused(t *testing.T) {
	wb, err := xlsxdoc.New(xlsxdoc.Options{})
	require.NoError(t, err)
	defer wb.Close()
	s, err := wb.AddSheet("Data", xlsxdoc.SheetOptions{Rows: 1})
	require.NoError(t, err)
	require.NoError(t, s.AddRow(xlsxdoc.TextCell("a")))
	require.ErrorContains(t, s.AddRow(xlsxdoc.TextCell("b")), "more rows than the 1 promised")
}

func TestBadSheetOptionsAreRefusedWhenTheSheetIsAdded(t *testing.T) {
	cols := []xlsxdoc.Column{{Header: "A"}, {Header: "B"}}
	tests := []struct {
		name string
		opts xlsxdoc.SheetOptions
		want string
	}{
		{"table name with a space", xlsxdoc.SheetOptions{Columns: cols, Rows: 1, Table: "My table"}, "table name"},
		{"table with duplicate headers", xlsxdoc.SheetOptions{Columns: []xlsxdoc.Column{{Header: "A"}, {Header: "a"}}, Rows: 1, Table: "T"}, "own header"},
		{"list value with a comma", xlsxdoc.SheetOptions{Columns: cols, Rows: 1, Validations: []xlsxdoc.Validation{{Column: 0, List: []string{"a,b"}}}}, "commas"},
		{"validation on a missing column", xlsxdoc.SheetOptions{Columns: cols, Rows: 1, Validations: []xlsxdoc.Validation{{Column: 5, Dates: true}}}, "column 5"},
		{"validation past the rows", xlsxdoc.SheetOptions{Columns: cols, Rows: 1, Validations: []xlsxdoc.Validation{{Column: 0, Rows: xlsxdoc.RowRange{First: 0, Count: 2}, Dates: true}}}, "outside"},
		{"validation with no rule", xlsxdoc.SheetOptions{Columns: cols, Rows: 1, Validations: []xlsxdoc.Validation{{Column: 0}}}, "set List or Dates"},
		{"highlight with two rules", xlsxdoc.SheetOptions{Columns: cols, Rows: 1, Highlights: []xlsxdoc.Highlight{{Column: 0, Equals: "x", OnOrBefore: xlsxdoc.Date{Year: 2026, Month: 1, Day: 1}}}}, "not both"},
		{"chart without series", xlsxdoc.SheetOptions{Columns: cols, Rows: 1, Chart: &xlsxdoc.Chart{Anchor: "D2"}}, "no series"},
		{"chart with a bad anchor", xlsxdoc.SheetOptions{Columns: cols, Rows: 1, Chart: &xlsxdoc.Chart{Anchor: "nowhere", Series: []int{1}}}, "anchor"},
		{"negative rows", xlsxdoc.SheetOptions{Rows: -1}, "negative"},
		{"hidden first sheet", xlsxdoc.SheetOptions{Hidden: true}, "cannot be hidden"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wb, err := xlsxdoc.New(xlsxdoc.Options{})
			require.NoError(t, err)
			defer wb.Close()
			_, err = wb.AddSheet("Data", tt.opts)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), `sheet "Data"`)
		})
	}
}

func TestAWorkbookWithAFailedSheetCannotBeWritten(t *testing.T) {
	wb, err := xlsxdoc.New(xlsxdoc.Options{})
	require.NoError(t, err)
	defer wb.Close()
	_, err = wb.AddSheet("Good", xlsxdoc.SheetOptions{})
	require.NoError(t, err)
	_, err = wb.AddSheet("Bad", xlsxdoc.SheetOptions{Rows: -1})
	require.Error(t, err)
	require.ErrorContains(t, wb.Write(io.Discard), `incomplete: xlsxdoc: sheet "Bad"`)
}

func TestTableNamesAreUniqueInTheWorkbook(t *testing.T) {
	wb, err := xlsxdoc.New(xlsxdoc.Options{})
	require.NoError(t, err)
	defer wb.Close()
	cols := []xlsxdoc.Column{{Header: "A"}}
	_, err = wb.AddSheet("One", xlsxdoc.SheetOptions{Columns: cols, Table: "Items"})
	require.NoError(t, err)
	_, err = wb.AddSheet("Two", xlsxdoc.SheetOptions{Columns: cols, Table: "items"})
	require.ErrorContains(t, err, `sheet "One" has a table of that name`)
}

func TestClusteredIsTheDefaultChart(t *testing.T) {
	xlsx := build(t, xlsxdoc.Options{}, oneSheet(xlsxdoc.SheetOptions{
		Columns: []xlsxdoc.Column{{Header: "Month"}, {Header: "Calls"}, {Header: "Visits"}},
		Chart:   &xlsxdoc.Chart{Anchor: "E2", Series: []int{1, 2}},
	}, []xlsxdoc.Cell{xlsxdoc.TextCell("2025-08"), xlsxdoc.IntCell(1), xlsxdoc.IntCell(2)}))
	assert.Contains(t, part(t, xlsx, "xl/charts/chart1.xml"), `<barDir val="col"></barDir><grouping val="clustered">`)
}

func TestDuplicateSheetNamesAreRefused(t *testing.T) {
	wb, err := xlsxdoc.New(xlsxdoc.Options{})
	require.NoError(t, err)
	defer wb.Close()
	_, err = wb.AddSheet("Data", xlsxdoc.SheetOptions{})
	require.NoError(t, err)
	_, err = wb.AddSheet("data", xlsxdoc.SheetOptions{})
	require.ErrorContains(t, err, "already exists")
}

func TestDatesDoNotDependOnTheTimeZone(t *testing.T) {
	d := xlsxdoc.Date{Year: 2026, Month: 3, Day: 2}
	write := func() string {
		return cellXML(t, part(t, build(t, xlsxdoc.Options{}, oneSheet(xlsxdoc.SheetOptions{}, []xlsxdoc.Cell{xlsxdoc.DateCell(d)})),
			"xl/worksheets/sheet1.xml"), "A1")
	}
	defer func(l *time.Location) { time.Local = l }(time.Local)
	for _, zone := range []*time.Location{time.FixedZone("UTC+14", 14*3600), time.FixedZone("UTC-12", -12*3600)} {
		time.Local = zone
		assert.Contains(t, write(), "<v>46083</v>", zone.String())
	}
}

func TestRowsWithWrappedTextAreTallEnoughForIt(t *testing.T) {
	cols := []xlsxdoc.Column{{Header: "Id", Width: 6}, {Header: "Description that wraps", Width: 10, Wrap: true}}
	sheet := part(t, build(t, xlsxdoc.Options{}, oneSheet(xlsxdoc.SheetOptions{Columns: cols},
		[]xlsxdoc.Cell{xlsxdoc.TextCell("I1"), xlsxdoc.TextCell("short")},
		[]xlsxdoc.Cell{xlsxdoc.TextCell("I2 is an id in a narrow column that does not wrap"), xlsxdoc.TextCell("about thirty characters of it")},
		[]xlsxdoc.Cell{xlsxdoc.TextCell("I3"), xlsxdoc.TextCell("one\ntwo\nthree")})), "xl/worksheets/sheet1.xml")
	rows := regexp.MustCompile(`<row r="(\d)"([^>]*)>`).FindAllStringSubmatch(sheet, -1)
	require.Len(t, rows, 4)
	assert.Equal(t, ` ht="45" customHeight="1"`, rows[0][2], "the header wraps: 22 characters in a 10-wide column")
	assert.Empty(t, rows[1][2], "one line keeps the default height")
	assert.Equal(t, ` ht="60" customHeight="1"`, rows[2][2], "30 characters at 9 a line, and only wrapped columns count")
	assert.Equal(t, ` ht="45" customHeight="1"`, rows[3][2], "one line per paragraph")
}
