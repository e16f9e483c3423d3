package rules_test

import (
	"strings"
	"testing"
)

func TestRuleStoryMinimal(t *testing.T) {
	runRuleCases(t, "story-minimal", []ruleCase{
		{"short", "", "En tant qu'agent, je veux filtrer les dossiers afin de gagner du temps." + criteria, 0},
		{"extra sentence", "", "En tant qu'agent, je veux filtrer les dossiers. Le filtre porte sur la date." + criteria, 1},
		{"parenthesis", "", "En tant qu'agent, je veux filtrer les dossiers (par date) afin de gagner du temps." + criteria, 1},
		{"ui detail", "", "As a user, I want to click a button to export my invoices." + criteria, 1},
		{"solution detail", "", "En tant qu'agent, je veux que la base de données garde l'historique des statuts." + criteria, 1},
		{"title is only the sentence", "En tant qu'agent, je veux filtrer", "Le filtre porte sur la date." + criteria, 0},
	})
	f := fired(check(t, "", "En tant qu'agent, je veux filtrer les dossiers (par date) afin de gagner du temps."+criteria), "story-minimal")[0]
	if f.Fix != "En tant qu'agent, je veux filtrer les dossiers afin de gagner du temps." {
		t.Errorf("fix %q", f.Fix)
	}
	if !strings.Contains(f.Message, "(par date)") {
		t.Errorf("message %q", f.Message)
	}
}
