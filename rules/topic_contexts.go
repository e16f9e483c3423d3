package rules

import (
	"strings"
	"unicode/utf8"
)

// The checks behind the topic contexts that read more than a word:
// lists of fields, providers, migrations, transfers, tenders (see
// TopicContext and resolveTopics); other people's data and who sees
// what are in others_data.go.

// fieldList reports whether a person's detail is listed with another
// one ("nom, prénoms, date de l'acte", "names and addresses"): a list of
// such fields names personal data, whoever the sentence says they
// belong to.
func (s *story) fieldList(units []unitText, raw []rawTopicHit, k int) bool {
	h := raw[k]
	text := units[h.unit].text
	if fieldsOfThing(text, h.start) {
		return false // "pour chaque bâtiment : nom, adresse, statut": a building's fields
	}
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

// fieldsOfThing reports whether the fields at offset start are listed, on
// their line, after "pour chaque <organisation or place> :" or "for each
// <…>:": "pour chaque école : nom, adresse, statut" are the school's.
func fieldsOfThing(text string, start int) bool {
	line := strings.LastIndexByte(text[:start], '\n') + 1
	colon := strings.LastIndexByte(text[line:start], ':')
	if colon < 0 {
		return false
	}
	head := text[line : line+colon]
	if !containsASCIIFold(head, "chaque") && !containsASCIIFold(head, "each") && !containsASCIIFold(head, "par ") && !containsASCIIFold(head, "per ") {
		return false // checked first, with no copy: it runs for every field listed
	}
	b := lastWords(head, 2)
	if len(b) != 2 || b[0] != "chaque" && b[0] != "each" && b[0] != "par" && b[0] != "per" {
		return false
	}
	return organisationNoun(b[1]) || listedPlaces[b[1]] || listedPlaces[strings.TrimSuffix(b[1], "s")]
}

// listedPlaces are places and things whose fields a list may give.
var listedPlaces = setOf(`batiment site salle equipement lieu local parc stand emplacement building venue room school pitch`)

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
		if opensWith(line, "bug") {
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

// epic reports whether the issue is an epic: its title opens with
// "Epic", "Épopée" or "[EPIC]", or it carries such a label. Each item of
// its list is a story to come, so a person's record an item names is
// one the epic's stories handle.
func (s *story) epic() bool {
	if opensWith(s.in.Title, "epic", "epopee") {
		return true
	}
	for _, l := range s.in.Labels {
		if l := fold(l); l == "epic" || l == "epopee" || l == "type::epic" {
			return true
		}
	}
	return false
}

// epicItem reports whether a unit is an item of an epic's list: a story
// to come.
func (s *story) epicItem(u unitText) bool {
	return u.block != nil && u.block.kind == blockItem && s.epic()
}

// opensWith reports whether a line's first word, past "[", "#", "*" and
// spaces, folds to one of words: a whole word, so "Épicerie solidaire"
// opens with no "epic". Only the line's first bytes are folded: folding
// the whole line, once per topic hit, made a 64 KB one-line body
// quadratic.
func opensWith(line string, words ...string) bool {
	// Folded on the stack: it runs for every issue's title and first line.
	var buf [32]byte
	t := appendFold(buf[:0], firstBytes(strings.TrimLeft(line, "[ #*"), 10))
	for _, w := range words {
		if len(t) >= len(w) && string(t[:len(w)]) == w && (len(t) == len(w) || !isWordRune(rune(t[len(w)]))) {
			return true
		}
	}
	return false
}

// firstBytes returns at most the first n bytes of s, cut on a rune
// boundary.
func firstBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
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
// council", shared "with the school"; not "le dossier à un autre
// instructeur" (a colleague: an assignment), nor "la demande de
// subvention de l'association".
func (s *story) transfersRecord(after string) bool {
	record := false
	ws := firstWords(after, 12)
	if k := organisationFirst(ws, s.lang); k > 0 {
		// The body first, the record after: "transmettre au CCAS le
		// dossier d'un abonné", "send to the council the tenant's file".
		rest := ws[k:]
		if len(rest) > 1 && (rest[0] == "du" || rest[0] == "de" || rest[0] == "des" || rest[0] == "of") {
			rest = rest[2:] // "au cabinet du préfet": the body's complement
		} else if len(rest) > 2 && !roleArticles[rest[0]] && !possessives[rest[0]] && (roleArticles[rest[1]] || possessives[rest[1]]) {
			rest = rest[1:] // "au centre hospitalier", "à la police nationale": one adjective after the body
		}
		// What is sent follows as the verb's object: an article, then
		// the record ("le dossier d'un abonné", "the tenant's file").
		if len(rest) < 2 || !roleArticles[rest[0]] && !possessives[rest[0]] && rest[0] != "l" {
			return false
		}
		for i, w := range rest[1:min(len(rest), 4)] {
			if s.c.records[stem(w)] || sheetWords[w] || s.c.attributes[stem(w)] && s.personAfter(rest[i+2:]) {
				return true
			}
		}
		return false
	}
	for i, w := range ws {
		switch {
		case (w == "a" || w == "au" || w == "aux" || w == "to" || w == "vers" || w == "avec" || w == "with") && record:
			for j, x := range ws[i+1:] {
				if roleArticles[x] || x == "l" || newWords[x] {
					continue
				}
				// One adjective may stand first: "to the new local
				// authority", "to the receiving school".
				return isOrganisation(x) || i+j+2 < len(ws) && isOrganisation(ws[i+j+2])
			}
			return false
		case organisationWord(w):
			return false // the organisation's record
		case s.c.records[stem(w)] || s.c.people[stem(w)] || s.c.attributes[stem(w)] && s.personAfter(ws[i+1:]):
			record = true
		}
	}
	return false
}

// personAfter reports whether a person is named within the first five
// words of ws: the owner of a detail sent ("l'adresse de chaque
// demandeur"), not a thing's ("l'adresse du site de la manifestation").
func (s *story) personAfter(ws []string) bool {
	for _, w := range ws[:min(len(ws), 5)] {
		if s.c.people[stem(w)] || s.c.personLike(w, s.lang) {
			return true
		}
	}
	return false
}

// organisationFirst returns the index past a recipient body that opens
// the words after a verb of sending ("au CCAS", "to the social
// services", "à la CAF"), 0 when none does.
func organisationFirst(ws []string, lang Lang) int {
	if len(ws) < 2 || !recipient(ws[0], lang) {
		return 0 // English "a" is an article: "forward a council report"
	}
	for i := 1; i < len(ws) && i < 5; i++ {
		if roleArticles[ws[i]] || ws[i] == "l" || newWords[ws[i]] {
			continue
		}
		if isOrganisation(ws[i]) || policeBodies[ws[i]] {
			return i + 1
		}
		if i+1 < len(ws) && isOrganisation(ws[i+1]) {
			return i + 2 // one adjective first: "to the social services"
		}
		return 0
	}
	return 0
}

// policeBodies receive records sent to them ("transmettre à la police
// nationale le dossier"), though "les véhicules de la police" are driven by
// people, whose position they give: bodies only as a recipient.
var policeBodies = setOf(`police gendarmerie`)

// sheetWords name a record sheet, which is no record keyword of its own
// ("la fiche pratique" is a page): sent to a body it is a person's ("la
// fiche de chaque personne évacuée").
var sheetWords = setOf(`fiche fiches`)

// newWords stand before a body that receives: "au nouvel
// établissement", "to the new local authority".
var newWords = setOf(`nouvel nouveau nouvelle new autre another`)

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

// fieldKeyword reports whether a keyword names a form's field ("champ …
// téléphone", "email field"): a field added collects a detail, a field
// a bug report names exists already.
func fieldKeyword(word string) bool {
	w := fold(word)
	return strings.HasPrefix(w, "champ ") || strings.HasSuffix(w, " field")
}
