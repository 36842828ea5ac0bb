package spo_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/fuzzedit"
	"github.com/spokit/spokit/spo"
)

// fuzzAsOf is the date the fuzz targets judge cases on, so that an edit
// that removes a case's own as_of does not make a run depend on the clock.
var fuzzAsOf = casefile.NewDate(2026, 3, 2)

// fuzzCase returns the sample case changed as input directs (package
// fuzzedit), and false when the changed document no longer decodes.
func fuzzCase(t *testing.T, input []byte) (*casefile.Case, bool) {
	doc, err := fuzzedit.Apply(casefile.SampleJSON(), input)
	require.NoError(t, err)
	c, err := casefile.Decode(bytes.NewReader(doc))
	return c, err == nil
}

// FuzzRules runs every rule, one at a time, on edited samples: none may
// panic, whatever the case holds.
func FuzzRules(f *testing.F) {
	for _, seed := range fuzzedit.Seeds {
		f.Add(seed)
	}
	_, files := casefile.Sample()
	rules := spo.AllRules()
	f.Fuzz(func(t *testing.T, input []byte) {
		c, ok := fuzzCase(t, input)
		if !ok {
			return
		}
		for _, r := range rules {
			casefile.Validate(c, casefile.Options{AsOf: fuzzAsOf, Files: files, Rules: []casefile.Rule{r}})
		}
	})
}

// FuzzDocuments writes the court bundle, the service copy and the notice of
// edited samples, as drafts (a final bundle rightly refuses an exhibit
// file it cannot read): none may panic, and every application that can be
// made prints.
func FuzzDocuments(f *testing.F) {
	for _, seed := range fuzzedit.Seeds {
		f.Add(seed)
	}
	_, files := casefile.Sample()
	f.Fuzz(func(t *testing.T, input []byte) {
		c, ok := fuzzCase(t, input)
		if !ok {
			return
		}
		a, err := spo.NewApplication(c)
		if err != nil {
			return
		}
		opts := spo.BundleOptions{Files: files, AsOf: fuzzAsOf, Draft: true}
		for name, write := range writers {
			require.NoError(t, write(io.Discard, a, opts), name)
		}
	})
}
