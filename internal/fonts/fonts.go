// Package fonts holds the typeface spokit's PDFs are printed in: Liberation
// Sans, regular and bold (Liberation Fonts 2.1.5), embedded under the SIL
// Open Font License 1.1, whose text ships beside them in OFL.txt and is
// available as License.
//
// Liberation Sans has the metrics of Arial, the face court and CPS
// documents are conventionally set in; it covers Welsh (â ê î ô û ŵ ŷ and
// the capitals, ẁ ẃ ẅ ỳ) and the typographic punctuation spokit prints, and
// its zero is plain, so dates and URNs do not read like code. README.md
// records the comparison with the Go fonts and Noto Sans.
package fonts

import _ "embed"

// Regular is LiberationSans-Regular.ttf.
//
//go:embed LiberationSans-Regular.ttf
var Regular []byte

// Bold is LiberationSans-Bold.ttf.
//
//go:embed LiberationSans-Bold.ttf
var Bold []byte

// License is the fonts' copyright notice and the SIL Open Font License 1.1.
//
//go:embed OFL.txt
var License string
