package casefile

import (
	"encoding/json"
	"fmt"
)

// Severity is how much a finding matters. Error means the law's requirement
// is not met on the evidence recorded; Warning a legal risk to look at; Info
// something the officer must know or do.
type Severity int

// Severities, least severe first.
const (
	Info Severity = iota
	Warning
	Error
)

var severityNames = [...]string{Info: "info", Warning: "warning", Error: "error"}

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	if s < Info || s > Error {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return severityNames[s]
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) {
	if s < Info || s > Error {
		return nil, fmt.Errorf("casefile: invalid severity %d", int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	for i, n := range severityNames {
		if n == string(b) {
			*s = Severity(i)
			return nil
		}
	}
	return fmt.Errorf("casefile: unknown severity %q", b)
}

// Finding is one thing validation found: which rule, how serious, where in
// the case (a JSON path such as "charges[0].victims[0]"), what is missing and
// what would satisfy it, and the law behind it.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Path     string   `json:"path"`
	Message  string   `json:"message"`
	Citation string   `json:"citation"`
}

// Report is the result of validating one case. Its JSON form is the
// `spokit validate --json` contract.
type Report struct {
	URN      string
	AsOf     Date
	Findings []Finding
}

// Count returns the number of findings of severity s.
func (r *Report) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any finding is an error: the case must not be
// relied on (and spokit build refuses it) until they are dealt with.
func (r *Report) HasErrors() bool { return r.Count(Error) > 0 }

// ByRule returns the findings of one rule.
func (r *Report) ByRule(id string) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Rule == id {
			out = append(out, f)
		}
	}
	return out
}

// MarshalJSON writes {"urn", "findings", "errors", "warnings"}.
func (r *Report) MarshalJSON() ([]byte, error) {
	findings := r.Findings
	if findings == nil {
		findings = []Finding{}
	}
	return json.Marshal(struct {
		URN      string    `json:"urn"`
		Findings []Finding `json:"findings"`
		Errors   int       `json:"errors"`
		Warnings int       `json:"warnings"`
	}{r.URN, findings, r.Count(Error), r.Count(Warning)})
}
