package rules

import "strings"

// lookalike reports whether the keyword h of topic t only looks like what
// the topic asks a review for: an animal's care, passport or birth date
// (a title's word, "Vaccins à renouveler", read with the need), a drag
// and drop that sends no file, photos a parent consents to, a thing's GPS
// position, a map kept offline, public pages read without an account.
func (s *story) lookalike(t *Topic, text string, h rawTopicHit) bool {
	switch {
	case animalFacts[t.ID] && (s.animalFact(text, h.start, h.end) || h.unit == 0 && s.sent != nil && s.animalFact(s.sent.Action, 0, 0)):
		return true // "les soins donnés à chaque animal", "le passeport bovin": no data subject
	case t.ID == "file-upload" && dragGesture(text, h.start, h.end):
		return true // "déplacer une table par glisser-déposer": a gesture, no file sent
	case t.ID == "personal-details" && gpsCoordinates(text, h.start, h.end),
		t.ID == "location" && s.thingPosition(text, h.start, h.end):
		return true // "un arbre avec sa hauteur et sa position GPS": a thing's place, no one's
	case t.ID == "offline-copy" && s.offlineMap(text, h.start, h.end):
		return true // "consulter hors ligne le plan des accès pompiers": no one's records kept
	case t.ID == "authentication" && s.publicRead(text, h):
		return true // "consulter les horaires sans créer de compte": public pages, no key
	case broughtTopics[t.ID] && broughtInPerson(text, h.start, h.end):
		return true // "venir avec le livret de famille", "bring your passport": shown at a counter, not kept
	case t.Context == ContextNeed && s.lang == FR && organisationBefore(text, h.start):
		return true // "aux clubs résidents", "les communes membres": the organisations' adjective
	case t.ID == "access-control" && selfFilter(text, h.start, h.end):
		return true // "I want to only see the cases of one ward": a filter the speaker sets
	case t.ID == "identity" && (skillPassport(text, h.start, h.end) || s.skillPassports(text[h.start:h.end])):
		return true // "le passeport d'assurage", "passeport Bleu", "a skills passport": a level passed, no identity document
	case t.ID == "bank-data" && s.memberCardNumber(text[h.start:h.end]):
		return true // "taper le numéro de carte" of a "carte d'adhérent": a member's number, no bank card
	case t.ID == "people" && busCoach(text, h.start, h.end):
		return true // "the coach park", "coach trips": a bus, nobody
	case t.ID == "people" && countedPeople(text, h.start):
		return true // "19 personnes par défaut", "limiter à douze participants": a capacity
	case t.ID == "data-flows" && s.deviceSyncFault(h.word):
		return true // "la tablette ne synchronise plus": a device of the service, no other system
	case consentedPhotos[t.ID] && photoConsent(text, h.start):
		return true // "j'autorise ou non la prise de photos de mon enfant": a choice recorded, no photo taken
	}
	return false
}

// deviceSyncFault reports whether the data-flows keyword word is a form
// of "synchroniser" in a bug report or a support request with no story
// sentence: the service's own tablets or terminals failing to sync
// ("La synchronisation échoue quand la tablette repasse en ligne", "les
// horodateurs ne se sont pas resynchronisés") process nothing new. A
// spike or a task that synchronises with another system is read as
// written.
func (s *story) deviceSyncFault(word string) bool {
	if s.sent != nil || !(s.bugReport() || s.t.Name == "bug" || s.t.Name == "support") {
		return false
	}
	w := fold(word)
	return strings.HasPrefix(w, "synchronis") || strings.HasPrefix(w, "resynchronis")
}

// organisationBefore reports whether the word right before offset start
// names organisations: a person's noun after it is its adjective in
// French ("les clubs résidents", "les associations membres").
func organisationBefore(text string, start int) bool {
	// No slice: it runs for every people keyword of a French story.
	ps, pe := prevWord(text, start)
	return pe-ps >= 4 && organisationNoun(fold(text[ps:pe]))
}

// organisationNoun reports whether a folded word names organisations or
// public bodies, singular or plural ("associations", "clubs", "communes").
func organisationNoun(w string) bool {
	return organisationWord(w) || ownerBodies[w] || ownerBodies[strings.TrimSuffix(w, "s")]
}

// selfFilter reports whether "only see" has the speaker for subject, bare
// or after "to" ("I want to only see the applications for a chosen
// street", "so that I only see my own patch"): a filter of their own
// view, not a rule of who may see what ("officers only see their area",
// "I should only see whether consent was given").
func selfFilter(text string, start, end int) bool {
	if !strings.EqualFold(text[start:end], "only see") {
		return false
	}
	b := lastWords(text[:start], 1)
	return len(b) == 1 && (b[0] == "to" || b[0] == "i" || b[0] == "we")
}

// conservationOfThing reports whether "conservation" names the care of a
// thing or a place, not how long data is kept: "l'état de conservation
// des matériaux", "a conservation area", "nature conservation".
func conservationOfThing(text string, start, end int) bool {
	if b := lastWords(text[:start], 2); len(b) == 2 && (b[0] == "etat" || b[0] == "etats") && (b[1] == "de" || b[1] == "d") ||
		len(b) > 0 && conservedThings[b[len(b)-1]] {
		return true
	}
	a := firstWords(text[end:], 1)
	return len(a) == 1 && conservationNouns[a[0]]
}

var (
	// conservedThings care for nature or buildings before "conservation".
	conservedThings = setOf(`nature wildlife heritage habitat habitats building buildings landscape`)
	// conservationNouns follow "conservation" used as a modifier.
	conservationNouns = setOf(`area areas status officer officers volunteer volunteers work works grazing project projects plan plans management`)
)

// countedPeople reports whether a people noun is counted by the number
// right before it, after a preposition or opening a parenthesis: "(19
// personnes par défaut)", "limiter chaque atelier à douze participants",
// "groups of 30 visitors" state a capacity or a size, nobody's data.
// "mes 2 enfants", "aux deux membres du binôme" and "nominate two
// referees" are people.
func countedPeople(text string, start int) bool {
	ns, ne := prevWord(text, start)
	if ns == ne || !cardinal(text[ns:ne]) {
		return false
	}
	ds, de := prevWord(text, ns)
	if ds == de || strings.ContainsAny(text[de:ns], "(:") {
		return true
	}
	return sizePrepositions[fold(text[ds:de])]
}

// cardinal reports whether a word is a number written in digits or in
// words: two to twenty (the French ones up to seize, "dix-sept" being
// two words), the tens to fifty and a hundred.
func cardinal(w string) bool {
	if w[0] >= '0' && w[0] <= '9' {
		for i := 0; i < len(w); i++ {
			if w[i] < '0' || w[i] > '9' {
				return false
			}
		}
		return true
	}
	// Number words are ASCII: lower-case them on the stack, with no fold
	// (this runs for the word before every people keyword).
	if len(w) < 3 || len(w) > 16 {
		return false
	}
	var buf [16]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			return false
		}
		buf[i] = c
	}
	return cardinalWords[string(buf[:len(w)])]
}

var (
	cardinalWords = setOf(`deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente quarante cinquante cent
		two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen
		twenty thirty forty fifty hundred`)
	// sizePrepositions bring a size: "à douze", "de 4", "of 30", "up to 12".
	sizePrepositions = setOf(`a de d pour jusqu of to for than maximum max`)
)

// skillPassport reports whether a passport is a level or a scheme's card
// rather than an identity document: "le passeport d'assurage", "son
// passeport Bleu", "le passeport culture", "a skills passport". The
// passport of a travel document is bare or followed by what identifies
// it ("passeport en cours de validité", "passport number").
func skillPassport(text string, start, end int) bool {
	w := fold(text[start:end])
	if !strings.HasPrefix(w, "passeport") && !strings.HasPrefix(w, "passport") {
		return false
	}
	if b := lastWords(text[:start], 1); len(b) == 1 && passportSchemes[b[0]] {
		return true // "a skills passport", "the volunteer passport"
	}
	a := firstWords(text[end:], 2)
	switch {
	case len(a) == 0:
		return false
	case passportSchemes[a[0]] || passportLevels[a[0]]:
		return true
	case len(a) == 2 && (a[0] == "d" || a[0] == "de" || a[0] == "du"):
		return passportSchemes[a[1]]
	}
	return false
}

// skillPassports reports whether the keyword is a passport and the story
// names a skill passport somewhere: a title's bare "Vérifier le passeport
// à l'entrée" speaks of the same passport as the body's "passeport
// d'assurage". It runs only for a passport keyword.
func (s *story) skillPassports(word string) bool {
	if !containsASCIIFold(word, "passport") && !containsASCIIFold(word, "passeport") {
		return false
	}
	for _, text := range []string{s.in.Title, s.in.Body} {
		for _, kw := range []string{"passeport", "passport"} {
			for i := 0; ; {
				j := indexASCIIFold(text[i:], kw)
				if j < 0 {
					break
				}
				st := i + j
				e := st + len(kw)
				for e < len(text) && ('a' <= text[e]|0x20 && text[e]|0x20 <= 'z') {
					e++
				}
				if skillPassport(text, st, e) {
					return true
				}
				i = e
			}
		}
	}
	return false
}

var (
	// passportSchemes name what a passport other than an identity
	// document records: a skill, a training, a scheme.
	passportSchemes = setOf(`assurage escalade competence competences skills skill formation training benevole benevolat volunteer
		culture culturel sport sportif loisirs vacances jeune jeunes numerique natation velo`)
	// passportLevels are the colours a level passport is named by.
	passportLevels = setOf(`blanc blanche jaune orange vert verte bleu bleue rouge noir noire violet marron`)
)

// memberCardNumber reports whether a card number is a member's, library or
// travel card's: the story names such a card ("scanner la carte
// d'adhérent … taper le numéro de carte", "my library card number") and
// no bank card, payment or bank word. It runs only for a card-number
// keyword.
func (s *story) memberCardNumber(word string) bool {
	w := fold(word)
	if w != "numero de carte" && w != "numeros de carte" && w != "card number" && w != "card numbers" {
		return false
	}
	all := fold(s.in.Title + "\n" + s.in.Body)
	for _, b := range bankCardWords {
		if strings.Contains(all, b) {
			return false
		}
	}
	for _, m := range memberCards {
		if strings.Contains(all, m) {
			return true
		}
	}
	return false
}

var (
	// memberCards name a card that is no bank card (folded).
	memberCards = []string{"carte d'adherent", "carte adherent", "carte de membre", "carte lecteur", "carte de lecteur",
		"carte de bibliotheque", "carte d'abonne", "carte abonne", "carte de transport", "carte d'etudiant", "carte etudiant",
		"carte de fidelite", "library card", "membership card", "member card", "loyalty card", "student card", "bus pass card"}
	// bankCardWords say a bank card or a payment is in the story (folded).
	bankCardWords = []string{"bancaire", "bank", "credit", "debit", "paiement", "payment", "payer", "pay ", "visa", "mastercard"}
)

// busCoach reports whether "coach" names a bus: the noun after it is a
// place, a trip or a firm ("the coach park", "coach trips to the
// coast", "the coach operator"), or "by coach".
func busCoach(text string, start, end int) bool {
	w := text[start:end]
	if !strings.EqualFold(w, "coach") && !strings.EqualFold(w, "coaches") {
		return false
	}
	if b := lastWords(text[:start], 1); len(b) == 1 && b[0] == "by" {
		return true
	}
	a := firstWords(text[end:], 1)
	return len(a) == 1 && busNouns[a[0]]
}

// busNouns follow "coach" when it is a bus.
var busNouns = setOf(`park parks parking bay bays station stop stops trip trips tour tours travel company companies operator operators
	hire driver drivers service services route routes`)
