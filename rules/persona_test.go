package rules_test

import "testing"

// Which persona a role names decides the review: a privileged name
// anywhere in the role wins, so "utilisateur administrateur de ma
// structure" is an administrator, not a citizen-facing user.
func TestPersonaMatching(t *testing.T) {
	for _, c := range []struct {
		role, persona string
		review        bool
	}{
		{"usager", "usager", false},
		{"agent instructeur du pôle social", "agent", false},
		{"nouvel usager", "usager", false},
		{"agent habilité", "agent-habilite", true},
		{"utilisateur administrateur de ma structure", "administrateur", true},
		{"agent habilité du service", "agent-habilite", true},
		{"gestionnaire, super admin de la plateforme", "administrateur", true},
		{"user with admin rights", "administrateur", true},
		{"administrateur fonctionnel du SI", "administrateur", true},
	} {
		t.Run(c.role, func(t *testing.T) {
			r := check(t, "", "En tant que "+c.role+", je veux filtrer les dossiers."+criteria)
			if r.Persona != c.persona || r.SecurityReview != c.review {
				t.Errorf("persona %q review %v, want %q %v", r.Persona, r.SecurityReview, c.persona, c.review)
			}
		})
	}
}
