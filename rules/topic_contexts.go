package rules

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The checks behind the topic contexts that read more than a word:
// lists of fields, providers, migrations, other people's data, who
// sees what, transfers, tenders (see TopicContext and resolveTopics).

// fieldList reports whether a person's detail is listed with another
// one ("nom, prénoms, date de l'acte", "names and addresses"): a list of
// such fields names personal data, whoever the sentence says they
// belong to.
func (s *story) fieldList(units []unitText, raw []rawTopicHit, k int) bool {
	h := raw[k]
	text := units[h.unit].text
	for j, r := range raw {
		if j == k || r.unit != h.unit || !s.t.Topics[r.topic].Has(CategoryPersonalData) {
			continue
		}
		if c := s.t.Topics[r.topic].Context; c != ContextPerson && c != ContextAny {
			continue
		}
		var between string
		switch {
		case r.end <= h.start:
			between = text[r.end:h.start]
		case h.end <= r.start:
			between = text[h.end:r.start]
		default:
			continue
		}
		if len(between) > 12 {
			continue
		}
		ok := true // punctuation only, or a coordinator
		for _, w := range words(between) {
			if !listJoiners[w] {
				ok = false
			}
		}
		if ok && !s.c.organisationAfter(text, max(h.end, r.end)) && !organisationSoon(text[max(h.end, r.end):]) {
			return true // not "l'adresse et le téléphone de l'agence"
		}
	}
	// "the donor's name and email": a name with an e-mail address is a
	// person's, where "phone or e-mail" may be a channel.
	return nameWords[fold(h.word)] && s.mailListed(text, h.end)
}

// nameWords name a person's name.
var nameWords = setOf(`nom noms prenom prenoms name names`)

// mailWords name an e-mail address by the bare word; they are keywords
// of no detail topic, since "email" is also a verb ("email the list").
// "e-mail" comes as "e" then "mail".
var mailWords = setOf(`email emails mail mails courriel courriels mel`)

// mailListed reports whether a person's detail ending at off is listed
// with an e-mail address named by the bare word: "the donor's name and
// email", "le nom et le courriel du prêteur"; not those of an
// organisation ("le nom et le courriel de l'association").
func (s *story) mailListed(text string, off int) bool {
	var buf [64]byte
	joined := false
	for pos, n := off, 0; n < 4; n++ {
		st, e, w := wordAt(text, pos, buf[:])
		if st < 0 {
			return false
		}
		pos = e
		switch word := string(w); {
		case mailWords[word] && (joined || strings.TrimSpace(text[off:st]) == ","):
			// "name and email", "name, email and phone"
			return !s.c.organisationAfter(text, e) && !organisationSoon(text[e:])
		case !joined:
			if !listJoiners[word] {
				return false
			}
			joined = true
		case word == "e":
			continue // "e-mail"
		case word != "le" && word != "l" && word != "son" && word != "sa" && word != "their" && word != "his" && word != "her":
			return false
		}
	}
	return false
}

// organisationSoon reports whether the text starts with "of"/"de" and
// an organisation within two words: "of the local office", "du centre
// social".
func organisationSoon(after string) bool {
	ws := firstWords(after, 5)
	if len(ws) == 0 || !ofWords[ws[0]] {
		return false
	}
	n := 0
	for _, w := range ws[1:] {
		if roleArticles[w] || w == "l" || possessives[w] {
			continue
		}
		if isOrganisation(w) {
			return true
		}
		if n++; n == 2 {
			break
		}
	}
	return false
}

// givenDetail reports whether the words right before a detail give it:
// a verb of entering or providing, then at most a determiner.
func givenDetail(before string) bool {
	ws := lastWords(before, 3)
	for i, w := range ws {
		if givingVerbs[w] {
			rest := ws[i+1:]
			return len(rest) == 0 || len(rest) == 1 && (roleArticles[rest[0]] || firstPossessives[rest[0]] || rest[0] == "un" || rest[0] == "une" || rest[0] == "a" || rest[0] == "an") ||
				len(rest) == 2 && (rest[0] == "de" || rest[0] == "d") && (roleArticles[rest[1]] || firstPossessives[rest[1]])
		}
	}
	return false
}

// reasonBefore reports whether the words right before a keyword state a
// reason: "because of a", "en raison de son", "pour cause de".
func reasonBefore(before string) bool {
	// Read backwards on the tail only, and only when a reason word is there.
	tail := before[max(0, len(before)-32):]
	if !containsASCIIFold(tail, "because") && !containsASCIIFold(tail, "due") && !containsASCIIFold(tail, "raison") && !containsASCIIFold(tail, "cause") {
		return false
	}
	ws := lastWords(before, 4)
	for i := 0; i+1 < len(ws); i++ {
		if ws[i] == "because" && ws[i+1] == "of" || ws[i] == "due" && ws[i+1] == "to" ||
			ws[i] == "en" && ws[i+1] == "raison" || ws[i] == "pour" && ws[i+1] == "cause" || ws[i] == "a" && ws[i+1] == "cause" {
			return true
		}
	}
	return false
}

// givingVerbs: forms of giving a detail to the service.
var givingVerbs = setOf(`indiquer indiquant indique renseigner renseignant renseigne saisir saisissant saisis donner donnant donne fournir fournissant fournis
	enter entering give giving provide providing`)

// perPerson reports whether a count is broken down by person: "le nombre
// de tickets résolus par chaque technicien", "loans per reader" name each
// person's figure.
func perPerson(before string) bool {
	ws := lastWords(before, 2)
	n := len(ws)
	return n > 0 && (ws[n-1] == "chaque" || ws[n-1] == "each" || ws[n-1] == "per" || ws[n-1] == "par") ||
		n == 2 && ws[0] == "for" && ws[1] == "each"
}

// bugReport reports whether the issue is a bug report: its title or its
// first line says so, or it carries a bug label.
func (s *story) bugReport() bool {
	first, _, _ := strings.Cut(strings.TrimSpace(s.in.Body), "\n")
	for _, line := range []string{s.in.Title, first} {
		t := fold(strings.TrimLeft(line, "[ #*"))
		if strings.HasPrefix(t, "bug") && (len(t) == 3 || !isWordRune(rune(t[3]))) {
			return true
		}
	}
	for _, l := range s.in.Labels {
		if l := fold(l); l == "bug" || l == "anomalie" || l == "type::bug" || l == "kind/bug" {
			return true
		}
	}
	return false
}

// listJoiners may stand between two fields of a list.
var listJoiners = setOf(`et ou and or`)

// copiesRecord reports whether the migration word h copies a person's
// record named in its sentence si (a dossier, a request, an account),
// whoever's it is, unless an organisation owns it: the record after the
// word ("migrer les comptes des lecteurs"), or anywhere in the sentence
// when the word is the source ("les demandes de l'ancien tableur"). A
// record before a migrating verb is another clause's ("le bucket des
// pièces jointes … et migrer les objets").
func (s *story) copiesRecord(units []unitText, raw []rawTopicHit, h rawTopicHit, si int) bool {
	text := units[h.unit].text
	source := false
	if b := lastWords(text[:h.start], 2); len(b) > 0 {
		// "depuis l'ancien outil, les dossiers": the records follow; "les
		// candidatures sont conservées 3 ans": a passive verb's subject
		// is what it keeps.
		source = sourceWords[b[0]] || sourceWords[b[len(b)-1]] || auxiliaries[b[len(b)-1]]
	}
	for _, r := range raw {
		t := &s.t.Topics[r.topic]
		if r.unit != h.unit || !t.Has(CategoryPersonalData) || t.Context != ContextOwn && t.Context != ContextPerson ||
			r.start < h.end && !source || sentenceIndex(text, r.start) != si ||
			s.lang == FR && frenchTools[fold(r.word)] || s.c.organisationAfter(text, r.end) || negated(text[:r.start]) {
			continue
		}
		return true
	}
	return false
}

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
	if len(next) > 0 && isOrganisation(next[0]) && !slices.Contains(w, "quelqu") && w[len(w)-1] != "else" {
		// "des tickets ouverts par des collègues d'une autre direction",
		// "les demandes des habitants des autres communes": the people
		// of another unit, when their records are seen.
		p := prevWordStart(text, h.start)
		b := lastWords(text[:h.start], 1)
		return len(b) == 1 && s.c.isPerson(b[0]) && madeBy(text, p) && shownOf(text, p, true)
	}
	if bare {
		// "bookings made by other users", "les missions réservées par
		// les autres bénévoles": other people's records, seen. A fault
		// that "shows other people's orders" or "other members'
		// bookings" shows them to the wrong person; a story that does
		// may be publishing them, which its need says.
		fault := (s.sent == nil || s.bugReport()) && possessiveAfter(text, h.end)
		return len(next) > 0 && s.c.isPerson(next[0]) && (fault || madeBy(text, h.start)) && shownOf(text, h.start, true)
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
	if !questionAfter(text, h.end) {
		b := lastWords(text[:h.start], 2)
		neg := false
		for _, w := range b {
			neg = neg || w == "pas" || w == "not" || w == "jamais" || w == "never"
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
		case ContextPerson, ContextOwn:
			if !s.owned(text, r.start, r.end, false) && !s.fieldList(units, raw, k) {
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
	return false
}

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
var householdWords = setOf(`foyer foyers menage menages famille familles household households family families`)

// publicWords say a document is public: a person's detail shown on it
// is disclosed to everyone.
var publicWords = setOf(`public publique publics publiques publie publiee publies publiees published publier publish`)

// displayPrefixes are the folded prefixes of verbs of showing.
var displayPrefixes = []string{"affich", "visible", "apparai", "imprim", "show", "display", "print", "appear", "expos", "mention", "publier", "publie", "publish"}

// publishedDetail reports whether a public or published document of
// the sentence of h shows a person's detail: "la page publique affiche
// le téléphone du bénévole", "the published response shows the
// requester's email address"; not a page showing opening hours, nor an
// organisation's address.
func (s *story) publishedDetail(units []unitText, raw []rawTopicHit, h rawTopicHit) bool {
	text := units[h.unit].text
	si := sentenceIndex(text, h.start)
	shown := false
	var buf [64]byte
	for pos := sentenceStart(text, h.start); pos < len(text) && !shown; {
		st, e, w := wordAt(text, pos, buf[:])
		if st < 0 || sentenceIndex(text, st) != si {
			break
		}
		for _, p := range displayPrefixes {
			shown = shown || strings.HasPrefix(string(w), p)
		}
		pos = e
	}
	if !shown {
		return false
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

// systemAcronym reports whether a keyword found after "via" or "grâce
// à" ends with an acronym naming a register or a system ("via le SIV",
// "grâce au RNIPP"), not a channel or a format ("via SMS", "via un
// PDF") nor a product's name ("via FranceConnect"); other keywords name
// their system themselves.
func systemAcronym(word string) bool {
	ws := words(word)
	if len(ws) == 0 || ws[0] != "via" && ws[0] != "grace" {
		return true
	}
	raw := strings.Fields(strings.NewReplacer("'", " ", "’", " ").Replace(word))
	last := raw[len(raw)-1]
	if len(last) < 2 || strings.ToUpper(last) != last || channelAcronyms[last] {
		return false
	}
	return true
}

// channelAcronyms name channels and formats, not systems.
var channelAcronyms = setOf(`SMS MMS PDF CSV XML JSON HTML URL QR FAQ RSS USB GPS API`)

// transfersRecord reports whether the text after a verb of sending in
// the need sends a person's record to an organisation or a body: "son
// dossier au nouvel établissement", "the applicant's case to the
// council"; not "le dossier à un autre instructeur" (a colleague: an
// assignment), nor "la demande de subvention de l'association".
func (s *story) transfersRecord(after string) bool {
	record := false
	ws := firstWords(after, 12)
	for i, w := range ws {
		switch {
		case (w == "a" || w == "au" || w == "aux" || w == "to" || w == "vers") && record:
			for j, x := range ws[i+1:] {
				if roleArticles[x] || x == "l" || x == "nouvel" || x == "nouveau" || x == "nouvelle" || x == "new" || x == "autre" || x == "another" {
					continue
				}
				// One adjective may stand first: "to the new local
				// authority", "to the receiving school".
				return isOrganisation(x) || i+j+2 < len(ws) && isOrganisation(ws[i+j+2])
			}
			return false
		case organisationWord(w):
			return false // the organisation's record
		case s.c.records[stem(w)] || s.c.people[stem(w)]:
			record = true
		}
	}
	return false
}

// sourceWords say where records come from: "de l'ancien logiciel",
// "depuis l'ancien outil", "from the legacy system".
var sourceWords = setOf(`de du des depuis d from`)

// tenderRoles name who answers a call for tenders or holds a contract:
// companies, when the sentence names an organisation or a tender's
// document; in a recruitment or an exam the same words are people.
var tenderRoles = setOf(`candidat candidats titulaire titulaires laureat laureats candidate candidates bidder bidders`)

// tenderDocuments are the documents of a call for tenders: an
// organisation's commercial answer, not a person's record.
var tenderDocuments = setOf(`offre offres devis pli plis prix tarif tarifs soumission soumissions marche marches consultation
	consultations memoire bid bids tender tenders quote quotes`)

// tenderDocumentBefore reports whether a text names a tender's document.
func tenderDocumentBefore(text string) bool { return anyWordIn(text, tenderDocuments) }
