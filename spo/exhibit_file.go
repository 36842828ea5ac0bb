package spo

import (
	"fmt"
	"io"
	"io/fs"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/pdfdoc"
)

// The kinds of exhibit file, by content.
const (
	pdfKind     = "application/pdf"
	pictureKind = "image"
)

// servedFile returns the file the respondent's copy reproduces for an
// exhibit, and the field that names it: the redacted_file prepared for
// service when there is one, else the file.
func servedFile(e *casefile.Exhibit) (field, name string) {
	if !blank(e.RedactedFile) {
		return "redacted_file", e.RedactedFile
	}
	if !blank(e.File) {
		return "file", e.File
	}
	return "", ""
}

// readExhibitFile reads an exhibit file from the case folder and says what
// it is: a PDF, or a picture (PNG, JPEG or TIFF). A file that cannot be
// printed is refused with the reason in plain words. pics, when not nil,
// remembers the pictures checked for the document that prints them.
func readExhibitFile(files fs.FS, file string, pics *pdfdoc.Pictures) ([]byte, string, error) {
	name, err := casefile.ExhibitPath(file)
	if err != nil {
		return nil, "", err
	}
	f, err := files.Open(name)
	if err != nil {
		return nil, "", fmt.Errorf("opening %q: %w", name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, casefile.MaxExhibitFileSize+1))
	if err != nil {
		return nil, "", fmt.Errorf("reading %q: %w", name, err)
	}
	if len(data) > casefile.MaxExhibitFileSize {
		return nil, "", fmt.Errorf("%q is over the %d MiB limit for one exhibit file", name, casefile.MaxExhibitFileSize>>20)
	}
	if err := pics.Check(data); err != nil {
		return nil, "", fmt.Errorf("%q cannot be used: %w", name, err)
	}
	if pdfdoc.IsPDF(data) {
		return data, pdfKind, nil
	}
	return data, pictureKind, nil
}

// leakingPages returns the pages (from 1) of an exhibit PDF whose text,
// all of it, visible or not, holds something the disclosure withholds.
func leakingPages(data []byte, d *casefile.Disclosure) ([]int, error) {
	pages, err := pdfdoc.ExtractText(data)
	if err != nil {
		return nil, err
	}
	var out []int
	for i, text := range pages {
		if d.Withholds(text) {
			out = append(out, i+1)
		}
	}
	return out, nil
}
