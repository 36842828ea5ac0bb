package law

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The flags that decide which elements spokit judges, written from the fact
// sheet (PHA 1997 ss.2, 2A, 4, 4A, 7(3); SCA 2015 s.76; MCA 1988 s.1;
// CA 2003 s.127; MCA 1980 s.127).
func TestOffenceTableFlagsDriveTheJudgements(t *testing.T) {
	tests := []struct {
		code                                                     string
		course, stalking, fear, serious, connected, single, open bool
		limit                                                    TimeLimitKind
	}{
		{"PHA1997-s2", true, false, false, false, false, false, false, SummaryTimeLimit},
		{"PHA1997-s2A", true, true, false, false, false, false, false, SummaryTimeLimit},
		{"PHA1997-s4", true, false, true, false, false, false, false, NoTimeLimit},
		{"PHA1997-s4A", true, true, false, true, false, false, false, NoTimeLimit},
		{"SCA2015-s76", false, false, false, true, true, false, true, NoTimeLimit},
		{"MCA1988-s1", false, false, false, false, false, true, true, NoTimeLimit},
		{"CA2003-s127", false, false, false, false, false, true, true, ExtendedTimeLimit},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			o, ok := Lookup(tt.code)
			require.True(t, ok)
			assert.Equal(t, tt.course, o.CourseOfConduct, "course of conduct")
			assert.Equal(t, tt.stalking, o.Stalking, "stalking")
			assert.Equal(t, tt.fear, o.FearTwice, "fear twice")
			assert.Equal(t, tt.serious, o.SeriousEffect, "serious effect")
			assert.Equal(t, tt.connected, o.PersonalConnection, "personal connection")
			assert.Equal(t, tt.single, o.SingleAct, "single act")
			assert.Equal(t, tt.open, len(o.RecordCannotShow) > 0, "elements the record cannot show")
			assert.Equal(t, tt.limit, o.TimeLimit.Kind)
		})
	}
}

func TestFactsThatMayDecideErrorsAreNotUnverified(t *testing.T) {
	assert.True(t, CourseGap.Status.HardRule())
	assert.True(t, CCBChildExclusion.Status.HardRule())
	assert.True(t, CCBLivingTogetherRemoved.Status.HardRule())
	for _, o := range Offences() {
		if o.TimeLimit.Kind != NoTimeLimit {
			assert.True(t, o.TimeLimit.Status.HardRule(), o.Code)
		}
	}
	assert.False(t, Unverified.HardRule())
}
