package xlsxdoc

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"
)

// orderedZip is the zip writer excelize writes the package through. excelize
// writes stream-written sheets first, in the order of a Go map, which
// differs from run to run; orderedZip holds those first entries, compressed,
// and writes them sorted by name, so the same workbook is the same bytes.
// Every later entry excelize already writes in sorted order and passes
// straight through.
type orderedZip struct {
	zw      *zip.Writer
	pending int // leading entries still to hold
	held    []*heldEntry
}

// heldEntry is one compressed entry waiting to be written.
type heldEntry struct {
	name string
	data bytes.Buffer
	fw   *flate.Writer
	crc  uint32
	size uint64
}

func (e *heldEntry) Write(p []byte) (int, error) {
	e.crc = crc32.Update(e.crc, crc32.IEEETable, p)
	e.size += uint64(len(p))
	return e.fw.Write(p)
}

// compressors are reused from entry to entry and workbook to workbook, as
// archive/zip reuses its own: setting up a compressor costs more than
// compressing a small sheet.
var compressors sync.Pool

// heldLevel is the compression level of held entries: archive/zip's, which
// every other entry of the package gets (and faster than the default).
const heldLevel = 5

func newOrderedZip(w io.Writer, streams int) *orderedZip {
	return &orderedZip{zw: zip.NewWriter(w), pending: streams}
}

// Create starts the next entry.
func (z *orderedZip) Create(name string) (io.Writer, error) {
	if err := z.finishHeld(); err != nil {
		return nil, err
	}
	if z.pending > 0 {
		z.pending--
		e := &heldEntry{name: name}
		if fw, ok := compressors.Get().(*flate.Writer); ok {
			fw.Reset(&e.data)
			e.fw = fw
		} else {
			fw, err := flate.NewWriter(&e.data, heldLevel)
			if err != nil {
				return nil, err
			}
			e.fw = fw
		}
		z.held = append(z.held, e)
		return e, nil
	}
	if err := z.writeHeld(); err != nil {
		return nil, err
	}
	return z.zw.Create(name)
}

// AddFS adds the files of fsys after any held entries.
func (z *orderedZip) AddFS(fsys fs.FS) error {
	if err := z.flushHeld(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

// Close writes any held entries and ends the archive.
func (z *orderedZip) Close() error {
	if err := z.flushHeld(); err != nil {
		return err
	}
	return z.zw.Close()
}

func (z *orderedZip) flushHeld() error {
	if err := z.finishHeld(); err != nil {
		return err
	}
	return z.writeHeld()
}

// finishHeld closes the compressor of the last held entry, if still open.
func (z *orderedZip) finishHeld() error {
	if n := len(z.held); n > 0 && z.held[n-1].fw != nil {
		last := z.held[n-1]
		if err := last.fw.Close(); err != nil {
			return err
		}
		compressors.Put(last.fw)
		last.fw = nil
	}
	return nil
}

// writeHeld writes the held entries sorted by name and forgets them.
func (z *orderedZip) writeHeld() error {
	slices.SortFunc(z.held, func(a, b *heldEntry) int { return strings.Compare(a.name, b.name) })
	for _, e := range z.held {
		w, err := z.zw.CreateRaw(&zip.FileHeader{
			Name:               e.name,
			Method:             zip.Deflate,
			CRC32:              e.crc,
			CompressedSize64:   uint64(e.data.Len()),
			UncompressedSize64: e.size,
		})
		if err != nil {
			return err
		}
		if _, err := e.data.WriteTo(w); err != nil {
			return err
		}
	}
	z.held = nil
	return nil
}
