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
		{"fr superclass noun", "", "ETQ usager, je veux voir les informations de mon dossier." + criteria, 1},
		{"fr qualified data", "", "ETQ usager, je veux corriger mes données de santé." + criteria, 0},
		{"fr dataset", "", "ETQ producteur de données, je veux publier un jeu de données." + criteria, 0},
		{"fr named page", "", "ETQ agent, je veux modifier la page « Informations pratiques »." + criteria, 0},
		{"en superclass noun", "", "As a user, I want to see more information about my claim." + criteria, 1},
		{"en named data", "", "As an analyst, I want to load the FPDS data nightly." + criteria, 0},
		{"en vague adverb", "", "As a developer, I want my models to be indexed properly." + criteria, 1},
	})
	f := fired(check(t, "", "As a user, I want a user-friendly export, so that it is easy."+criteria), "story-ambiguous")[0]
	if !strings.Contains(f.Message, "“user-friendly” and “easy”") {
		t.Errorf("message %q", f.Message)
	}
	// The fix asks the author to say what is meant, in place; pasted,
	// nothing vague is left, only the placeholders to fill.
	f = fired(check(t, "", "En tant qu'agent, je veux une recherche rapide des dossiers."+criteria), "story-ambiguous")[0]
	if f.Fix != "En tant qu'agent, je veux une recherche <précisez « rapide »> des dossiers." {
		t.Errorf("fix %q", f.Fix)
	}
	r := check(t, "", f.Fix+criteria)
	if len(fired(r, "story-ambiguous")) != 0 || len(fired(r, "template-placeholder")) != 1 {
		t.Errorf("after the fix: %+v", r.Findings)
	}
}
