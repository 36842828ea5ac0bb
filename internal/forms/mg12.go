package forms

import (
	"io"

	"github.com/spokit/spokit/casefile"

	"github.com/spokit/spokit/internal/pdfdoc"
)

// WriteMG12 writes the exhibit list (MG12) as a PDF: each exhibit's
// reference, description, the person who produced it, when and where it was
// seized, whether a file of it is attached to the case, and whether it is
// marked sensitive.
func WriteMG12(w io.Writer, c *casefile.Case, opts Options) error {
	f := newMGForm(c, opts, "mg12", casefile.AudienceDefence)
	d := f.doc
	f.intro()
	f.caseGrid()
	if len(c.Exhibits) == 0 {
		d.Paragraph(f.label("mg12.none"))
		return f.write(w)
	}
	rows := make([]pdfdoc.Row, len(c.Exhibits))
	for i := range c.Exhibits {
		e := &c.Exhibits[i]
		rows[i] = pdfdoc.Row{Cells: []pdfdoc.Cell{
			{Text: e.Ref, Bold: true}, {Text: e.Description}, {Text: f.name(e.ProducedBy)},
			{Text: f.orNotRecorded(f.text("mg12.seized", mgVars{"Date": e.SeizedDate.Long(), "Place": e.SeizedPlace}))},
			{Text: f.yesNo(e.File != "")}, {Text: f.yesNo(e.Sensitive), Bold: e.Sensitive},
		}}
	}
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		f.col("mg.col-exhibit", 20, 0), f.col("mg.col-description", 0, 2.4), f.col("mg.col-produced-by", 0, 1.1),
		f.col("mg12.col-seized", 0, 1.3), f.col("mg12.col-file", 17, 0), f.col("mg12.col-sensitive", 19, 0),
	}, Rows: rows})
	return f.write(w)
}
