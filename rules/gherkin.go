package rules

import (
	"sort"
	"strings"
	"sync"

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
	line = strings.TrimLeft(line, " \t>-*+")
	if line == "" {
		return "", "", "", false
	}
	// Only the line's head is folded: keywords are at most a few words.
	head := line
	if len(head) > 48 {
		head = head[:48]
	}
	fh, idx := foldMap(head)
	for _, k := range gherkinKeywords() {
		if !strings.HasPrefix(fh, k.folded) {
			continue
		}
		n := len(k.folded)
		after := fh[n:]
		switch {
		case k.block:
			t := strings.TrimLeft(after, " ")
			if !strings.HasPrefix(t, ":") {
				continue
			}
			end := idx[n]
			return strings.TrimSpace(line[:end]), k.kind, strings.TrimSpace(strings.TrimLeft(line[end:], " \t:")), true
		case k.elided:
			if after == "" {
				continue
			}
		default:
			if after == "" || after[0] != ' ' {
				continue
			}
		}
		end := idx[n]
		return strings.TrimSpace(line[:end]), k.kind, strings.TrimSpace(line[end:]), true
	}
	return "", "", "", false
}

// isStepKind reports whether kind is a step (not a block keyword).
func isStepKind(kind string) bool {
	switch kind {
	case "given", "when", "then", "and", "but":
		return true
	}
	return false
}
