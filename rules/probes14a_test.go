package rules_test

import "testing"

// TestReviewProbesTwentyFifthBatchNightsRelativesHealth: a night booked
// is a booking, not the interface's night mode; following a relative's
// dossier is acting for them (the policy's representation: both
// reviews), where following one's own asks nothing; an emergency contact
// names a third person; a person seen or reported unwell is health data
// (both reviews). Invented for products the sets do not hold, labelled
// by the policy before the change; each of the first ten failed before
// it. The interface's night mode, one's own dossier and a persona's
// description keep asking nothing.
func TestReviewProbesTwentyFifthBatchNightsRelativesHealth(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ usager, je veux réserver une nuit au gîte d'étape communal", true, false},
		{"ETQ habitant, je réserve la nuit du 14 juillet au camping municipal", true, false},
		{"ETQ aidant, je suis l'avancement du dossier de mon proche", true, true},
		{"As a daughter, I want to check the status of my father's claim", true, true},
		{"ETQ stagiaire, je renseigne un contact d'urgence avant le départ en mer", true, false},
		{"ETQ adhérent, je veux modifier mes contacts d'urgence", true, false},
		{"ETQ animateur, je signale qu'un enfant est malade pendant la sortie", true, true},
		{"As a driver, I want to report that a passenger felt unwell", true, true},
		{"ETQ bénévole, je signale que la personne visitée semblait souffrante", true, true},
		{"As a volunteer, I want to report that the reader is unwell", true, true},
		// The interface's night mode, one's own dossier, a persona.
		{"ETQ usager, je veux activer le mode nuit de l'application", false, false},
		{"ETQ agent, je veux passer l'écran en mode nuit", false, false},
		{"ETQ usager, je veux suivre l'état de ma demande de carte", false, false},
		{"ETQ parent d'enfant malade, je veux consulter les horaires de la crèche", false, false},
		{"As a resident, I want to read the page on winter illnesses", false, false},
	})
}
