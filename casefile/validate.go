package casefile

import (
	"fmt"
	"io/fs"
	"slices"
	"sync"
	"time"

	"github.com/spokit/spokit/internal/filekind"
	"github.com/spokit/spokit/internal/law"
)

// Rule is one validation rule: a stable ID from rules.md, the severity of
// what it finds, the law it rests on, and the function that checks a case.
// Packages outside casefile (spo) add their own rules to a Validate call.
type Rule struct {
	ID       string
	Severity Severity
	Citation string
	Check    func(*Check)
}

// Check is what a rule's function works with: the case, its index, the date
// it is judged on and the files beside it. A rule reports with Addf.
type Check struct {
	Case  *Case
	Index *Index
	// AsOf is the date time limits and "dated in the future" are judged on.
	AsOf Date
	// Files holds the case's exhibit files; nil when none are available.
	Files fs.FS
	// CheckFile checks an exhibit file's content (Options.CheckFile).
	CheckFile func(data []byte) error

	rule     *Rule
	findings []Finding
}

// Addf records a finding of the running rule at path (a JSON path into the
// case). The message should say what is missing and what would satisfy it.
func (c *Check) Addf(path, format string, args ...any) {
	c.addOnf(law.Verified, path, format, args...)
}

// addOnf is Addf for a finding that rests on a legal fact of the given
// status. A fact the law table marks unverified never makes an error: the
// finding is demoted to a warning that says so. This is the one place
// findings are made, so no rule can bypass it.
func (c *Check) addOnf(status law.Status, path, format string, args ...any) {
	sev, msg := c.rule.Severity, fmt.Sprintf(format, args...)
	if sev == Error && !status.HardRule() {
		sev = Warning
		msg += " (This rests on a point of law not yet verified, so it is a warning, not an error.)"
	}
	c.findings = append(c.findings, Finding{
		Rule:     c.rule.ID,
		Severity: sev,
		Path:     path,
		Message:  msg,
		Citation: c.rule.Citation,
	})
}

// Name returns the person's name for messages, or the id itself when the id
// does not resolve (CASE-REF reports that).
func (c *Check) Name(id string) string {
	if p := c.Index.Person(id); p != nil {
		return p.Name()
	}
	return id
}

// Options control a Validate call.
type Options struct {
	// AsOf overrides the case's as_of date; when both are zero, today's date
	// is used.
	AsOf Date
	// Files is the case directory, for CASE-EXHIBIT-FILE. When nil, exhibit
	// paths are checked for escaping the directory but not opened.
	Files fs.FS
	// CheckFile checks that an exhibit file's content can be reproduced;
	// it returns why not. Nil checks only that the file is a PDF or a
	// picture of a kind spokit prints, by its first bytes. The front door
	// (spokit.Validate) gives the PDF engine's check, which also decodes
	// every picture and every page, so a library user sees the findings
	// the command line does.
	CheckFile func(data []byte) error
	// Rules to run; nil means Rules() (case integrity and criminal charges).
	Rules []Rule
	// Concurrency is how many rules may run at once; 0 or 1 runs them one
	// after another. More than one needs every rule (and CheckFile) to be
	// safe to run beside the others, as spokit's own are: they only read
	// the case. The report is the same however many run.
	Concurrency int
}

// ResolveAsOf returns the date a case is judged on: override if given, else
// the case's as_of, else today.
func (c *Case) ResolveAsOf(override Date) Date {
	switch {
	case !override.IsZero():
		return override
	case !c.AsOf.IsZero():
		return c.AsOf
	}
	return DateOf(time.Now())
}

// Validate runs the rules against c and returns every finding, in rule
// order and, within a rule, in case order.
func Validate(c *Case, opts Options) *Report {
	rules := opts.Rules
	if rules == nil {
		rules = Rules()
	}
	chk := &Check{Case: c, Index: NewIndex(c), AsOf: c.ResolveAsOf(opts.AsOf), Files: opts.Files, CheckFile: opts.CheckFile}
	if chk.CheckFile == nil {
		chk.CheckFile = filekind.Check
	}
	if opts.Concurrency <= 1 || len(rules) < 2 {
		for i := range rules {
			chk.rule = &rules[i]
			rules[i].Check(chk)
		}
		return &Report{URN: c.URN, AsOf: chk.AsOf, Findings: chk.findings}
	}
	// Each rule gathers its findings apart; they are joined in the rules'
	// order, so the report never depends on the scheduling.
	found := make([][]Finding, len(rules))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(opts.Concurrency, len(rules)) {
		wg.Go(func() {
			for i := range next {
				own := *chk
				own.rule = &rules[i]
				rules[i].Check(&own)
				found[i] = own.findings
			}
		})
	}
	for i := range rules {
		next <- i
	}
	close(next)
	wg.Wait()
	return &Report{URN: c.URN, AsOf: chk.AsOf, Findings: slices.Concat(found...)}
}

// Rules returns casefile's rules: the "Case integrity" and "Criminal
// charges" sections of rules.md, then the charging file's warnings
// (rules_charging.go).
func Rules() []Rule {
	return slices.Concat(integrityRules, privacyRules, criminalRules, chargingRules)
}
