package rules

import (
	"slices"
	"strings"
)

// The cues needAct reads in a need: own documents and statuses,
// restrictions, security controls, offline copies, computations.

// ownDocument reports whether doc, after a possessive, is a document the
// person already holds, fetched with no new address or channel:
// "télécharger ma convocation", not "recevoir ma carte à une autre
// adresse" nor "par courriel".
func ownDocument(ws []string, doc string) bool {
	if !inSet(documentWords, doc) && !ownDocumentWords[doc] {
		return false
	}
	seen := false
	for _, w := range ws {
		if seen && destinationWords[w] {
			return false
		}
		seen = seen || w == doc
	}
	return true
}

// ownedAfter reports whether "de mon/ma/mes" or "of my" follows w within
// four words: "la carte de transport de mon enfant".
func ownedAfter(ws []string, w string) bool {
	for i := 0; i < len(ws); i++ {
		if ws[i] != w {
			continue
		}
		for j := i + 1; j+1 < len(ws) && j <= i+4; j++ {
			if (ws[j] == "de" || ws[j] == "of") && firstPossessives[ws[j+1]] {
				return true
			}
		}
		return false
	}
	return false
}

// wordBefore returns the word before the first w in ws, or "".
func wordBefore(ws []string, w string) string {
	for i := 1; i < len(ws); i++ {
		if ws[i] == w {
			return ws[i-1]
		}
	}
	return ""
}

// wordAfter returns the word after the first w in ws ("request missing
// evidence": the noun after its adjective), or "".
func wordAfter(ws []string, w string) string {
	for i := 0; i+1 < len(ws); i++ {
		if ws[i] == w {
			return ws[i+1]
		}
	}
	return ""
}

// restrictedVerb returns the verb a negated need forbids: the word after
// "pouvoir", "able to", "be able to".
func restrictedVerb(ws []string) string {
	for i, w := range ws {
		if (w == "pouvoir" || w == "to") && i+1 < len(ws) {
			return ws[i+1]
		}
	}
	return ""
}

// conditionCue reports whether a need, as folded words between spaces,
// states a condition on the act: "sans le plan", "tant que", "avant", or
// a limit ("réserver plus de deux créneaux par semaine", "book more than
// twice a month").
func conditionCue(f string) bool {
	for _, c := range []string{" sans ", " tant que ", " tant qu ", " avant ", " without ", " until ", " before ",
		" plus de ", " plus d ", " deux fois ", " more than ", " twice ",
		// A lock by time: "une fois la séance commencée", "after the deadline".
		" une fois ", " apres ", " after ", " once "} {
		if strings.Contains(f, c) {
			return true
		}
	}
	return false
}

// ownStatus reports whether a need follows the state of one's own record:
// "suivre l'état de mes remboursements", "voir où en est mon permis".
// beforeCircumstance returns the need's words up to a complement of
// time or reference ("before my claim is processed", "avant que ma
// demande soit instruite"): what the story does, not when.
func beforeCircumstance(ws []string) []string {
	for i, w := range ws {
		if i > 0 && circumstanceWords[w] {
			return ws[:i]
		}
	}
	return ws
}

func ownStatus(ws []string, lang Lang) bool {
	status, own := false, false
	for i, w := range ws {
		// "stage" is a step in English, an internship in French ("mon
		// adresse pendant le stage").
		status = status || statusWords[w] || w == "stage" && lang == EN || w == "ou" && i+2 < len(ws) && ws[i+1] == "en" && (ws[i+2] == "est" || ws[i+2] == "sont") ||
			// "ma position sur la liste d'attente", not "ma position GPS"
			w == "position" && i+1 < len(ws) && (ws[i+1] == "sur" || ws[i+1] == "dans" || ws[i+1] == "on" || ws[i+1] == "in")
		// "l'avancement de la demande de mon proche", "my mother's
		// application": a relative's dossier, followed for them.
		own = own || firstPossessives[w] && (i+1 == len(ws) || !relativeNouns[ws[i+1]])
	}
	return status && own
}

// relativeNouns name an adult relative after a possessive ("mon
// proche", "ma mère", "my wife"): the records that follow are theirs. A
// parent's dossier for their child is the parent's own.
var relativeNouns = setOf(`proche proches mere pere parents conjoint conjointe epoux epouse mari femme grand frere soeur
	tante oncle relative relatives mother father husband wife partner grandmother grandfather brother sister mum mom dad`)

// controlCues are the folded starts of words that make a need a
// security control.
var controlCues = []string{"antivir", "en tetes de securite", "security header", "captcha", "robots", "bots ", "anti bot",
	"httponly", "samesite", "hsts",
	"vulnerab", "csp ", "content security", "brute force", "rate limit", "limitation de debit", "malware", "virus ",
	// An allow-list of addresses filters machines, not people.
	"liste blanche", "whitelist", "allowlist", "allow list", "allow listed", "ip autorisees"}

// offlineCues say a need works on a copy kept on a device ("sans
// connexion depuis six mois" is an idle account, not listed).
var offlineCues = []string{"hors connexion", "hors ligne", "sans reseau", "hors reseau", "mode deconnecte",
	"offline", "without network", "sans signal", "no signal", "zone blanche", "zones blanches", "pas de reseau",
	"no network"}

// offline reports whether folded words, between spaces, work offline.
func offline(f string) bool {
	for _, c := range offlineCues {
		if strings.Contains(f, " "+c+" ") {
			return true
		}
	}
	return false
}

// computeCues say a sort or filter computes something new from a
// person's data ("by the distance between the child's home and the
// school"): not browsing.
var computeCues = []string{" distance ", " proximite ", " calcul ", " calcule ", " score ", " age ",
	// A lookup in another system fetches what was not held: "grâce au SIV".
	" grace au ", " grace a la ", " grace a l "}

// nearHomeCues say a need computes a distance or a time from where the
// person lives: "near my home", "quand le car est à 5 minutes de chez
// moi". A notification on such a condition computes it too.
var nearHomeCues = []string{" near where i live ", " near my home ", " pres de chez moi ", " proches de chez moi ",
	" proche de chez moi ", " minutes de chez moi ", " minutes de mon domicile ", " minutes from my home ",
	" minutes from my house ", " metres de chez moi ", " metres de mon domicile "}

func nearHome(f string) bool {
	for _, c := range nearHomeCues {
		if strings.Contains(f, c) {
			return true
		}
	}
	return false
}

func computes(f string) bool {
	if nearHome(f) {
		return true
	}
	for _, c := range computeCues {
		if strings.Contains(f, c) {
			return true
		}
	}
	return false
}

// renewsOwn reports whether a citizen's validation is of their own
// permit or card ("je valide mon permis pour la saison", "validate my
// licence"): a yearly validation is a registration (consolidated
// policy), not a state change of someone else's record.
func renewsOwn(verb, before, next string) bool {
	return (verb == "valider" || verb == "validate") && firstPossessives[before] && inSet(yearlyTitles, next)
}

// ownThing reports whether a need's object, after a possessive of the
// first person, is one of nouns, right after it or after one word: "clôturer
// mon compte", "close my online account", "delete my saved searches".
func ownThing(ws []string, next string, nouns map[string]bool) bool {
	return firstPossessives[wordBefore(ws, next)] && (nouns[next] || nouns[wordAfter(ws, next)])
}

// ownObject reports whether the keyword at text[start:end] holds or is
// followed by a possessive of the first person, directly or after "de":
// "joindre mon bail", "upload my food hygiene certificate", "déposer les
// plans de ma maison".
func ownObject(text string, start, end int) bool {
	if slices.ContainsFunc(words(text[start:end]), func(w string) bool { return firstPossessives[w] }) {
		return true
	}
	// "mon titre", and "les plans de ma maison", "the plans of my house".
	after := firstWords(text[end:], 2)
	return len(after) > 0 && firstPossessives[after[0]] || len(after) == 2 && ofWords[after[0]] && firstPossessives[after[1]]
}

// consentTo reports whether the words right before a need's keyword ask
// for a consent to the act it names: "l'autorisation de photographier",
// "consent to photograph". A person is no act: "l'autorisation de mon
// fils" still names the son.
func consentTo(before []string, keyword string) bool {
	n := len(before)
	if n < 2 || before[n-1] != "de" && before[n-1] != "d" && before[n-1] != "to" || !consentAsked[before[n-2]] {
		return false
	}
	first := firstWords(keyword, 1)
	return len(first) == 1 && !possessives[first[0]] && !roleArticles[first[0]]
}

// consentAsked name a consent or its refusal.
var consentAsked = setOf(`autorisation autoriser consentement consentir permission consent refus refuser`)

// workItems are what a user keeps for their own work: deleting one is
// no processing of anyone's data, whoever the persona ("supprimer mon
// brouillon de réponse").
var workItems = setOf(`brouillon brouillons commentaire commentaires filtre filtres recherche recherches favori favoris signet signets draft drafts comment comments filter filters search searches bookmark bookmarks`)

// accountNouns name a person's account or profile on the service: a
// workflow verb on one's own ends it or decides who sees it ("clôturer
// mon compte", "mark my profile as private"), no step of a dossier.
var accountNouns = setOf(`compte account espace profil profile`)

// yearlyTitles are what a person holds for a season or a year: not a
// slot or a booking, whose validation confirms it ("valider mon
// créneau": workflow).
var yearlyTitles = setOf(`permis licence carte abonnement adhesion pass vignette titre
	permit license card membership subscription`)

// organisationPays reports whether an organisation, named as the
// persona itself ("ETQ société de production", "ETQ entreprise"), pays
// in the need ("payer la redevance par carte", "régler la facture"): the
// card or the account is the organisation's. A person of it ("ETQ
// trésorier d'association") pays with a card of their own.
func (s *story) organisationPays() bool {
	if s.sent == nil || s.sent.Action == "" {
		return false
	}
	rs := words(s.sent.Role)
	if len(rs) == 0 {
		return false
	}
	// The role's head noun: first in French ("association emprunteuse"),
	// last in English ("scrap metal company", "letting agency"); "a
	// company director" or "président d'association" is a person.
	head := rs[0]
	if s.lang == EN {
		head = rs[len(rs)-1]
	}
	if !organisationWord(head) && !(s.lang == EN && englishFirms[head]) {
		return false
	}
	verb, _ := needVerb(s.sent, words(s.sent.Action))
	return payVerbs[verb]
}

// englishFirms head an English role that is a business ("skip hire
// firm", "letting agency"); in French "agence" is also the service's own
// branch, and elsewhere "agency" can be the service itself.
var englishFirms = setOf(`firm firms agency agencies`)

// payVerbs pay a sum.
var payVerbs = setOf(`payer regler acquitter pay`)

// missingPieceAhead reports whether a missing piece is what the need
// asks for, right after the verb or past whom it is asked of ("demander
// au candidat les pièces manquantes").
func missingPieceAhead(ws []string, next string) bool {
	for i, w := range ws {
		if w != next {
			continue
		}
		for _, x := range ws[i:min(len(ws), i+7)] {
			if missingPieceWords[x] {
				return true
			}
		}
		return false
	}
	return false
}

// onAgenda reports whether the need puts a dossier on a session's
// agenda ("inscrire une candidature à l'ordre du jour de la commission",
// "add the application to the panel's agenda"): a state change. Reading
// the dossiers on the agenda ("consulter les recours inscrits à l'ordre
// du jour") is not.
func onAgenda(ws []string, f string) bool {
	if !strings.Contains(f, " a l ordre du jour ") && !strings.Contains(f, " agenda ") {
		return false
	}
	for _, w := range ws[:min(len(ws), 3)] {
		if agendaVerbs[w] {
			return true
		}
	}
	return false
}

// agendaVerbs put an item on an agenda.
var agendaVerbs = setOf(`inscrire inscris inscrit ajouter ajoute mettre mets met add put`)

var statusMoves = []string{" au statut ", " en statut ", " a l etat ", " to the status ", " to status ", " on hold ",
	" en suspens ", " mettre en attente ", " met en attente ", " mets en attente "}

// deletesSelf reports whether a need deletes the person's account or
// details, not one item of theirs: "supprimer mon compte", "erase my
// details", "delete my data" are a deletion rule.
func deletesSelf(f string) bool {
	for _, w := range selfWords {
		if strings.Contains(f, " "+w+" ") {
			return true
		}
	}
	return false
}

// selfWords name a person's account or personal details as a whole.
var selfWords = []string{"compte", "account", "profil", "profile", "details", "donnees", "data", "coordonnees", "informations personnelles"}

// vulnerablePeople reports whether "vulnérable" qualifies people in the
// need ("les personnes vulnérables", "vulnerable residents", "flag a
// household as vulnerable"): a register of people in need of help, not
// a security control. A person named up to three words before counts,
// so that "as" or "comme" may stand between.
func (s *story) vulnerablePeople(ws []string) bool {
	for i, w := range ws {
		if !strings.HasPrefix(w, "vulnerab") {
			continue
		}
		if i+1 < len(ws) && s.c.isPerson(ws[i+1]) {
			return true
		}
		for _, b := range ws[max(0, i-3):i] {
			if s.c.isPerson(b) {
				return true
			}
		}
	}
	return false
}

// secondProcesses reports whether folded need words coordinate a second
// verb that keeps, removes or sends out people's data: "… et archiver son
// dossier", "… and delete their details", "… et les transmettre".
func secondProcesses(ws []string) bool {
	for i := 1; i+1 < len(ws); i++ {
		if ws[i] != "et" && ws[i] != "and" {
			continue
		}
		v := ws[i+1]
		if objectPronouns[v] && i+2 < len(ws) {
			v = ws[i+2]
		}
		if deleteVerbs[v] || exportVerbs[v] || keepOutVerbs[v] {
			return true
		}
	}
	return false
}

// seesAndGetsOwnDocument reports whether a need views then downloads or
// prints one's own document ("voir et télécharger mon contrat", "view
// and print my permit"): the second verb takes nothing out in bulk.
func seesAndGetsOwnDocument(ws []string) bool {
	return len(ws) > 4 && seesThenGets(ws, 0) && ownDocVerbs[ws[2]] && firstPossessives[ws[3]] && ownDocument(ws, ws[4])
}

// seesThenGets reports whether ws[k] is a verb of seeing joined to a
// verb that downloads, prints or exports ("voir et télécharger", "view
// and print"): the second says what is done.
func seesThenGets(ws []string, k int) bool {
	return k+2 < len(ws) && displayVerbs[ws[k]] && (ws[k+1] == "et" || ws[k+1] == "and") && (ownDocVerbs[ws[k+2]] || exportVerbs[ws[k+2]])
}

// keepOutVerbs archive, anonymise or send out what they name.
var keepOutVerbs = setOf(`archiver anonymiser purger transmettre partager publier archive anonymise anonymize purge share publish`)

// attendanceWords say who attended: a workflow verb on them records a
// person's presence ("mark attendance"); a no-show marked absent is a
// step of the booking.
var attendanceWords = setOf(`attendance attended`)
