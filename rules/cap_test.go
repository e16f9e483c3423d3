package rules_test

import (
	"strings"
	"testing"

	"github.com/cochef/cochef/rules"
)

// A rule that fires at many places gives the first nineteen in full and
// one finding that counts the others, from the line of the first one left
// out, in the reader's language.
func TestFindingsOfOneRuleAreCapped(t *testing.T) {
	body := "## Critères d'acceptation\n\n" + strings.Repeat("- [rôle]\n", 1200)
	for _, c := range []struct {
		lang rules.Lang
		want string
	}{
		{rules.FR, "Et 1\u202f181 autres endroits à reprendre pour la même règle (« Il ne reste pas de texte du modèle à remplacer »), dont le premier ici : cochef ne détaille que les 19 premiers."},
		{rules.EN, "And 1,181 more places to rework for the same rule (“No template text is left to replace”), the first of them here: cochef details only the first 19."},
	} {
		r := rules.Analyze(rules.Input{Title: "En tant qu'agent, je veux voir la liste", Body: body}, builtin(t).Default(), c.lang)
		ph := fired(r, "template-placeholder")
		if len(ph) != 20 {
			t.Fatalf("%s: %d template-placeholder findings, want 20", c.lang, len(ph))
		}
		for i, f := range ph[:19] {
			if f.Line != 3+i || !strings.Contains(f.Message, "[rôle]") {
				t.Errorf("%s: finding %d on line %d: %q", c.lang, i, f.Line, f.Message)
			}
		}
		if last := ph[19]; last.Message != c.want || last.Line != 22 || last.Severity != rules.SeverityWarning {
			t.Errorf("%s: last finding %s line %d %q, want %q", c.lang, last.Severity, last.Line, last.Message, c.want)
		}
	}
}

// Twenty findings are not capped: the cap starts at the twenty-first.
func TestTwentyFindingsAreAllShown(t *testing.T) {
	body := "## Critères d'acceptation\n\n" + strings.Repeat("- [rôle]\n", 20)
	r := rules.Analyze(rules.Input{Title: "En tant qu'agent, je veux voir la liste", Body: body}, builtin(t).Default(), rules.FR)
	ph := fired(r, "template-placeholder")
	if len(ph) != 20 {
		t.Fatalf("%d findings, want 20", len(ph))
	}
	for _, f := range ph {
		if strings.HasPrefix(f.Message, "Et ") {
			t.Errorf("a count among twenty findings: %q", f.Message)
		}
	}
}
