package mgform_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/spokit/spokit/casefile/mgform"

	"github.com/spokit/spokit/casefile/synth"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// footerTop is where the page footer starts, in points from the top of an
// A4 page (274 mm): text below it is page furniture, not content.
const footerTop = 274 / 25.4 * 72

// headingsLeftAlone returns the bookmarked headings of pdf that end their
// page: nothing of the page's content is printed below the heading's last
// line. A heading is found as the run of words on its page that spells its
// title in the largest type (headings are set larger than the text that
// may repeat a title, such as a name), the last of those.
func headingsLeftAlone(t *testing.T, pdf []byte) []string {
	t.Helper()
	byPage := map[int][]realclient.Word{}
	for _, w := range realclient.Words(t, pdf) {
		byPage[w.Page] = append(byPage[w.Page], w)
	}
	var alone []string
	for _, e := range realclient.Outline(t, pdf) {
		words := byPage[e.Page]
		title := strings.Fields(e.Title)
		bottom, height := -1.0, 0.0
		for i := 0; i+len(title) <= len(words); i++ {
			match := true
			for j, tw := range title {
				if words[i+j].Text != tw {
					match = false
					break
				}
			}
			if h := words[i].YMax - words[i].YMin; match && h >= height-0.01 {
				bottom, height = words[i+len(title)-1].YMax, h
			}
		}
		if bottom < 0 {
			continue // a title fpdf printed differently (e.g. cut short) cannot be located
		}
		followed := false
		for _, w := range words {
			if w.YMin > bottom && w.YMax < footerTop {
				followed = true
				break
			}
		}
		if !followed {
			alone = append(alone, fmt.Sprintf("page %d: %q", e.Page, e.Title))
		}
	}
	return alone
}

func TestNoPageEndsWithAHeading(t *testing.T) {
	big, _ := synth.Generate(synth.Options{Incidents: 60, Statements: 10, Exhibits: 20, ImageExhibits: 0, PDFExhibits: 0})
	cases := map[string]*casefile.Case{"sample": sampleCase(t), "synthetic": big}
	for name, c := range cases {
		for _, form := range mgform.Forms(c) {
			if strings.HasPrefix(form.Name, "MG11-") && form.Name != "MG11-ST1.pdf" {
				continue // every statement has the same layout
			}
			t.Run(name+"/"+form.Name, func(t *testing.T) {
				var buf bytes.Buffer
				require.NoError(t, form.Write(&buf, mgform.Options{}))
				assert.Empty(t, headingsLeftAlone(t, buf.Bytes()))
			})
		}
	}
}
