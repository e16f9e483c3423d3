package rules_test

import (
	"strings"
	"testing"
)

func TestRuleAcceptanceCriteriaVague(t *testing.T) {
	story := "En tant qu'agent, je veux filtrer les dossiers.\n\n## Critères d'acceptation\n\n"
	runRuleCases(t, "acceptance-criteria-vague", []ruleCase{
		{"testable", "", story + "- [ ] La liste n'affiche que les dossiers déposés après la date choisie\n", 0},
		{"vague term", "", story + "- La recherche est rapide\n- La liste est triée par date de dépôt\n", 1},
		{"too short", "", story + "- Fonctionne\n", 1},
		{"vague step in a scenario", "", story + "```gherkin\nScénario: tri\n  Quand je trie\n  Alors la liste s'affiche rapidement\n```\n", 1},
		{"vague word outside the criteria", "", "En tant qu'agent, je veux un écran simple.\n\n## Critères d'acceptation\n\n- [ ] La liste tient sur un écran de 1280 px\n", 0},
	})
	r := check(t, "", story+"- La recherche est rapide\n- La liste est triée par date de dépôt\n")
	f := fired(r, "acceptance-criteria-vague")[0]
	if f.Line != 5 || !strings.Contains(f.Message, "« rapide »") {
		t.Errorf("got %+v", f)
	}
}
