package casefile

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withSPO gives a screening case an order against S1 protecting V1, made
// on the day and served on served ("" for not served). Term 1 forbids
// contact; term 2 forbids entering Quarry Lane from 1 March 2025.
func withSPO(c *Case, made, served string) *Case {
	o := Order{ID: "ORD1", Kind: FullOrder, Court: "Warrington Magistrates' Court", Respondent: "S1", Protected: []string{"V1"},
		Made: ymd(made), Duration: "2y", Terms: []OrderTerm{
			{Number: 1, Kind: Prohibition, Text: "Not to contact Mirela Dunn.", Behaviours: []Behaviour{Contacting, ThirdPartyContact}},
			{Number: 2, Kind: Prohibition, Text: "Not to enter Quarry Lane, Frodsham.", Places: []string{"Quarry Lane"}, From: ymd("2025-03-01")},
		}}
	if served != "" {
		o.Service = &Service{Date: ymd(served)}
	}
	c.Orders = append(c.Orders, o)
	return c
}

// breaching marks an occasion as breaching terms of ORD1.
func breaching(in Incident, terms ...int) Incident {
	in.Breaches = []Breach{{Order: "ORD1", Terms: terms}}
	return in
}

func TestOutsideScopeComparesOnlyWhatTheTermRecords(t *testing.T) {
	c := withSPO(screenCase("2025-06-01"), "2025-02-03", "2025-02-03")
	o := &c.Orders[0]
	// Term 3 forbids following, until the end of April, and protects W1
	// as well as the order's protected people.
	o.Terms = append(o.Terms, OrderTerm{Number: 3, Kind: Prohibition, Text: "Not to follow Mirela Dunn or her mother.",
		Behaviours: []Behaviour{Following}, Until: ymd("2025-04-30"), Protects: []string{"V1", "W1"}})
	at := func(date, place string, b Behaviour, victims ...string) *Incident {
		if victims == nil {
			victims = []string{"V1"}
		}
		return &Incident{ID: "I1", Date: ymd(date), Location: place, Behaviours: []Behaviour{b}, Victims: victims}
	}
	tests := []struct {
		name string
		term int
		in   *Incident
		want []string // kinds of miss
	}{
		{"contact the term forbids", 1, at("2025-03-02", "", Contacting), nil},
		{"following, which the contact term does not name", 1, at("2025-03-02", "", Following), []string{"behaviour"}},
		{"towards someone the order does not protect", 1, at("2025-03-02", "", Contacting, "W1"), []string{"person"}},
		{"the street the term names, in other spelling", 2, at("2025-03-02", "outside 3 QUARRY  LANE", Loitering), nil},
		{"another street", 2, at("2025-03-02", "Church Street", Loitering), []string{"place"}},
		{"the street before the term has effect", 2, at("2025-02-20", "Quarry Lane", Loitering), []string{"before-term"}},
		{"the street on the day the term takes effect", 2, at("2025-03-01", "Quarry Lane", Loitering), nil},
		{"another street before the term has effect", 2, at("2025-02-20", "Church Street", Loitering), []string{"before-term", "place"}},
		{"following on the term's last day", 3, at("2025-04-30", "", Following), nil},
		{"following after the term's last day", 3, at("2025-05-01", "", Following), []string{"after-term"}},
		{"towards someone the term protects beyond the order's list", 3, at("2025-03-02", "", Following, "W1"), nil},
		{"towards someone neither protects", 3, at("2025-03-02", "", Following, "S9"), []string{"person"}},
		{"contact, after the term's last day, towards no one it protects", 3, at("2025-05-01", "", Contacting, "S9"), []string{"after-term", "behaviour", "person"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range o.Term(tt.term).OutsideScope(o, tt.in) {
				got = append(got, m.Kind)
			}
			assert.Equal(t, tt.want, got)
		})
	}
	assert.True(t, o.Term(1).Scoped())
	assert.False(t, (&OrderTerm{Number: 3, Text: "Not to go near her work."}).Scoped(), "a term without scope is never guessed")
}

func TestNotificationDutiesAndWhereEachStands(t *testing.T) {
	// Served on Friday 7 February 2025: the initial deadline is Sunday 9th.
	base := func() *Case { return withSPO(screenCase("2025-06-01"), "2025-02-07", "2025-02-07") }
	note := func(c *Case, kind NotificationKind, date string, names []string, address string) *Case {
		c.Notifications = append(c.Notifications, Notification{ID: "N" + date, Order: "ORD1", Kind: kind, Date: ymd(date), Names: names, Address: address})
		return c
	}
	change := func(c *Case, kind ChangeKind, date, name, address string) *Case {
		c.RespondentChanges = append(c.RespondentChanges, RespondentChange{Kind: kind, Date: ymd(date), Name: name, Address: address})
		return c
	}
	type duty struct {
		kind     NotificationKind
		from     string
		deadline string
		status   DutyStatus
	}
	tests := []struct {
		name string
		c    *Case
		asOf string
		want []duty
	}{
		{"notified on the Sunday deadline", note(base(), InitialNotification, "2025-02-09", []string{"Colm Varley"}, "1 Bank Street"), "2025-06-01",
			[]duty{{InitialNotification, "2025-02-07", "2025-02-09", DutyMet}}},
		{"notified on the Monday", note(base(), InitialNotification, "2025-02-10", []string{"Colm Varley"}, "1 Bank Street"), "2025-06-01",
			[]duty{{InitialNotification, "2025-02-07", "2025-02-09", DutyLate}}},
		{"not notified, deadline passed", base(), "2025-02-10", []duty{{InitialNotification, "2025-02-07", "2025-02-09", DutyMissed}}},
		{"not notified, on the deadline day", base(), "2025-02-09", []duty{{InitialNotification, "2025-02-07", "2025-02-09", DutyDue}}},
		{"a move at the end of February", change(note(base(), InitialNotification, "2025-02-07", nil, "1 Bank Street"), NewAddress, "2025-02-28", "", "9 Mill Road, Helsby"), "2025-06-01",
			[]duty{{InitialNotification, "2025-02-07", "2025-02-09", DutyMet}, {NotificationKind(NewAddress), "2025-02-28", "2025-03-02", DutyMissed}}},
		{"a new name notified in other case and spacing",
			note(change(note(base(), InitialNotification, "2025-02-07", nil, "1 Bank Street"), NewName, "2025-04-29", "Col Varley", ""), NewNameNotification, "2025-05-01", []string{"col  VARLEY"}, ""),
			"2025-06-01",
			[]duty{{InitialNotification, "2025-02-07", "2025-02-09", DutyMet}, {NotificationKind(NewName), "2025-04-29", "2025-05-01", DutyMet}}},
		{"a change before service is the initial notification's", change(note(base(), InitialNotification, "2025-02-07", nil, "1 Bank Street"), NewName, "2025-02-01", "Col Varley", ""), "2025-06-01",
			[]duty{{InitialNotification, "2025-02-07", "2025-02-09", DutyMet}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []duty
			for _, d := range NotificationDuties(tt.c, ymd(tt.asOf)) {
				got = append(got, duty{d.Kind, d.From.String(), d.Deadline.String(), d.Status})
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestNotificationExceptions(t *testing.T) {
	soa := func(until string) *Case {
		c := withSPO(screenCase("2025-06-01"), "2025-02-07", "2025-02-07")
		c.People[1].SOAPart2 = &SOAPart2{}
		if until != "" {
			c.People[1].SOAPart2.Until = ymd(until)
		}
		return c
	}
	t.Run("still subject to SOA 2003 Part 2", func(t *testing.T) {
		d := NotificationDuties(soa(""), ymd("2025-06-01"))
		require.Len(t, d, 1)
		assert.Equal(t, DutySuspended, d[0].Status)
		assert.True(t, d[0].Deadline.IsZero())
	})
	t.Run("the SOA final day falls while the order is in force", func(t *testing.T) {
		d := NotificationDuties(soa("2025-03-31"), ymd("2025-06-01"))
		require.Len(t, d, 1)
		assert.True(t, d[0].FromSOA)
		assert.Equal(t, "2025-03-31", d[0].From.String())
		assert.Equal(t, "2025-04-02", d[0].Deadline.String(), "3 days beginning with the final day")
		assert.Equal(t, DutyMissed, d[0].Status)
	})
	t.Run("the SOA final day is still to come", func(t *testing.T) {
		d := NotificationDuties(soa("2025-07-30"), ymd("2025-06-01"))
		require.Len(t, d, 1)
		assert.Equal(t, DutySuspended, d[0].Status)
		assert.Equal(t, "2025-08-01", d[0].Deadline.String())
	})
	t.Run("the SOA final day falls after the order ended", func(t *testing.T) {
		c := soa("2025-06-15")
		c.Orders[0].Ends = ymd("2025-05-31")
		d := NotificationDuties(c, ymd("2025-07-01"))
		require.Len(t, d, 1)
		assert.Equal(t, DutySuspended, d[0].Status, "no duty arose under the order")
		assert.True(t, d[0].Deadline.IsZero())
		assert.Equal(t, "2025-06-15", d[0].From.String())
	})
	t.Run("the SOA final day fell before service", func(t *testing.T) {
		d := NotificationDuties(soa("2025-01-31"), ymd("2025-06-01"))
		require.Len(t, d, 1)
		assert.False(t, d[0].FromSOA)
		assert.Equal(t, "2025-02-09", d[0].Deadline.String(), "3 days beginning with the day of service")
		assert.Equal(t, DutyMissed, d[0].Status)
	})
	t.Run("the SOA final day is the day of service", func(t *testing.T) {
		d := NotificationDuties(soa("2025-02-07"), ymd("2025-06-01"))
		require.Len(t, d, 1)
		assert.Equal(t, "2025-02-09", d[0].Deadline.String())
	})
	t.Run("a move while subject to SOA 2003 Part 2, and one after", func(t *testing.T) {
		c := soa("2025-03-31")
		c.Notifications = []Notification{{ID: "N1", Order: "ORD1", Kind: InitialNotification, Date: ymd("2025-04-01"), Address: "1 Bank Street"}}
		c.RespondentChanges = []RespondentChange{{Kind: NewAddress, Date: ymd("2025-03-31"), Address: "1 Bank Street"}, {Kind: NewAddress, Date: ymd("2025-04-30"), Address: "9 Mill Road"}}
		var got []string
		for _, d := range NotificationDuties(c, ymd("2025-06-01")) {
			got = append(got, string(d.Kind)+" "+d.Deadline.String()+" "+string(d.Status))
		}
		assert.Equal(t, []string{"initial 2025-04-02 met", "new-address 2025-04-02 suspended", "new-address 2025-05-02 missed"}, got)
	})
	t.Run("a full order replacing an interim order", func(t *testing.T) {
		c := withSPO(screenCase("2025-06-01"), "2025-02-07", "2025-02-07")
		c.Orders[0].Kind = InterimOrder
		full := c.Orders[0]
		full.ID, full.Kind, full.Replaces, full.Made, full.Service = "ORD2", FullOrder, "ORD1", ymd("2025-04-01"), &Service{Date: ymd("2025-04-01")}
		c.Orders = append(c.Orders, full)
		c.Notifications = []Notification{{ID: "N1", Order: "ORD1", Kind: InitialNotification, Date: ymd("2025-02-08")}}
		// A move after the full order replaced the interim one is a duty
		// under the full order only.
		c.RespondentChanges = []RespondentChange{{Kind: NewAddress, Date: ymd("2025-05-02"), Address: "9 Mill Road"}}
		var got []string
		for _, d := range NotificationDuties(c, ymd("2025-06-01")) {
			got = append(got, d.Order.ID+" "+string(d.Kind)+" "+string(d.Status))
		}
		assert.Equal(t, []string{"ORD1 initial met", "ORD2 initial not-required", "ORD2 new-address missed"}, got)
		assert.False(t, c.InForceOn(&c.Orders[0], ymd("2025-04-01")), "the interim order ends when the full order is made")
		assert.True(t, c.InForceOn(&c.Orders[0], ymd("2025-03-31")))
	})
}

func TestMissingFromNotificationNamesWhatTheRespondentUsedByThen(t *testing.T) {
	c := withSPO(screenCase("2025-06-01"), "2025-02-07", "2025-02-07")
	c.People[1].Aliases = []string{"Col Varley", "C. Varley"}
	c.RespondentChanges = []RespondentChange{{Kind: NewName, Date: ymd("2025-04-01"), Name: "C. Varley"}}
	n := &Notification{ID: "N1", Order: "ORD1", Kind: InitialNotification, Date: ymd("2025-02-07"), Names: []string{"colm varley"}}
	assert.Equal(t, []string{"home address", "Col Varley"}, MissingFromNotification(c, n), "C. Varley was first used later")
	n.Address, n.Names = "1 Bank Street", []string{"Colm Varley", "Col Varley"}
	assert.Empty(t, MissingFromNotification(c, n))
}

func TestANotifiedAddressIsNeverKeptForTheRespondentOrTheDefence(t *testing.T) {
	c := withSPO(screenCase("2025-06-01"), "2025-02-07", "2025-02-07")
	c.People[1].Address = "22 Canal Street\nRuncorn WA7 1AA"
	// A false notification giving the protected person's own address.
	c.Notifications = []Notification{{ID: "N1", Order: "ORD1", Kind: NewAddressNotification, Date: ymd("2025-03-01"),
		Address: "7 Quarry Lane, Frodsham", FalseInformation: true}}
	c.RespondentChanges = []RespondentChange{{Kind: NewAddress, Date: ymd("2025-02-20"), Address: "4 Ferry Road, Widnes"}}
	for _, a := range []Audience{AudienceDefence, AudienceRespondent} {
		d := NewDisclosure(c, a, nil)
		for _, text := range []string{"He gave 7 Quarry Lane as his home.", "He moved to 4 Ferry Road, Widnes."} {
			got := d.Text(text)
			assert.NotContains(t, got, "Quarry Lane", "%s: %s", a, got)
			assert.NotContains(t, got, "Ferry Road", "%s: %s", a, got)
		}
		assert.Contains(t, d.Text("He lives at 22 Canal Street."), "22 Canal Street", "%s: the respondent's recorded address is his own", a)
	}
	assert.Empty(t, UnrecordedDetails(c), "the addresses notified and moved to are recorded details")
}

func TestWhichCasesHaveTheAfterOrderDocuments(t *testing.T) {
	served := func() *Case {
		return withSPO(screenCase("2025-06-01", occ("I1", "2025-01-05", "Rang her.")), "2025-02-03", "2025-02-03")
	}
	tests := []struct {
		name                 string
		c                    *Case
		breaches, notifyFile bool
	}{
		{"no order", screenCase("2025-06-01", occ("I1", "2025-01-05", "Rang her.")), false, false},
		{"an order and nothing after it", served(), false, false},
		{"a breach named", withSPO(screenCase("2025-06-01", breaching(occ("I1", "2025-03-05", "Rang her."), 1)), "2025-02-03", "2025-02-03"), true, false},
		{"a notification under a served order", func() *Case {
			c := served()
			c.Notifications = []Notification{{ID: "N1", Order: "ORD1", Kind: InitialNotification, Date: ymd("2025-02-04")}}
			return c
		}(), false, true},
		{"a change, but no order served", func() *Case {
			c := withSPO(screenCase("2025-06-01", occ("I1", "2025-01-05", "Rang her.")), "2025-02-03", "")
			c.RespondentChanges = []RespondentChange{{Kind: NewName, Date: ymd("2025-03-01"), Name: "Col Varley"}}
			return c
		}(), false, false},
		{"an s.11 charge alone", func() *Case {
			c := withSPO(screenCase("2025-06-01", occ("I1", "2025-01-05", "Rang her.")), "2025-02-03", "")
			c.Charges = []Charge{{ID: "C1", Offence: NotifyFailure, Status: Proposed, Order: "ORD1"}}
			return c
		}(), false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.breaches, HasBreaches(tt.c))
			assert.Equal(t, tt.notifyFile, HasNotificationFile(tt.c))
		})
	}
}

func TestAnOrderHasEffectFromItsMakingToItsLastDay(t *testing.T) {
	tests := []struct {
		name     string
		ends     string
		duration string
		day      string
		want     bool
	}{
		{"the day it is made", "", "2y", "2025-02-03", true},
		{"the day before it is made", "", "2y", "2025-02-02", false},
		{"the last day of two years", "", "2y", "2027-02-02", true},
		{"the day after two years", "", "2y", "2027-02-03", false},
		{"an interim order's three months, last day", "", "3m", "2025-05-02", true},
		{"an interim order's three months, the day after", "", "3m", "2025-05-03", false},
		{"until further order, years later", "", "until-further-order", "2040-01-01", true},
		{"a recorded end before the period's", "2025-06-30", "2y", "2025-07-01", false},
		{"a duration that cannot be read is not an end", "", "2 years", "2040-01-01", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := withSPO(screenCase("2025-06-01"), "2025-02-03", "2025-02-03")
			o := &c.Orders[0]
			o.Duration = tt.duration
			if tt.ends != "" {
				o.Ends = ymd(tt.ends)
			}
			assert.Equal(t, tt.want, c.InForceOn(o, ymd(tt.day)))
		})
	}
}
