package spo_test

import (
	"bytes"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/spokit/spokit/spo"
	"github.com/spokit/spokit/templates"
)

// bundleCase is a case the bundle tests build, with what its bundle must
// show.
type bundleCase struct {
	name     string
	c        func(testing.TB) *casefile.Case
	files    fs.FS
	duration string // as the draft order words it
	interim  string
}

func bundleCases() []bundleCase {
	_, files := casefile.Sample()
	return []bundleCase{
		{name: "example", c: exampleCase, duration: "3 years", interim: "3 months"},
		{name: "sample", c: func(testing.TB) *casefile.Case { c, _ := casefile.Sample(); return c }, files: files,
			duration: "2 years", interim: "2 months"},
	}
}

func TestBundleSetsOutTheApplication(t *testing.T) {
	t.Parallel()
	for _, tc := range bundleCases() {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.c(t)
			pdf := build(t, spo.WriteBundle, c, spo.BundleOptions{Files: tc.files})
			texts := pages(t, pdf)
			all := rawText(t, pdf)

			for _, heading := range []string{
				"Condition 1: acts associated with stalking (s.1(1)(a))",
				"Condition 2: risk associated with stalking (s.1(1)(b))",
				"Condition 3: necessity (s.1(1)(c))",
			} {
				assert.Contains(t, all, heading)
			}
			assert.Contains(t, all, flat(c.SPO.Risk))
			assert.Contains(t, all, flat(c.SPO.Necessity))
			assert.Contains(t, all, "psychological and physical harm (s.1(4))")

			// The chronology lists every act in full, in date order.
			from := strings.Index(all, "Chronology of acts The ")
			to := strings.Index(all, "Escalation of the conduct Acts relied on per")
			require.Positive(t, from)
			require.Greater(t, to, from)
			chron := all[from:to]
			a, err := spo.NewApplication(c)
			require.NoError(t, err)
			require.Len(t, a.Acts, 8)
			last := -1
			for _, in := range a.Acts {
				i := strings.Index(chron, flat(in.Description))
				require.GreaterOrEqual(t, i, 0, "act %s is not in the chronology", in.ID)
				assert.Greater(t, i, last, "act %s is out of date order", in.ID)
				assert.Contains(t, chron, in.Date.Long(), "act %s's date", in.ID)
				last = i
			}
			assert.Contains(t, chron, "watching (s.2A(3)(g): watching or spying on a person)")
			assert.Contains(t, chron, "contacting (s.2A(3)(b): contacting a person, or trying to, by any means)")

			// Every term with its necessity, in the table of terms.
			terms := all[strings.Index(all, "Proposed terms The prohibitions"):]
			for i, term := range c.SPO.Terms {
				kind := map[casefile.TermKind]string{casefile.Prohibition: "Prohibition: ", casefile.Requirement: "Requirement: "}[term.Kind]
				assert.Contains(t, terms, strconv.Itoa(i+1)+" "+kind+flat(term.Text)+" "+flat(term.Necessity)+" ", "term %d", i+1)
			}

			// The draft orders.
			assert.Contains(t, all, "Draft Stalking Protection Order In the "+c.SPO.Court)
			assert.Contains(t, all, "This order has effect for "+tc.duration+" beginning with the day it is made")
			assert.Contains(t, all, "Draft interim Stalking Protection Order")
			assert.Contains(t, all, "This interim order has effect for "+tc.interim+" beginning with the day it is made")
			assert.Contains(t, all, "you commit a criminal offence (section 8)")
			assert.Contains(t, all, "you must tell the police your name, every other name you use and your home address (section 9)")

			// The terms are checked against the respondent's religion and work.
			for _, check := range a.ConflictChecks() {
				assert.Contains(t, all, check)
			}

			// The protected people are named on the cover, with no other detail.
			for _, id := range c.SPO.Protected {
				p := casefile.NewIndex(c).Person(id)
				assert.Contains(t, texts[1], p.Name())
				assert.NotContains(t, texts[1], flat(p.Address))
			}
		})
	}
}

func TestBundleIndexMatchesTheLayout(t *testing.T) {
	t.Parallel()
	for _, tc := range bundleCases() {
		t.Run(tc.name, func(t *testing.T) {
			pdf := build(t, spo.WriteBundle, tc.c(t), spo.BundleOptions{Files: tc.files})
			realclient.QPDFCheck(t, pdf)
			texts := pages(t, pdf)
			n := len(texts) - 1

			// Every page says "Page x of y", y being the real page count.
			xs, ys := footers(texts)
			for i := range xs {
				assert.Equal(t, i+1, xs[i], "page %d's footer", i+1)
				assert.Equal(t, n, ys[i], "page %d's footer", i+1)
			}

			// Every page carries the marking, top and bottom.
			for p := 1; p <= n; p++ {
				assert.True(t, strings.HasPrefix(texts[p], "OFFICIAL-SENSITIVE "), "page %d", p)
				assert.True(t, strings.HasSuffix(texts[p], " OFFICIAL-SENSITIVE"), "page %d", p)
			}
			// Each statement counts its own pages.
			assert.Regexp(t, `Statement of \S+ \S+: page 1 of \d+`, strings.Join(texts, " "))

			// Every bookmark lands on a page that carries its title.
			outline := realclient.Outline(t, pdf)
			require.NotEmpty(t, outline)
			byTitle := map[string]int{}
			for _, e := range outline {
				assert.Contains(t, texts[e.Page], flat(e.Title), "bookmark %q", e.Title)
				byTitle[flat(e.Title)] = e.Page
			}

			// The index is page 2. Each entry links to the page its number
			// gives, that page is where its bookmark lands, and every
			// bookmark but the cover's and the index's own is an entry.
			words := realclient.Words(t, pdf)
			var entries int
			entryRE := regexp.MustCompile(`^(.*\S)\s+(\d+)$`)
			for _, l := range realclient.Links(t, pdf) {
				if l.Page != 2 {
					continue
				}
				entries++
				m := entryRE.FindStringSubmatch(linkText(words, l))
				require.NotNil(t, m, "index entry %q has no page number", linkText(words, l))
				title, printed := m[1], m[2]
				page, ok := byTitle[title]
				require.True(t, ok, "index entry %q has no bookmark", title)
				assert.Equal(t, strconv.Itoa(page), printed, "index entry %q", title)
				assert.Equal(t, page, l.DestPage, "index entry %q links elsewhere", title)
				assert.Equal(t, page, pageOf(texts, title, 3), "index entry %q: its title first appears on another page", title)
			}
			assert.Equal(t, len(outline)-2, entries)
			assert.Equal(t, "Index", outline[1].Title)
		})
	}
}

func TestChronologyLinksReachTheEvidence(t *testing.T) {
	t.Parallel()
	c := exampleCase(t)
	pdf := build(t, spo.WriteBundle, c, spo.BundleOptions{})
	texts := pages(t, pdf)
	words := realclient.Words(t, pdf)
	names := map[string]string{}
	for _, st := range c.Statements {
		names[st.ID] = casefile.NewIndex(c).Person(st.Person).Name()
	}
	statementRE := regexp.MustCompile(`^Statement (ST\d+)$`)
	exhibitRE := regexp.MustCompile(`^Exhibit (\S+)$`)
	seen := map[string]bool{}
	for _, l := range realclient.Links(t, pdf) {
		text := linkText(words, l)
		if m := statementRE.FindStringSubmatch(text); m != nil {
			seen[m[0]] = true
			assert.Contains(t, texts[l.DestPage], "Statement of "+names[m[1]]+" ("+m[1]+")", "link %q on page %d", text, l.Page)
		}
		if m := exhibitRE.FindStringSubmatch(text); m != nil {
			seen[m[0]] = true
			// The example's exhibits have no files: links reach their row
			// in the exhibit list.
			assert.Contains(t, texts[l.DestPage], m[1]+" ", "link %q on page %d", text, l.Page)
			assert.Contains(t, texts[l.DestPage], "Held by police")
		}
	}
	for _, in := range c.Incidents {
		for _, id := range in.Statements {
			assert.True(t, seen["Statement "+id], "no link to statement %s", id)
		}
		for _, ref := range in.Exhibits {
			assert.True(t, seen["Exhibit "+ref], "no link to exhibit %s", ref)
		}
	}

	// Condition 1 lists each act with a link to its chronology row.
	condition := pageOf(texts, "Condition 1: acts associated", 3)
	chronology := pageOf(texts, "Chronology of acts The ", 3)
	var acts int
	for _, l := range realclient.Links(t, pdf) {
		if l.Page == condition && regexp.MustCompile(`^\d+$`).MatchString(linkText(words, l)) {
			acts++
			assert.GreaterOrEqual(t, l.DestPage, chronology)
		}
	}
	assert.GreaterOrEqual(t, acts, 8)
}

func TestBundleReproducesExhibitFiles(t *testing.T) {
	t.Parallel()
	c, files := casefile.Sample()
	pdf := build(t, spo.WriteBundle, c, spo.BundleOptions{Files: files})
	texts := pages(t, pdf)
	all := strings.Join(texts, " ")

	// The 2-page PDF exhibit is merged page by page, in the bundle's numbering.
	first := pageOf(texts, "Exhibit SP/1: Screenshots of 23 Facebook and text messages sent on 19 August 2025 (page 1 of 2)", 3)
	require.NotZero(t, first)
	assert.Contains(t, texts[first], "Why have you blocked me?")
	assert.Contains(t, texts[first+1], "(page 2 of 2)")
	assert.Contains(t, texts[first+1], "I only want to talk")
	// The pictures are captioned; the exhibit without a file is listed.
	assert.Contains(t, all, "Exhibit OJ/1, produced by Owain Jenkins; seized on 26 January 2026 at Conwy Valley Vets, Llanrwst")
	assert.Contains(t, all, "Exhibit LB/2, produced by DC 2318 Leah Brennan")
	assert.Contains(t, all, "Held by police")

	// Without the files every exhibit is listed, none reproduced.
	listed := strings.Join(pages(t, build(t, spo.WriteBundle, c, spo.BundleOptions{})), " ")
	assert.NotContains(t, listed, "Why have you blocked me?")
	assert.Equal(t, 4, strings.Count(listed, "Held by police"))
}

func TestSensitiveExhibitsAreInNeitherCopyButTheAnnexListsThem(t *testing.T) {
	t.Parallel()
	c, files := casefile.Sample()
	c.Exhibits[1].Sensitive = true // OJ/1, a picture
	for name, write := range map[string]writer{"court copy": spo.WriteBundle, "service copy": spo.WriteServiceCopy} {
		all := rawText(t, build(t, write, c, spo.BundleOptions{Files: files}))
		assert.NotContains(t, all, "Photograph of a handwritten note left with a bracelet", name)
		assert.NotContains(t, all, "Exhibit OJ/1", name)
	}
	annex := rawText(t, build(t, spo.WriteConfidentialAnnex, c, spo.BundleOptions{Files: files}))
	assert.Contains(t, annex, "Photograph of a handwritten note left with a bracelet")
	assert.Contains(t, annex, "Held by the police as sensitive")
}

func TestBundleCarriesNoDecisionAids(t *testing.T) {
	t.Parallel()
	c := exampleCase(t)
	report := casefile.Validate(c, casefile.Options{Rules: spo.AllRules()})
	require.NotEmpty(t, report.Findings)
	screening, err := templates.Default().Render("screen.title", nil)
	require.NoError(t, err)
	for name, write := range map[string]writer{"court copy": spo.WriteBundle, "service copy": spo.WriteServiceCopy} {
		text := rawText(t, build(t, write, c, spo.BundleOptions{}))
		assert.NotContains(t, text, screening, name)
		for _, f := range report.Findings {
			assert.NotContains(t, text, f.Rule, name)
		}
		assert.NotContains(t, strings.ToLower(text), "unverified", name)
	}
}

func TestDraftMarksEveryPage(t *testing.T) {
	t.Parallel()
	c, files := casefile.Sample()
	for name, write := range map[string]writer{"bundle": spo.WriteBundle, "service copy": spo.WriteServiceCopy, "notice": spo.WriteNotice} {
		t.Run(name, func(t *testing.T) {
			texts := pages(t, build(t, write, c, spo.BundleOptions{Files: files, Draft: true}))
			for p := 1; p < len(texts); p++ {
				assert.Contains(t, texts[p], "DRAFT", "page %d", p)
			}
			final := pages(t, build(t, write, c, spo.BundleOptions{Files: files}))
			assert.NotContains(t, final[1], "DRAFT")
		})
	}
}

func TestOutputIsByteIdentical(t *testing.T) {
	t.Parallel()
	// Every exhibit file of the sample is embedded, among them two pictures
	// of the same width and a PDF.
	for name, write := range map[string]writer{"bundle": spo.WriteBundle, "service copy": spo.WriteServiceCopy, "notice": spo.WriteNotice} {
		t.Run(name, func(t *testing.T) {
			c, files := casefile.Sample()
			first := build(t, write, c, spo.BundleOptions{Files: files})
			for range 3 {
				c, files = casefile.Sample()
				assert.True(t, bytes.Equal(first, build(t, write, c, spo.BundleOptions{Files: files})), "two builds differ")
			}
			c = exampleCase(t)
			assert.True(t, bytes.Equal(build(t, write, c, spo.BundleOptions{}), build(t, write, exampleCase(t), spo.BundleOptions{})))
		})
	}
}

func TestBundleUsesTheForcesWording(t *testing.T) {
	t.Parallel()
	set, err := templates.New(fstest.MapFS{"spo.tmpl": {Data: []byte(`{{define "spo.index.title"}}Contents of this bundle{{end}}`)}})
	require.NoError(t, err)
	texts := pages(t, build(t, spo.WriteBundle, exampleCase(t), spo.BundleOptions{Templates: set}))
	assert.Contains(t, texts[2], "Contents of this bundle")
}

func TestBundleErrors(t *testing.T) {
	t.Parallel()
	c, files := casefile.Sample()
	c.Exhibits[0].File = "exhibits/missing.pdf"
	a, err := spo.NewApplication(c)
	require.NoError(t, err)

	var buf bytes.Buffer
	err = spo.WriteBundle(&buf, a, spo.BundleOptions{Files: files})
	require.Error(t, err, "a final bundle must not silently lose an exhibit")
	assert.Contains(t, err.Error(), "SP/1")
	assert.Zero(t, buf.Len())

	// A draft notes the problem instead.
	buf.Reset()
	require.NoError(t, spo.WriteBundle(&buf, a, spo.BundleOptions{Files: files, Draft: true}))
	assert.Contains(t, flat(realclient.PDFText(t, buf.Bytes())), "Exhibit SP/1: the file could not be read")

	assert.ErrorIs(t, spo.WriteBundle(&buf, &spo.Application{}, spo.BundleOptions{}), spo.ErrNoCase)
	assert.ErrorIs(t, spo.WriteNotice(&buf, nil, spo.BundleOptions{}), spo.ErrNoCase)
}

func TestDraftOrderWording(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		edit func(*casefile.Case)
		want []string
		not  []string
	}{
		{
			name: "a fixed period with the hearing date known gives the end date",
			edit: func(*casefile.Case) {},
			want: []string{"This order has effect for 3 years beginning with the day it is made: if it is made on 10 February 2025, until the end of 9 February 2028 (section 3)."},
		},
		{
			name: "no hearing date: no end date",
			edit: func(c *casefile.Case) { c.SPO.HearingDate = casefile.Date{} },
			want: []string{"This order has effect for 3 years beginning with the day it is made (section 3)."},
			not:  []string{"if it is made on"},
		},
		{
			name: "until further order",
			edit: func(c *casefile.Case) { c.SPO.Duration = casefile.UntilFurtherOrder },
			want: []string{"This order has effect until a further order is made (section 3)."},
		},
		{
			name: "replacing a served interim order, the duties continue",
			edit: func(c *casefile.Case) { c.SPO.ReplacesInterim = true },
			want: []string{"This order replaces the interim order already served on you", "continuing duties carry on from the interim order"},
		},
		{
			name: "an order already in force is named",
			edit: func(c *casefile.Case) {
				c.People[2].ExistingSPO = "Order of Warrington Magistrates' Court, 3 March 2023, for 3 years"
			},
			want: []string{"Daniel Reeve is already subject to a stalking protection order: Order of Warrington Magistrates' Court, 3 March 2023, for 3 years. The new order must not contain terms incompatible with it (s.2(6)–(7))."},
		},
		{
			name: "no interim order sought",
			edit: func(c *casefile.Case) { c.SPO.Interim = nil },
			not:  []string{"Draft interim Stalking Protection Order", "Interim order sought (s.5)"},
		},
		{
			name: "a limited term says where it applies",
			edit: func(*casefile.Case) {},
			want: []string{"2. Not to enter the area of Hoole, Chester, bounded by Hoole Road, Westminster Road and the railway line. This prohibition applies only in Hoole, Chester.",
				"Only in Hoole, Chester", "The whole of the United Kingdom (s.2(4))"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := exampleCase(t)
			tt.edit(c)
			text := rawText(t, build(t, spo.WriteBundle, c, spo.BundleOptions{}))
			for _, s := range tt.want {
				assert.Contains(t, text, s)
			}
			for _, s := range tt.not {
				assert.NotContains(t, text, s)
			}
		})
	}
}
