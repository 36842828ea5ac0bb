package spo_test

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"testing"

	"github.com/spokit/spokit/casefile/synth"

	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/baseline"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/spokit/spokit/spo"
)

// benchSizes are the cases the benchmarks run on (synth.Typical and
// synth.Large).
var benchSizes = []struct {
	name string
	opts synth.Options
}{{"typical", synth.Typical()}, {"large", synth.Large()}}

// BenchmarkDecodeValidate reads a case file and runs every rule on it, as
// each command does first.
func BenchmarkDecodeValidate(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			c, files := synth.Generate(size.opts)
			var data bytes.Buffer
			require.NoError(b, casefile.Encode(&data, c))
			b.SetBytes(int64(data.Len()))
			for b.Loop() {
				c, err := casefile.Decode(bytes.NewReader(data.Bytes()))
				if err != nil {
					b.Fatal(err)
				}
				casefile.Validate(c, casefile.Options{Files: files, Rules: spo.AllRules()})
			}
		})
	}
}

// BenchmarkBundle writes the court bundle; its "-fpdf" companions write as
// many pages of the case's text, with the same pictures, with fpdf alone.
func BenchmarkBundle(b *testing.B) {
	benchmarkCopy(b, spo.WriteBundle)
}

// BenchmarkServiceCopy writes the copy served on the respondent, which
// withholds the contact details of everyone it protects; compare
// BenchmarkBundle.
func BenchmarkServiceCopy(b *testing.B) {
	benchmarkCopy(b, spo.WriteServiceCopy)
}

func benchmarkCopy(b *testing.B, write writer) {
	for _, size := range benchSizes {
		c, files := synth.Generate(size.opts)
		a, err := spo.NewApplication(c)
		require.NoError(b, err)
		opts := spo.BundleOptions{Files: files, AsOf: c.AsOf}
		var out bytes.Buffer
		b.Run(size.name, func(b *testing.B) {
			for b.Loop() {
				out.Reset()
				if err := write(&out, a, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(size.name+"-fpdf", func(b *testing.B) {
			// The baseline prints the pages spokit's copy has; when -bench
			// leaves spokit's own benchmark out, the copy is written here.
			if out.Len() == 0 {
				require.NoError(b, write(&out, a, opts))
			}
			doc := baseline.PDF{Pages: realclient.PDFPages(b, out.Bytes()), Text: baseline.Strings(c),
				Images: pictures(b, c, files), Date: c.AsOf.Time()}
			for b.Loop() {
				if err := baseline.WritePDF(io.Discard, doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// pictures returns the files of the case's exhibits that both copies of the
// bundle reproduce as pictures: PNG and JPEG files of exhibits that are not
// sensitive.
func pictures(b *testing.B, c *casefile.Case, files fs.FS) [][]byte {
	var out [][]byte
	for _, x := range c.Exhibits {
		if x.Sensitive || (path.Ext(x.File) != ".png" && path.Ext(x.File) != ".jpg") {
			continue
		}
		data, err := fs.ReadFile(files, x.File)
		require.NoError(b, err)
		out = append(out, data)
	}
	return out
}
