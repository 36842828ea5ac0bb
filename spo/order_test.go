package spo_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/spokit/spokit/casefile/synth"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/spokit/spokit/spo"
)

// orderSample is the sample case with its terms naming no protected
// person's address: a served order withholds such a detail (see the
// redactor), so the terms would not print as written.
func orderSample() (*casefile.Case, fs.FS) {
	c, files := casefile.Sample()
	fix := func(terms []casefile.Term) {
		for i := range terms {
			if strings.Contains(terms[i].Text+terms[i].Locality, "Ffordd yr Eglwys") {
				terms[i].Text, terms[i].Locality = "Not to enter the town of Llanrwst.", ""
			}
		}
	}
	fix(c.SPO.Terms)
	if c.SPO.Interim != nil {
		fix(c.SPO.Interim.Terms)
	}
	return c, files
}

// largeCase is a synthesized case with many long terms, so that the order
// runs over pages.
// The first term is padded by pad words, which moves every page break.
func largeCase(t *testing.T, n, pad int) (*casefile.Case, spo.BundleOptions) {
	t.Helper()
	c, files := synth.Generate(synth.Options{Incidents: 200, Seed: 3})
	c.SPO.Terms = c.SPO.Terms[:1] // the others name the victims' street, withheld from a served order
	c.SPO.Terms[0].Text += strings.Repeat(" This includes contact by letter.", pad/5)
	for i := range n {
		c.SPO.Terms = append(c.SPO.Terms, casefile.Term{Kind: casefile.Prohibition,
			Text: fmt.Sprintf("Not to do the thing numbered %d, which is described at length so that the term wraps over several lines of the order and a page break could fall inside it if the layout allowed that to happen, which it must not (end of term %d).", i+1, i+2)})
	}
	return c, spo.BundleOptions{Files: files}
}

func writeOrder(t *testing.T, c *casefile.Case, opts spo.BundleOptions, interim, editable bool) []byte {
	t.Helper()
	a, err := spo.NewApplication(c)
	require.NoError(t, err)
	var buf bytes.Buffer
	if editable {
		require.NoError(t, spo.WriteOrderDOCX(&buf, a, opts, interim))
	} else {
		require.NoError(t, spo.WriteOrder(&buf, a, opts, interim))
	}
	if dir := os.Getenv("SPOKIT_ORDER_OUT"); dir != "" { // for looking at the pages
		_ = os.WriteFile(fmt.Sprintf("%s/%s-%v-%d.pdf", dir, c.URN, interim, len(c.SPO.Terms)), buf.Bytes(), 0o600)
	}
	return buf.Bytes()
}

func orderTerms(c *casefile.Case, interim bool) []casefile.Term {
	if interim {
		return c.SPO.Interim.Terms
	}
	return c.SPO.Terms
}

func TestEachOrderFileStartsWithItsTitleKeepsTermsWholeAndSignsOnTheLastTermsPage(t *testing.T) {
	t.Parallel()
	sampleCase := func(t *testing.T) (*casefile.Case, spo.BundleOptions) {
		c, files := orderSample()
		return c, spo.BundleOptions{Files: files}
	}
	type orderCase struct {
		name    string
		make    func(*testing.T) (*casefile.Case, spo.BundleOptions)
		interim bool
		title   string
	}
	cases := []orderCase{
		{"sample full order", sampleCase, false, "Draft Stalking Protection Order"},
		{"sample interim order", sampleCase, true, "Draft interim Stalking Protection Order"},
	}
	// Enough term counts and paddings that page breaks fall at every point
	// of a term and of the signature block.
	for _, n := range []int{14, 20} {
		for pad := 0; pad <= 60; pad += 10 {
			cases = append(cases, orderCase{fmt.Sprintf("large full order with %d long terms padded by %d words", n, pad),
				func(t *testing.T) (*casefile.Case, spo.BundleOptions) { return largeCase(t, n, pad) }, false, "Draft Stalking Protection Order"})
		}
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, opts := tc.make(t)
			if tc.interim && c.SPO.Interim == nil {
				t.Skip("no interim order sought")
			}
			pdf := writeOrder(t, c, opts, tc.interim, false)
			texts := pages(t, pdf)
			assert.True(t, strings.HasPrefix(texts[1], tc.title), "page 1 starts %q", texts[1][:min(80, len(texts[1]))])
			assert.NotContains(t, texts[1], "Application for a Stalking Protection Order", "no bundle header")

			terms := orderTerms(c, tc.interim)
			last := 0
			for i := range terms {
				num := fmt.Sprintf("%d. ", i+1)
				start := flat(terms[i].Text)
				start = start[:min(40, len(start))]
				p := pageOf(texts, num+start, 1)
				require.NotZero(t, p, "term %d with its number", i+1)
				end := flat(terms[i].Text)
				end = end[max(0, len(end)-30):]
				assert.Contains(t, texts[p], end, "term %d is whole on page %d", i+1, p)
				last = p
			}
			sign := pageOf(texts, "Signed:", 1)
			assert.Equal(t, last, sign, "the signature shares a page with the last term")
			assert.Equal(t, sign, pageOf(texts, "Seal of the court:", 1))
		})
	}
}

func TestEditableOrderOpensInLibreOfficeWithEveryTerm(t *testing.T) {
	t.Parallel()
	for _, interim := range []bool{false, true} {
		c, files := orderSample()
		if interim && c.SPO.Interim == nil {
			continue
		}
		doc := writeOrder(t, c, spo.BundleOptions{Files: files}, interim, true)
		text := flat(realclient.PDFText(t, realclient.LibreOfficeToPDF(t, "order.docx", doc)))
		assert.True(t, strings.HasPrefix(text, map[bool]string{false: "Draft Stalking Protection Order", true: "Draft interim Stalking Protection Order"}[interim]), text[:60])
		for i, term := range orderTerms(c, interim) {
			assert.Contains(t, text, fmt.Sprintf("%d. %s", i+1, flat(term.Text)))
		}
		assert.Contains(t, text, "Signed:")
	}
}

func TestOrderForTheRespondentWithholdsProtectedAddresses(t *testing.T) {
	t.Parallel()
	c, files := casefile.Sample()
	c.SPO.Terms[0].Text += " Not to go to " + c.People[1].Address + "."
	pdf := flat(realclient.PDFText(t, writeOrder(t, c, spo.BundleOptions{Files: files}, false, false)))
	line := strings.Split(c.People[1].Address, "\n")[0]
	require.NotEmpty(t, line)
	assert.NotContains(t, pdf, line)
}

func TestWriteOrderRefusesAnInterimOrderNotSought(t *testing.T) {
	t.Parallel()
	c, _ := casefile.Sample()
	c.SPO.Interim = nil
	a, err := spo.NewApplication(c)
	require.NoError(t, err)
	assert.ErrorIs(t, spo.WriteOrder(&bytes.Buffer{}, a, spo.BundleOptions{}, true), spo.ErrNoInterim)
}
