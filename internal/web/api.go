package web

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"os"
	"strings"
	"time"

	spokit "github.com/spokit/spokit"
	"github.com/spokit/spokit/casefile"
)

// withCase runs fn on the request's case inside the request's own
// temporary folder, which is removed, with every file written into it,
// before the handler returns: no case data outlives the response.
func (s *Server) withCase(w http.ResponseWriter, r *http.Request, fn func(in *intake, set spokit.Settings) error) {
	set, err := settings(r)
	if err != nil {
		s.fail(w, err)
		return
	}
	tmp, err := os.MkdirTemp(s.cfg.TmpRoot, "spokit-request-")
	if err != nil {
		s.fail(w, err)
		return
	}
	defer os.RemoveAll(tmp)
	in, err := s.readCase(r, tmp)
	if err != nil {
		s.fail(w, err)
		return
	}
	defer in.close()
	set.Files, set.TmpDir = in.files, tmp
	if err := fn(in, set); err != nil {
		s.fail(w, err)
	}
}

// settings reads the query's choices: as_of (a date) and draft.
func settings(r *http.Request) (spokit.Settings, error) {
	var set spokit.Settings
	q := r.URL.Query()
	if v := q.Get("as_of"); v != "" {
		d, err := casefile.ParseDate(v)
		if err != nil {
			return set, badRequest(http.StatusBadRequest, "Bad query", "as_of", err.Error())
		}
		set.AsOf = d
	}
	switch q.Get("draft") {
	case "", "false":
	case "true":
		set.Draft = true
	default:
		return set, badRequest(http.StatusBadRequest, "Bad query", "draft", "draft is true or false")
	}
	return set, nil
}

// validate answers the validate --json report. Findings are the answer,
// not a failure, so even a case with errors is 200.
func (s *Server) validate(w http.ResponseWriter, r *http.Request) {
	s.withCase(w, r, func(in *intake, set spokit.Settings) error {
		w.Header().Set("Content-Type", "application/json")
		writeJSON(w, spokit.Validate(in.c, set))
		return nil
	})
}

// screen answers the screen --json report, or with ?view=report the
// screening in words, section by section, as the page shows it.
func (s *Server) screen(w http.ResponseWriter, r *http.Request) {
	s.withCase(w, r, func(in *intake, set spokit.Settings) error {
		var v any
		var err error
		if r.URL.Query().Get("view") == "report" {
			v, err = spokit.ScreeningReport(in.c, set)
		} else {
			v, err = spokit.Screen(in.c, set)
		}
		if err != nil {
			return err
		}
		w.Header().Set("Content-Type", "application/json")
		writeJSON(w, v)
		return nil
	})
}

// build answers the outputs and the manifest as a zip; 422 with the
// findings when the case has errors and no draft was asked for. With
// Accept: application/json (the page) it answers the report, every file
// and the zip in one JSON document, so the browser can show each file and
// offer the bundle from one build.
//
// A bare JSON case is refused: it carries no exhibit files, and a bundle
// built from it would go to court without the exhibits it lists.
func (s *Server) build(w http.ResponseWriter, r *http.Request) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/json" {
		writeProblem(w, Problem{Title: "Unsupported media type", Status: http.StatusUnsupportedMediaType,
			Detail: "send the case folder as application/zip, or as multipart/form-data with the case and its exhibit files: a bare JSON case carries no exhibit files, and its bundle would lack them"})
		return
	}
	s.withCase(w, r, func(in *intake, set spokit.Settings) error {
		res, err := spokit.Build(r.Context(), in.c, set)
		if errors.Is(err, spokit.ErrCaseHasErrors) {
			writeProblem(w, Problem{Title: "The case has error findings", Status: http.StatusUnprocessableEntity,
				Detail: "deal with the errors, or build a marked draft with ?draft=true", Findings: res.Report.Findings})
			return nil
		}
		if err != nil {
			return err
		}
		var zbuf bytes.Buffer
		if err := writeZip(&zbuf, res.Outputs, res.Report.AsOf.Time()); err != nil {
			return err
		}
		if strings.Contains(r.Header.Get("Accept"), "application/json") {
			w.Header().Set("Content-Type", "application/json")
			j := newJSONStream(w)
			j.raw(`{"report":`)
			j.value(res.Report)
			j.raw(`,"files":[`)
			for i, o := range res.Outputs {
				if i > 0 {
					j.raw(",")
				}
				j.raw(`{"name":`)
				j.value(o.Name)
				j.raw(`,"audience":`)
				j.value(o.Audience)
				j.raw(`,"size":`)
				j.value(len(o.Data))
				j.raw(`,"data":`)
				j.base64(bytes.NewReader(o.Data))
				j.raw("}")
			}
			j.raw(`],"zip":`)
			j.base64(&zbuf)
			j.raw("}\n")
			s.cutShort(j.close())
			return nil
		}
		w.Header().Set("Content-Type", "application/zip")
		w.Header().Set("Content-Disposition", `attachment; filename="spokit-build.zip"`)
		w.Write(zbuf.Bytes())
		return nil
	})
}

// writeZip writes the outputs, the manifest among them, into a zip dated
// the day the case was judged on, so that the same case gives the same
// bytes.
func writeZip(buf *bytes.Buffer, outputs []spokit.Output, date time.Time) error {
	zw := zip.NewWriter(buf)
	for _, o := range outputs {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: o.Name, Method: zip.Deflate, Modified: date})
		if err != nil {
			return err
		}
		if _, err := f.Write(o.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// unpack answers what a zipped case folder holds, for the page: the case
// document as sent and every other file, so that the browser holds the
// case between requests and the server keeps nothing.
func (s *Server) unpack(w http.ResponseWriter, r *http.Request) {
	s.withCase(w, r, func(in *intake, _ spokit.Settings) error {
		w.Header().Set("Content-Type", "application/json")
		j := newJSONStream(w)
		j.raw(`{"case":`)
		j.value(string(in.raw))
		j.raw(`,"files":[`)
		first := true
		for _, n := range in.names {
			if n == caseFile {
				continue
			}
			if !first {
				j.raw(",")
			}
			first = false
			j.raw(`{"name":`)
			j.value(n)
			j.raw(`,"data":`)
			f, err := in.root.Open(n)
			if err != nil {
				j.fail(err)
				break
			}
			j.base64(f)
			f.Close()
			j.raw("}")
		}
		j.raw("]}\n")
		s.cutShort(j.close())
		return nil
	})
}

// jsonStream writes a JSON answer that holds files, streaming each file's
// data as base64 rather than encoding the whole answer in memory: an
// uploaded case's files may be hundreds of megabytes uncompressed, and
// encoding/json would hold them and their base64 at once. The first error
// stops it.
type jsonStream struct {
	w   *bufio.Writer
	err error
}

func newJSONStream(w io.Writer) *jsonStream { return &jsonStream{w: bufio.NewWriter(w)} }

func (j *jsonStream) fail(err error) {
	if j.err == nil {
		j.err = err
	}
}

// raw writes JSON text as it is.
func (j *jsonStream) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

// value writes v encoded, as writeJSON would but on one line.
func (j *jsonStream) value(v any) {
	if j.err != nil {
		return
	}
	enc := json.NewEncoder(j.w)
	enc.SetEscapeHTML(false)
	j.err = enc.Encode(v) // the newline it adds is white space between tokens
}

// base64 writes r's bytes as a JSON string in standard base64, as
// encoding/json writes a []byte.
func (j *jsonStream) base64(r io.Reader) {
	j.raw(`"`)
	if j.err != nil {
		return
	}
	enc := base64.NewEncoder(base64.StdEncoding, j.w)
	if _, err := io.Copy(enc, r); err != nil {
		j.fail(err)
		return
	}
	j.fail(enc.Close())
	j.raw(`"`)
}

func (j *jsonStream) close() error {
	if j.err == nil {
		j.err = j.w.Flush()
	}
	return j.err
}

// cutShort logs an error met once an answer has begun, when it can no
// longer be a problem: the answer is left cut short, which no client can
// take for a whole JSON document. Its kinds only, as for any error.
func (s *Server) cutShort(err error) {
	if err != nil {
		s.cfg.Log.Printf("answer cut short: %s", errorKinds(err))
	}
}
