package rules

import "strings"

// The fixed phrases the sentence reader looks for, folded, as token
// sequences: wanting modals, benefit markers, role openers, subjects and
// the small words around them.

// phrase tables, folded, as token sequences.
type seqMarker struct {
	seq  []string
	form string
	lang Lang
	neg  bool
}

func seqs(lang Lang, form string, neg bool, texts ...string) []seqMarker {
	out := make([]seqMarker, len(texts))
	for i, t := range texts {
		out[i] = seqMarker{seq: splitSeq(t), form: form, lang: lang, neg: neg}
	}
	return out
}

func concat(lists ...[]seqMarker) []seqMarker {
	var out []seqMarker
	for _, l := range lists {
		out = append(out, l...)
	}
	// Longest first: "j'ai besoin de" before "j'ai besoin".
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j].seq) > len(out[j-1].seq); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// wantMarkers are the wanting modals: the need starts after them.
var wantMarkers = concat(
	seqs(FR, "veux", false, "je veux"),
	seqs(FR, "voudrais", false, "je voudrais"),
	seqs(FR, "souhaite", false, "je souhaite", "je souhaiterais", "je souhaiterai", "je desire", "je desirerais", "je desirerai"),
	seqs(FR, "aimerais", false, "j'aimerais", "j'aimerai"),
	seqs(FR, "besoin", false, "j'ai besoin de", "j'ai besoin d'", "j'ai besoin", "j'aurais besoin de", "j'aurais besoin d'",
		"j'aurais besoin", "j'aurai besoin de", "j'aurai besoin d'"),
	// Impersonal wishes: an unusual but valid shape, at most a
	// story-uniform note.
	seqs(FR, "impersonal", false, "il faut que je puisse", "il faudrait que je puisse", "il faudrait pouvoir",
		"il faut pouvoir", "ce serait bien de pouvoir", "ce serait bien que je puisse", "il me faut", "il me faudrait",
		"il faudrait que je", "il faut que je", "j'ai envie de", "j'ai envie d'", "il m'est possible de",
		"il m'est possible d'"),
	seqs(FR, "plural", false, "nous voulons", "nous voudrions", "nous souhaitons", "nous souhaiterions",
		"nous aimerions", "nous avons besoin de", "nous avons besoin d'", "nous aurions besoin de", "on veut", "on voudrait",
		"on souhaite", "on aimerait", "on a besoin de", "on a besoin d'"),
	seqs(FR, "veux", true, "je ne veux pas", "je ne veux plus"),
	seqs(FR, "souhaite", true, "je ne souhaite pas", "je ne souhaite plus"),
	seqs(FR, "voudrais", true, "je ne voudrais pas", "je ne voudrais plus"),
	seqs(EN, "want", false, "i want to", "i want", "i wanted to", "i prefer to", "i prefer", "i like to"),
	seqs(EN, "would like", false, "i would like to", "i would like", "i'd like to", "i'd like",
		"i would love to", "i'd love to", "i'd prefer to",
		// Typed fast: "I woud like to", "I wold like to".
		"i woud like to", "i wold like to", "i whould like to"),
	seqs(EN, "need", false, "i need to", "i need", "i require"),
	seqs(EN, "wish", false, "i wish to", "i wish"),
	seqs(EN, "plural", false, "we want to", "we want", "we need to", "we need", "we would like to",
		"we'd like to", "we wish to"),
	seqs(EN, "want", true, "i don't want to", "i do not want to", "i don't want", "i do not want"),
	// "As a researcher, would like the ability to …": the subject is
	// missing, which a backlog's template does not do.
	seqs(EN, "no subject", false, "would like to", "would like", "want to", "wants to", "need to"),
)

// benefitSeqs are the benefit markers: they end the need wherever they
// are. "pour" and "so", which also open plain complements, are read
// apart (weakBenefit).
var benefitSeqs = concat(
	seqs(FR, "afin de", false, "afin de", "afin d'"),
	seqs(FR, "afin que", false, "afin que", "afin qu'"),
	seqs(FR, "pour que", false, "pour que", "pour qu'"),
	seqs(FR, "pour", false, "pour pouvoir"),
	seqs(FR, "de facon a", false, "de facon a", "de facon que", "de facon qu'", "en vue de", "en vue d'"),
	seqs(FR, "de maniere a", false, "de maniere a", "de maniere que", "de maniere qu'"),
	seqs(FR, "de sorte que", false, "de sorte que", "de sorte qu'"),
	seqs(FR, "dans le but de", false, "dans le but de", "dans le but d'", "dans l'objectif de", "dans l'objectif d'"),
	seqs(EN, "so that", false, "so that"),
	seqs(EN, "in order to", false, "in order to", "in order that", "so as to"),
)

var (
	wantIndex    = indexSeqs(wantMarkers)
	benefitIndex = indexSeqs(benefitSeqs)
)

// indexSeqs groups markers by their first word.
func indexSeqs(ms []seqMarker) map[string][]*seqMarker {
	idx := map[string][]*seqMarker{}
	for i := range ms {
		idx[ms[i].seq[0]] = append(idx[ms[i].seq[0]], &ms[i])
	}
	return idx
}

// adverbs may sit between the subject and the verb: "I only want", "I
// also need". The marker still counts.
var adverbs = map[string]bool{
	"only": true, "also": true, "really": true, "just": true, "still": true, "always": true,
	"simply": true, "then": true, "further": true, "additionally": true, "therefore": true,
	"aussi": true, "egalement": true, "vraiment": true, "simplement": true, "toujours": true,
}

// role openers.
type roleOpener struct {
	seq  []string
	form string
	lang Lang
}

var roleOpeners = []roleOpener{
	{splitSeq("en tant qu'"), "en tant que", FR},
	{splitSeq("en tant que"), "en tant que", FR},
	{[]string{"e.t.q"}, "etq", FR},
	{[]string{"etq"}, "etq", FR},
	{[]string{"etd"}, "etq", FR},  // "en tant que développeur"
	{[]string{"aau"}, "as a", EN}, // "as a user"
	{splitSeq("as an"), "as a", EN},
	{splitSeq("as a"), "as a", EN},
	{splitSeq("as the"), "as the", EN},
	{splitSeq("as"), "as", EN}, // "As admins, we …": only with a need
}

// subjects open the need after the role.
var (
	frSubjects = map[string]bool{"je": true, "j'": true, "nous": true, "on": true}
	enSubjects = map[string]bool{"i": true, "i'm": true, "i'll": true, "i've": true, "i'd": true, "we": true, "we're": true, "we'll": true}
)

// clauseWords open a situation clause: "Lorsqu'un dossier est incomplet,".
var clauseWords = map[string]bool{
	"lorsque": true, "lorsqu'": true, "quand": true, "si": true, "s'": true, "des": true, "apres": true,
	"avant": true, "pendant": true, "une": true, "en": true, "dans": true, "a": true, "au": true, "sur": true,
	"when": true, "whenever": true, "if": true, "once": true, "after": true, "before": true, "while": true,
	"during": true, "upon": true, "on": true, "in": true,
}

// wrapWords cannot end a sentence: a line that ends with one goes on.
var wrapWords = map[string]bool{
	"de": true, "d'": true, "la": true, "le": true, "les": true, "l'": true, "des": true, "du": true,
	"a": true, "au": true, "aux": true, "et": true, "ou": true, "en": true, "pour": true, "par": true,
	"avec": true, "sur": true, "dans": true, "un": true, "une": true, "mon": true, "ma": true, "mes": true,
	"son": true, "sa": true, "ses": true, "leur": true, "leurs": true, "que": true, "qu'": true, "the": true,
	"an": true, "of": true, "to": true, "and": true, "or": true, "for": true, "with": true, "in": true,
	"on": true, "my": true, "their": true, "that": true, "from": true, "by": true,
}

// soSubjects are the words after which "so" opens a consequence ("so I
// can…") rather than an adverb ("so fast").
var soSubjects = map[string]bool{
	"i": true, "i'm": true, "we": true, "they": true, "it": true, "that": true, "the": true, "he": true,
	"she": true, "you": true, "my": true, "our": true, "their": true, "users": true, "people": true,
	"this": true, "there": true, "others": true, "everyone": true, "anyone": true, "nobody": true,
}

// roleArticles open a role without being part of it.
var roleArticles = map[string]bool{
	"un": true, "une": true, "le": true, "la": true, "les": true, "l'": true, "des": true, "du": true,
	"a": true, "an": true, "the": true,
}

// passiveAdverbs may sit between "est" and its participle.
var passiveAdverbs = map[string]bool{
	"automatiquement": true, "bien": true, "directement": true, "toujours": true, "deja": true,
	"immediatement": true, "pas": true, "plus": true, "jamais": true, "systematiquement": true,
	"egalement": true, "aussi": true, "desormais": true, "enfin": true, "correctement": true,
}

// enParticiple reports whether an English word is a past participle.
func enParticiple(w string) bool {
	if len(w) > 4 && strings.HasSuffix(w, "ed") {
		return true
	}
	switch w {
	case "sent", "shown", "given", "taken", "done", "made", "seen", "known", "kept", "held", "paid",
		"built", "sold", "told", "found", "written", "drawn", "brought", "bought", "set", "put", "read",
		"run", "sent.", "chosen", "hidden", "forgotten", "spent":
		return true
	}
	return false
}
