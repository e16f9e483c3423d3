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
	for v < len(ts) && needFillers[ts[v].w] {
		v++
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
		conj := conjWords[w]
		if !conj && !strings.ContainsAny(gap, ",&+/") {
			break
		}
		j := k
		if conj {
			j++
		}
		for j < len(ts) && (joinFillers[ts[j].w] || lang == FR && frClitics[ts[j].w]) {
			j++
		}
		if j >= len(ts) {
			break
		}
		next := ts[j].w
		if next == "je" || next == "j" || next == "i" || next == "we" {
			// "… et je reçois", "… and I want": a clause of its own,
			// unless it states what is expected ("and I expect").
			if j+1 < len(ts) && (ts[j+1].w == "expect" || ts[j+1].w == "attends") {
				break
			}
			clause = k
			break
		}
		if !isVerbAt(next, lang) {
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
			if !conjWords[ts[i].w] {
				continue
			}
			j := i + 1
			for j < len(ts) && (joinFillers[ts[j].w] || lang == FR && frClitics[ts[j].w]) {
				j++
			}
			if j >= len(ts) {
				break
			}
			next := ts[j].w
			if next == "je" || next == "j" || next == "i" || next == "we" {
				if j+1 < len(ts) && (ts[j+1].w == "expect" || ts[j+1].w == "attends") {
					break
				}
				clause = i
				break
			}
			if isVerbAt(next, lang) && (j > i+1 || !articleBefore(ts, j)) {
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
var needFillers = map[string]bool{
	"ne": true, "n": true, "pas": true, "plus": true, "pouvoir": true, "to": true, "be": true, "able": true,
	"not": true, "also": true, "aussi": true, "egalement": true, "peux": true, "pourrai": true, "can": true,
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
