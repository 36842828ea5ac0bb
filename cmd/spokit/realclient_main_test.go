package main

import (
	"os"
	"testing"

	"github.com/spokit/spokit/internal/realclient"
)

// runAsSpokit, set in the environment, makes the test binary run as the
// spokit command, so a test can run spokit as a process without building it.
const runAsSpokit = "SPOKIT_TEST_RUN_AS_SPOKIT"

// TestMain names the real-client tests a missing tool skipped, or runs
// spokit itself when runAsSpokit is set.
func TestMain(m *testing.M) {
	if os.Getenv(runAsSpokit) == "1" {
		main()
	}
	os.Exit(realclient.Main(m))
}
