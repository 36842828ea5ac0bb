package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stream is what a test expects on stdout or stderr.
type stream int

const (
	empty    stream = iota // nothing at all
	anything               // something (what is checked elsewhere)
)

// The README's exit-status contract, command by command: 0 success; 1 the
// case has error findings (even when a draft or the forms were written); 2
// the input cannot be read or decoded, or the command line is wrong.
// Results go to stdout, diagnostics to stderr; help goes to stdout.
func TestEveryCommandKeepsTheExitStatusContract(t *testing.T) {
	dir := t.TempDir()
	valid := writeCase(t, nil)
	withErrors := writeCase(t, func(d map[string]any) { d["spo"].(map[string]any)["terms"] = []any{} })
	undecodable := filepath.Join(dir, "undecodable.json")
	require.NoError(t, os.WriteFile(undecodable, []byte(`{"format": "spokit.case/v1", "urn": 7`), 0o644))
	notWorkbook := filepath.Join(dir, "not.xlsx")
	require.NoError(t, os.WriteFile(notWorkbook, []byte("not a workbook"), 0o644))
	out := func() string { return filepath.Join(t.TempDir(), "out") }

	tests := []struct {
		name           string
		args           []string
		status         int
		stdout, stderr stream
		stderrHas      string
	}{
		{"validate a valid case", []string{"validate", valid}, exitOK, anything, empty, ""},
		{"validate a case with errors", []string{"validate", withErrors}, exitFindings, anything, empty, ""},
		{"validate an undecodable case", []string{"validate", undecodable}, exitInput, empty, anything, "urn"},
		{"validate --json an undecodable case", []string{"validate", "--json", undecodable}, exitInput, anything, anything, "urn"},
		{"validate with a bad flag", []string{"validate", "--colour", valid}, exitInput, empty, anything, "flag provided but not defined"},

		{"screen a valid case", []string{"screen", valid}, exitOK, anything, empty, ""},
		{"screen a case with errors (screening finds nothing)", []string{"screen", withErrors}, exitOK, anything, empty, ""},
		{"screen an undecodable case", []string{"screen", undecodable}, exitInput, empty, anything, "urn"},
		{"screen with a bad flag", []string{"screen", "--colour", valid}, exitInput, empty, anything, "flag provided but not defined"},

		{"forms of a valid case", []string{"forms", "-o", out(), valid}, exitOK, anything, empty, ""},
		{"forms of a case with errors are written", []string{"forms", "-o", out(), withErrors}, exitFindings, anything, anything, "error finding"},
		{"forms of an undecodable case", []string{"forms", "-o", out(), undecodable}, exitInput, empty, anything, "urn"},
		{"forms with a bad flag", []string{"forms", "--colour", valid}, exitInput, empty, anything, "flag provided but not defined"},

		{"build a valid case", []string{"build", "-o", out(), valid}, exitOK, anything, anything, "SPO-TERM-CONFLICT"},
		{"build refuses a case with errors", []string{"build", "-o", out(), withErrors}, exitFindings, empty, anything, "not built"},
		{"build --draft of a case with errors", []string{"build", "--draft", "-o", out(), withErrors}, exitFindings, anything, anything, "SPO-TERMS"},
		{"build an undecodable case", []string{"build", "-o", out(), undecodable}, exitInput, empty, anything, "urn"},
		{"build with a bad flag", []string{"build", "--colour", valid}, exitInput, empty, anything, "flag provided but not defined"},
		{"build with -j 0", []string{"build", "-j", "0", "-o", out(), valid}, exitInput, empty, anything, "-j is 0"},
		{"build with -j -3", []string{"build", "-j", "-3", "-o", out(), valid}, exitInput, empty, anything, "-j is -3"},

		{"review a file that is not a workbook", []string{"review", notWorkbook}, exitInput, empty, anything, "not.xlsx"},
		{"review with a bad flag", []string{"review", "--colour", notWorkbook}, exitInput, empty, anything, "flag provided but not defined"},

		{"sample", []string{"sample"}, exitOK, anything, empty, ""},
		{"sample with --incidents 1", []string{"sample", "--incidents", "1"}, exitInput, empty, anything, "--incidents is 1"},
		{"sample with more images than exhibits", []string{"sample", "--exhibits", "2", "--images", "3"}, exitInput, empty, anything, "--images is 3"},
		{"sample with a bad flag", []string{"sample", "--colour"}, exitInput, empty, anything, "flag provided but not defined"},
		{"schema", []string{"schema"}, exitOK, anything, empty, ""},
		{"schema with an argument", []string{"schema", "extra"}, exitInput, empty, anything, "Usage"},
		{"version", []string{"version"}, exitOK, anything, empty, ""},
		{"--version", []string{"--version"}, exitOK, anything, empty, ""},
		{"completion bash", []string{"completion", "bash"}, exitOK, anything, empty, ""},
		{"completion of an unknown shell", []string{"completion", "fish"}, exitInput, empty, anything, "Usage"},

		{"no command", nil, exitInput, empty, anything, "Usage"},
		{"an unknown command", []string{"frobnicate"}, exitInput, empty, anything, "unknown command"},
		{"help", []string{"help"}, exitOK, anything, empty, ""},
		{"--help", []string{"--help"}, exitOK, anything, empty, ""},
		{"help build", []string{"help", "build"}, exitOK, anything, empty, ""},
		{"build --help", []string{"build", "--help"}, exitOK, anything, empty, ""},
		{"help of an unknown command", []string{"help", "frobnicate"}, exitInput, empty, anything, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, stdout, stderr := spokit(t, tt.args...)
			assert.Equal(t, tt.status, status, "stderr: %s", stderr)
			checkStream(t, "stdout", stdout, tt.stdout)
			checkStream(t, "stderr", stderr, tt.stderr)
			assert.Contains(t, stderr, tt.stderrHas)
		})
	}
}

func checkStream(t *testing.T, name, got string, want stream) {
	t.Helper()
	if want == empty {
		assert.Empty(t, got, name)
	} else {
		assert.NotEmpty(t, got, name)
	}
}

func TestHelpIsTheSameWhereverItIsAskedFor(t *testing.T) {
	_, want, _ := spokit(t, "build", "--help")
	for _, args := range [][]string{{"help", "build"}, {"build", "-h"}, {"build", "--sample", "--help"}} {
		status, got, stderr := spokit(t, args...)
		assert.Equal(t, exitOK, status, "%v", args)
		assert.Equal(t, want, got, "%v", args)
		assert.Empty(t, stderr, "%v", args)
	}
}

func TestValidateJSONReportsDecodeErrorsWithLineAndPath(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "case.json")
	require.NoError(t, os.WriteFile(bad, []byte("{\n  \"format\": \"spokit.case/v1\",\n  \"urn\": 7\n}\n"), 0o644))
	status, stdout, _ := spokit(t, "validate", "--json", bad)
	assert.Equal(t, exitInput, status)
	var got struct {
		File   string `json:"file"`
		Errors []struct {
			Line    int    `json:"line"`
			Column  int    `json:"column"`
			Path    string `json:"path"`
			Message string `json:"message"`
		} `json:"errors"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	assert.Equal(t, bad, got.File)
	require.NotEmpty(t, got.Errors)
	var urn bool
	for _, e := range got.Errors {
		assert.NotEmpty(t, e.Message)
		if e.Path == "urn" {
			urn = true
			assert.Equal(t, 3, e.Line)
			assert.Positive(t, e.Column)
		}
	}
	assert.True(t, urn, "the wrong type of urn is reported at its path: %+v", got.Errors)

	status, stdout, _ = spokit(t, "validate", "--json", filepath.Join(t.TempDir(), "missing.json"))
	assert.Equal(t, exitInput, status)
	assert.Contains(t, stdout, `"message"`, "a file that cannot be opened is reported as JSON too")
}

func TestADashReadsTheCaseFromStandardInput(t *testing.T) {
	valid, err := os.ReadFile(writeCase(t, nil))
	require.NoError(t, err)
	tests := []struct {
		name   string
		args   []string
		input  string
		status int
	}{
		{"validate", []string{"validate", "-"}, string(valid), exitOK},
		{"screen --json", []string{"screen", "--json", "-"}, string(valid), exitOK},
		{"build", []string{"build", "-o", filepath.Join(t.TempDir(), "out"), "-"}, string(valid), exitOK},
		{"validate an undecodable case", []string{"validate", "-"}, "{", exitInput},
		{"validate nothing", []string{"validate", "-"}, "", exitInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status := run(&env{stdin: strings.NewReader(tt.input), stdout: &out, stderr: &errOut}, tt.args)
			assert.Equal(t, tt.status, status, errOut.String())
			if tt.status == exitInput {
				assert.Contains(t, errOut.String(), "-: ", "the message names standard input as -")
			}
		})
	}
}

func TestBuildListsItsFindings(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	status, stdout, stderr := spokit(t, "build", "--sample", "-o", out)
	require.Equal(t, exitOK, status, stderr)
	assert.Contains(t, stdout, "Wrote")
	b, err := os.ReadFile(filepath.Join(out, "findings.json"))
	require.NoError(t, err)
	var r report
	require.NoError(t, json.Unmarshal(b, &r))
	require.NotEmpty(t, r.Findings, "the sample has a note to list")
	for _, f := range r.Findings {
		assert.Contains(t, stderr, f.Rule+" at "+f.Path, "every finding counted is listed")
	}
}

func TestVersionFlagPrintsTheVersion(t *testing.T) {
	_, want, _ := spokit(t, "version")
	status, got, _ := spokit(t, "--version")
	assert.Equal(t, exitOK, status)
	assert.Equal(t, want, got)
	assert.True(t, strings.HasPrefix(got, "spokit "))
}
