package workbook_test

import (
	"os"
	"testing"

	"github.com/spokit/spokit/internal/realclient"
)

// TestMain names the real-client tests a missing tool skipped.
func TestMain(m *testing.M) { os.Exit(realclient.Main(m)) }
