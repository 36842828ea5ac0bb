package spo_test

import (
	"fmt"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/spo"
)

// NewApplication resolves the case's spo block into what the bundle, the
// draft order and the notice print, with the dates they need.
func ExampleNewApplication() {
	c, _ := casefile.Sample()
	c.SPO.ServiceDate = casefile.NewDate(2026, 3, 16)

	a, err := spo.NewApplication(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("Applicant:", a.Applicant)
	fmt.Println("Respondent:", a.Respondent.Name())
	for _, p := range a.Protected {
		fmt.Println("Protects:", p.Name())
	}
	fmt.Printf("Acts relied on: %d, from %s to %s\n", len(a.Acts), a.Acts[0].Date.Long(), a.Acts[len(a.Acts)-1].Date.Long())
	ends, _ := a.OrderEnds()
	fmt.Printf("Duration: %s, to the end of %s\n", a.Duration, ends.Long())
	notify, _ := a.NotificationDeadline()
	fmt.Println("Notify by:", notify.Long())
	for _, s := range a.ConflictChecks() {
		fmt.Println("Check terms against:", s)
	}
	// Output:
	// Applicant: Chief Constable of North Wales Police
	// Respondent: Marc Lowry
	// Protects: Siân Pryce
	// Protects: Elin Pryce
	// Acts relied on: 8, from 4 August 2025 to 24 January 2026
	// Duration: 2 years, to the end of 15 March 2028
	// Notify by: 18 March 2026
	// Check terms against: Religious observance: Attends Friday prayers at a mosque in Colwyn Bay, 12:30 to 14:00
	// Check terms against: Work or education: Delivery rounds Monday to Saturday, 06:00 to 14:00, across the Conwy valley
}

// AllRules judges a case by casefile's rules and the SPO rules together.
func ExampleAllRules() {
	c, files := casefile.Sample()
	c.SPO.Duration = "18m"
	c.SPO.Terms[1].Necessity = ""

	report := casefile.Validate(c, casefile.Options{Files: files, Rules: spo.AllRules()})
	for _, f := range report.Findings {
		fmt.Printf("%s %s at %s (%s)\n", f.Severity, f.Rule, f.Path, f.Citation)
	}
	// Output:
	// error SPO-TERM-NECESSITY at spo.terms[1].necessity (SPA 2019 s.2(2))
	// info SPO-TERM-CONFLICT at spo.terms (SPA 2019 s.2(3))
	// error SPO-DURATION at spo.duration (SPA 2019 s.3)
}
