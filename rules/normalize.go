package rules

import (
	"slices"
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
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return string(appendFold(make([]byte, 0, len(s)+4), s))
		}
	}
	return s // already folded: most words are
}

// appendFold appends the folded form of s to dst.
func appendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		a, b := foldRune(r)
		dst = utf8.AppendRune(dst, a)
		if b != 0 {
			dst = utf8.AppendRune(dst, b)
		}
		i += n
	}
	return dst
}

// foldMap folds s and also returns, for each byte of the folded string, the
// offset of the byte of s it comes from (plus one final entry for the end),
// so that a match in the folded text can be cut out of the original.
func foldMap(s string) (string, []int32) {
	// Folding keeps or shrinks almost every rune; appends cover the rest.
	b := make([]byte, 0, len(s)+8)
	idx := make([]int32, 0, len(s)+9)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			idx = append(idx, int32(i))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		x, y := foldRune(r)
		before := len(b)
		b = utf8.AppendRune(b, x)
		if y != 0 {
			b = utf8.AppendRune(b, y)
		}
		for range len(b) - before {
			idx = append(idx, int32(i))
		}
		i += size
	}
	idx = append(idx, int32(len(s)))
	return string(b), idx
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// tok is one word of a text: its folded form and where it is.
type tok struct {
	w        string // folded
	off, end int32  // the word as written is text[off:end]
	// upper is true when every letter was upper-case, and there are at
	// least two: the only way an acronym matches.
	upper bool
}

func (t tok) orig(text string) string { return text[t.off:t.end] }

// tokenize appends the words of text to dst: runs of letters and digits.
// Apostrophes and hyphens separate words, so the French elision
// "l'adresse" gives "l" and "adresse". The folded forms share one
// allocation.
func tokenize(text string, dst []tok) []tok {
	var stack [512]byte
	folded := stack[:0]
	if len(text) > len(stack) {
		folded = make([]byte, 0, len(text)+16)
	}
	if cap(dst)-len(dst) < len(text)/6 {
		dst = slices.Grow(dst, len(text)/6+4)
	}
	// The folded string is made once at the end; meanwhile each token's
	// place in it is kept here.
	type fspan struct{ start, end int }
	var spanStack [128]fspan
	spans := spanStack[:0]
	start := len(dst)
	inWord := false
	upper, letters := true, 0
	fs, os := 0, 0
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			lower, up := 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z'
			if lower || up || '0' <= c && c <= '9' {
				if !inWord {
					inWord, fs, os, upper, letters = true, len(folded), i, true, 0
				}
				if up {
					letters++
					c += 'a' - 'A'
				} else if lower {
					letters++
					upper = false
				}
				folded = append(folded, c)
			} else if inWord {
				inWord = false
				dst = append(dst, tok{off: int32(os), end: int32(i), upper: upper && letters >= 2})
				spans = append(spans, fspan{fs, len(folded)})
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !inWord {
				inWord, fs, os, upper, letters = true, len(folded), i, true, 0
			}
			if unicode.IsLetter(r) {
				letters++
				if !unicode.IsUpper(r) {
					upper = false
				}
			}
			a, b := foldRune(r)
			folded = utf8.AppendRune(folded, a)
			if b != 0 {
				folded = utf8.AppendRune(folded, b)
			}
		} else if inWord {
			inWord = false
			dst = append(dst, tok{off: int32(os), end: int32(i), upper: upper && letters >= 2})
			spans = append(spans, fspan{fs, len(folded)})
		}
		i += n
	}
	if inWord {
		dst = append(dst, tok{off: int32(os), end: int32(len(text)), upper: upper && letters >= 2})
		spans = append(spans, fspan{fs, len(folded)})
	}
	all := string(folded)
	for k := range spans {
		dst[start+k].w = all[spans[k].start:spans[k].end]
	}
	return dst
}

// countWords counts the words of s without keeping them.
func countWords(s string) int { return countWordsUpTo(s, len(s)+1) }

// span returns the text of n tokens from toks[at], as written.
func span(text string, toks []tok, at, n int) string {
	return text[toks[at].off:toks[at+n-1].end]
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

// Key is the form under which the engine compares a heading with section
// aliases: "CA", "C.A." and "ca :" are one heading. Template validation
// uses it to refuse two sections that share one.
func Key(s string) string { return key(s) }

// PersonaKey is the form under which the engine compares a role with
// persona names: "une Administratrice" and "administrateurs" are one
// name. Template validation uses it to refuse a name two personas share.
func PersonaKey(s string) string { return strings.Join(roleStems(s), " ") }

// TermKey is the form under which a topic keyword or a vague term matches
// a story's words: folded, one space between words ("Cœur de réseau" and
// "coeur-de-reseau" are one term).
func TermKey(s string) string { return strings.Join(words(s), " ") }

// key is the form under which headings and aliases are compared: folded,
// without punctuation or spaces, without a leading number ("2. Contexte").
func key(s string) string {
	var stack [256]byte
	return string(appendKey(stack[:0], s, -1))
}

// appendKey appends key(s) to dst, stopping once dst holds limit bytes or
// more (no limit when limit < 0). key and keyPrefix are this one loop.
func appendKey(dst []byte, s string, limit int) []byte {
	leading := true
	for i := 0; i < len(s) && (limit < 0 || len(dst) < limit); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case '0' <= c && c <= '9':
				if leading {
					continue
				}
			default:
				continue
			}
			leading = false
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if !isWordRune(r) {
			continue
		}
		leading = false
		x, y := foldRune(r)
		dst = utf8.AppendRune(dst, x)
		if y != 0 {
			dst = utf8.AppendRune(dst, y)
		}
	}
	return dst
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
	s = strings.TrimSpace(s)
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' || c == '\t' || c == '\r' || c == ' ' && i+1 < len(s) && s[i+1] == ' ' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = append(b, c)
	}
	return string(b)
}

// countWordsUpTo counts the words of s, stopping at limit.
func countWordsUpTo(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var w bool
		if c < utf8.RuneSelf {
			w = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			w = unicode.IsLetter(r) || unicode.IsDigit(r)
			i += size
		}
		if w && !in {
			if n++; n >= limit {
				return n
			}
		}
		in = w
	}
	return n
}

// keyPrefix writes into buf the first len(buf) bytes of key(s), without
// allocating: a cheap filter before computing a whole key.
func keyPrefix(s string, buf []byte) []byte {
	return appendKey(buf[:0], s, cap(buf)-utf8.UTFMax)
}

// wordAt finds the first word of text at or after pos and writes its
// folded form into buf. It returns the word's bounds in text (start < 0
// when there is none) and the folded bytes, which alias buf when they fit.
// It allocates nothing, so matchers can walk a text without tokenizing it.
func wordAt(text string, pos int, buf []byte) (start, end int, folded []byte) {
	start = -1
	folded = buf[:0]
	for i := pos; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				if start >= 0 {
					return start, i, folded
				}
				i++
				continue
			}
			if start < 0 {
				start = i
			}
			folded = append(folded, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			a, b := foldRune(r)
			folded = utf8.AppendRune(folded, a)
			if b != 0 {
				folded = utf8.AppendRune(folded, b)
			}
		} else if start >= 0 {
			return start, i, folded
		}
		i += n
	}
	if start < 0 {
		return -1, len(text), folded
	}
	return start, len(text), folded
}

// acronymCandidate reports whether a word is written like an acronym:
// "NIR", "2FA", not "Nous" nor "2024". Most words open with a lower-case
// letter and are answered by the first byte.
func acronymCandidate(w string) bool {
	if len(w) < 2 || 'a' <= w[0] && w[0] <= 'z' {
		return false
	}
	return isUpperWord(w)
}

// AcronymCanMatch reports whether a template's acronym can ever match a
// word of a story: one word of letters and digits (the matcher splits
// words at anything else, so "COVID-19" never comes whole), with at least
// two letters, all upper-case. Template validation uses it, so that what
// is refused is exactly what the matcher cannot find.
func AcronymCanMatch(a string) bool {
	if a == "" {
		return false
	}
	for _, r := range a {
		if !isWordRune(r) {
			return false
		}
	}
	return acronymCandidate(a)
}

// isUpperWord reports whether w is written in capitals, with at least two
// letters: how an acronym must be written to match.
func isUpperWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}
