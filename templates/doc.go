// Package templates holds every piece of wording that spokit prints on its
// documents (MG forms, the SPO bundle, the draft order, notices) and renders
// it as plain text. Document generators ask for one wording unit at a time and
// lay the text out themselves, so a police force can change what its
// documents say without touching their layout or the code.
//
// # Wording units
//
// The default wording is embedded in the package as files of named blocks:
//
//	{{define "common.withheld"}}[withheld]{{end}}
//
// Each block is one wording unit: a label, a sentence or a few paragraphs. Its
// name is "<document>.<unit>", lower case, with hyphens inside words
// ("mg11.title", "spo.order-title"). [Set.Names] lists every unit. A
// unit may include another with {{template "common.withheld" .}}; the call
// always reaches the unit as the force has it, overridden or not.
//
// # Overriding wording
//
// [New] parses the defaults and then every *.tmpl file at the top of the
// override file system (subdirectories and other files are ignored). A block
// in an override file replaces the default block of the same name and nothing
// else: layering is per block, so a force's file need hold only the units it
// changes, and an empty block blanks a unit. Copying the defaults with
// os.CopyFS(dir, templates.Defaults()) is the easy way to start.
//
// Loading is strict, because a mistake in a wording file would otherwise show
// only as wrong words on a served document:
//   - an override block whose name is not a default unit is an error
//     (wrapping [ErrUnknownUnit]): a misspelt name would otherwise change
//     nothing, silently. Forces cannot add helper blocks of their own;
//   - two override files that define the same unit are an error;
//   - text outside a {{define}} block is an error;
//   - a {{template}} call to a unit that does not exist is an error;
//   - a parse error names the file, the line and, when it can tell, the block.
//
// # Rendered text
//
// [Set.Render] returns plain text; nothing in it is markup, and generators
// never parse it again. The text of a unit is tidied so that blocks can be
// written readably:
//   - leading and trailing white space of the whole unit is removed;
//   - trailing white space on each line is removed (so CRLF line ends become LF);
//   - runs of blank lines become one blank line.
//
// A blank line separates paragraphs; a single line break is a line break.
// Lines are not re-indented, so write the lines of a block flush left.
//
// Data is never template: text from a case file (a name, a statement, a
// prohibition) reaches the output exactly as written, even when it contains
// "{{" or "<". Output is not HTML-escaped. Executing a unit is deterministic:
// there is no function that reads the clock, the environment, the network or
// a random source, and ranges over maps visit keys in sorted order. There are
// no date functions: dates come in the data already formatted for print, or
// are formatted by methods of the data's own types.
//
// A reference to a missing map key is an error (missingkey=error), as is
// rendering a unit that does not exist; errors name the unit. [Renderer]
// renders many units and reports the first error once.
//
// # Functions
//
// Templates may use the text/template builtins and these functions only.
//
// From sprig (https://masterminds.github.io/sprig/), with sprig's meaning and
// argument order:
//
//	text     upper lower title untitle trim trimAll trimPrefix trimSuffix
//	         contains hasPrefix hasSuffix replace indent nindent cat toString splitList
//	choices  default empty coalesce ternary all any
//	lists    list dict get hasKey has first last rest initial compact uniq join sortAlpha
//	numbers  plural add add1 sub
//
// spokit's own:
//
//	joinAnd LIST   "A", "A and B", "A, B and C" (no serial comma)
//	joinOr LIST    "A", "A or B", "A, B or C"
//	ordinal N      "1st", "2nd", "3rd", "4th", "11th", "22nd"
//
// Every other sprig function is left out on purpose, including the ones that
// read the clock (now, date), the environment (env, expandenv), a random
// source (randInt, shuffle, uuidv4) or generate keys and certificates. A
// template that calls one fails to parse.
package templates
