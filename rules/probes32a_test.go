package rules_test

import "testing"

// The twenty-eighth round's probes: classes read from heldout60 (set BJ),
// the twenty-seventh round's yardstick, heldout61 (set BK) and the sets
// read before, written for products they do not hold and labelled by the
// policy before each change. Each batch's comment says which probes
// failed before it.

// TestReviewProbesThreeHundredAndThirteenthBatchVolunteerDays: an English
// people noun, singular, before a day, an event or a place qualifies it
// ("the next volunteer days", "the visitor centre"): a day the service
// runs, nobody's data. Volunteers' own days and a list of volunteers
// still are. The first two asked for the RGPD section before the change.
func TestReviewProbesThreeHundredAndThirteenthBatchVolunteerDays(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a volunteer, I want to see the dates of the next beach clean volunteer mornings on the park website.", false, false},
		{"As a ranger, I want to show the opening hours of the visitor centre on the country park's home page.", false, false},
		{"As a ranger, I want to export the list of volunteers with their phone numbers for the next work party.", true, true},
	})
}

// TestReviewProbesThreeHundredAndFourteenthBatchConservationState: the
// "état de conservation" of a thing and a "conservation area" are the
// care of a thing or a place, no retention of data; a retention period of
// people's files still asks for security notes. The first two asked for
// a security review before the change.
func TestReviewProbesThreeHundredAndFourteenthBatchConservationState(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ régisseur des collections, je veux noter l'état de conservation de chaque tableau prêté par les familles donatrices.", true, false},
		{"As a planning officer, I want to flag applications in a conservation area for the heritage officer, with the applicant's name.", true, false},
		{"ETQ agent d'accueil, je veux consulter la durée de conservation des dossiers des usagers.", true, true},
	})
}

// TestReviewProbesThreeHundredAndFifteenthBatchCountedPeople: people
// counted by a number after a preposition or opening a parenthesis state
// a capacity ("limiter chaque visite à quinze personnes", "(30 visiteurs
// au plus)", "groups of 12 children"), nobody's data. People a number
// picks out ("mes 2 enfants", "nominate two referees") are still people.
// The first three asked for the RGPD section before the change.
func TestReviewProbesThreeHundredAndFifteenthBatchCountedPeople(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ responsable du planétarium, je veux limiter chaque séance à quinze personnes.", false, false},
		{"ETQ régisseur, je veux régler la jauge de la salle d'exposition (30 visiteurs au plus).", false, false},
		{"As a ranger, I want to set the size of the guided walks to groups of 12 children.", false, false},
		{"ETQ parent, je veux inscrire mes 2 enfants au centre de loisirs du mercredi.", true, false},
		{"As an applicant, I want to nominate two referees who can vouch for me.", true, false},
	})
}

// TestReviewProbesThreeHundredAndSixteenthBatchBuildingSamples: the
// samples of a building survey ("les prélèvements du repérage plomb",
// "les fiches de prélèvement des matériaux") debit no one; a rent paid
// by monthly debit still does. The first two asked for both reviews
// before the change.
func TestReviewProbesThreeHundredAndSixteenthBatchBuildingSamples(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ technicienne des bâtiments, je veux saisir sur tablette les prélèvements du repérage plomb de l'école.", false, false},
		{"ETQ technicienne des bâtiments, je veux imprimer les fiches de prélèvement des matériaux à analyser.", false, false},
		{"ETQ locataire, je veux payer mon loyer par prélèvement mensuel.", true, true},
	})
}
