package fuzzedit

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestApplyMakesTheEditTheInputAsksFor(t *testing.T) {
	// Values in order: 0 the root, 1 "a", 2 "b", 3-5 its elements, 6 "c", 7 "d".
	const doc = `{"a":"2024-01-31","b":[1,2,3],"c":true,"d":"x"}`
	tests := []struct {
		name  string
		input []byte
		want  string
	}{
		{"no input", nil, doc},
		{"too short to be an edit", []byte{opNull, 0}, doc},
		{"set a string", []byte{opSetString, 0, 7, 2, 'h', 'i'}, `{"a":"2024-01-31","b":[1,2,3],"c":true,"d":"hi"}`},
		{"a string cut short by the end of the input", []byte{opSetString, 0, 7, 9, 'h'}, `{"a":"2024-01-31","b":[1,2,3],"c":true,"d":"h"}`},
		{"set a number", []byte{opSetNumber, 0, 4, 0xff, 0xfe}, `{"a":"2024-01-31","b":[1,-2,3],"c":true,"d":"x"}`},
		{"move a date forward", []byte{opMoveDate, 0, 1, 0, 1}, `{"a":"2024-02-01","b":[1,2,3],"c":true,"d":"x"}`},
		{"move a date back", []byte{opMoveDate, 0, 1, 0xff, 0xff}, `{"a":"2024-01-30","b":[1,2,3],"c":true,"d":"x"}`},
		{"a value that is not a date does not move", []byte{opMoveDate, 0, 7, 0, 1}, doc},
		{"copy a value", []byte{opCopy, 0, 7, 0, 2}, `{"a":"2024-01-31","b":[1,2,3],"c":true,"d":[1,2,3]}`},
		{"drop an element", []byte{opDrop, 0, 2, 1}, `{"a":"2024-01-31","b":[1,3],"c":true,"d":"x"}`},
		{"repeat an element", []byte{opRepeat, 0, 2, 2}, `{"a":"2024-01-31","b":[1,2,3,3],"c":true,"d":"x"}`},
		{"only an array has elements to drop", []byte{opDrop, 0, 7, 0}, doc},
		{"null", []byte{opNull, 0, 6}, `{"a":"2024-01-31","b":[1,2,3],"c":null,"d":"x"}`},
		{"flip a boolean", []byte{opFlip, 0, 6}, `{"a":"2024-01-31","b":[1,2,3],"c":false,"d":"x"}`},
		{"the choice wraps round", []byte{opNull, 0, 8 + 6}, `{"a":"2024-01-31","b":[1,2,3],"c":null,"d":"x"}`},
		{"the operation wraps round", []byte{operations + opNull, 0, 6}, `{"a":"2024-01-31","b":[1,2,3],"c":null,"d":"x"}`},
		{"edits apply in turn", []byte{opDrop, 0, 2, 0, opNull, 0, 3}, `{"a":"2024-01-31","b":[null,3],"c":true,"d":"x"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Apply([]byte(doc), tt.input)
			require.NoError(t, err)
			assert.JSONEq(t, tt.want, string(got))
		})
	}
}

func TestApplyRefusesADocumentThatIsNotJSON(t *testing.T) {
	_, err := Apply([]byte(`{"a":`), nil)
	assert.Error(t, err)
}

func TestACopyChangesApartFromItsOriginal(t *testing.T) {
	// Copy "a" (value 1) into "b" (value 3), then drop the copy's only element.
	got, err := Apply([]byte(`{"a":[1],"b":0}`), []byte{opCopy, 0, 3, 0, 1, opDrop, 0, 3, 0})
	require.NoError(t, err)
	assert.JSONEq(t, `{"a":[1],"b":[]}`, string(got))
}
