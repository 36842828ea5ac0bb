package web

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"syscall"

	"github.com/spokit/spokit/casefile"
)

// Problem is an error answer, application/problem+json (RFC 9457), with
// the JSON paths of what is wrong.
type Problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
	// Errors are the problems that stop the case being read, each with
	// its JSON path (or the name of the uploaded file) and, for the case
	// document, its line and column.
	Errors []ProblemError `json:"errors,omitempty"`
	// Findings are the validation's findings, on a build refused because
	// some are errors.
	Findings []casefile.Finding `json:"findings,omitempty"`
}

// ProblemError is one reason a request cannot be served.
type ProblemError struct {
	Path    string `json:"path,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

// problem writes a problem with no detail beyond its message.
func problem(w http.ResponseWriter, status int, title, detail string) {
	writeProblem(w, Problem{Title: title, Status: status, Detail: detail})
}

func writeProblem(w http.ResponseWriter, p Problem) {
	if p.Type == "" {
		p.Type = "about:blank"
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(p.Status)
	writeJSON(w, p)
}

// writeJSON writes v as indented JSON with no HTML escaping, as the
// command's --json does.
func writeJSON(w http.ResponseWriter, v any) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(v) // a failed write means the client has gone
}

// requestError is a request the server cannot serve, with the status and
// the problems to answer.
type requestError struct {
	status int
	title  string
	errs   []ProblemError
}

func (e *requestError) Error() string { return e.title }

func badRequest(status int, title, path, msg string) *requestError {
	return &requestError{status: status, title: title, errs: []ProblemError{{Path: path, Message: msg}}}
}

// fail answers err: a requestError as it says, a case that cannot be
// decoded 400 with every problem's path, a body over the limit 413.
// Anything else is the server's own failure: the client is told no more
// than that and a reference, and the log line under that reference names
// the error's kinds only, because its text may quote the case (a name, a
// file name) or the server's folders.
func (s *Server) fail(w http.ResponseWriter, err error) {
	var re *requestError
	var dec casefile.DecodeErrors
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &re):
		writeProblem(w, Problem{Title: re.title, Status: re.status, Errors: re.errs})
	case errors.As(err, &dec):
		p := Problem{Title: "The case cannot be read", Status: http.StatusBadRequest}
		for _, d := range dec {
			p.Errors = append(p.Errors, ProblemError{Path: d.Path, Line: d.Line, Column: d.Column, Message: d.Message})
		}
		writeProblem(w, p)
	case errors.As(err, &tooBig):
		problem(w, http.StatusRequestEntityTooLarge, "Request too large", fmt.Sprintf("the body is over this server's limit of %d bytes", tooBig.Limit))
	default:
		ref := make([]byte, 6)
		rand.Read(ref) // never fails (crypto/rand)
		s.cfg.Log.Printf("internal error %x: %s", ref, errorKinds(err))
		problem(w, http.StatusInternalServerError, "Internal error",
			fmt.Sprintf("the server could not complete the request and kept nothing of it; whoever runs the server can find reference %x in its log", ref))
	}
}

// errorKinds describes err without its text: the type of each error it
// wraps, and the words of those that cannot carry case content (a system
// call's error number, a cancelled or expired context).
func errorKinds(err error) string {
	var kinds []string
	for err != nil {
		if errno, ok := err.(syscall.Errno); ok {
			kinds = append(kinds, fmt.Sprintf("%T (%v)", err, errno))
		} else if err == context.Canceled || err == context.DeadlineExceeded {
			kinds = append(kinds, err.Error())
		} else {
			kinds = append(kinds, fmt.Sprintf("%T", err))
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		case interface{ Unwrap() []error }:
			var parts []string
			for _, e := range u.Unwrap() {
				parts = append(parts, errorKinds(e))
			}
			kinds = append(kinds, "["+strings.Join(parts, "; ")+"]")
			err = nil
		default:
			err = nil
		}
	}
	return strings.Join(kinds, " > ")
}
