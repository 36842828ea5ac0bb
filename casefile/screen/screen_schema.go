package screen

import (
	"bytes"
	"sync"

	"github.com/spokit/spokit/internal/strictjson"
)

// SchemaID is the $id of the JSON Schema of the screening output.
// Version 2 gave each kind of reason its own type (Reason); version 1 had
// one set of optional fields shared by every code.
const SchemaID = "urn:spokit:screening:v2"

var screeningSchemaOnce = sync.OnceValue(func() []byte {
	b, err := strictjson.Schema(&Screening{}, SchemaID, "spokit stalking screening output v2")
	if err != nil {
		panic(err) // generated from fixed types; tested
	}
	return b
})

// Schema returns the JSON Schema (draft 2020-12) of what "spokit
// screen --json" prints (Screening.Explained), generated from the same Go
// types so the two cannot drift apart.
func Schema() []byte { return bytes.Clone(screeningSchemaOnce()) }
