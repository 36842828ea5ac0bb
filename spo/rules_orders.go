package spo

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spokit/spokit/casefile"
)

// afterOrderRules judge the jobs that follow an order made: the breach
// file (SPA 2019 s.8) and the notification file (ss.9-11). A missed
// notification or a breach outside a term is a fact about the respondent's
// conduct, not a fault in the file, so none of them is an error that would
// stop the file being built; only a breach of an order that was not in
// force cannot be an offence at all.
var afterOrderRules = []casefile.Rule{
	{ID: "SPO-BREACH-IN-FORCE", Severity: casefile.Error, Citation: "SPA 2019 s.8(1)", Check: checkBreachInForce},
	{ID: "SPO-BREACH-SERVED", Severity: casefile.Warning, Citation: "SPA 2019 s.8; CPS guidance: Stalking Protection Orders", Check: checkBreachServed},
	{ID: "SPO-BREACH-PROOF", Severity: casefile.Warning, Citation: "SPA 2019 s.8; CPS guidance: Stalking Protection Orders", Check: checkBreachProof},
	{ID: "SPO-BREACH-SCOPE", Severity: casefile.Warning, Citation: "SPA 2019 s.8(1)", Check: checkBreachScope},
	{ID: "SPO-BREACH-SCOPE-UNCHECKED", Severity: casefile.Info, Citation: "SPA 2019 s.8(1)", Check: checkBreachScopeUnchecked},
	{ID: "SPO-BREACH-EXCUSE", Severity: casefile.Info, Citation: "SPA 2019 s.8(1)", Check: checkBreachExcuse},
	{ID: "SPO-ORDER-DURATION", Severity: casefile.Warning, Citation: "SPA 2019 s.3, s.5", Check: checkOrderDuration},
	{ID: "NOTIFY-INITIAL", Severity: casefile.Warning, Citation: "SPA 2019 s.9(1), s.11", Check: dutyCheck(casefile.InitialNotification)},
	{ID: "NOTIFY-REPLACES-INTERIM", Severity: casefile.Info, Citation: "SPA 2019 s.9(1)", Check: checkReplacesInterim},
	{ID: "NOTIFY-NEW-NAME", Severity: casefile.Warning, Citation: "SPA 2019 s.9(3), s.11", Check: dutyCheck(casefile.NewNameNotification)},
	{ID: "NOTIFY-NEW-ADDRESS", Severity: casefile.Warning, Citation: "SPA 2019 s.9(4), s.11", Check: dutyCheck(casefile.NewAddressNotification)},
	{ID: "NOTIFY-CONTENT", Severity: casefile.Warning, Citation: "SPA 2019 s.9(2)", Check: checkNotifyContent},
	{ID: "NOTIFY-SOA-EXEMPT", Severity: casefile.Info, Citation: "SPA 2019 s.9(5)–(7)", Check: checkSOAExempt},
	{ID: "NOTIFY-FALSE-INFO", Severity: casefile.Warning, Citation: "SPA 2019 s.11", Check: checkFalseInfo},
}

// breachTerm is one term an occasion names as breached.
type breachTerm struct {
	path  string // JSON path of the breach entry
	in    *casefile.Incident
	order *casefile.Order
	term  *casefile.OrderTerm
}

// eachBreach calls fn for every order an occasion names as breached (term
// nil) and then for each of its terms that exists; CASE-REF reports the
// names that do not resolve.
func eachBreach(c *casefile.Check, fn func(b breachTerm)) {
	for i := range c.Case.Incidents {
		in := &c.Case.Incidents[i]
		for j, br := range in.Breaches {
			o := c.Case.Order(br.Order)
			if o == nil {
				continue
			}
			path := fmt.Sprintf("incidents[%d].breaches[%d]", i, j)
			fn(breachTerm{path: path, in: in, order: o})
			for _, n := range br.Terms {
				if t := o.Term(n); t != nil {
					fn(breachTerm{path: path, in: in, order: o, term: t})
				}
			}
		}
	}
}

func checkBreachInForce(c *casefile.Check) {
	eachBreach(c, func(b breachTerm) {
		if b.term != nil || c.Case.InForceOn(b.order, b.in.Date) {
			return
		}
		when := "before it was made on " + b.order.Made.Long()
		if !b.in.Date.Before(b.order.Made) {
			when = "after it ceased to have effect"
			if last, ok := b.order.LastDay(); ok && b.in.Date.After(last) {
				when += " (its last day was " + last.Long() + ")"
			}
		}
		c.Addf(b.path+".order", "Incident %s on %s names order %s, but that is %s, so it cannot be a breach of it. Correct the order or the incident's date, or remove the breach.", b.in.ID, b.in.Date.Long(), b.order.ID, when)
	})
}

func checkBreachServed(c *casefile.Check) {
	eachBreach(c, func(b breachTerm) {
		if b.term != nil || !c.Case.InForceOn(b.order, b.in.Date) {
			return
		}
		s := b.order.Service
		switch {
		case s == nil || s.Date.IsZero():
			c.Addf(b.path+".order", "Incident %s names order %s, which the case does not record as served. Record the service (orders[].service), or the evidence that %s knew of the order's terms before the incident.", b.in.ID, b.order.ID, c.Name(b.order.Respondent))
		case b.in.LastDate().Before(s.Date), b.in.Date.Compare(s.Date) == 0 && b.in.Time.Set && s.Time.Set && b.in.Time.Hour*60+b.in.Time.Minute < s.Time.Hour*60+s.Time.Minute:
			c.Addf(b.path+".order", "Incident %s (%s) was before order %s was served (%s). Unless %s knew of the order's terms by then, a breach is hard to prove: record how they knew, or remove the breach.", b.in.ID, b.in.Date.Long(), b.order.ID, s.Date.Long(), c.Name(b.order.Respondent))
		}
	})
}

func checkBreachProof(c *casefile.Check) {
	seen := map[string]bool{}
	eachBreach(c, func(b breachTerm) {
		if b.term != nil || seen[b.order.ID] {
			return
		}
		seen[b.order.ID] = true
		var missing []string
		if strings.TrimSpace(b.order.Exhibit) == "" {
			missing = append(missing, "the sealed order (orders[].exhibit)")
		}
		if b.order.Service == nil || strings.TrimSpace(b.order.Service.Exhibit) == "" {
			missing = append(missing, "the proof of service (orders[].service.exhibit)")
		}
		if len(missing) > 0 {
			c.Addf(b.path+".order", "Order %s is breached, but the file has no exhibit of %s. The order and its service must be proved: exhibit them.", b.order.ID, strings.Join(missing, " or of "))
		}
	})
}

func checkBreachScope(c *casefile.Check) {
	eachBreach(c, func(b breachTerm) {
		if b.term == nil {
			return
		}
		for _, m := range b.term.OutsideScope(b.order, b.in) {
			var why string
			switch m.Kind {
			case "before-term":
				why = "the term has effect only from " + m.Detail
			case "after-term":
				why = "the term had effect only until " + m.Detail
			case "behaviour":
				why = fmt.Sprintf("the term forbids %s, and the incident records none of these", m.Detail)
			case "place":
				why = fmt.Sprintf("the term concerns %s, and the incident's location (%q) names none of them", m.Detail, b.in.Location)
			case "person":
				why = fmt.Sprintf("the term protects %s, and the incident was directed at none of them", personNames(c, strings.Split(m.Detail, ", ")))
			}
			c.Addf(b.path+".terms", "Incident %s may be outside term %d of order %s: %s. Check the term's words against the evidence before charging a breach of it.", b.in.ID, b.term.Number, b.order.ID, why)
		}
	})
}

func checkBreachScopeUnchecked(c *casefile.Check) {
	eachBreach(c, func(b breachTerm) {
		if b.term != nil && !b.term.Scoped() {
			c.Addf(b.path+".terms", "Term %d of order %s records no scope (behaviours, places, from, until), so whether incident %s falls within it was not checked. Read the term's words against the evidence, or record its scope.", b.term.Number, b.order.ID, b.in.ID)
		}
	})
}

func checkBreachExcuse(c *casefile.Check) {
	for i, in := range c.Case.Incidents {
		if len(in.Breaches) > 0 && strings.TrimSpace(in.ReasonableExcuse) != "" {
			c.Addf(fmt.Sprintf("incidents[%d].reasonable_excuse", i), "An excuse is recorded for incident %s (%q). A breach without reasonable excuse is the offence: say in the charging request what evidence answers it.", in.ID, strings.TrimSpace(in.ReasonableExcuse))
		}
	}
}

// checkOrderDuration reports an order made whose duration cannot be read:
// without it (or an ends date) when the order ceased to have effect is
// unknown, so a breach or a duty after that day would pass unnoticed.
func checkOrderDuration(c *casefile.Check) {
	for i, o := range c.Case.Orders {
		if _, err := casefile.ParsePeriod(o.Duration); err == nil || blank(o.Duration) {
			continue
		}
		c.Addf(fmt.Sprintf("orders[%d].duration", i), "Order %s's %s, so the day it ceases to have effect is unknown and no breach or duty is checked against it. Write %s or the fixed period as made, e.g. 2y or 3m, or record ends.", o.ID, unreadable("duration", o.Duration), casefile.UntilFurtherOrder)
	}
}

// personNames lists the names of people for a message.
func personNames(c *casefile.Check, ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = c.Name(id)
	}
	return strings.Join(out, ", ")
}

// orderPath returns the JSON path of an order made.
func orderPath(c *casefile.Check, o *casefile.Order) string {
	return fmt.Sprintf("orders[%d]", slices.IndexFunc(c.Case.Orders, func(x casefile.Order) bool { return x.ID == o.ID }))
}

// changePath returns the JSON path of a change of the respondent's.
func changePath(c *casefile.Check, ch *casefile.RespondentChange) string {
	for i := range c.Case.RespondentChanges {
		if &c.Case.RespondentChanges[i] == ch {
			return fmt.Sprintf("respondent_changes[%d]", i)
		}
	}
	return "respondent_changes"
}

// dutyWhat words what a duty of the kind required the respondent to notify.
func dutyWhat(d casefile.NotificationDuty) string {
	switch d.Kind {
	case casefile.NewNameNotification:
		return fmt.Sprintf("the new name %q (first used on %s)", d.Change.Name, d.Change.Date.Long())
	case casefile.NewAddressNotification:
		return fmt.Sprintf("their new home address (they moved on %s)", d.Change.Date.Long())
	}
	start := "served on " + d.From.Long()
	if d.FromSOA {
		start = "whose duties began on " + d.From.Long() + ", the final day of the Sexual Offences Act 2003 Part 2 requirements"
	}
	return "their names and home address under order " + d.Order.ID + " (" + start + ")"
}

// dutyCheck reports the missed and late duties of one kind. A case that
// records nothing of notifications (no notification, change or s.11
// charge) is not judged: its silence is no evidence that none was given.
func dutyCheck(kind casefile.NotificationKind) func(*casefile.Check) {
	return func(c *casefile.Check) {
		if !casefile.HasNotificationFile(c.Case) {
			return
		}
		for _, d := range casefile.NotificationDuties(c.Case, c.AsOf) {
			if d.Kind != kind || outlasts(d) {
				continue
			}
			path := orderPath(c, d.Order) + ".service"
			if d.Change != nil {
				path = changePath(c, d.Change)
			}
			who := c.Name(d.Order.Respondent)
			switch d.Status {
			case casefile.DutyMissed:
				c.Addf(path, "%s had to notify %s by %s (3 days beginning with %s) and the case records no notification: a failure to notify without reasonable excuse is an offence (SPA2019-s11-fail).", who, dutyWhat(d), d.Deadline.Long(), d.From.Long())
			case casefile.DutyLate:
				c.Addf(path, "%s had to notify %s by %s (3 days beginning with %s) but notified on %s (%s), %d day(s) late: a failure to notify in time without reasonable excuse is an offence (SPA2019-s11-fail).", who, dutyWhat(d), d.Deadline.Long(), d.From.Long(), d.Notified.Date.Long(), d.Notified.ID, d.Deadline.DaysUntil(d.Notified.Date))
			}
		}
	}
}

func checkReplacesInterim(c *casefile.Check) {
	for _, d := range casefile.NotificationDuties(c.Case, c.AsOf) {
		if d.Status == casefile.DutyNotRequired {
			c.Addf(orderPath(c, d.Order)+".replaces", "Order %s replaces interim order %s, so %s has no initial duty to notify under it; the notifications given under the interim order stand, and new names and moves must still be notified.", d.Order.ID, d.Order.Replaces, c.Name(d.Order.Respondent))
		}
	}
}

func checkNotifyContent(c *casefile.Check) {
	for i := range c.Case.Notifications {
		n := &c.Case.Notifications[i]
		var missing []string
		switch n.Kind {
		case casefile.InitialNotification:
			missing = casefile.MissingFromNotification(c.Case, n)
		case casefile.NewNameNotification:
			if len(n.Names) == 0 {
				missing = []string{"the new name"}
			}
		case casefile.NewAddressNotification:
			if strings.TrimSpace(n.Address) == "" {
				missing = []string{"the new home address"}
			}
		}
		if len(missing) > 0 {
			c.Addf(fmt.Sprintf("notifications[%d]", i), "Notification %s on %s does not give %s. The notification must give every name used and the home address: record what was given, and consider whether a name or address was withheld.", n.ID, n.Date.Long(), strings.Join(missing, "; "))
		}
	}
}

// outlasts reports whether a duty would begin only after its order ceased
// to have effect (its recorded end, or the last day of its fixed period):
// such a duty never arises.
func outlasts(d casefile.NotificationDuty) bool {
	if d.FromSOA && d.Deadline.IsZero() {
		return true
	}
	last, fixed := d.Order.LastDay()
	return fixed && d.From.After(last)
}

func checkSOAExempt(c *casefile.Check) {
	for _, d := range casefile.NotificationDuties(c.Case, c.AsOf) {
		if d.Kind != casefile.InitialNotification {
			continue
		}
		who := c.Name(d.Order.Respondent)
		switch {
		case d.FromSOA && outlasts(d):
			c.Addf(orderPath(c, d.Order), "%s is subject to the Sexual Offences Act 2003 Part 2 notification requirements until %s, beyond the end of order %s, so no duty to notify arises under that order.", who, d.From.Long(), d.Order.ID)
		case d.Status == casefile.DutySuspended && d.Deadline.IsZero():
			c.Addf(orderPath(c, d.Order), "%s is subject to the Sexual Offences Act 2003 Part 2 notification requirements, so the duties to notify under order %s do not apply while those last. Record their final day (soa_part2.until) when known: the duties start then.", who, d.Order.ID)
		case d.Status == casefile.DutySuspended:
			c.Addf(orderPath(c, d.Order), "%s is subject to the Sexual Offences Act 2003 Part 2 notification requirements until %s. If order %s is still in force then, they must notify their names and home address by %s (3 days beginning with that final day).", who, d.From.Long(), d.Order.ID, d.Deadline.Long())
		case d.FromSOA:
			c.Addf(orderPath(c, d.Order), "The Sexual Offences Act 2003 Part 2 requirements ended on %s while order %s was in force, so %s's duty to notify ran from that day, to %s.", d.From.Long(), d.Order.ID, who, d.Deadline.Long())
		}
	}
}

func checkFalseInfo(c *casefile.Check) {
	for i, n := range c.Case.Notifications {
		if !n.FalseInformation {
			continue
		}
		details := strings.TrimRight(strings.TrimSpace(n.FalseDetails), ".")
		if details == "" {
			details = "what was false is not recorded (false_details)"
		}
		c.Addf(fmt.Sprintf("notifications[%d].false_information", i), "Notification %s on %s is recorded as giving information the respondent knew to be false: %s. Knowingly giving false information is an offence (SPA2019-s11-false); the evidence must show both the falsity and the knowledge.", n.ID, n.Date.Long(), details)
	}
}
