package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/realclient"
)

func TestBashCompletionCompletesCommandsFlagsAndShells(t *testing.T) {
	bash := realclient.Require(t, "bash")
	status, script, stderr := spokit(t, "completion", "bash")
	require.Equal(t, exitOK, status, stderr)
	path := filepath.Join(t.TempDir(), "spokit.bash")
	require.NoError(t, os.WriteFile(path, []byte(script), 0o644))
	tests := []struct {
		words []string
		want  string
	}{
		{[]string{"spokit", "bu"}, "build"},
		{[]string{"spokit", "--ver"}, "--version"},
		{[]string{"spokit", "build", "--wo"}, "--wording"},
		{[]string{"spokit", "forms", "--dr"}, "--draft"},
		{[]string{"spokit", "sample", "--inc"}, "--incidents"},
		{[]string{"spokit", "completion", "z"}, "zsh"},
		{[]string{"spokit", "help", "scr"}, "screen"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.words, " "), func(t *testing.T) {
			words := "(" + strings.Join(tt.words, " ") + ")"
			cmd := exec.Command(bash, "--norc", "-c", `source "$1"; COMP_WORDS=`+words+`; COMP_CWORD=$((${#COMP_WORDS[@]}-1)); _spokit; echo "${COMPREPLY[*]}"`, "bash", path)
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, string(out))
			assert.Equal(t, tt.want, strings.TrimSpace(string(out)))
		})
	}
}

func TestZshCompletionListsEveryCommandAndLoads(t *testing.T) {
	status, script, _ := spokit(t, "completion", "zsh")
	require.Equal(t, exitOK, status)
	assert.True(t, strings.HasPrefix(script, "#compdef spokit\n"))
	for _, c := range commands() {
		assert.Contains(t, script, "\t"+c.name+") _arguments ", c.name)
	}
	assert.Contains(t, script, "'--wording'")

	zsh := realclient.Require(t, "zsh")
	path := filepath.Join(t.TempDir(), "_spokit")
	require.NoError(t, os.WriteFile(path, []byte(script), 0o644))
	out, err := exec.Command(zsh, "-f", "-c", `autoload -U compinit && compinit -u -d "$2" && source "$1" && print -r -- $_comps[spokit]`, "zsh", path, filepath.Join(t.TempDir(), "zcompdump")).CombinedOutput()
	require.NoError(t, err, string(out))
	assert.Equal(t, "_spokit", strings.TrimSpace(string(out)), "sourcing the script registers the completion")
}
