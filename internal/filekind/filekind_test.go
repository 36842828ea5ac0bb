package filekind

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestOfJudgesTheFormatByContentNotName(t *testing.T) {
	tests := []struct {
		name string
		data string
		want Kind
		err  error
	}{
		{"png signature", "\x89PNG\r\n\x1a\nrest", PNG, nil},
		{"jpeg signature", "\xff\xd8\xff\xe0rest", JPEG, nil},
		{"little-endian tiff", "II*\x00rest", TIFF, nil},
		{"big-endian tiff", "MM\x00*rest", TIFF, nil},
		{"iphone heic", "\x00\x00\x00\x18ftypheic\x00\x00", HEIC, ErrHEIC},
		{"pdf header", "%PDF-1.7\n", PDF, nil},
		{"pdf after producer junk", "junk\r\n%PDF-1.4\n", PDF, nil},
		{"pdf header beyond the first KiB is not a pdf", string(make([]byte, 1100)) + "%PDF-1.4", "", ErrFormat},
		{"word document", "PK\x03\x04word/document.xml", "", ErrFormat},
		{"empty", "", "", ErrFormat},
		{"mp4 video is not heic", "\x00\x00\x00\x18ftypisom", "", ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Of([]byte(tt.data)))
			assert.Equal(t, tt.err, Check([]byte(tt.data)))
			assert.Equal(t, tt.want != "" && tt.want != PDF, tt.want.IsPicture())
		})
	}
}
