package spo

import (
	"io"
	"strings"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/pdfdoc"
)

// WriteConfidentialAnnex writes the court's confidential annex as a PDF of
// its own: what the bundle (court copy and service copy alike) withholds
// from the respondent, for the court only and marked on every page not to
// be served or disclosed. It lists
//
//   - the recorded contact details and dates of birth of each person whose
//     details are withheld (everyone but the respondent, unless an address
//     is recorded as known to the respondent);
//   - contact-shaped text in the case that nobody recorded, with the field
//     it is in (casefile.UnrecordedDetails);
//   - the exhibits left out of the bundle: those held as sensitive and
//     those whose files still hold withheld details, each with why;
//   - the exhibits reproduced in the bundle from a version redacted for
//     service; the original files of these, and of the exhibits left out
//     because their text holds withheld details, follow the lists.
//
// Keeping these apart lets the court and the respondent read the same
// bundle, page for page, while the court can still see what was withheld
// and why.
func WriteConfidentialAnnex(w io.Writer, app *Application, opts BundleOptions) error {
	b, err := newBuilder(app, opts, annexCopy)
	if err != nil {
		return err
	}
	b.start(b.t("spo.annex.title", nil), b.t("spo.bundle.subject", nil))
	d := b.d
	d.Heading(1, b.t("spo.annex.title", nil), "annex")
	d.Paragraph(b.t("spo.annex.intro", b.data()))
	b.annexPeople()
	b.annexUnrecorded()
	originals := b.annexExhibits()
	for _, o := range originals {
		heading := b.t("spo.annex.original", b.data("Ref", b.orNot(o.e.Ref), "Description", b.orNot(o.e.Description)))
		if o.pdf {
			d.ImportPDF(pdfdoc.PDFImport{Data: o.data, Title: heading, Level: 2})
			continue
		}
		d.PageBreak()
		d.Heading(2, heading, "")
		d.Image(pdfdoc.Image{Data: o.data, Caption: heading})
	}
	return b.write(w)
}

// annexPeople lists the withheld details of everyone but the respondent.
func (b *builder) annexPeople() {
	d := b.d
	d.Heading(2, b.t("spo.annex.people", nil), "")
	var rows []pdfdoc.Row
	for i := range b.c.People {
		p := &b.c.People[i]
		if p == b.a.Respondent || (blank(p.Address) && blank(p.Phone) && blank(p.Email) && p.DateOfBirth.IsZero()) {
			continue
		}
		address := b.orNot(p.Address)
		if p.AddressKnownToRespondent && !blank(p.Address) {
			address += "\n" + b.t("spo.annex.known", nil)
		}
		rows = append(rows, pdfdoc.TextRow(b.clean(personLabel(p))+"\n"+string(p.Role), address,
			b.orNot(p.Phone)+"\n"+b.orNot(p.Email), b.orNot(p.DateOfBirth.Long())))
	}
	if len(rows) == 0 {
		d.Paragraph(b.t("spo.annex.none", nil))
		return
	}
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		{Title: b.t("spo.annex.col-person", nil), Weight: 1.2}, {Title: b.t("spo.annex.col-address", nil), Weight: 1.5},
		{Title: b.t("spo.annex.col-contact", nil), Weight: 1.5}, {Title: b.t("spo.annex.col-dob", nil), Width: 30},
	}, Rows: rows})
}

// annexUnrecorded lists the contact-shaped text nobody recorded.
func (b *builder) annexUnrecorded() {
	d := b.d
	d.Heading(2, b.t("spo.annex.unrecorded", nil), "")
	found := casefile.UnrecordedDetails(b.c)
	if len(found) == 0 {
		d.Paragraph(b.t("spo.annex.none", nil))
		return
	}
	rows := make([]pdfdoc.Row, len(found))
	for i, u := range found {
		rows[i] = pdfdoc.TextRow(b.clean(u.Path), b.clean(strings.Join(u.Found, "\n")))
	}
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		{Title: b.t("spo.annex.col-field", nil), Weight: 1}, {Title: b.t("spo.annex.col-text", nil), Weight: 2},
	}, Rows: rows})
}

// annexExhibits lists the exhibits the bundle leaves out or reproduces
// redacted, and returns the originals of the redacted ones to reproduce.
func (b *builder) annexExhibits() []exhibitEntry {
	d := b.d
	d.Heading(2, b.t("spo.annex.exhibits", nil), "")
	var rows []pdfdoc.Row
	var originals []exhibitEntry
	for i := range b.c.Exhibits {
		e := &b.c.Exhibits[i]
		why := ""
		switch {
		case e.Sensitive:
			why = "spo.annex.sensitive"
		case !blank(e.RedactedFile):
			why = "spo.annex.redacted"
			if b.opts.Files != nil && !blank(e.File) {
				if data, kind, err := readExhibitFile(b.opts.Files, e.File, b.pics); err == nil {
					originals = append(originals, exhibitEntry{e: e, data: data, pdf: kind == pdfKind})
				}
			}
		case !blank(e.File) && b.opts.Files != nil:
			data, kind, err := readExhibitFile(b.opts.Files, e.File, b.pics)
			if err != nil || kind != pdfKind {
				continue
			}
			if leaks, err := leakingPages(data, casefile.NewDisclosure(b.c, casefile.AudienceRespondent, b.r)); err == nil && len(leaks) > 0 {
				why = "spo.annex.unredacted"
				originals = append(originals, exhibitEntry{e: e, data: data, pdf: true})
			}
		}
		if why != "" {
			rows = append(rows, pdfdoc.TextRow(b.orNot(e.Ref), b.orNot(e.Description), b.t(why, nil)))
		}
	}
	if len(rows) == 0 {
		d.Paragraph(b.t("spo.annex.none", nil))
		return nil
	}
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		{Title: b.t("spo.column.exhibit", nil), Width: 24}, {Title: b.t("spo.annex.col-description", nil), Weight: 2},
		{Title: b.t("spo.annex.col-why", nil), Weight: 1.5},
	}, Rows: rows})
	if len(originals) > 0 {
		d.Paragraph(b.t("spo.annex.originals", nil))
	}
	return originals
}
