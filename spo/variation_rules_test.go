package spo_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
)

// withVariation gives the sample an order made on 10 March 2025 and an
// application by the chief officer to vary it that every variation rule
// accepts: one term replaced, one added, one removed, a longer period.
func withVariation(c *casefile.Case) {
	c.Orders = []casefile.Order{{
		ID: "ORD1", Kind: casefile.FullOrder, Court: "North Wales Magistrates' Court", Respondent: "S1",
		Protected: []string{"V1", "V2"}, Made: casefile.NewDate(2025, 3, 10), Duration: "2y",
		Terms: []casefile.OrderTerm{
			{Number: 1, Kind: casefile.Prohibition, Text: "Not to contact V1 directly or indirectly."},
			{Number: 2, Kind: casefile.Prohibition, Text: "Not to enter Llanrwst."},
			{Number: 3, Kind: casefile.Requirement, Text: "To attend an appointment with the stalking intervention service."},
		},
	}}
	c.SPOVariation = &casefile.SPOVariation{
		Order: "ORD1", Applicant: casefile.ChiefOfficerApplies, Seeks: casefile.Vary,
		Changes: []casefile.TermChange{
			{Action: casefile.ReplaceTerm, Term: 2, Kind: casefile.Prohibition, Text: "Not to enter Llanrwst or Betws-y-Coed.", Protects: []string{"V1"}, Necessity: "He now waits in Betws-y-Coed.", Reason: "The watching has moved."},
			{Action: casefile.AddTerm, Kind: casefile.Prohibition, Text: "Not to photograph V1.", Necessity: "He photographed her.", Reason: "New conduct."},
			{Action: casefile.RemoveTerm, Term: 3, Reason: "Attended."},
		},
		Duration: "3y", Reasons: "The conduct has moved to a new place.", Evidence: []string{"I1", "ST1", "SP/1"},
		Hearing: casefile.NewDate(2026, 3, 19), VictimViews: "She supports it.",
	}
}

// discharge turns the sample's variation into a discharge with no consents.
func discharge(c *casefile.Case) {
	withVariation(c)
	v := c.SPOVariation
	v.Seeks, v.Changes, v.Duration = casefile.Discharge, nil, ""
}

var variationFiring = []ruleCase{
	{name: "the order is not recorded", rule: "SPO-VARY-ORDER", severity: casefile.Error, path: "spo_variation.order",
		mutate: func(c *casefile.Case) { withVariation(c); c.SPOVariation.Order = "ORD9" }, words: []string{"ORD9", "orders"}},
	{name: "the order has ended", rule: "SPO-VARY-ENDED", severity: casefile.Warning, path: "spo_variation.order", asOf: "2027-03-10",
		mutate: withVariation, words: []string{"9 March 2027", "no longer in force"}},
	{name: "a term the order does not have", rule: "SPO-VARY-CHANGES", severity: casefile.Error, path: "spo_variation.changes[2].term",
		mutate: func(c *casefile.Case) { withVariation(c); c.SPOVariation.Changes[2].Term = 7 }, words: []string{"no term 7", "1 to 3"}},
	{name: "a term changed twice", rule: "SPO-VARY-CHANGES", severity: casefile.Error, path: "spo_variation.changes[2].term",
		mutate: func(c *casefile.Case) { withVariation(c); c.SPOVariation.Changes[2].Term = 2 }, words: []string{"changed twice"}},
	{name: "a variation with nothing to change", rule: "SPO-VARY-CHANGES", severity: casefile.Error, path: "spo_variation.changes",
		mutate: func(c *casefile.Case) { withVariation(c); c.SPOVariation.Changes, c.SPOVariation.Duration = nil, "" }},
	{name: "a new term without words", rule: "SPO-VARY-CHANGES", severity: casefile.Error, path: "spo_variation.changes[1].text",
		mutate: func(c *casefile.Case) { withVariation(c); c.SPOVariation.Changes[1].Text = " " }},
	{name: "no reasons", rule: "SPO-VARY-CHANGES", severity: casefile.Error, path: "spo_variation.reasons",
		mutate: func(c *casefile.Case) { withVariation(c); c.SPOVariation.Reasons = "" }},
	{name: "a new term without necessity", rule: "SPO-VARY-NECESSITY", severity: casefile.Warning, path: "spo_variation.changes[1].necessity",
		mutate: func(c *casefile.Case) { withVariation(c); c.SPOVariation.Changes[1].Necessity = "" }, words: []string{"UNVERIFIED"}},
	{name: "a new term protects someone the order does not", rule: "SPO-VARY-NECESSITY", severity: casefile.Warning, path: "spo_variation.changes[0].protects[0]",
		mutate: func(c *casefile.Case) { withVariation(c); c.SPOVariation.Changes[0].Protects = []string{"W1"} }},
	{name: "a fixed period under two years", rule: "SPO-VARY-DURATION", severity: casefile.Error, path: "spo_variation.duration",
		mutate: func(c *casefile.Case) { withVariation(c); c.SPOVariation.Duration = "18m" }, words: []string{"at least 2 years", "10 March 2025"}},
	{name: "a renewal with no duration", rule: "SPO-VARY-DURATION", severity: casefile.Error, path: "spo_variation.duration",
		mutate: func(c *casefile.Case) {
			withVariation(c)
			c.SPOVariation.Seeks, c.SPOVariation.Duration = casefile.Renew, ""
		}},
	{name: "a renewal that ends no later", rule: "SPO-VARY-DURATION", severity: casefile.Error, path: "spo_variation.duration",
		mutate: func(c *casefile.Case) {
			withVariation(c)
			c.SPOVariation.Seeks, c.SPOVariation.Duration = casefile.Renew, "24m"
		}, words: []string{"no later"}},
	{name: "no victim views", rule: "SPO-VARY-VIEWS", severity: casefile.Warning, path: "spo_variation.victim_views",
		mutate: func(c *casefile.Case) { withVariation(c); c.SPOVariation.VictimViews = "" }},
	{name: "a discharge within two years without consent", rule: "SPO-DISCHARGE-2Y", severity: casefile.Warning, path: "spo_variation.consent",
		mutate: discharge, words: []string{"UNVERIFIED", "9 March 2027", "discharge_check"}},
	{name: "a discharge within two years with only the respondent's consent", rule: "SPO-DISCHARGE-2Y", severity: casefile.Warning, path: "spo_variation.consent",
		mutate: func(c *casefile.Case) { discharge(c); c.SPOVariation.Consent.Respondent = true }},
	{name: "a new term names the victim's street", rule: "SPO-TERM-WITHHELD", severity: casefile.Error, path: "spo_variation.changes[1].text",
		mutate: func(c *casefile.Case) {
			withVariation(c)
			c.SPOVariation.Changes[1].Text = "Not to enter Ffordd yr Eglwys, Llanrwst."
		}, words: []string{"withhold"}},
}

var variationQuiet = []ruleCase{
	{name: "a variation of an order in force", rule: "SPO-VARY-ORDER", mutate: withVariation},
	{name: "no variation", rule: "SPO-VARY-ORDER"},
	{name: "an order in force on its last day", rule: "SPO-VARY-ENDED", asOf: "2027-03-09", mutate: withVariation},
	{name: "an order that is not recorded", rule: "SPO-VARY-ENDED", asOf: "2027-03-10",
		mutate: func(c *casefile.Case) { withVariation(c); c.SPOVariation.Order = "ORD9" }},
	{name: "changes naming the order's terms", rule: "SPO-VARY-CHANGES", mutate: withVariation},
	{name: "a variation of the duration alone", rule: "SPO-VARY-CHANGES",
		mutate: func(c *casefile.Case) { withVariation(c); c.SPOVariation.Changes = nil }},
	{name: "new terms with necessity", rule: "SPO-VARY-NECESSITY", mutate: withVariation},
	{name: "a discharge needs no new terms", rule: "SPO-VARY-NECESSITY", mutate: discharge},
	{name: "three years from the making", rule: "SPO-VARY-DURATION", mutate: withVariation},
	{name: "until further order", rule: "SPO-VARY-DURATION",
		mutate: func(c *casefile.Case) { withVariation(c); c.SPOVariation.Duration = casefile.UntilFurtherOrder }},
	{name: "victim views recorded", rule: "SPO-VARY-VIEWS", mutate: withVariation},
	{name: "a discharge both consent to", rule: "SPO-DISCHARGE-2Y",
		mutate: func(c *casefile.Case) {
			discharge(c)
			c.SPOVariation.Consent = casefile.VariationConsent{Respondent: true, ChiefOfficer: true}
		}},
	{name: "a discharge after two years", rule: "SPO-DISCHARGE-2Y", asOf: "2027-03-10",
		mutate: func(c *casefile.Case) {
			discharge(c)
			c.Orders[0].Duration = casefile.UntilFurtherOrder
			c.SPOVariation.Hearing = casefile.NewDate(2027, 3, 10)
		}},
	{name: "the check switched off", rule: "SPO-DISCHARGE-2Y",
		mutate: func(c *casefile.Case) { discharge(c); c.SPOVariation.DischargeCheck = casefile.DischargeCheckOff }},
	{name: "a variation, not a discharge", rule: "SPO-DISCHARGE-2Y", mutate: withVariation},
}

func TestADischargeWithinTwoYearsWithoutConsentOnlyWarns(t *testing.T) {
	t.Parallel()
	c := sample(t)
	discharge(c)
	r := spoFindings(c)
	require.NotEmpty(t, r.ByRule("SPO-DISCHARGE-2Y"))
	assert.False(t, r.HasErrors(), "the restriction is unverified, so never an error: %v", errorsAndWarnings(r))
}
