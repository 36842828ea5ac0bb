package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"io"
	"strconv"
)

// A picture with more pixels than a printed page can show is reduced as it
// is read, never decoded whole: a 12,000 by 12,000 PNG of half a megabyte
// decodes to 576 MB. Its longest side is brought to maxPictureSide pixels,
// 300 dots per inch across the A4 text area and more, by averaging
// blocks of pixels; colour and alpha are kept.

const (
	// bigPicturePixels is the size above which a PNG is reduced.
	bigPicturePixels = 24_000_000
	// maxPictureSide is the longest side of a reduced picture.
	maxPictureSide = 3600
	// maxPicturePixels is the largest picture accepted at all.
	maxPicturePixels = 400_000_000
	// maxTIFFPixels is the largest TIFF page accepted: TIFF is decoded
	// whole, at up to 4 bytes a pixel.
	maxTIFFPixels = 100_000_000
)

// reducePNG reads a large, non-interlaced PNG row by row and returns it
// reduced to at most maxPictureSide pixels a side, as 8-bit RGB samples
// and 8-bit alpha (nil when opaque).
func reducePNG(data []byte) (picture, error) {
	w := int(binary.BigEndian.Uint32(data[16:]))
	h := int(binary.BigEndian.Uint32(data[20:]))
	depth, ct, interlace := int(data[24]), data[25], data[28]
	if interlace != 0 {
		return picture{}, errors.New("it is an interlaced PNG too large to print (" + strconv.Itoa(w) + " by " + strconv.Itoa(h) + " pixels); save it again without interlacing, or smaller")
	}
	channels := map[byte]int{0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[ct]
	if channels == 0 || (depth != 8 && depth != 16 && !(depth < 8 && (ct == 0 || ct == 3))) {
		return picture{}, errDamaged
	}
	var palette, trns []byte
	var idat []io.Reader
	for pos := 8; pos+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[pos:]))
		if n < 0 || n > len(data)-pos-12 {
			return picture{}, errDamaged
		}
		body := data[pos+8 : pos+8+n]
		switch string(data[pos+4 : pos+8]) {
		case "PLTE":
			palette = body
		case "tRNS":
			trns = body
		case "IDAT":
			idat = append(idat, bytes.NewReader(body))
		}
		pos += 12 + n
	}
	z, err := zlib.NewReader(io.MultiReader(idat...))
	if err != nil {
		return picture{}, errDamaged
	}
	factor := (max(w, h) + maxPictureSide - 1) / maxPictureSide
	ow, oh := (w+factor-1)/factor, (h+factor-1)/factor
	bpp := max(1, channels*depth/8) // bytes per pixel for filtering
	rowLen := (w*channels*depth + 7) / 8
	prev, cur := make([]byte, rowLen), make([]byte, rowLen)
	sums := make([]uint32, ow*4) // R, G, B, A per output pixel
	counts := make([]uint32, ow)
	rgb := make([]byte, 0, ow*oh*3)
	alpha := make([]byte, 0, ow*oh)
	opaqueAll := true
	filter := make([]byte, 1)
	for y := range h {
		if _, err := io.ReadFull(z, filter); err != nil {
			return picture{}, errDamaged
		}
		if _, err := io.ReadFull(z, cur); err != nil {
			return picture{}, errDamaged
		}
		if !unfilter(filter[0], cur, prev, bpp) {
			return picture{}, errDamaged
		}
		switch {
		case depth == 8 && (ct == 2 || ct == 6):
			// The common layouts, without a call per pixel.
			for x := range w {
				o, px := 4*(x/factor), cur[x*channels:]
				sums[o] += uint32(px[0])
				sums[o+1] += uint32(px[1])
				sums[o+2] += uint32(px[2])
				if ct == 6 {
					sums[o+3] += uint32(px[3])
				} else {
					sums[o+3] += 0xff
				}
				counts[x/factor]++
			}
		default:
			for x := range w {
				r, g, b, a := pngPixel(cur, x, ct, depth, palette, trns)
				o := x / factor
				sums[4*o] += uint32(r)
				sums[4*o+1] += uint32(g)
				sums[4*o+2] += uint32(b)
				sums[4*o+3] += uint32(a)
				counts[o]++
			}
		}
		if (y+1)%factor == 0 || y == h-1 {
			for o := range ow {
				c := counts[o]
				rgb = append(rgb, byte(sums[4*o]/c), byte(sums[4*o+1]/c), byte(sums[4*o+2]/c))
				a := byte(sums[4*o+3] / c)
				opaqueAll = opaqueAll && a == 0xff
				alpha = append(alpha, a)
			}
			clear(sums)
			clear(counts)
		}
		prev, cur = cur, prev
	}
	pic := picture{w: ow, h: oh, image: flateImage(ow, oh, 8, token("/DeviceRGB"), rgb)}
	if !opaqueAll {
		pic.smask = flateImage(ow, oh, 8, token("/DeviceGray"), alpha)
	}
	return pic, nil
}

// unfilter undoes a PNG row filter in place (PNG specification, 9).
func unfilter(kind byte, cur, prev []byte, bpp int) bool {
	switch kind {
	case 0:
	case 1:
		for i := bpp; i < len(cur); i++ {
			cur[i] += cur[i-bpp]
		}
	case 2:
		for i := range cur {
			cur[i] += prev[i]
		}
	case 3:
		for i := range cur {
			var left byte
			if i >= bpp {
				left = cur[i-bpp]
			}
			cur[i] += byte((int(left) + int(prev[i])) / 2)
		}
	case 4:
		for i := range cur {
			var a, c int
			if i >= bpp {
				a, c = int(cur[i-bpp]), int(prev[i-bpp])
			}
			b := int(prev[i])
			p := a + b - c
			pa, pb, pc := abs(p-a), abs(p-b), abs(p-c)
			switch {
			case pa <= pb && pa <= pc:
				cur[i] += byte(a)
			case pb <= pc:
				cur[i] += byte(b)
			default:
				cur[i] += byte(c)
			}
		}
	default:
		return false
	}
	return true
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// pngPixel returns pixel x of an unfiltered row as 8-bit RGBA.
func pngPixel(row []byte, x int, ct byte, depth int, palette, trns []byte) (r, g, b, a byte) {
	sample := func(i int) byte { // i-th sample of the row, as 8 bits
		switch depth {
		case 16:
			return row[2*i]
		case 8:
			return row[i]
		}
		bit := i * depth
		v := row[bit/8] >> (8 - depth - bit%8) & (1<<depth - 1)
		if ct == 3 {
			return v
		}
		return v * (255 / (1<<depth - 1))
	}
	switch ct {
	case 0:
		v := sample(x)
		return v, v, v, 0xff
	case 2:
		return sample(3 * x), sample(3*x + 1), sample(3*x + 2), 0xff
	case 3:
		i := int(sample(x))
		a = 0xff
		if i < len(trns) {
			a = trns[i]
		}
		if 3*i+2 < len(palette) {
			return palette[3*i], palette[3*i+1], palette[3*i+2], a
		}
		return 0, 0, 0, a
	case 4:
		v := sample(2 * x)
		return v, v, v, sample(2*x + 1)
	default:
		return sample(4 * x), sample(4*x + 1), sample(4*x + 2), sample(4*x + 3)
	}
}
