// Command custom-wording shows how a police force changes the wording on
// spokit's documents without changing code: it overrides one default wording
// unit and prints the unit as spokit ships it and as the force has it.
//
// The force's wording lives in wording/common.tmpl, embedded here so the
// example runs anywhere:
//
//	go run ./examples/custom-wording
//
// Give a directory to load a force's wording files from disk instead, which
// is how a deployment works:
//
//	go run ./examples/custom-wording path/to/wording
package main

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spokit/spokit/templates"
)

//go:embed wording/*.tmpl
var wording embed.FS

// data stands in for what a document generator passes: a fictional case.
var data = map[string]string{"URN": "99NP0000126", "AsOf": "2 March 2026"}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "custom-wording:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	var override fs.FS
	switch len(args) {
	case 0:
		sub, err := fs.Sub(wording, "wording")
		if err != nil {
			return fmt.Errorf("embedded wording: %w", err)
		}
		override = sub
	case 1:
		override = os.DirFS(args[0])
	default:
		return errors.New("usage: custom-wording [WORDING-DIR]")
	}

	force, err := templates.New(override)
	if err != nil {
		return err
	}
	for _, name := range []string{"common.produced-by", "common.withheld"} {
		fmt.Println(name)
		for _, v := range []struct {
			label string
			set   *templates.Set
		}{{"default", templates.Default()}, {"force", force}} {
			text, err := v.set.Render(name, data)
			if err != nil {
				return err
			}
			fmt.Printf("--- %s ---\n%s\n", v.label, text)
		}
		fmt.Println()
	}
	return nil
}
