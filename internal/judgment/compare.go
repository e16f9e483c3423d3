package judgment

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// How a part read by cochef is compared with the label.
//
// Both are reduced to words: lower case, accents and punctuation dropped
// ("d'exporter" gives "d", "exporter"; "CEP / CPF" gives "cep", "cpf").
//
//   - persona: exact once reduced, after the articles that may open it
//     (un, une, le, la, les, l, a, an, the);
//   - need and benefit: tolerant, as the corpus spec allows: equal once up
//     to two words are dropped at the edges of each side (a modal, a
//     marker, "to", a trailing "etc." read one way or the other), the
//     common part keeping at least half of the label's words. An empty
//     label wants an empty reading.

// words reduces s to its words.
func words(s string) []string {
	s = norm.NFD.String(strings.ToLower(s))
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			// an accent
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return out
}

var articles = map[string]bool{"un": true, "une": true, "le": true, "la": true, "les": true, "l": true, "a": true, "an": true, "the": true}

func samePersona(want, got string) bool {
	w, g := words(want), words(got)
	for len(w) > 0 && articles[w[0]] {
		w = w[1:]
	}
	for len(g) > 0 && articles[g[0]] {
		g = g[1:]
	}
	return strings.Join(w, " ") == strings.Join(g, " ")
}

// edge is how many words may be dropped at the edges of each side.
const edge = 2

func sameText(want, got string) bool {
	w, g := words(want), words(got)
	if len(w) == 0 || len(g) == 0 {
		return len(w) == len(g)
	}
	for a := 0; a <= edge; a++ {
		for b := 0; a+b <= edge; b++ {
			if a+b >= len(w) {
				continue
			}
			wc := w[a : len(w)-b]
			if 2*len(wc) < len(w) {
				continue
			}
			for c := 0; c <= edge; c++ {
				for d := 0; c+d <= edge; d++ {
					if c+d >= len(g) {
						continue
					}
					if equalWords(wc, g[c:len(g)-d]) {
						return true
					}
				}
			}
		}
	}
	return false
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
