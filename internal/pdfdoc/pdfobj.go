package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// This file holds the small amount of PDF syntax this package writes itself
// (see xobjects): a parser for the objects gofpdi serialises, a canonical
// writer for them and for pictures. The step that adds them to fpdf's
// finished file is in fpdfbytes.go.

type objKind int

const (
	kindToken  objKind = iota // number, name, true, false, null
	kindString                // literal string, raw bytes between the brackets
	kindHex                   // hex string, digits between the brackets
	kindArray
	kindDict
	kindRef    // indirect reference; text is the referenced object's key
	kindStream // dictionary plus data
)

// obj is one parsed PDF value.
type obj struct {
	kind  objKind
	text  string
	items []*obj          // array elements
	dict  map[string]*obj // dictionary entries, keys include the slash
	data  []byte          // stream data
}

var errSyntax = errors.New("pdf syntax error")

// token is a number, name or keyword.
func token(text string) *obj { return &obj{kind: kindToken, text: text} }

// parseObject parses one object body as gofpdi writes it: a value, then for
// a stream "stream\n" data "\nendstream\n", then "endobj".
func parseObject(b []byte) (*obj, error) {
	p := &objParser{b: b}
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	p.space()
	if bytes.HasPrefix(p.b[p.i:], []byte("stream")) {
		if v.kind != kindDict {
			return nil, fmt.Errorf("%w: stream without a dictionary", errSyntax)
		}
		start := p.i + len("stream")
		if start < len(b) && b[start] == '\r' {
			start++
		}
		if start < len(b) && b[start] == '\n' {
			start++
		}
		end := bytes.LastIndex(b, []byte("endstream"))
		if end < start {
			return nil, fmt.Errorf("%w: unterminated stream", errSyntax)
		}
		// gofpdi ends the data with one newline before "endstream".
		data := b[start:end]
		data = bytes.TrimSuffix(data, []byte("\n"))
		return &obj{kind: kindStream, dict: v.dict, data: data}, nil
	}
	return v, nil
}

type objParser struct {
	b []byte
	i int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return isSpace(c) || bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

func (p *objParser) space() {
	for p.i < len(p.b) {
		switch c := p.b[p.i]; {
		case isSpace(c):
			p.i++
		case c == '%':
			for p.i < len(p.b) && p.b[p.i] != '\n' && p.b[p.i] != '\r' {
				p.i++
			}
		default:
			return
		}
	}
}

func (p *objParser) peek(s string) bool { return bytes.HasPrefix(p.b[p.i:], []byte(s)) }

func (p *objParser) value() (*obj, error) {
	p.space()
	if p.i >= len(p.b) {
		return nil, fmt.Errorf("%w: unexpected end", errSyntax)
	}
	switch c := p.b[p.i]; {
	case p.peek("<<"):
		p.i += 2
		d := &obj{kind: kindDict, dict: map[string]*obj{}}
		for {
			p.space()
			if p.peek(">>") {
				p.i += 2
				return d, nil
			}
			key, err := p.value()
			if err != nil {
				return nil, err
			}
			if key.kind != kindToken || key.text[0] != '/' {
				return nil, fmt.Errorf("%w: dictionary key %q is not a name", errSyntax, key.text)
			}
			val, err := p.value()
			if err != nil {
				return nil, err
			}
			d.dict[key.text] = val
		}
	case c == '<':
		end := bytes.IndexByte(p.b[p.i:], '>')
		if end < 0 {
			return nil, fmt.Errorf("%w: unterminated hex string", errSyntax)
		}
		v := &obj{kind: kindHex, text: string(p.b[p.i+1 : p.i+end])}
		p.i += end + 1
		return v, nil
	case c == '[':
		p.i++
		a := &obj{kind: kindArray}
		for {
			p.space()
			if p.peek("]") {
				p.i++
				return a, nil
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			a.items = append(a.items, v)
		}
	case c == '(':
		return p.literal()
	case c == ')' || c == ']' || c == '>' || c == '{' || c == '}':
		return nil, fmt.Errorf("%w: unexpected %q", errSyntax, c)
	default:
		tok := p.token()
		if tok == "" {
			return nil, fmt.Errorf("%w: empty token", errSyntax)
		}
		// "key gen R" is a reference; gofpdi writes the key as a hash.
		save := p.i
		p.space()
		gen := p.token()
		p.space()
		if _, err := strconv.Atoi(gen); err == nil && p.peek("R") && (p.i+1 == len(p.b) || isDelim(p.b[p.i+1])) {
			p.i++
			return &obj{kind: kindRef, text: tok}, nil
		}
		p.i = save
		return &obj{kind: kindToken, text: tok}, nil
	}
}

func (p *objParser) token() string {
	start := p.i
	if p.i < len(p.b) && p.b[p.i] == '/' {
		p.i++
	}
	for p.i < len(p.b) && !isDelim(p.b[p.i]) {
		p.i++
	}
	return string(p.b[start:p.i])
}

func (p *objParser) literal() (*obj, error) {
	depth := 0
	start := p.i + 1
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case '\\':
			p.i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				v := &obj{kind: kindString, text: string(p.b[start:p.i])}
				p.i++
				return v, nil
			}
		}
		p.i++
	}
	return nil, fmt.Errorf("%w: unterminated string", errSyntax)
}

// writeObj serialises v with dictionary keys sorted and references resolved
// by id, so that equal objects always give equal bytes.
func writeObj(buf *bytes.Buffer, v *obj, id func(key string) (int, error)) error {
	switch v.kind {
	case kindToken:
		buf.WriteString(v.text)
	case kindString:
		buf.WriteString("(" + v.text + ")")
	case kindHex:
		buf.WriteString("<" + v.text + ">")
	case kindRef:
		n, err := id(v.text)
		if err != nil {
			return err
		}
		buf.WriteString(strconv.Itoa(n) + " 0 R")
	case kindArray:
		buf.WriteByte('[')
		for i, item := range v.items {
			if i > 0 {
				buf.WriteByte(' ')
			}
			if err := writeObj(buf, item, id); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	case kindDict, kindStream:
		dict := v.dict
		if v.kind == kindStream {
			// The length is always the data's own, never a reference.
			dict = make(map[string]*obj, len(v.dict)+1)
			for k, val := range v.dict {
				dict[k] = val
			}
			dict["/Length"] = token(strconv.Itoa(len(v.data)))
		}
		buf.WriteString("<<")
		for _, k := range sortedKeys(dict) {
			buf.WriteString(k + " ")
			if err := writeObj(buf, dict[k], id); err != nil {
				return err
			}
			buf.WriteByte(' ')
		}
		buf.WriteString(">>")
		if v.kind == kindStream {
			buf.WriteString("\nstream\n")
			buf.Write(v.data)
			buf.WriteString("\nendstream")
		}
	}
	return nil
}

func sortedKeys(m map[string]*obj) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// refs calls fn for every reference in v, in the order writeObj writes them.
func refs(v *obj, fn func(key string)) {
	switch v.kind {
	case kindRef:
		fn(v.text)
	case kindArray:
		for _, item := range v.items {
			refs(item, fn)
		}
	case kindDict, kindStream:
		for _, k := range sortedKeys(v.dict) {
			if k == "/Length" && v.kind == kindStream {
				continue
			}
			refs(v.dict[k], fn)
		}
	}
}
