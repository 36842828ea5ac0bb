package main

import (
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/spokit/spokit/casefile"
)

var sampleCommand = command{
	name:    "sample",
	summary: "print spokit's embedded, fictional sample case as JSON, or write it with its exhibit files (-o)",
	usage:   "[-o DIR]",
	run:     runSample,
}

func runSample(e *env, c *command, args []string) int {
	fs := newFlags(e, c)
	dir := fs.String("o", "", "write case.json and its exhibit files into `DIR` instead of printing the case")
	args, status, ok := parse(fs, args)
	if !ok {
		return status
	}
	if len(args) > 0 {
		fs.Usage()
		return exitInput
	}
	sample, files := casefile.Sample()
	if *dir != "" {
		if err := writeSample(*dir, files); err != nil {
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

// writeSample copies the sample case and its exhibit files into dir,
// refusing to overwrite anything already there.
func writeSample(dir string, files fs.FS) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.CopyFS(dir, files)
}

var schemaCommand = command{
	name:    "schema",
	summary: "print the JSON Schema (draft 2020-12) of the case format",
	usage:   "",
	run: func(e *env, c *command, args []string) int {
		if status, ok := noArgs(e, c, args); !ok {
			return status
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
	args, status, ok := parse(fs, args)
	if ok && len(args) > 0 {
		fs.Usage()
		return exitInput, false
	}
	return status, ok
}
