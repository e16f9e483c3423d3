package rules

import (
	"strings"
	"unicode/utf8"
)

// French verbs, as far as reading and rewriting story sentences needs
// them: is a word an infinitive, which infinitive does a first-person
// form come from ("reçois" → "recevoir"), is a word a past participle.
// Stories use a few hundred verbs; the regular endings cover most, the
// tables the frequent irregular ones.

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
	// Nouns that read as -er verbs after an elided article: "pour l'usager"
	// is for whom, not why.
	"usager": true, "passager": true, "messager": true, "potager": true, "foyer": true,
	"loyer": true,
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
	"photocopier": true, "renier": true, "historier": true, "privilegier": true, "pallier": true,
	"approprier": true, "rapatrier": true, "beneficier": true, "differencier": true, "concilier": true,
	"reconcilier": true, "repertorier": true, "inventorier": true,
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
	// More -re verbs a need may open with ("instruire une demande",
	// "élire les délégués").
	"instruire": true, "introduire": true, "reproduire": true, "deduire": true, "induire": true,
	"nuire": true, "cuire": true, "elire": true, "interdire": true, "contredire": true,
	"circonscrire": true, "proscrire": true, "distraire": true, "naitre": true, "plaire": true,
	"taire": true, "coudre": true, "mordre": true, "repandre": true, "pendre": true,
	"pretendre": true, "entreprendre": true, "emettre": true, "promettre": true,
	"compromettre": true, "demettre": true, "abattre": true, "combattre": true, "debattre": true,
	"vaincre": true, "feindre": true, "enfreindre": true, "adjoindre": true, "enjoindre": true,
	"survivre": true,
}

// frInfinitive says whether a folded French word looks like an infinitive.
func frInfinitive(w string) bool {
	if len(w) < 4 || frNotInfinitive[w] {
		return false
	}
	if frReVerbs[w] {
		return true
	}
	for _, prefix := range [...]string{"re", "de", "pre", "sur", "sous", "entre", "inter"} {
		if rest, ok := strings.CutPrefix(w, prefix); ok && (frReVerbs[rest] || frIerVerbs[rest]) {
			return true // relire, redire, prédire, surprendre, recopier
		}
	}
	switch {
	case strings.HasSuffix(w, "ier"):
		return frIerVerbs[w] || strings.HasSuffix(w, "ifier")
	case strings.HasSuffix(w, "er"), strings.HasSuffix(w, "ir") && !strings.HasSuffix(w, "oir"):
		return true
	}
	return false
}

// frIrregular maps the folded first-person present (and future) of
// irregular verbs to their infinitive.
var frIrregular = map[string]string{
	"ai": "avoir", "suis": "être", "vais": "aller", "fais": "faire", "refais": "refaire",
	"dis": "dire", "redis": "redire", "lis": "lire", "relis": "relire", "ecris": "écrire",
	"inscris": "inscrire", "reinscris": "réinscrire", "desinscris": "désinscrire", "decris": "décrire",
	"transcris": "transcrire", "souscris": "souscrire", "prescris": "prescrire",
	"recois": "recevoir", "percois": "percevoir", "apercois": "apercevoir", "concois": "concevoir",
	"vois": "voir", "revois": "revoir", "prevois": "prévoir", "entrevois": "entrevoir",
	"dois": "devoir", "peux": "pouvoir", "veux": "vouloir", "sais": "savoir", "vaux": "valoir",
	"prends": "prendre", "reprends": "reprendre", "comprends": "comprendre", "apprends": "apprendre",
	"surprends": "surprendre", "entreprends": "entreprendre",
	"mets": "mettre", "remets": "remettre", "permets": "permettre", "transmets": "transmettre",
	"soumets": "soumettre", "admets": "admettre", "omets": "omettre", "bats": "battre", "debats": "débattre",
	"connais": "connaître", "reconnais": "reconnaître", "parais": "paraître", "apparais": "apparaître",
	"disparais": "disparaître",
	"viens":     "venir", "reviens": "revenir", "deviens": "devenir", "parviens": "parvenir",
	"interviens": "intervenir", "previens": "prévenir", "obtiens": "obtenir", "tiens": "tenir",
	"maintiens": "maintenir", "retiens": "retenir", "detiens": "détenir", "contiens": "contenir",
	"appartiens": "appartenir",
	"sors":       "sortir", "pars": "partir", "repars": "repartir", "sens": "sentir", "ressens": "ressentir",
	"dors": "dormir", "sers": "servir", "mens": "mentir",
	"ouvre": "ouvrir", "rouvre": "rouvrir", "couvre": "couvrir", "decouvre": "découvrir", "offre": "offrir",
	"souffre": "souffrir", "accueille": "accueillir", "recueille": "recueillir", "cueille": "cueillir",
	"cours": "courir", "parcours": "parcourir", "recours": "recourir", "secours": "secourir",
	"crois": "croire", "bois": "boire", "vis": "vivre", "revis": "revivre", "suis-je": "être",
	"joins": "joindre", "rejoins": "rejoindre", "atteins": "atteindre", "eteins": "éteindre",
	"peins": "peindre", "crains": "craindre", "plains": "plaindre", "restreins": "restreindre",
	"conduis": "conduire", "produis": "produire", "traduis": "traduire", "reduis": "réduire",
	"construis": "construire", "reconstruis": "reconstruire", "detruis": "détruire", "introduis": "introduire",
	"exclus": "exclure", "inclus": "inclure", "conclus": "conclure", "resous": "résoudre",
	"envoie": "envoyer", "renvoie": "renvoyer", "fuis": "fuir", "acquiers": "acquérir",
	"extrais": "extraire", "soustrais": "soustraire", "distrais": "distraire",
	"romps": "rompre", "interromps": "interrompre", "vaincs": "vaincre", "convaincs": "convaincre",
	"nais": "naître", "plais": "plaire", "tais": "taire", "ris": "rire", "souris": "sourire",
	"suffis": "suffire", "assieds": "asseoir", "meurs": "mourir", "emeus": "émouvoir",
	// Futures of irregular verbs.
	"aurai": "avoir", "serai": "être", "irai": "aller", "ferai": "faire", "pourrai": "pouvoir",
	"devrai": "devoir", "voudrai": "vouloir", "saurai": "savoir", "verrai": "voir", "recevrai": "recevoir",
	"viendrai": "venir", "tiendrai": "tenir", "obtiendrai": "obtenir", "enverrai": "envoyer",
	"ecrirai": "écrire", "lirai": "lire", "dirai": "dire", "inscrirai": "inscrire", "conduirai": "conduire",
	"construirai": "construire", "produirai": "produire", "mourrai": "mourir", "courrai": "courir",
	"faudra": "falloir", "vaudrai": "valoir",
	// Conditionals a story uses as a softened present.
	"pourrais": "pouvoir", "devrais": "devoir", "voudrais": "vouloir", "aimerais": "aimer",
	"souhaiterais": "souhaiter", "souhaiterai": "souhaiter", "aimerai": "aimer", "saurais": "savoir",
}

// frEVerbs are the verbs whose "è" of the present becomes "e" in the
// infinitive (achète → acheter); the others take "é" (accède → accéder).
var frEVerbs = map[string]bool{
	"acheter": true, "racheter": true, "achever": true, "parachever": true, "amener": true, "emmener": true,
	"ramener": true, "mener": true, "promener": true, "enlever": true, "lever": true, "relever": true,
	"soulever": true, "prelever": true, "elever": true, "geler": true, "congeler": true, "degeler": true,
	"peser": true, "soupeser": true, "semer": true, "modeler": true, "peler": true, "harceler": true,
	"crever": true,
}

// frDoubled are the verbs whose consonant doubles in the present
// (appelle → appeler, jette → jeter); "interpelle" and "regrette" keep
// theirs (interpeller, regretter).
var frDoubled = map[string]bool{
	"appeler": true, "rappeler": true, "renouveler": true, "epeler": true, "niveler": true,
	"ficeler": true, "jeter": true, "rejeter": true, "projeter": true, "feuilleter": true,
	"etiqueter": true, "cacheter": true, "epousseter": true, "deficeler": true, "amonceler": true,
}

// frInfinitiveOf returns the infinitive of a French verb written in the
// first person singular, present or future ("reçois", "consulte",
// "choisis", "recevrai"), keeping its accents. ok is false when the word
// does not look like one.
func frInfinitiveOf(orig string) (string, bool) {
	f := fold(orig)
	if inf, ok := frIrregular[f]; ok {
		return inf, true
	}
	if len(f) < 2 || !utf8.ValidString(orig) || len(orig) < 2 {
		return "", false
	}
	lower := strings.ToLower(orig)
	switch {
	case strings.HasSuffix(f, "erai") || strings.HasSuffix(f, "irai"):
		return lower[:len(lower)-2], true
	case strings.HasSuffix(f, "drai") || strings.HasSuffix(f, "trai"):
		return lower[:len(lower)-2] + "e", true
	case strings.HasSuffix(f, "oie") || strings.HasSuffix(f, "uie") || strings.HasSuffix(f, "aie"):
		return lower[:len(lower)-2] + "yer", true
	case strings.HasSuffix(f, "elle") || strings.HasSuffix(f, "ette"):
		single := lower[:len(lower)-2] + "er" // appelle → appeler
		if frDoubled[fold(single)] {
			return single, true
		}
		return lower + "r", true // interpelle → interpeller
	case strings.HasSuffix(f, "e"):
		inf := lower + "r"
		if i := strings.LastIndex(inf, "è"); i >= 0 && i+len("è") <= len(inf)-2 &&
			!strings.ContainsAny(inf[i+len("è"):len(inf)-2], "aeiouyéèêàâîôû") {
			// "è" in the last syllable: "accède" → "accéder", "achète"
			// → "acheter".
			plain := inf[:i] + "e" + inf[i+len("è"):]
			if frEVerbs[fold(plain)] {
				return plain, true
			}
			return inf[:i] + "é" + inf[i+len("è"):], true
		}
		return inf, true
	case strings.HasSuffix(f, "is"):
		return lower[:len(lower)-1] + "r", true // choisis → choisir
	case strings.HasSuffix(f, "ds"):
		return lower[:len(lower)-1] + "re", true // rends → rendre
	}
	return "", false
}

// frKnownParticiples are past participles in -u and -it, endings that
// adjectives share (longue, gratuit): only these count.
var frKnownParticiples = map[string]bool{
	"recu": true, "vendu": true, "prevenu": true, "lu": true, "vu": true, "rendu": true, "perdu": true,
	"entendu": true, "tenu": true, "obtenu": true, "maintenu": true, "retenu": true, "venu": true,
	"concu": true, "percu": true, "su": true, "connu": true, "reconnu": true, "attendu": true,
	"repondu": true, "suspendu": true, "etendu": true, "revu": true, "prevu": true, "decu": true,
	"ecrit": true, "inscrit": true, "decrit": true, "prescrit": true, "construit": true, "produit": true,
	"traduit": true, "reduit": true, "conduit": true, "reconduit": true, "detruit": true, "interdit": true, "fait": true,
	"extrait": true, "transmis": true, "mis": true, "remis": true, "soumis": true, "admis": true,
	"permis": true, "pris": true, "repris": true, "compris": true, "appris": true, "ouvert": true,
	"offert": true, "couvert": true, "decouvert": true, "joint": true, "atteint": true, "eteint": true,
	"contraint": true, "restreint": true, "dit": true, "exclu": true, "inclus": true, "inclu": true,
}

// frParticiple reports whether a word as written is a past participle:
// "récupérées", "rempli", "reçu", "transmis".
func frParticiple(orig string) bool {
	lower := strings.ToLower(orig)
	for _, sfx := range []string{"é", "ée", "és", "ées"} {
		if strings.HasSuffix(lower, sfx) && len(lower) > len(sfx)+1 {
			return true
		}
	}
	f := fold(orig)
	base := strings.TrimSuffix(strings.TrimSuffix(f, "s"), "e")
	if frKnownParticiples[base] || frKnownParticiples[f] {
		return true
	}
	// Second-group participles: rempli(e)(s), choisi, saisi, défini.
	if strings.HasSuffix(base, "i") && len(base) > 4 {
		inf := base + "r"
		return !frNotInfinitive[inf] && frInfinitive(inf)
	}
	return false
}

// frSubjunctiveBe maps "être" in the indicative to its subjunctive, for
// "je veux que mes données soient récupérées".
var frSubjunctiveBe = map[string]string{
	"est": "soit", "sont": "soient", "sera": "soit", "seront": "soient", "soit": "soit", "soient": "soient",
}

// frClitics sit between the subject and its verb: "je me connecte", "je
// les reçois", "je n'en ai plus besoin".
var frClitics = map[string]bool{
	"me": true, "m'": true, "te": true, "t'": true, "se": true, "s'": true, "le": true, "la": true,
	"les": true, "l'": true, "lui": true, "leur": true, "y": true, "en": true, "nous": true, "vous": true,
}

// frNegations close a negation opened by "ne": "je ne reçois plus".
var frNegations = map[string]bool{
	"pas": true, "plus": true, "jamais": true, "rien": true, "guere": true, "point": true, "aucun": true,
	"aucune": true, "personne": true,
}
