package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// parsed is a story sentence found in a text, with what the rules need
// beyond the Sentence itself.
type parsed struct {
	Sentence
	// roleForm is the opener's family: "en tant que", "etq", "as a",
	// "as the", "as"; "" when the sentence has no role.
	roleForm string
	// needForm is the need's shape: for French "veux", "souhaite",
	// "voudrais", "aimerais", "besoin", "peux", "dois", "indicative",
	// "passive", "infinitive", "plural"; for English "want",
	// "would like", "need", "wish", "can", "should", "indicative",
	// "passive", "infinitive", "plural".
	needForm string
	// benefitForm is the benefit marker's family ("afin de", "pour",
	// "so that"…); benefitMarker the marker as written.
	benefitForm, benefitMarker string
	// benefitFirst: the benefit opens the sentence ("Afin de …, en tant
	// que …"); pleonastic: "ETQ qu'agent", "ETD"; negated: "je ne veux
	// pas …", "je ne peux pas …".
	benefitFirst, clauseFirst, pleonastic, negated bool
	// enTo: an English wanting modal followed by "to" ("I want to …"),
	// not by a noun ("I want an export").
	enTo bool
	// clause is a situation written before the need ("lorsqu'un dossier
	// est incomplet"), as written.
	clause string
	// verb is the need's first verb as written, for rewriting an
	// indicative need ("reçois" → "recevoir").
	verb string
	// need is the need as written in Text (Action may add "ne pas" for a
	// negated modal).
	need string
	// extra is what follows the sentence in the same paragraph.
	extra string
	// placeholder lists the parts that were template placeholders;
	// rolePh and needPh are the role's and the need's.
	placeholder    []string
	rolePh, needPh string
	// lineOff counts the line breaks before the sentence in the text it
	// was found in: a label line ("Récit :", "US 12 :") may come first.
	lineOff int
}

// found reports how much of a sentence there is: 2 with a need (with or
// without a role), 1 with a role only, 0 when there is none.
func (p *parsed) found() int {
	switch {
	case p == nil:
		return 0
	case p.Action != "":
		return 2
	case p.roleForm != "":
		return 1
	}
	return 0
}

// complete reports whether the sentence has a role and a need.
func (p *parsed) complete() bool { return p != nil && p.Role != "" && p.Action != "" }

// score orders candidate sentences: role and need, need alone, role alone.
func (p *parsed) score() int {
	switch {
	case p == nil:
		return 0
	case p.complete():
		return 3
	case p.Action != "":
		return 2
	case p.roleForm != "" || len(p.placeholder) > 0:
		return 1
	}
	return 0
}

// abbreviations end with a period that does not end the sentence.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "etc": true, "ex": true, "cf": true, "p.ex": true, "vs": true,
	"resp": true, "approx": true, "env": true, "mr": true, "mrs": true, "dr": true, "m": true,
	"mme": true, "no": true, "n°": true, "st": true, "u.s": true, "incl": true,
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

// frBeforeInfinitive are the words that sit between "pour" and its verb:
// clitic pronouns, the negation ("pour ne plus les ressaisir") and the
// adverbs of manner that precede it ("pour mieux décider", "pour bien
// préparer").
var frBeforeInfinitive = map[string]bool{
	"me": true, "m": true, "te": true, "t": true, "se": true, "s": true, "le": true, "la": true,
	"les": true, "l": true, "lui": true, "leur": true, "y": true, "en": true, "nous": true, "vous": true,
	"ne": true, "n": true, "pas": true, "plus": true, "rien": true, "jamais": true, "mieux": true, "bien": true,
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, " ,")
	end := strings.IndexFunc(s, func(r rune) bool { return !isWordRune(r) })
	if end < 0 {
		return s
	}
	return s[:end]
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
