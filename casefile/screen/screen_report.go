package screen

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spokit/spokit/casefile"

	"github.com/spokit/spokit/internal/law"
	"github.com/spokit/spokit/templates"
)

// ScreeningReport is a Screening put into words: the shared rendering every
// document prints a screening from, so a form, a bundle, a workbook sheet
// and the screen command all say the same thing. It holds plain text only
// (see package templates); the layout is the document's.
//
// A document prints Title, then Caveat (always: the screening is a decision
// aid, not a verdict), then each section's Heading and Intro and its lines.
// A table (a workbook sheet) can use Lines, one row per line.
type ScreeningReport struct {
	Title    string
	Caveat   string
	Sections []ScreeningSection
}

// ScreeningSection is one part of a screening report. Key is stable:
// "four", "behaviours", "triage", "escalation", "online", "recording",
// "spo", in that order.
type ScreeningSection struct {
	Key     string
	Heading string
	// Intro explains the section (e.g. that FOUR is not a legal test, or the
	// trend rule); it may be empty if a force blanks it.
	Intro string
	Lines []ScreeningLine
}

// ScreeningLine is one statement of a screening: an indicator, a behaviour,
// an offence for a victim, a signal, the recording or the SPO.
type ScreeningLine struct {
	// Section is the key of the section the line is in.
	Section string
	// Key is stable and unique within a report: "four.<kind>",
	// "behaviour.<behaviour>" (or "behaviour.none"), "triage.<offence
	// code>.<victim id>", "escalation.frequency", "escalation.<kind>",
	// "online.<kind>", "recording", "spo".
	Key   string
	Label string
	// State is the stable state value ("present", "absent", "unknown",
	// "fits", "possible", "does-not-fit", "rising", "stable", "falling",
	// "applied", "considered", "not-recorded"), for a document to colour or
	// sort by; empty for a line with no state (a behaviour). StateText is
	// the state in words.
	State     string
	StateText string
	// Reasons are the line's reasons in words, each with its incidents.
	Reasons []LineReason
	// Text is the reasons ready to print: one a line, each followed by the
	// incidents it rests on.
	Text string
	// Incidents are every incident the line rests on, in date order.
	Incidents []string
}

// LineReason is one reason of a line in words. Code is the Reason's code,
// or empty for text that is not a Reason (a behaviour's tally). Text does
// not list the incidents; Incidents does.
type LineReason struct {
	Code      string
	Text      string
	Incidents []string
	// Evidence are the other records the reason rests on, as JSON paths
	// (Reason.Evidence).
	Evidence []string
}

// Lines returns every line of the report, section by section.
func (r ScreeningReport) Lines() []ScreeningLine {
	var out []ScreeningLine
	for _, sec := range r.Sections {
		out = append(out, sec.Lines...)
	}
	return out
}

// wording is the data every screen.* unit is executed with: a reason (zero
// for units that are not reasons), the whole screening and the thresholds.
type wording struct {
	Reason
	Screening *Screening
	// The thresholds the screening uses, for the wording to print.
	WindowDays          int
	FixatedDays         int
	FixatedOccasions    int
	FixatedIntensity    int
	ObsessiveActs       int
	ObsessiveBehaviours int
	TrendMinActs        int
	TrendMinDays        int
	TrendMinShift       int
	NightFrom, NightTo  string
}

// behaviourWording is the data of the screen.behaviour.* units.
type behaviourWording struct {
	BehaviourTally
	Wording, Paragraph string
}

// triageWording is the data of screen.triage.label.
type triageWording struct {
	Offence    casefile.OffenceCode
	Title      string
	Citation   string
	Victim     string
	VictimName string
}

// Report puts the screening into words from set (templates.Default() for
// spokit's own wording, or a force's). It fails only when a unit of set
// does not render, naming the unit.
func (s Screening) Report(set *templates.Set) (ScreeningReport, error) {
	w := &reporter{s: &s, r: set.Renderer(), order: map[string]int{}}
	for i, id := range s.Incidents {
		w.order[id] = i
	}
	rep := ScreeningReport{
		Title:  w.r.Text("screen.title", w.data(Reason{})),
		Caveat: w.r.Text("screen.caveat", w.data(Reason{})),
	}
	rep.Sections = []ScreeningSection{w.four(), w.behaviours(), w.triage(), w.escalation(), w.online(), w.recording(), w.spo()}
	if err := w.r.Err(); err != nil {
		return ScreeningReport{}, fmt.Errorf("wording the screening of %s: %w", s.URN, err)
	}
	return rep, nil
}

// reporter renders one report; its Renderer keeps the first error.
type reporter struct {
	s     *Screening
	r     *templates.Renderer
	order map[string]int // incident id -> place in the chronology
}

func (w *reporter) data(r Reason) wording {
	return wording{Reason: r, Screening: w.s,
		WindowDays: windowDays, FixatedDays: fixatedMinDays, FixatedOccasions: fixatedMinOccasions, FixatedIntensity: fixatedIntensity, ObsessiveActs: obsessiveActsInWindow,
		ObsessiveBehaviours: obsessiveBehaviours, TrendMinActs: trendMinActs, TrendMinDays: trendMinDays, TrendMinShift: trendMinShift,
		NightFrom: fmt.Sprintf("%02d:00", nightFromHour), NightTo: fmt.Sprintf("%02d:59", nightToHour-1)}
}

func (w *reporter) section(key string, lines ...ScreeningLine) ScreeningSection {
	return ScreeningSection{Key: key, Heading: w.r.Text("screen.section."+key, w.data(Reason{})),
		Intro: w.r.Text("screen.intro."+key, w.data(Reason{})), Lines: lines}
}

// line builds a line from reasons, each put into words by its own unit.
func (w *reporter) line(section, key, label, state string, reasons []Reason) ScreeningLine {
	lr := make([]LineReason, len(reasons))
	for i, r := range reasons {
		lr[i] = LineReason{Code: r.Code, Text: w.r.Text("screen.reason."+r.Code, w.data(r)), Incidents: r.Incidents, Evidence: r.Evidence}
	}
	return w.lineOf(section, key, label, state, lr)
}

// lineOf builds a line from reasons already in words.
func (w *reporter) lineOf(section, key, label, state string, reasons []LineReason) ScreeningLine {
	l := ScreeningLine{Section: section, Key: key, Label: label, State: state, Reasons: reasons}
	if state != "" {
		l.StateText = w.r.Text("screen.state."+state, nil)
	}
	texts := make([]string, len(reasons))
	// A long campaign has reasons resting on a thousand incidents.
	seen := map[string]bool{}
	for i, r := range reasons {
		texts[i] = r.Text
		if len(r.Incidents) > 0 {
			texts[i] += " " + w.r.Text("screen.evidence", r.Incidents)
		}
		if len(r.Evidence) > 0 {
			texts[i] += " " + w.r.Text("screen.records", recordNames(r.Evidence))
		}
		for _, id := range r.Incidents {
			if !seen[id] {
				seen[id] = true
				l.Incidents = append(l.Incidents, id)
			}
		}
	}
	l.Text = strings.Join(texts, "\n")
	slices.SortStableFunc(l.Incidents, func(a, b string) int { return w.place(a) - w.place(b) })
	return l
}

// place returns an incident's place in the chronology; ids the screening
// does not know sort last.
func (w *reporter) place(id string) int {
	if i, ok := w.order[id]; ok {
		return i
	}
	return len(w.order)
}

func (w *reporter) indicators(section string, list []Indicator) []ScreeningLine {
	out := make([]ScreeningLine, len(list))
	for i, ind := range list {
		out[i] = w.line(section, section+"."+string(ind.Kind), w.r.Text("screen.indicator."+string(ind.Kind), ind), ind.State.String(), ind.Reasons)
	}
	return out
}

func (w *reporter) four() ScreeningSection {
	return w.section("four", w.indicators("four", w.s.FOUR)...)
}

func (w *reporter) behaviours() ScreeningSection {
	if len(w.s.Behaviours) == 0 {
		return w.section("behaviours", w.lineOf("behaviours", "behaviour.none", w.r.Text("screen.behaviours.none", nil), "", nil))
	}
	var lines []ScreeningLine
	for _, t := range w.s.Behaviours {
		data := behaviourWording{BehaviourTally: t}
		if lb, ok := law.StalkingBehaviour(string(t.Behaviour)); ok {
			data.Wording, data.Paragraph = lb.Wording, lb.Paragraph
		}
		text := w.r.Text("screen.behaviour.text", data)
		lines = append(lines, w.lineOf("behaviours", "behaviour."+string(t.Behaviour), w.r.Text("screen.behaviour."+string(t.Behaviour), data), "",
			[]LineReason{{Text: text, Incidents: t.Incidents}}))
	}
	return w.section("behaviours", lines...)
}

func (w *reporter) triage() ScreeningSection {
	names := map[string]string{}
	for _, v := range w.s.Victims {
		names[v.ID] = v.Name
	}
	var lines []ScreeningLine
	for _, l := range w.s.Triage {
		data := triageWording{Offence: l.Offence, Title: string(l.Offence), Victim: l.Victim, VictimName: names[l.Victim]}
		if off, ok := law.Lookup(string(l.Offence)); ok {
			data.Title, data.Citation = off.Title, off.Citation
		}
		lines = append(lines, w.line("triage", "triage."+string(l.Offence)+"."+l.Victim, w.r.Text("screen.triage.label", data), l.State.String(), l.Reasons))
	}
	return w.section("triage", lines...)
}

func (w *reporter) escalation() ScreeningSection {
	e := w.s.Escalation
	freq := w.line("escalation", "escalation.frequency", w.r.Text("screen.escalation.frequency", w.data(Reason{})), e.Trend.String(), e.Frequency)
	return w.section("escalation", append([]ScreeningLine{freq}, w.indicators("escalation", e.Signals)...)...)
}

func (w *reporter) online() ScreeningSection {
	return w.section("online", w.indicators("online", w.s.Online)...)
}

func (w *reporter) recording() ScreeningSection {
	rec := w.s.Recording
	return w.section("recording", w.line("recording", "recording", w.r.Text("screen.recording.label", w.data(Reason{})), rec.State.String(), rec.Reasons))
}

func (w *reporter) spo() ScreeningSection {
	return w.section("spo", w.line("spo", "spo", w.r.Text("screen.spo.label", w.data(Reason{})), w.s.SPO.State.String(), w.s.SPO.Reasons))
}

// recordNames names records given as JSON paths for a reader:
// "relationships[0]" is "relationship record 1".
func recordNames(paths []string) []string {
	names := map[string]string{"relationships": "relationship record", "impact": "impact record", "warnings_and_orders": "warning or order"}
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = p
		field, idx, ok := strings.Cut(strings.TrimSuffix(p, "]"), "[")
		if n, err := strconv.Atoi(idx); ok && err == nil && names[field] != "" {
			out[i] = fmt.Sprintf("%s %d", names[field], n+1)
		}
	}
	return out
}
