// Package sponotification_test builds the notification offence file example
// (case.json) through the front door, as spokit build does, and checks its
// documents.
package sponotification_test

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

func TestTheNotificationFileHasItsDocuments(t *testing.T) {
	res := build(t)
	assert.Equal(t, casefile.AudienceProsecution, output(t, res, "notification-timeline.pdf").Audience)
	assert.Equal(t, casefile.AudienceDefence, output(t, res, "MG5.pdf").Audience)
	assert.False(t, slices.ContainsFunc(res.Outputs, func(o spokit.Output) bool { return o.Name == "breach-schedule.pdf" }), "no occasion names a breach")

	rules := map[string]int{}
	for _, f := range res.Report.Findings {
		rules[f.Rule]++
	}
	assert.Equal(t, 1, rules["NOTIFY-INITIAL"], "the interim order's notification was a day late")
	assert.Equal(t, 1, rules["NOTIFY-NEW-ADDRESS"], "the move was never notified")
	assert.Zero(t, rules["NOTIFY-NEW-NAME"], "the new name was notified in time")
	assert.Equal(t, 1, rules["NOTIFY-REPLACES-INTERIM"])
	assert.Equal(t, 1, rules["NOTIFY-CONTENT"], "an alias was left out")
	assert.Equal(t, 1, rules["NOTIFY-FALSE-INFO"])
	assert.Zero(t, rules["CASE-UNRECORDED-DETAIL"], "the addresses notified and moved to are recorded")
}

func TestTheTimelineReadsBack(t *testing.T) {
	pdf := output(t, build(t), "notification-timeline.pdf").Data
	realclient.QPDFCheck(t, pdf)
	text := squeeze(realclient.PDFText(t, pdf))
	for _, want := range []string{
		"Notification timeline: Stalking Protection Act 2019 ss.9-11", "NOT FOR DISCLOSURE",
		"9 January 2026 11 January 2026 N1 on 12 January 2026", "LATE by 1 day",
		"Not required: the", // a table cell: it wraps
		"27 February 2026 1 March 2026 None recorded MISSED",
		"30 March 2026 1 April 2026 N2 on 31 March 2026", "Met in time",
		"Not given: Charlie Bex", "FALSE INFORMATION recorded",
	} {
		assert.Contains(t, text, want)
	}
}

func TestTheChargingFormsPrintTheNotificationOffences(t *testing.T) {
	res := build(t)
	mg3 := squeeze(realclient.PDFText(t, output(t, res, "MG3.pdf").Data))
	for _, want := range []string{
		"Failing to comply with the notification requirements", "Knowingly giving false information",
		"On summary conviction: not stated: confirm the current maximum (SPA 2019 s.11: PNLD (2020) gives 6 months; whether the general limit now applies is UNVERIFIED)",
		"On indictment: 5 years' imprisonment",
		"New home address under order ORD1 (SPA 2019 s.9(4)): due by 1 March 2026, not notified",
		"Notifications recorded as giving false information: N3",
		"Proposed on 10 April 2026.",
		// An offence with no victim still has its time limit stated.
		"Time limits Charge C1 Time limit None", "Charge C2 Time limit None",
	} {
		assert.Contains(t, mg3, want)
	}
	mg5 := squeeze(realclient.PDFText(t, output(t, res, "MG5.pdf").Data))
	assert.Contains(t, mg5, "Exhibits: the order, ORD/3; proof of service, ORD/4.")
	assert.NotContains(t, mg5, "Orchard Close", "the MG5 withholds the victim's address")
	assert.NotContains(t, mg5, "Mill Lane", "nor an address notified, which may be anyone's")
}
