package rules_test

import "testing"

// The thirteenth round's probes: classes read from heldout30 (set AF)
// and heldout32 (set AH), written for products neither set holds and
// labelled by the policy before each change. Each batch's comment says
// which probes failed before it.

// TestReviewProbesSeventyFirstBatchSamePersonByItsShape: "un même" before
// a noun shaped like a person ("un même plaisancier", "un même
// exposant") finds the same person twice, as "un même usager" did: a
// cross-match, the RGPD section. The first two failed before the change;
// a thing with a person's ending ("la même imprimante") or a place stays
// none.
func TestReviewProbesSeventyFirstBatchSamePersonByItsShape(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent de la capitainerie, je veux être alerté quand un même plaisancier demande deux anneaux la même saison", true, false},
		{"ETQ placier, je veux être prévenu si un même exposant réserve deux emplacements le même dimanche", true, false},
		{"ETQ organisateur, je veux que la même imprimante serve aux deux guichets", false, false},
		{"ETQ agent, je veux voir les ventes du même quartier sur une carte", false, false},
	})
}

// TestReviewProbesSeventySecondBatchFiledByOthersDescribed: a participle
// after a noun ("les projets déposés", "the booked slots") describes what
// others filed; the citizen who looks at it files nothing. Both failed
// before the change (RGPD asked); filing, even through "soit déposée",
// and a saved card keep their reviews.
func TestReviewProbesSeventySecondBatchFiledByOthersDescribed(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ habitante, je peux consulter les projets déposés pour mon quartier", false, false},
		{"As a resident, I want to see the booked slots of the sports hall", false, false},
		{"ETQ parent, je veux que la demande de bourse soit déposée en ligne", true, false},
		{"As a member, I want my season ticket to renew each year using my saved card", true, true},
	})
}

// TestReviewProbesSeventyThirdBatchRecordSentToABody: a person's record
// sent to a body named after an adjective ("to the new local
// authority", "to the receiving school") or to a council, a court or a
// trust is a new recipient: both reviews. The first three asked only
// the RGPD section before the change; a rota or a report, which lists
// nobody, asks nothing.
func TestReviewProbesSeventyThirdBatchRecordSentToABody(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a social worker, I want to transfer the case to the new local authority when the family moves", true, true},
		{"As an admissions officer, I want to forward the pupil's file to the receiving school", true, true},
		{"ETQ agent du service jeunesse, je veux transmettre le dossier de la famille au conseil départemental", true, true},
		{"As an officer, I want to send the weekly rota to the new local contractor", false, false},
		{"ETQ agent, je veux transmettre le bilan annuel au conseil municipal", false, false},
	})
}
