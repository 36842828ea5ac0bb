package casefile

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/spokit/spokit/internal/fserr"
	"github.com/spokit/spokit/internal/law"
)

// formatCitation is what integrity findings cite: they rest on the import
// contract, not on statute.
const formatCitation = "spokit case format v1"

// MaxExhibitFileSize caps one exhibit file, so a mistaken export cannot make
// a bundle of unbounded size.
const MaxExhibitFileSize = 100 << 20

var integrityRules = []Rule{
	{ID: "CASE-REF", Severity: Error, Citation: formatCitation, Check: checkRefs},
	{ID: "CASE-DUP-ID", Severity: Error, Citation: formatCitation, Check: checkDuplicateIDs},
	{ID: "CASE-DATE", Severity: Error, Citation: formatCitation, Check: checkDates},
	{ID: "CASE-URN", Severity: Warning, Citation: formatCitation + "; CJS data standards (PTI-URN)", Check: checkURN},
	{ID: "CASE-EXHIBIT-FILE", Severity: Error, Citation: formatCitation + "; CrimPR r.16.3", Check: checkExhibitFiles},
	{ID: "CASE-STATEMENT-TEXT", Severity: Error, Citation: "Criminal Justice Act 1967 s.9; CrimPR r.16.2", Check: checkStatementText},
	{ID: "CASE-UNUSED-REASON", Severity: Error, Citation: "CPIA 1996 Code of Practice; CPS Disclosure Manual ch.8", Check: checkUnusedReason},
	{ID: "CASE-EMPTY-LIST", Severity: Error, Citation: formatCitation + "; PHA 1997 s.7(3)", Check: checkEmptyLists},
}

// refKind describes what an id must resolve to, for CASE-REF messages.
type refKind int

const (
	anyPerson refKind = iota
	officer
	suspect
	incident
	statement
	exhibit
)

func (c *Check) ref(p, id string, kind refKind) {
	x := c.Index
	switch kind {
	case incident:
		if x.Incident(id) == nil {
			c.Addf(p, "%q is not the id of any incident in the chronology; use an incident's id or add the incident.", id)
		}
		return
	case statement:
		if x.Statement(id) == nil {
			c.Addf(p, "%q is not the id of any statement; use a statement's id or add the statement.", id)
		}
		return
	case exhibit:
		if x.Exhibit(id) == nil {
			c.Addf(p, "%q is not the ref of any exhibit; use an exhibit's ref (e.g. JS/1) or add the exhibit to the exhibit list.", id)
		}
		return
	}
	person := x.Person(id)
	switch {
	case person == nil:
		c.Addf(p, "%q is not the id of anyone in people; use a person's id or add the person.", id)
	case kind == officer && person.Role != RoleOfficer:
		c.Addf(p, "%q is %s, whose role is %s; this must be a police officer (role officer).", id, person.Name(), person.Role)
	case kind == suspect && person.Role != RoleSuspect:
		c.Addf(p, "%q is %s, whose role is %s; this must be the suspect (role suspect).", id, person.Name(), person.Role)
	}
}

func checkRefs(c *Check) {
	k := c.Case
	c.ref("officer_in_case", k.OfficerInCase, officer)
	for i, r := range k.Relationships {
		if len(r.Between) != 2 {
			c.Addf(fmt.Sprintf("relationships[%d].between", i), "A relationship must name exactly two people; it names %d.", len(r.Between))
		}
		for j, id := range r.Between {
			c.ref(fmt.Sprintf("relationships[%d].between[%d]", i, j), id, anyPerson)
		}
	}
	for i := range k.Incidents {
		in := &k.Incidents[i]
		base := fmt.Sprintf("incidents[%d]", i)
		switch {
		case in.Suspect != "":
			c.ref(base+".suspect", in.Suspect, suspect)
		case len(c.Index.Suspects()) != 1:
			c.Addf(base+".suspect", "The case has %d people with role suspect, so this incident must say whose conduct it was (suspect).", len(c.Index.Suspects()))
		}
		for j, id := range in.Victims {
			c.ref(fmt.Sprintf("%s.victims[%d]", base, j), id, anyPerson)
		}
		for j, id := range in.Statements {
			c.ref(fmt.Sprintf("%s.statements[%d]", base, j), id, statement)
		}
		for j, ref := range in.Exhibits {
			c.ref(fmt.Sprintf("%s.exhibits[%d]", base, j), ref, exhibit)
		}
	}
	for i, s := range k.Statements {
		c.ref(fmt.Sprintf("statements[%d].person", i), s.Person, anyPerson)
		if s.TakenBy != "" {
			c.ref(fmt.Sprintf("statements[%d].taken_by", i), s.TakenBy, officer)
		}
	}
	for i, e := range k.Exhibits {
		c.ref(fmt.Sprintf("exhibits[%d].produced_by", i), e.ProducedBy, anyPerson)
	}
	for i, r := range k.RiskAssessments {
		if r.Assessor != "" {
			c.ref(fmt.Sprintf("risk_assessments[%d].assessor", i), r.Assessor, anyPerson)
		}
	}
	for i, im := range k.Impact {
		c.ref(fmt.Sprintf("impact[%d].victim", i), im.Victim, anyPerson)
		if im.Statement != "" {
			c.ref(fmt.Sprintf("impact[%d].statement", i), im.Statement, statement)
		}
	}
	for i, ch := range k.Charges {
		for j, id := range ch.Victims {
			c.ref(fmt.Sprintf("charges[%d].victims[%d]", i, j), id, anyPerson)
		}
	}
	if s := k.SPO; s != nil {
		c.ref("spo.respondent", s.Respondent, suspect)
		for j, id := range s.Protected {
			c.ref(fmt.Sprintf("spo.protected[%d]", j), id, anyPerson)
		}
		for j, id := range s.Acts {
			c.ref(fmt.Sprintf("spo.acts[%d]", j), id, incident)
		}
		c.termRefs("spo.terms", s.Terms)
		if s.Interim != nil {
			c.termRefs("spo.interim.terms", s.Interim.Terms)
		}
	}
	if s := k.SPOConsideration; s != nil && s.By != "" {
		c.ref("spo_consideration.by", s.By, anyPerson)
	}
	c.warningRefs()
	c.orderRefs()
	c.afterOrderRefs()
	c.variationRefs()
}

// warningRefs checks the references of the optional s.76 relationship
// fields and of the warnings and orders.
func (c *Check) warningRefs() {
	k := c.Case
	for i, r := range k.Relationships {
		if r.ResponsibleAdult != "" && !slices.Contains(r.Between, r.ResponsibleAdult) {
			c.Addf(fmt.Sprintf("relationships[%d].responsible", i), "%q must be one of the two people the relationship is between.", r.ResponsibleAdult)
		}
	}
	for i, w := range k.Warnings {
		c.ref(fmt.Sprintf("warnings_and_orders[%d].binds", i), w.Binds, anyPerson)
		for j, id := range w.Protects {
			c.ref(fmt.Sprintf("warnings_and_orders[%d].protects[%d]", i, j), id, anyPerson)
		}
	}
}

func (c *Check) termRefs(base string, terms []Term) {
	for i, t := range terms {
		for j, id := range t.Protects {
			c.ref(fmt.Sprintf("%s[%d].protects[%d]", base, i, j), id, anyPerson)
		}
	}
}

func checkDuplicateIDs(c *Check) {
	k := c.Case
	seen := map[string]string{}
	add := func(p, id string) {
		if id == "" {
			return
		}
		if first, ok := seen[id]; ok {
			c.Addf(p, "%q is already used at %s; every id and exhibit ref must be unique across the whole case.", id, first)
			return
		}
		seen[id] = p
	}
	for i, x := range k.People {
		add(fmt.Sprintf("people[%d].id", i), x.ID)
	}
	for i, x := range k.Incidents {
		add(fmt.Sprintf("incidents[%d].id", i), x.ID)
	}
	for i, x := range k.Statements {
		add(fmt.Sprintf("statements[%d].id", i), x.ID)
	}
	for i, x := range k.Exhibits {
		add(fmt.Sprintf("exhibits[%d].ref", i), x.Ref)
	}
	for i, x := range k.UnusedMaterial {
		add(fmt.Sprintf("unused_material[%d].id", i), x.ID)
	}
	for i, x := range k.RiskAssessments {
		add(fmt.Sprintf("risk_assessments[%d].id", i), x.ID)
	}
	for i, x := range k.Charges {
		add(fmt.Sprintf("charges[%d].id", i), x.ID)
	}
	for i, x := range k.Warnings {
		add(fmt.Sprintf("warnings_and_orders[%d].id", i), x.ID)
	}
	for i, x := range k.Orders {
		add(fmt.Sprintf("orders[%d].id", i), x.ID)
	}
	for i, x := range k.Notifications {
		add(fmt.Sprintf("notifications[%d].id", i), x.ID)
	}
}

func checkDates(c *Check) {
	k := c.Case
	future := func(p, what string, d Date) {
		if d.After(c.AsOf) {
			c.Addf(p, "The %s is %s, after the date the case is judged on (%s). Correct the date, or judge the case as of a later date (as_of or --as-of).", what, d.Long(), c.AsOf.Long())
		}
	}
	order := func(p, what string, start, end Date) {
		if !start.IsZero() && !end.IsZero() && end.Before(start) {
			c.Addf(p, "The %s %s is before its start %s; correct one of them.", what, end.Long(), start.Long())
		}
	}
	for i, in := range k.Incidents {
		base := fmt.Sprintf("incidents[%d]", i)
		order(base+".end_date", "incident's end date", in.Date, in.EndDate)
		future(base+".date", "incident's date", in.Date)
		if !in.EndDate.IsZero() {
			future(base+".end_date", "incident's end date", in.EndDate)
		}
	}
	for i, r := range k.Relationships {
		order(fmt.Sprintf("relationships[%d].to", i), "relationship's end", r.From, r.To)
		order(fmt.Sprintf("relationships[%d].lived_together_to", i), "end of living together", r.LivedTogetherFrom, r.LivedTogetherTo)
	}
	for i, w := range k.Warnings {
		order(fmt.Sprintf("warnings_and_orders[%d].until", i), "warning or order's end", w.Date, w.Until)
		future(fmt.Sprintf("warnings_and_orders[%d].date", i), "warning or order's date", w.Date)
	}
	for i, o := range k.Orders {
		base := fmt.Sprintf("orders[%d]", i)
		future(base+".made", "order's making date", o.Made)
		order(base+".ends", "order's end", o.Made, o.Ends)
		if o.Service != nil {
			order(base+".service.date", "order's service date", o.Made, o.Service.Date)
			future(base+".service.date", "order's service date", o.Service.Date)
		}
	}
	for i, n := range k.Notifications {
		future(fmt.Sprintf("notifications[%d].date", i), "notification's date", n.Date)
	}
	for i, ch := range k.RespondentChanges {
		future(fmt.Sprintf("respondent_changes[%d].date", i), "change's date", ch.Date)
	}
	for i, s := range k.Statements {
		future(fmt.Sprintf("statements[%d].date", i), "statement's date", s.Date)
	}
	for i, e := range k.Exhibits {
		if !e.SeizedDate.IsZero() {
			future(fmt.Sprintf("exhibits[%d].seized_date", i), "exhibit's seizure date", e.SeizedDate)
		}
	}
	for i, ch := range k.Charges {
		order(fmt.Sprintf("charges[%d].to", i), "charge's end date", ch.From, ch.To)
		if ch.Status == Charged && ch.ChargedOn.IsZero() {
			c.Addf(fmt.Sprintf("charges[%d].charged_on", i), "Charge %s is marked charged but has no charged_on date; add the date it was charged.", ch.ID)
		}
	}
}

var urnPattern = regexp.MustCompile(`^[A-Z0-9]{11}$`)

func checkURN(c *Check) {
	k := c.Case
	if !urnPattern.MatchString(k.URN) {
		c.Addf("urn", "URN %q should be 11 characters of capital letters and digits: force code (2), unit (2), serial (5), year (2), e.g. 07CW0456125.", k.URN)
	}
	if k.Force.Code != "" && !strings.HasPrefix(k.URN, k.Force.Code) {
		c.Addf("urn", "URN %q should start with the force code %q of %s.", k.URN, k.Force.Code, k.Force.Name)
	}
}

// ExhibitPath returns the exhibit file's path inside the case directory, or
// an error when it is absolute or climbs out of it with "..".
func ExhibitPath(file string) (string, error) {
	p := strings.ReplaceAll(file, `\`, "/")
	if path.IsAbs(p) || (len(p) > 1 && p[1] == ':') {
		return "", fmt.Errorf("\"%s\" is an absolute path; give the path relative to the case file's folder", file)
	}
	p = path.Clean(p)
	if !fs.ValidPath(p) || p == "." {
		return "", fmt.Errorf("\"%s\" leads outside the case file's folder; exhibit files must be inside it", file)
	}
	return p, nil
}

func checkExhibitFiles(c *Check) {
	c.exhibitFiles("file", func(e *Exhibit) string { return e.File })
}

// exhibitFiles checks the file each exhibit names in field: inside the
// case folder and, when the folder is given, a file spokit can print.
func (c *Check) exhibitFiles(field string, file func(*Exhibit) string) {
	for i := range c.Case.Exhibits {
		e := &c.Case.Exhibits[i]
		if file(e) == "" {
			continue
		}
		p := fmt.Sprintf("exhibits[%d].%s", i, field)
		name, err := ExhibitPath(file(e))
		if err != nil {
			c.Addf(p, "Exhibit %s: %v.", e.Ref, err)
			continue
		}
		if c.Files == nil {
			continue
		}
		if err := c.checkExhibitFile(name); err != nil {
			c.Addf(p, "Exhibit %s: %v.", e.Ref, err)
		}
	}
}

func (c *Check) checkExhibitFile(name string) error {
	f, err := c.Files.Open(name)
	if err != nil {
		return fmt.Errorf("the file %q cannot be opened (%v); put it in the case file's folder or correct the path", name, fserr.Bare(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return fmt.Errorf("%q is a folder, not a file", name)
		}
		if st.Size() > MaxExhibitFileSize {
			return fmt.Errorf("%q is %d MiB, over the %d MiB limit for one exhibit file", name, st.Size()>>20, MaxExhibitFileSize>>20)
		}
	}
	// Read whole, as the build will: a damaged, locked or unsupported file
	// is refused here, before anything is built.
	data, err := io.ReadAll(io.LimitReader(f, MaxExhibitFileSize+1))
	if err != nil {
		return fmt.Errorf("the file %q cannot be read (%v)", name, fserr.Bare(err))
	}
	if len(data) > MaxExhibitFileSize {
		return fmt.Errorf("%q is over the %d MiB limit for one exhibit file", name, MaxExhibitFileSize>>20)
	}
	if err := c.CheckFile(data); err != nil {
		return fmt.Errorf("%q cannot be used: %w", name, err)
	}
	return nil
}

func checkStatementText(c *Check) {
	for i, s := range c.Case.Statements {
		if strings.TrimSpace(s.Text) == "" && !s.VideoRecorded {
			c.Addf(fmt.Sprintf("statements[%d].text", i), "Statement %s by %s has no text. Add the statement text, or mark it video_recorded if the account is a visually recorded interview.", s.ID, c.Name(s.Person))
		}
	}
}

func checkUnusedReason(c *Check) {
	for i, u := range c.Case.UnusedMaterial {
		if u.Sensitive && strings.TrimSpace(u.Reason) == "" {
			c.Addf(fmt.Sprintf("unused_material[%d].reason", i), "Unused item %s is marked sensitive (MG6D) but gives no reason. State why disclosure would risk serious prejudice to an important public interest.", u.ID)
		}
	}
}

// checkEmptyLists reports the lists that may be present but empty in JSON
// and leave the law nothing to work on: an incident against nobody drops
// out of every course of conduct; a charge with no victim, or with no
// incident in its course, rests on nothing. A course-of-conduct charge's
// empty course is COC-SINGLE-VICTIM's to report.
func checkEmptyLists(c *Check) {
	for i, in := range c.Case.Incidents {
		if len(in.Victims) == 0 {
			c.Addf(fmt.Sprintf("incidents[%d].victims", i), "Incident %s names no victim, so it is part of no course of conduct and no charge or order can rest on it. List the id of each person the conduct was directed at.", in.ID)
		}
	}
	for i := range c.Case.Charges {
		ch := &c.Case.Charges[i]
		if off, ok := law.Lookup(string(ch.Offence)); ok && off.NoVictim {
			continue
		}
		if len(ch.Victims) == 0 {
			c.Addf(fmt.Sprintf("charges[%d].victims", i), "Charge %s (%s) names no victim, so no incident can support it. List the id of each person the offence was committed against.", ch.ID, ch.Offence.Title())
			continue
		}
		if slices.Contains(courseOffences, ch.Offence) {
			continue
		}
		n := 0
		for _, v := range ch.Victims {
			n += len(c.Index.Course(ch, v))
		}
		if n == 0 {
			c.Addf(fmt.Sprintf("charges[%d]", i), "Charge %s (%s) rests on no incident: the chronology has none against its victims %s. Add the incidents it rests on, or correct the charge's victims or dates.", ch.ID, ch.Offence.Title(), span(ch))
		}
	}
}
