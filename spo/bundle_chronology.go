package spo

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spokit/spokit/casefile/screen"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/law"
	"github.com/spokit/spokit/internal/pdfdoc"
)

// chronology lays out the acts relied on, in date order, each with the
// evidence for it linked to the statement or exhibit.
func (b *builder) chronology() {
	d, a := b.d, b.a
	d.PageBreak()
	d.Heading(1, b.t("spo.chronology.heading", nil), "chronology")
	d.Paragraph(b.t("spo.chronology.intro", b.data("Count", len(a.Acts))))
	if len(a.Acts) == 0 {
		return
	}
	t := pdfdoc.Table{Columns: []pdfdoc.Column{
		{Title: b.t("spo.column.number", nil), Width: 9},
		{Title: b.t("spo.column.date-time", nil), Width: 22},
		{Title: b.t("spo.column.place", nil), Width: 25},
		{Title: b.t("spo.column.conduct", nil), Width: 36},
		{Title: b.t("spo.column.what-happened", nil)},
		{Title: b.t("spo.column.evidence", nil), Width: 27},
	}}
	for i, in := range a.Acts {
		if in == nil {
			continue
		}
		evidence := pdfdoc.Cell{Links: b.evidence(in)}
		if len(evidence.Links) == 0 {
			evidence.Text = b.t("spo.evidence.none", nil)
		}
		t.Rows = append(t.Rows, pdfdoc.Row{Anchor: b.actAnchor[in], Cells: []pdfdoc.Cell{
			{Text: fmt.Sprint(i + 1), Bold: true},
			{Text: b.when(in)},
			{Text: b.orNot(in.Location)},
			{Text: b.conduct(in.Behaviours)},
			{Text: b.orNot(in.Description)},
			evidence,
		}})
	}
	d.Table(t)
}

// when prints an act's date, time and any last day.
func (b *builder) when(in *casefile.Incident) string {
	return b.t("spo.chronology.when", b.data(
		"Date", in.Date.Long(), "Time", in.Time.String(), "EndDate", in.EndDate.Long()))
}

// conduct prints an act's kinds of conduct, one a line, with the s.2A(3)
// wording for the seven examples of acts associated with stalking.
func (b *builder) conduct(bs []casefile.Behaviour) string {
	lines := make([]string, 0, len(bs))
	for _, x := range bs {
		if s2a, ok := law.StalkingBehaviour(string(x)); ok {
			lines = append(lines, b.t("spo.behaviour.stalking", b.data(
				"Name", s2a.Name, "Paragraph", s2a.Paragraph, "Wording", s2a.Wording)))
		} else {
			lines = append(lines, b.t("spo.behaviour.name", b.data("Name", string(x))))
		}
	}
	if len(lines) == 0 {
		return b.t("common.not-recorded", nil)
	}
	return strings.Join(lines, "\n")
}

// evidence returns one linked entry for each statement and exhibit an act
// cites. The service copy leaves out sensitive exhibits altogether.
func (b *builder) evidence(in *casefile.Incident) []pdfdoc.CellLink {
	var out []pdfdoc.CellLink
	for _, id := range in.Statements {
		c := pdfdoc.CellLink{Text: b.t("spo.evidence.statement", b.data("ID", b.clean(id)))}
		if b.x.Statement(id) != nil {
			c.Link = b.stAnchor[id]
		}
		out = append(out, c)
	}
	for _, ref := range in.Exhibits {
		e := b.x.Exhibit(ref)
		if e != nil && e.Sensitive {
			continue
		}
		c := pdfdoc.CellLink{Text: b.t("spo.evidence.exhibit", b.data("Ref", b.clean(ref)))}
		if e != nil {
			c.Link = b.exAnchor[ref]
		}
		out = append(out, c)
	}
	return out
}

// maxBars is the most bars the escalation chart draws; a longer span of
// acts is counted in longer periods so that every label stays readable.
const maxBars = 36

// escalation lays out a chart of acts per period. Each act counts once, in
// one series: violence, else threats, else other conduct, so a bar's height
// is the number of acts in its period. Under it: the count per period and
// the trend by the screening's rule (casefile.FrequencyTrend) over the same
// acts.
func (b *builder) escalation() {
	d := b.d
	d.PageBreak()
	d.Heading(1, b.t("spo.escalation.heading", nil), "escalation")
	var dated []*casefile.Incident
	for _, in := range b.a.Acts {
		if in != nil && !in.Date.IsZero() {
			dated = append(dated, in)
		}
	}
	if len(dated) == 0 {
		d.Paragraph(b.t("spo.escalation.none", nil))
		return
	}
	chart, periods, counts, unit := escalationChart(dated)
	for _, p := range periods {
		chart.Categories = append(chart.Categories, b.t("spo.escalation.period", b.data("Unit", unit,
			"Day", p.from.Day(), "StartMonth", p.from.Month().String()[:3], "StartYear", p.from.Year(),
			"Quarter", (int(p.from.Month())+2)/3, "EndYear", p.to.Year())))
	}
	for i := range chart.Series {
		chart.Series[i].Name = b.t("spo.escalation.series", b.data("Name", chart.Series[i].Name))
	}
	chart.Title = b.t("spo.escalation.title", b.data("Unit", unit))
	chart.XLabel = b.t("spo.escalation.x-label", b.data("Unit", unit))
	chart.YLabel = b.t("spo.escalation.y-label", nil)
	d.BarChart(chart)

	var per []string
	for i, n := range counts {
		if n > 0 {
			per = append(per, b.t("spo.escalation.count", b.data("Period", chart.Categories[i], "Count", n)))
		}
	}
	d.Paragraph(b.t("spo.escalation.counts", b.data("Counts", per, "Unit", unit)))
	trend, earlier, later := screen.FrequencyTrend(dated)
	d.Paragraph(b.t("spo.escalation.trend", b.data("Trend", trend.String(), "Earlier", earlier, "Later", later)))
	d.Text(pdfdoc.Text{Body: b.t("spo.escalation.note", b.data("Unit", unit, "Undated", len(b.a.Acts)-len(dated))), Style: pdfdoc.Small})
}

// period is one bar of the escalation chart: the days from and to.
type period struct{ from, to casefile.Date }

// The series of the escalation chart, in stacking order.
const (
	seriesViolence = "violence"
	seriesThreats  = "threats"
	seriesOther    = "other-acts"
)

// escalationChart counts dated acts by period: weeks (from Monday) when
// they span at most 13 weeks, calendar months up to maxBars months,
// quarters up to maxBars quarters, else years (several a bar when needed).
// Periods with no act are kept, as zero. Each act counts once, in the
// series of its most serious conduct (violence, threats, other), so the
// series of a period add up to counts, the acts in it. The chart has no
// categories: the caller words periods; unit is week, month, quarter or
// year.
func escalationChart(acts []*casefile.Incident) (chart pdfdoc.BarChart, periods []period, counts []int, unit string) {
	first, last := acts[0].Date, acts[0].Date
	for _, in := range acts {
		if in.Date.Before(first) {
			first = in.Date
		}
		if in.Date.After(last) {
			last = in.Date
		}
	}
	monthIndex := func(d casefile.Date) int { return d.Year()*12 + int(d.Month()) - 1 }
	fromMonth := func(m int) casefile.Date { return casefile.NewDate(m/12, time.Month(m%12+1), 1) }
	months := monthIndex(last) - monthIndex(first) + 1
	var bucket func(casefile.Date) int
	switch {
	case first.DaysUntil(last) < 13*7:
		unit = "week"
		monday := first.AddDays(-((int(first.Time().Weekday()) + 6) % 7))
		for d := monday; !d.After(last); d = d.AddDays(7) {
			periods = append(periods, period{d, d.AddDays(6)})
		}
		bucket = func(d casefile.Date) int { return monday.DaysUntil(d) / 7 }
	default:
		span := 1
		unit = "month"
		switch {
		case months <= maxBars:
		case (months+2)/3+1 <= maxBars:
			span, unit = 3, "quarter"
		default:
			unit = "year"
			span = 12
			for (months+span-1)/span+1 > maxBars {
				span += 12
			}
		}
		start := monthIndex(first) - monthIndex(first)%span // periods start on a multiple of the span
		for m := start; m <= monthIndex(last); m += span {
			periods = append(periods, period{fromMonth(m), fromMonth(m + span).AddDays(-1)})
		}
		bucket = func(d casefile.Date) int { return (monthIndex(d) - start) / span }
	}
	names := []string{seriesViolence, seriesThreats, seriesOther}
	values := make([][]float64, len(names))
	for i := range values {
		values[i] = make([]float64, len(periods))
	}
	counts = make([]int, len(periods))
	for _, in := range acts {
		i := bucket(in.Date)
		counts[i]++
		values[actSeries(in)][i]++
	}
	for i, n := range names {
		chart.Series = append(chart.Series, pdfdoc.Series{Name: n, Values: values[i]})
	}
	return chart, periods, counts, unit
}

// actSeries is the series an act counts in: 0 violence, 1 threats, 2 other.
func actSeries(in *casefile.Incident) int {
	switch {
	case slices.Contains(in.Behaviours, casefile.Violence):
		return 0
	case slices.Contains(in.Behaviours, casefile.Threats):
		return 1
	}
	return 2
}
