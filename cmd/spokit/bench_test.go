package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/spokit/spokit/casefile/synth"
)

// BenchmarkBuild is "spokit build" of one case from its file on disk to
// every output in place: decoding, validation, every PDF and workbook, the
// findings and the manifest. Its typical-case time per operation gives the
// number of cases a second one core builds.
func BenchmarkBuild(b *testing.B) {
	for _, size := range []struct {
		name string
		opts synth.Options
	}{{"typical", synth.Typical()}, {"large", synth.Large()}} {
		b.Run(size.name, func(b *testing.B) {
			dir := b.TempDir()
			c, files := synth.Generate(size.opts)
			if err := writeSample(filepath.Join(dir, "case"), files, c); err != nil {
				b.Fatal(err)
			}
			path := filepath.Join(dir, "case", "case.json")
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n++
				out := filepath.Join(dir, fmt.Sprint("out", n))
				var stdout, stderr bytes.Buffer
				if status := run(&env{stdout: &stdout, stderr: &stderr}, []string{"build", "-o", out, path}); status != exitOK {
					b.Fatalf("build: status %d: %s", status, stderr.String())
				}
				if err := os.RemoveAll(out); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
