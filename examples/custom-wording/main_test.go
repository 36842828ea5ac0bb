package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/realclient"
)

func TestTheForcesWordingReachesTheMG5(t *testing.T) {
	out := filepath.Join(t.TempDir(), "MG5.pdf")
	require.NoError(t, run("", out))
	pdf, err := os.ReadFile(out)
	require.NoError(t, err)
	text := realclient.PDFText(t, pdf)
	assert.Contains(t, text, "Prepared by the Case Preparation Unit, Northshire Police")
	assert.Contains(t, text, "2. Summary of the case")
	assert.NotContains(t, text, "2. Headline summary")
	assert.Contains(t, text, "1. Parties", "units the force did not define keep the default wording")
}

func TestAMisspeltUnitIsRefused(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "mg.tmpl"), []byte(`{{define "mg5.sumary"}}x{{end}}`), 0o644))
	err := run(dir, "")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "mg5.sumary")
}
