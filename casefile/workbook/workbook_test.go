package workbook_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/spokit/spokit/casefile/screen"

	"github.com/spokit/spokit/casefile/workbook"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/spokit/spokit/internal/xlsxdoc"
	"github.com/spokit/spokit/templates"
)

func wbYMD(s string) casefile.Date {
	d, err := casefile.ParseDate(s)
	if err != nil {
		panic(err) // the tests' own literals
	}
	return d
}

// wbFormulaName is a name that would be a live link if a spreadsheet took it
// for a formula.
const wbFormulaName = `=HYPERLINK("http://x","y")`

// wbFixture is a small fictional case with what the sample lacks: a stalking
// charge near its time limit, a victim who is not first in date order, a
// witness whose name looks like a formula, a sensitive exhibit, and sensitive
// and non-sensitive unused material.
func wbFixture() *casefile.Case {
	return &casefile.Case{
		Format: casefile.FormatV1, URN: "07CW0456125", AsOf: wbYMD("2025-06-20"),
		Force:         casefile.Force{Name: "Cheshire Constabulary", Code: "07"},
		OfficerInCase: "O1",
		People: []casefile.Person{
			{ID: "V1", Role: casefile.RoleVictim, Forenames: "Ffion", Surname: "Hale", Phone: "07700 900123",
				Email: "ffion@example.org", Address: "1 Fictional Row\nWidnes WA8 0ZZ", DateOfBirth: wbYMD("1990-04-03"),
				Vulnerable: true, SpecialMeasures: []string{"live link"}, DatesToAvoid: []casefile.Date{wbYMD("2025-07-01")}},
			{ID: "S1", Role: casefile.RoleSuspect, Forenames: "Gareth", Surname: "Lund", DateOfBirth: wbYMD("1985-09-12")},
			{ID: "W1", Role: casefile.RoleWitness, Forenames: wbFormulaName, Surname: "+Smith"},
			{ID: "O1", Role: casefile.RoleOfficer, Forenames: "Nia", Surname: "Carver", Rank: "DC", Number: "3301"},
		},
		Incidents: []casefile.Incident{
			{ID: "I2", Date: wbYMD("2025-01-02"), Time: casefile.Clock{Hour: 9, Minute: 5, Set: true}, Behaviours: []casefile.Behaviour{casefile.Following},
				Description: "-Followed her to work.", Victims: []string{"V1"}, Statements: []string{"ST1"}, Exhibits: []string{"NC/1"}},
			{ID: "I1", Date: wbYMD("2024-12-25"), Behaviours: []casefile.Behaviour{casefile.Contacting, casefile.Threats},
				Description: "@Sent messages on Christmas Day.", Victims: []string{"V1"}, Online: true, VictimFearedViolence: true,
				Statements: []string{"ST1", "ST2"}},
			{ID: "I3", Date: wbYMD("2025-01-02"), Time: casefile.Clock{Hour: 8, Minute: 0, Set: true}, Behaviours: []casefile.Behaviour{casefile.Watching},
				Description: "Waited outside her home.", Victims: []string{"V1"}},
		},
		Statements: []casefile.Statement{
			{ID: "ST1", Person: "V1", Date: wbYMD("2025-01-10")},
			{ID: "ST2", Person: "W1", Date: wbYMD("2025-01-11")},
		},
		Exhibits: []casefile.Exhibit{
			{Ref: "NC/1", Description: "Doorbell camera still", ProducedBy: "O1", SeizedDate: wbYMD("2025-01-10")},
			{Ref: "NC/2", Description: "Informant contact log", ProducedBy: "O1", Sensitive: true},
		},
		UnusedMaterial: []casefile.UnusedItem{
			{ID: "U1", Description: "CCTV from the bus station, showing nothing relevant", Location: "Widnes station"},
			{ID: "U2", Description: "Covert source report", Location: "Force intelligence bureau", Sensitive: true, Reason: "Would reveal a source"},
			{ID: "U3", Description: "Her earlier complaint about a neighbour", Location: "Widnes station", UnderminesOrAssists: true},
		},
		Charges: []casefile.Charge{
			{ID: "C1", Offence: casefile.Stalking, Victims: []string{"V1"}, Status: casefile.Proposed},
			{ID: "C2", Offence: casefile.MaliciousComms, Victims: []string{"V1"}, Status: casefile.Proposed},
		},
	}
}

// writeWorkbook writes c's prosecution workbook with its own report.
func wbWrite(t testing.TB, c *casefile.Case) []byte {
	t.Helper()
	var out bytes.Buffer
	require.NoError(t, workbook.Write(&out, c, casefile.Validate(c, casefile.Options{}), workbook.Options{TmpDir: t.TempDir()}))
	return out.Bytes()
}

func wbWriteSensitive(t testing.TB, c *casefile.Case) []byte {
	t.Helper()
	var out bytes.Buffer
	require.NoError(t, workbook.WriteSensitive(&out, c, workbook.Options{TmpDir: t.TempDir()}))
	return out.Bytes()
}

// sheetRows returns one sheet's stored values.
func wbSheetRows(t testing.TB, xlsx []byte, sheet string) [][]string {
	t.Helper()
	book, err := xlsxdoc.Open(bytes.NewReader(xlsx), xlsxdoc.ReadOptions{TmpDir: t.TempDir()})
	require.NoError(t, err)
	defer book.Close()
	rows, err := book.Rows(sheet)
	require.NoError(t, err)
	return rows
}

// column returns the values of the named column below the header.
func wbColumn(t testing.TB, rows [][]string, header string) []string {
	t.Helper()
	col := -1
	for i, h := range rows[0] {
		if h == header {
			col = i
		}
	}
	require.GreaterOrEqual(t, col, 0, "no column %q in %q", header, rows[0])
	var out []string
	for _, r := range rows[1:] {
		v := ""
		if col < len(r) {
			v = r[col]
		}
		out = append(out, v)
	}
	return out
}

// zipParts returns every part of the package by name.
func wbZipParts(t testing.TB, xlsx []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	require.NoError(t, err)
	parts := map[string]string{}
	for _, f := range zr.File {
		r, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(r)
		require.NoError(t, err)
		r.Close()
		parts[f.Name] = string(b)
	}
	return parts
}

// sheetPart returns the XML part of the named sheet.
func wbSheetPart(t testing.TB, xlsx []byte, sheet string) string {
	t.Helper()
	parts := wbZipParts(t, xlsx)
	ids := regexp.MustCompile(`<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"`).FindAllStringSubmatch(parts["xl/workbook.xml"], -1)
	for _, m := range ids {
		if m[1] != sheet {
			continue
		}
		target := regexp.MustCompile(`Id="` + m[2] + `" Target="([^"]+)"|Target="([^"]+)"[^>]*Id="` + m[2] + `"`).FindStringSubmatch(parts["xl/_rels/workbook.xml.rels"])
		require.NotNil(t, target)
		name := target[1] + target[2]
		return parts["xl/"+strings.TrimPrefix(name, "/xl/")]
	}
	t.Fatalf("no sheet %q", sheet)
	return ""
}

// serial is a date's Excel day number.
func wbSerial(d casefile.Date) string {
	return strconv.Itoa(int(d.Time().Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24))
}

func TestWorkbookHasItsSheetsInOrderWithTheMetadataHidden(t *testing.T) {
	c, files := casefile.Sample()
	var out bytes.Buffer
	require.NoError(t, workbook.Write(&out, c, casefile.Validate(c, casefile.Options{Files: files}), workbook.Options{}))
	book := wbZipParts(t, out.Bytes())["xl/workbook.xml"]
	names := regexp.MustCompile(`<sheet name="([^"]+)"`).FindAllStringSubmatch(book, -1)
	var got []string
	for _, n := range names {
		got = append(got, n[1])
	}
	assert.Equal(t, []string{"Summary", "Review", "Charges", "Screening", "Chronology", "Acts by month", "Witnesses", "Exhibits", "Unused", "Findings", "spokit"}, got)
	assert.Regexp(t, `<sheet name="spokit" [^>]*state="hidden"`, book)
	assert.Equal(t, [][]string{{"format", workbook.ReviewFormat}, {"layout", "1"}, {"workbook", "prosecution"}, {"urn", c.URN}, {"as_of", "2026-03-02"}},
		wbSheetRows(t, out.Bytes(), "spokit"))
}

func TestWorkbookSummaryListsTheCasePartiesChargesAndFindingCounts(t *testing.T) {
	c := wbFixture()
	r := casefile.Validate(c, casefile.Options{})
	xlsx := wbWrite(t, c)
	rows := wbSheetRows(t, xlsx, workbook.SummarySheet)
	find := func(label string) []string {
		for _, r := range rows {
			if len(r) > 0 && r[0] == label {
				return r
			}
		}
		t.Fatalf("no row %q in the summary", label)
		return nil
	}
	assert.Equal(t, "OFFICIAL-SENSITIVE", rows[0][0])
	assert.Equal(t, "07CW0456125", find("URN")[1])
	assert.Equal(t, "Cheshire Constabulary (force 07)", find("Force")[1])
	assert.Equal(t, "DC Nia Carver 3301", find("Officer in the case")[1])
	assert.Equal(t, wbSerial(c.AsOf), find("Judged as of")[1])
	assert.Equal(t, []string{"Ffion Hale", "victim"}, find("Ffion Hale"))
	assert.Equal(t, []string{"Gareth Lund", "suspect"}, find("Gareth Lund"))
	assert.Equal(t, []string{wbFormulaName + " +Smith", "witness"}, find(wbFormulaName+" +Smith"))
	assert.Equal(t, "stalking, PHA 1997 s.2A", find("C1")[1])
	assert.Equal(t, "proposed", find("C1")[3])
	assert.Equal(t, strconv.Itoa(r.Count(casefile.Error)), find("Errors")[1])
	assert.Equal(t, strconv.Itoa(r.Count(casefile.Warning)), find("Warnings")[1])
	assert.Equal(t, strconv.Itoa(r.Count(casefile.Info)), find("Information")[1])
}

func TestWorkbookLeavesOutContactDetailsDatesOfBirthAndSensitiveMaterial(t *testing.T) {
	c := wbFixture()
	for name, part := range wbZipParts(t, wbWrite(t, c)) {
		for _, secret := range []string{"07700 900123", "ffion@example.org", "Fictional Row", "WA8 0ZZ",
			"Covert source report", "Would reveal a source", "Force intelligence bureau"} {
			assert.NotContains(t, part, secret, "part %s", name)
		}
		for _, p := range c.People {
			if !p.DateOfBirth.IsZero() {
				assert.NotContains(t, part, "<v>"+wbSerial(p.DateOfBirth)+"</v>", "date of birth in part %s", name)
			}
		}
	}
}

func TestSensitiveWorkbookHoldsOnlyTheMG6DItems(t *testing.T) {
	c := wbFixture()
	assert.True(t, workbook.HasSensitiveUnused(c))
	xlsx := wbWriteSensitive(t, c)
	rows := wbSheetRows(t, xlsx, workbook.SensitiveSheet)
	assert.Equal(t, [][]string{
		{"No.", "Item", "Description", "Location", "Reason for sensitivity", "Might undermine or assist"},
		{"1", "U2", "Covert source report", "Force intelligence bureau", "Would reveal a source", "No"},
	}, rows)
	review := wbSheetRows(t, xlsx, workbook.ReviewSheet)
	assert.Equal(t, []string{"unused", "U2", "Covert source report"}, review[1])
	assert.Len(t, review, 2, "no charge rows and no non-sensitive items")
	for name, part := range wbZipParts(t, xlsx) {
		assert.NotContains(t, part, "CCTV from the bus station", "part %s", name)
	}
	assert.Contains(t, wbSheetPart(t, xlsx, workbook.ReviewSheet), `<formula1>"disclose,do not disclose,inspect,PII application"</formula1>`)
	assert.Equal(t, "sensitive", wbSheetRows(t, xlsx, "spokit")[2][1])
}

func TestSensitiveWorkbookWithNoItemsIsANilSchedule(t *testing.T) {
	c := wbFixture()
	c.UnusedMaterial = c.UnusedMaterial[:1]
	assert.False(t, workbook.HasSensitiveUnused(c))
	xlsx := wbWriteSensitive(t, c)
	assert.Len(t, wbSheetRows(t, xlsx, workbook.SensitiveSheet), 1, "the header only")
	assert.Contains(t, fmt.Sprint(wbSheetRows(t, xlsx, workbook.SummarySheet)), "Nil schedule")
}

func TestChronologyFollowsTheIndexOrderWithDatesGapsAndBehaviours(t *testing.T) {
	c := wbFixture()
	xlsx := wbWrite(t, c)
	rows := wbSheetRows(t, xlsx, workbook.ChronologySheet)
	assert.Equal(t, []string{"I1", "I3", "I2"}, wbColumn(t, rows, "Incident"), "Index.Chronology order")
	assert.Equal(t, []string{wbSerial(wbYMD("2024-12-25")), wbSerial(wbYMD("2025-01-02")), wbSerial(wbYMD("2025-01-02"))}, wbColumn(t, rows, "Date"))
	assert.Equal(t, []string{"", "08:00", "09:05"}, wbColumn(t, rows, "Time"))
	assert.Equal(t, []string{"", "8", "0"}, wbColumn(t, rows, "Days since previous"))
	assert.Equal(t, []string{"Yes", "No", "No"}, wbColumn(t, rows, "Online"))
	assert.Equal(t, []string{"x", "", ""}, wbColumn(t, rows, "Contacting"))
	assert.Equal(t, []string{"x", "", ""}, wbColumn(t, rows, "Threats"))
	assert.Equal(t, []string{"", "x", ""}, wbColumn(t, rows, "Watching"))
	assert.Equal(t, []string{"", "", "x"}, wbColumn(t, rows, "Following"))
	assert.Equal(t, []string{"Ffion Hale", "Ffion Hale", "Ffion Hale"}, wbColumn(t, rows, "Victims"))
	assert.Equal(t, []string{"Yes", "No", "No"}, wbColumn(t, rows, "Feared violence"))
	assert.Equal(t, []string{"ST1, ST2", "", "ST1"}, wbColumn(t, rows, "Statements"))
	assert.Equal(t, []string{"", "", "NC/1"}, wbColumn(t, rows, "Exhibits"))
	assert.Equal(t, "@Sent messages on Christmas Day.", wbColumn(t, rows, "Description")[0])

	sheet := wbSheetPart(t, xlsx, workbook.ChronologySheet)
	assert.Contains(t, sheet, `state="frozen"`)
	assert.Contains(t, sheet, `<tableParts count="1">`)
	table := wbZipParts(t, xlsx)
	var found bool
	for name, part := range table {
		if strings.HasPrefix(name, "xl/tables/") && strings.Contains(part, `name="Chronology"`) {
			found = true
			assert.Contains(t, part, `ref="A1:X4"`)
			assert.Contains(t, part, `<autoFilter ref="A1:X4"`)
		}
	}
	assert.True(t, found, "the chronology is an Excel table")
}

func TestChargesSheetShowsEachElementWithItsEvidenceAndDeadline(t *testing.T) {
	c := wbFixture()
	xlsx := wbWrite(t, c)
	rows := wbSheetRows(t, xlsx, workbook.ChargesSheet)
	x := casefile.NewIndex(c)
	a := x.Assess(&c.Charges[0], "V1", c.AsOf)
	require.Len(t, rows, 1+len(a.Elements)+1, "C1's elements and one row for C2")
	for i, e := range a.Elements {
		row := rows[1+i]
		assert.Equal(t, []string{"C1", "stalking, PHA 1997 s.2A", "Ffion Hale", e.Name}, row[:4])
		assert.Equal(t, e.Detail, row[5])
		assert.Equal(t, strings.Join(e.Incidents, ", "), row[6])
		assert.Equal(t, e.Citation, row[10])
	}
	occasions := rows[1]
	assert.Equal(t, []string{"Met", "I1, I3, I2", "ST1, ST2", "NC/1"}, []string{occasions[4], occasions[6], occasions[7], occasions[8]})
	limit := rows[len(a.Elements)]
	assert.Equal(t, "Charged within 6 months of the last occasion", limit[3])
	assert.Equal(t, "Met", limit[4], "six months from 2 January 2025 end on 2 July 2025")
	assert.Equal(t, wbSerial(wbYMD("2025-07-02")), limit[9], "within 28 days of as_of, so highlighted")
	assert.Equal(t, []string{"C2", "malicious communications, MCA 1988 s.1"}, rows[len(rows)-1][:2])

	sheet := wbSheetPart(t, xlsx, workbook.ChargesSheet)
	n := len(rows)
	assert.Contains(t, sheet, fmt.Sprintf(`<conditionalFormatting sqref="E2:E%d"><cfRule type="cellIs"`, n))
	assert.Contains(t, sheet, `<formula>&#34;Not met&#34;</formula>`)
	assert.Contains(t, sheet, fmt.Sprintf(`<conditionalFormatting sqref="J2:J%d"><cfRule type="expression"`, n))
	assert.Contains(t, sheet, fmt.Sprintf(`<formula>AND(ISNUMBER(J2),J2&lt;=%s)</formula>`, wbSerial(c.AsOf.AddDays(28))),
		"deadlines up to 28 days after as_of, and past ones, are highlighted")
}

func TestWitnessesExhibitsAndUnusedFollowMG9MG12AndMG6C(t *testing.T) {
	xlsx := wbWrite(t, wbFixture())
	assert.Equal(t, [][]string{
		{"No.", "Name", "Role", "Victim", "Vulnerable", "Intimidated", "Special measures", "Dates to avoid", "Statements"},
		{"1", "Ffion Hale", "victim", "Yes", "Yes", "No", "live link", "01/07/2025", "ST1 (10/01/2025)"},
		{"2", wbFormulaName + " +Smith", "witness", "No", "No", "No", "", "", "ST2 (11/01/2025)"},
	}, wbSheetRows(t, xlsx, workbook.WitnessesSheet))
	exhibits := wbSheetRows(t, xlsx, workbook.ExhibitsSheet)
	assert.Equal(t, []string{"NC/1", "Doorbell camera still", "Nia Carver", wbSerial(wbYMD("2025-01-10")), "", "No"}, exhibits[1])
	assert.Equal(t, []string{"NC/2", workbook.SensitiveExhibitMark + "Informant contact log", "Nia Carver", "", "", "Yes"}, exhibits[2])
	assert.Equal(t, [][]string{
		{"No.", "Item", "Description", "Location", "Might undermine or assist"},
		{"1", "U1", "CCTV from the bus station, showing nothing relevant", "Widnes station", "No"},
		{"2", "U3", "Her earlier complaint about a neighbour", "Widnes station", "Yes"},
	}, wbSheetRows(t, xlsx, workbook.UnusedSheet), "non-sensitive items only, numbered consecutively")
}

func TestFindingsSheetListsEveryFinding(t *testing.T) {
	c := wbFixture()
	r := casefile.Validate(c, casefile.Options{})
	require.NotEmpty(t, r.Findings)
	rows := wbSheetRows(t, wbWrite(t, c), workbook.FindingsSheet)
	require.Len(t, rows, 1+len(r.Findings))
	for i, f := range r.Findings {
		assert.Equal(t, []string{f.Severity.String(), f.Rule, f.Path, f.Message, f.Citation}, rows[1+i][:5])
	}
}

func TestActsByMonthCountsEachBehaviourAndIsCharted(t *testing.T) {
	xlsx := wbWrite(t, wbFixture())
	assert.Equal(t, [][]string{
		{"Month", "Following", "Contacting", "Watching", "Threats"},
		{"2024-12", "0", "1", "0", "1"},
		{"2025-01", "1", "0", "1", "0"},
	}, wbSheetRows(t, xlsx, workbook.ActsSheet))
	parts := wbZipParts(t, xlsx)
	chart := parts["xl/charts/chart1.xml"]
	require.NotEmpty(t, chart)
	assert.Contains(t, chart, `<grouping val="stacked">`)
	// Title, axis labels and legend in black, not excelize's pale grey.
	assert.GreaterOrEqual(t, strings.Count(chart, `<a:srgbClr val="000000">`), 4, "black labels")
	assert.Contains(t, chart, `<f>&#39;Acts by month&#39;!$B$2:$B$3</f>`)
	assert.Contains(t, chart, `<f>&#39;Acts by month&#39;!$E$1</f>`)
	assert.Contains(t, wbSheetPart(t, xlsx, workbook.ActsSheet), "<drawing ")
}

func TestReviewSheetOffersListsAndIsTheOnlyEditableSheet(t *testing.T) {
	xlsx := wbWrite(t, wbFixture())
	assert.Equal(t, [][]string{
		{"Type", "ID", "Subject", "Decision", "Reviewer", "Date", "Comments"},
		{"charge", "C1", "stalking, PHA 1997 s.2A against Ffion Hale (proposed)"},
		{"charge", "C2", "malicious communications, MCA 1988 s.1 against Ffion Hale (proposed)"},
		{"unused", "U1", "CCTV from the bus station, showing nothing relevant"},
		{"unused", "U3", "Her earlier complaint about a neighbour"},
	}, wbSheetRows(t, xlsx, workbook.ReviewSheet))
	review := wbSheetPart(t, xlsx, workbook.ReviewSheet)
	assert.Contains(t, review, `sqref="D2:D3" type="list"><formula1>"charge,no further action,further evidence needed,out of court disposal"</formula1>`)
	assert.Contains(t, review, `sqref="D4:D5" type="list"><formula1>"disclose,do not disclose,inspect"</formula1>`)
	assert.Contains(t, review, `sqref="F2:F15" type="date"`)
	assert.Contains(t, review, `sqref="A6:A15" type="list"><formula1>"charge,unused"</formula1>`)
	assert.Contains(t, review, `sqref="D6:D15" type="list"><formula1>"charge,no further action,further evidence needed,out of court disposal,disclose,do not disclose,inspect"</formula1>`)
	assert.Contains(t, review, `<autoFilter ref="$A$1:$G$15"`)
	for name, part := range wbZipParts(t, xlsx) {
		if strings.HasPrefix(name, "xl/worksheets/sheet") {
			assert.Contains(t, part, `<sheetProtection`, "%s is protected", name)
			assert.NotContains(t, part, `password=`, "%s has no password", name)
		}
	}
}

func TestFormulaLookingTextIsStoredAsText(t *testing.T) {
	xlsx := wbWrite(t, wbFixture())
	for name, part := range wbZipParts(t, xlsx) {
		if strings.HasPrefix(name, "xl/worksheets/") {
			assert.NotContains(t, part, "<f>", "%s holds a formula", name)
		}
	}
	summary := wbSheetPart(t, xlsx, workbook.SummarySheet)
	assert.Regexp(t, `<c r="A\d+" s="\d+" t="inlineStr"><is><t>=HYPERLINK\(&#34;http://x&#34;,&#34;y&#34;\) \+Smith</t></is></c>`, summary)
}

func TestWorkbookIsTheSameBytesEveryTime(t *testing.T) {
	c, files := casefile.Sample()
	build := func() []byte {
		var out bytes.Buffer
		require.NoError(t, workbook.Write(&out, c, casefile.Validate(c, casefile.Options{Files: files}), workbook.Options{TmpDir: t.TempDir()}))
		return out.Bytes()
	}
	first := build()
	for range 3 {
		require.True(t, bytes.Equal(first, build()), "two builds of the same case differ")
	}
	assert.Contains(t, wbZipParts(t, first)["docProps/core.xml"], `<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-02T00:00:00Z</dcterms:created>`,
		"the document date is the case's as_of, not the clock")
	assert.True(t, bytes.Equal(wbWriteSensitive(t, c), wbWriteSensitive(t, c)))
}

func TestScreeningSheetPutsTheCaveatFirstThenOneRowPerLine(t *testing.T) {
	northshire, err := templates.New(fstest.MapFS{"ours.tmpl": {Data: []byte(`{{define "screen.title"}}Northshire stalking screen{{end}}`)}})
	require.NoError(t, err)
	tests := []struct {
		name  string
		set   *templates.Set
		title string
	}{
		{name: "spokit's wording", title: "Stalking screening and triage"},
		{name: "a force's wording", set: northshire, title: "Northshire stalking screen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := wbFixture()
			var out bytes.Buffer
			require.NoError(t, workbook.Write(&out, c, nil, workbook.Options{TmpDir: t.TempDir(), Templates: tt.set}))
			set := tt.set
			if set == nil {
				set = templates.Default()
			}
			want, err := screen.Screen(c, casefile.Date{}).Report(set)
			require.NoError(t, err)
			rows := wbSheetRows(t, out.Bytes(), workbook.ScreeningSheet)
			require.Len(t, rows, 2+len(want.Lines()))
			assert.Equal(t, []string{"Part", "Screened for", "State", "Reasons, with the incidents each rests on", "Incidents"}, rows[0])
			assert.Equal(t, []string{tt.title, "", "", want.Caveat}, rows[1], "the caveat comes first")
			row := 2
			for _, sec := range want.Sections {
				for _, l := range sec.Lines {
					got := append(rows[row], make([]string, 5)...)[:5] // blank cells at the end are not stored
					assert.Equal(t, []string{sec.Heading, l.Label, l.StateText, l.Text, strings.Join(l.Incidents, ", ")}, got, "line %s", l.Key)
					row++
				}
			}
		})
	}
}

func TestScreeningSheetCountsIncidentsPastTheCellLimit(t *testing.T) {
	rows := wbSheetRows(t, wbWrite(t, wbBigCase(60)), workbook.ScreeningSheet)
	require.Greater(t, len(rows), 2)
	assert.Equal(t, "Repeated", rows[5][1], "the FOUR indicators open the lines")
	assert.True(t, strings.HasSuffix(rows[5][4], " and 10 more (see the Chronology sheet)"), rows[5][4])
}

func TestWorkbookOptionsAsOfOverridesTheCase(t *testing.T) {
	c := wbFixture()
	var out bytes.Buffer
	require.NoError(t, workbook.Write(&out, c, nil, workbook.Options{AsOf: wbYMD("2025-08-01")}))
	rows := wbSheetRows(t, out.Bytes(), workbook.ChargesSheet)
	assert.Equal(t, "Not met", rows[len(rows)-2][4], "the time limit passed on 2 July 2025")
	assert.Equal(t, "2025-08-01", wbSheetRows(t, out.Bytes(), "spokit")[4][1])
}

// bigCase is a case of n occasions of conduct, a year and more of them.
func wbBigCase(n int) *casefile.Case {
	c := wbFixture()
	c.Incidents = make([]casefile.Incident, n)
	start := wbYMD("2020-01-01")
	for i := range c.Incidents {
		c.Incidents[i] = casefile.Incident{
			ID: fmt.Sprintf("I%d", i+1), Date: start.AddDays(i / 40), Time: casefile.Clock{Hour: i % 24, Minute: i % 60, Set: true},
			Location:    "Widnes town centre",
			Behaviours:  []casefile.Behaviour{casefile.Contacting, casefile.Behaviour(casefile.Behaviour("").Values()[i%13])},
			Description: fmt.Sprintf("Occasion %d: sent a message saying he was watching her.", i+1),
			Victims:     []string{"V1"}, Statements: []string{"ST1"}, VictimFearedViolence: i%7 == 0,
		}
	}
	c.Charges[0].From = start
	return c
}

// wbProbe is the writer a workbook is written to. When the finished
// workbook is handed to it, every sheet has been streamed: it records the
// live heap then, and the temporary files the sheets spilled to.
type wbProbe struct {
	tmp     string
	heap    uint64
	spilled int
	out     bytes.Buffer
}

func (p *wbProbe) Write(b []byte) (int, error) {
	if p.out.Len() == 0 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		p.heap = m.HeapAlloc
		files, _ := os.ReadDir(p.tmp)
		p.spilled = len(files)
	}
	return p.out.Write(b)
}

func TestLargeCaseIsStreamedInBoundedMemory(t *testing.T) {
	if os.Getenv("SPOKIT_SCALE") != "1" {
		t.Skip("scale test (a 100,000-occasion workbook): set SPOKIT_SCALE=1")
	}
	tmp := t.TempDir()
	c := wbBigCase(100_000)
	probe := &wbProbe{tmp: tmp}
	require.NoError(t, workbook.Write(probe, c, casefile.Validate(c, casefile.Options{}), workbook.Options{TmpDir: tmp}))
	assert.Positive(t, probe.spilled, "the chronology spilled to TmpDir instead of memory")
	// Writing 100,000 rows cell by cell holds every cell in memory (about
	// 800 MB for this sheet); streamed, the live heap is the case itself and
	// the compressed output.
	assert.Less(t, probe.heap, uint64(300<<20), "live heap when the workbook is output: %d MiB", probe.heap>>20)
	zr, err := zip.NewReader(bytes.NewReader(probe.out.Bytes()), int64(probe.out.Len()))
	require.NoError(t, err)
	tables := 0
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/tables/") {
			r, err := f.Open()
			require.NoError(t, err)
			b, err := io.ReadAll(r)
			require.NoError(t, err)
			if bytes.Contains(b, []byte(`name="Chronology"`)) {
				tables++
				assert.Contains(t, string(b), `ref="A1:X100001"`, "every occasion is a row of the chronology")
			}
		}
	}
	assert.Equal(t, 1, tables)
	left, err := os.ReadDir(tmp)
	require.NoError(t, err)
	assert.Empty(t, left, "temporary files are removed")
}

// BenchmarkWorkbook100k writes the whole prosecution workbook of a
// 100,000-occasion case; compare BenchmarkExcelizeStream100k, which writes
// only the chronology's rows with excelize's stream writer directly.
func BenchmarkWorkbook100k(b *testing.B) {
	c := wbBigCase(100_000)
	r := casefile.Validate(c, casefile.Options{})
	tmp := b.TempDir()
	b.ReportAllocs()
	var probe *wbProbe
	for b.Loop() {
		probe = &wbProbe{tmp: tmp}
		if err := workbook.Write(probe, c, r, workbook.Options{TmpDir: tmp}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(probe.heap)/(1<<20), "heap-MiB")
	b.ReportMetric(float64(probe.out.Len())/(1<<20), "xlsx-MiB")
}

// BenchmarkExcelizeStream100k is the baseline: the chronology's 100,000
// rows, with the same values and a date style, written with excelize's
// stream writer and nothing else.
func BenchmarkExcelizeStream100k(b *testing.B) {
	c := wbBigCase(100_000)
	chron := casefile.NewIndex(c).Chronology()
	behaviours := casefile.Behaviour("").Values()
	tmp := b.TempDir()
	b.ReportAllocs()
	var probe *wbProbe
	for b.Loop() {
		probe = &wbProbe{tmp: tmp}
		f := excelize.NewFile(excelize.Options{TmpDir: tmp})
		format := "dd/mm/yyyy"
		dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
		if err != nil {
			b.Fatal(err)
		}
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		row := make([]any, 6+len(behaviours)+5)
		for i, in := range chron {
			clear(row)
			row[0], row[1], row[2] = in.ID, excelize.Cell{StyleID: dateStyle, Value: in.Date.Time()}, in.Time.String()
			if i > 0 {
				row[3] = chron[i-1].Date.DaysUntil(in.Date)
			}
			row[4], row[5] = in.Location, in.Online
			for j, v := range behaviours {
				if slices.Contains(in.Behaviours, casefile.Behaviour(v)) {
					row[6+j] = "x"
				}
			}
			n := 6 + len(behaviours)
			row[n], row[n+1], row[n+2], row[n+3], row[n+4] = "Ffion Hale", in.VictimFearedViolence,
				strings.Join(in.Statements, ", "), strings.Join(in.Exhibits, ", "), in.Description
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			if err := sw.SetRow(cell, row); err != nil {
				b.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
		if err := f.Write(probe); err != nil {
			b.Fatal(err)
		}
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(probe.heap)/(1<<20), "heap-MiB")
	b.ReportMetric(float64(probe.out.Len())/(1<<20), "xlsx-MiB")
}

// openpyxlView is what openpyxl sees of a prosecution workbook.
type openpyxlView struct {
	Sheets      []string            `json:"sheets"`
	States      map[string]string   `json:"states"`
	Protected   map[string]bool     `json:"protected"`
	Freeze      map[string]*string  `json:"freeze"`
	Tables      map[string]string   `json:"tables"`
	Validations [][3]string         `json:"validations"`
	Locked      map[string]bool     `json:"locked"`
	Dates       map[string]string   `json:"dates"`
	Charts      []map[string]string `json:"charts"`
	Formats     []string            `json:"formats"`
	Name        [2]string           `json:"name"`
	URN         string              `json:"urn"`
}

const openpyxlViewScript = `
out = {"sheets": wb.sheetnames, "states": {}, "protected": {}, "freeze": {}, "tables": {}}
for ws in wb:
    out["states"][ws.title] = ws.sheet_state
    out["protected"][ws.title] = bool(ws.protection.sheet)
    out["freeze"][ws.title] = ws.freeze_panes
    for t in ws.tables.values():
        out["tables"][t.name] = ws.title + "!" + t.ref
rv = wb["Review"]
out["validations"] = [[dv.type, dv.formula1 or "", str(dv.sqref)] for dv in rv.data_validations.dataValidation]
out["locked"] = {ref: bool(rv[ref].protection.locked) for ref in ["A2", "B2", "C2", "D2", "E2", "F2", "G2", "D1", "A6", "B6", "C6", "D6", "A16"]}
chron = wb["Chronology"]
out["dates"] = {ref: (chron[ref].value.isoformat() if chron[ref].is_date else repr(chron[ref].value)) for ref in ["B2", "B3"]}
out["charts"] = [{"tag": c.tagname, "grouping": c.grouping, "series": str(len(c.series))} for c in wb["Acts by month"]._charts]
out["formats"] = sorted(str(cf.sqref) for cf in wb["Charges"].conditional_formatting)
summary = wb["Summary"]
for row in summary.iter_rows():
    if row[0].value and str(row[0].value).startswith("=HYPERLINK"):
        out["name"] = [row[0].value, row[0].data_type]
out["urn"] = summary["B5"].value
print(json.dumps(out))
`

func TestOpenpyxlReadsTheWorkbook(t *testing.T) {
	xlsx := wbWrite(t, wbFixture())
	var got openpyxlView
	realclient.OpenpyxlJSON(t, xlsx, openpyxlViewScript, &got)
	screening, err := screen.Screen(wbFixture(), casefile.Date{}).Report(templates.Default())
	require.NoError(t, err)

	assert.Equal(t, []string{"Summary", "Review", "Charges", "Screening", "Chronology", "Acts by month", "Witnesses", "Exhibits", "Unused", "Findings", "spokit"}, got.Sheets)
	assert.Equal(t, "hidden", got.States["spokit"])
	for _, s := range got.Sheets {
		assert.True(t, got.Protected[s], "sheet %s is protected", s)
		if s != "Summary" && s != "spokit" {
			require.NotNil(t, got.Freeze[s], "sheet %s freezes its header", s)
			assert.Equal(t, "A2", *got.Freeze[s], "sheet %s freezes its header", s)
		}
	}
	assert.Equal(t, map[string]string{"Elements": "Charges!A1:K5", "Chronology": "Chronology!A1:X4", "Witnesses": "Witnesses!A1:I3",
		"Exhibits": "Exhibits!A1:F3", "Unused": "Unused!A1:E3", "Findings": "Findings!A1:E" + strconv.Itoa(1+len(casefile.Validate(wbFixture(), casefile.Options{}).Findings)),
		"Screening": "Screening!A1:E" + strconv.Itoa(2+len(screening.Lines()))},
		got.Tables)
	assert.ElementsMatch(t, [][3]string{
		{"list", `"charge,no further action,further evidence needed,out of court disposal"`, "D2:D3"},
		{"list", `"disclose,do not disclose,inspect"`, "D4:D5"},
		{"list", `"charge,unused"`, "A6:A15"},
		{"list", `"charge,no further action,further evidence needed,out of court disposal,disclose,do not disclose,inspect"`, "D6:D15"},
		{"date", "61", "F2:F15"},
	}, got.Validations)
	assert.Equal(t, map[string]bool{"A2": true, "B2": true, "C2": true, "D2": false, "E2": false, "F2": false, "G2": false, "D1": true,
		"A6": false, "B6": false, "C6": false, "D6": false, "A16": true}, got.Locked,
		"only the decision, reviewer, date and comments cells are open, and every cell of the spare rows")
	assert.Equal(t, map[string]string{"B2": "2024-12-25T00:00:00", "B3": "2025-01-02T00:00:00"}, got.Dates, "real dates, not text")
	assert.Equal(t, []map[string]string{{"tag": "barChart", "grouping": "stacked", "series": "4"}}, got.Charts)
	assert.Equal(t, []string{"E2:E5", "J2:J5"}, got.Formats)
	assert.Equal(t, [2]string{wbFormulaName + " +Smith", "s"}, got.Name, "shown as text, not a formula")
	assert.Equal(t, "07CW0456125", got.URN)
}

// printView is what openpyxl sees of each sheet's filters and print setup.
const printViewScript = `
out = {}
for ws in wb:
    if ws.sheet_state != "visible":
        continue
    filtered = bool(ws.auto_filter.ref) or any(True for _ in ws.tables.values())
    out[ws.title] = {
        "filter": filtered,
        "landscape": ws.page_setup.orientation == "landscape",
        "fit": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        "wide": str(ws.page_setup.fitToWidth),
        "titles": str(ws.print_title_rows),
    }
chron = wb["Chronology"]
header = [c.value for c in chron[1]]
out["online"] = [str(chron.cell(row=r, column=header.index("Online") + 1).value) for r in range(2, chron.max_row + 1)]
print(json.dumps(out))
`

func TestWorkbookKeepsFiltersPrintSetupAndYesNoThroughLibreOffice(t *testing.T) {
	resaved := realclient.LibreOfficeResave(t, wbWrite(t, wbFixture()))
	var got map[string]any
	realclient.OpenpyxlJSON(t, resaved, printViewScript, &got)
	assert.Equal(t, []any{"Yes", "No", "No"}, got["online"], "Yes and No, not TRUE and FALSE")
	for _, sheet := range []string{"Review", "Charges", "Screening", "Chronology", "Acts by month", "Witnesses", "Exhibits", "Unused", "Findings"} {
		view, ok := got[sheet].(map[string]any)
		require.True(t, ok, "sheet %s", sheet)
		if sheet != "Acts by month" {
			assert.Equal(t, true, view["filter"], "%s has filter buttons", sheet)
		}
		assert.Equal(t, true, view["landscape"], "%s prints landscape", sheet)
		assert.Equal(t, true, view["fit"], "%s fits to the page", sheet)
		assert.Equal(t, "1", view["wide"], "%s prints one page wide", sheet)
		assert.Contains(t, view["titles"], "$1:$1", "%s repeats its header row", sheet)
	}
}
