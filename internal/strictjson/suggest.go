package strictjson

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// unknownFieldMessage reports an unknown key and, when one known field is
// close enough to be the intended one, suggests it.
func unknownFieldMessage(key string, p *plan) string {
	msg := fmt.Sprintf("unknown field %q", key)
	if s := closestField(key, p); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return msg
}

// closestField returns the known field name nearest to key, or "" when none
// is near enough. Case and the choice of '-' or '_' are ignored, and swapping
// two adjacent letters counts as one edit, since those are the usual typos.
// The first field in declaration order wins a tie, so the result is stable.
func closestField(key string, p *plan) string {
	k := normaliseKey(key)
	limit := maxEdits(utf8.RuneCountInString(k))
	best, bestDist := "", limit+1
	for _, f := range p.fields {
		if dist := editDistance(k, normaliseKey(f.name), bestDist); dist < bestDist {
			best, bestDist = f.name, dist
		}
	}
	return best
}

// maxEdits is how many edits a key of n characters may be from a field name
// and still be taken for a typo of it: short keys allow fewer, so "id" is
// not "corrected" to an unrelated two-letter name.
func maxEdits(n int) int {
	switch {
	case n <= 4:
		return 1
	case n <= 8:
		return 2
	default:
		return 3
	}
}

func normaliseKey(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "-", "_")
}

// editDistance is the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and adjacent transpositions), in
// characters. It returns bound as soon as the distance must be at least
// bound, so long unknown keys cost little.
func editDistance(a, b string, bound int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= bound || -d >= bound {
		return bound
	}
	// Three rows suffice: the transposition looks two rows back.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin >= bound {
			return bound
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], bound)
}
