package spo

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/pdfdoc"
)

// screening lays out the police's stalking screening of the case, for the
// court copy only: it follows the chronology and the escalation chart, so
// the court has read the acts before the screening that names them.
//
// The words are casefile.Screening.Report's, from the bundle's wording, so
// the bundle says what the screen command, the MG5 and the workbook say:
// the caveat first, then each part with its lines. The parts are not
// bookmarked: the index keeps to the application's own sections. The
// screening names incidents by their case-file ids, which the chronology
// does not print, so a table at the end gives each one's act, linked to its
// row.
//
// It is not in the service copy: it is a police decision aid about the
// respondent, not evidence relied on, like the findings.
func (b *builder) screening() {
	var s casefile.Screening
	if b.opts.Screening != nil {
		s = *b.opts.Screening
	} else {
		s = casefile.Screen(b.c, b.asOf)
	}
	rep, err := s.Report(b.set)
	if err != nil {
		if b.buildErr == nil {
			b.buildErr = fmt.Errorf("spo: wording: %w", err)
		}
		return
	}
	d := b.d
	d.PageBreak()
	d.Heading(1, b.t("spo.screening.heading", b.data("Title", rep.Title)), "screening")
	d.Text(pdfdoc.Text{Body: b.clean(rep.Caveat), Style: pdfdoc.Bold})
	d.Paragraph(b.t("spo.screening.intro", b.data()))
	for _, sec := range rep.Sections {
		d.Space(2)
		d.Text(pdfdoc.Text{Body: b.clean(sec.Heading), Style: pdfdoc.Bold})
		if sec.Intro != "" {
			d.Text(pdfdoc.Text{Body: b.clean(sec.Intro), Style: pdfdoc.Small})
		}
		if len(sec.Lines) == 0 {
			d.Paragraph(b.t("spo.screening.empty", nil))
			continue
		}
		d.Table(b.screeningLines(sec.Lines))
	}
	b.screeningIncidents(s.Incidents)
}

// screeningLines is a table of a part's lines. A part whose lines have no
// state (the s.2A(3) acts) has no state column.
func (b *builder) screeningLines(lines []casefile.ScreeningLine) pdfdoc.Table {
	states := slices.ContainsFunc(lines, func(l casefile.ScreeningLine) bool { return l.StateText != "" })
	t := pdfdoc.Table{Columns: []pdfdoc.Column{{Title: b.t("spo.column.screened", nil), Weight: 1.2}}}
	if states {
		t.Columns = append(t.Columns, pdfdoc.Column{Title: b.t("spo.column.state", nil), Width: 24})
	}
	t.Columns = append(t.Columns, pdfdoc.Column{Title: b.t("spo.column.reasons", nil), Weight: 3})
	for _, l := range lines {
		cells := []pdfdoc.Cell{{Text: b.clean(l.Label)}}
		if states {
			cells = append(cells, pdfdoc.Cell{Text: b.clean(l.StateText)})
		}
		t.Rows = append(t.Rows, pdfdoc.Row{Cells: append(cells, pdfdoc.Cell{Text: b.screeningReasons(l)})})
	}
	return t
}

// screeningListLimit is how many incidents a reason lists before it counts
// the rest, so that a long course of conduct does not make a row pages
// tall; the table of incidents after the screening lists every one.
const screeningListLimit = 30

// screeningReasons prints a line's reasons for a table cell: one a line,
// bulleted when there are several so that reasons that wrap stay apart,
// each followed by the incidents it rests on (unit screen.evidence), cut
// short at screeningListLimit.
func (b *builder) screeningReasons(l casefile.ScreeningLine) string {
	texts := make([]string, len(l.Reasons))
	for i, r := range l.Reasons {
		texts[i] = r.Text
		if ids := r.Incidents; len(ids) > 0 {
			if len(ids) > screeningListLimit {
				ids = append(slices.Clip(ids[:screeningListLimit]), b.r.Text("spo.screening.more", b.data("N", len(ids)-screeningListLimit)))
			}
			texts[i] += " " + b.r.Text("screen.evidence", ids)
		}
	}
	if len(texts) > 1 {
		return b.clean("• " + strings.Join(texts, "\n• "))
	}
	return b.clean(strings.Join(texts, ""))
}

// screeningIncidents lists the incidents the screening names, in date
// order, each with its act in the chronology (linked, with its page), or
// saying that it is not among the acts relied on.
func (b *builder) screeningIncidents(ids []string) {
	if len(ids) == 0 {
		return
	}
	act := map[*casefile.Incident]int{}
	for i, in := range b.a.Acts {
		if _, dup := act[in]; !dup && in != nil {
			act[in] = i + 1
		}
	}
	d := b.d
	d.Space(2)
	d.Text(pdfdoc.Text{Body: b.t("spo.screening.incidents", nil), Style: pdfdoc.Bold})
	t := pdfdoc.Table{Columns: []pdfdoc.Column{
		{Title: b.t("spo.column.incident", nil), Width: 24},
		{Title: b.t("spo.column.date", nil), Width: 36},
		{Title: b.t("spo.column.act", nil)},
		{Title: b.t("spo.column.chronology-page", nil), Width: 14, Align: pdfdoc.AlignRight},
	}}
	for _, id := range ids {
		in := b.x.Incident(id)
		row := []pdfdoc.Cell{{Text: b.clean(id)}, {}, {Text: b.t("spo.screening.not-relied-on", nil)}, {}}
		if in != nil {
			row[1].Text = b.orNot(in.Date.Long())
		}
		if n, ok := act[in]; ok && in != nil {
			anchor := b.actAnchor[in]
			row[2] = pdfdoc.Cell{Text: fmt.Sprint(n), Link: anchor}
			row[3] = pdfdoc.Cell{PageOf: anchor, Link: anchor}
		}
		t.Rows = append(t.Rows, pdfdoc.Row{Cells: row})
	}
	d.Table(t)
}
