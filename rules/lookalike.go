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
	case consentedPhotos[t.ID] && photoConsent(text, h.start):
		return true // "j'autorise ou non la prise de photos de mon enfant": a choice recorded, no photo taken
	}
	return false
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
