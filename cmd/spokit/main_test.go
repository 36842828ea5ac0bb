package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/spo"
)

// spokit runs the CLI in process and returns its exit status and output.
func spokit(t *testing.T, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status = run(&env{stdout: &out, stderr: &errOut}, args)
	return status, out.String(), errOut.String()
}

// writeCase writes the sample case, changed by edit, into a fresh folder and
// returns its path.
func writeCase(t *testing.T, edit func(doc map[string]any)) string {
	t.Helper()
	var doc map[string]any
	require.NoError(t, json.Unmarshal(casefile.SampleJSON(), &doc))
	for _, x := range doc["exhibits"].([]any) {
		delete(x.(map[string]any), "file") // the files are not copied beside it
	}
	if edit != nil {
		edit(doc)
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "case.json")
	require.NoError(t, os.WriteFile(path, b, 0o644))
	return path
}

func item(doc map[string]any, list string, i int) map[string]any {
	return doc[list].([]any)[i].(map[string]any)
}

type report struct {
	URN      string             `json:"urn"`
	Findings []casefile.Finding `json:"findings"`
	Errors   int                `json:"errors"`
	Warnings int                `json:"warnings"`
}

func TestValidateExitStatusAndFindings(t *testing.T) {
	tests := []struct {
		name       string
		edit       func(doc map[string]any)
		wantStatus int
		wantRule   string
		wantPath   string
	}{
		{name: "sound case exits 0", wantStatus: exitOK},
		{
			name:       "dangling exhibit ref exits 1 with CASE-REF at its path",
			edit:       func(d map[string]any) { item(d, "incidents", 2)["exhibits"] = []any{"XX/9"} },
			wantStatus: exitFindings, wantRule: "CASE-REF", wantPath: "incidents[2].exhibits[0]",
		},
		{
			name:       "exhibit path escaping the case folder is refused",
			edit:       func(d map[string]any) { item(d, "exhibits", 0)["file"] = "../../etc/passwd" },
			wantStatus: exitFindings, wantRule: "CASE-EXHIBIT-FILE", wantPath: "exhibits[0].file",
		},
		{
			name:       "missing exhibit file is reported",
			edit:       func(d map[string]any) { item(d, "exhibits", 0)["file"] = "exhibits/missing.png" },
			wantStatus: exitFindings, wantRule: "CASE-EXHIBIT-FILE", wantPath: "exhibits[0].file",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, stderr := spokit(t, "validate", "--json", writeCase(t, tt.edit))
			require.Equal(t, tt.wantStatus, status, stderr)
			var r report
			require.NoError(t, json.Unmarshal([]byte(out), &r), out)
			assert.Equal(t, "60NC0217826", r.URN)
			if tt.wantRule == "" {
				assert.Zero(t, r.Errors)
				assert.Zero(t, r.Warnings)
				return
			}
			assert.Contains(t, r.Findings, findingAt(r.Findings, tt.wantRule, tt.wantPath), "findings: %+v", r.Findings)
			assert.Positive(t, r.Errors)
		})
	}
}

func findingAt(fs []casefile.Finding, rule, path string) casefile.Finding {
	for _, f := range fs {
		if f.Rule == rule && f.Path == path {
			return f
		}
	}
	return casefile.Finding{Rule: rule, Path: path}
}

func TestValidateTypoFieldExits2NamingIt(t *testing.T) {
	path := writeCase(t, func(d map[string]any) {
		d["incidnets"] = d["incidents"]
		delete(d, "incidents")
	})
	status, out, stderr := spokit(t, "validate", path)
	assert.Equal(t, exitInput, status)
	assert.Empty(t, out)
	assert.Contains(t, stderr, `unknown field "incidnets"`)
	assert.Contains(t, stderr, `did you mean "incidents"`)
	assert.Contains(t, stderr, "line ")
}

func TestValidateReportsEveryDecodeProblemTogether(t *testing.T) {
	path := writeCase(t, func(d map[string]any) {
		item(d, "incidents", 0)["date"] = "2025-02-30"
		item(d, "incidents", 1)["behaviours"] = []any{"contacting", "stalking"}
		item(d, "people", 0)["role"] = 7
	})
	status, _, stderr := spokit(t, "validate", path)
	assert.Equal(t, exitInput, status)
	assert.Contains(t, stderr, "incidents[0].date")
	assert.Contains(t, stderr, "incidents[1].behaviours[1]")
	assert.Contains(t, stderr, "people[0].role")
}

func TestValidateReadableReportGroupsBySeverity(t *testing.T) {
	path := writeCase(t, func(d map[string]any) {
		item(d, "incidents", 2)["exhibits"] = []any{"XX/9"}
		d["urn"] = "61NC0217826"
	})
	status, out, _ := spokit(t, "validate", path)
	assert.Equal(t, exitFindings, status)
	errAt, warnAt := strings.Index(out, "ERRORS (1)"), strings.Index(out, "WARNINGS (1)")
	require.NotEqual(t, -1, errAt, out)
	require.NotEqual(t, -1, warnAt, out)
	assert.Less(t, errAt, warnAt)
	assert.Contains(t, out, "CASE-REF at incidents[2].exhibits[0]")
	assert.Contains(t, out, "CASE-URN at urn")
	assert.Contains(t, out, "Law: ")
}

func TestValidateAsOfOverridesTheCase(t *testing.T) {
	// Judged before the last incident, that incident is dated in the future.
	status, out, _ := spokit(t, "validate", "--sample", "--json", "--as-of", "2026-01-01")
	assert.Equal(t, exitFindings, status)
	assert.Contains(t, out, `"CASE-DATE"`)

	status, _, stderr := spokit(t, "validate", "--sample", "--as-of", "2026-02-30")
	assert.Equal(t, exitInput, status)
	assert.Contains(t, stderr, "--as-of")
}

func TestValidateSampleIsSound(t *testing.T) {
	status, out, _ := spokit(t, "validate", "--sample")
	assert.Equal(t, exitOK, status, out)
	assert.Contains(t, out, "0 errors, 0 warnings")
}

func TestCommandLineMistakesExit2(t *testing.T) {
	for _, args := range [][]string{
		{"frobnicate"},
		{"validate"},
		{"validate", "a.json", "b.json"},
		{"validate", "--no-such-flag", "x.json"},
		{"validate", filepath.Join(t.TempDir(), "absent.json")},
		{"sample", "extra"},
	} {
		status, _, stderr := spokit(t, args...)
		assert.Equal(t, exitInput, status, "%v", args)
		assert.NotEmpty(t, stderr, "%v", args)
	}
}

func TestHelpForEveryCommand(t *testing.T) {
	for _, c := range commands() {
		status, stdout, stderr := spokit(t, c.name, "--help")
		assert.Equal(t, exitOK, status, c.name)
		assert.Contains(t, stdout, "Usage: spokit "+c.name, c.name)
		assert.Empty(t, stderr, c.name)
	}
	status, out, _ := spokit(t, "help")
	assert.Equal(t, exitOK, status)
	for _, c := range commands() {
		assert.Contains(t, out, c.name)
	}
}

func TestSamplePrintsAValidCase(t *testing.T) {
	status, out, _ := spokit(t, "sample")
	require.Equal(t, exitOK, status)
	c, err := casefile.Decode(strings.NewReader(out))
	require.NoError(t, err)
	assert.False(t, casefile.Validate(c, casefile.Options{}).HasErrors())
}

func TestSampleWithFilesIsSound(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sample")
	status, _, stderr := spokit(t, "sample", "-o", dir)
	require.Equal(t, exitOK, status, stderr)
	assert.FileExists(t, filepath.Join(dir, "exhibits", "note-OJ1.png"))
	status, out, _ := spokit(t, "validate", filepath.Join(dir, "case.json"))
	assert.Equal(t, exitOK, status, out)
	assert.Contains(t, out, "0 errors, 0 warnings")

	status, _, stderr = spokit(t, "sample", "-o", dir)
	assert.Equal(t, exitInput, status, "must not overwrite")
	assert.Contains(t, stderr, "exists")
}

func TestSchemaIsJSONSchema2020(t *testing.T) {
	status, out, _ := spokit(t, "schema")
	require.Equal(t, exitOK, status)
	var s map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &s))
	assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", s["$schema"])
}

func TestVersionNamesTheFormat(t *testing.T) {
	status, out, _ := spokit(t, "version")
	assert.Equal(t, exitOK, status)
	assert.Contains(t, out, casefile.FormatV1)
}

func TestREADMEListsEveryRule(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	for _, r := range spo.AllRules() {
		assert.Contains(t, string(readme), fmt.Sprintf("| `%s` | %s | %s |", r.ID, r.Severity, r.Citation))
	}
}
