package rules

import "strings"

// rtok is one token of a candidate story sentence: a folded word, or one
// punctuation mark that matters to the sentence's grammar (, . ; : ! ? ( )
// and the line break). Elided French words keep their apostrophe ("j'",
// "qu'", "d'"), English contractions stay whole ("i'm", "don't").
type rtok struct {
	w    string // folded word, or the mark itself
	s, e int    // bounds in the folded text
	word bool
}

// elisions are the French words that lose their vowel before another
// word: the apostrophe ends them ("j'ai" is "j'" and "ai").
var elisions = map[string]bool{
	"j": true, "l": true, "d": true, "n": true, "m": true, "t": true, "s": true, "c": true,
	"qu": true, "lorsqu": true, "puisqu": true, "jusqu": true, "quoiqu": true, "presqu": true,
}

// readTokens splits a folded text into rtoks.
func readTokens(f string) []rtok {
	out := make([]rtok, 0, len(f)/5+4)
	for i := 0; i < len(f); {
		c := f[i]
		if isWordByte(c) {
			j := i
		scan:
			for j < len(f) {
				switch {
				case isWordByte(f[j]):
					j++
				case (f[j] == '-' || f[j] == '.') && j+1 < len(f) && isWordByte(f[j+1]) && j > i:
					// "rendez-vous", "e-mail", "cloud.gov": one word.
					j++
				case f[j] == '\'' && elisions[f[i:j]]:
					// "j'" ends here, even before a space ("qu' usager").
					j++
					break scan
				case f[j] == '\'' && j+1 < len(f) && isWordByte(f[j+1]):
					// "i'm", "don't", "applicant's": one word.
					j++
				default:
					break scan
				}
			}
			out = append(out, rtok{w: f[i:j], s: i, e: j, word: true})
			i = j
			continue
		}
		switch c {
		case ',', '.', ';', ':', '!', '?', '(', ')', '\n', '"', '-':
			out = append(out, rtok{w: f[i : i+1], s: i, e: i + 1})
		}
		i++
	}
	return out
}

// tokSeq reports whether toks from i spell seq (words separated by spaces
// in seq; an elided word is written with its apostrophe, "j' ai" is
// written "j'ai").
func tokSeq(toks []rtok, i int, seq []string) bool {
	if i+len(seq) > len(toks) {
		return false
	}
	for k, w := range seq {
		if !toks[i+k].word || toks[i+k].w != w {
			return false
		}
	}
	return true
}

// splitSeq turns "j'ai besoin d'" into ["j'", "ai", "besoin", "d'"].
func splitSeq(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		for {
			k := strings.IndexByte(w, '\'')
			if k < 0 || k == len(w)-1 || !elisions[w[:k]] {
				break
			}
			out = append(out, w[:k+1])
			w = w[k+1:]
		}
		out = append(out, w)
	}
	return out
}

// isMark reports whether tok is the punctuation mark m.
func (t rtok) isMark(m byte) bool { return !t.word && t.w[0] == m }
