package spo

import (
	"fmt"
	"strings"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/pdfdoc"
)

// complaint ends the application with the complaint, the officer who signs
// it for the chief officer and the applicant's contact for the court.
func (b *builder) complaint() {
	d, s := b.d, b.spoBlock()
	d.Heading(2, b.t("spo.complaint.heading", nil), "")
	d.Paragraph(b.t("spo.complaint", b.data("Interim", b.a.Interim != nil)))
	var name, rank, contact string
	if g := s.Signatory; g != nil {
		name, rank, contact = strings.TrimSpace(g.Name), strings.TrimSpace(g.Rank), strings.TrimSpace(g.Contact)
	}
	d.KeepTogether(3)
	d.Text(pdfdoc.Text{Label: b.t("spo.signatory-label", nil), Body: b.t("spo.signatory", b.data("Name", b.clean(name), "Rank", b.clean(rank)))})
	d.Text(pdfdoc.Text{Label: b.t("spo.contact-label", nil), Body: b.orNot(contact)})
	d.Signatures(b.t("spo.order.signed", nil), b.t("spo.order.signed-date", nil))
}

// hearsayNotice lists the statements relied on whose makers are recorded
// (spo.hearsay) as not attending the hearing, with why, and names the
// statements whose attendance is not recorded.
func (b *builder) hearsayNotice() {
	d, s := b.d, b.spoBlock()
	d.Heading(2, b.t("spo.hearsay.heading", nil), "hearsay")
	absent := map[string]string{}
	recorded := map[string]bool{}
	for _, h := range s.Hearsay {
		recorded[h.Statement] = true
		if !h.Attends {
			absent[h.Statement] = h.Reason
		}
	}
	t := pdfdoc.Table{Columns: []pdfdoc.Column{
		{Title: b.t("spo.column.statement", nil), Width: 24},
		{Title: b.t("spo.column.maker", nil), Weight: 2},
		{Title: b.t("spo.column.reason", nil), Weight: 3},
	}}
	var unknown []string
	for i := range b.c.Statements {
		st := &b.c.Statements[i]
		reason, ok := absent[st.ID]
		if !recorded[st.ID] {
			unknown = append(unknown, b.clean(st.ID))
		}
		if !ok {
			continue
		}
		t.Rows = append(t.Rows, pdfdoc.Row{Cells: []pdfdoc.Cell{
			{Text: b.clean(st.ID), Link: b.stAnchor[st.ID]},
			{Text: b.person(st.Person)},
			{Text: b.orNot(reason)},
		}})
	}
	d.Paragraph(b.t("spo.hearsay.intro", b.data("Count", len(t.Rows))))
	if len(t.Rows) > 0 {
		d.Table(t)
	}
	if len(unknown) > 0 {
		d.Text(pdfdoc.Text{Body: b.t("spo.hearsay.unknown", b.data("IDs", unknown)), Style: pdfdoc.Small})
	}
}

// commitmentCheck prints the s.2(3) check: with commitments recorded, each
// commitment and each term that appears to overlap one (CommitmentOverlaps);
// otherwise what the respondent's record says, for the court to check by
// hand.
func (b *builder) commitmentCheck() {
	d, a := b.d, b.a
	cs := b.spoBlock().Commitments
	if len(cs) == 0 {
		if checks := conflictChecks(a.Respondent); len(checks) > 0 {
			d.Paragraph(b.t("spo.checks.conflicts", b.data()))
			for _, c := range checks {
				d.Text(pdfdoc.Text{Body: "•  " + b.clean(c)})
			}
		} else {
			d.Paragraph(b.t("spo.checks.none-recorded", b.data()))
		}
		return
	}
	d.Paragraph(b.t("spo.checks.commitments", b.data()))
	for _, c := range cs {
		when := strings.Join(c.Days, ", ")
		if c.From.Set && c.To.Set {
			when = strings.TrimSpace(fmt.Sprintf("%s %s–%s", when, c.From, c.To))
		}
		d.Text(pdfdoc.Text{Body: "•  " + b.t("spo.checks.commitment", b.data("Kind", strings.TrimSpace(c.Kind),
			"Description", b.clean(strings.TrimSpace(c.Description)), "When", when, "Places", b.clean(strings.Join(c.Places, "; "))))})
	}
	overlaps := a.CommitmentOverlaps()
	if len(overlaps) == 0 {
		d.Paragraph(b.t("spo.checks.no-overlap", nil))
	}
	for _, o := range overlaps {
		d.Text(pdfdoc.Text{Style: pdfdoc.Bold, Body: "•  " + b.t("spo.checks.overlap", b.data("Term", o.Term, "Interim", o.Interim,
			"Description", b.clean(strings.TrimSpace(cs[o.Commitment].Description)), "Why", b.clean(o.Why)))})
	}
}

// spoBlock is the case's spo block, or an empty one for an Application
// built by hand from a case without one.
func (b *builder) spoBlock() *casefile.SPO {
	if b.c.SPO == nil {
		return &casefile.SPO{}
	}
	return b.c.SPO
}
