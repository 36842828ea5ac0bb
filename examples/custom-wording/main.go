// Command custom-wording shows how a police force changes the wording on
// spokit's documents without changing code. It layers the force's wording
// files over spokit's defaults, prints one unit as spokit ships it and as
// the force has it, and writes the sample case's MG5 in the force's wording.
//
// The force's wording lives in wording/*.tmpl, embedded here so the example
// runs anywhere:
//
//	go run ./examples/custom-wording -o MG5.pdf
//
// -wording loads a force's wording files from a folder instead, which is how
// a deployment works (spokit's defaults are in the templates package's
// text folder; copy one and change the units you need):
//
//	go run ./examples/custom-wording -wording path/to/wording -o MG5.pdf
package main

import (
	"embed"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/spokit/spokit/casefile/mgform"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/templates"
)

//go:embed wording/*.tmpl
var wording embed.FS

func main() {
	dir := flag.String("wording", "", "load the force's wording files from `DIR` (default: the embedded example)")
	out := flag.String("o", "", "write the sample case's MG5 in the force's wording to `FILE`")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "custom-wording:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	override, err := fs.Sub(wording, "wording")
	if err != nil {
		return err
	}
	if dir != "" {
		override = os.DirFS(dir)
	}
	force, err := templates.New(override) // refuses a unit spokit does not have
	if err != nil {
		return err
	}

	data := map[string]string{"Form": "MG5", "URN": "99NP0000126", "AsOf": "2 March 2026"}
	for _, v := range []struct {
		label string
		set   *templates.Set
	}{{"spokit", templates.Default()}, {"force", force}} {
		text, err := v.set.Render("mg.layout-note", data)
		if err != nil {
			return err
		}
		fmt.Printf("%s: %s\n", v.label, text)
	}

	if out == "" {
		return nil
	}
	c, _ := casefile.Sample()
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := mgform.WriteMG5(f, c, mgform.Options{Templates: force}); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
