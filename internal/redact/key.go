package redact

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"io"
	"time"
)

// Key identifies what o withholds: two Options with the same key build
// Redactors that print every text alike, so a caller may share one. Every
// field counts, each written with its length, so no two different Options
// run together into the same bytes.
func (o *Options) Key() [32]byte {
	h := keyWriter{sha256.New()}
	h.text(o.Withheld)
	h.detailList(o.Withhold)
	h.detailList(o.Keep)
	h.texts(o.KeepText)
	h.flag(o.Shapes)
	h.flag(o.Towns)
	h.flag(o.AddressOnly)
	h.texts(o.Given)
	var k [32]byte
	h.Sum(k[:0])
	return k
}

type keyWriter struct{ hash.Hash }

func (w keyWriter) length(n int) {
	var b [binary.MaxVarintLen64]byte
	w.Write(binary.AppendUvarint(b[:0], uint64(n)))
}

func (w keyWriter) flag(b bool) {
	if b {
		w.Write([]byte{1})
	} else {
		w.Write([]byte{0})
	}
}

func (w keyWriter) text(s string) {
	w.length(len(s))
	io.WriteString(w, s)
}

func (w keyWriter) texts(ss []string) {
	w.length(len(ss))
	for _, s := range ss {
		w.text(s)
	}
}

func (w keyWriter) detailList(ds []Details) {
	w.length(len(ds))
	for _, d := range ds {
		w.text(d.Address)
		w.text(d.Phone)
		w.text(d.Email)
		// The day as the matcher reads it (in the time's own zone) and
		// the instant both show.
		w.text(d.Birth.Format(time.RFC3339Nano))
		w.flag(d.Birth.IsZero())
	}
}
