package casefile

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/spokit/spokit/internal/strictjson"
)

// MaxCaseSize is the largest case document Decode reads: 64 MiB, far above
// any real export (a 1,000-incident case with long statements is about
// 2 MiB), so that a wrong file cannot exhaust memory.
const MaxCaseSize = 64 << 20

// DecodeError is one problem that stops a case document being read: where
// it is (a JSON path such as "incidents[3].date", and the line and column in
// the document) and what is wrong.
type DecodeError struct {
	Path    string
	Line    int
	Column  int
	Message string
}

func (e DecodeError) String() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d, column %d: ", e.Line, e.Column)
	}
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	b.WriteString(e.Message)
	return b.String()
}

// DecodeErrors is every problem Decode found in a document, in document
// order. Use errors.As to get it from Decode's error.
type DecodeErrors []DecodeError

// Error lists the problems, one per line.
func (es DecodeErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.String()
	}
	return "the case file cannot be read:\n  " + strings.Join(lines, "\n  ")
}

// Decode reads one case document in the v1 format (case-format.md). It
// refuses documents over MaxCaseSize without reading past the limit, and
// reports every problem it finds (unknown or missing fields, wrong types,
// dates that do not exist, values outside a vocabulary, invalid UTF-8,
// malformed JSON) together as DecodeErrors. What the law needs of a readable
// case is judged by Validate, not here.
func Decode(r io.Reader) (*Case, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCaseSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading the case file: %w", err)
	}
	if len(data) > MaxCaseSize {
		return nil, DecodeErrors{{Message: fmt.Sprintf("the case file is larger than the %d MiB limit", MaxCaseSize>>20)}}
	}
	var c Case
	var errs DecodeErrors
	if err := strictjson.Decode(data, &c); err != nil {
		var list strictjson.Errors
		if !errors.As(err, &list) {
			return nil, fmt.Errorf("reading the case file: %w", err)
		}
		for _, e := range list {
			errs = append(errs, DecodeError{Path: e.Path, Line: e.Line, Column: e.Column, Message: e.Message})
		}
	}
	if c.Format != FormatV1 && !errs.mentions("format") {
		errs = append(errs, DecodeError{Path: "format", Message: fmt.Sprintf("format is %q; this version of spokit reads %q", c.Format, FormatV1)})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return &c, nil
}

func (es DecodeErrors) mentions(path string) bool {
	for _, e := range es {
		if e.Path == path || e.Path == "" {
			return true
		}
	}
	return false
}

// PageMarking returns the protective marking for every page: the case's own, in
// capitals, or DefaultMarking.
func (c *Case) PageMarking() string {
	if m := strings.TrimSpace(c.Marking); m != "" {
		return strings.ToUpper(m)
	}
	return DefaultMarking
}

// Encode writes c as an indented v1 case document.
func Encode(w io.Writer, c *Case) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return fmt.Errorf("encoding the case: %w", err)
	}
	_, err := w.Write(b.Bytes())
	return err
}

//go:embed sample
var sampleFS embed.FS

// Sample returns spokit's embedded sample case: fictional, realistic and
// sound (it validates with no errors), and the folder its exhibit files are
// read from.
func Sample() (*Case, fs.FS) {
	sub, err := fs.Sub(sampleFS, "sample")
	if err != nil {
		panic(err) // the embedded folder is part of the build
	}
	f, err := sub.Open("case.json")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	c, err := Decode(f)
	if err != nil {
		panic(fmt.Sprintf("casefile: embedded sample does not decode: %v", err)) // tested
	}
	return c, sub
}

// SampleJSON returns the embedded sample case document as written.
func SampleJSON() []byte {
	b, err := sampleFS.ReadFile("sample/case.json")
	if err != nil {
		panic(err)
	}
	return b
}
