package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/spokit/spokit/casefile/workbook"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
)

// reviewCLI runs the review command in process.
func reviewCLI(args ...string) (status int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	status = runReview(&env{stdout: &out, stderr: &errOut}, &reviewCommand, args)
	return status, out.String(), errOut.String()
}

func TestReviewPrintsTheDecisionsAsJSON(t *testing.T) {
	c, files := casefile.Sample()
	var xlsx bytes.Buffer
	require.NoError(t, workbook.Write(&xlsx, c, casefile.Validate(c, casefile.Options{Files: files}), workbook.Options{TmpDir: t.TempDir()}))
	path := filepath.Join(t.TempDir(), "prosecution.xlsx")
	require.NoError(t, os.WriteFile(path, xlsx.Bytes(), 0o600))

	status, stdout, stderr := reviewCLI(path)
	require.Equal(t, exitOK, status, stderr)
	var got workbook.Review
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	assert.Equal(t, workbook.Review{
		URN:     "60NC0217826",
		Charges: []workbook.ChargeReview{{Charge: "C1"}},
		Unused:  []workbook.UnusedReview{{Item: "U1"}, {Item: "U2"}},
	}, got)
	assert.Contains(t, stdout, `"decision": ""`, "an undecided row has an empty decision")
	assert.NotContains(t, stdout, `"date"`, "and no date")
}

func TestReviewOfSomethingElseExits2(t *testing.T) {
	notXLSX := filepath.Join(t.TempDir(), "case.json")
	require.NoError(t, os.WriteFile(notXLSX, casefile.SampleJSON(), 0o600))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"not a workbook", []string{notXLSX}, "case.json: reading the review workbook: not an XLSX workbook"},
		{"a missing file", []string{filepath.Join(t.TempDir(), "missing.xlsx")}, "missing.xlsx: no such file or directory"},
		{"no file", nil, "Usage: spokit review WORKBOOK.xlsx"},
		{"two files", []string{"a.xlsx", "b.xlsx"}, "Usage: spokit review WORKBOOK.xlsx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, stdout, stderr := reviewCLI(tt.args...)
			assert.Equal(t, exitInput, status)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tt.want)
		})
	}
}
