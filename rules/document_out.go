package rules

import "strings"

// documentOut keeps the out topic when the need makes a document that
// lists people ("générer l'ordre du jour de la commission", "éditer la
// liste des bénéficiaires") and another part of the story takes it out of
// the tool: the benefit ("pour l'envoyer aux membres") or a criterion
// ("l'ordre du jour est envoyé par courriel aux membres", "la liste est
// imprimée pour la séance"). peopleOut reads the need only; the policy's documents
// listing people, printed or sent, ask for security notes wherever the
// story says it. The document must hold personal data the story names
// (a name, an address…), so an agenda of topics or a count is not one.
func (s *story) documentOut(units []unitText, keep func(topic int, word string, orgOwned bool)) {
	if s.sent == nil || s.sent.Action == "" || s.act != actProcess || !likelyDocument(s.sent.Action) || !s.foundPersonalData() {
		return
	}
	out := -1
	for i := range s.t.Topics {
		if s.t.Topics[i].Context == ContextOut {
			out = i
			break
		}
	}
	if out < 0 {
		return
	}
	for _, h := range s.topics {
		if h.topic == out {
			return // the need takes it out already
		}
	}
	ws := words(s.sent.Action)
	if verb, _ := needVerb(s.sent, ws); !makeVerbs[verb] || !listsDocument(ws) {
		return
	}
	texts := []string{s.sent.Benefit}
	for _, u := range units {
		if !u.sentence {
			texts = append(texts, u.text)
		}
	}
	for _, t := range texts {
		for _, w := range words(t) {
			if outWords[w] {
				keep(out, w, false)
				return
			}
		}
	}
}

// makeVerbs make a document out of the records the tool holds.
var makeVerbs = setOf(`generer editer produire etablir preparer generate produce prepare compile`)

// listsDocument reports whether folded words name a document that lists
// people by nature: an agenda of dossiers, a roll, a register, a list.
func listsDocument(ws []string) bool {
	for i, w := range ws {
		switch w {
		case "liste", "listes", "role", "registre", "list", "lists", "agenda", "register", "roll":
			return true
		case "ordre":
			if i+2 < len(ws) && ws[i+1] == "du" && ws[i+2] == "jour" {
				return true
			}
		}
	}
	return false
}

// outWords take a document out of the tool, as verbs or participles:
// "l'envoyer aux membres", "est imprimé pour la séance", "emailed to the
// board".
var outWords = setOf(strings.Join([]string{
	`envoyer envoye envoyee envoyes envoyees imprimer imprime imprimee imprimes imprimees`,
	`transmettre transmis transmise transmises diffuser diffuse diffusee`,
	`send sent print printed email emailed circulate circulated`,
}, " "))

// likelyDocument is listsDocument's cheap first look, with no
// allocation: most needs name no list.
func likelyDocument(action string) bool {
	for _, w := range []string{"list", "role", "rôle", "registre", "register", "ordre", "agenda", "roll"} {
		if containsASCIIFold(action, w) {
			return true
		}
	}
	return false
}
