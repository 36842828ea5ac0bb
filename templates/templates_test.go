package templates

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"regexp"
	"slices"
	"sync"
	"testing"
	"testing/fstest"
	"text/template"

	"github.com/Masterminds/sprig/v3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testDefaults stands in for the embedded defaults where a test needs units
// that call each other or that it can name without depending on real wording.
var testDefaults = fstest.MapFS{
	"doc.tmpl": {Data: []byte(`
{{define "doc.title"}}Title for {{.Name}}{{end}}
{{define "doc.body"}}
Dear {{.Name}}, {{template "doc.marker" .}}
{{end}}
{{define "doc.marker"}}[default marker]{{end}}
`)},
}

func files(kv ...string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := 0; i < len(kv); i += 2 {
		fsys[kv[i]] = &fstest.MapFile{Data: []byte(kv[i+1])}
	}
	return fsys
}

func TestOverrideReplacesOnlyTheUnitsItDefines(t *testing.T) {
	data := map[string]string{"Name": "Ann Example"}
	tests := []struct {
		name      string
		override  fs.FS
		wantTitle string
		wantBody  string
	}{
		{
			name:      "no override keeps the defaults",
			wantTitle: "Title for Ann Example",
			wantBody:  "Dear Ann Example, [default marker]",
		},
		{
			name:      "overriding a called unit changes every unit that calls it",
			override:  files("doc.tmpl", `{{define "doc.marker"}}[force marker]{{end}}`),
			wantTitle: "Title for Ann Example",
			wantBody:  "Dear Ann Example, [force marker]",
		},
		{
			name:      "an empty override block blanks the unit",
			override:  files("doc.tmpl", `{{define "doc.marker"}}{{/* not printed by this force */}}{{end}}`),
			wantTitle: "Title for Ann Example",
			wantBody:  "Dear Ann Example,",
		},
		{
			name:      "an override file need not share the default file's name",
			override:  files("ours.tmpl", `{{define "doc.title"}}Our title, {{.Name}}{{end}}`),
			wantTitle: "Our title, Ann Example",
			wantBody:  "Dear Ann Example, [default marker]",
		},
		{
			name: "units from several override files all apply",
			override: files(
				"a.tmpl", `{{define "doc.title"}}A{{end}}`,
				"b.tmpl", `{{define "doc.marker"}}B{{end}}`,
			),
			wantTitle: "A",
			wantBody:  "Dear Ann Example, B",
		},
		{
			name: "files outside the top directory and files not named .tmpl are ignored",
			override: files(
				"old/doc.tmpl", `{{define "doc.titel"}}x{{end}}`,
				"README.txt", `not wording`,
			),
			wantTitle: "Title for Ann Example",
			wantBody:  "Dear Ann Example, [default marker]",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := newSet(testDefaults, tt.override)
			require.NoError(t, err)
			title, err := set.Render("doc.title", data)
			require.NoError(t, err)
			body, err := set.Render("doc.body", data)
			require.NoError(t, err)
			assert.Equal(t, tt.wantTitle, title)
			assert.Equal(t, tt.wantBody, body)
			assert.Equal(t, []string{"doc.body", "doc.marker", "doc.title"}, set.Names())
		})
	}
}

func TestNewRejectsBadOverrides(t *testing.T) {
	tests := []struct {
		name     string
		override fstest.MapFS
		wantIs   error
		wantMsg  []string
	}{
		{
			name:     "a misspelt unit name",
			override: files("force.tmpl", `{{define "doc.titel"}}x{{end}}`),
			wantIs:   ErrUnknownUnit,
			wantMsg:  []string{`"force.tmpl"`, `"doc.titel"`},
		},
		{
			name: "the same unit in two override files",
			override: files(
				"a.tmpl", `{{define "doc.title"}}A{{end}}`,
				"b.tmpl", `{{define "doc.title"}}B{{end}}`,
			),
			wantMsg: []string{`"a.tmpl"`, `"b.tmpl"`, `"doc.title"`},
		},
		{
			name:     "the same unit twice in one file",
			override: files("a.tmpl", "{{define \"doc.title\"}}A{{end}}\n{{define \"doc.title\"}}B{{end}}"),
			wantMsg:  []string{`"a.tmpl"`, `multiple definition of template "doc.title"`},
		},
		{
			name:     "text outside a define block",
			override: files("force.tmpl", "Wording typed outside a block\n{{define \"doc.title\"}}A{{end}}"),
			wantMsg:  []string{`"force.tmpl"`, "text outside a {{define}} block"},
		},
		{
			name:     "a block action outside a define block",
			override: files("force.tmpl", `{{block "doc.title" .}}A{{end}}`),
			wantMsg:  []string{`"force.tmpl"`, "text outside a {{define}} block"},
		},
		{
			name:     "a call to a unit that does not exist",
			override: files("force.tmpl", "{{define \"doc.body\"}}\n{{if .Name}}{{template \"doc.signature\" .}}{{end}}{{end}}"),
			wantIs:   ErrUnknownUnit,
			wantMsg:  []string{`unit "doc.body" calls {{template "doc.signature"}}`, "force.tmpl:2"},
		},
		{
			name:     "an unclosed action names the file, line and block",
			override: files("force.tmpl", "{{define \"doc.title\"}}A{{end}}\n\n{{define \"doc.body\"}}\nDear {{.Name\n{{end}}"),
			wantMsg:  []string{`file "force.tmpl"`, `block "doc.body"`, "force.tmpl:5"},
		},
		{
			name:     "an unknown function names the file, line and block",
			override: files("force.tmpl", "{{define \"doc.marker\"}}\n\n{{ shout .Name }}{{end}}"),
			wantMsg:  []string{`file "force.tmpl"`, `block "doc.marker"`, "force.tmpl:3", `function "shout" not defined`},
		},
		{
			name:     "a parse error outside any block names the file and line",
			override: files("force.tmpl", "{{ .Name "),
			wantMsg:  []string{`file "force.tmpl"`, "force.tmpl:1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := newSet(testDefaults, tt.override)
			require.Error(t, err)
			assert.Nil(t, set)
			if tt.wantIs != nil {
				assert.ErrorIs(t, err, tt.wantIs)
			}
			for _, want := range tt.wantMsg {
				assert.Contains(t, err.Error(), want)
			}
		})
	}
}

func TestDefaultsMayNotDefineAUnitInTwoFiles(t *testing.T) {
	defaults := files(
		"a.tmpl", `{{define "doc.title"}}A{{end}}`,
		"b.tmpl", `{{define "doc.title"}}B{{end}}`,
	)
	_, err := newSet(defaults, nil)
	require.Error(t, err)
	for _, want := range []string{`"a.tmpl"`, `"b.tmpl"`, `"doc.title"`} {
		assert.Contains(t, err.Error(), want)
	}
}

func TestForbiddenFunctionsFailToParse(t *testing.T) {
	forbidden := []string{
		"now", "date", "dateInZone", "ago", "toDate", "mustToDate", "durationRound", "unixEpoch",
		"env", "expandenv", "getHostByName",
		"randInt", "randAlpha", "randAlphaNum", "randBytes", "shuffle", "uuidv4",
		"genPrivateKey", "genCA", "genSelfSignedCert", "genSignedCert", "encryptAES", "decryptAES",
		"bcrypt", "htpasswd", "derivePassword", "sha256sum",
		"keys", "values", "set", "unset", "fail", "toJson", "regexReplaceAll",
	}
	for _, fn := range forbidden {
		t.Run(fn, func(t *testing.T) {
			override := files("common.tmpl", fmt.Sprintf(`{{define "common.withheld"}}{{ %s }}{{end}}`, fn))
			_, err := New(override)
			require.Error(t, err)
			assert.Contains(t, err.Error(), fmt.Sprintf("function %q not defined", fn))
			assert.Contains(t, err.Error(), `block "common.withheld"`)
		})
	}
}

func TestFunctionMapIsTheAllowList(t *testing.T) {
	hermetic := sprig.HermeticTxtFuncMap()
	for _, name := range sprigAllowed {
		assert.NotNil(t, hermetic[name], "sprig no longer has %q", name)
	}
	want := append(slices.Clone(sprigAllowed), "joinAnd", "joinOr", "ordinal")
	assert.ElementsMatch(t, want, slices.Collect(maps.Keys(funcMap())))
}

// renderSource parses src as the only default file and renders unit "t.x".
func renderSource(t *testing.T, src string, data any) (string, error) {
	t.Helper()
	set, err := newSet(files("t.tmpl", src), nil)
	require.NoError(t, err)
	return set.Render("t.x", data)
}

type stringer string

func (s stringer) String() string { return "<" + string(s) + ">" }

// A template reads the data it is given and never changes it: the same
// data may print the next line too.
func TestSortAlphaLeavesTheDataAsItWas(t *testing.T) {
	names := []string{"Cal", "Ann", "Ben"}
	got, err := renderSource(t, `{{define "t.x"}}{{join ", " (sortAlpha .)}}; {{join ", " .}}{{end}}`, names)
	require.NoError(t, err)
	assert.Equal(t, "Ann, Ben, Cal; Cal, Ann, Ben", got)
	assert.Equal(t, []string{"Cal", "Ann", "Ben"}, names)
	got, err = renderSource(t, `{{define "t.x"}}{{join ", " (sortAlpha (list "b" "a"))}}{{end}}`, nil)
	require.NoError(t, err)
	assert.Equal(t, "a, b", got)
}

func TestHelperFunctions(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		data    any
		want    string
		wantErr string
	}{
		{name: "joinAnd of nothing", body: `{{joinAnd .}}`, data: []string{}, want: ""},
		{name: "joinAnd of nil", body: `{{joinAnd .}}`, data: nil, want: ""},
		{name: "joinAnd of one", body: `{{joinAnd .}}`, data: []string{"Ann"}, want: "Ann"},
		{name: "joinAnd of two", body: `{{joinAnd .}}`, data: []string{"Ann", "Ben"}, want: "Ann and Ben"},
		{name: "joinAnd of three has no serial comma", body: `{{joinAnd .}}`, data: []string{"Ann", "Ben", "Cal"}, want: "Ann, Ben and Cal"},
		{name: "joinAnd of a sprig list", body: `{{joinAnd (list "Ann" "Ben" "Cal")}}`, want: "Ann, Ben and Cal"},
		{name: "joinAnd of Stringers", body: `{{joinAnd .}}`, data: []stringer{"a", "b"}, want: "<a> and <b>"},
		{name: "joinAnd of an array", body: `{{joinAnd .}}`, data: [2]int{1, 2}, want: "1 and 2"},
		{name: "joinOr of three", body: `{{joinOr .}}`, data: []string{"Ann", "Ben", "Cal"}, want: "Ann, Ben or Cal"},
		{name: "joinAnd of a string is an error", body: `{{joinAnd .}}`, data: "Ann", wantErr: "error calling joinAnd: want a list, got string"},
		{name: "ordinal 0", body: `{{ordinal 0}}`, want: "0th"},
		{name: "ordinal 1", body: `{{ordinal 1}}`, want: "1st"},
		{name: "ordinal 2", body: `{{ordinal 2}}`, want: "2nd"},
		{name: "ordinal 3", body: `{{ordinal 3}}`, want: "3rd"},
		{name: "ordinal 4", body: `{{ordinal 4}}`, want: "4th"},
		{name: "ordinal 11", body: `{{ordinal 11}}`, want: "11th"},
		{name: "ordinal 12", body: `{{ordinal 12}}`, want: "12th"},
		{name: "ordinal 13", body: `{{ordinal 13}}`, want: "13th"},
		{name: "ordinal 21", body: `{{ordinal 21}}`, want: "21st"},
		{name: "ordinal 22", body: `{{ordinal 22}}`, want: "22nd"},
		{name: "ordinal 23", body: `{{ordinal 23}}`, want: "23rd"},
		{name: "ordinal 101", body: `{{ordinal 101}}`, want: "101st"},
		{name: "ordinal 111", body: `{{ordinal 111}}`, want: "111th"},
		{name: "ordinal 112", body: `{{ordinal 112}}`, want: "112th"},
		{name: "ordinal of a negative number is an error", body: `{{ordinal -1}}`, wantErr: "error calling ordinal: negative number -1"},
		{name: "plural of one", body: `{{.}} {{plural "act" "acts" .}}`, data: 1, want: "1 act"},
		{name: "plural of none", body: `{{.}} {{plural "act" "acts" .}}`, data: 0, want: "0 acts"},
		{name: "plural of many in a pipeline", body: `{{len . | plural "incident" "incidents"}}`, data: []int{1, 2}, want: "incidents"},
		{name: "default fills an empty value", body: `{{.Town | default "unknown"}}`, data: map[string]string{"Town": ""}, want: "unknown"},
		{name: "add1 numbers from one", body: `{{range $i, $n := .}}{{add1 $i}}. {{$n}} {{end}}`, data: []string{"a", "b"}, want: "1. a 2. b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := renderSource(t, `{{define "t.x"}}`+tt.body+`{{end}}`, tt.data)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestRenderTidiesWhitespace(t *testing.T) {
	tests := []struct {
		name string
		src  string
		data any
		want string
	}{
		{
			name: "leading and trailing blank lines and spaces go",
			src:  "{{define \"t.x\"}}\n\n   One line.   \n\n{{end}}",
			want: "One line.",
		},
		{
			name: "runs of blank lines become one paragraph break",
			src:  "{{define \"t.x\"}}\nFirst.\n\n\n\nSecond.\n{{end}}",
			want: "First.\n\nSecond.",
		},
		{
			name: "a skipped conditional paragraph leaves one break",
			src:  "{{define \"t.x\"}}\nFirst.\n\n{{if .}}\nMiddle.\n{{end}}\n\nLast.\n{{end}}",
			data: false,
			want: "First.\n\nLast.",
		},
		{
			name: "a kept conditional paragraph is separated by one break",
			src:  "{{define \"t.x\"}}\nFirst.\n\n{{if .}}\nMiddle.\n{{end}}\n\nLast.\n{{end}}",
			data: true,
			want: "First.\n\nMiddle.\n\nLast.",
		},
		{
			name: "single line breaks and indentation inside are kept",
			src:  "{{define \"t.x\"}}\nLine one\n  line two\n{{end}}",
			want: "Line one\n  line two",
		},
		{
			name: "CRLF line ends and a byte-order mark from a Windows editor",
			src:  "\uFEFF{{define \"t.x\"}}\r\nLine one\r\nLine two\r\n{{end}}\r\n",
			want: "Line one\nLine two",
		},
		{
			name: "spaces at the ends of lines of data go",
			src:  `{{define "t.x"}}{{.}}{{end}}`,
			data: "a  \r\nb\t",
			want: "a\nb",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := renderSource(t, tt.src, tt.data)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestMissingDataIsAnError(t *testing.T) {
	type onlyURN struct{ URN string }
	tests := []struct {
		name string
		data any
		want string
	}{
		{name: "missing map key", data: map[string]string{"URN": "99XX0000126"}, want: `map has no entry for key "AsOf"`},
		{name: "missing struct field", data: onlyURN{URN: "99XX0000126"}, want: "can't evaluate field AsOf"},
		{name: "no data at all", data: nil, want: "URN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Default().Render("common.produced-by", tt.data)
			require.Error(t, err)
			assert.Empty(t, got)
			assert.Contains(t, err.Error(), `render "common.produced-by"`)
			assert.Contains(t, err.Error(), tt.want)
			var execErr template.ExecError
			assert.True(t, errors.As(err, &execErr), "want a wrapped template.ExecError, got %T", err)
		})
	}
}

func TestRenderOfUnknownUnitIsAnError(t *testing.T) {
	for _, name := range []string{"common.withheld ", "common", "", "default/common.tmpl", "common.tmpl"} {
		t.Run(name, func(t *testing.T) {
			_, err := Default().Render(name, nil)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrUnknownUnit)
			assert.Contains(t, err.Error(), fmt.Sprintf("%q", name))
		})
	}
}

func TestUserTextIsPrintedLiterally(t *testing.T) {
	for _, urn := range []string{
		`{{ env "HOME" }}`,
		`{{.}}`,
		`{{define "common.draft"}}hijacked{{end}}`,
		`{{template "common.draft"}}`,
		`<b>Smith & Sons</b> "quoted" 'single' &amp;`,
		`Ŵyn O’Brien owes £5 — “really”`,
		`%s %v %!`,
	} {
		t.Run(urn, func(t *testing.T) {
			got, err := Default().Render("common.produced-by", map[string]string{"URN": urn, "AsOf": "2 March 2026"})
			require.NoError(t, err)
			assert.Equal(t, "Produced by spokit from case file "+urn+", on the information recorded as at 2 March 2026.", got)
		})
	}
}

func TestNamesAreSortedAndACopy(t *testing.T) {
	set := Default()
	names := set.Names()
	require.NotEmpty(t, names)
	assert.True(t, slices.IsSorted(names))
	assert.Contains(t, names, "common.withheld")
	names[0] = "changed"
	assert.NotEqual(t, "changed", set.Names()[0])
}

func TestEmbeddedDefaultsParse(t *testing.T) {
	set, err := New(nil)
	require.NoError(t, err)
	assert.Equal(t, Default().Names(), set.Names())
}

func TestDefaultUnitNamesAreDocumentDotUnit(t *testing.T) {
	valid := regexp.MustCompile(`^[a-z][a-z0-9]*(\.[a-z0-9]+(-[a-z0-9]+)*)+$`)
	for _, name := range Default().Names() {
		assert.Regexp(t, valid, name)
	}
}

func TestDefaultIsParsedOnce(t *testing.T) {
	assert.Same(t, Default(), Default())
}

func TestCopiedDefaultsLoadAsAnOverride(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, Defaults()))
	set, err := New(os.DirFS(dir))
	require.NoError(t, err)
	assert.Equal(t, Default().Names(), set.Names())
	data := map[string]string{"URN": "99XX0000126", "AsOf": "2 March 2026"}
	for _, name := range []string{"common.draft", "common.produced-by"} {
		want, err := Default().Render(name, data)
		require.NoError(t, err)
		got, err := set.Render(name, data)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
}

func TestRendererKeepsTheFirstError(t *testing.T) {
	r := Default().Renderer()
	assert.Equal(t, "[withheld]", r.Text("common.withheld", nil))
	require.NoError(t, r.Err())

	assert.Empty(t, r.Text("common.no-such-unit", nil))
	first := r.Err()
	require.ErrorIs(t, first, ErrUnknownUnit)

	assert.Empty(t, r.Text("common.withheld", nil), "nothing renders after an error")
	assert.Empty(t, r.Text("common.produced-by", map[string]string{}), "a later error")
	assert.Same(t, first, r.Err(), "the first error is kept")
}

func TestRenderIsSafeForConcurrentUse(t *testing.T) {
	set, err := New(files("common.tmpl", `{{define "common.produced-by"}}Case {{.URN}}: {{joinAnd .People}}{{end}}`))
	require.NoError(t, err)
	const workers, renders = 16, 200
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			r := set.Renderer()
			for i := range renders {
				urn := fmt.Sprintf("%02dXX%05d", w, i)
				data := map[string]any{"URN": urn, "People": []string{"Ann", "Ben", urn}}
				want := fmt.Sprintf("Case %s: Ann, Ben and %s", urn, urn)
				if got := r.Text("common.produced-by", data); got != want {
					errs <- fmt.Errorf("worker %d render %d: got %q, want %q (err %v)", w, i, got, want, r.Err())
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
