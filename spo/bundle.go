package spo

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
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
//   - the proposed terms, each with its necessity (s.2(2)), whom it protects
//     and where it applies (s.2(4)), and the checks of s.2(3) and
//     s.2(6)–(7);
//   - the draft order (duration, s.3; breach warning, s.8; notification
//     duties, ss.9–10) and, when one is sought, the draft interim order;
//   - the witness statements, each with its own page count, and the
//     exhibits: pictures embedded with captions, PDFs merged in place,
//     others listed as held by police.
//
// The court reads exactly what the respondent is served: the court copy is
// the service copy (WriteServiceCopy) page for page, with the same
// sections, page numbers and withheld details, and differs only in its
// title and in saying on every page that it is the court's copy and not
// for service. What the respondent's copy withholds reaches the court in
// the confidential annex (WriteConfidentialAnnex). The police's decision
// aids (the screening and the checks on the file) are not evidence and are
// in neither; sensitive exhibits and unused material are never printed.
func WriteBundle(w io.Writer, app *Application, opts BundleOptions) error {
	b, err := newBuilder(app, opts, courtCopy)
	if err != nil {
		return err
	}
	b.bundle()
	return b.write(w)
}

// WriteServiceCopy writes the bundle as it is served on the respondent:
// the court copy's sections and pages, headed SERVICE COPY. Every string
// it prints passes the respondent's casefile.Disclosure, so the contact
// details and dates of birth of everyone but the respondent, wherever they
// occur and however they are written, are withheld, as is any
// contact-shaped text nobody recorded (CASE-UNRECORDED-DETAIL reports it).
// Exhibits are reproduced from their redacted_file where one is given; an
// exhibit PDF whose text still holds a withheld detail is not reproduced
// (SPO-EXHIBIT-DETAILS). Terms are printed in full: validation refuses a
// term that would name a withheld detail (SPO-TERM-WITHHELD).
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
	annexCopy                  // the court's confidential annex
	orderCopy                  // a draft order as its own document, as served
)

// builder lays out one document of an application.
type builder struct {
	a       *Application
	c       *casefile.Case
	x       *casefile.Index
	opts    BundleOptions
	edition edition
	asOf    casefile.Date
	set     *templates.Set // the wording, which r renders
	r       *templates.Renderer
	d       *pdfdoc.Document
	// pics are the pictures checked for the document, decoded once.
	pics *pdfdoc.Pictures
	// disclosure is what the document's reader may see: the respondent's
	// for every edition but the annex.
	disclosure *casefile.Disclosure
	// buildErr is the first problem found while describing the document:
	// an exhibit file a final (not draft) bundle cannot read, a statement
	// that cannot be laid out, or a screening the wording cannot word.
	buildErr error

	actAnchor map[*casefile.Incident]string
	stAnchor  map[string]string // statement id -> anchor of its first page
	exAnchor  map[string]string // exhibit ref -> anchor of its page or list row
	exhibits  []exhibitEntry
	// varied is the variation application a draft varied order or an
	// application to vary is written from; nil for every other document.
	varied *Variation
	// common are the fields every wording unit may use (see data), found
	// once: a long chronology asks for them for every line.
	common map[string]any
}

// newBuilder starts a document of the given edition. Everything but the
// confidential annex is printed as the respondent may read it.
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
		a: a, c: a.Case, x: x, opts: opts, edition: ed, pics: &pdfdoc.Pictures{},
		asOf:      a.Case.ResolveAsOf(opts.AsOf),
		set:       set,
		r:         set.Renderer(),
		actAnchor: map[*casefile.Incident]string{},
		stAnchor:  map[string]string{},
		exAnchor:  map[string]string{},
	}
	audience := casefile.AudienceRespondent
	if ed == annexCopy {
		audience = casefile.AudienceCourt
	}
	b.disclosure = casefile.NewDisclosure(a.Case, audience, b.r)
	return b, nil
}

// start begins the document with the header and footer every page carries.
func (b *builder) start(title, subject string) {
	var notes []string
	switch b.edition {
	case serviceCopy:
		notes = append(notes, b.t("spo.service.note", nil))
	case courtCopy:
		notes = append(notes, b.t("spo.court.note", nil))
	case annexCopy:
		notes = append(notes, b.t("spo.annex.note", nil))
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
		Filter:     b.disclosure.Text,
		Pictures:   b.pics,
	})
}

// bundle lays out every section of the court or service copy.
func (b *builder) bundle() {
	title := "spo.bundle.title"
	if b.edition == courtCopy {
		title = "spo.bundle.court-title"
	}
	b.start(b.t(title, nil), b.t("spo.bundle.subject", nil))
	b.planAnchors()
	b.cover()
	b.application()
	b.chronology()
	b.escalation()
	b.terms()
	b.order()
	b.interimOrder()
	b.statements()
	b.exhibitSection()
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

// t renders a wording unit. What the reader must not see is withheld by
// the document's filter (Options.Filter), where every string passes.
func (b *builder) t(unit string, data any) string {
	return b.clean(b.r.Text(unit, data))
}

// clean makes text taken from the case printable.
func (b *builder) clean(s string) string {
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
	if b.common == nil {
		b.common = map[string]any{
			"Court":      b.a.Court,
			"Applicant":  b.a.Applicant,
			"Force":      b.a.Force,
			"PoliceArea": b.a.PoliceArea,
			"Respondent": b.respondentName(),
			"Protected":  b.protectedNames(),
			"URN":        b.c.URN,
			"AsOf":       b.asOf.Long(),
		}
	}
	m := make(map[string]any, len(b.common)+len(kv)/2)
	maps.Copy(m, b.common)
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
