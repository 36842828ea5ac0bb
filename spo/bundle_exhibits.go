package spo

import (
	"fmt"

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
	// redacted is set when the file reproduced is the redacted_file.
	redacted bool
}

// planExhibits decides how each exhibit appears: reproduced when its file is
// available, a picture or a PDF; otherwise listed with a note. Sensitive
// exhibits are left out altogether (the confidential annex lists them for
// the court). The file reproduced is the redacted_file prepared for service
// where there is one; a PDF whose text holds a detail the respondent must
// not see is listed but not reproduced, in a draft as in a final bundle,
// since no copy may carry it (SPO-EXHIBIT-DETAILS asks for a redacted file).
// A file that cannot be read stops a final bundle (the exhibit would be
// missing without anyone noticing) but is noted in a draft.
func (b *builder) planExhibits() {
	seen := map[string]bool{}
	for i := range b.c.Exhibits {
		e := &b.c.Exhibits[i]
		if e.Sensitive {
			continue
		}
		x := exhibitEntry{e: e, row: fmt.Sprintf("exhibit-row-%d", i+1)}
		field, name := servedFile(e)
		switch {
		case name == "" || b.opts.Files == nil:
			x.note = "spo.exhibit.held"
		default:
			data, kind, err := readExhibitFile(b.opts.Files, name, b.pics)
			var leaks []int
			if err == nil && kind == pdfKind {
				leaks, err = leakingPages(data, b.disclosure)
			}
			switch {
			case err != nil && b.opts.Draft:
				x.note, x.problem = "spo.exhibit.unreadable", err.Error()
			case err != nil:
				if b.buildErr == nil {
					b.buildErr = fmt.Errorf("spo: exhibit %s: %w", e.Ref, err)
				}
				x.note = "spo.exhibit.held"
			case len(leaks) > 0:
				x.note = "spo.exhibit.unredacted"
			default:
				x.data, x.pdf, x.redacted = data, kind == pdfKind, field == "redacted_file"
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

// exhibitSection lists the exhibits and reproduces those it can.
func (b *builder) exhibitSection() {
	d := b.d
	d.PageBreak()
	d.Heading(1, b.t("spo.exhibits.heading", nil), "exhibits")
	if len(b.exhibits) == 0 {
		d.Paragraph(b.t("spo.exhibits.none", nil))
		return
	}
	d.Paragraph(b.t("spo.exhibits.intro", nil))
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
		heading := b.t("spo.exhibit.heading", b.data("Ref", b.orNot(x.e.Ref), "Description", b.orNot(x.e.Description), "Redacted", x.redacted))
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
