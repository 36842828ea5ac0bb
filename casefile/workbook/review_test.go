package workbook_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"testing"

	"github.com/spokit/spokit/casefile/workbook"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/spokit/spokit/internal/realclient"
	"github.com/spokit/spokit/internal/xlsxdoc"
)

// edit changes a workbook as a spreadsheet program other than spokit would,
// and returns the saved bytes.
func wbEdit(t testing.TB, xlsx []byte, change func(f *excelize.File) error) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	require.NoError(t, err)
	defer f.Close()
	require.NoError(t, change(f))
	var out bytes.Buffer
	require.NoError(t, f.Write(&out))
	return out.Bytes()
}

// fill sets cells of the Review sheet: cell reference to value.
func wbFill(values map[string]any) func(f *excelize.File) error {
	return func(f *excelize.File) error {
		for ref, v := range values {
			if err := f.SetCellValue(workbook.ReviewSheet, ref, v); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestReadReviewOfAnUntouchedWorkbookIsAllUndecided(t *testing.T) {
	rv, err := workbook.ReadReview(bytes.NewReader(wbWrite(t, wbFixture())))
	require.NoError(t, err)
	assert.Equal(t, &workbook.Review{
		URN:     "07CW0456125",
		Charges: []workbook.ChargeReview{{Charge: "C1"}, {Charge: "C2"}},
		Unused:  []workbook.UnusedReview{{Item: "U1"}, {Item: "U3"}},
	}, rv)
}

func TestReadReviewReturnsTheDecisionsTyped(t *testing.T) {
	xlsx := wbEdit(t, wbWrite(t, wbFixture()), wbFill(map[string]any{
		"D2": "charge", "E2": "Priya Shah", "F2": wbYMD("2025-06-23").Time(), "G2": "=Strong case; see ST1",
		"D3": "No Further Action", "E3": " Priya Shah ", "F3": "24/06/2025",
		"D4": "disclose", "F4": "2025-06-25",
		"D5": "inspect", "F5": 45832, // 24 June 2025 as a day number
	}))
	rv, err := workbook.ReadReview(bytes.NewReader(xlsx), workbook.ReviewOptions{TmpDir: t.TempDir()})
	require.NoError(t, err)
	assert.Equal(t, []workbook.ChargeReview{
		{Charge: "C1", Decision: workbook.ReviewCharge, Reviewer: "Priya Shah", Date: wbYMD("2025-06-23"), Comments: "=Strong case; see ST1"},
		{Charge: "C2", Decision: workbook.ReviewNoFurtherAction, Reviewer: "Priya Shah", Date: wbYMD("2025-06-24")},
	}, rv.Charges)
	assert.Equal(t, []workbook.UnusedReview{
		{Item: "U1", Decision: workbook.ReviewDisclose, Date: wbYMD("2025-06-25")},
		{Item: "U3", Decision: workbook.ReviewInspect, Date: wbYMD("2025-06-24")},
	}, rv.Unused)
	assert.False(t, rv.Sensitive)
}

func TestReadReviewOfTheSensitiveWorkbookAcceptsAPIIApplication(t *testing.T) {
	xlsx := wbEdit(t, wbWriteSensitive(t, wbFixture()), wbFill(map[string]any{"D2": "PII application", "E2": "Priya Shah"}))
	rv, err := workbook.ReadReview(bytes.NewReader(xlsx))
	require.NoError(t, err)
	assert.True(t, rv.Sensitive)
	assert.Empty(t, rv.Charges)
	assert.Equal(t, []workbook.UnusedReview{{Item: "U2", Decision: workbook.ReviewPIIApplication, Reviewer: "Priya Shah"}}, rv.Unused)
}

func TestReadReviewReportsEveryValueItCannotRead(t *testing.T) {
	xlsx := wbEdit(t, wbWrite(t, wbFixture()), wbFill(map[string]any{
		"D2": "maybe",           // not a decision
		"D4": "PII application", // only for sensitive items
		"D5": "charge",          // a charging decision on an unused item
		"F3": "next week",
		"F4": "31/02/2025",
	}))
	_, err := workbook.ReadReview(bytes.NewReader(xlsx))
	var errs workbook.ReviewErrors
	require.ErrorAs(t, err, &errs)
	var cells []string
	for _, e := range errs {
		assert.Equal(t, workbook.ReviewSheet, e.Sheet)
		cells = append(cells, e.Cell)
	}
	assert.Equal(t, []string{"D2", "F3", "F4", "D4", "D5"}, cells)
	assert.ErrorContains(t, err, `sheet "Review" cell D2: "maybe" is not a charging decision; choose one of "charge", "no further action"`)
	assert.ErrorContains(t, err, `sheet "Review" cell F3: "next week" is not a date`)
	assert.ErrorContains(t, err, `cell D5: "charge" is not a disclosure decision`)
}

func TestReadReviewRefusesAWorkbookThatIsNotOurs(t *testing.T) {
	plain := wbBuild(t, func(wb *xlsxdoc.Workbook) error {
		_, err := wb.AddSheet("Review", xlsxdoc.SheetOptions{})
		return err
	})
	ours := wbWrite(t, wbFixture())
	tests := []struct {
		name  string
		input []byte
		want  error
		msg   string
	}{
		{"a workbook with no metadata", plain, workbook.ErrNotReview, `no "spokit" sheet`},
		{"another format", wbEdit(t, ours, func(f *excelize.File) error {
			return f.SetCellValue("spokit", "B1", "spokit.review/v0")
		}), workbook.ErrNotReview, `its format is "spokit.review/v0"`},
		{"not a workbook at all", []byte("%PDF-1.7\n"), xlsxdoc.ErrNotWorkbook, "not an XLSX workbook"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := workbook.ReadReview(bytes.NewReader(tt.input))
			require.ErrorIs(t, err, tt.want)
			assert.ErrorContains(t, err, tt.msg)
		})
	}
}

func TestReadReviewRefusesAChangedLayout(t *testing.T) {
	ours := wbWrite(t, wbFixture())
	tests := []struct {
		name   string
		change func(f *excelize.File) error
		msg    string
	}{
		{"a renamed column", func(f *excelize.File) error { return f.SetCellValue("Review", "D1", "Outcome") },
			`sheet "Review" cell D1 should be the column "Decision", but is "Outcome"`},
		{"a removed column", func(f *excelize.File) error { return f.RemoveCol("Review", "C") },
			`cell C1 should be the column "Subject", but is "Decision"`},
		{"a renamed sheet", func(f *excelize.File) error { return f.SetSheetName("Review", "Decisions") },
			`there is no sheet named "Review"`},
		{"another layout version", func(f *excelize.File) error { return f.SetCellValue("spokit", "B2", "2") },
			`layout version "2"; this version of spokit reads layout 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := workbook.ReadReview(bytes.NewReader(wbEdit(t, ours, tt.change)))
			require.ErrorIs(t, err, workbook.ErrReviewLayout)
			assert.ErrorContains(t, err, tt.msg)
		})
	}
}

func TestReadReviewRefusesAnOversizedInputWithoutReadingIt(t *testing.T) {
	huge := io.LimitReader(wbZeros{}, workbook.MaxReviewSize+1)
	_, err := workbook.ReadReview(huge)
	require.ErrorIs(t, err, xlsxdoc.ErrTooLarge)
}

type wbZeros struct{}

func (wbZeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestReadReviewLeavesNothingInTmpDir(t *testing.T) {
	if os.Getenv("SPOKIT_SCALE") != "1" {
		t.Skip("scale test (a 20,000-occasion workbook, big enough to be unpacked to disk): set SPOKIT_SCALE=1")
	}
	dir := t.TempDir()
	_, err := workbook.ReadReview(bytes.NewReader(wbWrite(t, wbBigCase(20_000))), workbook.ReviewOptions{TmpDir: dir})
	require.NoError(t, err)
	left, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, left)
}

func TestReviewErrorsAreFoundWithErrorsAs(t *testing.T) {
	xlsx := wbEdit(t, wbWrite(t, wbFixture()), wbFill(map[string]any{"D2": "maybe"}))
	_, err := workbook.ReadReview(bytes.NewReader(xlsx))
	var errs workbook.ReviewErrors
	require.True(t, errors.As(err, &errs))
	assert.Equal(t, workbook.ReviewCellError{Sheet: "Review", Cell: "D2",
		Message: `"maybe" is not a charging decision; choose one of "charge", "no further action", "further evidence needed", "out of court disposal"`}, errs[0])
}

// build writes a workbook with xlsxdoc directly: one that is not ours.
func wbBuild(t testing.TB, add func(*xlsxdoc.Workbook) error) []byte {
	t.Helper()
	wb, err := xlsxdoc.New(xlsxdoc.Options{})
	require.NoError(t, err)
	defer wb.Close()
	require.NoError(t, add(wb))
	var out bytes.Buffer
	require.NoError(t, wb.Write(&out))
	return out.Bytes()
}

func TestReadReviewReadsAWorkbookFilledInAndSavedByOpenpyxl(t *testing.T) {
	saved := realclient.OpenpyxlEdit(t, wbWrite(t, wbFixture()), `
ws = wb["Review"]
ws["D2"] = "charge"
ws["E2"] = "Priya Shah"
ws["F2"] = datetime.date(2025, 6, 23)
ws["G2"] = "Enough for the full code test."
ws["D3"] = "further evidence needed"
ws["E3"] = "Priya Shah"
ws["F3"] = datetime.datetime(2025, 6, 24, 15, 30)
ws["D5"] = "do not disclose"
ws["F5"] = datetime.date(2025, 6, 25)
`)
	rv, err := workbook.ReadReview(bytes.NewReader(saved), workbook.ReviewOptions{TmpDir: t.TempDir()})
	require.NoError(t, err)
	assert.Equal(t, &workbook.Review{
		URN: "07CW0456125",
		Charges: []workbook.ChargeReview{
			{Charge: "C1", Decision: workbook.ReviewCharge, Reviewer: "Priya Shah", Date: wbYMD("2025-06-23"), Comments: "Enough for the full code test."},
			{Charge: "C2", Decision: workbook.ReviewFurtherEvidence, Reviewer: "Priya Shah", Date: wbYMD("2025-06-24")},
		},
		Unused: []workbook.UnusedReview{
			{Item: "U1"},
			{Item: "U3", Decision: workbook.ReviewDoNotDisclose, Date: wbYMD("2025-06-25")},
		},
	}, rv)
}

func TestReadReviewReportsABadValueSavedByOpenpyxl(t *testing.T) {
	saved := realclient.OpenpyxlEdit(t, wbWrite(t, wbFixture()), `
ws = wb["Review"]
ws["D2"] = "probably"
ws["F4"] = "tomorrow"
`)
	_, err := workbook.ReadReview(bytes.NewReader(saved))
	var errs workbook.ReviewErrors
	require.ErrorAs(t, err, &errs)
	require.Len(t, errs, 2)
	assert.Equal(t, []string{"D2", "F4"}, []string{errs[0].Cell, errs[1].Cell})
}

func TestReadReviewReadsAWorkbookResavedByLibreOffice(t *testing.T) {
	filled := realclient.OpenpyxlEdit(t, wbWrite(t, wbFixture()), `
ws = wb["Review"]
ws["D2"] = "out of court disposal"
ws["E2"] = "Priya Shah"
ws["F2"] = datetime.date(2025, 6, 23)
ws["G2"] = "Victim's views sought."
ws["D4"] = "inspect"
ws["A6"] = "unused"
ws["B6"] = "U9"
ws["C6"] = "Phone download scheduled after the file was built"
ws["D6"] = "disclose"
ws["A7"] = "charge"
ws["B7"] = "C3"
ws["D7"] = "no further action"
ws["E7"] = "Priya Shah"
`)
	resaved := realclient.LibreOfficeResave(t, filled)
	rv, err := workbook.ReadReview(bytes.NewReader(resaved), workbook.ReviewOptions{TmpDir: t.TempDir()})
	require.NoError(t, err)
	assert.Equal(t, &workbook.Review{
		URN: "07CW0456125",
		Charges: []workbook.ChargeReview{
			{Charge: "C1", Decision: workbook.ReviewOutOfCourt, Reviewer: "Priya Shah", Date: wbYMD("2025-06-23"), Comments: "Victim's views sought."},
			{Charge: "C2"},
			{Charge: "C3", Decision: workbook.ReviewNoFurtherAction, Reviewer: "Priya Shah"},
		},
		Unused: []workbook.UnusedReview{{Item: "U1", Decision: workbook.ReviewInspect}, {Item: "U3"}, {Item: "U9", Decision: workbook.ReviewDisclose}},
	}, rv, "the spare rows are read like the listed ones")
}
