package web

import (
	"archive/zip"
	"bytes"
	"errors"
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

// builtFile is one output as the page receives it.
type builtFile struct {
	Name     string            `json:"name"`
	Audience casefile.Audience `json:"audience"`
	Size     int               `json:"size"`
	Data     []byte            `json:"data"`
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
			out := struct {
				Report *casefile.Report `json:"report"`
				Files  []builtFile      `json:"files"`
				Zip    []byte           `json:"zip"`
			}{Report: res.Report, Zip: zbuf.Bytes()}
			for _, o := range res.Outputs {
				out.Files = append(out.Files, builtFile{o.Name, o.Audience, len(o.Data), o.Data})
			}
			w.Header().Set("Content-Type", "application/json")
			writeJSON(w, out)
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
		type file struct {
			Name string `json:"name"`
			Data []byte `json:"data"`
		}
		out := struct {
			Case  string `json:"case"`
			Files []file `json:"files"`
		}{Case: string(in.raw), Files: []file{}}
		for _, n := range in.names {
			if n == caseFile {
				continue
			}
			data, err := in.root.ReadFile(n)
			if err != nil {
				return err
			}
			out.Files = append(out.Files, file{n, data})
		}
		w.Header().Set("Content-Type", "application/json")
		writeJSON(w, out)
		return nil
	})
}
