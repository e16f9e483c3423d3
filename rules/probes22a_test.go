package rules_test

import "testing"

// The eighteenth round's probes: classes read from heldout40 (set AP),
// the seventeenth round's yardstick, and heldout41 (set AQ), written
// for products they do not hold and labelled by the policy before each
// change. Each batch's comment says which probes failed before it.

// TestReviewProbesHundredAndFiftySeventhBatchDiagnoses: a condition
// named by its diagnosis (autism, ADHD, "diagnosed conditions") or the
// care given is health data: both reviews. The first three asked for
// the RGPD section only before the change; the opening hours of a
// sensory room name nobody's condition.
func TestReviewProbesHundredAndFiftySeventhBatchDiagnoses(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ infirmière scolaire, je veux noter les élèves avec un TDAH ou un trouble du spectre de l'autisme afin d'adapter les sorties", true, true},
		{"As a support worker, I want to record a tenant's diagnosed conditions so that visits can be adapted", true, true},
		{"ETQ animatrice, je veux noter qu'un enfant est autiste afin de prévoir un accompagnant", true, true},
		{"ETQ enseignante, je veux voir les horaires d'ouverture de la salle sensorielle", false, false},
	})
}

// TestReviewProbesHundredAndFiftyEighthBatchMinorsCriminalMeasures: a
// minor's criminal measure ("une mesure pénale", a "referral order", a
// measure followed by the PJJ) ties a young person to an offence: both
// reviews. The three asked for the RGPD section only before the change.
func TestReviewProbesHundredAndFiftyEighthBatchMinorsCriminalMeasures(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ conseillère d'insertion, je veux noter qu'un jeune a une mesure pénale en cours", true, true},
		{"As a caseworker, I want to record the referral order of each young person I follow", true, true},
		{"ETQ éducatrice, je veux noter le nom de l'éducateur de la PJJ qui suit un jeune", true, true},
	})
}

// TestReviewProbesHundredAndFiftyNinthBatchApprovingOnesOwn: "I must
// not be able to approve / delete …" is who may do what, as its French
// "je ne dois pas pouvoir valider" was, with "should" as with "must":
// security notes. Both asked for nothing before the change.
func TestReviewProbesHundredAndFiftyNinthBatchApprovingOnesOwn(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a grants officer, I must not be able to approve a grant that I applied for myself", false, true},
		{"As a parks officer, I should not be able to edit the opening hours of another park", false, true},
	})
}

// TestReviewProbesHundredAndSixtiethBatchWhoHasOpened: who has opened,
// viewed or accessed a record is an access log, as "qui a consulté"
// was: both reviews. Both asked for the RGPD section only before the
// change.
func TestReviewProbesHundredAndSixtiethBatchWhoHasOpened(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a manager, I want to see who has opened a tenant's file and when", true, true},
		{"As a team leader, I want to see who has viewed an applicant's file", true, true},
	})
}

// TestIssueProbesHundredAndSixtyFirstBatchErasureRequests: a request to
// delete someone's account, "ses données" or "tout ce qui la concerne",
// reported in a support ticket, is a deletion of personal data: both
// reviews. The three asked for nothing before the change; deleting a
// draft page of the site does not.
func TestIssueProbesHundredAndSixtyFirstBatchErasureRequests(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Mail transféré par le standard", "Mme D. demande la suppression de son compte riverain et de toutes ses réclamations. On fait comment ?", true, true},
		{"Demande d'effacement", "Une adhérente demande qu'on supprime tout ce qui la concerne. Pas de bouton pour ça.", true, true},
		{"Question de l'accueil", "Un usager demande qu'on supprime ses données. Qui s'en charge ?", true, true},
		{"Brouillon de page en trop", "Il faut supprimer le brouillon de la page « Horaires d'été », publié par erreur.", false, false},
	})
}

// TestReviewProbesHundredAndSixtySecondBatchFiledWithItsDocuments: a
// request filed "avec mon CV", "avec ma facture", "avec la copie de" a
// document, "with a copy of" one, uploads files about the person: both
// reviews. The three asked for the RGPD section only before the change;
// a page published with a copy of its poster uploads a file about no
// one: security notes only (it asked for nothing before).
func TestReviewProbesHundredAndSixtySecondBatchFiledWithItsDocuments(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ candidat, je veux déposer ma candidature au service civique avec mon CV et la copie de mon diplôme", true, true},
		{"ETQ habitant, je dépose ma demande de remboursement en ligne avec ma facture acquittée", true, true},
		{"As a tenant, I want to apply for the hardship fund online with a copy of my tenancy agreement", true, true},
		{"As a librarian, I want each exhibition page published with a copy of the poster", false, true},
	})
}
