package casefile

import (
	"bytes"
	"sync"

	"github.com/spokit/spokit/internal/strictjson"
)

// SchemaID is the $id of the case format's JSON Schema.
const SchemaID = "urn:spokit:case-format:v1"

var schemaOnce = sync.OnceValue(func() []byte {
	b, err := strictjson.Schema(&Case{}, SchemaID, "spokit case format v1")
	if err != nil {
		panic(err) // the schema is generated from fixed types; tested
	}
	return b
})

// Schema returns the JSON Schema (draft 2020-12) of the v1 case format. It
// is generated from the same Go types and tags Decode reads, so the two
// cannot drift apart.
func Schema() []byte { return bytes.Clone(schemaOnce()) }
