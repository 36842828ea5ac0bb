package web

import (
	"archive/zip"
	"context"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
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

// browserTest skips a browser test under -short (the race detector's run:
// a browser on a loaded machine under -race is too slow to say anything)
// and without a browser, and returns the browser's path.
func browserTest(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("SKIP: -short: the real-browser tests run without -short")
	}
	t.Parallel() // mostly waiting on the browser
	return need(t, "chromium", "chromium-browser", "google-chrome")
}

// startBrowser starts a headless browser for the test, stopped when it
// ends; each step it is driven through has a few minutes, room enough on
// a loaded 2-core machine.
func startBrowser(t *testing.T, chromium string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox, // the tests may run as root
		chromedp.WindowSize(1280, 1000),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelA)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelT)
	return ctx
}

// evaluator returns a function that evaluates a script expression in the
// browser's page.
func evaluator(t *testing.T, ctx context.Context) func(string) any {
	return func(expr string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](expr))
		require.NoError(t, err, expr)
		return v
	}
}

// caseFolder writes a case folder, case.json and its files, and returns
// the folder and the paths of every file in it.
func caseFolder(t *testing.T, doc []byte, files map[string][]byte) (dir string, paths []string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "mycase")
	require.NoError(t, os.Mkdir(dir, 0o700))
	paths = []string{filepath.Join(dir, caseFile)}
	require.NoError(t, os.WriteFile(paths[0], doc, 0o600))
	for p, b := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o700))
		require.NoError(t, os.WriteFile(full, b, 0o600))
		paths = append(paths, full)
	}
	return dir, paths
}

// TestAnOfficerOpensCorrectsAndBuildsTheSampleInABrowser drives Debian's
// chromium through the page: open the sample case folder with one term's
// necessity missing, see the finding, click it and see the field
// highlighted, write the reason and see the finding clear, build, and
// download the bundle, whose PDFs pdfinfo reads. With
// SPOKIT_SCREENSHOTS=DIR it saves the page's screenshots there.
func TestAnOfficerOpensCorrectsAndBuildsTheSampleInABrowser(t *testing.T) {
	chromium := browserTest(t)
	pdfinfo := need(t, "pdfinfo")

	// The sample case folder, one term's necessity missing.
	doc, files := sampleFiles(t, withoutTermNecessity)
	_, upload := caseFolder(t, doc, files)

	ts := newTestServer(t, Config{Loopback: true})
	srv := httptest.NewServer(ts)
	defer srv.Close()

	ctx := startBrowser(t, chromium)
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
	eval := evaluator(t, ctx)

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

// TestWithATokenThePageAsksForItAndOpensACaseFolder drives the page of a
// server started with a token: the case folder is chosen with the folder
// picker (its exhibit files keep their paths inside the folder), the
// server refuses the check until the token is typed into the page's field,
// and then the case is checked and built with it.
func TestWithATokenThePageAsksForItAndOpensACaseFolder(t *testing.T) {
	chromium := browserTest(t)
	doc, files := sampleFiles(t, withoutTermNecessity)
	dir, _ := caseFolder(t, doc, files)
	const token = "a-token-of-at-least-16-chars"
	ts := newTestServer(t, Config{Loopback: true, Token: token})
	srv := httptest.NewServer(ts)
	defer srv.Close()
	ctx := startBrowser(t, chromium)
	eval := evaluator(t, ctx)

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#token`)),
		chromedp.SetUploadFiles(chromedp.CSS(`#folder`), []string{dir}),
		chromedp.Poll[chromedp.Void](`document.getElementById("status").textContent.includes("access token")`, chromedp.WithPollingTimeout(2*time.Minute)),
	), "choose the folder without the token and be asked for it")
	assert.Equal(t, "bad", eval(`document.getElementById("status").className`))
	assert.Zero(t, eval(`document.querySelectorAll(".finding[data-rule]").length`), "no findings without the token")
	assert.Contains(t, ts.log.String(), "POST /api/v1/validate 401")

	require.NoError(t, chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`#token`), token),
		chromedp.Blur(chromedp.CSS(`#token`)),
		chromedp.WaitVisible(chromedp.CSS(`.finding[data-rule="SPO-TERM-NECESSITY"]`)),
	), "type the token and see the findings")
	assert.Contains(t, eval(`document.getElementById("status").textContent`), "Token accepted")
	held, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".file.ok"), (e) => e.textContent).sort()`))
	require.NoError(t, err)
	assert.Equal(t, []string{"exhibits/messages-SP1.pdf", "exhibits/note-OJ1.png", "exhibits/tracker-LB2.jpg"}, held,
		"the folder's exhibit files are held under their paths inside the folder")
	assert.Zero(t, eval(`document.querySelectorAll(".file.missing").length`))

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#draft`)),
		chromedp.Click(chromedp.CSS(`#build-button`)),
		chromedp.WaitVisible(chromedp.CSS(`#bundle-zip`)),
	), "build a draft with the token")
	assert.Contains(t, ts.log.String(), "POST /api/v1/build 200")
	ts.requireNoTemp(t)
}

// TestThePageListsEachExamplesDocumentsUnderTheirAudiences opens each of
// the examples that are not SPO applications (a breach, a notification
// offence, a variation) and builds it: every document the API builds is
// listed under its audience, those for the respondent marked as such and
// every other one marked not for the respondent.
func TestThePageListsEachExamplesDocumentsUnderTheirAudiences(t *testing.T) {
	chromium := browserTest(t)
	ts := newTestServer(t, Config{Loopback: true})
	srv := httptest.NewServer(ts)
	defer srv.Close()
	ctx := startBrowser(t, chromium)
	api := newTestServer(t, Config{}) // what a force system is answered

	for _, example := range []string{"spo-breach", "spo-notification", "spo-variation"} {
		t.Run(example, func(t *testing.T) {
			// The browser is given absolute paths only.
			path, err := filepath.Abs(filepath.Join("..", "..", "examples", example, caseFile))
			require.NoError(t, err)
			doc, err := os.ReadFile(path)
			require.NoError(t, err)
			form, formType := caseForm(t, doc, nil)
			w := api.post(t, "/api/v1/build", formType, form, "Accept", "application/json")
			require.Equal(t, http.StatusOK, w.Code, w.Body.String())
			want := map[string]string{}
			for _, f := range decode[struct{ Files []builtFile }](t, w.Body).Files {
				want[f.Name] = string(f.Audience)
			}

			require.NoError(t, chromedp.Do(ctx,
				chromedp.Navigate(srv.URL+"/"),
				chromedp.SetUploadFiles(chromedp.CSS(`#files`), []string{path}),
				chromedp.Poll[chromedp.Void](`document.getElementById("summary").textContent.startsWith("Case ")`, chromedp.WithPollingTimeout(2*time.Minute)),
			), "open %s", example)
			require.NoError(t, chromedp.Do(ctx,
				chromedp.Click(chromedp.CSS(`#build-button`)),
				chromedp.WaitVisible(chromedp.CSS(`#bundle-zip`)),
			), "build %s", example)
			rows, err := chromedp.Run(ctx, chromedp.Evaluate[[]struct{ Name, Class, Badge, Heading string }](`Array.from(document.querySelectorAll("table.documents tr"), (tr) => ({
				Name: tr.dataset.name, Class: tr.className, Badge: tr.querySelector(".badge").textContent,
				Heading: tr.closest("table").previousElementSibling.textContent }))`))
			require.NoError(t, err)
			require.Len(t, rows, len(want))
			if example == "spo-variation" {
				assert.Contains(t, slices.Collect(maps.Values(want)), "respondent", "the application to vary is served")
			}
			headings := map[string]string{"court": "For the court", "respondent": "For the respondent (to serve)",
				"defence": "For disclosure to the defence", "prosecution": "For the police and the CPS only (not for disclosure)", "police": "For the police only"}
			for _, r := range rows {
				aud, ok := want[r.Name]
				require.True(t, ok, "%s is listed but was not built", r.Name)
				assert.Equal(t, headings[aud], r.Heading, r.Name)
				if aud == "respondent" {
					assert.Equal(t, []string{"respondent", "May be served"}, []string{r.Class, r.Badge}, r.Name)
				} else {
					assert.Equal(t, []string{"not-respondent", "Not for the respondent"}, []string{r.Class, r.Badge}, r.Name)
				}
			}
		})
	}
	ts.requireNoTemp(t)
}
