package forms

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/spokit/spokit/casefile"

	"github.com/spokit/spokit/internal/pdfdoc"
)

// WriteMG5 writes the police report (MG5) as a PDF: the header (URN,
// force, officer in the case, anticipated plea left to complete), the
// parties, a headline summary, the chronology with each occasion's
// behaviours and evidence, the key statements and exhibits, and each charge
// with its particulars. A contents list at the front links to each section,
// and each section is bookmarked.
//
// The MG5 is disclosed to the defence and the court, so it carries no
// police or CPS analysis (the screening, the triage, the element-by-element
// assessment and the checks on the file are in the MG3 and the case review,
// WriteCaseReview), names victims and witnesses but gives none of their
// addresses, phone numbers, email addresses or dates of birth (the MG9 and
// the MG11 contact pages carry those; every string passes the defence's
// Disclosure), prints a place that is a victim's or witness's address as
// their home ("the home of Renée Marsh (victim)"), and leaves out exhibits
// marked sensitive.
func WriteMG5(w io.Writer, c *casefile.Case, opts Options) error {
	f := newMGForm(c, opts, "mg5", casefile.AudienceDefence)
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
func (f *mgForm) statementList(ss []*casefile.Statement) string {
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
			f.text("mg5.place", mgVars{"Location": f.orNotRecorded(f.disclosure.Place(in.Location)), "Online": in.Online}),
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
func (f *mgForm) occasionsOf(ref string, list func(*casefile.Incident) []string) []string {
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
				f.idList(f.occasionsOf(s.ID, func(in *casefile.Incident) []string { return in.Statements })))
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
			f.idList(f.occasionsOf(e.Ref, func(in *casefile.Incident) []string { return in.Exhibits }))))
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
	}
}

// chargeHeading titles a charge, e.g. "Charge C1: Stalking (PHA 1997 s.2A)".
func (f *mgForm) chargeHeading(ch *casefile.Charge) string {
	return f.text("mg.charge-heading", mgVars{"ID": ch.ID, "Offence": f.chargeTitle(ch)})
}

// chargeDetails describes a charge's status, period, victims and
// particulars, and the order a breach or notification charge concerns.
func (f *mgForm) chargeDetails(ch *casefile.Charge) string {
	return f.text("mg.charge-details", mgVars{
		"Charged": ch.Status == casefile.Charged, "ChargedOn": ch.ChargedOn.Long(),
		"From": ch.From.Long(), "To": ch.To.Long(), "Victims": f.names(ch.Victims), "Particulars": ch.Particulars,
		"Order": f.chargeOrder(ch),
	})
}

// chargeOrder words the order a charge names: when and how it was made and
// served, the exhibits that prove it, and for a breach charge the terms
// each occasion in the charge's period breaches, for a notification charge
// the duties not met and any false notification. "" when the charge names
// no order.
func (f *mgForm) chargeOrder(ch *casefile.Charge) string {
	o := f.c.Order(ch.Order)
	if o == nil {
		return ""
	}
	var served, serviceExhibit string
	if o.Service != nil {
		served, serviceExhibit = o.Service.Date.Long(), o.Service.Exhibit
	}
	var breaches, duties, falses []string
	switch ch.Offence {
	case casefile.SPOBreach:
		for _, in := range f.x.Chronology() {
			if (!ch.From.IsZero() && in.LastDate().Before(ch.From)) || (!ch.To.IsZero() && in.Date.After(ch.To)) {
				continue
			}
			for _, b := range in.Breaches {
				if b.Order == o.ID {
					breaches = append(breaches, f.text("mg.charge-breach", mgVars{"ID": in.ID, "Terms": b.Terms}))
				}
			}
		}
	case casefile.NotifyFailure:
		for _, d := range casefile.NotificationDuties(f.c, f.asOf) {
			if d.Order.ID != o.ID || (d.Status != casefile.DutyMissed && d.Status != casefile.DutyLate) {
				continue
			}
			notified := ""
			if d.Notified != nil {
				notified = d.Notified.Date.Long()
			}
			duties = append(duties, f.text("mg.charge-duty", mgVars{
				"Kind":     f.text("notify.kind-"+string(d.Kind), mgVars{"Order": o.ID, "Citation": d.Citation}),
				"Deadline": d.Deadline.Long(), "Late": d.Status == casefile.DutyLate, "Notified": notified,
			}))
		}
	case casefile.NotifyFalse:
		for _, n := range f.c.Notifications {
			if n.Order == o.ID && n.FalseInformation {
				falses = append(falses, n.ID)
			}
		}
	}
	return f.text("mg.charge-order", mgVars{
		"ID": o.ID, "Court": o.Court, "Made": o.Made.Long(), "Served": served,
		"Exhibit": o.Exhibit, "ServiceExhibit": serviceExhibit, "Breaches": breaches, "Duties": duties, "False": falses,
	})
}
