// Command spokit checks a stalking case file against the law and generates
// the documents the justice system runs on.
//
// Usage:
//
//	spokit <command> [flags] [CASE.json]
//
// Run "spokit help" for the commands and "spokit <command> --help" for the
// flags of one. Exit status: 0 success; 1 the case has error findings (or a
// build was refused); 2 the input could not be read or the command line is
// wrong.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// Exit statuses (case-format.md, "The command line contract").
const (
	exitOK       = 0
	exitFindings = 1
	exitInput    = 2
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	usage   string
	run     func(e *env, c *command, args []string) int
}

// env is where a command reads and writes, so tests can run commands in
// process.
type env struct {
	stdout, stderr io.Writer
}

func commands() []command {
	return []command{
		buildCommand,
		validateCommand,
		sampleCommand,
		schemaCommand,
		versionCommand,
		reviewCommand,
		screenCommand,
		formsCommand,
	}
}

func main() {
	os.Exit(run(&env{stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:]))
}

func run(e *env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			return run(e, []string{args[1], "--help"})
		}
		usage(e.stdout)
		if len(args) == 0 {
			return exitInput
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(e, &c, args[1:])
		}
	}
	fmt.Fprintf(e.stderr, "spokit: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return exitInput
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "spokit checks a stalking case file against the law and generates court and CPS documents.")
	fmt.Fprintln(w, "\nUsage:\n  spokit <command> [flags] [CASE.json]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun \"spokit <command> --help\" for a command's flags.")
	fmt.Fprintln(w, "Exit status: 0 success; 1 error findings; 2 unreadable input or bad command line.")
}

// newFlags returns a flag set for c that prints c's usage on --help.
func newFlags(e *env, c *command) *flag.FlagSet {
	fs := flag.NewFlagSet("spokit "+c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: spokit %s %s\n\n%s\n", c.name, c.usage, c.summary)
		if hasFlags(fs) {
			fmt.Fprintln(e.stderr, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// parse parses flags that may come before or after the positional
// arguments (spokit validate case.json --json) and returns the positionals.
// It returns ok=false with the exit status when parsing ends the command.
func parse(fs *flag.FlagSet, args []string) (positional []string, status int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitInput, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, 0, true
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), 0, true
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}
