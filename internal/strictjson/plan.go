package strictjson

import (
	"encoding"
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// Valuer is implemented (with a value receiver) by a named string type that
// only accepts a fixed vocabulary. Values lists the allowed values in the
// order they should be shown.
type Valuer interface {
	Values() []string
}

// SchemaDescriber is implemented by a type that describes its own JSON
// Schema, such as a date type held as a JSON string with a pattern.
type SchemaDescriber interface {
	JSONSchema() map[string]any
}

var (
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	valuerType          = reflect.TypeFor[Valuer]()
	schemaDescriberType = reflect.TypeFor[SchemaDescriber]()
)

// kind is how a Go type is decoded.
type kind uint8

const (
	kindStruct kind = iota + 1
	kindString
	kindEnum
	kindText
	kindBool
	kindInt
	kindUint
	kindFloat
	kindSlice
	kindPtr
)

// plan is a Go type compiled once into what the decoder and the schema
// generator need to know about it.
type plan struct {
	kind kind
	typ  reflect.Type

	fields []field           // kindStruct, in declaration order
	byName map[string]int    // kindStruct: JSON name -> index into fields
	elem   *plan             // kindSlice, kindPtr
	enum   []string          // kindEnum: allowed values, in Values() order
	enumOf map[string]string // kindEnum: value -> the same string from enum, so setting it does not allocate
}

// field is one decoded struct field.
type field struct {
	name     string // JSON name
	index    int    // Go field index
	required bool   // req:"true"
	doc      string // doc:"..."
	plan     *plan
}

// jsonType names the JSON type a plan accepts, for messages.
func (p *plan) jsonType() string {
	switch p.kind {
	case kindStruct:
		return "object"
	case kindSlice:
		return "array"
	case kindBool:
		return "boolean"
	case kindInt, kindUint:
		return "integer"
	case kindFloat:
		return "number"
	case kindPtr:
		return p.elem.jsonType()
	default:
		return "string"
	}
}

// plans caches compiled struct types: reflect.Type -> *plan.
var plans sync.Map

// planFor returns the compiled plan for struct type t.
func planFor(t reflect.Type) (*plan, error) {
	if p, ok := plans.Load(t); ok {
		return p.(*plan), nil
	}
	p, err := compile(t, map[reflect.Type]*plan{}, t.String())
	if err != nil {
		return nil, err
	}
	plans.Store(t, p)
	return p, nil
}

// compile builds the plan for t. seen holds struct plans under construction
// so recursive types terminate; where names the field being compiled, for
// errors.
func compile(t reflect.Type, seen map[reflect.Type]*plan, where string) (*plan, error) {
	if p, ok := seen[t]; ok {
		return p, nil
	}
	p := &plan{typ: t}
	switch {
	case t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(textUnmarshalerType):
		p.kind = kindText
	case t.Kind() == reflect.String && t.Implements(valuerType):
		p.kind = kindEnum
		p.enum = reflect.Zero(t).Interface().(Valuer).Values()
		if len(p.enum) == 0 {
			return nil, fmt.Errorf("strictjson: %s: enum type %s has no values", where, t)
		}
		p.enumOf = make(map[string]string, len(p.enum))
		for _, v := range p.enum {
			p.enumOf[v] = v
		}
	default:
		if err := compileKind(p, seen, where); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// compileKind fills in a plan from the Go kind of its type.
func compileKind(p *plan, seen map[reflect.Type]*plan, where string) error {
	t := p.typ
	switch t.Kind() {
	case reflect.Struct:
		p.kind = kindStruct
		seen[t] = p
		return compileStruct(p, seen, where)
	case reflect.String:
		p.kind = kindString
	case reflect.Bool:
		p.kind = kindBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.kind = kindInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		p.kind = kindUint
	case reflect.Float32, reflect.Float64:
		p.kind = kindFloat
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			// encoding/json would expect base64 here; refuse rather than guess.
			return fmt.Errorf("strictjson: %s: unsupported type %s", where, t)
		}
		p.kind = kindSlice
		elem, err := compile(t.Elem(), seen, where+"[]")
		if err != nil {
			return err
		}
		p.elem = elem
	case reflect.Pointer:
		p.kind = kindPtr
		elem, err := compile(t.Elem(), seen, where)
		if err != nil {
			return err
		}
		p.elem = elem
	default:
		return fmt.Errorf("strictjson: %s: unsupported type %s", where, t)
	}
	return nil
}

// compileStruct compiles the exported fields of a struct.
func compileStruct(p *plan, seen map[reflect.Type]*plan, where string) error {
	t := p.typ
	p.byName = map[string]int{}
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		fieldWhere := where + "." + sf.Name
		if sf.Anonymous {
			return fmt.Errorf("strictjson: %s: embedded fields are not supported", fieldWhere)
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "" {
			name = sf.Name
		}
		if _, dup := p.byName[name]; dup {
			return fmt.Errorf("strictjson: %s: JSON name %q is used twice", fieldWhere, name)
		}
		var required bool
		switch req := sf.Tag.Get("req"); req {
		case "true":
			required = true
		case "", "false":
		default:
			return fmt.Errorf("strictjson: %s: req tag %q: want \"true\" or \"false\"", fieldWhere, req)
		}
		fp, err := compile(sf.Type, seen, fieldWhere)
		if err != nil {
			return err
		}
		p.byName[name] = len(p.fields)
		p.fields = append(p.fields, field{name: name, index: i, required: required, doc: sf.Tag.Get("doc"), plan: fp})
	}
	return nil
}
