// Package docx writes a word-processing document (Office Open XML, .docx)
// of plain paragraphs: enough for a draft court order that the court can
// open, amend and print in Word or LibreOffice.
//
// It is a small writer of its own rather than a library: a document of
// labelled, bold or centred paragraphs is four short XML parts in a zip,
// and every string is escaped as XML text, so case text can never become
// markup. The same input gives the same bytes (the zip carries the date
// given, not the clock).
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// Align is a paragraph's horizontal alignment.
type Align int

// Alignments.
const (
	Left Align = iota
	Centre
	Right
)

// Paragraph is one paragraph. "\n" in Text starts a new line within it.
type Paragraph struct {
	// Label is printed in bold before the text, e.g. "Duration:".
	Label string
	// Hang sets the label in a hanging indent with the text aligned after
	// it, as for a numbered term ("1."); otherwise a space follows it.
	Hang  bool
	Text  string
	Bold  bool
	Small bool
	// Size in points for a title; 0 means the body size (11pt).
	Size  float64
	Align Align
	// KeepNext keeps the paragraph on the same page as the next one.
	KeepNext bool
	// PageBreakBefore starts the paragraph on a new page.
	PageBreakBefore bool
}

// Meta is the document's properties.
type Meta struct {
	Title string
	// Date is written as the file dates and the creation date; required,
	// so that the output does not depend on the clock.
	Date time.Time
	// Filter, when set, is applied to every string the document holds
	// (title, labels, paragraphs), so that what a reader must not see is
	// withheld in one place no caller can bypass.
	Filter func(string) string
}

// Write writes the paragraphs as a .docx file to w.
func Write(w io.Writer, meta Meta, paras []Paragraph) error {
	if meta.Date.IsZero() {
		return errors.New("docx: Meta.Date is required for reproducible output")
	}
	if meta.Filter != nil {
		meta.Title = meta.Filter(meta.Title)
		paras = slices.Clone(paras)
		for i := range paras {
			paras[i].Label, paras[i].Text = meta.Filter(paras[i].Label), meta.Filter(paras[i].Text)
		}
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rels},
		{"docProps/core.xml", core(meta)},
		{"word/document.xml", document(paras)},
	}
	for _, p := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: meta.Date.UTC()})
		if err != nil {
			return fmt.Errorf("docx: %s: %w", p.name, err)
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return fmt.Errorf("docx: %s: %w", p.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("docx: write output: %w", err)
	}
	return nil
}

const header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const contentTypes = header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const rels = header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

func core(m Meta) string {
	date := m.Date.UTC().Format(time.RFC3339)
	return header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(m.Title) + `</dc:title><dc:creator>spokit</dc:creator>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + date + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + date + `</dcterms:modified>` +
		`</cp:coreProperties>`
}

func document(paras []Paragraph) string {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, p := range paras {
		paragraph(&b, p)
	}
	// A4 portrait with 2 cm margins, as the PDF.
	b.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>` +
		`<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`)
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

func paragraph(b *strings.Builder, p Paragraph) {
	b.WriteString(`<w:p><w:pPr>`)
	if p.KeepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	b.WriteString(`<w:keepLines/>`)
	if p.PageBreakBefore {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	b.WriteString(`<w:spacing w:after="120"/>`)
	if p.Label != "" && p.Hang {
		b.WriteString(`<w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs><w:ind w:left="567" w:hanging="567"/>`)
	}
	switch p.Align {
	case Centre:
		b.WriteString(`<w:jc w:val="center"/>`)
	case Right:
		b.WriteString(`<w:jc w:val="right"/>`)
	}
	b.WriteString(`</w:pPr>`)
	size := 22 // half-points
	switch {
	case p.Size > 0:
		size = int(p.Size * 2)
	case p.Small:
		size = 18
	}
	switch {
	case p.Label != "" && p.Hang:
		run(b, p.Label, true, size)
		b.WriteString(`<w:r><w:tab/></w:r>`)
	case p.Label != "":
		run(b, p.Label+" ", true, size)
	}
	for i, line := range strings.Split(p.Text, "\n") {
		if i > 0 {
			b.WriteString(`<w:r><w:br/></w:r>`)
		}
		run(b, line, p.Bold, size)
	}
	b.WriteString(`</w:p>`)
}

func run(b *strings.Builder, text string, bold bool, size int) {
	b.WriteString(`<w:r><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:cs="Liberation Sans"/>`)
	if bold {
		b.WriteString(`<w:b/>`)
	}
	fmt.Fprintf(b, `<w:sz w:val="%d"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, size, esc(text))
}

// esc escapes s as XML character data; characters XML cannot hold become
// U+FFFD.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(strings.ToValidUTF8(s, "\uFFFD"))) // a strings.Builder does not fail
	return b.String()
}
