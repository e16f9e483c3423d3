package rules_test

import (
	"strings"
	"testing"
)

func TestRuleSectionMissing(t *testing.T) {
	runRuleCases(t, "section-missing", []ruleCase{
		{"agent story needs nothing more", "", "En tant qu'agent, je veux voir les horaires de l'accueil." + criteria, 0},
		{"privileged role needs security notes", "", "En tant qu'administratrice, je veux changer le logo du site." + criteria, 1},
		{"citizen role needs accessibility", "", "En tant qu'usagère, je veux voir les horaires du service." + criteria, 1},
		{"citizen with the section", "", "En tant qu'usagère, je veux voir les horaires du service." + criteria + "\n## Accessibilité\n\nLa frise est une liste ordonnée.\n", 0},
		{"personal data topic needs RGPD", "", "En tant qu'agent, je veux saisir la date de naissance." + criteria, 1},
		{"security topic needs security notes", "", "En tant qu'agent, je veux changer mon mot de passe." + criteria, 1},
	})
	r := check(t, "", "En tant qu'administratrice, je veux changer le logo du site."+criteria)
	f := fired(r, "section-missing")[0]
	if f.Message != "La section « Notes de sécurité » manque : elle est demandée parce que le profil « administratrice » a des privilèges." || !r.SecurityReview || r.Ready {
		t.Errorf("message %q review %v ready %v", f.Message, r.SecurityReview, r.Ready)
	}
	// The fix is the heading, the hint and the security checklist.
	if !strings.HasPrefix(f.Fix, "## Notes de sécurité\n\n") || strings.Count(f.Fix, "\n- [ ] ") < 8 {
		t.Errorf("fix %q", f.Fix)
	}
}
