package rules

// Teams write who may see or do what in their own words more often than
// with a keyword of rights: "que seuls les agents de la direction
// puissent voir les notes", "accessible uniquement aux agents du
// service", "visible to members only", "so that only volunteers see
// it". The policy reads any such rule as an access right (security
// notes), on personal data or not. A keyword of context restricted
// ("seuls", "uniquement", "only") counts when what it restricts to is
// people and its sentence sees, reaches or may do something.

// restrictsToPeople reports whether the restricting word at
// text[start:end] keeps something for a group of people, named after it
// (one word, a person's, or two for a compound: "maîtres nageurs"), in a
// sentence that sees something or makes a page reachable.
func (c *compiled) restrictsToPeople(text string, start, end int, lang Lang) bool {
	people := false
	thing := false
	for _, w := range firstWords(text[end:], 6) {
		if restrictionLinks[w] && !thing {
			continue
		}
		if c.isPerson(w) || c.personLike(w, lang) || c.personaWord(w) || audienceRoles[w] {
			people = true
			break
		}
		if thing {
			break // "seuls les dossiers complets", "only the events for children": things
		}
		thing = true // a first word may still be followed by the person's ("maîtres nageurs")
	}
	if w := fold(text[start:end]); !people && (w == "only" || w == "seulement") {
		// "members only", "a volunteers-only section", "visibles de
		// l'équipe seulement": the group comes first.
		// French may put an adjective between: "des travailleurs sociaux
		// seulement".
		for _, b := range lastWords(text[:start], 2) {
			if c.isPerson(b) || c.personLike(b, lang) || c.personaWord(b) {
				people = true
			}
		}
	}
	if !people {
		return false
	}
	sentence := text[sentenceStart(text, start):sentenceStop(text, end)]
	if anyWordIn(sentence, seeingWords) || subjunctiveSee(sentence) {
		return true
	}
	// "accessible", "available" keep a page or a section for them; a
	// service kept for some ("le prêt de vélos accessible uniquement aux
	// habitants") is who is eligible, not who may see what.
	return anyWordIn(sentence, reachWords) && anyWordIn(sentence, contentWords)
}

// subjunctiveSee reports whether a sentence holds "voie(s)" as the verb
// of seeing, followed by what is seen ("que seule la responsable voie les
// notes"), not the road ("la voie est réservée aux riverains", "les
// voies du secteur").
func subjunctiveSee(sentence string) bool {
	ws := words(sentence)
	for i, w := range ws {
		if (w == "voie" || w == "voies") && i+1 < len(ws) && seenArticles[ws[i+1]] {
			return true
		}
	}
	return false
}

// seenArticles open what a subjunctive "voie" sees.
var seenArticles = setOf(`le la les l leur leurs son sa ses mon ma mes ce cet cette ces tout toute tous toutes`)

// personaWord reports whether a folded word is one of the template's
// persona names ("officers", "instructeurs"): a group of people an
// audience can be kept for.
func (c *compiled) personaWord(w string) bool {
	_, ok := c.personaNames[stem(w)]
	return ok
}

// sentenceStop returns the offset where the sentence holding off ends,
// as sentenceStart reads its start: a line break, or a stop followed by a
// space ("2.1" goes on); the text's length when it ends first.
func sentenceStop(text string, off int) int {
	for i := off; i < len(text); i++ {
		if text[i] == '\n' || (text[i] == '.' || text[i] == '!' || text[i] == '?') && (i+1 == len(text) || text[i+1] == ' ') {
			return i
		}
	}
	return len(text)
}

var (
	// restrictionLinks stand between a restricting word and the group it
	// names: articles, "aux", "to", "by".
	restrictionLinks = setOf(`les la le l aux au a de des du d par pour the to by for`)
	// audienceRoles name staff by their post, which no persona or
	// people's word holds: "seuls le chef de centre et le responsable
	// voient cet historique".
	audienceRoles = setOf(`chef chefs cheffe cheffes responsable responsables manager managers supervisor supervisors`)
	// seeingWords see, read, reach or change something.
	// The subjunctive too ("que seul le chef modifie la fiche"); "voie"
	// is read in subjunctiveSee, as it is also a road.
	seeingWords = setOf(`voir voit voient vois consulter consulte consultent acceder accede accedent acces
		visible visibles lire lise lisent modifier modifie modifient ouvrir ouvre ouvrent
		see sees view views access visible read reads edit edits open opens`)
	// reachWords say something can be reached; contentWords name what
	// a site or a tool shows.
	reachWords   = setOf(`accessible accessibles disponible disponibles available`)
	contentWords = setOf(`page pages rubrique rubriques section sections espace onglet onglets document documents note notes
		contenu contenus article articles actualite actualites area content tab historique historiques history journal
		fiche fiches record records`)
)
