package spo_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/spokit/spokit/spo"
)

func TestNoticeSetsOutTheNotificationDuties(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		edit     func(*casefile.Case)
		want     []string
		dontWant []string
	}{
		{
			name: "served: the deadline is the end of the second day after service",
			edit: func(c *casefile.Case) { c.SPO.ServiceDate = casefile.NewDate(2025, 2, 10) },
			want: []string{
				"You must do this by the end of 12 February 2025",
				"your name (recorded as Daniel Reeve)", "every other name you use: the police have recorded Dan Reeves", "your home address",
				"Go in person to a police station in the police area where you live",
				"a police officer, or a person the police have authorised", "out loud",
				"fingerprints and photograph",
				"within 3 days beginning with the day you first use it (section 9(3))",
				"within 3 days beginning with the day of the change (section 9(4))",
				"without reasonable excuse", "(section 11)", "magistrates' court or in the Crown Court",
				"in the Crown Court the maximum is 5 years' imprisonment",
			},
			dontWant: []string{"need not tell them again"},
		},
		{
			name:     "not yet served: the rule instead of a date",
			edit:     func(*casefile.Case) {},
			want:     []string{"You must do this within 3 days beginning with the day the order is served on you (section 9(1))"},
			dontWant: []string{"by the end of"},
		},
		{
			name: "the full order replaces a served interim order: the duties continue",
			edit: func(c *casefile.Case) {
				c.SPO.ServiceDate = casefile.NewDate(2025, 2, 10)
				c.SPO.ReplacesInterim = true
			},
			want: []string{
				"You told the police your name, your other names and your home address under that order, so you need not tell them again now (section 9(1))",
				"Your duties continue from the interim order",
				"within 3 days beginning with the day of the change (section 9(4))",
			},
			dontWant: []string{"by the end of", "What you must tell the police"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := exampleCase(t)
			tt.edit(c)
			pdf := build(t, spo.WriteNotice, c, spo.BundleOptions{})
			realclient.QPDFCheck(t, pdf)
			text := rawText(t, pdf)
			for _, s := range tt.want {
				assert.Contains(t, text, s)
			}
			for _, s := range tt.dontWant {
				assert.NotContains(t, text, s)
			}
			// No summary maximum is stated as certain: the fact sheet has it
			// only as unverified.
			assert.NotContains(t, text, "6 months")
			assert.NotContains(t, text, "12 months")
		})
	}
}
