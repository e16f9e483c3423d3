package rules

import (
	"strings"
	"unicode/utf8"
)

// A product team writes about its own product with words that name a
// person's record elsewhere: a rule "prend en compte" the public
// holidays, the form shows "un message d'erreur", a page keeps
// "l'historique des versions", a button helps "in case I make a
// mistake". None of these handles anybody's data, and each one read as
// a record asked for the RGPD section: a valid story blocked, in the
// first week, for a word. The readings below say when such a word is the
// product's or an idiom; owned by people ("les messages des usagers",
// "l'historique des paiements") it stays a record.

// productWord reports whether the record word at text[start:end] (a
// keyword of a personal-data topic of context own) is an idiom or names
// a text or a thing of the product, not a person's record.
func (c *compiled) productWord(text string, start, end int, lang Lang) bool {
	w := fold(lastWord(text[start:end]))
	before := lastWords(text[:start], 2)
	after := firstWords(text[end:], 3)
	prev := ""
	if len(before) > 0 {
		prev = before[len(before)-1]
	}
	switch w {
	case "compte":
		// "prendre en compte", "pris en compte", "tenir compte de",
		// "rendre compte de", "compte tenu de": idioms. "Compte rendu"
		// is a keyword of its own.
		return prev == "en" || tenirRendre[prev] || len(after) > 0 && after[0] == "tenu" || signedInWith(text[:start])
	case "case", "cases":
		// "in case I make a mistake", "in any case", "in the case of".
		return prev == "in" || len(before) == 2 && before[0] == "in" && caseDeterminers[prev]
	case "account":
		// "to account for", "take … into account", "on account of".
		return len(after) > 0 && after[0] == "for" || prev == "into" || prev == "on" && len(after) > 0 && after[0] == "of" || signedInWith(text[:start])
	case "message", "messages":
		// "un message d'erreur", "a clearer error message", "un message
		// clair": what the interface says.
		if lang == EN {
			return interfaceMessageKinds[prev]
		}
		if len(after) > 0 && interfaceMessageAdjectives[after[0]] {
			return true
		}
		return len(after) > 1 && (after[0] == "de" || after[0] == "d") && interfaceMessageKinds[after[1]]
	case "historique", "history":
		// "l'historique des versions de la page", "the history of the
		// castle": a thing's past. "L'historique des paiements", "the
		// history of each tenant's complaints" stay records, and so does
		// a history whose sentence goes on to name people ("des aides
		// accordées au ménage", "pour répondre à l'habitant").
		if !c.thingComplement(after, lang) || len(after) > 1 && peopleTraces[after[1]] {
			return false // "l'historique des passages par badge": people's comings and goings
		}
		for _, x := range firstWords(text[end:], 15) {
			if c.personLike(x, lang) {
				return false
			}
		}
		return true
	}
	return false
}

// thingComplement reports whether words open with a complement ("de",
// "des", "of") naming neither a person nor a record nor a person's
// detail: "des versions", "of the castle".
func (c *compiled) thingComplement(after []string, lang Lang) bool {
	if len(after) < 2 || !ofWords[after[0]] {
		return false
	}
	for _, x := range after[1:] {
		if roleArticles[x] || x == "l" || x == "the" {
			continue
		}
		if possessives[x] || x == "each" || x == "chaque" {
			return false // "de mes demandes", "of each tenant's"
		}
		return !c.personLike(x, lang) && !c.records[stem(x)] && !c.attributes[stem(x)]
	}
	return false
}

// tenirRendre are the forms of "tenir" and "rendre" that make "compte"
// an idiom ("que le calcul tienne compte", "un tableau qui rende
// compte").
var tenirRendre = setOf(`tenir tiens tient tienne tiennes tiennent tenons tenez tenu tenue tenus tenues tenant
	rendre rends rend rende rendes rendent rendons rendez rendu rendant`)

// peopleTraces are what people leave when they come and go: a history
// of them is a log of people, whatever thing they passed.
var peopleTraces = setOf(`passage passages entree entrees sortie sorties acces connexion connexions visite visites
	presence presences badgeage badgeages pointage pointages visit visits login logins entry entries`)

// caseDeterminers follow "in" in "in any case", "in this case".
var caseDeterminers = setOf(`any each this that which either such every the some`)

// interfaceMessageKinds name what a message of the interface is for:
// "error message", "un message d'erreur".
var interfaceMessageKinds = setOf(`error erreur erreurs confirmation warning avertissement alerte alert success succes
	welcome bienvenue accueil information info informations validation aide help maintenance status statut`)

// interfaceMessageAdjectives describe how a message of the interface
// reads: "un message clair".
var interfaceMessageAdjectives = setOf(`clair claire clairs explicite explicites explicatif explicatifs generique generiques
	comprehensible comprehensibles lisible lisibles`)

// tellingVerbs tell people something: the people after "à", "aux",
// "to" are an audience ("expliquer aux usagers ce qui bloque", "explain
// to users why"), not people whose data is handled. "Répondre aux
// usagers" answers what they wrote: it is not one of them.
var tellingVerbs = setOf(`expliquer explique expliquent indiquer indique indiquent preciser precise precisent
	montrer montre montrent rappeler rappelle rappellent explain explains clarify clarifies show shows tell tells
	remind reminds`)

// hiddenFromList reports whether a need hides records from a list or a
// table ("que les dossiers clôturés soient masqués de la liste", "closed
// cases hidden from the list"): a view of what the same people handle.
// Hiding a person's detail ("masquer de la liste le numéro de
// téléphone") is minimisation and stays processing.
func (s *story) hiddenFromList(ws []string) bool {
	hide := -1
	for i, w := range ws {
		if hideForms[w] {
			hide = i
			break
		}
	}
	if hide < 0 {
		return false
	}
	list := false
	for i := hide + 1; i+1 < len(ws) && i <= hide+4; i++ {
		if (ws[i] == "de" || ws[i] == "du" || ws[i] == "from") && listViews[ws[i+1]] ||
			i+2 < len(ws) && (ws[i] == "de" || ws[i] == "from") && (ws[i+1] == "la" || ws[i+1] == "the") && listViews[ws[i+2]] {
			list = true
			break
		}
	}
	if !list {
		return false
	}
	for _, w := range ws {
		if s.c.attributes[stem(w)] || len(w) >= 4 && (s.c.people[stem(w)] || s.c.personLike(w, s.lang)) {
			return false // a person's detail hidden: minimisation
		}
	}
	return true
}

var (
	// hideForms hide something from view.
	hideForms = setOf(`masquer masque masques masquee masquees cacher cache caches cachee cachees hide hides hidden`)
	// listViews are the views a record can be hidden from.
	listViews = setOf(`liste listes tableau tableaux vue list lists table view dashboard map maps`)
)

// hiddenFromView reports whether a keyword ending in "from" ("hidden
// from") names a view next ("hidden from the list"): what is hidden is
// hidden from a screen, not from some people.
func hiddenFromView(word, after string) bool {
	if lastWord(fold(word)) != "from" {
		return false
	}
	for _, w := range firstWords(after, 3) {
		if w == "the" || w == "my" || w == "our" || w == "public" {
			continue // "hidden from the public map": a view; "from the public" alone is an audience
		}
		return listViews[w]
	}
	return false
}

// situationAsCase reports whether "situation" at text[start:end] follows
// a phrase of choosing by one's case ("selon ma situation", "en fonction
// de ma situation", "depending on my situation") in a sentence that
// guides the person to a page or a form: it picks which one is shown,
// and the service keeps no detail. A named situation
// ("ma situation familiale") is another keyword.
func situationAsCase(text string, start, end int) bool {
	if w := fold(text[start:end]); w != "situation" {
		return false
	}
	before := lastWords(text[:start], 4)
	for i := len(before) - 1; i >= 0 && i >= len(before)-3; i-- {
		w := before[i]
		if possessives[w] || roleArticles[w] || w == "de" || w == "d" || w == "on" || w == "to" {
			continue
		}
		if w != "selon" && w != "suivant" && w != "fonction" && w != "depending" && w != "according" {
			return false
		}
		// Only a guide to the right page: "voir les aides auxquelles
		// j'ai droit selon ma situation" computes from it.
		return anyWordIn(text[sentenceStart(text, start):start], guideForms)
	}
	return false
}

// guideForms lead a person to a page or a form.
var guideForms = setOf(`orienter oriente orientee orientes orientees guider guide guidee guides guidees rediriger redirige redirigee
	rediriges aiguiller aiguille aiguillee diriger dirige dirigee directed redirected guided routed steered`)

// interfaceStateKept reports whether a word of keeping ("conservé",
// "conserver", "retained") keeps a state of the interface: a filter, a
// sort, a choice, a tab, named next to it ("le filtre choisi est
// conservé quand je reviens", "conserver le tri", "the selected filters
// are retained"). The policy reads "conservés" there in its harmless
// sense (fr-bo-021); what a person entered stays data.
func interfaceStateKept(text string, start, end int) bool {
	if w := fold(lastWord(text[start:end])); !strings.HasPrefix(w, "conserv") && !strings.HasPrefix(w, "retain") {
		return false
	}
	si := sentenceStart(text, start)
	for _, w := range lastWords(text[si:start], 7) {
		if interfaceStates[w] {
			return true
		}
	}
	for _, w := range firstWords(text[end:], 3) {
		if interfaceStates[w] {
			return true
		}
	}
	return false
}

// interfaceStates are what a screen remembers between two visits.
var interfaceStates = setOf(`filtre filtres tri tris choix selection selections preference preferences affichage onglet onglets
	position zoom reglage reglages colonnes page pagination recherche recherches filter filters sort sorting
	tab tabs layout view search searches`)

// sharedWithRelative reports whether a relative ("à un proche", "with a
// friend") is whom the sentence sends or shares something that names
// no record and no person's detail: a link to a public page, an
// article. Nobody acts for anybody, and nobody's data goes anywhere.
// Sending one's dossier to a relative stays a new recipient.
func (c *compiled) sharedWithRelative(text string, start, end int) bool {
	if !strings.Contains(fold(text[start:end]), "proche") {
		return false
	}
	sentence := text[sentenceStart(text, start):start]
	if !anyWordIn(sentence, shareForms) {
		return false
	}
	for _, w := range words(sentence) {
		if c.records[stem(w)] || c.attributes[stem(w)] || possessives[w] {
			return false
		}
	}
	return true
}

// shareForms send or share a thing with someone.
var shareForms = setOf(`envoyer envoie partager partage transferer transfere share shares send sends forward forwards`)

// quotedMessage reports whether the word at off is inside a quotation of
// at least four words: a message, a page's text or an e-mail the story
// quotes (« votre demande a bien été reçue »), written by the product,
// not a record it handles; so is a path through the menus (« Mon compte >
// Factures »). A short quotation is a field or a button (« Nom »,
// « Supprimer mon compte ») and still names what is handled.
func quotedMessage(text string, off int) bool {
	open := strings.LastIndexAny(text[:off], "«“")
	if open < 0 || strings.ContainsAny(text[open:off], "»”") {
		return false
	}
	rest := text[off:]
	end := strings.IndexAny(rest, "»”\n")
	if end < 0 || rest[end] == '\n' {
		return false
	}
	_, size := utf8.DecodeRuneInString(text[open:])
	quote := text[open+size : off+end]
	// « Mon compte > Factures »: a path through the menus.
	return len(words(quote)) >= 4 || strings.Contains(quote, ">") || strings.Contains(quote, "›") || strings.Contains(quote, "→")
}

// consentObject reports whether a need's words name cookies, trackers or
// consent: accepting or refusing them records a person's choice.
func consentObject(ws []string) bool {
	for _, w := range ws {
		if consentWords[w] {
			return true
		}
	}
	return false
}

var consentWords = setOf(`cookie cookies traceur traceurs consentement consentements consent consents tracker trackers`)

// howOrWhoCan reports whether the text before a verb of filing asks who
// may file or how ("who can apply", "qui peut s'inscrire", "how to
// book", "comment réserver"): a page tells the procedure, nobody files.
func howOrWhoCan(before string) bool {
	ws := lastWords(before, 3)
	for len(ws) > 0 && (ws[len(ws)-1] == "s" || ws[len(ws)-1] == "se" || ws[len(ws)-1] == "to") {
		ws = ws[:len(ws)-1] // "comment s'inscrire", "how to apply"
	}
	n := len(ws)
	if n == 0 {
		return false
	}
	last := ws[n-1]
	modal := last == "can" || last == "may" || last == "peut" || last == "peuvent" || last == "cannot" || last == "cant"
	return last == "comment" || last == "how" ||
		n >= 2 && (ws[n-2] == "who" || ws[n-2] == "qui") && modal ||
		// "what the grant can and cant pay for", "ce que l'aide peut
		// payer": what pays, not who.
		modal && whatBefore(lastWords(before, 6))
}

// whatBefore reports whether words hold "what" or "ce que".
func whatBefore(ws []string) bool {
	for i, w := range ws {
		if w == "what" || w == "que" && i > 0 && ws[i-1] == "ce" {
			return true
		}
	}
	return false
}

// signInBefore reports whether the text before a provider's name ends
// with signing in through it, within three words: "Connexion avec
// FranceConnect", "se connecter via ProConnect", "sign in with".
// Being signed in ("je suis connecté avec FranceConnect") is a state
// the story starts from, not what it does.
func signInBefore(before string) bool {
	ws := lastWords(before, 6)
	for i := max(0, len(ws)-3); i < len(ws); i++ {
		if signInWords[ws[i]] || ws[i] == "connecte" && i > 0 && reflexiveSelf[ws[i-1]] {
			for _, w := range ws[:i] {
				if w == "ne" || w == "n" || w == "not" || w == "cannot" || w == "never" || w == "jamais" {
					return false // "ne peut plus se connecter via ProConnect": a sign-in refused
				}
			}
			return !(i > 0 && beVerbs[ws[i-1]])
		}
	}
	return false
}

// reflexiveSelf make a folded "connecte" the verb that signs in ("le
// directeur se connecte avec son compte académique").
var reflexiveSelf = setOf(`se me te nous vous`)

// signInWords sign in; a folded "connecte" is left out, as it is also
// the participle of a state ("un agent connecté via ProConnect"), and
// counts after a reflexive pronoun (reflexiveSelf).
var signInWords = setOf(`connexion connecter connectent authentification authentifier identification
	login signin logon sign log`)

// givenStep reports whether a criterion opens with a precondition
// ("Étant donné que je suis connecté avec FranceConnect"): what is
// already so, not what the story does.
func givenStep(text string) bool {
	_, kind, _, ok := gherkinLine(firstLine(text))
	return ok && kind == "given"
}

// signedInWith reports whether the words before an account say who is
// signed in ("Étant donné que je suis connecté avec mon compte élu",
// "Given I am signed in to my account"): a test's precondition, the
// account is the tester's way in, no record the story handles.
func signedInWith(before string) bool {
	ws := lastWords(before, 4) // "connecté avec mon", "logged in to my"
	n := len(ws)
	if n < 3 || !signInLinks[ws[n-2]] {
		return false
	}
	return signedInWords[ws[n-3]] || n == 4 && (ws[n-3] == "in" || ws[n-3] == "on") && signedInWords[ws[0]]
}

// signInLinks join a signed-in participle to the account.
var signInLinks = setOf(`avec a sur to with into`)

// signedInWords say someone is signed in.
var signedInWords = setOf(`connecte connectee authentifie authentifiee identifie identifiee signed logged`)
