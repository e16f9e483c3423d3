package rules

import "strings"

// outOfScope reports whether block b says what the issue does not cover:
// it sits under a heading "Hors périmètre", "Out of scope" (a Markdown
// heading or a bold line), or it opens with those words ("Hors
// périmètre : la boutique et la buvette"). An epic that puts online
// payment out of its scope processes no payment; its reviews are asked
// on what it covers.
func (s *story) outOfScope(b *block) bool {
	if b.section >= 0 && scopeExcluded(s.sections[b.section].heading) {
		return true
	}
	return scopeExcluded(b.text)
}

// scopeExcluded reports whether text opens with words that put what
// follows out of scope.
func scopeExcluded(text string) bool {
	// Folded on the stack: it runs for every block of every issue.
	var buf [48]byte
	t := appendFold(buf[:0], firstBytes(strings.TrimLeft(text, " #*_-"), 24))
	for _, p := range scopePhrases {
		if len(t) >= len(p) && string(t[:len(p)]) == p && (len(t) == len(p) || !isWordRune(rune(t[len(p)]))) {
			return true
		}
	}
	return false
}

// scopePhrases, folded, put what follows out of scope.
var scopePhrases = []string{"hors perimetre", "hors-perimetre", "hors du perimetre", "hors champ", "out of scope", "out-of-scope", "not in scope", "outside the scope"}
