package strictjson

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// schemaOf generates the schema of v and parses it back.
func schemaOf(t *testing.T, v any, id, title string) (raw []byte, doc map[string]any) {
	t.Helper()
	raw, err := Schema(v, id, title)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &doc))
	return raw, doc
}

// obj follows a path of keys through parsed JSON objects.
func obj(t *testing.T, m map[string]any, keys ...string) map[string]any {
	t.Helper()
	for _, k := range keys {
		next, ok := m[k].(map[string]any)
		require.True(t, ok, "no object at %q in %v", k, m)
		m = next
	}
	return m
}

func TestSchemaDescribesTheTagConventions(t *testing.T) {
	_, doc := schemaOf(t, &testCase{}, "https://example.test/case.json", "Test case")

	assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", doc["$schema"])
	assert.Equal(t, "https://example.test/case.json", doc["$id"])
	assert.Equal(t, "Test case", doc["title"])
	assert.Equal(t, "object", doc["type"])
	assert.Equal(t, false, doc["additionalProperties"])
	assert.Equal(t, []any{"format", "urn", "people", "incidents"}, doc["required"])

	props := obj(t, doc, "properties")
	tests := []struct {
		name string
		prop string
		want map[string]any
	}{
		{"required string with doc", "format", map[string]any{"description": `Always "test/v1".`, "type": "string"}},
		{"required string", "urn", map[string]any{"type": "string"}},
		{"self-described type, optional", "as_of", map[string]any{
			"description": "Date to judge time limits on.", "format": "date",
			"pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "type": []any{"string", "null"},
		}},
		{"required array of a named struct", "people", map[string]any{"type": "array", "items": map[string]any{"$ref": "#/$defs/testPerson"}}},
		{"optional integer", "count", map[string]any{"type": []any{"integer", "null"}}},
		{"unsigned integer", "size", map[string]any{"type": []any{"integer", "null"}, "minimum": float64(0)}},
		{"number", "score", map[string]any{"type": []any{"number", "null"}}},
		{"pointer to bool", "draft", map[string]any{"type": []any{"boolean", "null"}}},
		{"optional named struct", "order", map[string]any{"anyOf": []any{
			map[string]any{"$ref": "#/$defs/testOrder"}, map[string]any{"type": "null"},
		}}},
		{"optional array of strings", "tags", map[string]any{"type": []any{"array", "null"}, "items": map[string]any{"type": "string"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, props[tt.prop])
		})
	}
	assert.NotContains(t, props, "Skipped", `json:"-" fields are left out`)

	person := obj(t, doc, "$defs", "testPerson")
	assert.Equal(t, false, person["additionalProperties"])
	assert.Equal(t, []any{"id", "role"}, person["required"])
	assert.Equal(t, map[string]any{"type": "string", "enum": []any{"victim", "suspect", "witness"}}, obj(t, person, "properties", "role"))
	assert.Equal(t, map[string]any{"description": "Default true.", "type": []any{"boolean", "null"}}, obj(t, person, "properties", "over_18"))

	incident := obj(t, doc, "$defs", "testIncident")
	assert.Equal(t, map[string]any{"type": "array", "items": map[string]any{"type": "string", "enum": []any{"following", "contacting", "watching"}}},
		obj(t, incident, "properties", "behaviours"))
	assert.Equal(t, map[string]any{"format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "type": "string"},
		obj(t, incident, "properties", "date"), "a required self-described type is not nullable")

	defs := obj(t, doc, "$defs")
	assert.Len(t, defs, 4, "one definition per named struct type")
	for name := range defs {
		assert.Equal(t, false, obj(t, defs, name)["additionalProperties"], name)
	}
}

func TestSchemaKeepsFieldOrderAndIsDeterministic(t *testing.T) {
	raw, _ := schemaOf(t, &testCase{}, "id", "title")
	again, err := Schema(testCase{}, "id", "title")
	require.NoError(t, err)
	assert.Equal(t, raw, again, "a value and a pointer give identical bytes")

	s := string(raw)
	last := -1
	for _, key := range []string{`"format"`, `"urn"`, `"as_of"`, `"people"`, `"incidents"`, `"count"`, `"tags"`, `"required"`, `"$defs"`} {
		i := strings.Index(s, key)
		require.Greater(t, i, last, "%s out of order", key)
		last = i
	}
	assert.True(t, strings.HasSuffix(s, "}\n"))
	assert.Contains(t, s, "\n  \"type\": \"object\",\n", "indented with two spaces")
}

func TestSchemaLeavesOutEmptyIDAndTitle(t *testing.T) {
	_, doc := schemaOf(t, testTerm{}, "", "")
	assert.NotContains(t, doc, "$id")
	assert.NotContains(t, doc, "title")
	assert.NotContains(t, doc, "$defs")
}

func TestSchemaRefersToRecursiveTypes(t *testing.T) {
	_, root := schemaOf(t, testNode{}, "", "")
	assert.Equal(t, map[string]any{"$ref": "#"}, obj(t, root, "properties", "children", "items"))

	type forest struct {
		Trees []testNode `json:"trees" req:"true"`
	}
	_, doc := schemaOf(t, forest{}, "", "")
	assert.Equal(t, map[string]any{"$ref": "#/$defs/testNode"}, obj(t, doc, "properties", "trees", "items"))
	node := obj(t, doc, "$defs", "testNode")
	assert.Equal(t, map[string]any{"$ref": "#/$defs/testNode"}, obj(t, node, "properties", "children", "items"))
	assert.Equal(t, map[string]any{"anyOf": []any{map[string]any{"$ref": "#/$defs/testNode"}, map[string]any{"type": "null"}}},
		obj(t, node, "properties", "extra", "items"), "pointer elements may be null")
}

func TestSchemaInlinesUnnamedStructs(t *testing.T) {
	type outer struct {
		Inner struct {
			A string `json:"a" req:"true"`
		} `json:"inner" req:"true"`
	}
	_, doc := schemaOf(t, outer{}, "", "")
	inner := obj(t, doc, "properties", "inner")
	assert.Equal(t, "object", inner["type"])
	assert.Equal(t, false, inner["additionalProperties"])
	assert.NotContains(t, doc, "$defs")
}

// clashA and clashB each hold a type named "clash", from different scopes.
func clashA() any {
	type clash struct{ A string }
	return clash{}
}

func clashB() any {
	type clash struct{ B string }
	return clash{}
}

func TestSchemaRefusesWhatItCannotDescribe(t *testing.T) {
	type withMap struct {
		M map[string]int `json:"m"`
	}
	type withInterface struct {
		A any `json:"a"`
	}
	tests := []struct {
		name   string
		target any
		msg    string
	}{
		{"not a struct", "text", "strictjson: Schema needs a struct or a pointer to one, got string"},
		{"nil", nil, "strictjson: Schema needs a struct or a pointer to one, got <nil>"},
		{"map field", withMap{}, "strictjson: strictjson.withMap.M: unsupported type map[string]int"},
		{"interface field", withInterface{}, "strictjson: strictjson.withInterface.A: unsupported type interface {}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Schema(tt.target, "", "")
			require.Error(t, err)
			assert.Equal(t, tt.msg, err.Error())
		})
	}
}

func TestSchemaRefusesTwoTypesWithOneName(t *testing.T) {
	// Two distinct types both named "clash", side by side in one struct.
	both := reflect.StructOf([]reflect.StructField{
		{Name: "One", Type: reflect.TypeOf(clashA()), Tag: `json:"one"`},
		{Name: "Two", Type: reflect.TypeOf(clashB()), Tag: `json:"two"`},
	})
	_, err := Schema(reflect.New(both).Interface(), "", "")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "two types are named clash")
}
