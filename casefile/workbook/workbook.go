// Package workbook writes the prosecution workbook a CPS liaison reviews in
// Excel or LibreOffice (the case, its charges judged element by element,
// the chronology, the evidence, the screening and a Review sheet), the
// sensitive-material workbook, and reads the Review sheet back (ReadReview).
// Every cell passes the audience's disclosure policy; user text is never a
// formula.
package workbook

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/spokit/spokit/casefile/screen"

	"github.com/spokit/spokit/casefile"

	"github.com/spokit/spokit/internal/xlsxdoc"
	"github.com/spokit/spokit/templates"
)

// Options control Write and WriteSensitive.
type Options struct {
	// AsOf is the date the case is judged on (time limits, deadlines, the
	// document date). Zero means the report's date, else the case's as_of,
	// else today.
	AsOf casefile.Date
	// TmpDir is where the workbook may spill temporary files while it is
	// written (a large sheet passes 16 MB). They hold case data, so give a
	// private directory; empty means the system's temporary directory. The
	// files are removed before the call returns.
	TmpDir string
	// Templates is the wording of the Screening sheet (the screen.* units);
	// nil means templates.Default().
	Templates *templates.Set
	// Screening is the stalking screening to print; nil screens the case.
	// A build passes one value to every document so the case is screened
	// once and every document prints the same result.
	Screening *screen.Screening
}

// Sheet names of the workbooks. ReadReview finds the review by them.
const (
	SummarySheet    = "Summary"
	ReviewSheet     = "Review"
	ChargesSheet    = "Charges"
	ScreeningSheet  = "Screening"
	ChronologySheet = "Chronology"
	ActsSheet       = "Acts by month"
	WitnessesSheet  = "Witnesses"
	ExhibitsSheet   = "Exhibits"
	UnusedSheet     = "Unused"
	FindingsSheet   = "Findings"
	SensitiveSheet  = "Sensitive unused"
	metadataSheet   = "spokit"
)

// deadlineWarnDays is how near a time limit's last day must be to as_of
// for the Charges sheet to highlight it.
const deadlineWarnDays = 28

// HasSensitiveUnused reports whether the case lists sensitive unused
// material (MG6D): the cases WriteSensitive is written for.
func HasSensitiveUnused(c *casefile.Case) bool {
	return slices.ContainsFunc(c.UnusedMaterial, func(u casefile.UnusedItem) bool { return u.Sensitive })
}

// Write writes the prosecution workbook for the CPS reviewing
// lawyer (prosecution.xlsx): a summary, the chronology, each charge's legal
// elements with their evidence, the stalking screening (Screen, worded by
// Screening.Report from opts.Templates: its caveat, then one row per line,
// as the screen command, the MG5 and the SPO bundle word it), the
// witnesses (MG9), exhibits (MG12), non-sensitive unused material (MG6C),
// every finding of r, acts per month by behaviour with a chart, and a
// Review sheet on which the lawyer records decisions for ReadReview to
// read back.
//
// The workbook carries no contact details and no dates of birth: the review
// does not need them, and every cell passes the defence's Disclosure, so
// contact details written into free text are withheld too and the workbook
// is safe to disclose if the CPS so decides. Sensitive unused material is
// left out; it goes in the separate workbook WriteSensitive writes.
//
// Every sheet is protected, and only the Review sheet's decision, reviewer,
// date and comments cells are open, so a reviewer cannot change the case
// data or the layout ReadReview relies on by accident. There is no password:
// sheet protection is not access control (any spreadsheet program can lift
// it), and a fixed password published in spokit's source would only pretend
// to be; a lawyer who needs to sort or annotate can unprotect a sheet.
// Confidentiality rests on handling the file as its marking says.
//
// r is the validation report to list; nil validates c with the default
// rules.
func Write(w io.Writer, c *casefile.Case, r *casefile.Report, opts Options) error {
	if r == nil {
		r = casefile.Validate(c, casefile.Options{AsOf: opts.AsOf})
	}
	asOf := opts.AsOf
	if asOf.IsZero() {
		asOf = r.AsOf
	}
	b := &wbBuilder{c: c, x: casefile.NewIndex(c), asOf: c.ResolveAsOf(asOf),
		filter: casefile.NewDisclosure(c, casefile.AudienceDefence, opts.Templates.Renderer()).Text}
	return b.write(w, opts.TmpDir, "Prosecution workbook", workbookProsecution, []func() error{
		func() error { return b.summary(r) },
		b.review,
		b.charges,
		func() error { return b.screening(opts.Templates, opts.Screening) },
		b.chronology,
		b.actsByMonth,
		b.witnesses,
		b.exhibits,
		b.unused,
		func() error { return b.findings(r) },
	})
}

// WriteSensitive writes the workbook of sensitive unused material
// (MG6D) for the CPS: each item with where it is held and why it is
// sensitive, and a Review sheet for the prosecutor's view on each (including
// whether a public interest immunity application is needed). It is never
// disclosed, so it is kept apart from the prosecution workbook; write it when
// HasSensitiveUnused(c). A case with none gives a nil schedule.
func WriteSensitive(w io.Writer, c *casefile.Case, opts Options) error {
	b := &wbBuilder{c: c, x: casefile.NewIndex(c), asOf: c.ResolveAsOf(opts.AsOf), sensitive: true}
	return b.write(w, opts.TmpDir, "Sensitive unused material", workbookSensitive, []func() error{
		b.sensitiveSummary,
		b.review,
		b.sensitiveUnused,
	})
}

// wbBuilder writes one workbook of a case.
type wbBuilder struct {
	c         *casefile.Case
	x         *casefile.Index
	asOf      casefile.Date
	sensitive bool
	// filter withholds what the workbook's readers must not see; nil for
	// the sensitive workbook, which only the CPS reads.
	filter func(string) string
	wb     *xlsxdoc.Workbook
	chron  []*casefile.Incident // the chronology, sorted once
}

// chronologyOrder returns the incidents in Index.Chronology order.
func (b *wbBuilder) chronologyOrder() []*casefile.Incident {
	if b.chron == nil {
		b.chron = b.x.Chronology()
	}
	return b.chron
}

func (b *wbBuilder) write(w io.Writer, tmpDir, title, kind string, sheets []func() error) (err error) {
	b.wb, err = xlsxdoc.New(xlsxdoc.Options{TmpDir: tmpDir, Filter: b.filter, Properties: xlsxdoc.Properties{
		Title:    title + " " + b.c.URN,
		Subject:  "Case file review for the Crown Prosecution Service",
		Creator:  "spokit",
		Keywords: ReviewFormat,
		Date:     wbDate(b.asOf),
	}})
	if err != nil {
		return fmt.Errorf("writing the workbook: %w", err)
	}
	defer func() {
		if cerr := b.wb.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("writing the workbook: %w", cerr)
		}
	}()
	for _, sheet := range append(sheets, func() error { return b.metadata(kind) }) {
		if err := sheet(); err != nil {
			return fmt.Errorf("writing the workbook: %w", err)
		}
	}
	if err := b.wb.Write(w); err != nil {
		return fmt.Errorf("writing the workbook: %w", err)
	}
	return nil
}

// addSheet adds a sheet with rows prepared in memory: for sheets whose size
// is that of the case's lists of people, charges and items.
func (b *wbBuilder) addSheet(name string, opts xlsxdoc.SheetOptions, rows [][]xlsxdoc.Cell) error {
	opts.Rows = len(rows)
	s, err := b.wb.AddSheet(name, b.sheetDefaults(opts))
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

// sheetDefaults adds what every sheet has: the protective marking on each
// printed page, and protection (only the Review sheet's decision cells stay
// open). Sheets of columns under a header print in landscape.
func (b *wbBuilder) sheetDefaults(opts xlsxdoc.SheetOptions) xlsxdoc.SheetOptions {
	opts.Marking = b.c.PageMarking()
	opts.Protect = true
	opts.Landscape = slices.ContainsFunc(opts.Columns, func(c xlsxdoc.Column) bool { return c.Header != "" })
	return opts
}

func wbDate(d casefile.Date) xlsxdoc.Date {
	if d.IsZero() {
		return xlsxdoc.Date{}
	}
	return xlsxdoc.Date{Year: d.Year(), Month: d.Month(), Day: d.Day()}
}

func wbDateCell(d casefile.Date) xlsxdoc.Cell { return xlsxdoc.DateCell(wbDate(d)) }

func wbText(s string) xlsxdoc.Cell { return xlsxdoc.TextCell(s) }

// wbName is a person's name, or the id when it does not resolve.
func (b *wbBuilder) wbName(id string) string {
	if p := b.x.Person(id); p != nil {
		return p.Name()
	}
	return id
}

func (b *wbBuilder) wbNames(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = b.wbName(id)
	}
	return strings.Join(names, "; ")
}

// wbListLimit is the most ids a cell lists; the rest are counted, so a cell
// stays readable (and within Excel's limit) for a course of thousands of
// occasions, every one of which the Chronology sheet lists.
const wbListLimit = 50

func wbList(ids []string) string {
	if len(ids) <= wbListLimit {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s and %d more (see the Chronology sheet)", strings.Join(ids[:wbListLimit], ", "), len(ids)-wbListLimit)
}

func (b *wbBuilder) officer() string {
	p := b.x.Person(b.c.OfficerInCase)
	if p == nil {
		return b.c.OfficerInCase
	}
	// As the PDF forms print an officer: "DC Leah Brennan 2318, Unit".
	s := strings.TrimSpace(p.Rank + " " + p.Name())
	if p.Number != "" {
		s += " " + p.Number
	}
	if p.Unit != "" {
		s += ", " + p.Unit
	}
	return s
}

func (b *wbBuilder) force() string {
	if b.c.Force.Code == "" {
		return b.c.Force.Name
	}
	return fmt.Sprintf("%s (force %s)", b.c.Force.Name, b.c.Force.Code)
}

// caseRows are the Summary's opening rows: the marking and the case.
func (b *wbBuilder) caseRows(title, note string) [][]xlsxdoc.Cell {
	return [][]xlsxdoc.Cell{
		{wbText(b.c.PageMarking()).Bold()},
		{wbText(title).Bold()},
		{},
		{wbText("Case").Bold()},
		{wbText("URN"), wbText(b.c.URN)},
		{wbText("Force"), wbText(b.force())},
		{wbText("Officer in the case"), wbText(b.officer())},
		{wbText("Judged as of"), wbDateCell(b.asOf)},
		{wbText("Decisions"), wbText(note)},
	}
}

var summaryColumns = []xlsxdoc.Column{{Width: 26}, {Width: 56, Wrap: true}, {Width: 36, Wrap: true}, {Width: 12}, {Width: 12}, {Width: 12}}

func (b *wbBuilder) summary(r *casefile.Report) error {
	rows := b.caseRows("Prosecution workbook",
		"Record the decisions on the Review sheet, the only sheet that can be edited.")
	rows = append(rows, []xlsxdoc.Cell{}, []xlsxdoc.Cell{wbText("Parties").Bold()},
		[]xlsxdoc.Cell{wbText("Name").Bold(), wbText("Role").Bold()})
	for _, p := range b.c.People {
		rows = append(rows, []xlsxdoc.Cell{wbText(p.Name()), wbText(string(p.Role))})
	}
	rows = append(rows, []xlsxdoc.Cell{}, []xlsxdoc.Cell{wbText("Charges").Bold()},
		[]xlsxdoc.Cell{wbText("Charge").Bold(), wbText("Offence").Bold(), wbText("Victims").Bold(),
			wbText("Status").Bold(), wbText("From").Bold(), wbText("To").Bold()})
	for i := range b.c.Charges {
		ch := &b.c.Charges[i]
		rows = append(rows, []xlsxdoc.Cell{wbText(ch.ID), wbText(chargeTitle(ch)), wbText(b.wbNames(ch.Victims)),
			wbText(string(ch.Status)), wbDateCell(ch.From), wbDateCell(ch.To)})
	}
	if len(b.c.Charges) == 0 {
		rows = append(rows, []xlsxdoc.Cell{wbText("No charges recorded")})
	}
	rows = append(rows, []xlsxdoc.Cell{}, []xlsxdoc.Cell{wbText("Findings").Bold()},
		[]xlsxdoc.Cell{wbText("Errors"), xlsxdoc.IntCell(r.Count(casefile.Error))},
		[]xlsxdoc.Cell{wbText("Warnings"), xlsxdoc.IntCell(r.Count(casefile.Warning))},
		[]xlsxdoc.Cell{wbText("Information"), xlsxdoc.IntCell(r.Count(casefile.Info))},
		[]xlsxdoc.Cell{wbText("Each finding is on the Findings sheet.")})
	return b.addSheet(SummarySheet, xlsxdoc.SheetOptions{Columns: summaryColumns}, rows)
}

// chargeTitle names a charge's offence, with any aggravation.
func chargeTitle(ch *casefile.Charge) string {
	if ch.Aggravated == casefile.NotAggravated {
		return ch.Offence.Title()
	}
	return fmt.Sprintf("%s, %s aggravated (Crime and Disorder Act 1998 s.32)", ch.Offence.Title(), ch.Aggravated)
}

// behaviourHeading is a behaviour as a column heading, e.g. "Third party
// contact".
func behaviourHeading(b casefile.Behaviour) string {
	s := strings.ReplaceAll(string(b), "-", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

func (b *wbBuilder) chronology() error {
	behaviours := casefile.Behaviour("").Values()
	// Narrow columns, so that the sheet printed one page wide stays
	// readable: the behaviour marks need only their wrapped heading's width.
	cols := []xlsxdoc.Column{{Header: "Incident", Width: 8}, {Header: "Date", Width: 11}, {Header: "Time", Width: 6},
		{Header: "Days since previous", Width: 8, Wrap: true}, {Header: "Place", Width: 18, Wrap: true}, {Header: "Online", Width: 7}}
	for _, v := range behaviours {
		cols = append(cols, xlsxdoc.Column{Header: behaviourHeading(casefile.Behaviour(v)), Width: 7, Wrap: true})
	}
	cols = append(cols, xlsxdoc.Column{Header: "Victims", Width: 16, Wrap: true}, xlsxdoc.Column{Header: "Feared violence", Width: 8, Wrap: true},
		xlsxdoc.Column{Header: "Statements", Width: 10, Wrap: true}, xlsxdoc.Column{Header: "Exhibits", Width: 10, Wrap: true},
		xlsxdoc.Column{Header: "Description", Width: 48, Wrap: true})
	chron := b.chronologyOrder()
	s, err := b.wb.AddSheet(ChronologySheet, b.sheetDefaults(xlsxdoc.SheetOptions{
		Columns: cols, Rows: len(chron), FreezeHeader: true, Table: "Chronology"}))
	if err != nil {
		return err
	}
	row := make([]xlsxdoc.Cell, len(cols))
	for i, in := range chron {
		clear(row)
		row[0], row[1], row[2] = wbText(in.ID), wbDateCell(in.Date), wbText(in.Time.String())
		if i > 0 {
			row[3] = xlsxdoc.IntCell(chron[i-1].Date.DaysUntil(in.Date))
		}
		row[4], row[5] = wbText(in.Location), xlsxdoc.YesNoCell(in.Online)
		for j, v := range behaviours {
			if slices.Contains(in.Behaviours, casefile.Behaviour(v)) {
				row[6+j] = wbText("x")
			}
		}
		n := 6 + len(behaviours)
		row[n], row[n+1] = wbText(b.wbNames(in.Victims)), xlsxdoc.YesNoCell(in.VictimFearedViolence)
		row[n+2], row[n+3], row[n+4] = wbText(strings.Join(in.Statements, ", ")), wbText(strings.Join(in.Exhibits, ", ")), wbText(in.Description)
		if err := s.AddRow(row...); err != nil {
			return err
		}
	}
	return nil
}

// evidence returns the statements and exhibits that evidence the
// incidents, each once, in the order the incidents cite them.
func (b *wbBuilder) evidence(incidents []string) (statements, exhibits []string) {
	seen := map[string]bool{}
	for _, id := range incidents {
		in := b.x.Incident(id)
		if in == nil {
			continue
		}
		for _, s := range in.Statements {
			if !seen["s:"+s] {
				seen["s:"+s] = true
				statements = append(statements, s)
			}
		}
		for _, e := range in.Exhibits {
			if !seen["e:"+e] {
				seen["e:"+e] = true
				exhibits = append(exhibits, e)
			}
		}
	}
	return statements, exhibits
}

// What the Charges sheet says of an element.
const (
	wbMet    = "Met"
	wbNotMet = "Not met"
)

func (b *wbBuilder) charges() error {
	cols := []xlsxdoc.Column{{Header: "Charge", Width: 8}, {Header: "Offence", Width: 30, Wrap: true}, {Header: "Victim", Width: 18, Wrap: true},
		{Header: "Element", Width: 34, Wrap: true}, {Header: "Met", Width: 9}, {Header: "What the record shows", Width: 40, Wrap: true},
		{Header: "Incidents", Width: 16, Wrap: true}, {Header: "Statements", Width: 14, Wrap: true}, {Header: "Exhibits", Width: 14, Wrap: true},
		{Header: "Last day to charge", Width: 12, Wrap: true}, {Header: "Law", Width: 30, Wrap: true}}
	var rows [][]xlsxdoc.Cell
	for i := range b.c.Charges {
		ch := &b.c.Charges[i]
		for _, victim := range ch.Victims {
			a := b.x.Assess(ch, victim, b.asOf)
			lead := []xlsxdoc.Cell{wbText(ch.ID), wbText(chargeTitle(ch)), wbText(b.wbName(victim))}
			if len(a.Elements) == 0 {
				rows = append(rows, append(slices.Clip(lead), wbText("No element spokit judges from the record; the lawyer reviews the evidence")))
			}
			for _, e := range a.Elements {
				met := wbMet
				if !e.Met {
					met = wbNotMet
				}
				statements, exhibits := b.evidence(e.Incidents)
				rows = append(rows, append(slices.Clip(lead), wbText(e.Name), wbText(met), wbText(e.Detail), wbText(wbList(e.Incidents)),
					wbText(wbList(statements)), wbText(wbList(exhibits)), wbDateCell(e.Deadline), wbText(e.Citation)))
			}
		}
	}
	return b.addSheet(ChargesSheet, xlsxdoc.SheetOptions{Columns: cols, FreezeHeader: true, Table: "Elements",
		Highlights: []xlsxdoc.Highlight{
			{Column: 4, Equals: wbNotMet},
			{Column: 9, OnOrBefore: wbDate(b.asOf.AddDays(deadlineWarnDays)), Fill: "FFEB9C"},
		}}, rows)
}

// screening writes the Screening sheet: the screening's title and caveat
// in the first row, then one row per line of the report (its part, what is
// screened, the state, the reasons each with its incidents, and every
// incident the line rests on), under a header that filters.
func (b *wbBuilder) screening(set *templates.Set, given *screen.Screening) error {
	if set == nil {
		set = templates.Default()
	}
	rep, err := screen.ScreeningOf(given, b.c, b.asOf).Report(set)
	if err != nil {
		return err
	}
	cols := []xlsxdoc.Column{{Header: "Part", Width: 24, Wrap: true}, {Header: "Screened for", Width: 28, Wrap: true},
		{Header: "State", Width: 12}, {Header: "Reasons, with the incidents each rests on", Width: 80, Wrap: true},
		{Header: "Incidents", Width: 24, Wrap: true}}
	rows := [][]xlsxdoc.Cell{{wbText(rep.Title).Bold(), {}, {}, wbText(rep.Caveat).Bold()}}
	for _, sec := range rep.Sections {
		for _, l := range sec.Lines {
			rows = append(rows, []xlsxdoc.Cell{wbText(sec.Heading), wbText(l.Label), wbText(l.StateText), wbText(l.Text), wbText(wbList(l.Incidents))})
		}
	}
	return b.addSheet(ScreeningSheet, xlsxdoc.SheetOptions{Columns: cols, FreezeHeader: true, Table: "Screening"}, rows)
}

// actsByMonth counts, for each month from the first incident to the last,
// the occasions showing each behaviour, and charts them.
func (b *wbBuilder) actsByMonth() error {
	chron := b.chronologyOrder()
	var shown []casefile.Behaviour
	for _, v := range casefile.Behaviour("").Values() {
		if slices.ContainsFunc(chron, func(in *casefile.Incident) bool { return slices.Contains(in.Behaviours, casefile.Behaviour(v)) }) {
			shown = append(shown, casefile.Behaviour(v))
		}
	}
	cols := []xlsxdoc.Column{{Header: "Month", Width: 10}}
	series := make([]int, len(shown))
	for i, v := range shown {
		cols = append(cols, xlsxdoc.Column{Header: behaviourHeading(v), Width: 11, Wrap: true})
		series[i] = i + 1
	}
	var rows [][]xlsxdoc.Cell
	if len(chron) > 0 && len(shown) > 0 {
		month := func(d casefile.Date) int { return d.Year()*12 + int(d.Month()) - 1 }
		first := month(chron[0].Date)
		counts := make([][]int, month(chron[len(chron)-1].Date)-first+1)
		for i := range counts {
			counts[i] = make([]int, len(shown))
		}
		for _, in := range chron {
			for j, v := range shown {
				if slices.Contains(in.Behaviours, v) {
					counts[month(in.Date)-first][j]++
				}
			}
		}
		for i, c := range counts {
			m := first + i
			row := []xlsxdoc.Cell{wbText(fmt.Sprintf("%04d-%02d", m/12, m%12+1))}
			for _, n := range c {
				row = append(row, xlsxdoc.IntCell(n))
			}
			rows = append(rows, row)
		}
	}
	opts := xlsxdoc.SheetOptions{Columns: cols, FreezeHeader: true}
	if len(rows) > 0 {
		opts.Chart = &xlsxdoc.Chart{Type: xlsxdoc.StackedColumns, Title: "Acts per month by behaviour", Anchor: wbCell(len(cols)+1, 2),
			Categories: 0, Series: series, XTitle: "Month", YTitle: "Occasions"}
	}
	return b.addSheet(ActsSheet, opts, rows)
}

// wbCell is the A1 name of column col (from 0) in row row.
func wbCell(col, row int) string {
	name := ""
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		name = string(rune('A'+(n-1)%26)) + name
	}
	return name + strconv.Itoa(row)
}

func (b *wbBuilder) witnesses() error {
	cols := []xlsxdoc.Column{{Header: "No.", Width: 6}, {Header: "Name", Width: 24, Wrap: true}, {Header: "Role", Width: 10},
		{Header: "Victim", Width: 8}, {Header: "Vulnerable", Width: 11}, {Header: "Intimidated", Width: 11},
		{Header: "Special measures", Width: 24, Wrap: true}, {Header: "Dates to avoid", Width: 24, Wrap: true},
		{Header: "Statements", Width: 28, Wrap: true}}
	var rows [][]xlsxdoc.Cell
	for i, p := range b.x.Witnesses(false) {
		avoid := make([]string, len(p.DatesToAvoid))
		for j, d := range p.DatesToAvoid {
			avoid[j] = d.Short()
		}
		var statements []string
		for _, s := range p.Statements {
			statements = append(statements, fmt.Sprintf("%s (%s)", s.ID, s.Date.Short()))
		}
		rows = append(rows, []xlsxdoc.Cell{xlsxdoc.IntCell(i + 1), wbText(p.Name()), wbText(string(p.Role)),
			xlsxdoc.YesNoCell(p.Victim), xlsxdoc.YesNoCell(p.Vulnerable), xlsxdoc.YesNoCell(p.Intimidated),
			wbText(strings.Join(p.SpecialMeasures, "; ")), wbText(strings.Join(avoid, "; ")), wbText(strings.Join(statements, "; "))})
	}
	return b.addSheet(WitnessesSheet, xlsxdoc.SheetOptions{Columns: cols, FreezeHeader: true, Table: "Witnesses"}, rows)
}

// SensitiveExhibitMark starts the description of a sensitive exhibit in the
// workbook, so it cannot be mistaken for one that may be shown.
const SensitiveExhibitMark = "SENSITIVE: "

func (b *wbBuilder) exhibits() error {
	cols := []xlsxdoc.Column{{Header: "Exhibit", Width: 10}, {Header: "Description", Width: 60, Wrap: true},
		{Header: "Produced by", Width: 22, Wrap: true}, {Header: "Seized on", Width: 12}, {Header: "Seized at", Width: 28, Wrap: true},
		{Header: "Sensitive", Width: 10}}
	var rows [][]xlsxdoc.Cell
	for _, e := range b.c.Exhibits {
		desc := e.Description
		if e.Sensitive {
			desc = SensitiveExhibitMark + desc
		}
		rows = append(rows, []xlsxdoc.Cell{wbText(e.Ref), wbText(desc), wbText(b.wbName(e.ProducedBy)),
			wbDateCell(e.SeizedDate), wbText(e.SeizedPlace), xlsxdoc.YesNoCell(e.Sensitive)})
	}
	return b.addSheet(ExhibitsSheet, xlsxdoc.SheetOptions{Columns: cols, FreezeHeader: true, Table: "Exhibits"}, rows)
}

// unusedItems returns the unused items of one schedule: MG6D when
// sensitive, else MG6C.
func (b *wbBuilder) unusedItems(sensitive bool) []*casefile.UnusedItem {
	var out []*casefile.UnusedItem
	for i := range b.c.UnusedMaterial {
		if b.c.UnusedMaterial[i].Sensitive == sensitive {
			out = append(out, &b.c.UnusedMaterial[i])
		}
	}
	return out
}

func (b *wbBuilder) unused() error {
	cols := []xlsxdoc.Column{{Header: "No.", Width: 6}, {Header: "Item", Width: 8}, {Header: "Description", Width: 60, Wrap: true},
		{Header: "Location", Width: 28, Wrap: true}, {Header: "Might undermine or assist", Width: 14, Wrap: true}}
	var rows [][]xlsxdoc.Cell
	for i, u := range b.unusedItems(false) {
		rows = append(rows, []xlsxdoc.Cell{xlsxdoc.IntCell(i + 1), wbText(u.ID), wbText(u.Description), wbText(u.Location),
			xlsxdoc.YesNoCell(u.UnderminesOrAssists)})
	}
	return b.addSheet(UnusedSheet, xlsxdoc.SheetOptions{Columns: cols, FreezeHeader: true, Table: "Unused"}, rows)
}

func (b *wbBuilder) findings(r *casefile.Report) error {
	cols := []xlsxdoc.Column{{Header: "Severity", Width: 10}, {Header: "Rule", Width: 22}, {Header: "Where", Width: 26, Wrap: true},
		{Header: "Finding", Width: 70, Wrap: true}, {Header: "Law", Width: 30, Wrap: true}}
	s, err := b.wb.AddSheet(FindingsSheet, b.sheetDefaults(xlsxdoc.SheetOptions{
		Columns: cols, Rows: len(r.Findings), FreezeHeader: true, Table: "Findings",
		Highlights: []xlsxdoc.Highlight{{Column: 0, Equals: casefile.Error.String()}}}))
	if err != nil {
		return err
	}
	for _, f := range r.Findings {
		if err := s.AddRow(wbText(f.Severity.String()), wbText(f.Rule), wbText(f.Path), wbText(f.Message), wbText(f.Citation)); err != nil {
			return err
		}
	}
	return nil
}

func (b *wbBuilder) sensitiveSummary() error {
	rows := b.caseRows("Sensitive unused material (MG6D)",
		"Record the prosecutor's view of each item on the Review sheet, the only sheet that can be edited.")
	n := len(b.unusedItems(true))
	rows = append(rows, []xlsxdoc.Cell{},
		[]xlsxdoc.Cell{wbText("Handling").Bold(), wbText("Never disclose this workbook to the defence. It is kept apart from the prosecution workbook for that reason.")},
		[]xlsxdoc.Cell{wbText("Items"), xlsxdoc.IntCell(n)})
	if n == 0 {
		rows = append(rows, []xlsxdoc.Cell{wbText("Nil schedule"), wbText("The case lists no sensitive unused material.")})
	}
	return b.addSheet(SummarySheet, xlsxdoc.SheetOptions{Columns: summaryColumns}, rows)
}

func (b *wbBuilder) sensitiveUnused() error {
	cols := []xlsxdoc.Column{{Header: "No.", Width: 6}, {Header: "Item", Width: 8}, {Header: "Description", Width: 50, Wrap: true},
		{Header: "Location", Width: 26, Wrap: true}, {Header: "Reason for sensitivity", Width: 50, Wrap: true},
		{Header: "Might undermine or assist", Width: 14, Wrap: true}}
	var rows [][]xlsxdoc.Cell
	for i, u := range b.unusedItems(true) {
		rows = append(rows, []xlsxdoc.Cell{xlsxdoc.IntCell(i + 1), wbText(u.ID), wbText(u.Description), wbText(u.Location),
			wbText(u.Reason), xlsxdoc.YesNoCell(u.UnderminesOrAssists)})
	}
	return b.addSheet(SensitiveSheet, xlsxdoc.SheetOptions{Columns: cols, FreezeHeader: true, Table: "Sensitive"}, rows)
}

// ReviewSpareRows is how many blank rows the Review sheet has after its
// listed charges and items, with the same drop-down lists, for decisions on
// anything else; ReadReview reads them like the others.
const ReviewSpareRows = 10

// review writes the Review sheet: one row per charge (in the prosecution
// workbook) and per unused item of the workbook's schedule, with drop-down
// lists for the decision and a date check on the date.
func (b *wbBuilder) review() error {
	cols := make([]xlsxdoc.Column, len(reviewColumns))
	for i, h := range reviewColumns {
		cols[i] = xlsxdoc.Column{Header: h, Width: reviewWidths[i], Wrap: i == colSubject || i == colComments, Editable: i >= colDecision}
	}
	var rows [][]xlsxdoc.Cell
	if !b.sensitive {
		for i := range b.c.Charges {
			ch := &b.c.Charges[i]
			rows = append(rows, []xlsxdoc.Cell{wbText(reviewCharge), wbText(ch.ID),
				wbText(fmt.Sprintf("%s against %s (%s)", chargeTitle(ch), b.wbNames(ch.Victims), ch.Status))})
		}
	}
	charges := len(rows)
	for _, u := range b.unusedItems(b.sensitive) {
		rows = append(rows, []xlsxdoc.Cell{wbText(reviewUnused), wbText(u.ID), wbText(u.Description)})
	}
	disclosure := DisclosureDecision("").Values()
	if b.sensitive {
		disclosure = append(disclosure, string(ReviewPIIApplication))
	}
	var checks []xlsxdoc.Validation
	if charges > 0 {
		checks = append(checks, xlsxdoc.Validation{Column: colDecision, Rows: xlsxdoc.RowRange{First: 0, Count: charges},
			List: ChargeDecision("").Values(), Prompt: "Choose the charging decision"})
	}
	if len(rows) > charges {
		checks = append(checks, xlsxdoc.Validation{Column: colDecision, Rows: xlsxdoc.RowRange{First: charges, Count: len(rows) - charges},
			List: disclosure, Prompt: "Choose the disclosure decision"})
	}
	// Spare rows, every cell open, for decisions on what the case does not
	// list yet (e.g. material scheduled later): the type chooses the list
	// the decision is read against.
	spare := xlsxdoc.RowRange{First: len(rows), Count: ReviewSpareRows}
	types := []string{reviewCharge, reviewUnused}
	decisions := append(ChargeDecision("").Values(), disclosure...)
	if b.sensitive {
		types, decisions = []string{reviewUnused}, disclosure
	}
	checks = append(checks,
		xlsxdoc.Validation{Column: colType, Rows: spare, List: types, Prompt: "Choose the type of the row"},
		xlsxdoc.Validation{Column: colDecision, Rows: spare, List: decisions, Prompt: "Choose the decision"},
		xlsxdoc.Validation{Column: colDate, Dates: true, Prompt: "Enter the date of the decision"})
	for range ReviewSpareRows {
		rows = append(rows, nil)
	}
	return b.addSheet(ReviewSheet, xlsxdoc.SheetOptions{Columns: cols, FreezeHeader: true, Filter: true, Validations: checks, OpenRows: spare}, rows)
}

// metadata writes the hidden sheet that identifies the workbook when it
// comes back: its format, layout version, kind and case.
func (b *wbBuilder) metadata(kind string) error {
	return b.addSheet(metadataSheet, xlsxdoc.SheetOptions{Columns: []xlsxdoc.Column{{Width: 12}, {Width: 24}}, Hidden: true}, [][]xlsxdoc.Cell{
		{wbText(metaFormat), wbText(ReviewFormat)},
		{wbText(metaLayout), wbText(strconv.Itoa(ReviewLayout))},
		{wbText(metaWorkbook), wbText(kind)},
		{wbText(metaURN), wbText(b.c.URN)},
		{wbText(metaAsOf), wbText(b.asOf.String())},
	})
}
