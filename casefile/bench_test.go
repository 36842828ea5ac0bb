package casefile_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/spokit/spokit/casefile/screen"

	"github.com/spokit/spokit/casefile/workbook"

	"github.com/spokit/spokit/casefile/mgform"

	"github.com/spokit/spokit/casefile/synth"

	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/baseline"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/spokit/spokit/templates"
)

// benchSizes are the cases the benchmarks run on (synth.Typical and
// synth.Large).
var benchSizes = []struct {
	name string
	opts synth.Options
}{{"typical", synth.Typical()}, {"large", synth.Large()}}

// BenchmarkScreen screens a case and puts the screening into words, as the
// screen command, the MG forms and the workbook do.
func BenchmarkScreen(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			c, _ := synth.Generate(size.opts)
			for b.Loop() {
				if _, err := screen.Screen(c, c.AsOf).Report(templates.Default()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkForms writes every MG form of a case, given its validation and
// screening as spokit.Build gives them (BenchmarkScreen measures the
// screening); its "-fpdf" companions write the same documents, each with as
// many pages of the case's text, with fpdf alone.
func BenchmarkForms(b *testing.B) {
	for _, size := range benchSizes {
		c, files := synth.Generate(size.opts)
		s := screen.Screen(c, c.AsOf)
		opts := mgform.Options{Report: casefile.Validate(c, casefile.Options{Files: files}), Screening: &s}
		forms := mgform.Forms(c)
		outs := make([]bytes.Buffer, len(forms))
		b.Run(size.name, func(b *testing.B) {
			for b.Loop() {
				for i, f := range forms {
					outs[i].Reset()
					if err := f.Write(&outs[i], opts); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		b.Run(size.name+"-fpdf", func(b *testing.B) {
			// The baseline prints the pages spokit's documents have; when
			// -bench leaves spokit's own benchmark out, they are written here.
			for i, f := range forms {
				if outs[i].Len() == 0 {
					require.NoError(b, f.Write(&outs[i], opts))
				}
			}
			text := baseline.Strings(c)
			docs := make([]baseline.PDF, len(outs))
			for i := range outs {
				docs[i] = baseline.PDF{Pages: realclient.PDFPages(b, outs[i].Bytes()), Text: text, Date: c.AsOf.Time()}
			}
			for b.Loop() {
				for _, d := range docs {
					if err := baseline.WritePDF(io.Discard, d); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkWorkbook writes the prosecution workbook, given the case's
// validation and screening as spokit.Build gives them; its "-excelize"
// companions write the same values into the same sheets with excelize's
// stream writer alone, and its "-excelize-policy" companions also do the
// two things the workbook must do that the stream does not: pass every
// text cell through the defence's disclosure policy and put the screening
// into words.
func BenchmarkWorkbook(b *testing.B) {
	for _, size := range benchSizes {
		c, files := synth.Generate(size.opts)
		report := casefile.Validate(c, casefile.Options{Files: files})
		s := screen.Screen(c, c.AsOf)
		var out bytes.Buffer
		b.Run(size.name, func(b *testing.B) {
			opts := workbook.Options{TmpDir: b.TempDir(), Screening: &s}
			for b.Loop() {
				out.Reset()
				if err := workbook.Write(&out, c, report, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(size.name+"-excelize", func(b *testing.B) {
			sheets, err := baseline.ReadSheets(out.Bytes())
			require.NoError(b, err)
			tmp := b.TempDir()
			for b.Loop() {
				if err := baseline.WriteWorkbook(io.Discard, sheets, tmp); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(size.name+"-excelize-policy", func(b *testing.B) {
			sheets, err := baseline.ReadSheets(out.Bytes())
			require.NoError(b, err)
			tmp := b.TempDir()
			for b.Loop() {
				if _, err := s.Report(nil); err != nil {
					b.Fatal(err)
				}
				// A policy per workbook, as workbook.Write has: it remembers
				// the texts of one document only.
				d := casefile.NewDisclosure(c, casefile.AudienceDefence, templates.Default().Renderer())
				if err := baseline.WriteWorkbook(io.Discard, filtered(sheets, d.Text), tmp); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// filtered returns sheets with every text cell passed through filter.
func filtered(sheets []baseline.Sheet, filter func(string) string) []baseline.Sheet {
	out := make([]baseline.Sheet, len(sheets))
	for i, sh := range sheets {
		out[i] = baseline.Sheet{Name: sh.Name, Rows: make([][]any, len(sh.Rows))}
		for r, row := range sh.Rows {
			out[i].Rows[r] = make([]any, len(row))
			for k, v := range row {
				if t, ok := v.(string); ok {
					v = filter(t)
				}
				out[i].Rows[r][k] = v
			}
		}
	}
	return out
}
