package rules

import "strings"

// offersToNextInLine reports whether a need offers what was freed to the
// first person of a list, done by a member of staff: "proposer un logement
// libéré au premier demandeur de la liste d'attente", "proposer son siège
// au premier habitant de la liste complémentaire". The list is already
// held and the offer is one more step of its workflow (as "attribuer …
// au premier candidat de la liste", "offer a vacant plot to the next
// applicant"); a list that offers places by itself is an automated
// decision and is read elsewhere.
func offersToNextInLine(verb, f string) bool {
	if verb != "proposer" || !strings.Contains(f, " liste ") {
		return false
	}
	for _, c := range nextInLineCues {
		if strings.Contains(f, c) {
			return true
		}
	}
	return false
}

// nextInLineCues name the first of a list, folded and spaced.
var nextInLineCues = []string{" au premier ", " a la premiere ", " au suivant ", " au prochain ", " a la prochaine "}
