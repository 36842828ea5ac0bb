package casefile

import "testing"

// orderMade is a full SPO made against respondent, served a week later.
func orderMade(id, respondent string) Order {
	return Order{
		ID: id, Kind: FullOrder, Court: "Halton Magistrates' Court", Respondent: respondent,
		Protected: []string{"V1"}, Made: ymd("2025-01-06"), Duration: "2y",
		Service: &Service{Date: ymd("2025-01-13"), Manner: "personally, in court", By: "O1"},
		Terms:   []OrderTerm{{Number: 1, Kind: Prohibition, Text: "Not to contact Ffion Hale directly or indirectly."}},
	}
}

func TestCaseRefChecksWhatAnOrderMadeRefersTo(t *testing.T) {
	runRuleTests(t, ruleSpec{id: "CASE-REF", sev: Error}, []ruleTest{
		{name: "sound order", edit: func(c *Case) { c.Orders = []Order{orderMade("ORD1", "S1")} }},
		{
			name: "order against the victim",
			edit: func(c *Case) { c.Orders = []Order{orderMade("ORD1", "V1")} },
			want: at("orders[0].respondent", "V1", "suspect"),
		},
		{
			name: "served by someone who is not an officer",
			edit: func(c *Case) {
				o := orderMade("ORD1", "S1")
				o.Service.By = "V1"
				c.Orders = []Order{o}
			},
			want: at("orders[0].service.by", "V1", "officer"),
		},
		{
			name: "sealed order exhibit missing",
			edit: func(c *Case) {
				o := orderMade("ORD1", "S1")
				o.Exhibit = "NC/99"
				c.Orders = []Order{o}
			},
			want: at("orders[0].exhibit", "NC/99", "exhibit"),
		},
		{
			name: "full order replaces an interim order",
			edit: func(c *Case) {
				in := orderMade("ISPO1", "S1")
				in.Kind, in.Duration = InterimOrder, "3m"
				o := orderMade("ORD1", "S1")
				o.Replaces = "ISPO1"
				c.Orders = []Order{in, o}
			},
		},
		{
			name: "replaces an order that does not exist",
			edit: func(c *Case) {
				o := orderMade("ORD1", "S1")
				o.Replaces = "ISPO9"
				c.Orders = []Order{o}
			},
			want: at("orders[0].replaces", "ISPO9", "orders"),
		},
		{
			name: "replaces a full order",
			edit: func(c *Case) {
				o := orderMade("ORD2", "S1")
				o.Replaces = "ORD1"
				c.Orders = []Order{orderMade("ORD1", "S1"), o}
			},
			want: at("orders[1].replaces", "ORD1", "interim"),
		},
		{
			name: "term numbered twice",
			edit: func(c *Case) {
				o := orderMade("ORD1", "S1")
				o.Terms = append(o.Terms, OrderTerm{Number: 1, Kind: Prohibition, Text: "Not to enter Widnes."})
				c.Orders = []Order{o}
			},
			want: at("orders[0].terms[1].number", "twice"),
		},
		{
			name: "term numbered from zero",
			edit: func(c *Case) {
				o := orderMade("ORD1", "S1")
				o.Terms[0].Number = 0
				c.Orders = []Order{o}
			},
			want: at("orders[0].terms[0].number", "start at 1"),
		},
	})
}

func TestCaseDateChecksAnOrderServedBeforeItWasMade(t *testing.T) {
	runRuleTests(t, ruleSpec{id: "CASE-DATE", sev: Error}, []ruleTest{
		{name: "served after it was made", edit: func(c *Case) { c.Orders = []Order{orderMade("ORD1", "S1")} }},
		{
			name: "served before it was made",
			edit: func(c *Case) {
				o := orderMade("ORD1", "S1")
				o.Service.Date = ymd("2025-01-01")
				c.Orders = []Order{o}
			},
			want: at("orders[0].service.date", "before"),
		},
		{
			name: "made after the case is judged",
			edit: func(c *Case) {
				o := orderMade("ORD1", "S1")
				o.Made, o.Service = ymd("2025-03-01"), nil
				c.Orders = []Order{o}
			},
			want: at("orders[0].made", "after"),
		},
	})
}
