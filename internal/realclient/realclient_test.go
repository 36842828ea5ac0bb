package realclient_test

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/pdfdoc"
	"github.com/spokit/spokit/internal/realclient"
)

// tinyPDF is a two-page document with a heading on each page.
func tinyPDF(t *testing.T) []byte {
	t.Helper()
	d := pdfdoc.New(pdfdoc.Options{Title: "Tiny", Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)})
	d.Heading(1, "First part", "")
	d.Text(pdfdoc.Text{Body: "Hello £ ŵ", Link: "second"})
	d.Heading(2, "Detail", "")
	d.PageBreak()
	d.Heading(1, "Second part", "second")
	var buf bytes.Buffer
	require.NoError(t, d.Write(&buf))
	return buf.Bytes()
}

func TestToolsReadBackATinyPDF(t *testing.T) {
	pdf := tinyPDF(t)
	realclient.QPDFCheck(t, pdf)
	assert.Equal(t, 2, realclient.PDFPages(t, pdf))
	assert.Contains(t, realclient.PDFText(t, pdf), "Hello £ ŵ")
	assert.Contains(t, realclient.PageText(t, pdf, 2), "Second part")
	assert.NotContains(t, realclient.PageText(t, pdf, 2), "First part")
	assert.Equal(t, "Tiny", realclient.Info(t, pdf)["Title"])
	assert.Equal(t, []realclient.OutlineEntry{
		{Title: "First part", Page: 1, Depth: 0},
		{Title: "Detail", Page: 1, Depth: 1},
		{Title: "Second part", Page: 2, Depth: 0},
	}, realclient.Outline(t, pdf))

	links := realclient.Links(t, pdf)
	require.Len(t, links, 1)
	assert.Equal(t, 1, links[0].Page)
	assert.Equal(t, 2, links[0].DestPage)

	words := realclient.Words(t, pdf)
	require.NotEmpty(t, words)
	var found bool
	for _, w := range words {
		if w.Text == "Second" {
			found = true
			assert.Equal(t, 2, w.Page)
			assert.Less(t, w.XMin, w.XMax)
		}
	}
	assert.True(t, found, "word list has the heading of page 2")
}

func TestQPDFCheckFailsOnABrokenFile(t *testing.T) {
	// Without qpdf the check skips, which the fake below would record as
	// "not failed": skip the test itself instead.
	realclient.Require(t, "qpdf")
	pdf := tinyPDF(t)
	// Cut the file before its cross-reference table: qpdf must complain.
	broken := pdf[:bytes.LastIndex(pdf, []byte("xref"))]
	ft := &fakeTB{TB: t}
	ft.run(func() { realclient.QPDFCheck(ft, broken) })
	assert.True(t, ft.failed, "a truncated PDF fails the check")
}

// fakeTB records Skip and Fatal instead of ending the real test.
type fakeTB struct {
	testing.TB
	mu              sync.Mutex
	skipped, failed bool
	msg             string
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) TempDir() string { return f.TB.TempDir() }

func (f *fakeTB) Skipf(format string, args ...any) {
	f.mu.Lock()
	f.skipped, f.msg = true, fmt.Sprintf(format, args...)
	f.mu.Unlock()
	runtime.Goexit()
}

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.mu.Lock()
	f.failed, f.msg = true, fmt.Sprintf(format, args...)
	f.mu.Unlock()
	runtime.Goexit()
}

// run calls fn on its own goroutine, since Skipf and Fatalf end it.
func (f *fakeTB) run(fn func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	<-done
}

func TestRequireSkipsLocallyAndFailsInCI(t *testing.T) {
	tests := []struct {
		name        string
		ci          string
		wantSkipped bool
		wantFailed  bool
	}{
		{name: "developer machine", ci: "", wantSkipped: true},
		{name: "continuous integration", ci: "true", wantFailed: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("CI", tt.ci)
			ft := &fakeTB{TB: t}
			ft.run(func() { realclient.Require(ft, "no-such-tool-for-spokit-tests") })
			// The fake's skip is not a real one: keep it out of the summary
			// TestMain prints.
			summary := realclient.Summary()
			realclient.ResetSkips()
			assert.Equal(t, tt.wantSkipped, ft.skipped)
			assert.Equal(t, tt.wantFailed, ft.failed)
			assert.Contains(t, ft.msg, "no-such-tool-for-spokit-tests", "message names the tool")
			if tt.wantSkipped {
				assert.Contains(t, summary, "missing no-such-tool-for-spokit-tests")
				assert.Contains(t, summary, "TestRequireSkipsLocallyAndFailsInCI", "the summary names the skipped test")
			} else {
				assert.Empty(t, summary, "a failure in CI is not a skip")
			}
		})
	}
}

func TestRequireFindsAnInstalledTool(t *testing.T) {
	path := realclient.Require(t, "qpdf")
	assert.True(t, strings.HasSuffix(path, "qpdf"))
}
