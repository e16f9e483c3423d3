package rules

import (
	"slices"
	"strings"
)

// A photo staff take of a thing: the service's own record of an object,
// an upload surface but nobody's data (the tenth round's rule on photos),
// told apart from photos that show people, a home, a vehicle, a scene or
// a visit.

// staffPhotoOfThing reports whether a photo keyword of a member of staff
// names a thing as what it shows ("une photo de la borne réparée",
// "photos of seized fishing gear", "les photos HD des œuvres"): the
// service's own record of an object, an upload surface but no person.
// A citizen's photo, a photo of a person, a home, a vehicle, a grave or
// an incident, and a photo whose subject is not named, may show people.
func (s *story) staffPhotoOfThing(text, word string, end int) bool {
	if !containsASCIIFold(word, "photo") || s.sent == nil || s.citizenPerson() {
		return false
	}
	ws := firstWords(text[end:], 7)
	if w := words(word); len(ws) > 0 && beforeAfter[ws[0]] || len(w) > 1 && beforeAfter[w[len(w)-2]] {
		// "une photo avant et après l'effacement", "add an after
		// photo": staff showing their work on a thing.
		return true
	}
	if len(ws) == 0 || !ofWords[ws[0]] && !attachedTo(ws[0], s.lang) {
		if s.thingBeforeWith(text, end-len(word), word, ws) {
			return true
		}
	}
	i, verb := 0, photoVerb(word)
	switch {
	case (takePhotoOf(word) || verb) && len(ws) > 0 && (roleArticles[ws[0]] || ws[0] == "l"):
		i = -1 // "prendre en photo les panneaux", "photographier la cuve": the thing is the object
	case verb && roleArticles[lastWord(word)]:
		i = -1 // "photograph the defects": the keyword holds the article
	case len(ws) > 1 && !ofWords[ws[0]] && !attachedTo(ws[0], s.lang):
		i++ // "photos HD des œuvres"
	}
	// What the photo is of, or what staff attach it to: "joindre des
	// photos aux non-conformités de livraison", "add a photo to each
	// product".
	if i >= 0 && (i == len(ws) || !ofWords[ws[i]] && !attachedTo(ws[i], s.lang)) {
		return false
	}
	named := false
	// The thing's name and what it belongs to: "la façade du logement".
	for _, w := range ws[i+1 : min(len(ws), i+5)] {
		if roleArticles[w] || w == "the" || w == "l" || w == "d" || w == "each" || w == "chaque" {
			continue
		}
		if s.c.personLike(w, s.lang) || personalThings[w] || personalThings[stem(w)] || verb && sceneWords[w] {
			return false
		}
		named = true
	}
	return named
}

// thingBeforeWith reports whether a photo goes with what staff report
// or record, named before "with" ("report a faulty machine with a
// photo", "déclarer une dégradation sur un bloc sanitaire avec une
// photo"): the keyword holds "with"/"avec", what comes before it names
// no person, nothing of a person's and no scene or visit that may show
// them, and the words after (after) name no person or household either
// ("un bac mal trié avec une photo, pour que le foyer reçoive un rappel").
func (s *story) thingBeforeWith(text string, start int, word string, after []string) bool {
	kw := words(word)
	k := slices.IndexFunc(kw, func(w string) bool { return w == "with" || w == "avec" })
	if k < 0 {
		return false
	}
	var before []string
	if k > 0 {
		before = kw[1:k] // after the keyword's verb: "report … with … photo"
	} else {
		before = lastWords(text[sentenceStart(text, start):start], 5) // "avec une photo" alone
	}
	named := false
	for _, w := range before {
		if s.c.personLike(w, s.lang) || personalThings[w] || personalThings[stem(w)] || sceneWords[w] || photoVisitWords[w] {
			return false
		}
		named = named || len(w) > 3
	}
	for _, w := range after {
		if s.c.isPerson(w) || householdWords[w] || personalThings[w] {
			return false
		}
	}
	return named
}

// photoVisitWords are staff's visits, findings against someone, a
// home's rooms and damage found after a letting: their photos may show a
// home or an offence.
var photoVisitWords = setOf(`visite visites visit visits infraction infractions offence offences constat piece pieces
	degradation degradations`)

// photoVerb reports whether a photo keyword is the verb whose direct
// object is what is photographed ("photographier la cuve", "photograph
// the bench").
func photoVerb(word string) bool {
	// No slice: it is asked of every keyword the need holds.
	return len(word) >= 10 && strings.EqualFold(word[:10], "photograph")
}

// sceneWords, photographed on site, are a scene that may show people or
// a home ("photographier les dégâts", "photograph the defects"), not a
// thing staff hold up to the lens.
var sceneWords = setOf(`degats dommages desordres sinistre sinistres lieux damage defects defect scene`)

// beforeAfter date a photo against the work it shows.
var beforeAfter = setOf(`avant apres before after`)

// attachedTo reports whether a folded word introduces what a photo is
// attached to: "à", "au", "aux", "to" ("a" is French "à" only).
func attachedTo(w string, lang Lang) bool {
	if lang == FR {
		return w == "a" || w == "au" || w == "aux"
	}
	return w == "to"
}

// takePhotoOf reports whether a photo keyword is "prendre en photo",
// whose object follows it with no "de".
func takePhotoOf(word string) bool {
	w := words(word)
	return len(w) > 2 && strings.HasPrefix(w[0], "pren") && w[len(w)-2] == "en"
}

// personalThings, photographed, show a person's life or identity: a
// home, a vehicle and its plate, a grave, an incident.
var personalThings = setOf(`logement logements domicile maison maisons appartement vehicule vehicules voiture voitures
	plaque plaques sepulture sepultures tombe tombes incident incidents accident accidents visage visages
	home homes house houses flat flats vehicle vehicles car cars plate plates grave graves face faces`)
