package rules

// An assignment moves a dossier along (workflow), unless what is
// assigned is a person: "affecter un formateur à une session", "assign
// nurses to next month's sessions" records where and when that person
// works, a rota, which the labelled sets read as personal data. A case
// given to a colleague ("affecter une demande à un instructeur"), or a
// person given to a case ("affecter un remplaçant à une demande"), stays
// a step of the case.

var (
	// assignVerbs give someone or something a place.
	assignVerbs = setOf(`affecter attribuer assigner assign allocate`)
	// caseNouns are what a colleague is given to handle.
	caseNouns = setOf(`demande demandes dossier dossiers signalement signalements plainte plaintes recours
		request requests case cases report reports complaint complaints appeal appeals application applications`)
	// learnerNouns: a pupil or a candidate placed in a class, a centre or
	// a stop is the step their enrolment waits for, no rota.
	learnerNouns = setOf(`eleve eleves etudiant etudiants etudiante etudiantes candidat candidats candidate candidates
		pupil pupils student students`)
	// toWords introduce where an assignment puts its object.
	toWords = setOf(`a au aux to`)
)

// assignsPerson reports whether an assignment need puts a person (its
// object) somewhere other than on a case or next to another person.
func (s *story) assignsPerson(ws []string, verb, next string) bool {
	if !assignVerbs[verb] {
		return false
	}
	at := -1
	for i, w := range ws {
		if w == next {
			at = i
			break
		}
	}
	if at < 0 {
		return false
	}
	// The person is the object's head: "un formateur", "vetting
	// officers", "les assesseurs volontaires", past "chaque"/"each" and an
	// adverb ("affecter automatiquement les volontaires").
	person := false
	i := at
	for ; i < len(ws) && i < at+3 && !toWords[ws[i]]; i++ {
		w := ws[i]
		if learnerNouns[w] {
			return false
		}
		if s.c.isPerson(w) {
			person = true
		}
	}
	if !person {
		return false
	}
	for ; i < len(ws); i++ {
		if !toWords[ws[i]] {
			continue
		}
		j := i + 1
		for j < len(ws) && (roleArticles[ws[j]] || possessives[ws[j]] || ws[j] == "l" || ws[j] == "chaque" || ws[j] == "each") {
			j++
		}
		return j < len(ws) && !caseNouns[ws[j]] && !s.c.isPerson(ws[j])
	}
	return false
}
