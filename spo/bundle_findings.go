package spo

import (
	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/pdfdoc"
)

// findings summarises the validation findings, for the court copy only.
func (b *builder) findings() {
	d, r := b.d, b.opts.Report
	d.PageBreak()
	d.Heading(1, b.t("spo.findings.heading", nil), "findings")
	d.Paragraph(b.t("spo.findings.intro", b.data(
		"Errors", r.Count(casefile.Error), "Warnings", r.Count(casefile.Warning), "Notes", r.Count(casefile.Info),
		"JudgedOn", r.AsOf.Long())))
	if len(r.Findings) == 0 {
		return
	}
	t := pdfdoc.Table{Columns: []pdfdoc.Column{
		{Title: b.t("spo.column.severity", nil), Width: 18},
		{Title: b.t("spo.column.rule", nil), Width: 42},
		{Title: b.t("spo.column.finding", nil), Weight: 3},
		{Title: b.t("spo.column.law", nil)},
	}}
	for _, f := range r.Findings {
		t.Rows = append(t.Rows, pdfdoc.Row{Cells: []pdfdoc.Cell{
			{Text: b.t("spo.findings.severity", b.data("Severity", f.Severity.String())), Bold: f.Severity == casefile.Error},
			{Text: f.Rule + "\n" + f.Path},
			{Text: f.Message},
			{Text: f.Citation},
		}})
	}
	d.Table(t)
}
