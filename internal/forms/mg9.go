package forms

import (
	"io"
	"strconv"
	"strings"

	"github.com/spokit/spokit/casefile"

	"github.com/spokit/spokit/internal/pdfdoc"
)

// WriteMG9 writes the witness list (MG9) as a PDF: every victim and witness
// and anyone else who made a statement (officers included), numbered, with
// their role, whether they are a victim or a vulnerable or intimidated
// witness, the special measures sought, dates to avoid, their statements
// and their contact details. The MG9 holds contact details, so it is not
// disclosed: every page says so under the header.
func WriteMG9(w io.Writer, c *casefile.Case, opts Options) error {
	f := newMGForm(c, opts, "mg9", casefile.AudienceProsecution)
	d := f.doc
	f.intro()
	f.caseGrid()
	people := f.x.Witnesses(false)
	if len(people) == 0 {
		d.Paragraph(f.label("mg9.none"))
		return f.write(w)
	}
	rows := make([]pdfdoc.Row, len(people))
	for i, p := range people {
		rows[i] = pdfdoc.TextRow(
			strconv.Itoa(i+1),
			f.text("mg9.witness", mgVars{"Name": f.name(p.ID), "Role": f.role(p), "Unit": p.Unit}),
			f.text("mg9.flags", mgVars{"Victim": f.yesNo(p.Victim), "Eligibility": f.eligibility(p.Person)}),
			f.text("mg9.availability", mgVars{"Measures": f.orNone(strings.Join(p.SpecialMeasures, "; ")), "Avoid": f.orNone(formDates(p.DatesToAvoid))}),
			f.orNone(f.statementList(p.Statements)),
			f.contact(p.Person),
		)
	}
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		f.col("mg.col-no", 9, 0), f.col("mg9.col-witness", 0, 1.1), f.col("mg9.col-flags", 0, 1.6),
		f.col("mg9.col-availability", 0, 1), f.col("mg.col-statements", 24, 0), f.col("mg9.col-contact", 0, 1.7),
	}, Rows: rows})
	d.Text(pdfdoc.Text{Body: f.label("mg9.note"), Style: pdfdoc.Small})
	return f.write(w)
}

// contact words a person's contact details: address, phone, email and date
// of birth, each only when recorded.
func (f *mgForm) contact(p *casefile.Person) string {
	return f.orNotRecorded(f.text("mg.contact", mgVars{
		"Address": p.Address, "Phone": p.Phone, "Email": p.Email, "DOB": p.DateOfBirth.Long(),
	}))
}
