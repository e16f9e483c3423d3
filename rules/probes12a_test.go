package rules_test

import "testing"

// TestReviewProbesSixteenthBatchRightsAndUploads: people made or unmade
// administrators, or taken out of a group that holds rights, change who
// may do what (security notes) and it is data about them (RGPD section),
// as the policy's rights changes say; children named "kids" are children.
// Products the sets do not hold (a sports club, an association),
// labelled by the policy before the change; each failed before it. The
// same words with nothing changed keep asking nothing. (A video added to
// a page is an editor's content, not an upload surface: the dev corpus's
// fr-site-014 says so, and a reading of "add … video" as an upload was
// dropped for it.)
func TestReviewProbesSixteenthBatchRights(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		// Rights given or withdrawn.
		{"As a team lead, I want to remove someone from the team's membership", true, true},
		{"As a club owner, I want to make a volunteer an administrator of the club's page", true, true},
		{"ETQ présidente de l'association, je veux retirer à un bénévole son rôle de trésorier", true, true},
		{"ETQ responsable, je veux nommer un agent administrateur de la démarche", true, true},
		// Children.
		{"As a coach, I want to see which kids attended each session", true, false},
		// The same words, nothing sent or changed.
		{"As a museum visitor, I want to watch a video of the exhibition", false, false},
		{"ETQ usager, je veux voir la vidéo de présentation du service", false, false},
		{"As a visitor, I want to read the club's rules on membership fees", false, false},
	})
}
