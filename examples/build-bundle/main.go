// Command build-bundle shows how a program builds a case the way the
// spokit command does, through the library's front door (package spokit):
// it takes spokit's sample case (fictional, with exhibit files), validates
// it with every rule, renders the documents of its Stalking Protection
// Order application, its MG forms and workbooks, and writes them into a
// folder as one set, with a manifest naming who each file is for.
//
//	go run ./examples/build-bundle out
//
// writes out/spo-bundle.pdf, out/spo-service-copy.pdf, out/spo-notice.pdf
// and the rest. Add -draft to build a case with errors, DRAFT on every
// page:
//
//	go run ./examples/build-bundle -draft out
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spokit/spokit"
	"github.com/spokit/spokit/casefile"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "build-bundle:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	flags := flag.NewFlagSet("build-bundle", flag.ContinueOnError)
	draft := flags.Bool("draft", false, "build a case with errors, DRAFT on every page")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() != 1 {
		return errors.New("give the folder to write the documents into, e.g. out")
	}
	dir := flags.Arg(0)

	// The sample case and the folder its exhibit files are read from. A
	// real program decodes a case file with casefile.Decode and passes an
	// os.Root's FS on the case file's folder as Files.
	c, files := casefile.Sample()
	ctx := context.Background()
	res, err := spokit.Build(ctx, c, spokit.Settings{Files: files, Draft: *draft})
	if errors.Is(err, spokit.ErrCaseHasErrors) {
		return fmt.Errorf("the case has %d errors; fix them, or build with -draft", res.Report.Count(casefile.Error))
	}
	if err != nil {
		return err
	}
	// Every file at once: the folder holds the new set, and nothing of a
	// previous build, or (on failure) what it held before.
	if err := spokit.WriteFolder(ctx, dir, res.Outputs); err != nil {
		return err
	}
	for _, o := range res.Outputs {
		fmt.Fprintf(out, "wrote %s for the %s (%d bytes)\n", filepath.Join(dir, o.Name), o.Audience, len(o.Data))
	}
	return nil
}
