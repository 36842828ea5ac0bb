package spo_test

import (
	"testing"

	"github.com/spokit/spokit/casefile/synth"

	"github.com/stretchr/testify/assert"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/spo"
)

// A synthetic case carries a complete SPO application, so every rule spokit
// has passes it; the only finding is the note that the respondent's working
// hours are recorded and each term must be checked against them.
func TestSynthesizedCasesMeetEverySPORule(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts synth.Options
	}{
		{name: "defaults"},
		{name: "two incidents, one statement", opts: synth.Options{Incidents: 2, Statements: 1, Exhibits: 1, Seed: 1}},
		{name: "another seed", opts: synth.Options{Incidents: 30, Statements: 14, Seed: 99}},
		{name: "at scale", opts: synth.Options{Incidents: 1000, Statements: 60, StatementPages: 3, Exhibits: 300, ImageExhibits: 50, Unused: 500, Seed: 8}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, files := synth.Generate(tt.opts)
			assert.NotNil(t, c.SPO)
			assert.NotNil(t, c.SPOConsideration)
			report := casefile.Validate(c, casefile.Options{Files: files, Rules: spo.AllRules()})
			var rules []string
			for _, f := range report.Findings {
				rules = append(rules, f.Rule)
			}
			assert.Equal(t, []string{"SPO-TERM-CONFLICT"}, rules)
		})
	}
}
