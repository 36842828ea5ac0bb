// Package docs_test holds the tests that keep the contract pages in docs/
// and the README's rules table true to the code.
package docs_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spokit/spokit/casefile/mgform"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/spo"
)

// ruleRow is what a rules table states about one rule.
type ruleRow struct{ Severity, Citation string }

var ruleID = regexp.MustCompile("^`([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)`$")

// ruleRows reads the rows of every markdown table in text whose first cell
// is a rule ID in backticks: the second cell is the severity and the last
// the citation. A rule listed twice is reported.
func ruleRows(t *testing.T, text string) map[string]ruleRow {
	t.Helper()
	rows := map[string]ruleRow{}
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "|") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if len(cells) < 3 {
			continue
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		m := ruleID.FindStringSubmatch(cells[0])
		if m == nil {
			continue
		}
		_, dup := rows[m[1]]
		assert.False(t, dup, "rule %s is listed twice", m[1])
		rows[m[1]] = ruleRow{Severity: cells[1], Citation: cells[len(cells)-1]}
	}
	return rows
}

// section returns the part of a markdown document under the heading, up to
// the next heading of the same or a higher level.
func section(t *testing.T, doc, heading string) string {
	t.Helper()
	level := strings.Repeat("#", strings.Count(strings.Fields(heading)[0], "#"))
	start := strings.Index(doc, "\n"+heading+"\n")
	require.GreaterOrEqual(t, start, 0, "no heading %q", heading)
	rest := doc[start+len(heading)+2:]
	for i := 0; i < len(rest); {
		j := strings.Index(rest[i:], "\n#")
		if j < 0 {
			break
		}
		k := i + j + 1
		hashes := len(rest[k:]) - len(strings.TrimLeft(rest[k:], "#"))
		if hashes <= len(level) {
			return rest[:k]
		}
		i = k + 1
	}
	return rest
}

func readDoc(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return string(b)
}

func TestRulesTablesAgreeWithTheRuleTable(t *testing.T) {
	want := map[string]ruleRow{}
	var order []string
	for _, r := range spo.AllRules() {
		want[r.ID] = ruleRow{Severity: r.Severity.String(), Citation: r.Citation}
		order = append(order, r.ID)
	}
	require.NotEmpty(t, want)
	tests := []struct {
		name string
		text string
	}{
		{"README.md, section Rules", section(t, readDoc(t, "../README.md"), "## Rules")},
		{"docs/rules.md", readDoc(t, "rules.md")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ruleRows(t, tt.text)
			for _, id := range order {
				row, ok := got[id]
				if assert.True(t, ok, "rule %s of the rule table is not in %s", id, tt.name) {
					assert.Equal(t, want[id], row, "rule %s: severity and citation in %s", id, tt.name)
				}
			}
			for id := range got {
				_, ok := want[id]
				assert.True(t, ok, "%s lists rule %s, which the rule table does not have", tt.name, id)
			}
		})
	}
}

func TestRuleRowsReadsOnlyRuleRows(t *testing.T) {
	text := "| rule | sev | citation |\n|---|---|---|\n| `A-B` | error | when | X s.1 |\n| `field` | string | no |\n| `C` | info | Y |\n"
	assert.Equal(t, map[string]ruleRow{"A-B": {"error", "X s.1"}, "C": {"info", "Y"}}, ruleRows(t, text))
}

// schemaWalk visits every object of a JSON Schema, at every depth, with
// the JSON pointer of where it is.
func schemaWalk(node any, at string, visit func(at string, obj map[string]any)) {
	switch n := node.(type) {
	case map[string]any:
		visit(at, n)
		for _, k := range slices.Sorted(maps.Keys(n)) {
			schemaWalk(n[k], at+"/"+k, visit)
		}
	case []any:
		for i, v := range n {
			schemaWalk(v, fmt.Sprintf("%s/%d", at, i), visit)
		}
	}
}

// schemaTerms returns every property name and every enumerated value of a
// JSON Schema, each with where it is defined.
func schemaTerms(t *testing.T, schema []byte) (fields, values map[string][]string) {
	t.Helper()
	var root any
	require.NoError(t, json.Unmarshal(schema, &root))
	fields, values = map[string][]string{}, map[string][]string{}
	schemaWalk(root, "#", func(at string, obj map[string]any) {
		if props, ok := obj["properties"].(map[string]any); ok {
			for name := range props {
				fields[name] = append(fields[name], at)
			}
		}
		if enum, ok := obj["enum"].([]any); ok {
			for _, v := range enum {
				if s, ok := v.(string); ok && s != "" {
					values[s] = append(values[s], at)
				}
			}
		}
	})
	return fields, values
}

func TestEveryCaseFieldAndValueIsInTheCaseFormat(t *testing.T) {
	doc := readDoc(t, "case-format.md")
	fields, values := schemaTerms(t, casefile.Schema())
	require.Greater(t, len(fields), 50, "the walk found the schema's fields")
	require.Greater(t, len(values), 50, "the walk found the schema's vocabularies")
	tests := []struct {
		kind  string
		terms map[string][]string
	}{
		{"field", fields},
		{"value", values},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			for _, name := range slices.Sorted(maps.Keys(tt.terms)) {
				assert.True(t, strings.Contains(doc, "`"+name+"`"), "%s %q (at %s) is not named in docs/case-format.md", tt.kind, name, strings.Join(tt.terms[name], ", "))
			}
		})
	}
}

func TestTheAudienceTableListsEveryFormUnderItsAudience(t *testing.T) {
	table := section(t, readDoc(t, "case-format.md"), "## Audiences: who sees what [ext]")
	rows := map[string]string{}
	for line := range strings.Lines(table) {
		if cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|"); len(cells) == 3 {
			rows[strings.Trim(strings.TrimSpace(cells[0]), "`")] = cells[2]
		}
	}
	c := &casefile.Case{Statements: []casefile.Statement{{ID: "S1"}}}
	forms := mgform.Forms(c)
	require.NotEmpty(t, forms)
	for _, f := range forms {
		name := strings.Replace(f.Name, "-S1", "-<id>", 1)
		assert.Contains(t, rows[string(f.Audience)], "`"+name+"`", "%s is for the %s", f.Name, f.Audience)
		for audience, outputs := range rows {
			if audience != string(f.Audience) {
				assert.NotContains(t, outputs, "`"+name+"`", "%s is listed under %s, but it is for the %s", f.Name, audience, f.Audience)
			}
		}
	}
}
