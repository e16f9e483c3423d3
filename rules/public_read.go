package rules

import "strings"

// publicRead reports whether an authentication keyword that denies an
// account ("sans créer de compte", "without signing in") only says that
// public pages are read without one: "consulter la liste des objets
// trouvés sans créer de compte", "see this week's class timetable without
// signing in". No record opens without an account, so nothing needs a
// key. A report filed without one ("signaler un lampadaire en panne sans
// créer de compte") is an anonymous report: nobody signs in, nothing is
// opened (the corpus's fr-ann-022), unless the reporter leaves a name or
// an address to be reached, a person known without an account. One's
// own record reached that way ("retrouver mon signalement sans
// compte", "les fichiers reçus") stays an access to secure.
func (s *story) publicRead(text string, h rawTopicHit) bool {
	if s.sent == nil || s.sent.Action == "" {
		return false
	}
	w, before := fold(h.word), lastWords(text[:h.start], 1)
	if !strings.HasPrefix(w, "sans ") && !strings.HasPrefix(w, "without ") && (len(before) == 0 || before[0] != "sans" && before[0] != "without") {
		return false // "sans compte", or "without" before "signing in"
	}
	ws := words(s.sent.Action)
	verb, _ := needVerb(s.sent, ws)
	if reportVerbs[verb] && (asksReporter(s.in.Title) || asksReporter(s.in.Body)) {
		return false // "I am asked for my name and email address": the reporter is known
	}
	if !displayVerbs[verb] && !browseVerbs[verb] && !readVerbs[verb] && !fetchVerbs[verb] && !reportVerbs[verb] {
		return false
	}
	for i, w := range ws {
		if w == "sans" || w == "without" {
			break // what follows is the account denied
		}
		if firstPossessives[w] && !(i+1 < len(ws) && placeNouns[ws[i+1]]) || receivedWords[w] || s.c.isPerson(w) {
			return false // "mon signalement", not "ma commune"
		}
	}
	return true
}

var (
	// fetchVerbs fetch a public document (readVerbs find and read one).
	fetchVerbs = setOf(`telecharger imprimer download print check`)
	// reportVerbs file a report about a place or a thing.
	reportVerbs = setOf(`signaler report`)
	// placeNouns name where one lives, a place and no record.
	placeNouns = setOf(`commune ville quartier rue village departement region town street area neighbourhood`)
	// receivedWords say a document was sent to the reader.
	receivedWords = setOf(`recu recus recue recues received`)
)

// asksReporter reports whether text names a way to reach a person that it
// does not deny: "my name and email address", "courriel facultatif"; not
// "aucun nom, courriel ni téléphone n'est demandé".
func asksReporter(text string) bool {
	var buf [64]byte
	for pos := 0; pos < len(text); {
		st, e, w := wordAt(text, pos, buf[:])
		if st < 0 {
			return false
		}
		if reporterDetails[string(w)] && !negatedAt(text, st) {
			return true
		}
		pos = e
	}
	return false
}

// reporterDetails name how a reporter is reached (an address may be the
// place reported, "l'adresse la plus proche").
var reporterDetails = setOf(`nom name courriel email mail telephone phone mobile portable`)
