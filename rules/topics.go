package rules

import (
	"strings"
)

// Topics: which sections a story asks for is decided by what it does,
// never by the words that describe its persona. scanWords reads the
// title and the body (not code other than Gherkin, not placeholders,
// headings, nor the sections that answer a condition or that say what
// the story does not do), with the role of the story sentence blanked
// out: "En tant qu'usager en situation de handicap" is a persona, not a
// processing of health data. Each keyword found then counts according
// to its topic's context (TopicContext).

// rawTopicHit is a keyword found before its context is checked.
type rawTopicHit struct {
	topic      int
	word       string
	unit       int // 0 the title, i+1 the block i
	start, end int // in the unit's text
}

// unitText is one text scanned: the title or a block, role blanked.
type unitText struct {
	text  string
	block *block // nil for the title
	// sentence: the story sentence was read from this text.
	sentence bool
}

// scanWords walks the title and body once for the template's topics and
// vague terms. Vague terms are kept with their line, for the criteria.
func (s *story) scanWords() {
	if s.c.words.empty() && len(s.c.acronyms) == 0 {
		return
	}
	units := []unitText{{text: s.withoutRole(stripInlineMarkers(s.in.Title), -1), sentence: s.sent != nil && len(s.sentBlocks) == 0}}
	var raw []rawTopicHit
	// listedOnly: the RGPD section's answer, walked for the Listed
	// topics only, on lines that do not negate them.
	scan := func(u int, topics, listedOnly bool) {
		text, b := units[u].text, units[u].block
		counts := func(id, start int) bool {
			return !listedOnly || !negatedLine(text, start)
		}
		words, acronyms := &s.c.words, s.c.acronyms
		if listedOnly {
			words, acronyms = &s.c.listed, s.c.listedAcronyms
		}
		var acronym func(start, end int)
		if topics && len(acronyms) > 0 {
			acronym = func(start, end int) {
				for _, id := range acronyms[text[start:end]] {
					if counts(id, start) {
						raw = append(raw, rawTopicHit{topic: id, word: text[start:end], unit: u, start: start, end: end})
					}
				}
			}
		}
		// Hits come in text order: count the line breaks as they pass.
		lineIdx, counted := 0, 0
		words.scanWords(text, func(p *phrase, start, end int) {
			switch {
			case p.vague && b != nil:
				lineIdx += strings.Count(text[counted:start], "\n")
				counted = start
				line := b.line
				if lineIdx < len(b.lines) {
					line = b.lines[lineIdx]
				}
				s.vagueHits = append(s.vagueHits, vagueHit{line: line, word: text[start:end]})
			case !p.vague && topics && counts(p.id, start):
				raw = append(raw, rawTopicHit{topic: p.id, word: text[start:end], unit: u, start: start, end: end})
			}
		}, acronym)
	}
	scan(0, !s.t.NamedTopicsOnly, false)
	for i := range s.d.blocks {
		b := &s.d.blocks[i]
		if b.text == "" || s.phBlock[i] || s.outOfScope(b) {
			continue
		}
		gherkin := b.kind == blockCode && isGherkinFence(b)
		if b.kind == blockCode && !gherkin {
			continue
		}
		topics, listed := !s.t.NamedTopicsOnly, false
		if b.section >= 0 {
			if spec := s.sections[b.section].spec; spec >= 0 {
				topics = !s.c.answer[spec]
				listed = !topics && !s.t.NamedTopicsOnly && !s.c.listed.empty() && s.t.Sections[spec].ID == SectionPersonalData
			}
		}
		if !topics && !listed && !gherkin && !s.inCriteria(b) {
			continue
		}
		units = append(units, unitText{text: s.withoutRole(b.text, i), block: b, sentence: s.sentBlock(i)})
		scan(len(units)-1, topics || listed, listed)
	}
	s.resolveTopics(units, raw)
	// Template order, so that results are stable whatever the text order.
	sortTopics(s.topics)
}

// withoutRole blanks the story's role out of a text the sentence was read
// from (block i, or the title when i < 0), keeping every offset.
func (s *story) withoutRole(text string, i int) string {
	if s.sent == nil || s.sent.Role == "" || i >= 0 && !s.sentBlock(i) {
		return text
	}
	k := strings.Index(text, s.sent.Role)
	if k < 0 {
		return text
	}
	return text[:k] + strings.Repeat(" ", len(s.sent.Role)) + text[k+len(s.sent.Role):]
}

// sentBlock reports whether the story sentence was read from block i.
func (s *story) sentBlock(i int) bool {
	for _, bi := range s.sentBlocks {
		if bi == i {
			return true
		}
	}
	return false
}

// firstTopicOf returns the index of the template's first topic of
// context ctx, or -1: the passes that find a topic from the whole story
// (a document taken out, a body outside, a disclosure in a fault) keep it.
func (s *story) firstTopicOf(ctx TopicContext) int {
	for i := range s.t.Topics {
		if s.t.Topics[i].Context == ctx {
			return i
		}
	}
	return -1
}

// resolveTopics keeps the hits whose context holds, then looks in the
// need for the topics that count only there.
func (s *story) resolveTopics(units []unitText, raw []rawTopicHit) {
	seen := make([]int, len(s.t.Topics)) // index in s.topics + 1
	keep := func(topic int, word string, orgOwned bool) {
		changed := s.t.Topics[topic].Detail && s.changesInNeed(word)
		if k := seen[topic]; k > 0 {
			// A person's word wins over an organisation's; a detail
			// handled otherwise than changed keeps its security notes.
			s.topics[k-1].orgOwned = s.topics[k-1].orgOwned && orgOwned
			s.topics[k-1].changed = s.topics[k-1].changed && changed
			return
		}
		s.topics = append(s.topics, topicHit{topic: topic, word: word, orgOwned: orgOwned, changed: changed})
		seen[topic] = len(s.topics)
	}
	// Personal data found in each sentence, for ContextPersonalData.
	type sentKey struct{ unit, sent int }
	personal := map[sentKey]bool{}
	accepted := make([]bool, len(raw))
	orgs := make([]bool, len(raw))
	s.act = s.needAct()
	orgSanction, staffThingPhotos := false, false
	orgPays := s.organisationPays() // once: it splits the role and the need
	for _, h := range raw {
		orgSanction = orgSanction || sanctionOnOrganisation(h.word, units[h.unit].text[h.end:])
		// A member of staff's photos of a thing, named once ("attach
		// photos of tables and chairs"), are the photos the story counts
		// elsewhere ("up to 5 photos per visit").
		staffThingPhotos = staffThingPhotos || s.t.Topics[h.topic].Context == ContextExchange && s.staffPhotoOfThing(units[h.unit].text, h.word, h.end)
	}
	for k, h := range raw {
		t := &s.t.Topics[h.topic]
		text := units[h.unit].text
		if negatedAt(text, h.start) || inventedAfter(text[h.end:]) || brandIdentity(text, h.start, h.end) {
			continue // "sans données nominatives", "no cookies", "l'identité visuelle"
		}
		if s.lookalike(t, text, h) {
			continue // "les soins donnés à chaque animal", "par glisser-déposer": no one's data, no upload
		}
		if s.c.sharedWithRelative(text, h.start, h.end) {
			continue // "copier le lien d'une fiche pratique pour l'envoyer à un proche"
		}
		if forColleague(h.word, text[h.end:]) {
			continue // "saisir un congé pour le compte d'un agent": within the team
		}
		if nameOfWords[lastWord(h.word)] && organisationNext(text[h.end:]) {
			continue // "au nom de l'association", "on behalf of the club": no person represented
		}
		if t.Context == ContextExchange && intoExistingSpace(text, h.start, h.word) {
			continue // "la décision est déposée dans l'espace famille": the existing channel
		}
		// A new recipient, or another person's data shown, counts whatever
		// the need does.
		anyAct := t.Context == ContextExchange || t.Context == ContextOtherPerson || t.Context == ContextSamePerson || t.Context == ContextDoer
		// A count reaches the words it counts; a phrase that names what
		// the story does on its own (context any) only when the count is
		// right before it: "le taux … soit calculé automatiquement" is a
		// computation, not a count.
		window := text[sentenceStart(text, h.start):h.start]
		if t.Context == ContextAny {
			window = strings.Join(lastWords(text[:h.start], 3), " ")
		}
		if t.Has(CategoryPersonalData) && !anyAct && aggregateBefore(window) && (!s.owned(text, h.start, h.end, false) || axisBefore(text[:h.start])) {
			continue // "le nombre de vaccinations par commune", "par GIR": counted, nobody's
		}
		if t.Has(CategoryPersonalData) && !anyAct && (priceOf(text[:h.start]) || priceAfter(text[h.end:]) || dashboardOf(text[:h.start]) || s.diagnosticOfNoOne(text, h.start, h.end) ||
			t.Context == ContextOwn && s.lang == EN && recordsAsModifier(text[h.end:])) {
			continue // "les tarifs des abonnements", "le diagnostic de performance énergétique", "les rapports de diagnostic"
		}
		// A detail the person gives ("en indiquant mon adresse
		// électronique", "enter my phone number") is collected, whatever
		// the need moves along.
		// A reason stated for a step ("mark a referral as urgent because
		// of a hospital discharge") records that reason: a special
		// category is processed whatever the step.
		given := givenDetail(text[:h.start]) || t.Has(CategorySecurity) && t.Has(CategoryPersonalData) && reasonBefore(text[:h.start])
		if !anyAct && !given && s.act == actBrowse && t.Has(CategoryPersonalData) ||
			!anyAct && !given && !s.act.processes() && (s.act != actRestrict || !t.Has(CategorySecurity)) && (units[h.unit].sentence || h.unit == 0) && t.Has(CategoryPersonalData) {
			// Browsing what the same people already see, moving a record
			// along its workflow, one's own document or draft: no new
			// processing, even of a NIR or a commune of residence. Hiding
			// sensitive data from someone ("je ne vois pas le motif de
			// condamnation") is minimisation: it still counts.
			continue
		}
		if t.Context == ContextOwn && !s.act.processes() {
			continue
		}
		if hiddenFromView(h.word, text[h.end:]) {
			continue // "hidden from the list": where, not from whom
		}
		if t.Has(CategoryPersonalData) && !anyAct && heldSubscription(text, h.start, h.end) {
			continue // "renouveler mon abonnement", "avant de m'abonner": nothing collected
		}
		if feedSubscription(h.word, text[h.end:]) {
			continue // "subscribe to an RSS feed": nobody's address is kept
		}
		if meetingMinutes(h.word, text[:h.start], text[h.end:]) || archivesPlace(text, h.start, h.end, s.lang) {
			continue // "le procès-verbal de recette", "demander aux Archives": no offence, no archiving
		}
		if t.Has(CategorySecurity) && unsubscribeLink(text, h.start, h.end) {
			continue // "désabonnement en un clic depuis le courriel": no sign-in
		}
		if fixedPhrase(text, h.start, h.end) {
			continue // "pour les connexions faibles", "en langue des signes": no sign-in, no signature
		}
		if s.bugReport() && fieldKeyword(h.word) {
			continue // "Bug : le champ téléphone refuse le +33": a fault of a field that exists
		}
		if permitNoun(text, h.start, h.end) {
			continue // "planning permission", "permission de voirie": a permit, no access right
		}
		if sentAttachment(text, h.start, h.end) {
			continue // "recevoir le récapitulatif en pièce jointe": sent out, no upload
		}
		if signsCounted(text, h.start, h.end) {
			continue // "chiffrer le compteur de signes": characters, no one signs
		}
		if t.Has(CategoryPersonalData) && !t.Has(CategorySecurity) && notShown(text, h.start, h.end) {
			continue // "the driver's name is not shown": kept out of the view
		}
		if t.ID == "bank-data" && refundOfPayment(text, h.start, h.end) {
			continue // "refunds card payments automatically": paid back the way it came
		}
		if s.lang == EN && len(h.word) >= 8 && strings.EqualFold(h.word[:8], "handicap") {
			// English says "disability"; its "handicap" is a golfer's
			// playing level ("my handicap index"), no one's health.
			continue
		}
		if orgSanction && sanctionWord(h.word) {
			continue // "a penalty notice to a company": no person's offence, in the title either
		}
		switch t.Context {
		case ContextNeed:
			if b := units[h.unit].block; b != nil && t.Has(CategoryPersonalData) && t.Has(CategorySecurity) &&
				b.kind == blockItem && s.inCriteria(b) && (signInBefore(text[:h.start]) || signInWords[firstWordAfter(h.word, 0)]) && !givenStep(text) {
				// "- [ ] Connexion avec FranceConnect": a criterion says
				// the story signs people in through the provider, whose
				// identity it then receives.
				accepted[k] = true
				continue
			}
			if s.sent == nil && t.Has(CategorySecurity) && !s.bugReport() {
				// A spike or a question has no need: it is about what it
				// names. On a sign-in provider ("Spike : FranceConnect
				// pour les candidats ?"), signing or signing in, it is
				// about authentication, and processes nobody's data yet;
				// a bug report is a fault of what exists.
				accepted[k], orgs[k] = true, true
			}
			continue
		case ContextPersonalData, ContextProvider, ContextRecords, ContextOutside, ContextAccess, ContextOut, ContextOnBehalf:
			continue
		case ContextPerson, ContextOwn:
			if frenchTools[fold(h.word)] && s.lang == FR {
				continue // "mon application", "les applications du ministère": software
			}
			if t.Context == ContextOwn && s.recordVerb(text, h.start, h.end) {
				continue // "I want to record the venue of each ceremony": the verb, no one's records
			}
			if t.Context == ContextOwn && uiCompound(text, h.start, h.end) {
				continue // "the application form", "la page de réservation"
			}
			if t.Context == ContextPerson && situationAsCase(text, h.start, h.end) {
				continue // "être orienté vers la bonne démarche selon ma situation": which page, not a detail kept
			}
			if quotedMessage(text, h.start) {
				continue // "le courriel dit « votre demande a bien été reçue »": the product's words
			}
			if t.Context == ContextOwn && s.c.askedBy(text, h.start, h.end) {
				continue // "l'élu demande le tonnage par commune": who asks, not a record
			}
			if t.Context == ContextOwn && s.c.productWord(text, h.start, h.end, s.lang) {
				continue // "prendre en compte", "un message d'erreur", "l'historique des versions"
			}
			if t.Context == ContextOwn && units[h.unit].sentence && s.inCircumstance(h.word) {
				continue // "… avant de déposer ma demande": when, not what
			}
			if t.Context == ContextOwn && units[h.unit].sentence && s.inBenefitOnly(h.word) {
				// "… afin de la joindre à mon dossier": the record is
				// why, not what the story handles.
				continue
			}
			if !s.owned(text, h.start, h.end, units[h.unit].sentence && t.Context == ContextOwn) &&
				!(t.Context == ContextPerson && s.fieldList(units, raw, k)) &&
				!(t.Context == ContextOwn && s.sent == nil && (!s.bugReport() && exportedHere(text, h.start) || s.epicItem(units[h.unit]))) {
				continue
			}
		case ContextSamePerson:
			if w := fold(h.word); (w == "meme" || w == "memes" || w == "same") && !s.c.personLike(firstWordAfter(text, h.end), s.lang) {
				continue
			}
		case ContextAct:
			if units[h.unit].sentence && s.inCircumstance(h.word) || adjectiveParticiple(text, h.start, h.end) ||
				// "je ne peux pas joindre de fichier de plus de 10 Mo",
				// "Bug : le bouton reste grisé après l'ajout de la
				// dernière pièce": a rule on, or a fault of, what exists.
				s.act == actRestrict || s.bugReport() {
				continue
			}
		case ContextInterconnection:
			if !exchangeInSentence(text, sentenceIndex(text, h.start)) && !(units[h.unit].sentence && fromSystem(text[:h.start])) || !systemAcronym(h.word) {
				continue
			}
		case ContextOtherPerson:
			if !s.othersData(units, raw, h) {
				continue
			}
		case ContextSeeing:
			if !s.seesDetail(units, raw, h) {
				continue
			}
		case ContextDoer:
			if !s.doer(text, h) {
				continue
			}
		case ContextRestricted:
			if !s.c.restrictsToPeople(text, h.start, h.end, s.lang) {
				continue
			}
		case ContextInbound:
			if !inboundMessages(text, h.start) {
				continue
			}
		case ContextTransfer:
			if !units[h.unit].sentence || !s.inNeed(h.word) || !s.transfersRecord(text[h.end:]) {
				continue
			}
		case ContextCitizen:
			if !units[h.unit].sentence || !s.citizenPerson() && !s.unknownPersonBooking(h.word) || !s.inNeed(text[h.start:h.end]) || s.inCircumstance(h.word) {
				continue
			}
			if !strings.Contains(text[h.start:h.end], " ") && adjectiveParticiple(text, h.start, h.end) {
				// "voir les projets déposés": what others filed, described
				// ("my saved card" is a keyword of its own).
				continue
			}
			if filingNoun(text, h.start, h.word) || s.inOrganisationName() {
				continue // "le stock en réserve": a noun; "réserver le gymnase au nom de l'association": the organisation's booking
			}
			if howOrWhoCan(text[:h.start]) {
				continue // "a page that explains who can apply", "comment s'inscrire": the procedure told
			}
			if interfaceObject(text[h.end:]) {
				// "choisir ma langue d'affichage", "choose my colour
				// theme": a setting of the interface, nobody's data.
				continue
			}
			if w := fold(h.word); strings.HasPrefix(w, "declar") && !determinerNext(text[h.end:]) {
				// "déclarer mes pertes" files a declaration; "déclarer
				// plus vite", "déclarer qu'un meublé est retiré" do not.
				continue
			}
			if fold(h.word) == "demander" && (!askedThing(text[h.end:]) || s.roleInOrganisation()) {
				// "demander ma carte", "demander une dérogation" file a
				// request; "demander de l'aide", "demander à un agent",
				// "demander des renseignements" do not, nor a duplicate
				// sent through the existing channel; a "président
				// d'association" asks for the association.
				continue
			}
		}
		accepted[k] = true
		orgs[k] = s.c.organisationOwner(text, h.start, h.end) ||
			// "ETQ association, je renseigne notre RIB": an
			// organisation's own detail.
			s.organisationPersona() && possessedByFirst(text[:h.start]) ||
			// "ETQ association, je dépose ma demande avec les pièces
			// (statuts, budget, RIB)": a detail an organisation gives in
			// its sentence, naming no person, is its own.
			s.organisationPersona() && t.Detail && units[h.unit].sentence &&
				!s.c.peopleInSentence(text, sentenceIndex(text, h.start), s.lang) ||
			// "ETQ société de production, je veux payer la redevance par
			// carte bancaire": the company's card.
			units[h.unit].sentence && orgPays ||
			// Its payment details anywhere, as in a criterion ("payment
			// goes through GOV.UK Pay"): the need pays, the card is its.
			orgPays && t.Detail ||
			// "la TVA calculée automatiquement sur les devis de
			// l'entreprise": a sentence about an organisation naming no
			// people handles the organisation's data.
			t.Context == ContextAny && !t.Has(CategorySecurity) && units[h.unit].sentence && s.aboutOrganisation() &&
				!s.c.peopleInSentence(text, sentenceIndex(text, h.start), s.lang) ||
			// "joindre une photo de la borne réparée": staff's photo of
			// a thing, an upload but nobody's data.
			t.Context == ContextExchange && (staffThingPhotos && containsASCIIFold(h.word, "photo") || s.staffPhotoOfThing(text, h.word, h.end))
		if t.Has(CategoryPersonalData) && !orgs[k] {
			personal[sentKey{h.unit, sentenceIndex(text, h.start)}] = true
		}
	}
	// The need: people handled by the story ("relancer un allocataire").
	needHits := s.needTopics()
	for _, h := range needHits {
		if s.t.Topics[h.topic].Has(CategoryPersonalData) && !h.orgOwned {
			for u := range units {
				if units[u].sentence {
					personal[sentKey{u, sentenceIndex(units[u].text, strings.Index(units[u].text, s.sent.Action))}] = true
				}
			}
		}
	}
	// Working offline copies the records named with it onto a device:
	// they count for the words of context personal-data (the device's
	// security), though the copy processes nothing new.
	records := map[sentKey]bool{}
	offlineStory := s.offlineStory()
	for _, h := range raw {
		t := &s.t.Topics[h.topic]
		if !offlineStory || !t.Has(CategoryPersonalData) || t.Context != ContextOwn && t.Context != ContextPerson {
			// "la tournée hors connexion", "the day's round offline": a
			// work list is the records of the people visited. Past a
			// need that works offline, a criterion that keeps a work
			// list offline counts by itself: "la liste du car est
			// disponible sur la tablette, même sans réseau".
			if t.Context != ContextPersonalData || !offlineStory && !offline(" "+strings.Join(words(h.word), " ")+" ") ||
				!workListAround(units[h.unit].text, h.start) {
				continue
			}
		}
		if s.sent != nil && s.sent.Lang == FR && frenchTools[fold(h.word)] {
			continue // "utiliser l'application hors connexion": the tool, no record
		}
		records[sentKey{h.unit, sentenceIndex(units[h.unit].text, h.start)}] = true
	}
	// Whether listed columns name people is looked at once, and only
	// when a bulk word's own sentence names no one.
	cols, colsRead := false, false
	columns := func() bool {
		if !colsRead {
			held := map[int]bool{} // the units holding a person's detail
			for k, ok := range personal {
				held[k.unit] = held[k.unit] || ok
			}
			cols, colsRead = columnsOfPeople(units, func(u int) bool { return held[u] }), true
		}
		return cols
	}
	for k, h := range raw {
		ctx := s.t.Topics[h.topic].Context
		if ctx != ContextPersonalData && ctx != ContextProvider && ctx != ContextRecords || s.act == actOwnExport {
			continue
		}
		text := units[h.unit].text
		if negatedAt(text, h.start) || inventedAfter(text[h.end:]) || interfaceStateKept(text, h.start, h.end) || archivesPlace(text, h.start, h.end, s.lang) ||
			fixedPhrase(text, h.start, h.end) || s.crudOfThings(text, h.start, h.end) || s.lookalike(&s.t.Topics[h.topic], text, h) {
			continue // "le filtre choisi est conservé": the screen's state, nobody's data; "aux Archives": a place; "mes candidats orientés": sent by others; "le plan hors ligne"
		}
		if units[h.unit].sentence && s.inBenefitOnly(h.word) {
			continue // "… pour que la mairie vienne le détruire": why, not what the story does
		}
		si := sentenceIndex(text, h.start)
		if ctx == ContextProvider {
			// "les titulaires du marché" name the provider, not the
			// people whose data it receives.
			text = text[:h.start] + strings.Repeat(" ", h.end-h.start) + text[h.end:]
		}
		if personal[sentKey{h.unit, si}] || records[sentKey{h.unit, si}] || s.c.peopleInSentence(text, si, s.lang) ||
			ctx != ContextProvider && columns() ||
			ctx == ContextRecords && s.copiesRecord(units, raw, h, si) || s.staffOffline(h.word) ||
			// A task titled by what it copies or exports ("Reprise des
			// données du tableur", "Migrate nominations from the old
			// database", "Ajouter un export CSV des autorisations")
			// moves the people's details its body lists.
			ctx != ContextProvider && units[h.unit].block == nil && s.sent == nil && !s.bugReport() && len(personal) > 0 {
			accepted[k] = true
		}
	}
	for k, h := range raw {
		if accepted[k] {
			keep(h.topic, h.word, orgs[k])
			if s.t.Topics[h.topic].OwnData && units[h.unit].sentence && s.citizenPerson() && s.inNeed(units[h.unit].text[h.start:h.end]) && ownObject(units[h.unit].text, h.start, h.end) {
				s.topics[seen[h.topic]-1].own = true
			}
		}
	}
	for _, h := range needHits {
		keep(h.topic, h.word, h.orgOwned)
	}
	s.labelTopics(keep)
	s.providerPersona(keep)
	s.outsidePersona(keep)
	s.accessNeed(keep)
	s.peopleOut(keep)
	s.documentOut(units, keep)
	s.faultDisclosure(units, raw, keep)
	s.faultWrongParty(units, raw, keep)
	s.listedPhotos(keep)
	s.perPersonCount(keep)
	s.controlTask()
	s.importTask(units, raw)
	s.featureFault()
	s.uploadFault()
	s.paymentFault()
}
