package spo

import (
	"fmt"
	"io"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/pdfdoc"
)

// exhibitEntry is one exhibit as this copy shows it.
type exhibitEntry struct {
	e    *casefile.Exhibit
	row  string // anchor of its row in the exhibit list
	page string // anchor of its reproduction; "" when only listed
	data []byte
	pdf  bool
	// note is the wording unit that says why the file is not reproduced.
	note string
	// problem says why a file could not be read, for a draft.
	problem string
}

// planExhibits decides how each exhibit appears: reproduced when its file is
// available, a picture or a PDF and not sensitive; otherwise listed with a
// note. The service copy leaves sensitive exhibits out altogether. A file
// that cannot be read stops a final bundle (the exhibit would be missing
// without anyone noticing) but is noted in a draft.
func (b *builder) planExhibits() {
	seen := map[string]bool{}
	for i := range b.c.Exhibits {
		e := &b.c.Exhibits[i]
		if e.Sensitive && b.service {
			continue
		}
		x := exhibitEntry{e: e, row: fmt.Sprintf("exhibit-row-%d", i+1)}
		switch {
		case e.Sensitive:
			x.note = "spo.exhibit.sensitive"
		case blank(e.File) || b.opts.Files == nil:
			x.note = "spo.exhibit.held"
		default:
			data, kind, err := b.readExhibit(e)
			switch {
			case err != nil && b.opts.Draft:
				x.note, x.problem = "spo.exhibit.unreadable", err.Error()
			case err != nil:
				if b.buildErr == nil {
					b.buildErr = fmt.Errorf("spo: exhibit %s: %w", e.Ref, err)
				}
				x.note = "spo.exhibit.held"
			default:
				x.data, x.pdf = data, kind == "application/pdf"
				x.page = fmt.Sprintf("exhibit-%d", i+1)
			}
		}
		if !seen[e.Ref] {
			seen[e.Ref] = true
			b.exAnchor[e.Ref] = x.row
			if x.page != "" {
				b.exAnchor[e.Ref] = x.page
			}
		}
		b.exhibits = append(b.exhibits, x)
	}
}

// readExhibit reads an exhibit's file from the case folder and says what it
// is: a PDF, or a PNG, JPEG or TIFF picture. A file that cannot be printed
// is refused with the reason in plain words.
func (b *builder) readExhibit(e *casefile.Exhibit) ([]byte, string, error) {
	name, err := casefile.ExhibitPath(e.File)
	if err != nil {
		return nil, "", err
	}
	f, err := b.opts.Files.Open(name)
	if err != nil {
		return nil, "", fmt.Errorf("opening %q: %w", name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, casefile.MaxExhibitFileSize+1))
	if err != nil {
		return nil, "", fmt.Errorf("reading %q: %w", name, err)
	}
	if len(data) > casefile.MaxExhibitFileSize {
		return nil, "", fmt.Errorf("%q is over the %d MiB limit for one exhibit file", name, casefile.MaxExhibitFileSize>>20)
	}
	if err := pdfdoc.CheckExhibit(data); err != nil {
		return nil, "", fmt.Errorf("%q cannot be used: %w", name, err)
	}
	if pdfdoc.IsPDF(data) {
		return data, "application/pdf", nil
	}
	return data, "image", nil
}

// exhibitSection lists the exhibits and reproduces those it can.
func (b *builder) exhibitSection() {
	d := b.d
	d.PageBreak()
	d.Heading(1, b.t("spo.exhibits.heading", nil), "exhibits")
	if len(b.exhibits) == 0 {
		d.Paragraph(b.t("spo.exhibits.none", nil))
		return
	}
	d.Paragraph(b.t("spo.exhibits.intro", b.data("Service", b.service)))
	t := pdfdoc.Table{Columns: []pdfdoc.Column{
		{Title: b.t("spo.column.exhibit", nil), Width: 20},
		{Title: b.t("spo.column.description", nil)},
		{Title: b.t("spo.column.produced-by", nil), Width: 32},
		{Title: b.t("spo.column.seized", nil), Width: 28},
		{Title: b.t("spo.column.page", nil), Width: 30},
	}}
	for _, x := range b.exhibits {
		where := pdfdoc.Cell{PageOf: x.page, Link: x.page}
		if x.page == "" {
			where = pdfdoc.Cell{Text: b.t(x.note, nil)}
		}
		t.Rows = append(t.Rows, pdfdoc.Row{Anchor: x.row, Cells: []pdfdoc.Cell{
			{Text: b.orNot(x.e.Ref), Bold: true, Link: x.page},
			{Text: b.orNot(x.e.Description)},
			{Text: b.person(x.e.ProducedBy)},
			{Text: b.t("spo.exhibit.seized", b.data("Date", x.e.SeizedDate.Long(), "Place", b.clean(x.e.SeizedPlace)))},
			where,
		}})
	}
	d.Table(t)
	for _, x := range b.exhibits {
		if x.problem != "" {
			d.Text(pdfdoc.Text{Body: b.t("spo.exhibit.problem", b.data("Ref", b.clean(x.e.Ref), "Problem", b.clean(x.problem))), Style: pdfdoc.Small})
		}
	}

	for _, x := range b.exhibits {
		if x.page == "" {
			continue
		}
		heading := b.t("spo.exhibit.heading", b.data("Ref", b.orNot(x.e.Ref), "Description", b.orNot(x.e.Description)))
		if x.pdf {
			d.ImportPDF(pdfdoc.PDFImport{Data: x.data, Title: heading, Level: 2, Anchor: x.page})
			continue
		}
		d.PageBreak()
		d.Heading(2, heading, x.page)
		d.Image(pdfdoc.Image{Data: x.data, Caption: b.t("spo.exhibit.caption", b.data(
			"Ref", b.orNot(x.e.Ref), "ProducedBy", b.person(x.e.ProducedBy),
			"Date", x.e.SeizedDate.Long(), "Place", b.clean(x.e.SeizedPlace)))})
	}
}
