package rules

import "strings"

// The passes resolveTopics runs after the words: the team's labels, a
// provider named as the persona, the people the need handles; and the
// small readings they share.

// labelTopics keeps the topics the labels name: a team that
// labels its issue "rgpd" or "type: sécurité" says what it touches,
// whatever its words. A label that names nothing is skipped.
func (s *story) labelTopics(keep func(int, string, bool)) {
	if len(s.c.labelTopics) == 0 {
		return
	}
	for _, l := range s.in.Labels {
		ts := s.c.labelTopics[key(l)]
		if i := strings.LastIndexAny(l, ":/"); len(ts) == 0 && i >= 0 {
			ts = s.c.labelTopics[key(l[i+1:])]
		}
		for _, ti := range ts {
			keep(ti, strings.TrimSpace(l), false)
		}
	}
}

// providerPersona keeps the topics of context provider that the story's
// role names ("ETQ prestataire externe", "As a contractor") when the
// story hands the provider personal data: a topic kept so far asks for
// the RGPD section as a person's.
func (s *story) providerPersona(keep func(topic int, word string, orgOwned bool)) {
	if s.sent == nil || s.sent.Role == "" || !s.c.anyProvider {
		return
	}
	if !s.foundPersonalData() {
		return
	}
	s.c.words.scan(s.sent.Role, func(p *phrase, start, end int) {
		if !p.vague && s.t.Topics[p.id].Context == ContextProvider {
			keep(p.id, s.sent.Role[start:end], false)
		}
	})
}

// needTopics finds, in the story's need only, the keywords of the topics
// of context need: the people the story handles. A person after "pour",
// "à", "for", "to" is who benefits, not whose data is handled; after
// "nombre de", "taux de", "number of" a count, not a person.
func (s *story) needTopics() []topicHit {
	if s.sent == nil || s.sent.Action == "" || !s.c.anyNeed {
		return nil
	}
	quiet := false
	switch s.act {
	case actBrowse, actWorkflow, actRestrict, actOwnDelete, actControl:
		quiet = true // people seen, notified or moved along: nothing new about them
	}
	need := s.sent.Action
	var out []topicHit
	s.c.words.scan(need, func(p *phrase, start, end int) {
		if ctx := s.t.Topics[p.id].Context; p.vague || ctx != ContextNeed && ctx != ContextOnBehalf || quiet && ctx == ContextNeed {
			return
		}
		if start > 0 && need[start-1] == '-' || end < len(need) && need[end] == '-' {
			return // "user-friendly" is no user
		}
		if s.sent.Lang == FR && frFalseFriends[fold(need[start:end])] {
			return // "les boîtes retirées": withdrawn, no retirees
		}
		if signsCounted(need, start, end) {
			return // "le compteur de signes", "1 500 signes", "la langue des signes": characters, no one signs
		}
		if quoted(need, start) {
			return // "le rôle « instructeur »" names a role, not a person
		}
		if qualifiesProduct(need, start, end, s.sent.Lang) {
			return // "l'interface agent", "user testing": a part of the product
		}
		if mayClauseSubject(need, start, end) {
			return // "que les usagers puissent télécharger le règlement": who may act, an audience
		}
		if negatedAt(need, start) || inventedAfter(need[end:]) || fixedPhrase(need, start, end) {
			return // "hors connexion", "sans compte", "une connexion lente"
		}
		if tenderRoles[fold(need[start:end])] && (s.aboutOrganisation() || tenderDocumentBefore(need[:start])) {
			return // "les offres des candidats": companies answering a tender
		}
		if s.sent.Lang == FR && organisationBefore(need, start) {
			return // "aux clubs résidents", "les communes membres": the organisations' adjective
		}
		if tail := need[max(0, start-16):start]; (containsASCIIFold(tail, "typ") || containsASCIIFold(tail, "cat") || containsASCIIFold(tail, "kind")) &&
			categoryBefore(need[:start]) {
			return // "par type d'abonné", "by type of user": a category, no one
		}
		if countedPeople(need, start) || busCoach(need, start, end) {
			return // "limiter chaque atelier à douze participants": a capacity; "the coach park": a bus
		}
		if aggregateBefore(need[:start]) && !perPerson(need[:start]) {
			return // "le nombre de prêts par tranche d'âge des lecteurs": a count
		}
		if perPerson(need[:start]) && s.setsParameter() {
			return // "définir le montant du bon par foyer": a setting, no one's data
		}
		before := lastWords(need[:start], 2)
		// "réserver pour mes enfants": a citizen's relatives are whom the
		// booking is about, not whom a feature is for.
		relatives := len(before) == 2 && firstPossessives[before[1]] && s.citizenPerson() ||
			s.t.Topics[p.id].Context == ContextOnBehalf // "for my relative": acting for them
		for _, w := range before {
			if beneficiaryWords[s.sent.Lang][w] && !relatives || aggregateWords[w] {
				return
			}
		}
		for _, w := range before {
			if onlyWords[w] {
				return // "only members of my team can see": who may see, an audience
			}
		}
		if len(before) == 2 && (audienceParticiple(before[0]) || tellingVerbs[before[0]]) && (before[1] == "aux" || before[1] == "au" || before[1] == "a" || before[1] == "to") {
			return // "proposés aux agents", "expliquer aux usagers": an audience
		}
		if consentTo(lastWords(need[:start], 2), need[start:end]) {
			return // "l'autorisation de photographier mon enfant": a consent given, nothing taken
		}
		if n := len(before); n > 0 && beVerbs[before[n-1]] {
			return // "les cours auxquels je suis inscrit": what the speaker is
		}
		if n := len(before); n > 0 && (before[n-1] == "pas" || before[n-1] == "plus" || before[n-1] == "jamais" || before[n-1] == "not") {
			return // "qui n'ont pas signé": what did not happen
		}
		if w := fold(need[start:end]); (strings.Contains(w, "liste") || strings.Contains(w, "list")) &&
			(s.c.organisationAfter(need, end) || s.aboutOrganisation()) {
			// "la liste d'attente des associations", "aux associations en
			// liste d'attente": organisations listed ("un agent de ma
			// direction" stays a person).
			return
		}
		// "photographier la cuve installée": staff photographing a thing
		// make an upload but nobody's data, as a photo of a thing staff
		// attach; held as owned by no person.
		thing := photoVerb(need[start:end]) && s.staffPhotoOfThing(need, need[start:end], end)
		out = append(out, topicHit{topic: p.id, word: need[start:end], orgOwned: thing})
	})
	return out
}

// categoryBefore reports whether a category word and "de"/"of" end the
// text: "par type d'", "by type of".
func categoryBefore(before string) bool {
	b := lastWords(before, 2)
	return len(b) == 2 && categoryWords[b[0]] && ofWords[b[1]]
}

// categoryWords sort people into kinds: a person's noun after them names a
// category of a breakdown.
var categoryWords = setOf(`type types categorie categories kind kinds category`)

// setsParameter reports whether the need's verb sets a value of the
// service ("définir", "fixer", "paramétrer", "set"): what it sets per
// person (perPerson: "par foyer", "pour chaque famille", "per household")
// is a rule for everyone, not anyone's data.
func (s *story) setsParameter() bool {
	verb, _ := needVerb(s.sent, words(s.sent.Action))
	return parameterVerbs[verb]
}

var parameterVerbs = setOf(`definir fixer parametrer configurer regler plafonner limiter set configure cap limit`)

// determinerNext reports whether the text starts with a determiner: the
// verb before it has a noun for object ("déclarer mes pertes").
func determinerNext(after string) bool {
	ws := firstWords(after, 5)
	// "déclarer en ligne l'ouverture de mon chantier", "déclarer chaque
	// année le nombre de mes ruches": how or when first, then the object.
	for len(ws) > 2 && (ws[0] == "en" && ws[1] == "ligne" || ws[0] == "chaque" && periodWords[ws[1]]) {
		ws = ws[2:]
	}
	return len(ws) > 0 && (roleArticles[ws[0]] || possessives[ws[0]] || ofWords[ws[0]] || ws[0] == "l" || ws[0] == "chaque")
}

// periodWords follow "chaque" in a complement of time.
var periodWords = setOf(`jour semaine mois trimestre annee an soir matin`)

// askedThing reports whether "demander" is followed by what a person asks
// for themselves: a thing under an article or a possessive, not a partitive
// ("des renseignements", "de l'aide") nor someone asked ("à un agent").
func askedThing(after string) bool {
	ws := firstWords(after, 1)
	if len(ws) != 1 || ws[0] == "des" || ws[0] == "du" || !roleArticles[ws[0]] && !possessives[ws[0]] && ws[0] != "l" {
		return false
	}
	next := firstWords(after, 2)
	return len(next) < 2 || !duplicateWords[next[1]]
}

// duplicateWords name a copy of a document already issued: asking for one
// is the existing channel's workflow, no new data.
var duplicateWords = setOf(`duplicata duplicatas duplicate`)

// roleInOrganisation reports whether the persona's role names an
// organisation or the service it works in ("président d'association",
// "secrétaire de mairie"): what it asks for is the organisation's.
func (s *story) roleInOrganisation() bool {
	if s.sent == nil {
		return false
	}
	for _, w := range words(s.sent.Role) {
		if organisationWord(w) || staffPlaces[w] {
			return true
		}
	}
	return false
}

// forColleague reports whether a phrase of acting for someone ("pour le
// compte d'un", "au nom d'une") names a colleague next: an agent keying
// in for another agent acts within the team, not for a person served.
func forColleague(word, after string) bool {
	if w := lastWord(word); w != "un" && w != "une" || len(lastWords(word, 2)) < 2 {
		return false
	}
	next := firstWords(after, 1)
	return len(next) == 1 && colleagueWords[next[0]]
}

// colleagueWords name the service's own staff.
var colleagueWords = setOf(`agent agente collegue salarie salariee employe employee fonctionnaire`)

// onlyWords restrict a rule to some people: they are its audience.
var onlyWords = setOf(`only seuls seules uniquement seulement`)

// foundPersonalData reports whether a topic kept so far is personal data.
func (s *story) foundPersonalData() bool {
	for _, h := range s.topics {
		if s.has(h, CategoryPersonalData) {
			return true
		}
	}
	return false
}

// frFalseFriends are English keywords that fold to a French word of
// another sense: "retirées" (withdrawn) is spelt as "retirees".
var frFalseFriends = setOf(`retiree retirees`)

// signsCounted reports whether the keyword at text[start:end] is the noun
// "signes" (characters, or a sign language) rather than the verb signer:
// after "de", "des" or a number ("le nombre de signes", "1 500 signes").
func signsCounted(text string, start, end int) bool {
	if n := end - start; n != 5 && n != 6 {
		return false // checked first: it runs on every keyword found
	}
	if w := fold(text[start:end]); w != "signes" && w != "signe" {
		return false
	}
	before := lastWords(text[:start], 1)
	if len(before) == 0 {
		return false
	}
	b := before[0]
	return b == "de" || b == "des" || b != "" && b[len(b)-1] >= '0' && b[len(b)-1] <= '9'
}

// coinToken reports whether a French "jeton" in text, a unit, is sold or
// counted (a water token at a service bollard, tokens drawn from a hat)
// rather than an access token: nothing in the unit speaks of an API, a
// link, an access, a sign-in or a key. fixedPhrase asks it of the word.
func coinToken(text string) bool {
	for _, w := range words(text) {
		if tokenCues[w] || strings.HasPrefix(w, "authentif") || strings.HasPrefix(w, "habilit") || strings.HasPrefix(w, "http") {
			return false
		}
	}
	return true
}

// tokenCues name what an access token goes with.
var tokenCues = setOf(`api apis lien liens url acces connexion oauth oauth2 coffre appareil appareils certificat certificats
	serveur endpoint session sessions cle cles token tokens jwt expiration rotation`)

// refundOfPayment reports whether the payment keyword at text[start:end]
// sits in a sentence that refunds ("refunds card payments
// automatically", "le remboursement passe par le paiement en ligne déjà
// utilisé", "le montant est recrédité sur la carte bancaire"): the money
// goes back the way it came and no bank detail is
// collected. Account details (an IBAN, "bank details") are collected
// whatever they are for, so only the ways of paying count here; and a
// payment said "non remboursable", "non-refundable" is still taken.
func refundOfPayment(text string, start, end int) bool {
	sent := text[sentenceStart(text, start):sentenceStop(text, start)]
	if !containsASCIIFold(sent, "rembours") && !containsASCIIFold(sent, "refund") && !containsASCIIFold(sent, "recr") {
		return false // checked first, with no copy: it runs on every bank-data keyword found
	}
	w := fold(text[start:end])
	if !paymentWays[w] && !paymentWays[strings.TrimSuffix(w, "s")] && !strings.HasPrefix(w, "paiement ") && !strings.HasPrefix(w, "payer ") {
		return false
	}
	for _, x := range words(sent) {
		if (strings.HasPrefix(x, "rembours") || strings.HasPrefix(x, "refund") || strings.HasPrefix(x, "recredit")) && !strings.Contains(x, "abl") {
			return true // not "remboursable", "refundable": said of the payment, not done
		}
	}
	return false
}

// paymentWays are the bank-data keywords that name a way of paying.
var paymentWays = map[string]bool{"paiement en ligne": true, "payer en ligne": true, "virement": true, "prelevement": true,
	"prelevements": true, "by card": true, "card payment": true, "gov.uk pay": true, "payfip": true, "direct debit": true,
	"pay online": true, "carte bancaire": true, "payment card": true, "apple pay": true, "google pay": true, "paypal": true}

// notShown reports whether the sentence of the keyword at start says,
// after it, that what it names is not shown or published ("the driver's
// name is not shown", "le nom du bailleur n'est jamais affiché"): a
// detail kept out of a view is not processed there.
func notShown(text string, start, end int) bool {
	stop := sentenceStop(text, start)
	if stop <= end {
		return false
	}
	raw := text[end:stop]
	if !strings.Contains(raw, "not ") && !strings.Contains(raw, "never ") && !strings.Contains(raw, "pas ") && !strings.Contains(raw, "jamais ") {
		return false // checked first, with no copy: it runs on every detail found
	}
	rest := fold(raw)
	for _, n := range notShownPhrases {
		i := strings.Index(rest, n)
		if i < 0 {
			continue
		}
		// "not displayed to the licence holder": kept from someone, which
		// is minimisation and still a processing of the detail.
		next := firstWords(rest[i+len(n):], 2)
		return len(next) == 0 || !keptFrom[next[0]] && !(len(next) == 2 && keptFrom[next[1]])
	}
	return false
}

// keptFrom introduce whom a detail is kept from.
var keptFrom = setOf(`to a au aux from par by`)

// notShownPhrases are folded negations of showing.
var notShownPhrases = []string{" not shown", " never shown", " not displayed", " never displayed", " not published",
	" never published", " n'est pas affich", " n'est jamais affich", " ne sont pas affich", " ne sont jamais affich",
	" n'est pas publi", " n'est jamais publi", " ne sont pas publi", " ne sont jamais publi", " n'apparait pas",
	" n'apparaissent pas", " n'apparait jamais", " n'apparaissent jamais"}
