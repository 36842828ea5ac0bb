package casefile

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clock returns the time written HH:MM; the literals are the tests' own.
func clock(s string) Clock {
	c, err := ParseClock(s)
	if err != nil {
		panic(err)
	}
	return c
}

func TestChronologyOrdersByDateThenTimeWithUntimedFirstOnItsDay(t *testing.T) {
	c := baselineCase()
	c.Incidents = []Incident{
		{ID: "A", Date: ymd("2024-03-02"), Time: clock("12:00")},
		{ID: "B", Date: ymd("2024-03-01"), Time: clock("18:00")},
		{ID: "C", Date: ymd("2024-03-02")},
		{ID: "D", Date: ymd("2024-03-02"), Time: clock("09:30")},
		{ID: "E", Date: ymd("2024-03-01"), Time: clock("08:00")},
		{ID: "F", Date: ymd("2024-03-02")},
		{ID: "G", Date: ymd("2024-02-29"), Time: clock("23:59")},
		{ID: "H", Date: ymd("2024-03-02"), Time: clock("09:30")},
	}
	assert.Equal(t, []string{"G", "E", "B", "C", "F", "D", "H", "A"}, IncidentIDs(NewIndex(c).Chronology()))
	assert.Equal(t, "A", c.Incidents[0].ID, "Chronology must not reorder the case")
}

func TestCourseIsTheChargesIncidentsAgainstTheVictimWithinInclusiveDates(t *testing.T) {
	incident := func(id, date string, victims ...string) Incident {
		return Incident{ID: id, Date: ymd(date), Behaviours: []Behaviour{Contacting}, Victims: victims}
	}
	c := baselineCase()
	addPerson(c, "V2", RoleVictim, "Cerys", "Hale")
	c.Incidents = []Incident{
		incident("I5", "2024-05-01", "V1"),
		incident("I1", "2024-01-01", "V1"),
		incident("I2", "2024-02-01", "V2"),
		incident("I3", "2024-03-01", "V1", "V2"),
		incident("I4", "2024-04-01", "V1"),
	}
	c.Incidents[4].Suspect = "S1"
	tests := []struct {
		name     string
		victim   string
		from, to string
		want     []string
	}{
		{name: "open dates give every incident against the victim, in date order", victim: "V1", want: []string{"I1", "I3", "I4", "I5"}},
		{name: "incidents against another victim are left out", victim: "V2", want: []string{"I2", "I3"}},
		{name: "from and to are inclusive", victim: "V1", from: "2024-03-01", to: "2024-04-01", want: []string{"I3", "I4"}},
		{name: "the day after from and before to leave the ends out", victim: "V1", from: "2024-03-02", to: "2024-03-31", want: nil},
		{name: "from alone", victim: "V1", from: "2024-04-01", want: []string{"I4", "I5"}},
		{name: "to alone", victim: "V1", to: "2024-01-01", want: []string{"I1"}},
		{name: "someone with no incidents", victim: "O1", want: nil},
	}
	x := NewIndex(c)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := &Charge{ID: "C1", Offence: Stalking, Victims: []string{tt.victim}, Status: Proposed}
			if tt.from != "" {
				ch.From = ymd(tt.from)
			}
			if tt.to != "" {
				ch.To = ymd(tt.to)
			}
			got := x.Course(ch, tt.victim)
			if tt.want == nil {
				assert.Empty(t, got)
				return
			}
			assert.Equal(t, tt.want, IncidentIDs(got))
		})
	}
}

func TestCourseLeavesOutIncidentsByAnyoneButTheOnlySuspect(t *testing.T) {
	c := baselineCase()
	addPerson(c, "W1", RoleWitness, "Alun", "Price")
	c.Incidents[1].Suspect = "W1"
	c.Incidents[2].Suspect = "S1"
	assert.Equal(t, []string{"I1", "I3"}, IncidentIDs(NewIndex(c).Course(&c.Charges[0], "V1")))
}

func TestCourseCountsIncidentsByEverySuspectWhenThereAreSeveral(t *testing.T) {
	c := baselineCase()
	addPerson(c, "S2", RoleSuspect, "Ross", "Tait")
	c.Incidents[0].Suspect = "S1"
	c.Incidents[1].Suspect = "S2"
	assert.Equal(t, []string{"I1", "I2", "I3"}, IncidentIDs(NewIndex(c).Course(&c.Charges[0], "V1")))
}

func TestSuspectOfDefaultsToTheOnlySuspect(t *testing.T) {
	c := baselineCase()
	x := NewIndex(c)
	assert.Equal(t, "S1", x.SuspectOf(&c.Incidents[0]))

	addPerson(c, "S2", RoleSuspect, "Ross", "Tait")
	c.Incidents[1].Suspect = "S2"
	x = NewIndex(c)
	assert.Empty(t, x.SuspectOf(&c.Incidents[0]), "two suspects and none named: undetermined")
	assert.Equal(t, "S2", x.SuspectOf(&c.Incidents[1]))
	require.Len(t, x.Suspects(), 2)
	assert.Equal(t, "S1", x.Suspects()[0].ID)
}

func TestIndexLooksUpByIDAndTheFirstOfTwoWins(t *testing.T) {
	c := baselineCase()
	c.People = append(c.People, Person{ID: "V1", Role: RoleWitness, Forenames: "Later", Surname: "Duplicate"})
	x := NewIndex(c)
	require.NotNil(t, x.Person("V1"))
	assert.Equal(t, "Ffion Hale", x.Person("V1").Name())
	assert.Nil(t, x.Person("I1"), "an incident id is not a person")
	assert.Equal(t, "2024-11-02", x.Incident("I2").Date.String())
	assert.Equal(t, "V1", x.Statement("ST1").Person)
	assert.Equal(t, "O1", x.Exhibit("NC/1").ProducedBy)
	assert.Nil(t, x.Exhibit("NC/2"))
	assert.Same(t, c, x.Case())
}

func TestRelationshipIsFoundWhicheverWayRoundItIsRecorded(t *testing.T) {
	c := baselineCase()
	x := NewIndex(c)
	require.NotNil(t, x.Relationship("S1", "V1"))
	assert.Same(t, x.Relationship("S1", "V1"), x.Relationship("V1", "S1"))
	assert.Equal(t, ExPartner, x.Relationship("V1", "S1").Type)
	assert.Nil(t, x.Relationship("S1", "O1"))
}

func TestImpactOnReturnsOnlyThatVictimsImpact(t *testing.T) {
	c := baselineCase()
	c.Impact = append(c.Impact, Impact{Victim: "V2", SeriousAlarmOrDistress: true})
	x := NewIndex(c)
	require.Len(t, x.ImpactOn("V1"), 1)
	assert.Equal(t, []string{"changed route to work"}, x.ImpactOn("V1")[0].Effects)
	assert.Empty(t, x.ImpactOn("S1"))
}
