package web

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/casefile/screen"
)

// openAPIBase is the API's OpenAPI 3.1 document as written by hand: the
// paths, the answers and the problem; the case and the screening are
// filled in by openAPI.
//
//go:embed assets/openapi.json
var openAPIBase []byte

// openAPI is the document the server answers: the hand-written one with
// the JSON Schemas of the case and of the screening, generated from the
// same Go types the decoder and the screening use (what spokit schema
// prints), put in components.schemas, so that it describes the case
// exactly and cannot drift from the format.
var openAPI = sync.OnceValue(func() []byte {
	b, err := withSchemas(openAPIBase, map[string][]byte{
		"Case":      casefile.Schema(),
		"Screening": screen.Schema(),
	})
	if err != nil {
		panic(err) // made from embedded and generated documents only; tested
	}
	return b
})

// withSchemas puts each JSON Schema into doc's components.schemas under
// its name. A schema's $defs become components of their own and its
// references follow them: an OpenAPI document resolves "#/..." against
// itself, and a Schema Object keeping its own $id would change the base
// its references resolve against.
func withSchemas(doc []byte, schemas map[string][]byte) ([]byte, error) {
	var d map[string]any
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, fmt.Errorf("the OpenAPI document: %w", err)
	}
	components, _ := d["components"].(map[string]any)
	all, _ := components["schemas"].(map[string]any)
	if all == nil {
		return nil, fmt.Errorf("the OpenAPI document has no components.schemas")
	}
	put := func(name string, s any) error {
		if _, ok := all[name]; ok {
			return fmt.Errorf("components.schemas.%s is defined twice", name)
		}
		all[name] = s
		return nil
	}
	for name, b := range schemas {
		var s map[string]any
		if err := json.Unmarshal(b, &s); err != nil {
			return nil, fmt.Errorf("the %s schema: %w", name, err)
		}
		rewriteRefs(s)
		defs, _ := s["$defs"].(map[string]any)
		delete(s, "$defs")
		delete(s, "$id")
		delete(s, "$schema")
		if err := put(name, s); err != nil {
			return nil, err
		}
		for dn, def := range defs {
			if err := put(dn, def); err != nil {
				return nil, err
			}
		}
	}
	out, err := json.MarshalIndent(d, "", "  ")
	return append(out, '\n'), err
}

// rewriteRefs points every "#/$defs/NAME" reference in v at
// "#/components/schemas/NAME".
func rewriteRefs(v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "$ref" {
				if name, ok := strings.CutPrefix(s, "#/$defs/"); ok {
					v[k] = "#/components/schemas/" + name
				}
				continue
			}
			rewriteRefs(x)
		}
	case []any:
		for _, x := range v {
			rewriteRefs(x)
		}
	}
}

// serveOpenAPI serves the API's OpenAPI 3.1 document.
func serveOpenAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openAPI())
}
