// Package spovariation holds the example case of an application to vary a
// Stalking Protection Order, and the test that builds it.
package spovariation

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	spokit "github.com/spokit/spokit"
	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/realclient"
)

// TestMain names the real-client tests a missing tool skipped.
func TestMain(m *testing.M) { os.Exit(realclient.Main(m)) }

func build(t *testing.T) *spokit.Result {
	t.Helper()
	f, err := os.Open("case.json")
	require.NoError(t, err)
	defer f.Close()
	c, err := casefile.Decode(f)
	require.NoError(t, err)
	res, err := spokit.Build(context.Background(), c, spokit.Settings{Files: os.DirFS(".")})
	require.NoError(t, err)
	assert.False(t, res.Report.HasErrors())
	return res
}

func output(t *testing.T, res *spokit.Result, name string) []byte {
	t.Helper()
	i := slices.IndexFunc(res.Outputs, func(o spokit.Output) bool { return o.Name == name })
	require.GreaterOrEqual(t, i, 0, "no %s", name)
	return res.Outputs[i].Data
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestTheCaseBuildsTheVariationApplicationAndDraftVariedOrder(t *testing.T) {
	res := build(t)
	got := map[string]casefile.Audience{}
	for _, o := range res.Outputs {
		got[o.Name] = o.Audience
	}
	assert.Equal(t, casefile.AudienceRespondent, got["spo-variation-application.pdf"])
	assert.Equal(t, casefile.AudienceCourt, got["spo-varied-order-draft.pdf"])
	assert.Equal(t, casefile.AudienceCourt, got["spo-varied-order-draft.docx"])
	assert.NotContains(t, got, "spo-bundle.pdf", "the case records no new application")
	assert.NotContains(t, got, "breach-schedule.pdf", "no occasion names a breach")
}

func TestTheApplicationAndDraftOrderReadBack(t *testing.T) {
	res := build(t)
	app := output(t, res, "spo-variation-application.pdf")
	realclient.QPDFCheck(t, app)
	text := squeeze(realclient.PDFText(t, app))
	for _, want := range []string{
		"Application to vary a Stalking Protection Order", "Cheshire Magistrates' Court sitting at Chester",
		"Change 1: replace term 2", "Term as made: Not to enter Weaver Close, Northwich.",
		"Change 2: add a new term", "Change 3: remove term 3",
		"for 3 years beginning with the day it was made (12 June 2025), that is until the end of 11 June 2028",
		"Views of the people to be protected",
	} {
		assert.Contains(t, text, want)
	}
	order := output(t, res, "spo-varied-order-draft.pdf")
	realclient.QPDFCheck(t, order)
	text += " " + squeeze(realclient.PDFText(t, order))
	for _, want := range []string{
		"Draft order varying a Stalking Protection Order", "[Replaces term 2 as made]", "[New term]",
		"Term 3 of the order as made is removed",
	} {
		assert.Contains(t, text, want)
	}
	// Both are served on the respondent: the victim's phone and date of
	// birth are withheld from them.
	assert.NotContains(t, text, "900614")
	assert.NotContains(t, text, "8 February 1991")
}
