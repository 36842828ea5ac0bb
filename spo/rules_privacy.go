package spo

import (
	"fmt"

	"github.com/spokit/spokit/casefile"
)

// privacyRules keep the respondent's documents from telling them where or
// how to reach the people the order protects, without withholding from
// them anything they must obey.
var privacyRules = []casefile.Rule{
	{ID: "SPO-TERM-WITHHELD", Severity: casefile.Error, Citation: "SPA 2019 s.2(1), s.8; spokit case format v1", Check: checkTermWithheld},
	{ID: "SPO-EXHIBIT-DETAILS", Severity: casefile.Error, Citation: "spokit case format v1; Data Protection Act 2018 s.35", Check: checkExhibitDetails},
	{ID: "SPO-EXHIBIT-PICTURE", Severity: casefile.Warning, Citation: "spokit case format v1", Check: checkExhibitPictures},
}

// checkTermWithheld reports a term that names a detail the respondent's
// documents withhold. A term is served on the respondent, who commits an
// offence by breaching it (s.8), so it must never be printed with part of
// it withheld: the respondent must be able to read what they must not do.
func checkTermWithheld(c *casefile.Check) {
	s, v := c.Case.SPO, c.Case.SPOVariation
	if s == nil && v == nil {
		return
	}
	d := casefile.NewDisclosure(c.Case, casefile.AudienceRespondent, nil)
	check := func(path string, i int, t casefile.Term) {
		for _, f := range []struct{ field, text string }{{"text", t.Text}, {"locality", t.Locality}} {
			if d.Withholds(f.text) {
				c.Addf(fmt.Sprintf("%s[%d].%s", path, i, f.field), "%s names an address, phone number, email address or date of birth that the respondent's documents withhold, so it would be served on the respondent with part of it withheld, and they could not tell what they must not do. Describe the zone by area (\"the area of Hoole bounded by ...\") or by a map served with the order (\"as shown on the map at exhibit X\"), or, if the respondent already knows the address (a former shared home, say), record address_known_to_respondent on that person.", termLabel(i, t))
			}
		}
	}
	if s != nil {
		for i, t := range s.Terms {
			check("spo.terms", i, t)
		}
		if s.Interim != nil {
			for i, t := range s.Interim.Terms {
				check("spo.interim.terms", i, t)
			}
		}
	}
	if v != nil {
		// A new term of a varied order is served like the order's own.
		for i, ch := range v.Changes {
			if ch.Action != casefile.RemoveTerm {
				check("spo_variation.changes", i, changedTerm(ch))
			}
		}
	}
}

// checkExhibitDetails reads the text of every exhibit PDF the respondent's
// copy would reproduce (all of it, visible or not: an OCR layer or white
// text is read as well) and reports each page that holds a detail the
// respondent's documents withhold. Such an exhibit is not reproduced in
// the service copy; it needs a redacted_file prepared for service, or to
// be marked sensitive.
func checkExhibitDetails(c *casefile.Check) {
	if c.Case.SPO == nil || c.Files == nil {
		return
	}
	d := casefile.NewDisclosure(c.Case, casefile.AudienceRespondent, nil)
	for i := range c.Case.Exhibits {
		e := &c.Case.Exhibits[i]
		field, name := servedFile(e)
		if e.Sensitive || name == "" {
			continue
		}
		data, kind, err := readExhibitFile(c.Files, name, nil)
		if err != nil || kind != pdfKind {
			continue // CASE-EXHIBIT-FILE reports a file that cannot be read
		}
		pages, err := leakingPages(data, d)
		if err != nil || len(pages) == 0 {
			continue // CASE-EXHIBIT-FILE reports a file that cannot be read
		}
		path := fmt.Sprintf("exhibits[%d].%s", i, field)
		if field == "redacted_file" {
			c.Addf(path, "Exhibit %s: the redacted file %q still holds details withheld from the respondent on %s. Redact them, or mark the exhibit sensitive.", e.Ref, name, pageList(pages))
			continue
		}
		c.Addf(path, "Exhibit %s: %q holds details withheld from the respondent (an address, phone number, email address or date of birth) on %s, in its text (visible or not). It is not reproduced in the service copy. Give a redacted_file prepared for service, or mark the exhibit sensitive.", e.Ref, name, pageList(pages))
	}
}

// checkExhibitPictures asks for a picture exhibit to be checked by eye,
// until the check is recorded (checked_for_service): text in a picture
// cannot be read, so nothing tells whether it shows a protected person's
// details.
func checkExhibitPictures(c *casefile.Check) {
	if c.Case.SPO == nil || c.Files == nil {
		return
	}
	for i := range c.Case.Exhibits {
		e := &c.Case.Exhibits[i]
		if e.Sensitive || e.RedactedFile != "" || e.CheckedForService || e.File == "" {
			continue
		}
		if _, kind, err := readExhibitFile(c.Files, e.File, nil); err == nil && kind != pdfKind {
			c.Addf(fmt.Sprintf("exhibits[%d].file", i), "Exhibit %s is a picture, reproduced in the service copy as it is. Text in a picture cannot be checked automatically: look at it, and if it shows an address, phone number, email address, date of birth or anything else that would locate a protected person or a witness, give a redacted_file prepared for service or mark the exhibit sensitive; if it shows nothing of the kind, record checked_for_service.", e.Ref)
		}
	}
}

// pageList words page numbers for a message: "page 2" or "pages 1, 3".
func pageList(pages []int) string {
	if len(pages) == 1 {
		return fmt.Sprintf("page %d", pages[0])
	}
	s := "pages "
	for i, p := range pages {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprint(p)
	}
	return s
}
