package forms

import (
	"fmt"
	"io"
	"strings"

	"github.com/spokit/spokit/casefile/screen"

	"github.com/spokit/spokit/casefile"

	"github.com/spokit/spokit/internal/law"
	"github.com/spokit/spokit/internal/pdfdoc"
)

// WriteMG3 writes the report to a crown prosecutor for a charging decision
// (MG3) as a PDF: a case summary; the proposed charges with statute,
// section, mode of trial and maximum penalty from spokit's law table (a
// figure not yet checked against a source is flagged UNVERIFIED); the
// offence elements against the evidence (Index.Assess); the time limits and
// the last day to charge; risk assessments; the victims' views and the
// impact on them; the Stalking Protection Order consideration; disclosure
// issues; the validation findings; and a prosecutor's decision section left
// blank to complete. Each section is bookmarked.
//
// The MG3 is not disclosed: every page says so under the header.
func WriteMG3(w io.Writer, c *casefile.Case, opts Options) error {
	f := newMGForm(c, opts, "mg3", casefile.AudienceProsecution)
	screening, err := screen.ScreeningOf(opts.Screening, c, f.asOf).Report(f.set)
	if err != nil {
		return fmt.Errorf("MG3: %w", err)
	}
	d := f.doc
	f.intro()
	d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{
		{f.field("mg.urn", c.URN), f.field("mg.force", f.orNotRecorded(c.Force.Name))},
		{f.field("mg.oic", f.officer(c.OfficerInCase))},
		{f.field("mg3.test", f.label("mg3.test-choices")), f.field("mg.date", f.asOf.Long())},
	}})
	f.mg3Summary()
	f.mg3Charges()
	f.mg3Elements()
	f.mg3TimeLimits()
	f.mg3Suspect()
	f.mg3Risk()
	f.mg3Victims()
	f.mg3SPO()
	f.mg3Restraining()
	f.mg3Assessment()
	f.mg3Disclosure()
	f.screeningSection("mg3.screening", screening)
	f.heading(1, "mg3.findings")
	f.findings(f.report())
	f.mg3Decision()
	return f.write(w)
}

func (f *mgForm) mg3Summary() {
	d := f.doc
	f.heading(1, "mg3.summary")
	d.Paragraph(f.headline())
	for _, p := range f.x.Suspects() {
		d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{
			{f.field("mg3.suspect", p.Name())},
			{f.field("mg.aliases", f.orNone(strings.Join(p.Aliases, "; ")))},
			{f.field("mg.dob", f.orNotRecorded(p.DateOfBirth.Long())), f.field("mg.occupation", f.orNotRecorded(p.Occupation))},
		}})
	}
}

// courseEnd is the last day of the conduct a charge covers, across its
// victims: the date that decides which statutory maximum applies. Without
// recorded occasions it is the charge's "to" date, else the form's date.
func (f *mgForm) courseEnd(ch *casefile.Charge) casefile.Date {
	var last casefile.Date
	for _, v := range ch.Victims {
		if d := casefile.LastOccasion(f.x.Course(ch, v)); d.After(last) {
			last = d
		}
	}
	switch {
	case !last.IsZero():
		return last
	case !ch.To.IsZero():
		return ch.To
	}
	return f.asOf
}

// maximum words one maximum sentence with its source, flagging one that has
// not been checked.
func (f *mgForm) maximum(court string, m law.Maximum) string {
	return f.text("mg3.maximum", mgVars{
		"Court": f.label(court), "Available": m.Available, "Years": yearsOnly(m.Months), "Months": m.Months,
		"Citation": m.Citation, "Status": m.Status.String(), "Unverified": m.Status == law.Unverified,
	})
}

// yearsOnly returns a term in whole years when it is at least two years
// and a whole number of them, else 0 (print it in months).
func yearsOnly(months int) int {
	if months >= 24 && months%12 == 0 {
		return months / 12
	}
	return 0
}

func (f *mgForm) mg3Charges() {
	d := f.doc
	f.heading(1, "mg3.charges")
	if len(f.c.Charges) == 0 {
		d.Paragraph(f.label("mg.no-charges"))
		return
	}
	for i := range f.c.Charges {
		ch := &f.c.Charges[i]
		d.Heading(2, f.chargeHeading(ch), "")
		off, ok := chargeOffence(ch)
		if !ok {
			d.Paragraph(f.chargeDetails(ch))
			continue
		}
		pen := off.MaxPenalty(f.courseEnd(ch).Time(), f.asOf.Time())
		d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{
			{f.field("mg3.offence", off.Title)},
			{f.field("mg3.statute", f.text("mg3.statute-section", mgVars{"Statute": off.Statute, "Section": off.Section}))},
			{f.field("mg3.mode", f.label("mg3.mode-"+strings.ReplaceAll(off.Mode.String(), " ", "-")))},
			{f.field("mg3.maximum-label", f.maximum("mg3.summary-court", pen.Summary)+"\n"+f.maximum("mg3.indictment", pen.Indictment))},
			{f.field("mg3.charge-label", f.chargeDetails(ch))},
		}})
	}
}

func (f *mgForm) mg3Elements() {
	d := f.doc
	f.heading(1, "mg3.elements")
	if len(f.c.Charges) == 0 {
		d.Paragraph(f.label("mg.no-charges"))
		return
	}
	d.Paragraph(f.label("mg3.elements-intro"))
	for i := range f.c.Charges {
		ch := &f.c.Charges[i]
		d.Heading(2, f.chargeHeading(ch), "")
		if off, ok := chargeOffence(ch); ok {
			d.Text(pdfdoc.Text{Body: f.text("mg3.to-prove", mgVars{"Elements": off.Elements})})
		}
		f.elementTables(ch)
	}
}

func (f *mgForm) mg3TimeLimits() {
	d := f.doc
	f.heading(1, "mg3.time-limits")
	if len(f.c.Charges) == 0 {
		d.Paragraph(f.label("mg.no-charges"))
		return
	}
	var rows [][]pdfdoc.Field
	for i := range f.c.Charges {
		ch := &f.c.Charges[i]
		off, ok := chargeOffence(ch)
		victims := ch.Victims
		if len(victims) == 0 {
			victims = []string{""} // an offence with no victim (SPA 2019 s.11): one row, its last day the charge's
		}
		for _, v := range victims {
			last, victim := ch.To, ""
			if v != "" {
				last, victim = casefile.LastOccasion(f.x.Course(ch, v)), f.name(v)
			}
			limit, deadline, position := f.timeLimit(ch, off, ok, last)
			rows = append(rows,
				[]pdfdoc.Field{f.field("mg.col-charge", f.text("mg3.charge-victim", mgVars{"ID": ch.ID, "Victim": victim}))},
				[]pdfdoc.Field{f.field("mg3.col-limit", limit)},
				[]pdfdoc.Field{f.field("mg3.col-last-occasion", f.orNotRecorded(last.Long())), f.field("mg3.col-last-day", deadline)})
			if position != "" {
				rows = append(rows, []pdfdoc.Field{f.field("mg3.col-position", position)})
			}
		}
	}
	d.Form(pdfdoc.Form{Rows: rows})
}

// timeLimit words the time limit of a charge whose course ends on last: the
// kind of limit with its law, the last day to charge and where the charge
// stands on the form's date (or the day it was charged).
func (f *mgForm) timeLimit(ch *casefile.Charge, off law.Offence, known bool, last casefile.Date) (limit, deadline, position string) {
	if !known {
		return f.label("mg3.limit-unknown"), "", ""
	}
	kind := "none"
	switch off.TimeLimit.Kind {
	case law.SummaryTimeLimit:
		kind = "summary"
	case law.ExtendedTimeLimit:
		kind = "extended"
	}
	limit = f.text("mg3.limit-"+kind, mgVars{"Citation": off.TimeLimit.Citation})
	if kind == "none" {
		return limit, f.label("mg3.no-last-day"), ""
	}
	if last.IsZero() {
		return limit, f.label("mg3.no-occasions"), ""
	}
	expires, _ := off.TimeLimitExpires(last.Time())
	end := casefile.DateOf(expires)
	on := casefile.ChargeDate(ch, f.asOf)
	return limit, end.Long(), f.text("mg3.position", mgVars{
		"Charged": ch.Status == casefile.Charged && !ch.ChargedOn.IsZero(), "On": on.Long(),
		"InTime": !on.After(end), "Days": absDays(on.DaysUntil(end)),
	})
}

func absDays(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func (f *mgForm) mg3Risk() {
	d := f.doc
	f.heading(1, "mg3.risk")
	if len(f.c.RiskAssessments) == 0 {
		d.Paragraph(f.label("mg3.no-risk"))
		return
	}
	rows := make([]pdfdoc.Row, len(f.c.RiskAssessments))
	for i, ra := range f.c.RiskAssessments {
		assessor := ""
		if ra.Assessor != "" {
			assessor = f.officer(ra.Assessor)
		}
		rows[i] = pdfdoc.TextRow(string(ra.Tool), ra.Date.Long(), f.orNotRecorded(assessor), f.orNotRecorded(string(ra.Level)), f.orNotRecorded(ra.Summary))
	}
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		f.col("mg3.col-tool", 18, 0), f.col("mg.col-date", 32, 0), f.col("mg3.col-assessor", 0, 1.2),
		f.col("mg3.col-level", 18, 0), f.col("mg3.col-risk-summary", 0, 2),
	}, Rows: rows})
}

func (f *mgForm) mg3Victims() {
	d := f.doc
	f.heading(1, "mg3.victims")
	for _, v := range f.victims() {
		p := f.x.Person(v)
		if p == nil {
			p = &casefile.Person{ID: v}
		}
		d.Heading(2, f.name(v), "")
		rows := [][]pdfdoc.Field{
			{f.field("charging.eligibility", f.eligibility(p))},
			{f.field("mg.special-measures", f.orNone(strings.Join(p.SpecialMeasures, "; ")))},
			{f.field("charging.victim-views", f.victimViews(v))},
		}
		impacts := f.x.ImpactOn(v)
		if len(impacts) == 0 {
			rows = append(rows, []pdfdoc.Field{f.field("mg3.impact", f.label("common.not-recorded"))})
		}
		for _, im := range impacts {
			rows = append(rows, []pdfdoc.Field{f.field("mg3.impact", f.text("mg3.impact-text", mgVars{
				"Serious": im.SeriousAlarmOrDistress, "Effects": im.Effects, "Statement": im.Statement,
			}))})
		}
		d.Form(pdfdoc.Form{Rows: rows})
	}
	views := ""
	if f.c.SPO != nil {
		views = f.c.SPO.VictimViews
	}
	d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{{f.field("mg3.views", f.orNotRecorded(views))}}})
}

func (f *mgForm) mg3SPO() {
	d := f.doc
	f.heading(1, "mg3.spo")
	var rows [][]pdfdoc.Field
	if sc := f.c.SPOConsideration; sc != nil {
		by := ""
		if sc.By != "" {
			by = f.officer(sc.By)
		}
		rows = append(rows,
			[]pdfdoc.Field{f.field("mg3.spo-considered", f.orNotRecorded(sc.Date.Long())), f.field("mg3.spo-by", f.orNotRecorded(by))},
			[]pdfdoc.Field{f.field("mg3.spo-decision", f.orNotRecorded(f.decision(sc.Decision)))},
			[]pdfdoc.Field{f.field("mg3.spo-reason", f.orNotRecorded(sc.Reason))})
	} else {
		d.Paragraph(f.label("mg3.spo-not-considered"))
	}
	if s := f.c.SPO; s != nil {
		interim := f.label("mg.no")
		if s.Interim != nil {
			interim = f.text("mg3.spo-interim-period", mgVars{"Period": s.Interim.Period})
		}
		rows = append(rows,
			[]pdfdoc.Field{f.field("mg3.spo-court", f.orNotRecorded(s.Court)), f.field("mg3.spo-hearing", f.orNotRecorded(s.HearingDate.Long()))},
			[]pdfdoc.Field{f.field("mg3.spo-protected", strings.Join(f.names(s.Protected), ", "))},
			[]pdfdoc.Field{f.field("mg3.spo-terms", f.text("mg3.spo-term-count", mgVars{"N": len(s.Terms)})), f.field("mg3.spo-interim", interim)})
	}
	if len(rows) > 0 {
		d.Form(pdfdoc.Form{Rows: rows})
	}
}

// decision words an SPO consideration's outcome.
func (f *mgForm) decision(d casefile.Decision) string {
	if d == "" {
		return ""
	}
	return f.label("mg3.spo-" + string(d))
}

func (f *mgForm) mg3Disclosure() {
	d := f.doc
	f.heading(1, "mg3.disclosure")
	plain, sensitive := f.unused(false), f.unused(true)
	d.Paragraph(f.text("mg3.unused-count", mgVars{"NonSensitive": len(plain), "Sensitive": len(sensitive)}))
	var rows []pdfdoc.Row
	for _, sched := range []struct {
		form  string
		items []*casefile.UnusedItem
	}{{"MG6C", plain}, {"MG6D", sensitive}} {
		for i, u := range sched.items {
			if u.UnderminesOrAssists {
				rows = append(rows, pdfdoc.TextRow(f.text("mg3.schedule-item", mgVars{"Form": sched.form, "N": i + 1, "ID": u.ID}), u.Description))
			}
		}
	}
	if len(rows) == 0 {
		d.Paragraph(f.label("mg3.none-undermine"))
		return
	}
	d.Paragraph(f.label("mg3.undermine-intro"))
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{f.col("mg3.col-item", 36, 0), f.col("mg.col-description", 0, 1)}, Rows: rows})
}

func (f *mgForm) mg3Decision() {
	d := f.doc
	d.PageBreak()
	f.heading(1, "mg3.decision")
	d.Paragraph(f.label("mg3.decision-intro"))
	tall := "\n\n\n\n"
	d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{
		{f.field("mg3.decision-test", "")},
		{f.field("mg3.decision-outcome", tall)},
		{f.field("mg3.decision-charges", tall)},
		{f.field("mg3.decision-actions", tall)},
		{f.field("mg3.decision-orders", tall)},
		{f.field("mg3.decision-prosecutor", ""), f.field("mg3.decision-when", "")},
	}})
	d.Signatures(f.label("mg.signature"), f.label("mg.date"))
}
