package pdfdoc_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/pdfdoc"
	"github.com/spokit/spokit/internal/realclient"
)

func TestKeepTogetherMovesARunThatWouldSplitToTheNextPage(t *testing.T) {
	for _, tc := range []struct {
		name string
		keep bool
		same bool // the last term and the signature share a page
	}{
		{"kept together", true, true},
		{"left to flow", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := pdfdoc.New(opts())
			// Fill the page so that the term fits but the signature would not.
			for range 31 {
				d.Paragraph("filler line")
			}
			if tc.keep {
				d.KeepTogether(2)
			}
			d.Text(pdfdoc.Text{Label: "7.", Body: "LASTTERM " + words("t", 40)})
			d.Signatures("Signed", "Date")
			pdf := write(t, d)
			pages := realclient.PDFPages(t, pdf)
			require.GreaterOrEqual(t, pages, 2)
			var termPage, signPage int
			for p := 1; p <= pages; p++ {
				text := realclient.PageText(t, pdf, p)
				if strings.Contains(text, "LASTTERM") && termPage == 0 {
					termPage = p
				}
				if strings.Contains(text, "Signed:") {
					signPage = p
				}
			}
			assert.Equal(t, tc.same, termPage == signPage, "term on page %d, signature on page %d", termPage, signPage)
		})
	}
}
