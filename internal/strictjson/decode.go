// Package strictjson decodes JSON into Go structs strictly and describes those
// structs as JSON Schema.
//
// It is generic: it knows nothing of what the structs mean. The rules come
// from struct tags and a few interfaces:
//
//   - `json:"name"` names the field (the Go name when absent; "-" skips it).
//   - `req:"true"` makes the field required: it must be present and not null.
//   - `doc:"..."` becomes the field's description in the schema.
//   - A type whose pointer implements encoding.TextUnmarshaler is read from a
//     JSON string through UnmarshalText; its error is reported at the path.
//   - A named string type implementing Valuer only accepts one of Values().
//   - A type implementing SchemaDescriber describes its own schema.
//
// Decode reports every problem it finds, each with its JSON path, line and
// column, rather than stopping at the first, so a whole export can be fixed
// in one pass.
package strictjson

import (
	"bytes"
	"encoding"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

const (
	// maxDepth bounds the nesting of objects and arrays, so hostile input
	// cannot exhaust the stack.
	maxDepth = 64
	// maxErrors bounds the problems kept; the rest are only counted.
	maxErrors = 200
)

// Decode decodes the JSON document data into v, which must be a non-nil
// pointer to a struct. v is reset to its zero value first.
//
// Problems with the document are returned together as Errors (use errors.As).
// A malformed document, invalid UTF-8, a leading byte order mark or nesting
// deeper than 64 levels stops decoding at that point; every other problem is recorded, the offending value
// is skipped, and decoding continues. At most 200 problems are listed, then
// one entry counting the rest. On error v may be partly filled.
//
// Rules: unknown keys, duplicate keys, wrong JSON types, fractions or
// out-of-range numbers for integer fields, values outside an enum's Values(),
// UnmarshalText failures and missing or null required fields are errors. null
// for an optional field sets its zero value. null in an array is accepted only
// when the element type is a pointer.
//
// An error that is not Errors means v's type cannot be decoded (e.g. it
// contains a map); that is a programming error, not a problem with data.
func Decode(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("strictjson: Decode needs a non-nil pointer to a struct, got %T", v)
	}
	p, err := planFor(rv.Elem().Type())
	if err != nil {
		return err
	}
	target := rv.Elem()
	target.SetZero()

	d := &decoder{data: data}
	switch off := invalidUTF8At(data); {
	case off >= 0:
		d.fail(off, fmt.Sprintf("invalid UTF-8: byte 0x%02X does not begin a valid character", data[off]))
	case bytes.HasPrefix(data, utf8BOM):
		d.fail(0, "the document starts with a byte order mark; save it as UTF-8 without one")
	default:
		d.document(p, target)
	}
	return finish(data, d.errs, d.more)
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// invalidUTF8At returns the offset of the first byte that is not part of a
// valid UTF-8 character, or -1.
func invalidUTF8At(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// decoder walks the document once, decoding into the target as it goes.
// Methods that return bool return false when decoding must stop (a fatal
// problem has been recorded).
type decoder struct {
	data  []byte
	pos   int
	depth int
	path  []segment
	buf   []byte // scratch for unescaped strings
	errs  []*Error
	more  int // problems found beyond maxErrors
}

// add records a problem at offset off with the current path.
func (d *decoder) add(off int, msg string) {
	if len(d.errs) >= maxErrors {
		d.more++
		return
	}
	d.errs = append(d.errs, &Error{Path: renderPath(d.path), Message: msg, offset: off})
}

// addAt records a problem at offset off for a child of the current path.
func (d *decoder) addAt(off int, child, msg string) {
	d.path = append(d.path, segment{name: child})
	d.add(off, msg)
	d.path = d.path[:len(d.path)-1]
}

// fail records a problem that stops decoding. It is always kept, even past
// the cap, because it explains why nothing after it was checked. It returns
// false so callers can return its result.
func (d *decoder) fail(off int, msg string) bool {
	d.errs = append(d.errs, &Error{Message: msg, offset: off, fatal: true})
	return false
}

// failHere reports an unexpected character (or the end of input) at d.pos.
func (d *decoder) failHere(context string) bool {
	if d.pos >= len(d.data) {
		return d.fail(d.pos, "unexpected end of input "+context)
	}
	return d.fail(d.pos, "invalid character "+d.charAt(d.pos)+" "+context)
}

// charAt quotes the character at offset off for a message.
func (d *decoder) charAt(off int) string {
	r, _ := utf8.DecodeRune(d.data[off:])
	return strconv.QuoteRune(r)
}

// document decodes the top-level value and checks nothing follows it.
func (d *decoder) document(p *plan, v reflect.Value) {
	d.skipWS()
	if d.pos >= len(d.data) {
		d.fail(d.pos, "empty document: expected a JSON object")
		return
	}
	if !d.value(p, v) {
		return
	}
	d.skipWS()
	if d.pos < len(d.data) {
		d.failHere("after the top-level value")
	}
}

func (d *decoder) skipWS() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// jsonTypeAt names the JSON type of the value starting at d.pos.
func (d *decoder) jsonTypeAt() string {
	switch c := d.data[d.pos]; {
	case c == '{':
		return "object"
	case c == '[':
		return "array"
	case c == '"':
		return "string"
	case c == 't' || c == 'f':
		return "boolean"
	case c == 'n':
		return "null"
	default:
		return "number"
	}
}

// value decodes one value (d.pos is at its first non-space byte or the end)
// into v according to p.
func (d *decoder) value(p *plan, v reflect.Value) bool {
	d.skipWS()
	if d.pos >= len(d.data) {
		return d.failHere("where a value was expected")
	}
	c := d.data[d.pos]
	if !startsValue(c) {
		return d.failHere("where a value was expected")
	}
	if c == 'n' && p.kind == kindPtr {
		if !d.literal("null") {
			return false
		}
		v.SetZero()
		return true
	}
	switch p.kind {
	case kindPtr:
		if v.IsNil() {
			v.Set(reflect.New(p.typ.Elem()))
		}
		return d.value(p.elem, v.Elem())
	case kindStruct:
		if c != '{' {
			return d.mismatch(p)
		}
		return d.object(p, v)
	case kindSlice:
		if c != '[' {
			return d.mismatch(p)
		}
		return d.array(p, v)
	case kindString, kindEnum, kindText:
		if c != '"' {
			return d.mismatch(p)
		}
		return d.stringValue(p, v)
	case kindBool:
		switch c {
		case 't':
			v.SetBool(true)
			return d.literal("true")
		case 'f':
			v.SetBool(false)
			return d.literal("false")
		}
		return d.mismatch(p)
	default: // kindInt, kindUint, kindFloat
		if c != '-' && !isDigit(c) {
			return d.mismatch(p)
		}
		return d.number(p, v)
	}
}

// startsValue reports whether c can begin a JSON value.
func startsValue(c byte) bool {
	switch c {
	case '{', '[', '"', 't', 'f', 'n', '-':
		return true
	}
	return isDigit(c)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// mismatch reports a value of the wrong JSON type and skips it.
func (d *decoder) mismatch(p *plan) bool {
	d.add(d.pos, "expected "+p.jsonType()+", got "+d.jsonTypeAt())
	return d.skip()
}

// enter steps into an object or array at d.pos, enforcing the depth limit.
func (d *decoder) enter() bool {
	d.depth++
	if d.depth > maxDepth {
		return d.fail(d.pos, fmt.Sprintf("nesting too deep: more than %d levels of objects and arrays", maxDepth))
	}
	d.pos++
	return true
}

// object decodes a JSON object (d.pos at '{') into the struct v.
func (d *decoder) object(p *plan, v reflect.Value) bool {
	open := d.pos
	if !d.enter() {
		return false
	}
	seen := newFieldSet(len(p.fields))
	var unknown map[string]bool // unknown keys seen, allocated only if there are any
	d.skipWS()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		d.pos++
	} else {
		for {
			d.skipWS()
			if d.pos >= len(d.data) || d.data[d.pos] != '"' {
				return d.failHere("where an object key was expected")
			}
			keyOff := d.pos
			key, problem, ok := d.readString()
			if !ok {
				return false
			}
			d.skipWS()
			if d.pos >= len(d.data) || d.data[d.pos] != ':' {
				return d.failHere("after an object key (expected ':')")
			}
			d.pos++
			idx, known := p.byName[string(key)]
			switch {
			case problem != "":
				d.add(keyOff, problem)
				known = false
			case !known && unknown[string(key)]:
				d.addAt(keyOff, string(key), fmt.Sprintf("duplicate field %q", key))
			case !known:
				name := string(key)
				if unknown == nil {
					unknown = map[string]bool{}
				}
				unknown[name] = true
				d.addAt(keyOff, name, unknownFieldMessage(name, p))
			case seen.has(idx):
				d.addAt(keyOff, p.fields[idx].name, fmt.Sprintf("duplicate field %q", p.fields[idx].name))
				known = false
			}
			if known {
				seen.add(idx)
				if !d.field(&p.fields[idx], v.Field(p.fields[idx].index)) {
					return false
				}
			} else if !d.skip() {
				return false
			}
			d.skipWS()
			if d.pos >= len(d.data) {
				return d.failHere("in an object (expected ',' or '}')")
			}
			if d.data[d.pos] == ',' {
				d.pos++
				continue
			}
			if d.data[d.pos] == '}' {
				d.pos++
				break
			}
			return d.failHere("after an object value (expected ',' or '}')")
		}
	}
	d.depth--
	for i := range p.fields {
		if p.fields[i].required && !seen.has(i) {
			d.addAt(open, p.fields[i].name, fmt.Sprintf("required field %q is missing", p.fields[i].name))
		}
	}
	return true
}

// field decodes the value of one known struct field.
func (d *decoder) field(f *field, v reflect.Value) bool {
	d.path = append(d.path, segment{name: f.name})
	var ok bool
	d.skipWS()
	if d.pos < len(d.data) && d.data[d.pos] == 'n' {
		if f.required {
			d.add(d.pos, fmt.Sprintf("required field %q must not be null", f.name))
		} else {
			v.SetZero()
		}
		ok = d.literal("null")
	} else {
		ok = d.value(f.plan, v)
	}
	d.path = d.path[:len(d.path)-1]
	return ok
}

// fieldSet records which fields of a struct an object has set. Structs with
// up to 64 fields use a bit mask, so most objects cost no allocation.
type fieldSet struct {
	mask uint64
	more []bool
}

func newFieldSet(n int) fieldSet {
	if n > 64 {
		return fieldSet{more: make([]bool, n)}
	}
	return fieldSet{}
}

func (s *fieldSet) add(i int) {
	if s.more != nil {
		s.more[i] = true
		return
	}
	s.mask |= 1 << uint(i)
}

func (s *fieldSet) has(i int) bool {
	if s.more != nil {
		return s.more[i]
	}
	return s.mask&(1<<uint(i)) != 0
}

// array decodes a JSON array (d.pos at '[') into the slice v. An empty array
// gives an empty, non-nil slice, so callers can tell it from an absent field.
func (d *decoder) array(p *plan, v reflect.Value) bool {
	if !d.enter() {
		return false
	}
	v.Set(reflect.MakeSlice(p.typ, 0, 0))
	d.skipWS()
	if d.pos < len(d.data) && d.data[d.pos] == ']' {
		d.pos++
		d.depth--
		return true
	}
	for n := 0; ; n++ {
		if v.Len() == v.Cap() {
			v.Grow(1)
		}
		v.SetLen(n + 1)
		d.path = append(d.path, segment{index: n, isIndex: true})
		ok := d.value(p.elem, v.Index(n))
		d.path = d.path[:len(d.path)-1]
		if !ok {
			return false
		}
		d.skipWS()
		if d.pos >= len(d.data) {
			return d.failHere("in an array (expected ',' or ']')")
		}
		if d.data[d.pos] == ',' {
			d.pos++
			continue
		}
		if d.data[d.pos] == ']' {
			d.pos++
			d.depth--
			return true
		}
		return d.failHere("after an array element (expected ',' or ']')")
	}
}

// stringValue decodes a JSON string (d.pos at '"') into a string, enum or
// TextUnmarshaler.
func (d *decoder) stringValue(p *plan, v reflect.Value) bool {
	off := d.pos
	s, problem, ok := d.readString()
	if !ok {
		return false
	}
	if problem != "" {
		d.add(off, problem)
		return true
	}
	switch p.kind {
	case kindEnum:
		canonical, ok := p.enumOf[string(s)]
		if !ok {
			d.add(off, fmt.Sprintf("%q is not an allowed value; use one of %s", s, quoteList(p.enum)))
			return true
		}
		v.SetString(canonical)
	case kindText:
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(s); err != nil {
			d.add(off, err.Error())
		}
	default:
		v.SetString(string(s))
	}
	return true
}

// quoteList writes values as `"a", "b", "c"`.
func quoteList(values []string) string {
	var b []byte
	for i, v := range values {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendQuote(b, v)
	}
	return string(b)
}

// number decodes a JSON number (d.pos at its first byte) into an integer or
// float.
func (d *decoder) number(p *plan, v reflect.Value) bool {
	off := d.pos
	if !d.scanNumber() {
		return false
	}
	lit := string(d.data[off:d.pos])
	bits := p.typ.Bits()
	switch p.kind {
	case kindInt:
		if bytes.ContainsAny(d.data[off:d.pos], ".eE") {
			d.add(off, "expected integer, got "+lit)
			return true
		}
		n, err := strconv.ParseInt(lit, 10, bits)
		if err != nil {
			d.add(off, fmt.Sprintf("integer %s is out of range (%d to %d)", lit, int64(-1)<<(bits-1), int64(math.MaxInt64>>(64-bits))))
			return true
		}
		v.SetInt(n)
	case kindUint:
		if bytes.ContainsAny(d.data[off:d.pos], ".eE") || lit[0] == '-' {
			d.add(off, "expected a whole number of 0 or more, got "+lit)
			return true
		}
		n, err := strconv.ParseUint(lit, 10, bits)
		if err != nil {
			d.add(off, fmt.Sprintf("integer %s is out of range (0 to %d)", lit, uint64(math.MaxUint64>>(64-bits))))
			return true
		}
		v.SetUint(n)
	default:
		f, err := strconv.ParseFloat(lit, bits)
		if err != nil {
			d.add(off, fmt.Sprintf("number %s is out of range", lit))
			return true
		}
		v.SetFloat(f)
	}
	return true
}

// scanNumber moves past a number, checking it against the JSON grammar:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (d *decoder) scanNumber() bool {
	data := d.data
	if d.pos < len(data) && data[d.pos] == '-' {
		d.pos++
	}
	switch {
	case d.pos < len(data) && data[d.pos] == '0':
		d.pos++
	case d.pos < len(data) && isDigit(data[d.pos]):
		d.digits()
	default:
		return d.failHere("in a number (expected a digit)")
	}
	if d.pos < len(data) && data[d.pos] == '.' {
		d.pos++
		if d.pos >= len(data) || !isDigit(data[d.pos]) {
			return d.failHere("after a decimal point (expected a digit)")
		}
		d.digits()
	}
	if d.pos < len(data) && (data[d.pos] == 'e' || data[d.pos] == 'E') {
		d.pos++
		if d.pos < len(data) && (data[d.pos] == '+' || data[d.pos] == '-') {
			d.pos++
		}
		if d.pos >= len(data) || !isDigit(data[d.pos]) {
			return d.failHere("in an exponent (expected a digit)")
		}
		d.digits()
	}
	return true
}

func (d *decoder) digits() {
	for d.pos < len(d.data) && isDigit(d.data[d.pos]) {
		d.pos++
	}
}

// literal moves past the literal word (true, false or null) at d.pos.
func (d *decoder) literal(word string) bool {
	for i := 0; i < len(word); i++ {
		if d.pos >= len(d.data) || d.data[d.pos] != word[i] {
			return d.failHere("in literal " + word)
		}
		d.pos++
	}
	return true
}

// readString reads the string at d.pos (which is '"'). The bytes returned
// alias the document or the decoder's scratch buffer, so they are only valid
// until the next read. problem is set, and ok stays true, when the string is
// well formed but cannot be represented (an unpaired surrogate escape).
func (d *decoder) readString() (s []byte, problem string, ok bool) {
	data := d.data
	start := d.pos + 1
	escaped := false
	i := start
	for {
		if i >= len(data) {
			d.pos = i
			return nil, "", d.fail(start-1, "unterminated string")
		}
		c := data[i]
		switch {
		case c == '"':
			d.pos = i + 1
			if !escaped {
				return data[start:i], "", true
			}
			s, problem = d.unescape(data[start:i])
			return s, problem, true
		case c == '\\':
			escaped = true
			if i+1 >= len(data) {
				d.pos = i + 1
				return nil, "", d.fail(start-1, "unterminated string")
			}
			switch data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				for k := i + 2; k < i+6; k++ {
					if k >= len(data) || !isHex(data[k]) {
						d.pos = min(k, len(data))
						return nil, "", d.failHere("in a \\u escape (expected 4 hex digits)")
					}
				}
				i += 6
			default:
				d.pos = i + 1
				return nil, "", d.failHere("in a string escape")
			}
		case c < 0x20:
			d.pos = i
			return nil, "", d.fail(i, fmt.Sprintf("control character U+%04X in a string; write it as an escape such as \\n", c))
		default:
			i++
		}
	}
}

func isHex(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// unescape decodes the escapes in a string body already checked by
// readString, into the decoder's scratch buffer.
func (d *decoder) unescape(raw []byte) ([]byte, string) {
	out := d.buf[:0]
	for i := 0; i < len(raw); {
		c := raw[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		switch raw[i+1] {
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r := hex4(raw[i+2 : i+6])
			i += 6
			if utf16.IsSurrogate(r) {
				if r >= 0xDC00 || i+6 > len(raw) || raw[i] != '\\' || raw[i+1] != 'u' {
					d.buf = out
					return nil, fmt.Sprintf("string contains an unpaired surrogate escape \\u%04X", r)
				}
				r2 := hex4(raw[i+2 : i+6])
				pair := utf16.DecodeRune(r, r2)
				if pair == utf8.RuneError {
					d.buf = out
					return nil, fmt.Sprintf("string contains an unpaired surrogate escape \\u%04X", r)
				}
				r = pair
				i += 6
			}
			out = utf8.AppendRune(out, r)
			continue
		default: // '"', '\\', '/'
			out = append(out, raw[i+1])
		}
		i += 2
	}
	d.buf = out
	return out, ""
}

// hex4 decodes four hex digits already checked by readString.
func hex4(b []byte) rune {
	var r rune
	for _, c := range b {
		r <<= 4
		switch {
		case c <= '9':
			r |= rune(c - '0')
		case c >= 'a':
			r |= rune(c - 'a' + 10)
		default:
			r |= rune(c - 'A' + 10)
		}
	}
	return r
}

// skip moves past one value without decoding it, checking its syntax.
func (d *decoder) skip() bool {
	d.skipWS()
	if d.pos >= len(d.data) {
		return d.failHere("where a value was expected")
	}
	switch c := d.data[d.pos]; {
	case c == '{':
		return d.skipContainer('}', true)
	case c == '[':
		return d.skipContainer(']', false)
	case c == '"':
		_, _, ok := d.readString()
		return ok
	case c == 't':
		return d.literal("true")
	case c == 'f':
		return d.literal("false")
	case c == 'n':
		return d.literal("null")
	case c == '-' || isDigit(c):
		return d.scanNumber()
	default:
		return d.failHere("where a value was expected")
	}
}

// skipContainer moves past an object or array (d.pos at its opening bracket).
func (d *decoder) skipContainer(closer byte, isObject bool) bool {
	if !d.enter() {
		return false
	}
	d.skipWS()
	if d.pos < len(d.data) && d.data[d.pos] == closer {
		d.pos++
		d.depth--
		return true
	}
	for {
		if isObject {
			d.skipWS()
			if d.pos >= len(d.data) || d.data[d.pos] != '"' {
				return d.failHere("where an object key was expected")
			}
			if _, _, ok := d.readString(); !ok {
				return false
			}
			d.skipWS()
			if d.pos >= len(d.data) || d.data[d.pos] != ':' {
				return d.failHere("after an object key (expected ':')")
			}
			d.pos++
		}
		if !d.skip() {
			return false
		}
		d.skipWS()
		switch {
		case d.pos >= len(d.data):
			return d.failHere("in an object or array")
		case d.data[d.pos] == ',':
			d.pos++
		case d.data[d.pos] == closer:
			d.pos++
			d.depth--
			return true
		default:
			return d.failHere(fmt.Sprintf("after a value (expected ',' or '%c')", closer))
		}
	}
}
