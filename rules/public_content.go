package rules

// publicContent reports whether a need reads what the service publishes
// for everyone: conditions, criteria, the documents to bring, free slots,
// fees, opening hours, a page or a video about the service ("consulter
// les conditions d'attribution de la bourse", "read the eligibility
// criteria"). Naming the kind of dossier
// it is about ("pour une demande de passeport") or choosing it by one's
// case ("selon ma situation") shows nobody's data; naming people, one's
// own records ("les pièces de mon dossier") or what one did ("les
// créneaux que j'ai réservés") does.
func (s *story) publicContent(verb string, ws []string, next string) bool {
	if !displayVerbs[verb] && !readVerbs[verb] {
		return false
	}
	head := next
	if interrogatives[head] {
		head = wordAfter(ws, head) // "savoir quelles pièces préparer"
	}
	if listWords[head] {
		head = wordAfter(ws, head)
		if head == "des" || head == "de" || head == "d" || head == "of" {
			head = wordAfter(ws, head)
		}
	}
	if after := wordAfter(ws, head); !publicNouns[head] && !(head == "pieces" && (after == "justificatives" || after == "a")) &&
		!(infoWords[head] && (after == "sur" || after == "about" || after == "on")) {
		// "les pièces justificatives à fournir", not "les pièces
		// médicales"; "les informations sur la contraception
		// d'urgence", not "les informations du dossier".
		return false
	}
	for _, w := range ws {
		if caseCues[w] {
			break // "selon ma situation", "before I apply": which content, when
		}
		if firstPossessives[w] || w == "j" || w == "je" || w == "i" || w == "me" {
			return false
		}
		if len(w) >= 4 && (s.c.people[stem(w)] || s.c.personLike(w, s.lang)) {
			return false
		}
	}
	return true
}

var (
	// Finding published content reads it: "trouver la liste des pièces à
	// fournir".
	readVerbs = setOf(`lire relire regarder trouver chercher rechercher read watch find`)
	// interrogatives open the content asked about: "quelles pièces".
	interrogatives = setOf(`quel quelle quels quelles which what`)
	// publicNouns name what a service publishes for everyone.
	publicNouns = setOf(`conditions critere criteres creneaux horaires tarif tarifs reglement charte modalites
		page pages video videos faq guide actualites eligibility criteria slots fees prices opening timetable rules news`)
	// infoWords name information a page gives about a subject.
	infoWords = setOf(`information informations info infos`)
	// caseCues start a phrase saying which content or when, not whose.
	caseCues = setOf(`selon suivant avant afin quand lorsque depending according before when so`)
)
