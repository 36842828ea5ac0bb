package spo

import (
	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/law"
)

// order lays out the draft full order the court is asked to make (s.2) as
// a section of the bundle, worded as WriteOrder's document: parties, terms,
// duration (s.3), the court's signature, and the notes on breach (s.8) and
// notification (ss.9–11).
func (b *builder) order() { b.orderSection(false) }

// interimOrder lays out the draft interim order (s.5), when one is sought.
func (b *builder) interimOrder() {
	if b.a.Interim != nil {
		b.orderSection(true)
	}
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
