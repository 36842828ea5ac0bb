package screen

import (
	"bytes"
	"sync"

	"github.com/spokit/spokit/internal/strictjson"
)

// SchemaID is the $id of the JSON Schema of the screening output.
const SchemaID = "urn:spokit:screening:v1"

var screeningSchemaOnce = sync.OnceValue(func() []byte {
	b, err := strictjson.Schema(&Screening{}, SchemaID, "spokit stalking screening output v1")
	if err != nil {
		panic(err) // generated from fixed types; tested
	}
	return b
})

// Schema returns the JSON Schema (draft 2020-12) of what "spokit
// screen --json" prints (Screening.Explained), generated from the same Go
// types so the two cannot drift apart.
func Schema() []byte { return bytes.Clone(screeningSchemaOnce()) }
