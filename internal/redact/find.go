package redact

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Finding details fast. A case has hundreds of patterns (every witness's
// address parts, phone, email and date of birth), statements run to pages
// and a bundle cleans thousands of pieces of text: too much to scan with
// every regular expression. Whatever a pattern matches folds (see fold) to
// a string that holds each of the pattern's needles and is at most the
// pattern's span long. So one pass over a text's fold finds the needles it
// holds; a pattern is tried only when the fold holds all its needles, and
// only in the windows of text around each place its first needle occurs,
// each as wide as a match could reach from there. The matches found are
// exactly those a scan of the whole text with every pattern finds.

// add compiles a detail into a pattern of r and indexes its needles.
func (r *matcher) add(d detail) {
	p := pattern{re: regexp.MustCompile("(?i)" + d.src), edges: d.edges, span: d.span}
	needles := slices.DeleteFunc(slices.Clone(d.needles), func(n string) bool { return n == "" })
	// The longest needle occurs in the fewest places.
	slices.SortStableFunc(needles, func(a, b string) int { return len(b) - len(a) })
	for _, n := range needles {
		p.needles = append(p.needles, r.needle(n))
	}
	if len(p.needles) == 0 {
		r.always = append(r.always, len(r.patterns))
	} else {
		r.firstOf[p.needles[0]] = append(r.firstOf[p.needles[0]], len(r.patterns))
	}
	r.patterns = append(r.patterns, p)
}

// needle returns the index of needle n in r.needles, indexing it first if
// it is new. n is not empty.
func (r *matcher) needle(n string) int {
	if i := slices.Index(r.needles, n); i >= 0 {
		return i
	}
	i := len(r.needles)
	r.needles = append(r.needles, n)
	r.firstOf = append(r.firstOf, nil)
	if len(n) == 1 {
		r.short[n[0]] = append(r.short[n[0]], i)
	} else {
		key := int(n[0])<<8 | int(n[1])
		if r.starting[key] == 0 {
			r.starting[key] = int32(len(r.startGroups))
			r.startGroups = append(r.startGroups, nil)
		}
		r.startGroups[r.starting[key]] = append(r.startGroups[r.starting[key]], i)
	}
	return i
}

// holds returns which needles the fold f holds.
func (r *matcher) holds(f string) []bool {
	has := make([]bool, len(r.needles))
	for i := range len(f) {
		for _, n := range r.short[f[i]] {
			has[n] = true
		}
		if i+1 == len(f) {
			break
		}
		for _, n := range r.startGroups[r.starting[int(f[i])<<8|int(f[i+1])]] {
			has[n] = has[n] || strings.HasPrefix(f[i:], r.needles[n])
		}
	}
	return has
}

// spans returns every whole match of every pattern and date of birth in s,
// by where they start (they may overlap).
func (r *matcher) spans(s string) [][2]int { return r.spansFolded(s, &folded{s: fold(s)}) }

// spansFolded is spans given the fold f of s, which matchers share.
func (r *matcher) spansFolded(s string, f *folded) [][2]int {
	if len(r.patterns) == 0 && len(r.births) == 0 {
		return nil
	}
	has := r.holds(f.s)
	tried := slices.Clone(r.always)
	for i, ok := range has {
		if ok {
			tried = append(tried, r.firstOf[i]...)
		}
	}
	var out [][2]int
	for _, i := range tried {
		p := r.patterns[i]
		if slices.ContainsFunc(p.needles, func(n int) bool { return !has[n] }) {
			continue
		}
		windows := [][2]int{{0, len(s)}}
		if len(p.needles) > 0 {
			windows = p.windows(r.needles[p.needles[0]], s, f)
		}
		for _, w := range windows {
			out = p.matchesIn(s, w, out)
		}
	}
	out = r.dateSpans(s, has, out)
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return out
}

// folded is a text's fold, and where in the text each of its bytes comes
// from, found when first needed.
type folded struct {
	s string
	// start and end are, for each byte of s, the bounds in the text of the
	// character it was folded from.
	start, end []int
}

// locate finds where each byte of the fold of text comes from.
func (f *folded) locate(text string) {
	if f.start != nil || f.s == "" {
		return
	}
	f.start, f.end = make([]int, 0, len(f.s)), make([]int, 0, len(f.s))
	for i, c := range text {
		c, ok := foldRune(c)
		if !ok {
			continue
		}
		end := i + runeLen(text[i:])
		for range utf8.RuneLen(c) {
			f.start, f.end = append(f.start, i), append(f.end, end)
		}
	}
}

// windows returns the stretches of text, in order and apart, in which a
// pattern whose first needle is needle may match: around each place the
// needle occurs in the fold f of text, as far either side as a match could
// reach, together with the characters next to that which fold to nothing
// (spaces, punctuation).
func (p pattern) windows(needle, text string, f *folded) [][2]int {
	f.locate(text)
	reach := p.span - len(needle)
	var out [][2]int
	for at := 0; ; at++ {
		i := strings.Index(f.s[at:], needle)
		if i < 0 {
			return out
		}
		at += i
		lo, hi := max(0, at-reach), min(len(f.s), at+len(needle)+reach)
		w := [2]int{0, len(text)}
		if lo > 0 {
			w[0] = f.end[lo-1]
		}
		if hi < len(f.s) {
			w[1] = f.start[hi]
		}
		if n := len(out); n > 0 && w[0] <= out[n-1][1] {
			out[n-1][1] = w[1]
			continue
		}
		out = append(out, w)
	}
}

// matchesIn appends the whole matches of the pattern within window w of s
// to out. A match whose edges fail is retried one character later, so that
// a shorter whole match inside it is still found.
func (p pattern) matchesIn(s string, w [2]int, out [][2]int) [][2]int {
	for from := w[0]; from < w[1]; {
		loc := p.re.FindStringIndex(s[from:w[1]])
		if loc == nil {
			break
		}
		start, end := from+loc[0], from+loc[1]
		if end > start && p.edges.whole(s, start, end) {
			if p.edges == digitEdges {
				start = balance(s, start, end)
			}
			out = append(out, [2]int{start, end})
			from = end
			continue
		}
		from = start + runeLen(s[start:])
	}
	return out
}

// balance moves the start of a phone number's match so that it holds as
// many opening brackets as closing ones: "(07700 900123)" keeps its
// brackets around the withheld text, and "(07700) 900123" loses both.
func balance(s string, start, end int) int {
	opens, closes := strings.Count(s[start:end], "("), strings.Count(s[start:end], ")")
	switch {
	case opens > closes && s[start] == '(':
		return start + 1
	case closes > opens && start > 0 && s[start-1] == '(':
		return start - 1
	}
	return start
}

// whole reports whether s[start:end] stands on its own.
func (e edgeKind) whole(s string, start, end int) bool {
	before, after := lastRune(s[:start]), firstRune(s[end:])
	switch e {
	case digitEdges:
		return !unicode.IsDigit(before) && !unicode.IsDigit(after)
	case emailEdges:
		if isEmailRune(before) || isEmailRune(after) && after != '.' {
			return false
		}
		// A full stop after the address ends a sentence, unless the
		// address goes on ("a@b.org.uk").
		return after != '.' || !isEmailRune(firstRune(s[end+1:]))
	}
	return !isAlnum(before) && !isAlnum(after)
}
