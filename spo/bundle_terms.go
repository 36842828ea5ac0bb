package spo

import (
	"fmt"
	"strings"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/pdfdoc"
)

// terms lays out the proposed terms, each with its necessity (s.2(2)), and
// the checks the court must make of them (s.2(3), s.2(6)–(7)).
func (b *builder) terms() {
	d, a := b.d, b.a
	d.PageBreak()
	d.Heading(1, b.t("spo.terms.heading", nil), "terms")
	d.Paragraph(b.t("spo.terms.intro", b.data()))
	b.termTable(a.Terms, false)

	d.Heading(2, b.t("spo.checks.heading", nil), "term-checks")
	b.commitmentCheck()
	existing := ""
	if a.Respondent != nil {
		existing = strings.TrimSpace(a.Respondent.ExistingSPO)
	}
	d.Paragraph(b.t("spo.checks.existing", b.data("Existing", b.clean(existing))))

	if in := a.Interim; in != nil {
		d.Heading(2, b.t("spo.terms.interim-heading", nil), "interim-terms")
		d.Paragraph(b.t("spo.terms.interim-intro", b.data("Period", in.Period.String())))
		b.termTable(in.Terms, true)
	}
}

// termTable lists terms, numbered, with why each is needed, whom it
// protects and where it applies.
func (b *builder) termTable(terms []casefile.Term, interim bool) {
	if len(terms) == 0 {
		b.d.Paragraph(b.t("spo.terms.none", nil))
		return
	}
	t := pdfdoc.Table{Columns: []pdfdoc.Column{
		{Title: b.t("spo.column.number", nil), Width: 9},
		{Title: b.t("spo.column.term", nil), Weight: 3},
		{Title: b.t("spo.column.necessity", nil), Weight: 3},
		{Title: b.t("spo.column.protects", nil), Width: 28},
		{Title: b.t("spo.column.where", nil), Width: 28},
	}}
	for i, term := range terms {
		t.Rows = append(t.Rows, pdfdoc.Row{Cells: []pdfdoc.Cell{
			{Text: fmt.Sprint(i + 1), Bold: true},
			{Text: b.t("spo.term.text", b.data("Kind", string(term.Kind), "Text", b.orNot(term.Text)))},
			{Text: b.orNot(term.Necessity)},
			{Text: b.orNot(strings.Join(names(b.termProtects(term)), "\n"))},
			{Text: b.locality(term, interim)},
		}})
	}
	b.d.Table(t)
}

// locality says where a term applies: its locality, or the whole of the
// United Kingdom (s.2(4); s.5(5) for an interim term).
func (b *builder) locality(t casefile.Term, interim bool) string {
	return b.t("spo.term.locality", b.data("Locality", b.clean(strings.TrimSpace(t.Locality)), "Interim", interim))
}
