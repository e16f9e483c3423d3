// Package similar finds possible duplicate stories among a repository's
// stored evaluations: the same need for the same role, reworded. It reads
// only what the store keeps (Key), never the platform, and it favours
// precision: a wrong "similar story" note is worse than none.
//
// A story is read as story-unique reads it within one backlog
// (rules.PersonaKey, rules.NeedWords): the role folded and stemmed, the
// need's words folded, stemmed and mapped to one word per family of
// synonyms. Two stories are close when their roles are the same and their
// needs share most of their weight, each word weighing its rarity among
// the repository's stories.
package similar

import (
	"math"
	"slices"
	"strings"

	"github.com/cochef/cochef/rules"
)

// Threshold is the closeness from which a story is noted as a possible
// duplicate. It was set on the labelled pairs of testdata/pairs.yml for a
// precision of at least 0.9 (see the package's tests and the README); it
// is above story-unique's 0.7, which warns within one backlog where the
// author sees both stories at once.
const Threshold = 0.8

// minNeedWords: a need read as fewer meanings is too thin to call a
// duplicate on.
const minNeedWords = 2

// Key is the stored form of a story: its role and its need, normalised,
// "role|word word…" (the need's words sorted). It is empty when the story
// has no role or no need: such a story is nobody's duplicate.
func Key(s rules.Sentence) string {
	role := rules.PersonaKey(s.Role)
	words := rules.NeedWords(s.Action, s.Lang)
	if role == "" || len(words) == 0 {
		return ""
	}
	slices.Sort(words)
	return role + "|" + strings.Join(words, " ")
}

// Story is one stored story of a repository.
type Story struct {
	Number int
	Key    string
}

// Pair is two close stories, A < B.
type Pair struct {
	A, B  int
	Score float64
}

type parsed struct {
	number int
	role   string
	words  []string
}

func parse(s Story) (parsed, bool) {
	role, need, ok := strings.Cut(s.Key, "|")
	if !ok || role == "" {
		return parsed{}, false
	}
	words := strings.Fields(need)
	return parsed{number: s.Number, role: role, words: words}, len(words) >= minNeedWords
}

// Index holds a repository's stories with the weight of each need word.
type Index struct {
	stories []parsed
	weight  map[string]float64
	n       int
}

// NewIndex indexes stories; those without a usable key are left out.
func NewIndex(stories []Story) *Index {
	ix := &Index{weight: map[string]float64{}}
	df := map[string]int{}
	for _, s := range stories {
		p, ok := parse(s)
		if !ok {
			continue
		}
		ix.stories = append(ix.stories, p)
		for _, w := range p.words {
			df[w]++
		}
	}
	ix.n = len(ix.stories)
	for w, n := range df {
		ix.weight[w] = math.Log(1 + float64(ix.n)/float64(n))
	}
	return ix
}

// w is a word's weight; a word no indexed story has weighs as the rarest.
func (ix *Index) w(word string) float64 {
	if v, ok := ix.weight[word]; ok {
		return v
	}
	return math.Log(1 + float64(ix.n+1))
}

// score is the closeness of two parsed stories: 0 for different roles,
// else the mean of how much of the lighter need the heavier one says
// (containment) and how much they share of all they say (weighted
// Jaccard), as story-unique computes it.
func (ix *Index) score(a, b parsed) float64 {
	if a.role != b.role {
		return 0
	}
	var ta, tb, common float64
	for _, w := range a.words {
		ta += ix.w(w)
		if slices.Contains(b.words, w) {
			common += ix.w(w)
		}
	}
	for _, w := range b.words {
		tb += ix.w(w)
	}
	short := min(ta, tb)
	if short <= 0 {
		return 0
	}
	return (common/short + common/(ta+tb-common)) / 2
}

// Score is the closeness of two stories' keys, with the index's weights.
func (ix *Index) Score(a, b string) float64 {
	pa, okA := parse(Story{Key: a})
	pb, okB := parse(Story{Key: b})
	if !okA || !okB {
		return 0
	}
	return ix.score(pa, pb)
}

// Closest returns the indexed story closest to s (other than s itself),
// when it is at least Threshold close; ties go to the lower number, the
// older story.
func (ix *Index) Closest(s Story) (Story, float64, bool) {
	p, ok := parse(s)
	if !ok {
		return Story{}, 0, false
	}
	best, bestScore := parsed{}, 0.0
	for _, o := range ix.stories {
		if o.number == s.Number {
			continue
		}
		sc := ix.score(p, o)
		if sc > bestScore || (sc == bestScore && sc > 0 && o.number < best.number) {
			best, bestScore = o, sc
		}
	}
	if bestScore < Threshold {
		return Story{}, 0, false
	}
	return Story{Number: best.number, Key: best.role + "|" + strings.Join(best.words, " ")}, bestScore, true
}

// Pairs returns every pair of indexed stories at least Threshold close,
// by first number then second.
func (ix *Index) Pairs() []Pair {
	var out []Pair
	for i, a := range ix.stories {
		for _, b := range ix.stories[i+1:] {
			if sc := ix.score(a, b); sc >= Threshold {
				p := Pair{A: a.number, B: b.number, Score: sc}
				if p.A > p.B {
					p.A, p.B = p.B, p.A
				}
				out = append(out, p)
			}
		}
	}
	slices.SortFunc(out, func(x, y Pair) int {
		if x.A != y.A {
			return x.A - y.A
		}
		return x.B - y.B
	})
	return out
}
