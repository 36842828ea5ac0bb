package casefile_test

import (
	"bytes"
	"io"
	"testing"
	"testing/fstest"

	"github.com/spokit/spokit/casefile/screen"

	"github.com/spokit/spokit/casefile/workbook"

	"github.com/spokit/spokit/casefile/mgform"

	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/fuzzedit"
	"github.com/spokit/spokit/templates"
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

// fuzzAsOf is the date the fuzz targets judge cases on, so that an edit
// that removes a case's own as_of does not make a run depend on the clock.
var fuzzAsOf = casefile.NewDate(2026, 3, 2)

// editedSample returns the sample case changed as input directs (package
// fuzzedit), and false when the changed document no longer decodes.
func editedSample(t *testing.T, input []byte) (*casefile.Case, bool) {
	doc, err := fuzzedit.Apply(casefile.SampleJSON(), input)
	require.NoError(t, err)
	c, err := casefile.Decode(bytes.NewReader(doc))
	return c, err == nil
}

// FuzzScreen screens edited samples and puts the screening into words:
// neither may panic, and the default wording always renders.
func FuzzScreen(f *testing.F) {
	for _, seed := range fuzzedit.Seeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		c, ok := editedSample(t, input)
		if !ok {
			return
		}
		_, err := screen.Screen(c, fuzzAsOf).Report(templates.Default())
		require.NoError(t, err)
	})
}

// FuzzForms writes every MG form of edited samples: none may panic, and
// every case that decodes prints.
func FuzzForms(f *testing.F) {
	for _, seed := range fuzzedit.Seeds {
		f.Add(seed)
	}
	_, files := casefile.Sample()
	f.Fuzz(func(t *testing.T, input []byte) {
		c, ok := editedSample(t, input)
		if !ok {
			return
		}
		opts := mgform.Options{AsOf: fuzzAsOf, Report: casefile.Validate(c, casefile.Options{AsOf: fuzzAsOf, Files: files})}
		for _, form := range mgform.Forms(c) {
			require.NoError(t, form.Write(io.Discard, opts), form.Name)
		}
	})
}

// FuzzWorkbook writes the prosecution workbook and the sensitive schedule of
// edited samples: neither may panic, and every case that decodes is
// written.
func FuzzWorkbook(f *testing.F) {
	for _, seed := range fuzzedit.Seeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		c, ok := editedSample(t, input)
		if !ok {
			return
		}
		opts := workbook.Options{AsOf: fuzzAsOf, TmpDir: t.TempDir()}
		require.NoError(t, workbook.Write(io.Discard, c, casefile.Validate(c, casefile.Options{AsOf: fuzzAsOf}), opts))
		if workbook.HasSensitiveUnused(c) {
			require.NoError(t, workbook.WriteSensitive(io.Discard, c, opts))
		}
	})
}
