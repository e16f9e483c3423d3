package rules

import (
	"strconv"
	"unicode/utf8"
)

// MaxStoryChars is the longest body (or title) cochef checks: the length
// of an issue body GitHub accepts. GitLab's may be much longer; a
// longer story gets story-too-long alone, at once, instead of an analysis
// whose cost grows with it.
const MaxStoryChars = 65536

// maxTitleKept: the title of a story too long is kept, for the result and
// the language of the message, when it is of a title's size.
const maxTitleKept = 1024

var storyTooLong = Rule{
	ID:       "story-too-long",
	Severity: SeverityError,
	Summary: Text{
		FR: "Le récit tient dans ce que cochef vérifie (65 536 caractères)",
		EN: "The story fits in what cochef checks (65,536 characters)",
	},
	// No fix: what to cut or split is the author's call.
	Message: Text{
		FR: "Ce récit compte {chars} caractères, et cochef ne vérifie que les récits de 65 536 caractères au plus. Découpez ce récit en plusieurs, ou déplacez ses annexes dans un document lié.",
		EN: "This story has {chars} characters, and cochef only checks stories of 65,536 characters at most. Split it into several stories, or move its appendices to a linked document.",
	},
	// Analyze checks the length before anything else; the rule only gives
	// the finding its texts.
}

// tooLong is the length in characters of a body (or a title) over
// MaxStoryChars, or 0.
func tooLong(in Input) int {
	n := 0
	for _, s := range []string{in.Body, in.Title} {
		if len(s) > MaxStoryChars { // a character is a byte at least
			n = max(n, utf8.RuneCountInString(s))
		}
	}
	if n > MaxStoryChars {
		return n
	}
	return 0
}

// tooLongHit is the finding of a story over the limit.
func tooLongHit(chars int) hit {
	return hit{args: map[string]Text{"chars": {FR: groupDigits(chars, "\u202f"), EN: groupDigits(chars, ",")}}}
}

// groupDigits writes n with sep between groups of three digits.
func groupDigits(n int, sep string) string {
	s := strconv.Itoa(n)
	out := ""
	for len(s) > 3 {
		out = sep + s[len(s)-3:] + out
		s = s[:len(s)-3]
	}
	return s + out
}
