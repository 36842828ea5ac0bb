package spo

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/pdfdoc"
	"github.com/spokit/spokit/templates"
)

// BundleOptions control how WriteBundle, WriteServiceCopy and WriteNotice
// write their documents.
type BundleOptions struct {
	// Files holds the case's exhibit files: the folder the case file is in,
	// with exhibit paths relative to it. When nil no exhibit file is
	// embedded and every exhibit is only listed.
	Files fs.FS
	// Templates is the wording to print; nil means templates.Default().
	Templates *templates.Set
	// Draft marks every page DRAFT, for documents built from a case that
	// has not passed validation.
	Draft bool
	// AsOf is the date the documents are produced on: the application date
	// on the cover and the date written into the PDF. Zero means the case's
	// as_of date, else today (casefile.Case.ResolveAsOf); give it, or as_of,
	// for byte-identical output.
	AsOf casefile.Date
	// Report, when given, adds a summary of its findings at the end of the
	// court copy. The service copy and the notice never show findings.
	Report *casefile.Report
	// Screening is the stalking screening to print; nil screens the case.
	// A build passes one value to every document so the case is screened
	// once and every document prints the same result.
	Screening *casefile.Screening
}

// ErrNoCase is returned when an Application has no case to print from.
var ErrNoCase = errors.New("the application has no case")

// WriteBundle writes the court copy of the application bundle as one PDF:
//
//   - a cover sheet (court, applicant chief officer and force, respondent,
//     the people to be protected by name, URN, marking, application date)
//     and an index whose page numbers come from the layout and link to each
//     section; every index entry is also a bookmark;
//   - the application: the police area basis (s.1(3)), the three conditions
//     of s.1(1) (the acts relied on, each linked to its chronology row; the
//     risk and the kind of harm, s.1(4); necessity), the protected people's
//     views, and any interim application (s.5);
//   - the chronology of acts, with the s.2A(3) wording for each behaviour and
//     links to the statement or exhibit evidencing it;
//   - a chart of acts per month by kind of conduct;
//   - the police's stalking screening of the case (casefile.Screen, worded
//     by Screening.Report), with each incident it names mapped to its act
//     in the chronology;
//   - the proposed terms, each with its necessity (s.2(2)), whom it protects
//     and where it applies (s.2(4)), and the checks of s.2(3) and
//     s.2(6)–(7);
//   - the draft order (duration, s.3; breach warning, s.8; notification
//     duties, ss.9–10) and, when one is sought, the draft interim order;
//   - the witness statements, each with its own page count, and the
//     exhibits: pictures embedded with captions, PDFs merged in place,
//     others listed as held by police. Sensitive exhibits are listed but
//     their files are not reproduced: the court can ask for them, and a copy
//     of the bundle cannot pass them on by mistake;
//   - with opts.Report, a summary of the validation findings.
//
// Every page carries the case's protective marking and "Page x of y".
// Unused material is not part of the application (it is not relied on) and
// is never printed.
func WriteBundle(w io.Writer, app *Application, opts BundleOptions) error {
	b, err := newBuilder(app, opts, courtCopy)
	if err != nil {
		return err
	}
	b.bundle()
	return b.write(w)
}

// WriteServiceCopy writes the bundle as it is served on the respondent: the
// court copy's sections, headed SERVICE COPY, without the witnesses'
// contact pages, sensitive exhibits (not even listed), the screening or
// any findings, and with the protected people's and witnesses' addresses,
// phone numbers, email addresses and dates of birth withheld wherever they
// occur, including in free text. The redactor's doc (redact.go) says
// exactly what is withheld; note that a term or place naming a withheld
// street prints "[withheld]".
// The respondent's own details are printed in full. Exhibit files are
// reproduced as they are: mark an exhibit sensitive if its file shows a
// protected person's details.
func WriteServiceCopy(w io.Writer, app *Application, opts BundleOptions) error {
	b, err := newBuilder(app, opts, serviceCopy)
	if err != nil {
		return err
	}
	b.bundle()
	return b.write(w)
}

// edition is which document a builder makes.
type edition int

const (
	courtCopy   edition = iota // the bundle filed with the court
	serviceCopy                // the bundle served on the respondent
	noticeCopy                 // the notice of notification requirements
	orderCopy                  // a draft order as its own document, as served
)

// builder lays out one document of an application.
type builder struct {
	a       *Application
	c       *casefile.Case
	x       *casefile.Index
	opts    BundleOptions
	service bool
	asOf    casefile.Date
	set     *templates.Set // the wording, which r renders
	r       *templates.Renderer
	d       *pdfdoc.Document
	red     *redactor
	// buildErr is the first problem found while describing the document:
	// an exhibit file a final (not draft) bundle cannot read, a statement
	// that cannot be laid out, or a screening the wording cannot word.
	buildErr error

	actAnchor map[*casefile.Incident]string
	stAnchor  map[string]string // statement id -> anchor of its first page
	exAnchor  map[string]string // exhibit ref -> anchor of its page or list row
	exhibits  []exhibitEntry
}

// newBuilder starts a document of the given edition. Everything given to
// the respondent (the service copy and the notice) has the protected
// people's and witnesses' details withheld.
func newBuilder(a *Application, opts BundleOptions, ed edition) (*builder, error) {
	if a == nil || a.Case == nil {
		return nil, ErrNoCase
	}
	set := opts.Templates
	if set == nil {
		set = templates.Default()
	}
	x := a.index
	if x == nil {
		x = casefile.NewIndex(a.Case)
	}
	b := &builder{
		a: a, c: a.Case, x: x, opts: opts, service: ed == serviceCopy,
		asOf:      a.Case.ResolveAsOf(opts.AsOf),
		set:       set,
		r:         set.Renderer(),
		actAnchor: map[*casefile.Incident]string{},
		stAnchor:  map[string]string{},
		exAnchor:  map[string]string{},
	}
	if ed != courtCopy {
		b.red = newRedactor(a, b.r.Text("common.withheld", nil))
	}
	return b, nil
}

// start begins the document with the header and footer every page carries.
func (b *builder) start(title, subject string) {
	var notes []string
	if b.service {
		notes = append(notes, b.t("spo.service.note", nil))
	}
	if b.opts.Draft {
		notes = append(notes, b.t("common.draft", nil))
	}
	b.d = pdfdoc.New(pdfdoc.Options{
		Title:      title,
		Subject:    subject,
		Reference:  b.t("spo.reference", b.data()),
		Marking:    printable(b.c.PageMarking()),
		HeaderNote: strings.Join(notes, " · "),
		Draft:      b.opts.Draft,
		Date:       b.asOf.Time(),
	})
}

// bundle lays out every section of the court or service copy.
func (b *builder) bundle() {
	b.start(b.t("spo.bundle.title", nil), b.t("spo.bundle.subject", nil))
	b.planAnchors()
	b.cover()
	b.application()
	b.chronology()
	b.escalation()
	if !b.service {
		b.screening()
	}
	b.terms()
	b.order()
	b.interimOrder()
	b.statements()
	b.exhibitSection()
	if !b.service && b.opts.Report != nil {
		b.findings()
	}
}

// write checks for wording and file errors and writes the PDF.
func (b *builder) write(w io.Writer) error {
	if err := b.r.Err(); err != nil {
		return fmt.Errorf("spo: wording: %w", err)
	}
	if b.buildErr != nil {
		return b.buildErr
	}
	if err := b.d.Write(w); err != nil {
		return fmt.Errorf("spo: writing the PDF: %w", err)
	}
	return nil
}

// t renders a wording unit and withholds what this copy must not show.
func (b *builder) t(unit string, data any) string {
	return b.clean(b.r.Text(unit, data))
}

// clean withholds what this copy must not show from text taken from the
// case, and makes it printable.
func (b *builder) clean(s string) string {
	if b.red != nil {
		s = b.red.apply(s)
	}
	return printable(s)
}

// printable makes case text safe to print as written: invalid UTF-8, which
// only a case built in code can hold (the decoder refuses it), becomes
// U+FFFD, because the PDF engine cannot encode it.
func printable(s string) string {
	return strings.ToValidUTF8(s, "\uFFFD")
}

// orNot returns cleaned text, or the not-recorded wording when it is blank.
func (b *builder) orNot(s string) string {
	if blank(s) {
		return b.t("common.not-recorded", nil)
	}
	return b.clean(s)
}

// data returns the fields every wording unit may use, plus the given
// key-value pairs.
func (b *builder) data(kv ...any) map[string]any {
	m := map[string]any{
		"Court":      b.a.Court,
		"Applicant":  b.a.Applicant,
		"Force":      b.a.Force,
		"PoliceArea": b.a.PoliceArea,
		"Respondent": b.respondentName(),
		"Protected":  b.protectedNames(),
		"URN":        b.c.URN,
		"AsOf":       b.asOf.Long(),
	}
	for i := 0; i+1 < len(kv); i += 2 {
		m[fmt.Sprint(kv[i])] = kv[i+1]
	}
	return m
}

func (b *builder) respondentName() string {
	if p := b.a.Respondent; p != nil && !blank(p.Name()) {
		return printable(strings.TrimSpace(p.Name()))
	}
	return b.r.Text("spo.respondent.unnamed", nil)
}

func (b *builder) protectedNames() []string {
	return names(b.a.Protected)
}

// names returns the people's names, in order.
func names(people []*casefile.Person) []string {
	out := make([]string, 0, len(people))
	for _, p := range people {
		out = append(out, strings.TrimSpace(p.Name()))
	}
	return out
}

// termProtects returns the people a term protects, as TermProtects does,
// using the builder's index.
func (b *builder) termProtects(t casefile.Term) []*casefile.Person {
	if len(t.Protects) == 0 {
		return b.a.Protected
	}
	var out []*casefile.Person
	for _, id := range t.Protects {
		if p := b.x.Person(id); p != nil {
			out = append(out, p)
		}
	}
	return out
}

// person names a person by id for print, or the not-recorded wording.
func (b *builder) person(id string) string {
	if p := b.x.Person(id); p != nil {
		return b.clean(personLabel(p))
	}
	return b.orNot(id)
}

// personLabel names a person with their rank and number when they are an
// officer, e.g. "DC 4521 Sam Okoro".
func personLabel(p *casefile.Person) string {
	parts := []string{p.Rank, p.Number, p.Name()}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// planAnchors names the link targets of acts, statements and exhibits
// before anything is laid out, so that links can point forward. Anchors are
// numbered by position, so duplicate or odd ids in a case cannot clash.
func (b *builder) planAnchors() {
	for i, in := range b.a.Acts {
		if _, dup := b.actAnchor[in]; !dup && in != nil {
			b.actAnchor[in] = fmt.Sprintf("act-%d", i+1)
		}
	}
	for i := range b.c.Statements {
		if id := b.c.Statements[i].ID; b.stAnchor[id] == "" {
			b.stAnchor[id] = b.statementAnchor(i)
		}
	}
	b.planExhibits()
}
