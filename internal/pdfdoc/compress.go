package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"slices"
	"strconv"
	"sync"
)

// Page contents are compressed here rather than by fpdf. fpdf sets up a new
// compressor for every page, and a compressor's tables (over half a
// megabyte, cleared each time) cost more than compressing a page: most of
// the time and memory of a long document went on them. So fpdf writes the
// pages plain and compressPages compresses them with a reused compressor,
// at fpdf's level and in fpdf's syntax: the bytes are those fpdf would have
// written.

// compressors are reused from page to page and document to document.
var compressors sync.Pool

// compressPages returns fpdf's file raw, written with compression off, with
// every page's content stream compressed.
func compressPages(raw []byte) ([]byte, error) {
	f, err := parseFpdf(raw)
	if err != nil {
		return nil, fmt.Errorf("pdfdoc: compress pages: %w", err)
	}
	// Objects in the order they are in the file (fpdf writes the page tree
	// and the resources after the pages), each up to the next.
	order := make([]int, 0, len(f.offsets)-1)
	for i := 1; i < len(f.offsets); i++ {
		order = append(order, i)
	}
	slices.SortFunc(order, func(a, b int) int { return f.offsets[a] - f.offsets[b] })
	ends := make([]int, len(f.offsets))
	for at, i := range order {
		ends[i] = f.xref
		if at+1 < len(order) {
			ends[i] = f.offsets[order[at+1]]
		}
	}
	body := func(i int) []byte { return raw[f.offsets[i]:ends[i]] }
	contents := map[int]bool{}
	pageStart := []byte(" 0 obj\n<</Type /Page\n")
	contentsKey := []byte("/Contents ")
	for _, i := range order {
		b := body(i)
		if !bytes.Contains(b[:min(len(b), 32)], pageStart) {
			continue
		}
		at := bytes.LastIndex(b, contentsKey)
		if at < 0 {
			return nil, fmt.Errorf("pdfdoc: compress pages: page object %d has no contents: %w", i, errSyntax)
		}
		n, ok := leadingInt(b[at+len(contentsKey):])
		if !ok {
			return nil, fmt.Errorf("pdfdoc: compress pages: page object %d: %w", i, errSyntax)
		}
		contents[n] = true
	}

	var out bytes.Buffer
	out.Grow(len(raw))
	out.Write(raw[:f.offsets[order[0]]])
	offsets := make([]int, len(f.offsets))
	zw, _ := compressors.Get().(*zlib.Writer)
	if zw == nil {
		zw, _ = zlib.NewWriterLevel(nil, zlib.BestSpeed)
	}
	defer compressors.Put(zw)
	var packed bytes.Buffer
	for _, i := range order {
		offsets[i] = out.Len()
		b := body(i)
		if !contents[i] {
			out.Write(b)
			continue
		}
		data, err := streamData(b, i)
		if err != nil {
			return nil, err
		}
		packed.Reset()
		zw.Reset(&packed)
		if _, err := zw.Write(data); err != nil {
			return nil, fmt.Errorf("pdfdoc: compress page contents: %w", err)
		}
		if err := zw.Close(); err != nil {
			return nil, fmt.Errorf("pdfdoc: compress page contents: %w", err)
		}
		fmt.Fprintf(&out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", i, packed.Len())
		out.Write(packed.Bytes())
		out.WriteString("\nendstream\nendobj\n")
	}
	f.writeTail(&out, offsets)
	return out.Bytes(), nil
}

// streamData returns the data of object i, b, a plain stream as fpdf
// writes one: "<</Length n>>", then the data between "stream" and
// "endstream" lines.
func streamData(b []byte, i int) ([]byte, error) {
	head := []byte(strconv.Itoa(i) + " 0 obj\n<</Length ")
	if !bytes.HasPrefix(b, head) {
		return nil, fmt.Errorf("pdfdoc: compress pages: object %d is not a plain stream: %w", i, errSyntax)
	}
	n, ok := leadingInt(b[len(head):])
	start := len(head) + len(strconv.Itoa(n)) + len(">>\nstream\n")
	if !ok || n < 0 || start+n > len(b) || !bytes.Equal(b[start+n:], []byte("\nendstream\nendobj\n")) {
		return nil, fmt.Errorf("pdfdoc: compress pages: object %d: %w", i, errSyntax)
	}
	return b[start : start+n], nil
}
