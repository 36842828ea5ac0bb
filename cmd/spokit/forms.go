package main

import (
	"flag"
	"fmt"
	"path/filepath"

	spokitlib "github.com/spokit/spokit"
	"github.com/spokit/spokit/casefile"
)

var formsCommand = command{
	name:    "forms",
	summary: "write the MG case-file forms (MG3, MG5, MG6C, MG6D, MG9, MG11, MG12) as PDF",
	usage:   "[-o DIR] [--as-of DATE] [--draft] [--wording DIR] CASE.json | - | --sample",
	run:     runForms,
}

// runForms writes every MG form of the case into the output folder. The
// forms list the validation findings, so they are written even when the
// case has errors (a charging request goes to the prosecutor with its gaps
// shown); the command then says how many there are and exits 1, as every
// command does for a case with errors. Either every form is written or
// none is.
func runForms(e *env, c *command, args []string) int {
	var dir string
	var draft bool
	l, status := loadCase(e, c, args, func(fs *flag.FlagSet, s *caseSource) {
		fs.StringVar(&dir, "o", "out", "write the forms into `DIR`")
		fs.BoolVar(&draft, "draft", false, "print DRAFT on every page")
		s.registerWording(fs)
	})
	if l == nil {
		return status
	}
	defer l.close()
	res, err := spokitlib.BuildForms(e.context(), l.c, l.settings(draft))
	if err == nil {
		err = spokitlib.WriteFolder(e.context(), dir, res.Outputs)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "spokit: nothing written: %v\n", err)
		if status, ok := stopped(err); ok {
			return status
		}
		return exitInput
	}
	for _, f := range res.Outputs {
		fmt.Fprintln(e.stdout, filepath.Join(dir, f.Name))
	}
	if n := res.Report.Count(casefile.Error); n > 0 {
		fmt.Fprintf(e.stderr, "spokit: the case has %s; the MG3 and the case review list them\n", count(n, "error finding"))
		return exitFindings
	}
	return exitOK
}
