// Package spovariation holds the example case of an application to vary a
// Stalking Protection Order, and the test that builds it.
package spovariation

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	spokit "github.com/spokit/spokit"
	"github.com/spokit/spokit/casefile"
)

func TestTheCaseBuildsTheVariationApplicationAndDraftVariedOrder(t *testing.T) {
	f, err := os.Open("case.json")
	require.NoError(t, err)
	defer f.Close()
	c, err := casefile.Decode(f)
	require.NoError(t, err)
	res, err := spokit.Build(context.Background(), c, spokit.Settings{Files: os.DirFS(".")})
	require.NoError(t, err)
	assert.False(t, res.Report.HasErrors())
	got := map[string]casefile.Audience{}
	for _, o := range res.Outputs {
		got[o.Name] = o.Audience
	}
	assert.Equal(t, casefile.AudienceRespondent, got["spo-variation-application.pdf"])
	assert.Equal(t, casefile.AudienceCourt, got["spo-varied-order-draft.pdf"])
	assert.Equal(t, casefile.AudienceCourt, got["spo-varied-order-draft.docx"])
	assert.NotContains(t, got, "spo-bundle.pdf", "the case records no new application")
}
