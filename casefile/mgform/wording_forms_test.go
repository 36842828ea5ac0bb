package mgform

import (
	"errors"
	"strings"
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

// formUnits lists, family by family, the wording units whose names the code
// builds at run time.
func formUnits(t *testing.T) map[string][]string {
	t.Helper()
	c, _ := casefile.Sample()
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
	for _, k := range casefile.NotificationKind("").Values() {
		add("notification kind", "notify.kind-"+k)
	}
	for _, st := range []casefile.DutyStatus{casefile.DutyMet, casefile.DutyLate, casefile.DutyMissed, casefile.DutyDue, casefile.DutyNotRequired, casefile.DutySuspended} {
		add("duty status", "notify.status-"+string(st))
	}
	// forms.go: "mg.severity-" + Severity.String(), for every severity.
	for _, s := range []casefile.Severity{casefile.Info, casefile.Warning, casefile.Error} {
		add("finding severity", "mg.severity-"+s.String())
	}
	// mg3.go: "mg3.mode-" + the mode of trial of every offence, plain and
	// aggravated.
	for _, off := range law.Offences() {
		forms := []law.Offence{off}
		for _, a := range casefile.Aggravation("").Values() {
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
	for _, d := range casefile.Decision("").Values() {
		add("SPO decision", "mg3.spo-"+d)
	}
	return families
}

func TestEveryFormWordingUnitReachedByARuntimeNameExists(t *testing.T) {
	set := templates.Default()
	for family, names := range formUnits(t) {
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
