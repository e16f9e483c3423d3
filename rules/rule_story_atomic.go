package rules

import "strings"

var storyAtomic = Rule{
	ID:       "story-atomic",
	Severity: SeverityWarning,
	Summary: Text{
		FR: "Un récit, un besoin",
		EN: "One story, one need",
	},
	Message: Text{
		FR: "Ce récit réunit plusieurs besoins qui pourraient être livrés séparément ({needs}). Gardez-en un ici et écrivez un récit pour chacun des autres : {others}.",
		EN: "This story joins needs that could ship separately ({needs}). Keep one here and write a story for each of the others: {others}.",
	},
	Fix: Text{
		FR: "{sentence}",
		EN: "{sentence}",
	},
	check: checkStoryAtomic,
}

// checkStoryAtomic reports a need that asks for several features: verbs
// joined by "et", "ou", "and", "or", "&", "+", "/" or a comma ("ajouter,
// modifier et supprimer", "edit and delete", "import/export"), or a
// second clause ("et je reçois …", "and I want …"). It reads the need
// only: a conjunction in the benefit joins reasons, not features; and
// joined nouns ("nom et prénom", "name and address") are one feature.
// The fix keeps the first need in the sentence; the message names the
// others, each for a story of its own.
func checkStoryAtomic(s *story) []hit {
	p := s.sent
	if p.found() < 2 || p.need == "" {
		return nil
	}
	keep, needs, others, ok := splitNeed(p.need, p.Lang, p.needForm, p.enTo)
	if !ok {
		return nil
	}
	h := hit{line: s.sentenceLine(), args: map[string]Text{
		"needs":  quoteAll(needs),
		"others": quoteAll(others),
	}}
	if sentence := strings.Replace(p.Text, p.need, keep, 1); sentence != p.Text {
		h.args["sentence"] = same(p.tidy(sentence))
	} else {
		h.fix = Text{FR: "", EN: ""}
	}
	return []hit{h}
}

// splitNeed finds the features joined in a need. keep is the need with
// the first feature only; needs lists every feature, others all but the
// first.
func splitNeed(need string, lang Lang, form string, enTo bool) (keep string, needs, others []string, ok bool) {
	// A placeholder's words ("<specify “quickly”> and <specify …>") are
	// no features: read the need with them blanked, cut it as written.
	blank, _ := withoutPlaceholdersKeepOffsets(need)
	ts := tokenize(blank, nil)
	if len(ts) < 3 {
		return "", nil, nil, false
	}
	// The first verb, after what may open a need ("ne pas", "pouvoir",
	// "to be able to").
	v := 0
	for v < len(ts) && (needFillers[ts[v].w] || lang == FR && isClitic(ts[v].w)) {
		v++
	}
	if k, ok := twoCriteria(ts, v, lang); ok {
		// "filtrer par thème et par ville": two filters that could
		// ship separately.
		cut := int(ts[k-1].end)
		first := strings.TrimRight(strings.TrimSpace(need[:cut]), " ,;")
		second := strings.TrimSpace(need[:ts[v].end]) + " " + strings.TrimSpace(need[ts[k].end:])
		return first, []string{first, second}, []string{second}, true
	}
	if v >= len(ts) {
		return "", nil, nil, false
	}
	// A chain of verbs: v1, v2 et v3 <object>.
	chain := []int{v}
	k := v + 1
	if !firstIsVerb(ts[v].w, lang, form, enTo) {
		chain, k = nil, len(ts) // only a later clause may join features
	}
	var joins []int // the start of each join's text, for cutting
	var clause int = -1
	for k < len(ts) {
		gap := blank[ts[k-1].end:ts[k].off]
		w := ts[k].w
		conj := conjWords[w] && !isWhere(blank, ts[k])
		if conj && alternative(w) && k+1 < len(ts) {
			// "valider ou refuser une demande": one decision with its
			// alternatives; what follows may still join a feature.
			j := k + 1
			for j < len(ts) && (ts[j].w == "je" || ts[j].w == "j" || ts[j].w == "i" || lang == FR && isClitic(ts[j].w)) {
				j++
			}
			if j < len(ts) && decision(ts[k-1].w) && decision(ts[j].w) {
				k = j + 1
				continue
			}
		}
		if !conj && !strings.ContainsAny(gap, ",&+/") {
			break
		}
		j := k
		if conj {
			j++
		}
		j = skipFillers(ts, j, lang)
		if j >= len(ts) {
			break
		}
		next := ts[j].w
		if subjectWords[next] {
			if !statesExpectation(ts, j) {
				clause = k
			}
			break
		}
		if !isVerbAt(next, lang) || consequence(ts, j) {
			break
		}
		if !conj && strings.Contains(gap, ",") && k-chain[len(chain)-1] > 1 {
			break // "name, phone": a comma after the first verb's object is a list
		}
		joins = append(joins, int(ts[k-1].end))
		chain = append(chain, j)
		k = j + 1
		if conj {
			break
		}
	}
	if len(chain) < 2 && clause < 0 {
		// Verbs later in the need: "relancer un allocataire et envoyer
		// un courriel".
		for i := v + 1; i < len(ts)-1; i++ {
			if !conjWords[ts[i].w] || isWhere(blank, ts[i]) {
				continue
			}
			j := i + 1
			if alternative(ts[i].w) {
				// "je confirme ou je refuse la place": one decision.
				for j < len(ts) && (ts[j].w == "je" || ts[j].w == "j" || ts[j].w == "i" || lang == FR && isClitic(ts[j].w)) {
					j++
				}
				if j < len(ts) && decision(ts[i-1].w) && decision(ts[j].w) {
					i = j
					continue
				}
				j = i + 1
			}
			j = skipFillers(ts, j, lang)
			if j >= len(ts) {
				break
			}
			next := ts[j].w
			if subjectWords[next] {
				if !statesExpectation(ts, j) {
					clause = i
				}
				break
			}
			if isVerbAt(next, lang) && (j > i+1 || !articleBefore(ts, j)) && !consequence(ts, j) {
				clause = i
				break
			}
		}
	}
	cleanEnd := func(s string) string { return strings.TrimRight(strings.TrimSpace(s), " ,;") }
	if clause >= 0 {
		// Two needs, each with its words: "X et Y".
		cut := int(ts[clause-1].end)
		first := cleanEnd(need[:cut])
		second := cleanEnd(need[ts[clause].end:])
		second = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(second, "je "), "I "))
		return first, []string{first, second}, []string{second}, true
	}
	if len(chain) < 2 {
		return "", nil, nil, false
	}
	// Verbs sharing one object: "consulter et modifier mon dossier".
	last := chain[len(chain)-1]
	object := strings.TrimSpace(need[ts[last].end:])
	verbs := make([]string, len(chain))
	for i, c := range chain {
		verbs[i] = need[ts[c].off:ts[c].end]
	}
	head := strings.TrimSpace(need[:ts[v].off])
	withObject := func(verb string) string {
		return strings.TrimSpace(strings.TrimSpace(head+" "+verb) + " " + object)
	}
	keep = strings.TrimSpace(need[:joins[0]]) + " " + object
	if object == "" {
		keep = strings.TrimSpace(need[:joins[0]])
	}
	keep = strings.TrimSpace(keep)
	for _, verb := range verbs {
		needs = append(needs, withObject(verb))
	}
	return keep, needs, needs[1:], true
}

// needFillers may open a need before its verb.
// isClitic reports whether a folded word is a French clitic pronoun:
// "me connecter", "m'y inscrire".
func isClitic(w string) bool { return frClitics[w] || frClitics[w+"'"] }

// isWhere reports whether a token folded to "ou" was written "où": a
// relative clause ("la ville où j'étudie"), no coordination.
func isWhere(text string, t tok) bool {
	return strings.Contains(text[t.off:t.end], "ù")
}

// alternative reports whether a conjunction offers a choice.
func alternative(w string) bool { return w == "ou" || w == "or" }

// decisionStarts are the folded starts of the verbs of a decision: one
// decision and its alternatives ("valider ou refuser", "je confirme ou je
// refuse", "approve or reject") is one feature, while "add or remove" is
// two.
var decisionStarts = []string{"valid", "accept", "refus", "rejet", "reject", "confirm", "declin", "approuv",
	"approv", "accord", "deny", "deni", "grant", "autoris", "authoriz", "authoris"}

func decision(w string) bool {
	for _, p := range decisionStarts {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// consequence reports whether the verb at j, after a conjunction, states
// what happens to the person rather than a second feature: "m'inscrire
// sur une liste d'attente et être prévenu", "and be notified".
func consequence(ts []tok, j int) bool {
	if ts[j].w != "etre" && ts[j].w != "be" && ts[j].w != "get" {
		return false
	}
	return j+1 < len(ts) && (frParticiple(ts[j+1].w) || strings.HasSuffix(ts[j+1].w, "ed"))
}

// criteriaVerbs sort or filter by criteria: two criteria joined with a
// repeated preposition are two features.
var criteriaVerbs = setOf(`filtrer filtre trier trie rechercher recherche classer grouper regrouper
	filter sort search group order`)

// twoCriteria finds, after a verb of criteria, "par X et par Y" or "by X
// and by Y"; it returns the index of the conjunction.
func twoCriteria(ts []tok, v int, lang Lang) (int, bool) {
	if v >= len(ts) || !criteriaVerbs[ts[v].w] {
		return 0, false
	}
	prep := "par"
	if lang == EN {
		prep = "by"
	}
	seen := false
	for k := v + 1; k+1 < len(ts); k++ {
		switch {
		case ts[k].w == prep:
			seen = true
		case seen && (ts[k].w == "et" || ts[k].w == "and") && ts[k+1].w == prep:
			return k, true
		}
	}
	return 0, false
}

var needFillers = map[string]bool{
	"ne": true, "n": true, "pas": true, "plus": true, "pouvoir": true, "to": true, "be": true, "able": true,
	"not": true, "also": true, "aussi": true, "egalement": true, "peux": true, "pourrai": true, "can": true,
	// "I want to only see the applications of one street": the verb
	// follows.
	"only": true, "just": true,
}

// conjWords join two features.
var conjWords = map[string]bool{"et": true, "ou": true, "puis": true, "and": true, "or": true, "then": true}

// joinFillers sit between a conjunction and the verb it joins.
var joinFillers = map[string]bool{
	"then": true, "also": true, "to": true, "puis": true, "aussi": true, "egalement": true, "ensuite": true,
	"pouvoir": true, "de": true, "d": true,
}

// firstIsVerb reports whether the need opens with a verb: an infinitive,
// or the verb a subject left in it ("reçois", "peux"), or an English base
// form.
func firstIsVerb(w string, lang Lang, form string, enTo bool) bool {
	if lang == EN {
		return enVerbs[w] || enTo || form == "indicative" || form == "can" || form == "able" || form == "should"
	}
	switch form {
	case "indicative", "peux", "dois", "plural":
		return true
	}
	return frInfinitive(w) || frModal[w]
}

// isVerbAt reports whether a word right after a conjunction is a verb.
func isVerbAt(w string, lang Lang) bool {
	if lang == EN {
		return enVerbs[w]
	}
	return frInfinitive(w) || frModal[w]
}

// articleBefore reports whether token j follows an article: "and the
// list" joins nouns.
func articleBefore(ts []tok, j int) bool {
	return j > 0 && (roleArticles[ts[j-1].w] || enObjectStart[ts[j-1].w])
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

// subjectWords open a clause of its own after a conjunction ("… et je
// reçois", "… and I want").
var subjectWords = map[string]bool{"je": true, "j": true, "i": true, "we": true}

// statesExpectation: the subject at j states what is expected ("and I
// expect", "et j'attends"), an acceptance clause, not a second feature.
func statesExpectation(ts []tok, j int) bool {
	return j+1 < len(ts) && (ts[j+1].w == "expect" || ts[j+1].w == "attends")
}

// skipFillers returns the first token from j that is neither a joining
// filler word nor, in French, a clitic pronoun.
func skipFillers(ts []tok, j int, lang Lang) int {
	for j < len(ts) && (joinFillers[ts[j].w] || lang == FR && isClitic(ts[j].w)) {
		j++
	}
	return j
}
