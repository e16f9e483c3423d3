package rules_test

import "testing"

func TestRuleStoryBenefit(t *testing.T) {
	runRuleCases(t, "story-benefit", []ruleCase{
		{"with afin de", "", "En tant qu'agent, je veux filtrer les dossiers afin de traiter les plus anciens." + criteria, 0},
		{"with so that", "", "As an agent, I want to filter cases so that I handle the oldest first." + criteria, 0},
		{"without", "", "En tant qu'agent, je veux filtrer les dossiers." + criteria, 1},
		{"no sentence at all: story-format says it", "", "Ajouter un filtre." + criteria, 0},
	})
	r := check(t, "", "As an agent, I want to sort the help articles."+criteria)
	f := fired(r, "story-benefit")[0]
	if f.Severity != "warning" || f.Fix != "As an agent, I want to sort the help articles, so that <expected benefit>." {
		t.Errorf("got %+v", f)
	}
	if !r.Ready {
		t.Error("a missing benefit alone must not block readiness")
	}
	// The period of an abbreviation is the word's, not the sentence's.
	f = fired(check(t, "", "En tant qu'agent, je veux des filtres par date, statut, etc."+criteria), "story-benefit")[0]
	if f.Fix != "En tant qu'agent, je veux des filtres par date, statut, etc. afin de <bénéfice attendu>." {
		t.Errorf("fix %q", f.Fix)
	}
}
