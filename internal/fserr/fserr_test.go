package fserr_test

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spokit/spokit/internal/fserr"
)

func TestBareDropsThePathAPathErrorRepeats(t *testing.T) {
	other := errors.New("other")
	tests := []struct {
		name string
		in   error
		want error
	}{
		{"a path error", &fs.PathError{Op: "open", Path: "x.pdf", Err: fs.ErrNotExist}, fs.ErrNotExist},
		{"a wrapped path error", fmt.Errorf("reading: %w", &fs.PathError{Op: "read", Path: "x", Err: fs.ErrPermission}), fs.ErrPermission},
		{"another error", other, other},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, fserr.Bare(tt.in), tt.name)
	}
}
