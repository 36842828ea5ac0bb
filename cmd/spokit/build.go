package main

import (
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
	usage:   "[-o DIR] [--as-of DATE] [--draft] [-j N] CASE.json | FOLDER | --sample",
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
// all of them or none. Given a folder, it builds every case in it.
func runBuild(e *env, c *command, args []string) int {
	fs := newFlags(e, c)
	var src caseSource
	src.register(fs)
	var f buildFlags
	fs.StringVar(&f.dir, "o", "out", "write the outputs into `DIR` (for a folder of cases, one sub-folder per case)")
	fs.BoolVar(&f.draft, "draft", false, "build even when validation finds errors, with DRAFT on every page")
	fs.IntVar(&f.jobs, "j", runtime.GOMAXPROCS(0), "build up to `N` cases of a folder at once")
	args, status, ok := parse(fs, args)
	if !ok {
		return status
	}
	if len(args) == 1 && !src.sample {
		if st, err := os.Stat(args[0]); err == nil && st.IsDir() {
			asOf, ok := src.date(e)
			if !ok {
				return exitInput
			}
			return buildFolder(e, args[0], asOf, f)
		}
	}
	l, status := src.load(e, args)
	if l == nil {
		return status
	}
	defer l.close()
	res := buildCase(l, f.dir, f.draft)
	if res.status == exitFindings {
		printReport(e.stderr, res.report)
	}
	if res.err != nil {
		fmt.Fprintf(e.stderr, "spokit: %v\n", res.err)
		return res.status
	}
	fmt.Fprintf(e.stdout, "Case %s: %s. Wrote %d files:\n", l.c.URN, res.counts(), len(res.names))
	for _, name := range res.names {
		fmt.Fprintf(e.stdout, "  %s\n", filepath.Join(f.dir, name))
	}
	return exitOK
}

// built is the outcome of building one case.
type built struct {
	report *casefile.Report
	names  []string
	status int
	err    error
}

func (b built) counts() string {
	r := b.report
	return fmt.Sprintf("%s, %s, %s", count(r.Count(casefile.Error), "error"), count(r.Count(casefile.Warning), "warning"), count(r.Count(casefile.Info), "note"))
}

// buildCase validates one loaded case and writes its outputs into dir.
func buildCase(l *loaded, dir string, draft bool) built {
	b := built{report: validate(l)}
	if b.report.HasErrors() && !draft {
		b.status = exitFindings
		b.err = fmt.Errorf("case %s not built: %s. Deal with the errors, or build a marked draft with --draft", l.c.URN, b.counts())
		return b
	}
	b.names, b.err = writeAll(dir, func(s *staging) error { return writeBuild(s, l, b.report, draft) })
	if b.err != nil {
		b.status = exitInput
		b.err = fmt.Errorf("case %s: nothing written: %w", l.c.URN, b.err)
	}
	return b
}

// writeBuild stages every output of one case, the manifest last.
func writeBuild(s *staging, l *loaded, report *casefile.Report, draft bool) error {
	// Screened once, printed by the MG5, the bundle and the workbook.
	screening := casefile.Screen(l.c, report.AsOf)
	if l.c.SPO != nil {
		if err := writeSPO(s, l, report, &screening, draft); err != nil {
			return err
		}
	}
	if err := writeForms(s, l, report, &screening, draft); err != nil {
		return err
	}
	if err := writeWorkbooks(s, l, report, &screening); err != nil {
		return err
	}
	if err := s.add("findings.json", func(w io.Writer) error { return writeJSON(w, report) }); err != nil {
		return err
	}
	manifest := struct {
		URN   string          `json:"urn"`
		AsOf  casefile.Date   `json:"as_of"`
		Files []manifestEntry `json:"files"`
	}{l.c.URN, report.AsOf, s.entries()}
	return s.add("manifest.json", func(w io.Writer) error { return writeJSON(w, manifest) })
}

// writeSPO stages the court bundle, the service copy, the notice and the
// draft orders (PDF, and an editable .docx of each); the interim order's
// files only when one is sought.
func writeSPO(s *staging, l *loaded, report *casefile.Report, screening *casefile.Screening, draft bool) error {
	app, err := spo.NewApplication(l.c)
	if err != nil {
		return err
	}
	opts := spo.BundleOptions{Files: l.files, Draft: draft, AsOf: report.AsOf, Report: report, Screening: screening}
	for _, out := range []struct {
		name  string
		write func(io.Writer, *spo.Application, spo.BundleOptions) error
	}{
		{"spo-bundle.pdf", spo.WriteBundle},
		{"spo-service-copy.pdf", spo.WriteServiceCopy},
		{"spo-notice.pdf", spo.WriteNotice},
		{"spo-order-draft.pdf", orderWriter(spo.WriteOrder, false)},
		{"spo-order-draft.docx", orderWriter(spo.WriteOrderDOCX, false)},
		{"spo-interim-order-draft.pdf", orderWriter(spo.WriteOrder, true)},
		{"spo-interim-order-draft.docx", orderWriter(spo.WriteOrderDOCX, true)},
	} {
		if strings.HasPrefix(out.name, "spo-interim-") && app.Interim == nil {
			continue
		}
		if err := s.add(out.name, func(w io.Writer) error { return out.write(w, app, opts) }); err != nil {
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
	opts := casefile.WorkbookOptions{AsOf: report.AsOf, TmpDir: tmp, Screening: screening}
	if err := s.add("prosecution.xlsx", func(w io.Writer) error { return casefile.WriteWorkbook(w, l.c, report, opts) }); err != nil {
		return err
	}
	if !casefile.HasSensitiveUnused(l.c) {
		return nil
	}
	return s.add("sensitive-unused.xlsx", func(w io.Writer) error { return casefile.WriteSensitiveWorkbook(w, l.c, opts) })
}
