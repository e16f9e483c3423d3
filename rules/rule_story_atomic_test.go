package rules_test

import (
	"strings"
	"testing"
)

func TestRuleStoryAtomic(t *testing.T) {
	runRuleCases(t, "story-atomic", []ruleCase{
		{"fr two verbs", "", "En tant qu'agent, je veux consulter et modifier mon dossier afin de le tenir à jour." + criteria, 1},
		{"fr et pouvoir", "", "En tant qu'agent, je veux une recherche par date et pouvoir exporter les résultats." + criteria, 1},
		{"fr nouns", "", "En tant qu'agent, je veux voir le nom et prénom du demandeur." + criteria, 0},
		{"fr noun in -ier", "", "En tant qu'agent, je veux ouvrir le dossier et le courrier de l'usager." + criteria, 0},
		{"en two verbs", "", "As a user, I want to search and filter the results, so that I find my case." + criteria, 1},
		{"en second clause", "", "As a user, I want to log in and I want to see my dashboard." + criteria, 1},
		{"en nouns", "", "As a user, I want to see the name and address of the office." + criteria, 0},
		{"en between", "", "As a user, I want to compare the old and the new version." + criteria, 0},
	})
	f := fired(check(t, "", "En tant qu'agent, je veux consulter et modifier mon dossier."+criteria), "story-atomic")[0]
	if !strings.Contains(f.Fix, "En tant qu'agent, je veux consulter …") || !strings.Contains(f.Fix, "En tant qu'agent, je veux modifier mon dossier …") {
		t.Errorf("fix %q", f.Fix)
	}
}
