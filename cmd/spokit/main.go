// Command spokit checks a stalking case file against the law and generates
// the documents the justice system runs on.
//
// Usage:
//
//	spokit <command> [flags] [CASE.json]
//
// Run "spokit help" for the commands and "spokit <command> --help" for the
// flags of one. Exit status: 0 success; 1 the case has error findings
// (whether or not a draft or the forms were still written); 2 the input could
// not be read or decoded, or the command line is wrong; 128 plus the signal's
// number when SIGINT or SIGTERM stopped the command.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
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
	stdin          io.Reader
	stdout, stderr io.Writer
	// ctx is cancelled, with an interrupted cause, when a signal asks the
	// command to stop; nil means never.
	ctx context.Context
	// flags is the flag set the command made last, for completion scripts.
	flags *flag.FlagSet
}

// context returns the command's context (never nil).
func (e *env) context() context.Context {
	if e.ctx == nil {
		return context.Background()
	}
	return e.ctx
}

// input returns standard input (empty in process when not set).
func (e *env) input() io.Reader {
	if e.stdin == nil {
		return strings.NewReader("")
	}
	return e.stdin
}

// interrupted is the cause of a command's cancellation by a signal.
type interrupted struct{ sig os.Signal }

func (i interrupted) Error() string { return "interrupted by " + signalName(i.sig) }

// status is the exit status a shell reports for the signal: 128 plus its
// number.
func (i interrupted) status() int {
	if n, ok := i.sig.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 128 + int(syscall.SIGINT)
}

func signalName(s os.Signal) string {
	switch s {
	case os.Interrupt:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return s.String()
}

// stopped returns the exit status for err when a signal caused it.
func stopped(err error) (int, bool) {
	var i interrupted
	if errors.As(err, &i) {
		return i.status(), true
	}
	return 0, false
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
		serveCommand,
		completionCommand,
	}
}

func main() {
	// The first SIGINT or SIGTERM cancels the command, which then removes
	// what it staged and stops; a second one ends spokit at once.
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sigs
		signal.Stop(sigs)
		cancel(interrupted{s})
	}()
	os.Exit(run(&env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, ctx: ctx}, os.Args[1:]))
}

func run(e *env, args []string) int {
	if len(args) == 0 {
		usage(e.stderr)
		return exitInput
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			return run(e, []string{args[1], "--help"})
		}
		usage(e.stdout)
		return exitOK
	case "--version", "-version":
		return run(e, append([]string{"version"}, args[1:]...))
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
	fmt.Fprintln(w, "\nRun \"spokit <command> --help\" for a command's flags; \"spokit --version\" for the version.")
	fmt.Fprintln(w, "A CASE.json of \"-\" reads the case from standard input.")
	fmt.Fprintln(w, "Exit status: 0 success; 1 error findings (even when a draft or the forms were written);")
	fmt.Fprintln(w, "2 unreadable input or bad command line; 128+N when signal N stopped the command.")
}

// newFlags returns a flag set for c that prints c's usage on --help.
func newFlags(e *env, c *command) *flag.FlagSet {
	fs := flag.NewFlagSet("spokit "+c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: spokit %s %s\n\n%s\n", c.name, c.usage, c.summary)
		if hasFlags(fs) {
			fmt.Fprintln(w, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	e.flags = fs
	return fs
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// parse parses flags that may come before or after the positional
// arguments (spokit validate case.json --json) and returns the positionals.
// It returns ok=false with the exit status when parsing ends the command:
// asked for, the help goes to stdout with status 0; a bad flag's message and
// the usage go to stderr with status 2.
func parse(e *env, fs *flag.FlagSet, args []string) (positional []string, status int, ok bool) {
	var msg bytes.Buffer
	fs.SetOutput(&msg)
	defer fs.SetOutput(e.stderr)
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				e.stdout.Write(msg.Bytes())
				return nil, exitOK, false
			}
			e.stderr.Write(msg.Bytes())
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
