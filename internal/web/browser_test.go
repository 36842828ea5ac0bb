package web

import (
	"archive/zip"
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// need finds an external program, skipping the test visibly without it,
// or failing it under CI, where .ci/run installs it.
func need(t *testing.T, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed (.ci/run installs it)", names[0])
	}
	t.Skipf("SKIP: %s is not installed; install it (apt-get install chromium poppler-utils) to run this test", names[0])
	return ""
}

// TestAnOfficerOpensCorrectsAndBuildsTheSampleInABrowser drives Debian's
// chromium through the page: open the sample case folder with one term's
// necessity missing, see the finding, click it and see the field
// highlighted, write the reason and see the finding clear, build, and
// download the bundle, whose PDFs pdfinfo reads. With
// SPOKIT_SCREENSHOTS=DIR it saves the page's screenshots there.
func TestAnOfficerOpensCorrectsAndBuildsTheSampleInABrowser(t *testing.T) {
	t.Parallel() // mostly waiting on the browser
	chromium := need(t, "chromium", "chromium-browser", "google-chrome")
	pdfinfo := need(t, "pdfinfo")

	// The sample case folder, one term's necessity missing.
	dir := t.TempDir()
	doc, files := sampleFiles(t, withoutTermNecessity)
	upload := []string{filepath.Join(dir, caseFile)}
	require.NoError(t, os.WriteFile(upload[0], doc, 0o600))
	for p, b := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o700))
		require.NoError(t, os.WriteFile(full, b, 0o600))
		upload = append(upload, full)
	}

	ts := newTestServer(t, Config{Loopback: true})
	srv := httptest.NewServer(ts)
	defer srv.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox, // the tests may run as root
		chromedp.WindowSize(1280, 1000),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()

	downloads := t.TempDir()
	shots := os.Getenv("SPOKIT_SCREENSHOTS")
	shot := func(name string) {
		t.Helper()
		if shots == "" {
			return
		}
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(shots, name), png, 0o644))
	}
	eval := func(expr string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](expr))
		require.NoError(t, err, expr)
		return v
	}

	const finding = chromedp.CSS(`.finding[data-rule="SPO-TERM-NECESSITY"]`)
	const field = chromedp.CSS(`[data-path="spo.terms[2].necessity"]`)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#files`)),
		chromedp.SetUploadFiles(chromedp.CSS(`#files`), upload),
		chromedp.WaitVisible(finding),
		chromedp.WaitVisible(chromedp.CSS(`#screening-body h4`)),
	), "open the case and see the findings")
	_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: new(true)})
	require.NoError(t, err)
	shot("serve-findings.png")

	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(string(finding)+` .finding-link`))))
	assert.Equal(t, true, eval(`document.querySelector('.highlight [data-path="spo.terms[2].necessity"]') !== null`), "the field is highlighted")
	assert.Equal(t, "spo.terms[2].necessity", eval(`document.activeElement.dataset.path`), "and has the focus")
	shot("serve-highlight.png")

	require.NoError(t, chromedp.Do(ctx,
		chromedp.SendKeys(field, "He fitted a tracker to her car covertly; only a ban on tracking devices stops that."),
		chromedp.WaitNotPresent(finding),
		chromedp.Click(chromedp.CSS(`#build-button`)),
		chromedp.WaitVisible(chromedp.CSS(`#bundle-zip`)),
	), "correct the term, see the finding clear and build")
	assert.Greater(t, eval(`document.querySelectorAll("table.documents tr").length`), float64(20), "every document is listed")
	assert.Equal(t, "Not for the respondent", eval(`document.querySelector('tr.not-respondent[data-name="spo-bundle.pdf"] .badge').textContent`), "the court bundle is marked")
	assert.Equal(t, "May be served", eval(`document.querySelector('tr.respondent[data-name="spo-service-copy.pdf"] .badge').textContent`))
	assert.NotContains(t, eval(`document.body.innerText`), "[object", "every part of the page is rendered as text")
	eval(`document.getElementById("screening").scrollIntoView({block: "start"})`)
	shot("serve-screening.png")
	eval(`document.getElementById("build").scrollIntoView({block: "start"})`)
	shot("serve-build.png")

	// download clicks a link or button and returns the file it saved.
	download := func(sel string) string {
		t.Helper()
		progress := chromedp.Events(ctx, browser.DownloadProgress)
		require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel))))
		for ev, err := range progress {
			require.NoError(t, err, "nothing was downloaded from %s", sel)
			if ev.State == browser.DownloadProgressStateCompleted {
				return filepath.Join(downloads, ev.GUID)
			}
		}
		return ""
	}

	// The corrected case.json carries the edit.
	corrected, err := os.ReadFile(download(`#download-case`))
	require.NoError(t, err)
	var c struct {
		SPO struct {
			Terms []struct {
				Necessity string `json:"necessity"`
			} `json:"terms"`
		} `json:"spo"`
	}
	require.NoError(t, json.Unmarshal(corrected, &c))
	require.Len(t, c.SPO.Terms, 5)
	assert.Equal(t, "He fitted a tracker to her car covertly; only a ban on tracking devices stops that.", c.SPO.Terms[2].Necessity)

	bundle := download(`#bundle-zip`)
	zr, err := zip.OpenReader(bundle)
	require.NoError(t, err)
	defer zr.Close()
	names := map[string]bool{}
	out := t.TempDir()
	for _, f := range zr.File {
		names[f.Name] = true
		if filepath.Ext(f.Name) != ".pdf" {
			continue
		}
		rc, err := f.Open()
		require.NoError(t, err)
		dst := filepath.Join(out, f.Name)
		w, err := os.Create(dst)
		require.NoError(t, err)
		_, err = io.Copy(w, rc)
		require.NoError(t, err)
		w.Close()
		rc.Close()
		info, err := exec.Command(pdfinfo, dst).CombinedOutput()
		require.NoError(t, err, "%s: %s", f.Name, info)
		assert.Regexp(t, regexp.MustCompile(`(?m)^Pages:\s+[1-9]`), string(info), f.Name)
	}
	assert.True(t, names["manifest.json"], "the bundle holds the manifest")
	assert.True(t, names["spo-bundle.pdf"])

	// A term added is checked at once; removed, its finding goes.
	const added = chromedp.CSS(`.finding-link[data-target="spo.terms[5].necessity"]`)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#add-term`)),
		chromedp.WaitVisible(added),
		chromedp.Click(chromedp.CSS(`fieldset[data-path="spo.terms[5]"] button`)),
		chromedp.WaitNotPresent(added),
	), "add a term and remove it")

	// The same folder as a .zip opens the same case.
	zipped := filepath.Join(t.TempDir(), "case.zip")
	require.NoError(t, os.WriteFile(zipped, caseZip(t, doc, files), 0o600))
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.SetUploadFiles(chromedp.CSS(`#zip`), []string{zipped}),
		chromedp.WaitVisible(finding),
	), "open the case as a zip")
	assert.Equal(t, "exhibits/messages-SP1.pdf", eval(`document.querySelector('.file.ok').textContent`), "the zip's exhibit files are held by the page")
	ts.requireNoTemp(t)
}
