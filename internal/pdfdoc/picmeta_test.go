package pdfdoc

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// segment is a JPEG marker segment with its length.
func segment(marker byte, body string) []byte {
	s := []byte{0xff, marker, 0, 0}
	binary.BigEndian.PutUint16(s[2:], uint16(len(body)+2))
	return append(s, body...)
}

// exifBlock is an APP1 EXIF body, big-endian, with one tag: orientation.
func exifBlock(orient uint16) string {
	t := []byte("Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\x00\x01")
	e := make([]byte, 12)
	binary.BigEndian.PutUint16(e[0:], 0x0112)
	binary.BigEndian.PutUint16(e[2:], 3)
	binary.BigEndian.PutUint32(e[4:], 1)
	binary.BigEndian.PutUint16(e[8:], orient)
	return string(append(append(t, e...), 0, 0, 0, 0)) + "GPS 51.5N Morgan Example"
}

func TestStripJPEGKeepsThePictureAndDropsItsMetadata(t *testing.T) {
	var plain bytes.Buffer
	require.NoError(t, jpeg.Encode(&plain, image.NewGray(image.Rect(0, 0, 8, 8)), nil))
	body := plain.Bytes()[2:] // after SOI
	var tagged []byte
	tagged = append(tagged, 0xff, 0xd8)
	tagged = append(tagged, segment(0xe1, exifBlock(6))...)                                            // EXIF
	tagged = append(tagged, segment(0xe1, "http://ns.adobe.com/xap/1.0/\x00<x>Morgan Example</x>")...) // XMP
	tagged = append(tagged, segment(0xed, "Photoshop 3.0\x00IPTC Morgan Example")...)                  // IPTC
	tagged = append(tagged, segment(0xfe, "Morgan Example comment")...)                                // COM
	tagged = append(tagged, segment(0xe2, "ICC_PROFILE\x00keep")...)
	tagged = append(tagged, segment(0xee, "Adobe\x00keep")...)
	tagged = append(tagged, body...)

	assert.Equal(t, 6, jpegOrientation(tagged))
	stripped := stripJPEG(tagged)
	assert.NotContains(t, string(stripped), "Morgan Example")
	assert.NotContains(t, string(stripped), "GPS")
	assert.Contains(t, string(stripped), "ICC_PROFILE")
	assert.Contains(t, string(stripped), "Adobe")
	assert.True(t, bytes.HasSuffix(stripped, body), "the coded picture is untouched")
	_, err := jpeg.Decode(bytes.NewReader(stripped))
	require.NoError(t, err)

	pic, err := decodePicture(tagged)
	require.NoError(t, err)
	assert.Equal(t, 6, pic.orient)
	assert.NotContains(t, string(pic.image.data), "Morgan Example")
}

func TestOrientMatrixPutsThePictureUprightInItsBox(t *testing.T) {
	// Where the stored picture's top-left pixel (unit square 0,1) lands in
	// a 20 by 10 box at 100,200, for each EXIF orientation.
	tests := []struct {
		orient int
		x, y   float64
	}{
		{1, 100, 210}, {2, 120, 210}, {3, 120, 200}, {4, 100, 200},
		{5, 100, 210}, {6, 120, 210}, {7, 120, 200}, {8, 100, 200},
	}
	for _, tt := range tests {
		m := orientMatrix(tt.orient, 100, 200, 20, 10)
		assert.InDelta(t, tt.x, m[2]+m[4], 1e-9, "orientation %d", tt.orient)
		assert.InDelta(t, tt.y, m[3]+m[5], 1e-9, "orientation %d", tt.orient)
	}
}

func TestImportedPagesStartInTheInitialGraphicsState(t *testing.T) {
	// Whatever colour, line or text state our page has set before it, an
	// imported page starts from PDF's defaults (black, 1-point lines, no
	// character spacing, full opacity).
	d := New(Options{Title: "Source", Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)})
	d.Paragraph("Text in the default colour.")
	var src bytes.Buffer
	require.NoError(t, d.Write(&src))
	x := newXObjects()
	pages, err := x.load(src.Bytes(), 1)
	require.NoError(t, err)
	require.Len(t, pages, 1)
	form := x.objects[pages[0].key]
	require.NotNil(t, form)
	for _, op := range []string{"0 g", "0 G", "1 w", "[] 0 d", "0 Tc", "0 Tw", "100 Tz", "0 Tr", "/SpokitGS gs"} {
		assert.Contains(t, string(form.data[:bytes.Index(form.data, []byte("Do"))]), op, "set before the page is drawn")
	}
	gs := form.dict["/Resources"].dict["/ExtGState"].dict["/SpokitGS"].dict
	assert.Equal(t, "1", gs["/ca"].text)
	assert.Equal(t, "/None", gs["/SMask"].text)
}
