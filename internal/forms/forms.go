// Package forms lays out the MG case-file forms for the public package
// casefile/mgform, and adds witness statements in the MG11 layout to other
// documents (the SPO bundle) through the PDF engine's document, which is
// why it is internal: its page-level API takes the engine's types.
package forms

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spokit/spokit/casefile/screen"

	"github.com/spokit/spokit/casefile"

	"github.com/spokit/spokit/internal/law"
	"github.com/spokit/spokit/internal/pdfdoc"
	"github.com/spokit/spokit/templates"
)

// Options and Form are documented in casefile/mgform, whose types convert
// to these field for field.
type Options struct {
	AsOf      casefile.Date
	Report    *casefile.Report
	Templates *templates.Set
	Draft     bool
	Screening *screen.Screening
}

// Form is one MG form a case needs (mgform.Form).
type Form struct {
	Name     string
	Audience casefile.Audience
	Write    func(w io.Writer, opts Options) error
}

// Forms returns the MG forms a stalking file needs (mgform.Forms).
func Forms(c *casefile.Case) []Form {
	forms := []Form{
		{Name: "MG3.pdf", Audience: casefile.AudienceProsecution, Write: func(w io.Writer, o Options) error { return WriteMG3(w, c, o) }},
		{Name: "MG5.pdf", Audience: casefile.AudienceDefence, Write: func(w io.Writer, o Options) error { return WriteMG5(w, c, o) }},
		{Name: "MG6C.pdf", Audience: casefile.AudienceDefence, Write: func(w io.Writer, o Options) error { return WriteMG6C(w, c, o) }},
		{Name: "MG6D.pdf", Audience: casefile.AudienceProsecution, Write: func(w io.Writer, o Options) error { return WriteMG6D(w, c, o) }},
		{Name: "MG9.pdf", Audience: casefile.AudienceProsecution, Write: func(w io.Writer, o Options) error { return WriteMG9(w, c, o) }},
	}
	taken := map[string]string{}
	for _, s := range c.Statements {
		id := s.ID
		part := fileNamePart(id)
		name := "MG11-" + part + ".pdf"
		var problem error
		switch other, clash := taken[name]; {
		case part == "" || strings.HasPrefix(part, "."):
			problem = fmt.Errorf("statement id %q cannot be used in a file name: give it an id that starts with a letter or digit", id)
		case clash:
			problem = fmt.Errorf("statements %q and %q would both be written to %s: give them ids that differ in letters or digits", other, id, name)
		default:
			taken[name] = id
		}
		forms = append(forms, Form{Name: name, Audience: casefile.AudienceDefence, Write: func(w io.Writer, o Options) error {
			if problem != nil {
				return problem
			}
			return WriteMG11(w, c, id, o)
		}}, Form{Name: strings.TrimSuffix(name, ".pdf") + "-contact.pdf", Audience: casefile.AudienceProsecution, Write: func(w io.Writer, o Options) error {
			if problem != nil {
				return problem
			}
			return WriteMG11Contact(w, c, id, o)
		}})
	}
	return append(forms, Form{Name: "MG12.pdf", Audience: casefile.AudienceDefence, Write: func(w io.Writer, o Options) error { return WriteMG12(w, c, o) }})
}

// fileNamePart maps id to the characters a file name may safely hold.
func fileNamePart(id string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r == '_', r == '-':
			return r
		}
		return '_'
	}, id)
}

// mgVars is the data a wording unit is rendered with. Case text goes in as
// values, never into a template's source.
type mgVars = map[string]any

// mgListLimit is how many ids a table cell lists before it counts the rest,
// so that a long course of conduct does not make one row pages tall.
const mgListLimit = 30

// mgForm is one MG form being built: the case, its index, the date it is
// judged on, the wording and the PDF.
type mgForm struct {
	c    *casefile.Case
	x    *casefile.Index
	asOf casefile.Date
	opts Options
	code string // "mg5": the prefix of the form's wording units
	// set is the wording: t renders from it, and a screening is put into
	// words with it.
	set *templates.Set
	t   *templates.Renderer
	doc *pdfdoc.Document
	// disclosure is what the form's audience may see.
	disclosure *casefile.Disclosure
}

// mgParts returns a form's case, index, date and wording, with no document
// yet. A nil set means the default wording; a nil x, a new index.
func mgParts(c *casefile.Case, x *casefile.Index, set *templates.Set, asOf casefile.Date, code string) *mgForm {
	if set == nil {
		set = templates.Default()
	}
	if x == nil {
		x = casefile.NewIndex(c)
	}
	return &mgForm{c: c, x: x, asOf: c.ResolveAsOf(asOf), code: code, set: set, t: set.Renderer()}
}

// newMGForm starts the form whose wording units start with code (e.g.
// "mg5") for an audience. Forms that must not be disclosed carry "NOT FOR
// DISCLOSURE" under the header of every page; forms that are disclosed
// print every string through the audience's Disclosure, so no section can
// print a contact detail the defence must not see.
func newMGForm(c *casefile.Case, opts Options, code string, audience casefile.Audience) *mgForm {
	asOf := opts.AsOf
	if asOf.IsZero() && opts.Report != nil {
		asOf = opts.Report.AsOf
	}
	f := mgParts(c, nil, opts.Templates, asOf, code)
	f.opts = opts
	note := ""
	if !audience.Withholds() {
		note = f.label("mg.not-for-disclosure")
	}
	f.disclosure = casefile.NewDisclosure(c, audience, f.t)
	title := f.label(code + ".title")
	f.doc = pdfdoc.New(pdfdoc.Options{
		Title:      title,
		Subject:    f.text("mg.subject", mgVars{"Form": title, "URN": c.URN}),
		Reference:  f.text("mg.reference", mgVars{"URN": c.URN}),
		Marking:    c.PageMarking(),
		HeaderNote: note,
		Draft:      opts.Draft,
		Date:       f.asOf.Time(),
		Filter:     f.disclosure.Text,
	})
	return f
}

// text renders a wording unit; a failure is kept and reported by write.
func (f *mgForm) text(unit string, data any) string { return f.t.Text(unit, data) }

// label renders a wording unit that takes no data.
func (f *mgForm) label(unit string) string { return f.t.Text(unit, nil) }

// write reports the first wording error, else lays the form out into w.
func (f *mgForm) write(w io.Writer) error {
	if err := f.t.Err(); err != nil {
		return fmt.Errorf("%s: %w", strings.ToUpper(f.code), err)
	}
	if err := f.doc.Write(w); err != nil {
		return fmt.Errorf("%s: %w", strings.ToUpper(f.code), err)
	}
	return nil
}

// report returns the findings to list: the caller's, or the case validated
// with casefile's rules on the form's date.
func (f *mgForm) report() *casefile.Report {
	if f.opts.Report != nil {
		return f.opts.Report
	}
	return casefile.Validate(f.c, casefile.Options{AsOf: f.asOf})
}

// intro prints the form's title and the small print saying what the layout
// is and where it came from.
func (f *mgForm) intro() {
	title := f.label(f.code + ".title")
	f.doc.Text(pdfdoc.Text{Body: title, Style: pdfdoc.Bold})
	f.doc.Text(pdfdoc.Text{Style: pdfdoc.Small, Body: f.text("mg.layout-note", mgVars{
		"Form": strings.ToUpper(f.code), "URN": f.c.URN, "AsOf": f.asOf.Long(),
	})})
}

// heading adds a bookmarked heading worded by unit.
func (f *mgForm) heading(level int, unit string) {
	f.doc.Heading(level, f.label(unit), "")
}

// col is a table column titled by a wording unit: a fixed width in
// millimetres, or a share of the rest when width is 0.
func (f *mgForm) col(unit string, width, weight float64) pdfdoc.Column {
	return pdfdoc.Column{Title: f.label(unit), Width: width, Weight: weight}
}

// field is a form box labelled by a wording unit.
func (f *mgForm) field(unit, value string) pdfdoc.Field {
	return pdfdoc.Field{Label: f.label(unit), Value: value}
}

// name returns the name of the person with the given id, or the id itself
// when it does not resolve (CASE-REF reports that). An officer's name is
// always printed one way, with rank and number: "DC Leah Brennan 2318".
func (f *mgForm) name(id string) string {
	p := f.x.Person(id)
	switch {
	case p == nil:
		return id
	case p.Role == casefile.RoleOfficer:
		return f.text("mg.officer", mgVars{"Rank": p.Rank, "Name": p.Name(), "Number": p.Number, "Unit": ""})
	}
	return p.Name()
}

// names returns the names of the people with the given ids.
func (f *mgForm) names(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = f.name(id)
	}
	return out
}

// officer describes an officer with rank, number and unit, e.g. "DC Leah
// Brennan 2318, Public Protection Unit".
func (f *mgForm) officer(id string) string {
	p := f.x.Person(id)
	if p == nil {
		return id
	}
	return f.text("mg.officer", mgVars{"Rank": p.Rank, "Name": p.Name(), "Number": p.Number, "Unit": p.Unit})
}

// yesNo words a flag.
func (f *mgForm) yesNo(b bool) string {
	if b {
		return f.label("mg.yes")
	}
	return f.label("mg.no")
}

// orNone returns s, or the wording for "none" when s is empty.
func (f *mgForm) orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return f.label("mg.none")
	}
	return s
}

// orNotRecorded returns s, or the wording for a detail the case does not give.
func (f *mgForm) orNotRecorded(s string) string {
	if strings.TrimSpace(s) == "" {
		return f.label("common.not-recorded")
	}
	return s
}

// idList joins ids for a table cell, counting those past mgListLimit.
func (f *mgForm) idList(ids []string) string {
	if len(ids) <= mgListLimit {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:mgListLimit], ", ") + " " + f.text("mg.more", mgVars{"N": len(ids) - mgListLimit})
}

// formDates prints dates in the forms' one date style ("4 August 2025"), joined.
func formDates(ds []casefile.Date) string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Long()
	}
	return strings.Join(out, ", ")
}

// suspects returns the names of the case's suspects.
func (f *mgForm) suspects() []string {
	var out []string
	for _, p := range f.x.Suspects() {
		out = append(out, p.Name())
	}
	return out
}

// role words a person's part in the case for a form.
func (f *mgForm) role(p casefile.Witness) string {
	switch {
	case p.Victim:
		return f.label("mg.role-victim")
	case p.Role == casefile.RoleOfficer:
		return f.label("mg.role-officer")
	case p.Role == casefile.RoleWitness:
		return f.label("mg.role-witness")
	}
	return f.label("mg.role-other")
}

// victims returns the ids of everyone the chronology names as a victim, in
// order of first mention.
func (f *mgForm) victims() []string {
	var out []string
	for _, in := range f.x.Chronology() {
		for _, v := range in.Victims {
			if !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

// headline is the short summary of the case the MG5 and MG3 open with.
func (f *mgForm) headline() string {
	chron := f.x.Chronology()
	var behaviours []string
	for _, name := range (casefile.Behaviour("")).Values() {
		if slices.ContainsFunc(chron, func(in *casefile.Incident) bool { return slices.Contains(in.Behaviours, casefile.Behaviour(name)) }) {
			behaviours = append(behaviours, casefile.Behaviour(name).Words())
		}
	}
	var rels []string
	for _, s := range f.x.Suspects() {
		for _, v := range f.victims() {
			if r := f.x.Relationship(s.ID, v); r != nil {
				rels = append(rels, f.text("mg.relationship", mgVars{
					"Suspect": s.Name(), "Victim": f.name(v), "Type": strings.ReplaceAll(string(r.Type), "-", " "),
					"LivedTogether": r.LivedTogether, "From": r.From.Long(), "To": r.To.Long(),
				}))
			}
		}
	}
	var charges []string
	for i := range f.c.Charges {
		charges = append(charges, f.chargeTitle(&f.c.Charges[i]))
	}
	first, last := "", ""
	if len(chron) > 0 {
		first, last = chron[0].Date.Long(), casefile.LastOccasion(chron).Long()
	}
	online := 0
	for _, in := range chron {
		if in.Online {
			online++
		}
	}
	return f.text("mg.headline", mgVars{
		"Suspects": f.suspects(), "Victims": f.names(f.victims()), "Occasions": len(chron), "Online": online,
		"First": first, "Last": last, "Behaviours": behaviours, "Relationships": rels, "Charges": charges,
	})
}

// behaviourText prints a behaviour with its PHA 1997 s.2A(3) paragraph
// when it is one of the examples of stalking.
func (f *mgForm) behaviourText(b casefile.Behaviour) string {
	para := ""
	if lb, ok := law.StalkingBehaviour(string(b)); ok {
		para = lb.Paragraph
	}
	return f.text("mg.behaviour", mgVars{"Name": b.Words(), "Paragraph": para})
}

// chargeOffence returns the law table's offence for a charge, in its aggravated
// form where the charge is aggravated. ok is false for an offence or
// aggravation the table does not know (the decoder refuses both).
func chargeOffence(ch *casefile.Charge) (law.Offence, bool) {
	off, ok := law.Lookup(string(ch.Offence))
	if !ok {
		return law.Offence{}, false
	}
	agg, err := off.Aggravated(law.Aggravation(ch.Aggravated))
	if err != nil {
		return off, false
	}
	return agg, true
}

// chargeTitle names a charge's offence with its citation.
func (f *mgForm) chargeTitle(ch *casefile.Charge) string {
	off, ok := chargeOffence(ch)
	if !ok {
		return f.text("mg.offence-unknown", mgVars{"Code": string(ch.Offence), "Aggravated": string(ch.Aggravated)})
	}
	return f.text("mg.offence", mgVars{"Title": off.Title, "Citation": off.Citation})
}

// elementTables prints, for each victim of a charge, the legal elements
// spokit judges from the record (Index.Assess, the judgments the
// validation rules use).
func (f *mgForm) elementTables(ch *casefile.Charge) {
	for _, v := range ch.Victims {
		a := f.x.Assess(ch, v, f.asOf)
		f.doc.Text(pdfdoc.Text{Body: f.text("mg.elements-against", mgVars{
			"Victim": f.name(v), "Occasions": len(a.Course),
		}), Style: pdfdoc.Bold})
		if len(a.Elements) == 0 {
			f.doc.Paragraph(f.label("mg.elements-none"))
			continue
		}
		rows := make([]pdfdoc.Row, len(a.Elements))
		for i, e := range a.Elements {
			met := f.label("mg.not-met")
			if e.Met {
				met = f.label("mg.met")
			}
			rows[i] = pdfdoc.Row{Cells: []pdfdoc.Cell{
				{Text: f.text("mg.element", mgVars{"Name": e.Name, "Citation": e.Citation})},
				{Text: met, Bold: !e.Met},
				{Text: e.Detail},
				{Text: f.idList(e.Incidents)},
			}}
		}
		f.doc.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
			f.col("mg.col-element", 0, 2), f.col("mg.col-met", 17, 0), f.col("mg.col-shows", 0, 2), f.col("mg.col-occasions", 26, 0),
		}, Rows: rows})
	}
}

// findings prints the validation findings: a count, then a table.
func (f *mgForm) findings(r *casefile.Report) {
	f.doc.Paragraph(f.text("mg.findings-summary", mgVars{
		"Errors": r.Count(casefile.Error), "Warnings": r.Count(casefile.Warning), "Notes": r.Count(casefile.Info), "AsOf": r.AsOf.Long(),
	}))
	if len(r.Findings) == 0 {
		return
	}
	rows := make([]pdfdoc.Row, len(r.Findings))
	for i, fd := range r.Findings {
		rows[i] = pdfdoc.Row{Cells: []pdfdoc.Cell{
			{Text: f.text("mg.finding-rule", mgVars{"Rule": fd.Rule, "Severity": f.label("mg.severity-" + fd.Severity.String())}), Bold: fd.Severity == casefile.Error},
			{Text: f.text("mg.finding", mgVars{"Message": fd.Message, "Path": fd.Path})},
			{Text: fd.Citation},
		}}
	}
	f.doc.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		f.col("mg.col-rule", 44, 0), f.col("mg.col-message", 0, 3), f.col("mg.col-law", 0, 1.2),
	}, Rows: rows})
}

// unused returns the unused material of one schedule, in case order:
// MG6D when sensitive, else MG6C.
func (f *mgForm) unused(sensitive bool) []*casefile.UnusedItem {
	var out []*casefile.UnusedItem
	for i := range f.c.UnusedMaterial {
		if f.c.UnusedMaterial[i].Sensitive == sensitive {
			out = append(out, &f.c.UnusedMaterial[i])
		}
	}
	return out
}

// defendant names the suspects for an "R v" box.
func (f *mgForm) defendant() string {
	return f.orNotRecorded(strings.Join(f.suspects(), ", "))
}

// caseGrid prints the boxes that head the MG9 and MG12: URN, the
// defendant, the officer in the case and the date.
func (f *mgForm) caseGrid() {
	f.doc.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{
		{f.field("mg.urn", f.c.URN), f.field("mg.r-v", f.defendant())},
		{f.field("mg.oic", f.officer(f.c.OfficerInCase))},
		{f.field("mg.date", f.asOf.Long())},
	}})
}
