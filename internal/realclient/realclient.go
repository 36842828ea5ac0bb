// Package realclient lets tests read spokit's outputs back with the real
// tools a reader would use (poppler's pdftotext and pdfinfo, qpdf), so that a
// test checks the file itself rather than our own idea of it.
//
// A missing tool skips the test on a developer machine but fails it in CI
// (environment variable CI=true), where every tool must be installed. Each
// test binary that uses realclient calls Main from its TestMain, which
// prints one line naming the missing tools and the tests they skipped.
package realclient

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Require returns the path of tool. When the tool is not installed it skips
// the test, or fails it when running in CI.
func Require(t testing.TB, tool string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err == nil {
		return path
	}
	missing(t, tool, err)
	return ""
}

// PDFText returns the text of the whole PDF as `pdftotext -layout` extracts it.
func PDFText(t testing.TB, pdf []byte) string {
	t.Helper()
	return pdftotext(t, pdf)
}

// PageText returns the text of one page (numbered from 1) as
// `pdftotext -layout -f page -l page` extracts it.
func PageText(t testing.TB, pdf []byte, page int) string {
	t.Helper()
	n := strconv.Itoa(page)
	return pdftotext(t, pdf, "-f", n, "-l", n)
}

func pdftotext(t testing.TB, pdf []byte, args ...string) string {
	t.Helper()
	tool := Require(t, "pdftotext")
	path := writeTemp(t, pdf)
	args = append(append([]string{"-layout", "-enc", "UTF-8"}, args...), path, "-")
	return string(run(t, tool, args...))
}

// PDFPages returns the page count that pdfinfo reports.
func PDFPages(t testing.TB, pdf []byte) int {
	t.Helper()
	tool := Require(t, "pdfinfo")
	out := run(t, tool, writeTemp(t, pdf))
	for line := range strings.SplitSeq(string(out), "\n") {
		value, ok := strings.CutPrefix(line, "Pages:")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(value))
		if err != nil {
			t.Fatalf("realclient: pdfinfo page count %q: %v", value, err)
		}
		return n
	}
	t.Fatalf("realclient: pdfinfo printed no page count:\n%s", out)
	return 0
}

// Info returns the fields pdfinfo prints (Title, Author, Pages, ...), with
// surrounding spaces removed.
func Info(t testing.TB, pdf []byte) map[string]string {
	t.Helper()
	tool := Require(t, "pdfinfo")
	out := run(t, tool, "-isodates", writeTemp(t, pdf))
	info := map[string]string{}
	for line := range strings.SplitSeq(string(out), "\n") {
		key, value, ok := strings.Cut(line, ":")
		if ok {
			info[key] = strings.TrimSpace(value)
		}
	}
	return info
}

// Word is one word that pdftotext found, with its box in points from the
// top-left corner of its page.
type Word struct {
	Page                   int // numbered from 1
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// Words returns every word of the PDF with its position (`pdftotext -bbox`),
// for checks that text stays inside the page or does not overlap.
func Words(t testing.TB, pdf []byte) []Word {
	t.Helper()
	tool := Require(t, "pdftotext")
	out := run(t, tool, "-bbox", writeTemp(t, pdf), "-")
	var doc struct {
		Pages []struct {
			Words []struct {
				Text string  `xml:",chardata"`
				XMin float64 `xml:"xMin,attr"`
				YMin float64 `xml:"yMin,attr"`
				XMax float64 `xml:"xMax,attr"`
				YMax float64 `xml:"yMax,attr"`
			} `xml:"word"`
		} `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("realclient: decode pdftotext -bbox output: %v", err)
	}
	var words []Word
	for i, p := range doc.Pages {
		for _, w := range p.Words {
			words = append(words, Word{Page: i + 1, Text: w.Text, XMin: w.XMin, YMin: w.YMin, XMax: w.XMax, YMax: w.YMax})
		}
	}
	return words
}

// QPDFCheck fails the test if `qpdf --check` reports any error or warning.
func QPDFCheck(t testing.TB, pdf []byte) {
	t.Helper()
	tool := Require(t, "qpdf")
	cmd := exec.Command(tool, "--check", writeTemp(t, pdf))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("realclient: qpdf --check failed (%v):\n%s", err, out)
	}
	if bytes.Contains(bytes.ToLower(out), []byte("warning")) {
		t.Fatalf("realclient: qpdf --check reported warnings:\n%s", out)
	}
}

// OutlineEntry is one bookmark of a PDF's outline, flattened in document
// order.
type OutlineEntry struct {
	Title string
	Page  int // destination page, numbered from 1
	Depth int // 0 for top-level bookmarks
}

// Outline returns the bookmarks of the PDF as qpdf reads them
// (`qpdf --json --json-key=outlines`), depth first.
func Outline(t testing.TB, pdf []byte) []OutlineEntry {
	t.Helper()
	tool := Require(t, "qpdf")
	out := run(t, tool, "--json", "--json-key=outlines", writeTemp(t, pdf))
	var doc struct {
		Outlines []qpdfOutline `json:"outlines"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("realclient: decode qpdf outlines: %v", err)
	}
	var entries []OutlineEntry
	var walk func(items []qpdfOutline, depth int)
	walk = func(items []qpdfOutline, depth int) {
		for _, item := range items {
			entries = append(entries, OutlineEntry{Title: item.Title, Page: item.Page, Depth: depth})
			walk(item.Kids, depth+1)
		}
	}
	walk(doc.Outlines, 0)
	return entries
}

type qpdfOutline struct {
	Title string        `json:"title"`
	Page  int           `json:"destpageposfrom1"`
	Kids  []qpdfOutline `json:"kids"`
}

// Link is one link annotation with an explicit destination inside the
// document.
type Link struct {
	Page     int        // page the link is on, numbered from 1
	Rect     [4]float64 // x1, y1, x2, y2 in points from the bottom-left corner
	DestPage int        // page the link goes to, numbered from 1
}

// Links returns the internal links of the PDF, page by page in the order
// each page lists them, as qpdf reads them.
func Links(t testing.TB, pdf []byte) []Link {
	t.Helper()
	tool := Require(t, "qpdf")
	out := run(t, tool, "--json", "--json-key=pages", "--json-key=qpdf", writeTemp(t, pdf))
	var doc struct {
		Pages []struct {
			Object string `json:"object"`
			Pos    int    `json:"pageposfrom1"`
		} `json:"pages"`
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.QPDF) < 2 {
		t.Fatalf("realclient: decode qpdf pages: %v", err)
	}
	var objects map[string]struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(doc.QPDF[1], &objects); err != nil {
		t.Fatalf("realclient: decode qpdf objects: %v", err)
	}
	pageOf := map[string]int{}
	for _, p := range doc.Pages {
		pageOf[p.Object] = p.Pos
	}
	// resolve follows an indirect reference ("12 0 R") to its value.
	resolve := func(raw json.RawMessage) json.RawMessage {
		var ref string
		if json.Unmarshal(raw, &ref) == nil && strings.HasSuffix(ref, " R") {
			return objects["obj:"+ref].Value
		}
		return raw
	}
	var links []Link
	for _, p := range doc.Pages {
		var page struct {
			Annots json.RawMessage `json:"/Annots"`
		}
		if err := json.Unmarshal(objects["obj:"+p.Object].Value, &page); err != nil {
			t.Fatalf("realclient: decode page %d: %v", p.Pos, err)
		}
		var annots []json.RawMessage
		if len(page.Annots) > 0 {
			if err := json.Unmarshal(resolve(page.Annots), &annots); err != nil {
				t.Fatalf("realclient: decode annotations of page %d: %v", p.Pos, err)
			}
		}
		for _, a := range annots {
			var annot struct {
				Subtype string            `json:"/Subtype"`
				Rect    [4]float64        `json:"/Rect"`
				Dest    []json.RawMessage `json:"/Dest"`
			}
			if err := json.Unmarshal(resolve(a), &annot); err != nil {
				t.Fatalf("realclient: decode annotation on page %d: %v", p.Pos, err)
			}
			if annot.Subtype != "/Link" || len(annot.Dest) == 0 {
				continue
			}
			var target string
			if err := json.Unmarshal(annot.Dest[0], &target); err != nil {
				continue
			}
			links = append(links, Link{Page: p.Pos, Rect: annot.Rect, DestPage: pageOf[target]})
		}
	}
	return links
}

func writeTemp(t testing.TB, pdf []byte) string {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "realclient-*.pdf")
	if err != nil {
		t.Fatalf("realclient: create temp file: %v", err)
	}
	if _, err := f.Write(pdf); err != nil {
		t.Fatalf("realclient: write %s: %v", filepath.Base(f.Name()), err)
	}
	if err := f.Close(); err != nil {
		t.Fatalf("realclient: close %s: %v", filepath.Base(f.Name()), err)
	}
	return f.Name()
}

func run(t testing.TB, tool string, args ...string) []byte {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(tool, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("realclient: %s %s: %v\n%s", filepath.Base(tool), strings.Join(args, " "), err, stderr.String())
	}
	return out
}
