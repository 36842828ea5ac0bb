package spokit

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/spokit/spokit/casefile/synth"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
)

// buildInto is set in a child test process to the folder it builds the
// sample into, as a killed build (see TestMain).
const buildInto = "SPOKIT_TEST_BUILD_INTO"

func TestMain(m *testing.M) {
	if dir := os.Getenv(buildInto); dir != "" {
		c, files := casefile.Sample()
		res, err := Build(context.Background(), c, Settings{Files: files})
		if err == nil {
			err = WriteFolder(context.Background(), dir, res.Outputs)
		}
		if err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// sampleBuild builds the sample case with s, its exhibit files added.
func sampleBuild(t *testing.T, mutate func(*casefile.Case), s Settings) *Result {
	t.Helper()
	c, files := casefile.Sample()
	if mutate != nil {
		mutate(c)
	}
	s.Files = files
	res, err := Build(context.Background(), c, s)
	require.NoError(t, err)
	return res
}

func names(outs []Output) []string {
	var n []string
	for _, o := range outs {
		n = append(n, o.Name)
	}
	return n
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var n []string
	for _, e := range entries {
		n = append(n, e.Name())
	}
	return n
}

// assertWholeSet checks that dir holds exactly the files its manifest
// lists, each with the listed bytes, the manifest, and the extra files
// named, and returns the manifest.
func assertWholeSet(t *testing.T, dir string, extra ...string) Manifest {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	require.NoError(t, err)
	var m Manifest
	require.NoError(t, json.Unmarshal(b, &m))
	want := append([]string{ManifestName}, extra...)
	for _, f := range m.Files {
		want = append(want, f.Name)
		data, err := os.ReadFile(filepath.Join(dir, f.Name))
		require.NoError(t, err)
		assert.Equal(t, f.SHA256, ManifestOf([]Output{{Name: f.Name, Data: data}})[0].SHA256, f.Name)
	}
	slices.Sort(want)
	assert.Equal(t, want, listDir(t, dir), "exactly one build's files")
	return m
}

func TestBuildListsTheOutputsACaseHasWithTheirAudiences(t *testing.T) {
	withInterim := sampleBuild(t, nil, Settings{})
	noSPO := sampleBuild(t, func(c *casefile.Case) { c.SPO = nil }, Settings{})
	noInterim := sampleBuild(t, func(c *casefile.Case) { c.SPO.Interim = nil }, Settings{})

	assert.Contains(t, names(withInterim.Outputs), "spo-interim-order-draft.pdf")
	assert.NotContains(t, names(noInterim.Outputs), "spo-interim-order-draft.pdf", "the interim order only when sought")
	assert.Contains(t, names(noInterim.Outputs), "spo-order-draft.pdf")
	for _, n := range names(noSPO.Outputs) {
		assert.NotRegexp(t, `^spo-`, n, "SPO documents only for a case with an SPO application")
	}
	assert.Contains(t, names(noSPO.Outputs), "MG5.pdf")
	for _, n := range []string{"breach-schedule.pdf", "notification-timeline.pdf", "spo-variation-application.pdf", "spo-varied-order-draft.pdf", "spo-varied-order-draft.docx"} {
		assert.NotContains(t, names(withInterim.Outputs), n, "the documents after an order only for a case that records one")
	}
	assert.True(t, slices.IsSorted(names(withInterim.Outputs)))

	audiences := map[string]casefile.Audience{}
	for _, o := range withInterim.Outputs {
		audiences[o.Name] = o.Audience
	}
	assert.Equal(t, map[string]casefile.Audience{
		"spo-service-copy.pdf": casefile.AudienceRespondent, "spo-notice.pdf": casefile.AudienceRespondent,
		"spo-bundle.pdf": casefile.AudienceCourt, "MG5.pdf": casefile.AudienceDefence,
		"prosecution.xlsx": casefile.AudienceProsecution, "sensitive-unused.xlsx": casefile.AudienceProsecution,
		"findings.json": casefile.AudiencePolice, ManifestName: casefile.AudiencePolice,
	}, map[string]casefile.Audience{
		"spo-service-copy.pdf": audiences["spo-service-copy.pdf"], "spo-notice.pdf": audiences["spo-notice.pdf"],
		"spo-bundle.pdf": audiences["spo-bundle.pdf"], "MG5.pdf": audiences["MG5.pdf"],
		"prosecution.xlsx": audiences["prosecution.xlsx"], "sensitive-unused.xlsx": audiences["sensitive-unused.xlsx"],
		"findings.json": audiences["findings.json"], ManifestName: audiences[ManifestName],
	})
}

func TestResultOutputFindsAnOutputByName(t *testing.T) {
	res := sampleBuild(t, nil, Settings{})
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"MG5.pdf", true}, {ManifestName, true}, {"spo-bundle.pdf", true}, {res.Outputs[0].Name, true},
		{res.Outputs[len(res.Outputs)-1].Name, true}, {"mg5.pdf", false}, {"", false}, {"zzz", false},
	} {
		o, ok := res.Output(tt.name)
		assert.Equal(t, tt.want, ok, tt.name)
		if tt.want {
			assert.Equal(t, tt.name, o.Name)
			assert.NotEmpty(t, o.Data)
		}
	}
}

func TestBuildRefusesACaseWithErrorsUnlessDraft(t *testing.T) {
	c, files := casefile.Sample()
	c.Statements = nil
	res, err := Build(context.Background(), c, Settings{Files: files})
	require.ErrorIs(t, err, ErrCaseHasErrors)
	assert.True(t, res.Report.HasErrors(), "the report comes back with the refusal")
	assert.Empty(t, res.Outputs)

	res, err = Build(context.Background(), c, Settings{Files: files, Draft: true})
	require.NoError(t, err)
	assert.Contains(t, names(res.Outputs), "findings.json")
}

func TestBuildAppliesTheSPORules(t *testing.T) {
	res := sampleBuild(t, nil, Settings{})
	var rules []string
	for _, f := range res.Report.Findings {
		rules = append(rules, f.Rule)
	}
	assert.Contains(t, rules, "SPO-TERM-CONFLICT", "the sample's SPO finding, as the command reports it")
}

// The outputs of one case do not depend on how many documents are
// rendered at once, nor on how many cores there are.
func TestOutputsAreTheSameBytesOnOneCoreAndOnTwo(t *testing.T) {
	synth, synthFiles := synth.Generate(synth.Typical())
	sample, sampleFiles := casefile.Sample()
	for _, tt := range []struct {
		name  string
		c     *casefile.Case
		files func() Settings
	}{
		{"sample", sample, func() Settings { return Settings{Files: sampleFiles} }},
		{"synthetic", synth, func() Settings { return Settings{Files: synthFiles, Draft: true} }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			build := func(procs, concurrency int) []Output {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				s := tt.files()
				s.Concurrency = concurrency
				res, err := Build(context.Background(), tt.c, s)
				require.NoError(t, err)
				return res.Outputs
			}
			one := build(1, 1)
			require.NotEmpty(t, one)
			for _, run := range [][2]int{{2, 0}, {2, 8}} {
				other := build(run[0], run[1])
				require.Equal(t, names(one), names(other))
				for i := range one {
					assert.True(t, bytes.Equal(one[i].Data, other[i].Data), "%s with GOMAXPROCS %d, concurrency %d", one[i].Name, run[0], run[1])
				}
			}
		})
	}
}

func TestBuildStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	stop := errors.New("stop")
	cancel(stop)
	c, files := casefile.Sample()
	_, err := Build(ctx, c, Settings{Files: files})
	assert.ErrorIs(t, err, stop)
}

func TestABuildReplacesTheOlderBuildsOutputs(t *testing.T) {
	older := sampleBuild(t, nil, Settings{})
	newer := sampleBuild(t, func(c *casefile.Case) { c.SPO.Interim = nil }, Settings{})
	for _, tt := range []struct {
		name string
		// prepare adds what the user keeps in the folder.
		prepare func(t *testing.T, dir string) []string
	}{
		{"a folder of outputs", func(t *testing.T, dir string) []string { return nil }},
		{"beside the user's own file", func(t *testing.T, dir string) []string {
			require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o600))
			return []string{"notes.txt"}
		}},
		{"beside the user's own folder", func(t *testing.T, dir string) []string {
			require.NoError(t, os.Mkdir(filepath.Join(dir, "exhibits"), 0o755))
			return []string{"exhibits"}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			require.NoError(t, WriteFolder(context.Background(), dir, older.Outputs))
			require.FileExists(t, filepath.Join(dir, "spo-interim-order-draft.pdf"))
			extra := tt.prepare(t, dir)

			require.NoError(t, WriteFolder(context.Background(), dir, newer.Outputs))
			m := assertWholeSet(t, dir, extra...)
			assert.NoFileExists(t, filepath.Join(dir, "spo-interim-order-draft.pdf"), "nothing stale from the older build")
			assert.Len(t, m.Files, len(newer.Outputs)-1)
			if slices.Contains(extra, "notes.txt") {
				b, err := os.ReadFile(filepath.Join(dir, "notes.txt"))
				require.NoError(t, err)
				assert.Equal(t, "mine", string(b), "the user's file is kept")
			}
			leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".out.spokit-*"))
			assert.Empty(t, leftovers, "no staging folder left beside")
		})
	}
}

func TestACancelledWriteLeavesTheFolderAsItWas(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	older := sampleBuild(t, nil, Settings{})
	require.NoError(t, WriteFolder(context.Background(), dir, older.Outputs))
	before := assertWholeSet(t, dir)

	ctx, cancel := context.WithCancelCause(context.Background())
	stop := errors.New("stop")
	cancel(stop)
	newer := sampleBuild(t, func(c *casefile.Case) { c.SPO.Interim = nil }, Settings{})
	assert.ErrorIs(t, WriteFolder(ctx, dir, newer.Outputs), stop)
	assert.Equal(t, before, assertWholeSet(t, dir), "the old set, whole")

	fresh := filepath.Join(parent, "new", "out")
	assert.ErrorIs(t, WriteFolder(ctx, fresh, newer.Outputs), stop)
	assert.NoDirExists(t, filepath.Join(parent, "new"), "no folder made for a write that did not happen")
	assert.Equal(t, []string{"out"}, listDir(t, parent), "no staging folder")
}

func TestWriteFolderRefusesNamesOutsideTheFolder(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"", ".", "..", "../x.pdf", "a/b.pdf", ".spokit-x"} {
		assert.Error(t, WriteFolder(context.Background(), dir, []Output{{Name: name}}), "%q", name)
	}
	assert.Error(t, WriteFolder(context.Background(), dir, []Output{{Name: "a.pdf"}, {Name: "a.pdf"}}), "twice the same name")
	assert.Empty(t, listDir(t, dir))
}

// A build killed at any moment leaves the whole old set or the whole new
// one: the child processes build the sample into a folder holding an
// older build (of an earlier date, so every file differs) and are killed
// at times spread over a build.
func TestABuildKilledAtAnyMomentLeavesAWholeSet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sample several times in child processes")
	}
	probe := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(probe, "a"), 0o755))
	require.NoError(t, os.Mkdir(filepath.Join(probe, "b"), 0o755))
	if errors.Is(exchange(filepath.Join(probe, "a"), filepath.Join(probe, "b")), errNoExchange) {
		t.Skip("SKIPPED: this system or file system cannot swap two folders in one step; WriteFolder then renames the old folder aside first")
	}
	dir := filepath.Join(t.TempDir(), "out")
	earlier, err := casefile.ParseDate("2026-04-01")
	require.NoError(t, err)
	older := sampleBuild(t, func(c *casefile.Case) { c.SPO.Interim = nil }, Settings{AsOf: earlier})
	require.NoError(t, WriteFolder(context.Background(), dir, older.Outputs))
	oldManifest := assertWholeSet(t, dir)

	run := func(kill time.Duration) (took time.Duration, finished bool) {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), buildInto+"="+dir)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		require.NoError(t, cmd.Start())
		if kill > 0 {
			time.AfterFunc(kill, func() { cmd.Process.Kill() })
		}
		err := cmd.Wait()
		if err == nil {
			return time.Since(start), true
		}
		var exit *exec.ExitError
		require.True(t, errors.As(err, &exit), "%v %s", err, stderr.String())
		require.Equal(t, -1, exit.ExitCode(), "killed, not failed: %s", stderr.String())
		return time.Since(start), false
	}
	full, finished := run(0)
	require.True(t, finished)
	newManifest := assertWholeSet(t, dir)
	require.NotEqual(t, oldManifest, newManifest)

	sets := map[bool]int{}
	for i := 1; i <= 6; i++ {
		require.NoError(t, WriteFolder(context.Background(), dir, older.Outputs))
		run(full * time.Duration(i) / 6)
		m := assertWholeSet(t, dir)
		isNew := assert.ObjectsAreEqual(newManifest, m)
		assert.True(t, isNew || assert.ObjectsAreEqual(oldManifest, m), "the old set or the new one")
		sets[isNew]++
	}
	t.Logf("kills leaving the old set: %d, the new set: %d", sets[false], sets[true])
}
