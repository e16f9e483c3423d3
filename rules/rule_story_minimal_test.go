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
		{"example", "", "As a visitor, I want to download documents, e.g. presentations and PDFs." + criteria, 1},
		{"etc", "", "En tant qu'agent, je veux des filtres par date, statut, etc." + criteria, 1},
		{"means: by clicking", "", "As a user, I want to export my invoices by clicking a button." + criteria, 1},
		{"means: via a form", "", "ETQ parent, je peux signaler une absence via un formulaire en ligne." + criteria, 1},
		{"via a named system is the need", "", "ETQ usager, je veux me connecter via FranceConnect." + criteria, 0},
		{"a button as the feature itself", "", "ETQ instructeur, je veux que le bouton « Valider » reste désactivé tant que les pièces manquent." + criteria, 0},
		{"storage is the need", "", "En tant qu'agent, je veux que la base de données garde l'historique des statuts." + criteria, 0},
		{"a response time", "", "ETQ instructeur, je veux que la liste s'affiche en moins de 2 secondes." + criteria, 1},
		{"a file size", "", "ETQ usager, je joins mes plans au format PDF de 50 Mo au plus." + criteria, 1},
		{"a number that defines the behaviour", "", "ETQ agent, je suis déconnecté après 30 minutes d'inactivité." + criteria, 0},
		{"two reasons", "", "As a user, I want to select waste types, so that I get a list, so that I can choose." + criteria, 1},
		{"what is expected", "", "As a developer, I want to delete old versions and I expect this to fail when one is used." + criteria, 1},
		{"a ticket reference", "", "As a developer, I want to update the rule table for DB-2213." + criteria, 1},
		{"a clause in the role", "", "As a member who has read a teaser, I want to read the whole article." + criteria, 1},
		{"title is only the sentence", "En tant qu'agent, je veux filtrer", "Le filtre porte sur la date." + criteria, 0},
	})
	for _, c := range []struct{ in, fix string }{
		{"En tant qu'agent, je veux filtrer les dossiers (par date) afin de gagner du temps.",
			"En tant qu'agent, je veux filtrer les dossiers afin de gagner du temps."},
		{"ETQ parent, je peux signaler une absence via un formulaire en ligne.",
			"ETQ parent, je peux signaler une absence."},
		{"ETQ instructeur, je veux relancer un allocataire par courriel en cliquant sur le bouton « Relancer », afin de gagner du temps.",
			"ETQ instructeur, je veux relancer un allocataire par courriel, afin de gagner du temps."},
		{"En tant qu'agent, je veux exporter les dossiers. Le fichier est en CSV.",
			"En tant qu'agent, je veux exporter les dossiers.\n\nLe fichier est en CSV."},
	} {
		f := fired(check(t, "", c.in+criteria), "story-minimal")
		if len(f) != 1 || f[0].Fix != c.fix {
			t.Errorf("%q: %+v, want fix %q", c.in, f, c.fix)
			continue
		}
		// Pasting the fix leaves a minimal sentence.
		if again := fired(check(t, "", f[0].Fix+criteria), "story-minimal"); len(again) != 0 {
			t.Errorf("fix %q still flagged: %+v", f[0].Fix, again)
		}
	}
	f := fired(check(t, "", "En tant qu'agent, je veux filtrer les dossiers (par date) afin de gagner du temps."+criteria), "story-minimal")[0]
	if !strings.Contains(f.Message, "(par date)") {
		t.Errorf("message %q", f.Message)
	}
}
