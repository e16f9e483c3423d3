package rules_test

import (
	"testing"

	"github.com/cochef/cochef/rules"
)

// Probes of the QUS rules' classes on words no labelled set uses.
func TestMinimalWidgetClass(t *testing.T) {
	runRuleCases(t, "story-minimal", []ruleCase{
		{"a checkbox", "", "En tant qu'agent, je veux marquer un dossier comme prioritaire avec un interrupteur." + criteria, 1},
		{"a modal", "", "As a clerk, I want to confirm a refund in a modal." + criteria, 1},
		{"a tooltip", "", "ETQ usager, je veux comprendre chaque champ grâce à une infobulle." + criteria, 1},
		{"no widget", "", "ETQ usager, je veux comprendre chaque rubrique du formulaire." + criteria, 0},
		{"in case of is no widget", "", "As a parent, I want to call the staff in case of an emergency." + criteria, 0},
	})
}

func TestAtomicClasses(t *testing.T) {
	runRuleCases(t, "story-atomic", []ruleCase{
		{"a decision and its alternative", "", "ETQ cheffe de bureau, je peux approuver ou rejeter une demande de stage." + criteria, 0},
		{"a decision, then a second feature", "", "ETQ cheffe de bureau, je peux approuver ou rejeter une demande et prévenir le stagiaire." + criteria, 1},
		{"two tasks joined with or", "", "As a librarian, I want to add or remove a branch." + criteria, 1},
		{"two criteria", "", "As a clerk, I want to sort permits by street and by expiry date." + criteria, 1},
		{"one criterion with two words", "", "ETQ agent, je veux trier les dossiers par nom et prénom." + criteria, 0},
		{"a consequence", "", "ETQ lectrice, je veux réserver un livre et être prévenue de son retour." + criteria, 0},
		{"où is no conjunction", "", "ETQ usager, je veux voir la salle où se tient l'audience." + criteria, 0},
		{"clitics before the second verb", "", "ETQ stagiaire, je veux trouver une offre et m'y porter candidat." + criteria, 1},
	})
}

func TestUniqueLemmas(t *testing.T) {
	for _, c := range []struct {
		name string
		a, b string
		dup  bool
	}{
		{"present and infinitive", "ETQ parent, je dépose une demande de bourse.", "ETQ parent, je veux déposer ma demande de bourse.", true},
		{"synonyms of deciding", "ETQ manager, je veux valider les demandes de télétravail.", "ETQ manager, je peux accepter les demandes de télétravail.", true},
		{"another object", "ETQ manager, je veux valider les demandes de télétravail.", "ETQ manager, je veux valider les notes de frais.", false},
		{"another role", "ETQ manager, je veux valider les demandes de télétravail.", "ETQ agent, je veux valider les demandes de télétravail.", false},
		{"English -ing and agent nouns", "As a publisher, I want to understand if a user is a publisher.", "As a publisher, I want to understand if a user is an editor.", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := rules.AnalyzeBacklog([]rules.Input{{Body: c.a + criteria}, {Body: c.b + criteria}}, builtin(t).Default(), "")
			if got := len(fired(res[1], "story-unique")) > 0; got != c.dup {
				t.Errorf("story-unique %v, want %v", got, c.dup)
			}
		})
	}
}
