package synth_test

import (
	"bytes"
	"image"
	_ "image/jpeg" // registers the JPEG decoder for image.DecodeConfig
	_ "image/png"  // registers the PNG decoder for image.DecodeConfig
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spokit/spokit/casefile/synth"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/realclient"
)

func mustDate(t testing.TB, s string) casefile.Date {
	t.Helper()
	d, err := casefile.ParseDate(s)
	require.NoError(t, err)
	return d
}

// synthFiles reads every file of the folder Generate returned.
func synthFiles(t testing.TB, files fs.FS) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	require.NoError(t, fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(files, p)
		out[p] = b
		return err
	}))
	return out
}

func TestSynthesizedCasesHaveTheSizeAskedAndNoFindings(t *testing.T) {
	tests := []struct {
		name string
		opts synth.Options
		// want: incidents, statements, exhibits, images, PDFs, unused
		want [6]int
	}{
		{name: "zero options take the documented defaults", want: [6]int{12, 4, 8, 3, 2, 6}},
		{name: "a single incident is raised to the two a course needs",
			opts: synth.Options{Incidents: 1, Statements: 1, Exhibits: 1, ImageExhibits: 1, PDFExhibits: 1, Unused: 1},
			want: [6]int{2, 1, 1, 1, 0, 1}},
		{name: "more witnesses than incidents",
			opts: synth.Options{Incidents: 3, Statements: 30, Exhibits: 20, Seed: 2}, want: [6]int{3, 30, 20, 3, 2, 6}},
		{name: "files are capped at the number of exhibits",
			opts: synth.Options{Exhibits: 5, ImageExhibits: 4, PDFExhibits: 9, Seed: 3}, want: [6]int{12, 4, 5, 4, 1, 6}},
		{name: "negative sizes take the defaults",
			opts: synth.Options{Incidents: -1, Statements: -5, Exhibits: -2, Unused: -1, Seed: -9}, want: [6]int{12, 4, 8, 3, 2, 6}},
		{name: "judged on a leap day",
			opts: synth.Options{Incidents: 40, Statements: 9, Seed: 4, AsOf: mustDate(t, "2024-02-29")}, want: [6]int{40, 9, 8, 3, 2, 6}},
		{name: "the scale the project must handle", opts: synth.Large(), want: [6]int{1000, 60, 300, 50, 2, 500}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, files := synth.Generate(tt.opts)
			images, pdfs := 0, 0
			for _, x := range c.Exhibits {
				switch path.Ext(x.File) {
				case ".png", ".jpg":
					images++
				case ".pdf":
					pdfs++
				}
			}
			got := [6]int{len(c.Incidents), len(c.Statements), len(c.Exhibits), images, pdfs, len(c.UnusedMaterial)}
			assert.Equal(t, tt.want, got, "incidents, statements, exhibits, images, PDFs, unused")

			report := casefile.Validate(c, casefile.Options{Files: files})
			assert.Empty(t, report.Findings)
		})
	}
}

func TestGenerateDefaultsJudgeAsOfTheDocumentedDate(t *testing.T) {
	c, _ := synth.Generate(synth.Options{})
	assert.Equal(t, "2026-03-02", c.AsOf.String())
	asOf := mustDate(t, "2021-07-31")
	c, _ = synth.Generate(synth.Options{AsOf: asOf})
	assert.Equal(t, asOf, c.AsOf)
	last := c.Incidents[len(c.Incidents)-1].LastDate()
	assert.True(t, !last.After(asOf.AddDays(-14)) && !last.Before(asOf.AddDays(-35)), "last incident %s", last)
}

func TestGenerateIsDeterministic(t *testing.T) {
	opts := synth.Options{Incidents: 80, Statements: 12, Exhibits: 30, ImageExhibits: 10, PDFExhibits: 4, Seed: 42}
	encode := func(c *casefile.Case) []byte {
		var b bytes.Buffer
		require.NoError(t, casefile.Encode(&b, c))
		return b.Bytes()
	}
	a, aFiles := synth.Generate(opts)
	b, bFiles := synth.Generate(opts)
	require.Equal(t, a, b)
	assert.Equal(t, encode(a), encode(b))
	assert.Equal(t, synthFiles(t, aFiles), synthFiles(t, bFiles))

	opts.Seed++
	other, otherFiles := synth.Generate(opts)
	assert.NotEqual(t, encode(a), encode(other), "another seed gives another case")
	assert.NotEqual(t, synthFiles(t, aFiles), synthFiles(t, otherFiles))
}

func TestSynthesizedCaseRoundTripsThroughEncodeAndDecode(t *testing.T) {
	for _, opts := range []synth.Options{{}, synth.Large()} {
		c, _ := synth.Generate(opts)
		var b bytes.Buffer
		require.NoError(t, casefile.Encode(&b, c))
		require.Less(t, b.Len(), casefile.MaxCaseSize)
		back, err := casefile.Decode(&b)
		require.NoError(t, err)
		assert.Equal(t, c, back)
	}
}

func TestSynthesizedChronologyIsAPlausibleCourseOfConduct(t *testing.T) {
	c, _ := synth.Generate(synth.Large())
	x := casefile.NewIndex(c)
	seen := map[casefile.Behaviour]bool{}
	online, feared, second := 0, 0, 0
	for i, in := range c.Incidents {
		if i > 0 {
			prev := c.Incidents[i-1]
			assert.False(t, in.Date.Before(prev.Date), "%s is before %s", in.ID, prev.ID)
			assert.False(t, in.Date.After(prev.LastDate().AddMonths(casefile.CourseGapMonths())), "%s is over 3 months after %s", in.ID, prev.ID)
		}
		assert.False(t, in.LastDate().After(c.AsOf), in.ID)
		assert.Contains(t, in.Victims, "V1", in.ID)
		assert.NotEmpty(t, in.Statements, "%s is evidenced by no statement", in.ID)
		assert.NotEmpty(t, in.Description, in.ID)
		for _, b := range in.Behaviours {
			seen[b] = true
		}
		for _, id := range in.Statements {
			st := x.Statement(id)
			require.NotNil(t, st, id)
			assert.False(t, st.Date.Before(in.LastDate()), "statement %s is dated before incident %s it gives evidence of", id, in.ID)
		}
		if in.Online {
			online++
		}
		if in.VictimFearedViolence {
			feared++
		}
		if slices.Contains(in.Victims, "V2") {
			second++
		}
	}
	for _, b := range []casefile.Behaviour{casefile.Following, casefile.Contacting, casefile.Publishing, casefile.Monitoring,
		casefile.Loitering, casefile.Interfering, casefile.Watching} {
		assert.True(t, seen[b], "no incident shows %s", b)
	}
	assert.Positive(t, online)
	assert.Positive(t, feared)
	assert.Positive(t, second)
	assert.Less(t, online, len(c.Incidents))
	assert.Less(t, feared, len(c.Incidents))
}

func TestSynthesizedEvidenceIsLinkedAndReadable(t *testing.T) {
	c, _ := synth.Generate(synth.Large())
	target := synth.Large().StatementPages * 3000
	for _, st := range c.Statements {
		assert.GreaterOrEqual(t, len(st.Text), target, "statement %s is shorter than about %d pages", st.ID, synth.Large().StatementPages)
		assert.Less(t, len(st.Text), target*3/2, "statement %s is much longer than about %d pages", st.ID, synth.Large().StatementPages)
		assert.Contains(t, st.Text, "\n\n", "statement %s has no paragraphs", st.ID)
		assert.True(t, utf8.ValidString(st.Text))
	}
	produced := map[string]bool{}
	for _, x := range c.Exhibits {
		assert.Regexp(t, `^[A-Z]{2}/[0-9]+$`, x.Ref)
		assert.NotEmpty(t, x.Description, x.Ref)
		assert.False(t, x.SeizedDate.IsZero(), x.Ref)
		produced[x.Ref] = false
	}
	for _, in := range c.Incidents {
		for _, ref := range in.Exhibits {
			produced[ref] = true
		}
	}
	for ref, linked := range produced {
		assert.True(t, linked, "exhibit %s evidences no incident", ref)
	}
	sensitive := 0
	for _, u := range c.UnusedMaterial {
		if u.Sensitive {
			sensitive++
			assert.NotEmpty(t, u.Reason, u.ID)
		}
	}
	assert.Equal(t, 100, sensitive, "every fifth item is sensitive")

	var b bytes.Buffer
	require.NoError(t, casefile.Encode(&b, c))
	doc := b.String()
	assert.NotEqual(t, len(doc), utf8.RuneCountInString(doc), "the case has non-ASCII names and places")
	assert.Contains(t, doc, "£")
}

func TestSynthesizedExhibitFilesAreTheImagesAndPDFsTheyClaim(t *testing.T) {
	c, files := synth.Generate(synth.Large())
	all := synthFiles(t, files)
	named := map[string]bool{}
	formats := map[string]int{}
	for _, x := range c.Exhibits {
		if x.File == "" {
			continue
		}
		named[x.File] = true
		data, ok := all[x.File]
		require.True(t, ok, "exhibit %s names %s, which is not in the folder", x.Ref, x.File)
		if path.Ext(x.File) == ".pdf" {
			assert.True(t, bytes.HasPrefix(data, []byte("%PDF-1.4\n")), x.File)
			formats["pdf"]++
			continue
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
		require.NoError(t, err, x.File)
		assert.Equal(t, [2]int{200, 150}, [2]int{cfg.Width, cfg.Height}, x.File)
		assert.Equal(t, map[string]string{".png": "png", ".jpg": "jpeg"}[path.Ext(x.File)], format, x.File)
		formats[format]++
	}
	assert.Len(t, all, len(named), "the folder holds only the exhibits' files")
	assert.Equal(t, map[string]int{"png": 25, "jpeg": 25, "pdf": 2}, formats)
}

func TestSynthesizedPDFExhibitsPassQPDFAndShowTheirReference(t *testing.T) {
	c, files := synth.Generate(synth.Options{PDFExhibits: 4, Seed: 5})
	checked := 0
	for _, x := range c.Exhibits {
		if !strings.HasSuffix(x.File, ".pdf") {
			continue
		}
		data, err := fs.ReadFile(files, x.File)
		require.NoError(t, err)
		realclient.QPDFCheck(t, data)
		assert.Equal(t, 1, realclient.PDFPages(t, data), x.File)
		text := realclient.PDFText(t, data)
		assert.Contains(t, text, "Exhibit "+x.Ref)
		assert.Contains(t, text, strings.Fields(x.Description)[0])
		checked++
	}
	assert.Equal(t, 4, checked)
}

func BenchmarkGenerate(b *testing.B) {
	for b.Loop() {
		synth.Generate(synth.Large())
	}
}
