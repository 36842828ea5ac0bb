// Package fuzzedit changes a valid JSON document as fuzz input directs, so
// that fuzz targets reach the rules and renderers with documents that still
// decode but are odd in every way a caller could make them: a value
// replaced, a date moved, a reference pointed elsewhere, an element dropped
// or repeated, a value set to null. Random bytes alone would almost never
// get past the decoder. Only fuzz targets use it.
//
// The edits are read from the fuzz input in turn, each an operation byte,
// two bytes that choose a value (counted over the document's values in a
// fixed order, the root first, then depth first with object members in key
// order) and the operation's argument; the input runs out where it ends. The same document and input always give the same result.
package fuzzedit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// Operations, by their byte modulo the number of operations.
const (
	opSetString = iota // the chosen string (or any value) becomes a string from the input
	opSetNumber        // the chosen value becomes a number from the input
	opMoveDate         // a date string moves by a signed number of days
	opCopy             // the chosen value becomes a copy of another value
	opDrop             // an element of the chosen array is dropped
	opRepeat           // an element of the chosen array is repeated
	opNull             // the chosen value becomes null
	opFlip             // the chosen boolean is negated; another value becomes true
	operations
)

// Seeds are inputs for a fuzz target to start from: no edit, then one or
// two of each kind.
var Seeds = [][]byte{
	{},
	{opSetString, 0, 77, 5, 0xff, '{', '{', '.', '}'},
	{opSetNumber, 0, 60, 0xff, 0x00},
	{opMoveDate, 0, 40, 0xf0, 0x00},
	{opCopy, 0, 90, 0, 200},
	{opDrop, 0, 30, 0, opDrop, 0, 12, 1},
	{opRepeat, 0, 5, 0},
	{opNull, 1, 2},
	{opFlip, 0, 20, opMoveDate, 0, 80, 0, 3},
}

// Apply returns doc, a JSON document, changed by the edits in input.
func Apply(doc, input []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var root any
	if err := dec.Decode(&root); err != nil {
		return nil, fmt.Errorf("fuzzedit: %w", err)
	}
	in := reader(input)
	for len(in) >= 3 {
		op := in.byte() % operations
		slots := values(&root)
		s := slots[in.index(len(slots))]
		switch op {
		case opSetString:
			s.set(in.text())
		case opSetNumber:
			s.set(json.Number(fmt.Sprint(in.int16())))
		case opMoveDate:
			days := int(in.int16())
			if text, ok := s.get().(string); ok {
				if d, err := time.Parse(time.DateOnly, text); err == nil {
					s.set(d.AddDate(0, 0, days).Format(time.DateOnly))
				}
			}
		case opCopy:
			s.set(clone(slots[in.index(len(slots))].get()))
		case opDrop, opRepeat:
			list, ok := s.get().([]any)
			if !ok || len(list) == 0 {
				continue
			}
			i := int(in.byte()) % len(list)
			if op == opDrop {
				s.set(slices.Delete(slices.Clone(list), i, i+1))
			} else {
				s.set(slices.Insert(slices.Clone(list), i, clone(list[i])))
			}
		case opNull:
			s.set(nil)
		case opFlip:
			b, _ := s.get().(bool)
			s.set(!b)
		}
	}
	return json.Marshal(root)
}

// reader hands out the fuzz input a piece at a time, zeros once it runs out.
type reader []byte

func (r *reader) byte() byte {
	if len(*r) == 0 {
		return 0
	}
	b := (*r)[0]
	*r = (*r)[1:]
	return b
}

// int16 is a signed number of two bytes.
func (r *reader) int16() int16 {
	hi := r.byte()
	return int16(hi)<<8 | int16(r.byte())
}

// index chooses one of n things with two bytes.
func (r *reader) index(n int) int {
	return int(uint16(r.int16())) % n
}

// text is a string of up to 255 bytes, its length first.
func (r *reader) text() string {
	n := min(int(r.byte()), len(*r))
	s := string((*r)[:n])
	*r = (*r)[n:]
	return s
}

// slot is a place in the document that holds a value.
type slot struct {
	get func() any
	set func(any)
}

// values returns every place in the document that holds a value, the root
// first, then depth first with object members in key order.
func values(root *any) []slot {
	var out []slot
	var walk func(s slot)
	walk = func(s slot) {
		out = append(out, s)
		switch v := s.get().(type) {
		case map[string]any:
			keys := make([]string, 0, len(v))
			for k := range v {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				walk(slot{func() any { return v[k] }, func(x any) { v[k] = x }})
			}
		case []any:
			for i := range v {
				walk(slot{func() any { return v[i] }, func(x any) { v[i] = x }})
			}
		}
	}
	walk(slot{func() any { return *root }, func(x any) { *root = x }})
	return out
}

// clone is a deep copy of a decoded JSON value, so that a copied value and
// its original change apart.
func clone(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = clone(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = clone(x)
		}
		return out
	}
	return v
}
