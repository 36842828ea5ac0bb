// Package spo prepares a Stalking Protection Order application under the
// Stalking Protection Act 2019 (England and Wales) from a case file.
//
// NewApplication resolves the case's spo block into an Application: the
// applicant chief officer, the respondent, the people protected, the acts
// relied on in date order, the risk, the necessity, the terms, the duration
// and any interim order. The bundle (WriteBundle, the court's copy, and
// WriteServiceCopy, the respondent's, page for page the same), the court's
// confidential annex, the draft orders and the notification notice are
// generated from it, and its helpers give the
// dates those documents print: when a fixed-period order ends (OrderEnds),
// when an interim order ends (InterimEnds) and the last day for the
// respondent to notify the police of their names and home address
// (NotificationDeadline, s.9).
//
// Rules are the checks of the "Stalking Protection Order" section of
// rules.md: the three conditions of s.1(1), a named person to protect, terms
// each with its own necessity (s.2(2)), a duration of at least 2 years or
// until further order (s.3), an interim order for a fixed period with a
// reason (s.5), and the guidance on victims' views and risk assessment.
// AllRules adds them to casefile's own rules, and is what spokit validates
// with. Rules of spokit's own keep the respondent's documents safe: a term
// may not name a withheld detail (SPO-TERM-WITHHELD), and an exhibit the
// respondent is served may not show one (SPO-EXHIBIT-DETAILS,
// SPO-EXHIBIT-PICTURE).
//
// Every document prints as its reader may read it (casefile.Disclosure):
// everything the respondent receives, and the court copy that mirrors it,
// withholds everyone's contact details and dates of birth but the
// respondent's own.
//
// What the Act does not require is never reported as an error: acts before
// 20 January 2020 or outside the UK count (s.1(5), s.2(5)), a protected
// person need not be a victim of the acts (s.1(1)(c)), an application needs
// no criminal charge, and a single act is only a warning.
package spo
