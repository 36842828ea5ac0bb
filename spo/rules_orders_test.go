package spo_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/spokit/spokit/casefile"
)

func ymd(s string) casefile.Date {
	d, err := casefile.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// withOrder gives the sample an order made against the respondent on
// Monday 2 June 2025 and served on Friday 6 June 2025 at 11:00, exhibited
// with its proof of service. Term 1 forbids contact, term 2 entering
// Station Road; term 3 records no scope.
func withOrder(c *casefile.Case) {
	c.Exhibits = append(c.Exhibits,
		casefile.Exhibit{Ref: "ORD/1", Description: "Sealed order", ProducedBy: "O1"},
		casefile.Exhibit{Ref: "ORD/2", Description: "Certificate of service", ProducedBy: "O1"})
	c.Orders = append(c.Orders, casefile.Order{
		ID: "ORD1", Kind: casefile.FullOrder, Court: "Llandudno Magistrates' Court", Respondent: "S1", Protected: []string{"V1"},
		Made: ymd("2025-06-02"), Duration: "2y", Exhibit: "ORD/1",
		Service: &casefile.Service{Date: ymd("2025-06-06"), Time: casefile.Clock{Hour: 11, Set: true}, Manner: "personally", By: "O1", Exhibit: "ORD/2"},
		Terms: []casefile.OrderTerm{
			{Number: 1, Kind: casefile.Prohibition, Text: "Not to contact Siân Pryce.", Behaviours: []casefile.Behaviour{casefile.Contacting, casefile.ThirdPartyContact}},
			{Number: 2, Kind: casefile.Prohibition, Text: "Not to enter Station Road, Llanrwst.", Places: []string{"Station Road"}},
			{Number: 3, Kind: casefile.Prohibition, Text: "Not to go within 100 metres of her workplace."},
		},
	})
}

// breach adds incident I9 on the day, at the place, with the behaviours,
// breaching the terms of ORD1 (after withOrder).
func breach(c *casefile.Case, day, place string, b casefile.Behaviour, terms ...int) *casefile.Incident {
	withOrder(c)
	c.Incidents = append(c.Incidents, casefile.Incident{
		ID: "I9", Date: ymd(day), Location: place, Behaviours: []casefile.Behaviour{b}, Victims: []string{"V1"},
		Description: "Breach.", Breaches: []casefile.Breach{{Order: "ORD1", Terms: terms}},
	})
	return &c.Incidents[len(c.Incidents)-1]
}

// notified adds a notification under ORD1 on the day (after withOrder).
func notified(c *casefile.Case, id string, kind casefile.NotificationKind, day string, names []string, address string) *casefile.Notification {
	c.Notifications = append(c.Notifications, casefile.Notification{
		ID: id, Order: "ORD1", Kind: kind, Date: ymd(day), Station: "Llandudno Police Station", Names: names, Address: address,
	})
	return &c.Notifications[len(c.Notifications)-1]
}

// allNames are every name the sample's respondent is recorded as using.
var allNames = []string{"Marc Lowry", "Marky Lowe", "Marc Lowrie"}

const respondentHome = "5 Heol y Castell, Betws-y-Coed"

// served moves ORD1's making and service to the day (after withOrder).
func served(c *casefile.Case, day string) {
	c.Orders[0].Made, c.Orders[0].Service.Date = ymd(day), ymd(day)
}

var afterOrderFiring = []ruleCase{
	{name: "a breach before the order was made", rule: "SPO-BREACH-IN-FORCE", severity: casefile.Error, path: "incidents[8].breaches[0].order",
		mutate: func(c *casefile.Case) { breach(c, "2025-05-20", "Online", casefile.Contacting, 1) },
		words:  []string{"I9", "before it was made on 2 June 2025"}},
	{name: "a breach after the order expired", rule: "SPO-BREACH-IN-FORCE", severity: casefile.Error, path: "incidents[8].breaches[0].order",
		mutate: func(c *casefile.Case) {
			breach(c, "2026-01-10", "Online", casefile.Contacting, 1)
			c.Orders[0].Ends = ymd("2025-12-31")
		},
		words: []string{"after it ceased to have effect"}},
	{name: "a breach after the order's fixed period, with no end recorded", rule: "SPO-BREACH-IN-FORCE", severity: casefile.Error, path: "incidents[8].breaches[0].order",
		mutate: func(c *casefile.Case) { breach(c, "2027-06-02", "Online", casefile.Contacting, 1) },
		words:  []string{"after it ceased to have effect", "its last day was 1 June 2027"}},
	{name: "a breach after an interim order's fixed period", rule: "SPO-BREACH-IN-FORCE", severity: casefile.Error, path: "incidents[8].breaches[0].order",
		mutate: func(c *casefile.Case) {
			breach(c, "2025-09-02", "Online", casefile.Contacting, 1)
			c.Orders[0].Kind, c.Orders[0].Duration = casefile.InterimOrder, "3m"
		},
		words: []string{"its last day was 1 September 2025"}},
	{name: "a breach of an interim order after the full order replaced it", rule: "SPO-BREACH-IN-FORCE", severity: casefile.Error, path: "incidents[8].breaches[0].order",
		mutate: func(c *casefile.Case) {
			breach(c, "2025-09-10", "Online", casefile.Contacting, 1)
			c.Orders[0].Kind = casefile.InterimOrder
			full := c.Orders[0]
			full.ID, full.Kind, full.Replaces, full.Made = "ORD2", casefile.FullOrder, "ORD1", ymd("2025-09-01")
			c.Orders = append(c.Orders, full)
		}},
	{name: "a breach before service", rule: "SPO-BREACH-SERVED", severity: casefile.Warning, path: "incidents[8].breaches[0].order",
		mutate: func(c *casefile.Case) { breach(c, "2025-06-04", "Online", casefile.Contacting, 1) },
		words:  []string{"before order ORD1 was served (6 June 2025)", "knew"}},
	{name: "a breach on the day of service but before it", rule: "SPO-BREACH-SERVED", severity: casefile.Warning, path: "incidents[8].breaches[0].order",
		mutate: func(c *casefile.Case) {
			breach(c, "2025-06-06", "Online", casefile.Contacting, 1).Time = casefile.Clock{Hour: 9, Set: true}
		}},
	{name: "a breach of an order never served", rule: "SPO-BREACH-SERVED", severity: casefile.Warning, path: "incidents[8].breaches[0].order",
		mutate: func(c *casefile.Case) {
			breach(c, "2025-07-01", "Online", casefile.Contacting, 1)
			c.Orders[0].Service = nil
		},
		words: []string{"not record as served"}},
	{name: "the order is not exhibited", rule: "SPO-BREACH-PROOF", severity: casefile.Warning, path: "incidents[8].breaches[0].order",
		mutate: func(c *casefile.Case) {
			breach(c, "2025-07-01", "Online", casefile.Contacting, 1)
			c.Orders[0].Exhibit, c.Orders[0].Service.Exhibit = "", ""
		},
		words: []string{"sealed order", "proof of service"}},
	{name: "conduct the term does not forbid", rule: "SPO-BREACH-SCOPE", severity: casefile.Warning, path: "incidents[8].breaches[0].terms",
		mutate: func(c *casefile.Case) { breach(c, "2025-07-01", "Station Road, Llanrwst", casefile.Following, 1) },
		words:  []string{"outside term 1", "contacting, third party contact"}},
	{name: "a place the term does not name", rule: "SPO-BREACH-SCOPE", severity: casefile.Warning, path: "incidents[8].breaches[0].terms",
		mutate: func(c *casefile.Case) { breach(c, "2025-07-01", "Conwy Valley Vets, Llanrwst", casefile.Loitering, 2) },
		words:  []string{"outside term 2", "Station Road", "Conwy Valley Vets"}},
	{name: "after the term's own last day", rule: "SPO-BREACH-SCOPE", severity: casefile.Warning, path: "incidents[8].breaches[0].terms",
		mutate: func(c *casefile.Case) {
			breach(c, "2025-07-01", "Online", casefile.Contacting, 1)
			c.Orders[0].Terms[0].Until = ymd("2025-06-30")
		},
		words: []string{"only until 30 June 2025"}},
	{name: "towards someone the term does not protect", rule: "SPO-BREACH-SCOPE", severity: casefile.Warning, path: "incidents[8].breaches[0].terms",
		mutate: func(c *casefile.Case) {
			breach(c, "2025-07-01", "Online", casefile.Contacting, 1).Victims = []string{"W1"}
		},
		words: []string{"protects Siân Pryce"}},
	{name: "a term with no scope recorded", rule: "SPO-BREACH-SCOPE-UNCHECKED", severity: casefile.Info, path: "incidents[8].breaches[0].terms",
		mutate: func(c *casefile.Case) { breach(c, "2025-07-01", "Online", casefile.Loitering, 3) },
		words:  []string{"Term 3", "not checked"}},
	{name: "an excuse is recorded", rule: "SPO-BREACH-EXCUSE", severity: casefile.Info, path: "incidents[8].reasonable_excuse",
		mutate: func(c *casefile.Case) {
			breach(c, "2025-07-01", "Online", casefile.Contacting, 1).ReasonableExcuse = "Says the message was sent by mistake."
		},
		words: []string{"sent by mistake", "answers it"}},
	{name: "an order's duration in words", rule: "SPO-ORDER-DURATION", severity: casefile.Warning, path: "orders[0].duration",
		mutate: func(c *casefile.Case) { withOrder(c); c.Orders[0].Duration = "2 years" },
		words:  []string{"ORD1", `"2 years" cannot be read`, "2y"}},

	{name: "served on a Friday, notified on the Monday", rule: "NOTIFY-INITIAL", severity: casefile.Warning, path: "orders[0].service",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			notified(c, "N1", casefile.InitialNotification, "2025-06-09", allNames, respondentHome)
		},
		words: []string{"by 8 June 2025", "notified on 9 June 2025 (N1), 1 day(s) late", "SPA2019-s11-fail"}},
	{name: "served at a month's end, notified on the 2nd", rule: "NOTIFY-INITIAL", severity: casefile.Warning, path: "orders[0].service",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			served(c, "2025-06-29")
			notified(c, "N1", casefile.InitialNotification, "2025-07-02", allNames, respondentHome)
		},
		words: []string{"by 1 July 2025"}},
	{name: "no initial notification, with a change recorded", rule: "NOTIFY-INITIAL", severity: casefile.Warning, path: "orders[0].service",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			c.RespondentChanges = []casefile.RespondentChange{{Kind: casefile.NewName, Date: ymd("2025-08-01"), Name: "Mark Lowe"}}
		},
		words: []string{"records no notification"}},
	{name: "the SOA 2003 Part 2 requirements ended after service", rule: "NOTIFY-INITIAL", severity: casefile.Warning, path: "orders[0].service",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			c.People[2].SOAPart2 = &casefile.SOAPart2{Until: ymd("2025-07-10")}
			notified(c, "N1", casefile.InitialNotification, "2025-07-13", allNames, respondentHome)
		},
		words: []string{"final day", "by 12 July 2025"}},
	{name: "a full order replacing an interim one", rule: "NOTIFY-REPLACES-INTERIM", severity: casefile.Info, path: "orders[1].replaces",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			c.Orders[0].Kind = casefile.InterimOrder
			full := c.Orders[0]
			full.ID, full.Kind, full.Replaces = "ORD2", casefile.FullOrder, "ORD1"
			full.Made, full.Service = ymd("2025-09-01"), &casefile.Service{Date: ymd("2025-09-01")}
			c.Orders = append(c.Orders, full)
			notified(c, "N1", casefile.InitialNotification, "2025-06-07", allNames, respondentHome)
		},
		words: []string{"no initial duty"}},
	{name: "a new name first used on 30 December, not notified", rule: "NOTIFY-NEW-NAME", severity: casefile.Warning, path: "respondent_changes[0]",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			notified(c, "N1", casefile.InitialNotification, "2025-06-06", allNames, respondentHome)
			c.RespondentChanges = []casefile.RespondentChange{{Kind: casefile.NewName, Date: ymd("2025-12-30"), Name: "Mark Lowe"}}
		},
		words: []string{`"Mark Lowe"`, "by 1 January 2026"}},
	{name: "a move on the last Friday of February, not notified", rule: "NOTIFY-NEW-ADDRESS", severity: casefile.Warning, path: "respondent_changes[0]",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			notified(c, "N1", casefile.InitialNotification, "2025-06-06", allNames, respondentHome)
			c.RespondentChanges = []casefile.RespondentChange{{Kind: casefile.NewAddress, Date: ymd("2026-02-27"), Address: "2 Bryn Road, Conwy"}}
		},
		words: []string{"moved on 27 February 2026", "by 1 March 2026"}},
	{name: "an alias left out", rule: "NOTIFY-CONTENT", severity: casefile.Warning, path: "notifications[0]",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			notified(c, "N1", casefile.InitialNotification, "2025-06-06", allNames[:2], respondentHome)
		},
		words: []string{"N1", "Marc Lowrie"}},
	{name: "no home address given", rule: "NOTIFY-CONTENT", severity: casefile.Warning, path: "notifications[0]",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			notified(c, "N1", casefile.InitialNotification, "2025-06-06", allNames, "")
		},
		words: []string{"home address"}},
	{name: "still subject to the SOA 2003 Part 2 requirements", rule: "NOTIFY-SOA-EXEMPT", severity: casefile.Info, path: "orders[0]",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			c.People[2].SOAPart2 = &casefile.SOAPart2{}
		},
		words: []string{"do not apply", "soa_part2.until"}},
	{name: "the SOA 2003 Part 2 requirements end after the date judged on", rule: "NOTIFY-SOA-EXEMPT", severity: casefile.Info, path: "orders[0]",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			c.People[2].SOAPart2 = &casefile.SOAPart2{Until: ymd("2026-05-29")}
		},
		words: []string{"until 29 May 2026", "by 31 May 2026"}},
	{name: "the SOA 2003 Part 2 requirements outlast the order's recorded end", rule: "NOTIFY-SOA-EXEMPT", severity: casefile.Info, path: "orders[0]",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			c.Orders[0].Ends = ymd("2025-09-30")
			c.People[2].SOAPart2 = &casefile.SOAPart2{Until: ymd("2025-10-10")}
		},
		words: []string{"until 10 October 2025", "no duty to notify arises"}},
	{name: "the SOA 2003 Part 2 requirements outlast the order's fixed period", rule: "NOTIFY-SOA-EXEMPT", severity: casefile.Info, path: "orders[0]",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			c.People[2].SOAPart2 = &casefile.SOAPart2{Until: ymd("2027-06-02")}
		},
		words: []string{"until 2 June 2027", "no duty to notify arises"}},
	{name: "a notification recorded as false", rule: "NOTIFY-FALSE-INFO", severity: casefile.Warning, path: "notifications[0].false_information",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			n := notified(c, "N1", casefile.InitialNotification, "2025-06-06", allNames, "1 Fake Street, Conwy")
			n.FalseInformation, n.FalseDetails = true, "He has never lived there."
		},
		words: []string{"never lived there", "SPA2019-s11-false"}},
}

var afterOrderNotFiring = []ruleCase{
	{name: "a breach while the order is in force", rule: "SPO-BREACH-IN-FORCE",
		mutate: func(c *casefile.Case) { breach(c, "2025-07-01", "Online", casefile.Contacting, 1) }},
	{name: "a breach on the last day of the order's fixed period", rule: "SPO-BREACH-IN-FORCE",
		mutate: func(c *casefile.Case) { breach(c, "2027-06-01", "Online", casefile.Contacting, 1) }},
	{name: "a breach years on of an order until further order", rule: "SPO-BREACH-IN-FORCE",
		mutate: func(c *casefile.Case) {
			breach(c, "2031-06-01", "Online", casefile.Contacting, 1)
			c.Orders[0].Duration = "until-further-order"
		}},
	{name: "a breach on the order's last day", rule: "SPO-BREACH-IN-FORCE",
		mutate: func(c *casefile.Case) {
			breach(c, "2025-12-31", "Online", casefile.Contacting, 1)
			c.Orders[0].Ends = ymd("2025-12-31")
		}},
	{name: "a breach after service on the same day", rule: "SPO-BREACH-SERVED",
		mutate: func(c *casefile.Case) {
			breach(c, "2025-06-06", "Online", casefile.Contacting, 1).Time = casefile.Clock{Hour: 15, Set: true}
		}},
	{name: "order and service exhibited", rule: "SPO-BREACH-PROOF",
		mutate: func(c *casefile.Case) { breach(c, "2025-07-01", "Online", casefile.Contacting, 1) }},
	{name: "contact the term forbids", rule: "SPO-BREACH-SCOPE",
		mutate: func(c *casefile.Case) { breach(c, "2025-07-01", "Online", casefile.Contacting, 1) }},
	{name: "the street the term names", rule: "SPO-BREACH-SCOPE",
		mutate: func(c *casefile.Case) { breach(c, "2025-07-01", "station road,  Llanrwst", casefile.Loitering, 2) }},
	{name: "a term with its scope recorded", rule: "SPO-BREACH-SCOPE-UNCHECKED",
		mutate: func(c *casefile.Case) { breach(c, "2025-07-01", "Online", casefile.Contacting, 1) }},
	{name: "no excuse recorded", rule: "SPO-BREACH-EXCUSE",
		mutate: func(c *casefile.Case) { breach(c, "2025-07-01", "Online", casefile.Contacting, 1) }},
	{name: "an order for a fixed period", rule: "SPO-ORDER-DURATION", mutate: withOrder},
	{name: "an order until further order", rule: "SPO-ORDER-DURATION",
		mutate: func(c *casefile.Case) { withOrder(c); c.Orders[0].Duration = "until-further-order" }},
	{name: "an order with no duration recorded", rule: "SPO-ORDER-DURATION",
		mutate: func(c *casefile.Case) { withOrder(c); c.Orders[0].Duration = "" }},
	{name: "served on a Friday, notified on the Sunday", rule: "NOTIFY-INITIAL",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			notified(c, "N1", casefile.InitialNotification, "2025-06-08", allNames, respondentHome)
		}},
	{name: "served on 29 June, notified on 1 July", rule: "NOTIFY-INITIAL",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			served(c, "2025-06-29")
			notified(c, "N1", casefile.InitialNotification, "2025-07-01", allNames, respondentHome)
		}},
	{name: "an order and no notification record at all", rule: "NOTIFY-INITIAL", mutate: withOrder},
	{name: "a full order replacing an interim order needs no initial notification", rule: "NOTIFY-INITIAL",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			c.Orders[0].Replaces = "ISPO0"
			c.Orders = append(c.Orders, casefile.Order{ID: "ISPO0", Kind: casefile.InterimOrder, Court: "x", Respondent: "S1", Made: ymd("2025-05-01"),
				Terms: []casefile.OrderTerm{{Number: 1, Kind: casefile.Prohibition, Text: "x"}}})
			c.RespondentChanges = []casefile.RespondentChange{{Kind: casefile.NewName, Date: ymd("2025-06-10"), Name: "Mark Lowe"}}
			notified(c, "N1", casefile.NewNameNotification, "2025-06-10", []string{"Mark Lowe"}, "")
		}},
	{name: "still subject to the SOA 2003 Part 2 requirements", rule: "NOTIFY-INITIAL",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			c.People[2].SOAPart2 = &casefile.SOAPart2{}
			c.RespondentChanges = []casefile.RespondentChange{{Kind: casefile.NewAddress, Date: ymd("2025-08-01"), Address: "2 Bryn Road, Conwy"}}
		}},
	{name: "the SOA 2003 Part 2 requirements outlast the order's recorded end", rule: "NOTIFY-INITIAL",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			c.Orders[0].Ends = ymd("2025-09-30")
			c.People[2].SOAPart2 = &casefile.SOAPart2{Until: ymd("2025-10-10")}
			c.RespondentChanges = []casefile.RespondentChange{{Kind: casefile.NewAddress, Date: ymd("2025-08-01"), Address: "2 Bryn Road, Conwy"}}
		}},
	{name: "the SOA 2003 Part 2 requirements outlast the order's fixed period", rule: "NOTIFY-INITIAL",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			c.People[2].SOAPart2 = &casefile.SOAPart2{Until: ymd("2027-06-02")}
			c.RespondentChanges = []casefile.RespondentChange{{Kind: casefile.NewAddress, Date: ymd("2025-08-01"), Address: "2 Bryn Road, Conwy"}}
		}, asOf: "2027-07-01"},
	{name: "a move after the order's fixed period", rule: "NOTIFY-NEW-ADDRESS",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			notified(c, "N1", casefile.InitialNotification, "2025-06-06", allNames, respondentHome)
			c.RespondentChanges = []casefile.RespondentChange{{Kind: casefile.NewAddress, Date: ymd("2027-06-05"), Address: "2 Bryn Road, Conwy"}}
		}, asOf: "2027-07-01"},
	{name: "the SOA 2003 Part 2 requirements ended before service", rule: "NOTIFY-SOA-EXEMPT",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			c.People[2].SOAPart2 = &casefile.SOAPart2{Until: ymd("2025-01-31")}
			notified(c, "N1", casefile.InitialNotification, "2025-06-06", allNames, respondentHome)
		}},
	{name: "a new order of its own", rule: "NOTIFY-REPLACES-INTERIM", mutate: withOrder},
	{name: "a new name notified on the third day", rule: "NOTIFY-NEW-NAME",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			notified(c, "N1", casefile.InitialNotification, "2025-06-06", allNames, respondentHome)
			c.RespondentChanges = []casefile.RespondentChange{{Kind: casefile.NewName, Date: ymd("2025-12-30"), Name: "Mark Lowe"}}
			notified(c, "N2", casefile.NewNameNotification, "2026-01-01", []string{"mark  lowe"}, "")
		}},
	{name: "a move notified before it happened", rule: "NOTIFY-NEW-ADDRESS",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			notified(c, "N1", casefile.InitialNotification, "2025-06-06", allNames, respondentHome)
			c.RespondentChanges = []casefile.RespondentChange{{Kind: casefile.NewAddress, Date: ymd("2026-02-27"), Address: "2 Bryn Road, Conwy"}}
			notified(c, "N2", casefile.NewAddressNotification, "2026-02-25", nil, "2 Bryn Road\nConwy")
		}},
	{name: "every name and the address given", rule: "NOTIFY-CONTENT",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			notified(c, "N1", casefile.InitialNotification, "2025-06-06", allNames, respondentHome)
		}},
	{name: "an alias first used after the notification", rule: "NOTIFY-CONTENT",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			notified(c, "N1", casefile.InitialNotification, "2025-06-06", allNames[:2], respondentHome)
			c.RespondentChanges = []casefile.RespondentChange{{Kind: casefile.NewName, Date: ymd("2025-09-01"), Name: "Marc Lowrie"}}
			notified(c, "N2", casefile.NewNameNotification, "2025-09-02", []string{"Marc Lowrie"}, "")
		}},
	{name: "no SOA 2003 Part 2 requirements", rule: "NOTIFY-SOA-EXEMPT", mutate: withOrder},
	{name: "nothing recorded as false", rule: "NOTIFY-FALSE-INFO",
		mutate: func(c *casefile.Case) {
			withOrder(c)
			notified(c, "N1", casefile.InitialNotification, "2025-06-06", allNames, respondentHome)
		}},
}

func TestNotificationDeadlineIsTheSecondDayAfter(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, from, want string }{
		{"served on a Friday: the Sunday", "2025-06-06", "2025-06-08"},
		{"served on a Saturday: the Monday", "2025-06-07", "2025-06-09"},
		{"across a 30-day month's end", "2025-06-29", "2025-07-01"},
		{"across a 31-day month's end", "2025-08-31", "2025-09-02"},
		{"across February's end", "2026-02-27", "2026-03-01"},
		{"across February's end in a leap year", "2028-02-28", "2028-03-01"},
		{"across the year's end", "2025-12-30", "2026-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := casefile.NotificationDeadline(ymd(tt.from))
			assert.Equal(t, tt.want, got.String())
			assert.Equal(t, casefile.NotificationDays-1, ymd(tt.from).DaysUntil(got), "3 days beginning with the day")
		})
	}
	assert.Equal(t, time.Sunday, casefile.NotificationDeadline(ymd("2025-06-06")).Time().Weekday(), "a deadline on a weekend stays there")
}
