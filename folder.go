package spokit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spokit/spokit/internal/fserr"
)

// stagingPrefix starts the name of the private folder a write stages its
// files in.
const stagingPrefix = ".spokit-"

// WriteFolder writes outputs into the folder dir as one set, replacing
// the outputs a previous build wrote there: after it, dir holds the new
// outputs and none of the previous ones (those its manifest.json listed,
// and the manifest itself). Files spokit did not write are left alone. It
// makes dir (and its missing parents) when needed, and removes what it
// made when it fails.
//
// The files are first written into a private staging folder; nothing in
// dir changes until every one is written, so a failure, a cancelled ctx
// or a killed process leaves dir as it was (a killed process may leave
// the staging folder, named ".<dir>.spokit-*" beside dir or ".spokit-*"
// inside it). Then:
//
//   - a new dir is the staging folder renamed: one step.
//   - an existing dir that holds only files (no sub-folders besides
//     spokit's) is swapped with the staging folder in one step (Linux's
//     renameat2 RENAME_EXCHANGE): a process killed at any moment leaves
//     the whole old set or the whole new set. The files spokit did not
//     write are hard-linked into the new folder first. Where the exchange
//     is unsupported (other systems, some file systems), dir is renamed
//     aside and the new folder renamed in: a kill between the two renames
//     leaves dir missing, with the old set in ".<dir>.spokit-*.old".
//   - an existing dir that holds sub-folders spokit did not write (a case
//     folder with its exhibits, say) is not swapped: each file is renamed
//     into place, the manifest last, then the previous outputs not in the
//     new set are removed. Each file is whole, old or new, at every
//     moment, but a kill during these renames (microseconds, against the
//     seconds of rendering) leaves a mix of old and new files, which the
//     manifest, written last, does not describe.
//
// The guarantee is against a process stopping, not against the machine
// losing power: files are not synced to disk.
func WriteFolder(ctx context.Context, dir string, outputs []Output) error {
	if err := context.Cause(ctx); err != nil {
		return err
	}
	names := map[string]bool{}
	for _, o := range outputs {
		if o.Name == "" || o.Name != filepath.Base(o.Name) || o.Name == "." || o.Name == ".." || strings.HasPrefix(o.Name, stagingPrefix) {
			return fmt.Errorf("spokit: %q is not a plain file name", o.Name)
		}
		if names[o.Name] {
			return fmt.Errorf("spokit: two outputs are named %q", o.Name)
		}
		names[o.Name] = true
	}
	w, err := plan(dir, names)
	if err != nil {
		return fmt.Errorf("%s: %w", dir, fserr.Bare(err))
	}
	if err := w.stage(outputs); err != nil {
		w.abort()
		return fmt.Errorf("%s: %w", dir, fserr.Bare(err))
	}
	// The last moment to stop: after it, the new set is put in place.
	if err := context.Cause(ctx); err != nil {
		w.abort()
		return err
	}
	if err := w.commit(outputs); err != nil {
		w.abort()
		return fmt.Errorf("%s: %w", dir, fserr.Bare(err))
	}
	return nil
}

// folderWrite is one WriteFolder: where it stages and how it commits.
type folderWrite struct {
	dir string
	// exists tells whether dir was there before; info is then its Lstat.
	exists bool
	info   fs.FileInfo
	// swap: stage beside dir and swap; otherwise stage inside dir and
	// rename file by file (or rename the whole folder when !exists).
	swap bool
	// previous are the outputs of the build that wrote dir before;
	// foreign are the files of dir spokit did not write, carried over.
	previous, foreign []string
	tmp               string
	// created are the folders made for dir, deepest first, removed again
	// (when empty) if nothing is committed.
	created []string
}

// plan looks at dir and decides how to write into it.
func plan(dir string, names map[string]bool) (*folderWrite, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	w := &folderWrite{dir: abs}
	w.info, err = os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		for d := abs; ; d = filepath.Dir(d) {
			if _, err := os.Lstat(d); err == nil || filepath.Dir(d) == d {
				break
			}
			w.created = append(w.created, d)
		}
	case err != nil:
		return nil, err
	case w.info.Mode()&fs.ModeSymlink != 0:
		// A link to a folder: write through it, in place.
		if st, err := os.Stat(abs); err != nil || !st.IsDir() {
			return nil, errors.New("not a folder")
		}
		w.exists = true
	case !w.info.IsDir():
		return nil, errors.New("not a folder")
	default:
		w.exists = true
		w.swap = true
	}
	if w.exists {
		if err := w.survey(names); err != nil {
			return nil, err
		}
	}
	if wd, err := os.Getwd(); err == nil && wd == abs || filepath.Dir(abs) == abs {
		w.swap = false // never move the current folder, or a root, aside
	}
	parent := filepath.Dir(abs)
	if w.swap || !w.exists {
		if err := os.MkdirAll(parent, 0o755); err != nil {
			w.removeCreated()
			return nil, err
		}
		w.tmp, err = os.MkdirTemp(parent, "."+filepath.Base(abs)+stagingPrefix)
	} else {
		w.tmp, err = os.MkdirTemp(abs, stagingPrefix)
	}
	if err != nil {
		w.removeCreated()
		return nil, err
	}
	return w, nil
}

// survey sorts the entries of an existing dir into the previous build's
// outputs and the files spokit did not write, and gives up the swap when
// a sub-folder spokit did not write is there.
func (w *folderWrite) survey(names map[string]bool) error {
	entries, err := os.ReadDir(w.dir)
	if err != nil {
		return err
	}
	prev := previousOutputs(w.dir)
	for _, e := range entries {
		n := e.Name()
		switch {
		case prev[n] && e.Type().IsRegular():
			w.previous = append(w.previous, n)
		case names[n], strings.HasPrefix(n, stagingPrefix):
			// Replaced by the new file; or a staging folder a killed
			// write left, not carried over.
		case e.Type().IsRegular():
			w.foreign = append(w.foreign, n)
		default:
			w.swap = false
		}
	}
	return nil
}

// previousOutputs returns the names dir's manifest lists, and the
// manifest itself; none when there is no readable manifest.
func previousOutputs(dir string) map[string]bool {
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil
	}
	prev := map[string]bool{ManifestName: true}
	var m Manifest
	if json.Unmarshal(b, &m) == nil {
		for _, f := range m.Files {
			if f.Name == filepath.Base(f.Name) && !strings.HasPrefix(f.Name, ".") {
				prev[f.Name] = true
			}
		}
	}
	return prev
}

// stage writes every output into the staging folder.
func (w *folderWrite) stage(outputs []Output) error {
	for _, o := range outputs {
		if err := os.WriteFile(filepath.Join(w.tmp, o.Name), o.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// commit puts the staged set in place.
func (w *folderWrite) commit(outputs []Output) error {
	switch {
	case !w.exists:
		if err := os.Chmod(w.tmp, 0o755); err != nil {
			return err
		}
		return os.Rename(w.tmp, w.dir)
	case w.swap:
		return w.swapIn()
	default:
		return w.renameIn(outputs)
	}
}

// swapIn carries the files spokit did not write into the staging folder,
// then swaps it with dir and removes the old set.
func (w *folderWrite) swapIn() error {
	for _, n := range w.foreign {
		if err := os.Link(filepath.Join(w.dir, n), filepath.Join(w.tmp, n)); err != nil {
			return err
		}
	}
	if err := os.Chmod(w.tmp, w.info.Mode().Perm()); err != nil {
		return err
	}
	err := exchange(w.tmp, w.dir)
	if errors.Is(err, errNoExchange) {
		old := w.tmp + ".old"
		if err := os.Rename(w.dir, old); err != nil {
			return err
		}
		if err := os.Rename(w.tmp, w.dir); err != nil {
			return errors.Join(err, os.Rename(old, w.dir))
		}
		w.tmp = old
	} else if err != nil {
		return err
	}
	// w.tmp now holds the old set.
	return os.RemoveAll(w.tmp)
}

// renameIn moves each staged file into dir, the manifest last, then
// removes the previous outputs the new set does not have.
func (w *folderWrite) renameIn(outputs []Output) error {
	defer os.RemoveAll(w.tmp)
	last := -1
	for i, o := range outputs {
		if o.Name == ManifestName {
			last = i
			continue
		}
		if err := os.Rename(filepath.Join(w.tmp, o.Name), filepath.Join(w.dir, o.Name)); err != nil {
			return err
		}
	}
	if last >= 0 {
		if err := os.Rename(filepath.Join(w.tmp, ManifestName), filepath.Join(w.dir, ManifestName)); err != nil {
			return err
		}
	}
	written := map[string]bool{}
	for _, o := range outputs {
		written[o.Name] = true
	}
	for _, n := range w.previous {
		if !written[n] {
			if err := os.Remove(filepath.Join(w.dir, n)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	return nil
}

// abort discards the staging folder and the folders made for dir.
func (w *folderWrite) abort() {
	os.RemoveAll(w.tmp)
	w.removeCreated()
}

// removeCreated removes the folders made for dir, deepest first, each
// only if empty: another build may be writing beside this one.
func (w *folderWrite) removeCreated() {
	for _, d := range w.created {
		if os.Remove(d) != nil {
			return
		}
	}
}

// errNoExchange is exchange's answer where the system or the file system
// cannot swap two folders in one step.
var errNoExchange = errors.New("no atomic exchange of folders")
