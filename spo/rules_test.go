package spo_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/pdfdoc"
	"github.com/spokit/spokit/spo"
)

// spoFindings validates c with the SPO rules only, so a mutation that
// upsets casefile's own rules does not hide what these rules say.
func spoFindings(c *casefile.Case) *casefile.Report {
	return casefile.Validate(c, casefile.Options{Rules: spo.Rules()})
}

// errorsAndWarnings returns the findings that are not info, as
// "RULE path: message" for a readable failure.
func errorsAndWarnings(r *casefile.Report) []string {
	var out []string
	for _, f := range r.Findings {
		if f.Severity != casefile.Info {
			out = append(out, f.Rule+" "+f.Path+": "+f.Message)
		}
	}
	return out
}

func TestRulesAreTheSPOSectionOfRulesMD(t *testing.T) {
	t.Parallel()
	want := []struct {
		id       string
		severity casefile.Severity
		citation string
	}{
		{"SPO-APPLICANT", casefile.Error, "SPA 2019 s.1(1)"},
		{"SPO-THREE-CONDITIONS", casefile.Error, "SPA 2019 s.1(1), s.2(1), s.1(4)"},
		{"SPO-ACTS-FEW", casefile.Warning, "SPA 2019 s.1(1)(a)"},
		{"SPO-PROTECTED", casefile.Error, "SPA 2019 s.1(1)(c)"},
		{"SPO-TERMS", casefile.Error, "SPA 2019 s.1(2)"},
		{"SPO-TERM-NECESSITY", casefile.Error, "SPA 2019 s.2(2)"},
		{"SPO-TERM-CONFLICT", casefile.Info, "SPA 2019 s.2(3)"},
		{"SPO-EXISTING-ORDER", casefile.Warning, "SPA 2019 s.2(6)–(7)"},
		{"SPO-DURATION", casefile.Error, "SPA 2019 s.3"},
		{"SPO-INTERIM", casefile.Error, "SPA 2019 s.5"},
		{"SPO-VICTIM-VIEWS", casefile.Warning, "Statutory guidance (Home Office, 2024)"},
		{"SPO-RISK-ASSESSMENT", casefile.Warning, "Statutory guidance; super-complaint rec. 12"},
		{"SPO-NOT-CONSIDERED", casefile.Warning, `Police super-complaint "The police response to stalking" (2024), rec. 13`},
		{"SPO-NOTIFY-DEADLINE", casefile.Info, "SPA 2019 s.9(1)–(2)"},
		// Beyond rules.md, documented in the README's rules section.
		{"SPO-TERM-COMMITMENT", casefile.Warning, "SPA 2019 s.2(3), s.5(4)"},
		{"SPO-TERM-LOCALITY", casefile.Warning, "SPA 2019 s.2(4), s.5(5)"},
		{"SPO-TERM-MAP", casefile.Error, "SPA 2019 s.2(4)"},
		// The jobs after an order: breach and notification files.
		{"SPO-BREACH-IN-FORCE", casefile.Error, "SPA 2019 s.8(1)"},
		{"SPO-BREACH-SERVED", casefile.Warning, "SPA 2019 s.8; CPS guidance: Stalking Protection Orders"},
		{"SPO-BREACH-PROOF", casefile.Warning, "SPA 2019 s.8; CPS guidance: Stalking Protection Orders"},
		{"SPO-BREACH-SCOPE", casefile.Warning, "SPA 2019 s.8(1)"},
		{"SPO-BREACH-SCOPE-UNCHECKED", casefile.Info, "SPA 2019 s.8(1)"},
		{"SPO-BREACH-EXCUSE", casefile.Info, "SPA 2019 s.8(1)"},
		{"SPO-ORDER-DURATION", casefile.Warning, "SPA 2019 s.3, s.5"},
		{"NOTIFY-INITIAL", casefile.Warning, "SPA 2019 s.9(1), s.11"},
		{"NOTIFY-REPLACES-INTERIM", casefile.Info, "SPA 2019 s.9(1)"},
		{"NOTIFY-NEW-NAME", casefile.Warning, "SPA 2019 s.9(3), s.11"},
		{"NOTIFY-NEW-ADDRESS", casefile.Warning, "SPA 2019 s.9(4), s.11"},
		{"NOTIFY-CONTENT", casefile.Warning, "SPA 2019 s.9(2)"},
		{"NOTIFY-SOA-EXEMPT", casefile.Info, "SPA 2019 s.9(5)–(7)"},
		{"NOTIFY-FALSE-INFO", casefile.Warning, "SPA 2019 s.11"},
		{"SPO-TERM-WITHHELD", casefile.Error, "SPA 2019 s.2(1), s.8; spokit case format v1"},
		{"SPO-EXHIBIT-DETAILS", casefile.Error, "spokit case format v1; Data Protection Act 2018 s.35"},
		{"SPO-EXHIBIT-PICTURE", casefile.Warning, "spokit case format v1"},
		{"SPO-VARY-ORDER", casefile.Error, "SPA 2019 s.4, s.5"},
		{"SPO-VARY-ENDED", casefile.Warning, "SPA 2019 s.4 (UNVERIFIED)"},
		{"SPO-VARY-CHANGES", casefile.Error, "SPA 2019 s.4"},
		{"SPO-VARY-NECESSITY", casefile.Warning, "SPA 2019 s.4 (UNVERIFIED); cf. s.2(2)"},
		{"SPO-VARY-DURATION", casefile.Error, "SPA 2019 s.3, s.5"},
		{"SPO-VARY-VIEWS", casefile.Warning, "Statutory guidance (Home Office, 2024)"},
		{"SPO-DISCHARGE-2Y", casefile.Warning, "SPA 2019 s.4 (UNVERIFIED)"},
	}
	rules := spo.Rules()
	require.Len(t, rules, len(want))
	for i, w := range want {
		assert.Equal(t, w.id, rules[i].ID)
		assert.Equal(t, w.severity, rules[i].Severity, w.id)
		assert.Equal(t, w.citation, rules[i].Citation, w.id)
		assert.NotNil(t, rules[i].Check, w.id)
	}
}

func TestAllRulesAreCasefileRulesThenSPORules(t *testing.T) {
	t.Parallel()
	var got, want []string
	for _, r := range spo.AllRules() {
		got = append(got, r.ID)
	}
	for _, r := range append(casefile.Rules(), spo.Rules()...) {
		want = append(want, r.ID)
	}
	assert.Equal(t, want, got)
}

func TestRulesReturnsACopy(t *testing.T) {
	t.Parallel()
	rules := spo.Rules()
	rules[0].Severity = casefile.Info
	assert.Equal(t, casefile.Error, spo.Rules()[0].Severity)
}

func TestSampleHasNoErrorsOrWarnings(t *testing.T) {
	t.Parallel()
	c, files := casefile.Sample()
	r := casefile.Validate(c, casefile.Options{Files: files, Rules: spo.AllRules()})
	assert.Empty(t, errorsAndWarnings(r))
}

func TestCaseExampleHasNoErrorsOrWarnings(t *testing.T) {
	t.Parallel()
	f, err := os.Open(filepath.Join("testdata", "case-example.json"))
	require.NoError(t, err)
	defer f.Close()
	c, err := casefile.Decode(f)
	require.NoError(t, err)
	require.False(t, c.AsOf.IsZero(), "the example is judged as of its own as_of")

	// The contract's example predates the charging file's fields (the
	// CHARGE-* and WITNESS-CARE warnings), so only the other rules apply.
	rules := slices.DeleteFunc(spo.AllRules(), func(r casefile.Rule) bool {
		return strings.HasPrefix(r.ID, "CHARGE-") || r.ID == "WITNESS-CARE"
	})
	r := casefile.Validate(c, casefile.Options{Files: os.DirFS("testdata"), Rules: rules})
	assert.Equal(t, c.AsOf, r.AsOf)
	assert.Empty(t, errorsAndWarnings(r))
}

// ruleCase is one mutation of the sample and what one rule must (or must
// not) find in it.
type ruleCase struct {
	name     string
	rule     string
	mutate   func(*casefile.Case)
	asOf     string // judge on this date instead of the sample's as_of
	path     string // fires: the finding's exact path
	severity casefile.Severity
	words    []string // fires: key words of the message
	// files, when set, gives the case's exhibit files; it may change the
	// sample's.
	files func(t *testing.T) fs.FS
}

func (rc ruleCase) report(t *testing.T) *casefile.Report {
	t.Helper()
	c := sample(t)
	if rc.mutate != nil {
		rc.mutate(c)
	}
	var opts casefile.Options
	opts.Rules = spo.Rules()
	if rc.files != nil {
		opts.Files = rc.files(t)
	}
	if rc.asOf != "" {
		opts.AsOf = date(t, rc.asOf)
	}
	return casefile.Validate(c, opts)
}

var firing = []ruleCase{
	{name: "no chief officer", rule: "SPO-APPLICANT", severity: casefile.Error, path: "force.chief_officer",
		mutate: func(c *casefile.Case) { c.Force.ChiefOfficer = "" },
		words:  []string{"chief officer", "Chief Constable of North Wales Police"}},
	{name: "blank chief officer", rule: "SPO-APPLICANT", severity: casefile.Error, path: "force.chief_officer",
		mutate: func(c *casefile.Case) { c.Force.ChiefOfficer = "  " },
		words:  []string{"Only a chief officer of police may apply"}},

	{name: "no incident by the respondent", rule: "SPO-THREE-CONDITIONS", severity: casefile.Error, path: "spo.acts",
		mutate: func(c *casefile.Case) {
			addSecondSuspect(c)
			for i := range c.Incidents {
				c.Incidents[i].Suspect = "S2"
			}
		},
		words: []string{"Condition 1", "no incident", "Marc Lowry"}},
	{name: "listed acts are another's conduct", rule: "SPO-THREE-CONDITIONS", severity: casefile.Error, path: "spo.acts",
		mutate: func(c *casefile.Case) {
			addSecondSuspect(c)
			c.SPO.Acts = []string{"I9"}
		},
		words: []string{"Condition 1", "none of the incidents listed in spo.acts", "Marc Lowry"}},
	{name: "no respondent named", rule: "SPO-THREE-CONDITIONS", severity: casefile.Error, path: "spo.acts",
		mutate: func(c *casefile.Case) { c.SPO.Respondent = "" },
		words:  []string{"no incident in the chronology has the respondent as its suspect"}},
	{name: "no risk", rule: "SPO-THREE-CONDITIONS", severity: casefile.Error, path: "spo.risk",
		mutate: func(c *casefile.Case) { c.SPO.Risk = " \n" },
		words:  []string{"Condition 2", "risk associated with stalking", "Marc Lowry"}},
	{name: "no risk kind", rule: "SPO-THREE-CONDITIONS", severity: casefile.Error, path: "spo.risk_kind",
		mutate: func(c *casefile.Case) { c.SPO.RiskKind = nil },
		words:  []string{"Condition 2", "physical harm, psychological harm or both"}},
	{name: "no necessity", rule: "SPO-THREE-CONDITIONS", severity: casefile.Error, path: "spo.necessity",
		mutate: func(c *casefile.Case) { c.SPO.Necessity = "" },
		words:  []string{"Condition 3", "necessary to protect"}},

	{name: "one act relied on", rule: "SPO-ACTS-FEW", severity: casefile.Warning, path: "spo.acts",
		mutate: func(c *casefile.Case) { c.SPO.Acts = []string{"I3"} },
		words:  []string{"Only one act", "Marc Lowry", "no course of conduct"}},

	{name: "no one protected", rule: "SPO-PROTECTED", severity: casefile.Error, path: "spo.protected",
		mutate: func(c *casefile.Case) { c.SPO.Protected = nil },
		words:  []string{"no one to protect", "need not be victims"}},
	{name: "respondent protected", rule: "SPO-PROTECTED", severity: casefile.Error, path: "spo.protected[1]",
		mutate: func(c *casefile.Case) { c.SPO.Protected = []string{"V1", "S1"} },
		words:  []string{"Marc Lowry", "is the respondent"}},

	{name: "no terms", rule: "SPO-TERMS", severity: casefile.Error, path: "spo.terms",
		mutate: func(c *casefile.Case) { c.SPO.Terms = nil },
		words:  []string{"no terms", "prohibit", "require"}},

	{name: "a term without necessity", rule: "SPO-TERM-NECESSITY", severity: casefile.Error, path: "spo.terms[2].necessity",
		mutate: func(c *casefile.Case) { c.SPO.Terms[2].Necessity = "" },
		words:  []string{"Term 3", "tracking device", "no necessity", "necessary to protect"}},
	{name: "a term without wording or necessity", rule: "SPO-TERM-NECESSITY", severity: casefile.Error, path: "spo.terms[0].necessity",
		mutate: func(c *casefile.Case) { c.SPO.Terms[0] = casefile.Term{Kind: casefile.Prohibition} },
		words:  []string{"Term 1 gives no necessity"}},

	{name: "religion and work recorded", rule: "SPO-TERM-CONFLICT", severity: casefile.Info, path: "spo.terms",
		words: []string{"Marc Lowry", "Religious observance: Attends Friday prayers", "Work or education: Delivery rounds"}},
	{name: "work only recorded", rule: "SPO-TERM-CONFLICT", severity: casefile.Info, path: "spo.terms",
		mutate: func(c *casefile.Case) { c.People[2].ReligiousObservance = "" },
		words:  []string{"Work or education: Delivery rounds"}},

	{name: "an existing order", rule: "SPO-EXISTING-ORDER", severity: casefile.Warning, path: "spo.terms",
		mutate: func(c *casefile.Case) {
			c.People[2].ExistingSPO = "Chester Magistrates' Court, 3 June 2024, 3 years: not to contact Jo Bryn"
		},
		words: []string{"Marc Lowry", "already subject", "not to contact Jo Bryn", "incompatible"}},

	{name: "fixed period too short", rule: "SPO-DURATION", severity: casefile.Error, path: "spo.duration",
		mutate: func(c *casefile.Case) { c.SPO.Duration = "18m" },
		words:  []string{"18 months", "at least 2 years"}},
	{name: "one year", rule: "SPO-DURATION", severity: casefile.Error, path: "spo.duration",
		mutate: func(c *casefile.Case) { c.SPO.Duration = "1y" },
		words:  []string{"1 year", "at least 2 years"}},
	{name: "104 weeks", rule: "SPO-DURATION", severity: casefile.Error, path: "spo.duration",
		mutate: func(c *casefile.Case) { c.SPO.Duration = "104w" },
		words:  []string{"104 weeks", "at least 2 years"}},
	{name: "unreadable duration", rule: "SPO-DURATION", severity: casefile.Error, path: "spo.duration",
		mutate: func(c *casefile.Case) { c.SPO.Duration = "2 years" },
		words:  []string{`"2 years" cannot be read`, "until-further-order", "2y"}},
	{name: "empty duration", rule: "SPO-DURATION", severity: casefile.Error, path: "spo.duration",
		mutate: func(c *casefile.Case) { c.SPO.Duration = "" },
		words:  []string{"duration is empty"}},

	{name: "interim until further order", rule: "SPO-INTERIM", severity: casefile.Error, path: "spo.interim.period",
		mutate: func(c *casefile.Case) { c.SPO.Interim.Period = "until-further-order" },
		words:  []string{"until further order", "fixed period"}},
	{name: "interim period unreadable", rule: "SPO-INTERIM", severity: casefile.Error, path: "spo.interim.period",
		mutate: func(c *casefile.Case) { c.SPO.Interim.Period = "" },
		words:  []string{"interim period is empty", "fixed period"}},
	{name: "interim period in words", rule: "SPO-INTERIM", severity: casefile.Error, path: "spo.interim.period",
		mutate: func(c *casefile.Case) { c.SPO.Interim.Period = "3 months" },
		words:  []string{`interim period "3 months" cannot be read`, "8w, 3m or 28d"}},
	{name: "interim without reason", rule: "SPO-INTERIM", severity: casefile.Error, path: "spo.interim.reason",
		mutate: func(c *casefile.Case) { c.SPO.Interim.Reason = "" },
		words:  []string{"no reason", "appropriate"}},

	{name: "no victim views", rule: "SPO-VICTIM-VIEWS", severity: casefile.Warning, path: "spo.victim_views",
		mutate: func(c *casefile.Case) { c.SPO.VictimViews = "" },
		words:  []string{"no views", "spo.victim_views"}},

	{name: "no risk assessment", rule: "SPO-RISK-ASSESSMENT", severity: casefile.Warning, path: "risk_assessments",
		mutate: func(c *casefile.Case) { c.RiskAssessments = nil },
		words:  []string{"no risk assessment", "2 March 2026"}},
	{name: "risk assessment after the date judged on", rule: "SPO-RISK-ASSESSMENT", severity: casefile.Warning, path: "risk_assessments",
		asOf:  "2026-01-24",
		words: []string{"no risk assessment dated on or before 24 January 2026"}},

	{name: "stalking behaviours, no SPO and no consideration", rule: "SPO-NOT-CONSIDERED", severity: casefile.Warning, path: "spo_consideration",
		mutate: func(c *casefile.Case) {
			c.SPO, c.SPOConsideration = nil, nil
			c.Charges = nil
		},
		words: []string{"shows stalking", "spo_consideration"}},
	{name: "stalking charge, no SPO and no consideration", rule: "SPO-NOT-CONSIDERED", severity: casefile.Warning, path: "spo_consideration",
		mutate: func(c *casefile.Case) {
			c.SPO, c.SPOConsideration = nil, nil
			c.Charges[0].Offence = casefile.Stalking
			for i := range c.Incidents {
				c.Incidents[i].Behaviours = []casefile.Behaviour{casefile.Threats}
				c.Incidents[i].Limbs = nil
			}
		},
		words: []string{"Stalking Protection Order"}},

	{name: "served", rule: "SPO-NOTIFY-DEADLINE", severity: casefile.Info, path: "spo.service_date",
		mutate: func(c *casefile.Case) { c.SPO.ServiceDate = casefile.NewDate(2025, 2, 10) },
		words:  []string{"10 February 2025", "by 12 February 2025", "Marc Lowry", "Marky Lowe, Marc Lowrie", "home address"}},
}

// sampleFiles returns the sample's exhibit files, with a PDF of the given
// text added under each name given.
func sampleFiles(pdfs map[string]string) func(t *testing.T) fs.FS {
	return func(t *testing.T) fs.FS {
		_, files := casefile.Sample()
		out := fstest.MapFS{}
		require.NoError(t, fs.WalkDir(files, ".", func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(files, path)
			out[path] = &fstest.MapFile{Data: data}
			return err
		}))
		for name, text := range pdfs {
			d := pdfdoc.New(pdfdoc.Options{Title: "Exhibit", Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
			d.Paragraph(text)
			var buf bytes.Buffer
			require.NoError(t, d.Write(&buf))
			out[name] = &fstest.MapFile{Data: buf.Bytes()}
		}
		return out
	}
}

// allFiring are every rule's cases where it fires.
func allFiring() []ruleCase {
	return slices.Concat(firing, afterOrderFiring, privacyFiring, variationFiring)
}

func allNotFiring() []ruleCase { return slices.Concat(notFiring, afterOrderNotFiring, variationQuiet) }

// privacyFiring are the cases of the rules that keep the respondent's
// documents from locating a protected person.
var privacyFiring = []ruleCase{
	{name: "a term names the victim's street", rule: "SPO-TERM-WITHHELD", severity: casefile.Error, path: "spo.terms[1].text",
		mutate: func(c *casefile.Case) { c.SPO.Terms[1].Text = "Not to enter Ffordd yr Eglwys, Llanrwst." },
		words:  []string{"withhold", "by area", "map", "address_known_to_respondent"}},
	{name: "an interim term names the victim's phone", rule: "SPO-TERM-WITHHELD", severity: casefile.Error, path: "spo.interim.terms[0].text",
		mutate: func(c *casefile.Case) { c.SPO.Interim.Terms[0].Text = "Not to call 07700 900311." },
		words:  []string{"Term 1"}},
	{name: "a term's locality names the victim's postcode", rule: "SPO-TERM-WITHHELD", severity: casefile.Error, path: "spo.terms[1].locality",
		mutate: func(c *casefile.Case) { c.SPO.Terms[1].Locality = "LL26 0ZX" }},
	{name: "an exhibit PDF prints the victim's address", rule: "SPO-EXHIBIT-DETAILS", severity: casefile.Error, path: "exhibits[0].file",
		files: sampleFiles(map[string]string{"exhibits/messages-SP1.pdf": "Delivered to Tŷ Gwyn, 3 Ffordd yr Eglwys, Llanrwst."}),
		words: []string{"SP/1", "page 1", "redacted_file", "sensitive"}},
	{name: "the redacted file still prints her phone", rule: "SPO-EXHIBIT-DETAILS", severity: casefile.Error, path: "exhibits[0].redacted_file",
		mutate: func(c *casefile.Case) { c.Exhibits[0].RedactedFile = "exhibits/sp1-redacted.pdf" },
		files:  sampleFiles(map[string]string{"exhibits/sp1-redacted.pdf": "Call 07700 900311."}),
		words:  []string{"still holds"}},
	{name: "a picture nobody has checked", rule: "SPO-EXHIBIT-PICTURE", severity: casefile.Warning, path: "exhibits[1].file",
		mutate: func(c *casefile.Case) { c.Exhibits[1].CheckedForService = false },
		files:  sampleFiles(nil),
		words:  []string{"OJ/1", "look at it", "checked_for_service"}},
}

var notFiring = []ruleCase{
	{name: "the respondent knows the address a term names", rule: "SPO-TERM-WITHHELD",
		mutate: func(c *casefile.Case) {
			c.SPO.Terms[1].Text, c.SPO.Terms[1].Locality = "Not to enter Ffordd yr Eglwys, Llanrwst.", "Llanrwst"
			for i := range c.People {
				if c.People[i].Role == casefile.RoleVictim {
					c.People[i].AddressKnownToRespondent = true
				}
			}
		}},
	{name: "a term names only the town, by area", rule: "SPO-TERM-WITHHELD"},
	{name: "an exhibit PDF with nothing to withhold", rule: "SPO-EXHIBIT-DETAILS", files: sampleFiles(nil)},
	{name: "a leaking PDF with a clean redacted file", rule: "SPO-EXHIBIT-DETAILS",
		mutate: func(c *casefile.Case) { c.Exhibits[0].RedactedFile = "exhibits/sp1-redacted.pdf" },
		files: sampleFiles(map[string]string{"exhibits/messages-SP1.pdf": "Delivered to 3 Ffordd yr Eglwys.",
			"exhibits/sp1-redacted.pdf": "Delivered to [redacted]."})},
	{name: "a leaking PDF held as sensitive", rule: "SPO-EXHIBIT-DETAILS",
		mutate: func(c *casefile.Case) { c.Exhibits[0].Sensitive = true },
		files:  sampleFiles(map[string]string{"exhibits/messages-SP1.pdf": "Delivered to 3 Ffordd yr Eglwys."})},
	{name: "pictures checked for service", rule: "SPO-EXHIBIT-PICTURE", files: sampleFiles(nil)},
	{name: "a picture with a redacted version", rule: "SPO-EXHIBIT-PICTURE",
		mutate: func(c *casefile.Case) {
			c.Exhibits[1].CheckedForService, c.Exhibits[1].RedactedFile = false, "exhibits/note-OJ1.png"
		},
		files: sampleFiles(nil)},

	{name: "no application and no chief officer", rule: "SPO-APPLICANT",
		mutate: func(c *casefile.Case) { c.SPO, c.Force.ChiefOfficer = nil, "" }},

	{name: "acts before commencement", rule: "SPO-THREE-CONDITIONS",
		mutate: func(c *casefile.Case) { shiftIncidents(c, -84) }},
	{name: "acts listed", rule: "SPO-THREE-CONDITIONS",
		mutate: func(c *casefile.Case) { c.SPO.Acts = []string{"I8"} }},

	{name: "two acts relied on", rule: "SPO-ACTS-FEW",
		mutate: func(c *casefile.Case) { c.SPO.Acts = []string{"I3", "I8"} }},
	{name: "another suspect's incident does not thin the respondent's", rule: "SPO-ACTS-FEW",
		mutate: addSecondSuspect},

	{name: "protected person not a victim of the acts", rule: "SPO-PROTECTED",
		mutate: func(c *casefile.Case) { c.SPO.Protected = []string{"W1"} }},

	{name: "one term", rule: "SPO-TERMS",
		mutate: func(c *casefile.Case) { c.SPO.Terms = c.SPO.Terms[:1] }},

	{name: "interim term without necessity (interim test is appropriateness)", rule: "SPO-TERM-NECESSITY",
		mutate: func(c *casefile.Case) { c.SPO.Interim.Terms[0].Necessity = "" }},

	{name: "nothing recorded about religion or work", rule: "SPO-TERM-CONFLICT",
		mutate: func(c *casefile.Case) { c.People[2].ReligiousObservance, c.People[2].WorkOrEducation = "", " " }},
	{name: "no application", rule: "SPO-TERM-CONFLICT",
		mutate: func(c *casefile.Case) { c.SPO = nil }},

	{name: "blank existing order", rule: "SPO-EXISTING-ORDER",
		mutate: func(c *casefile.Case) { c.People[2].ExistingSPO = "  " }},
	{name: "another person's existing order", rule: "SPO-EXISTING-ORDER",
		mutate: func(c *casefile.Case) { c.People[3].ExistingSPO = "An order against someone else" }},

	{name: "2 years", rule: "SPO-DURATION", mutate: func(c *casefile.Case) { c.SPO.Duration = "2y" }},
	{name: "24 months", rule: "SPO-DURATION", mutate: func(c *casefile.Case) { c.SPO.Duration = "24m" }},
	{name: "5 years", rule: "SPO-DURATION", mutate: func(c *casefile.Case) { c.SPO.Duration = "5y" }},
	{name: "105 weeks", rule: "SPO-DURATION", mutate: func(c *casefile.Case) { c.SPO.Duration = "105w" }},
	{name: "until further order", rule: "SPO-DURATION",
		mutate: func(c *casefile.Case) { c.SPO.Duration = "until-further-order" }},

	{name: "interim for 8 weeks", rule: "SPO-INTERIM", mutate: func(c *casefile.Case) { c.SPO.Interim.Period = "8w" }},
	{name: "interim for 28 days", rule: "SPO-INTERIM", mutate: func(c *casefile.Case) { c.SPO.Interim.Period = "28d" }},
	{name: "interim for 3 years (no statutory maximum)", rule: "SPO-INTERIM",
		mutate: func(c *casefile.Case) { c.SPO.Interim.Period = "3y" }},
	{name: "no interim sought", rule: "SPO-INTERIM", mutate: func(c *casefile.Case) { c.SPO.Interim = nil }},

	{name: "no application", rule: "SPO-VICTIM-VIEWS",
		mutate: func(c *casefile.Case) { c.SPO = nil }},

	{name: "assessment dated the day judged on", rule: "SPO-RISK-ASSESSMENT", asOf: "2026-01-25"},
	{name: "no application and no assessment", rule: "SPO-RISK-ASSESSMENT",
		mutate: func(c *casefile.Case) { c.SPO, c.RiskAssessments = nil, nil }},

	{name: "considered and not applied for", rule: "SPO-NOT-CONSIDERED",
		mutate: func(c *casefile.Case) {
			c.SPO = nil
			c.SPOConsideration.Decision = "not-apply"
		}},
	{name: "applied for without a consideration record", rule: "SPO-NOT-CONSIDERED",
		mutate: func(c *casefile.Case) { c.SPOConsideration = nil }},
	{name: "no stalking shown", rule: "SPO-NOT-CONSIDERED",
		mutate: func(c *casefile.Case) {
			c.SPO, c.SPOConsideration = nil, nil
			c.Charges[0].Offence = casefile.FearOfViolence
			for i := range c.Incidents {
				c.Incidents[i].Behaviours = []casefile.Behaviour{casefile.Threats}
				c.Incidents[i].Limbs = nil
			}
		}},

	{name: "not yet served", rule: "SPO-NOTIFY-DEADLINE"},
	{name: "replaces a served interim order", rule: "SPO-NOTIFY-DEADLINE",
		mutate: func(c *casefile.Case) {
			c.SPO.ServiceDate = casefile.NewDate(2026, 3, 16)
			c.SPO.ReplacesInterim = true
		}},
}

func TestEachRuleFiresWithItsSeverityPathAndMessage(t *testing.T) {
	t.Parallel()
	for _, rc := range allFiring() {
		t.Run(rc.rule+"/"+rc.name, func(t *testing.T) {
			found := rc.report(t).ByRule(rc.rule)
			require.NotEmpty(t, found, "%s did not fire", rc.rule)
			i := slices.IndexFunc(found, func(f casefile.Finding) bool { return f.Path == rc.path })
			require.GreaterOrEqual(t, i, 0, "no %s finding at %s: %+v", rc.rule, rc.path, found)
			f := found[i]
			assert.Equal(t, rc.severity, f.Severity)
			assert.NotEmpty(t, f.Citation)
			for _, w := range rc.words {
				assert.Contains(t, f.Message, w)
			}
		})
	}
}

func TestEachRuleStaysQuietWhenItsConditionIsMet(t *testing.T) {
	t.Parallel()
	for _, rc := range allNotFiring() {
		t.Run(rc.rule+"/"+rc.name, func(t *testing.T) {
			assert.Empty(t, rc.report(t).ByRule(rc.rule))
		})
	}
}

func TestSampleFiresNoRuleButTheConflictCheck(t *testing.T) {
	t.Parallel()
	r := spoFindings(sample(t))
	for _, rule := range spo.Rules() {
		if rule.ID == "SPO-TERM-CONFLICT" {
			assert.Len(t, r.ByRule(rule.ID), 1)
			continue
		}
		assert.Empty(t, r.ByRule(rule.ID), rule.ID)
	}
}

func TestEveryRuleIsTestedBothWays(t *testing.T) {
	t.Parallel()
	fires, quiet := map[string]bool{}, map[string]bool{}
	for _, rc := range allFiring() {
		fires[rc.rule] = true
	}
	for _, rc := range allNotFiring() {
		quiet[rc.rule] = true
	}
	for _, r := range spo.Rules() {
		assert.True(t, fires[r.ID], "%s has no case where it fires", r.ID)
		assert.True(t, quiet[r.ID], "%s has no case where it must not fire", r.ID)
	}
}

// shiftIncidents moves every incident and the charge dates by n calendar
// months, keeping the gaps between occasions.
func shiftIncidents(c *casefile.Case, n int) {
	for i := range c.Incidents {
		in := &c.Incidents[i]
		in.Date = in.Date.AddMonths(n)
		if !in.EndDate.IsZero() {
			in.EndDate = in.EndDate.AddMonths(n)
		}
	}
	for i := range c.Charges {
		c.Charges[i].From = c.Charges[i].From.AddMonths(n)
		c.Charges[i].To = c.Charges[i].To.AddMonths(n)
	}
}

func TestNeverAnError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		mutate func(*casefile.Case)
	}{
		{"acts before 20 January 2020 count towards an SPO", func(c *casefile.Case) {
			shiftIncidents(c, -84) // August 2018 to January 2019
			require.True(t, c.Incidents[7].Date.Before(casefile.NewDate(2020, 1, 20)))
		}},
		{"acts before 20 January 2020 count even when listed", func(c *casefile.Case) {
			shiftIncidents(c, -84)
			c.SPO.Acts = []string{"I1", "I6", "I8"}
		}},
		{"acts outside the UK count towards an SPO", func(c *casefile.Case) {
			for i := range c.Incidents {
				c.Incidents[i].Location = "Rue de Rivoli, Paris, France"
			}
		}},
		{"a protected person need not be a victim of the acts", func(c *casefile.Case) {
			c.SPO.Protected = []string{"V1", "W1"}
			c.SPO.Terms[0].Protects = []string{"W1"}
		}},
		{"the only protected person is not a victim", func(c *casefile.Case) {
			c.SPO.Protected = []string{"W1"}
		}},
		{"an SPO needs no criminal charge", func(c *casefile.Case) { c.Charges = nil }},
		{"a single act is only a warning", func(c *casefile.Case) { c.SPO.Acts = []string{"I8"} }},
		{"an interim order has no statutory maximum", func(c *casefile.Case) { c.SPO.Interim.Period = "5y" }},
		{"a term limited to a locality", func(c *casefile.Case) { c.SPO.Terms[0].Locality = "Conwy" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, files := casefile.Sample()
			tt.mutate(c)
			r := casefile.Validate(c, casefile.Options{Files: files, Rules: spo.AllRules()})
			var errs []string
			for _, f := range r.Findings {
				if f.Severity == casefile.Error {
					errs = append(errs, f.Rule+" "+f.Path+": "+f.Message)
				}
			}
			assert.Empty(t, errs)
		})
	}
}

func TestMessagesAreCompleteSentences(t *testing.T) {
	t.Parallel()
	// A message is read by an officer: no unfilled format verbs or Go
	// values, and it ends as a sentence.
	for _, rc := range allFiring() {
		for _, f := range rc.report(t).ByRule(rc.rule) {
			assert.NotContains(t, f.Message, "%!", "%s: %s", rc.name, f.Message)
			assert.NotContains(t, f.Message, "<nil>", "%s: %s", rc.name, f.Message)
			assert.True(t, strings.HasSuffix(f.Message, "."), "%s: message should be a sentence: %s", rc.name, f.Message)
		}
	}
}
