package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/spo"
)

var buildCommand = command{
	name:    "build",
	summary: "validate a case (or a folder of cases), then write the SPO bundle, service copy and notice, the MG forms, the workbook, findings and manifest",
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
func printByAudience(w io.Writer, dir string, files []manifestEntry) {
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
	files  []manifestEntry
	status int
	err    error
}

func (b built) counts() string {
	r := b.report
	return fmt.Sprintf("%s, %s, %s", count(r.Count(casefile.Error), "error"), count(r.Count(casefile.Warning), "warning"), count(r.Count(casefile.Info), "note"))
}

// buildCase validates one loaded case and writes its outputs into dir. A
// draft of a case with errors is written with status 1: the case still has
// errors.
func buildCase(ctx context.Context, l *loaded, dir string, draft bool) built {
	b := built{report: validate(l)}
	if b.report.HasErrors() && !draft {
		b.status = exitFindings
		b.err = fmt.Errorf("case %s not built: %s. Deal with the errors, or build a marked draft with --draft", l.c.URN, b.counts())
		return b
	}
	b.files, b.err = writeAll(ctx, dir, func(s *staging) error { return writeBuild(s, l, b.report, draft) })
	if b.err != nil {
		b.status = exitInput
		if status, ok := stopped(b.err); ok {
			b.status = status
			b.err = fmt.Errorf("case %s: %w: nothing written; what %s held before is as it was", l.c.URN, b.err, dir)
			return b
		}
		b.err = fmt.Errorf("case %s: nothing written: %w", l.c.URN, b.err)
		return b
	}
	if b.report.HasErrors() {
		b.status = exitFindings
	}
	return b
}

// writeBuild stages every output of one case, the manifest last. Each
// output declares its audience, which the manifest records.
func writeBuild(s *staging, l *loaded, report *casefile.Report, draft bool) error {
	// Screened once, printed by the MG5, the bundle and the workbook.
	screening := casefile.Screen(l.c, report.AsOf)
	if l.c.SPO != nil {
		if err := writeSPO(s, l, report, draft); err != nil {
			return err
		}
	}
	if err := writeForms(s, l, report, &screening, draft); err != nil {
		return err
	}
	if err := writeWorkbooks(s, l, report, &screening); err != nil {
		return err
	}
	if err := s.add("findings.json", casefile.AudiencePolice, func(w io.Writer) error { return writeJSON(w, report) }); err != nil {
		return err
	}
	manifest := struct {
		URN   string          `json:"urn"`
		AsOf  casefile.Date   `json:"as_of"`
		Files []manifestEntry `json:"files"`
	}{l.c.URN, report.AsOf, s.entries()}
	return s.add("manifest.json", casefile.AudiencePolice, func(w io.Writer) error { return writeJSON(w, manifest) })
}

// spoOutputs are the documents of an SPO application, each with who it is
// for.
var spoOutputs = []struct {
	name     string
	audience casefile.Audience
	write    func(io.Writer, *spo.Application, spo.BundleOptions) error
}{
	{"spo-bundle.pdf", casefile.AudienceCourt, spo.WriteBundle},
	{"spo-confidential-annex.pdf", casefile.AudienceCourt, spo.WriteConfidentialAnnex},
	{"spo-service-copy.pdf", casefile.AudienceRespondent, spo.WriteServiceCopy},
	{"spo-notice.pdf", casefile.AudienceRespondent, spo.WriteNotice},
	// The draft orders are the court's to amend, seal and serve; they are
	// printed as the respondent may read them.
	{"spo-order-draft.pdf", casefile.AudienceCourt, orderWriter(spo.WriteOrder, false)},
	{"spo-order-draft.docx", casefile.AudienceCourt, orderWriter(spo.WriteOrderDOCX, false)},
	{"spo-interim-order-draft.pdf", casefile.AudienceCourt, orderWriter(spo.WriteOrder, true)},
	{"spo-interim-order-draft.docx", casefile.AudienceCourt, orderWriter(spo.WriteOrderDOCX, true)},
}

// writeSPO stages the documents of the SPO application: the interim
// order's files only when one is sought.
func writeSPO(s *staging, l *loaded, report *casefile.Report, draft bool) error {
	app, err := spo.NewApplication(l.c)
	if err != nil {
		return err
	}
	opts := spo.BundleOptions{Files: l.files, Draft: draft, AsOf: report.AsOf, Templates: l.wording}
	for _, out := range spoOutputs {
		if strings.HasPrefix(out.name, "spo-interim-") && app.Interim == nil {
			continue
		}
		if err := s.add(out.name, out.audience, func(w io.Writer) error { return out.write(w, app, opts) }); err != nil {
			return err
		}
	}
	return nil
}

// orderWriter adapts an order writer to the full or the interim order.
func orderWriter(write func(io.Writer, *spo.Application, spo.BundleOptions, bool) error, interim bool) func(io.Writer, *spo.Application, spo.BundleOptions) error {
	return func(w io.Writer, app *spo.Application, opts spo.BundleOptions) error {
		return write(w, app, opts, interim)
	}
}

// writeWorkbooks stages prosecution.xlsx and, when the case has sensitive
// unused material, sensitive-unused.xlsx. excelize may spill case data to
// temporary files: they stay inside the private staging folder.
func writeWorkbooks(s *staging, l *loaded, report *casefile.Report, screening *casefile.Screening) error {
	tmp, err := os.MkdirTemp(s.tmp, "xlsx-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	opts := casefile.WorkbookOptions{AsOf: report.AsOf, TmpDir: tmp, Screening: screening, Templates: l.wording}
	if err := s.add("prosecution.xlsx", casefile.AudienceProsecution, func(w io.Writer) error { return casefile.WriteWorkbook(w, l.c, report, opts) }); err != nil {
		return err
	}
	if !casefile.HasSensitiveUnused(l.c) {
		return nil
	}
	return s.add("sensitive-unused.xlsx", casefile.AudienceProsecution, func(w io.Writer) error { return casefile.WriteSensitiveWorkbook(w, l.c, opts) })
}
