package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/spokit/spokit/casefile"
)

// folderCase is one case file found in a folder and where its outputs go.
type folderCase struct {
	path, name string
}

// findCases lists the case files of a folder: every *.json file in it, and
// the case.json of each sub-folder (the layout spokit sample -o writes).
// Each case's outputs go to a sub-folder named after the file (or the
// sub-folder).
func findCases(dir string) ([]folderCase, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, unwrapPath(err)
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
// case. The exit status is the worst of the cases'.
func buildFolder(e *env, dir string, asOf casefile.Date, f buildFlags) int {
	cases, err := findCases(dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "spokit: %s: %v\n", dir, err)
		return exitInput
	}
	if len(cases) == 0 {
		fmt.Fprintf(e.stderr, "spokit: %s: no case files (*.json, or sub-folders with case.json)\n", dir)
		return exitInput
	}
	results := make([]string, len(cases))
	statuses := make([]int, len(cases))
	work := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	progress := isTerminal(e.stderr)
	for range max(1, min(f.jobs, len(cases))) {
		wg.Go(func() {
			for i := range work {
				results[i], statuses[i] = buildFolderCase(cases[i], asOf, f)
				if progress {
					mu.Lock()
					done++
					fmt.Fprintf(e.stderr, "\r\033[Kbuilding %d of %d cases: %s", done, len(cases), cases[i].name)
					mu.Unlock()
				}
			}
		})
	}
	for i := range cases {
		work <- i
	}
	close(work)
	wg.Wait()
	if progress {
		fmt.Fprint(e.stderr, "\r\033[K")
	}
	worst, failed := exitOK, 0
	for i, line := range results {
		if statuses[i] != exitOK {
			failed++
			fmt.Fprintf(e.stderr, "%s\n", line)
		} else {
			fmt.Fprintf(e.stdout, "%s\n", line)
		}
		worst = max(worst, statuses[i])
	}
	fmt.Fprintf(e.stdout, "Built %d of %d cases into %s.\n", len(cases)-failed, len(cases), f.dir)
	return worst
}

// buildFolderCase builds one case of a folder and returns its line of the
// summary and its exit status.
func buildFolderCase(fc folderCase, asOf casefile.Date, f buildFlags) (string, int) {
	l, err := openCase(fc.path)
	if err != nil {
		return fmt.Sprintf("%s: %v", fc.path, err), exitInput
	}
	defer l.close()
	l.asOf = asOf
	res := buildCase(l, filepath.Join(f.dir, fc.name), f.draft)
	if res.err != nil {
		return fmt.Sprintf("%s: %v", fc.path, res.err), res.status
	}
	return fmt.Sprintf("%s: case %s, %s: %d files in %s", fc.path, l.c.URN, res.counts(), len(res.files), filepath.Join(f.dir, fc.name)), exitOK
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
