package redact

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"time"
)

// Key identifies what o withholds: two Options with the same key build
// Redactors that print every text alike, so a caller may share one. Every
// field counts, each written with its length, so no two different Options
// run together into the same bytes.
func (o *Options) Key() [32]byte {
	h := keyWriter{sha256.New()}
	h.string(o.Withheld)
	h.details(o.Withhold)
	h.details(o.Keep)
	h.strings(o.KeepText)
	h.bool(o.Shapes)
	h.bool(o.Towns)
	h.bool(o.AddressOnly)
	h.strings(o.Given)
	var k [32]byte
	h.Sum(k[:0])
	return k
}

type keyWriter struct{ hash.Hash }

func (w keyWriter) int(n int) { w.Write(binary.AppendUvarint(nil, uint64(n))) }

func (w keyWriter) bool(b bool) {
	if b {
		w.int(1)
	} else {
		w.int(0)
	}
}

func (w keyWriter) string(s string) {
	w.int(len(s))
	w.Write([]byte(s))
}

func (w keyWriter) strings(ss []string) {
	w.int(len(ss))
	for _, s := range ss {
		w.string(s)
	}
}

func (w keyWriter) details(ds []Details) {
	w.int(len(ds))
	for _, d := range ds {
		w.string(d.Address)
		w.string(d.Phone)
		w.string(d.Email)
		// The day as the matcher reads it (in the time's own zone) and
		// the instant both show.
		w.string(d.Birth.Format(time.RFC3339Nano))
		w.bool(d.Birth.IsZero())
	}
}
