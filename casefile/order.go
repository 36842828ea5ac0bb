package casefile

import "fmt"

// Order is a Stalking Protection Order or interim order that a court has
// made against the respondent, as made and served: the starting point of
// the jobs that follow an order (breach, notification, variation).
type Order struct {
	ID         string      `json:"id" req:"true" doc:"e.g. ORD1"`
	Kind       OrderKind   `json:"kind" req:"true"`
	Court      string      `json:"court" req:"true" doc:"the magistrates' court that made the order"`
	Respondent string      `json:"respondent" req:"true" doc:"person id of the person the order is against"`
	Protected  []string    `json:"protected,omitempty" doc:"person ids the order protects"`
	Made       Date        `json:"made" req:"true" doc:"the day the order was made"`
	Service    *Service    `json:"service,omitempty" doc:"how and when the order was served; absent: not yet served"`
	Duration   string      `json:"duration,omitempty" doc:"until-further-order or a fixed period such as 2y (an interim order: its fixed period, e.g. 3m)"`
	Ends       Date        `json:"ends,omitzero" doc:"the last day the order has effect, when known (a fixed end, a discharge, or an interim order's end on the main application's determination)"`
	Replaces   string      `json:"replaces,omitempty" doc:"id of the interim order this full order replaces (SPA 2019 s.9(1))"`
	Terms      []OrderTerm `json:"terms" req:"true" doc:"the prohibitions and requirements as made, numbered as in the order"`
	Exhibit    string      `json:"exhibit,omitempty" doc:"exhibit ref of the sealed order"`
}

// Service is how an order was served on the respondent: the day of
// service starts the notification clock (SPA 2019 s.9(1)).
type Service struct {
	Date    Date   `json:"date" req:"true" doc:"the day the order was served"`
	Time    Clock  `json:"time,omitzero"`
	Manner  string `json:"manner,omitempty" doc:"e.g. personally, in court; by hand at the respondent's home address"`
	By      string `json:"by,omitempty" doc:"person id of the officer who served it"`
	Exhibit string `json:"exhibit,omitempty" doc:"exhibit ref of the proof of service"`
}

// OrderTerm is one numbered prohibition or requirement of an order as
// made.
type OrderTerm struct {
	Number   int      `json:"number" req:"true" doc:"the term's number in the order, from 1"`
	Kind     TermKind `json:"kind" req:"true"`
	Text     string   `json:"text" req:"true" doc:"the term's words as made"`
	Protects []string `json:"protects,omitempty" doc:"person ids; absent: every protected person"`
	Locality string   `json:"locality,omitempty" doc:"the area the term is limited to; absent means the whole UK"`

	// Scope (optional): what a breach file checks an incident against
	// mechanically. A term with none of these is reported as not checked,
	// never guessed from its words.
	Behaviours []Behaviour `json:"behaviours,omitempty" doc:"the kinds of conduct the term forbids, in the incident behaviour vocabulary"`
	Places     []string    `json:"places,omitempty" doc:"the places the term forbids; an incident is within them when its location names one"`
	From       Date        `json:"from,omitzero" doc:"first day the term has effect, when later than the order's service"`
	Until      Date        `json:"until,omitzero" doc:"last day the term has effect, when earlier than the order's end"`
}

// OrderKind says whether an order made is a full or an interim order.
type OrderKind string

// Order kinds.
const (
	FullOrder    OrderKind = "spo"
	InterimOrder OrderKind = "interim-spo"
)

// Values lists every OrderKind.
func (OrderKind) Values() []string { return []string{"spo", "interim-spo"} }

// orderRefs checks what the orders made refer to: people, exhibits, the
// interim order a full order replaces, and the terms' numbers.
func (c *Check) orderRefs() {
	for i, o := range c.Case.Orders {
		base := fmt.Sprintf("orders[%d]", i)
		c.ref(base+".respondent", o.Respondent, suspect)
		for j, id := range o.Protected {
			c.ref(fmt.Sprintf("%s.protected[%d]", base, j), id, anyPerson)
		}
		if o.Exhibit != "" {
			c.ref(base+".exhibit", o.Exhibit, exhibit)
		}
		if s := o.Service; s != nil {
			if s.By != "" {
				c.ref(base+".service.by", s.By, officer)
			}
			if s.Exhibit != "" {
				c.ref(base+".service.exhibit", s.Exhibit, exhibit)
			}
		}
		if o.Replaces != "" {
			switch r := c.Case.Order(o.Replaces); {
			case o.Kind != FullOrder:
				c.Addf(base+".replaces", "Only a full order replaces an interim order; this order is %s.", o.Kind)
			case r == nil:
				c.Addf(base+".replaces", "%q is not the id of any order in orders; use the interim order's id.", o.Replaces)
			case r.Kind != InterimOrder:
				c.Addf(base+".replaces", "%q is a full order; a full order replaces an interim order (kind interim-spo).", o.Replaces)
			}
		}
		seen := map[int]bool{}
		for j, t := range o.Terms {
			p := fmt.Sprintf("%s.terms[%d]", base, j)
			switch {
			case t.Number < 1:
				c.Addf(p+".number", "Term numbers start at 1, as in the order; this one is %d.", t.Number)
			case seen[t.Number]:
				c.Addf(p+".number", "Term %d is numbered twice in order %s; give each term its number in the order.", t.Number, o.ID)
			}
			seen[t.Number] = true
			for k, id := range t.Protects {
				c.ref(fmt.Sprintf("%s.protects[%d]", p, k), id, anyPerson)
			}
		}
	}
}

// Order returns the order made with the given id, or nil.
func (c *Case) Order(id string) *Order {
	for i := range c.Orders {
		if c.Orders[i].ID == id {
			return &c.Orders[i]
		}
	}
	return nil
}

// Term returns the order's term with the given number, or nil.
func (o *Order) Term(number int) *OrderTerm {
	for i := range o.Terms {
		if o.Terms[i].Number == number {
			return &o.Terms[i]
		}
	}
	return nil
}
