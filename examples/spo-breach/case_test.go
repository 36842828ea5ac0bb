// Package spobreach_test builds the breach file example (case.json) through
// the front door, as spokit build does, and checks its documents.
package spobreach_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit"
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
	res, err := spokit.Build(context.Background(), c, spokit.Settings{Files: os.DirFS("."), Concurrency: 1})
	require.NoError(t, err, "the example has no error findings")
	return res
}

func output(t *testing.T, res *spokit.Result, name string) spokit.Output {
	t.Helper()
	i := slices.IndexFunc(res.Outputs, func(o spokit.Output) bool { return o.Name == name })
	require.GreaterOrEqual(t, i, 0, "no %s", name)
	return res.Outputs[i]
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestTheBreachFileHasItsDocuments(t *testing.T) {
	res := build(t)
	for name, audience := range map[string]casefile.Audience{
		"breach-schedule.pdf": casefile.AudienceProsecution,
		"MG3.pdf":             casefile.AudienceProsecution,
		"MG5.pdf":             casefile.AudienceDefence,
		"MG12.pdf":            casefile.AudienceDefence,
	} {
		assert.Equal(t, audience, output(t, res, name).Audience, name)
	}
	for _, name := range []string{"notification-timeline.pdf", "spo-bundle.pdf"} {
		assert.False(t, slices.ContainsFunc(res.Outputs, func(o spokit.Output) bool { return o.Name == name }), "%s: the case records nothing it needs", name)
	}
	assert.NotEmpty(t, res.Report.ByRule("SPO-BREACH-SCOPE-UNCHECKED"), "term 3 records no scope")
	assert.NotEmpty(t, res.Report.ByRule("SPO-BREACH-EXCUSE"))
	assert.Empty(t, res.Report.ByRule("SPO-BREACH-SCOPE"), "terms 1 and 2 are breached within their scope")
}

func TestTheBreachScheduleReadsBack(t *testing.T) {
	pdf := output(t, build(t), "breach-schedule.pdf").Data
	realclient.QPDFCheck(t, pdf)
	text := squeeze(realclient.PDFText(t, pdf))
	for _, want := range []string{
		"Breach schedule: Stalking Protection Act 2019 s.8", "NOT FOR DISCLOSURE",
		"Served on 1 September 2025 at 11:30, personally, in court",
		"ORD/1: Sealed stalking protection order", "ORD/2: Certificate of personal service",
		// Table cells wrap, so each phrase is one a cell keeps on a line.
		"Order ORD1, term 2:", "Within the scope", "Scope not checked:", "Excuse recorded: In",
		"(Owen Pryce)", "Exhibits: OP/1",
	} {
		assert.Contains(t, text, want)
	}
}

func TestTheChargingFormsCarryTheOrderAndItsProof(t *testing.T) {
	res := build(t)
	mg3 := squeeze(realclient.PDFText(t, output(t, res, "MG3.pdf").Data))
	for _, want := range []string{
		"Breach of a stalking protection order or interim stalking protection order (SPA 2019 s.8)", "Either way",
		"On summary conviction: 12 months' imprisonment", "On indictment: 5 years' imprisonment",
		"Exhibits: the order, ORD/1; proof of service, ORD/2.", "I5: term 2",
	} {
		assert.Contains(t, mg3, want)
	}
	mg5 := squeeze(realclient.PDFText(t, output(t, res, "MG5.pdf").Data))
	assert.Contains(t, mg5, "Exhibits: the order, ORD/1; proof of service, ORD/2.")
	assert.NotContains(t, mg5, "9 Lark Rise", "the MG5 withholds the victim's address")
	assert.NotContains(t, mg5, "CH2 3QX")
}
