package screen

import (
	"github.com/spokit/spokit/casefile"
)

// Test helpers shared by the screening tests: the casefile tests have their
// own (test files cannot be shared between packages).

// ymd returns the date written YYYY-MM-DD. The literals are the tests' own,
// so a malformed one is a bug in the test and stops it at once.
func ymd(s string) casefile.Date {
	d, err := casefile.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// clock returns the time written HH:MM.
func clock(s string) casefile.Clock {
	c, err := casefile.ParseClock(s)
	if err != nil {
		panic(err)
	}
	return c
}

// addPerson adds a fictional person to the case.
func addPerson(c *casefile.Case, id string, role casefile.Role, forenames, surname string) {
	c.People = append(c.People, casefile.Person{ID: id, Role: role, Forenames: forenames, Surname: surname})
}

// withSPO gives a screening case an order against S1 protecting V1, made
// on the day and served on served ("" for not served). Term 1 forbids
// contact; term 2 forbids entering Quarry Lane from 1 March 2025.
func withSPO(c *casefile.Case, made, served string) *casefile.Case {
	o := casefile.Order{ID: "ORD1", Kind: casefile.FullOrder, Court: "Warrington Magistrates' Court", Respondent: "S1", Protected: []string{"V1"},
		Made: ymd(made), Duration: "2y", Terms: []casefile.OrderTerm{
			{Number: 1, Kind: casefile.Prohibition, Text: "Not to contact Mirela Dunn.", Behaviours: []casefile.Behaviour{casefile.Contacting, casefile.ThirdPartyContact}},
			{Number: 2, Kind: casefile.Prohibition, Text: "Not to enter Quarry Lane, Frodsham.", Places: []string{"Quarry Lane"}, From: ymd("2025-03-01")},
		}}
	if served != "" {
		o.Service = &casefile.Service{Date: ymd(served)}
	}
	c.Orders = append(c.Orders, o)
	return c
}

// breaching marks an occasion as breaching terms of ORD1.
func breaching(in casefile.Incident, terms ...int) casefile.Incident {
	in.Breaches = []casefile.Breach{{Order: "ORD1", Terms: terms}}
	return in
}

// breachedAfterService: an order served, then two calls breaching it.
func breachedAfterService() *casefile.Case {
	return withSPO(screenCase("2025-06-01", occ("I1", "2025-01-05", "Rang her."), occ("I2", "2025-01-12", "Rang her."),
		breaching(occ("I3", "2025-03-02", "Rang her."), 1), breaching(occ("I4", "2025-03-09", "Rang her."), 1)), "2025-02-03", "2025-02-04")
}

// breachedBeforeService: a call named as a breach of an order not yet
// served.
func breachedBeforeService() *casefile.Case {
	return withSPO(screenCase("2025-06-01", occ("I1", "2025-01-05", "Rang her."), breaching(occ("I2", "2025-02-03", "Rang her."), 1)),
		"2025-02-03", "2025-02-10")
}
