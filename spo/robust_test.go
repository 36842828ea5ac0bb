package spo_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/spokit/spokit/spo"
)

// writers are every document of the package, by name.
var writers = map[string]writer{"bundle": spo.WriteBundle, "service copy": spo.WriteServiceCopy, "notice": spo.WriteNotice,
	"order": func(w io.Writer, a *spo.Application, o spo.BundleOptions) error {
		return spo.WriteOrder(w, a, o, false)
	},
	"interim order": func(w io.Writer, a *spo.Application, o spo.BundleOptions) error { return spo.WriteOrder(w, a, o, true) }}

func TestOddApplicationsStillPrint(t *testing.T) {
	t.Parallel()
	huge := strings.Repeat("He waited outside again and again without a break ", 4000) + strings.Repeat("x", 5000)
	const markup = `Not to {{.Court}} <b>{pdfdoc:pages}</b> %s %!d {pdfdoc:group-pages}`
	tests := []struct {
		name string
		edit func(*casefile.Case)
	}{
		{"no terms", func(c *casefile.Case) { c.SPO.Terms = nil; c.SPO.Interim.Terms = nil }},
		{"empty terms", func(c *casefile.Case) { c.SPO.Terms = []casefile.Term{{}, {Kind: casefile.Requirement}} }},
		{"respondent with no details", func(c *casefile.Case) {
			c.People[2] = casefile.Person{ID: "S1", Role: casefile.RoleSuspect}
		}},
		{"no acts", func(c *casefile.Case) {
			c.Incidents = nil
			c.SPO.Acts = nil
		}},
		{"huge text everywhere", func(c *casefile.Case) {
			c.Incidents[0].Description = huge
			c.Incidents[0].Location = huge[:3000]
			c.Statements[0].Text = huge
			c.SPO.Risk, c.SPO.Necessity, c.SPO.VictimViews = huge, huge, huge
			c.SPO.Terms[0].Text, c.SPO.Terms[0].Necessity, c.SPO.Terms[0].Locality = huge, huge, huge[:2000]
			c.Exhibits[0].Description = huge[:4000]
			c.People[0].Address = huge[:3000]
		}},
		{"acts across a century", func(c *casefile.Case) {
			c.Incidents[0].Date = casefile.NewDate(1925, 1, 1)
			c.Incidents[1].Date = casefile.NewDate(2025, 1, 1)
		}},
		{"undated acts and unknown kinds of conduct", func(c *casefile.Case) {
			c.Incidents[0].Date = casefile.Date{}
			c.Incidents[1].Behaviours = []casefile.Behaviour{"made-up", "", "threats", "violence", "damage", "gifts", "other"}
			c.Incidents[2].Behaviours = nil
		}},
		{"every kind of conduct", func(c *casefile.Case) {
			for _, v := range casefile.Behaviour("").Values() {
				c.Incidents[0].Behaviours = append(c.Incidents[0].Behaviours, casefile.Behaviour(v))
			}
		}},
		{"nothing but the spo block", func(c *casefile.Case) {
			c.Statements, c.Exhibits, c.RiskAssessments, c.UnusedMaterial = nil, nil, nil, nil
			c.Force = casefile.Force{}
			c.SPO.Court, c.SPO.Risk, c.SPO.Necessity, c.SPO.Duration = "", "", "", ""
			c.SPO.RiskKind, c.SPO.Protected, c.SPO.AreaBasis = nil, nil, ""
			c.SPO.Interim = &casefile.Interim{}
			c.URN, c.Marking, c.OfficerInCase = "", "", ""
		}},
		{"references that do not resolve", func(c *casefile.Case) {
			c.Incidents[0].Statements = []string{"ST9", ""}
			c.Incidents[0].Exhibits = []string{"XX/9"}
			c.Statements[0].Person = "P9"
			c.Exhibits[0].ProducedBy = "P9"
		}},
		{"duplicate ids", func(c *casefile.Case) {
			c.Statements = append(c.Statements, c.Statements[0])
			c.Exhibits = append(c.Exhibits, c.Exhibits[0])
			c.Incidents = append(c.Incidents, c.Incidents[0])
		}},
		{"text that looks like markup", func(c *casefile.Case) { c.SPO.Terms[0].Text = markup }},
		{"invalid UTF-8", func(c *casefile.Case) {
			c.Incidents[0].Description = "bad \xff\xfe bytes"
			c.People[0].Address = "\xc3\x28 Lark Rise"
		}},
		{"the protected person is the respondent", func(c *casefile.Case) { c.SPO.Protected = []string{"S1"} }},
	}
	for _, tt := range tests {
		for name, write := range writers {
			t.Run(tt.name+"/"+name, func(t *testing.T) {
				c := exampleCase(t)
				tt.edit(c)
				a, err := spo.NewApplication(c)
				if err != nil {
					// References the spo block needs do not resolve; the
					// caller cannot build an Application, so nothing prints.
					assert.ErrorIs(t, err, spo.ErrUnresolved)
					return
				}
				var buf bytes.Buffer
				require.NotPanics(t, func() { err = write(&buf, a, spo.BundleOptions{Draft: true}) })
				require.NoError(t, err)
				realclient.QPDFCheck(t, buf.Bytes())
				if tt.name == "text that looks like markup" && name != "notice" && name != "interim order" { // neither prints the full order's terms
					assert.Contains(t, rawText(t, buf.Bytes()), markup, "case text is printed as written")
				}
			})
		}
	}
}

func TestHandBuiltApplicationPrints(t *testing.T) {
	t.Parallel()
	// An Application made without NewApplication has no index of its own.
	c := exampleCase(t)
	a := &spo.Application{Case: c, Court: "Chester Magistrates' Court", Terms: c.SPO.Terms}
	for name, write := range writers {
		if name == "interim order" {
			continue // the hand-built application seeks none
		}
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, write(&buf, a, spo.BundleOptions{}))
			assert.Contains(t, rawText(t, buf.Bytes()), "Chester Magistrates' Court")
		})
	}
}

// FuzzBundle writes the sample's court copy and service copy with fuzzed
// descriptions and terms; neither may panic, and a valid Application
// always prints.
func FuzzBundle(f *testing.F) {
	c, _ := casefile.Sample()
	f.Add(c.Incidents[0].Description, c.SPO.Terms[1].Text, c.SPO.Terms[1].Locality, c.Statements[0].Text)
	f.Add("", "", "", "")
	f.Add("07700 900311 sian.pryce@example.org 21/07/1988", "Not to enter Ffordd yr Eglwys", "Tŷ Gwyn", "{{.Court}} {pdfdoc:pages}")
	f.Add(strings.Repeat("W", 3000), "\n\n\n", "\x00\xff", "\r\n\t ")
	f.Fuzz(func(t *testing.T, description, term, locality, statement string) {
		c, _ := casefile.Sample()
		c.Incidents[0].Description = description
		c.Incidents[3].Location = locality
		c.SPO.Terms[1].Text = term
		c.SPO.Terms[1].Locality = locality
		c.Statements[0].Text = statement
		a, err := spo.NewApplication(c)
		require.NoError(t, err)
		for _, write := range []writer{spo.WriteBundle, spo.WriteServiceCopy} {
			var buf bytes.Buffer
			require.NoError(t, write(&buf, a, spo.BundleOptions{}))
		}
	})
}

func TestApplicationBuiltFromACaseWithoutAnSPOBlockPrints(t *testing.T) {
	t.Parallel()
	c := exampleCase(t)
	c.SPO = nil
	a := &spo.Application{Case: c, Court: "Chester Magistrates' Court"}
	for name, write := range writers {
		if name == "interim order" {
			continue // none is sought
		}
		t.Run(name, func(t *testing.T) {
			require.NotPanics(t, func() { require.NoError(t, write(&bytes.Buffer{}, a, spo.BundleOptions{})) })
		})
	}
	assert.Empty(t, a.CommitmentOverlaps())
}
