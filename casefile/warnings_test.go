package casefile

import (
	"os"
	"strings"
	"testing"

	"github.com/spokit/spokit/internal/law"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A fact the law table marks unverified never makes an error-level finding.
func TestUnverifiedLawNeverMakesAnError(t *testing.T) {
	tests := []struct {
		name    string
		status  law.Status
		wantSev Severity
	}{
		{"verified", law.Verified, Error},
		{"secondary", law.Secondary, Error},
		{"unverified", law.Unverified, Warning},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Check{rule: &Rule{ID: "X", Severity: Error, Citation: "c"}}
			c.addOnf(tt.status, "p", "m")
			require.Len(t, c.findings, 1)
			assert.Equal(t, tt.wantSev, c.findings[0].Severity)
		})
	}
}

func TestNewOptionalFieldsDecodeAndOldCasesStillDo(t *testing.T) {
	base := `{"format":"spokit.case/v1","urn":"07CW0777125","force":{"name":"F"},"officer_in_case":"O1",
"people":[{"id":"V1","role":"victim","forenames":"A","surname":"B"},{"id":"S1","role":"suspect","forenames":"C","surname":"D"},{"id":"O1","role":"officer","forenames":"E","surname":"F"}],
"incidents":[{"id":"I1","date":"2025-01-01","behaviours":["contacting"],"description":"x","victims":["V1"]}]`
	tests := []struct {
		name, extra, wantErr string
	}{
		{"no new fields", ``, ""},
		{"relationship dates and responsibility", `,"relationships":[{"between":["S1","V1"],"type":"family","lived_together":true,"lived_together_from":"2020-01-01","lived_together_to":"2022-01-01","responsible":"S1"}]`, ""},
		{"a warning", `,"warnings_and_orders":[{"id":"W1","kind":"bail-conditions","date":"2025-01-02","binds":"S1","protects":["V1"],"description":"not to contact V1"}]`, ""},
		{"an unknown kind is refused", `,"warnings_and_orders":[{"id":"W1","kind":"caution","date":"2025-01-02","binds":"S1"}]`, "warnings_and_orders[0].kind"},
		{"a missing binds is refused", `,"warnings_and_orders":[{"id":"W1","kind":"other","date":"2025-01-02"}]`, "warnings_and_orders[0].binds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(base + tt.extra + "}"))
			if tt.wantErr == "" {
				assert.NoError(t, err)
			} else if assert.Error(t, err) {
				assert.Contains(t, err.Error(), tt.wantErr)
			}
		})
	}
	for _, path := range []string{"testdata/case-example.json", "sample/case.json"} {
		f, err := os.Open(path)
		require.NoError(t, err)
		_, err = Decode(f)
		f.Close()
		assert.NoError(t, err, path)
	}
}

func TestWarningRefsMustResolve(t *testing.T) {
	c := ordered(screenCase("2025-06-01", occ("I1", "2025-03-01", "Rang her.")), PoliceWarning, "2025-02-01", "S9", "V9")
	c.Relationships = []Relationship{{Between: []string{"S1", "V1"}, Type: Family, ResponsibleAdult: "O1"}}
	var paths []string
	for _, f := range Validate(c, Options{}).ByRule("CASE-REF") {
		paths = append(paths, f.Path)
	}
	assert.Equal(t, []string{"relationships[0].responsible", "warnings_and_orders[0].binds", "warnings_and_orders[0].protects[0]"}, paths)
}

func TestNewDatesAreChecked(t *testing.T) {
	c := ordered(screenCase("2025-06-01", occ("I1", "2025-03-01", "Rang her.")), PoliceWarning, "2025-07-01", "S1")
	c.Warnings = append(c.Warnings, WarningOrOrder{ID: "W2", Kind: BailConditions, Date: ymd("2025-03-01"), Until: ymd("2025-02-01"), Binds: "S1"})
	c.Relationships = []Relationship{{Between: []string{"S1", "V1"}, Type: ExPartner, LivedTogether: true, LivedTogetherFrom: ymd("2022-01-01"), LivedTogetherTo: ymd("2021-01-01")}}
	var paths []string
	for _, f := range Validate(c, Options{}).ByRule("CASE-DATE") {
		paths = append(paths, f.Path)
	}
	assert.ElementsMatch(t, []string{"relationships[0].lived_together_to", "warnings_and_orders[0].date", "warnings_and_orders[1].until"}, paths)
}
