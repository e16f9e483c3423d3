package rules

import "strings"

// peopleOut keeps the topics of context out whose verb is in the need
// ("imprimer", "envoyer", "download") when what the need takes out of
// the tool names several people or their records (a person's noun or a
// list of people is personal data of itself): the policy's documents
// listing people, printed, sent or downloaded, ask for security notes
// too. Only a need that processes what it names counts: a message sent
// through the existing channel ("envoyer un courriel aux inscrits"),
// one's own document and a display are read as such before.
func (s *story) peopleOut(keep func(topic int, word string, orgOwned bool)) {
	if s.sent == nil || s.sent.Action == "" || s.act != actProcess {
		return
	}
	action := s.sent.Action
	if historicalYears(action) {
		return // "les listes nominatives des recensements de 1851 à 1906": people dead long ago
	}
	s.c.words.scan(action, func(p *phrase, start, end int) {
		if p.vague || s.t.Topics[p.id].Context != ContextOut {
			return
		}
		if mailVerbs[fold(action[start:end])] {
			if b := lastWords(action[:start], 1); len(b) == 1 && (roleArticles[b[0]] || possessives[b[0]] || ofWords[b[0]]) {
				return // "the email sent to members": a message, not a verb
			}
			if s.c.peopleAfter(action[end:], s.lang) {
				return // "email all participants": whom it goes to
			}
		}
		if receiveOut(fold(action[start:end])) {
			// "recevoir la liste des assesseurs", "obtenir une copie de la
			// liste électorale": only a list of people received counts;
			// a confirmation, a payment or records received are workflow.
			if (listAhead(action[end:]) || messageWith(action[end:])) && s.namesSeveralPeople(action) {
				keep(p.id, action[start:end], false)
			}
			return
		}
		if ws := firstWords(action[end:], 2); len(ws) > 0 && (inSet(messageWords, ws[0]) || len(ws) > 1 && roleArticles[ws[0]] && inSet(messageWords, ws[1])) {
			return // "envoyer les convocations", "send a reminder": messages through the existing channel
		}
		for _, w := range lastWords(action[:start], 3) {
			if inSet(messageWords, w) {
				return // "the email automatically sent to new members": a message
			}
		}
		// What is taken out follows the verb ("envoyer les convocations"),
		// unless a pronoun before it points back ("générer l'ordre du
		// jour … et l'envoyer aux membres").
		what := action[start:]
		if b := lastWords(action[:start], 1); len(b) == 1 && objectPronouns[b[0]] {
			what = action
		}
		if s.namesSeveralPeople(what) || s.foundPersonalData() && s.namesRecords(what) {
			keep(p.id, action[start:end], false)
		}
	})
}

// namesSeveralPeople reports whether a need names several people as what
// it handles: a plural person ("la liste des inscrits", "les
// maîtres-nageurs", "participants' names") that is neither whom
// something goes to ("aux membres", "to the board", "pour l'équipe") nor
// counted ("le nombre d'inscrits"), nor a part of the product ("les
// tests utilisateurs").
func (s *story) namesSeveralPeople(need string) bool {
	found := false
	sentenceWords(need, 0, func(st, end int, w []byte) bool {
		word := string(w)
		if aggregateWords[word] {
			return false // a count of what follows
		}
		if len(word) < 4 || !pluralPerson(s.c, word, s.lang) && !peopleListWords[word] {
			return true
		}
		for _, b := range lastWords(need[:st], 4) {
			if recipient(b, s.lang) || beneficiaryWords[s.lang][b] {
				return true // "aux membres", "to new certified members"
			}
		}
		if qualifiesProduct(need, st, end, s.lang) || mayClauseSubject(need, st, end) {
			return true // "les tests utilisateurs", "que les usagers puissent télécharger"
		}
		found = true
		return false
	})
	return found
}

// namesRecords reports whether a need names, as what it handles, records
// of people the story kept ("les fiches de synthèse des dossiers", "the
// day's bookings"): each is a person's, so several of them list people.
func (s *story) namesRecords(need string) bool {
	plural := map[string]bool{}
	for _, h := range s.topics {
		w := fold(h.word)
		if t := &s.t.Topics[h.topic]; t.Context == ContextOwn && !h.orgOwned && t.Has(CategoryPersonalData) && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x")) {
			plural[w] = true
		}
	}
	if len(plural) == 0 {
		return false
	}
	found := false
	sentenceWords(need, 0, func(st, end int, w []byte) bool {
		if !plural[string(w)] {
			return true
		}
		for _, b := range lastWords(need[:st], 2) {
			if recipient(b, s.lang) || firstPossessives[b] {
				return true // "aux dossiers", "mes congés": whom to, one's own
			}
		}
		found = true
		return false
	})
	return found
}

// peopleAfter reports whether the words right after a verb, past a
// determiner, name people: "email all participants", "mail the parents".
func (c *compiled) peopleAfter(after string, lang Lang) bool {
	for _, w := range firstWords(after, 3) {
		if roleArticles[w] || w == "all" || w == "tous" || w == "toutes" || w == "every" || w == "each" {
			continue
		}
		return len(w) >= 4 && (pluralPerson(c, w, lang) || c.isPerson(w))
	}
	return false
}

// mailVerbs take whom they go to as their object ("email the parents").
var mailVerbs = setOf(`email e-mail mail`)

// peopleListWords qualify a list, a file or cards as naming people by
// what they are ("la liste électorale", "le fichier des cartes
// électorales", "a nominal roll").
var peopleListWords = setOf(`electorale electorales electoral nominative nominatives nominatif nominatifs emargement nominal presences`)

// pluralPerson reports whether a folded word names several people: a
// person's noun in the plural, "people", "children". peopleInSentence
// reads a sentence's people the same way.
func pluralPerson(c *compiled, w string, lang Lang) bool {
	if w == "people" || w == "children" {
		return true
	}
	last := w[len(w)-1]
	return (last == 's' || last == 'x') && c.personLike(w, lang)
}

// objectPronouns stand before a verb for its object ("l'envoyer", "les
// imprimer").
var objectPronouns = setOf(`l le la les them it`)

// receiveOut reports whether a folded keyword of context out is a form of
// a verb whose subject is the recipient ("reçois", "obtenir",
// "receiving").
func receiveOut(w string) bool {
	for _, p := range []string{"recev", "recoi", "obten", "obtien", "receiv"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// listAhead reports whether a list, a file or a copy follows within four
// words: what is received is a document listing what comes next.
func listAhead(after string) bool {
	for _, w := range firstWords(after, 4) {
		if listNouns[w] {
			return true
		}
	}
	return false
}

// messageListsPeople reports whether a message received carries a list
// of people or their names: "un courriel avec la liste des enfants
// attendus", "an email with the new members' names". Such a message is
// a document listing people, no notification.
func (s *story) messageListsPeople(ws []string) bool {
	for i, w := range ws {
		if w == "avec" || w == "with" {
			return s.namesSeveralPeople(strings.Join(ws[i+1:], " "))
		}
	}
	return false
}

// messageWith reports whether what is received is a message that
// carries something: a message word within eight words, "avec" or
// "with" after it ("chaque matin à 7 h un courriel avec la liste des
// enfants attendus", "an email every Monday with the new members'
// names").
func messageWith(after string) bool {
	ws := firstWords(after, 14)
	for i, w := range ws {
		if i >= 8 {
			break
		}
		if !messageWords[w] {
			continue
		}
		for _, x := range ws[i+1:] {
			if x == "avec" || x == "with" {
				return true
			}
		}
		return false
	}
	return false
}

var listNouns = setOf(`liste listes fichier copie tableau etat list lists file copy register roll`)

// recipient reports whether a folded word introduces whom a document
// goes to: "à", "aux", "to" ("a" is French "à" only: English "a list of
// members" is an article).
func recipient(w string, lang Lang) bool {
	if w == "a" {
		return lang == FR
	}
	return recipientWords[w]
}

var recipientWords = setOf(`au aux to aupres destinataires`)

// historicalYears reports whether a need names a year of the war years or
// before ("de 1851 à 1906", "the 1921 census"): the policy's historical
// research on persons who died long ago handles nobody's data.
func historicalYears(need string) bool {
	for _, f := range strings.FieldsFunc(need, func(r rune) bool { return r < '0' || r > '9' }) {
		if len(f) == 4 && f >= "1500" && f <= "1945" {
			return true
		}
	}
	return false
}
