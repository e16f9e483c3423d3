package rules

import "strings"

// outsidePersona keeps the topics of context outside that the story's
// role names ("ETQ transporteur", "As a partner organisation"), or the
// first of them for a role the template does not know that names the
// people of its own perimeter, when the need sees, consults, checks or
// receives what the story found of a person's data: a body outside the
// service given access to people's data is a new kind of user (who may
// see what). The service's own agents browsing, and an outside body
// seeing figures or its own organisation's data, do not count.
func (s *story) outsidePersona(keep func(topic int, word string, orgOwned bool)) {
	if s.sent == nil || s.sent.Role == "" || s.sent.Action == "" {
		return
	}
	if !s.foundPersonalData() {
		return
	}
	verb, next := needVerb(s.sent, words(s.sent.Action))
	if !accessVerbs[verb] && !(verb == "avoir" && next == "acces") {
		return
	}
	kept := false
	s.c.words.scan(s.sent.Role, func(p *phrase, start, end int) {
		if !p.vague && s.t.Topics[p.id].Context == ContextOutside {
			keep(p.id, s.sent.Role[start:end], false)
			kept = true
		}
	})
	if kept || s.persona >= 0 && s.c.exactPersona(s.sent.Role) || s.act == actWorkflow || !perimeter(s.sent.Action) || !s.othersInNeed(s.sent.Action) {
		return
	}
	// A role the template does not know, seeing the people of its own
	// perimeter ("ETQ principal de collège, je veux voir la liste des
	// élèves de mon établissement", "As a headteacher, I want to see the
	// children offered a place at my school"): a new kind of user given
	// access to them, as a named outside body would be.
	if i := s.firstTopicOf(ContextOutside); i >= 0 {
		keep(i, s.sent.Role, false)
	}
}

// perimeter reports whether a need scopes what it names to the persona's
// own perimeter: a place or group of theirs ("de mon établissement",
// "sur ma commune", "at my school") or the people they deal with ("que
// j'accompagne", "the people I drive").
func perimeter(need string) bool {
	f := " " + strings.Join(words(need), " ") + " "
	for _, c := range perimeterCues {
		for rest := f; ; {
			k := strings.Index(rest, c)
			if k < 0 {
				break
			}
			rest = rest[k+len(c):]
			// "on my phone": where one works, not whose people; "que je
			// suis en train de saisir": what one is doing ("suis" is also
			// "I follow": "les élèves que je suis").
			if next, _, _ := strings.Cut(rest, " "); !deviceWords[next] && !(c == " que je " && strings.HasPrefix(rest, "suis en ")) {
				return true
			}
		}
	}
	return false
}

var perimeterCues = []string{" de mon ", " de ma ", " de mes ", " a ma ", " a mon ", " dans ma ", " dans mon ",
	" sur ma ", " sur mon ", " sur mes ", " at my ", " in my ", " of my ", " on my ", " que j ", " que je ", " qui m ",
	" i visit ", " i drive ", " i support ", " i look after ", " i accompany "}

// othersInNeed reports whether a need names a person other than the
// persona: a person's noun not after "mon", "mes", "my" (one's own
// relatives or group) nor after a form of "être" ("je suis inscrit").
func (s *story) othersInNeed(need string) bool {
	found := false
	sentenceWords(need, 0, func(st, end int, w []byte) bool {
		word := string(w)
		if len(word) < 4 || !pluralPerson(s.c, word, s.lang) && !s.c.personLike(word, s.lang) {
			return true
		}
		if b := lastWords(need[:st], 1); len(b) == 1 && (firstPossessives[b[0]] || beVerbs[b[0]]) {
			return true
		}
		found = true
		return false
	})
	return found
}

// beVerbs are forms of "être", "to be": a participle after them says
// what the speaker is ("je suis inscrit"), names nobody else.
var beVerbs = setOf(`suis es est sommes etes sont am is are was were`)

// accessVerbs see, consult, check or receive what is held.
var accessVerbs = setOf(`voir consulter afficher savoir connaitre lister acceder verifier controler recevoir recois
	see view display know list show access consult check verify receive get look`)

// accessNeed keeps the topics of context access whose verb opens the
// need ("accéder aux dossiers des patients", "access the complaints")
// when the story found a person's data that is not the persona's own,
// and the need asks for the access itself, not an easier way in.
func (s *story) accessNeed(keep func(topic int, word string, orgOwned bool)) {
	if s.sent == nil || s.sent.Action == "" || !s.foundPersonalData() {
		return
	}
	action := s.sent.Action
	s.c.words.scan(action, func(p *phrase, start, end int) {
		if p.vague || s.t.Topics[p.id].Context != ContextAccess || len(words(action[:start])) > 3 {
			return // the need's verb, after at most "je veux", "pouvoir"
		}
		for i, w := range firstWords(action[end:], 12) {
			if easeWords[w] || i < 5 && firstPossessives[w] {
				return
			}
		}
		keep(p.id, action[start:end], false)
	})
}

// easeWords say how easily, not whether, someone gets at records.
var easeWords = setOf(`rapidement facilement directement simplement vite aisement clairement quickly easily directly simply fast
	clearly`)

// doer reports whether the keyword h of context doer is part of a
// phrase saying who did something: an interrogative or a relative
// anchor ("quel agent a validé", "which officer approved", "l'agent
// ayant clôturé", "the clerk who released", "voir qui a délivré") with
// the act's participle. A participle keyword counts as the act of such
// a phrase; an anchor when an act follows it.
func (s *story) doer(text string, h rawTopicHit) bool {
	kw := words(text[h.start:h.end])
	if len(kw) == 0 {
		return false
	}
	if doerAnchors[kw[0]] {
		ws := append(lastWords(text[:h.start], 1), kw...)
		after := text[h.end:]
		if k := strings.IndexAny(after, ".!?\n;:()"); k >= 0 {
			after = after[:k] // within the phrase
		}
		ws = append(ws, firstWords(after, 4)...)
		return s.c.doerPhrase(ws) >= 0
	}
	ws := append(lastWords(text[:h.start], 5), kw...)
	return s.c.doerPhrase(ws) == len(ws)-1
}

// doerPhrase returns the index in ws of the participle of the first
// phrase saying who did something, or -1.
func (c *compiled) doerPhrase(ws []string) int {
	for i, w := range ws {
		switch {
		case w == "quel" || w == "quelle" || w == "quels" || w == "quelles" || w == "which":
			// "quel agent a validé", "which staff member accessed".
			person := false
			for j := i + 1; j < len(ws) && j <= i+3; j++ {
				x := ws[j]
				if c.isPerson(x) || doerStaff[x] {
					person = true
					continue
				}
				if !person {
					break
				}
				if (x == "a" || x == "ont" || x == "avait" || x == "has" || x == "had") && j+1 < len(ws) {
					j++
					x = ws[j]
				} else if w != "which" {
					break // French asks with "a": "quel agent a validé"
				}
				if participle(x) {
					return j
				}
				break
			}
		case w == "ayant" || w == "who" || w == "qui" && i+1 < len(ws) && (ws[i+1] == "a" || ws[i+1] == "ont"):
			// "l'agent ayant clôturé", "the clerk who released", "voir
			// qui a délivré".
			if i == 0 || !doerStaff[ws[i-1]] && !seeOrKnow[ws[i-1]] {
				continue
			}
			j := i + 1
			if w == "qui" {
				j++
			}
			if j < len(ws) && participle(ws[j]) {
				return j
			}
		}
	}
	return -1
}

// doerAnchors open a phrase saying who did something.
var doerAnchors = setOf(`quel quelle quels quelles which ayant qui who`)

// doerStaff name who acts on records in a service: a relative clause
// after them ("l'agent qui a traité") says which one did it.
var doerStaff = setOf(`agent agents agente instructeur instructrice conseiller conseillere collegue technicien technicienne
	gestionnaire gestionnaires officier secretaire greffier greffiere archiviste redacteur redactrice responsable operateur
	officer officers clerk clerks caseworker caseworkers staff member editor editors colleague employee manager operator`)

// seeOrKnow see or know who did something: "voir qui a", "see who".
var seeOrKnow = setOf(`voir vois voit savoir sais sait connaitre afficher affiche see know show shows`)

// participle reports whether a folded word reads as a past participle
// (French) or a past tense (English), not "été", "eu", "was", "is".
func participle(w string) bool {
	if len(w) < 4 || w == "etre" || w == "etes" || notParticiples[w] {
		return false
	}
	if irregularPast[w] || strings.HasSuffix(w, "ed") {
		return true
	}
	for _, suf := range []string{"e", "es", "ee", "ees", "i", "is", "ie", "ies", "u", "us", "ue", "ues", "it", "its", "ert", "erte"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// notParticiples end like participles and are not.
var notParticiples = setOf(`ete this thus plus sous sans dans leurs elles celle cette chaque entre notre votre autre jamais deja mais depuis apres
	jours mois annee dossier dossiers demande demandes the those these`)

// irregularPast are English past tenses not ending in -ed.
var irregularPast = setOf(`made sent gave took wrote paid held brought chose sold bought told kept`)

// otherWords end the keywords that say "other" before people ("other
// users", "les autres bénévoles"): without "d'" they own nothing
// themselves, and count only for records made by those people and seen.
var otherWords = setOf(`other autres`)

// madeBy reports whether the words right before offset off say who made
// a record: "par", "by", "de", "des", "of", then at most an article
// ("réservées par les", "made by").
func madeBy(text string, off int) bool {
	b := lastWords(text[:off], 2)
	for i := len(b) - 1; i >= 0; i-- {
		switch w := b[i]; {
		case w == "par" || w == "by" || ofWords[w]:
			return true
		case i == len(b)-1 && (roleArticles[w] || w == "l"):
			continue
		default:
			return false
		}
	}
	return false
}

// exactPersona reports whether a role is one of the template's persona
// names as a whole, not a name within a longer role ("school business
// manager", "conseiller France Rénov'"), which may be someone outside.
func (c *compiled) exactPersona(role string) bool {
	_, ok := c.personaNames[strings.Join(roleStems(role), " ")]
	return ok
}
