package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"slices"
	"strconv"
	"sync"
)

// This file is the only place that reads or edits the bytes fpdf writes.
// It relies on these facts of fpdf's output (checked, for the fpdf version
// in verifiedFpdf, by TestFpdfStillWritesWhatPdfdocEdits, which fails when
// an fpdf upgrade changes any of them):
//
//   - the file starts "%PDF-1." and ends with one classic cross-reference
//     table ("xref\n0 N\n", 20-byte entries), a trailer naming /Root and
//     /Info, and "startxref\n<offset>\n%%EOF";
//   - object 2 is the resource dictionary every page shares, and it holds
//     an "/XObject <<\n" entry;
//   - a page object starts "<</Type /Page\n" and names its content stream
//     "/Contents N 0 R";
//   - with compression off, a content stream is written
//     "N 0 obj\n<</Length n>>\nstream\n...\nendstream\nendobj\n", and with
//     it on, fpdf compresses at zlib.BestSpeed and writes
//     "<</Filter /FlateDecode /Length n>>".
//
// fpdf's API serves neither need: its compression sets up a new compressor
// for every page (most of a long document's time and memory), and it
// numbers imported pages and pictures in map order, so two runs differ.

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

// setPDFVersion raises the version the header of data promises to 1.7, in
// place (same length, so offsets hold): imported pages may use any PDF
// feature and pictures may have 16-bit samples (PDF 1.5).
func setPDFVersion(data []byte) {
	if bytes.HasPrefix(data, []byte("%PDF-1.")) {
		data[7] = '7'
	}
}

// fpdfFile is the part of fpdf's output structure that assemble edits.
type fpdfFile struct {
	data     []byte
	xref     int   // offset of the xref table
	offsets  []int // by object number; 0 is the free entry
	root     string
	info     string
	resStart int // object 2 (the shared resource dictionary)
	resEnd   int
}

// parseFpdf reads the cross-reference table and trailer that fpdf writes.
func parseFpdf(data []byte) (*fpdfFile, error) {
	f := &fpdfFile{data: data}
	sx := bytes.LastIndex(data, []byte("startxref\n"))
	if sx < 0 {
		return nil, fmt.Errorf("%w: no startxref", errSyntax)
	}
	rest := data[sx+len("startxref\n"):]
	end := bytes.IndexByte(rest, '\n')
	if end < 0 {
		return nil, fmt.Errorf("%w: bad startxref", errSyntax)
	}
	xref, err := strconv.Atoi(string(rest[:end]))
	if err != nil || xref <= 0 || xref >= len(data) || !bytes.HasPrefix(data[xref:], []byte("xref\n0 ")) {
		return nil, fmt.Errorf("%w: bad xref offset", errSyntax)
	}
	f.xref = xref
	p := xref + len("xref\n0 ")
	nl := bytes.IndexByte(data[p:], '\n')
	if nl < 0 {
		return nil, fmt.Errorf("%w: bad xref header", errSyntax)
	}
	count, err := strconv.Atoi(string(data[p : p+nl]))
	if err != nil || count < 3 {
		return nil, fmt.Errorf("%w: bad xref size", errSyntax)
	}
	p += nl + 1
	const entry = 20
	if p+count*entry > len(data) {
		return nil, fmt.Errorf("%w: short xref table", errSyntax)
	}
	f.offsets = make([]int, count)
	for i := 1; i < count; i++ {
		e := data[p+i*entry : p+i*entry+10]
		if f.offsets[i], err = strconv.Atoi(string(e)); err != nil {
			return nil, fmt.Errorf("%w: xref entry %d", errSyntax, i)
		}
	}
	trailer := data[p+count*entry:]
	for _, key := range []string{"/Root ", "/Info "} {
		at := bytes.Index(trailer, []byte(key))
		if at < 0 {
			return nil, fmt.Errorf("%w: trailer has no %s", errSyntax, key)
		}
		v := trailer[at+len(key):]
		v = v[:bytes.IndexByte(v, '\n')]
		if key == "/Root " {
			f.root = string(v)
		} else {
			f.info = string(v)
		}
	}
	f.resStart = f.offsets[2]
	f.resEnd = xref
	for _, off := range f.offsets[1:] {
		if off > f.resStart && off < f.resEnd {
			f.resEnd = off
		}
	}
	return f, nil
}

// withObjects returns the file with extra XObject resources added to the
// shared resource dictionary and the given objects (numbered from the
// file's old size) appended, and a new cross-reference table.
func (f *fpdfFile) withObjects(xobjects string, objects [][]byte) ([]byte, error) {
	res := f.data[f.resStart:f.resEnd]
	marker := []byte("/XObject <<\n")
	at := bytes.Index(res, marker)
	if at < 0 {
		return nil, fmt.Errorf("%w: resource dictionary without /XObject", errSyntax)
	}
	var newRes bytes.Buffer
	newRes.Write(res[:at+len(marker)])
	newRes.WriteString(xobjects)
	newRes.Write(res[at+len(marker):])
	delta := newRes.Len() - len(res)

	var out bytes.Buffer
	out.Grow(len(f.data) + delta + 1024)
	out.Write(f.data[:f.resStart])
	out.Write(newRes.Bytes())
	out.Write(f.data[f.resEnd:f.xref])
	offsets := slices.Clone(f.offsets)
	for i, off := range offsets {
		if i > 0 && off >= f.resEnd {
			offsets[i] = off + delta
		}
	}
	for i, o := range objects {
		offsets = append(offsets, out.Len())
		fmt.Fprintf(&out, "%d 0 obj\n", len(f.offsets)+i)
		out.Write(o)
		out.WriteString("\nendobj\n")
	}
	f.writeTail(&out, offsets)
	return out.Bytes(), nil
}

// writeTail ends a file made from f whose objects are at offsets: the
// cross-reference table, the trailer and the pointer to the table.
func (f *fpdfFile) writeTail(out *bytes.Buffer, offsets []int) {
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(out, "trailer\n<<\n/Size %d\n/Root %s\n/Info %s\n>>\nstartxref\n%d\n%%%%EOF\n", len(offsets), f.root, f.info, xref)
}
