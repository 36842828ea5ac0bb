package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	spokitlib "github.com/spokit/spokit"
	"github.com/spokit/spokit/casefile"
)

var buildCommand = command{
	name:    "build",
	summary: "validate a case (or a folder of cases), then write the SPO bundle, service copy and notice, any breach schedule and notification timeline, the MG forms, the workbook, findings and manifest",
	usage:   "[-o DIR] [--as-of DATE] [--draft] [-j N] [--wording DIR] CASE.json | - | FOLDER | --sample",
	run:     runBuild,
}

// buildFlags are the choices a build makes for every case.
type buildFlags struct {
	dir   string
	draft bool
	jobs  int
}

// runBuild validates the case and, when no finding is an error (or with
// --draft), writes every output into the output folder together: either
// all of them or none. Given a folder of cases, it builds every case in it;
// a folder holding a case.json is that one case, built as its case.json is.
func runBuild(e *env, c *command, args []string) int {
	fs := newFlags(e, c)
	var src caseSource
	src.register(fs)
	src.registerWording(fs)
	var f buildFlags
	fs.StringVar(&f.dir, "o", "out", "write the outputs into `DIR` (for a folder of cases, one sub-folder per case)")
	fs.BoolVar(&f.draft, "draft", false, "build even when validation finds errors, with DRAFT on every page (the exit status is still 1)")
	fs.IntVar(&f.jobs, "j", runtime.GOMAXPROCS(0), "build up to `N` cases of a folder at once (at least 1)")
	args, status, ok := parse(e, fs, args)
	if !ok {
		return status
	}
	if f.jobs < 1 {
		fmt.Fprintf(e.stderr, "spokit: -j is %d; give the number of cases to build at once, at least 1\n", f.jobs)
		return exitInput
	}
	if len(args) == 1 && !src.sample {
		if st, err := os.Stat(args[0]); err == nil && st.IsDir() {
			caseFile := filepath.Join(args[0], "case.json")
			if _, err := os.Stat(caseFile); err != nil {
				return buildFolder(e, &src, args[0], f)
			}
			args = []string{caseFile}
		}
	}
	l, status := src.load(e, args)
	if l == nil {
		return status
	}
	defer l.close()
	res := buildCase(e.context(), l, f.dir, f.draft)
	if len(res.report.Findings) > 0 {
		printReport(e.stderr, res.report)
	}
	if res.err != nil {
		fmt.Fprintf(e.stderr, "spokit: %v\n", res.err)
		return res.status
	}
	fmt.Fprintf(e.stdout, "Case %s: %s. Wrote %d files:\n", l.c.URN, res.counts(), len(res.files))
	printByAudience(e.stdout, f.dir, res.files)
	return res.status
}

// audienceOrder is the order the build summary lists audiences in, each
// with what its readers may be given.
var audienceOrder = []struct {
	audience casefile.Audience
	label    string
}{
	{casefile.AudienceCourt, "For the court"},
	{casefile.AudienceRespondent, "For the respondent (to serve)"},
	{casefile.AudienceDefence, "For disclosure to the defence"},
	{casefile.AudienceProsecution, "For the police and the CPS only (not for disclosure)"},
	{casefile.AudiencePolice, "For the police only"},
}

// printByAudience lists the files written under who may receive them, so
// that nobody hands a file to the wrong person.
func printByAudience(w io.Writer, dir string, files []spokitlib.Output) {
	for _, a := range audienceOrder {
		header := false
		for _, f := range files {
			if f.Audience != a.audience {
				continue
			}
			if !header {
				fmt.Fprintf(w, "%s:\n", a.label)
				header = true
			}
			fmt.Fprintf(w, "  %s\n", filepath.Join(dir, f.Name))
		}
	}
}

// built is the outcome of building one case.
type built struct {
	report *casefile.Report
	files  []spokitlib.Output
	status int
	err    error
}

func (b built) counts() string {
	r := b.report
	return fmt.Sprintf("%s, %s, %s", count(r.Count(casefile.Error), "error"), count(r.Count(casefile.Warning), "warning"), count(r.Count(casefile.Info), "note"))
}

// settings are the front door's settings for a loaded case.
func (l *loaded) settings(draft bool) spokitlib.Settings {
	return spokitlib.Settings{AsOf: l.asOf, Draft: draft, Files: l.files, Wording: l.wording}
}

// buildCase validates one loaded case and writes its outputs into dir
// through the front door. A draft of a case with errors is written with
// status 1: the case still has errors.
func buildCase(ctx context.Context, l *loaded, dir string, draft bool) built {
	res, err := spokitlib.Build(ctx, l.c, l.settings(draft))
	var b built
	if res != nil {
		b.report = res.Report
	}
	if errors.Is(err, spokitlib.ErrCaseHasErrors) {
		b.status = exitFindings
		b.err = fmt.Errorf("case %s not built: %s. Deal with the errors, or build a marked draft with --draft", l.c.URN, b.counts())
		return b
	}
	if err == nil {
		err = spokitlib.WriteFolder(ctx, dir, res.Outputs)
	}
	if err != nil {
		b.status = exitInput
		if status, ok := stopped(err); ok {
			b.status = status
			b.err = fmt.Errorf("case %s: %w: nothing written; what %s held before is as it was", l.c.URN, err, dir)
			return b
		}
		b.err = fmt.Errorf("case %s: nothing written: %w", l.c.URN, err)
		return b
	}
	b.files = res.Outputs
	if b.report.HasErrors() {
		b.status = exitFindings
	}
	return b
}
