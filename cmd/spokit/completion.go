package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

var completionCommand = command{
	name:    "completion",
	summary: "print a shell completion script for bash or zsh",
	usage:   "bash | zsh",
}

// The script lists every command, this one included, so its run is set
// here rather than in the declaration, which would be an initialisation
// cycle.
func init() { completionCommand.run = runCompletion }

// runCompletion prints the completion script of a shell. The commands and
// flags come from the commands themselves, so the script never goes stale:
//
//	source <(spokit completion bash)    # in ~/.bashrc
//	source <(spokit completion zsh)     # in ~/.zshrc, after compinit
func runCompletion(e *env, c *command, args []string) int {
	fs := newFlags(e, c)
	args, status, ok := parse(e, fs, args)
	if !ok {
		return status
	}
	if len(args) != 1 || (args[0] != "bash" && args[0] != "zsh") {
		fs.Usage()
		return exitInput
	}
	cmds := completions()
	if args[0] == "bash" {
		writeBashCompletion(e.stdout, cmds)
	} else {
		writeZshCompletion(e.stdout, cmds)
	}
	return exitOK
}

// completion is one command with the flags it accepts, spelled as typed
// (-o, --draft).
type completion struct {
	name, summary string
	flags         []string
}

// completions lists every command and its flags, found by asking each
// command for its help with the output thrown away.
func completions() []completion {
	var out []completion
	for _, c := range commands() {
		e := &env{stdout: io.Discard, stderr: io.Discard}
		c.run(e, &c, []string{"--help"})
		comp := completion{name: c.name, summary: c.summary}
		if e.flags != nil {
			e.flags.VisitAll(func(f *flag.Flag) {
				if len(f.Name) == 1 {
					comp.flags = append(comp.flags, "-"+f.Name)
				} else {
					comp.flags = append(comp.flags, "--"+f.Name)
				}
			})
		}
		out = append(out, comp)
	}
	return out
}

func writeBashCompletion(w io.Writer, cmds []completion) {
	names := []string{"help", "--help", "--version"}
	for _, c := range cmds {
		names = append(names, c.name)
	}
	fmt.Fprintf(w, `# bash completion for spokit. Load it with: source <(spokit completion bash)
_spokit() {
	local cur=${COMP_WORDS[COMP_CWORD]} flags=""
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "%s" -- "$cur"))
		return
	fi
	case ${COMP_WORDS[1]} in
`, strings.Join(names, " "))
	for _, c := range cmds {
		if c.name == "completion" {
			continue // completes a shell's name, below
		}
		fmt.Fprintf(w, "\t%s) flags=\"%s\" ;;\n", c.name, strings.Join(append(c.flags, "--help"), " "))
	}
	fmt.Fprint(w, `	help) COMPREPLY=($(compgen -W "`+strings.Join(names[3:], " ")+`" -- "$cur")); return ;;
	completion) COMPREPLY=($(compgen -W "bash zsh" -- "$cur")); return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$flags" -- "$cur"))
	else
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
complete -o filenames -F _spokit spokit
`)
}

func writeZshCompletion(w io.Writer, cmds []completion) {
	fmt.Fprint(w, `#compdef spokit
# zsh completion for spokit. Load it with: source <(spokit completion zsh)
_spokit() {
	local -a commands
	commands=(
`)
	for _, c := range cmds {
		fmt.Fprintf(w, "\t\t%s\n", zshQuote(c.name+":"+c.summary))
	}
	fmt.Fprint(w, `	)
	if (( CURRENT == 2 )); then
		_describe 'command' commands
		return
	fi
	case $words[2] in
`)
	for _, c := range cmds {
		specs := make([]string, 0, len(c.flags)+2)
		for _, f := range append(c.flags, "--help") {
			specs = append(specs, zshQuote(f))
		}
		switch c.name {
		case "completion":
			specs = append(specs, "'1:shell:(bash zsh)'")
		default:
			specs = append(specs, "'*:file:_files'")
		}
		fmt.Fprintf(w, "\t%s) _arguments %s ;;\n", c.name, strings.Join(specs, " "))
	}
	fmt.Fprint(w, `	help) _describe 'command' commands ;;
	esac
}
if [ "$funcstack[1]" = "_spokit" ]; then
	_spokit "$@"
else
	compdef _spokit spokit
fi
`)
}

// zshQuote quotes s for zsh in single quotes.
func zshQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
