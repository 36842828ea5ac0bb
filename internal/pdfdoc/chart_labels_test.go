package pdfdoc_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/spokit/spokit/internal/pdfdoc"
	"github.com/spokit/spokit/internal/realclient"
)

func TestChartLabelsStayWholeWhenBarsAreNarrow(t *testing.T) {
	for _, bars := range []int{6, 36} {
		t.Run(fmt.Sprint(bars, " bars"), func(t *testing.T) {
			var cats []string
			values := make([]float64, bars)
			for i := range bars {
				cats = append(cats, fmt.Sprintf("%s %d", time.Month(i%12 + 1).String()[:3], 2024+i/12))
				values[i] = float64(i % 3)
			}
			d := pdfdoc.New(opts())
			d.BarChart(pdfdoc.BarChart{Title: "Acts per month", Categories: cats, Series: []pdfdoc.Series{{Name: "Acts", Values: values}}})
			words := map[string]int{}
			for _, w := range realclient.Words(t, write(t, d)) {
				words[w.Text]++
			}
			// Each year appears whole under each of its bars: never broken
			// into pieces letter by letter.
			for y := 2024; y < 2024+(bars+11)/12; y++ {
				want := min(12, bars-(y-2024)*12)
				assert.Equal(t, want, words[fmt.Sprint(y)], "year %d", y)
			}
			assert.Zero(t, words["20"], "no label is split")
		})
	}
}

func TestChartOfCountsHasWholeNumberTicks(t *testing.T) {
	d := pdfdoc.New(opts())
	d.BarChart(pdfdoc.BarChart{Categories: []string{"a", "b"}, Series: []pdfdoc.Series{{Name: "Acts", Values: []float64{2, 1}}}})
	words := map[string]bool{}
	for _, w := range realclient.Words(t, write(t, d)) {
		words[w.Text] = true
	}
	assert.False(t, words["0.5"], "no tick between whole acts")
	assert.True(t, words["2"])
}
