// Package fserr words file-system errors for messages that already name the
// file: it drops the operation and path an fs.PathError repeats.
package fserr

import (
	"errors"
	"io/fs"
)

// Bare returns the error an fs.PathError wraps, without its operation and
// path, so a message that names the path says it once; any other error is
// returned as it is.
func Bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
