package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/realclient"
)

func TestWritesTheBundleServiceCopyAndNoticeWithTheirAudiences(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var out bytes.Buffer
	require.NoError(t, run([]string{dir}, &out))
	for name, audience := range map[string]string{"spo-bundle.pdf": "court", "spo-service-copy.pdf": "respondent", "spo-notice.pdf": "respondent"} {
		pdf, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		realclient.QPDFCheck(t, pdf)
		assert.Contains(t, out.String(), filepath.Join(dir, name)+" for the "+audience)
	}
	assert.FileExists(t, filepath.Join(dir, "manifest.json"))
}

func TestRefusesAMissingFolder(t *testing.T) {
	assert.Error(t, run(nil, &bytes.Buffer{}))
	assert.Error(t, run([]string{"a", "b"}, &bytes.Buffer{}))
}
