package pdfdoc_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/pdfdoc"
	"github.com/spokit/spokit/internal/realclient"
)

// TestScaleExhibitMemory measures the peak memory of a document with one
// very large exhibit, in a child process under /usr/bin/time -v. It runs
// with SPOKIT_SCALE=1.
func TestScaleExhibitMemory(t *testing.T) {
	if file := os.Getenv("SPOKIT_SCALE_CHILD"); file != "" {
		buildOne(t, file)
		return
	}
	if os.Getenv("SPOKIT_SCALE") != "1" {
		t.Skip("scale test: set SPOKIT_SCALE=1")
	}
	timeTool := realclient.Require(t, "/usr/bin/time")
	dir := corpus(t)
	for _, tt := range []struct {
		file  string
		limit int // MB
	}{{"huge.png", 500}, {"big.pdf", 1000}} {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			cmd := exec.Command(timeTool, "-v", os.Args[0], "-test.run=^TestScaleExhibitMemory$", "-test.v")
			cmd.Env = append(os.Environ(), "SPOKIT_SCALE_CHILD="+path)
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, string(out))
			m := regexp.MustCompile(`Maximum resident set size \(kbytes\): (\d+)`).FindSubmatch(out)
			require.NotNil(t, m, string(out))
			kb, _ := strconv.Atoi(string(m[1]))
			t.Logf("%s: peak %d MB", tt.file, kb/1024)
			assert.Less(t, kb/1024, tt.limit)
		})
	}
}

func buildOne(t *testing.T, file string) {
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	require.NoError(t, pdfdoc.CheckExhibit(data))
	d := pdfdoc.New(opts())
	if pdfdoc.IsPDF(data) {
		d.ImportPDF(pdfdoc.PDFImport{Data: data, Title: "Exhibit"})
	} else {
		d.Image(pdfdoc.Image{Data: data})
	}
	var buf bytes.Buffer
	require.NoError(t, d.Write(&buf))
	require.NoError(t, os.WriteFile(file+".out.pdf", buf.Bytes(), 0o600))
}
