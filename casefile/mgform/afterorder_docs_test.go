package mgform_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/spokit/spokit/casefile/mgform"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/realclient"
)

// afterOrderCase is the embedded sample with an order made and served,
// three occasions naming breaches of it (one of a term it does not have,
// one before it was made) and an initial notification.
func afterOrderCase(t *testing.T) *casefile.Case {
	t.Helper()
	c, _ := casefile.Sample()
	day := func(s string) casefile.Date {
		d, err := casefile.ParseDate(s)
		require.NoError(t, err)
		return d
	}
	c.Orders = []casefile.Order{{
		ID: "ORD1", Kind: casefile.FullOrder, Court: "Llandudno Magistrates' Court", Respondent: "S1", Protected: []string{"V1"},
		Made: day("2025-10-01"), Service: &casefile.Service{Date: day("2025-10-03")}, Duration: "2y",
		Terms: []casefile.OrderTerm{{Number: 1, Kind: casefile.Prohibition, Text: "Not to contact Siân Pryce.", Behaviours: []casefile.Behaviour{casefile.Contacting}}},
	}}
	for i, b := range map[int][]int{6: {1}, 7: {1, 4}, 1: {1}} {
		c.Incidents[i].Breaches = []casefile.Breach{{Order: "ORD1", Terms: b}}
	}
	c.Notifications = []casefile.Notification{{ID: "N1", Order: "ORD1", Kind: casefile.InitialNotification, Date: day("2025-10-06"), Names: []string{"Marc Lowry"}}}
	return c
}

func TestTheBreachScheduleShowsEachBreachAndWhatIsWrongWithIt(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, mgform.WriteBreachSchedule(&buf, afterOrderCase(t), mgform.Options{}))
	realclient.QPDFCheck(t, buf.Bytes())
	text := strings.Join(strings.Fields(realclient.PDFText(t, buf.Bytes())), " ")
	for _, want := range []string{
		// Table cells wrap, so each phrase is one a cell keeps on a line.
		"NOT FOR DISCLOSURE", "Served on 3 October 2025.", "Not exhibited:",
		"NOT IN FORCE on", // I2, before the order was made
		"Order ORD1 has no",
		"May be outside the", // I8 is watching and threats, not contacting
		"Duration 2 years",   // the period in words, as the order states it
	} {
		assert.Contains(t, text, want)
	}
}

func TestTheNotificationTimelineWithAFalseAndALateNotification(t *testing.T) {
	c := afterOrderCase(t)
	c.Notifications[0].FalseInformation = true
	var buf bytes.Buffer
	require.NoError(t, mgform.WriteNotificationTimeline(&buf, c, mgform.Options{}))
	realclient.QPDFCheck(t, buf.Bytes())
	text := strings.Join(strings.Fields(realclient.PDFText(t, buf.Bytes())), " ")
	for _, want := range []string{"3 October 2025 5 October 2025 N1 on 6 October 2025", "LATE by 1 day", "FALSE INFORMATION recorded", "Not given:"} {
		assert.Contains(t, text, want)
	}
}

func TestTheAfterOrderDocumentsOfACaseWithoutThemStillWrite(t *testing.T) {
	c, _ := casefile.Sample()
	for name, write := range map[string]func(*bytes.Buffer) error{
		"breach schedule":       func(b *bytes.Buffer) error { return mgform.WriteBreachSchedule(b, c, mgform.Options{}) },
		"notification timeline": func(b *bytes.Buffer) error { return mgform.WriteNotificationTimeline(b, c, mgform.Options{}) },
	} {
		var buf bytes.Buffer
		require.NoError(t, write(&buf), name)
		assert.NotEmpty(t, buf.Bytes(), name)
	}
}

func TestTheBreachScheduleFlagsABreachAfterTheOrdersFixedPeriod(t *testing.T) {
	c := afterOrderCase(t)
	inForce := func(c *casefile.Case) int {
		var buf bytes.Buffer
		require.NoError(t, mgform.WriteBreachSchedule(&buf, c, mgform.Options{}))
		return strings.Count(strings.Join(strings.Fields(realclient.PDFText(t, buf.Bytes())), " "), "NOT IN FORCE on")
	}
	before := inForce(c)
	c.Orders[0].Duration = "1d" // its last day is the day it was made
	assert.Greater(t, inForce(c), before, "occasions after the order's last day are flagged")
}
