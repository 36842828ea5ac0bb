// Package casefile is spokit's model of a stalking case file and what the
// criminal law needs of it.
//
// A case arrives as one JSON document in the v1 import format (see the
// project README and "spokit schema"). Decode reads it strictly: an unknown
// field, a wrong type, a date that does not exist or a value outside a
// vocabulary is refused with every problem listed, each with its JSON path
// and line, so an export never silently drops evidence.
//
// Validate then judges the case against the rules of rules.md: case
// integrity (references resolve, ids are unique, exhibit files exist and
// stay inside the case folder) and the criminal charges (a course of conduct
// on at least two occasions, fear of violence on two occasions, serious alarm
// or distress, the six-month limit for summary-only charges, the s.76
// relationship). Each rule is a small function with its ID, severity and
// citation in a table; other packages (spo) pass their own rules in Options.
//
// The packages under casefile build on the same Case: screen (the stalking
// screening), mgform (the MG case-file forms), workbook (the prosecution
// workbook and its review) and synth (synthetic cases for tests and
// benchmarks).
package casefile
