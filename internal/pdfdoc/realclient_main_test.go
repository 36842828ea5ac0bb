package pdfdoc_test

import (
	"os"
	"testing"

	"github.com/spokit/spokit/internal/realclient"
)

// TestMain names the real-client tests a missing tool skipped, and removes
// the exhibit corpus the tests generated.
func TestMain(m *testing.M) {
	code := realclient.Main(m)
	if corpusPath != "" {
		os.RemoveAll(corpusPath)
	}
	os.Exit(code)
}
