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

	"github.com/spokit/spokit/internal/realclient"
)

// formsCLI runs the forms command in process.
func formsCLI(args ...string) (status int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	status = runForms(&env{stdout: &out, stderr: &errOut}, &formsCommand, args)
	return status, out.String(), errOut.String()
}

// exampleForms are the forms of the case format's example, which has three
// statements.
var exampleForms = []string{"MG11-ST1-contact.pdf", "MG11-ST1.pdf", "MG11-ST2-contact.pdf", "MG11-ST2.pdf", "MG11-ST3-contact.pdf", "MG11-ST3.pdf",
	"MG12.pdf", "MG3.pdf", "MG5.pdf", "MG6C.pdf", "MG6D.pdf", "MG9.pdf", "case-review.pdf"}

var sampleForms = []string{"MG11-ST1-contact.pdf", "MG11-ST1.pdf", "MG11-ST2-contact.pdf", "MG11-ST2.pdf", "MG11-ST3-contact.pdf", "MG11-ST3.pdf",
	"MG11-ST4-contact.pdf", "MG11-ST4.pdf", "MG12.pdf", "MG3.pdf", "MG5.pdf", "MG6C.pdf", "MG6D.pdf", "MG9.pdf", "case-review.pdf"}

// listDir returns the names in dir, sorted, hidden ones included.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// exampleCaseFile copies the format documentation's example case into a
// fresh folder and returns its path.
func exampleCaseFile(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "casefile", "testdata", "case-example.json"))
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "case.json")
	require.NoError(t, os.WriteFile(path, b, 0o600))
	return path
}

func TestFormsWritesEveryForm(t *testing.T) {
	tests := []struct {
		name string
		args func(t *testing.T) []string
		want []string
		urn  string
	}{
		{name: "the sample", args: func(*testing.T) []string { return []string{"--sample"} }, want: sampleForms, urn: "60NC0217826"},
		{name: "a case file", args: func(t *testing.T) []string { return []string{exampleCaseFile(t)} }, want: exampleForms, urn: "07CW0456125"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "forms")
			status, stdout, stderr := formsCLI(append(tt.args(t), "-o", dir)...)
			require.Equal(t, exitOK, status, stderr)
			assert.Empty(t, stderr)
			assert.Equal(t, tt.want, listDir(t, dir), "every form and nothing else (no staging folder left)")
			var printed []string
			for _, name := range tt.want {
				printed = append(printed, filepath.Join(dir, name))
			}
			assert.Equal(t, strings.Join(printed, "\n")+"\n", stdout)
			for _, name := range tt.want {
				pdf, err := os.ReadFile(filepath.Join(dir, name))
				require.NoError(t, err)
				realclient.QPDFCheck(t, pdf)
				assert.Contains(t, realclient.PDFText(t, pdf), "URN "+tt.urn, name)
			}
		})
	}
}

func TestFormsFlagsDateAndMarkTheForms(t *testing.T) {
	dir := t.TempDir()
	status, _, stderr := formsCLI("--sample", "--as-of", "2026-04-09", "--draft", "-o", dir)
	require.Equal(t, exitOK, status, stderr)
	pdf, err := os.ReadFile(filepath.Join(dir, "MG12.pdf"))
	require.NoError(t, err)
	assert.Equal(t, "2026-04-09T00:00:00Z", realclient.Info(t, pdf)["CreationDate"])
	text := realclient.PDFText(t, pdf)
	assert.Contains(t, text, "9 April 2026")
	assert.Regexp(t, `DRAFT\s+OFFICIAL-SENSITIVE`, text)
}

func TestFormsWritesIntoOutByDefault(t *testing.T) {
	t.Chdir(t.TempDir())
	status, stdout, stderr := formsCLI("--sample")
	require.Equal(t, exitOK, status, stderr)
	assert.Equal(t, sampleForms, listDir(t, "out"))
	assert.Contains(t, stdout, filepath.Join("out", "MG5.pdf"))
}

func TestFormsOfACaseWithErrorsAreWrittenAndTheErrorsNamed(t *testing.T) {
	path := writeCase(t, func(d map[string]any) {
		item(d, "charges", 0)["offence"] = "PHA1997-s4" // needs two occasions of fear
		item(d, "incidents", 5)["victim_feared_violence"] = false
	})
	dir := t.TempDir()
	status, _, stderr := formsCLI(path, "-o", dir)
	require.Equal(t, exitFindings, status, "written, but the case has errors")
	assert.Contains(t, stderr, "1 error finding")
	for _, name := range []string{"MG3.pdf", "case-review.pdf"} {
		pdf, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		assert.Contains(t, realclient.PDFText(t, pdf), "FEAR-OCCASIONS", name)
	}
	mg5, err := os.ReadFile(filepath.Join(dir, "MG5.pdf"))
	require.NoError(t, err)
	assert.NotContains(t, realclient.PDFText(t, mg5), "FEAR-OCCASIONS", "the MG5 is disclosed: no rule ids")
}

func TestFormsWritesNothingWhenAFormFails(t *testing.T) {
	path := writeCase(t, func(d map[string]any) {
		st := item(d, "statements", 0)
		clone := map[string]any{}
		for k, v := range st {
			clone[k] = v
		}
		clone["id"] = "ST/1" // maps to the same file name as ST_1
		st["id"] = "ST_1"
		d["statements"] = append(d["statements"].([]any), clone)
		for _, in := range d["incidents"].([]any) {
			in.(map[string]any)["statements"] = []any{"ST_1"}
		}
		item(d, "impact", 0)["statement"] = "ST_1"
	})
	dir := filepath.Join(t.TempDir(), "forms")
	status, stdout, stderr := formsCLI(path, "-o", dir)
	assert.Equal(t, exitInput, status)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "MG11-ST_1.pdf")
	assert.NoDirExists(t, dir, "no form written, no staging folder or output folder left")
}

func TestFormsRefusesBadInput(t *testing.T) {
	notJSON := filepath.Join(t.TempDir(), "case.json")
	require.NoError(t, os.WriteFile(notJSON, []byte("{"), 0o600))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no case", nil, "give one case file, or --sample"},
		{"unreadable case", []string{notJSON}, "case.json"},
		{"bad date", []string{"--sample", "--as-of", "2026-02-30"}, "--as-of"},
		{"unknown flag", []string{"--sample", "--colour"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			status, stdout, stderr := formsCLI(append(tt.args, "-o", dir)...)
			assert.Equal(t, exitInput, status)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tt.want)
			assert.Empty(t, listDir(t, dir))
		})
	}
}

func TestFormsHelpDescribesTheCommand(t *testing.T) {
	status, stdout, _ := formsCLI("--help")
	assert.Equal(t, exitOK, status)
	for _, w := range []string{"Usage: spokit forms [-o DIR] [--as-of DATE] [--draft] [--wording DIR] CASE.json | - | --sample", "-o DIR", "-draft", "-sample", "-wording DIR"} {
		assert.Contains(t, stdout, w)
	}
}

// The forms of the sample validate as the validate command does (SPO rules
// included), so the findings on the MG5 match spokit validate --json.
func TestFormsListTheFindingsValidateReports(t *testing.T) {
	path := writeCase(t, func(d map[string]any) { d["spo"].(map[string]any)["duration"] = "forever" })
	_, stdout, _ := spokit(t, "validate", "--json", path)
	var r report
	require.NoError(t, json.Unmarshal([]byte(stdout), &r))
	require.NotEmpty(t, r.Findings)
	dir := t.TempDir()
	status, _, stderr := formsCLI(path, "-o", dir)
	require.Equal(t, exitFindings, status, stderr)
	pdf, err := os.ReadFile(filepath.Join(dir, "MG3.pdf"))
	require.NoError(t, err)
	text := realclient.PDFText(t, pdf)
	for _, f := range r.Findings {
		assert.Contains(t, text, f.Rule)
	}
}
