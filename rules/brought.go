package rules

import "strings"

// broughtTopics are the topics of the documents a person can be told to
// bring to a counter: an identity card, a livret de famille, a proof of
// address.
var broughtTopics = setOf(`identity civil-status personal-details`)

// bringCues are the folded stems by which a person brings a document
// along: "apporter", "se munir de", "venir avec", "bring", "come with".
var bringCues = []string{"apport", "munir", "muniss", "venir avec", "bring", "come with"}

// keepWords are the verbs by which the product keeps a copy of what is
// brought: scanned, attached, photographed, recorded.
var keepWords = setOf(`joindre joint jointe joins scanner scanne scannee scan scans scanned numeriser numerise
	photographier photographie photo copie copier copy upload uploads uploaded attach attaches attached
	telecharger televerser deposer enregistrer saisir conserver garder keep kept record recorded store stored`)

// broughtWindow bounds, in bytes, how far around the document its
// sentence is read: a keyword is found once per mention, and a body of a
// megabyte with no full stop is one sentence.
const broughtWindow = 200

// broughtInPerson reports whether the document named at text[start:end]
// is one a person brings along to show ("le courriel rappelle de venir
// avec le livret de famille", "quelles pièces apporter (carte
// d'identité…)", "remember to bring my passport"): shown at a counter,
// never kept by the product. A sentence that also scans, attaches or
// records it keeps a copy.
func broughtInPerson(text string, start, end int) bool {
	lo := max(0, start-broughtWindow)
	lo += sentenceStart(text[lo:start], start-lo)
	before := text[lo:start]
	brought := false
	for _, c := range bringCues {
		if wordPrefixFold(before, c) {
			brought = true
			break
		}
	}
	if !brought {
		return false
	}
	hi := min(len(text), end+broughtWindow)
	hi = end + sentenceStop(text[end:hi], 0)
	return !anyWordIn(text[lo:hi], keepWords)
}

// wordPrefixFold reports whether cue (folded ASCII) starts a word of s,
// in any case: "apport" in "apportez", not in "rapport".
func wordPrefixFold(s, cue string) bool {
	for i := 0; i+len(cue) <= len(s); i++ {
		if (i == 0 || !isLetterByte(s[i-1])) && strings.EqualFold(s[i:i+len(cue)], cue) {
			return true
		}
	}
	return false
}

// isLetterByte reports whether b is an ASCII letter or a byte of a
// multi-byte rune (accented letters in this text).
func isLetterByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || b >= 0x80
}
