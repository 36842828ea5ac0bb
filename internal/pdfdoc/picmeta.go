package pdfdoc

import (
	"bytes"
	"encoding/binary"
)

// JPEG pictures are embedded as they are, less their metadata: a phone
// photo's EXIF block carries where it was taken (GPS), the device and
// often a thumbnail of the uncropped picture; XMP and IPTC carry editing
// history and names. Only the segments a viewer needs to show the picture
// are kept: APP0 (JFIF), APP2 (ICC colour profile) and APP14 (Adobe, which
// says how four-colour data is stored).

// stripJPEG returns data without its APPn segments other than APP0, APP2
// and APP14, and without comments. The coded image data is untouched. Data
// that is not a well-formed run of segments is returned as it is, for the
// decoder to judge.
func stripJPEG(data []byte) []byte {
	if len(data) < 4 || data[0] != 0xff || data[1] != 0xd8 {
		return data
	}
	out := make([]byte, 0, len(data))
	out = append(out, 0xff, 0xd8)
	pos := 2
	for pos+4 <= len(data) {
		if data[pos] != 0xff {
			return data
		}
		marker := data[pos+1]
		if marker == 0xff { // fill byte
			pos++
			continue
		}
		if marker == 0xda { // start of scan: the rest is image data
			return append(out, data[pos:]...)
		}
		n := int(binary.BigEndian.Uint16(data[pos+2:]))
		if n < 2 || pos+2+n > len(data) {
			return data
		}
		drop := marker == 0xfe || (marker >= 0xe1 && marker <= 0xef && marker != 0xe2 && marker != 0xee)
		if !drop {
			out = append(out, data[pos:pos+2+n]...)
		}
		pos += 2 + n
	}
	return data
}

// jpegOrientation returns the EXIF orientation (1 to 8) of a JPEG, or 1
// when it has none: the way the camera was held, which viewers apply.
func jpegOrientation(data []byte) int {
	pos := 2
	for pos+4 <= len(data) && data[pos] == 0xff {
		marker := data[pos+1]
		if marker == 0xda || marker == 0xd9 {
			break
		}
		n := int(binary.BigEndian.Uint16(data[pos+2:]))
		if n < 2 || pos+2+n > len(data) {
			break
		}
		seg := data[pos+4 : pos+2+n]
		if marker == 0xe1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			if o := exifOrientation(seg[6:]); o >= 1 && o <= 8 {
				return o
			}
		}
		pos += 2 + n
	}
	return 1
}

// exifOrientation reads tag 0x0112 from the first IFD of a TIFF-structured
// EXIF block.
func exifOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	ifd := int(bo.Uint32(t[4:]))
	if ifd < 8 || ifd+2 > len(t) {
		return 1
	}
	count := int(bo.Uint16(t[ifd:]))
	for i := range count {
		e := ifd + 2 + 12*i
		if e+12 > len(t) {
			break
		}
		if bo.Uint16(t[e:]) == 0x0112 {
			return int(bo.Uint16(t[e+8:]))
		}
	}
	return 1
}

// orientMatrix is the matrix that draws a picture's unit square into the
// box at x, y (lower left, points) of size w by h as shown upright, for an
// EXIF orientation. The box's size is the picture's upright size.
func orientMatrix(o int, x, y, w, h float64) [6]float64 {
	switch o {
	case 2:
		return [6]float64{-w, 0, 0, h, x + w, y}
	case 3:
		return [6]float64{-w, 0, 0, -h, x + w, y + h}
	case 4:
		return [6]float64{w, 0, 0, -h, x, y + h}
	case 5:
		return [6]float64{0, -h, -w, 0, x + w, y + h}
	case 6:
		return [6]float64{0, -h, w, 0, x, y + h}
	case 7:
		return [6]float64{0, h, w, 0, x, y}
	case 8:
		return [6]float64{0, h, -w, 0, x + w, y}
	}
	return [6]float64{w, 0, 0, h, x, y}
}
