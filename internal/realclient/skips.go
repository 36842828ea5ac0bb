package realclient

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// skips records which tests a missing tool skipped, for Main's summary.
var skips struct {
	sync.Mutex
	tests map[string]int  // top-level test name: how many of its (sub)tests skipped
	tools map[string]bool // missing tools
}

// missing skips the test for a missing tool (or Python module), or fails
// it in CI, and records the skip for the summary.
func missing(t testing.TB, what string, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("realclient: %s is required in CI but not installed: %v", what, err)
	}
	skips.Lock()
	if skips.tests == nil {
		skips.tests, skips.tools = map[string]int{}, map[string]bool{}
	}
	top, _, _ := strings.Cut(t.Name(), "/")
	skips.tests[top]++
	skips.tools[what] = true
	skips.Unlock()
	t.Skipf("realclient: %s not installed: %v", what, err)
}

// Main runs the tests of m and, when a missing tool skipped any, prints
// one line naming the tools and the skipped tests. Call it from TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(realclient.Main(m)) }
//
// The line goes to standard error, which "go test -v" and a failing
// package show, and to the terminal (/dev/tty) when there is one, since
// "go test ./..." hides everything else a passing package prints.
func Main(m *testing.M) int {
	code := m.Run()
	line := Summary()
	if line == "" {
		return code
	}
	fmt.Fprintln(os.Stderr, line)
	if !isTerminal(os.Stderr) {
		if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
			fmt.Fprintln(tty, line)
			tty.Close()
		}
	}
	return code
}

// Summary returns the line Main prints: the missing tools and the tests
// they skipped, sorted, a test followed by the number of its subtests
// skipped when more than one; or "" when nothing was skipped.
func Summary() string {
	skips.Lock()
	defer skips.Unlock()
	if len(skips.tests) == 0 {
		return ""
	}
	total := 0
	var tests []string
	for _, name := range sortedKeys(skips.tests) {
		n := skips.tests[name]
		total += n
		if n > 1 {
			name = fmt.Sprintf("%s (%d)", name, n)
		}
		tests = append(tests, name)
	}
	return fmt.Sprintf("realclient: %s: %d tests skipped for missing %s (install them to run these; with CI=true they fail): %s",
		strings.TrimSuffix(filepath.Base(os.Args[0]), ".test"), total, strings.Join(sortedKeys(skips.tools), ", "), strings.Join(tests, ", "))
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
