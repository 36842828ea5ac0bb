package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	spokitlib "github.com/spokit/spokit"
	"github.com/spokit/spokit/casefile"
)

var validateCommand = command{
	name:    "validate",
	summary: "check a case against the law and print what is missing",
	usage:   "[--json] [--as-of DATE] CASE.json | - | --sample",
	run:     runValidate,
}

func runValidate(e *env, c *command, args []string) int {
	var src *caseSource
	l, status := loadCase(e, c, args, func(fs *flag.FlagSet, s *caseSource) {
		fs.BoolVar(&s.asJSON, "json", false, "print the findings (or why the case cannot be read) as JSON")
		src = s
	})
	if l == nil {
		return status
	}
	defer l.close()
	report := spokitlib.Validate(l.c, l.settings(false))
	if src.asJSON {
		if err := writeJSON(e.stdout, report); err != nil {
			fmt.Fprintf(e.stderr, "spokit: %v\n", err)
			return exitInput
		}
	} else {
		printReport(e.stdout, report)
	}
	if report.HasErrors() {
		return exitFindings
	}
	return exitOK
}

// printReport writes the findings for a reader: grouped by severity, each
// with its rule, path, message and citation.
func printReport(w io.Writer, r *casefile.Report) {
	fmt.Fprintf(w, "Case %s, judged as of %s: %s, %s, %s.\n", r.URN, r.AsOf.Long(),
		count(r.Count(casefile.Error), "error"), count(r.Count(casefile.Warning), "warning"), count(r.Count(casefile.Info), "note"))
	for _, sev := range []casefile.Severity{casefile.Error, casefile.Warning, casefile.Info} {
		n := r.Count(sev)
		if n == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s (%d)\n", strings.ToUpper(heading(sev)), n)
		for _, f := range r.Findings {
			if f.Severity != sev {
				continue
			}
			fmt.Fprintf(w, "\n  %s at %s\n", f.Rule, f.Path)
			fmt.Fprintf(w, "    %s\n", wrap(f.Message, 76, "    "))
			if f.Citation != "" {
				fmt.Fprintf(w, "    Law: %s\n", f.Citation)
			}
		}
	}
	if !r.HasErrors() {
		fmt.Fprintln(w, "\nNo errors: the case meets every threshold spokit checks.")
	}
}

func heading(s casefile.Severity) string {
	switch s {
	case casefile.Error:
		return "errors"
	case casefile.Warning:
		return "warnings"
	}
	return "notes"
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// wrap breaks text into lines of at most width runes, each continuation
// line starting with indent.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(text) {
		l := len([]rune(word))
		if i > 0 {
			if n+1+l > width {
				b.WriteString("\n" + indent)
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(word)
		n += l
	}
	return b.String()
}

// writeJSON writes v as indented JSON, with no HTML escaping (case text
// stays as written).
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
