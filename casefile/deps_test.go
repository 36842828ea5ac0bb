package casefile

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/realclient"
)

// A program that only decodes and validates a case must not pull in the
// PDF, spreadsheet or template engines, or image encoders: the model
// depends on the standard library and spokit's own case-agnostic internals.
func TestTheModelDependsOnTheStandardLibraryAndInternalsOnly(t *testing.T) {
	goTool := realclient.Require(t, "go")
	out, err := exec.Command(goTool, "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").Output()
	require.NoError(t, err)
	allowed := []string{"github.com/spokit/spokit/casefile", "github.com/spokit/spokit/internal/law",
		"github.com/spokit/spokit/internal/strictjson", "github.com/spokit/spokit/internal/redact",
		"github.com/spokit/spokit/internal/filekind", "github.com/spokit/spokit/internal/fserr"}
	for _, dep := range strings.Fields(string(out)) {
		assert.Contains(t, allowed, dep, "the model package imports %s", dep)
	}
	out, err = exec.Command(goTool, "list", "-deps", ".").Output()
	require.NoError(t, err)
	for _, banned := range []string{"image/png", "image/jpeg", "image/gif", "golang.org/x/image", "text/template", "html/template"} {
		assert.NotContains(t, strings.Fields(string(out)), banned)
	}
}
