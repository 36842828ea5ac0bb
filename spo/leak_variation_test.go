package spo_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/casefile/mgform"
	"github.com/spokit/spokit/spo"
)

// The application to vary, renew or discharge an order is served on the
// respondent, and the court files the same copy; the draft varied order is
// printed as the respondent may read it. The leak corpus is planted in
// every field of spo_variation and of the order made, in the forms people
// write details, and must reach none of them.

// plantVariation gives the leak case an order made (terms as made with
// details in them) and an application about it with the corpus in every
// free-text field, relying on evidence whose text carries it too. With
// spo false the case records no new application, as a case about an
// order already made usually does.
func plantVariation(c *casefile.Case, kind casefile.OrderKind, seeks casefile.VariationKind, spoBlock bool) {
	c.Orders = []casefile.Order{{
		ID: "ORD1", Kind: kind, Court: "Chester Magistrates' Court", Respondent: "S1",
		Protected: []string{"V1", "V2"}, Made: casefile.NewDate(2025, 1, 6), Duration: "2y",
		Service: &casefile.Service{Date: casefile.NewDate(2025, 1, 6), Manner: "personally, at 14 St John's Road"},
		Terms: []casefile.OrderTerm{
			{Number: 1, Kind: casefile.Prohibition, Text: "Not to telephone Renée Marsh on 07700 900987 or email renee.sentinel@example.org."},
			{Number: 2, Kind: casefile.Prohibition, Text: "Not to enter the area of Hoole bounded by Hoole Road, Westminster Road and the railway line.", Locality: "Hoole"},
			{Number: 3, Kind: casefile.Requirement, Text: "To attend an assessment for a stalking perpetrator intervention programme."},
		},
	}}
	if kind == casefile.InterimOrder {
		c.Orders[0].Duration = "6m"
	}
	v := &casefile.SPOVariation{
		Order: "ORD1", Applicant: casefile.ChiefOfficerApplies, Seeks: seeks,
		Reasons: "Since the order he has waited outside Flat 2, 41 Varden Close, Saltmere, Chester CH8 7YY and rung +44 7700 900 654; " +
			"Ms Marsh (born 23/06/1991, 23rd June 1991) now lives at 14 St Johns Rd Hoole Chester CH2 3QX, email renee.sentinel[at]example.org. " +
			unrecorded.text,
		Evidence:    []string{"I1", "I6", "I8", "ST1", "ST2", "RM/1"},
		Hearing:     casefile.NewDate(2025, 3, 3),
		VictimViews: "Ms Marsh asks to be called on (07700) 900987 or written to at the Old Forge, 14 St John's Road; her sister on 0044 7700 900654 or alys.sentinel @ example.com; the witness at 9 Dunsby Lane Holmfirth Parva HD9 1QQ (07700-900-321).",
	}
	if seeks != casefile.Discharge {
		v.Duration = "3y"
		if kind == casefile.InterimOrder {
			v.Duration = "9m"
		}
		v.Changes = []casefile.TermChange{
			{Action: casefile.ReplaceTerm, Term: 1, Kind: casefile.Prohibition, Protects: []string{"V1", "V2"},
				Text:      "Not to contact Renée Marsh (07700 900 987, r.sentinel@example.net) or Alys Marsh (+447700900654) by any means.",
				Locality:  "Flat 2, 41 Varden Close",
				Necessity: "He rang 07700/900/987 and wrote to renee dot sentinel at example dot org; he knows her birthday, the 23rd day of June 1991.",
				Reason:    "He has her new number, 07700_900_987, and went to CH23QX."},
			{Action: casefile.AddTerm, Kind: casefile.Prohibition, Protects: []string{"V1"},
				Text:      "Not to go within 100 metres of 14 St John's Road, Hoole, Chester CH2 3QX or of 22 Tern Way CW6 0PQ.",
				Locality:  "22 Tern Way",
				Necessity: "Bryony Hale (DOB 05/03/2001, 07700 900 777, bryony@example.org) lives at 22 Tern Way, Kelsall.",
				Reason:    "He followed Gwen Sentinel (gwen.sentinel@example.net, born 19 February 1958) home to Dunsby Ln."},
			{Action: casefile.RemoveTerm, Term: 3, Reason: "Attended on 28/11/1994 at Flat 2, 41 Varden Close; call 07700 900654."},
		}
	}
	c.SPOVariation = v
	if !spoBlock {
		c.SPO = nil
	}
}

func TestLeakCorpusReachesNoVariationDocument(t *testing.T) {
	t.Parallel()
	type doc struct {
		name  string
		write func(io.Writer, *spo.Variation, spo.BundleOptions) error
		docx  bool
	}
	docs := []doc{
		{"application", spo.WriteVariationApplication, false},
		{"draft varied order", spo.WriteVariedOrder, false},
		{"draft varied order (editable)", spo.WriteVariedOrderDOCX, true},
	}
	for _, tc := range []struct {
		name     string
		kind     casefile.OrderKind
		seeks    casefile.VariationKind
		spoBlock bool
	}{
		{"a variation of an order, no new application", casefile.FullOrder, casefile.Vary, false},
		{"a variation beside a new application", casefile.FullOrder, casefile.Vary, true},
		{"a renewal of an interim order", casefile.InterimOrder, casefile.Renew, false},
		{"a discharge", casefile.FullOrder, casefile.Discharge, false},
	} {
		c := leakCase(t)
		plantVariation(c, tc.kind, tc.seeks, tc.spoBlock)
		v, err := spo.NewVariation(c)
		require.NoError(t, err)
		for _, d := range docs {
			t.Run(tc.name+"/"+d.name, func(t *testing.T) {
				var buf bytes.Buffer
				require.NoError(t, d.write(&buf, v, spo.BundleOptions{}))
				var text string
				if d.docx {
					text = xlsxText(t, buf.Bytes()) // a .docx is a zip of XML parts too
				} else {
					text = readable(t, buf.Bytes())
				}
				assertNoLeak(t, text, true)
				if d.name == "application" || tc.seeks != casefile.Discharge {
					assert.Contains(t, text, "[withheld]")
				}
				// What the respondent may read is intact: their own
				// details, the court, the area a term names.
				assert.Contains(t, text, "chester magistrates", "the court that made the order")
				if d.name != "application" {
					assert.Contains(t, text, "ellesmere port ch65 4eu", "the respondent's own address")
				}
				if d.name != "application" && tc.seeks != casefile.Discharge {
					assert.Contains(t, text, "not to enter the area of hoole bounded by hoole road", "a term kept is printed in full")
				}
			})
		}
	}
}

func TestTheVariationDocumentsKeepOnlyTheRespondentsOwnDetails(t *testing.T) {
	t.Parallel()
	c := leakCase(t)
	plantVariation(c, casefile.FullOrder, casefile.Vary, false)
	// A second suspect, not the person subject to the order.
	c.People = append(c.People, casefile.Person{ID: "S2", Role: casefile.RoleSuspect, Forenames: "Kyle", Surname: "Brennan",
		Address: "8 Gorse Way, Upton CH2 1ZZ", Phone: "07700 900432", DateOfBirth: casefile.NewDate(1989, 4, 2)})
	c.SPOVariation.Reasons += " Kyle Brennan of 8 Gorse Way, Upton CH2 1ZZ (07700 900432, born 2 April 1989) drove him there."
	v, err := spo.NewVariation(c)
	require.NoError(t, err)
	for name, write := range map[string]func(io.Writer, *spo.Variation, spo.BundleOptions) error{
		"application": spo.WriteVariationApplication, "draft varied order": spo.WriteVariedOrder,
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, write(&buf, v, spo.BundleOptions{}))
			text := readable(t, buf.Bytes())
			for _, leak := range []string{"gorse way", "ch2 1zz", "900432", "2 april 1989"} {
				assert.NotContains(t, text, leak, "another suspect's details are not the respondent's own")
			}
		})
	}
}

func TestASensitiveExhibitIsNeverNamedInTheVariationApplication(t *testing.T) {
	t.Parallel()
	c := leakCase(t)
	plantVariation(c, casefile.FullOrder, casefile.Vary, false)
	c.Exhibits[0].Description, c.Exhibits[0].Sensitive = "Log kept by the refuge of her calls", true
	c.Exhibits[1].Description = "Letter he sent to her workplace"
	c.SPOVariation.Evidence = []string{c.Exhibits[0].Ref, c.Exhibits[1].Ref}
	v, err := spo.NewVariation(c)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, spo.WriteVariationApplication(&buf, v, spo.BundleOptions{}))
	text := readable(t, buf.Bytes())
	assert.NotContains(t, text, "refuge", "sensitive material is not served")
	assert.NotContains(t, text, strings.ToLower(c.Exhibits[0].Ref))
	assert.Contains(t, text, "letter he sent to her workplace")
}

// The breach and notification files: the MG forms disclosed to the
// defence print the order, its terms breached, the duties not met and the
// false notifications; a notification may give anyone's address, even a
// protected person's.
func TestLeakCorpusReachesNoDefenceDocumentOfTheJobsAfterAnOrder(t *testing.T) {
	t.Parallel()
	c := leakCase(t)
	plantVariation(c, casefile.FullOrder, casefile.Vary, true)
	c.SPOVariation = nil
	c.Incidents[7].Breaches = []casefile.Breach{{Order: "ORD1", Terms: []int{1, 2}}}
	c.Incidents[7].ReasonableExcuse = "Says he was visiting 9 Dunsby Lane Holmfirth Parva HD9 1QQ and rang 07700 900 321."
	c.Notifications = []casefile.Notification{{ID: "N1", Order: "ORD1", Kind: casefile.InitialNotification, Date: casefile.NewDate(2025, 1, 10),
		Station: "Chester Police Station", Names: []string{"Daniel Reeve"}, Address: "14 St John's Road\nHoole\nChester CH2 3QX",
		FalseInformation: true, FalseDetails: "He gave Ms Marsh's home, 14 St Johns Rd, CH2 3QX, as his own."}}
	c.RespondentChanges = []casefile.RespondentChange{{Kind: casefile.NewAddress, Date: casefile.NewDate(2025, 1, 20),
		Address: "Flat 2, 41 Varden Close, Saltmere, Chester CH8 7YY", HowKnown: "Seen at Flat 2, 41 Varden Close by her sister (07700 900654)."}}
	c.Charges = append(c.Charges,
		casefile.Charge{ID: "C8", Offence: casefile.SPOBreach, Victims: []string{"V1"}, Status: casefile.Proposed, Order: "ORD1",
			Particulars: "Breached the order by going to 14 St John's Road, Hoole, Chester CH2 3QX."},
		casefile.Charge{ID: "C9", Offence: casefile.NotifyFalse, Status: casefile.Proposed, Order: "ORD1",
			Particulars: "Notified 14 St John's Road, Hoole, Chester CH2 3QX as his home address, knowing it to be false."},
		casefile.Charge{ID: "C10", Offence: casefile.NotifyFailure, Status: casefile.Proposed, Order: "ORD1",
			Particulars: "Did not notify his move to Flat 2, 41 Varden Close, Saltmere CH8 7YY."})
	n := 0
	for _, form := range mgform.Forms(c) {
		if form.Audience != casefile.AudienceDefence {
			continue
		}
		n++
		t.Run(form.Name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, form.Write(&buf, mgform.Options{}))
			text := readable(t, buf.Bytes())
			assertNoLeak(t, text, false)
			if form.Name == "MG5.pdf" {
				assert.Contains(t, text, "exhibits: the order,", "the order's lines are printed")
			}
		})
	}
	assert.NotZero(t, n)
}
