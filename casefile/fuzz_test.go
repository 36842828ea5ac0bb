package casefile_test

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/spokit/spokit/casefile"
)

// FuzzDecodeValidate feeds arbitrary documents through the decoder and, when
// one decodes, through every rule: neither may panic, and a decoded case
// must survive a round trip through Encode.
func FuzzDecodeValidate(f *testing.F) {
	f.Add(casefile.SampleJSON())
	f.Add([]byte(`{"format":"spokit.case/v1","urn":"x","force":{},"officer_in_case":"","people":[],"incidents":[]}`))
	f.Add([]byte(`{"incidents":[{"date":"2024-02-30"}]}`))
	f.Add([]byte("\xff\xfe{}"))
	files := fstest.MapFS{"a.png": {Data: []byte("\x89PNG\r\n\x1a\nrest")}}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := casefile.Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		casefile.Validate(c, casefile.Options{AsOf: casefile.NewDate(2025, 1, 1), Files: files})
		var buf bytes.Buffer
		if err := casefile.Encode(&buf, c); err != nil {
			t.Fatalf("encode: %v", err)
		}
		if _, err := casefile.Decode(&buf); err != nil {
			t.Fatalf("a decoded case does not decode again after Encode: %v\n%s", err, buf.Bytes())
		}
	})
}
