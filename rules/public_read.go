package rules

import "strings"

// publicRead reports whether an authentication keyword that denies an
// account ("sans créer de compte", "without signing in") only says that
// public pages are read without one: "consulter la liste des objets
// trouvés sans créer de compte", "see this week's class timetable without
// signing in". No record opens without an account, so nothing needs a
// key; one's own record reached that way ("retrouver mon signalement sans
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
	if verb, _ := needVerb(s.sent, ws); !displayVerbs[verb] && !browseVerbs[verb] && !readVerbs[verb] && !fetchVerbs[verb] {
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
	// placeNouns name where one lives, a place and no record.
	placeNouns = setOf(`commune ville quartier rue village departement region town street area neighbourhood`)
	// receivedWords say a document was sent to the reader.
	receivedWords = setOf(`recu recus recue recues received`)
)
