package spo

import (
	"fmt"
	"slices"
	"strings"
	"time"

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

// escalation lays out a chart of acts per month by kind of conduct.
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
	chart, starts, counts, span := escalationChart(dated)
	for _, m := range starts {
		end := m + span - 1
		chart.Categories = append(chart.Categories, b.t("spo.escalation.period", b.data("Months", span,
			"StartMonth", time.Month(m%12 + 1).String()[:3], "StartYear", m/12,
			"EndMonth", time.Month(end%12 + 1).String()[:3], "EndYear", end/12)))
	}
	for i := range chart.Series {
		name := chart.Series[i].Name
		s2a, _ := law.StalkingBehaviour(name)
		chart.Series[i].Name = b.t("spo.escalation.series", b.data("Name", name, "Paragraph", s2a.Paragraph))
	}
	chart.Title = b.t("spo.escalation.title", b.data("Months", span))
	chart.XLabel = b.t("spo.escalation.x-label", b.data("Months", span))
	chart.YLabel = b.t("spo.escalation.y-label", nil)
	d.BarChart(chart)

	var per []string
	for i, n := range counts {
		per = append(per, b.t("spo.escalation.count", b.data("Period", chart.Categories[i], "Count", n)))
	}
	d.Paragraph(b.t("spo.escalation.counts", b.data("Counts", per, "Months", span)))
	d.Text(pdfdoc.Text{Body: b.t("spo.escalation.note", b.data("Months", span, "Undated", len(b.a.Acts)-len(dated))), Style: pdfdoc.Small})
}

// escalationChart counts dated acts by period and kind of conduct. Periods
// are calendar months, or longer spans of months when the acts cover more
// than maxBars months; periods with no act are kept, as zero. The chart has
// no categories: starts gives the first month of each period (counted from
// January of year 0) for the caller to word; counts are acts per period;
// span is the months per period.
//
// An act with several kinds of conduct counts once for each. There are
// series for the s.2A(3) examples and the other kinds that occur, in
// vocabulary order; if that is more than the chart can tell apart, the
// other kinds share one series, named "other".
func escalationChart(acts []*casefile.Incident) (chart pdfdoc.BarChart, starts, counts []int, span int) {
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
	months := monthIndex(last) - monthIndex(first) + 1
	span = 1
	for _, s := range []int{1, 3, 6, 12} {
		span = s
		if (months+s-1)/s <= maxBars {
			break
		}
	}
	for (months+span-1)/span > maxBars {
		span *= 2
	}
	start := monthIndex(first) - (monthIndex(first) % span) // periods start on a multiple of the span
	bars := (monthIndex(last)-start)/span + 1
	bucket := func(d casefile.Date) int { return (monthIndex(d) - start) / span }

	kinds := seriesKinds(acts)
	values := make(map[string][]float64, len(kinds))
	for _, k := range kinds {
		values[k] = make([]float64, bars)
	}
	counts = make([]int, bars)
	for _, in := range acts {
		i := bucket(in.Date)
		counts[i]++
		for _, k := range actKinds(in, kinds) {
			values[k][i]++
		}
	}
	for i := range bars {
		starts = append(starts, start+i*span)
	}
	for _, k := range kinds {
		chart.Series = append(chart.Series, pdfdoc.Series{Name: k, Values: values[k]})
	}
	return chart, starts, counts, span
}

// maxSeries is how many series the chart can tell apart.
const maxSeries = 10

// seriesKinds returns the kinds of conduct the acts show, in vocabulary
// order, folding the kinds outside s.2A(3) into "other" when there would be
// too many series.
func seriesKinds(acts []*casefile.Incident) []string {
	present := map[string]bool{}
	for _, in := range acts {
		for _, x := range in.Behaviours {
			present[string(x)] = true
		}
	}
	var kinds, others []string
	for _, v := range casefile.Behaviour("").Values() {
		if !present[v] {
			continue
		}
		if casefile.Behaviour(v).IsStalking() {
			kinds = append(kinds, v)
		} else {
			others = append(others, v)
		}
	}
	// Values outside the vocabulary (a hand-built case) count as other.
	for v := range present {
		if !slices.Contains(casefile.Behaviour("").Values(), v) && !slices.Contains(others, string(casefile.OtherBehaviour)) {
			others = append(others, string(casefile.OtherBehaviour))
		}
	}
	if len(kinds)+len(others) > maxSeries {
		return append(kinds, string(casefile.OtherBehaviour))
	}
	return append(kinds, others...)
}

// actKinds returns the series an act counts in, each once.
func actKinds(in *casefile.Incident, kinds []string) []string {
	var out []string
	for _, x := range in.Behaviours {
		k := string(x)
		if !slices.Contains(kinds, k) {
			k = string(casefile.OtherBehaviour)
		}
		if slices.Contains(kinds, k) && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}
