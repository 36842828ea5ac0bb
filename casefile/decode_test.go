package casefile_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/spokit/spokit/casefile/screen"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
)

// endless is a reader that never ends, counting what it hands out.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestDecodeRefusesOversizedInputWithoutReadingItAll(t *testing.T) {
	r := &endless{}
	_, err := casefile.Decode(r)
	var errs casefile.DecodeErrors
	require.True(t, errors.As(err, &errs), "%v", err)
	assert.Contains(t, err.Error(), "64 MiB limit")
	assert.LessOrEqual(t, r.n, int64(casefile.MaxCaseSize)+64<<10, "read far past the cap")
}

func TestDecodeErrorsNameTheProblem(t *testing.T) {
	sample := string(casefile.SampleJSON())
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"invalid UTF-8 names line and column", strings.Replace(sample, "Siân", "Si\xffn", 1), []string{"line 14, column 52", "UTF-8"}},
		{"syntax error names line and column", strings.Replace(sample, `"urn": "60NC0217826",`, `"urn": "60NC0217826"`, 1), []string{"line 4"}},
		{"wrong format version", strings.Replace(sample, "spokit.case/v1", "spokit.case/v2", 1), []string{"format", "spokit.case/v1"}},
		{"date that does not exist", strings.Replace(sample, `"as_of": "2026-03-02"`, `"as_of": "2026-02-29"`, 1), []string{"as_of", "not a real calendar date"}},
		{"clock time out of range", strings.Replace(sample, `"time": "13:20"`, `"time": "25:20"`, 1), []string{"incidents[0].time", "HH:MM"}},
		{"value outside a vocabulary", strings.Replace(sample, `"role": "witness"`, `"role": "bystander"`, 1), []string{"people[3].role", `"bystander"`}},
		{"wrong JSON type", strings.Replace(sample, `"online": true`, `"online": "yes"`, 1), []string{"incidents[1].online"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := casefile.Decode(strings.NewReader(tt.doc))
			var errs casefile.DecodeErrors
			require.True(t, errors.As(err, &errs), "%v", err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestDecodeCollectsEveryProblem(t *testing.T) {
	doc := strings.NewReplacer(
		`"as_of": "2026-03-02"`, `"as_of": "2026-02-30"`,
		`"role": "witness"`, `"role": "bystander"`,
		`"online": true`, `"online": "yes"`,
	).Replace(string(casefile.SampleJSON()))
	_, err := casefile.Decode(strings.NewReader(doc))
	var errs casefile.DecodeErrors
	require.True(t, errors.As(err, &errs))
	var paths []string
	for _, e := range errs {
		paths = append(paths, e.Path)
		assert.Positive(t, e.Line)
	}
	assert.Equal(t, []string{"as_of", "people[3].role", "incidents[1].online", "incidents[4].online"}, paths)
}

func TestEncodeRoundTripsTheSample(t *testing.T) {
	c, _ := casefile.Sample()
	var buf bytes.Buffer
	require.NoError(t, casefile.Encode(&buf, c))
	again, err := casefile.Decode(io.NopCloser(&buf))
	require.NoError(t, err)
	assert.Equal(t, c, again)
}

func TestSchemaIsACopyTheCallerMayChange(t *testing.T) {
	for name, schema := range map[string]func() []byte{"case": casefile.Schema, "screening": screen.Schema} {
		a := schema()
		a[0] = 'x'
		assert.NotEqual(t, byte('x'), schema()[0], name)
	}
}
