package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"log"
	"mime/multipart"
	"net/http/httptest"
	"net/textproto"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
)

// testServer is a server whose temporary folders and log a test can read.
type testServer struct {
	*Server
	tmp string
	log *bytes.Buffer
}

func newTestServer(t *testing.T, cfg Config) *testServer {
	t.Helper()
	ts := &testServer{tmp: t.TempDir(), log: &bytes.Buffer{}}
	cfg.TmpRoot = ts.tmp
	cfg.Log = log.New(ts.log, "", 0)
	s, err := New(cfg)
	require.NoError(t, err)
	ts.Server = s
	return ts
}

// post sends a request to the server's handler as a force system would
// (no browser headers).
func (ts *testServer) post(t *testing.T, path, contentType string, body []byte, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest("POST", path, bytes.NewReader(body))
	r.Header.Set("Content-Type", contentType)
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	ts.ServeHTTP(w, r)
	return w
}

// requireNoTemp checks that every request's temporary folder is gone.
func (ts *testServer) requireNoTemp(t *testing.T) {
	t.Helper()
	left, err := os.ReadDir(ts.tmp)
	require.NoError(t, err)
	require.Empty(t, left, "temporary folders left behind")
}

// sampleFiles returns the sample case document and its exhibit files by
// path, the document changed by edit when it is not nil.
func sampleFiles(t *testing.T, edit func(map[string]any)) (doc []byte, files map[string][]byte) {
	t.Helper()
	_, fsys := casefile.Sample()
	files = map[string][]byte{}
	require.NoError(t, fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		files[p] = b
		return err
	}))
	doc = files[caseFile]
	delete(files, caseFile)
	if edit != nil {
		var c map[string]any
		require.NoError(t, json.Unmarshal(doc, &c))
		edit(c)
		var err error
		doc, err = json.Marshal(c)
		require.NoError(t, err)
	}
	return doc, files
}

// withoutTermNecessity removes the necessity of the sample's third term:
// an error (SPO-TERM-NECESSITY at spo.terms[2].necessity).
func withoutTermNecessity(c map[string]any) {
	terms := c["spo"].(map[string]any)["terms"].([]any)
	delete(terms[2].(map[string]any), "necessity")
}

// zipEntry is one entry of a zip a test makes, possibly hostile.
type zipEntry struct {
	name string
	data []byte
	mode fs.FileMode
}

func makeZip(t *testing.T, entries []zipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		if e.mode != 0 {
			h.SetMode(e.mode)
		}
		w, err := zw.CreateHeader(h)
		require.NoError(t, err)
		_, err = w.Write(e.data)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func caseZip(t *testing.T, doc []byte, files map[string][]byte) []byte {
	entries := []zipEntry{{name: caseFile, data: doc}}
	for p, b := range files {
		entries = append(entries, zipEntry{name: p, data: b})
	}
	return makeZip(t, entries)
}

// caseForm is a multipart form with the case part and one file part per
// exhibit file, its filename the file's path.
func caseForm(t *testing.T, doc []byte, files map[string][]byte) (body []byte, contentType string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	part := func(name, filename string, data []byte) {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="`+name+`"; filename="`+filename+`"`)
		w, err := mw.CreatePart(h)
		require.NoError(t, err)
		_, err = w.Write(data)
		require.NoError(t, err)
	}
	part("case", caseFile, doc)
	for p, b := range files {
		part("file", p, b)
	}
	require.NoError(t, mw.Close())
	return buf.Bytes(), mw.FormDataContentType()
}

// decode reads a JSON answer.
func decode[T any](t *testing.T, r io.Reader) T {
	t.Helper()
	var v T
	require.NoError(t, json.NewDecoder(r).Decode(&v))
	return v
}

// problemOf reads a problem answer, checking its media type and status.
func problemOf(t *testing.T, w *httptest.ResponseRecorder, status int) Problem {
	t.Helper()
	require.Equal(t, status, w.Code, w.Body.String())
	require.Equal(t, "application/problem+json", w.Header().Get("Content-Type"))
	p := decode[Problem](t, w.Body)
	require.Equal(t, status, p.Status)
	return p
}

// builtFile is one output as the page receives it from a build asked
// for with Accept: application/json.
type builtFile struct {
	Name     string            `json:"name"`
	Audience casefile.Audience `json:"audience"`
	Size     int               `json:"size"`
	Data     []byte            `json:"data"`
}
