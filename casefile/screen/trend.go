package screen

import (
	"slices"

	"github.com/spokit/spokit/casefile"
)

// FrequencyTrend applies the screening's frequency trend rule (see
// Escalation.Trend) to the given occasions, in any order, and returns the
// trend with the occasions in the earlier and the later half of their
// period. Documents that chart a subset of the case (the acts an SPO
// application relies on) use it to state a trend that agrees with the
// screening's for the same occasions.
func FrequencyTrend(occasions []*casefile.Incident) (trend Trend, earlier, later int) {
	chron := slices.Clone(occasions)
	slices.SortStableFunc(chron, func(a, b *casefile.Incident) int { return a.Date.Compare(b.Date) })
	t, r := frequencyTrend(chron)
	if r.Halves == nil {
		return t, 0, 0
	}
	return t, r.Halves.Earlier, r.Halves.Later
}
