package rules

import "strings"

var storyAtomic = Rule{
	ID:       "story-atomic",
	Severity: SeverityWarning,
	Summary: Text{
		FR: "Une story, un besoin",
		EN: "One story, one need",
	},
	Message: Text{
		FR: "La story semble réunir plusieurs fonctionnalités (« {first} » et « {second} ») : une story, un besoin.",
		EN: "The story seems to join several features (“{first}” and “{second}”): one story, one need.",
	},
	Fix: Text{
		FR: "Découpez-la en deux stories :\n{opening}, je veux {first} …\n{opening}, je veux {second} …",
		EN: "Split it into two stories:\n{opening}, I want to {first} …\n{opening}, I want to {second} …",
	},
	check: checkStoryAtomic,
}

func checkStoryAtomic(s *story) []hit {
	if s.sent.found() < 2 {
		return nil
	}
	first, second, ok := splitAction(s.sent.Action, s.sent.Lang)
	if !ok {
		return nil
	}
	return []hit{{line: s.sentenceLine(), args: map[string]Text{
		"first": same(first), "second": same(second), "opening": opening(s.sent.Role),
	}}}
}

// splitAction finds two actions joined in one: "consulter et modifier mon
// dossier", "export and import the data", "log in and I see". Joined
// nouns ("nom et prénom", "name and address of") do not count: the word
// after the conjunction has to look like a verb.
func splitAction(action string, lang Lang) (string, string, bool) {
	ts := tokenize(action, nil)
	if len(ts) < 3 {
		return "", "", false
	}
	for i := 1; i < len(ts)-1; i++ {
		w := ts[i].w
		if !(w == "et" || w == "ou" || w == "puis" || w == "and" || w == "or" || w == "then") {
			continue
		}
		j := i + 1
		modal := false // "et pouvoir exporter": a second action whatever the first
		for j < len(ts) && (conjFiller[ts[j].w] || lang == FR && frModal[ts[j].w]) {
			modal = modal || frModal[ts[j].w]
			j++
		}
		if j >= len(ts) {
			break
		}
		verb := false
		switch lang {
		case FR:
			verb = ts[j].w == "je" || frInfinitive(ts[j].w) && (modal || hasFrInfinitive(ts[:i]))
		default:
			if ts[j].w == "i" || ts[j].w == "we" {
				verb = true
			} else if j+1 < len(ts) && enObjectStart[ts[j+1].w] && !enObjectStart[ts[j].w] && !enNotVerb[ts[j].w] && enVerbFirst(ts[:i]) {
				verb = true
			}
		}
		if !verb {
			continue
		}
		first := strings.TrimRight(action[:ts[i].off], " ,;")
		second := action[ts[j].off:]
		return first, strings.TrimRight(second, " .,;"), true
	}
	return "", "", false
}

// conjFiller are words between a conjunction and the verb it joins.
var conjFiller = map[string]bool{
	"then": true, "also": true, "puis": true, "aussi": true, "egalement": true, "ensuite": true,
	"me": true, "m": true, "se": true, "s": true, "ou": true, "en": true,
}

// frModal open a second action: "et pouvoir exporter", "et être alerté".
var frModal = map[string]bool{"pouvoir": true, "etre": true, "avoir": true}

// enObjectStart are words that open a verb's object: "filter the list".
var enObjectStart = map[string]bool{
	"the": true, "a": true, "an": true, "my": true, "our": true, "their": true, "his": true,
	"her": true, "its": true, "all": true, "any": true, "each": true, "every": true, "some": true,
	"them": true, "it": true, "this": true, "these": true, "those": true, "new": true, "existing": true,
	"other": true, "your": true, "me": true, "us": true,
}

// enNotVerb are words that follow "and" and precede "the" without being a
// verb: "between X and the Y".
var enNotVerb = map[string]bool{
	"of": true, "to": true, "in": true, "on": true, "for": true, "with": true, "from": true,
	"by": true, "at": true, "about": true, "into": true, "not": true, "only": true, "also": true,
	"that": true, "which": true, "who": true, "where": true, "when": true, "how": true, "what": true,
	"why": true, "whether": true, "if": true,
}

// enVerbFirst reports whether the action opens on a verb: not on a
// determiner ("the page and the menu" lists things).
func enVerbFirst(ts []tok) bool {
	k := 0
	for k < len(ts) && (ts[k].w == "to" || ts[k].w == "be" || ts[k].w == "able") {
		k++
	}
	return k < len(ts) && !enObjectStart[ts[k].w]
}

// frNotInfinitive are French nouns with an infinitive's ending.
var frNotInfinitive = map[string]bool{
	"premier": true, "dernier": true, "entier": true, "hier": true, "mer": true, "fer": true,
	"hiver": true, "enfer": true, "cancer": true, "laser": true, "super": true, "user": true,
	"header": true, "footer": true, "cluster": true, "container": true, "server": true,
	"manager": true, "leader": true, "poster": true, "danger": true, "etranger": true,
	"berger": true, "verger": true, "boulanger": true, "cher": true, "amer": true,
	"desir": true, "plaisir": true, "loisir": true, "avenir": true, "cuir": true,
	"soir": true, "espoir": true, "miroir": true, "couloir": true, "tiroir": true,
	"trottoir": true, "comptoir": true, "pouvoir": true, "devoir": true, "avoir": true,
	"quartier": true, "planner": true, "designer": true, "scanner": true, "banner": true,
	"tracker": true, "viewer": true, "player": true, "timer": true, "buffer": true,
	"master": true, "partner": true, "sticker": true, "dossier": true,
}

// frIerVerbs are the common -ier verbs; other -ier words are taken for
// nouns (dossier, fichier, courrier, calendrier).
var frIerVerbs = map[string]bool{
	"copier": true, "publier": true, "trier": true, "lier": true, "relier": true, "delier": true,
	"oublier": true, "etudier": true, "apprecier": true, "negocier": true, "associer": true,
	"dissocier": true, "confier": true, "plier": true, "deplier": true, "multiplier": true,
	"varier": true, "expedier": true, "remedier": true, "licencier": true, "remercier": true,
	"envier": true, "marier": true, "parier": true, "allier": true, "rallier": true,
	"supplier": true, "crier": true, "nier": true, "prier": true, "initier": true,
	"photocopier": true, "renier": true, "historier": true,
}

// frReVerbs are the common -re and -oir infinitives; other words with
// those endings are mostly nouns (formulaire, titre, membre).
var frReVerbs = map[string]bool{
	"lire": true, "ecrire": true, "faire": true, "refaire": true, "dire": true, "boire": true,
	"croire": true, "prendre": true, "reprendre": true, "comprendre": true, "apprendre": true,
	"mettre": true, "remettre": true, "permettre": true, "soumettre": true, "transmettre": true,
	"admettre": true, "omettre": true, "suivre": true, "poursuivre": true, "vivre": true,
	"conduire": true, "produire": true, "traduire": true, "reduire": true, "detruire": true,
	"construire": true, "reconstruire": true, "inscrire": true, "reinscrire": true,
	"desinscrire": true, "decrire": true, "transcrire": true, "souscrire": true, "prescrire": true,
	"extraire": true, "soustraire": true, "connaitre": true, "reconnaitre": true,
	"paraitre": true, "apparaitre": true, "disparaitre": true, "battre": true, "rompre": true,
	"interrompre": true, "convaincre": true, "exclure": true, "conclure": true, "inclure": true,
	"resoudre": true, "attendre": true, "rendre": true, "vendre": true, "perdre": true,
	"repondre": true, "correspondre": true, "entendre": true, "descendre": true, "defendre": true,
	"dependre": true, "etendre": true, "suspendre": true, "tendre": true, "fondre": true,
	"confondre": true, "tordre": true, "peindre": true, "craindre": true, "joindre": true,
	"rejoindre": true, "atteindre": true, "eteindre": true, "restreindre": true,
	"contraindre": true, "plaindre": true, "etre": true, "clore": true,
	"voir": true, "revoir": true, "prevoir": true, "savoir": true, "recevoir": true,
	"concevoir": true, "apercevoir": true, "percevoir": true, "vouloir": true, "valoir": true,
	"emouvoir": true, "promouvoir": true, "entrevoir": true, "pourvoir": true, "decevoir": true,
	"renvoyer": true, "sortir": true,
}

// frInfinitive says whether a folded French word looks like an infinitive.
func frInfinitive(w string) bool {
	if len(w) < 4 || frNotInfinitive[w] {
		return false
	}
	if frReVerbs[w] {
		return true
	}
	switch {
	case strings.HasSuffix(w, "ier"):
		return frIerVerbs[w] || strings.HasSuffix(w, "ifier")
	case strings.HasSuffix(w, "er"), strings.HasSuffix(w, "ir") && !strings.HasSuffix(w, "oir"):
		return true
	}
	return false
}

func hasFrInfinitive(ts []tok) bool {
	for _, t := range ts {
		if frInfinitive(t.w) {
			return true
		}
	}
	return false
}
