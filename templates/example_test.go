package templates_test

import (
	"fmt"
	"testing/fstest"

	"github.com/spokit/spokit/templates"
)

// A force replaces one default wording unit with its own; every other unit
// keeps the default wording. In real use the override is a directory:
// templates.New(os.DirFS(dir)).
func ExampleNew() {
	force := fstest.MapFS{
		"common.tmpl": {Data: []byte(`
{{define "common.produced-by"}}
Prepared by the Case Preparation Unit, Northshire Police, from case file {{.URN}} ({{.AsOf}}).
{{end}}
`)},
	}
	set, err := templates.New(force)
	if err != nil {
		fmt.Println(err)
		return
	}
	data := map[string]string{"URN": "99NP0000126", "AsOf": "2 March 2026"}
	for _, s := range []*templates.Set{templates.Default(), set} {
		text, err := s.Render("common.produced-by", data)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(text)
	}
	// Output:
	// Produced by spokit from case file 99NP0000126, on the information recorded as at 2 March 2026.
	// Prepared by the Case Preparation Unit, Northshire Police, from case file 99NP0000126 (2 March 2026).
}

// A generator renders every unit a page needs and checks for an error once.
func ExampleRenderer() {
	r := templates.Default().Renderer()
	address := r.Text("common.withheld", nil)
	footer := r.Text("common.produced-by", map[string]string{"URN": "99NP0000126", "AsOf": "2 March 2026"})
	if err := r.Err(); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("Address:", address)
	fmt.Println(footer)
	// Output:
	// Address: [withheld]
	// Produced by spokit from case file 99NP0000126, on the information recorded as at 2 March 2026.
}
