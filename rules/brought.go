package rules

import "bytes"

// broughtTopics are the topics of the documents a person can be told to
// bring to a counter: an identity card, a livret de famille, a proof of
// address.
var broughtTopics = setOf(`identity civil-status personal-details`)

// bringStems start the folded words by which a person brings a document
// along: "apporter", "apportez", "se munir", "munissez-vous", "bring".
// "Venir avec" and "come with" take two words.
var bringStems = [][]byte{[]byte("apport"), []byte("munir"), []byte("muniss"), []byte("bring")}

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
	if !bringsAlong(text[lo:start]) {
		return false
	}
	hi := min(len(text), end+broughtWindow)
	hi = end + sentenceStop(text[end:hi], 0)
	return !anyWordIn(text[lo:hi], keepWords)
}

// bringsAlong reports whether a word of text says a person brings
// something along ("apportez", "munissez-vous de", "venir avec", "bring"),
// walking its folded words as anyWordIn does.
func bringsAlong(text string) bool {
	var buf [64]byte
	after := false // the last word was "venir" or "come"
	for pos := 0; pos < len(text); {
		st, e, w := wordAt(text, pos, buf[:])
		if st < 0 {
			return false
		}
		for _, stem := range bringStems {
			if bytes.HasPrefix(w, stem) {
				return true
			}
		}
		if after && (string(w) == "avec" || string(w) == "with") {
			return true
		}
		after = string(w) == "venir" || string(w) == "come"
		pos = e
	}
	return false
}
