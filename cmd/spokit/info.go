package main

import (
	"cmp"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"

	"github.com/spokit/spokit/casefile/screen"

	"github.com/spokit/spokit/casefile/synth"

	"github.com/spokit/spokit/casefile"
)

var sampleCommand = command{
	name:    "sample",
	summary: "print the fictional sample case as JSON, or generate one of any size; -o writes it with its exhibit files",
	usage:   "[-o DIR] [--incidents N] [--statements M] [--pages P] [--exhibits K] [--images I] [--unused U] [--seed S]",
	run:     runSample,
}

func runSample(e *env, c *command, args []string) int {
	flags := newFlags(e, c)
	dir := flags.String("o", "", "write case.json and its exhibit files into `DIR` instead of printing the case")
	var opts synth.Options
	sizes := []struct {
		name  string
		value *int
		usage string
	}{
		{"incidents", &opts.Incidents, "generate a case with `N` incidents (0: 12; at least 2)"},
		{"statements", &opts.Statements, "generate a case with `M` witness statements (0: 4)"},
		{"pages", &opts.StatementPages, "make each statement about `P` typed pages long (0: 2)"},
		{"exhibits", &opts.Exhibits, "generate a case with `K` exhibits (0: 8), up to two of them with a PDF file"},
		{"images", &opts.ImageExhibits, "give `I` of the exhibits a PNG or JPEG file (0: 3; at most K)"},
		{"unused", &opts.Unused, "generate a case with `U` items of unused material (0: 6)"},
	}
	for _, s := range sizes {
		flags.IntVar(s.value, s.name, 0, s.usage)
	}
	flags.Int64Var(&opts.Seed, "seed", 0, "generate the case from `S`: the same seed and sizes give the same case")
	args, status, ok := parse(e, flags, args)
	if !ok {
		return status
	}
	if len(args) > 0 {
		flags.Usage()
		return exitInput
	}
	for _, s := range sizes {
		if *s.value < 0 {
			fmt.Fprintf(e.stderr, "spokit: --%s is %d; give a number of at least 0\n", s.name, *s.value)
			return exitInput
		}
	}
	// Sizes the generator would silently change are refused instead.
	if opts.Incidents == 1 {
		fmt.Fprintln(e.stderr, "spokit: --incidents is 1; a course of conduct needs at least 2 (or 0 for the default, 12)")
		return exitInput
	}
	if exhibits := cmp.Or(opts.Exhibits, 8); opts.ImageExhibits > exhibits {
		fmt.Fprintf(e.stderr, "spokit: --images is %d, more than the %d exhibits; give at most %d\n", opts.ImageExhibits, exhibits, exhibits)
		return exitInput
	}
	// Any flag but -o asks for a generated case instead of the embedded one.
	synthetic := false
	flags.Visit(func(f *flag.Flag) { synthetic = synthetic || f.Name != "o" })
	var sample, generated *casefile.Case
	var files fs.FS
	if synthetic {
		generated, files = synth.Generate(opts)
		sample = generated
	} else {
		sample, files = casefile.Sample()
	}
	if *dir != "" {
		if err := writeSample(*dir, files, generated); err != nil {
			fmt.Fprintf(e.stderr, "spokit: %v\n", err)
			return exitInput
		}
		return exitOK
	}
	// Printed on its own the case has no folder beside it, so it leaves out
	// the exhibit files and stays valid wherever it is saved.
	for i := range sample.Exhibits {
		sample.Exhibits[i].File = ""
	}
	if err := casefile.Encode(e.stdout, sample); err != nil {
		fmt.Fprintf(e.stderr, "spokit: %v\n", err)
		return exitInput
	}
	return exitOK
}

// writeSample copies a sample's folder into dir. The embedded sample's
// folder holds its case.json; a generated case's folder holds only the
// exhibit files, so the case is passed as c and written beside them. It
// refuses to overwrite anything already there.
func writeSample(dir string, files fs.FS, c *casefile.Case) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if c != nil {
		f, err := os.OpenFile(filepath.Join(dir, "case.json"), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		err = casefile.Encode(f, c)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("writing %s: %w", f.Name(), err)
		}
	}
	return os.CopyFS(dir, files)
}

var schemaCommand = command{
	name:    "schema",
	summary: "print the JSON Schema (draft 2020-12) of the case format, or with --screening of the screen --json output",
	usage:   "[--screening]",
	run: func(e *env, c *command, args []string) int {
		fs := newFlags(e, c)
		screening := fs.Bool("screening", false, "print the schema of the screening output (spokit screen --json) instead")
		args, status, ok := parse(e, fs, args)
		if !ok {
			return status
		}
		if len(args) > 0 {
			fs.Usage()
			return exitInput
		}
		if *screening {
			e.stdout.Write(screen.Schema())
			return exitOK
		}
		e.stdout.Write(casefile.Schema())
		return exitOK
	},
}

var versionCommand = command{
	name:    "version",
	summary: "print spokit's version and the case format it reads",
	usage:   "",
	run: func(e *env, c *command, args []string) int {
		if status, ok := noArgs(e, c, args); !ok {
			return status
		}
		fmt.Fprintf(e.stdout, "spokit %s (case format %s, %s)\n", version(), casefile.FormatV1, runtime.Version())
		return exitOK
	},
}

// version is the module version the binary was built from, or "devel".
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// noArgs parses the flags of a command that takes no arguments.
func noArgs(e *env, c *command, args []string) (int, bool) {
	fs := newFlags(e, c)
	args, status, ok := parse(e, fs, args)
	if ok && len(args) > 0 {
		fs.Usage()
		return exitInput, false
	}
	return status, ok
}
