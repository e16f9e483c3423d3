package rules

import "strings"

// Verbs of exchanging data with another system, as folded word prefixes:
// a prefix covers a verb's infinitive, conjugated forms, participles and
// noun ("transmettre", "transmis", "transmission"). A class of verbs, not
// the forms one backlog used.
var exchangePrefixes = []string{
	"transm", "envoi", "envoy", "recupere", "recuper", "synchro", "interroge", "interconn",
	"import", "export", "remont", "aliment", "pousse", "partag", "recoi", "recev", "echang",
	"verifie", "verifi", "declar", "signale", "raccord", "appel", "consolid", "rapproch", "croise",
	"send", "sent", "transmit", "fetch", "pull", "push", "sync", "receiv", "shar", "feed", "check",
	"verif", "report", "submit", "upload", "query", "queri", "integrat", "retriev", "exchang", "match",
	// Prefilling a form from another system reads its data.
	"prerempl", "prefill", "prepopul",
	// Telling another body of a change sends it the data: "prévenir
	// automatiquement la CAF", "notifier la caisse de retraite".
	"preven", "notifi", "notify",
}

// A subordinate clause (subordinators, or a cause: "car", "because")
// states a circumstance, not what the story builds: "… quand la CAF l'a
// mal transmis".
var causeWords = setOf(`puisque car because`)

// exchangeWords are exchange words too short or too common for a prefix.
var exchangeWords = setOf(`recu recue recus recues via grace flux api webservice got`)

// exchangeInSentence reports whether sentence si of text holds a verb of
// exchanging data.
func exchangeInSentence(text string, si int) bool {
	sub, found := false, false
	// A clause that opens the sentence ends at its comma: "Lorsqu'un
	// majeur déménage, je veux … prévenir la CAF" exchanges in the main
	// clause.
	opening, n, prevEnd := false, 0, -1
	sentenceWords(text, si, func(st, e int, w []byte) bool {
		if opening && prevEnd >= 0 && strings.Contains(text[prevEnd:st], ",") {
			sub, opening = false, false
		}
		prevEnd = e
		n++
		switch {
		case subordinators[string(w)] || causeWords[string(w)]:
			sub = true
			opening = n == 1
		case !sub && isExchangeWord(string(w)):
			// "je reçois un courriel quand …": a message, not data
			// exchanged with the system.
			if !messageWords[fold(firstWordAfter(text, e))] && !messageWords[fold(nthWordAfter(text, e, 2))] {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

// firstWordAfter returns the word after offset off, or "".
func firstWordAfter(text string, off int) string { return nthWordAfter(text, off, 1) }

// nthWordAfter returns the n-th folded word after offset off, or "".
func nthWordAfter(text string, off, n int) string {
	ws := firstWords(text[off:], n)
	if len(ws) < n {
		return ""
	}
	return ws[n-1]
}

func isExchangeWord(w string) bool {
	if exchangeWords[w] {
		return true
	}
	for _, p := range exchangePrefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// fromSystem reports whether the words before a system's name make it
// the source or the counterpart of the need ("get the owner's name from
// HM Land Registry", "look up the owner at HM Land Registry", "register
// the charge with HM Land Registry"): English only, where the preposition
// alone says the data crosses to another system; read in the story
// sentence only, not in "guidance from DWP" or "names come from the Land
// Registry title we download by hand".
func fromSystem(before string) bool {
	ws := lastWords(before, 3)
	for i := len(ws) - 1; i >= 0; i-- {
		switch ws[i] {
		case "hm", "the":
			continue
		case "from", "at", "with", "against":
			return true
		}
		return false
	}
	return false
}
