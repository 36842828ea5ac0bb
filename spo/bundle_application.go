package spo

import (
	"fmt"
	"strings"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/pdfdoc"
)

// cover lays out the cover sheet and the index.
func (b *builder) cover() {
	d, a := b.d, b.a
	d.Heading(1, b.t("spo.cover.heading", b.data()), "cover")
	d.Text(pdfdoc.Text{Body: b.t("spo.cover.court", b.data()), Style: pdfdoc.Bold, Align: pdfdoc.AlignCentre})
	d.Text(pdfdoc.Text{Body: b.t("spo.cover.act", b.data("Interim", a.Interim != nil)), Align: pdfdoc.AlignCentre})
	d.Space(3)

	interim := b.t("spo.cover.no-interim", nil)
	if a.Interim != nil {
		interim = b.t("spo.cover.interim", b.data("Period", a.Interim.Period.String()))
	}
	rows := [][]pdfdoc.Field{
		{{Label: b.t("spo.label.court", nil), Value: b.orNot(a.Court)}},
		{{Label: b.t("spo.label.applicant", nil), Value: b.t("spo.cover.applicant", b.data())}},
		{{Label: b.t("spo.label.force", nil), Value: b.orNot(a.Force)}},
		{{Label: b.t("spo.label.respondent", nil), Value: b.respondentName()}},
		{{Label: b.t("spo.label.protected", nil), Value: b.orNot(strings.Join(b.protectedNames(), "\n"))}},
		{{Label: b.t("spo.label.urn", nil), Value: b.orNot(b.c.URN)}, {Label: b.t("spo.label.marking", nil), Value: printable(b.c.PageMarking())}},
		{{Label: b.t("spo.label.application-date", nil), Value: b.asOf.Long()}, {Label: b.t("spo.label.hearing-date", nil), Value: b.orNot(a.HearingDate.Long())}},
		{{Label: b.t("spo.label.interim", nil), Value: interim}},
		{{Label: b.t("spo.label.officer", nil), Value: b.person(b.c.OfficerInCase)}},
	}
	d.Form(pdfdoc.Form{Rows: rows})
	d.Text(pdfdoc.Text{Body: b.t("common.produced-by", b.data()), Style: pdfdoc.Small})
	d.PageBreak()
	d.Contents(b.t("spo.index.title", nil))
}

// application lays out the application itself: who applies and why this
// chief officer may, and the three conditions of s.1(1).
func (b *builder) application() {
	d, a := b.d, b.a
	d.PageBreak()
	d.Heading(1, b.t("spo.application.heading", nil), "application")
	d.Paragraph(b.t("spo.application.intro", b.data()))
	d.Form(pdfdoc.Form{Rows: b.respondentRows()})

	d.Heading(2, b.t("spo.area.heading", nil), "")
	d.Paragraph(b.t("spo.area.basis", b.data("Basis", string(a.AreaBasis))))

	b.conditionActs()
	b.conditionRisk()
	b.conditionNecessity()

	d.Heading(2, b.t("spo.views.heading", nil), "")
	if blank(a.VictimViews) {
		d.Paragraph(b.t("spo.views.none", nil))
	} else {
		d.Paragraph(b.clean(a.VictimViews))
	}

	if in := a.Interim; in != nil {
		d.Heading(2, b.t("spo.interim.heading", nil), "")
		d.Paragraph(b.t("spo.interim.intro", b.data("Period", in.Period.String())))
		d.Text(pdfdoc.Text{Label: b.t("spo.interim.reason-label", nil), Body: b.orNot(in.Reason)})
		d.Text(pdfdoc.Text{Body: b.t("spo.interim.see-order", nil), Link: "interim-order"})
	}
	b.hearsayNotice()
	b.complaint()
}

// respondentRows are the respondent's details. They are the respondent's
// own, so the service copy prints them in full.
func (b *builder) respondentRows() [][]pdfdoc.Field {
	p := b.a.Respondent
	if p == nil {
		p = &casefile.Person{}
	}
	own := func(s string) string {
		if blank(s) {
			return b.t("common.not-recorded", nil)
		}
		return printable(strings.TrimSpace(s))
	}
	return [][]pdfdoc.Field{
		{{Label: b.t("spo.label.respondent", nil), Value: b.respondentName()}},
		{{Label: b.t("spo.label.other-names", nil), Value: own(strings.Join(p.Aliases, "\n"))}},
		{{Label: b.t("spo.label.date-of-birth", nil), Value: own(p.DateOfBirth.Long())}},
		{{Label: b.t("spo.label.address", nil), Value: own(p.Address)}},
	}
}

// conditionActs sets out condition (a): the acts relied on, each linked to
// its row of the chronology.
func (b *builder) conditionActs() {
	d, a := b.d, b.a
	d.Heading(2, b.t("spo.condition1.heading", nil), "condition-acts")
	d.Paragraph(b.t("spo.condition1.intro", b.data("Count", len(a.Acts))))
	if len(a.Acts) == 0 {
		return
	}
	t := pdfdoc.Table{Columns: []pdfdoc.Column{
		{Title: b.t("spo.column.number", nil), Width: 10},
		{Title: b.t("spo.column.date", nil), Width: 32},
		{Title: b.t("spo.column.place", nil)},
		{Title: b.t("spo.column.conduct", nil)},
		{Title: b.t("spo.column.chronology-page", nil), Width: 14, Align: pdfdoc.AlignRight},
	}}
	for i, in := range a.Acts {
		if in == nil {
			continue
		}
		anchor := b.actAnchor[in]
		t.Rows = append(t.Rows, pdfdoc.Row{Cells: []pdfdoc.Cell{
			{Text: fmt.Sprint(i + 1), Link: anchor},
			{Text: b.clean(in.Date.Long()), Link: anchor},
			{Text: b.orNot(in.Location)},
			{Text: b.behaviourNames(in.Behaviours)},
			{PageOf: anchor, Link: anchor},
		}})
	}
	d.Table(t)
}

// behaviourNames lists an act's kinds of conduct briefly.
func (b *builder) behaviourNames(bs []casefile.Behaviour) string {
	parts := make([]string, 0, len(bs))
	for _, x := range bs {
		parts = append(parts, b.t("spo.behaviour.name", b.data("Name", string(x))))
	}
	if len(parts) == 0 {
		return b.t("common.not-recorded", nil)
	}
	return strings.Join(parts, ", ")
}

// conditionRisk sets out condition (b): the risk and the harm it is of.
func (b *builder) conditionRisk() {
	d, a := b.d, b.a
	d.Heading(2, b.t("spo.condition2.heading", nil), "condition-risk")
	kinds := make([]string, 0, len(a.RiskKinds))
	for _, k := range a.RiskKinds {
		kinds = append(kinds, string(k))
	}
	d.Text(pdfdoc.Text{Label: b.t("spo.condition2.kinds-label", nil), Body: b.t("spo.condition2.kinds", b.data("Kinds", kinds))})
	d.Paragraph(b.orNot(a.Risk))
	for _, ra := range b.c.RiskAssessments {
		d.Text(pdfdoc.Text{
			Label: b.t("spo.condition2.assessment-label", nil),
			Body: b.t("spo.condition2.assessment", b.data(
				"Tool", string(ra.Tool), "Date", ra.Date.Long(), "Assessor", b.personOrEmpty(ra.Assessor),
				"Level", string(ra.Level), "Summary", strings.TrimSpace(ra.Summary))),
		})
	}
}

// personOrEmpty names a person by id, or "" when no id is given.
func (b *builder) personOrEmpty(id string) string {
	if blank(id) {
		return ""
	}
	return b.person(id)
}

// conditionNecessity sets out condition (c): why an order is necessary and
// whom it protects.
func (b *builder) conditionNecessity() {
	d, a := b.d, b.a
	d.Heading(2, b.t("spo.condition3.heading", nil), "condition-necessity")
	d.Paragraph(b.orNot(a.Necessity))
	d.Paragraph(b.t("spo.condition3.protects", b.data()))
}
