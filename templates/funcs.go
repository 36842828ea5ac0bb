package templates

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig/v3"
)

// sprigAllowed lists the sprig functions templates may call. It is an
// allow-list, not sprig's own "hermetic" set, because that set still holds
// random, clock-dependent and cryptographic functions. Only pure,
// deterministic text and list helpers belong here; the package doc lists them
// for template authors, so keep the two in step.
var sprigAllowed = []string{
	// text
	"upper", "lower", "title", "untitle", "trim", "trimAll", "trimPrefix", "trimSuffix",
	"contains", "hasPrefix", "hasSuffix", "replace", "indent", "nindent", "cat", "toString", "splitList",
	// choices
	"default", "empty", "coalesce", "ternary", "all", "any",
	// lists and dicts
	"list", "dict", "get", "hasKey", "has", "first", "last", "rest", "initial", "compact", "uniq", "join", "sortAlpha",
	// numbers
	"plural", "add", "add1", "sub",
}

// funcMap builds the function map every template is parsed and executed with.
func funcMap() template.FuncMap {
	all := sprig.HermeticTxtFuncMap()
	fm := make(template.FuncMap, len(sprigAllowed)+3)
	for _, name := range sprigAllowed {
		fm[name] = all[name]
	}
	// sprig's sortAlpha sorts a []string in place: the caller's data must
	// read the same after a template has run, so it sorts a copy.
	sortAlpha := all["sortAlpha"].(func(any) []string)
	fm["sortAlpha"] = func(list any) []string {
		if ss, ok := list.([]string); ok {
			list = slices.Clone(ss)
		}
		return sortAlpha(list)
	}
	fm["joinAnd"] = func(list any) (string, error) { return joinWords(list, "and") }
	fm["joinOr"] = func(list any) (string, error) { return joinWords(list, "or") }
	fm["ordinal"] = ordinal
	return fm
}

// joinWords joins the items of a slice or array in British prose style:
// "A", "A and B", "A, B and C" (no serial comma). Items print as fmt.Sprint
// prints them, so []string, sprig's list and slices of fmt.Stringer all work.
// Errors need not name the function: text/template adds "error calling joinAnd".
func joinWords(list any, conj string) (string, error) {
	if list == nil {
		return "", nil
	}
	// A list of strings, the usual case (the screening's lists of
	// occasions run to hundreds), needs no reflection.
	words, ok := list.([]string)
	if !ok {
		v := reflect.ValueOf(list)
		if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
			return "", fmt.Errorf("want a list, got %T", list)
		}
		words = make([]string, v.Len())
		for i := range words {
			words[i] = fmt.Sprint(v.Index(i).Interface())
		}
	}
	if len(words) <= 1 {
		return strings.Join(words, ""), nil
	}
	last := len(words) - 1
	return strings.Join(words[:last], ", ") + " " + conj + " " + words[last], nil
}

// ordinal writes n as an English ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st.
func ordinal(n int) (string, error) {
	if n < 0 {
		return "", fmt.Errorf("negative number %d", n)
	}
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix, nil
}
