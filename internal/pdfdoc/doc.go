// Package pdfdoc is spokit's PDF engine: it lays out A4 documents for courts
// and case files and knows nothing about cases, orders or stalking. Every
// other package builds PDFs through it; only this package uses fpdf.
//
// # Model
//
// A Document is described first and laid out once, when Write is called.
// Its methods (Heading, Paragraph, Text, Table, Form, Signatures, Image,
// ImportPDF, BarChart, Contents, Anchor, PageBreak, StartGroup, EndGroup)
// append blocks in reading order. Because the whole description is known
// before layout, a table of contents can be placed in front of the headings
// it lists, links can point forward, and page counts can be printed on
// every page, all in one layout pass:
//
//   - Numbers that depend on the finished layout (contents page numbers,
//     Cell.PageOf references, Field.Count page counts, "Page X of Y" and a
//     group's "page x of y") get a box reserved during layout and are drawn
//     into it once every page exists, so they always equal the pages a
//     reader sees.
//   - Text is printed exactly as given. Nothing in it is a placeholder, so
//     user data such as a witness's words can never change a number or make
//     Write fail; a number is asked for only through the document's
//     structure (Field.Count, Cell.PageOf).
//
// Every page carries the protective marking centred in capitals at top and
// bottom, a header with Options.Reference and Options.Title (and an optional
// HeaderNote), and a footer with "Page X of Y"; pages inside a group also
// show the group's own page count and, if asked, signature lines. With
// Options.Draft a translucent diagonal DRAFT is drawn on every page and
// "DRAFT" is printed beside the top marking.
//
// Headings (levels 1 to 3) become nested bookmarks. Anchors name places
// that text, table cells and contents entries link to; a link to an anchor
// that is never defined is an error from Write, never a broken file.
//
// Text is set in the Go fonts (regular and bold), embedded as Unicode
// TrueType, so names such as "Siân Ŵyn" print and extract exactly without
// any system font. What the PDF library cannot print, malformed UTF-8 and
// characters beyond U+FFFF such as emoji, prints as U+FFFD (�), so that
// bad input shows rather than crashing Write.
//
// # Reproducible output
//
// The same description gives the same bytes: the file's dates come from
// Options.Date, catalogues are sorted, and pictures and pages imported from
// other PDFs are written by this package, numbered in the order they are
// first used (fpdf orders pictures of equal width by map iteration, and
// pdfcpu, which reads imported PDFs, would stamp dates and file IDs). A
// picture used twice is stored once.
//
// # Pictures and imported pages
//
// Pictures are evidence: JPEG data is embedded as it is, less its metadata
// (EXIF with GPS, XMP, IPTC, comments), and drawn upright by its EXIF
// orientation; PNG data as it is or, when PDF cannot read it directly
// (interlaced or transparent PNGs), as its decoded samples at their own bit
// depth, with transparency as a soft mask; TIFF as its decoded pixels. Only
// a picture too large to print (over 24 million pixels) is reduced, as it
// is read. Imported PDF pages are shown as a viewer shows them (latest
// revision, decrypted, annotations flattened) in a clean graphics state.
// CheckExhibit says, in plain words, why a file cannot be printed, and
// ExtractText returns every page's text, seen or not.
package pdfdoc
