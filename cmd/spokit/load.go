package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spokit/spokit/casefile"
)

// caseSource is the case a command works on: a file, or the embedded
// sample, and the flags that choose it.
type caseSource struct {
	sample bool
	asOf   string
}

func (s *caseSource) register(fs *flag.FlagSet) {
	fs.BoolVar(&s.sample, "sample", false, "use spokit's embedded sample case instead of a file")
	fs.StringVar(&s.asOf, "as-of", "", "judge the case as of this `DATE` (YYYY-MM-DD) instead of its as_of or today")
}

// loadCase parses the flags of a command that works on one case (its own
// flags registered by flags, which may be nil) and loads the case. On
// failure it returns nil and the exit status.
func loadCase(e *env, c *command, args []string, flags func(*flag.FlagSet)) (*loaded, int) {
	fs := newFlags(e, c)
	var src caseSource
	src.register(fs)
	if flags != nil {
		flags(fs)
	}
	args, status, ok := parse(fs, args)
	if !ok {
		return nil, status
	}
	return src.load(e, args)
}

// loaded is a decoded case with the folder its exhibit files are in.
type loaded struct {
	c     *casefile.Case
	files fs.FS
	asOf  casefile.Date
	close func()
}

// load reads the case named by args (or the sample). On failure it prints
// the problem and returns the exit status.
func (s *caseSource) load(e *env, args []string) (*loaded, int) {
	asOf, ok := s.date(e)
	if !ok {
		return nil, exitInput
	}
	switch {
	case s.sample && len(args) == 0:
		c, files := casefile.Sample()
		return &loaded{c: c, files: files, asOf: asOf, close: func() {}}, exitOK
	case s.sample || len(args) != 1:
		fmt.Fprintln(e.stderr, "spokit: give one case file, or --sample")
		return nil, exitInput
	}
	l, err := openCase(args[0])
	if err != nil {
		fmt.Fprintf(e.stderr, "spokit: %s: %v\n", args[0], err)
		return nil, exitInput
	}
	l.asOf = asOf
	return l, exitOK
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
		return nil, unwrapPath(err)
	}
	defer f.Close()
	c, err := casefile.Decode(f)
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(filepath.Dir(path))
	if err != nil {
		return nil, unwrapPath(err)
	}
	return &loaded{c: c, files: root.FS(), close: func() { root.Close() }}, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
