package rules

import "strings"

// A count split by the person who did the work ("how many inspections
// each inspector completed", "le nombre de conciliations réussies par
// conciliateur") shows what each named person did: their activity, which
// the labelled sets read as personal data, where a count by commune, by
// date or by type is nobody's.

// workerNouns name who does a service's work, besides doerStaff: a count
// per household, per operator or per site is not one person's work.
var workerNouns = setOf(`officer officers inspector inspectors technician technicians vetter vetters caseworker caseworkers
	assessor assessors worker workers volunteer volunteers driver drivers adviser advisers advisor advisors
	conciliateur conciliateurs conciliatrice conciliatrices mediateur mediateurs mediatrice mediatrices inspecteur
	inspecteurs inspectrice inspectrices benevole benevoles animateur animateurs animatrice animatrices chauffeur
	chauffeurs correcteur correcteurs correctrice correctrices evaluateur evaluateurs evaluatrice evaluatrices`)

// perWords open the person a count is split by.
var perWords = setOf(`each chaque par per`)

// perPersonCount keeps the doer topic when the need asks for a count
// ("how many", "le nombre de", "combien") split by a person: "par
// conciliateur", "each officer", "by each technician".
func (s *story) perPersonCount(keep func(topic int, word string, orgOwned bool)) {
	if s.sent == nil || s.sent.Action == "" {
		return
	}
	ws := words(s.sent.Action)
	counted := false
	for i, w := range ws {
		switch {
		case w == "combien" || i+1 < len(ws) && (w == "how" && ws[i+1] == "many" ||
			(w == "number" || w == "count") && ws[i+1] == "of" || w == "nombre" && (ws[i+1] == "de" || ws[i+1] == "d" || ws[i+1] == "des")):
			counted = true
		case counted && perWords[w] && i+1 < len(ws):
			j := i + 1
			if (ws[j] == "chaque" || ws[j] == "each") && j+1 < len(ws) {
				j++
			}
			// An operator is staff to doerStaff, a company when a count
			// is split by it ("complaints per operator").
			if p := ws[j]; (doerStaff[p] || workerNouns[p]) && !operatorWords[strings.TrimSuffix(p, "s")] {
				if k := s.firstTopicOf(ContextDoer); k >= 0 {
					keep(k, w+" "+p, false)
				}
				return
			}
		}
	}
}
