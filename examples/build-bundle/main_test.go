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

func TestWritesTheThreeDocuments(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	require.NoError(t, run([]string{filepath.Join(dir, "spo-bundle.pdf")}, &out))
	for _, name := range []string{"spo-bundle.pdf", "spo-bundle-service-copy.pdf", "spo-bundle-notice.pdf"} {
		pdf, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		realclient.QPDFCheck(t, pdf)
		assert.Contains(t, out.String(), name)
	}
}

func TestRefusesABadFileName(t *testing.T) {
	assert.Error(t, run(nil, &bytes.Buffer{}))
	assert.Error(t, run([]string{"bundle.txt"}, &bytes.Buffer{}))
}
