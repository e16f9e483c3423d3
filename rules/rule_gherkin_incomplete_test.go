package rules_test

import "testing"

func TestRuleGherkinIncomplete(t *testing.T) {
	story := "En tant qu'agent, je veux filtrer les dossiers.\n\n## Critères d'acceptation\n\n"
	runRuleCases(t, "gherkin-incomplete", []ruleCase{
		{"complete", "", story + "```gherkin\nScénario: tri\n  Étant donné deux dossiers\n  Quand je trie\n  Alors le plus ancien est en tête\n```\n", 0},
		{"no then", "", story + "```gherkin\nScénario: tri\n  Étant donné deux dossiers\n  Quand je trie\n```\n", 1},
		{"second scenario without then", "", story + "```gherkin\nScenario: a\n  When I sort\n  Then it is sorted\nScenario: b\n  Given two cases\n  When I sort\n```\n", 1},
		{"list steps", "", story + "- Étant donné deux dossiers\n- Quand je trie\n- Alors le plus ancien est en tête\n", 0},
		{"inline alors", "", story + "- Quand je valide, alors le dossier est transmis\n", 0},
		{"two implicit scenarios", "", story + "- Étant donné A\n- Quand B\n- Alors C\n- Étant donné D\n- Quand E\n", 1},
	})
	r := check(t, "", story+"```gherkin\nScénario: tri\n  Étant donné deux dossiers\n  Quand je trie\n```\n")
	if f := fired(r, "gherkin-incomplete")[0]; f.Line != 6 || f.Fix != "  Alors <résultat attendu>" {
		t.Errorf("got %+v", f)
	}
	if r.Criteria.Gherkin != 1 || len(r.CriteriaItems[0].Steps) != 2 {
		t.Errorf("criteria %+v", r.CriteriaItems)
	}
}
