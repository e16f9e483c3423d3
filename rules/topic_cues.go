package rules

import "strings"

// Cues of the topic contexts added for choices, organisations' names,
// work lists and inbound messages: a person's choice of an interface
// setting, acting in an organisation's name, a field agent's round kept
// offline, messages received from outside turned into records.

// interfaceObject reports whether the words after a citizen's act name a
// setting of the interface ("ma langue d'affichage", "my colour theme",
// "un filtre"): choosing one records nothing about the person.
func interfaceObject(after string) bool {
	mode := false
	for _, w := range firstWords(after, 3) {
		if roleArticles[w] || possessives[w] || w == "l" || w == "d" {
			continue
		}
		if w == "mode" {
			mode = true
			continue // "mon mode d'affichage", "mode sombre"; not "mode de contact"
		}
		// "le mode nuit", "le thème sombre"; not "réserver une nuit au
		// refuge": a night is booked.
		return interfaceWords[w] || mode && modeWords[w] // the object's head
	}
	return false
}

// modeWords name a display mode after "mode" ("mode nuit"): alone, a
// night is booked. English names the mode first ("dark mode").
var modeWords = setOf(`sombre clair nuit jour`)

// interfaceWords name settings of the interface.
var interfaceWords = setOf(`langue langues affichage theme couleur couleurs vue filtre filtres police taille
	tableau colonne colonnes ecran page tri widget widgets raccourci raccourcis
	language languages display theme colour color colours colors view filter filters font layout dark light
	dashboard column columns screen homepage sort shortcut shortcuts`)

// feedSubscription reports whether a subscription keyword subscribes to
// a feed a reader pulls (RSS, Atom, a calendar feed), which keeps no
// subscriber's data: "subscribe to an RSS feed", "s'abonner au flux RSS".
func feedSubscription(word, after string) bool {
	// Checked on every keyword found: no folding, which would allocate
	// for every capitalised or accented keyword.
	if !containsASCIIFold(word, "abonn") && !containsASCIIFold(word, "subscri") {
		return false
	}
	for _, x := range firstWords(after, 5) {
		if feedWords[x] {
			return true
		}
	}
	return false
}

// unsubscribeLink reports whether acting from a message ("depuis le
// courriel", "from the email", a keyword of signing in with a link) is
// joining or leaving a mailing list: "désabonnement en un clic depuis le
// courriel", "unsubscribe from the email", "il confirme son abonnement
// par un lien reçu par courriel", "décocher la case depuis le lien du
// SMS". It opens nothing; the link is no key.
func unsubscribeLink(text string, start, end int) bool {
	word := text[start:end]
	if !containsASCIIFold(word, "mail") && !containsASCIIFold(word, "courriel") && !containsASCIIFold(word, "sms") {
		return false
	}
	before := text[sentenceStart(text, start):start]
	return containsASCIIFold(before, "abonn") || containsASCIIFold(before, "sinscri") || containsASCIIFold(before, "cocher") ||
		containsASCIIFold(before, "subscri") || containsASCIIFold(before, "opt out") || containsASCIIFold(before, "opt-out")
}

// sentAttachment reports whether an attachment ("en pièce jointe",
// "attachment") is a document the service sends, not one sent into it:
// "recevoir le récapitulatif en pièce jointe", "les convocations sont
// envoyées en pièce jointe", "sent to me as an email attachment". The
// nearest verb before it in its sentence decides: "j'envoie mes
// justificatifs en pièce jointe" stays an upload.
func sentAttachment(text string, start, end int) bool {
	word := text[start:end]
	if !containsASCIIFold(word, "jointe") && !containsASCIIFold(word, "attachment") && !strings.Contains(word, "pièce") {
		return false
	}
	if onTracker(text[end:]) {
		return true // "le modèle papier en pièce jointe du ticket": the issue's own attachment
	}
	// The keyword may hold the verb itself ("envoyer … pièce" found as
	// "envoyées aux candidats en pièce").
	before := lastWords(text[sentenceStart(text, start):end], 14)
	for i := len(before) - 1; i >= 0; i-- {
		switch {
		case outboundVerbs[before[i]]:
			return true
		case inboundVerbs[before[i]]:
			return false
		}
	}
	return false
}

// onTracker reports whether the words after an attachment name the issue
// itself ("en pièce jointe du ticket", "attached to this issue"): a file
// for the team, not one the service receives.
func onTracker(after string) bool {
	ws := firstWords(after, 3)
	for i, w := range ws {
		switch {
		case w == "ticket" || w == "tickets" || w == "issue":
			return i > 0
		case w == "du" || w == "de" || w == "ce" || w == "cette" || w == "l" || w == "to" || w == "this" || w == "the":
			continue
		}
		return false
	}
	return false
}

var (
	// outboundVerbs send a document to someone, in the passive, or have
	// them receive it.
	outboundVerbs = setOf(`envoye envoyee envoyes envoyees transmis transmise transmises recevoir recois recoit
		recoivent recu recue recus recues sent emailed mailed receive receives received get gets`)
	// inboundVerbs send one into the service.
	inboundVerbs = setOf(`envoyer envoie envoies envoient joindre joins joint jointes deposer depose deposes
		transmettre transmets transmet televerser send sends attach attaches upload uploads submit submits`)
)

// containsASCIIFold reports whether s holds sub, an ASCII word, in any
// case.
func containsASCIIFold(s, sub string) bool { return indexASCIIFold(s, sub) >= 0 }

// indexASCIIFold returns the offset in s of the first sub, an ASCII word,
// in any case, or -1. The offset is s's own: nothing is copied.
func indexASCIIFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

var feedWords = setOf(`rss atom feed feeds flux ical icalendar`)

// nameOfWords end a phrase of acting in someone's name ("au nom de",
// "pour le compte d'une", "on behalf of").
var nameOfWords = setOf(`de d un une of`)

// lastWord returns the last folded word of a phrase.
func lastWord(phrase string) string {
	// No slice: it is called for every keyword found.
	start, end := prevWord(phrase, len(phrase))
	return fold(phrase[start:end])
}

// organisationNext reports whether the first word after the
// determiners names an organisation: "l'association", "the club".
func organisationNext(after string) bool {
	for _, w := range firstWords(after, 3) {
		if roleArticles[w] || possessives[w] || w == "l" || w == "d" {
			continue
		}
		return isOrganisation(w)
	}
	return false
}

// inOrganisationName reports whether the need acts in an organisation's
// name ("au nom de l'association", "pour le compte du club", "on behalf
// of the club"): what it books or files is the organisation's.
func (s *story) inOrganisationName() bool {
	if s.sent == nil {
		return false
	}
	f := " " + strings.Join(words(s.sent.Action), " ") + " "
	for _, m := range []string{" au nom de ", " au nom d ", " au nom du ", " au nom des ", " pour le compte de ", " pour le compte du ", " pour le compte d ", " on behalf of "} {
		if i := strings.Index(f, m); i >= 0 && organisationNext(f[i+len(m):]) {
			return true
		}
	}
	return false
}

// workListAround reports whether the sentence holding off names a work
// list of a field agent: a round, a route, the day's visits.
func workListAround(text string, off int) bool {
	start := sentenceStart(text, off)
	end := len(text)
	if i := strings.IndexAny(text[off:], ".!?\n"); i >= 0 {
		end = off + i
	}
	ws := words(text[start:end])
	for i, w := range ws {
		if workListWords[w] || (w == "liste" || w == "list") && i+2 < len(ws) && ws[i+2] == "jour" || groupList(ws, i) {
			return true
		}
	}
	return false
}

// groupList reports whether ws[i] is the list of one group of people
// taken out on a day: "la liste du car", "la liste de mon groupe", "the
// class list". A plural ("la liste des ateliers") lists things.
func groupList(ws []string, i int) bool {
	if ws[i] != "liste" && ws[i] != "list" {
		return false
	}
	if ws[i] == "list" && i > 0 && groupWords[ws[i-1]] {
		return true // "the class list", "the coach list"
	}
	j := i + 1
	if j < len(ws) && (ws[j] == "du" || ws[j] == "de" || ws[j] == "of" || ws[j] == "for") {
		j++
	}
	if j < len(ws) && (ws[j] == "la" || ws[j] == "l" || ws[j] == "the" || possessives[ws[j]]) {
		j++
	}
	return j > i+1 && j < len(ws) && groupWords[ws[j]]
}

// groupWords name one group of people met together: a class, a coach, a
// session.
var groupWords = setOf(`groupe car bus convoi seance cours classe equipe session sejour sortie creneau
	group class coach session trip team`)

// workListWords name a field agent's list of people or places to visit,
// or the inspections and findings of the day.
var workListWords = setOf(`tournee tournees itineraire visite visites interventions inspection inspections controles constats arrivees
	round rounds route routes visit visits arrivals`)

// inboundMessages reports whether the sentence holding off names
// messages received from outside: a message word with a participle of
// sending or receiving right after it ("les courriels envoyés au
// support", "e-mails sent to the helpdesk"), or "incoming e-mails".
func inboundMessages(text string, off int) bool {
	ws := words(text[sentenceStart(text, off):off])
	for i, w := range ws {
		if !inboundNouns[w] {
			continue
		}
		if i > 0 && (ws[i-1] == "incoming" || ws[i-1] == "inbound") || i+1 < len(ws) && (inboundParticiples[ws[i+1]] || ws[i+1] == "entrants") {
			return true
		}
	}
	return false
}

// inboundNouns name messages; inboundParticiples say they were sent or
// received ("e-mails" is read as "e" "mails").
var (
	inboundNouns       = setOf(`courriel courriels mail mails email emails message messages`)
	inboundParticiples = setOf(`envoye envoyes envoyee envoyees recu recus recue recues adresse adresses sent received arriving`)
)

// qualifiesProduct reports whether the person word at text[start:end]
// only qualifies a part of the product, as product teams write: French
// puts it after the noun ("l'interface agent", "les tests utilisateurs",
// "le parcours usager"), English before it ("user testing", "user
// research", "the user interface"), or a day or a place ("the volunteer
// days", "the visitor centre"). Nobody's data is handled. The
// English adjective "relative" ("a relative percentage") is no relative
// either, unless a person follows it as a noun ("my relative", "a
// relative who").
func qualifiesProduct(text string, start, end int, lang Lang) bool {
	w := fold(text[start:end])
	if lang == EN {
		next := firstWords(text[end:], 1)
		if w == "relative" {
			// "a relative percentage"; not "my relative", "a relative who".
			return len(next) == 1 && !relativeFollowers[next[0]]
		}
		// A singular noun also qualifies the day, event or place after
		// it: "the next volunteer days", "the visitor centre" (not
		// "volunteers' days", theirs).
		return len(next) == 1 && (productNounsEN[next[0]] || peopleEvents[next[0]] && !strings.HasSuffix(w, "s"))
	}
	// "l'interface agent"; with a determiner, only what a product gives
	// its users to read or enter by ("la FAQ des usagers", "le guide de
	// l'agent", "l'espace des agents"), not "la liste des usagers".
	before := lastWords(text[:start], 3)
	n := len(before)
	if n > 0 && productNounsFR[before[n-1]] {
		return true
	}
	for k := n - 1; k >= 0; k-- {
		switch w := before[k]; {
		case ofWords[w] || roleArticles[w] || w == "l" || w == "aux" || w == "au":
			continue
		case productPlacesFR[w]:
			return k < n-1
		}
		break
	}
	return false
}

// mayClauseSubject reports whether the person word at text[start:end] is
// the subject of a clause saying what they may do ("que les usagers
// puissent télécharger le règlement", "que l'agent puisse voir la carte"):
// whom the feature is for, as "pour les usagers" is. What they do with
// people's data is read from the rest of the need.
func mayClauseSubject(text string, start, end int) bool {
	before := lastWords(text[:start], 2)
	opens := false
	for _, w := range before {
		opens = opens || w == "que" || w == "qu"
	}
	next := firstWords(text[end:], 1)
	return opens && len(next) == 1 && mayForms[next[0]]
}

var (
	mayForms          = setOf(`puisse puissent peut peuvent pourra pourront`)
	relativeFollowers = setOf(`of who whom to and or with at in on for from s is was has can`)
	productPlacesFR   = setOf(`faq aide guide guides documentation manuel tutoriel espace espaces interface interfaces portail application`)
	productNounsFR    = setOf(`interface interfaces parcours espace espaces experience test tests vue vues ecran ecrans portail bord
		application appli cote version versions guide documentation page pages menu navigation ergonomie recherche mode`)
	productNounsEN = setOf(`interface interfaces testing test tests research experience journey journeys guide manual
		documentation needs flow flows story stories side view views portal dashboard mode menu page pages screen screens
		onboarding satisfaction`)
	// peopleEvents are the days, events and places a people noun can
	// qualify in English.
	peopleEvents = setOf(`day days morning mornings afternoon afternoons evening evenings weekend weekends
		centre center centres centers hut huts shed`)
)

// axisBefore reports whether a keyword is the axis of a breakdown ("le
// nombre de bénéficiaires par GIR", "counts by disability"): what the
// count is split by, not a person's data.
func axisBefore(before string) bool {
	b := lastWords(before, 1)
	return len(b) == 1 && (b[0] == "par" || b[0] == "by" || b[0] == "per")
}

// priceOf reports whether a keyword is what a price is for ("les tarifs
// des abonnements", "the fees for a consultation"): the product's
// price list, nobody's data.
func priceOf(before string) bool {
	if !priceNear(before) {
		return false // most keywords: no price word at hand, nothing to split
	}
	b := lastWords(before, 10)
	for i := len(b) - 2; i >= 0; i-- {
		if priceWords[b[i]] && (ofWords[b[i+1]] || b[i+1] == "for") {
			// "les tarifs des entrées et des abonnements": the same list;
			// "le tarif de l'abonnement": the words split the elision;
			// "les prix de l'énergie (R1) et de l'abonnement": what comes
			// before the last "et" is another item priced.
			rest := b[i+2:]
			for k := len(rest) - 1; k >= 0; k-- {
				if rest[k] == "et" || rest[k] == "and" || rest[k] == "ou" || rest[k] == "or" {
					rest = rest[k+1:]
					break
				}
			}
			for _, w := range rest {
				if !ofWords[w] && !roleArticles[w] && w != "l" && len(w) < 4 {
					return false
				}
			}
			return true
		}
	}
	return false
}

// priceAfter reports whether an amount follows the keyword closely, on
// its line: "| Abonnement mensuel | 60 € |", "Abonnement : 12,50 €",
// "Season ticket: £45": a tariff line, nobody's subscription.
func priceAfter(after string) bool {
	head := after[:min(len(after), 32)]
	if i := strings.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	digit := false
	for i := 0; i < len(head); i++ {
		c := head[i]
		switch {
		case c >= '0' && c <= '9':
			digit = true
		case strings.HasPrefix(head[i:], "€"):
			return digit // "60 €"; a euro sign with no amount before it prices nothing
		case strings.HasPrefix(head[i:], "£"):
			return i+2 < len(head) && head[i+2] >= '0' && head[i+2] <= '9' // "£45"
		case digit && (c == ' ' || c == ',' || c == '.'):
		case digit && (head[i] == 'e' || head[i] == 'E') && (strings.HasPrefix(head[i:], "euro") || strings.HasPrefix(head[i:], "EUR")):
			return true
		default:
			digit = false
		}
	}
	return false
}

var priceWords = setOf(`tarif tarifs prix cout couts price prices fee fees cost costs`)

// priceNear reports whether the last sixty bytes of a text may hold a
// price word, without allocating: priceOf runs on every keyword found.
func priceNear(before string) bool {
	tail := before[max(0, len(before)-60):]
	for _, n := range [...]string{"tarif", "Tarif", "prix", "Prix", "price", "Price", "fee", "Fee", "cout", "coût", "Co", "cost"} {
		if strings.Contains(tail, n) {
			return true
		}
	}
	return false
}

// diagnosticOfNoOne reports whether a "diagnostic", or a French
// "prescription", is not a person's: a survey of a building ("diagnostic
// de performance énergétique", "diagnostic amiante"), an archaeological
// survey or the rule it sets ("les rapports de diagnostic", "la liste des
// prescriptions", "une zone de présomption de prescription"), a time
// limit ("le délai de prescription"). It is a person's health when a
// possessive comes before it ("son diagnostic") or a person after it
// ("le diagnostic du patient"); "diagnostic médical", "prescription
// médicale" are read by "médical". An English "prescription" is a
// doctor's.
func (s *story) diagnosticOfNoOne(text string, start, end int) bool {
	switch w := lastWord(text[start:end]); {
	case w == "diagnostic" || w == "diagnostics":
	case (w == "prescription" || w == "prescriptions") && s.lang == FR:
	default:
		return false
	}
	if b := lastWords(text[:start], 1); len(b) == 1 && possessives[b[0]] {
		return false
	}
	for _, a := range firstWords(text[end:], 3) {
		if buildingSurveyWords[a] {
			return true
		}
		if s.c.isPerson(a) || s.c.personLike(a, s.lang) {
			return false
		}
	}
	return true
}

var buildingSurveyWords = setOf(`performance energetique energetiques technique techniques immobilier immobiliers amiante plomb
	termites logement batiment toiture structure structurel thermique`)

// intoExistingSpace reports whether a personal space or an online
// account is named as where something goes or comes from ("déposée dans
// l'espace famille", "depuis mon espace personnel", "posted to the
// applicant's online account"): the existing channel, where creating or
// opening one ("créer mon espace", "open an online account"), or one
// named with an indefinite article ("dans un espace personnel"), makes
// accounts where there were none.
func intoExistingSpace(text string, start int, word string) bool {
	if w := fold(word); !strings.Contains(w, "espace") && !strings.Contains(w, "account") {
		return false
	}
	before := lastWords(text[:start], 4)
	for i := len(before) - 1; i >= 0; i-- {
		w := before[i]
		switch {
		case spacePrepositions[w]:
			return true
		case w == "un" || w == "une" || w == "a" || w == "an":
			return false // "suivre ma candidature dans un espace personnel": a new one
		case roleArticles[w] || possessives[w] || w == "l" || w == "s" || w == "d":
			continue
		case i+1 < len(before) && before[i+1] == "s":
			continue // "the applicant's": the space's owner
		default:
			return false
		}
	}
	return false
}

var spacePrepositions = setOf(`dans depuis sur via vers from in into on to through`)

// heldSubscription reports whether a subscription word names one the
// person holds already, or only says when: "renouveler mon abonnement",
// "la fin de l'abonnement", "en cours d'abonnement", "avant de
// m'abonner". Subscribing collects an address; a subscription held is
// a contract moved along its workflow, and nothing new is collected. A
// registration only said as when ("avant de m'inscrire", "before
// signing up") is not the story's either.
func heldSubscription(text string, start, end int) bool {
	w := text[start:end]
	held := containsASCIIFold(w, "abonn") || containsASCIIFold(w, "subscri")
	if !held && !containsASCIIFold(w, "inscri") && !containsASCIIFold(w, "register") && !containsASCIIFold(w, "sign up") && !containsASCIIFold(w, "signing up") {
		return false
	}
	b := lastWords(text[:start], 3)
	if held && len(b) > 0 && possessives[b[len(b)-1]] {
		return true
	}
	for i, w := range b {
		if w == "before" || (w == "cours" || w == "fin" || w == "avant") && i+1 < len(b) && (b[i+1] == "d" || b[i+1] == "de" || b[i+1] == "l") {
			return true
		}
	}
	return false
}
