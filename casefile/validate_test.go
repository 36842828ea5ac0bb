package casefile_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/casefile/synth"
	"github.com/spokit/spokit/spo"
)

// Rules run side by side report exactly what they report one after
// another, in the same order, however many run at once.
func TestValidateReportsTheSameFindingsHoweverManyRulesRunAtOnce(t *testing.T) {
	sample, sampleFiles := casefile.Sample()
	typical, typicalFiles := synth.Generate(synth.Typical())
	// A case with many findings, from rules of every kind, so that the
	// order they are joined in shows.
	broken, brokenFiles := synth.Generate(synth.Typical())
	broken.OfficerInCase = "NOBODY"
	for i := range broken.Incidents {
		if i%3 == 0 {
			broken.Incidents[i].Victims = append(broken.Incidents[i].Victims, "MISSING")
			broken.Incidents[i].Statements = nil
		}
	}
	for _, tt := range []struct {
		name string
		c    *casefile.Case
		opts casefile.Options
	}{
		{"sample, SPO rules", sample, casefile.Options{Files: sampleFiles, Rules: spo.AllRules()}},
		{"synthetic, casefile rules", typical, casefile.Options{Files: typicalFiles}},
		{"broken, SPO rules", broken, casefile.Options{Files: brokenFiles, Rules: spo.AllRules()}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			one := casefile.Validate(tt.c, tt.opts)
			if tt.name == "broken, SPO rules" {
				require.Greater(t, len(one.Findings), 10, "the broken case gives many findings")
			}
			for _, n := range []int{2, 3, 16} {
				opts := tt.opts
				opts.Concurrency = n
				assert.Equal(t, one, casefile.Validate(tt.c, opts), "Concurrency %d", n)
			}
		})
	}
}
