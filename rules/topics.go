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
	for k, h := range raw {
		t := &s.t.Topics[h.topic]
		text := units[h.unit].text
		if negated(text[:h.start]) {
			continue // "sans données nominatives", "no cookies"
		}
		switch t.Context {
		case ContextNeed, ContextPersonalData:
			continue
		case ContextPerson, ContextOwn:
			if t.Context == ContextOwn && units[h.unit].sentence && s.inBenefitOnly(h.word) {
				// "… afin de la joindre à mon dossier": the record is
				// why, not what the story handles.
				continue
			}
			if !s.owned(text, h.start, h.end, units[h.unit].sentence && t.Context == ContextOwn) {
				continue
			}
		case ContextCitizen:
			if !units[h.unit].sentence || !s.citizenPerson() || !s.inNeed(text[h.start:h.end]) {
				continue
			}
		}
		accepted[k] = true
		orgs[k] = s.c.organisationAfter(text, h.end)
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
	for k, h := range raw {
		if s.t.Topics[h.topic].Context != ContextPersonalData {
			continue
		}
		text := units[h.unit].text
		if negated(text[:h.start]) {
			continue
		}
		si := sentenceIndex(text, h.start)
		if personal[sentKey{h.unit, si}] || s.c.peopleInSentence(text, si) {
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
}

// needTopics finds, in the story's need only, the keywords of the topics
// of context need: the people the story handles. A person after "pour",
// "à", "for", "to" is who benefits, not whose data is handled; after
// "nombre de", "taux de", "number of" a count, not a person.
func (s *story) needTopics() []topicHit {
	if s.sent == nil || s.sent.Action == "" || !s.c.anyNeed {
		return nil
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
		before := lastWords(need[:start], 2)
		for _, w := range before {
			if beneficiaryWords[s.sent.Lang][w] || aggregateWords[w] {
				return
			}
		}
		if n := len(before); n > 0 && (before[n-1] == "pas" || before[n-1] == "plus" || before[n-1] == "jamais" || before[n-1] == "not") {
			return // "qui n'ont pas signé": what did not happen
		}
		out = append(out, topicHit{topic: p.id, word: need[start:end]})
	})
	return out
}

// beneficiaryWords introduce who a feature is for; aggregateWords a count
// of people, which is no personal data.
var (
	beneficiaryWords = map[Lang]map[string]bool{
		FR: {"pour": true, "destination": true},
		EN: {"for": true},
	}
	aggregateWords = map[string]bool{
		"nombre": true, "nombres": true, "taux": true, "total": true, "totaux": true, "statistique": true,
		"statistiques": true, "pourcentage": true, "part": true, "moyenne": true, "combien": true,
		"count": true, "number": true, "rate": true, "share": true, "percentage": true, "average": true,
		"many": true, "statistics": true, "proportion": true,
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
			if s.c.personBefore(text, start) {
				return true
			}
		default:
			return true
		}
	}
	if len(before) > 0 {
		// "the applicant's address": the tokenizer split "applicant's".
		if w := before[len(before)-1]; w == "s" {
			if prev := lastWords(text[:start], 3); len(prev) == 3 && s.c.isPerson(prev[0]) {
				return true
			}
		}
	}
	// "un demandeur a un handicap", "a claimant has a disability".
	for _, w := range before {
		if s.c.isPerson(w) {
			return true
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
			if roleArticles[x] || x == "l" || x == "chaque" || possessives[x] {
				continue
			}
			if s.c.isPerson(x) {
				return true
			}
			break
		}
		break
	}
	return inSentence && s.ownInNeed(text[start:end])
}

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
	ws := words(s.sent.Action)
	target := words(word)
	if len(target) == 0 {
		return false
	}
	at := -1
	for i := 0; i+len(target) <= len(ws); i++ {
		if slices.Equal(ws[i:i+len(target)], target) {
			at = i
			break
		}
	}
	if at < 0 {
		return false
	}
	for _, w := range ws[:at] {
		if aggregateWords[w] {
			return false
		}
	}
	if len(ws) > 0 && (ws[0] == "ne" || ws[0] == "n") && !s.citizenPerson() {
		// "ne dois pas pouvoir valider un dossier…", "ne vois que les
		// demandes de…": a restriction adds no processing.
		return false
	}
	if s.citizenPerson() {
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
		return false
	}
	return true
}

// subordinators open a clause of time or condition.
var subordinators = map[string]bool{
	"quand": true, "lorsque": true, "lorsqu": true, "si": true, "when": true, "if": true,
	"once": true, "whenever": true, "until": true, "jusqu": true, "tant": true,
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
	"export": true, "extraction": true,
}

// needLead are the words that may come before the verb of a need.
var needLead = map[string]bool{
	"peux": true, "pourrai": true, "pourrais": true, "pouvoir": true, "dois": true, "ne": true, "n": true,
	"pas": true, "plus": true, "can": true, "be": true, "able": true, "to": true, "am": true, "etre": true,
	"peut": true, "veux": true,
}

// citizenPerson reports whether the persona is a natural person served by
// the service: a citizen persona of the template, or a role the template
// does not know, whose first word names a person ("locataire",
// "lecteur"); not "association". The records of its need are its own.
func (s *story) citizenPerson() bool {
	if s.sent == nil || !s.citizen() && s.persona >= 0 {
		return false
	}
	for _, w := range words(s.sent.Role) {
		if roleArticles[w] {
			continue
		}
		return s.c.isPerson(w)
	}
	return false
}

// organisationWords name organisations and what they file: their records
// are no personal data ("le dossier de l'association", "une demande de
// subvention", "les demandes d'agrément").
var organisationWords = map[string]bool{
	"association": true, "entreprise": true, "societe": true, "structure": true, "organisme": true,
	"organisation": true, "collectivite": true, "agrement": true, "subvention": true, "siret": true,
	"siren": true, "etablissement": true, "financeur": true, "producteur": true, "fournisseur": true,
	"company": true, "companie": true, "organization": true, "busines": true, "charity": true,
	"charitie": true, "supplier": true, "grant": true, "producer": true, "dataset": true,
	"financement": true, "funding": true,
}

// organisationPersona reports whether the story's persona is an
// organisation ("ETQ association", "As a company").
func (s *story) organisationPersona() bool {
	if s.sent == nil {
		return false
	}
	for _, w := range words(s.sent.Role) {
		if organisationWords[stem(w)] {
			return true
		}
	}
	return false
}

// aboutOrganisation reports whether the story's persona or its sentence
// names an organisation: the records it handles are the organisation's.
func (s *story) aboutOrganisation() bool {
	if s.sent == nil {
		return false
	}
	for _, w := range words(s.sent.Role + " " + s.sent.Text) {
		if organisationWords[stem(w)] {
			return true
		}
	}
	return false
}

// negated reports whether the text before a keyword ends with a negation
// of it: "sans données nominatives", "aucune adresse", "no cookies".
func negated(before string) bool {
	ws := lastWords(before, 2)
	for i, w := range ws {
		switch w {
		case "sans", "aucun", "aucune", "without", "no":
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
		if n != si || len(w) < 4 {
			if n > si {
				break
			}
			continue
		}
		if last := w[len(w)-1]; (last == 's' || last == 'x') && c.people[stem(string(w))] || string(w) == "people" || string(w) == "children" {
			return true
		}
	}
	return false
}

// organisationAfter reports whether the words after offset end name an
// organisation as the owner: "le RIB de l'association", "the address of
// the company".
func (c *compiled) organisationAfter(text string, end int) bool {
	after := firstWords(text[end:], 4)
	if len(after) == 0 || !ofWords[after[0]] {
		return false
	}
	for _, x := range after[1:] {
		if roleArticles[x] || x == "l" || possessives[x] {
			continue
		}
		return organisationWords[stem(x)]
	}
	return false
}

// personBefore reports whether the sentence that holds offset off names a
// person before it.
func (c *compiled) personBefore(text string, off int) bool {
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
		if c.isPerson(string(w)) {
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

// isPerson reports whether a folded word names a person.
func (c *compiled) isPerson(w string) bool { return c.people[stem(w)] }
