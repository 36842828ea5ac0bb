package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	spokitlib "github.com/spokit/spokit"
	"github.com/spokit/spokit/internal/realclient"
)

func readManifest(t *testing.T, dir string) []spokitlib.ManifestEntry {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	require.NoError(t, err)
	var m struct {
		URN   string                    `json:"urn"`
		Files []spokitlib.ManifestEntry `json:"files"`
	}
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, "60NC0217826", m.URN)
	return m.Files
}

func TestBuildWritesEveryOutputWithAManifest(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	status, out, stderr := spokit(t, "build", "--sample", "-o", dir)
	require.Equal(t, exitOK, status, stderr)
	assert.Contains(t, out, "Wrote 27 files")
	for _, heading := range []string{"For the court:", "For the respondent (to serve):",
		"For disclosure to the defence:", "For the police and the CPS only (not for disclosure):", "For the police only:"} {
		assert.Contains(t, out, heading)
	}

	want := []string{"MG11-ST1-contact.pdf", "MG11-ST1.pdf", "MG11-ST2-contact.pdf", "MG11-ST2.pdf", "MG11-ST3-contact.pdf", "MG11-ST3.pdf",
		"MG11-ST4-contact.pdf", "MG11-ST4.pdf",
		"MG12.pdf", "MG3.pdf", "MG5.pdf", "MG6C.pdf", "MG6D.pdf", "MG9.pdf", "case-review.pdf", "findings.json", "prosecution.xlsx",
		"sensitive-unused.xlsx", "spo-bundle.pdf", "spo-confidential-annex.pdf", "spo-interim-order-draft.docx", "spo-interim-order-draft.pdf",
		"spo-notice.pdf", "spo-order-draft.docx", "spo-order-draft.pdf", "spo-service-copy.pdf"}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.Equal(t, append(append([]string(nil), want[:16]...), append([]string{"manifest.json"}, want[16:]...)...), names,
		"exactly the outputs, and no staging folder left behind")

	manifest := readManifest(t, dir)
	require.Len(t, manifest, len(want))
	for i, f := range manifest {
		assert.Equal(t, want[i], f.Name)
		assert.NotEmpty(t, f.Audience, f.Name)
		b, err := os.ReadFile(filepath.Join(dir, f.Name))
		require.NoError(t, err)
		sum := sha256.Sum256(b)
		assert.Equal(t, hex.EncodeToString(sum[:]), f.SHA256, f.Name)
		assert.Equal(t, len(b), f.Size, f.Name)
	}

	findings, err := os.ReadFile(filepath.Join(dir, "findings.json"))
	require.NoError(t, err)
	_, report, _ := spokit(t, "validate", "--sample", "--json")
	assert.JSONEq(t, report, string(findings), "findings.json is the validate --json report")

	bundle, err := os.ReadFile(filepath.Join(dir, "spo-bundle.pdf"))
	require.NoError(t, err)
	realclient.QPDFCheck(t, bundle)
	assert.Contains(t, realclient.PDFText(t, bundle), "Siân Pryce")
}

func TestBuildIsByteIdentical(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for _, dir := range []string{a, b} {
		status, _, stderr := spokit(t, "build", "--sample", "-o", dir)
		require.Equal(t, exitOK, status, stderr)
	}
	for _, f := range readManifest(t, a) {
		x, err := os.ReadFile(filepath.Join(a, f.Name))
		require.NoError(t, err)
		y, err := os.ReadFile(filepath.Join(b, f.Name))
		require.NoError(t, err)
		assert.True(t, string(x) == string(y), "%s differs between two builds", f.Name)
	}
}

func TestBuildRefusesACaseWithErrorsAndWritesNothing(t *testing.T) {
	path := writeCase(t, func(d map[string]any) { d["spo"].(map[string]any)["terms"] = []any{} })
	dir := filepath.Join(t.TempDir(), "out")
	status, out, stderr := spokit(t, "build", "-o", dir, path)
	assert.Equal(t, exitFindings, status)
	assert.Empty(t, out)
	assert.Contains(t, stderr, "SPO-TERMS")
	assert.Contains(t, stderr, "not built")
	assert.NoDirExists(t, dir)
}

func TestBuildDraftMarksEveryPage(t *testing.T) {
	path := writeCase(t, func(d map[string]any) { d["spo"].(map[string]any)["terms"] = []any{} })
	dir := filepath.Join(t.TempDir(), "out")
	status, _, stderr := spokit(t, "build", "--draft", "-o", dir, path)
	require.Equal(t, exitFindings, status, "a draft is written, but the case still has errors: %s", stderr)
	for _, name := range []string{"spo-bundle.pdf", "spo-service-copy.pdf", "spo-notice.pdf", "MG5.pdf", "MG11-ST1.pdf"} {
		pdf, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		n := realclient.PDFPages(t, pdf)
		for p := 1; p <= n; p++ {
			assert.Contains(t, realclient.PageText(t, pdf, p), "DRAFT", "%s page %d", name, p)
		}
	}
}

func TestADamagedExhibitIsRefusedBeforeAnythingIsWritten(t *testing.T) {
	// The file has a PNG signature but is not a readable picture: it is
	// found when the case is validated, named with its exhibit, and no
	// output is made.
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "broken.png"), []byte("\x89PNG\r\n\x1a\nnot really"), 0o644))
	path := writeCase(t, func(d map[string]any) { item(d, "exhibits", 1)["file"] = "broken.png" })
	require.NoError(t, os.Rename(path, filepath.Join(dir, "case.json")))
	out := filepath.Join(dir, "out")
	status, stdout, stderr := spokit(t, "build", "-o", out, filepath.Join(dir, "case.json"))
	assert.Equal(t, exitFindings, status)
	assert.Contains(t, stderr, "not built")
	assert.Contains(t, stdout+stderr, `"broken.png" cannot be used: it is damaged`)
	assert.NotContains(t, stdout+stderr, "pdfdoc")
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "no output folder")
}

func TestBuildOfACaseWithoutAnSPOWritesNoSPOFiles(t *testing.T) {
	path := writeCase(t, func(d map[string]any) { delete(d, "spo") })
	dir := filepath.Join(t.TempDir(), "out")
	status, _, stderr := spokit(t, "build", "-o", dir, path)
	require.Equal(t, exitOK, status, stderr)
	for _, f := range readManifest(t, dir) {
		assert.False(t, strings.HasPrefix(f.Name, "spo-"), f.Name)
	}
}

func TestBuildFolderBuildsEveryCaseWithAPool(t *testing.T) {
	in := t.TempDir()
	status, _, stderr := spokit(t, "sample", "-o", filepath.Join(in, "pryce"))
	require.Equal(t, exitOK, status, stderr)
	status, _, stderr = spokit(t, "sample", "--incidents", "12", "--seed", "7", "-o", filepath.Join(in, "synthetic"))
	require.Equal(t, exitOK, status, stderr)
	bad := writeCase(t, func(d map[string]any) { d["spo"].(map[string]any)["terms"] = []any{} })
	b, err := os.ReadFile(bad)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(in, "refused.json"), b, 0o644))

	out := filepath.Join(t.TempDir(), "out")
	status, stdout, stderr := spokit(t, "build", "-j", "2", "-o", out, in)
	assert.Equal(t, exitFindings, status, "the worst case's status")
	assert.Contains(t, stdout, "Built 2 of 3 cases")
	assert.Contains(t, stderr, "refused.json")
	assert.Contains(t, stderr, "not built")
	assert.NotContains(t, stderr, "\r", "no progress line when stderr is not a terminal")
	assert.FileExists(t, filepath.Join(out, "pryce", "spo-bundle.pdf"))
	assert.FileExists(t, filepath.Join(out, "synthetic", "manifest.json"))
	assert.NoDirExists(t, filepath.Join(out, "refused"))

	// The same case builds to the same bytes alone or in a folder.
	single := filepath.Join(t.TempDir(), "single")
	status, _, stderr = spokit(t, "build", "-o", single, filepath.Join(in, "pryce", "case.json"))
	require.Equal(t, exitOK, status, stderr)
	for _, f := range readManifest(t, single) {
		x, err := os.ReadFile(filepath.Join(single, f.Name))
		require.NoError(t, err)
		y, err := os.ReadFile(filepath.Join(out, "pryce", f.Name))
		require.NoError(t, err)
		assert.True(t, string(x) == string(y), f.Name)
	}
}

func TestBuildFolderWithoutCasesExits2(t *testing.T) {
	status, _, stderr := spokit(t, "build", "-o", filepath.Join(t.TempDir(), "out"), t.TempDir())
	assert.Equal(t, exitInput, status)
	assert.Contains(t, stderr, "no case files")
}
