package rules

import (
	"slices"
	"strings"
	"unicode/utf8"
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
	scan := func(u int, topics bool) {
		text, b := units[u].text, units[u].block
		var acronym func(start, end int)
		if topics && len(s.c.acronyms) > 0 {
			acronym = func(start, end int) {
				for _, id := range s.c.acronyms[text[start:end]] {
					raw = append(raw, rawTopicHit{topic: id, word: text[start:end], unit: u, start: start, end: end})
				}
			}
		}
		// Hits come in text order: count the line breaks as they pass.
		lineIdx, counted := 0, 0
		s.c.words.scanWords(text, func(p *phrase, start, end int) {
			switch {
			case p.vague && b != nil:
				lineIdx += strings.Count(text[counted:start], "\n")
				counted = start
				line := b.line
				if lineIdx < len(b.lines) {
					line = b.lines[lineIdx]
				}
				s.vagueHits = append(s.vagueHits, vagueHit{line: line, word: text[start:end]})
			case !p.vague && topics:
				raw = append(raw, rawTopicHit{topic: p.id, word: text[start:end], unit: u, start: start, end: end})
			}
		}, acronym)
	}
	scan(0, true)
	for i := range s.d.blocks {
		b := &s.d.blocks[i]
		if b.text == "" || s.phBlock[i] {
			continue
		}
		gherkin := b.kind == blockCode && isGherkinFence(b)
		if b.kind == blockCode && !gherkin {
			continue
		}
		topics := true
		if b.section >= 0 {
			if spec := s.sections[b.section].spec; spec >= 0 && s.c.answer[spec] {
				topics = false
			}
		}
		if !topics && !gherkin && !s.inCriteria(b) {
			continue
		}
		units = append(units, unitText{text: s.withoutRole(b.text, i), block: b, sentence: s.sentBlock(i)})
		scan(len(units)-1, topics)
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

// resolveTopics keeps the hits whose context holds, then looks in the
// need for the topics that count only there.
func (s *story) resolveTopics(units []unitText, raw []rawTopicHit) {
	seen := make([]int, len(s.t.Topics)) // index in s.topics + 1
	keep := func(topic int, word string, orgOwned bool) {
		if k := seen[topic]; k > 0 {
			// A person's word wins over an organisation's.
			s.topics[k-1].orgOwned = s.topics[k-1].orgOwned && orgOwned
			return
		}
		s.topics = append(s.topics, topicHit{topic: topic, word: word, orgOwned: orgOwned})
		seen[topic] = len(s.topics)
	}
	// Personal data found in each sentence, for ContextPersonalData.
	type sentKey struct{ unit, sent int }
	personal := map[sentKey]bool{}
	accepted := make([]bool, len(raw))
	orgs := make([]bool, len(raw))
	s.act = s.needAct()
	for k, h := range raw {
		t := &s.t.Topics[h.topic]
		text := units[h.unit].text
		if negated(text[:h.start]) {
			continue // "sans données nominatives", "no cookies"
		}
		// A new recipient, or another person's data shown, counts whatever
		// the need does.
		anyAct := t.Context == ContextExchange || t.Context == ContextOtherPerson || t.Context == ContextSamePerson
		// A count reaches the words it counts; a phrase that names what
		// the story does on its own (context any) only when the count is
		// right before it: "le taux … soit calculé automatiquement" is a
		// computation, not a count.
		window := text[sentenceStart(text, h.start):h.start]
		if t.Context == ContextAny {
			window = strings.Join(lastWords(text[:h.start], 3), " ")
		}
		if t.Has(CategoryPersonalData) && !anyAct && aggregateBefore(window) && !s.owned(text, h.start, h.end, false) {
			continue // "le nombre de vaccinations par commune": counted, nobody's
		}
		// A detail the person gives ("en indiquant mon adresse
		// électronique", "enter my phone number") is collected, whatever
		// the need moves along.
		given := givenDetail(text[:h.start])
		if !anyAct && !given && s.act == actBrowse && t.Has(CategoryPersonalData) ||
			!anyAct && !given && !s.act.processes() && (units[h.unit].sentence || h.unit == 0) && t.Has(CategoryPersonalData) {
			// Browsing what the same people already see, moving a record
			// along its workflow, one's own document or draft: no new
			// processing, even of a NIR or a commune of residence.
			continue
		}
		if t.Context == ContextOwn && !s.act.processes() {
			continue
		}
		switch t.Context {
		case ContextNeed, ContextPersonalData, ContextProvider, ContextRecords:
			continue
		case ContextPerson, ContextOwn:
			if frenchTools[fold(h.word)] && s.french() {
				continue // "mon application", "les applications du ministère": software
			}
			if t.Context == ContextOwn && uiCompound(text, h.start, h.end) {
				continue // "the application form", "la page de réservation"
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
				!(t.Context == ContextPerson && s.fieldList(units, raw, k)) {
				continue
			}
		case ContextSamePerson:
			if w := fold(h.word); (w == "meme" || w == "memes" || w == "same") && !s.c.isPerson(firstWordAfter(text, h.end)) {
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
			if !exchangeInSentence(text, sentenceIndex(text, h.start)) || !systemAcronym(h.word) {
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
		case ContextTransfer:
			if !units[h.unit].sentence || !s.inNeed(h.word) || !s.transfersRecord(text[h.end:]) {
				continue
			}
		case ContextCitizen:
			if !units[h.unit].sentence || !s.citizenPerson() || !s.inNeed(text[h.start:h.end]) || s.inCircumstance(h.word) {
				continue
			}
		}
		accepted[k] = true
		orgs[k] = s.c.organisationAfter(text, h.end) ||
			// "la TVA calculée automatiquement sur les devis de
			// l'entreprise": a sentence about an organisation naming no
			// people handles the organisation's data.
			t.Context == ContextAny && !t.Has(CategorySecurity) && units[h.unit].sentence && s.aboutOrganisation() &&
				!s.c.peopleInSentence(text, sentenceIndex(text, h.start))
		if t.Has(CategoryPersonalData) && !orgs[k] {
			personal[sentKey{h.unit, sentenceIndex(text, h.start)}] = true
		}
	}
	// The need: people handled by the story ("relancer un allocataire").
	needHits := s.needTopics()
	for _, h := range needHits {
		if s.t.Topics[h.topic].Has(CategoryPersonalData) {
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
	if s.offlineStory() {
		for _, h := range raw {
			if s.sent != nil && s.sent.Lang == FR && frenchTools[fold(h.word)] {
				continue // "utiliser l'application hors connexion": the tool, no record
			}
			if t := &s.t.Topics[h.topic]; t.Has(CategoryPersonalData) && (t.Context == ContextOwn || t.Context == ContextPerson) {
				records[sentKey{h.unit, sentenceIndex(units[h.unit].text, h.start)}] = true
			}
		}
	}
	for k, h := range raw {
		ctx := s.t.Topics[h.topic].Context
		if ctx != ContextPersonalData && ctx != ContextProvider && ctx != ContextRecords || s.act == actOwnExport {
			continue
		}
		text := units[h.unit].text
		if negated(text[:h.start]) {
			continue
		}
		si := sentenceIndex(text, h.start)
		if ctx == ContextProvider {
			// "les titulaires du marché" name the provider, not the
			// people whose data it receives.
			text = text[:h.start] + strings.Repeat(" ", h.end-h.start) + text[h.end:]
		}
		if personal[sentKey{h.unit, si}] || records[sentKey{h.unit, si}] || s.c.peopleInSentence(text, si) ||
			ctx == ContextRecords && s.copiesRecord(units, raw, h, si) {
			accepted[k] = true
		}
	}
	for k, h := range raw {
		if accepted[k] {
			keep(h.topic, h.word, orgs[k])
		}
	}
	for _, h := range needHits {
		keep(h.topic, h.word, false)
	}
	s.providerPersona(keep)
}

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

// providerPersona keeps the topics of context provider that the story's
// role names ("ETQ prestataire externe", "As a contractor") when the
// story hands the provider personal data: a topic kept so far asks for
// the RGPD section as a person's.
func (s *story) providerPersona(keep func(topic int, word string, orgOwned bool)) {
	if s.sent == nil || s.sent.Role == "" || !s.c.anyProvider {
		return
	}
	personal := false
	for _, h := range s.topics {
		personal = personal || s.has(h, CategoryPersonalData)
	}
	if !personal {
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
	switch s.act {
	case actBrowse, actWorkflow, actRestrict, actOwnDelete, actControl:
		return nil // people seen, notified or moved along: nothing new about them
	}
	need := s.sent.Action
	var out []topicHit
	s.c.words.scan(need, func(p *phrase, start, end int) {
		if p.vague || s.t.Topics[p.id].Context != ContextNeed {
			return
		}
		if start > 0 && need[start-1] == '-' || end < len(need) && need[end] == '-' {
			return // "user-friendly" is no user
		}
		if quoted(need, start) {
			return // "le rôle « instructeur »" names a role, not a person
		}
		if negated(need[:start]) {
			return // "hors connexion", "sans compte"
		}
		if tenderRoles[fold(need[start:end])] && (s.aboutOrganisation() || tenderDocumentBefore(need[:start])) {
			return // "les offres des candidats": companies answering a tender
		}
		if aggregateBefore(need[:start]) && !perPerson(need[:start]) {
			return // "le nombre de prêts par tranche d'âge des lecteurs": a count
		}
		before := lastWords(need[:start], 2)
		// "réserver pour mes enfants": a citizen's relatives are whom the
		// booking is about, not whom a feature is for.
		relatives := len(before) == 2 && firstPossessives[before[1]] && s.citizenPerson()
		for _, w := range before {
			if beneficiaryWords[s.sent.Lang][w] && !relatives || aggregateWords[w] {
				return
			}
		}
		if len(before) == 2 && audienceParticiple(before[0]) && (before[1] == "aux" || before[1] == "au" || before[1] == "a" || before[1] == "to") {
			return // "proposés aux agents", "offered to residents": an audience
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
		out = append(out, topicHit{topic: p.id, word: need[start:end]})
	})
	return out
}

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
		source = sourceWords[b[0]] || sourceWords[b[len(b)-1]]
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
		// its person, the detail before them.
		b := lastWords(text[:h.start], 1)
		if len(b) == 0 || !s.c.isPerson(b[0]) && !householdWords[b[0]] {
			return false
		}
		k := prevWordStart(text, h.start)
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
	if n := len(w); n == 0 || w[n-1] != "else" && !slices.Contains(w, "quelqu") {
		// "d'un autre abonné", "another tenant": a person follows.
		if len(next) == 0 || !s.c.isPerson(next[0]) && next[0] != "personne" {
			return false
		}
		next = next[1:]
	}
	// English: "another tenant's details", "someone else's address".
	possessive := len(next) > 0 && next[0] == "s"
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

// householdWords name a household: "d'un autre foyer" owns people's data.
var householdWords = setOf(`foyer foyers menage menages famille familles household households family families`)

// publicWords say a document is public: a person's detail shown on it
// is disclosed to everyone.
var publicWords = setOf(`public publique publics publiques publie publiee publies publiees published`)

// displayPrefixes are the folded prefixes of verbs of showing.
var displayPrefixes = []string{"affich", "visible", "apparai", "imprim", "show", "display", "print", "appear", "expos", "mention"}

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
			for _, x := range ws[i+1:] {
				if roleArticles[x] || x == "l" || x == "nouvel" || x == "nouveau" || x == "nouvelle" || x == "new" || x == "autre" || x == "another" {
					continue
				}
				return isOrganisation(x)
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
func tenderDocumentBefore(text string) bool {
	var buf [64]byte
	for pos := 0; pos < len(text); {
		st, e, w := wordAt(text, pos, buf[:])
		if st < 0 {
			break
		}
		if tenderDocuments[string(w)] {
			return true
		}
		pos = e
	}
	return false
}

// adjectiveParticiple reports whether a keyword's first word is a past
// participle describing things that already exist ("the uploaded
// documents", "les pièces téléversées"), not the act itself ("is
// uploaded", "sont téléversées" stay acts).
func adjectiveParticiple(text string, start, end int) bool {
	raw := strings.ToLower(text[start:end])
	if k := strings.IndexByte(raw, ' '); k > 0 {
		raw = raw[:k] // "uploaded … documents": the first word is the act
	}
	participle := strings.HasSuffix(raw, "ed") && len(raw) > 4
	for _, sfx := range []string{"é", "ée", "és", "ées"} {
		participle = participle || strings.HasSuffix(raw, sfx)
	}
	if !participle {
		return false
	}
	before := lastWords(text[:start], 1)
	return len(before) == 1 && !auxiliaries[before[0]]
}

// auxiliaries before a participle make it an act, not an adjective.
var auxiliaries = setOf(`est sont etre ete soit soient sera seront etait etaient ai as a avons avez ont avoir is are be been being was were will get gets got has have had`)

// frenchTools: in French, "application" is the software, not a claim.
var frenchTools = setOf(`application applications`)

// french reports whether the story is written in French: its sentence's
// language, or, for a bug or a question with no story sentence, more
// French than English function words in its first lines.
func (s *story) french() bool {
	if s.sent != nil && s.sent.found() > 0 {
		return s.sent.Lang == FR
	}
	text := s.in.Title + " " + s.in.Body
	if len(text) > 600 {
		text = text[:600]
	}
	fr, en := 0, 0
	for _, w := range words(text) {
		switch fold(w) {
		case "le", "la", "les", "des", "du", "une", "est", "pour", "dans", "sur", "qui", "que", "avec", "et":
			fr++
		case "the", "a", "an", "is", "for", "in", "on", "which", "that", "with", "and", "to", "of":
			en++
		}
	}
	return fr > en
}

// offlineStory reports whether the story's need or title works offline.
func (s *story) offlineStory() bool {
	f := " " + strings.Join(words(s.in.Title), " ") + " "
	if s.sent != nil {
		f += strings.Join(words(s.sent.Action), " ") + " "
	}
	return offline(f)
}

// sentenceStart returns the offset where the sentence holding off starts.
func sentenceStart(text string, off int) int {
	for i := off - 1; i > 0; i-- {
		if text[i] == '\n' || (text[i] == '.' || text[i] == '!' || text[i] == '?') && i+1 < len(text) && text[i+1] == ' ' {
			return i + 1
		}
	}
	return 0
}

// aggregateBefore reports whether a text names a count or a breakdown:
// the people named after it are counted, not handled ("les statistiques
// mensuelles sur les usagers", "the number of loans by age band of
// readers").
func aggregateBefore(text string) bool {
	var buf [64]byte
	for pos := 0; pos < len(text); {
		st, e, w := wordAt(text, pos, buf[:])
		if st < 0 {
			break
		}
		if aggregateWords[string(w)] {
			return true
		}
		pos = e
	}
	return false
}

// screenNouns name parts of an interface: a record's name before them
// (English) or after them and "de" (French) names the screen, not a
// person's record ("the application form", "la page de réservation");
// so do the categories and types of a reference list ("the repair
// categories", "les types de demande"): configuration, not records.
var screenNouns = setOf(`formulaire formulaires page pages ecran ecrans bouton boutons champ champs modele modeles onglet onglets menu rubrique
	parcours lien interface tunnel form forms screen screens button buttons field fields template templates tab tabs flow journey link
	categorie categories category type types`)

func uiCompound(text string, start, end int) bool {
	if after := firstWords(text[end:], 1); len(after) == 1 && screenNouns[after[0]] {
		return true
	}
	b := lastWords(text[:start], 2)
	return len(b) == 2 && screenNouns[b[0]] && (b[1] == "de" || b[1] == "d")
}

// audienceParticiple reports whether a folded word is a past participle
// that offers something to people: "proposés", "destinée", "offered",
// "shown" ("proposés aux agents" names an audience, not data).
func audienceParticiple(w string) bool {
	if len(w) < 5 {
		return false
	}
	for _, sfx := range []string{"e", "es", "ee", "ees", "ed", "own", "ert", "erts"} {
		if strings.HasSuffix(w, sfx) {
			return true
		}
	}
	return false
}

// negated reports whether the text before a keyword ends with a negation
// of it: "sans données nominatives", "aucune adresse", "no cookies".
func negated(before string) bool {
	ws := lastWords(before, 3)
	if len(ws) == 3 {
		// "sans créer de compte", "without creating an account": the
		// verb between the negation and its object.
		if (ws[0] == "sans" || ws[0] == "without") && (ws[2] == "de" || ws[2] == "d" || ws[2] == "un" || ws[2] == "une" || ws[2] == "an" || ws[2] == "a" || ws[2] == "any") {
			return true
		}
		ws = ws[1:]
	}
	for i, w := range ws {
		switch w {
		case "sans", "aucun", "aucune", "without", "no", "hors",
			// Invented data is nobody's: "fake identities", "des noms fictifs".
			"fake", "dummy", "fictitious", "synthetic", "fictif", "fictive", "fictifs", "fictives", "factice", "factices":
			return true
		case "pas", "plus", "jamais":
			return i+1 < len(ws) && (ws[i+1] == "de" || ws[i+1] == "d")
		}
	}
	return false
}

// lastWords returns up to n folded words at the end of s, in text order.
// It reads backwards from the end only: it runs for every keyword found.
func lastWords(s string, n int) []string {
	var out []string
	end := len(s)
	for len(out) < n && end > 0 {
		// Skip what is not a word, then take the word.
		for end > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:end])
			if isWordRune(r) {
				break
			}
			end -= size
		}
		start := end
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if !isWordRune(r) {
				break
			}
			start -= size
		}
		if start == end {
			break
		}
		out = append(out, fold(s[start:end]))
		end = start
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// firstWords returns up to n folded words at the start of s.
func firstWords(s string, n int) []string {
	var out []string
	var buf [64]byte
	for pos := 0; len(out) < n; {
		st, e, w := wordAt(s, pos, buf[:])
		if st < 0 {
			break
		}
		out = append(out, string(w))
		pos = e
	}
	return out
}

// sentenceIndex counts the sentence ends before offset off of text.
func sentenceIndex(text string, off int) int {
	if off < 0 {
		return -1
	}
	n := 0
	for i := 0; i < off && i < len(text); i++ {
		switch text[i] {
		case '\n':
			n++
		case '.', '!', '?':
			if i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\n') {
				n++
			}
		}
	}
	return n
}

// peopleInSentence reports whether sentence si of text names people in
// the plural ("la liste des demandeurs", "beneficiaries").
func (c *compiled) peopleInSentence(text string, si int) bool {
	if len(c.people) == 0 {
		return false
	}
	n := 0
	var buf [64]byte
	for pos := 0; pos < len(text); {
		st, e, w := wordAt(text, pos, buf[:])
		if st < 0 {
			break
		}
		n += sentenceIndex(text[pos:st], len(text[pos:st]))
		pos = e
		if n == si && aggregateWords[string(w)] {
			return false // "export du nombre de vaccinés par tranche d'âge": counted people
		}
		if n != si || len(w) < 4 {
			if n > si {
				break
			}
			continue
		}
		if last := w[len(w)-1]; (last == 's' || last == 'x') && c.people[stem(string(w))] || string(w) == "people" || string(w) == "children" {
			if b := lastWords(text[:st], 2); len(b) == 2 && audienceParticiple(b[0]) && (b[1] == "aux" || b[1] == "to") {
				continue // "les types d'absence proposés aux agents"
			}
			return true
		}
	}
	return false
}
