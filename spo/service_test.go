package spo_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/spokit/spokit/spo"
	"github.com/spokit/spokit/templates"
)

// sentinel is a protected person's or witness's details, planted in the
// example case and in its free text.
type sentinel struct {
	id      string
	address string
	phone   string
	email   string
	dob     casefile.Date
	// street is the street of the first address line without its number.
	street   string
	postcode string
}

var sentinels = []sentinel{
	{id: "V1", address: "7 Quillon Gardens\nFernwick\nChester CH9 9ZZ", phone: "07700 900987",
		email: "Renee.Sentinel@example.org", dob: casefile.NewDate(1991, 6, 23), street: "Quillon Gardens", postcode: "CH9 9ZZ"},
	{id: "V2", address: "Flat 2, 41 Varden Close\nSaltmere\nChester CH8 7YY", phone: "+44 7700 900654",
		email: "alys.sentinel@example.com", dob: casefile.NewDate(1994, 11, 28), street: "Varden Close", postcode: "CH8 7YY"},
	{id: "W1", address: "Briar Cottage\nDunsby Lane\nHolmfirth Parva HD9 1QQ", phone: "07700-900-321",
		email: "gwen.sentinel@example.net", dob: casefile.NewDate(1958, 2, 19), street: "Dunsby Lane", postcode: "HD9 1QQ"},
}

// plantedCase is the example case with the sentinels in every contact
// field of the victim, the other protected person and the witness, and
// written into free text in many forms: places, descriptions, statements,
// terms, the risk, necessity and views, exhibit captions.
func plantedCase(t testing.TB) *casefile.Case {
	c := exampleCase(t)
	x := casefile.NewIndex(c)
	for _, s := range sentinels {
		p := x.Person(s.id)
		require.NotNil(t, p)
		p.Address, p.Phone, p.Email, p.DateOfBirth = s.address, s.phone, s.email, s.dob
	}
	v1, v2, w1 := sentinels[0], sentinels[1], sentinels[2]
	c.Incidents[1].Location = "Outside 7 quillon gardens, FERNWICK"
	c.Incidents[2].Location = "flat 2 41 varden close"
	c.Incidents[3].Location = "Dunsby  Lane, near Briar Cottage"
	c.Incidents[0].Description += " He texted her on +447700900987 and (07700) 900987, and on 07700 900 987."
	c.Incidents[4].Description += " He wrote her birthday as 23rd June 1991, 23/06/91, June 23, 1991, 1991-06-23 and 23.6.1991."
	c.Incidents[5].Description += " He emailed RENEE.SENTINEL@EXAMPLE.ORG and alys.sentinel @ example.com, and went to ch99zz and CH8  7YY."
	c.Incidents[6].Description += " He rang 0044 7700 900654 and 07700900321, and wrote 19 February 1958, 19/2/1958 and 19-02-1958."
	c.Statements[0].Text += "\n\nI live at 7 Quillon Gardens, Fernwick, Chester CH9 9ZZ. My number is 07700 900987 and my email is renee.sentinel@example.org. I was born on 23 June 1991 (23 Jun 1991)."
	c.Statements[1].Text += "\n\nI live at Briar Cottage, Dunsby Lane, Holmfirth Parva HD9 1QQ; call me on 07700 900 321 or email Gwen.Sentinel@Example.net. Born 19th of February 1958."
	c.Statements[1].Place = "Briar Cottage, Dunsby Lane"
	c.SPO.Terms[1].Text = "Not to enter Quillon  Gardens, Fernwick, or Varden Close, Saltmere."
	c.SPO.Terms[1].Locality = "quillon gardens and varden close"
	c.SPO.Terms[0].Necessity += " He has her number (07700 900987) and her sister's (+44 (0)7700 900654)."
	c.SPO.Risk += " He knows her date of birth, 23 Jun 1991, and her sister's, 28/11/1994."
	c.SPO.Necessity += " He has been seen in Saltmere and at Flat 2, 41 Varden Close."
	c.SPO.VictimViews = "Ms Marsh asks to be contacted on 07700 900 987 or at " + v1.email + "; her sister on " + v2.phone + "."
	c.SPO.Interim.Reason += " He was at " + w1.address + " on 20 January."
	c.Exhibits[0].Description = "Photograph of 7 Quillon Gardens taken from Dunsby Lane"
	c.Exhibits[1].SeizedPlace = "Briar Cottage, Dunsby Lane, HD9 1QQ"
	c.Exhibits[2].Sensitive = true // SO/1
	return c
}

// digitRun finds digits separated by spaces.
var digitRun = regexp.MustCompile(`(\d) +(\d)`)

// normal returns text as the checks compare it: white space collapsed,
// lower case, and spaces inside runs of digits removed.
func normal(s string) string {
	s = strings.ToLower(flat(s))
	for {
		t := digitRun.ReplaceAllString(s, "$1$2")
		if t == s {
			return s
		}
		s = t
	}
}

// dateForms are the ways a date of birth might be written.
func dateForms(d casefile.Date) []string {
	t := d.Time()
	return []string{
		t.Format("2006-01-02"), t.Format("02/01/2006"), t.Format("2/1/2006"), t.Format("02.01.2006"), t.Format("02-01-2006"),
		t.Format("2 January 2006"), ordinal(t.Day()) + t.Format(" January 2006"), t.Format("2 Jan 2006"),
		t.Format("January 2, 2006"), t.Format("02/01/06"), t.Format("2/1/06"), t.Format("2.1.2006"),
	}
}

// ordinal writes a day of the month as an ordinal, e.g. "23rd".
func ordinal(n int) string {
	suffix := map[int]string{1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}[n]
	if suffix == "" {
		suffix = "th"
	}
	return strconv.Itoa(n) + suffix
}

// phoneDigits is a phone number's digits without the UK prefix (+44, 0044
// or 0): what any way of writing it has in common.
func phoneDigits(phone string) string {
	digits := regexp.MustCompile(`\D`).ReplaceAllString(phone, "")
	digits = strings.TrimPrefix(digits, "00")
	digits = strings.TrimPrefix(digits, "44")
	return strings.TrimPrefix(digits, "0")
}

// forbidden lists what must not survive in a copy for the respondent.
func forbidden(s sentinel) []string {
	out := strings.Split(s.address, "\n")
	out = append(out, s.street, s.postcode, strings.ReplaceAll(s.postcode, " ", ""), s.email, phoneDigits(s.phone), s.phone)
	out = append(out, dateForms(s.dob)...)
	for i := range out {
		out[i] = normal(out[i])
	}
	return out
}

func TestServiceCopyWithholdsProtectedPeoplesDetails(t *testing.T) {
	c := plantedCase(t)
	report := casefile.Validate(c, casefile.Options{Rules: spo.AllRules()})
	court := build(t, spo.WriteBundle, c, spo.BundleOptions{Report: report})
	service := build(t, spo.WriteServiceCopy, c, spo.BundleOptions{Report: report})
	notice := build(t, spo.WriteNotice, c, spo.BundleOptions{Report: report})

	// The court copy has the planted text, so the check below is not vacuous.
	courtText := normal(realclient.PDFText(t, court) + " " + rawText(t, court))
	for _, want := range []string{"7 quillon gardens", "07700900987", "23rd june 1991", "renee.sentinel@example.org", "briar cottage"} {
		assert.Contains(t, courtText, want)
	}

	for name, pdf := range map[string][]byte{"service copy": service, "notice": notice} {
		t.Run(name, func(t *testing.T) {
			text := normal(realclient.PDFText(t, pdf) + " " + rawText(t, pdf))
			compact := regexp.MustCompile(`\D`).ReplaceAllString(text, "")
			for _, s := range sentinels {
				for _, f := range forbidden(s) {
					assert.NotContains(t, text, f, "%s's detail %q survives", s.id, f)
				}
				assert.NotContains(t, compact, phoneDigits(s.phone), "%s's phone survives as digits", s.id)
			}
		})
	}

	text := rawText(t, service)
	assert.Contains(t, text, "[withheld]")
	// The respondent's own details, and unrelated text, are intact.
	for _, keep := range []string{"Flat 3, 22 Canal Street Ellesmere Port CH65 4EU", "30 November 1990", "Dan Reeves",
		"Chester Magistrates' Court", "Statement ST1", "Exhibit GP/1", "18 January 2025", "Not to enter [withheld]"} {
		assert.Contains(t, text, keep)
	}
}

func TestServiceCopyLeavesOutWhatTheRespondentMustNotSee(t *testing.T) {
	c := plantedCase(t)
	report := casefile.Validate(c, casefile.Options{Rules: spo.AllRules()})
	require.NotEmpty(t, report.Findings)
	service := build(t, spo.WriteServiceCopy, c, spo.BundleOptions{Report: report})
	court := build(t, spo.WriteBundle, c, spo.BundleOptions{Report: report})
	serviceText, courtText := rawText(t, service), rawText(t, court)
	render := func(unit string) string {
		s, err := templates.Default().Render(unit, nil)
		require.NoError(t, err)
		return s
	}

	// No contact details page, in either copy.
	for _, text := range []string{serviceText, courtText} {
		assert.NotContains(t, text, render("mg11.contact-title"))
	}
	// The sensitive exhibit is listed, and cited in the chronology, in the
	// court copy only. (A statement that mentions it keeps its words.)
	assert.Contains(t, courtText, "SO/1 Email account sign-in records")
	assert.Contains(t, courtText, "Exhibit SO/1")
	assert.NotContains(t, serviceText, "Email account sign-in records")
	assert.NotContains(t, serviceText, "Exhibit SO/1")
	// Unused material is in neither.
	for _, u := range c.UnusedMaterial {
		assert.NotContains(t, serviceText, u.Description)
		assert.NotContains(t, courtText, u.Description)
	}
	// Findings are in the court copy only.
	assert.Contains(t, courtText, render("spo.findings.heading"))
	assert.NotContains(t, serviceText, render("spo.findings.heading"))
	for _, f := range report.Findings {
		assert.NotContains(t, serviceText, f.Rule)
	}
	// Every page is headed SERVICE COPY.
	texts := pages(t, service)
	for p := 1; p < len(texts); p++ {
		assert.Contains(t, texts[p], "SERVICE COPY", "page %d", p)
	}
	assert.NotContains(t, courtText, "SERVICE COPY")
}
