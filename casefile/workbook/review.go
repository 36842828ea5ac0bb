package workbook

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spokit/spokit/casefile"

	"github.com/spokit/spokit/internal/xlsxdoc"
)

// ReviewFormat identifies a workbook spokit wrote for review; it is kept in
// the workbook's hidden "spokit" sheet with the layout version, the
// workbook's kind and the case URN.
const ReviewFormat = "spokit.review/v1"

// ReviewLayout is the version of the Review sheet's layout. ReadReview reads
// this version only, so a workbook from a spokit with another layout is
// refused rather than misread.
const ReviewLayout = 1

// MaxReviewSize is the largest workbook ReadReview reads: 64 MiB.
const MaxReviewSize = 64 << 20

// ChargeDecision is the CPS decision on a charge recorded in the Review
// sheet. The zero value means undecided.
type ChargeDecision string

// Charge decisions.
const (
	ReviewCharge          ChargeDecision = "charge"
	ReviewNoFurtherAction ChargeDecision = "no further action"
	ReviewFurtherEvidence ChargeDecision = "further evidence needed"
	ReviewOutOfCourt      ChargeDecision = "out of court disposal"
)

// Values lists every ChargeDecision, as the Review sheet's list offers them.
func (ChargeDecision) Values() []string {
	return []string{string(ReviewCharge), string(ReviewNoFurtherAction), string(ReviewFurtherEvidence), string(ReviewOutOfCourt)}
}

// DisclosureDecision is the prosecutor's decision on an unused item. The
// zero value means undecided.
type DisclosureDecision string

// Disclosure decisions. ReviewPIIApplication (the item meets the test for
// disclosure but is sensitive, so the court is asked to rule on public
// interest immunity) is offered for sensitive items only.
const (
	ReviewDisclose       DisclosureDecision = "disclose"
	ReviewDoNotDisclose  DisclosureDecision = "do not disclose"
	ReviewInspect        DisclosureDecision = "inspect"
	ReviewPIIApplication DisclosureDecision = "PII application"
)

// Values lists the DisclosureDecisions for non-sensitive items.
func (DisclosureDecision) Values() []string {
	return []string{string(ReviewDisclose), string(ReviewDoNotDisclose), string(ReviewInspect)}
}

// Review is what the reviewing lawyer recorded in a workbook's Review sheet.
type Review struct {
	URN string `json:"urn"`
	// Sensitive is set for the sensitive unused material workbook.
	Sensitive bool           `json:"sensitive"`
	Charges   []ChargeReview `json:"charges"`
	Unused    []UnusedReview `json:"unused"`
}

// ChargeReview is the decision on one charge. An empty Decision means the
// row is undecided.
type ChargeReview struct {
	Charge   string         `json:"charge"`
	Decision ChargeDecision `json:"decision"`
	Reviewer string         `json:"reviewer"`
	Date     casefile.Date  `json:"date,omitzero"`
	Comments string         `json:"comments"`
}

// UnusedReview is the decision on one unused item. An empty Decision means
// the row is undecided.
type UnusedReview struct {
	Item     string             `json:"item"`
	Decision DisclosureDecision `json:"decision"`
	Reviewer string             `json:"reviewer"`
	Date     casefile.Date      `json:"date,omitzero"`
	Comments string             `json:"comments"`
}

// ReviewOptions control ReadReview.
type ReviewOptions struct {
	// TmpDir is where large parts of the workbook may be unpacked while it
	// is read. They hold case data, so give a private directory; empty
	// means the system's temporary directory. The files are removed before
	// ReadReview returns.
	TmpDir string
}

// ErrNotReview is returned (wrapped) by ReadReview for a workbook spokit did
// not write for review.
var ErrNotReview = errors.New("not a spokit review workbook")

// ErrReviewLayout is returned (wrapped) by ReadReview when the workbook is
// ours but its layout is not the one this version reads: a sheet or column
// is missing, renamed or moved, or the layout version differs.
var ErrReviewLayout = errors.New("the review workbook's layout has changed")

// ReviewCellError is one value in the Review sheet that cannot be read.
type ReviewCellError struct {
	Sheet, Cell, Message string
}

func (e ReviewCellError) String() string {
	return fmt.Sprintf("sheet %q cell %s: %s", e.Sheet, e.Cell, e.Message)
}

// ReviewErrors is every value ReadReview could not read, in sheet order.
// Use errors.As to get it from ReadReview's error.
type ReviewErrors []ReviewCellError

// Error lists the problems, one per line.
func (es ReviewErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.String()
	}
	return "the review cannot be read:\n  " + strings.Join(lines, "\n  ")
}

// The Review sheet's columns, in order.
var reviewColumns = []string{"Type", "ID", "Subject", "Decision", "Reviewer", "Date", "Comments"}

var reviewWidths = []float64{9, 8, 60, 24, 22, 12, 50}

const (
	colType = iota
	colID
	colSubject
	colDecision
	colReviewer
	colDate
	colComments
)

// Values of the Review sheet's Type column.
const (
	reviewCharge = "charge"
	reviewUnused = "unused"
)

// Keys of the hidden metadata sheet, and the kinds of workbook.
const (
	metaFormat          = "format"
	metaLayout          = "layout"
	metaWorkbook        = "workbook"
	metaURN             = "urn"
	metaAsOf            = "as_of"
	workbookProsecution = "prosecution"
	workbookSensitive   = "sensitive"
)

// ReadReview reads back the decisions recorded in a workbook written by
// Write or WriteSensitive, after the reviewer has filled in
// its Review sheet in Excel, LibreOffice or another spreadsheet program.
// Rows with no decision are undecided, not errors. It refuses a workbook that
// is not ours (ErrNotReview), one whose layout has changed (ErrReviewLayout)
// and one larger than MaxReviewSize; values it cannot read (a decision not
// in the list, a date that is not a date) are reported together as
// ReviewErrors, each naming its cell. At most one ReviewOptions is used.
func ReadReview(r io.Reader, opts ...ReviewOptions) (*Review, error) {
	var o ReviewOptions
	if len(opts) > 0 {
		o = opts[0]
	}
	book, err := xlsxdoc.Open(r, xlsxdoc.ReadOptions{TmpDir: o.TmpDir, MaxSize: MaxReviewSize})
	if err != nil {
		return nil, fmt.Errorf("reading the review workbook: %w", err)
	}
	defer book.Close()
	rv, err := readReview(book)
	if err != nil {
		return nil, err
	}
	if err := book.Close(); err != nil {
		return nil, fmt.Errorf("reading the review workbook: %w", err)
	}
	return rv, nil
}

func readReview(book *xlsxdoc.Book) (*Review, error) {
	meta, err := readMetadata(book)
	if err != nil {
		return nil, err
	}
	rv := &Review{URN: meta[metaURN], Sensitive: meta[metaWorkbook] == workbookSensitive,
		Charges: []ChargeReview{}, Unused: []UnusedReview{}}
	rows, err := book.Rows(ReviewSheet)
	if errors.Is(err, xlsxdoc.ErrNoSheet) {
		return nil, fmt.Errorf("%w: there is no sheet named %q", ErrReviewLayout, ReviewSheet)
	}
	if err != nil {
		return nil, fmt.Errorf("reading the review workbook: %w", err)
	}
	if err := checkReviewHeader(rows); err != nil {
		return nil, err
	}
	disclosure := DisclosureDecision("").Values()
	if rv.Sensitive {
		disclosure = append(disclosure, string(ReviewPIIApplication))
	}
	var errs ReviewErrors
	fail := func(col, row int, format string, args ...any) {
		errs = append(errs, ReviewCellError{Sheet: ReviewSheet, Cell: wbCell(col, row), Message: fmt.Sprintf(format, args...)})
	}
	for i, row := range rows[1:] {
		n := i + 2 // the sheet's row number
		get := func(col int) string {
			if col < len(row) {
				return strings.TrimSpace(row[col])
			}
			return ""
		}
		kind, id := get(colType), get(colID)
		if kind == "" && id == "" && get(colDecision) == "" && get(colReviewer) == "" && get(colDate) == "" && get(colComments) == "" {
			continue // a row left blank, e.g. by a program that pads the sheet
		}
		if id == "" {
			fail(colID, n, "the row has no %s", reviewColumns[colID])
		}
		date, err := readReviewDate(get(colDate))
		if err != nil {
			fail(colDate, n, "%v", err)
		}
		switch kind {
		case reviewCharge:
			if rv.Sensitive {
				fail(colType, n, "the sensitive material workbook has no charge rows")
			}
			d, ok := matchDecision(get(colDecision), ChargeDecision("").Values())
			if !ok {
				fail(colDecision, n, "%q is not a charging decision; choose one of %s", get(colDecision), quoteList(ChargeDecision("").Values()))
			}
			rv.Charges = append(rv.Charges, ChargeReview{Charge: id, Decision: ChargeDecision(d), Reviewer: get(colReviewer), Date: date, Comments: get(colComments)})
		case reviewUnused:
			d, ok := matchDecision(get(colDecision), disclosure)
			if !ok {
				fail(colDecision, n, "%q is not a disclosure decision; choose one of %s", get(colDecision), quoteList(disclosure))
			}
			rv.Unused = append(rv.Unused, UnusedReview{Item: id, Decision: DisclosureDecision(d), Reviewer: get(colReviewer), Date: date, Comments: get(colComments)})
		default:
			fail(colType, n, "%q is not a row type; the type is %q or %q", kind, reviewCharge, reviewUnused)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return rv, nil
}

// readMetadata checks the hidden sheet says the workbook is ours, in the
// layout this version reads, and returns its keys and values.
func readMetadata(book *xlsxdoc.Book) (map[string]string, error) {
	rows, err := book.Rows(metadataSheet)
	if errors.Is(err, xlsxdoc.ErrNoSheet) {
		return nil, fmt.Errorf("%w: it has no %q sheet identifying it", ErrNotReview, metadataSheet)
	}
	if err != nil {
		return nil, fmt.Errorf("reading the review workbook: %w", err)
	}
	meta := map[string]string{}
	for _, row := range rows {
		if len(row) >= 2 {
			meta[strings.TrimSpace(row[0])] = strings.TrimSpace(row[1])
		}
	}
	if meta[metaFormat] != ReviewFormat {
		return nil, fmt.Errorf("%w: its format is %q, not %q", ErrNotReview, meta[metaFormat], ReviewFormat)
	}
	if meta[metaLayout] != strconv.Itoa(ReviewLayout) {
		return nil, fmt.Errorf("%w: layout version %q; this version of spokit reads layout %d", ErrReviewLayout, meta[metaLayout], ReviewLayout)
	}
	if k := meta[metaWorkbook]; k != workbookProsecution && k != workbookSensitive {
		return nil, fmt.Errorf("%w: unknown kind of workbook %q", ErrReviewLayout, k)
	}
	return meta, nil
}

// checkReviewHeader checks each column of the Review sheet is where and
// what this version wrote.
func checkReviewHeader(rows [][]string) error {
	var header []string
	if len(rows) > 0 {
		header = rows[0]
	}
	for col, want := range reviewColumns {
		got := ""
		if col < len(header) {
			got = strings.TrimSpace(header[col])
		}
		if got != want {
			return fmt.Errorf("%w: sheet %q cell %s should be the column %q, but is %q", ErrReviewLayout, ReviewSheet, wbCell(col, 1), want, got)
		}
	}
	return nil
}

// matchDecision returns the listed decision that v is (ignoring case, as a
// reviewer typing into a program that ignores the list may vary it), or ""
// for an undecided blank; ok is false for anything else.
func matchDecision(v string, list []string) (string, bool) {
	if v == "" {
		return "", true
	}
	for _, d := range list {
		if strings.EqualFold(v, d) {
			return d, true
		}
	}
	return "", false
}

func readReviewDate(raw string) (casefile.Date, error) {
	if raw == "" {
		return casefile.Date{}, nil
	}
	d, err := xlsxdoc.ParseDate(raw)
	if err != nil {
		return casefile.Date{}, err
	}
	return casefile.NewDate(d.Year, d.Month, d.Day), nil
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}
