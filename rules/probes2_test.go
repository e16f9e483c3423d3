package rules_test

import (
	"slices"
	"testing"
)

// TestReviewProbesSecondBatch: a second batch of probes, written and
// labelled after the classes were built (vehicle registration, sick
// leave sent by employers, electoral rolls, a library, a school, session
// cookies), to check that the classes hold on words nobody tuned for.
func TestReviewProbesSecondBatch(t *testing.T) {
	for _, c := range []struct {
		text           string
		rgpd, security bool
	}{
		{"ETQ gestionnaire des cartes grises, je veux voir l'historique des propriétaires d'un véhicule.", true, false},
		{"ETQ agent de la CPAM, je veux recevoir chaque semaine la liste des assurés en arrêt maladie transmise par les employeurs.", true, true},
		{"ETQ usagère, je téléverse mon justificatif de domicile.", true, true},
		{"ETQ secrétaire médicale, je saisis les antécédents d'un patient.", true, true},
		{"ETQ agent, je veux purger les comptes des électeurs radiés.", true, true},
		{"ETQ bibliothécaire, je veux envoyer les relances de retard aux emprunteurs par SMS.", false, false},
		{"ETQ élève, je veux consulter mes notes du trimestre.", false, false},
		{"ETQ professeure, je saisis les absences des élèves de ma classe.", true, false},
		{"ETQ candidat, je veux signer électroniquement mon contrat d'engagement.", true, true},
		{"ETQ gestionnaire, je veux que les fiches des bénévoles soient anonymisées après deux ans.", true, true},
		{"ETQ agent, je veux exporter le nombre de licences par club en CSV.", false, false},
		{"ETQ responsable RH, je veux retirer l'accès d'un agent parti à l'application.", true, true},
		{"As a resident, I want to pay my parking fine online.", true, true},
		{"As a school clerk, I want to record a pupil's allergies.", true, true},
		{"As a visitor, I want to read the museum's opening hours.", false, false},
		{"As a caseworker, I want to filter claims by postcode.", false, false},
		{"As a developer, I want the session cookies to be marked Secure and HttpOnly.", false, true},
		{"ETQ usager, je veux choisir la langue de l'interface.", false, false},
		{"ETQ agent, je veux trier les candidatures par date de dépôt.", false, false},
	} {
		t.Run(c.text, func(t *testing.T) {
			r := check(t, "", c.text+criteria)
			rgpd := slices.Contains(r.Required, "personal-data")
			if rgpd != c.rgpd || r.SecurityReview != c.security {
				t.Errorf("rgpd %v security %v, want %v %v (topics %v, persona %q)", rgpd, r.SecurityReview, c.rgpd, c.security, r.Sensitive, r.Persona)
			}
		})
	}
}
