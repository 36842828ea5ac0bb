package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/spokit/spokit/casefile/synth"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// previousOutputs fills dir with the files an earlier build left, and
// returns them by name.
func previousOutputs(t *testing.T, dir string) map[string]string {
	t.Helper()
	require.NoError(t, os.MkdirAll(dir, 0o755))
	old := map[string]string{"spo-bundle.pdf": "the bundle of last week", "manifest.json": `{"urn": "last week"}`}
	for name, content := range old {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
	}
	return old
}

// assertLeftAsItWas checks that dir holds exactly the files in want.
func assertLeftAsItWas(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for _, name := range listDir(t, dir) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err, name)
		got[name] = string(b)
	}
	assert.Equal(t, want, got, "the previous outputs, and no staging folder")
}

func TestAnInterruptedBuildLeavesTheOutputFolderAsItWas(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(interrupted{syscall.SIGTERM})
	tests := []struct {
		name string
		args []string
	}{
		{"build", []string{"build", "--sample"}},
		{"forms", []string{"forms", "--sample"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			old := previousOutputs(t, out)
			var stdout, stderr bytes.Buffer
			status := run(&env{stdout: &stdout, stderr: &stderr, ctx: ctx}, append(tt.args, "-o", out))
			assert.Equal(t, 128+int(syscall.SIGTERM), status)
			assert.Contains(t, stderr.String(), "interrupted by SIGTERM")
			assert.Contains(t, stderr.String(), "nothing written")
			assert.Empty(t, stdout.String())
			assertLeftAsItWas(t, out, old)

			fresh := filepath.Join(t.TempDir(), "new", "out")
			status = run(&env{stdout: &stdout, stderr: &stderr, ctx: ctx}, append(tt.args, "-o", fresh))
			assert.Equal(t, 128+int(syscall.SIGTERM), status)
			assert.NoDirExists(t, filepath.Dir(fresh), "no folder the build made is left")
		})
	}
}

func TestAnInterruptedFolderBuildStartsNoFurtherCase(t *testing.T) {
	in := t.TempDir()
	for _, name := range []string{"a", "b"} {
		status, _, stderr := spokit(t, "sample", "-o", filepath.Join(in, name))
		require.Equal(t, exitOK, status, stderr)
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(interrupted{os.Interrupt})
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	status := run(&env{stdout: &stdout, stderr: &stderr, ctx: ctx}, []string{"build", "-j", "1", "-o", out, in})
	assert.Equal(t, 128+int(syscall.SIGINT), status)
	assert.Contains(t, stderr.String(), "interrupted by SIGINT: built 0 of 2 cases")
	assert.NoDirExists(t, out)
}

func TestAFolderHoldingCaseJSONBuildsLikeItsCaseJSON(t *testing.T) {
	in := filepath.Join(t.TempDir(), "mycase")
	status, _, stderr := spokit(t, "sample", "-o", in)
	require.Equal(t, exitOK, status, stderr)
	byFile, byFolder := filepath.Join(t.TempDir(), "file"), filepath.Join(t.TempDir(), "folder")
	status, _, stderr = spokit(t, "build", "-o", byFile, filepath.Join(in, "case.json"))
	require.Equal(t, exitOK, status, stderr)
	status, _, stderr = spokit(t, "build", "-o", byFolder, in)
	require.Equal(t, exitOK, status, stderr)
	assert.Equal(t, listDir(t, byFile), listDir(t, byFolder), "the same files, at the same level")
	assert.FileExists(t, filepath.Join(byFolder, "manifest.json"))
}

func TestFolderProgressCountsBuiltAndBuildingCases(t *testing.T) {
	var buf bytes.Buffer
	p := progress{w: &buf, total: 3}
	p.start("a")
	p.start("b")
	p.finish()
	p.start("c")
	p.finish()
	p.finish()
	lines := strings.Split(strings.ReplaceAll(buf.String(), "\033[K", ""), "\r")[1:]
	assert.Equal(t, []string{
		"0 of 3 cases done, 1 building: a",
		"0 of 3 cases done, 2 building: b",
		"1 of 3 cases done, 1 building: b",
		"1 of 3 cases done, 2 building: c",
		"2 of 3 cases done, 1 building: c",
		"3 of 3 cases done, 0 building: c",
	}, lines)
}

// The acceptance test of interruption: the real binary, building a large
// case, is sent SIGTERM while it renders (its private temporary folder
// exists). It must stop with the signal's status, leave no staging folder,
// and leave the previous outputs as they were.
func TestSIGTERMHalfWayThroughABuildLeavesThePreviousOutputs(t *testing.T) {
	if os.Getenv("SPOKIT_SCALE") != "1" {
		t.Skip("scale test (builds the large synthetic case): set SPOKIT_SCALE=1")
	}
	dir := t.TempDir()
	c, files := synth.Generate(synth.Large())
	require.NoError(t, writeSample(filepath.Join(dir, "case"), files, c))
	out := filepath.Join(dir, "out")
	old := previousOutputs(t, out)

	// This test binary, run as spokit (see TestMain).
	cmd := exec.Command(os.Args[0], "build", "-o", out, filepath.Join(dir, "case", "case.json"))
	tmp := filepath.Join(dir, "tmp")
	require.NoError(t, os.Mkdir(tmp, 0o755))
	cmd.Env = append(os.Environ(), runAsSpokit+"=1", "TMPDIR="+tmp)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	staged := false
	// Validating the large case (every exhibit read whole, every exhibit
	// PDF's text checked) comes first: on a loaded machine it takes a while.
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		if m, _ := filepath.Glob(filepath.Join(tmp, "spokit-*")); len(m) > 0 {
			staged = true
			break
		}
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	err := cmd.Wait()
	require.True(t, staged, "the build started rendering")
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "the build was stopped, not finished: %v\n%s", err, stderr.String())
	assert.Equal(t, 128+int(syscall.SIGTERM), exit.ExitCode(), stderr.String())
	assert.Contains(t, stderr.String(), "interrupted by SIGTERM")
	assertLeftAsItWas(t, out, old)
	staging, _ := filepath.Glob(filepath.Join(dir, ".out.spokit-*"))
	assert.Empty(t, staging, "no staging folder beside the output folder")
}
