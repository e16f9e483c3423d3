package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldRune lower-cases r and strips the accents French and the other
// Latin-script languages of our users put on it. It returns up to two runes
// because ligatures expand (œ → oe). Typographic apostrophes and spaces,
// which French keyboards and editors insert on their own, become their ASCII
// forms so that "qu’" and "qu'" or "critères :" (with a no-break space) read
// the same.
func foldRune(r rune) (rune, rune) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A'), 0
		}
		return r, 0
	}
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'À', 'Á', 'Â', 'Ã', 'Ä', 'Å', 'ā', 'Ā':
		return 'a', 0
	case 'ç', 'Ç', 'ć', 'č':
		return 'c', 0
	case 'è', 'é', 'ê', 'ë', 'È', 'É', 'Ê', 'Ë', 'ē', 'ė', 'ę', 'ě':
		return 'e', 0
	case 'ì', 'í', 'î', 'ï', 'Ì', 'Í', 'Î', 'Ï', 'ī', 'į':
		return 'i', 0
	case 'ñ', 'Ñ', 'ń', 'ň':
		return 'n', 0
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', 'Ø', 'ō', 'ő':
		return 'o', 0
	case 'ù', 'ú', 'û', 'ü', 'Ù', 'Ú', 'Û', 'Ü', 'ū', 'ů', 'ű':
		return 'u', 0
	case 'ý', 'ÿ', 'Ý', 'Ÿ':
		return 'y', 0
	case 'œ', 'Œ':
		return 'o', 'e'
	case 'æ', 'Æ':
		return 'a', 'e'
	case 'ß':
		return 's', 's'
	case '’', '‘', 'ʼ', '´', '`':
		return '\'', 0
	case '\u00a0', '\u202f', '\u2009', '\u2007':
		return ' ', 0
	case '–', '—', '‑', '‐':
		return '-', 0
	case '«', '»', '“', '”':
		return '"', 0
	case '…':
		return '.', 0
	}
	return unicode.ToLower(r), 0
}

// fold returns s lower-cased and without accents (see foldRune).
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		a, c := foldRune(r)
		b.WriteRune(a)
		if c != 0 {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// foldMap folds s and also returns, for each byte of the folded string, the
// offset of the byte of s it comes from (plus one final entry for the end),
// so that a match in the folded text can be cut out of the original.
func foldMap(s string) (string, []int) {
	var b strings.Builder
	b.Grow(len(s) + 4)
	idx := make([]int, 0, len(s)+5)
	var buf [utf8.UTFMax]byte
	for i, r := range s {
		a, c := foldRune(r)
		for _, x := range [2]rune{a, c} {
			if x == 0 {
				continue
			}
			n := utf8.EncodeRune(buf[:], x)
			b.Write(buf[:n])
			for range n {
				idx = append(idx, i)
			}
		}
	}
	idx = append(idx, len(s))
	return b.String(), idx
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// tok is one word of a text: its folded form and, for acronym matching,
// whether it was written all in capitals.
type tok struct {
	w     string // folded
	upper bool   // every letter was upper-case and there are at least two
	orig  string
	off   int // byte offset of orig in the tokenized text
}

// tokenize splits text into words: runs of letters and digits. Apostrophes
// and hyphens separate words, so the French elision "l'adresse" gives "l"
// and "adresse". The folded forms share one allocation.
func tokenize(text string, dst []tok) []tok {
	folded := fold(text)
	// fold keeps word boundaries at the same rune positions, so walking both
	// strings rune by rune lines the tokens up.
	type span struct{ fs, fe, os, oe int }
	i, j := 0, 0 // byte offsets in text and folded
	inWord := false
	var cur span
	upper, letters := true, 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		a, c := foldRune(r)
		fn := utf8.RuneLen(a)
		if c != 0 {
			fn += utf8.RuneLen(c)
		}
		if a == utf8.RuneError && n == 1 {
			fn = 3 // WriteRune writes U+FFFD for invalid bytes
		}
		w := isWordRune(r)
		if w && !inWord {
			inWord = true
			cur = span{fs: j, os: i}
			upper, letters = true, 0
		}
		if w {
			if unicode.IsLetter(r) {
				letters++
				if !unicode.IsUpper(r) {
					upper = false
				}
			}
		} else if inWord {
			inWord = false
			cur.fe, cur.oe = j, i
			dst = append(dst, tok{w: folded[cur.fs:cur.fe], upper: upper && letters >= 2, orig: text[cur.os:cur.oe], off: cur.os})
		}
		i += n
		j += fn
	}
	if inWord {
		cur.fe, cur.oe = len(folded), len(text)
		dst = append(dst, tok{w: folded[cur.fs:cur.fe], upper: upper && letters >= 2, orig: text[cur.os:cur.oe], off: cur.os})
	}
	return dst
}

// span returns the text of n tokens from toks[at], as written.
func span(text string, toks []tok, at, n int) string {
	last := toks[at+n-1]
	return text[toks[at].off : last.off+len(last.orig)]
}

// words returns the folded words of s.
func words(s string) []string {
	ts := tokenize(s, nil)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.w
	}
	return out
}

// key is the form under which headings and aliases are compared: folded,
// without punctuation or spaces, without a leading number ("2. Contexte").
func key(s string) string {
	f := fold(s)
	var b strings.Builder
	b.Grow(len(f))
	leading := true
	for _, r := range f {
		if leading && ('0' <= r && r <= '9' || !isWordRune(r)) {
			continue
		}
		leading = false
		if isWordRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// stem reduces a folded word to a form shared by its plural and, for the
// usual French endings, its feminine: administratrice and administrateurs
// both give "administrateur". Cheap on purpose: it only has to make two
// spellings of the same role or topic meet.
func stem(w string) string {
	if len(w) > 3 && (w[len(w)-1] == 's' || w[len(w)-1] == 'x') {
		w = w[:len(w)-1]
	}
	for _, sfx := range [...]struct{ from, to string }{
		{"trice", "teur"}, {"euse", "eur"}, {"ere", "er"}, {"enne", "en"}, {"ive", "if"},
	} {
		if len(w) > len(sfx.from)+2 && strings.HasSuffix(w, sfx.from) {
			return w[:len(w)-len(sfx.from)] + sfx.to
		}
	}
	// Two passes: "habilitée" and "habilité" both end as "habilit".
	for range 2 {
		if len(w) > 4 && w[len(w)-1] == 'e' {
			w = w[:len(w)-1]
		}
	}
	return w
}

// collapse trims s and turns every run of white space into one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
