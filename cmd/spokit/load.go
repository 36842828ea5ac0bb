package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/fserr"
	"github.com/spokit/spokit/templates"
)

// caseSource is the case a command works on: a file, standard input or the
// embedded sample, and the flags that choose it and how it is read.
type caseSource struct {
	sample bool
	asOf   string
	// asJSON is the command's --json: a case that cannot be read is then
	// reported as JSON on stdout too.
	asJSON bool
	// wording is --wording, on commands that render.
	wording string
}

func (s *caseSource) register(fs *flag.FlagSet) {
	fs.BoolVar(&s.sample, "sample", false, "use spokit's embedded sample case instead of a file")
	fs.StringVar(&s.asOf, "as-of", "", "judge the case as of this `DATE` (YYYY-MM-DD) instead of its as_of or today")
}

// registerWording adds --wording to a command that renders documents.
func (s *caseSource) registerWording(fs *flag.FlagSet) {
	fs.StringVar(&s.wording, "wording", "", "layer the force's wording files (`DIR`/*.tmpl) over spokit's defaults")
}

// loadCase parses the flags of a command that works on one case (its own
// flags registered by flags, which may be nil) and loads the case. On
// failure it returns nil and the exit status.
func loadCase(e *env, c *command, args []string, flags func(*flag.FlagSet, *caseSource)) (*loaded, int) {
	fs := newFlags(e, c)
	var src caseSource
	src.register(fs)
	if flags != nil {
		flags(fs, &src)
	}
	args, status, ok := parse(e, fs, args)
	if !ok {
		return nil, status
	}
	return src.load(e, args)
}

// loaded is a decoded case with the folder its exhibit files are in and
// the wording its documents are rendered in.
type loaded struct {
	c     *casefile.Case
	files fs.FS
	asOf  casefile.Date
	// wording is the force's wording (--wording), nil for spokit's own.
	wording *templates.Set
	close   func()
}

// load reads the case named by args ("-" for standard input), or the
// sample. On failure it prints the problem and returns the exit status.
func (s *caseSource) load(e *env, args []string) (*loaded, int) {
	asOf, ok := s.date(e)
	if !ok {
		return nil, exitInput
	}
	wording, ok := s.templates(e)
	if !ok {
		return nil, exitInput
	}
	switch {
	case s.sample && len(args) == 0:
		c, files := casefile.Sample()
		return &loaded{c: c, files: files, asOf: asOf, wording: wording, close: func() {}}, exitOK
	case s.sample || len(args) != 1:
		fmt.Fprintln(e.stderr, "spokit: give one case file, or --sample (a case file of - is read from standard input)")
		return nil, exitInput
	}
	var l *loaded
	var err error
	if args[0] == "-" {
		l, err = readCase(e.input(), ".")
	} else {
		l, err = openCase(args[0])
	}
	if err != nil {
		s.unreadable(e, args[0], err)
		return nil, exitInput
	}
	l.asOf, l.wording = asOf, wording
	return l, exitOK
}

// templates loads --wording, printing the problem when it cannot.
func (s *caseSource) templates(e *env) (*templates.Set, bool) {
	if s.wording == "" {
		return nil, true
	}
	if st, err := os.Stat(s.wording); err != nil || !st.IsDir() {
		fmt.Fprintf(e.stderr, "spokit: --wording %s: not a folder of .tmpl files\n", s.wording)
		return nil, false
	}
	set, err := templates.New(os.DirFS(s.wording))
	if err != nil {
		fmt.Fprintf(e.stderr, "spokit: --wording %s: %v\n", s.wording, err)
		return nil, false
	}
	return set, true
}

// decodeProblem is one reason a case cannot be read, as --json prints it.
type decodeProblem struct {
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
}

// unreadable reports a case that cannot be read: on stderr for a reader
// and, with --json, as {"file", "errors": [{line, column, path, message}]}
// on stdout.
func (s *caseSource) unreadable(e *env, name string, err error) {
	fmt.Fprintf(e.stderr, "spokit: %s: %v\n", name, err)
	if !s.asJSON {
		return
	}
	var problems []decodeProblem
	var bad casefile.DecodeErrors
	if errors.As(err, &bad) {
		for _, d := range bad {
			problems = append(problems, decodeProblem{Line: d.Line, Column: d.Column, Path: d.Path, Message: d.Message})
		}
	} else {
		problems = []decodeProblem{{Message: err.Error()}}
	}
	writeJSON(e.stdout, struct {
		File   string          `json:"file"`
		Errors []decodeProblem `json:"errors"`
	}{name, problems})
}

// date returns the --as-of date (zero when not given), printing the
// problem when it is not a date.
func (s *caseSource) date(e *env) (casefile.Date, bool) {
	if s.asOf == "" {
		return casefile.Date{}, true
	}
	d, err := casefile.ParseDate(s.asOf)
	if err != nil {
		fmt.Fprintf(e.stderr, "spokit: --as-of: %v\n", err)
		return casefile.Date{}, false
	}
	return d, true
}

// openCase decodes the case file at path. Its exhibit files are read
// through an os.Root on the file's folder, so neither ".." nor a symbolic
// link can reach outside it.
func openCase(path string) (*loaded, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fserr.Bare(err)
	}
	defer f.Close()
	return readCase(f, filepath.Dir(path))
}

// readCase decodes a case whose exhibit files are in the folder dir (the
// current folder for a case read from standard input).
func readCase(r io.Reader, dir string) (*loaded, error) {
	c, err := casefile.Decode(r)
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fserr.Bare(err)
	}
	return &loaded{c: c, files: root.FS(), close: func() { root.Close() }}, nil
}
