// Package filekind tells an exhibit file's format by its content, not its
// name: the case rules refuse a file the PDF engine could not reproduce,
// and both must judge it the same way.
package filekind

import (
	"bytes"
	"errors"
)

// Kind is a file format spokit recognises; "" is none of them.
type Kind string

// The formats recognised. HEIC is recognised only to be refused with
// advice (ErrHEIC).
const (
	PDF  Kind = "pdf"
	PNG  Kind = "png"
	JPEG Kind = "jpeg"
	TIFF Kind = "tiff"
	HEIC Kind = "heic"
)

// Refusals, in plain words for the person who supplied the file.
var (
	ErrHEIC   = errors.New("it is a HEIC picture (the iPhone's default), which cannot be printed here; convert it to JPEG (on the iPhone, share or export it as JPEG, or set Settings > Camera > Formats > Most Compatible; on a computer, open it and save or export it as JPEG)")
	ErrFormat = errors.New("it is not a PDF, PNG, JPEG or TIFF file (judged by its content, not its name); save or export it as one of those")
)

// Of names the format of data by its first bytes. A picture's signature
// wins over a PDF header further in; a PDF may have junk before its header
// (some producers write it), so the first KiB is searched.
func Of(data []byte) Kind {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return JPEG
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return TIFF
	case len(data) >= 12 && string(data[4:8]) == "ftyp":
		switch string(data[8:12]) {
		case "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif":
			return HEIC
		}
	}
	if bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return PDF
	}
	return ""
}

// IsPicture reports whether k is a picture format.
func (k Kind) IsPicture() bool { return k != "" && k != PDF }

// Check refuses data that is of no format spokit reproduces. It looks at
// the signature only; the PDF engine's own check also decodes the file.
func Check(data []byte) error {
	switch Of(data) {
	case "":
		return ErrFormat
	case HEIC:
		return ErrHEIC
	}
	return nil
}
