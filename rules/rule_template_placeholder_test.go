package rules_test

import "testing"

func TestRuleTemplatePlaceholder(t *testing.T) {
	runRuleCases(t, "template-placeholder", []ruleCase{
		{"none", "", "En tant qu'agent, je veux filtrer les dossiers." + criteria, 0},
		{"angle placeholder", "", "En tant que <profil>, je veux filtrer les dossiers." + criteria, 1},
		{"bracket placeholder", "", "En tant qu'agent, je veux [action]." + criteria, 1},
		{"italic instruction", "", "En tant qu'agent, je veux filtrer." + criteria + "\n## Contexte\n\n_Décrivez le problème de l'usager._\n", 1},
		{"hint text", "", "En tant qu'agent, je veux filtrer." + criteria + "\n## Hors périmètre\n\nCe que ce récit ne fait pas (et le récit qui s'en chargera).\n", 1},
		{"in an HTML comment", "", "En tant qu'agent, je veux filtrer." + criteria + "\n<!-- En tant que <profil> -->\n", 0},
		{"scenario outline parameter", "", "En tant qu'agent, je veux filtrer." + criteria + "\n- Quand je saisis <email>\n- Alors le compte est créé\n", 0},
		{"title", "En tant que [rôle], je veux filtrer", criteria, 1},
		{"ordinary italics", "", "En tant qu'agent, je veux filtrer." + criteria + "\n_Ce comportement existe déjà sur l'ancien portail._\n", 0},
	})
}
