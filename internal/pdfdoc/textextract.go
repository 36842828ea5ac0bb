package pdfdoc

import (
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/text/encoding/charmap"
)

// ExtractText returns all the text of each page of a PDF, one string per
// page in page order: the pages ImportPDF merges (the latest revision,
// decrypted when no password is needed to open it). Text is returned
// whether or not a reader would see it (white on white, under a picture,
// clipped away, invisible as in a scan's recognised-text layer), including
// text in form XObjects and annotation appearances, so that a file can be
// checked for what it must not disclose. The result depends only on the
// file's bytes. Errors are those of ImportPDF's refusals (ErrPassword,
// ErrDamaged, ErrNoPages, ErrTooManyPages).
func ExtractText(data []byte) (pages []string, err error) {
	src, err := openPDF(data)
	if err != nil {
		return nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			pages, err = nil, ErrDamaged
		}
	}()
	// One extractor for the file: fonts are read once, and the bound on
	// work is for the whole file.
	e := &textExtractor{src: src, fonts: map[types.Object]*fontDecoder{}}
	for _, p := range src.pages {
		content, err := src.contents(p.dict)
		if err != nil {
			return nil, err
		}
		e.out.Reset()
		e.run(content, p.resources, 0)
		for _, a := range src.appearances(p.dict) {
			e.form(a.sd, p.resources, 0)
		}
		pages = append(pages, strings.TrimSpace(e.out.String()))
	}
	return pages, nil
}

// textExtractor interprets content streams for their text.
type textExtractor struct {
	src   *sourcePDF
	out   strings.Builder
	fonts map[types.Object]*fontDecoder // by font dictionary reference
	steps int
}

// maxTextSteps bounds the operators interpreted for one file, against
// forms drawn from forms many times over.
const maxTextSteps = 20_000_000

// sep ends the current word (or line) unless it has ended already.
func (e *textExtractor) sep(s string) {
	out := e.out.String()
	if out == "" || strings.HasSuffix(out, "\n") || strings.HasSuffix(out, s) {
		return
	}
	e.out.WriteString(s)
}

// form interprets a form XObject with its own resources, or those of the
// page or form that draws it.
func (e *textExtractor) form(sd *types.StreamDict, parent types.Dict, depth int) {
	if sd == nil || depth > maxFormNesting {
		return
	}
	data, err := e.src.decoded(sd)
	if err != nil {
		return
	}
	res := parent
	if r, ok := sd.Find("Resources"); ok {
		if d, err := e.src.ctx.DereferenceDict(r); err == nil && d != nil {
			res = d
		}
	}
	e.sep("\n")
	e.run(data, res, depth+1)
	e.sep("\n")
}

// run interprets one content stream.
func (e *textExtractor) run(content []byte, res types.Dict, depth int) {
	p := &objParser{b: content}
	var operands []*obj
	var font *fontDecoder
	var saved []*fontDecoder
	for {
		p.space()
		if p.i >= len(p.b) {
			return
		}
		e.steps++
		if e.steps > maxTextSteps {
			return
		}
		v, err := p.value()
		if err != nil {
			p.i++ // skip what cannot be read, as viewers do
			operands = operands[:0]
			continue
		}
		if v.kind != kindToken || isOperand(v.text) {
			if len(operands) < 64 {
				operands = append(operands, v)
			}
			continue
		}
		switch v.text {
		case "q":
			saved = append(saved, font)
		case "Q":
			if n := len(saved); n > 0 {
				font, saved = saved[n-1], saved[:n-1]
			}
		case "BT":
			e.sep(" ")
		case "Tf":
			if len(operands) == 2 {
				font = e.font(res, operands[0].text)
			}
		case "Td", "TD":
			if len(operands) == 2 && operands[1].text != "0" {
				e.sep("\n")
			} else {
				e.sep(" ")
			}
		case "T*", "Tm":
			e.sep("\n")
		case "Tj":
			if len(operands) == 1 {
				e.show(font, operands[0])
			}
		case "'", "\"":
			e.sep("\n")
			if len(operands) > 0 {
				e.show(font, operands[len(operands)-1])
			}
		case "TJ":
			if len(operands) == 1 && operands[0].kind == kindArray {
				for _, item := range operands[0].items {
					if item.kind == kindToken {
						// A large move back between strings is a space.
						if n, err := strconv.ParseFloat(item.text, 64); err == nil && n < -180 {
							e.sep(" ")
						}
						continue
					}
					e.show(font, item)
				}
			}
		case "Do":
			if len(operands) == 1 {
				e.xobject(res, operands[0].text, depth)
			}
		case "ID":
			// Inline image data: skip to the EI that ends it.
			p.i = skipInlineImage(p.b, p.i)
		}
		operands = operands[:0]
	}
}

// isOperand reports whether a bare token is a number, name or constant
// rather than an operator.
func isOperand(t string) bool {
	if t == "" || t[0] == '/' || t == "true" || t == "false" || t == "null" {
		return true
	}
	c := t[0]
	return c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')
}

// skipInlineImage returns the position after the EI that ends inline image
// data starting at i.
func skipInlineImage(b []byte, i int) int {
	for j := i + 1; j+2 <= len(b); j++ {
		if b[j] == 'E' && b[j+1] == 'I' && isSpace(b[j-1]) && (j+2 == len(b) || isDelim(b[j+2])) {
			return j + 2
		}
	}
	return len(b)
}

// xobject interprets the form XObject called name, if it is one.
func (e *textExtractor) xobject(res types.Dict, name string, depth int) {
	sd := e.resource(res, "XObject", name)
	if sd == nil {
		return
	}
	if st := sd.NameEntry("Subtype"); st == nil || *st != "Form" {
		return
	}
	e.form(sd, res, depth)
}

// resource looks up a named stream resource of a kind.
func (e *textExtractor) resource(res types.Dict, kind, name string) *types.StreamDict {
	o := e.resourceObj(res, kind, name)
	if o == nil {
		return nil
	}
	return e.src.stream(o)
}

func (e *textExtractor) resourceObj(res types.Dict, kind, name string) types.Object {
	if res == nil || !strings.HasPrefix(name, "/") {
		return nil
	}
	o, ok := res.Find(kind)
	if !ok {
		return nil
	}
	d, err := e.src.ctx.DereferenceDict(o)
	if err != nil || d == nil {
		return nil
	}
	key, err := types.DecodeName(name[1:])
	if err != nil {
		return nil
	}
	v, ok := d.Find(key)
	if !ok {
		return nil
	}
	return v
}

// show appends a shown string, decoded by the current font.
func (e *textExtractor) show(font *fontDecoder, s *obj) {
	var raw []byte
	switch s.kind {
	case kindString:
		raw = unescapeLiteral(s.text)
	case kindHex:
		raw = decodeHexString(s.text)
	default:
		return
	}
	if font == nil {
		font = &fontDecoder{}
	}
	e.out.WriteString(font.decode(raw))
}

// font returns the decoder of the font resource called name.
func (e *textExtractor) font(res types.Dict, name string) *fontDecoder {
	o := e.resourceObj(res, "Font", name)
	if o == nil {
		return nil
	}
	if ref, ok := o.(types.IndirectRef); ok {
		if f, ok := e.fonts[ref]; ok {
			return f
		}
		f := newFontDecoder(e.src, o)
		e.fonts[ref] = f
		return f
	}
	return newFontDecoder(e.src, o)
}

// fontDecoder turns a font's character codes into text.
type fontDecoder struct {
	codeLen int               // bytes per code: 1 for simple fonts, usually 2 for composite
	unicode map[uint32]string // from the font's ToUnicode map
	ranges  []cmapRange       // its ranges
	simple  *[256]rune        // a simple font's encoding, when it has no map
}

func newFontDecoder(src *sourcePDF, o types.Object) *fontDecoder {
	f := &fontDecoder{codeLen: 1}
	d, err := src.ctx.DereferenceDict(o)
	if err != nil || d == nil {
		return f
	}
	if st := d.NameEntry("Subtype"); st != nil && *st == "Type0" {
		f.codeLen = 2
	}
	if tu, ok := d.Find("ToUnicode"); ok {
		if data, err := src.decoded(src.stream(tu)); err == nil {
			f.unicode, f.ranges, f.codeLen = parseToUnicode(data, f.codeLen)
		}
	}
	if f.codeLen == 1 {
		f.simple = simpleEncoding(src, d)
	}
	return f
}

func (f *fontDecoder) decode(b []byte) string {
	var sb strings.Builder
	n := max(1, f.codeLen)
	for i := 0; i+n <= len(b); i += n {
		var code uint32
		for _, c := range b[i : i+n] {
			code = code<<8 | uint32(c)
		}
		if s, ok := f.unicode[code]; ok {
			sb.WriteString(s)
			continue
		}
		if r, ok := f.inRange(code); ok {
			sb.WriteString(r)
			continue
		}
		if f.simple != nil {
			if r := f.simple[code&0xff]; r != 0 {
				sb.WriteRune(r)
			}
		}
	}
	return sb.String()
}

func (f *fontDecoder) inRange(code uint32) (string, bool) {
	for _, r := range f.ranges {
		if code >= r.lo && code <= r.hi {
			s := slices.Clone(r.base)
			s[len(s)-1] += rune(code - r.lo)
			return string(s), true
		}
	}
	return "", false
}

// parseToUnicode reads the bfchar and bfrange entries of a ToUnicode CMap
// and the code length its code space declares.
func parseToUnicode(data []byte, codeLen int) (map[uint32]string, []cmapRange, int) {
	m := map[uint32]string{}
	var ranges []cmapRange
	p := &objParser{b: data}
	var ops []*obj
	mode := ""
	for steps := 0; steps < 1_000_000; steps++ {
		p.space()
		if p.i >= len(p.b) {
			break
		}
		v, err := p.value()
		if err != nil {
			p.i++
			continue
		}
		if v.kind != kindToken || isOperand(v.text) {
			ops = append(ops, v)
			if mode == "" && len(ops) > 8 {
				ops = ops[1:]
			}
			continue
		}
		switch v.text {
		case "begincodespacerange", "beginbfchar", "beginbfrange":
			mode = v.text
			ops = ops[:0] // drop the entry count
		case "endcodespacerange":
			if len(ops) >= 1 && ops[0].kind == kindHex {
				if n := len(decodeHexString(ops[0].text)); n >= 1 && n <= 4 {
					codeLen = n
				}
			}
			mode = ""
		case "endbfchar":
			for i := 0; i+1 < len(ops); i += 2 {
				if ops[i].kind == kindHex && ops[i+1].kind == kindHex && len(m) < 1<<20 {
					m[hexCode(ops[i].text)] = utf16String(decodeHexString(ops[i+1].text))
				}
			}
			mode = ""
		case "endbfrange":
			for i := 0; i+2 < len(ops); i += 3 {
				lo, hi := hexCode(ops[i].text), hexCode(ops[i+1].text)
				if hi < lo || len(m) > 1<<20 || len(ranges) > 1<<16 {
					continue
				}
				switch dst := ops[i+2]; dst.kind {
				case kindHex:
					// The last character counts up through the range.
					if base := []rune(utf16String(decodeHexString(dst.text))); len(base) > 0 {
						ranges = append(ranges, cmapRange{lo, hi, base})
					}
				case kindArray:
					for j, item := range dst.items {
						if c := lo + uint32(j); c <= hi && item.kind == kindHex {
							m[c] = utf16String(decodeHexString(item.text))
						}
					}
				}
			}
			mode = ""
		}
		if mode == "" {
			ops = ops[:0]
		}
	}
	return m, ranges, codeLen
}

// cmapRange maps the codes lo to hi to base, then base with its last
// character counted up.
type cmapRange struct {
	lo, hi uint32
	base   []rune
}

func hexCode(s string) uint32 {
	var c uint32
	for _, b := range decodeHexString(s) {
		c = c<<8 | uint32(b)
	}
	return c
}

func utf16String(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

// decodeHexString decodes the digits of a hex string, ignoring white space
// and padding an odd last digit with 0 as PDF says.
func decodeHexString(s string) []byte {
	digits := make([]byte, 0, len(s)+1)
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') {
			digits = append(digits, c)
		}
	}
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	out := make([]byte, len(digits)/2)
	_, _ = hex.Decode(out, digits) // only hex digits remain
	return out
}

// unescapeLiteral decodes the escapes of a literal string's body.
func unescapeLiteral(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			out = append(out, c)
			continue
		}
		i++
		switch c = s[i]; c {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case '\n':
		default:
			if c >= '0' && c <= '7' {
				v := 0
				for k := 0; k < 3 && i < len(s) && s[i] >= '0' && s[i] <= '7'; k++ {
					v = v*8 + int(s[i]-'0')
					i++
				}
				i--
				out = append(out, byte(v))
				continue
			}
			out = append(out, c)
		}
	}
	return out
}

// simpleEncoding is the code-to-character table of a simple font: its
// base encoding (Windows for WinAnsi and by default, Mac for MacRoman)
// with its /Differences applied.
func simpleEncoding(src *sourcePDF, font types.Dict) *[256]rune {
	var table [256]rune
	cm := charmap.Windows1252
	var diffs types.Array
	if eo, ok := font.Find("Encoding"); ok {
		eo, _ = src.ctx.Dereference(eo)
		name := ""
		switch v := eo.(type) {
		case types.Name:
			name = string(v)
		case types.Dict:
			if b := v.NameEntry("BaseEncoding"); b != nil {
				name = *b
			}
			if a, ok := v.Find("Differences"); ok {
				diffs, _ = src.ctx.DereferenceArray(a)
			}
		}
		if name == "MacRomanEncoding" {
			cm = charmap.Macintosh
		}
	}
	for i := range table {
		if i >= 0x20 || i == '\t' || i == '\n' {
			table[i] = cm.DecodeByte(byte(i))
		}
	}
	code := 0
	for _, item := range diffs {
		switch v := item.(type) {
		case types.Integer:
			code = v.Value()
		case types.Name:
			if code >= 0 && code < 256 {
				if r := glyphRune(string(v)); r != 0 {
					table[code] = r
				}
			}
			code++
		}
	}
	return &table
}

// glyphRune maps a glyph name to its character: uniXXXX and uXXXX names,
// single letters and digits, and the common names of the Adobe Glyph List.
func glyphRune(name string) rune {
	if r, ok := glyphNames[name]; ok {
		return r
	}
	if len(name) == 1 {
		return rune(name[0])
	}
	for _, prefix := range []string{"uni", "u"} {
		if rest, ok := strings.CutPrefix(name, prefix); ok && len(rest) >= 4 && len(rest) <= 6 {
			if v, err := strconv.ParseUint(rest[:4], 16, 32); err == nil {
				return rune(v)
			}
		}
	}
	// Subset fonts often name glyphs after a base name: "a.sc", "f_i".
	if base, _, ok := strings.Cut(name, "."); ok && base != name {
		return glyphRune(base)
	}
	return 0
}

var glyphNames = map[string]rune{
	"space": ' ', "exclam": '!', "quotedbl": '"', "numbersign": '#', "dollar": '$', "percent": '%',
	"ampersand": '&', "quotesingle": '\'', "quoteright": '’', "quoteleft": '‘', "parenleft": '(',
	"parenright": ')', "asterisk": '*', "plus": '+', "comma": ',', "hyphen": '-', "period": '.',
	"slash": '/', "zero": '0', "one": '1', "two": '2', "three": '3', "four": '4', "five": '5',
	"six": '6', "seven": '7', "eight": '8', "nine": '9', "colon": ':', "semicolon": ';', "less": '<',
	"equal": '=', "greater": '>', "question": '?', "at": '@', "bracketleft": '[', "backslash": '\\',
	"bracketright": ']', "asciicircum": '^', "underscore": '_', "grave": '`', "braceleft": '{',
	"bar": '|', "braceright": '}', "asciitilde": '~', "sterling": '£', "endash": '–', "emdash": '—',
	"quotedblleft": '“', "quotedblright": '”', "bullet": '•', "ellipsis": '…', "fi": 'ﬁ', "fl": 'ﬂ',
	"eacute": 'é', "egrave": 'è', "agrave": 'à', "ccedilla": 'ç', "wcircumflex": 'ŵ', "ycircumflex": 'ŷ',
	"Wcircumflex": 'Ŵ', "Ycircumflex": 'Ŷ', "Euro": '€', "copyright": '©', "degree": '°', "nbspace": ' ',
	"minus": '−', "periodcentered": '·', "section": '§', "paragraph": '¶',
}
