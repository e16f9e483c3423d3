// Package suggest finds the known name nearest to a misspelt one, for
// errors that say "did you mean …?" about keys and variables.
package suggest

import "strings"

// Nearest returns the candidate closest to word in edit distance, compared
// without case, when it is close enough to be a slip rather than another
// word: at most a third of the word's length, and never more than 3
// edits. ok is false when no candidate is that close.
func Nearest(word string, candidates []string) (best string, ok bool) {
	w := strings.ToLower(word)
	limit := min(max(len([]rune(w))/3, 1), 3)
	bestDist := limit + 1
	for _, c := range candidates {
		if d := distance(w, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, bestDist <= limit
}

// distance is the Damerau–Levenshtein distance (optimal string alignment):
// insertions, deletions, substitutions and swaps of two neighbours, the
// last being the commonest typing slip ("listne" for "listen").
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
