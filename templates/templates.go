package templates

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"
	"unicode"
)

//go:embed text/*.tmpl
var embedded embed.FS

// defaultFS is the embedded wording with the "text/" prefix removed, so its
// file names are the ones a force's override directory uses.
var defaultFS = func() fs.FS {
	sub, err := fs.Sub(embedded, "text")
	if err != nil {
		panic(fmt.Sprintf("templates: embedded defaults: %v", err))
	}
	return sub
}()

// ErrUnknownUnit reports a wording unit name that is not one of the defaults:
// a Render of an unknown unit, or an override or {{template}} call that names one.
var ErrUnknownUnit = errors.New("unknown wording unit")

// Set is a parsed set of wording units: the defaults, with a force's
// overrides applied. A Set is immutable and safe for concurrent use.
type Set struct {
	root  *template.Template // every unit, associated so {{template}} calls resolve within the set
	names []string           // sorted unit names
}

// Default returns the set of default wording units. It is parsed once.
// The embedded defaults are tested to parse, so a failure here is a bug in
// spokit, and Default panics.
func Default() *Set {
	return defaultSet()
}

var defaultSet = sync.OnceValue(func() *Set {
	s, err := New(nil)
	if err != nil {
		panic(err)
	}
	return s
})

// New parses the default wording units and then every *.tmpl file at the top
// of override (nil means none), in name order. A block in an override file
// replaces the default unit of the same name. It is an error for an override
// file to define a unit that is not a default, to define a unit that another
// override file also defines, or to hold text outside {{define}} blocks.
// Errors name the file and, where known, the unit.
func New(override fs.FS) (*Set, error) {
	return newSet(defaultFS, override)
}

// Defaults returns the embedded default wording files, named as they would be
// in an override directory. A force can copy them to start editing:
//
//	err := os.CopyFS(dir, templates.Defaults())
func Defaults() fs.FS {
	return defaultFS
}

// Names returns the names of every wording unit, sorted.
func (s *Set) Names() []string {
	return slices.Clone(s.names)
}

// Render executes the named unit with data and returns its tidied plain text
// (see the package doc). A reference to a missing map key is an error.
// Errors name the unit and wrap the cause; an unknown name wraps ErrUnknownUnit.
func (s *Set) Render(name string, data any) (string, error) {
	if _, found := slices.BinarySearch(s.names, name); !found {
		return "", fmt.Errorf("templates: render %q: %w", name, ErrUnknownUnit)
	}
	var buf bytes.Buffer
	if err := s.root.Lookup(name).Execute(&buf, data); err != nil {
		return "", fmt.Errorf("templates: render %q: %w", name, err)
	}
	return tidy(buf.String()), nil
}

// newSet builds a Set from a defaults file system and an optional override
// one. New always passes the embedded defaults; tests pass their own.
func newSet(defaults, override fs.FS) (*Set, error) {
	funcs := funcMap()
	units := map[string]*parse.Tree{}

	defs, err := parseDir(defaults, "default/", funcs)
	if err != nil {
		return nil, err
	}
	definedIn := map[string]string{}
	for _, f := range defs {
		for _, name := range sortedKeys(f.blocks) {
			if other, dup := definedIn[name]; dup {
				return nil, fmt.Errorf("templates: default files %q and %q both define %q", other, f.name, name)
			}
			definedIn[name] = f.name
			units[name] = f.blocks[name]
		}
	}

	if override != nil {
		overs, err := parseDir(override, "", funcs)
		if err != nil {
			return nil, err
		}
		overriddenBy := map[string]string{}
		for _, f := range overs {
			for _, name := range sortedKeys(f.blocks) {
				if _, known := units[name]; !known {
					return nil, fmt.Errorf("templates: override file %q defines %q: %w; an override can only replace a default unit", f.name, name, ErrUnknownUnit)
				}
				if other, dup := overriddenBy[name]; dup {
					return nil, fmt.Errorf("templates: override files %q and %q both define %q", other, f.name, name)
				}
				overriddenBy[name] = f.name
				units[name] = f.blocks[name]
			}
		}
	}

	root := template.New("").Funcs(funcs).Option("missingkey=error")
	names := sortedKeys(units)
	for _, name := range names {
		if err := checkCalls(name, units[name], units); err != nil {
			return nil, err
		}
		if _, err := root.AddParseTree(name, units[name]); err != nil {
			return nil, fmt.Errorf("templates: add %q: %w", name, err)
		}
	}
	return &Set{root: root, names: names}, nil
}

// file is one parsed wording file: its name and the blocks it defines.
type file struct {
	name   string
	blocks map[string]*parse.Tree
}

// parseDir parses every *.tmpl file at the top of fsys, in name order.
// parsePrefix is put before each file name in the names text/template shows
// in its messages, so an execution error in a default unit cannot be mistaken
// for one in a force's file of the same name.
func parseDir(fsys fs.FS, parsePrefix string, funcs template.FuncMap) ([]file, error) {
	paths, err := fs.Glob(fsys, "*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("templates: list wording files: %w", err)
	}
	files := make([]file, 0, len(paths))
	for _, p := range paths {
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("templates: read %q: %w", p, err)
		}
		blocks, err := parseFile(parsePrefix+p, src, funcs)
		if err != nil {
			return nil, fmt.Errorf("templates: file %q: %w", p, err)
		}
		files = append(files, file{name: p, blocks: blocks})
	}
	return files, nil
}

// parseFile parses one wording file and returns its define blocks by name.
func parseFile(parseName string, src []byte, funcs template.FuncMap) (map[string]*parse.Tree, error) {
	// Editors on Windows add a byte-order mark and CRLF line ends; neither is wording.
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))

	t := template.New(parseName).Funcs(funcs)
	if _, err := t.Parse(string(src)); err != nil {
		if block := blockAtError(parseName, src, err); block != "" {
			return nil, fmt.Errorf("block %q: %w", block, err)
		}
		return nil, err
	}
	blocks := map[string]*parse.Tree{}
	for _, tt := range t.Templates() {
		if tt.Name() == parseName {
			if tt.Tree != nil && !parse.IsEmptyTree(tt.Tree.Root) {
				return nil, errors.New("text outside a {{define}} block (every wording unit must be a {{define \"<document>.<unit>\"}} ... {{end}} block)")
			}
			continue
		}
		blocks[tt.Name()] = tt.Tree
	}
	return blocks, nil
}

// defineRE finds the start of a define or block action in wording source.
var defineRE = regexp.MustCompile(`\{\{-?\s*(?:define|block)\s+"([^"]*)"`)

// blockAtError names the block a parse error falls in: the last block that
// starts on or before the line text/template reports. Parse errors are plain
// errors of the form "template: NAME:LINE: ...", so this reads the line from
// the message; it returns "" when it cannot tell, and the message still
// gives the file and line.
func blockAtError(parseName string, src []byte, err error) string {
	rest, ok := strings.CutPrefix(err.Error(), "template: "+parseName+":")
	if !ok {
		return ""
	}
	digits, _, ok := strings.Cut(rest, ":")
	if !ok {
		return ""
	}
	line, convErr := strconv.Atoi(digits)
	if convErr != nil {
		return ""
	}
	block := ""
	for _, m := range defineRE.FindAllSubmatchIndex(src, -1) {
		if 1+bytes.Count(src[:m[0]], []byte("\n")) > line {
			break
		}
		block = string(src[m[2]:m[3]])
	}
	return block
}

// checkCalls reports a {{template}} call in unit name to a unit that does
// not exist, which text/template would only find when that branch runs.
func checkCalls(name string, tree *parse.Tree, units map[string]*parse.Tree) error {
	var err error
	walkTemplateCalls(tree.Root, func(call *parse.TemplateNode) {
		if _, ok := units[call.Name]; !ok && err == nil {
			location, _ := tree.ErrorContext(call)
			err = fmt.Errorf("templates: %s: unit %q calls {{template %q}}: %w", location, name, call.Name, ErrUnknownUnit)
		}
	})
	return err
}

// walkTemplateCalls calls visit for every {{template}} action under n.
func walkTemplateCalls(n parse.Node, visit func(*parse.TemplateNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, child := range n.Nodes {
			walkTemplateCalls(child, visit)
		}
	case *parse.IfNode:
		walkTemplateCalls(n.List, visit)
		walkTemplateCalls(n.ElseList, visit)
	case *parse.RangeNode:
		walkTemplateCalls(n.List, visit)
		walkTemplateCalls(n.ElseList, visit)
	case *parse.WithNode:
		walkTemplateCalls(n.List, visit)
		walkTemplateCalls(n.ElseList, visit)
	case *parse.TemplateNode:
		visit(n)
	}
}

// tidy applies the plain-text conventions in the package doc: no leading or
// trailing white space, none at line ends, at most one blank line in a row.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	blank := false
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if l == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, l)
	}
	return strings.TrimLeftFunc(strings.Join(out, "\n"), unicode.IsSpace)
}

// sortedKeys returns the keys of m in sorted order, for deterministic loading.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
