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
		FR: "Story très proche de la story n° {other} « {title} » ({score} de mots en commun).",
		EN: "Story very close to story #{other} “{title}” ({score} of words in common).",
	},
	Fix: Text{
		FR: "Fusionnez les deux stories, ou dites dans la phrase de récit ce qui les distingue.",
		EN: "Merge the two stories, or say in the story sentence what sets them apart.",
	},
	backlog: checkStoryUnique,
}

// uniqueThreshold is the Jaccard similarity of two stories' content words
// above which they are reported. Measured on the Dalpiaz backlogs, where
// stories that share role and action but differ in object stay below it.
const uniqueThreshold = 0.7

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
		st := stem(t.w)
		if !slices.Contains(out, st) {
			out = append(out, st)
		}
	}
	return out
}

// checkStoryUnique reports pairs of stories whose content words overlap
// by uniqueThreshold or more (Jaccard). Candidate pairs come from an
// inverted index over each set's rarest words (prefix filtering): two sets
// that similar must share one of them, so most pairs are never compared
// and a 1,000-story backlog takes milliseconds.
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
	freq := make([]int, len(dict))
	for _, set := range sets {
		for _, id := range set {
			freq[id]++
		}
	}
	// Rank words rarest first; sets are kept sorted by rank.
	order := make([]int, len(dict))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if freq[a] != freq[b] {
			return freq[a] - freq[b]
		}
		return a - b
	})
	rank := make([]int, len(dict))
	for r, id := range order {
		rank[id] = r
	}
	for i := range sets {
		for k, id := range sets[i] {
			sets[i][k] = rank[id]
		}
		slices.Sort(sets[i])
	}
	// Visit sets by size so that candidates found earlier are no larger.
	bySize := make([]int, 0, len(sets))
	for i := range sets {
		if len(sets[i]) >= 3 {
			bySize = append(bySize, i)
		}
	}
	slices.SortStableFunc(bySize, func(a, b int) int { return len(sets[a]) - len(sets[b]) })
	index := map[int][]int{}
	seen := make([]int, len(sets)) // last probe that saw a candidate, +1
	for _, i := range bySize {
		set := sets[i]
		prefix := len(set) - int(math.Ceil(uniqueThreshold*float64(len(set)))) + 1
		minSize := int(math.Ceil(uniqueThreshold * float64(len(set))))
		for _, w := range set[:prefix] {
			for _, j := range index[w] {
				if seen[j] == i+1 || len(sets[j]) < minSize {
					continue
				}
				seen[j] = i + 1
				if sim := jaccard(set, sets[j]); sim >= uniqueThreshold {
					out[i] = append(out[i], uniqueHit(ss, i, j, sim))
					out[j] = append(out[j], uniqueHit(ss, j, i, sim))
				}
			}
			index[w] = append(index[w], i)
		}
	}
	return out
}

// jaccard compares two sorted sets.
func jaccard(a, b []int) float64 {
	inter, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

func uniqueHit(ss []*story, i, j int, sim float64) hit {
	other := ss[j]
	title := other.in.Title
	if title == "" && other.sent != nil {
		title = other.sent.Text
	}
	return hit{line: ss[i].sentenceLine(), args: map[string]Text{
		"other": same(fmt.Sprint(j + 1)),
		"title": same(shorten(title, 80)),
		"score": same(fmt.Sprintf("%d %%", int(sim*100+0.5))),
	}}
}
