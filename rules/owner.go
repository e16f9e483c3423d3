package rules

import (
	"slices"
	"strings"
)

// Whose data a keyword is: a person's (a possessive, "de l'allocataire",
// a record the need handles) or an organisation's.

// beneficiaryWords introduce who a feature is for; aggregateWords a count
// of people, which is no personal data.
var (
	beneficiaryWords = map[Lang]map[string]bool{
		FR: {"pour": true, "destination": true},
		EN: {"for": true},
	}
	aggregateWords = map[string]bool{
		"nombre": true, "nombres": true, "taux": true, "total": true, "totaux": true, "statistique": true,
		// A flow of people is counted: "le flux de visiteurs par jour".
		"flux": true, "footfall": true,
		"statistiques": true, "pourcentage": true, "part": true, "moyenne": true, "combien": true,
		"count": true, "counts": true, "number": true, "numbers": true, "rate": true, "rates": true, "share": true,
		"percentage": true, "average": true, "totals": true, "moyen": true, "moyens": true, "median": true, "mediane": true, "mean": true,
		"many": true, "statistics": true, "proportion": true,
		// A breakdown is a count too: "par tranche d'âge", "la répartition
		// des enfants", "aggregated figures".
		"tranche": true, "tranches": true, "repartition": true, "ventilation": true, "agrege": true,
		"agreges": true, "agregee": true, "agregees": true, "aggregate": true, "aggregated": true,
		"breakdown": true,
		// Metrics and indicators are counts too: "key metrics about usage
		// such as users", "les indicateurs de suivi des bénéficiaires".
		"metrics": true, "metric": true, "metriques": true, "kpi": true, "kpis": true, "indicateurs": true,
		// A sum is a count of money: "sum of online card payments".
		"sum": true, "sums": true,
	}
	possessives = map[string]bool{
		"mon": true, "ma": true, "mes": true, "ton": true, "ta": true, "tes": true, "son": true, "sa": true,
		"ses": true, "notre": true, "nos": true, "votre": true, "vos": true, "leur": true, "leurs": true,
		"my": true, "your": true, "his": true, "her": true, "their": true, "our": true,
	}
	ofWords          = map[string]bool{"de": true, "du": true, "des": true, "d": true, "of": true}
	firstPossessives = map[string]bool{"mon": true, "ma": true, "mes": true, "notre": true, "nos": true, "my": true, "our": true}
	// thirdPossessives point at someone other than the speaker.
	thirdPossessives = map[string]bool{"son": true, "sa": true, "ses": true, "leur": true, "leurs": true, "his": true, "her": true, "their": true}
)

// owned reports whether the keyword at text[start:end] belongs to a
// person: a possessive before it ("mon adresse", "their phone"), a person
// after it ("l'adresse de l'allocataire", "the name of the applicant"),
// a person's "'s" before it, or, when the story is a citizen's, a word
// of its own need ("annuler une réservation": the citizen's own).
func (s *story) owned(text string, start, end int, inSentence bool) bool {
	before := lastWords(text[:start], 3)
	if deviceWords[lastWord(text[start:end])] && usedAsDevice(lastWords(text[:start], 5)) {
		return false
	}
	for k := len(before) - 1; k >= 0; k-- {
		if placePrepositions[before[k]] {
			return false // "créer une clé depuis mon compte": where, not what
		}
		if !roleArticles[before[k]] && !possessives[before[k]] && before[k] != "l" {
			break
		}
	}
	// Walking back from the word, a possessive counts before any article:
	// "mon attestation de QF", not "mon espace les coordonnées".
	for k := len(before) - 1; k >= 0; k-- {
		w := before[k]
		if roleArticles[w] && w != "a" {
			break
		}
		switch {
		case !possessives[w]:
		case inSentence && s.aboutOrganisation() || firstPossessives[w] && s.organisationPersona():
			// A record in a sentence about an organisation is the
			// organisation's, whoever "sa demande" points at; "ma
			// demande" of an association is the association's.
		case thirdPossessives[w]:
			// "son adresse": whose? A person named before it in the
			// sentence ("l'allocataire … à son adresse"), not "un
			// service avec son adresse".
			if s.c.personBefore(text, start, s.lang) {
				return true
			}
			// "- leurs coordonnées sont conservées jusqu'au scrutin
			// suivant": a criterion opened by the possessive points back
			// at the people of the need ("reprendre les assesseurs").
			if !inSentence && lineOpensWith(text, start, before, k) && s.sent != nil &&
				s.c.personBefore(s.sent.Action, len(s.sent.Action), s.lang) {
				return true
			}
		default:
			return true
		}
	}
	if len(before) >= 2 && proofWords[before[len(before)-2]] && ofWords[before[len(before)-1]] && s.citizenPerson() &&
		anyWordIn(text[sentenceStart(text, start):start], sendingForms) {
		// "upload proof of address", "joindre un justificatif de
		// domicile": the person's own document about the detail, sent;
		// "which proof of address is accepted" is the service's rule.
		return true
	}
	if len(before) > 0 {
		// "the applicant's address": the tokenizer split "applicant's".
		if w := before[len(before)-1]; w == "s" {
			if prev := lastWords(text[:start], 3); len(prev) == 3 && s.c.isPerson(prev[0]) {
				return true
			}
		}
	}
	// "un demandeur a un handicap", "a claimant has a disability"; not
	// people as an audience ("accessible aux personnes en situation de
	// handicap", "pour les personnes en situation").
	for i, w := range before {
		if s.c.isPerson(w) {
			return !s.audienceBefore(lastWords(text[:start], len(before)+2), len(before)-i)
		}
	}
	after := firstWords(text[end:], 5)
	for i, w := range after {
		if !ofWords[w] {
			if i >= 2 {
				break
			}
			continue
		}
		for _, x := range after[i+1:] {
			if roleArticles[x] || x == "l" || x == "chaque" || possessives[x] || x == "autre" || x == "autres" || quantifiers[x] {
				continue // "l'adresse d'un autre abonné", "le téléphone de tous les bénéficiaires"
			}
			if s.c.personLike(x, s.lang) {
				return true
			}
			break
		}
		break
	}
	return inSentence && s.ownInNeed(text[start:end])
}

// quantifiers stand between "de" and the people a detail belongs to:
// "de tous les bénéficiaires", "of every client".
var quantifiers = setOf(`tous toutes every each all any`)

// ownInNeed reports whether a record named word is one the story's need
// handles as a person's: any record of a citizen's need (their own); in
// an agent's need, a record it acts on, not a detail of something else
// ("la date de chaque dossier", "le montant dans la liste des
// dossiers"); never in a count ("le nombre de dossiers") nor when the
// sentence names an organisation.
func (s *story) ownInNeed(word string) bool {
	if s.sent == nil || s.sent.Action == "" || s.aboutOrganisation() {
		return false
	}
	// An aside in parentheses ("un export Excel (xlsx, 10 000 lignes
	// maximum) des inscriptions") does not part a record from its head.
	ws := words(withoutAsides(s.sent.Action))
	target := words(word)
	if len(target) == 0 {
		return false
	}
	at := indexWords(ws, target)
	if at < 0 {
		// The record is in the aside: "mon assurance (compagnie et
		// numéro de contrat)".
		ws = words(s.sent.Action)
		if at = indexWords(ws, target); at < 0 {
			return false
		}
	}
	for _, w := range ws[:at] {
		if aggregateWords[w] {
			return false
		}
	}
	switch s.act {
	case actBrowse, actWorkflow, actRestrict, actOwnDelete:
		// Browsing, moving a record along its workflow, a rule on what
		// may be filed, deleting one's own draft: nothing new processed.
		return false
	}
	if at > 1 && ofWords[ws[at-1]] && uiNouns[ws[at-2]] {
		return false // "un parcours de réservation plus simple": the screens, not the booking
	}
	if s.citizenPerson() || s.act == actAccess {
		return true
	}
	// An agent acts on the records before a clause; a record in "quand
	// une demande dépasse le délai" only sets when.
	for _, w := range ws[:at] {
		if subordinators[w] {
			return false
		}
	}
	// A complement of another noun is a detail; "l'ensemble des", "la
	// liste des", "tous les" open the records themselves.
	for k := 0; k < at; k++ {
		if !prepositions[ws[k]] {
			continue
		}
		if (ws[k] == "des" || ws[k] == "du") && (k == 0 || frInfinitive(ws[k-1])) {
			continue // "supprimer des commentaires": an article
		}
		if k > 0 && quantityHeads[ws[k-1]] || k > 1 && quantityHeads[ws[k-2]] {
			continue
		}
		if placeInTool(ws[k:at]) {
			continue // "saisir dans l'outil une demande": where it is typed
		}
		return false
	}
	return true
}

// uiNouns name a part of the interface: a record after "de" qualifies it.
var uiNouns = map[string]bool{
	"parcours": true, "formulaire": true, "page": true, "ecran": true, "bouton": true, "lien": true,
	"menu": true, "onglet": true, "interface": true, "tunnel": true, "form": true, "screen": true,
	"button": true, "link": true, "tab": true,
}

// proofWords name a document that proves a person's detail; sendingForms
// give it to the service.
var (
	proofWords   = setOf(`justificatif justificatifs attestation attestations preuve preuves proof proofs certificat certificate evidence`)
	sendingForms = setOf(`joindre joins joint televerser televerse deposer depose envoyer envoie transmettre transmets fournir fournis
		ajouter ajoute upload uploads attach attaches submit submits send sends provide provides add adds`)
)

// placePrepositions say where a feature is: the record after them is a
// place of the interface, not what the need handles.
var placePrepositions = map[string]bool{"depuis": true, "from": true, "via": true, "sur": true, "on": true}

// deviceWords name a phone as a device as well as a number;
// instrumentPrepositions make it the device ("avec mon téléphone", "par
// téléphone", "with their phone").
var (
	deviceWords            = setOf(`telephone telephones portable portables mobile mobiles smartphone smartphones phone phones`)
	instrumentPrepositions = setOf(`avec par with by`)
)

// audienceBefore reports whether the person word at ws[len(ws)-back] is
// named as an audience: after "pour", "for", or an adjective of access
// and "aux" ("accessible aux", "adapté aux", "available to"); not after a
// verb ("notifie aux parents": they receive it).
func (s *story) audienceBefore(ws []string, back int) bool {
	at := len(ws) - back
	for k := at - 1; k >= 0 && k >= at-2; k-- {
		w := ws[k]
		switch {
		case roleArticles[w] || w == "l":
			continue
		case beneficiaryWords[s.lang][w]:
			return true
		case (w == "aux" || w == "au" || w == "a" || w == "to") && k > 0 && audienceAdjectives[ws[k-1]]:
			return true
		}
		return false
	}
	return false
}

// audienceAdjectives say whom something is made for.
var audienceAdjectives = setOf(`accessible accessibles adapte adaptee adaptes adaptees destine destinee destines destinees
	reserve reservee reserves reservees ouvert ouverte ouverts ouvertes dedie dediee dedies dediees
	available open adapted suited dedicated intended reserved`)

// usedAsDevice reports whether the words before a phone say it is the
// device one uses: "photographier avec leur téléphone", "avec ma tablette
// et mon téléphone", "par téléphone"; not "le nom et le téléphone de".
func usedAsDevice(before []string) bool {
	if len(before) == 0 {
		return false
	}
	if last := before[len(before)-1]; !possessives[last] && !instrumentPrepositions[last] {
		return false
	}
	return slices.ContainsFunc(before, func(w string) bool { return instrumentPrepositions[w] })
}

// subordinators open a clause of time or condition.
var subordinators = map[string]bool{
	"quand": true, "lorsque": true, "lorsqu": true, "si": true, "when": true, "if": true,
	"once": true, "whenever": true, "until": true, "jusqu": true, "tant": true,
}

// negatedNeed reports whether a need, as words, is a restriction: "ne
// dois pas pouvoir …", "ne vois que …", "must not be able to …".
func negatedNeed(ws []string) bool {
	if len(ws) > 0 && (ws[0] == "ne" || ws[0] == "n") {
		return len(ws) < 3 || ws[1] != "ai" && ws[1] != "plus" // "n'ai plus à" is a need
	}
	return len(ws) > 2 && (ws[1] == "not" && (ws[0] == "must" || ws[0] == "should" || ws[0] == "cannot") || ws[0] == "cannot")
}

// prepositions open a complement: a record after one is a detail of
// something else.
var prepositions = map[string]bool{
	"de": true, "d": true, "du": true, "des": true, "dans": true, "sur": true, "par": true, "pour": true,
	"entre": true, "avec": true, "selon": true, "vers": true, "of": true, "in": true, "on": true, "by": true,
	"for": true, "with": true, "from": true, "per": true, "within": true, "into": true,
}

// quantityHeads name a set of the records that follow: "l'ensemble des
// dossiers", "la liste des demandes", "all of the cases".
var quantityHeads = map[string]bool{
	"ensemble": true, "liste": true, "totalite": true, "tous": true, "toutes": true, "list": true, "all": true,
	"export": true, "extraction": true, "donnees": true, "data": true, "records": true, "contenu": true,
}

// citizenPerson reports whether the persona is a natural person served by
// the service: a citizen persona of the template, or a role the template
// does not know, whose first word names a person ("locataire",
// "lecteur"); not "association". The records of its need are its own.
func (s *story) citizenPerson() bool {
	if s.sent == nil || !s.citizen() && s.persona >= 0 && !s.servedExploitant() {
		return false
	}
	first, head, ok := roleHead(s.sent.Role, s.sent.Lang)
	if !ok {
		return false
	}
	// "futurs époux"; English compounds name the person last: "plot
	// holder", "council tenant".
	if s.c.isPerson(first) || s.c.isPerson(head) {
		return true
	}
	// A role named like a person by what they do: a citizen persona of the
	// template ("particulier") whatever its need; a role the template does
	// not know ("apiculteur", "beekeeper") when its need names its own
	// records and no organisation.
	return personShaped(head, s.sent.Lang) && (s.citizen() || s.persona < 0 && s.ownRecords() && !s.aboutOrganisation())
}

// roleHead returns a role's first word past its articles and adjectives
// ("futurs époux": "epoux") and the word that names the person: the same
// in French, the last in English ("plot holder": "holder").
func roleHead(role string, lang Lang) (first, head string, ok bool) {
	ws := words(role)
	for _, w := range ws {
		if roleArticles[w] || roleAdjectives[w] {
			continue
		}
		head = w
		if lang == EN {
			head = ws[len(ws)-1]
		}
		return w, head, true
	}
	return "", "", false
}

// unknownPersonBooking reports whether a role the template does not know,
// named like a person ("randonneur", "plaisancier", "hiker"), by a person
// word of the template or by a tie ("proche du défunt"), books something or
// holds a place ("bloquer une place sur la chaîne"): a booking is in the
// booker's name, whatever the records its need names ("réserver une nuit
// au refuge"). Staff the template knows keep their own reading.
func (s *story) unknownPersonBooking(word string) bool {
	// The word first: it runs for every citizen keyword of a story whose
	// persona is no citizen, and aboutOrganisation reads the whole need.
	if w := fold(word); !strings.HasPrefix(w, "reserv") && !strings.HasPrefix(w, "bloqu") && w != "book" || s.sent == nil || s.persona >= 0 || s.aboutOrganisation() {
		return false
	}
	if s.roleInOrganisation() {
		return false // "trésorier d'association", "assistante du service": in an organisation's name
	}
	_, head, ok := roleHead(s.sent.Role, s.sent.Lang)
	return ok && (personShaped(head, s.sent.Lang) || s.c.isPerson(head) || kinRoles[head])
}

// kinRoles name a person by their tie to another ("proche du défunt",
// "conjoint d'un résident"): nouns the people topic only lists in phrases.
var kinRoles = setOf(`proche proches conjoint conjointe aidant aidante`)

// staffPlaces, in a role, say it works for the service or a body.
var staffPlaces = setOf(`service services mairie commune ville departement region ministere prefecture musee
	bibliotheque parc council department office`)

// roleAdjectives come before the person a role names.
var roleAdjectives = setOf(`futur future futurs futures nouveau nouvel nouvelle nouveaux nouvelles new prospective`)

// personBefore reports whether the sentence that holds offset off names a
// person before it.
func (c *compiled) personBefore(text string, off int, lang Lang) bool {
	start := 0
	for i := off - 1; i > 0; i-- {
		if text[i] == '\n' || (text[i] == '.' || text[i] == '!' || text[i] == '?') && i+1 < len(text) && text[i+1] == ' ' {
			start = i + 1
			break
		}
	}
	var buf [64]byte
	for pos := start; pos < off; {
		st, e, w := wordAt(text[:off], pos, buf[:])
		if st < 0 {
			break
		}
		if c.personLike(string(w), lang) {
			return true
		}
		pos = e
	}
	return false
}

// inBenefitOnly reports whether a word of the sentence is in its benefit
// and not in its need.
func (s *story) inBenefitOnly(word string) bool {
	if s.sent == nil || s.sent.Benefit == "" {
		return false
	}
	w := fold(word)
	return strings.Contains(fold(s.sent.Benefit), w) && !strings.Contains(fold(s.sent.Action), w)
}

// inNeed reports whether a word is part of the story's need.
func (s *story) inNeed(word string) bool {
	return s.sent != nil && s.sent.Action != "" && strings.Contains(fold(s.sent.Action), fold(word))
}

// circumstanceWords open a complement of time or reference inside a need:
// what follows is when or by what, not what the story handles ("voir
// les pièces à fournir avant de commencer ma demande", "selon le motif
// de mon rendez-vous", "before applying").
var circumstanceWords = setOf(`avant apres selon suivant quand lorsque lorsqu before after according when whenever`)

// relativeWords open a relative clause: what follows qualifies a noun of
// the need ("les applications auxquelles je peux demander l'accès").
var relativeWords = setOf(`auxquelles auxquels auquel laquelle lesquelles lesquels which whom`)

// inCircumstance reports whether a word of the need comes after a
// circumstance word.
func (s *story) inCircumstance(word string) bool {
	if s.sent == nil || s.sent.Action == "" {
		return false
	}
	need := fold(s.sent.Action)
	k := strings.Index(need, fold(word))
	if k < 0 {
		return false
	}
	for _, w := range words(need[:k]) {
		if circumstanceWords[w] || relativeWords[w] {
			return true
		}
	}
	return false
}

// isPerson reports whether a folded word names a person.
func (c *compiled) isPerson(w string) bool { return c.people[stem(w)] }

// placeInTool reports whether words open a place in the tool ("dans
// l'outil", "into the system"): where a record is typed in, not a noun
// the record qualifies.
func placeInTool(ws []string) bool {
	if len(ws) < 2 || ws[0] != "dans" && ws[0] != "in" && ws[0] != "into" {
		return false
	}
	for _, w := range ws[1:min(len(ws), 3)] {
		if toolWords[w] {
			return true
		}
	}
	return false
}

// toolWords name the service's software.
var toolWords = setOf(`outil logiciel application systeme plateforme tool system application software platform`)

// withoutAsides drops what is between parentheses.
func withoutAsides(text string) string {
	if !strings.Contains(text, "(") {
		return text
	}
	var b strings.Builder
	depth := 0
	for _, r := range text {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// indexWords returns where target starts in ws, or -1.
func indexWords(ws, target []string) int {
	for i := 0; i+len(target) <= len(ws); i++ {
		if slices.Equal(ws[i:i+len(target)], target) {
			return i
		}
	}
	return -1
}

// lineOpensWith reports whether before[k], one of the words before
// text[start], is the first word of its line (after a list marker).
func lineOpensWith(text string, start int, before []string, k int) bool {
	lw := words(text[strings.LastIndexByte(text[:start], '\n')+1 : start])
	return len(lw) > 0 && len(lw) == len(before)-k
}
