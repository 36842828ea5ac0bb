package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// FuzzDecode checks that Decode never panics and agrees with encoding/json:
//   - for valid UTF-8 without a byte order mark, Decode finds a syntax error
//     exactly when encoding/json says the document is not valid JSON (apart
//     from the nesting limit, which encoding/json sets far higher);
//   - a document Decode accepts, encoding/json decodes (with unknown fields
//     refused) to the same value.
func FuzzDecode(f *testing.F) {
	seeds := []string{
		doc(``),
		`{"format":"f","urn":"u","people":[{"id":"V1","role":"victim","aliases":["A"],"over_18":false}],` +
			`"incidents":[{"id":"I1","date":"2024-02-29","behaviours":["following"],"dates_to_avoid":["2024-01-01"]}],` +
			`"count":-3,"small":7,"size":9,"score":1.5e3,"draft":null,"order":{"terms":[{"text":"t","locality":null}]},"tags":["\u00e9\ud83d\ude00\n"]}`,
		doc(`,"incidnets":[],"urn":"dup"`),
		`{"format":1,"urn":null,"people":{},"incidents":[{"date":"2024-02-30","behaviours":["x",null]}]}`,
		doc(`,"count":1.5,"small":300,"size":-1,"score":1e400`),
		doc(`,"tags":["\ud800"]`),
		`{"format":"f",}`,
		`[1,2,{"a":[true,false,null]}]`,
		"\xef\xbb\xbf{}",
		"{\"format\":\"\xff\"}",
		doc(`,"tags":` + strings.Repeat("[", 70) + strings.Repeat("]", 70)),
		` `,
		`{"a":-0.0e-0}`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got testCase
		err := Decode(data, &got)
		var errs Errors
		if err != nil {
			require.True(t, errors.As(err, &errs), "unexpected error type %T: %v", err, err)
			require.NotEmpty(t, errs)
			for _, e := range errs {
				require.NotEmpty(t, e.Message)
				require.NotEmpty(t, e.Error())
			}
		}

		if utf8.Valid(data) && !bytes.HasPrefix(data, utf8BOM) {
			fatal, tooDeep := false, false
			for _, e := range errs {
				if e.fatal {
					fatal = true
					tooDeep = strings.HasPrefix(e.Message, "nesting too deep")
				}
			}
			if !tooDeep {
				require.Equal(t, json.Valid(data), !fatal, "syntax verdict differs from encoding/json: %v", err)
			}
		}

		if err == nil {
			var want testCase
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			require.NoError(t, dec.Decode(&want), "encoding/json refuses a document Decode accepted")
			require.Equal(t, want, got)
		}
	})
}
