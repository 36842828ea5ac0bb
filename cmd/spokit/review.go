package main

import (
	"fmt"
	"os"

	"github.com/spokit/spokit/casefile/workbook"

	"github.com/spokit/spokit/internal/fserr"
)

var reviewCommand = command{
	name:    "review",
	summary: "print the decisions recorded in a workbook's Review sheet as JSON",
	usage:   "WORKBOOK.xlsx",
	run:     runReview,
}

// runReview reads back a prosecution (or sensitive material) workbook the
// CPS has filled in. Exit status 2 when it cannot: not our workbook, a
// changed layout, or a value that is not a decision or a date.
func runReview(e *env, c *command, args []string) int {
	fs := newFlags(e, c)
	args, status, ok := parse(e, fs, args)
	if !ok {
		return status
	}
	if len(args) != 1 {
		fs.Usage()
		return exitInput
	}
	rv, err := readReview(args[0])
	if err != nil {
		fmt.Fprintf(e.stderr, "spokit: %s: %v\n", args[0], err)
		return exitInput
	}
	if err := writeJSON(e.stdout, rv); err != nil {
		fmt.Fprintf(e.stderr, "spokit: %v\n", err)
		return exitInput
	}
	return exitOK
}

// readReview reads the workbook at path. Large parts of it are unpacked
// into a private temporary directory (mode 0700) that is removed after.
func readReview(path string) (*workbook.Review, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fserr.Bare(err)
	}
	defer f.Close()
	tmp, err := os.MkdirTemp("", "spokit-review-")
	if err != nil {
		return nil, fmt.Errorf("creating a temporary directory: %w", err)
	}
	defer os.RemoveAll(tmp)
	return workbook.ReadReview(f, workbook.ReviewOptions{TmpDir: tmp})
}
