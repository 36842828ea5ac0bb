package casefile

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// privacyRules protect the people whose details the respondent and the
// defence must not see.
var privacyRules = []Rule{
	{ID: "CASE-UNRECORDED-DETAIL", Severity: Warning, Citation: formatCitation + "; Data Protection Act 2018 s.35", Check: checkUnrecordedDetails},
	{ID: "CASE-REDACTED-FILE", Severity: Error, Citation: formatCitation, Check: checkRedactedFiles},
}

// recordedDetailFields are the person fields that hold the recorded
// details themselves; everything else is searched for details nobody
// recorded.
var recordedDetailFields = []string{"address", "phone", "email"}

// checkUnrecordedDetails reports contact-shaped text (a postcode, phone
// number, email address, house number and street, date of birth) that
// belongs to nobody recorded in the case. Such text is withheld from the
// respondent's and the defence's documents anyway; the finding asks the
// officer to check it, and to record it on the person it belongs to, so
// that every other way of writing it is withheld too.
func checkUnrecordedDetails(c *Check) {
	for _, u := range UnrecordedDetails(c.Case) {
		c.Addf(u.Path, "This text holds %s that looks like an address, phone number, email address or date of birth but is not recorded as anyone's. It is withheld from the respondent's and the defence's documents; check it, and if it is a person's (a new address, say), record it on that person in people so that every form of it is withheld. (The text is not repeated here, so that this finding can be shown wherever the case is; the court's confidential annex lists it.)", pieces(len(u.Found)))
	}
}

// pieces counts pieces of text for a message: "one piece of text", "2
// pieces of text".
func pieces(n int) string {
	if n == 1 {
		return "one piece of text"
	}
	return fmt.Sprintf("%d pieces of text", n)
}

// UnrecordedDetail is contact-shaped text in one field of a case that
// belongs to nobody recorded in it.
type UnrecordedDetail struct {
	// Path is the field's JSON path, e.g. "incidents[3].description".
	Path string
	// Found is the contact-shaped text, as written.
	Found []string
}

// UnrecordedDetails returns, field by field in document order, the
// contact-shaped text of a case (a postcode, phone number, email address,
// house number and street, date of birth) that is nobody's recorded
// detail. The respondent's and the defence's documents withhold it; the
// CASE-UNRECORDED-DETAIL rule asks the officer to check it.
func UnrecordedDetails(c *Case) []UnrecordedDetail {
	if c == nil {
		return nil
	}
	d := NewDisclosure(c, AudienceRespondent, nil)
	if c.SPO == nil {
		d = NewDisclosure(c, AudienceDefence, nil)
	}
	var out []UnrecordedDetail
	walkStrings(reflect.ValueOf(c).Elem(), "", func(path, s string) {
		if found := d.Unrecorded(s); len(found) > 0 {
			out = append(out, UnrecordedDetail{Path: path, Found: found})
		}
	})
	return out
}

// walkStrings calls visit with the JSON path and value of every non-empty
// string in v, a case or part of one, except people's recorded details.
func walkStrings(v reflect.Value, path string, visit func(path, s string)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), path, visit)
		}
	case reflect.String:
		if v.Len() > 0 {
			visit(path, v.String())
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkStrings(v.Index(i), fmt.Sprintf("%s[%d]", path, i), visit)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "" || name == "-" {
				continue
			}
			if t == reflect.TypeFor[Person]() && slices.Contains(recordedDetailFields, name) {
				continue
			}
			p := name
			if path != "" {
				p = path + "." + name
			}
			walkStrings(v.Field(i), p, visit)
		}
	}
}

// checkRedactedFiles checks each exhibit's redacted_file as file is
// checked (CASE-EXHIBIT-FILE): inside the case folder, a file spokit can
// print.
func checkRedactedFiles(c *Check) {
	c.exhibitFiles("redacted_file", func(e *Exhibit) string { return e.RedactedFile })
}
