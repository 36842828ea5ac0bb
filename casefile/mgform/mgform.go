// Package mgform writes the CPS case-file (MG) forms of a case as PDF: the
// MG3 report to the prosecutor, MG5 case summary, MG6C and MG6D schedules,
// MG9 witness list, MG11 statements with their contact pages, MG12 exhibit
// list, the case review, and the breach schedule and notification timeline
// of the jobs after an order. Each form declares its audience; every string
// it prints passes that audience's disclosure policy.
//
// Each writer takes the case, one Options and an io.Writer; the layouts
// live in an internal package shared with the SPO bundle, which reproduces
// statements in the MG11 layout.
package mgform

import (
	"io"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/casefile/screen"
	"github.com/spokit/spokit/internal/forms"
	"github.com/spokit/spokit/templates"
)

// Options control how the MG case-file forms are written.
type Options struct {
	// AsOf is the date the forms are judged on (time limits) and dated
	// with; it is also the date written into each PDF, so the same case
	// gives the same bytes. Zero means the Report's date when one is given,
	// else the case's ResolveAsOf.
	AsOf casefile.Date
	// Report holds the findings the MG3 and the case review list; nil validates the
	// case with Rules().
	Report *casefile.Report
	// Templates is a force's wording; nil means templates.Default().
	Templates *templates.Set
	// Draft prints DRAFT on every page.
	Draft bool
	// Screening is the stalking screening to print; nil screens the case.
	// A build passes one value to every document so the case is screened
	// once and every document prints the same result.
	Screening *screen.Screening
}

// Form is one MG form a case needs: the file name it is written under, who
// it is for, and the function that writes it.
type Form struct {
	// Name is the file name: "MG3.pdf", "MG5.pdf", "MG6C.pdf", "MG6D.pdf",
	// "MG9.pdf", "MG11-<statement id>.pdf" and
	// "MG11-<statement id>-contact.pdf" for each statement, "MG12.pdf".
	Name string
	// Audience is who the form is for: AudienceDefence for the forms
	// disclosed in criminal proceedings (MG5, MG6C, MG11 statement pages,
	// MG12), AudienceProsecution for the rest.
	Audience casefile.Audience
	// Write writes the form as a PDF.
	Write func(w io.Writer, opts Options) error
}

// Forms returns the MG forms a stalking file needs, in file order: MG3,
// MG5, MG6C, MG6D, MG9, the MG11 statement pages and contact page of each
// statement, MG12.
//
// A statement id becomes part of a file name with every character outside
// A-Z, a-z, 0-9, '.', '_' and '-' replaced by '_', so no id can make a path.
// An id that would give a hidden or empty name, or the same name as an
// earlier statement, still gets a Form, whose Write reports the problem.
func Forms(c *casefile.Case) []Form {
	inner := forms.Forms(c)
	out := make([]Form, len(inner))
	for i, f := range inner {
		out[i] = Form{Name: f.Name, Audience: f.Audience, Write: func(w io.Writer, opts Options) error { return f.Write(w, forms.Options(opts)) }}
	}
	return out
}

// WriteMG3 writes the report to a crown prosecutor for a charging decision
// (MG3) as a PDF: a case summary; the proposed charges with statute,
// section, mode of trial and maximum penalty from spokit's law table (a
// figure not yet checked against a source is flagged UNVERIFIED); the
// offence elements against the evidence (Index.Assess); the time limits and
// the last day to charge; risk assessments; the victims' views and the
// impact on them; the Stalking Protection Order consideration; disclosure
// issues; the validation findings; and a prosecutor's decision section left
// blank to complete. Each section is bookmarked.
//
// The MG3 is not disclosed: every page says so under the header.
func WriteMG3(w io.Writer, c *casefile.Case, opts Options) error {
	return forms.WriteMG3(w, c, forms.Options(opts))
}

// WriteMG5 writes the police report (MG5) as a PDF: the header (URN,
// force, officer in the case, anticipated plea left to complete), the
// parties, a headline summary, the chronology with each occasion's
// behaviours and evidence, the key statements and exhibits, and each charge
// with its particulars. A contents list at the front links to each section,
// and each section is bookmarked.
//
// The MG5 is disclosed to the defence and the court, so it carries no
// police or CPS analysis (the screening, the triage, the element-by-element
// assessment and the checks on the file are in the MG3 and the case review,
// WriteCaseReview), names victims and witnesses but gives none of their
// addresses, phone numbers, email addresses or dates of birth (the MG9 and
// the MG11 contact pages carry those; every string passes the defence's
// Disclosure), prints a place that is a victim's or witness's address as
// their home ("the home of Renée Marsh (victim)"), and leaves out exhibits
// marked sensitive.
func WriteMG5(w io.Writer, c *casefile.Case, opts Options) error {
	return forms.WriteMG5(w, c, forms.Options(opts))
}

// WriteMG6C writes the schedule of relevant non-sensitive unused material
// (MG6C) as a PDF. Items are numbered consecutively from 1 in case order
// (with the case's id beside the number), each with its description, where
// it is held, a blank "CPS use" column for the prosecutor's D / CND / I and
// a comment that flags material that might undermine the prosecution case
// or assist the defence. It ends with signature boxes for the disclosure
// officer (the officer in the case) and the reviewing lawyer.
func WriteMG6C(w io.Writer, c *casefile.Case, opts Options) error {
	return forms.WriteMG6C(w, c, forms.Options(opts))
}

// WriteMG6D writes the schedule of relevant sensitive unused material
// (MG6D) as a PDF: item number, description, the reason the item is
// sensitive and a blank column for the prosecutor's view. A case with no
// sensitive material gets a nil schedule saying so, for the disclosure
// officer to sign. The MG6D is never disclosed: every page says so under
// the header.
func WriteMG6D(w io.Writer, c *casefile.Case, opts Options) error {
	return forms.WriteMG6D(w, c, forms.Options(opts))
}

// WriteMG9 writes the witness list (MG9) as a PDF: every victim and witness
// and anyone else who made a statement (officers included), numbered, with
// their role, whether they are a victim or a vulnerable or intimidated
// witness, the special measures sought, dates to avoid, their statements
// and their contact details. The MG9 holds contact details, so it is not
// disclosed: every page says so under the header.
func WriteMG9(w io.Writer, c *casefile.Case, opts Options) error {
	return forms.WriteMG9(w, c, forms.Options(opts))
}

// WriteMG11 writes one witness statement (MG11), the statement with the
// given id, as a PDF: the statement in the MG11 layout. It
// is disclosed to the defence, so contact details and dates of birth in
// the text are withheld (see Disclosure); the witness's own are on the
// contact page, which WriteMG11Contact writes as a file of its own.
func WriteMG11(w io.Writer, c *casefile.Case, statementID string, opts Options) error {
	return forms.WriteMG11(w, c, statementID, forms.Options(opts))
}

// WriteMG11Contact writes the back page of one witness statement (MG11) as
// a PDF of its own: the witness's contact details (address, phone, email,
// date of birth) and the witness care record (willingness to attend, dates
// to avoid, Victim Personal Statement, special measures eligibility and why
// they are sought, preferred contact), marked not for disclosure. Keeping it in its own file means the statement can be
// disclosed or served without any risk of the page going with it.
func WriteMG11Contact(w io.Writer, c *casefile.Case, statementID string, opts Options) error {
	return forms.WriteMG11Contact(w, c, statementID, forms.Options(opts))
}

// WriteMG12 writes the exhibit list (MG12) as a PDF: each exhibit's
// reference, description, the person who produced it, when and where it was
// seized, whether a file of it is attached to the case, and whether it is
// marked sensitive.
func WriteMG12(w io.Writer, c *casefile.Case, opts Options) error {
	return forms.WriteMG12(w, c, forms.Options(opts))
}

// WriteCaseReview writes the internal case review as a PDF: the decision
// aids behind the file, for the police and the CPS only, marked not for
// disclosure on every page. It holds the stalking screening and triage
// (Screen, worded by Screening.Report: the caveat first, then each part
// with its lines and the incidents each rests on), each charge's offence
// elements judged against the evidence, and the checks on the case file
// (the validation findings with their rule ids).
//
// None of this is evidence, so none of it is in the documents the court,
// the respondent or the defence read: the SPO bundle, the service copy and
// the MG5 leave it out, and the MG3 carries the screening for the
// prosecutor.
func WriteCaseReview(w io.Writer, c *casefile.Case, opts Options) error {
	return forms.WriteCaseReview(w, c, forms.Options(opts))
}

// WriteBreachSchedule writes the breach schedule of a breach file (SPA
// 2019 s.8) as a PDF for the prosecution: each order breached, as made and
// served, with the sealed order and the proof of service as exhibits; its
// terms with the scope recorded for each; then each occasion that names a
// term it breaches, beside that term, with whether it falls within the
// term's recorded scope (or that the scope could not be checked), any
// excuse recorded, and the statements and exhibits that evidence it.
//
// It is police analysis for the charging decision and is never disclosed:
// every page says so. The defence learns of the breaches from the MG5.
func WriteBreachSchedule(w io.Writer, c *casefile.Case, opts Options) error {
	return forms.WriteBreachSchedule(w, c, forms.Options(opts))
}

// WriteNotificationTimeline writes the notification timeline of a
// notification offence file (SPA 2019 ss.9-11) as a PDF for the
// prosecution: each served order with its service; whether the respondent
// is subject to the Sexual Offences Act 2003 Part 2 requirements; every
// duty to notify (initial, new name, new address) with the day its 3 days
// begin with, its deadline, the notification that answers it and whether
// it was met, late, missed, still due, not required (a full order
// replacing an interim order) or suspended (SOA 2003 Part 2); then the
// notifications received, with what each gave and any false information,
// and the changes recorded.
//
// It prints the respondent's notified addresses and is never disclosed:
// every page says so.
func WriteNotificationTimeline(w io.Writer, c *casefile.Case, opts Options) error {
	return forms.WriteNotificationTimeline(w, c, forms.Options(opts))
}

// MG11Declaration returns the declaration of a witness statement in the
// prescribed words (Criminal Justice Act 1967 s.9(2)(b); Criminal
// Procedure Rules r.16.2(b) and the form the Practice Direction sets out,
// as printed on the national MG11), with pages in place of the number of
// pages. The law prescribes the words, so they are not a wording unit a
// force can change.
func MG11Declaration(pages string) string {
	return forms.MG11Declaration(pages)
}
