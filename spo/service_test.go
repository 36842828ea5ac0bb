package spo_test

import (
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/spokit/spokit/casefile/synth"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/spokit/spokit/spo"
	"github.com/spokit/spokit/templates"
)

func TestServiceCopyLeavesOutWhatTheRespondentMustNotSee(t *testing.T) {
	t.Parallel()
	c := leakCase(t)
	c.Exhibits[2].Sensitive = true // SO/1
	report := casefile.Validate(c, casefile.Options{Rules: spo.AllRules()})
	require.NotEmpty(t, report.Findings)
	service := build(t, spo.WriteServiceCopy, c, spo.BundleOptions{})
	court := build(t, spo.WriteBundle, c, spo.BundleOptions{})
	serviceText, courtText := rawText(t, service), rawText(t, court)
	render := func(unit string) string {
		s, err := templates.Default().Render(unit, nil)
		require.NoError(t, err)
		return s
	}

	// No contact details page, in either copy.
	for _, text := range []string{serviceText, courtText} {
		assert.NotContains(t, text, render("mg11.contact-title"))
	}
	// The sensitive exhibit is in neither copy, not even cited in the
	// chronology. (A statement that mentions it keeps its words.)
	for _, text := range []string{serviceText, courtText} {
		assert.NotContains(t, text, "Email account sign-in records")
		assert.NotContains(t, text, "Exhibit SO/1")
	}
	// Unused material and findings are in neither.
	for _, u := range c.UnusedMaterial {
		assert.NotContains(t, serviceText, u.Description)
		assert.NotContains(t, courtText, u.Description)
	}
	for _, f := range report.Findings {
		assert.NotContains(t, serviceText, f.Rule)
		assert.NotContains(t, courtText, f.Rule)
	}
	// Every page is headed SERVICE COPY.
	texts := pages(t, service)
	for p := 1; p < len(texts); p++ {
		assert.Contains(t, texts[p], "SERVICE COPY", "page %d", p)
	}
	assert.NotContains(t, courtText, "SERVICE COPY")
	for p, text := range pages(t, court)[1:] {
		assert.Contains(t, text, "COURT COPY: NOT FOR SERVICE", "court copy page %d", p+1)
	}
}

func TestCourtCopyAndServiceCopyHaveTheSamePages(t *testing.T) {
	t.Parallel()
	sample, sampleFiles := casefile.Sample()
	cases := map[string]struct {
		c     *casefile.Case
		files fs.FS
	}{"sample": {sample, sampleFiles}, "leak corpus": {leakCase(t), nil}}
	if os.Getenv("SPOKIT_SCALE") == "1" {
		large, largeFiles := synth.Generate(synth.Large())
		cases["large synthetic case"] = struct {
			c     *casefile.Case
			files fs.FS
		}{large, largeFiles}
	} else {
		t.Log("the large synthetic case is a scale test: set SPOKIT_SCALE=1")
	}
	// The header's note is the one line the copies may differ in.
	note := regexp.MustCompile(`(?m)^.*(COURT COPY: NOT FOR SERVICE\. Identical page for page to the service copy|SERVICE COPY)\s*$|Application for a Stalking Protection Order(: court copy)?`)
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			opts := spo.BundleOptions{Files: tc.files}
			court, service := build(t, spo.WriteBundle, tc.c, opts), build(t, spo.WriteServiceCopy, tc.c, opts)
			// One pdftotext run a copy; pages end with a form feed.
			courtPages := strings.Split(realclient.PDFText(t, court), "\f")
			servicePages := strings.Split(realclient.PDFText(t, service), "\f")
			require.Equal(t, len(courtPages), len(servicePages), "page counts")
			for p := range courtPages {
				assert.Equal(t, flat(note.ReplaceAllString(servicePages[p], "")), flat(note.ReplaceAllString(courtPages[p], "")), "page %d", p+1)
			}
			// The index gives the same page numbers, and the bookmarks agree.
			co, so := realclient.Outline(t, court), realclient.Outline(t, service)
			require.Equal(t, len(co), len(so))
			for i := range co {
				assert.Equal(t, so[i], co[i])
			}
			assert.NotEqual(t, realclient.Info(t, court)["Title"], realclient.Info(t, service)["Title"], "each copy has its own title")
		})
	}
}
