package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/spokit/spokit/casefile/screen"

	spokitlib "github.com/spokit/spokit"
)

var screenCommand = command{
	name:    "screen",
	summary: "screen a case for stalking and triage the offences: a decision aid, not a verdict",
	usage:   "[--json] [--as-of DATE] [--wording DIR] CASE.json | - | --sample",
	run:     runScreen,
}

// runScreen prints the stalking screening of a case: in words by default,
// or the casefile.Screening value as JSON. The screening judges; it never
// fails a case, so the exit status is 0 unless the case cannot be read.
func runScreen(e *env, c *command, args []string) int {
	var src *caseSource
	l, status := loadCase(e, c, args, func(fs *flag.FlagSet, s *caseSource) {
		fs.BoolVar(&s.asJSON, "json", false, "print the screening (or why the case cannot be read) as JSON (states, counts, incident ids, and each reason's code, text, test and citation)")
		s.registerWording(fs)
		src = s
	})
	if l == nil {
		return status
	}
	defer l.close()
	if src.asJSON {
		explained, err := spokitlib.Screen(l.c, l.settings(false))
		if err == nil {
			err = writeJSON(e.stdout, explained)
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "spokit: %v\n", err)
			return exitInput
		}
		return exitOK
	}
	rep, err := spokitlib.ScreeningReport(l.c, l.settings(false))
	if err != nil {
		fmt.Fprintf(e.stderr, "spokit: %v\n", err)
		return exitInput
	}
	printScreening(e.stdout, rep)
	return exitOK
}

// printScreening writes a screening report for a reader: the caveat first,
// then each section with its lines, every reason followed by its incidents.
func printScreening(w io.Writer, rep screen.ScreeningReport) {
	fmt.Fprintln(w, rep.Title)
	fmt.Fprintln(w)
	printParagraphs(w, rep.Caveat, "")
	for _, sec := range rep.Sections {
		fmt.Fprintf(w, "\n%s\n", strings.ToUpper(sec.Heading))
		if sec.Intro != "" {
			fmt.Fprintln(w)
			printParagraphs(w, sec.Intro, "  ")
		}
		for _, l := range sec.Lines {
			fmt.Fprintln(w)
			head := l.Label
			if l.StateText != "" {
				head += ": " + l.StateText
			}
			fmt.Fprintf(w, "  %s\n", wrap(head, 76, "    "))
			for _, line := range strings.Split(l.Text, "\n") {
				if line != "" {
					fmt.Fprintf(w, "    - %s\n", wrap(line, 72, "      "))
				}
			}
		}
	}
}

// printParagraphs writes text wrapped, with a blank line between its
// paragraphs, each line starting with indent.
func printParagraphs(w io.Writer, text, indent string) {
	for i, p := range strings.Split(text, "\n\n") {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s%s\n", indent, wrap(p, 78-len(indent), indent))
	}
}
