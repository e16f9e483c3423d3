package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// marker is one of the fixed phrases that open a part of the story
// sentence. text is folded (see fold); form is the family story-uniform
// compares ("I want" and "I want to" are one form).
type marker struct {
	text string
	form string
	lang Lang
}

// The phrases are ordered longest first among those sharing a start so
// that "as an" is tried before "as a" and "j'ai besoin de" before
// "j'ai besoin".
var roleMarkers = []marker{
	{"en tant qu'", "en tant que", FR},
	{"en tant que", "en tant que", FR},
	{"e.t.q.", "etq", FR},
	{"etq", "etq", FR},
	{"as an", "as a", EN},
	{"as a", "as a", EN},
	{"as the", "as the", EN},
	{"as", "as", EN}, // bare "As admins, we…": only with an action marker
}

var actionMarkers = []marker{
	{"je ne veux pas", "je ne veux pas", FR},
	{"je ne souhaite pas", "je ne veux pas", FR},
	{"je veux", "je veux", FR},
	{"je voudrais", "je voudrais", FR},
	{"je souhaiterais", "je souhaite", FR},
	{"je souhaite", "je souhaite", FR},
	{"je peux", "je peux", FR},
	{"je pourrais", "je peux", FR},
	{"je dois", "je dois", FR},
	{"je desire", "je souhaite", FR},
	{"j'aimerais", "j'aimerais", FR},
	{"j'ai besoin de", "j'ai besoin de", FR},
	{"j'ai besoin d'", "j'ai besoin de", FR},
	{"j'ai besoin", "j'ai besoin de", FR},
	{"nous voulons", "je veux", FR},
	{"nous souhaitons", "je souhaite", FR},
	{"nous avons besoin de", "j'ai besoin de", FR},
	{"nous avons besoin d'", "j'ai besoin de", FR},
	{"i don't want to", "i don't want", EN},
	{"i do not want to", "i don't want", EN},
	{"i don't want", "i don't want", EN},
	{"i do not want", "i don't want", EN},
	{"i want to", "i want", EN},
	{"i want", "i want", EN},
	{"i wanted to", "i want", EN},
	{"i would like to", "i would like", EN},
	{"i would like", "i would like", EN},
	{"i'd like to", "i would like", EN},
	{"i'd like", "i would like", EN},
	{"i would love to", "i would like", EN},
	{"i'd love to", "i would like", EN},
	{"i need to", "i need", EN},
	{"i need", "i need", EN},
	{"i require", "i need", EN},
	{"i wish to", "i wish", EN},
	{"i wish", "i wish", EN},
	{"i can", "i can", EN},
	{"i am able to", "i can", EN},
	{"i'm able to", "i can", EN},
	{"i should be able to", "i can", EN},
	{"i must be able to", "i can", EN},
	{"i will be able to", "i can", EN},
	{"i would be able to", "i can", EN},
	{"i should", "i should", EN},
	{"i must", "i should", EN},
	{"i have to", "i should", EN},
	{"i expect", "i expect", EN},
	{"i prefer", "i want", EN},
	{"i like to", "i want", EN},
	{"we want to", "i want", EN},
	{"we want", "i want", EN},
	{"we need to", "i need", EN},
	{"we need", "i need", EN},
	{"we would like to", "i would like", EN},
}

// Benefit markers: strong ones end the action wherever they are; weak ones
// ("pour", "so") also open plain complements, so they only count when no
// strong one is found.
var benefitMarkers = []marker{
	{"afin de", "afin de", FR},
	{"afin d'", "afin de", FR},
	{"afin que", "afin que", FR},
	{"afin qu'", "afin que", FR},
	{"pour que", "pour que", FR},
	{"pour qu'", "pour que", FR},
	{"pour pouvoir", "pour", FR},
	{"de facon a", "de facon a", FR},
	{"de facon que", "de facon a", FR},
	{"de facon qu'", "de facon a", FR},
	{"de maniere a", "de maniere a", FR},
	{"de maniere que", "de maniere a", FR},
	{"de sorte que", "de sorte que", FR},
	{"de sorte qu'", "de sorte que", FR},
	{"dans le but de", "dans le but de", FR},
	{"dans le but d'", "dans le but de", FR},
	{"so that", "so that", EN},
	{"in order to", "in order to", EN},
	{"in order that", "in order to", EN},
	{"so as to", "in order to", EN},
}

var weakBenefitMarkers = []marker{
	{"pour", "pour", FR},
	{"so", "so", EN},
}

// soSubjects are the words after which "so" opens a consequence ("so I
// can…") rather than an adverb ("so fast").
var soSubjects = map[string]bool{
	"i": true, "we": true, "they": true, "it": true, "that": true, "the": true, "he": true,
	"she": true, "you": true, "my": true, "our": true, "their": true, "users": true, "people": true,
	"this": true, "there": true, "others": true, "everyone": true, "anyone": true, "nobody": true,
}

// abbreviations end with a period that does not end the sentence.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "etc": true, "ex": true, "cf": true, "p.ex": true, "vs": true,
	"resp": true, "approx": true, "env": true, "mr": true, "mrs": true, "dr": true, "m": true,
	"mme": true, "no": true, "n°": true, "st": true, "u.s": true, "incl": true,
}

// parsed is a story sentence found in a text, with what the rules need
// beyond the Sentence itself.
type parsed struct {
	Sentence
	roleForm, actionForm, benefitForm string
	// extra is what follows the sentence in the same paragraph.
	extra string
	// rolePlaceholder etc. say a part was a template placeholder.
	placeholder []string
	// lineOff counts the line breaks before the sentence in the text it
	// was found in: a label line ("Récit :", "US 12 :") may come first.
	lineOff int
}

// found reports how complete the sentence is: 2 with role and action, 1
// with a role only, 0 when there is none.
func (p *parsed) found() int {
	switch {
	case p == nil || p.roleForm == "":
		return 0
	case p.Role != "" && p.Action != "":
		return 2
	}
	return 1
}

// parseSentence looks for a story sentence at the start of s (after an
// optional "US 12 :" style prefix).
func parseSentence(s string) *parsed {
	// Emphasis CommonMark could not pair ("*En tant qu'***usagère**")
	// stays in the text as stray markers.
	// Only the end is trimmed: the line breaks before the sentence count.
	s = strings.TrimRight(stripInlineMarkers(s), " \t\n\r")
	if s == "" {
		return nil
	}
	// Try the text as is, then after up to two label prefixes.
	rest := s
	for range 3 {
		start := strings.IndexFunc(rest, func(r rune) bool { return isWordRune(r) })
		if start < 0 {
			return nil
		}
		if p := parseAt(rest[start:]); p != nil {
			p.lineOff = strings.Count(s[:len(s)-len(rest)+start], "\n")
			return p
		}
		cut := labelEnd(rest[start:])
		if cut <= 0 {
			return nil
		}
		rest = rest[start+cut:]
	}
	return nil
}

// labelEnd finds the end of a short leading label: "US 12 :", "[US-12]",
// "Récit -". It returns 0 when there is none.
func labelEnd(s string) int {
	limit := min(len(s), 40)
	for i := 0; i < limit; i++ {
		switch s[i] {
		case ':', ']', ')', '|':
			return i + 1
		case '-':
			if i > 0 && s[i-1] == ' ' && i+1 < len(s) && s[i+1] == ' ' {
				return i + 1
			}
		case '\n', '.', ',':
			return 0
		case 0xe2: // "–" or "—" in UTF-8
			if strings.HasPrefix(s[i:], "–") || strings.HasPrefix(s[i:], "—") {
				return i + 3
			}
		}
	}
	return 0
}

// parseAt parses a sentence that starts right at s.
func parseAt(s string) *parsed {
	// Most paragraphs are no story: test the markers before folding it all.
	var rm *marker
	for i := range roleMarkers {
		m := &roleMarkers[i]
		if n, ok := foldedPrefix(s, m.text); ok && boundaryAfter(s, n, m.text) {
			rm = m
			break
		}
	}
	if rm == nil {
		return nil
	}
	f, idx := foldMap(s)
	roleStart := len(rm.text)
	for roleStart < len(f) && (f[roleStart] == ' ' || f[roleStart] == ':' || f[roleStart] == ',' || f[roleStart] == '\n') {
		roleStart++
	}
	// The sentence ends at the first full stop after the marker.
	end := sentenceEnd(f, roleStart)
	// The action comes before the benefit: an "I can" after "so that" is
	// the benefit's, not a verb the role lacks.
	actionEnd := end
	if _, bpos, _ := findMarker(f[:end], roleStart, benefitIndex, rm.lang); bpos >= 0 {
		actionEnd = bpos
	}
	am, amPos, amEnd := findMarker(f[:actionEnd], roleStart, actionIndex, rm.lang)
	if am == nil && rm.form == "as" {
		return nil
	}
	p := &parsed{}
	p.Lang = rm.lang
	p.roleForm = rm.form
	cut := func(a, b int) string {
		return collapse(strings.Trim(s[idx[a]:idx[b]], " ,;:\n\t"))
	}
	if am == nil {
		// No action: the role runs to the first comma.
		roleEnd := end
		if c := strings.IndexByte(f[roleStart:end], ','); c >= 0 {
			roleEnd = roleStart + c
		}
		p.Role = cut(roleStart, roleEnd)
		if n := strings.Count(p.Role, " "); n > 8 {
			// A whole clause, not a role: "as a result we…".
			return nil
		}
	} else {
		p.Role = cut(roleStart, amPos)
		p.actionForm = am.form
		actStart := amEnd
		bm, bmPos, _ := findMarker(f[:end], actStart+1, benefitIndex, "")
		if bm == nil {
			bm, bmPos = findWeakBenefit(f[:end], actStart+1)
		}
		if am.form == "i don't want" || am.form == "je ne veux pas" {
			// Keep the negation: the action is what must not happen.
			defer func() {
				if p.Action != "" {
					p.Action = map[Lang]string{EN: "not ", FR: "ne pas "}[am.lang] + p.Action
				}
			}()
		}
		if bm != nil {
			p.Action = cut(actStart, bmPos)
			p.Benefit = cut(bmPos+len(bm.text), end)
			p.benefitForm = bm.form
		} else {
			p.Action = cut(actStart, end)
		}
	}
	p.Text = collapse(s[:idx[end]])
	p.Text = strings.TrimRight(p.Text, " ")
	p.extra = strings.TrimSpace(s[idx[end]:])
	p.Action = strings.TrimRight(p.Action, ".!? ")
	p.Benefit = strings.TrimRight(p.Benefit, ".!? ")
	for _, part := range []*string{&p.Role, &p.Action, &p.Benefit} {
		if *part != "" && isPlaceholderText(*part) {
			p.placeholder = append(p.placeholder, *part)
			*part = ""
		}
	}
	return p
}

// boundaryAfter reports whether a marker ending at n in f is followed by a
// word boundary. Markers ending with an apostrophe run into the next word.
func boundaryAfter(f string, n int, m string) bool {
	if strings.HasSuffix(m, "'") || strings.HasSuffix(m, ".") {
		return true
	}
	if n >= len(f) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(f[n:])
	return !isWordRune(r) && r != '\''
}

func boundaryBefore(f string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(f[:i])
	return !isWordRune(r) && r != '\''
}

// markerIndex groups markers by their first word ("je", "j'", "i") so that
// finding one walks the text once instead of searching for every phrase.
type markerIndex map[string][]*marker

func indexMarkers(ms []marker) markerIndex {
	idx := markerIndex{}
	for i := range ms {
		m := &ms[i]
		k := m.text
		if j := strings.IndexAny(k, " '"); j >= 0 {
			if k[j] == '\'' {
				j++
			}
			k = k[:j]
		}
		idx[k] = append(idx[k], m)
	}
	return idx
}

var (
	actionIndex  = indexMarkers(actionMarkers)
	benefitIndex = indexMarkers(benefitMarkers)
)

// adverbs may sit between the subject and the verb: "I only want", "I
// also need". The marker still counts.
var adverbs = map[string]bool{
	"only": true, "also": true, "really": true, "just": true, "still": true, "always": true,
	"simply": true, "then": true, "further": true, "additionally": true, "therefore": true,
}

// findMarker returns the earliest marker of idx at a word boundary in f
// from position from (the longest one there), optionally only of one
// language, with the offset where it ends.
func findMarker(f string, from int, idx markerIndex, lang Lang) (*marker, int, int) {
	pos := max(from, 0)
	// Start at a word's start: step back into the word from is in.
	if pos > 0 && pos < len(f) && isWordByte(f[pos]) && isWordByte(f[pos-1]) {
		for pos < len(f) && isWordByte(f[pos]) {
			pos++
		}
	}
	for pos < len(f) {
		// Skip to the next word.
		for pos < len(f) && !isWordByte(f[pos]) {
			pos++
		}
		if pos >= len(f) {
			break
		}
		w := pos
		for w < len(f) && isWordByte(f[w]) {
			w++
		}
		word := f[pos:w]
		if w < len(f) && f[w] == '\'' {
			word = f[pos : w+1]
		}
		ms, ok := idx[word]
		if !ok || (pos > 0 && f[pos-1] == '\'') {
			pos = w
			continue
		}
		rest := f[pos:]
		// "i only want": try the marker without the adverb too.
		if w < len(f) && f[w] == ' ' {
			if nw := firstWord(f[w+1:]); adverbs[nw] {
				alt := f[pos:w] + f[w+1+len(nw):]
				for _, m := range ms {
					if (lang == "" || m.lang == lang) && strings.HasPrefix(alt, m.text) && boundaryAfter(alt, len(m.text), m.text) {
						return m, pos, pos + len(m.text) + 1 + len(nw)
					}
				}
			}
		}
		for _, m := range ms {
			if (lang == "" || m.lang == lang) && strings.HasPrefix(rest, m.text) && boundaryAfter(rest, len(m.text), m.text) {
				return m, pos, pos + len(m.text)
			}
		}
		pos = w
	}
	return nil, -1, -1
}

// findWeakBenefit finds "pour" before an infinitive (preferring one after
// a comma) or a "so" that opens a clause. "pour que" is a strong marker.
func findWeakBenefit(f string, from int) (*marker, int) {
	var first *marker
	firstPos := -1
	for i := range weakBenefitMarkers {
		m := &weakBenefitMarkers[i]
		off := from
		for off < len(f) {
			j := strings.Index(f[off:], m.text)
			if j < 0 {
				break
			}
			pos := off + j
			off = pos + 1
			if !boundaryBefore(f, pos) || !boundaryAfter(f, pos+len(m.text), m.text) {
				continue
			}
			afterComma := strings.HasSuffix(strings.TrimRight(f[:pos], " "), ",")
			if m.text == "pour" && !frInfinitiveFollows(f, pos+len(m.text)) {
				// "une alerte pour chaque dossier", "pour mon service",
				// "pour 3 mois": a complement of the action, not its why.
				continue
			}
			if m.text == "so" {
				next := firstWord(f[pos+len(m.text):])
				if !afterComma && !soSubjects[next] {
					continue
				}
			}
			if afterComma {
				return m, pos
			}
			if first == nil || pos < firstPos {
				first, firstPos = m, pos
			}
			break
		}
	}
	return first, firstPos
}

// frBeforeInfinitive are the words that sit between "pour" and its verb:
// clitic pronouns and the negation ("pour ne plus les ressaisir").
var frBeforeInfinitive = map[string]bool{
	"me": true, "m": true, "te": true, "t": true, "se": true, "s": true, "le": true, "la": true,
	"les": true, "l": true, "lui": true, "leur": true, "y": true, "en": true, "nous": true, "vous": true,
	"ne": true, "n": true, "pas": true, "plus": true, "rien": true, "jamais": true,
}

// frInfinitiveFollows reports whether the folded text f goes on, from pos,
// with an infinitive, after clitics and a negation: "pour les vérifier",
// "pour ne rien oublier", "pour avoir une preuve". It allocates nothing.
func frInfinitiveFollows(f string, pos int) bool {
	var buf [64]byte
	for range 5 {
		s, e, _ := wordAt(f, pos, buf[:])
		if s < 0 {
			return false
		}
		w := f[s:e]
		switch {
		case frModal[w] || frInfinitive(w):
			return true
		case !frBeforeInfinitive[w]:
			return false
		}
		pos = e
	}
	return false
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, " ,")
	end := strings.IndexFunc(s, func(r rune) bool { return !isWordRune(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

// sentenceEnd returns the offset in f where the sentence that starts
// before from ends: after a full stop, an exclamation or question mark
// followed by a space, or the end of the text. Abbreviations ("e.g.",
// "etc.") and dotted names ("cloud.gov") do not end it.
func sentenceEnd(f string, from int) int {
	for i := from; i < len(f); i++ {
		c := f[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if i+1 < len(f) && f[i+1] != ' ' && f[i+1] != '\n' {
			continue
		}
		if c == '.' {
			w := i
			for w > 0 && (isWordByte(f[w-1]) || f[w-1] == '.') {
				w--
			}
			if abbreviations[f[w:i]] || i-w == 1 || dottedInitials(f[w:i]) {
				continue
			}
		}
		return i + 1
	}
	return len(f)
}

// endsWithAbbreviation reports whether s ends with an abbreviation and
// its period ("…, statut, etc."), which is no full stop.
func endsWithAbbreviation(s string) bool {
	f := fold(strings.TrimSuffix(s, "."))
	w := len(f)
	for w > 0 && (isWordByte(f[w-1]) || f[w-1] == '.') {
		w--
	}
	return abbreviations[f[w:]]
}

// dottedInitials reports whether w is like "d.g.f.i.p" or "p.ex": short
// parts joined by dots, which abbreviate rather than end.
func dottedInitials(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for part := range strings.SplitSeq(w, ".") {
		if len(part) > 3 {
			return false
		}
	}
	return true
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c >= utf8.RuneSelf
}

// isPlaceholderText reports whether s is a template placeholder on its
// own: "<profil>", "[rôle]", "…", "XXX", "TODO".
func isPlaceholderText(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if (s[0] == '<' && s[len(s)-1] == '>') || (s[0] == '[' && s[len(s)-1] == ']') || (s[0] == '{' && s[len(s)-1] == '}') {
		return true
	}
	if strings.Trim(s, ".…xX_ -") == "" {
		return true
	}
	if len(s) > 24 {
		return false
	}
	switch key(s) {
	case "todo", "tbd", "tbc", "acompleter", "aremplir", "adefinir", "loremipsum", "xxx":
		return true
	}
	return false
}

// stripInlineMarkers removes Markdown emphasis and code markers from a
// title, which platforms show as plain text but people still decorate.
func stripInlineMarkers(s string) string {
	if !strings.ContainsAny(s, "*_`") {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		switch r {
		case '*', '`':
			continue
		case '_':
			// Keep snake_case: only drop underscores at a word's edge.
			prevWord := i > 0 && (unicode.IsLetter(rs[i-1]) || unicode.IsDigit(rs[i-1]))
			nextWord := i+1 < len(rs) && (unicode.IsLetter(rs[i+1]) || unicode.IsDigit(rs[i+1]))
			if !(prevWord && nextWord) {
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}
