package spo

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/pdfdoc"
)

// ErrNoVariation is returned by NewVariation for a case with no
// spo_variation block.
var ErrNoVariation = errors.New("the case has no spo_variation block (no application to vary, renew or discharge an order)")

// Variation is an application to vary, renew or discharge an order made
// (SPA 2019 s.4; s.5 for an interim order) with the order resolved and its
// terms as they would read if the court granted it. Build it with
// NewVariation.
type Variation struct {
	// Case is the case the application was built from.
	Case *casefile.Case
	// Application is the application as the case records it.
	Application *casefile.SPOVariation
	// Order is the order the application is about.
	Order *casefile.Order
	// Terms are the order's terms after the changes sought, in the order
	// the varied order numbers them (from 1): unchanged and replaced terms
	// where they stood, then new terms.
	Terms []VariedTerm
	// Removed are the numbers of the terms as made that the changes remove.
	Removed []int
	// Duration is how long the order would last, counted from the day it
	// was made: the new duration sought, else the order's own; the zero
	// Period when neither can be read.
	Duration casefile.Period

	// order is the varied order as the shared order renderer reads it.
	order *Application
}

// VariedTerm is one term of the order as varied, with where it came from.
type VariedTerm struct {
	casefile.Term
	// Action is how the changes sought touch it: "" for a term kept as made,
	// replace or add.
	Action casefile.ChangeAction
	// Was is the term's number in the order as made; 0 for a new term.
	Was int
}

// NewVariation builds the application recorded in c's spo_variation. It
// fails when c has none (ErrNoVariation) or when the order, the respondent
// or a person a term protects is not in the case (wrapping ErrUnresolved);
// everything else is the rules' to judge.
func NewVariation(c *casefile.Case) (*Variation, error) {
	if c == nil || c.SPOVariation == nil {
		return nil, ErrNoVariation
	}
	v, x := c.SPOVariation, casefile.NewIndex(c)
	o := c.Order(v.Order)
	if o == nil {
		return nil, fmt.Errorf("spo_variation.order: %q is not the id of any order in orders: %w", v.Order, ErrUnresolved)
	}
	var errs []error
	person := func(path, id string) *casefile.Person {
		p := x.Person(id)
		if p == nil {
			errs = append(errs, fmt.Errorf("%s: %q is not the id of anyone in people: %w", path, id, ErrUnresolved))
		}
		return p
	}
	a := &Application{
		Case: c, Court: o.Court, Applicant: c.Force.ChiefOfficer, Force: c.Force.Name, PoliceArea: c.Force.PoliceArea,
		Respondent:  person(fmt.Sprintf("orders[%d].respondent", slices.IndexFunc(c.Orders, func(p casefile.Order) bool { return p.ID == o.ID })), o.Respondent),
		HearingDate: o.Made, VictimViews: v.VictimViews, index: x,
	}
	for _, id := range o.Protected {
		if p := x.Person(id); p != nil {
			a.Protected = append(a.Protected, p)
		}
	}
	for i, ch := range v.Changes {
		for j, id := range ch.Protects {
			person(fmt.Sprintf("spo_variation.changes[%d].protects[%d]", i, j), id)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	vr := &Variation{Case: c, Application: v, Order: o, order: a}
	vr.vary()
	a.Duration = vr.Duration
	terms := make([]casefile.Term, len(vr.Terms))
	for i, t := range vr.Terms {
		terms[i] = t.Term
	}
	if o.Kind == casefile.InterimOrder {
		a.Interim = &InterimApplication{Terms: terms, Period: vr.Duration}
	} else {
		a.Terms = terms
	}
	return vr, nil
}

// vary works out the order's terms and duration after the changes sought.
// A discharge leaves them as made: the draft order then records the
// discharge.
func (v *Variation) vary() {
	app, o := v.Application, v.Order
	v.Duration, _ = casefile.ParsePeriod(o.Duration)
	if p, err := casefile.ParsePeriod(app.Duration); err == nil && app.Seeks != casefile.Discharge {
		v.Duration = p
	}
	change := map[int]casefile.TermChange{}
	var added []casefile.TermChange
	if app.Seeks != casefile.Discharge {
		for _, ch := range app.Changes {
			if ch.Action == casefile.AddTerm {
				added = append(added, ch)
			} else if _, dup := change[ch.Term]; !dup {
				change[ch.Term] = ch
			}
		}
	}
	made := slices.Clone(o.Terms)
	slices.SortStableFunc(made, func(a, b casefile.OrderTerm) int { return a.Number - b.Number })
	for _, t := range made {
		ch, ok := change[t.Number]
		switch {
		case !ok:
			v.Terms = append(v.Terms, VariedTerm{Term: casefile.Term{Kind: t.Kind, Text: t.Text, Protects: t.Protects, Locality: t.Locality}, Was: t.Number})
		case ch.Action == casefile.RemoveTerm:
			v.Removed = append(v.Removed, t.Number)
		default:
			v.Terms = append(v.Terms, VariedTerm{Term: changedTerm(ch), Action: casefile.ReplaceTerm, Was: t.Number})
		}
	}
	for _, ch := range added {
		v.Terms = append(v.Terms, VariedTerm{Term: changedTerm(ch), Action: casefile.AddTerm})
	}
}

func changedTerm(ch casefile.TermChange) casefile.Term {
	return casefile.Term{Kind: ch.Kind, Text: ch.Text, Necessity: ch.Necessity, Protects: ch.Protects, Locality: ch.Locality}
}

// interim reports whether the order is an interim order.
func (v *Variation) interim() bool { return v.Order.Kind == casefile.InterimOrder }

// newVariationBuilder starts a document of the application, printed as the
// respondent may read it: the application is served on them, so the court
// reads nothing they are not given.
func newVariationBuilder(v *Variation, opts BundleOptions) (*builder, error) {
	if v == nil || v.order == nil {
		return nil, ErrNoVariation
	}
	b, err := newBuilder(v.order, opts, orderCopy)
	if err != nil {
		return nil, err
	}
	b.varied = v
	return b, nil
}

// WriteVariationApplication writes the application to vary, renew or
// discharge the order (SPA 2019 s.4): the court, the parties, the order as
// made, what is sought (each change to a term with the term as made, the
// new wording, its necessity and the reason; the new duration), the
// reasons, the evidence relied on, the consents, the protected people's
// views and the applicant's signature. It is served on the respondent, so
// it is printed as the respondent may read it: the protected people's and
// witnesses' details are withheld, and the court's copy is the same.
func WriteVariationApplication(w io.Writer, v *Variation, opts BundleOptions) error {
	b, err := newVariationBuilder(v, opts)
	if err != nil {
		return err
	}
	app, o := v.Application, v.Order
	seeks := b.data("Seeks", string(app.Seeks), "Interim", v.interim())
	b.start(b.t("spo.variation.heading", seeks), b.t("spo.variation.subject", seeks))
	d := b.d
	d.Text(pdfdoc.Text{Body: b.t("spo.variation.heading", seeks), Style: pdfdoc.Bold, Align: pdfdoc.AlignCentre})
	d.Text(pdfdoc.Text{Body: b.t("spo.variation.title", seeks), Style: pdfdoc.Bold, Align: pdfdoc.AlignCentre})
	d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{
		{{Label: b.t("spo.variation.court-label", nil), Value: b.orNot(o.Court)}},
		{{Label: b.t("spo.variation.applicant-label", nil), Value: b.variationApplicant()}},
		{{Label: b.t("spo.variation.parties-label", nil), Value: b.parties()}},
		{{Label: b.t("spo.variation.hearing-label", nil), Value: b.orNot(app.Hearing.Long())}},
	}})

	d.Heading(1, b.t("spo.variation.order-heading", nil), "")
	ends, _ := o.LastDay()
	served := ""
	if o.Service != nil {
		served = o.Service.Date.Long()
	}
	orig, _ := casefile.ParsePeriod(o.Duration)
	d.Paragraph(b.t("spo.variation.order", b.data("Interim", v.interim(), "Made", o.Made.Long(), "Served", served,
		"Period", orig.String(), "Ends", ends.Long(), "Exhibit", b.clean(o.Exhibit), "Count", len(o.Terms))))

	d.Heading(1, b.t("spo.variation.sought-heading", nil), "")
	d.Paragraph(b.t("spo.variation.sought", seeks))
	for i, ch := range app.Changes {
		if app.Seeks == casefile.Discharge {
			break
		}
		b.variationChange(i, ch)
	}
	if app.Seeks != casefile.Discharge && !blank(app.Duration) {
		p, _ := casefile.ParsePeriod(app.Duration)
		last, _ := p.LastDay(o.Made)
		d.Text(pdfdoc.Text{Label: b.t("spo.variation.duration-label", nil), Body: b.t("spo.variation.duration", b.data(
			"Period", p.String(), "Fixed", p.Fixed(), "Made", o.Made.Long(), "Ends", last.Long(), "Raw", b.clean(app.Duration)))})
	}

	d.Heading(1, b.t("spo.variation.reasons-heading", nil), "")
	d.Paragraph(b.orNot(app.Reasons))
	d.Heading(1, b.t("spo.variation.evidence-heading", nil), "")
	// A sensitive exhibit is never named to the respondent, as in the
	// service copy of an application.
	evidence := slices.DeleteFunc(slices.Clone(app.Evidence), func(id string) bool {
		e := b.x.Exhibit(id)
		return e != nil && e.Sensitive
	})
	if len(evidence) == 0 {
		d.Paragraph(b.t("spo.variation.evidence-none", nil))
	}
	for _, id := range evidence {
		d.Text(pdfdoc.Text{Label: b.clean(id), Body: b.evidenceLine(id)})
	}
	d.Heading(1, b.t("spo.variation.consent-heading", nil), "")
	d.Paragraph(b.t("spo.variation.consent", b.data("ByRespondent", app.Consent.Respondent, "ByChiefOfficer", app.Consent.ChiefOfficer)))
	d.Heading(1, b.t("spo.views.heading", nil), "")
	d.Paragraph(b.orNot(app.VictimViews))
	d.Paragraph(b.t("spo.variation.draft-order", seeks))
	d.Space(4)
	d.Signatures(b.t("spo.variation.signed", nil), b.t("spo.order.signed-date", nil))
	return b.write(w)
}

// parties names the parties of an order or application: the chief
// officer applies, unless the person subject to an order applies to vary,
// renew or discharge it.
func (b *builder) parties() string {
	return b.t("spo.order.parties", b.data("ByRespondent", b.varied != nil && b.varied.Application.Applicant == casefile.RespondentApplies))
}

// variationApplicant names who applies: the chief officer of police or
// the respondent.
func (b *builder) variationApplicant() string {
	return b.t("spo.variation.applicant", b.data("ByRespondent", b.varied.Application.Applicant == casefile.RespondentApplies))
}

// variationChange lays out one change sought: the term as made, the new
// wording, why it is necessary and why it is sought.
func (b *builder) variationChange(i int, ch casefile.TermChange) {
	d, o := b.d, b.varied.Order
	old := ""
	if t := o.Term(ch.Term); t != nil && ch.Action != casefile.AddTerm {
		old = b.clean(t.Text)
	}
	d.KeepTogether(1)
	d.Heading(2, b.t("spo.variation.change-heading", b.data("N", i+1, "Action", string(ch.Action), "Term", ch.Term)), "")
	if ch.Action != casefile.AddTerm {
		d.Text(pdfdoc.Text{Label: b.t("spo.variation.as-made-label", nil), Body: b.orNot(old)})
	}
	if ch.Action != casefile.RemoveTerm {
		d.Text(pdfdoc.Text{Label: b.t("spo.variation.new-label", nil), Body: b.t("spo.order.term", b.data(
			"Kind", string(ch.Kind), "Text", b.orNot(ch.Text), "Locality", b.clean(strings.TrimSpace(ch.Locality))))})
		var protects []string
		for _, id := range ch.Protects {
			if n := b.personName(id); n != "" {
				protects = append(protects, n)
			}
		}
		d.Text(pdfdoc.Text{Label: b.t("spo.variation.protects-label", nil), Body: b.t("spo.variation.protects", b.data("Names", protects))})
		d.Text(pdfdoc.Text{Label: b.t("spo.variation.necessity-label", nil), Body: b.orNot(ch.Necessity)})
	}
	d.Text(pdfdoc.Text{Label: b.t("spo.variation.reason-label", nil), Body: b.orNot(ch.Reason)})
}

// evidenceLine describes an item of evidence relied on: an incident by its
// date and summary, a statement by its maker, an exhibit by its
// description.
func (b *builder) evidenceLine(id string) string {
	x := b.x
	if in := x.Incident(id); in != nil {
		return b.t("spo.variation.evidence-incident", b.data("Date", in.Date.Long(), "Description", b.clean(in.Description)))
	}
	if s := x.Statement(id); s != nil {
		return b.t("spo.variation.evidence-statement", b.data("Maker", b.clean(b.personName(s.Person)), "Date", s.Date.Long()))
	}
	if e := x.Exhibit(id); e != nil {
		return b.t("spo.variation.evidence-exhibit", b.data("Description", b.clean(e.Description)))
	}
	return b.t("common.not-recorded", nil)
}

// personName is a person's name, or "" when the id is not in the case.
func (b *builder) personName(id string) string {
	if p := b.x.Person(id); p != nil {
		return strings.TrimSpace(p.Name())
	}
	return ""
}

// WriteVariedOrder writes the draft order the court is asked to make: the
// order as it would read after the changes sought, its terms renumbered
// with each marked by where it came from, the terms removed, and its
// duration counted from the day the order was made; or, for a discharge,
// the order discharging it. It is laid out by the same renderer as
// WriteOrder and served like it, so the respondent's copy rules apply.
func WriteVariedOrder(w io.Writer, v *Variation, opts BundleOptions) error {
	b, err := newVariationBuilder(v, opts)
	if err != nil {
		return err
	}
	return b.writeOrderPDF(w, b.orderModel(v.interim()), b.t("spo.varied-order.file-subject", b.data("Seeks", string(v.Application.Seeks))))
}

// WriteVariedOrderDOCX writes the editable copy of WriteVariedOrder's
// draft, with the same text, for the court to amend.
func WriteVariedOrderDOCX(w io.Writer, v *Variation, opts BundleOptions) error {
	b, err := newVariationBuilder(v, opts)
	if err != nil {
		return err
	}
	return b.writeOrderDOCX(w, b.orderModel(v.interim()))
}

// variedTermNote is what the varied order says of the i'th term's origin,
// or "" for a term kept with its number.
func (b *builder) variedTermNote(i int) string {
	t := b.varied.Terms[i]
	if t.Action == "" && t.Was == i+1 {
		return ""
	}
	return b.t("spo.varied-order.term-note", b.data("Action", string(t.Action), "Was", t.Was))
}

// removedTerms lists the numbers of the terms the changes remove, in words
// the template joins.
func (b *builder) removedTerms() []string {
	out := make([]string, len(b.varied.Removed))
	for i, n := range b.varied.Removed {
		out[i] = strconv.Itoa(n)
	}
	return out
}
