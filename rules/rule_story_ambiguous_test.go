package rules_test

import (
	"strings"
	"testing"
)

func TestRuleStoryAmbiguous(t *testing.T) {
	runRuleCases(t, "story-ambiguous", []ruleCase{
		{"precise", "", "En tant qu'agent, je veux filtrer les dossiers par date de dépôt." + criteria, 0},
		{"fr vague", "", "En tant qu'agent, je veux une recherche rapide et intuitive." + criteria, 1},
		{"en vague, hyphenated", "", "As a user, I want a user-friendly export, so that it is easy." + criteria, 1},
		{"vague word only in the context", "", "En tant qu'agent, je veux filtrer par date.\n\nL'ancien écran était simple." + criteria, 0},
	})
	f := fired(check(t, "", "As a user, I want a user-friendly export, so that it is easy."+criteria), "story-ambiguous")[0]
	if !strings.Contains(f.Message, "“user-friendly”, “easy”") {
		t.Errorf("message %q", f.Message)
	}
}
