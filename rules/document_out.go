package rules

import "strings"

// documentOut keeps the out topic when the need makes a document that
// lists people ("générer l'ordre du jour de la commission", "éditer la
// liste des bénéficiaires", a poster or a sheet of them) and the story
// takes it out of the tool (sends, prints or publishes it): the
// need itself ("… et l'envoyer aux membres"), the benefit ("pour
// l'envoyer aux membres") or a criterion ("l'ordre du jour est envoyé par
// courriel aux membres", "la liste est imprimée pour la séance"). A need
// that sends such a document ("envoyer par courriel aux membres l'ordre
// du jour et les fiches des dossiers") takes it out by itself, when the
// document names people's records, not whom it goes to: an agenda of
// establishments sent to the members lists no one. peopleOut reads the
// need's people only; the policy's documents listing people, printed or
// sent, ask for security notes wherever the story says it. The document
// must hold personal data the story names (a name, an address, a
// dossier…), so an agenda of topics or a count is not one.
func (s *story) documentOut(units []unitText, keep func(topic int, word string, orgOwned bool)) {
	if s.sent == nil || s.sent.Action == "" || !likelyDocument(s.sent.Action) {
		return
	}
	ws := words(s.sent.Action)
	verb, _ := needVerb(s.sent, ws)
	// A rota names the staff on each shift by nature: sent with names the
	// story gives ("the rota lists the names of the stewards on duty"),
	// it takes them out.
	sends := outWords[verb] && (s.documentOfRecords(ws) || rotaDocument(ws) && s.foundDetail()) && !anyWordIn(s.sent.Action, blankWords)
	if !sends && (s.act != actProcess || !s.foundPersonalData()) {
		return
	}
	out := s.firstTopicOf(ContextOut)
	if out < 0 {
		return
	}
	for _, h := range s.topics {
		if h.topic == out {
			return // the need takes it out already
		}
	}
	if !makeVerbs[verb] && !sends || !listsDocument(ws) {
		return
	}
	if sends {
		keep(out, verb, false)
		return
	}
	texts := []string{s.sent.Action, s.sent.Benefit} // the make verb is no out word
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
		if rotaWords[w] {
			return true
		}
		switch w {
		case "liste", "listes", "role", "registre", "list", "lists", "agenda", "register", "roll", "affiche", "affiches",
			"poster", "posters", "trombinoscope", "feuille", "feuilles", "sheet", "sheets":
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
	`publier publie publiee publies publiees`,
	`send sent print printed email emailed circulate circulated publish published`,
}, " "))

// likelyDocument is listsDocument's cheap first look, with no
// allocation: most needs name no list.
func likelyDocument(action string) bool {
	for _, w := range []string{"list", "role", "rôle", "registre", "register", "ordre", "agenda", "roll", "affiche", "poster", "trombinoscope", "feuille", "sheet",
		"planning", "rota", "roster"} {
		if containsASCIIFold(action, w) {
			return true
		}
	}
	return false
}

// documentOfRecords reports whether folded need words name people's
// records or people as what a document holds ("la liste des dossiers",
// "les fiches de synthèse des dossiers", "des candidats"), not as whom it
// goes to ("aux membres", "to the board", "pour les habitants").
func (s *story) documentOfRecords(ws []string) bool {
	recipient := false
	for i, w := range ws {
		switch {
		case w == "a" || w == "au" || w == "aux" || w == "to" || w == "pour" || w == "for":
			recipient = true
			continue
		case recipient && (roleArticles[w] || recipientQuantifiers[w]):
			continue // "à tous les membres"
		case recipient:
			recipient = false
			continue
		}
		if s.c.records[stem(w)] && (i == 0 || !possessives[ws[i-1]]) ||
			len(w) >= 4 && pluralPerson(s.c, w, s.lang) && (i == 0 || s.lang != FR || !organisationNoun(ws[i-1])) ||
			// "avec les adresses et les téléphones": people's details, in
			// the plural.
			s.c.attributes[stem(w)] && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x")) {
			return true
		}
	}
	return false
}

// rotaDocument reports whether folded need words name a rota: the staff
// on each shift, by name.
func rotaDocument(ws []string) bool {
	for _, w := range ws {
		if rotaWords[w] {
			return true
		}
	}
	return false
}

// rotaWords name a rota, a document that lists people by nature.
var rotaWords = setOf(`planning plannings rota rotas roster rosters`)

// foundDetail reports whether the story names a person's detail (a name,
// a phone number): what a rota sent out would hold.
func (s *story) foundDetail() bool {
	for _, h := range s.topics {
		if t := &s.t.Topics[h.topic]; t.Context == ContextPerson && s.has(h, CategoryPersonalData) {
			return true
		}
	}
	return false
}

// recipientQuantifiers stand between "à" and whom a document goes to.
var recipientQuantifiers = setOf(`tous toutes chaque chacun all every each`)

// blankWords say a document is printed empty, to be filled in by hand:
// "des feuilles d'inscription vierges" hold nobody's data.
var blankWords = setOf(`vierge vierges blank empty`)
