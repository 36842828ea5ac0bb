package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/realclient"
)

// exampleWording is the example force's wording folder the README points to.
var exampleWording = filepath.Join("..", "..", "examples", "custom-wording", "wording")

func TestWordingLayersAForcesUnitsOverTheDefaults(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "screen.tmpl"), []byte(`{{define "screen.title"}}Northshire stalking screening{{end}}`), 0o644))
	status, stdout, stderr := spokit(t, "screen", "--sample", "--wording", dir)
	require.Equal(t, exitOK, status, stderr)
	assert.Contains(t, stdout, "Northshire stalking screening\n", "the force's unit")
	assert.Contains(t, stdout, "not a verdict", "the default units the force left alone")

	_, plain, _ := spokit(t, "screen", "--sample")
	assert.NotContains(t, plain, "Northshire")
}

func TestWordingPrintsOnTheFormsAndTheBuild(t *testing.T) {
	for _, args := range [][]string{{"forms"}, {"build"}} {
		t.Run(args[0], func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			status, _, stderr := spokit(t, append(args, "--sample", "--wording", exampleWording, "-o", out)...)
			require.Equal(t, exitOK, status, stderr)
			pdf, err := os.ReadFile(filepath.Join(out, "MG5.pdf"))
			require.NoError(t, err)
			assert.Contains(t, realclient.PDFText(t, pdf), "Case Preparation Unit, Northshire Police")
		})
	}
}

func TestWordingThatCannotBeUsedIsRefused(t *testing.T) {
	unknown := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(unknown, "x.tmpl"), []byte(`{{define "no.such-unit"}}x{{end}}`), 0o644))
	broken := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(broken, "x.tmpl"), []byte(`{{define "screen.title"}}{{.Oops{{end}}`), 0o644))
	tests := []struct{ name, dir string }{
		{"a unit spokit does not have", unknown},
		{"a template that does not parse", broken},
		{"a folder that does not exist", filepath.Join(unknown, "missing")},
	}
	for _, tt := range tests {
		for _, command := range []string{"screen", "forms", "build"} {
			t.Run(tt.name+"/"+command, func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "out")
				status, stdout, stderr := spokit(t, command, "--sample", "--wording", tt.dir, "-o", out)
				if command == "screen" {
					status, stdout, stderr = spokit(t, command, "--sample", "--wording", tt.dir)
				}
				assert.Equal(t, exitInput, status)
				assert.Empty(t, stdout)
				assert.Contains(t, stderr, "--wording")
				assert.NoDirExists(t, out)
			})
		}
	}
}
