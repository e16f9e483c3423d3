package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word-level helpers of the topic scan: negations, counts, screens,
// participles, sentence bounds, the language of a story.

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

// offlineStory reports whether the story's need or title works offline.
func (s *story) offlineStory() bool {
	f := " " + strings.Join(words(s.in.Title), " ") + " "
	if s.sent != nil {
		f += strings.Join(words(s.sent.Action), " ") + " "
	}
	return offline(f)
}

// staffOffline reports whether word is an offline cue of a story whose
// persona is one of the service's staff ("As an inspector, I want the
// app to work offline on site"): the tool they take offline holds the
// records they work on, named or not. A citizen's offline map or menu
// holds nobody's.
func (s *story) staffOffline(word string) bool {
	if s.sent == nil || s.persona < 0 || s.t.Personas[s.persona].Citizen || !s.offlineStory() {
		return false
	}
	// The tool itself or the work goes offline, not a named document
	// ("consulter le guide des procédures hors ligne").
	if !anyWordIn(s.sent.Action, toolWords) && !anyWordIn(s.sent.Action, offlineWork) {
		return false
	}
	return offline(" " + strings.Join(words(word), " ") + " ")
}

// offlineWork say the work itself goes offline.
var offlineWork = setOf(`app appli tablette tablettes tablet tablets travailler travaille work working`)

// sentenceStart returns the offset where the sentence holding off starts.
func sentenceStart(text string, off int) int {
	for i := off - 1; i > 0; i-- {
		if text[i] == '\n' || (text[i] == '.' || text[i] == '!' || text[i] == '?') && i+1 < len(text) && text[i+1] == ' ' {
			return i + 1
		}
	}
	return 0
}

// exportedHere reports whether an export names the record at start, a
// few words before it in its sentence, in an issue with no story
// sentence: "Léa : export CSV des RDV du jour (nom, heure, motif)" in
// meeting notes takes people's appointments out of the tool, whoever
// they belong to; "la conservatrice demande un export" asks, and
// exports no request.
func exportedHere(text string, start int) bool {
	before := text[sentenceStart(text, start):start]
	return anyWordIn(strings.Join(lastWords(before, 5), " "), exportWords)
}

// exportWords take records out of the tool in bulk: a task's nouns and
// inflected verbs ("export CSV des RDV", "on exporte les dossiers"). Not
// exportVerbs, a need's infinitives: downloading or printing one's own
// record takes nothing out in bulk.
var exportWords = setOf(`export exports exporter exporte exportes extraction extraire extract csv`)

// aggregateBefore reports whether a text names a count or a breakdown:
// the people named after it are counted, not handled ("les statistiques
// mensuelles sur les usagers", "the number of loans by age band of
// readers").
//
// A rate counts only with what it is a rate of ("le taux de retour",
// "the rate of late payments"): "(resident rate)", "au taux réduit" are
// prices.
func aggregateBefore(text string) bool {
	var buf [64]byte
	rate := false // the previous word was a rate, waiting for "de" or "of"
	for pos := 0; pos < len(text); {
		st, e, w := wordAt(text, pos, buf[:])
		if st < 0 {
			break
		}
		if rate && ofWords[string(w)] {
			return true
		}
		rate = false
		if rateWords[string(w)] {
			rate = true
		} else if aggregateWords[string(w)] {
			return true
		}
		pos = e
	}
	return rate // "… le taux" right before the keyword: "le taux … soit calculé"
}

// rateWords are the aggregate words that also name a price.
var rateWords = setOf(`taux rate rates`)

// anyWordIn reports whether a folded word of text is in set.
func anyWordIn(text string, set map[string]bool) bool {
	var buf [64]byte
	for pos := 0; pos < len(text); {
		st, e, w := wordAt(text, pos, buf[:])
		if st < 0 {
			break
		}
		if set[string(w)] {
			return true
		}
		pos = e
	}
	return false
}

// sentenceWords calls fn with each word of sentence si of text (folded,
// in a buffer fn must not keep) and its end offset, until fn returns
// false.
func sentenceWords(text string, si int, fn func(st, e int, w []byte) bool) {
	n := 0
	var buf [64]byte
	for pos := 0; pos < len(text); {
		st, e, w := wordAt(text, pos, buf[:])
		if st < 0 {
			return
		}
		n += sentenceIndex(text[pos:st], len(text[pos:st]))
		pos = e
		if n < si {
			continue
		}
		if n > si || !fn(st, e, w) {
			return
		}
	}
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
	if w := fold(text[start:end]); w == "notes" || w == "note" {
		// "release notes", "les notes de version": the software's.
		a := firstWords(text[end:], 2)
		if len(b) > 0 && b[len(b)-1] == "release" || len(a) == 2 && a[0] == "de" && a[1] == "version" {
			return true
		}
	}
	if len(b) == 2 && screenNouns[b[0]] && (b[1] == "de" || b[1] == "d") {
		return true
	}
	// "le menu de mon compte", "the settings tab of my account": a
	// place of the interface, past the possessive.
	b3 := lastWords(text[:start], 3)
	return len(b3) == 3 && screenNouns[b3[0]] && (b3[1] == "de" || b3[1] == "d" || b3[1] == "of") && firstPossessives[b3[2]]
}

// audienceParticiple reports whether a folded word is a past participle
// that offers something to people: "proposés", "destinée", "offered",
// "shown" ("proposés aux agents" names an audience, not data).
func audienceParticiple(w string) bool {
	if len(w) < 5 || strings.HasSuffix(w, "re") {
		return false // "répondre aux usagers", "écrire au demandeur": an infinitive, the act itself
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
		// verb between the negation and its object; "on ne demande ni
		// nom ni plaque d'immatriculation": the noun the keyword
		// completes, one more item of the list denied ("aucun nom de
		// bénéficiaire" names the people whose data is kept out).
		if (ws[0] == "sans" || ws[0] == "without") && (ws[2] == "de" || ws[2] == "d" || ws[2] == "un" || ws[2] == "une" || ws[2] == "an" || ws[2] == "a" || ws[2] == "any") ||
			ws[0] == "ni" && (ws[2] == "de" || ws[2] == "d") {
			return true
		}
		ws = ws[1:]
	}
	if deniedList(before) {
		return true
	}
	for i, w := range ws {
		switch w {
		case "sans", "aucun", "aucune", "without", "no", "hors", "ni", "nor",
			// Invented data is nobody's: "fake identities", "des noms fictifs".
			"fake", "dummy", "fictitious", "synthetic", "fictif", "fictive", "fictifs", "fictives", "factice", "factices",
			// A blank form holds nobody's data: "blank application forms".
			"blank":
			return true
		case "pas", "plus", "jamais":
			// "les billets ne sont pas nominatifs": the keyword is what
			// the subject is said not to be.
			return i+1 < len(ws) && (ws[i+1] == "de" || ws[i+1] == "d") || i == len(ws)-1 && i > 0 && beVerbs[ws[i-1]]
		case "not":
			return i == len(ws)-1 && i > 0 && beVerbs[ws[i-1]] // "tickets are not named"
		}
	}
	return false
}

// deniedList reports whether a negation opens a short list of nouns
// joined by "or" that ends right before the keyword: "no customer or
// member names", "aucun nom ou prénom", "sans adresse ou téléphone".
func deniedList(before string) bool {
	// Only when "or"/"ou" is near: it runs for every keyword found.
	tail := before[max(0, len(before)-40):]
	if !strings.Contains(tail, " or ") && !strings.Contains(tail, " ou ") ||
		!containsASCIIFold(tail, "no ") && !containsASCIIFold(tail, "aucun") && !containsASCIIFold(tail, "sans") && !containsASCIIFold(tail, "without") {
		return false
	}
	ws := lastWords(before, 5)
	for j := len(ws) - 3; j >= 0; j-- {
		switch ws[j] {
		case "no", "aucun", "aucune", "sans", "without":
			for _, w := range ws[j+1:] {
				if w == "or" || w == "ou" {
					return true
				}
			}
			return false
		}
	}
	return false
}

// negatedLine reports whether the line holding text[off] has a word of
// negation anywhere: an answer puts it after the data ("Données de
// santé : aucune", "Health data: none").
func negatedLine(text string, off int) bool {
	start := strings.LastIndexByte(text[:off], '\n') + 1
	end := strings.IndexByte(text[off:], '\n')
	if end < 0 {
		end = len(text) - off
	}
	return anyWordIn(text[start:off+end], lineNegations)
}

// lineNegations deny what a line of an answer names.
var lineNegations = setOf(`pas aucun aucune aucuns aucunes sans ni jamais non no not none never without nor`)

// negatedAt reports whether the keyword at text[start:] is negated: a
// negation before it (negated), in its own clause. A comma or a
// semicolon ends the negation ("felled without consent, with a photo"
// sends a photo; "sans porc, sans gluten, allergies" names allergies),
// unless "ni" or "nor" goes on with the list ("sans nom, adresse ni
// téléphone").
func negatedAt(text string, start int) bool {
	if !negated(text[:start]) {
		return false
	}
	// Only the tail is searched: this runs for every keyword found.
	tail := text[max(0, start-48):start]
	if !strings.ContainsAny(tail, ",;") {
		return true
	}
	k := strings.LastIndexAny(tail, ",;")
	if negated(tail[k+1:]) {
		return true // "sans porc, sans gluten": a negation of its own
	}
	for _, w := range firstWords(text[start:min(len(text), start+48)], 5) {
		if w == "ni" || w == "nor" {
			return true
		}
	}
	return false
}

// inventedAfter reports whether the words right after a keyword say it
// holds nobody's data: "des demandes fictives", "des feuilles de logement
// vierges" (French puts the adjective after; "fake", "blank" before are
// read by negated).
func inventedAfter(after string) bool {
	// It runs for every keyword found: the words are read only when one
	// of them can be there (none has an accent).
	head := after[:min(len(after), 48)]
	if !containsASCIIFold(head, "fictiv") && !containsASCIIFold(head, "fictif") && !containsASCIIFold(head, "factice") && !containsASCIIFold(head, "vierge") {
		return false
	}
	for _, w := range firstWords(after, 3) {
		if inventedWords[w] {
			return true
		}
	}
	return false
}

var inventedWords = setOf(`fictif fictive fictifs fictives factice factices vierge vierges`)

// lastWords returns up to n folded words at the end of s, in text order.
// It reads backwards from the end only: it runs for every keyword found.
func lastWords(s string, n int) []string {
	var out []string
	end := len(s)
	for len(out) < n && end > 0 {
		start, e := prevWord(s, end)
		if start == e {
			break
		}
		out = append(out, fold(s[start:e]))
		end = start
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// prevWord returns the bounds of the last word of s[:end]: what is not a
// word is skipped, then the word taken. start == end when there is none.
func prevWord(s string, end int) (int, int) {
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
	return start, end
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
func (c *compiled) peopleInSentence(text string, si int, lang Lang) bool {
	if len(c.people) == 0 {
		return false
	}
	found := false
	sentenceWords(text, si, func(st, end int, w []byte) bool {
		if aggregateWords[string(w)] {
			return false // "export du nombre de vaccinés par tranche d'âge": counted people
		}
		if len(w) < 4 || lang == FR && frFalseFriends[string(w)] {
			return true
		}
		if pluralPerson(c, string(w), lang) {
			if b := lastWords(text[:st], 2); len(b) == 2 && audienceParticiple(b[0]) && (b[1] == "aux" || b[1] == "to") {
				return true // "les types d'absence proposés aux agents"
			}
			if qualifiesProduct(text, st, end, lang) {
				return true // "les résultats des tests utilisateurs": a part of the product
			}
			found = true
			return false
		}
		return true
	})
	return found
}

// brandIdentity reports whether a keyword ending with "identité" or
// "identity" names a brand's look, nobody's identity: "l'identité
// visuelle", "the visual identity", "corporate identity".
func brandIdentity(text string, start, end int) bool {
	if w := lastWord(text[start:end]); w != "identite" && w != "identity" {
		return false
	}
	if a := firstWords(text[end:], 1); len(a) == 1 && brandWords[a[0]] {
		return true
	}
	b := lastWords(text[:end], 2)
	return len(b) == 2 && brandWords[b[0]]
}

// brandWords qualify a brand's identity.
var brandWords = setOf(`visuelle graphique sonore visual brand corporate graphic`)

// askedBy reports whether "demande" at text[start:end] is the verb of a
// person who asks ("l'animatrice demande un mode brouillon", "qui
// demande que …"), not a record: a person or a subject pronoun before
// it, a determiner or "que" after it. Feedback in meeting notes says it
// often; "la demande de logement" keeps its article.
func (c *compiled) askedBy(text string, start, end int) bool {
	// It runs for every record word found: fold only a likely one.
	if !containsASCIIFold(text[start:end], "demande") {
		return false
	}
	if w := fold(text[start:end]); w != "demande" && w != "demandent" {
		return false
	}
	b := lastWords(text[:start], 1)
	if len(b) == 0 || !c.isPerson(b[0]) && !subjectPronouns[b[0]] {
		return false
	}
	a := firstWords(text[end:], 1)
	return len(a) == 1 && (roleArticles[a[0]] || a[0] == "que" || a[0] == "qu" || a[0] == "si" || a[0] == "a")
}

// subjectPronouns stand for a person as a verb's subject.
var subjectPronouns = setOf(`il elle ils elles on qui`)

// permitNoun reports whether "permission" at text[start:end] names a
// permit the service grants, not an access right: "planning permission",
// "une permission de voirie", "permission de stationnement".
func permitNoun(text string, start, end int) bool {
	// It runs for every keyword found: fold only a likely one.
	if !containsASCIIFold(text[start:end], "permission") {
		return false
	}
	if w := fold(text[start:end]); w != "permission" && w != "permissions" {
		return false
	}
	if b := lastWords(text[:start], 1); len(b) == 1 && b[0] == "planning" {
		return true
	}
	a := firstWords(text[end:], 2)
	return len(a) == 2 && (a[0] == "de" || a[0] == "d") && permitKinds[a[1]]
}

// permitKinds name what a permission granted by a public body is for.
var permitKinds = setOf(`voirie stationnement occupation construire`)

// dashboardOf reports whether the words right before a keyword make it
// what a dashboard shows: "le tableau de bord des abonnements par
// commune", "a dashboard of bookings". A dashboard shows figures; "le
// tableau de bord de mes demandes" lists one's own, and keeps them.
func dashboardOf(before string) bool {
	// It runs for every personal-data keyword found: read the words only
	// when one of them can be there.
	tail := before[max(0, len(before)-32):]
	if !containsASCIIFold(tail, "bord") && !containsASCIIFold(tail, "dashboard") {
		return false
	}
	b := lastWords(before, 3)
	for i, w := range b {
		if w == "bord" || w == "dashboard" {
			return !possessives[b[len(b)-1]] && i+1 < len(b)
		}
	}
	return false
}

// recordsAsModifier reports whether an English record word is the
// modifier of the noun after it: "the complaints process", "the
// quarterly complaints report", "the bookings team" name a process, a
// report or a team, nobody's record.
func recordsAsModifier(after string) bool {
	next := firstWords(after, 1)
	return len(next) == 1 && modifiedNouns[next[0]]
}

// modifiedNouns follow a record word used as a modifier.
var modifiedNouns = setOf(`process processes procedure procedures policy policies report reports team teams
	statistics figures dashboard page pages officer officers manager managers date dates deadline deadlines
	diary diaries calendar calendars screen screens rule rules window windows fee fees price prices confirmation confirmations
	reference references`)

// fixedPhrase reports whether the keyword at start:end is a word of a
// fixed phrase that means something else: a sign language ("en langue
// des signes", "sign language") signs nothing, and a network connection
// signs nobody in ("une connexion lente", "les connexions faibles", "a
// slow connection", "connexion internet"); an injection that a flaw or
// an attack names ("faille d'injection", "injection SQL", "code
// injection") is software's, not a jab; an API whose change an upgrade
// reports ("pas de changement d'API") is a library's, no data flow; a
// merge or pull request ("chaque merge request", "une demande de
// fusion") is code put up for review, nobody's request; a nightly
// charge is a price, no overnight job; "know who to call" names whom
// to reach, nobody's act; "voit tout de suite" says when, not who sees
// what; a "décision modificative" amends a budget, nobody's case; a
// person "orienté" here was sent by someone else; a document "signé"
// downloaded or printed is a copy kept (signedCopyRead), and "sign
// off" approves; a thing made out "au nom de" someone is theirs,
// nobody acting for them (heldInName); a French "jeton" with no API,
// link, access or key in its unit is sold or drawn (coinToken); the
// "état de conservation" of a painting or a "conservation area" keeps
// nobody's data (conservationOfThing).
func fixedPhrase(text string, start, end int) bool {
	w := fold(text[start:end])
	if strings.HasPrefix(w, "au nom d") {
		return heldInName(text, start)
	}
	switch w {
	case "jeton", "jetons":
		return coinToken(text) // "les jetons d'eau vendus": sold, no one signs in
	case "request", "requests":
		prev := lastWords(text[:start], 1)
		return len(prev) == 1 && (prev[0] == "merge" || prev[0] == "pull")
	case "demande", "demandes":
		next := firstWords(text[end:], 2)
		return len(next) == 2 && next[0] == "de" && next[1] == "fusion"
	case "injection", "injections":
		return attackInjection(text, start, end)
	case "api":
		return libraryAPI(text, start, end)
	case "signe", "signes", "sign", "signs", "signed", "signing", "signee", "signees":
		b := lastWords(text[:start], 2)
		next := firstWords(text[end:], 1)
		return len(b) == 2 && (b[0] == "langue" || b[0] == "langage") && (b[1] == "des" || b[1] == "de") ||
			len(next) == 1 && (next[0] == "language" || next[0] == "off") || signedCopyRead(text, start, end) ||
			(w == "sign" || w == "signs") && signNoun(text, start)
	case "conservation":
		return conservationOfThing(text, start, end)
	case "oriente", "orientee", "orientes", "orientees":
		// "mes candidats orientés", "un jeune que j'ai orienté": someone
		// already sent here, whose data this tool does not send; "j'oriente
		// une famille vers l'épicerie", "qu'elle soit orientée vers une
		// place" send it.
		next := firstWords(text[end:], 1)
		return strings.ContainsAny(text[start:end], "éÉ") && !(len(next) == 1 && next[0] == "vers")
	case "detenu", "detenue", "detenus", "detenues":
		// "les clés détenues par l'association", "les clés encore
		// détenues": a participle of holding; a prisoner is named after
		// a determiner ("les détenus", "une détenue").
		next := firstWords(text[end:], 1)
		prev := lastWords(text[:start], 1)
		if len(next) == 1 && next[0] == "par" {
			return true
		}
		if len(prev) == 0 {
			return false
		}
		return !frDeterminers[prev[0]] && !nounLinks[prev[0]] // "qui l'a détenue": French "a" is a verb
	case "attribue automatiquement", "attribuee automatiquement", "attribution automatique":
		// "le numéro est attribué automatiquement": an identifier
		// numbered, no decision about anyone.
		for _, w := range lastWords(text[:start], 8) {
			if identifierWords[w] {
				return true
			}
		}
		return false
	case "prelevement", "prelevements":
		// "les prélèvements d'eau", "mes prélèvements de grand gibier",
		// "le résultat du dernier prélèvement": a sample taken or game
		// shot, not a direct debit; so is "la date de prélèvement" of an
		// analysis, "les points de prélèvement".
		next := firstWords(text[end:], 3)
		if len(next) >= 1 && (next[0] == "sanguin" || next[0] == "sanguins") ||
			len(next) >= 2 && (next[0] == "d" || next[0] == "de" || next[0] == "du" || next[0] == "des") && sampledThings[next[1]] ||
			len(next) >= 3 && next[0] == "de" && next[1] == "grand" {
			return true
		}
		if len(next) >= 2 && (next[0] == "de" || next[0] == "du" || next[0] == "par") && (samplers[next[1]] || len(next) == 3 && next[1] == "l" && samplers[next[2]]) {
			return true // "les prélèvements de l'ARS", "par le laboratoire": a health authority's samples
		}
		// The sampler as the subject, before the word or in a relative
		// clause after it: "le laboratoire publie ses prélèvements", "les
		// prélèvements que le laboratoire réalise".
		for _, w := range append(words(text[sentenceStart(text, start):start]), firstWords(text[end:], 6)...) {
			if samplers[w] {
				return true
			}
		}
		prev := lastWords(text[:start], 3)
		for _, w := range prev {
			if w == "resultat" || w == "resultats" || w == "analyse" || w == "analyses" {
				return true
			}
		}
		return len(prev) >= 2 && samplePlaces[prev[len(prev)-2]] && (prev[len(prev)-1] == "de" || prev[len(prev)-1] == "du")
	case "delegation", "delegations":
		return visitingDelegation(text, start, end)
	case "decision", "decisions":
		// "une décision modificative": a budget amendment, nobody's case.
		next := firstWords(text[end:], 1)
		return len(next) == 1 && strings.HasPrefix(next[0], "modificative")
	case "voit tout", "voient tout":
		// "la DGS voit tout" says who sees what; "voit tout de suite",
		// "voit tout en haut" say when and where.
		next := firstWords(text[end:], 1)
		return len(next) == 1 && (next[0] == "de" || next[0] == "d" || next[0] == "en")
	case "know who", "see who":
		// "so that households know who to call": whom to reach, not who
		// did something.
		next := firstWords(text[end:], 1)
		return len(next) == 1 && next[0] == "to"
	case "nightly":
		// "the nightly charge", "nightly rates": a price per night, no
		// overnight job.
		next := firstWords(text[end:], 1)
		return len(next) == 1 && perNightPrices[next[0]]
	case "connexion", "connexions", "connection", "connections":
	default:
		return false
	}
	if next := firstWords(text[end:], 1); len(next) == 1 && linkQualities[next[0]] {
		return true
	}
	prev := lastWords(text[:start], 1)
	return len(prev) == 1 && linkQualities[prev[0]]
}

// crudOfThings reports whether the keyword at text[start:end] ends a
// list of upkeep verbs ("ajouter, modifier et supprimer les commentaires
// internes", "add, edit and delete destinations") whose object is no
// person: keeping a list of things up to date deletes nobody's data.
// The members of a jury or a centre's agents are people: their removal
// still counts.
func (s *story) crudOfThings(text string, start, end int) bool {
	prev := lastWords(text[:start], 3)
	if len(prev) < 3 || !upkeepAdd[prev[0]] || !upkeepEdit[prev[1]] || !listJoins[prev[2]] {
		return false
	}
	for _, w := range firstWords(text[end:], 4) {
		if opensNoun(w) {
			continue
		}
		return !s.c.isPerson(w) && !s.c.personLike(w, s.lang) && !s.c.personaWord(w)
	}
	return false
}

// opensNoun reports whether a folded word opens a noun phrase: an
// article, a determiner, a preposition fused with one ("du", "aux").
func opensNoun(w string) bool {
	return roleArticles[w] || frDeterminers[w] || nounLinks[w]
}

var (
	nounLinks  = setOf(`l d de du au aux`)
	upkeepAdd  = setOf(`ajouter creer add create`)
	upkeepEdit = setOf(`modifier editer edit update change`)
	listJoins  = setOf(`et ou and or`)
)

// visitingDelegation reports whether the "délégation" at text[start:end]
// is a party of visitors, not rights delegated: named by where it comes
// from or goes ("la délégation de Castelvecchio", "la délégation à Bad
// Lindenau", "la délégation allemande"), or as what one belongs to,
// welcomes or travels with ("membre de la délégation", "le voyage de la
// délégation"); nor is a body's local office ("la délégation
// départementale de l'ARS"). "La délégation de signature", "délégation à
// l'adjoint" delegate.
func visitingDelegation(text string, start, end int) bool {
	if next := firstWords(text[end:], 1); len(next) == 1 && (nationalities[next[0]] || officeLevels[next[0]]) {
		return true // "une délégation allemande"; "l'ARS (délégation départementale)", an office
	}
	rest := strings.TrimLeft(text[end:], " ")
	for _, link := range []string{"de ", "d'", "d’", "à ", "du ", "des "} {
		if strings.HasPrefix(rest, link) {
			rest = strings.TrimLeft(rest[len(link):], " ")
			break
		}
	}
	if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
		return true // "de Castelvecchio", "à Écully"
	}
	prev := lastWords(text[:start], 3)
	return len(prev) == 3 && prev[1] == "de" && prev[2] == "la" && visitWords[prev[0]]
}

// signNoun reports whether an English "sign" or "signs" is the noun, a
// sign put up somewhere ("the 1,206 signs are skipped", "replace the road
// signs"), as the word before it says: a determiner, a number or what the
// sign is for. A verb follows a subject or a modal ("the landlord signs",
// "I can sign").
func signNoun(text string, start int) bool {
	prev := lastWords(text[:start], 1)
	if len(prev) == 0 {
		return false
	}
	p := prev[0]
	return signModifiers[p] || p[0] >= '0' && p[0] <= '9'
}

// signModifiers come before the noun "sign": determiners and the kinds of
// signs put up in a street or a building.
var signModifiers = setOf(`the a an these those this that some any no all new road street traffic warning exit
	direction directional information safety speed parking`)

var (
	// sampledThings: what a "prélèvement" takes when it is a sample.
	sampledThings = setOf(`eau eaux sang sol sols air gibier sediment sediments urine salive tissu echantillon echantillons
		amiante plomb materiau materiaux`)
	// identifierWords name a number or a code a record is given.
	identifierWords = setOf(`numero numeros identifiant identifiants reference references matricule code codes`)
	// samplePlaces: where or when a sample is taken ("la date de
	// prélèvement", "les points de prélèvement", "les lits de
	// prélèvement" of a blood drive, "les fiches de prélèvement").
	samplePlaces = setOf(`date dates point points lieu lieux heure site sites lit lits salle salles box poste postes fiche fiches`)
	// officeLevels name a body's local office: "délégation
	// départementale", "délégation régionale".
	officeLevels = setOf(`departementale regionale territoriale locale generale interministerielle`)
	// samplers take samples, and debit no one; a survey of a building
	// ("repérage amiante") takes them too.
	samplers = setOf(`ars laboratoire labo reperage reperages`)
	// nationalities: a delegation named by its country.
	nationalities = setOf(`allemande italienne espagnole anglaise britannique polonaise portugaise roumaine irlandaise
		belge suisse etrangere europeenne americaine canadienne japonaise chinoise marocaine tunisienne algerienne senegalaise`)
	// visitWords: what one does with a party of visitors.
	visitWords = setOf(`membre membres voyage accueil visite venue reception sejour programme`)
)

// attackInjection reports whether the injection at start:end is an
// attack on software: named by what it injects ("injection SQL", "SQL
// injection", "injection de code") or by the flaw or attack it is
// ("faille d'injection", "injection attack").
func attackInjection(text string, start, end int) bool {
	next := firstWords(text[end:], 2)
	if len(next) > 0 && injectedThings[next[0]] ||
		len(next) == 2 && (next[0] == "de" || next[0] == "d") && injectedThings[next[1]] {
		return true
	}
	prev := lastWords(text[:start], 2)
	if len(prev) > 0 && injectedThings[prev[len(prev)-1]] {
		return true
	}
	if len(prev) == 2 && (prev[1] == "d" || prev[1] == "par") && injectionFlaws[prev[0]] {
		return true
	}
	// "une vulnérabilité critique (injection dans le rendu HTML)": the
	// flaw named just before, the injection is what it is.
	for _, w := range lastWords(text[:start], 3) {
		if softwareFlaws[w] {
			return true
		}
	}
	// "injection possible via les champs texte", "injection through the
	// search field": what a form or a request carries in, not a jab.
	for _, w := range firstWords(text[end:], 4) {
		if injectedThrough[w] {
			return true
		}
	}
	return false
}

// injectedThrough are the inputs of software an injection comes in by.
var injectedThrough = setOf(`champ champs field fields formulaire formulaires form forms parametre parametres parameter
	parameters url urls requete requetes query queries input inputs`)

// signedCopyRead reports whether a participle "signé" names a document
// signed already that the need downloads, retrieves, prints or receives
// as one's own document is (ownDocVerbs: "télécharger mon contrat
// signé", "imprimer le contrat de location signé"): a copy kept, nobody
// signing. Consulting a document another
// person signed may open it to a new reader, and stays. "Sign off"
// approves ("sign off the pathway plan"), and is read by fixedPhrase.
func signedCopyRead(text string, start, end int) bool {
	if !strings.ContainsAny(text[start:end], "éÉ") {
		return false
	}
	for _, w := range lastWords(text[:start], 8) {
		if ownDocVerbs[w] {
			return true
		}
	}
	return false
}

// perNightPrices follow "nightly" when it prices a night.
var perNightPrices = setOf(`charge charges rate rates price prices fee fees cost costs amount amounts`)

// heldInName reports whether "au nom de" at start names whom a thing is
// made out to, not for whom someone acts: "le RIB est au nom de
// l'association", "la facture au nom du bénéficiaire", "le dépôt d'un
// sac au nom de la personne", "le rendez-vous est créé au nom de
// l'habitant". Filing "la demande au nom de ma mère" acts for her.
func heldInName(text string, start int) bool {
	b := lastWords(text[:start], 1)
	return len(b) == 1 && (beVerbs[b[0]] || heldBefore[b[0]] || heldParticiples[b[0]])
}

// heldBefore are the copula's other forms (beVerbs has the present) and
// the things made out to someone.
var heldBefore = setOf(`soit soient etre reste restent facture factures titre recette rib badge badges livret
	compte comptes sac sacs attestation attestations certificat certificats carte cartes contrat contrats bail quittance
	quittances reservation reservations abonnement abonnements immatriculation casier casiers pret prets etiquette etiquettes
	ticket tickets billet billets bon bons`)

// heldParticiples make or issue a thing in someone's name.
var heldParticiples = setOf(`cree creee emise emis etabli etablie enregistre enregistree pris prise ouvert ouverte
	edite editee redige redigee`)

// softwareFlaws name a weakness of software, never of a person.
var softwareFlaws = setOf(`vulnerabilite vulnerabilites faille failles vulnerability vulnerabilities flaw flaws cve`)

// libraryAPI reports whether the API at start:end is a library's
// programming interface changed by an upgrade ("pas de changement
// d'API", "no API change", "deprecated API calls"), not a web service
// data goes through.
func libraryAPI(text string, start, end int) bool {
	for _, w := range lastWords(text[:start], 2) {
		if apiChangeWords[w] {
			return true
		}
	}
	next := firstWords(text[end:], 1)
	return len(next) == 1 && (next[0] == "change" || next[0] == "changes" || next[0] == "changed")
}

// apiChangeWords say that a library's interface changes or goes.
var apiChangeWords = setOf(`changement changements change changes breaking deprecated obsolete obsoletes depreciee
	depreciees`)

// injectedThings are what an attack injects, or the attack itself after
// the word ("injection attack", "injection flaw").
var injectedThings = setOf(`sql nosql html xml ldap xss code commande commandes command commands script scripts
	css javascript header headers entete entetes attack attacks flaw flaws vulnerability attaque attaques`)

// injectionFlaws name an attack or its risk before "d'injection" or
// "par injection"; a flaw named before it (faille, vulnérabilité) is
// softwareFlaws, whatever stands between.
var injectionFlaws = setOf(`attaque attaques risque risques tentative tentatives`)

// linkQualities say how fast or through what a network connection runs.
var linkQualities = setOf(`lente lentes faible faibles instable instables internet reseau mobile mobiles wifi 3g 4g 5g
	fibre adsl bas debit slow weak poor unstable patchy broadband fast mauvaise mauvaises bonne bonnes`)
