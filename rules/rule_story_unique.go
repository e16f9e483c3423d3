package rules

import (
	"fmt"
	"math"
	"slices"
)

var storyUnique = Rule{
	ID:       "story-unique",
	Severity: SeverityWarning,
	Summary: Text{
		FR: "Pas deux stories pour le même besoin",
		EN: "No two stories for the same need",
	},
	Message: Text{
		FR: "Story très proche de {other} « {title} » (similarité {score}).",
		EN: "Story very close to {other} “{title}” ({score} similar).",
	},
	Fix: Text{
		FR: "Fusionnez les deux stories, ou dites dans la phrase de récit ce qui les distingue.",
		EN: "Merge the two stories, or say in the story sentence what sets them apart.",
	},
	backlog: checkStoryUnique,
}

// uniqueThreshold is the similarity above which two stories are
// reported: the share of their content words, each word weighted by its
// rarity in the backlog (IDF-weighted Jaccard). Rare words carry the
// difference between "import data in Excel" and "import data in JSON";
// common ones ("have" / "choose") barely count. On the Dalpiaz backlogs
// 0.8 reports copies and rewordings (12 pairs in 750 stories), not
// stories that share a template but differ in their object.
const uniqueThreshold = 0.8

// maxUniqueHits caps the findings per story: a story copied ten times
// needs one message, not ten.
const maxUniqueHits = 3

// stopWords carry no content: articles, pronouns, the sentence markers.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"a", "an", "the", "to", "of", "and", "or", "in", "on", "for", "with", "by", "at", "as", "be",
		"is", "are", "i", "my", "me", "we", "our", "it", "its", "that", "this", "so", "can", "want",
		"would", "like", "need", "able", "order", "from", "into", "all", "any", "some", "their", "they",
		"them", "will", "should", "have", "has", "do", "not",
		"en", "tant", "que", "qu", "je", "j", "veux", "souhaite", "voudrais", "peux", "besoin", "ai",
		"afin", "de", "d", "du", "des", "le", "la", "les", "l", "un", "une", "et", "ou", "pour", "mon",
		"ma", "mes", "me", "m", "ce", "cette", "ces", "qui", "dans", "sur", "avec", "par", "au", "aux",
		"pouvoir", "etre", "est", "sont", "plus", "ne", "pas", "se", "s", "etq", "a", "y",
	} {
		m[w] = true
	}
	return m
}()

// synonyms maps common verbs of stories to one of them, so that a story
// rewritten with another verb ("voir" / "consulter", "see" / "view") is
// still seen as the same need. Objects are never merged: "filtrer par
// date" and "filtrer par statut" are two stories.
var synonyms = map[string]string{
	"consulter": "voir", "afficher": "voir", "visualiser": "voir", "acceder": "voir",
	"editer": "modifier", "changer": "modifier", "mettre": "modifier",
	"effacer": "supprimer", "retirer": "supprimer", "enlever": "supprimer",
	"ajouter": "creer", "saisir": "creer", "rechercher": "chercher", "trouver": "chercher",
	"telecharger": "recuperer", "obtenir": "recuperer", "envoyer": "transmettre",
	"view": "see", "display": "see", "access": "see", "browse": "see", "look": "see",
	"modify": "edit", "change": "edit", "update": "edit",
	"remove": "delete", "erase": "delete",
	"add": "create", "enter": "create",
	"find": "search", "download": "get", "obtain": "get", "retrieve": "get", "receive": "get",
}

// contentWords returns the distinct stems of a story's content words:
// its sentence, else its title and first paragraph.
func (s *story) contentWords() []string {
	text := ""
	if s.sent.found() == 2 {
		text = s.sent.Role + " " + s.sent.Action + " " + s.sent.Benefit
	} else {
		text = s.in.Title
		for i := range s.d.blocks {
			if s.d.blocks[i].kind == blockPara || s.d.blocks[i].kind == blockItem {
				text += " " + s.d.blocks[i].text
				break
			}
		}
	}
	var out []string
	for _, t := range tokenize(text, nil) {
		if stopWords[t.w] {
			continue
		}
		w := t.w
		if syn, ok := synonyms[w]; ok {
			w = syn
		}
		st := stem(w)
		if !slices.Contains(out, st) {
			out = append(out, st)
		}
	}
	return out
}

// checkStoryUnique reports pairs of stories whose weighted similarity is
// uniqueThreshold or more. Each story probes an inverted index of the
// stories before it with its prefix of rarest words, the shortest one
// whose complement weighs less than uniqueThreshold of the story: two
// stories that similar must share a word of it. Common words then never
// open a posting list, and most pairs are never compared.
func checkStoryUnique(ss []*story) [][]hit {
	out := make([][]hit, len(ss))
	dict := map[string]int{}
	sets := make([][]int, len(ss))
	for i, s := range ss {
		for _, w := range s.contentWords() {
			id, ok := dict[w]
			if !ok {
				id = len(dict)
				dict[w] = id
			}
			sets[i] = append(sets[i], id)
		}
	}
	df := make([]int, len(dict))
	for _, set := range sets {
		for _, id := range set {
			df[id]++
		}
	}
	weight := make([]float64, len(dict))
	for id, n := range df {
		weight[id] = math.Log(1 + float64(len(ss))/float64(n))
	}
	total := make([]float64, len(ss))
	for i := range sets {
		// Rarest first; ties by id so that every set uses one order.
		slices.SortFunc(sets[i], func(a, b int) int {
			if df[a] != df[b] {
				return df[a] - df[b]
			}
			return a - b
		})
		for _, id := range sets[i] {
			total[i] += weight[id]
		}
	}
	type match struct {
		other int
		sim   float64
	}
	matches := make([][]match, len(ss))
	index := map[int][]int{}
	seen := make([]int, len(ss)) // the probe (i+1) that last met j
	for i, set := range sets {
		if len(set) < 3 {
			continue
		}
		// Prefix: the words whose removal would leave less than the
		// threshold's share of the weight.
		prefix, rest := 0, total[i]
		for prefix < len(set) && rest >= uniqueThreshold*total[i] {
			rest -= weight[set[prefix]]
			prefix++
		}
		for _, w := range set[:prefix] {
			for _, j := range index[w] {
				if seen[j] == i+1 {
					continue
				}
				seen[j] = i + 1
				if total[j] < uniqueThreshold*total[i] || total[i] < uniqueThreshold*total[j] {
					continue
				}
				if sim := weightedJaccard(set, sets[j], weight, df, total[i]+total[j]); sim >= uniqueThreshold {
					matches[i] = append(matches[i], match{j, sim})
					matches[j] = append(matches[j], match{i, sim})
				}
			}
		}
		for _, w := range set {
			index[w] = append(index[w], i)
		}
	}
	for i, ms := range matches {
		slices.SortStableFunc(ms, func(a, b match) int {
			switch {
			case a.sim > b.sim:
				return -1
			case a.sim < b.sim:
				return 1
			}
			return a.other - b.other
		})
		for _, m := range ms[:min(len(ms), maxUniqueHits)] {
			out[i] = append(out[i], uniqueHit(ss, i, m.other, m.sim))
		}
	}
	return out
}

// weightedJaccard compares two sets sorted in the same order (df, then
// id); sum is the two sets' total weights.
func weightedJaccard(a, b []int, weight []float64, df []int, sum float64) float64 {
	inter := 0.0
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		switch {
		case x == y:
			inter += weight[x]
			i++
			j++
		case df[x] < df[y] || df[x] == df[y] && x < y:
			i++
		default:
			j++
		}
	}
	return inter / (sum - inter)
}

func uniqueHit(ss []*story, i, j int, sim float64) hit {
	other := ss[j]
	title := other.in.Title
	if title == "" && other.sent != nil {
		title = other.sent.Text
	}
	return hit{line: ss[i].sentenceLine(), args: map[string]Text{
		"other": other.ref(),
		"title": same(shorten(title, 80)),
		"score": same(fmt.Sprintf("%d %%", int(sim*100+0.5))),
	}}
}
