package rules_test

import "testing"

// The seventeenth round's probes: classes read from heldout38 (set AN),
// the sixteenth round's yardstick, and heldout39 (set AO), written for
// products they do not hold and labelled by the policy before each
// change. Each batch's comment says which probes failed before it.

// TestReviewProbesHundredAndThirtyFifthBatchCallersAndReporters: the
// caller of a phone line and the person who reported a problem are
// people; their name and number are theirs. The second and the third
// asked nothing before the change (the first did, by its request); a
// call count names nobody.
func TestReviewProbesHundredAndThirtyFifthBatchCallersAndReporters(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent du standard, je veux saisir la demande avec le nom et le numéro de l'appelant afin de le rappeler", true, false},
		{"ETQ agent de la voirie, je veux voir le courriel du signalant dans la fiche du nid-de-poule", true, false},
		{"ETQ chef d'équipe, je veux contacter les signalants d'une panne une fois la réparation faite", true, false},
		{"ETQ responsable du standard, je veux voir le nombre d'appels reçus par heure", false, false},
	})
}

// TestReviewProbesHundredAndThirtySixthBatchWhoAndWhen: a history or a
// log that lists who and when names the agents who acted: the RGPD
// section. The first asked nothing before the change (the English one
// did); a history of prices names nobody.
func TestReviewProbesHundredAndThirtySixthBatchWhoAndWhen(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ gestionnaire des salles, je veux l'historique des changements de chaque réservation (qui, quand, ancien et nouveau créneau)", true, false},
		{"As a fleet manager, I want each change to a vehicle's mileage kept in its history (who, when, old value)", true, false},
		{"ETQ gestionnaire des salles, je veux l'historique des tarifs de chaque salle par année", false, false},
	})
}

// TestIssueProbesHundredAndThirtySeventhBatchInjectionThroughAField: an
// injection that comes in through a field, a form or a request is an
// attack on software, not a jab: no health data, so no RGPD section.
// Before the change the first two asked for both reviews; a nurse's
// injection recorded in a patient's file still does.
func TestIssueProbesHundredAndThirtySeventhBatchInjectionThroughAField(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Mise à jour de la bibliothèque de gabarits (vulnérabilité)", "Alerte de sécurité de sévérité haute sur la bibliothèque de gabarits des courriels : injection possible par les champs du formulaire de contact.\n\n- [ ] passer en 4.2.1", false, true},
		{"Bump markdown renderer", "High severity security advisory on the markdown renderer: injection through the comment field.\n\n- [ ] upgrade to 2.8.4", false, true},
		{"Injections du jour", "ETQ infirmier scolaire, je veux noter chaque injection faite à un élève dans son dossier.", true, true},
	})
}

// TestReviewProbesHundredAndThirtyEighthBatchConnectors: a connector
// links the tool to another system: an interconnection, security notes.
// The first two asked nothing before the change.
func TestReviewProbesHundredAndThirtyEighthBatchConnectors(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ gestionnaire des marchés, je veux que les avis de marché soient publiés sur le profil d'acheteur par le connecteur", false, true},
		{"As a finance officer, I want the approved invoices posted to the ledger through the finance system connector", false, true},
	})
}
