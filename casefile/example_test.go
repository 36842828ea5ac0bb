package casefile_test

import (
	"fmt"
	"strings"

	"github.com/spokit/spokit/casefile"
)

// Decode refuses a document it cannot trust, listing every problem with its
// path and line.
func ExampleDecode() {
	doc := `{
  "format": "spokit.case/v1",
  "urn": "07CW0456125",
  "force": {"name": "Cheshire Constabulary", "code": "07"},
  "officer_in_case": "O1",
  "people": [{"id": "O1", "role": "officer", "forenames": "Sam", "surname": "Okoro"}],
  "incidnets": []
}`
	_, err := casefile.Decode(strings.NewReader(doc))
	fmt.Println(err)
	// Output:
	// the case file cannot be read:
	//   line 1, column 1: incidents: required field "incidents" is missing
	//   line 7, column 3: incidnets: unknown field "incidnets"; did you mean "incidents"?
}

// Validate judges a case against the rules and reports what the law still
// needs, each finding with its rule, path and citation.
func ExampleValidate() {
	c, files := casefile.Sample()
	c.Charges[0].Offence = casefile.FearOfViolence // s.4 needs two occasions of fear
	c.Incidents[5].VictimFearedViolence = false

	report := casefile.Validate(c, casefile.Options{Files: files})
	for _, f := range report.Findings {
		fmt.Printf("%s %s at %s (%s)\n", f.Severity, f.Rule, f.Path, f.Citation)
	}
	fmt.Println("errors:", report.Count(casefile.Error))
	// Output:
	// error FEAR-OCCASIONS at charges[0].victims[0] (PHA 1997 s.4(1))
	// errors: 1
}
