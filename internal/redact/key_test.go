package redact

import (
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// changeEach returns copies of v, one for each field it holds (and each
// field of the Details its lists hold), with that field alone changed.
func changeEach(t *testing.T, v reflect.Value) []reflect.Value {
	t.Helper()
	var out []reflect.Value
	for i := range v.NumField() {
		f := v.Field(i)
		switch {
		case f.Kind() == reflect.String:
			c := reflect.New(v.Type()).Elem()
			c.Set(v)
			c.Field(i).SetString(f.String() + "x")
			out = append(out, c)
		case f.Kind() == reflect.Bool:
			c := reflect.New(v.Type()).Elem()
			c.Set(v)
			c.Field(i).SetBool(!f.Bool())
			out = append(out, c)
		case f.Type() == reflect.TypeFor[time.Time]():
			for _, when := range []time.Time{{}, f.Interface().(time.Time).AddDate(0, 0, 1), f.Interface().(time.Time).Add(time.Hour)} {
				c := reflect.New(v.Type()).Elem()
				c.Set(v)
				c.Field(i).Set(reflect.ValueOf(when))
				out = append(out, c)
			}
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String:
			for _, s := range [][]string{nil, {"x"}, {"", "x"}} {
				c := reflect.New(v.Type()).Elem()
				c.Set(v)
				c.Field(i).Set(reflect.ValueOf(s))
				out = append(out, c)
			}
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Struct:
			require.Equal(t, 1, f.Len(), "%s: the base holds one element", v.Type().Field(i).Name)
			c := reflect.New(v.Type()).Elem()
			c.Set(v)
			c.Field(i).Set(reflect.MakeSlice(f.Type(), 0, 0))
			out = append(out, c)
			for _, e := range changeEach(t, f.Index(0)) {
				c := reflect.New(v.Type()).Elem()
				c.Set(v)
				s := reflect.MakeSlice(f.Type(), 1, 1)
				s.Index(0).Set(e)
				c.Field(i).Set(s)
				out = append(out, c)
			}
		default:
			t.Fatalf("Key does not know how to count %s.%s (%s): teach it and this test", v.Type(), v.Type().Field(i).Name, f.Type())
		}
	}
	return out
}

// Redactors may be shared only between Options that withhold alike: every
// field of Options, and of the details it lists, changes the key, so a
// field added to Options and forgotten by Key fails here.
func TestOptionsKeyChangesWithEveryField(t *testing.T) {
	born := time.Date(1990, 4, 17, 0, 0, 0, 0, time.UTC)
	base := Options{
		Withheld: "[withheld]", Withhold: []Details{{Address: "1 Lark Rise", Phone: "07700 900123", Email: "a@example.org", Birth: born}},
		Keep:     []Details{{Address: "2 Mill Lane", Phone: "07700 900456", Email: "b@example.org", Birth: born}},
		KeepText: []string{"Court"}, Given: []string{"Lark Rise"},
	}
	seen := map[[32]byte]string{base.Key(): "the base"}
	for _, v := range changeEach(t, reflect.ValueOf(base)) {
		o := v.Interface().(Options)
		k := o.Key()
		assert.NotContains(t, seen, k, "%#v", o)
		seen[k] = "changed"
	}
	require.Greater(t, len(seen), 20)
	same := base
	same.Withhold = append([]Details(nil), base.Withhold...)
	assert.Equal(t, base.Key(), same.Key(), "equal Options have equal keys")
}

// Texts that run together differently are different Options.
func TestOptionsKeyKeepsTextsApart(t *testing.T) {
	a := Options{KeepText: []string{"ab", "c"}}
	b := Options{KeepText: []string{"a", "bc"}}
	c := Options{KeepText: []string{"abc"}}
	assert.NotEqual(t, a.Key(), b.Key())
	assert.NotEqual(t, a.Key(), c.Key())
	d := Options{Withheld: "x", Given: nil}
	e := Options{Withheld: "", Given: []string{"x"}}
	assert.NotEqual(t, d.Key(), e.Key())
}
