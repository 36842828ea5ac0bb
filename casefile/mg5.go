package casefile

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/spokit/spokit/internal/pdfdoc"
)

// WriteMG5 writes the police report (MG5) as a PDF: the header (URN,
// force, officer in the case, anticipated plea left to complete), the
// parties, a headline summary, the chronology with each occasion's
// behaviours and evidence, the key statements and exhibits, each charge
// with the legal elements the evidence meets for each victim, and the
// validation findings. A contents list at the front links to each section,
// and each section is bookmarked.
//
// A section sets out the stalking screening of the case (Screen), worded
// by Screening.Report from opts.Templates, so the MG5 says what the screen
// command, the SPO bundle and the workbook say: the caveat first, then each
// part of the screening with its lines and the incidents each rests on.
//
// The MG5 is disclosed to the defence and the court, so it names victims
// and witnesses but gives none of their addresses, phone numbers, email
// addresses or dates of birth (the MG9 and MG11 carry those), and it leaves
// out exhibits marked sensitive.
func WriteMG5(w io.Writer, c *Case, opts FormOptions) error {
	f := newMGForm(c, opts, "mg5", false)
	screening, err := screeningOf(opts.Screening, c, f.asOf).Report(f.set)
	if err != nil {
		return fmt.Errorf("MG5: %w", err)
	}
	d := f.doc
	f.intro()
	d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{
		{f.field("mg.urn", c.URN), f.field("mg.force", f.orNotRecorded(c.Force.Name))},
		{f.field("mg.oic", f.officer(c.OfficerInCase))},
		{f.field("mg5.plea", f.label("mg5.plea-choices")), f.field("mg.date", f.asOf.Long())},
	}})
	d.Contents(f.label("mg5.contents"))
	f.mg5Parties()
	f.heading(1, "mg5.summary")
	d.Paragraph(f.headline())
	f.mg5Chronology()
	f.mg5Evidence()
	f.mg5Charges()
	f.mg5Charging()
	f.mg5Screening(screening)
	f.heading(1, "mg5.findings")
	f.findings(f.report())
	return f.write(w)
}

func (f *mgForm) mg5Parties() {
	d := f.doc
	f.heading(1, "mg5.parties")
	f.heading(2, "mg5.suspect")
	if len(f.x.Suspects()) == 0 {
		d.Paragraph(f.label("mg5.no-suspect"))
	}
	for _, p := range f.x.Suspects() {
		d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{
			{f.field("mg.name", p.Name())},
			{f.field("mg.aliases", f.orNone(strings.Join(p.Aliases, "; ")))},
			{f.field("mg.dob", f.orNotRecorded(p.DateOfBirth.Long()))},
		}})
	}
	f.heading(2, "mg5.victims-witnesses")
	people := f.x.Witnesses(true)
	if len(people) == 0 {
		d.Paragraph(f.label("mg5.no-witnesses"))
		return
	}
	rows := make([]pdfdoc.Row, len(people))
	for i, p := range people {
		rows[i] = pdfdoc.TextRow(strconv.Itoa(i+1), f.name(p.ID), f.role(p), f.statementList(p.Statements))
	}
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		f.col("mg.col-no", 12, 0), f.col("mg.col-name", 0, 2), f.col("mg.col-role", 32, 0), f.col("mg.col-statements", 0, 1.5),
	}, Rows: rows})
	d.Text(pdfdoc.Text{Body: f.label("mg5.privacy-note"), Style: pdfdoc.Small})
}

// statementList lists statements with their dates, e.g. "ST1 (25/01/2026)".
func (f *mgForm) statementList(ss []*Statement) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = f.text("mg.statement-ref", mgVars{"ID": s.ID, "Date": s.Date.Long()})
	}
	return strings.Join(out, "\n")
}

// disclosableExhibits drops the refs of exhibits marked sensitive, which
// must not appear on a disclosed form. Refs that do not resolve stay, so the
// form shows what the case says (CASE-REF reports them).
func (f *mgForm) disclosableExhibits(refs []string) []string {
	var out []string
	for _, ref := range refs {
		if e := f.x.Exhibit(ref); e == nil || !e.Sensitive {
			out = append(out, ref)
		}
	}
	return out
}

func (f *mgForm) mg5Chronology() {
	d := f.doc
	f.heading(1, "mg5.chronology")
	chron := f.x.Chronology()
	if len(chron) == 0 {
		d.Paragraph(f.label("mg5.no-incidents"))
		return
	}
	d.Paragraph(f.text("mg5.chronology-intro", mgVars{"Occasions": len(chron)}))
	several := len(f.victims()) > 1
	rows := make([]pdfdoc.Row, len(chron))
	for i, in := range chron {
		what := in.Description
		if several {
			what += "\n" + f.text("mg5.towards", mgVars{"Victims": f.names(in.Victims)})
		}
		behaviours := f.occasionBehaviours(in)
		rows[i] = pdfdoc.TextRow(
			in.ID,
			f.text("mg.when", mgVars{"Date": in.Date.Long(), "End": in.EndDate.Long(), "Time": in.Time.String()}),
			f.text("mg5.place", mgVars{"Location": f.orNotRecorded(in.Location), "Online": in.Online}),
			what,
			strings.Join(behaviours, "\n"),
			f.text("mg5.evidence-refs", mgVars{"Statements": in.Statements, "Exhibits": f.disclosableExhibits(in.Exhibits)}),
		)
	}
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		f.col("mg.col-ref", 11, 0), f.col("mg.col-date", 31, 0), f.col("mg5.col-place", 27, 0),
		f.col("mg5.col-what", 0, 1), f.col("mg5.col-behaviours", 31, 0), f.col("mg5.col-evidence", 22, 0),
	}, Rows: rows})
}

// occasionsOf returns, in chronology order, the ids of the occasions whose
// evidence lists includes ref.
func (f *mgForm) occasionsOf(ref string, list func(*Incident) []string) []string {
	var out []string
	for _, in := range f.x.Chronology() {
		if slices.Contains(list(in), ref) {
			out = append(out, in.ID)
		}
	}
	return out
}

func (f *mgForm) mg5Evidence() {
	d := f.doc
	f.heading(1, "mg5.evidence")
	f.heading(2, "mg5.statements")
	if len(f.c.Statements) == 0 {
		d.Paragraph(f.label("mg5.no-statements"))
	} else {
		rows := make([]pdfdoc.Row, len(f.c.Statements))
		for i := range f.c.Statements {
			s := &f.c.Statements[i]
			rows[i] = pdfdoc.TextRow(s.ID,
				f.text("mg5.statement-maker", mgVars{"Name": f.name(s.Person), "Video": s.VideoRecorded}),
				s.Date.Long(),
				f.idList(f.occasionsOf(s.ID, func(in *Incident) []string { return in.Statements })))
		}
		d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
			f.col("mg.col-statement", 22, 0), f.col("mg.col-made-by", 0, 2), f.col("mg.col-date", 32, 0), f.col("mg.col-occasions", 0, 1.5),
		}, Rows: rows})
	}
	f.heading(2, "mg5.exhibits")
	var rows []pdfdoc.Row
	for i := range f.c.Exhibits {
		e := &f.c.Exhibits[i]
		if e.Sensitive {
			continue
		}
		rows = append(rows, pdfdoc.TextRow(e.Ref, e.Description, f.name(e.ProducedBy),
			f.idList(f.occasionsOf(e.Ref, func(in *Incident) []string { return in.Exhibits }))))
	}
	if len(rows) == 0 {
		d.Paragraph(f.label("mg5.no-exhibits"))
		return
	}
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		f.col("mg.col-exhibit", 20, 0), f.col("mg.col-description", 0, 3), f.col("mg.col-produced-by", 0, 1.3), f.col("mg.col-occasions", 0, 1.2),
	}, Rows: rows})
}

func (f *mgForm) mg5Charges() {
	d := f.doc
	f.heading(1, "mg5.charges")
	if len(f.c.Charges) == 0 {
		d.Paragraph(f.label("mg.no-charges"))
		return
	}
	d.Paragraph(f.label("mg5.charges-intro"))
	for i := range f.c.Charges {
		ch := &f.c.Charges[i]
		d.Heading(2, f.chargeHeading(ch), "")
		d.Paragraph(f.chargeDetails(ch))
		f.elementTables(ch)
	}
}

// chargeHeading titles a charge, e.g. "Charge C1: Stalking (PHA 1997 s.2A)".
func (f *mgForm) chargeHeading(ch *Charge) string {
	return f.text("mg.charge-heading", mgVars{"ID": ch.ID, "Offence": f.chargeTitle(ch)})
}

// chargeDetails describes a charge's status, period, victims and particulars.
func (f *mgForm) chargeDetails(ch *Charge) string {
	return f.text("mg.charge-details", mgVars{
		"Charged": ch.Status == Charged, "ChargedOn": ch.ChargedOn.Long(),
		"From": ch.From.Long(), "To": ch.To.Long(), "Victims": f.names(ch.Victims), "Particulars": ch.Particulars,
	})
}

// mg5Screening prints a screening report: its title as the section's
// heading, the caveat, then each part under a heading of its own with its
// explanation in small print and a table of its lines. A part whose lines
// have no state (the s.2A(3) acts) has no state column; a part with no
// lines (the triage of a case that names no victim) says so.
func (f *mgForm) mg5Screening(rep ScreeningReport) {
	d := f.doc
	d.Heading(1, f.text("mg5.screening", mgVars{"Title": rep.Title}), "")
	d.Text(pdfdoc.Text{Body: rep.Caveat, Style: pdfdoc.Bold})
	for _, sec := range rep.Sections {
		d.Heading(2, sec.Heading, "")
		if sec.Intro != "" {
			d.Text(pdfdoc.Text{Body: sec.Intro, Style: pdfdoc.Small})
		}
		if len(sec.Lines) == 0 {
			d.Paragraph(f.label("mg5.screening-empty"))
			continue
		}
		states := slices.ContainsFunc(sec.Lines, func(l ScreeningLine) bool { return l.StateText != "" })
		cols := []pdfdoc.Column{f.col("mg5.col-screen-point", 0, 1.2)}
		if states {
			cols = append(cols, f.col("mg5.col-screen-state", 24, 0))
		}
		cols = append(cols, f.col("mg5.col-screen-reasons", 0, 3))
		rows := make([]pdfdoc.Row, len(sec.Lines))
		for i, l := range sec.Lines {
			cells := []string{l.Label}
			if states {
				cells = append(cells, l.StateText)
			}
			rows[i] = pdfdoc.TextRow(append(cells, f.screeningReasons(l))...)
		}
		d.Table(pdfdoc.Table{Columns: cols, Rows: rows})
	}
}

// screeningReasons prints a line's reasons for a table cell: one a line,
// bulleted when there are several so that reasons that wrap stay apart,
// each followed by the incidents it rests on (unit screen.evidence). A list
// longer than mgListLimit is cut short and counted, as in the MG5's other
// cells, so that a long course of conduct does not make a row pages tall;
// the chronology lists every occasion.
func (f *mgForm) screeningReasons(l ScreeningLine) string {
	texts := make([]string, len(l.Reasons))
	for i, r := range l.Reasons {
		texts[i] = r.Text
		if ids := r.Incidents; len(ids) > 0 {
			if len(ids) > mgListLimit {
				ids = append(slices.Clip(ids[:mgListLimit]), f.text("mg5.screening-more", mgVars{"N": len(ids) - mgListLimit}))
			}
			texts[i] += " " + f.text("screen.evidence", ids)
		}
	}
	if len(texts) > 1 {
		return "• " + strings.Join(texts, "\n• ")
	}
	return strings.Join(texts, "")
}
