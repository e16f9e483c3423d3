package rules_test

import "testing"

func TestRuleTemplatePlaceholder(t *testing.T) {
	runRuleCases(t, "template-placeholder", []ruleCase{
		{"none", "", "En tant qu'agent, je veux filtrer les dossiers." + criteria, 0},
		{"angle placeholder", "", "En tant qu'agent, je veux filtrer les dossiers de la commune <nom>." + criteria, 1},
		{"bracket placeholder", "", "En tant qu'agent, je veux filtrer." + criteria + "\n## Contexte\n\nLe service [nom du service] reçoit trop d'appels.\n", 1},
		{"the sentence's role and need placeholders: story-format names them", "", "En tant que <profil>, je veux [action]." + criteria, 0},
		{"italic instruction", "", "En tant qu'agent, je veux filtrer." + criteria + "\n## Contexte\n\n_Décrivez le problème de l'usager._\n", 1},
		{"hint text", "", "En tant qu'agent, je veux filtrer." + criteria + "\n## Hors périmètre\n\nCe que ce récit ne fait pas (et le récit qui s'en chargera).\n", 1},
		{"in an HTML comment", "", "En tant qu'agent, je veux filtrer." + criteria + "\n<!-- En tant que <profil> -->\n", 0},
		{"scenario outline parameter", "", "En tant qu'agent, je veux filtrer." + criteria + "\n- Quand je saisis <email>\n- Alors le compte est créé\n\nExemples :\n| email |\n| a@b.fr |\n", 0},
		{"a step's placeholder without examples", "", "En tant qu'agent, je veux filtrer." + criteria + "\n- Quand je saisis <email>\n- Alors le compte est créé\n", 1},
		{"a fenced scenario left as the template's", "", "En tant qu'agent, je veux filtrer." + criteria + "\n```gherkin\nScénario : <cas nominal>\n  Quand <action>\n  Alors <résultat attendu>\n```\n", 3},
		// The sentence's role left as a placeholder is story-format's to
		// name: one finding, not two.
		{"role placeholder in the title sentence", "En tant que [rôle], je veux filtrer", criteria, 0},
		{"benefit placeholder", "", "En tant qu'agent, je veux filtrer les dossiers afin de <bénéfice attendu>." + criteria, 1},
		// A leading tag is how teams sort issues, not template text.
		{"title tag", "[Front] Afficher la carte des agences", "En tant qu'usager, je veux voir la carte des agences." + criteria, 0},
		{"two title tags", "[Back office][Agents] Filtrer les dossiers", "En tant qu'agent, je veux filtrer les dossiers." + criteria, 0},
		{"tag opening the body", "", "[Back office] En tant qu'agent, je veux filtrer les dossiers." + criteria, 0},
		{"placeholder title alone", "[Titre du récit]", "En tant qu'agent, je veux filtrer les dossiers." + criteria, 1},
		{"placeholder after a title tag", "[Front] En tant que [rôle], je veux filtrer", criteria, 0},
		{"bracket placeholder opening a later line", "", "En tant qu'agent, je veux filtrer les dossiers." + criteria + "\n## Contexte\n\n[Décrivez le contexte] ici\n", 1},
		{"ordinary italics", "", "En tant qu'agent, je veux filtrer." + criteria + "\n_Ce comportement existe déjà sur l'ancien portail._\n", 0},
	})
}

func TestSentencePlaceholdersNamedOnce(t *testing.T) {
	r := check(t, "En tant que [rôle], je veux filtrer", criteria)
	if f := fired(r, "story-format"); len(f) != 1 || f[0].Severity != "warning" {
		t.Errorf("story-format: %+v", f)
	}
	r = check(t, "", "En tant qu'agent, je veux filtrer les dossiers afin de <bénéfice attendu>."+criteria)
	if f := fired(r, "story-benefit"); len(f) != 0 {
		t.Errorf("story-benefit on a placeholder benefit: %+v", f)
	}
}
