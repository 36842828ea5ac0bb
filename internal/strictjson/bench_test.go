package strictjson

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// largeDocument builds a valid document of at least size bytes shaped like a
// real case: people and many incidents with free text.
func largeDocument(size int) []byte {
	var b strings.Builder
	b.WriteString(`{"format":"test/v1","urn":"07CP0123425","as_of":"2025-03-10","people":[`)
	for i := range 200 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"P%d","role":"witness","aliases":["Alias %d","Nick"],"over_18":true}`, i, i)
	}
	b.WriteString(`],"incidents":[`)
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"id":"I%d","date":"2024-%02d-%02d","behaviours":["following","contacting"],`+
			`"description":"On this occasion the suspect waited outside the victim's workplace and sent %d messages, \"I'm watching you\" \u2014 seen by a colleague.",`+
			`"online":false,"dates_to_avoid":["2025-01-06"]}`, i, i%12+1, i%28+1, i)
	}
	b.WriteString(`],"count":12,"tags":["a","b"]}`)
	return []byte(b.String())
}

// BenchmarkDecode decodes a 10 MB document; run with -bench to see MB/s.
// The encoding/json figure is for comparison only: it checks far less.
func BenchmarkDecode(b *testing.B) {
	data := largeDocument(10 << 20)
	var probe testCase
	require.NoError(b, Decode(data, &probe))

	b.Run("strictjson", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var c testCase
			if err := Decode(data, &c); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var c testCase
			if err := json.Unmarshal(data, &c); err != nil {
				b.Fatal(err)
			}
		}
	})
}
