package spo

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/spokit/spokit/casefile"
)

// Overlap is a term that appears to clash with one of the respondent's
// recorded commitments (SPA 2019 s.2(3); s.5(4) for an interim term).
type Overlap struct {
	// Term is the term's number (from 1) in its order.
	Term int
	// Interim is set for a term of the interim order.
	Interim bool
	// Commitment is the commitment's index in spo.respondent_commitments.
	Commitment int
	// Why says what overlaps, e.g. "Friday 12:30–14:00 at Hoole Road".
	Why string
}

// CommitmentOverlaps performs the s.2(3) check: it compares every term
// (the full order's, then the interim order's) with the respondent's
// recorded religious, work and education commitments, and returns each
// pair that appears to overlap, in order. See overlap for how.
func (a *Application) CommitmentOverlaps() []Overlap {
	if a.Case == nil || a.Case.SPO == nil {
		return nil
	}
	var interim []casefile.Term
	if a.Interim != nil {
		interim = a.Interim.Terms
	}
	return commitmentOverlaps(a.Case.SPO.Commitments, a.Terms, interim)
}

func commitmentOverlaps(cs []casefile.Commitment, full, interim []casefile.Term) []Overlap {
	var out []Overlap
	for pass, terms := range [][]casefile.Term{full, interim} {
		for i, t := range terms {
			for j, c := range cs {
				if why, ok := overlap(t, c); ok {
					out = append(out, Overlap{Term: i + 1, Interim: pass == 1, Commitment: j, Why: why})
				}
			}
		}
	}
	return out
}

var (
	clockRE = regexp.MustCompile(`\b([01]?\d|2[0-3])[:.]([0-5]\d)\b`)
	// keepsAtPlace are phrasings of a term that keeps the respondent at one
	// place (a curfew): it clashes with any commitment at the same time,
	// wherever that is.
	keepsAtPlace = []string{"curfew", "remain at", "stay at", "not leave", "be at home", "remain indoors"}
	weekdays     = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)

// overlap reports whether a term appears to clash with a commitment, and
// how. The term's days are the weekdays its wording names (every day when
// none) and its hours the first two clock times it states (all day when
// fewer); the commitment's are as recorded. They clash when days and hours
// both meet and either the term keeps the respondent at one place (a
// curfew) or it names one of the commitment's places (any comma-separated
// part of four letters or more, not only as the town after another place's
// name), or its locality lies within one. This is
// a screen for the applicant to review, not a finding: wording it cannot
// read counts as applying at all times.
func overlap(t casefile.Term, c casefile.Commitment) (string, bool) {
	text := strings.ToLower(t.Text + " " + t.Locality)
	days := termDays(text)
	from, to, timed := termHours(text)
	cDays := commitmentDays(c)
	var both []string
	for _, d := range weekdays {
		if slices.Contains(days, d) && slices.Contains(cDays, d) {
			both = append(both, d)
		}
	}
	if len(both) == 0 {
		return "", false
	}
	cFrom, cTo := 0, 24*60
	if c.From.Set && c.To.Set {
		cFrom, cTo = c.From.Hour*60+c.From.Minute, c.To.Hour*60+c.To.Minute
	}
	if timed && !minutesMeet(from, to, cFrom, cTo) {
		return "", false
	}
	place := ""
	if slices.ContainsFunc(keepsAtPlace, func(s string) bool { return strings.Contains(text, s) }) {
		place = "the term keeps the respondent at one place"
	} else if p, ok := sharedPlace(text, strings.ToLower(strings.TrimSpace(t.Locality)), c.Places); ok {
		place = "the term names " + p
	} else {
		return "", false
	}
	when := "every day"
	if len(both) < 7 {
		names := make([]string, len(both))
		for i, d := range both {
			names[i] = strings.ToUpper(d[:1]) + d[1:]
		}
		when = strings.Join(names, ", ")
	}
	if c.From.Set && c.To.Set {
		when += fmt.Sprintf(" %s–%s", c.From, c.To)
	}
	return when + "; " + place, true
}

// termDays are the weekdays a term's wording names, or every day.
func termDays(text string) []string {
	var out []string
	for _, d := range weekdays {
		if strings.Contains(text, d) {
			out = append(out, d)
		}
	}
	switch {
	case len(out) > 0:
		return out
	case strings.Contains(text, "weekday"):
		return weekdays[:5]
	case strings.Contains(text, "weekend"):
		return weekdays[5:]
	}
	return weekdays
}

// termHours are the first two clock times a term states, in minutes.
func termHours(text string) (from, to int, ok bool) {
	m := clockRE.FindAllStringSubmatch(text, 2)
	if len(m) < 2 {
		return 0, 0, false
	}
	minutes := func(s []string) int {
		var h, mm int
		fmt.Sscanf(s[1]+" "+s[2], "%d %d", &h, &mm)
		return h*60 + mm
	}
	return minutes(m[0]), minutes(m[1]), true
}

// commitmentDays are a commitment's weekdays (names, three-letter
// abbreviations, plurals, "weekdays" or "weekends"), or every day.
func commitmentDays(c casefile.Commitment) []string {
	var out []string
	for _, d := range c.Days {
		d = strings.ToLower(strings.TrimSpace(d))
		switch strings.TrimSuffix(d, "s") {
		case "weekday":
			out = append(out, weekdays[:5]...)
		case "weekend":
			out = append(out, weekdays[5:]...)
		}
		for _, w := range weekdays {
			if strings.HasPrefix(w, strings.TrimSuffix(d, "s")) && len(d) >= 3 {
				out = append(out, w)
			}
		}
	}
	if len(out) == 0 {
		return weekdays
	}
	return out
}

// minutesMeet reports whether two spans of the day meet; a span whose end
// is before its start runs overnight.
func minutesMeet(a0, a1, b0, b1 int) bool {
	spans := func(s, e int) [][2]int {
		if e <= s {
			return [][2]int{{s, 24 * 60}, {0, e}}
		}
		return [][2]int{{s, e}}
	}
	for _, x := range spans(a0, a1) {
		for _, y := range spans(b0, b1) {
			if x[0] < y[1] && y[0] < x[1] {
				return true
			}
		}
	}
	return false
}

// namesPlace reports whether text names place other than as the town of
// another place: "enter Llanrwst" names Llanrwst, "the school, Llanrwst"
// does not (the term is about the school).
func namesPlace(text, place string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], place)
		if j < 0 {
			return false
		}
		if !strings.HasSuffix(text[:i+j], ", ") {
			return true
		}
		i += j + len(place)
	}
}

// sharedPlace finds a place of the commitment that the term's wording
// names, or the term's locality within a commitment's place.
func sharedPlace(text, locality string, places []string) (string, bool) {
	for _, p := range places {
		for _, part := range strings.Split(p, ",") {
			part = strings.TrimSpace(part)
			if len([]rune(part)) >= 4 && (part[0] < '0' || part[0] > '9') && namesPlace(text, strings.ToLower(part)) {
				return part, true
			}
		}
	}
	for _, p := range places {
		if locality != "" && strings.Contains(strings.ToLower(p), locality) {
			return strings.TrimSpace(p), true
		}
	}
	return "", false
}
