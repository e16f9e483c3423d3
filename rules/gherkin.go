package rules

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	gherkin "github.com/cucumber/gherkin/go/v42"
)

// gherkinLangs are the dialects whose keywords cochef recognises.
var gherkinLangs = []string{"fr", "en"}

// Kinds of Gherkin lines besides steps.
const (
	gkScenario   = "scenario"
	gkBackground = "background"
	gkExamples   = "examples"
	gkFeature    = "feature"
	gkRule       = "rule"
)

type gherkinKeyword struct {
	folded string // folded, without its trailing space
	kind   string // given, when, then, and, but, or one of the gk* kinds
	// elided keywords ("Lorsqu'") run into the next word.
	elided bool
	// block keywords ("Scénario") are followed by a colon.
	block bool
}

// gherkinKeywords are the step and block keywords of gherkinLangs, taken
// from cucumber's own dialect table so that every spelling it accepts
// ("Etant donné", "Étant données", "Sachant qu'") is ours too. Longest
// first so that "Étant donné que" wins over "Étant donné".
var gherkinKeywords = sync.OnceValue(func() []gherkinKeyword {
	provider := gherkin.DialectsBuiltin()
	var out []gherkinKeyword
	seen := map[string]bool{}
	add := func(raw, kind string, block bool) {
		k := strings.TrimRight(fold(raw), " ")
		if k == "*" || k == "" || seen[kind+"|"+k] {
			return
		}
		seen[kind+"|"+k] = true
		out = append(out, gherkinKeyword{folded: k, kind: kind, elided: strings.HasSuffix(raw, "'"), block: block})
	}
	for _, lang := range gherkinLangs {
		d := provider.GetDialect(lang)
		if d == nil {
			continue
		}
		for _, kind := range []string{"given", "when", "then", "and", "but"} {
			for _, k := range d.Keywords[kind] {
				add(k, kind, false)
			}
		}
		for _, k := range d.ScenarioKeywords() {
			add(k, gkScenario, true)
		}
		for _, k := range d.ScenarioOutlineKeywords() {
			add(k, gkScenario, true)
		}
		for _, k := range d.BackgroundKeywords() {
			add(k, gkBackground, true)
		}
		for _, k := range d.ExamplesKeywords() {
			add(k, gkExamples, true)
		}
		for _, k := range d.FeatureKeywords() {
			add(k, gkFeature, true)
		}
		for _, k := range d.RuleKeywords() {
			add(k, gkRule, true)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].folded) > len(out[j].folded) })
	return out
})

// gherkinLine says whether line starts with a Gherkin keyword. It returns
// the keyword as written, its kind and the rest of the line. Block
// keywords need their colon ("Scénario : Export"); step keywords need a
// word after them.
func gherkinLine(line string) (keyword, kind, rest string, ok bool) {
	for line != "" && (line[0] == ' ' || line[0] == '\t' || line[0] == '>' || line[0] == '-' || line[0] == '*' || line[0] == '+') {
		line = line[1:]
	}
	if line == "" {
		return "", "", "", false
	}
	// Keywords are grouped by their folded first letter; most lines start
	// with a letter no keyword does.
	r, _ := utf8.DecodeRuneInString(line)
	c, _ := foldRune(r)
	if c >= utf8.RuneSelf {
		return "", "", "", false
	}
	group := gherkinByFirst()[c]
	if len(group) == 0 {
		return "", "", "", false
	}
	// Fold the line's head once, on the stack, remembering where each
	// folded byte comes from.
	var head [40]byte
	var from [41]uint8
	n := 0
	limit := gherkinMaxLen() + 1
	for i := 0; i < len(line) && i < 36 && n < limit; {
		if c := line[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			head[n], from[n] = c, uint8(i)
			n++
			i++
			from[n] = uint8(i)
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		a, b := foldRune(r)
		for _, x := range [2]rune{a, b} {
			if x == 0 {
				continue
			}
			if x >= utf8.RuneSelf {
				x = '?' // no keyword has a letter beyond ASCII once folded
			}
			head[n], from[n] = byte(x), uint8(i)
			n++
		}
		i += size
		from[n] = uint8(i)
	}
	folded := head[:n]
	for _, k := range group {
		if len(k.folded) > len(folded) || string(folded[:len(k.folded)]) != k.folded {
			continue
		}
		end := int(from[len(k.folded)])
		after := line[end:]
		switch {
		case k.block:
			t := strings.TrimLeft(after, " \t\u00a0")
			if k.kind == gkScenario {
				t = skipScenarioNumber(t)
			}
			if !strings.HasPrefix(t, ":") {
				continue
			}
			return strings.TrimSpace(line[:end]), k.kind, strings.TrimSpace(strings.TrimLeft(t, ":")), true
		case k.elided:
			if after == "" {
				continue
			}
		default:
			if after == "" || after[0] != ' ' && after[0] != '\t' {
				continue
			}
		}
		return strings.TrimSpace(line[:end]), k.kind, strings.TrimSpace(after), true
	}
	return "", "", "", false
}

// skipScenarioNumber reads past the number teams give their scenarios
// ("Scénario 1 : …", "Scénario n°2 – …", "Scenario #3. …"): what follows
// the number is returned as a colon and the title, so that the caller
// finds the colon it expects; anything else is returned as it is.
func skipScenarioNumber(t string) string {
	rest := t
	for _, p := range []string{"n°", "nº", "no ", "n.", "#"} {
		if len(rest) >= len(p) && strings.EqualFold(rest[:len(p)], p) {
			rest = strings.TrimLeft(rest[len(p):], " \t\u00a0")
			break
		}
	}
	digits := 0
	for digits < len(rest) && rest[digits] >= '0' && rest[digits] <= '9' {
		digits++
	}
	if digits == 0 {
		return t
	}
	rest = strings.TrimLeft(rest[digits:], " \t\u00a0")
	switch {
	case rest == "" || strings.HasPrefix(rest, ":"):
		return ":" + strings.TrimPrefix(rest, ":")
	}
	for _, sep := range []string{"-", "–", "—", "."} {
		if after, ok := strings.CutPrefix(rest, sep); ok && (after == "" || after[0] == ' ' || after[0] == '\t') {
			return ":" + after
		}
	}
	return t
}

// gherkinMaxLen is the length of the longest folded keyword.
var gherkinMaxLen = sync.OnceValue(func() int {
	n := 0
	for _, k := range gherkinKeywords() {
		n = max(n, len(k.folded))
	}
	return min(n, 36)
})

// gherkinByFirst groups gherkinKeywords by their first byte, longest
// first within a group.
var gherkinByFirst = sync.OnceValue(func() *[utf8.RuneSelf][]gherkinKeyword {
	var by [utf8.RuneSelf][]gherkinKeyword
	for _, k := range gherkinKeywords() {
		if c := k.folded[0]; c < utf8.RuneSelf {
			by[c] = append(by[c], k)
		}
	}
	return &by
})

// isStepKind reports whether kind is a step (not a block keyword).
func isStepKind(kind string) bool {
	switch kind {
	case "given", "when", "then", "and", "but":
		return true
	}
	return false
}
