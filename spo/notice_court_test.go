package spo_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/spo"
)

func TestNoticeHasBlanksAndACertificateUntilServiceIsRecorded(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		edit     func(*testing.T, *casefile.Case)
		want     []string
		dontWant []string
	}{
		{name: "no service date: blanks to complete",
			edit: func(*testing.T, *casefile.Case) {},
			want: []string{"Date served ____________________ Time served ____________________",
				"Last day to notify the 3rd day counting the day of service as day 1: ____________",
				"Certificate of service", "I certify that I served this notice, with the order it refers to, on Daniel Reeve",
				"Name, rank and number of the person who served it:", "Signature:",
				"write them here: Police station:"},
			dontWant: []string{"Not recorded", "by the end of"}},
		{name: "served: the date, the time and the deadline",
			edit: func(t *testing.T, c *casefile.Case) {
				c.SPO.ServiceDate = casefile.NewDate(2025, 2, 10)
				tm, err := casefile.ParseClock("14:35")
				require.NoError(t, err)
				c.SPO.ServiceTime = tm
			},
			want:     []string{"Date order made 10 February 2025", "Date served 10 February 2025 Time served 14:35", "Last day to notify 12 February 2025", "by the end of 12 February 2025", "Certificate of service"},
			dontWant: []string{"counting the day of service as day 1"}},
		{name: "the police stations recorded",
			edit: func(_ *testing.T, c *casefile.Case) {
				c.SPO.PoliceStations = []casefile.PoliceStation{{Name: "Northwich Police Station", Address: "Chester Way\nNorthwich CW9 5ZZ"}}
			},
			want:     []string{"These stations do: • Northwich Police Station, Chester Way, Northwich CW9 5ZZ"},
			dontWant: []string{"write them here"}},
		{name: "the order identified",
			edit: func(*testing.T, *casefile.Case) {},
			want: []string{"Order Interim stalking protection order (section 5) or stalking protection order (section 2), 3 years",
				"Date order made ____________________"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := exampleCase(t)
			tc.edit(t, c)
			text := rawText(t, build(t, spo.WriteNotice, c, spo.BundleOptions{}))
			for _, s := range tc.want {
				assert.Contains(t, text, s)
			}
			for _, s := range tc.dontWant {
				assert.NotContains(t, text, s)
			}
		})
	}
}

func TestHearsayNoticeListsExactlyTheStatementsWhoseMakersDoNotAttend(t *testing.T) {
	t.Parallel()
	c := exampleCase(t)
	require.GreaterOrEqual(t, len(c.Statements), 3)
	ids := []string{c.Statements[0].ID, c.Statements[1].ID, c.Statements[2].ID}
	c.SPO.Hearsay = []casefile.Hearsay{
		{Statement: ids[0], Attends: true},
		{Statement: ids[1], Reason: "Too frightened to attend; special measures refused."},
		{Statement: ids[2], Reason: "Working abroad until the autumn."},
	}
	all := rawText(t, build(t, spo.WriteBundle, c, spo.BundleOptions{}))
	from := indexOf(t, all, "Hearsay notice (Civil Evidence Act 1995) These proceedings are civil.")
	notice := all[from:]
	notice = notice[:indexOf(t, notice, "Complaint and signature")]
	assert.Contains(t, notice, ids[1]+" ")
	assert.Contains(t, notice, "Too frightened to attend; special measures refused.")
	assert.Contains(t, notice, ids[2]+" ")
	assert.Contains(t, notice, "Working abroad until the autumn.")
	assert.NotContains(t, notice, ids[0]+" ", "its maker attends")
	for _, st := range c.Statements[3:] {
		assert.Contains(t, notice, st.ID, "attendance not recorded is named as such")
	}
}

func TestApplicationNamesItsSignatoryAndContact(t *testing.T) {
	t.Parallel()
	c := exampleCase(t)
	c.SPO.Signatory = &casefile.Signatory{Name: "Alex Morgan", Rank: "Detective Inspector", Contact: "Public Protection Unit, 01234 567890"}
	all := rawText(t, build(t, spo.WriteBundle, c, spo.BundleOptions{}))
	assert.Contains(t, all, "makes complaint to")
	assert.Contains(t, all, "Signed on behalf of the applicant by: Detective Inspector Alex Morgan, for and on behalf of "+c.Force.ChiefOfficer)
	assert.Contains(t, all, "Contact for the court: Public Protection Unit, 01234 567890")
}

// indexOf is where s starts in text; the test fails when it is absent.
func indexOf(t *testing.T, text, s string) int {
	t.Helper()
	i := strings.Index(text, s)
	require.GreaterOrEqual(t, i, 0, "%q not found", s)
	return i
}
