package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spokit/spokit/casefile"
)

// staging collects a command's output files in a private folder inside the
// output directory and moves them into place only when every one has been
// written, so a failure or an interruption never leaves a half-written or
// mixed set behind, nor a folder that was not there before.
type staging struct {
	ctx      context.Context
	dir, tmp string
	// created are the folders stage made for dir, deepest first, removed
	// again (when empty) if nothing is committed.
	created []string
	files   []manifestEntry
}

// manifestEntry is one output file as manifest.json lists it: its name,
// who it is for, its size and its SHA-256.
type manifestEntry struct {
	Name     string            `json:"name"`
	Audience casefile.Audience `json:"audience"`
	Size     int               `json:"size"`
	SHA256   string            `json:"sha256"`
}

func stage(ctx context.Context, dir string) (*staging, error) {
	s := &staging{ctx: ctx, dir: dir}
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil || filepath.Dir(d) == d {
			break
		}
		s.created = append(s.created, d)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		s.removeCreated()
		return nil, err
	}
	tmp, err := os.MkdirTemp(dir, ".spokit-")
	if err != nil {
		s.removeCreated()
		return nil, err
	}
	s.tmp = tmp
	return s, nil
}

// removeCreated removes the folders stage made, deepest first, each only
// if empty: another build may be writing beside this one.
func (s *staging) removeCreated() {
	for _, d := range s.created {
		if os.Remove(d) != nil {
			return
		}
	}
}

// add renders one output file for an audience with write and stages it
// under name. It stops before rendering when the command has been
// interrupted.
func (s *staging) add(name string, audience casefile.Audience, write func(io.Writer) error) error {
	if err := context.Cause(s.ctx); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := os.WriteFile(filepath.Join(s.tmp, name), buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	sum := sha256.Sum256(buf.Bytes())
	s.files = append(s.files, manifestEntry{Name: name, Audience: audience, Size: buf.Len(), SHA256: hex.EncodeToString(sum[:])})
	return nil
}

// entries returns the staged files in name order.
func (s *staging) entries() []manifestEntry {
	out := slices.Clone(s.files)
	slices.SortFunc(out, func(a, b manifestEntry) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// commit moves every staged file into the output directory.
func (s *staging) commit() error {
	defer os.RemoveAll(s.tmp)
	for _, f := range s.entries() {
		if err := os.Rename(filepath.Join(s.tmp, f.Name), filepath.Join(s.dir, f.Name)); err != nil {
			return err
		}
	}
	return nil
}

// abort discards everything staged, and the folders stage made.
func (s *staging) abort() {
	os.RemoveAll(s.tmp)
	s.removeCreated()
}

// writeAll stages the files write adds in dir and moves them into place
// together, or writes nothing when any fails or ctx is cancelled. It
// returns the files written, in name order.
func writeAll(ctx context.Context, dir string, write func(*staging) error) ([]manifestEntry, error) {
	s, err := stage(ctx, dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, unwrapPath(err))
	}
	if err := write(s); err != nil {
		s.abort()
		return nil, err
	}
	// The last moment to stop: after it, the files are moved into place.
	if err := context.Cause(ctx); err != nil {
		s.abort()
		return nil, err
	}
	files := s.entries()
	if err := s.commit(); err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	return files, nil
}
