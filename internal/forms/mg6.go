package forms

import (
	"io"
	"strconv"

	"github.com/spokit/spokit/casefile"

	"github.com/spokit/spokit/internal/pdfdoc"
)

// WriteMG6C writes the schedule of relevant non-sensitive unused material
// (MG6C) as a PDF. Items are numbered consecutively from 1 in case order
// (with the case's id beside the number), each with its description, where
// it is held, a blank "CPS use" column for the prosecutor's D / CND / I and
// a comment that flags material that might undermine the prosecution case
// or assist the defence. It ends with signature boxes for the disclosure
// officer (the officer in the case) and the reviewing lawyer.
func WriteMG6C(w io.Writer, c *casefile.Case, opts Options) error {
	f := newMGForm(c, opts, "mg6c", casefile.AudienceDefence)
	d := f.doc
	f.mg6Header()
	items := f.unused(false)
	if len(items) == 0 {
		d.Paragraph(f.label("mg6c.nil"))
	} else {
		rows := make([]pdfdoc.Row, len(items))
		for i, u := range items {
			comment := ""
			if u.UnderminesOrAssists {
				comment = f.label("mg6c.undermines")
			}
			rows[i] = pdfdoc.Row{Cells: []pdfdoc.Cell{
				{Text: f.itemNo(i, u)}, {Text: u.Description}, {Text: f.orNotRecorded(u.Location)}, {}, {Text: comment, Bold: u.UnderminesOrAssists},
			}}
		}
		d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
			f.col("mg6.col-item", 16, 0), f.col("mg.col-description", 0, 2.2), f.col("mg6c.col-location", 0, 1.1),
			f.col("mg6c.col-cps", 24, 0), f.col("mg6c.col-comment", 0, 1.2),
		}, Rows: rows})
		d.Text(pdfdoc.Text{Body: f.label("mg6c.cps-key"), Style: pdfdoc.Small})
	}
	f.mg6Signatures(true)
	return f.write(w)
}

// WriteMG6D writes the schedule of relevant sensitive unused material
// (MG6D) as a PDF: item number, description, the reason the item is
// sensitive and a blank column for the prosecutor's view. A case with no
// sensitive material gets a nil schedule saying so, for the disclosure
// officer to sign. The MG6D is never disclosed: every page says so under
// the header.
func WriteMG6D(w io.Writer, c *casefile.Case, opts Options) error {
	f := newMGForm(c, opts, "mg6d", casefile.AudienceProsecution)
	d := f.doc
	f.mg6Header()
	items := f.unused(true)
	if len(items) == 0 {
		d.Text(pdfdoc.Text{Body: f.label("mg6d.nil"), Style: pdfdoc.Bold})
		f.mg6Signatures(false)
		return f.write(w)
	}
	rows := make([]pdfdoc.Row, len(items))
	for i, u := range items {
		rows[i] = pdfdoc.TextRow(f.itemNo(i, u), u.Description, f.orNotRecorded(u.Reason), "")
	}
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		f.col("mg6.col-item", 16, 0), f.col("mg.col-description", 0, 1.6), f.col("mg6d.col-reason", 0, 1.6), f.col("mg6d.col-cps", 0, 1),
	}, Rows: rows})
	d.Text(pdfdoc.Text{Body: f.label("mg6d.cps-key"), Style: pdfdoc.Small})
	f.mg6Signatures(true)
	return f.write(w)
}

// mg6Header prints the title and the boxes both schedules open with.
func (f *mgForm) mg6Header() {
	f.intro()
	f.doc.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{
		{f.field("mg.urn", f.c.URN), f.field("mg.r-v", f.defendant())},
		{f.field("mg6.disclosure-officer", f.officer(f.c.OfficerInCase))},
		{f.field("mg.date", f.asOf.Long())},
	}})
}

// itemNo is a schedule's consecutive item number with the case's own id.
func (f *mgForm) itemNo(i int, u *casefile.UnusedItem) string {
	return f.text("mg6.item-no", mgVars{"N": strconv.Itoa(i + 1), "ID": u.ID})
}

// mg6Signatures prints the disclosure officer's signature boxes and, when
// lawyer is set, the reviewing lawyer's.
func (f *mgForm) mg6Signatures(lawyer bool) {
	d := f.doc
	d.Space(4)
	d.Text(pdfdoc.Text{Body: f.label("mg6.officer-signs"), Style: pdfdoc.Bold})
	d.Paragraph(f.label("mg6.certificate"))
	d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{{f.field("mg.name", f.officer(f.c.OfficerInCase))}}})
	d.Signatures(f.label("mg.signature"), f.label("mg.date"))
	if !lawyer {
		return
	}
	d.Text(pdfdoc.Text{Body: f.label("mg6.lawyer-signs"), Style: pdfdoc.Bold})
	d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{{f.field("mg.name", "")}}})
	d.Signatures(f.label("mg.signature"), f.label("mg.date"))
}
