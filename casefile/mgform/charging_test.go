package mgform_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/spokit/spokit/casefile/mgform"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMG11DeclarationIsThePrescribedText(t *testing.T) {
	const prescribed = "This statement (consisting of 3 page(s) each signed by me) is true to the best of my knowledge and belief " +
		"and I make it knowing that, if it is tendered in evidence, I shall be liable to prosecution if I have wilfully stated in it " +
		"anything which I know to be false, or do not believe to be true."
	assert.Equal(t, prescribed, mgform.MG11Declaration("3"))

	// Printed with the statement's own page count (ST4 fits on one page).
	text := squeeze(realclient.PDFText(t, writeForm(t, sampleCase(t), "MG11-ST4.pdf", mgform.Options{})))
	assert.Contains(t, text, mgform.MG11Declaration("1"))
}

func TestStalkingLimbsFollowTheConductNotTheWord(t *testing.T) {
	c := sampleCase(t)
	byID := map[string]*casefile.Incident{}
	for i := range c.Incidents {
		byID[c.Incidents[i].ID] = &c.Incidents[i]
	}
	paragraphs := func(in *casefile.Incident) []string {
		var out []string
		for _, b := range in.StalkingLimbs() {
			out = append(out, b.Paragraph)
		}
		return out
	}
	tests := []struct {
		name     string
		incident *casefile.Incident
		want     []string
	}{
		{name: "a GPS tracker on her car is watching or spying (g), not monitoring", incident: byID["I6"], want: []string{"f", "g"}},
		{name: "a fake dating profile in her name is publishing material claiming to come from her (c)", incident: byID["I5"], want: []string{"c"}},
		{name: "reading her messages is monitoring electronic communications (d)", incident: &casefile.Incident{
			Behaviours: []casefile.Behaviour{casefile.Monitoring}, Description: "Read her WhatsApp messages on a linked device."}, want: []string{"d"}},
		{name: "a stated limb overrides the behaviour word", incident: &casefile.Incident{
			Behaviours: []casefile.Behaviour{casefile.Monitoring}, Limbs: []casefile.Limb{"g"}, Description: "Tracker on her car."}, want: []string{"g"}},
		{name: "no s.2A(3) behaviour", incident: &casefile.Incident{Behaviours: []casefile.Behaviour{casefile.Threats}}, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, paragraphs(tt.incident))
			assert.Equal(t, len(tt.want) > 0, tt.incident.HasStalkingBehaviour())
		})
	}
}

func TestSpecialMeasuresEligibilityIsComputedWithTheReason(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(c *casefile.Case) string // returns the person id to judge
		kinds  []casefile.EligibilityKind
		phrase string
	}{
		{name: "a witness of 17 on the date judged is under 18 (s.16(1)(a))", edit: func(c *casefile.Case) string { return "V2" },
			kinds: []casefile.EligibilityKind{casefile.EligibleUnder18}, phrase: "aged 17 on 2 March 2026 (YJCEA 1999 s.16(1)(a))"},
		{name: "a complainant whose ex-partner is the suspect is eligible as intimidated (s.17(4), (4A)(c))", edit: func(c *casefile.Case) string {
			c.Relationships[0].Type = casefile.ExPartner
			c.People[0].Intimidated = false
			return "V1"
		}, kinds: []casefile.EligibilityKind{casefile.EligibleDomesticAbuse}, phrase: "the suspect is the witness's ex partner (YJCEA 1999 s.17(4), (4A)(c)"},
		{name: "an adult acquaintance's complainant has only the officer's own flag", edit: func(c *casefile.Case) string { return "V1" },
			kinds: []casefile.EligibilityKind{casefile.EligibleIntimidated}, phrase: "Recorded by the officer as an intimidated witness"},
		{name: "an adult witness with no flag has no ground", edit: func(c *casefile.Case) string { return "W1" },
			kinds: nil, phrase: "No ground found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sampleCase(t)
			id := tt.edit(c)
			x := casefile.NewIndex(c)
			var kinds []casefile.EligibilityKind
			for _, e := range x.SpecialMeasures(x.Person(id), c.AsOf) {
				kinds = append(kinds, e.Kind)
			}
			assert.Equal(t, tt.kinds, kinds)

			// The MG3 (victims only), the MG9 and the statement's back page print the reason.
			forms := []string{"MG9.pdf"}
			if id != "W1" {
				forms = append(forms, "MG3.pdf")
			}
			for _, s := range c.Statements {
				if s.Person == id {
					forms = append(forms, "MG11-"+s.ID+"-contact.pdf")
				}
			}
			for _, form := range forms {
				assert.Contains(t, cellText(t, writeForm(t, c, form, mgform.Options{})), tt.phrase, form)
			}
		})
	}
}

// chargingFile lists, for each optional part of the charging file, how to
// take it out of the sample, the rule that then warns, and what the sample
// prints for it on the MG3 and on the MG5 (empty: not on that form).
var chargingFile = []struct {
	rule     string
	remove   func(c *casefile.Case)
	mg3, mg5 string
}{
	{"CHARGE-INTERVIEW", func(c *casefile.Case) { c.Interview = nil }, "Denied fitting the tracker", "Denied fitting the tracker"},
	{"CHARGE-ANTECEDENTS", func(c *casefile.Case) { c.Antecedents = nil }, "sending a grossly offensive message", "sending a grossly offensive message"},
	{"CHARGE-BAIL", func(c *casefile.Case) { c.Bail = nil }, "To live and sleep at 12 Station Terrace", "To live and sleep at 12 Station Terrace"},
	{"CHARGE-ASSESSMENT", func(c *casefile.Case) { c.OfficerAssessment = nil }, "No factor against.", ""},
	{"CHARGE-SUPERVISOR", func(c *casefile.Case) { c.SupervisorReview = nil }, "File complete for a charging decision", ""},
	{"CHARGE-VICTIM-VIEWS", func(c *casefile.Case) { c.VictimViews = nil }, "Supports a prosecution and is willing to give evidence", ""},
	{"CHARGE-RESTRAINING-ORDER", func(c *casefile.Case) { c.RestrainingOrder = nil }, "wants the order to include her daughter", "Not to enter the part of Llanrwst west of the river and south of Station Road."},
	{"WITNESS-CARE", func(c *casefile.Case) {
		for i := range c.People {
			c.People[i].WitnessCare = nil
		}
	}, "", ""},
}

func TestTheSamplePrintsEachPartOfTheChargingFile(t *testing.T) {
	c := sampleCase(t)
	mg3 := squeeze(realclient.PDFText(t, writeForm(t, c, "MG3.pdf", mgform.Options{})))
	mg5 := squeeze(realclient.PDFText(t, writeForm(t, c, "MG5.pdf", mgform.Options{})))
	for _, part := range chargingFile {
		if part.mg3 != "" {
			assert.Contains(t, mg3, part.mg3, part.rule)
		}
		if part.mg5 != "" {
			assert.Contains(t, mg5, part.mg5, part.rule)
		}
		assert.NotContains(t, ruleIDs(casefile.Validate(c, casefile.Options{})), part.rule)
	}
	// The defence receives the MG5: no assessment, review or victim's views.
	assert.NotContains(t, mg5, "No factor against.")
	assert.NotContains(t, mg5, "wants the order to include her daughter")
}

func TestAFileWithoutAPartOfTheChargingFileGetsItsWarning(t *testing.T) {
	for _, part := range chargingFile {
		t.Run(part.rule, func(t *testing.T) {
			c := sampleCase(t)
			part.remove(c)
			r := casefile.Validate(c, casefile.Options{})
			assert.Contains(t, ruleIDs(r), part.rule)
			for _, f := range r.Findings {
				if f.Rule == part.rule {
					assert.Equal(t, casefile.Warning, f.Severity)
				}
			}
		})
	}
	t.Run("a charge already laid asks for no charging decision", func(t *testing.T) {
		c := sampleCase(t)
		for _, part := range chargingFile {
			part.remove(c)
		}
		c.Charges[0].Status = casefile.Charged
		c.Charges[0].ChargedOn = c.AsOf
		for _, id := range ruleIDs(casefile.Validate(c, casefile.Options{})) {
			assert.False(t, strings.HasPrefix(id, "CHARGE-") || id == "WITNESS-CARE", id)
		}
	})
	t.Run("the MG3 says what is not recorded", func(t *testing.T) {
		c := sampleCase(t)
		for _, part := range chargingFile {
			part.remove(c)
		}
		mg3 := squeeze(realclient.PDFText(t, writeForm(t, c, "MG3.pdf", mgform.Options{})))
		for _, want := range []string{"Interview: not recorded", "Previous convictions and cautions: not recorded",
			"Bail or remand: not recorded", "Restraining order sought: not recorded", "Supervisor's review: not recorded"} {
			assert.Contains(t, mg3, want)
		}
	})
}

func TestACaseWithoutTheNewFieldsDecodesUnchanged(t *testing.T) {
	c := exampleCase(t)
	assert.Nil(t, c.Interview)
	assert.Nil(t, c.RestrainingOrder)
	for _, p := range c.People {
		assert.Nil(t, p.WitnessCare)
	}
	for _, in := range c.Incidents {
		assert.Empty(t, in.Limbs)
	}
	// Its forms still write.
	for _, f := range mgform.Forms(c) {
		require.NoError(t, f.Write(&strings.Builder{}, mgform.Options{}), f.Name)
	}
}

func ruleIDs(r *casefile.Report) []string {
	var out []string
	for _, f := range r.Findings {
		if !slices.Contains(out, f.Rule) {
			out = append(out, f.Rule)
		}
	}
	return out
}

// cellText is the PDF's words in the order they are drawn, so that text
// wrapped inside a table cell reads on without the columns beside it.
func cellText(t *testing.T, pdf []byte) string {
	var words []string
	for _, w := range realclient.Words(t, pdf) {
		words = append(words, w.Text)
	}
	return strings.Join(words, " ")
}
