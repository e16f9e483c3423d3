package rules

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Whose data a text shows: another person's ("l'adresse d'un autre
// abonné"), a person's detail seen by someone new, one published.

// othersData reports whether the words h ("d'un autre", "another",
// "someone else") name another person as the owner of a person's detail
// or record: "l'adresse d'un autre abonné", "le dossier de quelqu'un
// d'autre", "another tenant's details", "someone else's address".
// "transférer le dossier à un autre agent" names a recipient, and "un
// livre emprunté par quelqu'un d'autre" a borrower, not an owner. A
// previous or a wrong person, or another household, owns data the same
// way ("le nom du propriétaire précédent", "the previous holder's
// address", "l'adresse d'un autre foyer"); a public document showing a
// person's detail discloses it (publishedDetail).
func (s *story) othersData(units []unitText, raw []rawTopicHit, h rawTopicHit) bool {
	text := units[h.unit].text
	w := words(text[h.start:h.end])
	if len(w) == 1 && publicWords[w[0]] {
		return s.publishedDetail(units, raw, h)
	}
	if len(w) == 1 && strings.HasPrefix(w[0], "precedent") {
		// French: "le nom du propriétaire précédent", the adjective after
		// its person, the detail before them; or before its person, "le
		// nom du précédent titulaire".
		b := lastWords(text[:h.start], 1)
		k := h.start
		switch a := firstWords(text[h.end:], 1); {
		case len(a) == 1 && (s.c.isPerson(a[0]) || householdWords[a[0]]):
			if shownOf(text, h.start, false) {
				return true // "affiche la carte du précédent titulaire"
			}
		case len(b) == 0 || !s.c.isPerson(b[0]) && !householdWords[b[0]]:
			return false
		default:
			k = prevWordStart(text, h.start)
		}
		for _, r := range raw {
			t := &s.t.Topics[r.topic]
			if r.unit != h.unit || !t.Has(CategoryPersonalData) || t.Context == ContextNeed || t.Context == ContextOtherPerson || r.end > k {
				continue
			}
			between := words(text[r.end:k])
			if len(between) <= 2 && len(between) > 0 && ofWords[between[0]] && (len(between) == 1 || roleArticles[between[1]] || between[1] == "l") {
				return true
			}
		}
		return false
	}
	next := firstWords(text[h.end:], 3)
	if len(next) > 0 && householdWords[next[0]] && !slices.Contains(w, "quelqu") && w[len(w)-1] != "else" {
		next[0] = "personne" // "d'un autre foyer": another household's data
	}
	bare := otherWords[w[len(w)-1]] && w[0] != "d" // "other users", "les autres bénévoles"
	// A fault (a bug report, a ticket with no story sentence) that shows
	// other people's data shows it to the wrong person; a story that
	// does may be publishing them, which its need says.
	fault := s.sent == nil || s.bugReport()
	if len(next) > 0 && isOrganisation(next[0]) && !slices.Contains(w, "quelqu") && w[len(w)-1] != "else" {
		// "des tickets ouverts par des collègues d'une autre direction",
		// "les demandes des habitants des autres communes": the people
		// of another unit, when their records are seen; in a fault,
		// whoever made them ("un manager voit les agents des autres
		// services").
		p := prevWordStart(text, h.start)
		b := lastWords(text[:h.start], 1)
		if len(b) == 1 && s.c.isPerson(b[0]) && (madeBy(text, p) || fault) && shownOf(text, p, true) {
			return true
		}
		// A fault that shows another unit's records or people: "voit
		// les réservations d'un autre club", "sees another school's
		// pupils". What is shown is theirs, shown to the wrong unit.
		return fault && s.unitsRecords(text, raw, h, next) && shownOf(text, h.start, true)
	}
	if bare {
		// "bookings made by other users", "les missions réservées par
		// les autres bénévoles": other people's records, seen. A fault
		// that "shows other people's orders", "other members'
		// bookings", "les téléphones des autres bénévoles" or "les
		// réservations des autres" shows them to the wrong person.
		frenchOf := s.lang == FR && w[0] == "des" // "les téléphones des autres …": theirs
		owned := possessiveAfter(text, h.end) || frenchOf
		if fault && frenchOf && (len(next) == 0 || othersPronounEnd[next[0]]) {
			return shownOf(text, h.start, true) // "des autres" standing for the others
		}
		return len(next) > 0 && s.c.isPerson(next[0]) && (fault && owned || madeBy(text, h.start)) && shownOf(text, h.start, true)
	}
	ownerOnly := false
	if n := len(w); n == 0 || w[n-1] != "else" && !slices.Contains(w, "quelqu") {
		// "d'un autre abonné", "another tenant": a person follows.
		// English names its owner before "'s" whatever the noun
		// ("another trader's home address"), a person's detail after it
		// then decides ("the previous term's dates" are no one's).
		ownerOnly = len(next) > 0 && !s.c.personLike(next[0], s.lang) && next[0] != "personne"
		owner := s.lang == EN && len(next) > 1 && next[1] == "s" && !isOrganisation(next[0])
		if len(next) == 0 || ownerOnly && !owner {
			return false
		}
		next = next[1:]
	}
	// English: "another tenant's details", "someone else's address".
	possessive := len(next) > 0 && next[0] == "s"
	// "the reminder was sent to the wrong tenant": a message that
	// reaches another person discloses what it holds.
	to := false
	for _, b := range lastWords(text[:h.start], 2) {
		to = to || b == "to" || s.lang == FR && (b == "a" || b == "au" || b == "aux") // "à", not the English article
	}
	if !ownerOnly && shownOf(text, h.start, possessive || w[0] == "d" || w[0] == "de" || to) {
		// "le relevé affiche l'aide d'un autre agriculteur", "shows
		// another farmer's aid".
		return true
	}
	for _, r := range raw {
		t := &s.t.Topics[r.topic]
		if r.unit != h.unit || !t.Has(CategoryPersonalData) || t.Context == ContextNeed || t.Context == ContextOtherPerson ||
			s.c.organisationAfter(text, r.end) {
			continue
		}
		switch {
		case r.end <= h.start:
			// French: the detail right before its owner, "de" at most between.
			between := words(text[r.end:h.start])
			if len(between) == 0 || len(between) == 1 && ofWords[between[0]] {
				return true
			}
		case possessive && r.start >= h.end && len(words(text[h.end:r.start])) <= 3:
			return true
		}
	}
	return false
}

// unitsRecords reports whether the words around "d'un autre <unit>" or
// "another <unit>'s" name people or records of people: a personal-data
// hit right before the French "de" ("les réservations d'un autre club"),
// or a person or such a hit right after the English possessive.
func (s *story) unitsRecords(text string, raw []rawTopicHit, h rawTopicHit, next []string) bool {
	if s.lang == EN && len(next) > 2 && next[1] == "s" && (s.c.isPerson(next[2]) || pluralPerson(s.c, next[2], s.lang)) {
		return true
	}
	for _, r := range raw {
		t := &s.t.Topics[r.topic]
		if r.unit != h.unit || !t.Has(CategoryPersonalData) || t.Context == ContextOtherPerson || t.Context == ContextNeed {
			continue
		}
		if r.end <= h.start && len(words(text[r.end:h.start])) == 0 {
			return true // "les réservations d'un autre club"
		}
		if s.lang == EN && len(next) > 1 && next[1] == "s" && r.start >= h.end && len(words(text[h.end:r.start])) == 2 {
			return true // "another club's bookings"
		}
	}
	return false
}

// othersPronounEnd end "des autres" used as a pronoun: "les
// réservations des autres avec leur téléphone".
var othersPronounEnd = setOf(`avec sur dans depuis quand et ou en`)

// possessiveAfter reports whether the word after offset off is an
// English possessive: "people's", "members'".
func possessiveAfter(text string, off int) bool {
	var buf [64]byte
	st, e, _ := wordAt(text, off, buf[:])
	if st < 0 {
		return false
	}
	rest := text[e:]
	return strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’")
}

// seesDetail reports whether the verb of seeing h asks who sees a
// person's detail: its sentence is a question or the verb is negated
// ("ne doivent pas voir", "should not see"), and a person's detail
// follows it in the sentence, not one's own ("my address") nor an
// organisation's.
func (s *story) seesDetail(units []unitText, raw []rawTopicHit, h rawTopicHit) bool {
	text := units[h.unit].text
	question := questionAfter(text, h.end)
	if !question {
		if questionOnlyVerbs[fold(h.word)] {
			return false
		}
		b := lastWords(text[:h.start], 2)
		neg := false
		for _, w := range b {
			// "ne voient pas le téléphone des parents", "ne voit que le
			// prénom des usagers": "ne" before the verb denies or
			// restricts it.
			neg = neg || w == "pas" || w == "not" || w == "jamais" || w == "never" || w == "ne" || w == "n"
		}
		if !neg {
			return false
		}
	}
	si := sentenceIndex(text, h.start)
	for k, r := range raw {
		t := &s.t.Topics[r.topic]
		if r.unit != h.unit || r.start < h.end || !t.Has(CategoryPersonalData) || sentenceIndex(text, r.start) != si {
			continue
		}
		switch t.Context {
		case ContextAny:
		case ContextPerson, ContextOwn, ContextCitizen:
			// Others' records, in a question: "can funeral directors
			// see each other's bookings?", "other firms' bookings".
			others := question && othersOwned(text, r.start)
			if !others && (t.Context == ContextCitizen || !s.owned(text, r.start, r.end, false) && !s.fieldList(units, raw, k)) {
				continue
			}
		default:
			continue
		}
		if b := lastWords(text[:r.start], 2); len(b) > 0 && firstPossessives[b[len(b)-1]] || s.c.organisationAfter(text, r.end) {
			continue
		}
		return true
	}
	// An issue with no story sentence asking who sees people: a
	// story's "à voir avec les élus (3 mois ?)" asks nobody.
	return question && s.sent == nil && s.seesPeople(text, h.end)
}

// othersOwned reports whether an English possessive of others stands
// right before offset off: "each other's", "other firms'", "the other
// members'".
func othersOwned(text string, off int) bool {
	b := lastWords(text[:off], 3)
	n := len(b)
	switch {
	case n >= 2 && b[n-1] == "s" && b[n-2] == "other":
		return true // "each other's", "the other's"
	case n >= 3 && b[n-1] == "s" && (b[n-3] == "other" || b[n-3] == "another"):
		return true // "another member's", "the other trader's"
	case n >= 2 && b[n-2] == "other":
		before := strings.TrimRight(text[:off], " ")
		return strings.HasSuffix(before, "'") || strings.HasSuffix(before, "’") // "other firms'"
	}
	return false
}

// seesPeople reports whether people, named in the plural, follow offset
// off in its sentence, not one's own: a question on who sees them asks
// who sees their data ("can stewards see the lost children register?",
// "doivent-ils voir les fiches des enfants ?").
func (s *story) seesPeople(text string, off int) bool {
	stop := sentenceStop(text, off)
	var buf [64]byte
	for pos := off; pos < stop; {
		st, e, w := wordAt(text, pos, buf[:])
		if st < 0 || st >= stop {
			return false
		}
		if len(w) > 3 && pluralPerson(s.c, string(w), s.lang) && !s.c.organisationAfter(text, e) {
			b := lastWords(text[:st], 1)
			return len(b) == 0 || !firstPossessives[b[0]]
		}
		pos = e
	}
	return false
}

// questionOnlyVerbs show or give a detail: a question on who is shown
// it asks who sees it; a rule with them is a filter ("n'afficher que
// les demandes du jour").
var questionOnlyVerbs = setOf(`afficher montrer show give`)

// questionAfter reports whether the sentence holding offset off ends
// with a question mark.
func questionAfter(text string, off int) bool {
	for i := off; i < len(text); i++ {
		switch text[i] {
		case '?':
			return true
		case '\n':
			return false
		case '.', '!':
			if i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n' {
				return false
			}
		}
	}
	return false
}

// prevWordStart returns the offset where the word before offset off starts.
func prevWordStart(text string, off int) int {
	end := off
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:end])
		if isWordRune(r) {
			break
		}
		end -= size
	}
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:end])
		if !isWordRune(r) {
			break
		}
		end -= size
	}
	return end
}

// shownOf reports whether something "of" the person named at offset off
// (the word before is "de", "du", "of", or of says the keyword holds it:
// "d'un autre", "another farmer's") is shown or seen in its sentence: it
// is disclosed ("le relevé affiche l'aide d'un autre agriculteur").
func shownOf(text string, off int, of bool) bool {
	if !of {
		b := lastWords(text[:off], 1)
		if len(b) == 0 || !ofWords[b[0]] {
			return false
		}
	}
	var buf [64]byte
	si := sentenceIndex(text, off)
	for pos := sentenceStart(text, off); pos < len(text); {
		st, e, w := wordAt(text, pos, buf[:])
		if st < 0 || sentenceIndex(text, st) != si {
			break
		}
		if seenWords[string(w)] {
			return true
		}
		for _, p := range displayPrefixes {
			if strings.HasPrefix(string(w), p) {
				return true
			}
		}
		pos = e
	}
	return false
}

// seenWords see or receive what is shown.
var seenWords = setOf(`voit vois voient voir recoit recoivent see sees seen receives received recu recue recus recues sent
	envoye envoyee envoyes envoyees`)

// householdWords name a household: "d'un autre foyer" owns people's data.
// A customer is a person too, named after "un autre" ("le téléphone
// d'un autre client"), where no software client is meant.
var householdWords = setOf(`foyer foyers menage menages famille familles household households family families
	client clients cliente clientes`)

// publicWords say a document is public: a person's detail shown on it
// is disclosed to everyone.
var publicWords = setOf(`public publique publics publiques publie publiee publies publiees published publier publish`)

// sentDocWords name what a service sends out or hands over: in a bug
// report, one that shows a person's detail discloses it.
var sentDocWords = setOf(`courriel courriels email emails mail mails pdf sms courrier courriers letter letters export`)

// faultDisclosure keeps the disclosure topic when a bug report says a
// message or a document the service sends out shows a person's detail:
// "Bug: acknowledgement email shows the neighbour's name", "le courriel
// d'orientation contient le nom complet de la personne". A wrong date or
// amount on a letter names nobody's detail.
func (s *story) faultDisclosure(units []unitText, raw []rawTopicHit, keep func(topic int, word string, orgOwned bool)) {
	if !s.bugReport() {
		return
	}
	disclosure := s.firstTopicOf(ContextOtherPerson)
	if disclosure < 0 {
		return
	}
	var buf [64]byte
	for u := range units {
		text := units[u].text
		for pos := 0; pos < len(text); {
			st, e, w := wordAt(text, pos, buf[:])
			if st < 0 {
				break
			}
			pos = e
			if !sentDocWords[string(w)] {
				continue
			}
			if copiedRecipients(text, st) {
				keep(disclosure, text[st:e], false)
				return
			}
			if s.publishedDetail(units, raw, rawTopicHit{topic: disclosure, unit: u, start: st, end: e}) {
				keep(disclosure, text[st:e], false)
				return
			}
		}
	}
}

// copiedRecipients reports whether the sentence of a message at off says
// its recipients saw each other: "envoyé avec tous les destinataires en
// copie", "sent with every address in CC", "les adresses visibles dans
// le champ À". A blind copy ("en copie cachée", "BCC") hides them.
func copiedRecipients(text string, off int) bool {
	var ws []string
	sentenceWords(text, sentenceIndex(text, off), func(_, _ int, w []byte) bool {
		ws = append(ws, string(w))
		return true
	})
	visible, recipients := false, false
	for i, w := range ws {
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1]
		}
		switch {
		case w == "copie" && i > 0 && ws[i-1] == "en" && next != "cachee":
			return true
		case w == "cc" && i > 0 && ws[i-1] == "in":
			return true
		}
		visible = visible || strings.HasPrefix(w, "visible")
		recipients = recipients || recipientWordsSeen[w]
	}
	return visible && recipients
}

// recipientWordsSeen name the addresses or people a message went to.
var recipientWordsSeen = setOf(`adresse adresses address addresses destinataires recipients`)

// displayPrefixes are the folded prefixes of verbs of showing.
var displayPrefixes = []string{"affich", "visible", "lisible", "readable", "apparai", "imprim", "show", "display", "print", "appear", "expos", "mention",
	"publier", "publie", "publish", "contien", "contain", "inclu", "include"}

// publishedDetail reports whether a public or published document of
// the sentence of h shows a person's detail: "la page publique affiche
// le téléphone du bénévole", "the published response shows the
// requester's email address"; not a page showing opening hours, nor an
// organisation's address.
func (s *story) publishedDetail(units []unitText, raw []rawTopicHit, h rawTopicHit) bool {
	text := units[h.unit].text
	si := sentenceIndex(text, h.start)
	stop := sentenceStop(text, h.start) // once: sentenceIndex per word rescans the text
	shown, shownAt := false, 0
	var buf [64]byte
	for pos := sentenceStart(text, h.start); pos < stop && !shown; {
		st, e, w := wordAt(text, pos, buf[:])
		if st < 0 || st >= stop {
			break
		}
		for _, p := range displayPrefixes {
			shown = shown || strings.HasPrefix(string(w), p)
		}
		pos, shownAt = e, e
	}
	if !shown {
		return false
	}
	if s.sent == nil && s.publishesPeople(text, shownAt, stop) {
		// "publier chaque trimestre la liste des commerçants aidés": an
		// issue with no story sentence about putting people online.
		return true
	}
	for k, r := range raw {
		t := &s.t.Topics[r.topic]
		if r.unit != h.unit || !t.Has(CategoryPersonalData) || sentenceIndex(text, r.start) != si || s.c.organisationAfter(text, r.end) {
			continue
		}
		switch t.Context {
		case ContextAny:
			return true
		case ContextPerson, ContextOwn:
			if s.owned(text, r.start, r.end, false) || s.fieldList(units, raw, k) {
				return true
			}
		}
	}
	return false
}

// publishesPeople reports whether a list of people or their names
// follow the publishing or showing verb that ends at off, before the
// sentence's stop: "publier la liste des commerçants aidés", "publier sur le site les
// noms des bénévoles"; "les avis publiés par les éclusiers" names who
// publishes. English plurals count when the template knows the person
// ("the names of the volunteers").
func (s *story) publishesPeople(text string, off, stop int) bool {
	var buf [64]byte
	for pos := off; pos < stop; {
		st, e, w := wordAt(text, pos, buf[:])
		if st < 0 || st >= stop {
			return false
		}
		if x := string(w); len(x) > 3 && pluralPerson(s.c, x, s.lang) && !s.c.organisationAfter(text, e) {
			for _, b := range lastWords(text[:st], 3) {
				if listedByWords[b] {
					return true
				}
			}
		}
		pos = e
	}
	return false
}

// listedByWords name people as a list or by name before their noun.
var listedByWords = setOf(`liste listes list lists nom noms name names which quels quelles`)
