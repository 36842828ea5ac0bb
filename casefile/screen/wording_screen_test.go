package screen

import (
	"errors"
	"testing"

	"github.com/spokit/spokit/casefile"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/law"
	"github.com/spokit/spokit/templates"
)

// A unit a static name reaches fails its first render in any test; one
// reached by a built name (a prefix joined to a value) fails only for the
// value that builds it, which an ordinary case may never have. So each
// family of built names is enumerated here from the tables and enums its
// values come from, and every unit rendered.

// screeningUnits lists, family by family, the wording units whose names the code
// builds at run time.
func screeningUnits(t *testing.T) map[string][]string {
	t.Helper()
	c, _ := casefile.Sample()
	families := map[string][]string{}
	add := func(family string, names ...string) { families[family] = append(families[family], names...) }

	// screen_report.go: screen.section.<key> and screen.intro.<key>, one
	// key per section the report has.
	rep, err := Screen(c, casefile.Date{}).Report(templates.Default())
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
	// screen_record.go: screen.reason.recording.include-<class kind>, a
	// code built from the classification.
	for _, cl := range []hocrClass{classStalking, classHarassment, classAggravated} {
		add("crime classification", "screen.reason.recording.include-"+cl.kind)
		assert.Contains(t, reasonCodes, "recording.include-"+cl.kind)
	}
	// screen_report.go: screen.reason.<code> for every code of the reason
	// table (reason_test.go renders each from its kind's facts).
	for code := range reasonCodes {
		add("reason", "screen.reason."+code)
	}
	return families
}

func TestEveryScreeningWordingUnitReachedByARuntimeNameExists(t *testing.T) {
	set := templates.Default()
	for family, names := range screeningUnits(t) {
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
