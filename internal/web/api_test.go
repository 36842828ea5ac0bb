package web

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/spokit/spokit/casefile/screen"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	spokit "github.com/spokit/spokit"
	"github.com/spokit/spokit/casefile"
)

// report is the validate --json report as a client reads it.
type report struct {
	URN      string             `json:"urn"`
	Findings []casefile.Finding `json:"findings"`
	Errors   int                `json:"errors"`
}

func TestValidateAnswersTheSameReportAsTheCommandLine(t *testing.T) {
	doc, files := sampleFiles(t, nil)
	bad, _ := sampleFiles(t, withoutTermNecessity)
	form, formType := caseForm(t, doc, files)
	tests := []struct {
		name        string
		contentType string
		body        []byte
		errors      int
	}{
		{"the sample as JSON", "application/json", doc, 0},
		{"the sample zipped with its files", "application/zip", caseZip(t, doc, files), 0},
		{"the sample as a form with its files", formType, form, 0},
		{"a case with an error", "application/json", bad, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, Config{})
			w := ts.post(t, "/api/v1/validate", tt.contentType, tt.body)
			require.Equal(t, http.StatusOK, w.Code, w.Body.String())
			got := decode[report](t, w.Body)
			assert.Equal(t, "60NC0217826", got.URN)
			assert.Equal(t, tt.errors, got.Errors)
			c, fsys := casefile.Sample()
			if tt.errors == 0 {
				want := spokit.Validate(c, spokit.Settings{Files: fsys})
				assert.Equal(t, want.Findings, got.Findings)
			} else {
				assert.Contains(t, paths(got.Findings), "spo.terms[2].necessity")
			}
			ts.requireNoTemp(t)
		})
	}
}

func paths(fs []casefile.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Path)
	}
	return out
}

func TestScreenAnswersTheScreeningAndItsReport(t *testing.T) {
	doc, _ := sampleFiles(t, nil)
	ts := newTestServer(t, Config{})
	w := ts.post(t, "/api/v1/screen", "application/json", doc)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	c, _ := casefile.Sample()
	want, err := spokit.Screen(c, spokit.Settings{})
	require.NoError(t, err)
	wantJSON, err := json.Marshal(want)
	require.NoError(t, err)
	var got any
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &got))
	gotJSON, err := json.Marshal(got)
	require.NoError(t, err)
	var wantAny any
	require.NoError(t, json.Unmarshal(wantJSON, &wantAny))
	wantJSON, _ = json.Marshal(wantAny)
	assert.JSONEq(t, string(wantJSON), string(gotJSON))

	w = ts.post(t, "/api/v1/screen?view=report", "application/json", doc)
	require.Equal(t, http.StatusOK, w.Code)
	rep := decode[screen.ScreeningReport](t, w.Body)
	assert.NotEmpty(t, rep.Title)
	assert.NotEmpty(t, rep.Sections)
	ts.requireNoTemp(t)
}

func TestBuildAnswersAZipOfTheOutputsAndTheManifest(t *testing.T) {
	doc, files := sampleFiles(t, nil)
	form, formType := caseForm(t, doc, files)
	ts := newTestServer(t, Config{})
	fromZip := ts.post(t, "/api/v1/build", "application/zip", caseZip(t, doc, files))
	require.Equal(t, http.StatusOK, fromZip.Code, fromZip.Body.String())
	require.Equal(t, "application/zip", fromZip.Header().Get("Content-Type"))
	ts.requireNoTemp(t)
	fromForm := ts.post(t, "/api/v1/build", formType, form)
	require.Equal(t, http.StatusOK, fromForm.Code, fromForm.Body.String())
	assert.Equal(t, fromZip.Body.Bytes(), fromForm.Body.Bytes(), "the same case gives the same bytes however it is sent")
	ts.requireNoTemp(t)

	zr, err := zip.NewReader(bytes.NewReader(fromZip.Body.Bytes()), int64(fromZip.Body.Len()))
	require.NoError(t, err)
	got := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		got[f.Name], err = io.ReadAll(rc)
		require.NoError(t, err)
	}
	var m spokit.Manifest
	require.NoError(t, json.Unmarshal(got[spokit.ManifestName], &m))
	require.NotEmpty(t, m.Files)
	for _, e := range m.Files {
		require.Contains(t, got, e.Name)
		assert.Equal(t, e.Size, len(got[e.Name]), e.Name)
	}
	assert.Len(t, got, len(m.Files)+1, "the zip holds the manifest's files and the manifest")
	assert.Contains(t, got, "spo-bundle.pdf")
	assert.True(t, bytes.HasPrefix(got["spo-bundle.pdf"], []byte("%PDF-")))
}

func TestBuildForThePageAnswersEveryFileWithItsAudience(t *testing.T) {
	doc, files := sampleFiles(t, nil)
	form, formType := caseForm(t, doc, files)
	ts := newTestServer(t, Config{})
	w := ts.post(t, "/api/v1/build", formType, form, "Accept", "application/json")
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	got := decode[struct {
		Files []builtFile `json:"files"`
		Zip   []byte      `json:"zip"`
	}](t, w.Body)
	audiences := map[string]casefile.Audience{}
	for _, f := range got.Files {
		audiences[f.Name] = f.Audience
		assert.Len(t, f.Data, f.Size)
	}
	assert.Equal(t, casefile.AudienceRespondent, audiences["spo-service-copy.pdf"])
	assert.Equal(t, casefile.AudienceCourt, audiences["spo-bundle.pdf"])
	_, err := zip.NewReader(bytes.NewReader(got.Zip), int64(len(got.Zip)))
	assert.NoError(t, err)
	ts.requireNoTemp(t)
}

func TestACaseWithErrorsIsRefused422WithItsFindingsUnlessADraftIsAsked(t *testing.T) {
	doc, files := sampleFiles(t, withoutTermNecessity)
	ts := newTestServer(t, Config{})
	p := problemOf(t, ts.post(t, "/api/v1/build", "application/zip", caseZip(t, doc, files)), http.StatusUnprocessableEntity)
	assert.Contains(t, paths(p.Findings), "spo.terms[2].necessity")
	ts.requireNoTemp(t)

	w := ts.post(t, "/api/v1/build?draft=true", "application/zip", caseZip(t, doc, files))
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	ts.requireNoTemp(t)
}

func TestAnUndecodableCaseIs400NamingEachPath(t *testing.T) {
	doc, files := sampleFiles(t, func(c map[string]any) {
		c["incidents"].([]any)[1].(map[string]any)["date"] = "2025-02-30"
	})
	for _, endpoint := range []string{"/api/v1/validate", "/api/v1/screen", "/api/v1/build"} {
		t.Run(endpoint, func(t *testing.T) {
			ts := newTestServer(t, Config{})
			p := problemOf(t, ts.post(t, endpoint, "application/zip", caseZip(t, doc, files)), http.StatusBadRequest)
			require.NotEmpty(t, p.Errors)
			assert.Equal(t, "incidents[1].date", p.Errors[0].Path)
			ts.requireNoTemp(t)

			broken := []byte(`{"format": "spokit.case/v1", "urn": 7`)
			form, formType := caseForm(t, broken, nil)
			p = problemOf(t, ts.post(t, endpoint, formType, form), http.StatusBadRequest)
			assert.NotEmpty(t, p.Errors)
			ts.requireNoTemp(t)
		})
	}
}

func TestRequestsThatAreNotACaseAreRefused(t *testing.T) {
	doc, _ := sampleFiles(t, nil)
	tests := []struct {
		name, path, contentType string
		body                    []byte
		status                  int
	}{
		{"a text body", "/api/v1/validate", "text/plain", doc, http.StatusUnsupportedMediaType},
		{"a bare JSON case to build: it carries no exhibit files", "/api/v1/build", "application/json", doc, http.StatusUnsupportedMediaType},
		{"a zip with no case.json", "/api/v1/build", "application/zip", makeZip(t, []zipEntry{{name: "notes.txt", data: []byte("x")}}), http.StatusBadRequest},
		{"a body that is not a zip", "/api/v1/build", "application/zip", doc, http.StatusBadRequest},
		{"a bad as_of", "/api/v1/validate?as_of=tomorrow", "application/json", doc, http.StatusBadRequest},
		{"a form with no case part", "/api/v1/build", "multipart/form-data; boundary=x", []byte("--x--\r\n"), http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, Config{})
			problemOf(t, ts.post(t, tt.path, tt.contentType, tt.body), tt.status)
			ts.requireNoTemp(t)
		})
	}
}

func TestOversizedUploadsAre413(t *testing.T) {
	doc, files := sampleFiles(t, nil)
	form, formType := caseForm(t, doc, files)
	for _, tt := range []struct {
		name, contentType string
		body              []byte
		endpoints         []string
	}{
		{"JSON", "application/json", doc, []string{"/api/v1/validate", "/api/v1/screen"}},
		{"zip", "application/zip", caseZip(t, doc, files), []string{"/api/v1/validate", "/api/v1/build"}},
		{"form", formType, form, []string{"/api/v1/validate", "/api/v1/build"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, Config{MaxBody: int64(len(tt.body)) / 2})
			for _, endpoint := range tt.endpoints {
				problemOf(t, ts.post(t, endpoint, tt.contentType, tt.body), http.StatusRequestEntityTooLarge)
				ts.requireNoTemp(t)
			}
		})
	}
}

func TestHostileZipsAreRefusedAndNothingIsWrittenOutside(t *testing.T) {
	doc, _ := sampleFiles(t, nil)
	many := []zipEntry{{name: caseFile, data: doc}}
	for i := range 10000 {
		many = append(many, zipEntry{name: fmt.Sprintf("e/%d.txt", i)})
	}
	bomb := bytes.Repeat([]byte{0}, 8<<20) // 8 MiB of zeros deflate to a few KiB
	tests := []struct {
		name    string
		entries []zipEntry
		status  int
		path    string
	}{
		{"zip-slip", []zipEntry{{name: caseFile, data: doc}, {name: "../escaped.txt", data: []byte("x")}}, http.StatusBadRequest, "../escaped.txt"},
		{"zip-slip inside a folder", []zipEntry{{name: caseFile, data: doc}, {name: "exhibits/../../escaped.txt", data: []byte("x")}}, http.StatusBadRequest, "exhibits/../../escaped.txt"},
		{"an absolute path", []zipEntry{{name: caseFile, data: doc}, {name: "/tmp/escaped.txt", data: []byte("x")}}, http.StatusBadRequest, "/tmp/escaped.txt"},
		{"a Windows path", []zipEntry{{name: caseFile, data: doc}, {name: `..\escaped.txt`, data: []byte("x")}}, http.StatusBadRequest, `..\escaped.txt`},
		{"a symbolic link", []zipEntry{{name: caseFile, data: doc}, {name: "exhibits/link", data: []byte("/etc/passwd"), mode: 0o777 | 1<<27}}, http.StatusBadRequest, "exhibits/link"},
		{"a duplicate name", []zipEntry{{name: caseFile, data: doc}, {name: caseFile, data: doc}}, http.StatusBadRequest, caseFile},
		{"names differing only in case", []zipEntry{{name: caseFile, data: doc}, {name: "Case.JSON", data: doc}}, http.StatusBadRequest, "Case.JSON"},
		{"10,000 entries", many, http.StatusRequestEntityTooLarge, ""},
		{"a zip bomb", []zipEntry{{name: caseFile, data: doc}, {name: "bomb.bin", data: bomb}}, http.StatusRequestEntityTooLarge, "bomb.bin"},
		{"a zip bomb in many parts", []zipEntry{{name: caseFile, data: doc}, {name: "a.bin", data: bomb[:3<<20]}, {name: "b.bin", data: bomb[:3<<20]}}, http.StatusRequestEntityTooLarge, "b.bin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, Config{MaxUnzipped: 4 << 20, MaxEntry: 4 << 20})
			body := makeZip(t, tt.entries)
			for _, endpoint := range []string{"/api/v1/validate", "/api/v1/build"} {
				p := problemOf(t, ts.post(t, endpoint, "application/zip", body), tt.status)
				if tt.path != "" {
					require.NotEmpty(t, p.Errors)
					assert.Equal(t, tt.path, p.Errors[0].Path)
				}
				ts.requireNoTemp(t)
			}
		})
	}
}

func TestAZipWhoseSizesLieIsStoppedWhileReading(t *testing.T) {
	doc, _ := sampleFiles(t, nil)
	body := makeZip(t, []zipEntry{{name: caseFile, data: doc}, {name: "big.bin", data: bytes.Repeat([]byte{0}, 2<<20)}})
	// Declare the big entry's size as 1 byte in both headers: the reader
	// must count what it inflates, not trust the directory.
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	require.NoError(t, err)
	patchSize(t, body, zr.File[1].Name, 1)
	ts := newTestServer(t, Config{MaxUnzipped: 1 << 20, MaxEntry: 1 << 20})
	w := ts.post(t, "/api/v1/validate", "application/zip", body)
	assert.Contains(t, []int{http.StatusBadRequest, http.StatusRequestEntityTooLarge}, w.Code, w.Body.String())
	ts.requireNoTemp(t)
}

func TestHostileFormFileNamesAreRefused(t *testing.T) {
	doc, _ := sampleFiles(t, nil)
	for _, name := range []string{"../escaped.txt", "/etc/escaped", "exhibits/../../x", caseFile} {
		t.Run(name, func(t *testing.T) {
			body, ct := caseForm(t, doc, map[string][]byte{name: []byte("x")})
			ts := newTestServer(t, Config{})
			p := problemOf(t, ts.post(t, "/api/v1/build", ct, body), http.StatusBadRequest)
			require.NotEmpty(t, p.Errors)
			assert.Equal(t, name, p.Errors[0].Path)
			ts.requireNoTemp(t)
		})
	}
}

func TestLogsCarryNoCaseContent(t *testing.T) {
	doc, files := sampleFiles(t, nil)
	bad, _ := sampleFiles(t, withoutTermNecessity)
	ts := newTestServer(t, Config{})
	ts.post(t, "/api/v1/validate", "application/json", doc)
	ts.post(t, "/api/v1/build", "application/zip", caseZip(t, doc, files))
	ts.post(t, "/api/v1/build", "application/zip", caseZip(t, bad, files))
	ts.post(t, "/api/v1/validate", "application/json", []byte(`{"urn": "60NC0217826", "people": [{"surname": "Pryce"}]}`))
	logged := ts.log.String()
	assert.Equal(t, 4, strings.Count(logged, "\n"), "one line per request")
	for _, secret := range []string{"60NC0217826", "Pryce", "Lowry", "Llanrwst", "necessity", "urn"} {
		assert.NotContains(t, logged, secret)
	}
}

// patchSize sets the uncompressed size the zip's central directory
// declares for the entry name.
func patchSize(t *testing.T, body []byte, name string, size uint32) {
	t.Helper()
	sig := []byte("PK\x01\x02")
	for i := bytes.Index(body, sig); i >= 0; {
		n := int(binary.LittleEndian.Uint16(body[i+28:]))
		if string(body[i+46:i+46+n]) == name {
			binary.LittleEndian.PutUint32(body[i+24:], size)
			return
		}
		next := bytes.Index(body[i+4:], sig)
		if next < 0 {
			break
		}
		i += 4 + next
	}
	t.Fatalf("no central directory entry for %s", name)
}

func TestUnpackHandsThePageTheCaseAndItsFiles(t *testing.T) {
	doc, files := sampleFiles(t, nil)
	ts := newTestServer(t, Config{})
	w := ts.post(t, "/api/v1/unpack", "application/zip", caseZip(t, doc, files))
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	got := decode[struct {
		Case  string `json:"case"`
		Files []struct {
			Name string `json:"name"`
			Data []byte `json:"data"`
		} `json:"files"`
	}](t, w.Body)
	assert.Equal(t, string(doc), got.Case)
	require.Len(t, got.Files, len(files))
	for _, f := range got.Files {
		assert.Equal(t, files[f.Name], f.Data, f.Name)
	}
	ts.requireNoTemp(t)
}

func TestAnInternalErrorIsAnsweredGenericallyAndLoggedWithoutItsText(t *testing.T) {
	doc, _ := sampleFiles(t, nil)
	ts := newTestServer(t, Config{})
	// A temporary folder that cannot be made: the error's text names the
	// server's folder, which must reach neither the client nor the log.
	ts.cfg.TmpRoot = filepath.Join(ts.tmp, "ZQXJ-server-folder")
	p := problemOf(t, ts.post(t, "/api/v1/validate", "application/json", doc), http.StatusInternalServerError)
	assert.Equal(t, "Internal error", p.Title)
	assert.NotContains(t, p.Detail, "ZQXJ")
	assert.NotContains(t, p.Detail, "no such file")
	ref := regexp.MustCompile(`reference ([0-9a-f]{12})`).FindStringSubmatch(p.Detail)
	require.NotNil(t, ref, p.Detail)
	logged := ts.log.String()
	assert.Contains(t, logged, "internal error "+ref[1]+": *fs.PathError > syscall.Errno (no such file or directory)")
	assert.NotContains(t, logged, "ZQXJ")
}

func TestErrorKindsNameTheTypesAndNotTheText(t *testing.T) {
	secret := &fs.PathError{Op: "open", Path: "exhibits/Siân Pryce.pdf", Err: syscall.ENOENT}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"a wrapped system error", fmt.Errorf("exhibit of Siân Pryce: %w", secret), "*fmt.wrapError > *fs.PathError > syscall.Errno (no such file or directory)"},
		{"a cancelled request", fmt.Errorf("building for Siân Pryce: %w", context.Canceled), "*fmt.wrapError > context canceled"},
		{"errors joined", errors.Join(errors.New("Siân Pryce"), secret), "*errors.joinError > [*errors.errorString; *fs.PathError > syscall.Errno (no such file or directory)]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := errorKinds(tt.err)
			assert.Equal(t, tt.want, got)
			assert.NotContains(t, got, "Pryce")
		})
	}
}

// countingWriter is a ResponseWriter that keeps only the answer's size
// and its first bytes.
type countingWriter struct {
	h    http.Header
	code int
	n    int64
	head []byte
}

func (c *countingWriter) Header() http.Header { return c.h }
func (c *countingWriter) WriteHeader(code int) {
	if c.code == 0 {
		c.code = code
	}
}
func (c *countingWriter) Write(b []byte) (int, error) {
	if len(c.head) < 64 {
		c.head = append(c.head, b[:min(len(b), 64-len(c.head))]...)
	}
	c.n += int64(len(b))
	return len(b), nil
}

func TestUnpackingLargeFilesStreamsThemRatherThanHoldingThemInMemory(t *testing.T) {
	doc, _ := sampleFiles(t, nil)
	big := bytes.Repeat([]byte{0}, 40<<20)
	body := makeZip(t, []zipEntry{{name: caseFile, data: doc}, {name: "a.bin", data: big}, {name: "b.bin", data: big}})
	big = nil
	ts := newTestServer(t, Config{})
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	w := &countingWriter{h: http.Header{}}
	r := httptest.NewRequest("POST", "/api/v1/unpack", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/zip")
	ts.ServeHTTP(w, r)
	runtime.ReadMemStats(&after)
	require.Contains(t, []int{0, http.StatusOK}, w.code, "an answer that writes no status is 200")
	assert.Greater(t, w.n, int64(2*40<<20*4/3), "both files are answered, base64-encoded")
	assert.True(t, bytes.HasPrefix(w.head, []byte(`{"case":"{`)), string(w.head))
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("answered %d MiB, allocating %d MiB", w.n>>20, allocated>>20)
	assert.Less(t, allocated, uint64(32<<20), "the 80 MiB of files must not be held, let alone their base64")
	ts.requireNoTemp(t)
}

func TestACaseDocumentOverTheFormatsLimitIsSaidToBeTooLarge(t *testing.T) {
	doc := append(append([]byte(`{"format": "spokit.case/v1", "urn": "`), bytes.Repeat([]byte("x"), casefile.MaxCaseSize)...), `"}`...)
	form, formType := caseForm(t, doc, nil)
	ts := newTestServer(t, Config{MaxBody: int64(len(form)) + 1<<20})
	p := problemOf(t, ts.post(t, "/api/v1/validate", formType, form), http.StatusBadRequest)
	require.NotEmpty(t, p.Errors)
	assert.Contains(t, p.Errors[0].Message, "larger than the 64 MiB limit")
	ts.requireNoTemp(t)
}
