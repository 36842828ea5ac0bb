package forms

import (
	"fmt"
	"io"
	"strings"

	"github.com/spokit/spokit/casefile"

	"github.com/spokit/spokit/internal/pdfdoc"
	"github.com/spokit/spokit/templates"
)

// WriteMG11 writes one witness statement (MG11), the statement with the
// given id, as a PDF: the statement as AddStatementPages lays it out. It
// is disclosed to the defence, so contact details and dates of birth in
// the text are withheld (see Disclosure); the witness's own are on the
// contact page, which WriteMG11Contact writes as a file of its own.
func WriteMG11(w io.Writer, c *casefile.Case, statementID string, opts Options) error {
	f := newMGForm(c, opts, "mg11", casefile.AudienceDefence)
	s := f.x.Statement(statementID)
	if s == nil {
		return fmt.Errorf("MG11: the case has no statement %q", statementID)
	}
	f.statementPages(s, StatementOptions{})
	return f.write(w)
}

// WriteMG11Contact writes the back page of one witness statement (MG11) as
// a PDF of its own: the witness's contact details (address, phone, email,
// date of birth) and the witness care record (willingness to attend, dates
// to avoid, Victim Personal Statement, special measures eligibility and why
// they are sought, preferred contact), marked not for disclosure. Keeping it in its own file means the statement can be
// disclosed or served without any risk of the page going with it.
func WriteMG11Contact(w io.Writer, c *casefile.Case, statementID string, opts Options) error {
	f := newMGForm(c, opts, "mg11", casefile.AudienceProsecution)
	s := f.x.Statement(statementID)
	if s == nil {
		return fmt.Errorf("MG11: the case has no statement %q", statementID)
	}
	f.contactPage(s)
	return f.write(w)
}

// MG11Declaration returns the declaration of a witness statement in the
// prescribed words (Criminal Justice Act 1967 s.9(2)(b); Criminal
// Procedure Rules r.16.2(b) and the form the Practice Direction sets out,
// as printed on the national MG11), with pages in place of the number of
// pages. The law prescribes the words, so they are not a wording unit a
// force can change.
func MG11Declaration(pages string) string {
	return "This statement (consisting of " + pages + " page(s) each signed by me) is true to the best of my knowledge and belief and I make it knowing that, if it is tendered in evidence, I shall be liable to prosecution if I have wilfully stated in it anything which I know to be false, or do not believe to be true."
}

// StatementOptions control AddStatementPages.
type StatementOptions struct {
	// Templates is a force's wording; nil means templates.Default().
	Templates *templates.Set
	// AsOf is the date the small print says the case was recorded at;
	// zero means the case's ResolveAsOf.
	AsOf casefile.Date
	// Heading, when set, is printed at the top of the statement's first
	// page and bookmarked at HeadingLevel (1 to 3; 0 means 1).
	Heading      string
	HeadingLevel int
	// Anchor, when set, names the statement's first page as a link target.
	Anchor string
	// Index, when set, is the case's index, so that a document adding many
	// statements indexes the case once; nil indexes it for this statement.
	Index *casefile.Index
}

// AddStatementPages adds one witness statement to d in the MG11 layout,
// as a page group of its own, for documents that reproduce statements
// (WriteMG11, the SPO bundle). Its first page gives the witness's name, age
// ("Over 18" or the age), occupation and the URN, then the declaration the
// Criminal Justice Act 1967 s.9 and Criminal Procedure Rules r.16.2 require
// in the prescribed words (MG11Declaration) with the statement's own page
// count filled in, which a box above the declaration also shows; the statement text
// follows, paragraph by paragraph, printed exactly as the case gives it. Every page
// reads "page x of y" for the statement and has lines for the witness's
// signature and the signature of the person who witnessed it.
//
// The witness's contact details are not added; what else the statement
// prints is withheld by d's own filter (pdfdoc.Options.Filter). It returns
// the first wording error; the pages are then incomplete and d must not be
// written.
func AddStatementPages(d *pdfdoc.Document, c *casefile.Case, st *casefile.Statement, opts StatementOptions) error {
	f := mgParts(c, opts.Index, opts.Templates, opts.AsOf, "mg11")
	f.doc = d
	f.statementPages(st, opts)
	if err := f.t.Err(); err != nil {
		return fmt.Errorf("MG11 %s: %w", st.ID, err)
	}
	return nil
}

// statementPages adds the statement as its own page group.
func (f *mgForm) statementPages(s *casefile.Statement, opts StatementOptions) {
	d := f.doc
	name := f.name(s.Person)
	maker := f.maker(s)
	d.StartGroup(pdfdoc.Group{
		Name:       f.text("mg11.group", mgVars{"Name": name}),
		Signatures: []string{f.label("mg.signature"), f.label("mg11.witnessed-by")},
	})
	switch {
	case opts.Heading != "":
		d.Heading(max(opts.HeadingLevel, 1), opts.Heading, opts.Anchor)
	case opts.Anchor != "":
		d.Anchor(opts.Anchor)
	}
	f.intro()
	takenBy := ""
	if s.TakenBy != "" {
		takenBy = f.officer(s.TakenBy)
	}
	d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{
		{f.field("mg11.statement-of", name)},
		{f.field("mg11.age", f.text("mg11.age-value", mgVars{"Over18": s.IsOver18(), "Age": s.Age})),
			f.field("mg.occupation", f.orNotRecorded(maker.Occupation))},
		{f.field("mg.urn", f.c.URN), f.field("mg11.statement-id", s.ID)},
		{f.field("mg11.made-on", s.Date.Long()), f.field("mg11.place", f.orNotRecorded(s.Place))},
		{f.field("mg11.taken-by", f.orNotRecorded(takenBy))},
		// The layout fills the box in, so the count is the statement's own.
		{{Label: f.label("mg11.pages"), Count: pdfdoc.GroupPageCount}},
	}})
	d.Text(pdfdoc.Text{Body: MG11Declaration(pdfdoc.PageCountMark), Count: pdfdoc.GroupPageCount})
	d.Signatures(f.label("mg.signature"), f.label("mg.date"))
	if s.VideoRecorded {
		d.Text(pdfdoc.Text{Body: f.label("mg11.video"), Style: pdfdoc.Bold})
	}
	paragraphs := statementParagraphs(s.Text)
	if len(paragraphs) == 0 {
		d.Paragraph(f.label("mg11.no-text"))
	}
	for _, p := range paragraphs {
		d.Paragraph(p)
	}
	d.Signatures(f.label("mg.signature"))
	d.EndGroup()
}

// maker returns the person who made the statement, or an empty person
// with the statement's id for them when it does not resolve.
func (f *mgForm) maker(s *casefile.Statement) *casefile.Person {
	if p := f.x.Person(s.Person); p != nil {
		return p
	}
	return &casefile.Person{ID: s.Person}
}

// contactPage adds the witness's contact details on a page of its own,
// after the statement's page group.
func (f *mgForm) contactPage(s *casefile.Statement) {
	d := f.doc
	name := f.name(s.Person)
	maker := f.maker(s)
	d.Heading(1, f.label("mg11.contact-title"), "")
	d.Text(pdfdoc.Text{Body: f.text("mg11.contact-note", mgVars{"Name": name, "ID": s.ID}), Style: pdfdoc.Small})
	d.Form(pdfdoc.Form{Rows: append([][]pdfdoc.Field{
		{f.field("mg.name", name)},
		{f.field("mg.address", f.orNotRecorded(maker.Address))},
		{f.field("mg.phone", f.orNotRecorded(maker.Phone))},
		{f.field("mg.email", f.orNotRecorded(maker.Email))},
		{f.field("mg.dob", f.orNotRecorded(maker.DateOfBirth.Long()))},
	}, f.witnessCareRows(maker)...)})
}

// statementParagraphs splits statement text at blank lines, keeping single
// line breaks inside a paragraph.
func statementParagraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out, cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimRight(line, " \t")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}
