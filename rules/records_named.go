package rules

import "strings"

// Two words that name a sensitive record elsewhere name, in a product's
// stories, an ordinary thing of its domain: the procès-verbal of a
// meeting or of an acceptance, and the Archives as an institution or a
// collection. Read as an offence or as archiving people's data, each
// asked for both reviews: "imprimer le PV de recette", in cochef's own
// domain, was blocked for a security review.

// meetingMinutes reports whether a procès-verbal (the word found) is
// followed by what it records when that is a meeting, a vote, an
// acceptance or a delivery ("le procès-verbal de l'assemblée générale",
// "du conseil municipal", "de recette", "de livraison"), not an offence
// ("le procès-verbal d'une infraction"), or is the blank model of one
// ("le modèle de procès-verbal").
func meetingMinutes(word, before, after string) bool {
	// Checked on every keyword found: fold only a likely one.
	if !containsASCIIFold(word, "verba") {
		return false
	}
	switch fold(word) {
	case "proces-verbal", "proces-verbaux", "proces verbal", "proces verbaux":
	default:
		return false
	}
	if b := lastWords(before, 2); len(b) == 2 && (b[0] == "modele" || b[0] == "modeles") && (b[1] == "de" || b[1] == "d") {
		return true // "le modèle de procès-verbal": a blank form, nobody's offence
	}
	ws := firstWords(after, 3)
	if len(ws) == 0 || !minutesLinks[ws[0]] {
		return false
	}
	for _, w := range ws[1:] {
		if minutesOfWhat[w] {
			return true
		}
		if !minutesDeterminers[w] {
			return false
		}
	}
	return false
}

var (
	minutesLinks       = map[string]bool{"de": true, "du": true, "des": true, "d": true}
	minutesDeterminers = map[string]bool{"la": true, "l": true, "le": true, "les": true}
	// minutesOfWhat are what a procès-verbal records when it is no
	// offence's: meetings and votes, acceptances and deliveries.
	minutesOfWhat = map[string]bool{
		"assemblee": true, "ag": true, "reunion": true, "seance": true, "conseil": true,
		"comite": true, "bureau": true, "jury": true, "deliberation": true, "deliberations": true,
		"election": true, "elections": true, "scrutin": true, "depouillement": true, "installation": true,
		"recette": true, "reception": true, "livraison": true, "chantier": true, "reunions": true,
	}
)

// archivesPlace reports whether "archives" (found as the keyword
// "archive") names the Archives or a collection ("demander aux
// Archives", "les archives de la commune", "un don d'archives
// privées"), not the act of archiving: the French noun, or the
// capitalised institution in English ("the National Archives"). The
// act keeps its verbs: "archiver les dossiers", "the system archives
// closed files", and records sent there ("verser aux archives",
// "transférer aux Archives") are archived.
func archivesPlace(text string, start, end int, lang Lang) bool {
	w := text[start:end]
	if !containsASCIIFold(w, "archives") || fold(w) != "archives" {
		return false
	}
	// "verser aux archives départementales les dossiers radiés": records
	// sent there are archived.
	for _, x := range lastWords(text[:start], 3) {
		if strings.HasPrefix(x, "vers") || strings.HasPrefix(x, "transf") || x == "transfer" || x == "transferred" {
			return false
		}
	}
	// A capital that opens a sentence is no proper noun's.
	return lang == FR || strings.HasPrefix(w, "A") && strings.TrimSpace(text[sentenceStart(text, start):start]) != ""
}

// sanctionOnOrganisation reports whether a sanction keyword ("penalty
// notice", "amende") is addressed to an organisation: "issue a fixed
// penalty notice to a company that overran its permit". Organisations are
// not people: it ties no person to an offence, which is what asks for
// both reviews.
func sanctionOnOrganisation(word, after string) bool {
	if !sanctionWord(word) {
		return false
	}
	ws := firstWords(after, 5)
	for len(ws) > 0 && sanctionWords[ws[0]] {
		ws = ws[1:] // "fixed penalty" of "fixed penalty notice to …"
	}
	if len(ws) == 0 || !addresseeWords[ws[0]] {
		return false
	}
	for _, w := range ws[1:] {
		if roleArticles[w] || w == "l" {
			continue
		}
		return isOrganisation(w)
	}
	return false
}

// sanctionWord reports whether a keyword names a sanction.
func sanctionWord(word string) bool {
	return sanctionWords[lastWord(fold(word))]
}

var (
	// sanctionWords end the keywords that name a sanction.
	sanctionWords = setOf(`notice notices penalty penalties amende amendes contravention sanction sanctions violation violations fine fines`)
	// addresseeWords introduce whom a sanction is addressed to.
	addresseeWords = setOf(`to a au aux against contre`)
)
