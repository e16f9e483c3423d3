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
