package spokit_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spokit/spokit"
	"github.com/spokit/spokit/casefile"
)

// Build a case the way the spokit command does: validate it with every
// rule, render its documents, and write them into a folder as one set.
// Each output says who may be given it.
func Example() {
	c, files := casefile.Sample() // a real program: casefile.Decode, and an os.Root's FS
	ctx := context.Background()
	res, err := spokit.Build(ctx, c, spokit.Settings{Files: files})
	if err != nil {
		fmt.Println(err) // spokit.ErrCaseHasErrors: see res.Report, or set Draft
		return
	}
	dir, _ := os.MkdirTemp("", "spokit-example-")
	defer os.RemoveAll(dir)
	if err := spokit.WriteFolder(ctx, filepath.Join(dir, "out"), res.Outputs); err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range res.Outputs {
		if o.Audience == casefile.AudienceRespondent {
			fmt.Println("to serve on the respondent:", o.Name)
		}
	}
	// Output:
	// to serve on the respondent: spo-notice.pdf
	// to serve on the respondent: spo-service-copy.pdf
}
