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
		// A section written as "Label : text" on one line is there, even
		// over 80 characters, and several such lines with no blank line
		// between them are as many sections.
		{"inline section label", "", "En tant qu'usagère, je veux voir les horaires du service." + criteria + "\nAccessibilité : la frise est une liste ordonnée.\n", 0},
		{"long inline section label", "", "En tant qu'usagère, je veux voir les horaires du service." + criteria +
			"\nAccessibilité : la frise est une liste ordonnée, lue dans l'ordre par les lecteurs d'écran, et chaque horaire a son texte.\n", 0},
		{"inline labels on consecutive lines", "", "En tant qu'usagère, je veux modifier mon adresse postale." + criteria +
			"\nRGPD : l'adresse est déjà connue, seule sa valeur change ; conservation inchangée.\nAccessibilité : formulaire existant, déjà audité.\n", 0},
		{"a sentence with a colon is no label", "", "En tant qu'usagère, je veux voir les horaires du service." + criteria +
			"\nPour l'accessibilité des horaires on verra plus tard : rien n'est décidé.\n", 1},
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
