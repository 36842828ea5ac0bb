package casefile

import (
	"fmt"
	"io/fs"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ymd returns the date written YYYY-MM-DD. The literals are the tests' own,
// so a malformed one is a bug in the test and stops it at once.
func ymd(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// baselineCase returns a sound, fictional case: one suspect stalking one
// victim (his ex-partner) on three occasions, two of them in fear of
// violence, with a statement, an exhibit, an impact record and a proposed
// s.4A charge whose from and to are exactly the first and last occasions.
// It validates with no findings at all, so a test changes one thing and sees
// exactly the rule it is about.
func baselineCase() *Case {
	return &Case{
		Format: FormatV1,
		URN:    "07CW0456125",
		AsOf:   ymd("2025-02-01"),
		Force: Force{
			Name:         "Cheshire Constabulary",
			Code:         "07",
			PoliceArea:   "Cheshire",
			ChiefOfficer: "Chief Constable of Cheshire Constabulary",
		},
		OfficerInCase: "O1",
		People: []Person{
			{ID: "V1", Role: RoleVictim, Forenames: "Ffion", Surname: "Hale", WitnessCare: &WitnessCare{
				WillingToAttend: new(true), NoDatesToAvoid: true, VPSOffered: new(true),
			}},
			{ID: "S1", Role: RoleSuspect, Forenames: "Gareth", Surname: "Lund"},
			{ID: "O1", Role: RoleOfficer, Forenames: "Nia", Surname: "Carver", Rank: "DC", Number: "3301"},
		},
		Relationships: []Relationship{{Between: []string{"S1", "V1"}, Type: ExPartner, LivedTogether: true}},
		Incidents: []Incident{
			{
				ID: "I1", Date: ymd("2024-10-05"), Behaviours: []Behaviour{Contacting, Threats},
				Description: "Sent twenty messages in an hour saying she would regret leaving him.",
				Victims:     []string{"V1"}, VictimFearedViolence: true, Statements: []string{"ST1"},
			},
			{
				ID: "I2", Date: ymd("2024-11-02"), Behaviours: []Behaviour{Following},
				Description: "Followed her on foot from the bus stop to her front door.",
				Victims:     []string{"V1"}, Statements: []string{"ST1"},
			},
			{
				ID: "I3", Date: ymd("2024-12-14"), Behaviours: []Behaviour{Watching, Loitering},
				Description: "Stood outside her home for an hour after midnight.",
				Victims:     []string{"V1"}, VictimFearedViolence: true,
				Statements: []string{"ST1"}, Exhibits: []string{"NC/1"},
			},
		},
		Statements: []Statement{{
			ID: "ST1", Person: "V1", Date: ymd("2025-01-10"), Place: "Widnes Police Station", TakenBy: "O1",
			Text: "Since I ended the relationship he has contacted me, followed me and waited outside my home.\n\nI now take a different route to work.",
		}},
		Exhibits: []Exhibit{{
			Ref: "NC/1", Description: "Doorbell camera still, 14 December 2024", ProducedBy: "O1",
			SeizedDate: ymd("2025-01-10"),
		}},
		Impact: []Impact{{
			Victim: "V1", SeriousAlarmOrDistress: true, Effects: []string{"changed route to work"}, Statement: "ST1",
		}},
		Charges: []Charge{{
			ID: "C1", Offence: StalkingFear, Victims: []string{"V1"},
			From: ymd("2024-10-05"), To: ymd("2024-12-14"), Status: Proposed,
		}},
		Interview:   &Interview{Date: ymd("2025-01-15"), NoComment: true},
		Antecedents: &Antecedents{Checked: ymd("2025-01-15")},
		Bail:        &Bail{Status: PoliceBail, Until: ymd("2025-02-20"), Conditions: []string{"Not to contact Ffion Hale"}},
		OfficerAssessment: &OfficerAssessment{By: "O1", Date: ymd("2025-01-20"),
			Evidential: "Her account is supported by the doorbell camera.", PublicInterest: "Escalating conduct by an ex-partner."},
		SupervisorReview: &SupervisorReview{By: "O1", Date: ymd("2025-01-21"), Comments: "Ready for a charging decision."},
		VictimViews:      []VictimViews{{Victim: "V1", Views: "Supports a prosecution."}},
		RestrainingOrder: &RestrainingOrder{OnConviction: true, Protected: []string{"V1"}, Terms: []string{"Not to contact Ffion Hale."}, VictimViews: "Agrees."},
	}
}

// addPerson adds a fictional person to the case.
func addPerson(c *Case, id string, role Role, forenames, surname string) {
	c.People = append(c.People, Person{ID: id, Role: role, Forenames: forenames, Surname: surname})
}

// spoAgainst returns a complete SPO application against respondent that
// protects the given people.
func spoAgainst(respondent string, protected ...string) *SPO {
	return &SPO{
		Court:      "Halton Magistrates' Court",
		Respondent: respondent,
		Protected:  protected,
		AreaBasis:  Resides,
		Risk:       "He has followed and watched her at home since the relationship ended.",
		RiskKind:   []RiskKind{"psychological"},
		Necessity:  "The conduct continued after a warning.",
		Terms: []Term{{
			Kind: Prohibition, Text: "Not to contact the protected persons directly or indirectly.",
			Necessity: "Most of the conduct was contact.", Protects: protected,
		}},
		Duration: "2y",
	}
}

// ruleSpec is a rule as rules.md states it: its ID, severity, and the
// citations its findings must carry (none listed for integrity rules, which
// rest on the format, not statute).
type ruleSpec struct {
	id    string
	sev   Severity
	cites []string
}

// ruleTest is one row of a rule's table: a change to the baseline case, the
// Validate options, and every finding of the rule that must follow, in
// order. An empty want means the rule must stay quiet.
type ruleTest struct {
	name  string
	edit  func(c *Case)
	asOf  Date
	files fs.FS
	// checkFile is Options.CheckFile: nil checks signatures only.
	checkFile func([]byte) error
	want      []wantFinding
}

// wantFinding is a finding a rule must report: its exact path, and words its
// message must contain so an officer can tell what it is about.
type wantFinding struct {
	path     string
	mentions []string
}

// runRuleTests validates each row's case and compares the rule's findings
// with the row's want: rule ID, severity, citation, exact path and message.
func runRuleTests(t *testing.T, rule ruleSpec, tests []ruleTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := baselineCase()
			if tt.edit != nil {
				tt.edit(c)
			}
			got := Validate(c, Options{AsOf: tt.asOf, Files: tt.files, CheckFile: tt.checkFile}).ByRule(rule.id)
			require.Len(t, got, len(tt.want), "findings of %s: %+v", rule.id, got)
			for i, w := range tt.want {
				f := got[i]
				assert.Equal(t, rule.id, f.Rule)
				assert.Equal(t, rule.sev, f.Severity, "severity of %s", rule.id)
				assert.Equal(t, w.path, f.Path)
				assert.NotEmpty(t, f.Citation)
				for _, cite := range rule.cites {
					assert.Contains(t, f.Citation, cite)
				}
				for _, m := range w.mentions {
					assert.Contains(t, f.Message, m)
				}
			}
		})
	}
}

// at is a wantFinding at path whose message mentions the given words.
func at(path string, mentions ...string) []wantFinding {
	return []wantFinding{{path: path, mentions: mentions}}
}

func TestBaselineCaseHasNoFindings(t *testing.T) {
	r := Validate(baselineCase(), Options{})
	assert.Empty(t, r.Findings)
	assert.Equal(t, ymd("2025-02-01"), r.AsOf)
}

// screenCase returns a case with the scenario's people and incidents, each
// incident directed at V1 unless it names its victims.
func screenCase(asOf string, incidents ...Incident) *Case {
	for i := range incidents {
		if incidents[i].Victims == nil {
			incidents[i].Victims = []string{"V1"}
		}
	}
	return &Case{
		Format: FormatV1, URN: "07CW0777125", AsOf: ymd(asOf),
		Force:         Force{Name: "Cheshire Constabulary", Code: "07"},
		OfficerInCase: "O1",
		People: []Person{
			{ID: "V1", Role: RoleVictim, Forenames: "Mirela", Surname: "Dunn", Address: "7 Quarry Lane\nFrodsham\nWA6 7ZZ"},
			{ID: "S1", Role: RoleSuspect, Forenames: "Colm", Surname: "Varley"},
			{ID: "O1", Role: RoleOfficer, Forenames: "Ada", Surname: "Price", Rank: "DC"},
		},
		Incidents: incidents,
	}
}

// occ is an offline occasion towards V1 by S1.
func occ(id, date string, description string, bs ...Behaviour) Incident {
	if len(bs) == 0 {
		bs = []Behaviour{Contacting}
	}
	return Incident{ID: id, Date: ymd(date), Behaviours: bs, Description: description, Victims: []string{"V1"}}
}

// ordered adds a warning or order given on date, binding S1 and protecting
// protects.
func ordered(c *Case, kind WarningKind, date, binds string, protects ...string) *Case {
	c.Warnings = append(c.Warnings, WarningOrOrder{ID: fmt.Sprintf("W%d", len(c.Warnings)+1), Kind: kind, Date: ymd(date), Binds: binds, Protects: protects})
	return c
}
