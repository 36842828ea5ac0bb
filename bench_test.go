package spokit

import (
	"context"
	"testing"

	"github.com/spokit/spokit/casefile/synth"
)

// BenchmarkBuild is Build of one case into memory: validation, every
// document and the manifest. Run it with -cpu 1,2 to compare one core with
// two: the documents are rendered concurrently, up to GOMAXPROCS at once.
func BenchmarkBuild(b *testing.B) {
	for _, size := range []struct {
		name string
		opts synth.Options
	}{{"typical", synth.Typical()}, {"large", synth.Large()}} {
		b.Run(size.name, func(b *testing.B) {
			c, files := synth.Generate(size.opts)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Build(context.Background(), c, Settings{Files: files, TmpDir: b.TempDir()}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
