package screen

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
)

func TestBreachOfAnOrderAfterServiceIsEscalation(t *testing.T) {
	tests := []struct {
		name      string
		c         *casefile.Case
		state     IndicatorState
		code      string
		incidents []string
	}{
		{"no order made", screenCase("2025-06-01", occ("I1", "2025-01-05", "Rang her.")), IndicatorAbsent, "escalation.no-order-breach", nil},
		{"an order and no breach", withSPO(screenCase("2025-06-01", occ("I1", "2025-01-05", "Rang her.")), "2025-02-03", "2025-02-03"),
			IndicatorAbsent, "escalation.no-order-breach", nil},
		{"breaches after service", breachedAfterService(), IndicatorPresent, "escalation.order-breach", []string{"I3", "I4"}},
		{"a breach named before service", breachedBeforeService(), IndicatorUnknown, "escalation.order-breach-unserved", []string{"I2"}},
		{"a breach named of an order never served", withSPO(screenCase("2025-06-01", breaching(occ("I1", "2025-03-05", "Rang her."), 1)), "2025-02-03", ""),
			IndicatorUnknown, "escalation.order-breach-unserved", []string{"I1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind := indicatorOf(t, Screen(tt.c, casefile.Date{}).Escalation.Signals, OrderBreached)
			assert.Equal(t, tt.state, ind.State)
			require.Len(t, ind.Reasons, 1)
			assert.Equal(t, tt.code, ind.Reasons[0].Code)
			if tt.incidents != nil {
				assert.Equal(t, tt.incidents, ind.Reasons[0].Incidents)
			}
		})
	}
	r := indicatorOf(t, Screen(breachedAfterService(), casefile.Date{}).Escalation.Signals, OrderBreached).Reasons[0]
	assert.Equal(t, []string{"orders[0]"}, r.Evidence)
	assert.Equal(t, &OrderBreach{Order: "ORD1", Served: ymd("2025-02-04"), Count: 2}, r.Breach)
}
