package strictjson

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// doc is a valid minimal document with extra members appended; extra starts
// with a comma.
func doc(extra string) string {
	return `{"format":"f","urn":"u","people":[],"incidents":[]` + extra + `}`
}

// at returns the 1-based line and column (in characters) of the nth
// occurrence (from 0) of needle in s, worked out independently of the
// decoder.
func at(t *testing.T, s, needle string, nth int) (int, int) {
	t.Helper()
	off := -1
	for i := 0; i <= nth; i++ {
		j := strings.Index(s[off+1:], needle)
		require.GreaterOrEqual(t, j, 0, "needle %q #%d not in document", needle, nth)
		off += j + 1
	}
	lineStart := strings.LastIndex(s[:off], "\n") + 1
	return strings.Count(s[:off], "\n") + 1, utf8.RuneCountInString(s[lineStart:off]) + 1
}

// want is an expected problem, located by the nth occurrence of needle.
type want struct {
	path   string
	needle string
	nth    int
	msg    string
}

// decodeErrors decodes s into a testCase and returns the problems.
func decodeErrors(t *testing.T, s string) Errors {
	t.Helper()
	var c testCase
	err := Decode([]byte(s), &c)
	if err == nil {
		return nil
	}
	var errs Errors
	require.True(t, errors.As(err, &errs), "want Errors, got %T: %v", err, err)
	return errs
}

func checkErrors(t *testing.T, s string, wants []want) {
	t.Helper()
	errs := decodeErrors(t, s)
	require.Len(t, errs, len(wants), "errors:\n%v", errs)
	for i, w := range wants {
		line, col := at(t, s, w.needle, w.nth)
		assert.Equal(t, w.path, errs[i].Path, "error %d path", i)
		assert.Equal(t, w.msg, errs[i].Message, "error %d message", i)
		assert.Equal(t, line, errs[i].Line, "error %d line (%s)", i, errs[i])
		assert.Equal(t, col, errs[i].Column, "error %d column (%s)", i, errs[i])
	}
}

func TestDecodeReportsEachProblemWithPathAndPosition(t *testing.T) {
	tests := []struct {
		name  string
		doc   string
		wants []want
	}{
		{
			name:  "unknown field with a suggestion",
			doc:   doc(`,"incidnets":[]`),
			wants: []want{{"incidnets", `"incidnets"`, 0, `unknown field "incidnets"; did you mean "incidents"?`}},
		},
		{
			name:  "unknown field differing only in case and separator",
			doc:   doc(`,"As-Of":"2024-01-01"`),
			wants: []want{{"As-Of", `"As-Of"`, 0, `unknown field "As-Of"; did you mean "as_of"?`}},
		},
		{
			name:  "unknown nested field without a near name",
			doc:   `{"format":"f","urn":"u","people":[{"id":"V1","role":"victim","zodiac":"leo"}],"incidents":[]}`,
			wants: []want{{"people[0].zodiac", `"zodiac"`, 0, `unknown field "zodiac"`}},
		},
		{
			name:  "unknown key that is not a plain name",
			doc:   doc(`,"two words":1`),
			wants: []want{{`["two words"]`, `"two words"`, 0, `unknown field "two words"`}},
		},
		{
			name:  "wrong type string",
			doc:   `{"format":"f","urn":5,"people":[],"incidents":[]}`,
			wants: []want{{"urn", "5", 0, "expected string, got number"}},
		},
		{
			name:  "wrong type array",
			doc:   `{"format":"f","urn":"u","people":{"id":"V1"},"incidents":[]}`,
			wants: []want{{"people", `{"id"`, 0, "expected array, got object"}},
		},
		{
			name:  "wrong type object",
			doc:   doc(`,"order":"soon"`),
			wants: []want{{"order", `"soon"`, 0, "expected object, got string"}},
		},
		{
			name:  "wrong type boolean",
			doc:   doc(`,"draft":"yes"`),
			wants: []want{{"draft", `"yes"`, 0, "expected boolean, got string"}},
		},
		{
			name:  "root is not an object",
			doc:   `[1, 2]`,
			wants: []want{{"", "[", 0, "expected object, got array"}},
		},
		{
			name:  "null root",
			doc:   `null`,
			wants: []want{{"", "null", 0, "expected object, got null"}},
		},
		{
			name:  "duplicate known key",
			doc:   `{"format":"f","urn":"a","urn":"b","people":[],"incidents":[]}`,
			wants: []want{{"urn", `"urn"`, 1, `duplicate field "urn"`}},
		},
		{
			name: "duplicate unknown key",
			doc:  doc(`,"x":1,"x":2`),
			wants: []want{
				{"x", `"x"`, 0, `unknown field "x"`},
				{"x", `"x"`, 1, `duplicate field "x"`},
			},
		},
		{
			name:  "required top-level field missing",
			doc:   `{"format":"f","people":[],"incidents":[]}`,
			wants: []want{{"urn", "{", 0, `required field "urn" is missing`}},
		},
		{
			name: "required nested fields missing",
			doc:  `{"format":"f","urn":"u","people":[{"aliases":[]}],"incidents":[]}`,
			wants: []want{
				{"people[0].id", `{"aliases"`, 0, `required field "id" is missing`},
				{"people[0].role", `{"aliases"`, 0, `required field "role" is missing`},
			},
		},
		{
			name:  "required field null",
			doc:   `{"format":"f","urn":null,"people":[],"incidents":[]}`,
			wants: []want{{"urn", "null", 0, `required field "urn" must not be null`}},
		},
		{
			name:  "enum value outside the vocabulary",
			doc:   `{"format":"f","urn":"u","people":[{"id":"V1","role":"stalker"}],"incidents":[]}`,
			wants: []want{{"people[0].role", `"stalker"`, 0, `"stalker" is not an allowed value; use one of "victim", "suspect", "witness"`}},
		},
		{
			name:  "enum in a slice",
			doc:   `{"format":"f","urn":"u","people":[],"incidents":[{"id":"I1","date":"2024-02-01","behaviours":["following","flying"]}]}`,
			wants: []want{{"incidents[0].behaviours[1]", `"flying"`, 0, `"flying" is not an allowed value; use one of "following", "contacting", "watching"`}},
		},
		{
			name:  "text unmarshaler error",
			doc:   `{"format":"f","urn":"u","people":[],"incidents":[{"id":"I1","date":"2024-02-30","behaviours":[]}]}`,
			wants: []want{{"incidents[0].date", `"2024-02-30"`, 0, `"2024-02-30" is not a real calendar date`}},
		},
		{
			name:  "text unmarshaler in a slice",
			doc:   `{"format":"f","urn":"u","people":[],"incidents":[{"id":"I1","date":"2024-02-01","behaviours":[],"dates_to_avoid":["2024-01-01","31/01/2024"]}]}`,
			wants: []want{{"incidents[0].dates_to_avoid[1]", `"31/01/2024"`, 0, `"31/01/2024" is not a real calendar date`}},
		},
		{
			name:  "text unmarshaler needs a string",
			doc:   doc(`,"as_of":20240101`),
			wants: []want{{"as_of", "20240101", 0, "expected string, got number"}},
		},
		{
			name:  "fraction for an integer",
			doc:   doc(`,"count":1.5`),
			wants: []want{{"count", "1.5", 0, "expected integer, got 1.5"}},
		},
		{
			name:  "exponent for an integer",
			doc:   doc(`,"count":1e3`),
			wants: []want{{"count", "1e3", 0, "expected integer, got 1e3"}},
		},
		{
			name:  "integer out of range",
			doc:   doc(`,"small":300`),
			wants: []want{{"small", "300", 0, "integer 300 is out of range (-128 to 127)"}},
		},
		{
			name:  "integer beyond int64",
			doc:   doc(`,"count":99999999999999999999`),
			wants: []want{{"count", "9999", 0, "integer 99999999999999999999 is out of range (-9223372036854775808 to 9223372036854775807)"}},
		},
		{
			name:  "negative for an unsigned integer",
			doc:   doc(`,"size":-1`),
			wants: []want{{"size", "-1", 0, "expected a whole number of 0 or more, got -1"}},
		},
		{
			name:  "unsigned out of range",
			doc:   doc(`,"size":70000`),
			wants: []want{{"size", "70000", 0, "integer 70000 is out of range (0 to 65535)"}},
		},
		{
			name:  "float out of range",
			doc:   doc(`,"score":1e400`),
			wants: []want{{"score", "1e400", 0, "number 1e400 is out of range"}},
		},
		{
			name:  "null in an array of strings",
			doc:   doc(`,"tags":["a",null]`),
			wants: []want{{"tags[1]", "null", 0, "expected string, got null"}},
		},
		{
			name:  "unpaired surrogate escape",
			doc:   doc(`,"tags":["\ud800x"]`),
			wants: []want{{"tags[0]", `"\ud800x"`, 0, `string contains an unpaired surrogate escape \uD800`}},
		},
		{
			name:  "surrogate escape followed by a non-surrogate",
			doc:   doc(`,"tags":["\ud83d\u0041"]`),
			wants: []want{{"tags[0]", `"\ud83d`, 0, `string contains an unpaired surrogate escape \uD83D`}},
		},
		{
			name:  "lone low surrogate escape",
			doc:   doc(`,"tags":["\udc00"]`),
			wants: []want{{"tags[0]", `"\udc00"`, 0, `string contains an unpaired surrogate escape \uDC00`}},
		},
		{
			name: "several problems on several lines, in document order",
			doc: "{\n  \"format\": \"f\",\n  \"urn\": 7,\n  \"people\": [\n    {\"id\": \"V1\", \"role\": \"victim\", \"over_18\": \"no\"}\n  ],\n" +
				"  \"incidents\": [\n    {\"id\": \"I1\", \"date\": \"2024-13-01\", \"behaviours\": [\"watching\", 3]},\n    {\"id\": \"I2\"}\n  ],\n  \"tagz\": []\n}",
			wants: []want{
				{"urn", "7", 0, "expected string, got number"},
				{"people[0].over_18", `"no"`, 0, "expected boolean, got string"},
				{"incidents[0].date", `"2024-13-01"`, 0, `"2024-13-01" is not a real calendar date`},
				{"incidents[0].behaviours[1]", "3]", 0, "expected string, got number"},
				{"incidents[1].date", `{"id": "I2"}`, 0, `required field "date" is missing`},
				{"incidents[1].behaviours", `{"id": "I2"}`, 0, `required field "behaviours" is missing`},
				{"tagz", `"tagz"`, 0, `unknown field "tagz"; did you mean "tags"?`},
			},
		},
		{
			name:  "columns count characters, not bytes",
			doc:   `{"format":"é–😀","urn":5,"people":[],"incidents":[]}`,
			wants: []want{{"urn", "5", 0, "expected string, got number"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkErrors(t, tt.doc, tt.wants)
		})
	}
}

func TestDecodeStopsAtTheFirstFatalProblem(t *testing.T) {
	deep := doc(`,"tags":` + strings.Repeat("[", 100) + strings.Repeat("]", 100))
	deepUnknown := doc(`,"zz":` + strings.Repeat(`{"a":`, 70) + "1" + strings.Repeat("}", 70))
	tests := []struct {
		name   string
		doc    string
		needle string // where the fatal problem is; "" for the end of input
		nth    int
		msg    string
	}{
		{"missing value", `{"format":}`, "}", 0, "invalid character '}' where a value was expected"},
		{"trailing comma in object", `{"format":"f",}`, "}", 0, "invalid character '}' where an object key was expected"},
		{"trailing comma in array", doc(`,"tags":["a",]`), "]}", 0, "invalid character ']' where a value was expected"},
		{"missing colon", `{"format" "f"}`, `"f"`, 0, `invalid character '"' after an object key (expected ':')`},
		{"missing comma", `{"format":"f" "urn":"u"}`, `"urn"`, 0, `invalid character '"' after an object value (expected ',' or '}')`},
		{"missing comma in array", doc(`,"tags":["a" "b"]`), `"b"`, 0, `invalid character '"' after an array element (expected ',' or ']')`},
		{"unquoted key", `{format:"f"}`, "format", 0, "invalid character 'f' where an object key was expected"},
		{"single quotes", `{'format':'f'}`, "'", 0, `invalid character '\'' where an object key was expected`},
		{"end of input in object", `{"format":"f"`, "", 0, "unexpected end of input in an object (expected ',' or '}')"},
		{"end of input in array", `{"tags":["a"`, "", 0, "unexpected end of input in an array (expected ',' or ']')"},
		{"unterminated string", `{"format":"abc`, `"abc`, 0, "unterminated string"},
		{"raw newline in string", "{\"format\":\"a\nb\"}", "\n", 0, `control character U+000A in a string; write it as an escape such as \n`},
		{"bad escape", `{"format":"a\qb"}`, `q`, 0, "invalid character 'q' in a string escape"},
		{"short unicode escape", `{"format":"\u12x4"}`, `x`, 0, `invalid character 'x' in a \u escape (expected 4 hex digits)`},
		{"leading zero", doc(`,"count":01`), "1}", 0, "invalid character '1' after an object value (expected ',' or '}')"},
		{"bare minus", doc(`,"count":-`), "}", 0, "invalid character '}' in a number (expected a digit)"},
		{"dot without digits", doc(`,"count":1.`), "}", 0, "invalid character '}' after a decimal point (expected a digit)"},
		{"exponent without digits", doc(`,"score":1e+`), "}", 0, "invalid character '}' in an exponent (expected a digit)"},
		{"misspelt literal", doc(`,"draft":ture`), "ure", 0, "invalid character 'u' in literal true"},
		{"capitalised literal", doc(`,"draft":True`), "True", 0, "invalid character 'T' where a value was expected"},
		{"data after the document", doc(``) + ` {}`, "{}", 0, "invalid character '{' after the top-level value"},
		{"empty document", "  \n ", "", 0, "empty document: expected a JSON object"},
		{"nesting too deep", deep, "[", 65, "nesting too deep: more than 64 levels of objects and arrays"},
		{"nesting too deep inside an unknown field", deepUnknown, "{", 64, "nesting too deep: more than 64 levels of objects and arrays"},
		{"syntax error inside a skipped value", doc(`,"zz":{"a":[1,}]}`), "}]", 0, "invalid character '}' where a value was expected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := decodeErrors(t, tt.doc)
			require.NotEmpty(t, errs)
			last := errs[len(errs)-1]
			assert.Equal(t, tt.msg, last.Message)
			assert.Empty(t, last.Path, "syntax problems have no path")
			assert.True(t, last.fatal)
			var line, col int
			if tt.needle == "" {
				line, col = strings.Count(tt.doc, "\n")+1, utf8.RuneCountInString(tt.doc[strings.LastIndex(tt.doc, "\n")+1:])+1
			} else {
				line, col = at(t, tt.doc, tt.needle, tt.nth)
			}
			assert.Equal(t, line, last.Line, "line")
			assert.Equal(t, col, last.Column, "column")
		})
	}
}

func TestDecodeKeepsProblemsFoundBeforeASyntaxError(t *testing.T) {
	s := "{\"format\":\"f\",\"urn\":5,\n\"people\":[],\"incidents\":[] \"x\"}"
	errs := decodeErrors(t, s)
	require.Len(t, errs, 2)
	assert.Equal(t, "line 1, col 21: urn: expected string, got number", errs[0].Error())
	assert.Equal(t, `line 2, col 28: invalid character '"' after an object value (expected ',' or '}')`, errs[1].Error())
}

func TestDecodeRefusesInvalidEncoding(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		line int
		col  int
		msg  string
	}{
		{"invalid byte in a string", "{\"format\":\"f\",\n \"urn\":\"ab\xffc\"}", 2, 11, "invalid UTF-8: byte 0xFF does not begin a valid character"},
		{"truncated sequence", "{\"format\":\"\xc3\"}", 1, 12, "invalid UTF-8: byte 0xC3 does not begin a valid character"},
		{"overlong encoding", "{\"format\":\"é\xc0\xaf\"}", 1, 13, "invalid UTF-8: byte 0xC0 does not begin a valid character"},
		{"encoded surrogate", "{\"format\":\"\xed\xa0\x80\"}", 1, 12, "invalid UTF-8: byte 0xED does not begin a valid character"},
		{"byte order mark", "\xef\xbb\xbf{}", 1, 1, "the document starts with a byte order mark; save it as UTF-8 without one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := decodeErrors(t, tt.doc)
			require.Len(t, errs, 1)
			assert.Equal(t, tt.msg, errs[0].Message)
			assert.Equal(t, tt.line, errs[0].Line)
			assert.Equal(t, tt.col, errs[0].Column)
		})
	}
}

func TestDecodeFillsEveryKindOfField(t *testing.T) {
	s := `{
	  "format": "f\u00e9\n\"q\"\/\\\t\b\f\r",
	  "urn": "07CP0123425",
	  "as_of": "2025-03-10",
	  "people": [
	    {"id": "V1", "role": "victim", "aliases": ["Jo", "\ud83d\ude00"], "over_18": false},
	    {"id": "S1", "role": "suspect", "over_18": null},
	    {"id": "W1", "role": "witness", "aliases": []}
	  ],
	  "incidents": [
	    {"id": "I1", "date": "2024-02-29", "behaviours": ["following", "watching"], "description": "<b>{{x}}</b> = & ", "online": true,
	     "dates_to_avoid": ["2024-12-25"]}
	  ],
	  "count": -42, "small": -128, "size": 65535, "score": -1.25e2,
	  "draft": true,
	  "order": {"terms": [{"text": "Not to contact V1", "locality": "Chester"}, {"text": "Attend a course", "locality": null}], "until": null},
	  "tags": null
	}`
	var got testCase
	require.NoError(t, Decode([]byte(s), &got))

	yes, no := true, false
	chester := "Chester"
	asOf := date("2025-03-10")
	wantCase := testCase{
		Format: "fé\n\"q\"/\\\t\b\f\r",
		URN:    "07CP0123425",
		AsOf:   &asOf,
		People: []testPerson{
			{ID: "V1", Role: "victim", Aliases: []string{"Jo", "😀"}, Over18: &no},
			{ID: "S1", Role: "suspect"},
			{ID: "W1", Role: "witness", Aliases: []string{}},
		},
		Incidents: []testIncident{{
			ID: "I1", Date: date("2024-02-29"), Behaviours: []testBehaviour{"following", "watching"},
			Description: "<b>{{x}}</b> = & ", Online: true, DatesToAvoid: []testDate{date("2024-12-25")},
		}},
		Count: -42, Small: -128, Size: 65535, Score: -125,
		Draft: &yes,
		Order: &testOrder{Terms: []testTerm{{Text: "Not to contact V1", Locality: &chester}, {Text: "Attend a course"}}},
	}
	assert.Equal(t, wantCase, got)
}

func TestDecodeResetsTheTargetAndTreatsNullAsAbsent(t *testing.T) {
	yes := true
	got := testCase{Skipped: "kept?", Count: 9, Draft: &yes, Tags: []string{"old"}}
	require.NoError(t, Decode([]byte(doc(`,"count":null,"draft":null,"order":null`)), &got))
	assert.Equal(t, testCase{Format: "f", URN: "u", People: []testPerson{}, Incidents: []testIncident{}}, got)
}

func TestDecodeIgnoresUnexportedAndDashFields(t *testing.T) {
	var w withHidden
	err := Decode([]byte(`{"a":"x","b":"y"}`), &w)
	var errs Errors
	require.ErrorAs(t, err, &errs)
	require.Len(t, errs, 1)
	assert.Equal(t, `unknown field "b"; did you mean "a"?`, errs[0].Message)
	assert.Equal(t, "x", w.A)
	assert.Empty(t, w.b)

	errs = decodeErrors(t, doc(`,"Skipped":"x","-":"y"`))
	require.Len(t, errs, 2)
	assert.Equal(t, `unknown field "Skipped"`, errs[0].Message)
	assert.Equal(t, `unknown field "-"`, errs[1].Message)
}

func TestDecodeCapsTheListAndCountsTheRest(t *testing.T) {
	n := maxErrors + 50
	items := strings.TrimSuffix(strings.Repeat("1,", n), ",")
	t.Run("without a syntax error", func(t *testing.T) {
		errs := decodeErrors(t, doc(`,"tags":[`+items+`]`))
		require.Len(t, errs, maxErrors+1)
		assert.Equal(t, "tags[0]", errs[0].Path)
		assert.Equal(t, fmt.Sprintf("tags[%d]", maxErrors-1), errs[maxErrors-1].Path)
		assert.Equal(t, "and 50 more problems", errs[maxErrors].Message)
		assert.Equal(t, "and 50 more problems", errs[maxErrors].Error())
	})
	t.Run("the syntax error is always kept", func(t *testing.T) {
		errs := decodeErrors(t, doc(`,"tags":[`+items+`,}]`))
		require.Len(t, errs, maxErrors+2)
		assert.True(t, errs[maxErrors].fatal)
		assert.Equal(t, "and 50 more problems", errs[maxErrors+1].Message)
	})
	t.Run("one more", func(t *testing.T) {
		items := strings.TrimSuffix(strings.Repeat("1,", maxErrors+1), ",")
		errs := decodeErrors(t, doc(`,"tags":[`+items+`]`))
		assert.Equal(t, "and 1 more problem", errs[len(errs)-1].Message)
	})
}

func TestErrorsFormatOnePerLineAndUnwrap(t *testing.T) {
	err := Decode([]byte(`{"format":"f","urn":1,"people":[],"incidents":[],"incidnets":[]}`), &testCase{})
	require.Error(t, err)
	assert.Equal(t,
		"line 1, col 21: urn: expected string, got number\n"+
			`line 1, col 50: incidnets: unknown field "incidnets"; did you mean "incidents"?`,
		err.Error())

	var first *Error
	require.ErrorAs(t, err, &first)
	assert.Equal(t, "urn", first.Path)

	wrapped := fmt.Errorf("reading case: %w", err)
	var errs Errors
	require.ErrorAs(t, wrapped, &errs)
	assert.Len(t, errs, 2)
}

func TestDecodeRejectsTargetsItCannotFill(t *testing.T) {
	type withMap struct {
		M map[string]string `json:"m"`
	}
	type inner struct{ A string }
	type embedded struct{ inner }
	type exportedEmbedded struct{ ExportedInner }
	type badReq struct {
		A string `json:"a" req:"yes"`
	}
	// Built at run time: go vet rightly refuses the repeated tag in source.
	dupName := reflect.StructOf([]reflect.StructField{
		{Name: "A", Type: reflect.TypeFor[string](), Tag: `json:"x"`},
		{Name: "B", Type: reflect.TypeFor[string](), Tag: `json:"x"`},
	})
	type noValues struct {
		E emptyEnum `json:"e"`
	}
	type bytesField struct {
		B []byte `json:"b"`
	}
	type nestedMap struct {
		People []struct {
			Extra map[string]int `json:"extra"`
		} `json:"people"`
	}
	var s string
	tests := []struct {
		name   string
		target any
		msg    string
	}{
		{"map field", &withMap{}, "strictjson: strictjson.withMap.M: unsupported type map[string]string"},
		{"map deep inside", &nestedMap{}, "strictjson: strictjson.nestedMap.People[].Extra: unsupported type map[string]int"},
		{"byte slice", &bytesField{}, "strictjson: strictjson.bytesField.B: unsupported type []uint8"},
		{"exported embedded struct", &exportedEmbedded{}, "strictjson: strictjson.exportedEmbedded.ExportedInner: embedded fields are not supported"},
		{"bad req tag", &badReq{}, `strictjson: strictjson.badReq.A: req tag "yes": want "true" or "false"`},
		{"duplicate JSON name", reflect.New(dupName).Interface(), `strictjson: struct { A string "json:\"x\""; B string "json:\"x\"" }.B: JSON name "x" is used twice`},
		{"enum without values", &noValues{}, "strictjson: strictjson.noValues.E: enum type strictjson.emptyEnum has no values"},
		{"not a pointer", testCase{}, "strictjson: Decode needs a non-nil pointer to a struct, got strictjson.testCase"},
		{"nil pointer", (*testCase)(nil), "strictjson: Decode needs a non-nil pointer to a struct, got *strictjson.testCase"},
		{"pointer to non-struct", &s, "strictjson: Decode needs a non-nil pointer to a struct, got *string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Decode([]byte(`{}`), tt.target)
			require.Error(t, err)
			var errs Errors
			assert.False(t, errors.As(err, &errs), "a bad target is not a data problem")
			assert.Equal(t, tt.msg, err.Error())
		})
	}
	// An unexported embedded struct is ignored like any unexported field.
	assert.NoError(t, Decode([]byte(`{}`), &embedded{}))
}

// ExportedInner is embedded to show embedding is refused; it is exported
// because unexported embedded fields are simply ignored.
type ExportedInner struct{ A string }

type emptyEnum string

func (emptyEnum) Values() []string { return nil }

func TestSuggestionNeedsACloseName(t *testing.T) {
	p, err := planFor(reflect.TypeFor[testIncident]())
	require.NoError(t, err)
	tests := []struct {
		key, want string
	}{
		{"descriptoin", "description"},
		{"Description", "description"},
		{"behaviors", "behaviours"},
		{"dates-to-avoid", "dates_to_avoid"},
		{"di", "id"},
		{"ids", "id"},
		{"xy", ""},
		{"weather", ""},
		{"completely_unrelated_key", ""},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			assert.Equal(t, tt.want, closestField(tt.key, p))
		})
	}
}

func TestEditDistanceCountsTranspositionsAsOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "abc", 0},
		{"abc", "acb", 1},
		{"incidnets", "incidents", 1},
		{"kitten", "sitting", 3},
		{"é", "e", 1},
		{"ca", "abc", 3},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			assert.Equal(t, tt.want, editDistance(tt.a, tt.b, 10))
			assert.Equal(t, min(tt.want, 1), editDistance(tt.a, tt.b, 1), "bounded")
		})
	}
}
