package rules_test

import (
	"strings"
	"testing"
)

func TestRuleStoryFormat(t *testing.T) {
	runRuleCases(t, "story-format", []ruleCase{
		{"complete sentence", "", "En tant qu'agent, je veux filtrer les dossiers." + criteria, 0},
		{"sentence in the title", "En tant qu'agent, je veux filtrer les dossiers", criteria, 0},
		{"no sentence", "Filtre des dossiers", "Ajouter un filtre." + criteria, 1},
		{"no action", "", "En tant qu'agent, la liste est trop longue." + criteria, 1},
		{"placeholder role", "", "En tant que <profil>, je veux filtrer." + criteria, 1},
	})
	r := check(t, "", "En tant qu'agent, la liste est trop longue."+criteria)
	f := fired(r, "story-format")[0]
	if f.Severity != "error" || r.Ready || f.Line != 1 {
		t.Errorf("severity %s ready %v line %d", f.Severity, r.Ready, f.Line)
	}
	if !strings.HasPrefix(f.Fix, "En tant qu'agent, je veux <action>") {
		t.Errorf("fix does not keep the role: %q", f.Fix)
	}
}
