package rules_test

import (
	"strings"
	"testing"
)

func TestRuleStoryAtomic(t *testing.T) {
	runRuleCases(t, "story-atomic", []ruleCase{
		{"fr two verbs", "", "En tant qu'agent, je veux consulter et modifier mon dossier afin de le tenir à jour." + criteria, 1},
		{"fr three verbs", "", "ETQ gestionnaire, je veux ajouter, modifier et supprimer des commentaires." + criteria, 1},
		{"fr et pouvoir", "", "En tant qu'agent, je veux une recherche par date et pouvoir exporter les résultats." + criteria, 1},
		{"fr clitic", "", "ETQ rédactrice, je veux dépublier une page et la rediriger vers une autre." + criteria, 1},
		{"fr second clause", "", "ETQ usager, je dépose mon dossier et je reçois un accusé de réception." + criteria, 1},
		{"fr nouns", "", "En tant qu'agent, je veux voir le nom et prénom du demandeur." + criteria, 0},
		{"fr noun in -ier", "", "En tant qu'agent, je veux ouvrir le dossier et le courrier de l'usager." + criteria, 0},
		{"fr conjunction in the benefit", "", "ETQ agent, je veux trier les dossiers afin de traiter et clore les plus anciens." + criteria, 0},
		{"en two verbs", "", "As a user, I want to search and filter the results, so that I find my case." + criteria, 1},
		{"en capitalised verbs", "", "As a Staff member, I want to Send or Post Citations, so that the owner is told." + criteria, 1},
		{"en slash", "", "As a researcher, I want to import/export data packages from MS-SQL." + criteria, 1},
		{"en comma list of verbs", "", "As an administrator, I want to create, modify rules that campers follow." + criteria, 1},
		{"en second clause", "", "As a user, I want to log in and I want to see my dashboard." + criteria, 1},
		{"en nouns", "", "As a user, I want to see the name and address of the office." + criteria, 0},
		{"en between", "", "As a user, I want to compare the old and the new version." + criteria, 0},
		{"en what is expected", "", "As a developer, I want to delete old versions and I expect this to fail when one is in use." + criteria, 0},
	})
	f := fired(check(t, "", "En tant qu'agent, je veux consulter et modifier mon dossier."+criteria), "story-atomic")[0]
	if f.Fix != "En tant qu'agent, je veux consulter mon dossier." {
		t.Errorf("fix %q", f.Fix)
	}
	if !strings.Contains(f.Message, "« modifier mon dossier »") || strings.Contains(f.Fix, "modifier") {
		t.Errorf("message %q fix %q", f.Message, f.Fix)
	}
	f = fired(check(t, "", "ETQ instructeur, je veux relancer un allocataire et envoyer un courriel au référent."+criteria), "story-atomic")[0]
	if f.Fix != "ETQ instructeur, je veux relancer un allocataire." || !strings.Contains(f.Message, "« envoyer un courriel au référent »") {
		t.Errorf("later clause: %+v", f)
	}
	// Pasting the fix leaves one need: the rule is quiet.
	if got := fired(check(t, "", f.Fix+criteria), "story-atomic"); len(got) != 0 {
		t.Errorf("fix still atomic: %+v", got)
	}
}
