package rules

import (
	"strings"
	"sync"
)

// What a story's need does with the data it names decides whether it
// processes personal data, as the review policy settles it:
//   - browsing (sort, filter, search, count, view data the same people
//     already see) processes nothing new: no RGPD section, and special
//     categories do not ask for security notes either;
//   - workflow (accept, refuse, cancel, assign, tag, notify through the
//     product's existing channel) processes nothing new either, unless
//     the story names a new kind of data;
//   - a person deleting one item of their own (a draft, a comment) is no
//     deletion rule;
//   - a change of who may see or do what is processing, even written as
//     a restriction ("je ne dois pas pouvoir valider un dossier dont je
//     suis le bénéficiaire").

type needAct uint8

const (
	actProcess needAct = iota
	actBrowse
	actWorkflow
	actAccess
	actOwnDelete
	actRestrict // a negation that is no access rule: "ne dois pas pouvoir déposer sans le plan"
	// actOwnExport: a person exporting their own data ("export my payment
	// history as a PDF"): a document about them, no bulk export.
	actOwnExport
	// actControl: a security control (an antivirus, security headers, a
	// protection against bots): security, no new processing.
	actControl
)

var (
	// Browsing is the policy's list: sort, filter, search, paginate,
	// count, a column, a viewer. Viewing ("voir", "consulter") is a
	// display, which processes what it shows.
	browseVerbs = setOf(`trier filtrer rechercher chercher retrouver paginer compter ordonner reperer relire parcourir
		sort filter search find paginate count order browse narrow`)
	workflowVerbs = setOf(`accepter refuser rejeter valider annuler prolonger cloturer clore classer affecter
		reaffecter attribuer reattribuer assigner etiqueter marquer relancer notifier prevenir alerter informer instruire
		basculer rappeler fusionner scinder regrouper merge split accorder octroyer renoncer desister
		accept reject refuse approve cancel close extend assign reassign tag label mark notify remind alert inform withdraw offer
		acknowledge email`)
	// layoutCues say a need arranges what is already shown.
	layoutCues = []string{"une seule page", "en premier", "dans la liste", "colonne", "visionneuse",
		"s affiche", "s affichent", "s ouvre", "s ouvrent", "on one page", "in the list", "column", "layout",
		"mise en page", "liste a part", "separate list", "en tete de", "en haut de", "bandeau", "plus lisible",
		"revenir a la liste", "retour a la liste", "back to the list", "pagination",
		"at the top of", "banner", "appear first", "appears first", "shown first", "listed first", "oldest first",
		"newest first", "most recent first", "les plus anciens d abord", "les plus anciennes d abord"}
	// accessibilityCues say a need makes an existing feature usable with
	// an assistive technology or another input.
	accessibilityCues = []string{"lecteur d ecran", "lecteurs d ecran", "au clavier", "plage braille",
		"contraste", "zoom", "sous titre", "sous titres", "screen reader", "screen readers", "keyboard",
		"high contrast", "captions", "rgaa", "wcag"}
	exportVerbs = setOf(`exporter extraire telecharger imprimer export download print extract`)
	// checkVerbs read content to check it: a column they name is data, not
	// a layout.
	checkVerbs = setOf(`verifier controler detecter analyser check verify detect scan`)
	// displayVerbs show or tell what is held; with a stateCue, the need is
	// a work list, a filter by state of records the same people handle.
	displayVerbs = setOf(`voir consulter afficher savoir connaitre comprendre lister acceder see view display know understand list show access`)
	stateCues    = []string{"en attente", "en retard", "non traite", "non traites", "non traitee",
		"non traitees", "n ont pas", "n a pas ete", "pas encore", "depuis plus de", "pending", "overdue",
		"not yet", "have not been", "has not been", "awaiting"}
	// A person following the state of their own dossier, booking or
	// claim: no new data, recipient or channel.
	statusWords = setOf(`avancement etat statut etape rang progress status rank`)
	deleteVerbs = setOf(`supprimer effacer retirer enlever delete remove erase`)
	browseNouns = setOf(`recherche filtre filtres tri visionneuse colonne colonnes compteur pagination liste
		search filter sort viewer column columns counter pagination list`)
	receiveForms  = setOf(`recevoir recois recoit recoive recoivent receive receives get gets`)
	ownDocVerbs   = setOf(`recevoir recois telecharger telecharge imprimer imprime retrouver retrouve download print receive get`)
	documentWords = setOf(`attestation arrete decision courrier facture certificat recepisse justificatif avis
		notification notifications confirmation billet invoice certificate receipt letter decision ticket
		acknowledgement`)
	// ownDocumentWords: documents a person holds, after "mon/ma/my".
	// A contract, a permit, a schedule of payments or a statement of one's
	// own is a document too ("télécharger mon contrat", "download my
	// tenancy agreement", "my payment schedule").
	ownDocumentWords = setOf(`convocation extrait quittance bulletin recu carte contrat permis echeancier releve
		agreement contract permit licence license schedule statement`)
	// destinationWords send a document somewhere new or by a new channel
	// ("à une autre adresse", "par courriel").
	destinationWords = setOf(`par by via adresse address`)
	// missingPieceWords: what an agent asks a person to complete a
	// dossier with.
	missingPieceWords = setOf(`piece pieces complement complements justificatif justificatifs precision precisions
		document documents evidence information`)
	// notifiedForms: participles of being notified.
	notifiedForms = setOf(`prevenu prevenue prevenus prevenues notifie notifiee notifies notifiees alerte alertee alertes alertees
		informe informee informes informees averti avertie avertis averties relance relancee relances relancees
		rappele rappelee rappeles rappelees notified alerted informed told warned reminded chased`)
	// messageWords: what the existing channel carries ("envoyer une
	// proposition à plusieurs remplaçants" is an offer sent that way).
	messageWords = setOf(`alerte alertes notification notifications courriel courriels courrier courriers mail mails email emails
		sms rappel rappels message messages relance relances alert alerts reminder reminders text
		proposition propositions letter letters convocation convocations invitation invitations`)
	accessWords = []string{
		"ne dois pas pouvoir", "ne doit pas pouvoir", "ne doivent pas pouvoir", "ne peux pas voir",
		"ne peux pas ouvrir", "ne peux pas consulter", "ne peux pas modifier", "ne peux pas acceder",
		"ne vois que", "ne voit que", "vois uniquement", "voit uniquement", "visible par", "visibles par",
		"visible que par", "visibles que par", "donner acces", "ouvrir l acces", "droit de", "droits d acces",
		"habilitation", "habilitations", "role", "roles", "must not", "should not be able", "only see", "give access", "grant access",
		"request access", "permission", "permissions", "rights",
		// "j'attribue le profil « magistrat »": attribuer alone is an
		// assignment (workflow), a profile given is a right.
		"attribuer le profil", "attribue le profil", "attribuer un profil", "attribue un profil",
		"attribuer les profils", "attribue les profils", "affecter le profil", "affecte le profil",
	}
	// participles of "être prévenu", "be notified".
	participleVerbs = map[string]string{
		"prevenu": "prevenir", "prevenue": "prevenir", "alerte": "alerter", "alertee": "alerter",
		"notifie": "notifier", "notifiee": "notifier", "informe": "informer", "informee": "informer",
		"deconnecte": "deconnecter", "notified": "notify", "alerted": "alert", "informed": "inform",
		"reminded": "remind",
	}
)

// processes reports whether the act handles the data its sentence names:
// anew (process, export of one's own data) or by changing who may see it.
func (a needAct) processes() bool {
	return a == actProcess || a == actAccess || a == actOwnExport
}

// accessKeys are the accessWords folded, between spaces.
var accessKeys = sync.OnceValue(func() []string {
	out := make([]string, len(accessWords))
	for i, a := range accessWords {
		out[i] = " " + TermKey(a) + " "
	}
	return out
})

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// needAct classifies what the story's need does.
func (s *story) needAct() needAct {
	p := s.sent
	if p == nil || p.Action == "" {
		return actProcess
	}
	ws := words(p.Action)
	f := " " + strings.Join(ws, " ") + " "
	for _, a := range accessKeys() {
		if !strings.Contains(f, a) {
			continue
		}
		if negatedNeed(ws) && conditionCue(f) && !seeVerbs[restrictedVerb(ws)] {
			// "je ne dois pas pouvoir déposer un dossier sans le plan":
			// a rule on what may be filed, not on who may do it.
			return actRestrict
		}
		return actAccess
	}
	if negatedNeed(ws) {
		return actRestrict
	}
	for _, c := range controlCues {
		if strings.Contains(f, " "+c) && (c != "vulnerab" || !s.vulnerablePeople(ws)) {
			// A security control protects a feature: naming the
			// feature's records or users processes nothing new.
			return actControl
		}
	}
	if secondProcesses(ws) && !seesAndGetsOwnDocument(ws) {
		// "clore l'accompagnement et archiver son dossier": the step
		// moves the dossier along, the second verb keeps or removes
		// the person's data.
		return actProcess
	}
	for _, c := range statusMoves {
		if strings.Contains(f, c) {
			// "passer une demande au statut « complète »": a state change.
			return actWorkflow
		}
	}
	if onAgenda(ws, f) {
		return actWorkflow
	}
	if s.citizenPerson() && ownStatus(beforeCircumstance(ws), s.lang) {
		// "suivre l'état de ma demande"; not "change my bank details
		// before my claim is processed", whose status only says when.
		return actWorkflow
	}
	if offline(f) {
		// A copy of the records already handled, kept on a device: no
		// new processing; the device is a security matter (the
		// offline-copy topic, when records are named).
		return actWorkflow
	}
	verb, next := needVerb(p, ws)
	if !checkVerbs[verb] && !addVerbs[verb] && !computes(f) {
		for _, cue := range layoutCues {
			if strings.Contains(f, " "+cue+" ") {
				return actBrowse // a layout of what the same people already see
			}
		}
	}
	if s.hiddenFromList(ws) {
		return actBrowse // "les dossiers clôturés masqués de la liste": a view of what is held
	}
	for _, cue := range accessibilityCues {
		if strings.Contains(f, " "+cue+" ") {
			return actBrowse // the same feature, usable by everyone
		}
	}
	if (verb == "retrouver" || verb == "find") && (firstPossessives[next] || len(ws) > 1 && firstPossessives[ws[1]]) {
		if ownDocument(ws, next) || s.lang == EN && ownDocument(ws, wordAfter(ws, next)) {
			return actWorkflow // "retrouver mon contrat signé": one's own document
		}
		return actProcess // "je retrouve mes brouillons": kept for me
	}
	if s.publicContent(verb, ws, next) {
		// "consulter les conditions d'attribution", "voir les créneaux
		// disponibles pour une demande de passeport": what the service
		// publishes, read by anyone.
		return actBrowse
	}
	if (displayVerbs[verb] || verb == "ouvrir" || verb == "open") && s.persona >= 0 && s.onePersonsRecord(ws) {
		// "consulter la fiche d'un bénéficiaire", "see the information
		// about the claimant on one screen": one record its usual users
		// already open, shown again.
		return actBrowse
	}
	if (displayVerbs[verb] || receiveForms[verb]) && s.recordsShown(ws, next) && !computes(f) {
		// "voir la liste des rendez-vous du jour", "afficher les demandes
		// par quartier": records the same people already handle, shown
		// again; a list of people or of their details is a new display.
		return actBrowse
	}
	if displayVerbs[verb] && s.ownRecordOnly(ws) {
		// "voir mes congés", "see my bookings": a person viewing their
		// own records, as their own documents.
		return actWorkflow
	}
	if editVerbs[verb] && s.citizenPerson() && s.ownRecordOnly(beforeCircumstance(ws)) && !s.changesDetail(ws) {
		// "modifier ma demande", "déplacer mon rendez-vous": the person's
		// own record, same data, same recipients; "modifier mon adresse"
		// names a detail and stays processing.
		return actWorkflow
	}
	if displayVerbs[verb] {
		for _, cue := range stateCues {
			if strings.Contains(f, " "+cue+" ") {
				return actBrowse // a work list: records filtered by their state
			}
		}
	}
	// A notification to someone ("je reçois une alerte", "que
	// l'allocataire reçoive un rappel par SMS"), not a new document sent
	// ("une copie PDF de mon dossier").
	// "que l'autre parent reçoive aussi les courriers": a new recipient,
	// not a notification of the same people.
	alsoRecipient := strings.Contains(f, " aussi ") || strings.Contains(f, " egalement ") || strings.Contains(f, " also ") || strings.Contains(f, " as well ")
	if (receiveForms[verb] || len(ws) > 0 && (ws[0] == "que" || ws[0] == "qu")) && !alsoRecipient {
		for i, w := range ws {
			if !receiveForms[w] {
				continue
			}
			for j := i + 1; j < len(ws) && j <= i+3; j++ {
				if inSet(messageWords, ws[j]) && !strings.Contains(f, " copie ") && !strings.Contains(f, " copy ") && !s.messageListsPeople(ws[j+1:]) {
					return actWorkflow
				}
			}
		}
	}
	// "que l'agent d'astreinte soit prévenu par SMS", "to be told when":
	// someone notified, in the passive.
	for i := 0; i+1 < len(ws); i++ {
		if (ws[i] == "soit" || ws[i] == "soient" || ws[i] == "be") && notifiedForms[ws[i+1]] {
			return actWorkflow
		}
	}
	// Sending a reminder or a message to people ("envoyer les relances
	// aux emprunteurs par SMS") notifies through the existing channel.
	if (sendVerbs[verb] || scheduleVerbs[verb]) && inSet(messageWords, next) {
		return actWorkflow
	}
	// "télécharger ma convocation": one's own document, past the
	// possessive.
	doc := next
	if a := wordAfter(ws, next); s.lang == EN && !inSet(documentWords, next) && !ownDocumentWords[next] && (inSet(documentWords, a) || ownDocumentWords[a]) {
		doc = a // "my booking confirmation": English names the document last
	}
	if (ownDocVerbs[verb] || exportVerbs[verb]) && (firstPossessives[wordBefore(ws, next)] || ownedAfter(ws, next)) && ownDocument(ws, doc) {
		return actWorkflow
	}
	if exportVerbs[verb] && s.citizenPerson() && (firstPossessives[next] || len(ws) > 1 && firstPossessives[ws[1]] || len(ws) > 2 && firstPossessives[ws[2]]) && !inSet(documentWords, next) {
		return actOwnExport
	}
	switch {
	case (browseNouns[verb] || browseNouns[next] && (verb == "" || roleArticles[verb])) && !s.listsPeople(ws):
		return actBrowse // "une recherche par nom", "une visionneuse"
	case ownDocVerbs[verb] && inSet(documentWords, next):
		return actWorkflow // one's own attestation, decree, invoice
	case roleArticles[verb] && s.citizenPerson() && (inSet(documentWords, next) || inSet(documentWords, wordAfter(ws, next))):
		return actWorkflow // "an email receipt", "un récépissé": a need without a verb, one's own document
	case browseVerbs[verb] && !computes(f) && !strings.Contains(f, " order a ") && !strings.Contains(f, " order an "):
		// "order a background check" buys or requests one; "order the
		// list by date" sorts.
		return actBrowse
	case workflowVerbs[verb] && anyWordIn(p.Action, attendanceWords):
		return actProcess // "mark attendance for each session": who was there, recorded
	case s.assignsPerson(ws, verb, next):
		return actProcess // "affecter un formateur à une session": a person's rota
	case workflowVerbs[verb] && consentObject(ws):
		// "accepter ou refuser les cookies de mesure d'audience": a
		// person's consent recorded, not a dossier moved along.
		return actProcess
	case offersToNextInLine(verb, f):
		return actWorkflow // "proposer le logement au premier demandeur de la liste"
	case workflowVerbs[verb] && !(s.citizenPerson() && renewsOwn(verb, wordBefore(ws, next), next)) && !ownThing(ws, next, accountNouns) &&
		!nearHome(f):
		return actWorkflow
	case recordVerbs[verb] && (decisionWords[next] || decisionWords[wordAfter(ws, next)]) && !s.namesSensitive():
		// "saisir la décision d'attribution", "record the decision": a
		// human decision on what the dossier holds, one more step; "la
		// décision d'aptitude médicale" records health data.
		return actWorkflow
	case (verb == "demander" || verb == "request") && missingPieceAhead(ws, next):
		// "demander une pièce manquante au demandeur", "demander au
		// candidat les pièces manquantes": the dossier waits for a
		// document the person sends through the existing channel.
		return actWorkflow
	case (verb == "recevoir" || verb == "receive" || verb == "get") && messageWords[stem(next)] && !s.messageListsPeople(ws):
		return actWorkflow // a notification through the existing channel
	case deleteVerbs[verb] && ownThing(ws, next, workItems):
		// "supprimer mon brouillon de réponse", "delete my saved
		// searches": an item of one's own work, whoever the persona.
		return actOwnDelete
	case deleteVerbs[verb] && s.citizenPerson() && !deletesSelf(f) && !s.c.isPerson(next) && !s.c.isPerson(wordAfter(ws, next)):
		// "supprimer mon brouillon": one item of one's own; "remove a
		// user from my team" takes a person out, which is no draft.
		return actOwnDelete
	}
	return actProcess
}

// needVerb returns the need's main verb, as an infinitive (folded), and
// the word after its object's determiner.
func needVerb(p *parsed, ws []string) (string, string) {
	k := 0
	// "easily find relevant applications": an ease word before the verb
	// says how, as after it.
	for k < len(ws) && (needFillers[ws[k]] || (frClitics[ws[k]] || frClitics[ws[k]+"'"]) && !subjectArticle(ws, k) || ws[k] == "dois" || ws[k] == "pourrai" ||
		ws[k] == "que" || ws[k] == "qu" || ws[k] == "i" || ws[k] == "me" || ws[k] == "m" || easeWords[ws[k]] && k+1 < len(ws)) {
		k++
	}
	if k >= len(ws) {
		return "", ""
	}
	if v, obj, ok := objectFirst(p, ws[k:]); ok {
		return v, obj
	}
	verb := ws[k]
	if seesThenGets(ws, k) {
		// "voir et télécharger mon contrat", "view and print my permit":
		// the second verb says what is done with it.
		k += 2
		verb = ws[k]
	}
	if roleArticles[verb] || possessives[verb] {
		// A need without a verb: "une recherche par nom", "mes factures".
		next := ""
		if k+1 < len(ws) {
			next = ws[k+1]
		}
		return verb, next
	}
	if inf, ok := frInfinitiveOf(verb); ok && p.Lang == FR && !frInfinitive(verb) {
		verb = fold(inf)
	}
	if (verb == "etre" || verb == "be" || verb == "am" || verb == "get") && k+1 < len(ws) {
		if v, ok := participleVerbs[ws[k+1]]; ok {
			return v, ""
		}
	}
	next := ""
	for j := k + 1; j < len(ws) && j < k+4; j++ {
		if easeWords[ws[j]] || verb == "acceder" && (ws[j] == "a" || ws[j] == "au" || ws[j] == "aux") {
			continue // "voir rapidement les dossiers", "accéder aux dossiers"
		}
		if !roleArticles[ws[j]] && !possessives[ws[j]] && ws[j] != "l" && ws[j] != "d" {
			next = ws[j]
			break
		}
	}
	return verb, next
}

// objectFirst reads an English need that names its object before the
// verb, as a participle ("I want bookings sorted by start time", "the
// applications grouped by ward", "bookings to be shown by site"):
// the participle's verb, and the object.
func objectFirst(p *parsed, ws []string) (verb, object string, ok bool) {
	if p.Lang != EN || len(ws) < 2 {
		return "", "", false
	}
	o := 0
	if roleArticles[ws[0]] || possessives[ws[0]] {
		o = 1
	}
	// "my dashboard to show the applications due this week": what shows,
	// then the display verb and what it shows.
	if o+3 < len(ws) && ws[o+1] == "to" && displayVerbs[ws[o+2]] && screenWords[ws[o]] {
		next := o + 3
		for next < len(ws)-1 && (roleArticles[ws[next]] || possessives[ws[next]]) {
			next++
		}
		return ws[o+2], ws[next], true
	}
	at := o + 1
	if at+1 < len(ws) && ws[at] == "to" && ws[at+1] == "be" {
		at += 2 // "bookings to be sorted"
	}
	if at >= len(ws) {
		return "", "", false
	}
	v, ok := objectParticiples[ws[at]]
	return v, ws[o], ok
}

// screenWords name where a need shows things: "my dashboard to show".
var screenWords = setOf(`dashboard page screen list map view board summary`)

// objectParticiples are the participles of the verbs that arrange or
// show what a need names first, with the verb they stand for. Those of
// workflow verbs are left out: "claims closed for six years to be
// deleted" reads "closed" as an adjective, and deletes.
var objectParticiples = map[string]string{
	"sorted": "sort", "ordered": "order", "filtered": "filter", "grouped": "sort", "listed": "list",
	"shown": "show", "displayed": "display", "highlighted": "show",
}

// seeVerbs see or change a record: forbidding them under a condition is
// an access rule ("consulter le dossier … sans son accord").
var seeVerbs = setOf(`voir consulter acceder ouvrir lire modifier telecharger exporter see view access open read edit download export`)

// listsPeople reports whether a list the need asks for lists people:
// "la liste des inscrits", "a list of the permit holders" is a new
// display of people, not a layout.
func (s *story) listsPeople(ws []string) bool {
	for i, w := range ws {
		if !listWords[w] {
			continue
		}
		for _, x := range ws[i+1:] {
			if x == "des" || x == "de" || x == "d" || x == "of" || x == "the" || roleArticles[x] {
				continue
			}
			if s.c.people[stem(x)] {
				return true
			}
			// "the permit holders": a noun may qualify the people.
			for _, y := range ws[i+1 : min(len(ws), i+6)] {
				if s.c.people[stem(y)] {
					return true
				}
			}
			return false
		}
	}
	return false
}

// sendVerbs send a message.
var sendVerbs = setOf(`envoyer adresser expedier send`)

// scheduleVerbs set a message to go later ("programmer une relance",
// "schedule reminder e-mails"): the same notification, automated.
var scheduleVerbs = setOf(`programmer planifier parametrer configurer automatiser schedule configure automate`)

// editVerbs change or move a record.
var editVerbs = setOf(`modifier changer deplacer reporter corriger completer editer update change edit move amend reschedule`)

// listWords name a list: what it lists is the word after "des", "of".
var listWords = setOf(`liste listes list lists tableau ensemble`)

// recordsShown reports whether a display need shows records only: its
// object (or what its list lists) is a person's record and no word of
// the need names people or a person's detail.
func (s *story) recordsShown(ws []string, next string) bool {
	head := next
	if listWords[head] {
		head = ""
		for i, w := range ws {
			if listWords[w] {
				for _, x := range ws[i+1:] {
					if x == "des" || x == "de" || x == "d" || x == "of" || x == "the" || roleArticles[x] {
						continue
					}
					head = x
					break
				}
				break
			}
		}
	}
	// "see all new applications", "only the cases at a given stage": a
	// quantity or a state before the records named.
	if leadWords[head] {
		// "today's bookings": the reader splits "today's" at the
		// apostrophe.
		for hops := 0; hops < 3 && (leadWords[head] || roleArticles[head] || head == "the" || head == "s"); hops++ {
			head = wordAfter(ws, head)
		}
	}
	if head == "" || !s.c.records[stem(head)] || historyWords[head] {
		return false // a history is a new display of who did what
	}
	return !s.namesPeopleOrDetails(ws) && !s.namesSensitive()
}

var historyWords = setOf(`historique history journal log`)

// leadWords come before the records a display names.
var leadWords = setOf(`all every each only new open pending current recent latest outstanding tous toutes chaque uniquement seulement
	today tomorrow yesterday todays tomorrows`)

// namesSensitive reports whether the need holds a keyword of a topic
// that is no mere record or person: "les pièces médicales", "les pièces
// d'identité" are health and identity data whoever shows them.
func (s *story) namesSensitive() bool {
	found := false
	s.c.words.scan(s.sent.Action, func(p *phrase, _, _ int) {
		if !p.vague {
			switch s.t.Topics[p.id].Context {
			case ContextOwn, ContextNeed, ContextSeeing, ContextOut, ContextAccess, ContextRestricted:
				// A verb of seeing is the display itself; one of taking
				// out or of getting at ("télécharger", "accéder aux")
				// names no data.
			default:
				found = true
			}
		}
	})
	return found
}

// inSet reports whether a folded word, or its stem, is in set.
func inSet(set map[string]bool, w string) bool { return set[w] || set[stem(w)] }

// statusMoves put a record in a state: a workflow step.
// addVerbs add something new: "ajouter une note … et l'épingler en haut
// de la fiche" records the note, wherever it is shown.
var addVerbs = setOf(`ajouter ajoute creer cree noter note add create`)

// recordVerbs enter something into the tool.
// decisionWords name a decision: "saisir la décision", "capture a hearing
// decision".
var decisionWords = setOf(`decision decisions`)

var recordVerbs = setOf(`saisir saisis saisit enregistrer enregistre consigner capturer record enter log capture`)

// subjectArticle reports whether ws[k], right after "que", is the article
// of the clause's subject, not a clitic: "que le compte du bénévole soit
// supprimé" names what is deleted; "compte" is no verb there.
func subjectArticle(ws []string, k int) bool {
	return k > 0 && (ws[k-1] == "que" || ws[k-1] == "qu") && roleArticles[ws[k]]
}
