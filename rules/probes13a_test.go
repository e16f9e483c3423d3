package rules_test

import "testing"

// TestReviewProbesTwentiethBatchOwnItemsAndAccounts: an item of one's own
// work (a draft, a comment, a saved search) deleted by a member of staff
// asks nothing, as it asks nothing of a citizen (the policy's own items);
// closing one's own account ends it as deleting it does (the issue's
// deletion, an account's lifecycle: both reviews). Invented for products
// the sets do not hold, labelled by the policy before the change; the
// first five failed before it. Staff deleting people's records, and
// closing a dossier, keep what they asked.
func TestReviewProbesTwentiethBatchOwnItemsAndAccounts(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		// Own items of a member of staff.
		{"ETQ instructeur, je veux supprimer mon brouillon de réponse afin de repartir de zéro", false, false},
		{"ETQ gestionnaire, je veux effacer mes filtres enregistrés", false, false},
		{"As a caseworker, I want to delete my saved searches", false, false},
		{"As an officer, I want to delete my draft reply, so that I can start again", false, false},
		{"ETQ agent, je veux supprimer mon commentaire sur la demande", false, false},
		// Staff deleting people's records keeps asking.
		{"ETQ agent, je veux supprimer mes dossiers clos depuis dix ans", true, true},
		{"As a caseworker, I want to delete the claimant's file", true, true},
		{"ETQ instructeur, je veux supprimer les brouillons des demandeurs abandonnés depuis un an", true, true},
		// Closing one's account.
		{"As a member, I want to close my account, so that my data is no longer kept", true, true},
		{"As a resident, I want to close my account", true, true},
		{"As a tenant, I want to close my online account", true, true},
		{"ETQ usager, je veux clôturer mon compte", true, true},
		{"ETQ adhérente, je veux fermer mon compte", true, true},
		// Closing as a step of a dossier.
		{"As an officer, I want to close the application once the licence is issued", false, false},
		{"ETQ agent, je veux clôturer la demande une fois le titre remis", false, false},
		{"ETQ agent, je veux clôturer mon dossier de congé", false, false},
	})
}
