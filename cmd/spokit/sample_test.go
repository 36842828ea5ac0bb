package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/spo"
)

func TestSampleSizeFlagsPrintASyntheticCaseWithoutFiles(t *testing.T) {
	tests := []struct {
		name string
		args []string
		// want: incidents, statements, exhibits, unused
		want [4]int
	}{
		{name: "incidents alone", args: []string{"--incidents", "30"}, want: [4]int{30, 4, 8, 6}},
		{name: "seed alone gives the default size", args: []string{"--seed", "3"}, want: [4]int{12, 4, 8, 6}},
		{name: "every size", args: []string{"--incidents", "50", "--statements", "9", "--pages", "1", "--exhibits", "20", "--images", "5", "--unused", "11", "--seed", "-4"},
			want: [4]int{50, 9, 20, 11}},
		{name: "zero means the default", args: []string{"--incidents", "0", "--images", "0"}, want: [4]int{12, 4, 8, 6}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, stderr := spokit(t, append([]string{"sample"}, tt.args...)...)
			require.Equal(t, exitOK, status, stderr)
			c, err := casefile.Decode(strings.NewReader(out))
			require.NoError(t, err)
			assert.Equal(t, tt.want, [4]int{len(c.Incidents), len(c.Statements), len(c.Exhibits), len(c.UnusedMaterial)})
			assert.NotEqual(t, casefile.SampleJSON(), []byte(out))
			for _, x := range c.Exhibits {
				assert.Empty(t, x.File, "printed alone, exhibit %s must not name a file", x.Ref)
			}
			report := casefile.Validate(c, casefile.Options{Rules: spo.AllRules()})
			assert.Zero(t, report.Count(casefile.Error))
			assert.Zero(t, report.Count(casefile.Warning))
		})
	}
}

func TestSamplePagesSetsTheLengthOfEveryStatement(t *testing.T) {
	length := func(pages string) int {
		status, out, stderr := spokit(t, "sample", "--statements", "6", "--pages", pages)
		require.Equal(t, exitOK, status, stderr)
		c, err := casefile.Decode(strings.NewReader(out))
		require.NoError(t, err)
		n := 0
		for _, st := range c.Statements {
			n += len(st.Text)
		}
		return n
	}
	one, three := length("1"), length("3")
	assert.Greater(t, three, 2*one, "three pages a statement is about three times one page")
	assert.Equal(t, length("2"), length("0"), "0 means the default, two pages")
}

func TestSampleSyntheticIsTheSameForTheSameSeed(t *testing.T) {
	_, first, _ := spokit(t, "sample", "--incidents", "40", "--seed", "11")
	_, again, _ := spokit(t, "sample", "--seed", "11", "--incidents", "40")
	_, other, _ := spokit(t, "sample", "--incidents", "40", "--seed", "12")
	assert.Equal(t, first, again)
	assert.NotEqual(t, first, other)
}

func TestSampleSyntheticWithFilesIsSound(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "synthetic")
	status, _, stderr := spokit(t, "sample", "-o", dir, "--incidents", "60", "--exhibits", "15", "--images", "6", "--seed", "5")
	require.Equal(t, exitOK, status, stderr)

	b, err := os.ReadFile(filepath.Join(dir, "case.json"))
	require.NoError(t, err)
	c, err := casefile.Decode(strings.NewReader(string(b)))
	require.NoError(t, err)
	assert.Len(t, c.Incidents, 60)
	files := 0
	for _, x := range c.Exhibits {
		if x.File != "" {
			assert.FileExists(t, filepath.Join(dir, filepath.FromSlash(x.File)))
			files++
		}
	}
	assert.Equal(t, 6+2, files, "six images and the default two PDFs")

	status, out, _ := spokit(t, "validate", filepath.Join(dir, "case.json"))
	assert.Equal(t, exitOK, status, out)
	assert.Contains(t, out, "0 errors, 0 warnings")

	status, _, stderr = spokit(t, "sample", "-o", dir, "--incidents", "60", "--seed", "5")
	assert.Equal(t, exitInput, status, "must not overwrite")
	assert.Contains(t, stderr, "exists")
}

func TestSampleWithoutSizeFlagsIsTheEmbeddedSample(t *testing.T) {
	status, out, _ := spokit(t, "sample")
	require.Equal(t, exitOK, status)
	c, err := casefile.Decode(strings.NewReader(out))
	require.NoError(t, err)
	embedded, _ := casefile.Sample()
	assert.Equal(t, embedded.URN, c.URN)
	assert.Len(t, c.Incidents, len(embedded.Incidents))
}

func TestSampleRejectsNegativeSizes(t *testing.T) {
	for _, flag := range []string{"--incidents", "--statements", "--pages", "--exhibits", "--images", "--unused"} {
		status, out, stderr := spokit(t, "sample", flag, "-1")
		assert.Equal(t, exitInput, status, flag)
		assert.Empty(t, out, flag)
		assert.Contains(t, stderr, flag, flag)
	}
}

func TestSampleHelpNamesTheSizeFlags(t *testing.T) {
	status, stdout, _ := spokit(t, "sample", "--help")
	assert.Equal(t, exitOK, status)
	for _, flag := range []string{"-o", "-incidents", "-statements", "-pages", "-exhibits", "-images", "-unused", "-seed"} {
		assert.Contains(t, stdout, flag)
	}
}
