// Package spokit is the library's front door: it builds every output of a
// stalking case the way the spokit command does, and writes them into a
// folder as one set.
//
// Build validates the case with every rule (casefile's and the SPO
// application's), then renders its documents, several at once, into
// memory: each Output carries its file name, its audience (who may be
// given it) and its bytes, so a service can stream them anywhere.
// WriteFolder puts a build's outputs into a folder, replacing the previous
// build's outputs as one step. One Settings value drives every writer: the
// date, the DRAFT mark, the exhibit files and the wording are the same in
// every document.
package spokit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/spokit/spokit/casefile/screen"

	"github.com/spokit/spokit/casefile/workbook"

	"github.com/spokit/spokit/casefile/mgform"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/pdfdoc"
	"github.com/spokit/spokit/spo"
	"github.com/spokit/spokit/templates"
)

// Settings are the choices a build makes for every document of a case.
type Settings struct {
	// AsOf is the date the case is judged on and every document is dated
	// with. Zero means the case's as_of, else today (casefile.ResolveAsOf).
	AsOf casefile.Date
	// Draft builds a case that has error findings, with DRAFT on every
	// page. Without it, Build refuses such a case with ErrCaseHasErrors.
	Draft bool
	// Files is the folder the case's exhibit files are read from. With nil,
	// exhibit paths are checked but no file is opened, and the documents
	// that reproduce exhibits list each one as held by police instead.
	Files fs.FS
	// Wording is a force's wording; nil means templates.Default().
	Wording *templates.Set
	// TmpDir is where the workbook writer may spill case data to temporary
	// files, inside a private folder removed after the build; "" means
	// os.TempDir().
	TmpDir string
	// Concurrency is how many documents are rendered at once; 0 means
	// runtime.GOMAXPROCS(0). The outputs do not depend on it.
	Concurrency int
}

// Output is one file of a build.
type Output struct {
	// Name is the file name, e.g. "spo-bundle.pdf".
	Name string
	// Audience is who may be given the file; the manifest records it.
	Audience casefile.Audience
	// Data is the file's content.
	Data []byte
}

// ManifestEntry is one output as manifest.json lists it: its name, who it
// is for, its size and its SHA-256.
type ManifestEntry struct {
	Name     string            `json:"name"`
	Audience casefile.Audience `json:"audience"`
	Size     int               `json:"size"`
	SHA256   string            `json:"sha256"`
}

// Manifest is manifest.json: the case, the date it was judged on and every
// other output of the build, in name order.
type Manifest struct {
	URN   string          `json:"urn"`
	AsOf  casefile.Date   `json:"as_of"`
	Files []ManifestEntry `json:"files"`
}

// Result is what Build produced.
type Result struct {
	// Report holds the findings of every rule; it is set whenever the case
	// was validated, even when Build refuses it.
	Report *casefile.Report
	// Outputs are the files, in name order; for Build, findings.json and
	// manifest.json among them.
	Outputs []Output
}

// Output returns the output named name, and whether the build has it.
func (r *Result) Output(name string) (Output, bool) {
	i, ok := slices.BinarySearchFunc(r.Outputs, name, func(o Output, name string) int { return strings.Compare(o.Name, name) })
	if !ok {
		return Output{}, false
	}
	return r.Outputs[i], true
}

// ErrCaseHasErrors is returned by Build for a case with error findings
// when Settings.Draft is not set: a marked draft is the only thing such a
// case may be built as.
var ErrCaseHasErrors = errors.New("the case has error findings")

// ManifestName is the file name of the manifest a build writes.
const ManifestName = "manifest.json"

// job is what every writer of one build shares, computed once.
type job struct {
	c         *casefile.Case
	report    *casefile.Report
	screening *screen.Screening
	// app is the SPO application, nil when the case has none.
	app *spo.Application
	// variation is the application to vary, renew or discharge an order
	// made, nil when the case has none.
	variation *spo.Variation
	s         Settings
	tmp       string // private folder for the workbook writer's spill files
	asOf      casefile.Date
}

func (j *job) bundleOptions() spo.BundleOptions {
	return spo.BundleOptions{Files: j.s.Files, Draft: j.s.Draft, AsOf: j.asOf, Templates: j.s.Wording}
}

func (j *job) formOptions() mgform.Options {
	return mgform.Options{AsOf: j.asOf, Report: j.report, Screening: j.screening, Draft: j.s.Draft, Templates: j.s.Wording}
}

func (j *job) workbookOptions() workbook.Options {
	return workbook.Options{AsOf: j.asOf, TmpDir: j.tmp, Screening: j.screening, Templates: j.s.Wording}
}

// document is one entry of the list of outputs: its file name, who it is
// for, whether a case has it, and its writer.
type document struct {
	name     string
	audience casefile.Audience
	// include reports whether the case has this document; nil means every
	// case.
	include func(*job) bool
	write   func(io.Writer, *job) error
}

func hasSPO(j *job) bool     { return j.app != nil }
func hasInterim(j *job) bool { return j.app != nil && j.app.Interim != nil }

// spoDocuments are the documents of an SPO application: only for a case
// that has one, the interim order's only when one is sought. The draft
// orders are the court's to amend, seal and serve; they are printed as the
// respondent may read them.
var spoDocuments = []document{
	{"spo-bundle.pdf", casefile.AudienceCourt, hasSPO, func(w io.Writer, j *job) error { return spo.WriteBundle(w, j.app, j.bundleOptions()) }},
	{"spo-confidential-annex.pdf", casefile.AudienceCourt, hasSPO, func(w io.Writer, j *job) error { return spo.WriteConfidentialAnnex(w, j.app, j.bundleOptions()) }},
	{"spo-service-copy.pdf", casefile.AudienceRespondent, hasSPO, func(w io.Writer, j *job) error { return spo.WriteServiceCopy(w, j.app, j.bundleOptions()) }},
	{"spo-notice.pdf", casefile.AudienceRespondent, hasSPO, func(w io.Writer, j *job) error { return spo.WriteNotice(w, j.app, j.bundleOptions()) }},
	{"spo-order-draft.pdf", casefile.AudienceCourt, hasSPO, func(w io.Writer, j *job) error { return spo.WriteOrder(w, j.app, j.bundleOptions(), false) }},
	{"spo-order-draft.docx", casefile.AudienceCourt, hasSPO, func(w io.Writer, j *job) error { return spo.WriteOrderDOCX(w, j.app, j.bundleOptions(), false) }},
	{"spo-interim-order-draft.pdf", casefile.AudienceCourt, hasInterim, func(w io.Writer, j *job) error { return spo.WriteOrder(w, j.app, j.bundleOptions(), true) }},
	{"spo-interim-order-draft.docx", casefile.AudienceCourt, hasInterim, func(w io.Writer, j *job) error { return spo.WriteOrderDOCX(w, j.app, j.bundleOptions(), true) }},
}

// afterOrderDocuments are the prosecution's documents of the jobs after an
// order: the breach schedule when an occasion names a term it breaches,
// the notification timeline when notifications, changes or a notification
// charge are recorded. Both hold police analysis and are never disclosed.
var afterOrderDocuments = []document{
	{"breach-schedule.pdf", casefile.AudienceProsecution, func(j *job) bool { return casefile.HasBreaches(j.c) }, func(w io.Writer, j *job) error {
		return mgform.WriteBreachSchedule(w, j.c, j.formOptions())
	}},
	{"notification-timeline.pdf", casefile.AudienceProsecution, func(j *job) bool { return casefile.HasNotificationFile(j.c) }, func(w io.Writer, j *job) error {
		return mgform.WriteNotificationTimeline(w, j.c, j.formOptions())
	}},
}

func hasVariation(j *job) bool { return j.variation != nil }

// variationDocuments are the documents of an application to vary, renew or
// discharge an order made (SPA 2019 s.4): only for a case that records
// one. The application is served on the respondent and the court files the
// same copy, so the court reads nothing the respondent is not given; the
// draft order is printed as the respondent may read it, like the others.
var variationDocuments = []document{
	{"spo-variation-application.pdf", casefile.AudienceRespondent, hasVariation, func(w io.Writer, j *job) error {
		return spo.WriteVariationApplication(w, j.variation, j.bundleOptions())
	}},
	{"spo-varied-order-draft.pdf", casefile.AudienceCourt, hasVariation, func(w io.Writer, j *job) error {
		return spo.WriteVariedOrder(w, j.variation, j.bundleOptions())
	}},
	{"spo-varied-order-draft.docx", casefile.AudienceCourt, hasVariation, func(w io.Writer, j *job) error {
		return spo.WriteVariedOrderDOCX(w, j.variation, j.bundleOptions())
	}},
}

// caseReview is the internal review of the case, written with the forms.
var caseReview = document{"case-review.pdf", casefile.AudienceProsecution, nil, func(w io.Writer, j *job) error { return mgform.WriteCaseReview(w, j.c, j.formOptions()) }}

// workbookDocuments are the prosecution's workbooks: the sensitive unused
// material has its own, only when there is some.
var workbookDocuments = []document{
	{"prosecution.xlsx", casefile.AudienceProsecution, nil, func(w io.Writer, j *job) error {
		return workbook.Write(w, j.c, j.report, j.workbookOptions())
	}},
	{"sensitive-unused.xlsx", casefile.AudienceProsecution, func(j *job) bool { return workbook.HasSensitiveUnused(j.c) }, func(w io.Writer, j *job) error {
		return workbook.WriteSensitive(w, j.c, j.workbookOptions())
	}},
}

// formDocuments are the MG forms the case needs (one MG11 per statement)
// and the case review.
func formDocuments(c *casefile.Case) []document {
	var docs []document
	for _, f := range mgform.Forms(c) {
		docs = append(docs, document{f.Name, f.Audience, nil, func(w io.Writer, j *job) error { return f.Write(w, j.formOptions()) }})
	}
	return append(docs, caseReview)
}

// buildDocuments is the list of a build's documents, before findings.json
// and the manifest. The longest to render (the bundles, then the
// workbooks) come first, so that on several cores none of them is left
// to run alone at the end; the order changes nothing in the outputs.
func buildDocuments(c *casefile.Case) []document {
	return slices.Concat(spoDocuments, workbookDocuments, afterOrderDocuments, variationDocuments, formDocuments(c))
}

// Build validates the case with every rule and renders all its outputs:
// the SPO application's documents when it has one, the breach schedule and
// notification timeline when it records what they need, the MG forms, the
// case review, the workbooks, findings.json and manifest.json. A case with
// error findings is refused with ErrCaseHasErrors unless s.Draft is set;
// the Result then still holds the Report. Documents are rendered
// concurrently (s.Concurrency); the outputs are the same bytes whatever
// the concurrency. When ctx is cancelled Build stops and returns
// context.Cause(ctx).
func Build(ctx context.Context, c *casefile.Case, s Settings) (*Result, error) {
	j, err := newJob(c, s)
	if err != nil {
		return nil, err
	}
	res := &Result{Report: j.report}
	if j.report.HasErrors() && !s.Draft {
		return res, ErrCaseHasErrors
	}
	if c.SPO != nil {
		if j.app, err = spo.NewApplication(c); err != nil {
			return res, err
		}
	}
	if c.SPOVariation != nil {
		if j.variation, err = spo.NewVariation(c); err != nil {
			return res, err
		}
	}
	if res.Outputs, err = render(ctx, j, buildDocuments(c)); err != nil {
		return res, err
	}
	findings, err := marshalJSON(j.report)
	if err != nil {
		return res, fmt.Errorf("findings.json: %w", err)
	}
	res.Outputs = append(res.Outputs, Output{"findings.json", casefile.AudiencePolice, findings})
	sortOutputs(res.Outputs)
	manifest, err := marshalJSON(Manifest{URN: c.URN, AsOf: j.asOf, Files: ManifestOf(res.Outputs)})
	if err != nil {
		return res, fmt.Errorf("%s: %w", ManifestName, err)
	}
	res.Outputs = append(res.Outputs, Output{ManifestName, casefile.AudiencePolice, manifest})
	sortOutputs(res.Outputs)
	return res, nil
}

// BuildForms validates the case with every rule and renders its MG forms
// and the case review only. The forms list the findings, so they are
// rendered even when the case has errors (a charging request goes to the
// prosecutor with its gaps shown): check Result.Report.
func BuildForms(ctx context.Context, c *casefile.Case, s Settings) (*Result, error) {
	j, err := newJob(c, s)
	if err != nil {
		return nil, err
	}
	res := &Result{Report: j.report}
	res.Outputs, err = render(ctx, j, formDocuments(c))
	sortOutputs(res.Outputs)
	return res, err
}

// Validate runs every rule spokit has on the case (case integrity,
// privacy, criminal charges and the Stalking Protection Order) as of
// s.AsOf: the report `spokit validate` prints and Build judges the case by.
// Each exhibit file in s.Files must be one the PDF engine can reproduce,
// every page and picture of it decoded.
func Validate(c *casefile.Case, s Settings) *casefile.Report {
	return casefile.Validate(c, casefile.Options{AsOf: s.AsOf, Files: s.Files, CheckFile: pdfdoc.CheckExhibit, Rules: spo.AllRules(), Concurrency: s.workers()})
}

// Screen screens the case as of s.AsOf with every reason's text, test and
// citation in s.Wording: the screening `spokit screen --json` prints.
func Screen(c *casefile.Case, s Settings) (screen.Screening, error) {
	return screen.Screen(c, s.AsOf).Explained(s.wording())
}

// ScreeningReport is the case's screening in words, section by section, as
// `spokit screen` prints it, in s.Wording.
func ScreeningReport(c *casefile.Case, s Settings) (screen.ScreeningReport, error) {
	return screen.Screen(c, s.AsOf).Report(s.wording())
}

// wording is the wording documents are rendered in.
func (s Settings) wording() *templates.Set {
	if s.Wording == nil {
		return templates.Default()
	}
	return s.Wording
}

// newJob validates the case and screens it once: the MG5, the bundle and
// the workbook print the same screening. The two only read the case, so
// with more than one worker they run side by side: nothing else can start
// before both are done.
func newJob(c *casefile.Case, s Settings) (*job, error) {
	if c == nil {
		return nil, errors.New("spokit: no case")
	}
	asOf := c.ResolveAsOf(s.AsOf) // as Validate resolves it
	var screening screen.Screening
	var wg sync.WaitGroup
	if s.workers() > 1 {
		wg.Go(func() { screening = screen.Screen(c, asOf) })
	} else {
		screening = screen.Screen(c, asOf)
	}
	report := Validate(c, s)
	wg.Wait()
	return &job{c: c, report: report, screening: &screening, s: s, asOf: report.AsOf}, nil
}

// workers is how many documents are written at once.
func (s Settings) workers() int {
	if s.Concurrency > 0 {
		return s.Concurrency
	}
	return runtime.GOMAXPROCS(0)
}

// render writes the documents the case has, up to s.Concurrency at once.
// Each document is written into its own buffer and the results are put in
// the list's order, so the bytes and their order never depend on the
// scheduling. The first error in the list's order is returned; a
// cancelled ctx stops the documents not yet started.
func render(ctx context.Context, j *job, docs []document) ([]Output, error) {
	docs = slices.DeleteFunc(slices.Clone(docs), func(d document) bool { return d.include != nil && !d.include(j) })
	tmp, err := os.MkdirTemp(j.s.TmpDir, "spokit-")
	if err != nil {
		return nil, fmt.Errorf("spokit: temporary folder: %w", err)
	}
	defer os.RemoveAll(tmp)
	j.tmp = tmp

	workers := j.s.workers()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	outs := make([]Output, len(docs))
	errs := make([]error, len(docs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(docs)) {
		wg.Go(func() {
			for i := range next {
				if context.Cause(ctx) != nil {
					continue
				}
				var buf bytes.Buffer
				if err := docs[i].write(&buf, j); err != nil {
					errs[i] = fmt.Errorf("%s: %w", docs[i].name, err)
					cancel(errs[i])
					continue
				}
				outs[i] = Output{docs[i].name, docs[i].audience, buf.Bytes()}
			}
		})
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := firstError(errs); err != nil {
		return nil, err
	}
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	return outs, nil
}

// firstError returns the first non-nil error of errs, in the list's order
// so that the same failure is reported however the work was scheduled.
func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func sortOutputs(outs []Output) {
	slices.SortFunc(outs, func(a, b Output) int { return strings.Compare(a.Name, b.Name) })
}

// ManifestOf lists outputs as a manifest does, with their sizes and
// SHA-256 sums, in name order.
func ManifestOf(outputs []Output) []ManifestEntry {
	entries := make([]ManifestEntry, 0, len(outputs))
	for _, o := range outputs {
		sum := sha256.Sum256(o.Data)
		entries = append(entries, ManifestEntry{Name: o.Name, Audience: o.Audience, Size: len(o.Data), SHA256: hex.EncodeToString(sum[:])})
	}
	slices.SortFunc(entries, func(a, b ManifestEntry) int { return strings.Compare(a.Name, b.Name) })
	return entries
}

// marshalJSON writes v as the command's JSON files are: indented by two
// spaces, HTML left as it is, with a final newline.
func marshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return buf.Bytes(), err
}
