package spo

import (
	"fmt"
	"strings"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/law"
	"github.com/spokit/spokit/internal/pdfdoc"
)

// order lays out the draft full order the court is asked to make (s.2):
// parties, terms, duration (s.3), the breach warning (s.8) and the
// notification duties (ss.9–10), with signature blocks for the court.
func (b *builder) order() {
	d, a := b.d, b.a
	d.PageBreak()
	d.Heading(1, b.t("spo.order.heading", nil), "order")
	b.orderHeader(false)
	d.Paragraph(b.t("spo.order.findings", b.data()))
	b.orderTerms(a.Terms, false)
	ends, _ := a.OrderEnds()
	d.Text(pdfdoc.Text{Label: b.t("spo.order.duration-label", nil), Body: b.t("spo.order.duration", b.data(
		"Period", a.Duration.String(), "Fixed", a.Duration.Fixed(), "UntilFurtherOrder", a.Duration.UntilFurtherOrder(),
		"Made", a.HearingDate.Long(), "Ends", ends.Long()))})
	b.warnings(false)
	b.orderSignatures()
}

// interimOrder lays out the draft interim order (s.5), when one is sought.
func (b *builder) interimOrder() {
	in := b.a.Interim
	if in == nil {
		return
	}
	d := b.d
	d.PageBreak()
	d.Heading(1, b.t("spo.interim-order.heading", nil), "interim-order")
	b.orderHeader(true)
	d.Paragraph(b.t("spo.interim-order.findings", b.data()))
	b.orderTerms(in.Terms, true)
	d.Text(pdfdoc.Text{Label: b.t("spo.order.duration-label", nil), Body: b.t("spo.interim-order.duration", b.data(
		"Period", in.Period.String(), "Fixed", in.Period.Fixed()))})
	b.warnings(true)
	b.orderSignatures()
}

// orderHeader prints the court, the order's title and the parties.
func (b *builder) orderHeader(interim bool) {
	d := b.d
	d.Text(pdfdoc.Text{Body: b.t("spo.cover.court", b.data()), Style: pdfdoc.Bold, Align: pdfdoc.AlignCentre})
	d.Text(pdfdoc.Text{Body: b.t("spo.order.title", b.data("Interim", interim)), Style: pdfdoc.Bold, Align: pdfdoc.AlignCentre})
	rows := [][]pdfdoc.Field{
		{{Label: b.t("spo.label.applicant", nil), Value: b.t("spo.cover.applicant", b.data())}},
	}
	rows = append(rows, b.respondentRows()...)
	rows = append(rows,
		[]pdfdoc.Field{{Label: b.t("spo.label.protected", nil), Value: b.orNot(strings.Join(b.protectedNames(), "\n"))}},
		[]pdfdoc.Field{{Label: b.t("spo.label.order-date", nil), Value: b.t("spo.order.date-blank", nil)}},
	)
	d.Form(pdfdoc.Form{Rows: rows})
}

// orderTerms prints the terms as the order states them, numbered as in the
// application, with any locality.
func (b *builder) orderTerms(terms []casefile.Term, interim bool) {
	d := b.d
	d.Text(pdfdoc.Text{Body: b.t("spo.order.ordered", b.data("Interim", interim)), Style: pdfdoc.Bold})
	if len(terms) == 0 {
		d.Paragraph(b.t("spo.terms.none", nil))
		return
	}
	for i, t := range terms {
		d.Text(pdfdoc.Text{
			Label: fmt.Sprintf("%d.", i+1),
			Body: b.t("spo.order.term", b.data("Kind", string(t.Kind), "Text", b.orNot(t.Text),
				"Locality", b.clean(strings.TrimSpace(t.Locality)))),
		})
	}
	d.Paragraph(b.t("spo.order.uk-wide", b.data("Interim", interim)))
}

// warnings prints what the respondent must know: breach is an offence
// (s.8), the notification duties (ss.9–10) and the right of appeal (s.7).
// Maximum sentences are printed only where the law table holds them as
// verified or from a secondary source.
func (b *builder) warnings(interim bool) {
	d := b.d
	summary, indictment := breachMaxima(b.asOf)
	d.Text(pdfdoc.Text{Label: b.t("spo.order.warning-label", nil),
		Body: b.t("spo.order.breach", b.data("Interim", interim, "Summary", summary, "Indictment", indictment))})
	unit := "spo.order.notification"
	if b.a.ReplacesInterim && !interim {
		unit = "spo.order.notification-continues"
	}
	d.Text(pdfdoc.Text{Label: b.t("spo.order.notification-label", nil), Body: b.t(unit, b.data("Days", NotificationDays))})
	d.Paragraph(b.t("spo.order.appeal", b.data("Interim", interim)))
}

// breachMaxima returns the maximum sentences for breach of an order
// (SPA 2019 s.8) in words, for a conviction on asOf; "" for a maximum not
// established well enough to print as certain.
func breachMaxima(asOf casefile.Date) (summary, indictment string) {
	off, ok := law.Lookup(string(casefile.SPOBreach))
	if !ok {
		return "", ""
	}
	p := off.MaxPenalty(asOf.Time(), asOf.Time())
	if p.Summary.Available && p.Summary.Status.HardRule() {
		summary = p.Summary.String()
	}
	if p.Indictment.Available && p.Indictment.Status.HardRule() {
		indictment = p.Indictment.String()
	}
	return summary, indictment
}

// orderSignatures adds the court's signature and date boxes.
func (b *builder) orderSignatures() {
	b.d.Space(4)
	b.d.Signatures(b.t("spo.order.signed", nil), b.t("spo.order.signed-date", nil))
	b.d.Text(pdfdoc.Text{Body: b.t("spo.order.signed-by", nil), Style: pdfdoc.Small})
}
