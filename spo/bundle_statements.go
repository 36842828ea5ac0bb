package spo

import (
	"fmt"
	"strings"

	"github.com/spokit/spokit/internal/forms"
	"github.com/spokit/spokit/internal/pdfdoc"
)

// statements lists the witness statements and reproduces each one.
func (b *builder) statements() {
	d := b.d
	d.PageBreak()
	d.Heading(1, b.t("spo.statements.heading", nil), "statements")
	if len(b.c.Statements) == 0 {
		d.Paragraph(b.t("spo.statements.none", nil))
		return
	}
	d.Paragraph(b.t("spo.statements.intro", nil))
	t := pdfdoc.Table{Columns: []pdfdoc.Column{
		{Title: b.t("spo.column.statement", nil), Width: 22},
		{Title: b.t("spo.column.maker", nil)},
		{Title: b.t("spo.column.made", nil), Width: 34},
		{Title: b.t("spo.column.page", nil), Width: 20, Align: pdfdoc.AlignRight},
	}}
	for i := range b.c.Statements {
		st := &b.c.Statements[i]
		anchor := b.statementAnchor(i)
		t.Rows = append(t.Rows, pdfdoc.Row{Cells: []pdfdoc.Cell{
			{Text: b.orNot(st.ID), Bold: true, Link: anchor},
			{Text: b.person(st.Person)},
			{Text: b.clean(st.Date.Long())},
			{PageOf: anchor, Link: anchor},
		}})
	}
	d.Table(t)
	for i := range b.c.Statements {
		b.statementPages(i)
	}
}

// statementAnchor is the link target of the i'th statement's first page.
func (b *builder) statementAnchor(i int) string {
	return fmt.Sprintf("statement-%d", i+1)
}

// statementPages adds the i'th statement in the MG11 layout, as a page
// group of its own, headed and bookmarked. The contact details page is
// left out of both copies: it is not for disclosure, and the court does
// not need it.
func (b *builder) statementPages(i int) {
	st := &b.c.Statements[i]
	maker := b.orNot(st.Person)
	if p := b.x.Person(st.Person); p != nil {
		maker = strings.TrimSpace(p.Name())
	}
	err := forms.AddStatementPages(b.d, b.c, st, forms.StatementOptions{
		Templates:    b.opts.Templates,
		AsOf:         b.asOf,
		Index:        b.x,
		Heading:      b.t("spo.statement.heading", b.data("Name", maker, "ID", b.orNot(st.ID))),
		HeadingLevel: 2,
		Anchor:       b.statementAnchor(i),
	})
	if err != nil && b.buildErr == nil {
		b.buildErr = fmt.Errorf("spo: statement %s: %w", st.ID, err)
	}
}
