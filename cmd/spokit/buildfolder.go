package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/fserr"
	"github.com/spokit/spokit/templates"
)

// folderCase is one case file found in a folder and where its outputs go.
type folderCase struct {
	path, name string
}

// findCases lists the case files of a folder of cases: every *.json file in
// it, and the case.json of each sub-folder (the layout spokit sample -o
// writes). Each case's outputs go to a sub-folder named after the file (or
// the sub-folder).
func findCases(dir string) ([]folderCase, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fserr.Bare(err)
	}
	var cases []folderCase
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch {
		case e.IsDir():
			if _, err := os.Stat(filepath.Join(p, "case.json")); err == nil {
				cases = append(cases, folderCase{path: filepath.Join(p, "case.json"), name: e.Name()})
			}
		case strings.HasSuffix(e.Name(), ".json"):
			cases = append(cases, folderCase{path: p, name: strings.TrimSuffix(e.Name(), ".json")})
		}
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].name < cases[j].name })
	for i := 1; i < len(cases); i++ {
		if cases[i].name == cases[i-1].name {
			return nil, fmt.Errorf("%s and %s would both write to %q", cases[i-1].path, cases[i].path, cases[i].name)
		}
	}
	return cases, nil
}

// buildFolder builds every case of a folder with a pool of workers, each
// case into its own sub-folder of f.dir, all or nothing per case. It prints
// a progress line on stderr when stderr is a terminal, then one line per
// case. The exit status is the worst of the cases'; when a signal stops the
// build, the cases not yet finished are not built and the status is the
// signal's.
func buildFolder(e *env, src *caseSource, dir string, f buildFlags) int {
	asOf, ok := src.date(e)
	if !ok {
		return exitInput
	}
	wording, ok := src.templates(e)
	if !ok {
		return exitInput
	}
	cases, err := findCases(dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "spokit: %s: %v\n", dir, err)
		return exitInput
	}
	if len(cases) == 0 {
		fmt.Fprintf(e.stderr, "spokit: %s: no case files (*.json, or sub-folders with case.json)\n", dir)
		return exitInput
	}
	ctx := e.context()
	results := make([]string, len(cases))
	statuses := make([]int, len(cases))
	built := make([]bool, len(cases))
	work := make(chan int)
	var wg sync.WaitGroup
	var p progress
	p.total = len(cases)
	if isTerminal(e.stderr) {
		p.w = e.stderr
	}
	for range min(f.jobs, len(cases)) {
		wg.Go(func() {
			for i := range work {
				p.start(cases[i].name)
				results[i], statuses[i], built[i] = buildFolderCase(ctx, cases[i], asOf, wording, f)
				p.finish()
			}
		})
	}
feed:
	for i := range cases {
		select {
		case work <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	p.clear()
	worst, nbuilt := exitOK, 0
	for i, line := range results {
		switch {
		case line == "":
			continue // never started: the build was stopped
		case statuses[i] != exitOK:
			fmt.Fprintf(e.stderr, "%s\n", line)
		default:
			fmt.Fprintf(e.stdout, "%s\n", line)
		}
		if built[i] {
			nbuilt++
		}
		worst = max(worst, statuses[i])
	}
	if err := context.Cause(ctx); err != nil {
		status, _ := stopped(err)
		fmt.Fprintf(e.stderr, "spokit: %v: built %d of %d cases into %s; the others were left as they were\n", err, nbuilt, len(cases), f.dir)
		return max(status, exitInput)
	}
	fmt.Fprintf(e.stdout, "Built %d of %d cases into %s.\n", nbuilt, len(cases), f.dir)
	return worst
}

// progress is the line a folder build rewrites on a terminal: how many
// cases are finished, how many are being built, and the last one started.
type progress struct {
	mu                      sync.Mutex
	w                       io.Writer // nil: not a terminal, no progress line
	total, started, running int
	last                    string
}

func (p *progress) start(name string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.started++
	p.running++
	p.last = name
	p.print()
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.running--
	p.print()
}

// print writes the line; the caller holds p.mu.
func (p *progress) print() {
	if p.w != nil {
		fmt.Fprintf(p.w, "\r\033[K%d of %d cases done, %d building: %s", p.started-p.running, p.total, p.running, p.last)
	}
}

func (p *progress) clear() {
	if p.w != nil {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// buildFolderCase builds one case of a folder and returns its line of the
// summary, its exit status and whether its outputs were written.
func buildFolderCase(ctx context.Context, fc folderCase, asOf casefile.Date, wording *templates.Set, f buildFlags) (string, int, bool) {
	l, err := openCase(fc.path)
	if err != nil {
		return fmt.Sprintf("%s: %v", fc.path, err), exitInput, false
	}
	defer l.close()
	l.asOf, l.wording = asOf, wording
	res := buildCase(ctx, l, filepath.Join(f.dir, fc.name), f.draft)
	if res.err != nil {
		return fmt.Sprintf("%s: %v", fc.path, res.err), res.status, false
	}
	return fmt.Sprintf("%s: case %s, %s: %d files in %s", fc.path, l.c.URN, res.counts(), len(res.files), filepath.Join(f.dir, fc.name)), res.status, true
}

// isTerminal reports whether w is a terminal (a character device), where a
// progress line that rewrites itself reads well.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
