package casefile

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/law"
	"github.com/spokit/spokit/templates"
)

// runtimeUnits lists, family by family, every wording unit whose name the
// code builds at run time (a prefix joined to a value), enumerated from the
// tables and enums the values come from. A unit a static name reaches fails
// its first render in any test; one reached by a built name fails only for
// the value that builds it, which an ordinary case may never have.
func runtimeUnits(t *testing.T) map[string][]string {
	t.Helper()
	c := baselineCase()
	c.Statements = append(c.Statements, Statement{ID: "S-extra", Person: c.People[0].ID, Date: c.Incidents[0].Date, Text: "x"})
	families := map[string][]string{}
	add := func(family string, names ...string) { families[family] = append(families[family], names...) }

	// forms.go: f.label(code + ".title"), one code per form writer.
	for _, f := range Forms(c) {
		code, _, _ := strings.Cut(strings.TrimSuffix(f.Name, ".pdf"), "-")
		add("form title", strings.ToLower(code)+".title")
	}
	add("form title", "review.title") // WriteCaseReview
	// afterorder_docs.go: f.code + ".title" and ".note" of the breach
	// schedule and the notification timeline; the scope misses, duty kinds
	// and duty statuses by value.
	add("after-order document", "breach.title", "breach.note", "notify.title", "notify.note")
	for _, k := range []string{"before-term", "after-term", "behaviour", "place", "person"} {
		add("scope miss", "breach.scope-"+k)
	}
	for _, k := range NotificationKind("").Values() {
		add("notification kind", "notify.kind-"+k)
	}
	for _, st := range []DutyStatus{DutyMet, DutyLate, DutyMissed, DutyDue, DutyNotRequired, DutySuspended} {
		add("duty status", "notify.status-"+string(st))
	}
	// forms.go: "mg.severity-" + Severity.String(), for every severity.
	for _, s := range []Severity{Info, Warning, Error} {
		add("finding severity", "mg.severity-"+s.String())
	}
	// mg3.go: "mg3.mode-" + the mode of trial of every offence, plain and
	// aggravated.
	for _, off := range law.Offences() {
		forms := []law.Offence{off}
		for _, a := range Aggravation("").Values() {
			if agg, err := off.Aggravated(law.Aggravation(a)); err == nil {
				forms = append(forms, agg)
			}
		}
		for _, o := range forms {
			add("mode of trial", "mg3.mode-"+strings.ReplaceAll(o.Mode.String(), " ", "-"))
		}
	}
	// mg3.go timeLimit: "mg3.limit-" + the kind it maps each time limit to.
	add("time limit", "mg3.limit-none", "mg3.limit-summary", "mg3.limit-extended")
	// mg3.go decision: "mg3.spo-" + Decision.
	for _, d := range Decision("").Values() {
		add("SPO decision", "mg3.spo-"+d)
	}
	// screen_report.go: screen.section.<key> and screen.intro.<key>, one
	// key per section the report has.
	rep, err := Screen(c, Date{}).Report(templates.Default())
	require.NoError(t, err)
	for _, sec := range rep.Sections {
		add("screening section", "screen.section."+sec.Key, "screen.intro."+sec.Key)
	}
	// screen_report.go: screen.state.<state> for every state of every
	// enum a line carries.
	for _, names := range [][]string{indicatorStateNames, triageStateNames, spoStateNames[:], trendNames} {
		for _, n := range names {
			add("line state", "screen.state."+n)
		}
	}
	// screen_report.go: screen.indicator.<kind>.
	for _, k := range []IndicatorKind{Fixated, Obsessive, Unwanted, Repeated, OnlineToPhysical, ThreatsOrViolence, NightAtHome,
		ThirdParties, OrderBreached, OnlineActs, Platforms, OnlineMonitoring, OnlinePublishing, FakeProfiles} {
		add("indicator", "screen.indicator."+string(k))
	}
	// screen_report.go: screen.behaviour.<behaviour>, for each behaviour
	// the screening tallies (the s.2A(3) examples).
	for _, b := range law.StalkingBehaviours() {
		add("behaviour", "screen.behaviour."+b.Name)
	}
	// screen_record.go: screen.reason.recording.include-<class kind>.
	for _, cl := range []hocrClass{classStalking, classHarassment, classAggravated} {
		add("crime classification", "screen.reason.recording.include-"+cl.kind)
	}
	// screen_triage.go, screen_record.go: reason codes chosen by a switch.
	add("chosen reason", "screen.reason.element.met", "screen.reason.element.open", "screen.reason.element.not-met",
		"screen.reason.spo.not-indicated", "screen.reason.spo.not-recorded")
	return families
}

func TestEveryWordingUnitReachedByARuntimeNameExists(t *testing.T) {
	set := templates.Default()
	for family, names := range runtimeUnits(t) {
		t.Run(family, func(t *testing.T) {
			require.NotEmpty(t, names)
			for _, name := range names {
				// Rendered without data: a unit that needs data fails on
				// it, which is not what this test is about.
				_, err := set.Render(name, nil)
				assert.False(t, errors.Is(err, templates.ErrUnknownUnit), "no wording unit %q", name)
			}
		})
	}
}
