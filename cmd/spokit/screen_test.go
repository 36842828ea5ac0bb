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
	"github.com/spokit/spokit/casefile/screen"
	"github.com/spokit/spokit/templates"
)

// screenCmd runs the screen command in process.
func screenCmd(t *testing.T, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status = runScreen(&env{stdout: &out, stderr: &errOut}, &screenCommand, args)
	return status, out.String(), errOut.String()
}

// libraryJSON is the JSON of the library's screening of the case at path.
func libraryJSON(t *testing.T, path string, asOf casefile.Date) string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	c, err := casefile.Decode(f)
	require.NoError(t, err)
	explained, err := screen.Screen(c, asOf).Explained(templates.Default())
	require.NoError(t, err)
	b, err := json.Marshal(explained)
	require.NoError(t, err)
	return string(b)
}

func TestScreenJSONIsTheLibraryScreening(t *testing.T) {
	// The sample with its only crime reference removed: stalking with no
	// crime record to carry it.
	path := writeCase(t, func(d map[string]any) { delete(item(d, "incidents", 0), "crime_reference") })
	tests := []struct {
		name string
		args []string
		asOf casefile.Date
	}{
		{name: "judged on the case's as_of", args: []string{"--json", path}},
		{name: "judged on --as-of", args: []string{path, "--json", "--as-of", "2026-09-01"}, asOf: mustDate(t, "2026-09-01")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := screenCmd(t, tt.args...)
			require.Equal(t, exitOK, status, errOut)
			assert.JSONEq(t, libraryJSON(t, path, tt.asOf), out)
			var s screen.Screening
			require.NoError(t, json.Unmarshal([]byte(out), &s))
			assert.Equal(t, screen.IndicatorUnknown, s.Recording.State)
		})
	}
}

func TestScreenJSONOfTheSample(t *testing.T) {
	status, out, _ := screenCmd(t, "--sample", "--json")
	require.Equal(t, exitOK, status)
	c, _ := casefile.Sample()
	explained, err := screen.Screen(c, casefile.Date{}).Explained(templates.Default())
	require.NoError(t, err)
	want, err := json.Marshal(explained)
	require.NoError(t, err)
	assert.JSONEq(t, string(want), out)
	assert.Contains(t, out, `"state": "fits"`, "indented JSON, states as words")
	assert.NotContains(t, out, `\u003e`, "no HTML escaping")
}

func TestScreenPrintsTheReportForAReader(t *testing.T) {
	status, out, errOut := screenCmd(t, "--sample")
	require.Equal(t, exitOK, status, errOut)
	assert.Empty(t, errOut)
	for _, want := range []string{
		"Stalking screening and triage\n",
		"\nFOUR INDICATORS: FIXATED, OBSESSIVE, UNWANTED, REPEATED\n",
		"\n  Unwanted: Present\n",
		"\nOFFENCE TRIAGE\n",
		"\n  Stalking, PHA 1997 s.2A: Siân Pryce: Fits\n    - Met: Conduct towards the victim",
		"\nESCALATION\n",
		"\nONLINE STALKING\n",
		"\nCRIME RECORDING\n",
		"\nSTALKING PROTECTION ORDER\n",
	} {
		assert.Contains(t, out, want)
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		"decision aid, not a verdict",
		"It is not a legal test",
		"include stalking (8Q)",
		"at Tŷ Gwyn, Llanrwst: a victim's home, at night. (incident I6)",
	} {
		assert.Contains(t, flat, want)
	}
	assert.Less(t, strings.Index(out, "decision aid"), strings.Index(out, "FOUR INDICATORS"), "the caveat comes first")
	for _, l := range strings.Split(out, "\n") {
		assert.LessOrEqual(t, len([]rune(l)), 80, "line too long: %q", l)
	}
}

func TestScreenRefusesWhatItCannotRead(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"format": "spokit.case/v1"`), 0o644))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no case", nil, "give one case file, or --sample"},
		{"a case and the sample", []string{"--sample", bad}, "give one case file, or --sample"},
		{"a file that is not a case", []string{bad}, "bad.json"},
		{"a missing file", []string{filepath.Join(t.TempDir(), "none.json")}, "none.json"},
		{"a date that does not exist", []string{"--sample", "--as-of", "2026-02-30"}, "--as-of"},
		{"an unknown flag", []string{"--sample", "--pdf"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := screenCmd(t, tt.args...)
			assert.Equal(t, exitInput, status)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tt.want)
		})
	}
}

func TestScreenHelpExitsZero(t *testing.T) {
	status, out, _ := screenCmd(t, "--help")
	assert.Equal(t, exitOK, status)
	assert.Contains(t, out, "Usage: spokit screen [--json] [--as-of DATE] [--wording DIR] CASE.json | - | --sample")
	assert.Contains(t, out, "not a verdict")
}

func mustDate(t *testing.T, s string) casefile.Date {
	t.Helper()
	d, err := casefile.ParseDate(s)
	require.NoError(t, err)
	return d
}

func TestScreenJSONReasonsCarryTextTestAndCitation(t *testing.T) {
	status, out, stderr := spokit(t, "screen", "--json", "--sample")
	require.Equal(t, exitOK, status, stderr)
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	n := 0
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if code, ok := v["code"].(string); ok {
				if _, isReason := v["incidents"]; isReason {
					n++
					for _, k := range []string{"text", "test", "citation"} {
						assert.NotEmpty(t, v[k], "reason %s has no %s", code, k)
					}
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	assert.Greater(t, n, 20)
}

func TestScreenJSONConformsToThePublishedSchema(t *testing.T) {
	status, schemaOut, _ := spokit(t, "schema", "--screening")
	require.Equal(t, exitOK, status)
	var schema map[string]any
	require.NoError(t, json.Unmarshal([]byte(schemaOut), &schema))
	assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", schema["$schema"])
	defs := schema["$defs"].(map[string]any)
	status, out, _ := spokit(t, "screen", "--json", "--sample")
	require.Equal(t, exitOK, status)
	var doc any
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	// Every key of the output must be a property the schema declares (the
	// schema forbids others), all the way down.
	var check func(path string, v any, s map[string]any)
	check = func(path string, v any, s map[string]any) {
		if alts, ok := s["anyOf"].([]any); ok && v != nil {
			s = alts[0].(map[string]any)
		}
		if ref, ok := s["$ref"].(string); ok {
			s = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		}
		switch v := v.(type) {
		case map[string]any:
			props, _ := s["properties"].(map[string]any)
			require.NotNil(t, props, "%s: schema has no properties", path)
			for k, x := range v {
				ps, ok := props[k].(map[string]any)
				if assert.True(t, ok, "%s.%s is not in the schema", path, k) {
					check(path+"."+k, x, ps)
				}
			}
		case []any:
			items, _ := s["items"].(map[string]any)
			require.NotNil(t, items, "%s: schema has no items", path)
			for i, x := range v {
				check(fmt.Sprintf("%s[%d]", path, i), x, items)
			}
		}
	}
	check("$", doc, schema)
}
