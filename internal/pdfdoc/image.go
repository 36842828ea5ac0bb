package pdfdoc

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"

	"codeberg.org/go-pdf/fpdf"
)

// Pictures without a resolution of their own are taken to be at this many
// dots per inch, and are never enlarged.
const imageDPI = 96.0

func (b imageBlock) render(r *renderer) error {
	data, kind, cfg, err := normaliseImage(b.Data)
	if err == nil && (cfg.Width == 0 || cfg.Height == 0) {
		err = errors.New("picture has no pixels")
	}
	if err != nil {
		return fmt.Errorf("pdfdoc: image %q: %w", b.Caption, err)
	}
	// Naming by content makes the output reproducible and stores a picture
	// used twice only once.
	sum := sha256.Sum256(data)
	name := "img-" + hex.EncodeToString(sum[:12])
	opts := fpdf.ImageOptions{ImageType: kind}
	if err := r.register(name, opts, data); err != nil {
		return fmt.Errorf("pdfdoc: image %q: %w", b.Caption, err)
	}

	var caption []line
	captionH := 0.0
	if b.Caption != "" {
		caption = r.wrap([]span{{b.Caption, false}}, smallSize, contentW)
		captionH = 1.5 + float64(len(caption))*smallLine
	}
	w := float64(cfg.Width) * 25.4 / imageDPI
	h := float64(cfg.Height) * 25.4 / imageDPI
	maxH := r.freshBottom() - r.top - captionH
	if b.MaxHeight > 0 {
		maxH = min(maxH, b.MaxHeight)
	}
	scale := min(1, contentW/w, maxH/h)
	w, h = w*scale, h*scale

	// Shrink a little to stay on this page; otherwise start a new one.
	if r.pdf.PageNo() > 0 && !r.pending && r.y+h+captionH > r.bottom {
		room := r.bottom - r.y - captionH
		if room >= 0.75*h {
			w, h = w*room/h, room
		}
	}
	r.ensure(h + captionH)
	x := marginX + (contentW-w)/2
	r.pdf.ImageOptions(name, x, r.y, w, h, false, opts, 0, "")
	r.y += h
	if len(caption) > 0 {
		r.y += 1.5
		r.textColour(darkGrey)
		for _, l := range caption {
			r.drawLine(l, marginX, r.y, contentW, smallLine, smallSize, AlignCentre, 0)
			r.y += smallLine
		}
	}
	r.y += paragraphGap
	return nil
}

// register hands the picture to fpdf, turning its sticky error or a panic on
// a malformed file into an error.
func (r *renderer) register(name string, opts fpdf.ImageOptions, data []byte) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("malformed image: %v", p)
		}
	}()
	r.pdf.RegisterImageOptionsReader(name, opts, bytes.NewReader(data))
	if err := r.pdf.Error(); err != nil {
		return err
	}
	return nil
}

// normaliseImage checks the picture and returns it in a form fpdf reads:
// fpdf rejects 16-bit and interlaced PNGs, so those are re-encoded.
func normaliseImage(data []byte) ([]byte, string, image.Config, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return nil, "", cfg, err
		}
		// IHDR: bit depth at byte 24, interlace method at byte 28.
		if len(data) > 28 && (data[24] == 16 || data[28] != 0) {
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				return nil, "", cfg, err
			}
			rgba := image.NewNRGBA(img.Bounds())
			draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
			var buf bytes.Buffer
			if err := png.Encode(&buf, rgba); err != nil {
				return nil, "", cfg, err
			}
			data = buf.Bytes()
		}
		return data, "PNG", cfg, nil
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return nil, "", cfg, err
		}
		return data, "JPG", cfg, nil
	}
	return nil, "", image.Config{}, errors.New("not a PNG or JPEG picture")
}
