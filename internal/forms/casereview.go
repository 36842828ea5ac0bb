package forms

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spokit/spokit/casefile/screen"

	"github.com/spokit/spokit/casefile"

	"github.com/spokit/spokit/internal/pdfdoc"
)

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
	f := newMGForm(c, opts, "review", casefile.AudienceProsecution)
	screening, err := screen.ScreeningOf(opts.Screening, c, f.asOf).Report(f.set)
	if err != nil {
		return fmt.Errorf("case review: %w", err)
	}
	d := f.doc
	d.Text(pdfdoc.Text{Body: f.label("review.title"), Style: pdfdoc.Bold})
	d.Text(pdfdoc.Text{Body: f.label("review.intro"), Style: pdfdoc.Small})
	d.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{
		{f.field("mg.urn", c.URN), f.field("mg.force", f.orNotRecorded(c.Force.Name))},
		{f.field("mg.oic", f.officer(c.OfficerInCase)), f.field("mg.date", f.asOf.Short())},
	}})
	d.Contents(f.label("review.contents"))
	f.screeningSection("review.screening", screening)
	f.heading(1, "review.elements")
	if len(c.Charges) == 0 {
		d.Paragraph(f.label("mg.no-charges"))
	}
	for i := range c.Charges {
		ch := &c.Charges[i]
		d.Heading(2, f.chargeHeading(ch), "")
		f.elementTables(ch)
	}
	f.heading(1, "review.findings")
	f.findings(f.report())
	return f.write(w)
}

// screeningSection prints a screening report: its title as the section's
// heading, the caveat, then each part under a heading of its own with its
// explanation in small print and a table of its lines. A part whose lines
// have no state (the s.2A(3) acts) has no state column; a part with no
// lines (the triage of a case that names no victim) says so.
func (f *mgForm) screeningSection(headingUnit string, rep screen.ScreeningReport) {
	d := f.doc
	d.Heading(1, f.text(headingUnit, mgVars{"Title": rep.Title}), "")
	d.Text(pdfdoc.Text{Body: rep.Caveat, Style: pdfdoc.Bold})
	for _, sec := range rep.Sections {
		d.Heading(2, sec.Heading, "")
		if sec.Intro != "" {
			d.Text(pdfdoc.Text{Body: sec.Intro, Style: pdfdoc.Small})
		}
		if len(sec.Lines) == 0 {
			d.Paragraph(f.label("review.screening-empty"))
			continue
		}
		states := slices.ContainsFunc(sec.Lines, func(l screen.ScreeningLine) bool { return l.StateText != "" })
		cols := []pdfdoc.Column{f.col("review.col-screen-point", 0, 1.2)}
		if states {
			cols = append(cols, f.col("review.col-screen-state", 24, 0))
		}
		cols = append(cols, f.col("review.col-screen-reasons", 0, 3))
		rows := make([]pdfdoc.Row, len(sec.Lines))
		for i, l := range sec.Lines {
			cells := []string{l.Label}
			if states {
				cells = append(cells, l.StateText)
			}
			rows[i] = pdfdoc.TextRow(append(cells, f.screeningReasons(l))...)
		}
		d.Table(pdfdoc.Table{Columns: cols, Rows: rows})
	}
}

// screeningReasons prints a line's reasons for a table cell: one a line,
// bulleted when there are several so that reasons that wrap stay apart,
// each followed by the incidents it rests on (unit screen.evidence). A list
// longer than mgListLimit is cut short and counted, as in the MG5's other
// cells, so that a long course of conduct does not make a row pages tall;
// the chronology lists every occasion.
func (f *mgForm) screeningReasons(l screen.ScreeningLine) string {
	texts := make([]string, len(l.Reasons))
	for i, r := range l.Reasons {
		texts[i] = r.Text
		if ids := r.Incidents; len(ids) > 0 {
			if len(ids) > mgListLimit {
				ids = append(slices.Clip(ids[:mgListLimit]), f.text("review.screening-more", mgVars{"N": len(ids) - mgListLimit}))
			}
			texts[i] += " " + f.text("screen.evidence", ids)
		}
	}
	if len(texts) > 1 {
		return "• " + strings.Join(texts, "\n• ")
	}
	return strings.Join(texts, "")
}
