package screen

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The screening reads a few things from free text: phrases in incident
// descriptions and a victim's address in an incident's location. These are
// heuristics, so they are kept conservative: each list holds only phrases
// that rarely mean anything else, a phrase must stand as whole words, and
// finding nothing leaves an indicator unknown, never absent.

// requestPhrases say the victim asked for the conduct to stop, refused it,
// blocked the suspect or told them to go away. A bare "blocked" is left out
// because "blocked her drive" describes the suspect's conduct, not a
// refusal.
var requestPhrases = []string{
	"asked to stop", "asked him to stop", "asked her to stop", "asked them to stop",
	"told to stop", "told him to stop", "told her to stop", "told them to stop",
	"asked him not to", "asked her not to", "asked them not to",
	"told him not to", "told her not to", "told them not to",
	"after being asked", "after being told", "despite being asked", "despite being told",
	"blocked him", "blocked them", "blocked his", "blocked their",
	"after being blocked", "had blocked", "after she blocked", "after he blocked", "after they blocked",
	"not interested", "leave me alone", "leave her alone", "leave him alone", "leave them alone",
	"stop contacting", "no further contact",
}

// fakeProfilePhrases say someone set up a profile or account that was not
// theirs, or pretended to be someone else.
var fakeProfilePhrases = []string{
	"fake profile", "fake account", "false profile", "false account",
	"profile in her name", "profile in his name", "profile in their name",
	"account in her name", "account in his name", "account in their name",
	"pretending to be", "posing as", "impersonating", "impersonated", "impersonation",
}

// mutualPhrases say an occasion was a quarrel between the two, not conduct
// by one towards the other.
var mutualPhrases = []string{
	"argued with each other", "argued with one another", "each other", "one another",
	"mutual argument", "mutual row", "both shouting", "shouted at each other", "exchanged insults",
}

// articleWords name something sent or left that the Malicious
// Communications Act 1988 s.1 covers besides electronic communications (a
// letter or other article).
var articleWords = []string{"letter", "letters", "card", "note", "parcel", "package"}

// findPhrase returns the phrase of list that occurs earliest in text as
// whole words (case and spacing ignored), or "" when none does. On a tie the
// longer phrase wins.
func findPhrase(text string, list []string) string {
	t := " " + strings.ToLower(strings.Join(strings.Fields(text), " ")) + " "
	best, at := "", len(t)
	for _, p := range list {
		for i := 0; i < len(t); {
			j := strings.Index(t[i:], p)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(p)
			if wholeWords(t, start, end) {
				if start < at || start == at && len(p) > len(best) {
					best, at = p, start
				}
				break // a later match of p cannot be earlier
			}
			i = start + 1
		}
	}
	return best
}

// wholeWords reports whether s[start:end] is neither preceded nor followed
// by a letter or digit. Quotes, apostrophes and dashes, straight or curly,
// are not part of a word, so a phrase in quotation marks still matches.
func wholeWords(s string, start, end int) bool {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	if r, _ := utf8.DecodeLastRuneInString(s[:start]); isWord(r) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[end:])
	return !isWord(r)
}

// postcodeRE finds a UK postcode in an upper-cased address.
var postcodeRE = regexp.MustCompile(`\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b`)

// atHome reports whether a location is the home of one of the people, as
// far as their recorded addresses show: the location contains the first
// line of one of their addresses, or its postcode (spaces ignored). The
// word "home" alone decides nothing (her mother's home, a shop called Home
// Bargains); see mentionsHome. Case and spacing are ignored throughout.
func atHome(location string, addresses []string) bool {
	loc := strings.ToLower(strings.Join(strings.Fields(location), " "))
	if loc == "" {
		return false
	}
	for _, a := range addresses {
		lines := strings.Split(a, "\n")
		if first := strings.ToLower(strings.Join(strings.Fields(lines[0]), " ")); first != "" && findPhrase(loc, []string{first}) != "" {
			return true
		}
		if pc := postcodeRE.FindString(strings.ToUpper(a)); pc != "" {
			squash := func(s string) string { return strings.ReplaceAll(strings.ToUpper(s), " ", "") }
			if strings.Contains(squash(loc), squash(pc)) {
				return true
			}
		}
	}
	return false
}

// mentionsHome reports whether a location speaks of a home: where no address
// is recorded, such a place may be the victim's home, and the record cannot
// say.
func mentionsHome(location string) bool {
	return findPhrase(location, []string{"home", "her home", "his home", "their home"}) != ""
}
