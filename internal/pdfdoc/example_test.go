package pdfdoc_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/spokit/spokit/internal/pdfdoc"
)

func Example() {
	d := pdfdoc.New(pdfdoc.Options{
		Title:     "Witness statement",
		Reference: "URN 07AA1234524",
		Marking:   "OFFICIAL-SENSITIVE",
		Date:      time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC),
	})
	d.Contents("Contents")
	d.StartGroup(pdfdoc.Group{Name: "Statement of Siân Ŵyn", Signatures: []string{"Signature"}})
	d.Heading(1, "Statement of Siân Ŵyn", "statement")
	d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{
		{{Label: "Statement of", Value: "Siân Ŵyn"}},
		{{Label: "Age if under 18", Value: "Over 18"}, {Label: "Occupation", Value: "Nurse"}},
		{{Label: "Number of pages", Count: pdfdoc.GroupPageCount}},
	}})
	d.Paragraph("This statement, of the number of pages shown above, is true to the best of my knowledge and belief.")
	d.Text(pdfdoc.Text{Label: "14 March 2026:", Body: "He waited outside my flat again."})
	d.Signatures("Signature", "Date")
	d.EndGroup()
	d.Heading(1, "Chronology", "")
	d.Table(pdfdoc.Table{
		Columns: []pdfdoc.Column{{Title: "Date", Width: 30}, {Title: "Event"}, {Title: "Page", Width: 15, Align: pdfdoc.AlignRight}},
		Rows: []pdfdoc.Row{
			{Cells: []pdfdoc.Cell{{Text: "14/03/2026"}, {Text: "Waited outside the flat", Link: "statement"}, {PageOf: "statement"}}},
		},
	})

	var out bytes.Buffer
	if err := d.Write(&out); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(out.Bytes(), []byte("%PDF-")))
	// Output: true
}
