package spo

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/docx"
	"github.com/spokit/spokit/internal/pdfdoc"
)

// WriteOrder writes the draft full order (interim false) or the draft
// interim order as a document of its own, as the court would amend, seal
// and serve it: the order's title first, then the court, the parties, the
// date made (a blank), the findings, the numbered terms (a term is never
// split from its number, and kept whole on one page when it fits), where
// they apply and how long the order lasts, the court's signature and seal
// on the same page as the last term, then the notes the respondent must be
// given (the s.8 offence, the notification requirements of ss.9–11, the
// appeal) and any maps the terms refer to.
//
// The order is served on the respondent, so it is built as the notice is:
// the protected people's and witnesses' details are withheld wherever they
// occur. It carries no bundle header, reference or marking: it is the
// court's document. An interim order is written only when one is sought;
// otherwise WriteOrder returns ErrNoInterim.
func WriteOrder(w io.Writer, app *Application, opts BundleOptions, interim bool) error {
	b, m, err := newOrder(app, opts, interim)
	if err != nil {
		return err
	}
	return b.writeOrderPDF(w, m, b.t("spo.order.file-subject", b.data("Interim", interim)))
}

// writeOrderPDF lays out an order as a document of its own, with the maps
// its terms refer to.
func (b *builder) writeOrderPDF(w io.Writer, m orderDoc, subject string) error {
	var notes []string
	if b.opts.Draft {
		notes = append(notes, b.t("common.draft", nil))
	}
	b.d = pdfdoc.New(pdfdoc.Options{
		Title:      m.title,
		Subject:    subject,
		HeaderNote: strings.Join(notes, " · "),
		Draft:      b.opts.Draft,
		Date:       b.asOf.Time(),
		Filter:     b.disclosure.Text,
		Pictures:   b.pics,
	})
	b.layOrder(m, "")
	b.orderMaps(m)
	return b.write(w)
}

// WriteOrderDOCX writes the editable copy of the draft full order (interim
// false) or the draft interim order, as a .docx document with the same text
// as WriteOrder's PDF, for the court to amend. Maps are referred to, not
// reproduced. The respondent's copy rules apply as for WriteOrder.
func WriteOrderDOCX(w io.Writer, app *Application, opts BundleOptions, interim bool) error {
	b, m, err := newOrder(app, opts, interim)
	if err != nil {
		return err
	}
	return b.writeOrderDOCX(w, m)
}

// writeOrderDOCX writes an order as an editable .docx document.
func (b *builder) writeOrderDOCX(w io.Writer, m orderDoc) error {
	if err := b.r.Err(); err != nil {
		return fmt.Errorf("spo: wording: %w", err)
	}
	var paras []docx.Paragraph
	for i, p := range m.parts {
		q := docx.Paragraph{Label: p.label, Text: p.text, KeepNext: i >= m.keepFrom && i < m.keepTo-1}
		switch p.kind {
		case partTitle:
			q.Bold, q.Size, q.Align = true, 14, docx.Centre
		case partCentre:
			q.Bold, q.Align = true, docx.Centre
		case partHeading:
			q.Bold, q.KeepNext = true, true
		case partSmall:
			q.Small = true
		case partTerm:
			q.Hang = true
		case partSignatures:
			q.Text = strings.Join(p.labels, ": ____________________    ") + ": ____________________"
			q.Label = ""
		}
		paras = append(paras, q)
	}
	if len(m.maps) > 0 {
		paras = append(paras, docx.Paragraph{Text: b.t("spo.order.maps-heading", nil), Bold: true, KeepNext: true})
		for _, mp := range m.maps {
			paras = append(paras, docx.Paragraph{Text: b.t("spo.order.map-heading", b.data("Ref", b.clean(mp.ref), "Term", mp.term))})
		}
	}
	paras = append(paras, docx.Paragraph{Text: b.t("spo.order.editable-note", nil), Small: true})
	if err := docx.Write(w, docx.Meta{Title: m.title, Date: b.asOf.Time(), Filter: b.disclosure.Text}, paras); err != nil {
		return fmt.Errorf("spo: %w", err)
	}
	return nil
}

// newOrder starts the builder of a draft order and lays out its text, or
// returns ErrNoInterim when the interim order is asked for and none is
// sought.
func newOrder(app *Application, opts BundleOptions, interim bool) (*builder, orderDoc, error) {
	b, err := newBuilder(app, opts, orderCopy)
	if err != nil {
		return nil, orderDoc{}, err
	}
	if interim && app.Interim == nil {
		return nil, orderDoc{}, ErrNoInterim
	}
	return b, b.orderModel(interim), nil
}

// ErrNoInterim is returned when the interim order is asked for and the
// application seeks none.
var ErrNoInterim = errors.New("the application seeks no interim order")

// partKind is how a part of an order is set.
type partKind int

const (
	partText partKind = iota
	partTitle
	partCentre
	partHeading
	partTerm
	partSmall
	partSignatures
	partSpace
)

// orderPart is one paragraph of an order, set the same way in the PDF and
// in the editable copy.
type orderPart struct {
	kind   partKind
	label  string
	text   string
	labels []string // the boxes of a signature line
}

// orderMap is a map exhibit a term refers to.
type orderMap struct {
	ref  string
	term int
}

// orderDoc is a draft order: its parts in reading order, the run
// [keepFrom, keepTo) that must share a page (the last term to the seal),
// and the maps its terms refer to.
type orderDoc struct {
	title            string
	parts            []orderPart
	keepFrom, keepTo int
	maps             []orderMap
}

// orderModel words a draft order. Every string passes through the builder's
// wording and redaction (b.t, b.clean), so an order built for the
// respondent withholds what the service copy withholds.
func (b *builder) orderModel(interim bool) orderDoc {
	a := b.a
	m := orderDoc{title: b.t("spo.order.heading", nil)}
	terms := a.Terms
	if interim {
		m.title = b.t("spo.interim-order.heading", nil)
		terms = a.Interim.Terms
	}
	// A varied order (b.varied) is the order as made with the changes
	// sought: the same layout, with where each term came from and the
	// court's power under s.4.
	v := b.varied
	var seeks string
	if v != nil {
		seeks = string(v.Application.Seeks)
		m.title = b.t("spo.varied-order.heading", b.data("Interim", interim, "Seeks", seeks))
	}
	add := func(kind partKind, label, text string) {
		m.parts = append(m.parts, orderPart{kind: kind, label: label, text: text})
	}
	add(partTitle, "", m.title)
	add(partCentre, "", b.t("spo.cover.court", b.data()))
	add(partCentre, "", b.t("spo.order.title", b.data("Interim", interim, "Seeks", seeks)))
	add(partText, b.t("spo.order.parties-label", nil), b.parties())
	add(partText, b.t("spo.order.respondent-label", nil), b.orderRespondent())
	add(partText, b.t("spo.order.protected-label", nil), b.orNot(strings.Join(b.protectedNames(), ", ")))
	switch {
	case v != nil:
		add(partText, b.t("spo.varied-order.original-label", nil), b.t("spo.varied-order.original", b.data(
			"Interim", interim, "Made", v.Order.Made.Long())))
		add(partText, b.t("spo.varied-order.made-label", b.data("Seeks", seeks)), b.t("spo.order.made-blank", nil))
		add(partText, "", b.t("spo.varied-order.findings", b.data("Interim", interim, "Seeks", seeks,
			"ByRespondent", v.Application.Applicant == casefile.RespondentApplies)))
	case interim:
		add(partText, b.t("spo.order.made-label", nil), b.t("spo.order.made-blank", nil))
		add(partText, "", b.t("spo.interim-order.findings", b.data()))
	default:
		add(partText, b.t("spo.order.made-label", nil), b.t("spo.order.made-blank", nil))
		add(partText, "", b.t("spo.order.findings", b.data()))
	}
	if seeks == string(casefile.Discharge) {
		return b.dischargeModel(m, interim)
	}
	add(partText, "", b.t("spo.order.ordered", b.data("Interim", interim, "Seeks", seeks)))
	m.keepFrom = len(m.parts)
	if len(terms) == 0 {
		add(partText, "", b.t("spo.terms.none", nil))
	}
	for i, t := range terms {
		m.keepFrom = len(m.parts)
		text := b.t("spo.order.term", b.data("Kind", string(t.Kind), "Text", b.orNot(t.Text),
			"Locality", b.clean(strings.TrimSpace(t.Locality))))
		if ref := strings.TrimSpace(t.MapExhibit); ref != "" {
			text += " " + b.t("spo.order.term-map", b.data("Ref", b.clean(ref)))
			m.maps = append(m.maps, orderMap{ref: ref, term: i + 1})
		}
		if v != nil {
			if note := b.variedTermNote(i); note != "" {
				text += " " + note
			}
		}
		add(partTerm, fmt.Sprintf("%d.", i+1), text)
	}
	if v != nil && len(v.Removed) > 0 {
		add(partText, "", b.t("spo.varied-order.removed", b.data("Numbers", b.removedTerms())))
	}
	add(partText, "", b.t("spo.order.uk-wide", b.data("Interim", interim)))
	if interim {
		ends, _ := a.Interim.Period.LastDay(a.HearingDate)
		add(partText, b.t("spo.order.duration-label", nil), b.t("spo.interim-order.duration", b.data(
			"Period", a.Interim.Period.String(), "Fixed", a.Interim.Period.Fixed(), "Varied", v != nil,
			"Made", a.HearingDate.Long(), "Ends", ends.Long())))
	} else {
		ends, _ := a.OrderEnds()
		add(partText, b.t("spo.order.duration-label", nil), b.t("spo.order.duration", b.data(
			"Period", a.Duration.String(), "Fixed", a.Duration.Fixed(), "UntilFurtherOrder", a.Duration.UntilFurtherOrder(),
			"Made", a.HearingDate.Long(), "Ends", ends.Long(), "Varied", v != nil)))
	}
	b.orderSeal(&m)

	add(partHeading, "", b.t("spo.order.notes-heading", b.data("Interim", interim)))
	summary, indictment := breachMaxima(b.asOf)
	add(partText, b.t("spo.order.warning-label", nil),
		b.t("spo.order.breach", b.data("Interim", interim, "Summary", summary, "Indictment", indictment)))
	unit := "spo.order.notification"
	switch {
	case v != nil:
		unit = "spo.varied-order.notification"
	case a.ReplacesInterim && !interim:
		unit = "spo.order.notification-continues"
	}
	add(partText, b.t("spo.order.notification-label", nil), b.t(unit, b.data("Days", NotificationDays)))
	add(partText, "", b.t("spo.order.appeal", b.data("Interim", interim, "Varied", v != nil,
		"ByRespondent", v != nil && v.Application.Applicant == casefile.RespondentApplies)))
	return m
}

// orderSeal adds the court's signature and seal, which close the run of
// parts that must share a page.
func (b *builder) orderSeal(m *orderDoc) {
	m.parts = append(m.parts,
		orderPart{kind: partSpace},
		orderPart{kind: partSignatures, labels: []string{b.t("spo.order.signed", nil), b.t("spo.order.signed-date", nil)}},
		orderPart{kind: partSmall, text: b.t("spo.order.signed-by", nil)},
		orderPart{kind: partSignatures, labels: []string{b.t("spo.order.seal", nil)}})
	m.keepTo = len(m.parts)
}

// dischargeModel ends a draft order discharging the order: the discharge,
// the court's seal, and the note that the duties under it end.
func (b *builder) dischargeModel(m orderDoc, interim bool) orderDoc {
	m.keepFrom = len(m.parts)
	m.parts = append(m.parts, orderPart{kind: partText, text: b.t("spo.discharge-order.ordered", b.data("Interim", interim))})
	b.orderSeal(&m)
	m.parts = append(m.parts,
		orderPart{kind: partHeading, text: b.t("spo.order.notes-heading", b.data("Interim", interim))},
		orderPart{kind: partText, text: b.t("spo.discharge-order.effect", b.data("Interim", interim))})
	return m
}

// orderRespondent names the respondent as the order does, with their own
// details. They pass through the copy's redaction like everything else, so
// an address the respondent shares with a protected person is withheld.
func (b *builder) orderRespondent() string {
	p := b.a.Respondent
	if p == nil {
		return b.respondentName()
	}
	var aliases []string
	for _, s := range p.Aliases {
		if !blank(s) {
			aliases = append(aliases, printable(strings.TrimSpace(s)))
		}
	}
	addr := strings.Join(strings.Fields(strings.ReplaceAll(p.Address, "\n", ", ")), " ")
	return b.t("spo.order.respondent", b.data("Aliases", aliases, "Born", p.DateOfBirth.Long(), "Address", addr))
}

// layOrder sets an order's parts in the PDF, keeping each term whole where
// it fits and the last term with the signatures and seal. A non-empty
// anchor makes the title a bookmarked heading (the bundle's section).
func (b *builder) layOrder(m orderDoc, anchor string) {
	d := b.d
	for i, p := range m.parts {
		if i == m.keepFrom {
			d.KeepTogether(m.keepTo - m.keepFrom)
		} else if p.kind == partTerm {
			d.KeepTogether(1)
		}
		switch p.kind {
		case partTitle:
			if anchor != "" {
				d.Heading(1, p.text, anchor)
			} else {
				d.Text(pdfdoc.Text{Body: p.text, Style: pdfdoc.Bold, Align: pdfdoc.AlignCentre})
			}
		case partCentre:
			d.Text(pdfdoc.Text{Body: p.text, Style: pdfdoc.Bold, Align: pdfdoc.AlignCentre})
		case partHeading:
			level := 2 // under the section's heading in the bundle
			if anchor == "" {
				level = 1
			}
			d.Heading(level, p.text, "")
		case partSmall:
			d.Text(pdfdoc.Text{Body: p.text, Style: pdfdoc.Small})
		case partSignatures:
			d.Signatures(p.labels...)
		case partSpace:
			d.Space(4)
		default:
			d.Text(pdfdoc.Text{Label: p.label, Body: p.text})
		}
	}
}

// orderMaps reproduces the maps an order's terms refer to, after the
// order: pictures and PDFs from the case folder, unless the exhibit is
// sensitive; otherwise a line saying the police serve the map.
func (b *builder) orderMaps(m orderDoc) {
	if len(m.maps) == 0 {
		return
	}
	d := b.d
	d.PageBreak()
	d.Heading(1, b.t("spo.order.maps-heading", nil), "")
	for _, mp := range m.maps {
		e := b.x.Exhibit(mp.ref)
		ref := b.clean(mp.ref)
		var data []byte
		kind := ""
		if e != nil && !e.Sensitive && b.opts.Files != nil {
			// The map is served with the order: the version prepared for
			// service, and never one whose text holds a withheld detail.
			if _, name := servedFile(e); name != "" {
				var err error
				if data, kind, err = readExhibitFile(b.opts.Files, name, b.pics); err != nil && !b.opts.Draft && b.buildErr == nil {
					b.buildErr = fmt.Errorf("spo: map exhibit %s: %w", e.Ref, err)
				}
				if kind == pdfKind {
					if leaks, err := leakingPages(data, b.disclosure); err != nil || len(leaks) > 0 {
						data, kind = nil, ""
					}
				}
			}
		}
		heading := b.t("spo.order.map-heading", b.data("Ref", ref, "Term", mp.term))
		switch {
		case kind == pdfKind:
			d.ImportPDF(pdfdoc.PDFImport{Data: data, Title: heading, Level: 2})
		case data != nil:
			d.Heading(2, heading, "")
			d.Image(pdfdoc.Image{Data: data, Caption: heading})
		default:
			d.Paragraph(b.t("spo.order.map-held", b.data("Ref", ref, "Term", mp.term, "Sensitive", e != nil && e.Sensitive)))
		}
	}
}

// orderSection lays out a draft order as a section of the bundle.
func (b *builder) orderSection(interim bool) {
	anchor := "order"
	if interim {
		anchor = "interim-order"
	}
	b.d.PageBreak()
	b.layOrder(b.orderModel(interim), anchor)
}
