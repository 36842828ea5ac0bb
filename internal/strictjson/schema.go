package strictjson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
)

// schemaDialect is the JSON Schema draft the generated documents declare.
const schemaDialect = "https://json-schema.org/draft/2020-12/schema"

// Schema describes the struct type of v (a struct or a pointer to one) as a
// JSON Schema draft 2020-12 document, indented and byte-for-byte the same for
// the same type. id and title become "$id" and "title" (left out when empty).
//
// It follows the same rules as Decode: properties from the json names,
// "required" from req tags, "additionalProperties": false on every object,
// "enum" from Values(), "description" from doc tags, and a type implementing
// SchemaDescriber supplies its own schema. Each named struct type other than
// the root is described once under "$defs" and referred to with "$ref".
// Optional properties also accept null, because Decode treats null as absent.
func Schema(v any, id, title string) ([]byte, error) {
	t := reflect.TypeOf(v)
	if t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("strictjson: Schema needs a struct or a pointer to one, got %T", v)
	}
	root, err := planFor(t)
	if err != nil {
		return nil, err
	}
	g := &schemaGen{root: root, defs: map[string]*object{}, defTypes: map[string]reflect.Type{}}
	doc := &object{}
	doc.set("$schema", schemaDialect)
	if id != "" {
		doc.set("$id", id)
	}
	if title != "" {
		doc.set("title", title)
	}
	body, err := g.structSchema(root)
	if err != nil {
		return nil, err
	}
	for i, k := range body.keys {
		doc.set(k, body.vals[i])
	}
	if len(g.defs) > 0 {
		defs := &object{}
		names := make([]string, 0, len(g.defs))
		for name := range g.defs {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			defs.set(name, g.defs[name])
		}
		doc.set("$defs", defs)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("strictjson: encoding schema for %s: %w", t, err)
	}
	return buf.Bytes(), nil
}

// schemaGen collects the "$defs" while a schema is built.
type schemaGen struct {
	root     *plan
	defs     map[string]*object
	defTypes map[string]reflect.Type // def name -> the type it describes, to catch clashes
}

// schemaFor returns the schema of one plan, a fresh object the caller may
// change.
func (g *schemaGen) schemaFor(p *plan) (*object, error) {
	if own, ok := ownSchema(p.typ); ok {
		return own, nil
	}
	switch p.kind {
	case kindPtr:
		return g.schemaFor(p.elem)
	case kindStruct:
		return g.structRef(p)
	case kindSlice:
		items, err := g.schemaFor(p.elem)
		if err != nil {
			return nil, err
		}
		if p.elem.kind == kindPtr {
			items = nullable(items)
		}
		return (&object{}).set("type", "array").set("items", items), nil
	case kindEnum:
		return (&object{}).set("type", "string").set("enum", slices.Clone(p.enum)), nil
	case kindBool:
		return (&object{}).set("type", "boolean"), nil
	case kindInt:
		return (&object{}).set("type", "integer"), nil
	case kindUint:
		return (&object{}).set("type", "integer").set("minimum", 0), nil
	case kindFloat:
		return (&object{}).set("type", "number"), nil
	default: // kindString, kindText
		return (&object{}).set("type", "string"), nil
	}
}

// ownSchema calls JSONSchema on types that describe themselves.
func ownSchema(t reflect.Type) (*object, bool) {
	// Pointer types are described through their element. Calling through a
	// fresh *T works for value and pointer receivers alike, and never on nil.
	if t.Kind() == reflect.Pointer || !reflect.PointerTo(t).Implements(schemaDescriberType) {
		return nil, false
	}
	m := reflect.New(t).Interface().(SchemaDescriber).JSONSchema()
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	o := &object{}
	for _, k := range keys {
		o.set(k, m[k])
	}
	return o, true
}

// structRef refers to a struct type: the root by "#", other named types
// through "$defs" (described once), unnamed types inline.
func (g *schemaGen) structRef(p *plan) (*object, error) {
	if p == g.root {
		return (&object{}).set("$ref", "#"), nil
	}
	name := p.typ.Name()
	if name == "" {
		return g.structSchema(p)
	}
	if prev, ok := g.defTypes[name]; ok {
		if prev != p.typ {
			return nil, fmt.Errorf("strictjson: two types are named %s (%s and %s); $defs needs distinct names", name, prev, p.typ)
		}
	} else {
		// Reserve the name before describing the type, so a type that
		// contains itself refers to its own definition.
		g.defTypes[name] = p.typ
		g.defs[name] = &object{}
		def, err := g.structSchema(p)
		if err != nil {
			return nil, err
		}
		*g.defs[name] = *def
	}
	return (&object{}).set("$ref", "#/$defs/"+name), nil
}

// structSchema describes a struct's fields as an object schema.
func (g *schemaGen) structSchema(p *plan) (*object, error) {
	props := &object{}
	var required []string
	for _, f := range p.fields {
		s, err := g.schemaFor(f.plan)
		if err != nil {
			return nil, err
		}
		if f.required {
			required = append(required, f.name)
		} else {
			s = nullable(s)
		}
		if f.doc != "" {
			s = (&object{}).set("description", f.doc).merge(s)
		}
		props.set(f.name, s)
	}
	o := (&object{}).set("type", "object").set("properties", props)
	if len(required) > 0 {
		o.set("required", required)
	}
	return o.set("additionalProperties", false), nil
}

// nullable widens a schema to accept null as well: by adding "null" to a
// single "type" (and to "enum"), or else with anyOf.
func nullable(s *object) *object {
	t, ok := s.get("type")
	typ, isString := t.(string)
	if !ok || !isString {
		return (&object{}).set("anyOf", []any{s, (&object{}).set("type", "null")})
	}
	s.set("type", []string{typ, "null"})
	if e, ok := s.get("enum"); ok {
		if values, ok := e.([]string); ok {
			withNull := make([]any, 0, len(values)+1)
			for _, v := range values {
				withNull = append(withNull, v)
			}
			s.set("enum", append(withNull, nil))
		} else {
			// An enum we cannot extend: say so with anyOf instead.
			s.set("type", typ)
			return (&object{}).set("anyOf", []any{s, (&object{}).set("type", "null")})
		}
	}
	return s
}

// object is a JSON object that keeps its keys in insertion order, so schemas
// read in field order and are deterministic.
type object struct {
	keys []string
	vals []any
}

// set sets key k to v, keeping k's first position, and returns o.
func (o *object) set(k string, v any) *object {
	for i, key := range o.keys {
		if key == k {
			o.vals[i] = v
			return o
		}
	}
	o.keys = append(o.keys, k)
	o.vals = append(o.vals, v)
	return o
}

// get returns the value of key k.
func (o *object) get(k string) (any, bool) {
	for i, key := range o.keys {
		if key == k {
			return o.vals[i], true
		}
	}
	return nil, false
}

// merge sets every key of other on o, in other's order, and returns o.
func (o *object) merge(other *object) *object {
	for i, k := range other.keys {
		o.set(k, other.vals[i])
	}
	return o
}

// MarshalJSON writes the object with its keys in order.
func (o *object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := enc.Encode(k); err != nil {
			return nil, err
		}
		buf.Truncate(buf.Len() - 1) // Encode ends each value with a newline
		buf.WriteByte(':')
		if err := enc.Encode(o.vals[i]); err != nil {
			return nil, fmt.Errorf("property %q: %w", k, err)
		}
		buf.Truncate(buf.Len() - 1)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
