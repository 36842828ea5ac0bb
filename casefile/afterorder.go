package casefile

import (
	"fmt"
	"slices"
	"strings"
)

// Breach names an order made and the numbers of its terms that an
// occasion breaches (SPA 2019 s.8).
type Breach struct {
	Order string `json:"order" req:"true" doc:"id of the order in orders"`
	Terms []int  `json:"terms" req:"true" doc:"the numbers of the terms breached, as numbered in the order"`
}

// Notification is one notification the respondent gave at a police station
// under an order (SPA 2019 ss.9-10), as the police acknowledged it.
type Notification struct {
	ID         string           `json:"id" req:"true" doc:"e.g. N1"`
	Order      string           `json:"order" req:"true" doc:"id of the order in orders it was given under"`
	Kind       NotificationKind `json:"kind" req:"true"`
	Date       Date             `json:"date" req:"true" doc:"the day it was given"`
	Time       Clock            `json:"time,omitzero"`
	Station    string           `json:"station,omitempty" doc:"the police station it was given at"`
	ReceivedBy string           `json:"received_by,omitempty" doc:"person id of the officer who received and acknowledged it"`
	Names      []string         `json:"names,omitempty" doc:"every name notified, the respondent's own name first"`
	Address    string           `json:"address,omitempty" doc:"the home address notified, lines separated by newlines"`
	Exhibit    string           `json:"exhibit,omitempty" doc:"exhibit ref of the written acknowledgment"`
	// FalseInformation records that what was notified is known to be
	// false (SPA 2019 s.11: knowingly giving false information).
	FalseInformation bool   `json:"false_information,omitempty" doc:"the notification gave information the respondent knew to be false"`
	FalseDetails     string `json:"false_details,omitempty" doc:"what was false and how that is known"`
}

// NotificationKind is which duty a notification answers.
type NotificationKind string

// Notification kinds, with the duty each answers.
const (
	InitialNotification    NotificationKind = "initial"     // s.9(1)
	NewNameNotification    NotificationKind = "new-name"    // s.9(3)
	NewAddressNotification NotificationKind = "new-address" // s.9(4)
)

// Values lists every NotificationKind.
func (NotificationKind) Values() []string { return []string{"initial", "new-name", "new-address"} }

// RespondentChange is a change in the respondent's details after an order
// was served that starts a notification duty: a new name used, or a move
// of home.
type RespondentChange struct {
	Kind     ChangeKind `json:"kind" req:"true"`
	Date     Date       `json:"date" req:"true" doc:"the day the new name was first used, or the day of the move"`
	Name     string     `json:"name,omitempty" doc:"new-name: the name used"`
	Address  string     `json:"address,omitempty" doc:"new-address: the new home address, lines separated by newlines"`
	HowKnown string     `json:"how_known,omitempty" doc:"how the police know of the change, e.g. a tenancy agreement or an account opened in the name"`
}

// ChangeKind is what changed.
type ChangeKind string

// Change kinds.
const (
	NewName    ChangeKind = "new-name"
	NewAddress ChangeKind = "new-address"
)

// Values lists every ChangeKind.
func (ChangeKind) Values() []string { return []string{"new-name", "new-address"} }

// SOAPart2 records that a person is subject to the Sexual Offences Act 2003
// Part 2 notification requirements, under which the SPA 2019 duties do not
// apply (s.9(5)-(7)).
type SOAPart2 struct {
	Until Date `json:"until,omitzero" doc:"the final day of the requirements; absent: still subject"`
}

// NotificationDays is the number of days, beginning with the day of
// service (or of the change, or the final day of the SOA 2003 Part 2
// requirements), within which the respondent must notify (SPA 2019 s.9).
const NotificationDays = 3

// NotificationDeadline returns the last day to notify for a duty that
// starts on from: 3 days beginning with that day, so the day itself counts
// and the last day is two days later, weekends and month ends included.
func NotificationDeadline(from Date) Date { return from.AddDays(NotificationDays - 1) }

// LastDay is the last day the order has effect as made: its ends date,
// else the last day of its fixed period counted from the day it was made;
// false when it lasts until a further order or its duration cannot be
// read.
func (o *Order) LastDay() (Date, bool) {
	if !o.Ends.IsZero() {
		return o.Ends, true
	}
	p, err := ParsePeriod(o.Duration)
	if err != nil {
		return Date{}, false
	}
	return p.LastDay(o.Made)
}

// LastDay is the last day the order has effect in this case: its own last
// day (Order.LastDay), or the day before a full order that replaces it was
// made when that is earlier; zero when neither is known.
func (c *Case) LastDay(o *Order) Date {
	end, _ := o.LastDay()
	for i := range c.Orders {
		r := &c.Orders[i]
		if r.Replaces == o.ID && !r.Made.IsZero() {
			if d := r.Made.AddDays(-1); end.IsZero() || d.Before(end) {
				end = d
			}
		}
	}
	return end
}

// InForceOn reports whether the order had effect on day d: on or after the
// day it was made and not after its last day (Case.LastDay).
func (c *Case) InForceOn(o *Order, d Date) bool {
	end := c.LastDay(o)
	return !d.Before(o.Made) && (end.IsZero() || !d.After(end))
}

// ScopeMiss is one way an occasion falls outside a term's scope.
type ScopeMiss struct {
	// Kind is "before-term", "after-term", "behaviour", "place" or "person".
	Kind string
	// Detail is what the term allows: a date, the behaviours, the places
	// or the people it protects, joined.
	Detail string
}

// Scoped reports whether the term records a structured scope (behaviours,
// places, from or until) an occasion can be checked against.
func (t *OrderTerm) Scoped() bool {
	return len(t.Behaviours) > 0 || len(t.Places) > 0 || !t.From.IsZero() || !t.Until.IsZero()
}

// OutsideScope returns the ways the occasion falls outside the term of
// order o, in a fixed order; none means within it as far as it is
// recorded. Whom the term protects is always checked (the term's protects,
// else the order's protected); the rest only when the term records it.
func (t *OrderTerm) OutsideScope(o *Order, in *Incident) []ScopeMiss {
	var out []ScopeMiss
	if !t.From.IsZero() && in.LastDate().Before(t.From) {
		out = append(out, ScopeMiss{"before-term", t.From.Long()})
	}
	if !t.Until.IsZero() && in.Date.After(t.Until) {
		out = append(out, ScopeMiss{"after-term", t.Until.Long()})
	}
	if len(t.Behaviours) > 0 && !slices.ContainsFunc(in.Behaviours, func(b Behaviour) bool { return slices.Contains(t.Behaviours, b) }) {
		words := make([]string, len(t.Behaviours))
		for i, b := range t.Behaviours {
			words[i] = b.Words()
		}
		out = append(out, ScopeMiss{"behaviour", strings.Join(words, ", ")})
	}
	if len(t.Places) > 0 && !slices.ContainsFunc(t.Places, func(p string) bool { return namesPlace(in.Location, p) }) {
		out = append(out, ScopeMiss{"place", strings.Join(t.Places, "; ")})
	}
	protects := t.Protects
	if len(protects) == 0 {
		protects = o.Protected
	}
	if len(protects) > 0 && !slices.ContainsFunc(in.Victims, func(v string) bool { return slices.Contains(protects, v) }) {
		out = append(out, ScopeMiss{"person", strings.Join(protects, ", ")})
	}
	return out
}

// namesPlace reports whether a location names the place: the place's
// words appear in it, ignoring case and spacing.
func namesPlace(location, place string) bool {
	p := normalName(place)
	return p != "" && strings.Contains(normalName(location), p)
}

// normalName folds a name or address for comparison: lower case, words
// separated by single spaces, commas ignored.
func normalName(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, ",", " "))), " ")
}

// DutyStatus is where one notification duty stands.
type DutyStatus string

// Duty statuses.
const (
	DutyMet         DutyStatus = "met"          // notified by the deadline
	DutyLate        DutyStatus = "late"         // notified after the deadline
	DutyMissed      DutyStatus = "missed"       // the deadline has passed with no notification
	DutyDue         DutyStatus = "due"          // the deadline has not yet passed
	DutyNotRequired DutyStatus = "not-required" // a full order replacing an interim order
	DutySuspended   DutyStatus = "suspended"    // SOA 2003 Part 2 requirements apply instead
)

// NotificationDuty is one duty to notify under an order, with its deadline
// and what the case records of it.
type NotificationDuty struct {
	Order *Order
	Kind  NotificationKind
	// Citation is the subsection, e.g. "SPA 2019 s.9(1)".
	Citation string
	// From is the day the 3 days begin with; Deadline the last of them.
	From, Deadline Date
	// FromSOA is true when an initial duty runs from the final day of the
	// SOA 2003 Part 2 requirements rather than from service (s.9(7)).
	FromSOA bool
	// Change is the change that started a new-name or new-address duty.
	Change *RespondentChange
	// Notified is the notification that answers the duty, if any.
	Notified *Notification
	Status   DutyStatus
}

// NotificationDuties returns every notification duty of the served orders,
// judged on asOf, in the order of the orders and then of their start days:
// the initial duty of each order (s.9(1)), and a new-name (s.9(3)) or
// new-address (s.9(4)) duty for each change while it was in force.
func NotificationDuties(c *Case, asOf Date) []NotificationDuty {
	var out []NotificationDuty
	x := NewIndex(c)
	for i := range c.Orders {
		o := &c.Orders[i]
		if o.Service == nil || o.Service.Date.IsZero() {
			continue
		}
		var soa *SOAPart2
		if p := x.Person(o.Respondent); p != nil {
			soa = p.SOAPart2
		}
		out = append(out, c.initialDuty(o, soa, asOf))
		for j := range c.RespondentChanges {
			ch := &c.RespondentChanges[j]
			if ch.Date.Before(o.Service.Date) || !c.InForceOn(o, ch.Date) {
				continue
			}
			d := NotificationDuty{Order: o, Kind: NotificationKind(ch.Kind), Citation: "SPA 2019 s.9(3)", From: ch.Date, Deadline: NotificationDeadline(ch.Date), Change: ch}
			if ch.Kind == NewAddress {
				d.Citation = "SPA 2019 s.9(4)"
			}
			if soa != nil && (soa.Until.IsZero() || !ch.Date.After(soa.Until)) {
				d.Status = DutySuspended
			} else {
				d.Notified = c.answering(o, ch)
				d.Status = dutyStatus(d.Notified, d.Deadline, asOf)
			}
			out = append(out, d)
		}
	}
	return out
}

// initialDuty is the s.9(1) duty of a served order.
func (c *Case) initialDuty(o *Order, soa *SOAPart2, asOf Date) NotificationDuty {
	served := o.Service.Date
	d := NotificationDuty{Order: o, Kind: InitialNotification, Citation: "SPA 2019 s.9(1)", From: served}
	switch {
	case o.Replaces != "":
		d.Status = DutyNotRequired
		return d
	case soa != nil && (soa.Until.IsZero() || soa.Until.After(asOf)):
		d.From, d.Status = soa.Until, DutySuspended
		if !soa.Until.IsZero() {
			d.Deadline, d.FromSOA = NotificationDeadline(soa.Until), true
		}
		return d
	case soa != nil && !soa.Until.Before(served) && c.InForceOn(o, soa.Until):
		d.From, d.FromSOA = soa.Until, true
	case soa != nil && !soa.Until.Before(served):
		// The requirements outlasted the order: no duty arose under it
		// (s.9(5)-(7)). From keeps their final day; there is no deadline.
		d.From, d.FromSOA, d.Status = soa.Until, true, DutySuspended
		return d
	}
	d.Deadline = NotificationDeadline(d.From)
	for i := range c.Notifications {
		n := &c.Notifications[i]
		if n.Order == o.ID && n.Kind == InitialNotification && (d.Notified == nil || n.Date.Before(d.Notified.Date)) {
			d.Notified = n
		}
	}
	d.Status = dutyStatus(d.Notified, d.Deadline, asOf)
	return d
}

// answering returns the earliest notification under the order that gives
// the change's new name (on or after the day it was first used) or new
// address (any day after service: a move may be notified before it
// happens, s.10). A change that records no name or address is answered by
// the first notification of its kind on or after its day.
func (c *Case) answering(o *Order, ch *RespondentChange) *Notification {
	var best *Notification
	for i := range c.Notifications {
		n := &c.Notifications[i]
		if n.Order != o.ID || n.Date.Before(o.Service.Date) {
			continue
		}
		var ok bool
		switch {
		case ch.Kind == NewName && strings.TrimSpace(ch.Name) != "":
			ok = !n.Date.Before(ch.Date) && slices.ContainsFunc(n.Names, func(s string) bool { return normalName(s) == normalName(ch.Name) })
		case ch.Kind == NewAddress && strings.TrimSpace(ch.Address) != "":
			ok = normalName(n.Address) == normalName(ch.Address)
		default:
			ok = string(n.Kind) == string(ch.Kind) && !n.Date.Before(ch.Date)
		}
		if ok && (best == nil || n.Date.Before(best.Date)) {
			best = n
		}
	}
	return best
}

// dutyStatus judges a duty with a deadline on asOf.
func dutyStatus(n *Notification, deadline, asOf Date) DutyStatus {
	switch {
	case n != nil && !n.Date.After(deadline):
		return DutyMet
	case n != nil:
		return DutyLate
	case deadline.Before(asOf):
		return DutyMissed
	}
	return DutyDue
}

// MissingFromNotification returns what an initial notification should have
// given and did not (SPA 2019 s.9(2)): "home address" when it gives none,
// and each name the respondent is recorded as using on its day (their own
// name, their aliases, and new names first used by then) that it does not
// list. An alias recorded as a new name first used later is not required.
func MissingFromNotification(c *Case, n *Notification) []string {
	var out []string
	if strings.TrimSpace(n.Address) == "" {
		out = append(out, "home address")
	}
	o := c.Order(n.Order)
	if o == nil {
		return out
	}
	p := NewIndex(c).Person(o.Respondent)
	if p == nil {
		return out
	}
	later := map[string]bool{}
	var names []string
	for _, ch := range c.RespondentChanges {
		if ch.Kind != NewName || strings.TrimSpace(ch.Name) == "" {
			continue
		}
		if ch.Date.After(n.Date) {
			later[normalName(ch.Name)] = true
		} else {
			names = append(names, ch.Name)
		}
	}
	for _, a := range append([]string{p.Name()}, p.Aliases...) {
		if !later[normalName(a)] {
			names = append(names, a)
		}
	}
	seen := map[string]bool{}
	for _, name := range names {
		k := normalName(name)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		if !slices.ContainsFunc(n.Names, func(s string) bool { return normalName(s) == k }) {
			out = append(out, name)
		}
	}
	return out
}

// HasBreaches reports whether any occasion names a term of an order made
// that it breaches: the case has a breach file.
func HasBreaches(c *Case) bool {
	return slices.ContainsFunc(c.Incidents, func(in Incident) bool { return len(in.Breaches) > 0 })
}

// HasNotificationFile reports whether the case has a notification file: a
// served order with notifications or changes recorded, or a charge under
// SPA 2019 s.11.
func HasNotificationFile(c *Case) bool {
	recorded := (len(c.Notifications) > 0 || len(c.RespondentChanges) > 0) &&
		slices.ContainsFunc(c.Orders, func(o Order) bool { return o.Service != nil })
	return recorded || slices.ContainsFunc(c.Charges, func(ch Charge) bool { return ch.Offence == NotifyFailure || ch.Offence == NotifyFalse })
}

// notifiedAddresses returns the addresses the respondent with the given id
// notified under an order, or is recorded as moving to: details of the
// case, which the documents that withhold contact details withhold.
func notifiedAddresses(c *Case, id string) []string {
	against := func(order string) bool { o := c.Order(order); return o != nil && o.Respondent == id }
	var out []string
	for _, n := range c.Notifications {
		if strings.TrimSpace(n.Address) != "" && against(n.Order) {
			out = append(out, n.Address)
		}
	}
	if slices.ContainsFunc(c.Orders, func(o Order) bool { return o.Respondent == id }) {
		for _, ch := range c.RespondentChanges {
			if strings.TrimSpace(ch.Address) != "" {
				out = append(out, ch.Address)
			}
		}
	}
	return out
}

// afterOrderRefs checks what breaches, notifications and changes refer to.
func (c *Check) afterOrderRefs() {
	k := c.Case
	for i, in := range k.Incidents {
		for j, b := range in.Breaches {
			p := fmt.Sprintf("incidents[%d].breaches[%d]", i, j)
			o := k.Order(b.Order)
			if o == nil {
				c.Addf(p+".order", "%q is not the id of any order in orders; use the id of the order breached.", b.Order)
				continue
			}
			if len(b.Terms) == 0 {
				c.Addf(p+".terms", "Incident %s names order %s but no term of it; list the numbers of the terms breached.", in.ID, o.ID)
			}
			for t, n := range b.Terms {
				if o.Term(n) == nil {
					c.Addf(fmt.Sprintf("%s.terms[%d]", p, t), "Order %s has no term %d; use the numbers of its terms as made.", o.ID, n)
				}
			}
		}
	}
	for i, n := range k.Notifications {
		p := fmt.Sprintf("notifications[%d]", i)
		if k.Order(n.Order) == nil {
			c.Addf(p+".order", "%q is not the id of any order in orders; use the id of the order the notification was given under.", n.Order)
		}
		if n.ReceivedBy != "" {
			c.ref(p+".received_by", n.ReceivedBy, officer)
		}
		if n.Exhibit != "" {
			c.ref(p+".exhibit", n.Exhibit, exhibit)
		}
	}
	for i, ch := range k.Charges {
		if ch.Order != "" && k.Order(ch.Order) == nil {
			c.Addf(fmt.Sprintf("charges[%d].order", i), "%q is not the id of any order in orders; use the id of the order the charge concerns.", ch.Order)
		}
	}
}
