package spo_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"sync"
	"testing"

	"github.com/spokit/spokit/casefile/screen"

	"github.com/spokit/spokit/casefile/workbook"

	"github.com/spokit/spokit/casefile/mgform"

	"github.com/spokit/spokit/casefile/synth"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/spo"
	"github.com/spokit/spokit/templates"
)

// everything returns every output the library makes of a case, by name:
// the validation report, the screening in words, each MG form, the
// workbooks and the three SPO documents.
func everything(t *testing.T, c *casefile.Case, files fs.FS) map[string][]byte {
	out := map[string][]byte{}
	add := func(name string, write func(*bytes.Buffer) error) {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		out[name] = buf.Bytes()
	}
	report := casefile.Validate(c, casefile.Options{Files: files, Rules: spo.AllRules()})
	add("findings", func(w *bytes.Buffer) error { return json.NewEncoder(w).Encode(report) })
	add("screening", func(w *bytes.Buffer) error {
		r, err := screen.Screen(c, report.AsOf).Report(templates.Default())
		if err != nil {
			return err
		}
		return json.NewEncoder(w).Encode(r)
	})
	forms := mgform.Options{Report: report}
	for _, form := range mgform.Forms(c) {
		add(form.Name, func(w *bytes.Buffer) error { return form.Write(w, forms) })
	}
	book := workbook.Options{TmpDir: t.TempDir()}
	add("workbook", func(w *bytes.Buffer) error { return workbook.Write(w, c, report, book) })
	add("sensitive workbook", func(w *bytes.Buffer) error { return workbook.WriteSensitive(w, c, book) })
	app, err := spo.NewApplication(c)
	if err != nil {
		t.Errorf("application: %v", err)
		return out
	}
	for name, write := range writers {
		if name == "interim order" && app.Interim == nil {
			continue // none is sought
		}
		add(name, func(w *bytes.Buffer) error {
			return write(w, app, spo.BundleOptions{Files: files, AsOf: report.AsOf})
		})
	}
	return out
}

func TestManyGoroutinesMakeWhatOneMakes(t *testing.T) {
	t.Parallel()
	// Small cases, each made by two goroutines at once from the same
	// Case, beside the other cases' goroutines: outputs must not depend on
	// what else runs, and no renderer may change the case it is given.
	const cases, each = 4, 2
	type sample struct {
		c     *casefile.Case
		files fs.FS
		want  map[string][]byte
	}
	samples := make([]sample, cases)
	for i := range samples {
		c, files := synth.Generate(synth.Options{Incidents: 8, Statements: 3, Exhibits: 4, ImageExhibits: 1,
			PDFExhibits: 1, Unused: 6, StatementPages: 1, Seed: int64(i)})
		samples[i] = sample{c: c, files: files, want: everything(t, c, files)}
		require.NotEmpty(t, samples[i].want["bundle"])
	}
	got := make([][]map[string][]byte, cases)
	var wg sync.WaitGroup
	for i := range samples {
		got[i] = make([]map[string][]byte, each)
		for j := range each {
			wg.Go(func() { got[i][j] = everything(t, samples[i].c, samples[i].files) })
		}
	}
	wg.Wait()
	for i, s := range samples {
		for j := range each {
			require.Len(t, got[i][j], len(s.want))
			for name, want := range s.want {
				assert.True(t, bytes.Equal(want, got[i][j][name]), fmt.Sprintf("case %d, goroutine %d: %s differs", i, j, name))
			}
		}
	}
}
