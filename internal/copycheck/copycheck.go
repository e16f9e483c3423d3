// Package copycheck finds what makes cochef's French or English copy read
// wrong: a missing elision or contraction, "afin de" before a subject,
// words of the other language, a label in parentheses, a template slot
// left unfilled, a doubled punctuation mark (« ?. »), French double
// punctuation glued to its word (« manque: »; a space before « ; : ! ? »,
// as every French text of cochef writes it). Tests run it over every
// message and fix cochef writes, and over every comment.
//
//	problems := copycheck.Check(text, "fr")
//	copycheck.Report(t, "story-format message", text, "fr") // t.Errorf per problem
//
// Text between quotation marks (« », “ ”, "…"), in backticks or a fenced
// block (closed as CommonMark closes it, so a fence inside a longer one
// stays inside), in an HTML comment, in a placeholder (<profil>), in an
// address or in a YAML mapping ({id: x}) is the author's, the template's,
// a link's or the configuration's, not cochef's copy: the language checks
// skip it. Slots left
// unfilled ("{{", "%s", "<nil>", "%!", "{name}") are looked for
// everywhere.
package copycheck

import (
	"fmt"
	"regexp"
	"strings"
)

// Problem is one thing that reads wrong.
type Problem struct {
	Check   string // the check's name: "elision", "contraction", "afin-de", …
	Excerpt string // the words at fault
	Hint    string // what to write instead
}

func (p Problem) String() string {
	return fmt.Sprintf("%s: %q (%s)", p.Check, p.Excerpt, p.Hint)
}

// TB is the part of testing.TB Report uses.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
}

// Report calls t.Errorf once per problem of text, naming where it is.
func Report(t TB, where, text, lang string) {
	t.Helper()
	for _, p := range Check(text, lang) {
		t.Errorf("%s (%s): %s\n%s", where, lang, p, text)
	}
}

type rule struct {
	check string
	re    *regexp.Regexp
	hint  string
	// skip, when set, says a match is fine after all.
	skip func(m []string) bool
}

var (
	unfilled = []rule{
		{check: "unfilled", re: regexp.MustCompile(`\{\{|\}\}|%[svdqx!]|<nil>|<no value>|%!`), hint: "a template slot left unfilled"},
		{check: "unfilled", re: regexp.MustCompile(`\{[a-z][a-z _]*\}`), hint: "a message slot left unfilled"},
	}
	frRules = []rule{
		{check: "elision", re: regexp.MustCompile(`(?i)\bde l['’]([bcdfgjklmnpqrstvwxz]\p{L}*)`), hint: "« de la » or « du » before a consonant"},
		{check: "contraction", re: regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}'’])(de|à) (le|les) (\p{L}+)`), hint: "« du », « des », « au », « aux »",
			skip: func(m []string) bool { return infinitive(m[3]) }},
		{check: "afin-de", re: regexp.MustCompile(`(?i)\bafin d(?:e|['’])\s*(je|j['’]|tu|il|elle|on|nous|vous|ils|elles)\b`), hint: "« afin que » before a subject"},
		{check: "voici-quoi", re: regexp.MustCompile(`(?i)\bvoici quoi\b`), hint: "« voici ce que »"},
		{check: "elision", re: regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}'’])(que|de|le|la|je|ne|se|me|te) ([aeiouyéèêàâîôû]\p{L}*)`), hint: "an elision: « qu' », « d' », « l' », « j' »…",
			skip: func(m []string) bool { return noElision[strings.ToLower(m[2])] }},
		{check: "elision", re: regexp.MustCompile(`(?i)\bsi (ils?)\b`), hint: "« s'il », « s'ils »"},
		{check: "english-in-french", re: regexp.MustCompile(`(?i)\b(story|stories|the|and|with|should|please|must|your|you|this|which|required|missing|asked|sensitive|topics?|template|ready|blocking)\b`), hint: "a French word"},
		{check: "space-before", re: regexp.MustCompile(`[\p{L}\p{N}»)\]][;:!?](?:\s|$)`), hint: "a space before « ; », « : », « ! » and « ? »"},
		{check: "double-punctuation", re: regexp.MustCompile(`[?!:;] ?\.(?:\s|$)`), hint: "one punctuation mark: « ? » ends the sentence"},
		{check: "mixed-label", re: regexp.MustCompile(`\(\s*(demandée?s?|requise?s?|obligatoires?|asked|required)\s*:`), hint: "a sentence that says why, not a label in parentheses"},
	}
	enRules = []rule{
		{check: "french-in-english", re: regexp.MustCompile(`(?i)(?:^|[^\p{L}])(récits?|profil|données|afin|besoin|critères|sans objet|je|avec|pour|étant donné)(?:$|[^\p{L}])`), hint: "an English word"},
		{check: "article", re: regexp.MustCompile(`\b[aA] ([aeio]\p{L}*)`), hint: "« an » before a vowel sound",
			skip: func(m []string) bool {
				return strings.HasPrefix(strings.ToLower(m[1]), "one") || strings.HasPrefix(strings.ToLower(m[1]), "eu")
			}},
		{check: "mixed-label", re: regexp.MustCompile(`\(\s*(asked|required)\s*:`), hint: "a sentence that says why, not a label in parentheses"},
		{check: "double-punctuation", re: regexp.MustCompile(`[?!:;] ?\.(?:\s|$)`), hint: "one punctuation mark: \"?\" ends the sentence"},
	}
)

// noElision are the words that take no elision though they open with a
// vowel (a few interjections and names of letters), or that follow a
// word the pattern mistakes for an article ("le » …" never matches).
var noElision = map[string]bool{"oui": true, "ouf": true, "onze": true, "onzième": true, "uhlan": true, "yaourt": true, "yoga": true}

// infinitive tells a verb after "de les" / "à le" ("afin de les
// vérifier" is right).
func infinitive(w string) bool {
	w = strings.ToLower(w)
	for _, sfx := range []string{"er", "ir", "re", "oir"} {
		if strings.HasSuffix(w, sfx) && len(w) > len(sfx)+1 {
			return true
		}
	}
	return false
}

var quoted = []*regexp.Regexp{
	regexp.MustCompile("`[^`]*`"),
	regexp.MustCompile(`(?s)<!--.*?-->`),
	regexp.MustCompile(`«[^»]*»`),
	regexp.MustCompile(`“[^”]*”`),
	regexp.MustCompile(`"[^"\n]*"`),
	regexp.MustCompile(`<[^<>\n]{1,80}>`),
	regexp.MustCompile(`\[[^\[\]\n]{1,80}\]`),
	// An address, bare or as a link's target, is not prose.
	regexp.MustCompile(`https?://[^\s)>\]]+`),
	// A YAML or JSON mapping ("{id: stagiaire}") is configuration, not prose.
	regexp.MustCompile(`\{[^{}\n]*:[^{}\n]*\}`),
}

// link is a Markdown link: its text is prose, its target is not.
var link = regexp.MustCompile(`\[([^\[\]\n]{1,200})\]\(([^()\s]*)\)`)

// ownCopy blanks what is not the copy's own words.
func ownCopy(text string) string {
	text = blankFences(text)
	text = link.ReplaceAllStringFunc(text, func(m string) string {
		sub := link.FindStringSubmatch(m)
		return " " + sub[1] + strings.Repeat(" ", len(sub[2])+3)
	})
	for _, re := range quoted {
		text = re.ReplaceAllStringFunc(text, func(m string) string { return strings.Repeat(" ", len(m)) })
	}
	return text
}

// Check returns the problems of text written in lang ("fr" or "en").
func Check(text, lang string) []Problem {
	var out []Problem
	for _, r := range unfilled {
		for _, m := range r.re.FindAllString(text, -1) {
			out = append(out, Problem{r.check, m, r.hint})
		}
	}
	rules := frRules
	if lang == "en" {
		rules = enRules
	}
	own := ownCopy(text)
	for _, r := range rules {
		for _, m := range r.re.FindAllStringSubmatch(own, -1) {
			if r.skip != nil && r.skip(m) {
				continue
			}
			out = append(out, Problem{r.check, m[0], r.hint})
		}
	}
	return out
}

// blankFences blanks fenced code blocks as CommonMark reads them: a fence
// opens with three or more backticks or tildes and closes only on a run of
// the same character at least as long, so a fix holding a Gherkin fence
// shown inside a longer fence is blanked whole.
func blankFences(text string) string {
	var b strings.Builder
	open := ""
	for _, line := range strings.SplitAfter(text, "\n") {
		trimmed := strings.TrimLeft(line, " \t")
		run := fenceRun(trimmed)
		switch {
		case open == "" && run == "":
			b.WriteString(line)
			continue
		case open == "":
			open = run
		case run != "" && run[0] == open[0] && len(run) >= len(open) && strings.TrimSpace(trimmed[len(run):]) == "":
			open = ""
		}
		b.WriteString(strings.Repeat(" ", len(strings.TrimSuffix(line, "\n"))))
		if strings.HasSuffix(line, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// fenceRun is the run of three or more backticks or tildes line opens
// with, or "".
func fenceRun(line string) string {
	if line == "" || line[0] != '`' && line[0] != '~' {
		return ""
	}
	n := 0
	for n < len(line) && line[n] == line[0] {
		n++
	}
	if n < 3 {
		return ""
	}
	return line[:n]
}
