package rules_test

import (
	"testing"
)

func TestRuleStoryFormat(t *testing.T) {
	runRuleCases(t, "story-format", []ruleCase{
		{"complete sentence", "", "En tant qu'agent, je veux filtrer les dossiers." + criteria, 0},
		{"sentence in the title", "En tant qu'agent, je veux filtrer les dossiers", criteria, 0},
		{"indicative need is read", "", "ETQ usager, je reçois un courriel quand mon dossier est accepté." + criteria, 0},
		{"bare infinitive is read", "", "ETQ DDETS, relire la liste des structures." + criteria, 0},
		{"benefit first is read", "", "Afin de ne plus ressaisir les pièces, en tant que demandeur, je veux réutiliser celles de mon dernier dossier." + criteria, 0},
		{"sentence inside a description", "", "Les agents perdent du temps. ETQ agent, je veux filtrer les dossiers." + criteria, 0},
		{"no sentence", "Filtre des dossiers", "Ajouter un filtre." + criteria, 1},
		{"no need", "", "En tant qu'agent, la liste est trop longue." + criteria, 1},
		{"placeholder role", "", "En tant que <profil>, je veux filtrer." + criteria, 1},
		{"no role", "", "Je veux pouvoir exporter la liste des dossiers." + criteria, 1},
	})
	for _, c := range []struct {
		name, title, body string
		severity, fix     string
	}{
		// No need: nobody can build it.
		{"role kept, need to write", "", "En tant qu'agent, la liste est trop longue." + criteria,
			"error", "En tant qu'agent, je veux <besoin>."},
		// The need stated in the title or the first paragraph is kept.
		{"need from the first paragraph", "Filtre des dossiers", "Ajouter un filtre par commune." + criteria,
			"error", "En tant que <profil>, je veux ajouter un filtre par commune."},
		{"need from the title", "Pouvoir exporter la liste des dossiers", "Les agents recopient la liste à la main." + criteria,
			"error", "En tant que <profil>, je veux pouvoir exporter la liste des dossiers."},
		{"English need from the title", "Export cases to CSV", "Caseworkers copy the list by hand." + criteria,
			"error", "As a <role>, I want to export cases to CSV."},
		// A version number is no sentence end.
		{"need with a version number", "Mettre à jour Rails en 7.2", "La version 7.1 n'est plus maintenue." + criteria,
			"error", "En tant que <profil>, je veux mettre à jour Rails en 7.2."},
		// A need without a role: read, but whose is it?
		{"no role", "", "Lorsque je dépose un dossier, j'aimerais recevoir un accusé de réception." + criteria,
			"warning", "En tant que <profil>, lorsque je dépose un dossier, je veux recevoir un accusé de réception."},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := check(t, c.title, c.body)
			f := fired(r, "story-format")
			if len(f) != 1 || string(f[0].Severity) != c.severity || f[0].Fix != c.fix {
				t.Fatalf("got %+v, want one %s with fix %q", f, c.severity, c.fix)
			}
			if r.Ready != (c.severity != "error") {
				t.Errorf("ready %v with a %s", r.Ready, c.severity)
			}
		})
	}
}
