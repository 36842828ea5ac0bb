package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// Imported pages and pictures are written by this package rather than by
// fpdf, because fpdf numbers both in map order: its bridge to gofpdi for
// pages, and its picture catalogue for pictures of equal width (it sorts
// them by width alone), so two runs gave different bytes. Here every object
// is kept under a key, written with sorted dictionary keys, numbered in the
// order it is first used, and appended to fpdf's finished file with its
// XObject name in the file's resource dictionary.

// xobjects collects the objects of one document that this package writes
// itself.
type xobjects struct {
	objects  map[string]*obj   // by key
	order    []string          // keys in the order they are written
	numbered map[string]int    // key -> index in order
	names    map[string]string // XObject key -> resource name
	placed   []string          // XObject keys in order of first use
}

func newXObjects() *xobjects {
	return &xobjects{objects: map[string]*obj{}, numbered: map[string]int{}, names: map[string]string{}}
}

// use returns the resource name under which the XObject stored under key
// is drawn, numbering it and everything it refers to on first use.
func (x *xobjects) use(key string) (string, error) {
	if name, ok := x.names[key]; ok {
		return name, nil
	}
	var visit func(key string) error
	visit = func(key string) error {
		if _, done := x.numbered[key]; done {
			return nil
		}
		o := x.objects[key]
		if o == nil {
			return errors.New("reference to a missing object")
		}
		x.numbered[key] = len(x.order)
		x.order = append(x.order, key)
		var err error
		refs(o, func(k string) {
			if err == nil {
				err = visit(k)
			}
		})
		return err
	}
	if err := visit(key); err != nil {
		return "", err
	}
	name := "/PdfdocX" + strconv.Itoa(len(x.placed)+1)
	x.names[key] = name
	x.placed = append(x.placed, key)
	return name, nil
}

// assemble writes the final file: fpdf's output, plus this package's
// objects when there are any.
func (x *xobjects) assemble(raw []byte, out *bytes.Buffer) error {
	if len(x.order) == 0 {
		out.Write(raw)
		return nil
	}
	f, err := parseFpdf(raw)
	if err != nil {
		return fmt.Errorf("pdfdoc: add pages and pictures: %w", err)
	}
	base := len(f.offsets)
	id := func(key string) (int, error) {
		n, ok := x.numbered[key]
		if !ok {
			return 0, errors.New("pdfdoc: reference to a missing object")
		}
		return base + n, nil
	}
	objects := make([][]byte, len(x.order))
	for i, key := range x.order {
		var b bytes.Buffer
		if err := writeObj(&b, x.objects[key], id); err != nil {
			return err
		}
		objects[i] = b.Bytes()
	}
	var names bytes.Buffer
	for _, key := range x.placed {
		n, _ := id(key)
		fmt.Fprintf(&names, "%s %d 0 R\n", x.names[key], n)
	}
	data, err := f.withObjects(names.String(), objects)
	if err != nil {
		return fmt.Errorf("pdfdoc: add pages and pictures: %w", err)
	}
	setPDFVersion(data)
	out.Write(data)
	return nil
}

// drawXObject draws the XObject called name, whose own size is unitW by
// unitH (points for a page, 1 by 1 for a picture), into the box w by h
// millimetres whose top-left corner is at x, y.
func (r *renderer) drawXObject(name string, unitW, unitH, x, y, w, h float64) {
	const k = 72 / 25.4 // points per millimetre
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }
	r.pdf.RawWriteStr("q " + f(w*k/unitW) + " 0 0 " + f(h*k/unitH) + " " + f(x*k) + " " + f((pageH-y-h)*k) + " cm " + name + " Do Q")
}
