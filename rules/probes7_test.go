package rules_test

import (
	"slices"
	"testing"
)

// TestReviewProbesSeventhBatch: probes for security classes the seen
// sets still miss (a question or a rule on who sees a person's detail),
// on products those sets do not hold, labelled by the policy before the
// change. Non-stories: a title and a
// short body, as a backlog holds them.
func TestReviewProbesSeventhBatch(t *testing.T) {
	for _, c := range []struct {
		title, body    string
		rgpd, security bool
	}{
		// A question on who sees a person's detail is an access question
		// (and it is about personal data).
		{"Question : le secrétariat du club doit-il voir le téléphone des adhérents ?", "Les bénévoles du secrétariat appellent les adhérents pour les cotisations. À valider avec le bureau.", true, true},
		{"Should volunteer drivers see the patients' phone numbers?", "Drivers call patients before pickup. The coordinator is unsure.", true, true},
		{"Les moniteurs peuvent-ils connaître l'adresse des stagiaires ?", "", true, true},
		{"Accueil de la piscine", "Les maîtres-nageurs ne doivent pas voir la date de naissance des abonnés sur la liste d'appel.", true, true},
		// A question on seeing something that is nobody's data is not.
		{"Can residents see the opening hours of the recycling centre?", "Asked twice at the front desk.", false, false},
		{"Question : doit-on voir le logo de la commune sur la page d'accueil ?", "", false, false},
	} {
		t.Run(c.title, func(t *testing.T) {
			r := check(t, c.title, c.body)
			rgpd := slices.Contains(r.Required, "personal-data")
			if rgpd != c.rgpd || r.SecurityReview != c.security {
				t.Errorf("rgpd %v security %v, want %v %v (topics %v, persona %q)", rgpd, r.SecurityReview, c.rgpd, c.security, r.Sensitive, r.Persona)
			}
		})
	}
}
