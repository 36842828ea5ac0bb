package strictjson

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is one problem found while decoding.
type Error struct {
	// Path is the JSON path of the value or key at fault, e.g.
	// `incidents[3].behaviours[1]`; empty for problems with the document as a
	// whole (malformed JSON, invalid UTF-8) and for the "and N more" entry.
	Path string
	// Line and Column locate the offending value or key, both 1-based. Column
	// counts characters, not bytes. Both are 0 for the "and N more" entry.
	Line, Column int
	// Message says what is wrong.
	Message string

	offset int  // byte offset into the document, for ordering
	fatal  bool // decoding stopped here (syntax, encoding or nesting depth)
}

// Error formats the problem as "line L, col C: PATH: message".
func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return e.Message
	case e.Path == "":
		return fmt.Sprintf("line %d, col %d: %s", e.Line, e.Column, e.Message)
	default:
		return fmt.Sprintf("line %d, col %d: %s: %s", e.Line, e.Column, e.Path, e.Message)
	}
}

// Errors is every problem found in one document, in document order. When
// there are more than the decoder keeps, the last entry says how many more
// there were.
type Errors []*Error

// Error lists the problems, one per line.
func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap exposes each problem, so errors.As can find an *Error.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// segment is one step of a JSON path: an object key or an array index.
type segment struct {
	name    string
	index   int
	isIndex bool
}

// renderPath writes a path as `a.b[2].c`. Keys that are not plain names are
// written as `["a key"]` so the path stays unambiguous.
func renderPath(segs []segment) string {
	var b strings.Builder
	for i, s := range segs {
		switch {
		case s.isIndex:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
		case plainKey(s.name):
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.name)
		default:
			b.WriteByte('[')
			b.WriteString(strconv.Quote(s.name))
			b.WriteByte(']')
		}
	}
	return b.String()
}

// plainKey reports whether a key can be written bare in a path.
func plainKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// finish orders the problems by position, fills in lines and columns, and
// adds the "and N more" entry. It returns nil when there were no problems.
func finish(data []byte, errs []*Error, more int) error {
	if len(errs) == 0 {
		return nil
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].offset < errs[j].offset })
	// Line starts are only worked out when there is something to report.
	starts := []int{0}
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	for _, e := range errs {
		line := sort.Search(len(starts), func(k int) bool { return starts[k] > e.offset }) - 1
		e.Line = line + 1
		e.Column = utf8.RuneCount(data[starts[line]:e.offset]) + 1
	}
	if more > 0 {
		noun := "problems"
		if more == 1 {
			noun = "problem"
		}
		errs = append(errs, &Error{Message: fmt.Sprintf("and %d more %s", more, noun), offset: len(data)})
	}
	return Errors(errs)
}
