package spo_test

import (
	"archive/zip"
	"bytes"
	"image"
	"image/jpeg"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/spokit/spokit/casefile/workbook"

	"github.com/spokit/spokit/casefile/mgform"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/pdfdoc"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/spokit/spokit/spo"
)

// The leak corpus: people's contact details recorded in the ways officers
// record them, planted again in free text in the ways people write them,
// and details nobody recorded. Every output the respondent or the defence
// receives is then searched, byte for byte as well as as text, for any of
// them. A leak found here means the design must change, not one pattern.

// planted is one person's recorded details and what must never reach a
// reader who may not see them, as the text would show it.
type planted struct {
	id               string
	address          string
	phone, email     string
	dob              casefile.Date
	forbidden        []string // lower case; compared with spaces collapsed
	forbiddenDigits  []string // compared with every non-digit removed
	forbiddenToTowns []string // the respondent may not see these either
}

var corpus = []planted{
	{id: "V1", address: "The Old Forge Cottage\n14 St John's Road\nHoole\nChester CH2 3QX",
		phone: "07700 900987 / 01244 900111 ext 21", email: "Renée Marsh <renee.sentinel@example.org>; r.sentinel@example.net",
		dob: casefile.NewDate(1991, 6, 23),
		forbidden: []string{"old forge", "14 st john", "st johns r", "saint john", "john's road", "ch2 3qx", "ch23qx",
			"renee.sentinel", "r.sentinel@", "sentinel[at]", "sentinel (at)", "sentinel dot", "23rd june 1991", "23 june 1991",
			"23/06/1991", "23/6/91", "1991-06-23", "23jun1991", "23rd day of june", "23 mehefin 1991", "june 23, 1991", "23.06.1991"},
		forbiddenDigits:  []string{"7700900987", "1244900111", "230691", "19910623", "23061991"},
		forbiddenToTowns: []string{"chester ch2"}}, // Hoole is named by a term, so it is no secret
	{id: "V2", address: "Flat 2, 41 Varden Close, Saltmere, Chester CH8 7YY", phone: "+44 7700 900654",
		email: "alys.sentinel@example.com", dob: casefile.NewDate(1994, 11, 28),
		forbidden: []string{"41 varden", "varden close", "varden cl", "ch8 7yy", "ch87yy", "alys.sentinel", "28 november 1994",
			"28/11/1994", "28/11/94", "1994-11-28", "28th of november 1994"},
		forbiddenDigits:  []string{"7700900654", "28111994"},
		forbiddenToTowns: []string{"saltmere"}},
	{id: "W1", address: "9 Dunsby Lane Holmfirth Parva HD9 1QQ", phone: "07700-900-321", email: "gwen.sentinel@example.net",
		dob:              casefile.NewDate(1958, 2, 19),
		forbidden:        []string{"9 dunsby", "dunsby lane", "dunsby ln", "hd9 1qq", "hd91qq", "gwen.sentinel", "19 february 1958", "19/02/1958", "19th of february 1958"},
		forbiddenDigits:  []string{"7700900321", "19021958"},
		forbiddenToTowns: []string{"holmfirth"}},
	// A victim of an incident who is neither protected nor recorded as a
	// victim: her details are withheld all the same.
	{id: "P9", address: "22 Tern Way\nKelsall CW6 0PQ", phone: "07700 900777", email: "bryony@example.org",
		dob:              casefile.NewDate(2001, 3, 5),
		forbidden:        []string{"22 tern", "tern way", "cw6 0pq", "bryony@", "5 march 2001", "05/03/2001"},
		forbiddenDigits:  []string{"7700900777"},
		forbiddenToTowns: []string{"kelsall"}},
}

// unrecorded are details nobody recorded, written into free text: each is
// withheld from the respondent and the defence and reported as a finding.
var unrecorded = struct {
	text      string
	forbidden []string
	digits    []string
}{
	text:      "She has since moved to 3 Heron Walk, Tarvin CH3 8LL; her new mobile is 07911 123456 and her email fresh.start@example.co.uk. Her son (DOB: 03/02/2015) lives with her.",
	forbidden: []string{"3 heron walk", "heron walk", "ch3 8ll", "fresh.start", "03/02/2015"},
	digits:    []string{"7911123456"},
}

// leakCase is the example case with the corpus recorded and planted in
// every free-text field the documents print.
func leakCase(t testing.TB) *casefile.Case {
	t.Helper()
	c := exampleCase(t)
	c.People = append(c.People, casefile.Person{ID: "P9", Role: casefile.RoleOther, Forenames: "Bryony", Surname: "Hale"})
	x := casefile.NewIndex(c)
	for _, s := range corpus {
		p := x.Person(s.id)
		require.NotNil(t, p, s.id)
		p.Address, p.Phone, p.Email, p.DateOfBirth = s.address, s.phone, s.email, s.dob
	}
	c.Incidents[6].Victims = append(c.Incidents[6].Victims, "P9")
	c.Marking = "OFFICIAL-SENSITIVE: victim at 14 St John's Road"
	c.Incidents[1].Location = "Outside 14 St Johns Rd, HOOLE"
	c.Incidents[2].Location = "flat 2 41 varden close"
	c.Incidents[3].Location = "Dunsby  Ln, near the Old Forge"
	c.Incidents[5].Location = "14 St John's Road Hoole Chester CH2 3QX" // one line, no commas
	c.Incidents[0].Description += " He texted her on +447700900987, (07700) 900987, 07700/900/987, 07700_900_987 and at work on 01244 900111."
	c.Incidents[4].Description += " He wrote her birthday as 23rd June 1991, 23/6/91, June 23, 1991, 1991-06-23, 23.06.1991, 23JUN1991, 230691, the 23rd day of June 1991 and 23 Mehefin 1991."
	c.Incidents[5].Description += " He emailed renee.sentinel[at]example.org, renee.sentinel (at) example (dot) org, r.sentinel@example.net and alys.sentinel @ example.com, and went to ch23qx and CH8  7YY."
	c.Incidents[6].Description += " He rang 0044 7700 900654 and 07700900321 and 07700 900 777, and wrote 19 February 1958 and 5 March 2001. He went to Saint John's Road and 22 Tern Way, Kelsall."
	c.Incidents[7].Description += " " + unrecorded.text
	c.Statements[0].Text += "\n\nI live at the Old Forge, 14 St John's Road, Hoole, Chester CH2 3QX. My number is 07700 900987, my email renee dot sentinel at example dot org. I was born on 23 June 1991 (23 Jun 1991)."
	c.Statements[1].Text += "\n\nI live at 9 Dunsby Lane, Holmfirth Parva HD9 1QQ; call me on 07700 900 321 or email Gwen.Sentinel@Example.net. Born 19th of February 1958."
	c.Statements[1].Place = "9 Dunsby Lane"
	c.SPO.Terms[1].Text = "Not to enter the area of Hoole bounded by Hoole Road, Westminster Road and the railway line."
	c.SPO.Terms[1].Locality = "Hoole"
	c.SPO.Terms[0].Necessity += " He has her number (07700 900987) and her sister's (+44 (0)7700 900654)."
	c.SPO.Risk += " He knows her date of birth, 23 Jun 1991, and her sister's, 28/11/1994."
	c.SPO.Necessity += " He has been seen in Saltmere and at Flat 2, 41 Varden Close."
	c.SPO.VictimViews = "Ms Marsh asks to be contacted on 07700 900 987 or at renee.sentinel@example.org; her sister on +44 7700 900654."
	c.SPO.Interim.Reason += " He was at 9 Dunsby Lane Holmfirth Parva on 20 January."
	c.Exhibits[0].Description = "Photograph of the Old Forge Cottage taken from Dunsby Lane"
	c.Exhibits[1].SeizedPlace = "9 Dunsby Lane, HD9 1QQ"
	return c
}

// readable returns what a reader of a PDF can get at: the text as drawn,
// the bookmarks, the document information, and every string in the file's
// decompressed bytes (qpdf --qdf), lower case with spaces collapsed.
func readable(t testing.TB, pdf []byte) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(rawText(t, pdf) + "\n")
	for _, o := range realclient.Outline(t, pdf) {
		b.WriteString(o.Title + "\n")
	}
	for k, v := range realclient.Info(t, pdf) {
		b.WriteString(k + ": " + v + "\n")
	}
	b.WriteString(decompressed(t, pdf))
	return strings.ToLower(flat(b.String()))
}

// decompressed returns the PDF with every stream decompressed and object
// streams written out, as qpdf --qdf does, with its UTF-16 strings decoded.
func decompressed(t testing.TB, pdf []byte) string {
	t.Helper()
	tool := realclient.Require(t, "qpdf")
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "out.pdf")
	require.NoError(t, os.WriteFile(in, pdf, 0o600))
	require.NoError(t, exec.Command(tool, "--qdf", "--object-streams=disable", in, out).Run())
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	// Text strings stored as UTF-16BE: keep their ASCII bytes too.
	return string(data) + "\n" + strings.ReplaceAll(string(data), "\x00", "")
}

// xlsxText returns every part of a workbook's (or a word-processor
// document's) package, lower case with spaces collapsed.
func xlsxText(t testing.TB, xlsx []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	require.NoError(t, err)
	var b strings.Builder
	for _, f := range z.File {
		r, err := f.Open()
		require.NoError(t, err)
		data, err := io.ReadAll(r)
		require.NoError(t, err)
		r.Close()
		b.Write(data)
		b.WriteString("\n")
	}
	return strings.ToLower(flat(b.String()))
}

var nonDigit = regexp.MustCompile(`\D`)

// assertNoLeak checks that none of the corpus reaches text: no recorded
// detail in any planted form, no unrecorded detail, and for the
// respondent not even the towns.
func assertNoLeak(t *testing.T, text string, towns bool) {
	t.Helper()
	digits := nonDigit.ReplaceAllString(text, "")
	leak := func(in, what, who string) {
		if i := strings.Index(in, what); i >= 0 {
			t.Errorf("%s: %q leaks in …%s…", who, what, in[max(0, i-80):min(len(in), i+len(what)+40)])
		}
	}
	for _, s := range corpus {
		for _, f := range s.forbidden {
			leak(text, f, s.id)
		}
		if towns {
			for _, f := range s.forbiddenToTowns {
				leak(text, f, s.id+" (locality)")
			}
		}
		for _, d := range s.forbiddenDigits {
			leak(digits, d, s.id+" (digits)")
		}
	}
	for _, f := range unrecorded.forbidden {
		leak(text, f, "unrecorded")
	}
	for _, d := range unrecorded.digits {
		leak(digits, d, "unrecorded (digits)")
	}
}

// leakExhibits gives three exhibits of the leak case files: a phone photo
// whose EXIF carries a GPS position (RM/1), a letter whose text prints the
// victim's address (GP/1), and the same letter with a version redacted for
// service (SO/2).
func leakExhibits(t *testing.T, c *casefile.Case) fs.FS {
	t.Helper()
	exiftool := realclient.Require(t, "exiftool")
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 120, 90))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var jpg bytes.Buffer
	require.NoError(t, jpeg.Encode(&jpg, img, nil))
	photo := filepath.Join(dir, "photo.jpg")
	require.NoError(t, os.WriteFile(photo, jpg.Bytes(), 0o600))
	out, err := exec.Command(exiftool, "-q", "-overwrite_original", "-GPSLatitude=53.2", "-GPSLatitudeRef=N",
		"-GPSLongitude=2.9", "-GPSLongitudeRef=W", "-Artist=14 St John's Road", photo).CombinedOutput()
	require.NoError(t, err, "%s", out)
	withGPS, err := os.ReadFile(photo)
	require.NoError(t, err)
	meta, err := exec.Command(exiftool, "-a", "-G1", photo).CombinedOutput()
	require.NoError(t, err)
	require.Contains(t, string(meta), "GPS Latitude", "the photo carries its position before the build")

	letter := func(text string) []byte {
		d := pdfdoc.New(pdfdoc.Options{Title: "Letter", Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
		d.Paragraph(text)
		var b bytes.Buffer
		require.NoError(t, d.Write(&b))
		return b.Bytes()
	}
	c.Exhibits[0].File, c.Exhibits[0].CheckedForService = "exhibits/photo.jpg", true
	c.Exhibits[1].File = "exhibits/letter.pdf"
	c.Exhibits[3].File, c.Exhibits[3].RedactedFile = "exhibits/letter.pdf", "exhibits/letter-redacted.pdf"
	return fstest.MapFS{
		"exhibits/photo.jpg":           {Data: withGPS},
		"exhibits/letter.pdf":          {Data: letter("Flowers to be delivered to Renée at 14 St John's Road, Hoole, Chester CH2 3QX.")},
		"exhibits/letter-redacted.pdf": {Data: letter("Flowers to be delivered to Renée at [address redacted].")},
	}
}

// pictureMetadata returns what exiftool reads from every picture embedded
// in pdf, as pdfimages -all extracts them.
func pictureMetadata(t *testing.T, pdf []byte) string {
	t.Helper()
	pdfimages, exiftool := realclient.Require(t, "pdfimages"), realclient.Require(t, "exiftool")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	require.NoError(t, os.WriteFile(in, pdf, 0o600))
	require.NoError(t, exec.Command(pdfimages, "-all", in, filepath.Join(dir, "img")).Run())
	names, err := filepath.Glob(filepath.Join(dir, "img*"))
	require.NoError(t, err)
	require.NotEmpty(t, names, "the photo is embedded")
	out, err := exec.Command(exiftool, append([]string{"-a", "-G1"}, names...)...).CombinedOutput()
	require.NoError(t, err, "%s", out)
	return string(out)
}

func TestLeakCorpusReachesNoRespondentDocument(t *testing.T) {
	t.Parallel()
	c := leakCase(t)
	files := leakExhibits(t, c)
	for name, write := range map[string]writer{
		"court copy (the service copy page for page)": spo.WriteBundle,
		"service copy": spo.WriteServiceCopy,
		"notice":       spo.WriteNotice,
	} {
		t.Run(name, func(t *testing.T) {
			pdf := build(t, write, c, spo.BundleOptions{Files: files})
			text := readable(t, pdf)
			assertNoLeak(t, text, true)
			if name != "notice" {
				assert.Contains(t, text, "flowers to be delivered to renée at [address redacted]", "the redacted letter is served")
				meta := pictureMetadata(t, pdf)
				assert.NotContains(t, meta, "GPS", "the photo's position")
				assert.NotContains(t, meta, "John", "the photo's EXIF text")
			}
			assert.Contains(t, text, "[withheld]")
			// What the respondent may read is intact: their own details,
			// the court's name, and the terms they must obey.
			keep := []string{"chester magistrates' court"}
			if name != "notice" {
				keep = append(keep, "flat 3, 22 canal street", "ellesmere port ch65 4eu", "30 november 1990",
					"not to enter the area of hoole bounded by hoole road")
			}
			for _, k := range keep {
				assert.Contains(t, text, k)
			}
		})
	}
}

func TestLeakCorpusReachesNoOrderAsServed(t *testing.T) {
	t.Parallel()
	c := leakCase(t)
	for _, interim := range []bool{false, true} {
		pdf := build(t, func(w io.Writer, a *spo.Application, o spo.BundleOptions) error {
			return spo.WriteOrder(w, a, o, interim)
		}, c, spo.BundleOptions{})
		assertNoLeak(t, readable(t, pdf), true)
		docx := build(t, func(w io.Writer, a *spo.Application, o spo.BundleOptions) error {
			return spo.WriteOrderDOCX(w, a, o, interim)
		}, c, spo.BundleOptions{})
		text := xlsxText(t, docx) // a .docx is a zip of XML parts too
		assertNoLeak(t, text, true)
		if !interim {
			assert.Contains(t, text, "not to enter the area of hoole bounded by hoole road", "the terms are printed in full")
		}
	}
}

func TestLeakCorpusReachesNoDefenceDocument(t *testing.T) {
	t.Parallel()
	c := leakCase(t)
	for _, form := range mgform.Forms(c) {
		if form.Audience != casefile.AudienceDefence {
			continue
		}
		t.Run(form.Name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, form.Write(&buf, mgform.Options{}))
			assertNoLeak(t, readable(t, buf.Bytes()), false)
		})
	}
	t.Run("prosecution workbook", func(t *testing.T) {
		var buf bytes.Buffer
		require.NoError(t, workbook.Write(&buf, c, nil, workbook.Options{TmpDir: t.TempDir()}))
		assertNoLeak(t, xlsxText(t, buf.Bytes()), false)
	})
}

func TestLeakCorpusReachesTheCourtInTheConfidentialAnnex(t *testing.T) {
	t.Parallel()
	c := leakCase(t)
	files := leakExhibits(t, c)
	pdf := build(t, spo.WriteConfidentialAnnex, c, spo.BundleOptions{Files: files})
	text := readable(t, pdf)
	// The originals of the letter: the one never served, and the one
	// served redacted.
	assert.Contains(t, text, "flowers to be delivered to renée at 14 st john's road")
	assert.Contains(t, text, "no redacted version has been prepared")
	for _, want := range []string{"14 st john's road", "07700 900987", "renee.sentinel@example.org", "23 june 1991",
		"22 tern way", "3 heron walk", "incidents[7].description"} {
		assert.Contains(t, text, want)
	}
	assert.Contains(t, text, "confidential: for the court only")
}

func TestUnrecordedDetailsAreReportedWithTheirField(t *testing.T) {
	t.Parallel()
	report := casefile.Validate(leakCase(t), casefile.Options{Rules: spo.AllRules()})
	var paths []string
	for _, f := range report.Findings {
		if f.Rule == "CASE-UNRECORDED-DETAIL" {
			paths = append(paths, f.Path)
			assert.Equal(t, casefile.Warning, f.Severity)
		}
	}
	assert.Contains(t, paths, "incidents[7].description")
}
