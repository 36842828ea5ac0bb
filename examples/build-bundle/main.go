// Command build-bundle shows how a program builds the documents of a
// Stalking Protection Order application with the spokit library: it takes
// spokit's sample case (fictional, with exhibit files), validates it, and
// writes the court bundle, the copy served on the respondent and the notice
// of notification requirements.
//
//	go run ./examples/build-bundle spo-bundle.pdf
//
// writes spo-bundle.pdf, spo-bundle-service-copy.pdf and
// spo-bundle-notice.pdf. Add -draft to mark every page DRAFT:
//
//	go run ./examples/build-bundle -draft spo-bundle.pdf
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/spo"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "build-bundle:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	flags := flag.NewFlagSet("build-bundle", flag.ContinueOnError)
	draft := flags.Bool("draft", false, "mark every page DRAFT")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() != 1 || !strings.HasSuffix(flags.Arg(0), ".pdf") {
		return errors.New("give the file to write the bundle to, ending .pdf, e.g. spo-bundle.pdf")
	}
	bundle := flags.Arg(0)
	base := strings.TrimSuffix(bundle, ".pdf")

	// The sample case and the folder its exhibit files are read from. A
	// real program decodes a case file with casefile.Decode and passes
	// os.DirFS(the case file's folder) as Files.
	c, files := casefile.Sample()
	report := casefile.Validate(c, casefile.Options{Files: files, Rules: spo.AllRules()})
	if report.HasErrors() && !*draft {
		return fmt.Errorf("the case has %d errors; fix them, or build with -draft", report.Count(casefile.Error))
	}
	app, err := spo.NewApplication(c)
	if err != nil {
		return err
	}
	opts := spo.BundleOptions{Files: files, Draft: *draft, AsOf: report.AsOf}

	for _, doc := range []struct {
		name  string
		write func(io.Writer, *spo.Application, spo.BundleOptions) error
	}{
		{bundle, spo.WriteBundle},
		{base + "-confidential-annex.pdf", spo.WriteConfidentialAnnex},
		{base + "-service-copy.pdf", spo.WriteServiceCopy},
		{base + "-notice.pdf", spo.WriteNotice},
	} {
		// Write to memory first, so that a failure leaves no half-written file.
		var buf bytes.Buffer
		if err := doc.write(&buf, app, opts); err != nil {
			return fmt.Errorf("%s: %w", doc.name, err)
		}
		if err := os.WriteFile(doc.name, buf.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(out, "wrote %s (%d bytes)\n", doc.name, buf.Len())
	}
	return nil
}
