package rules_test

import "testing"

// The twenty-sixth round's probes: classes read from heldout56 (set BF),
// the twenty-fifth round's yardstick, heldout57 (set BG) and the sets
// read before, written for products they do not hold and labelled by the
// policy before each change. Each batch's comment says which probes
// failed before it.

// TestReviewProbesTwoHundredAndEightyThirdBatchKeptUntil: records kept
// until a period runs out or an event ends them ("supprimée au bout de
// 60 jours", "deleted when the course ends") set a retention rule: both
// reviews. The first four asked for no security notes before the change.
func TestReviewProbesTwoHundredAndEightyThirdBatchKeptUntil(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ parent, je veux inscrire mon enfant au stage de voile.\n\n- la fiche d'inscription non confirmée est supprimée au bout de 60 jours", true, true},
		{"ETQ usager, je veux m'inscrire à l'atelier compost.\n\n- les inscriptions sont supprimées au bout d'un an", true, true},
		{"As a learner, I want to join the waiting list for the pottery course.\n\n- the waiting list is deleted when the course starts", true, true},
		{"As a resident, I want to register my interest in a garden plot.\n\n- an interest not confirmed is deleted once the plots are allocated", true, true},
		{"As a librarian, I want the exhibition banner removed when the exhibition ends.", false, false},
	})
}

// TestReviewProbesTwoHundredAndEightyFourthBatchGolfHandicap: English
// says "disability"; a golfer's "handicap" is a playing level, no
// one's health. French "handicap" still is. The first asked for both
// reviews before the change.
func TestReviewProbesTwoHundredAndEightyFourthBatchGolfHandicap(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a member, I want to see my current handicap on the home page.", false, false},
		{"As a club secretary, I want to set the handicap limit for the Sunday medal so that entries stay fair.", false, false},
		{"As a resident, I want to tell the council about my disability so that my bin is collected from the door.", true, true},
		{"ETQ usager, je veux déclarer mon handicap pour obtenir une place adaptée.", true, true},
	})
}

// TestReviewProbesTwoHundredAndEightyFifthBatchCoinToken: a French
// "jeton" sold or counted (a token for the car wash, tokens in a bag for
// a draw) is no access token; one that goes with an API, a link or a
// sign-in still is. The first two asked for security notes before the
// change.
func TestReviewProbesTwoHundredAndEightyFifthBatchCoinToken(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent de la station de lavage, je veux enregistrer les jetons de lavage vendus chaque jour afin de suivre le stock.", false, false},
		{"ETQ organisateur, je veux préparer le tirage des lots avec des jetons numérotés dans un sac.", false, false},
		{"ETQ développeur, je veux que le jeton d'appel à l'API des écoles expire après une heure.", false, true},
		{"ETQ développeur, je veux que le jeton du service de cartographie soit rangé dans le coffre-fort des secrets.", false, true},
	})
}

// TestReviewProbesTwoHundredAndEightySixthBatchRefundTheWayItCame: a
// refund through the way one paid ("refunds card payments
// automatically", "remboursé par le paiement en ligne déjà utilisé")
// collects no bank detail; bank details asked for a refund still are
// data, and a payment taken is still a payment. The first two asked for
// both reviews before the change.
func TestReviewProbesTwoHundredAndEightySixthBatchRefundTheWayItCame(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a pool manager, I can cancel a lane session so that swimmers are told.\n\n- cancelling refunds card payments automatically", false, false},
		{"ETQ agent de la médiathèque, je veux annuler un atelier.\n\n- le remboursement passe par le paiement en ligne déjà utilisé pour l'inscription", false, false},
		{"ETQ usager, je veux saisir mon IBAN pour être remboursé du trop-perçu.", true, true},
		{"ETQ usager, je veux payer en ligne mon inscription à l'atelier.", true, true},
		// Added by the reread: a payment said "non remboursable" is
		// taken; the first version of the change read it as a refund
		// and asked for no security notes.
		{"ETQ campeur, je veux payer en ligne un acompte non remboursable lors de ma réservation.", true, true},
	})
}

// TestReviewProbesTwoHundredAndEightySeventhBatchThingWithAPhoto: staff
// who report or record a thing with a photo ("report a broken mower with
// a photo", "déclarer une fuite sur un regard avec une photo") send an
// upload but nobody's data; a citizen's photo, or one that goes with a
// person, a household or a visit, still asks for both. The first two
// asked for the RGPD section before the change.
func TestReviewProbesTwoHundredAndEightySeventhBatchThingWithAPhoto(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a parks officer, I want to report a broken mower with a photo so that the workshop can order the part.", false, true},
		{"ETQ agent des services techniques, je veux déclarer une fuite sur un regard avec une photo afin que l'équipe réseau intervienne.", false, true},
		{"ETQ habitant, je veux signaler une fuite sur la chaussée avec une photo.", true, true},
		{"ETQ agent de collecte, je veux signaler un conteneur mal trié avec une photo pour que le foyer reçoive un rappel.", true, true},
		{"ETQ agent, je veux enregistrer la visite du logement avec des photos.", true, true},
	})
}

// TestReviewProbesTwoHundredAndEightyEighthBatchTeamAvailability: a team
// that tells its unavailable days ("déclarer nos indisponibilités", "the
// days I'm not available") gives its members' data, as "mes
// disponibilités" did: the RGPD section. The first and the third asked
// for no review before the change.
func TestReviewProbesTwoHundredAndEightyEighthBatchTeamAvailability(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"En tant qu'équipe de nuit, nous voulons déclarer nos indisponibilités du mois suivant.", true, false},
		{"ETQ animateurs du centre de loisirs, nous voulons saisir nos disponibilités pour les vacances de février.", true, false},
		{"As a steward, I want to enter the days I'm not available so that I am not put on the match-day list.", true, false},
		{"ETQ responsable, je veux afficher les jours d'ouverture de la déchèterie.", false, false},
	})
}

// TestReviewProbesTwoHundredAndEightyNinthBatchLocateMe: the person
// located by the browser ("me localiser sur la carte", a "Locate me"
// button) is their position: the RGPD section. The first two asked for
// none before the change.
func TestReviewProbesTwoHundredAndEightyNinthBatchLocateMe(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ promeneur, je veux me localiser sur le plan du parc afin de trouver la fontaine la plus proche.", true, false},
		{"As a visitor, I want a Locate me button on the trail map so that I can find the nearest bench.", true, false},
		{"ETQ promeneur, je veux voir le plan du parc avec les fontaines.", false, false},
	})
}

// TestReviewProbesTwoHundredAndNinetiethBatchReadableByThePublic: a
// fault that leaves a person's detail "lisible par tout le public" shows
// it as one "affiché" would: both reviews. The first asked for no
// security notes before the change.
func TestReviewProbesTwoHundredAndNinetiethBatchReadableByThePublic(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Bug : le téléphone des arbitres sur les feuilles du tableau", "Depuis la dernière version, les feuilles du tableau portent le numéro de portable de chaque arbitre, lisible par tout le public du gymnase.", true, true},
		{"Bug : le tableau des scores est illisible", "Les scores imprimés sont trop petits et ne sont pas lisibles depuis les gradins.", false, false},
	})
}

// TestReviewProbesTwoHundredAndNinetyFirstBatchFormatsToChoose: a
// document whose formats are offered as a choice ("justificatif de
// domicile (PDF ou JPG)", "proof of address (PDF or photo)") is one the
// person sends: an upload, security notes. One format alone may be a
// document the service produces. The first two asked for no security
// notes before the change.
func TestReviewProbesTwoHundredAndNinetyFirstBatchFormatsToChoose(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ habitant, je veux demander une carte d'accès à la déchèterie.\n\n- justificatif de domicile de moins de 3 mois (PDF ou JPG)", true, true},
		{"As a resident, I want to apply for a garden waste permit.\n\n- proof of address (PDF or photo), checked by an officer", true, true},
		{"ETQ bénévole, je veux télécharger mon attestation de participation (PDF).", false, false},
	})
}

// TestReviewProbesTwoHundredAndNinetySecondBatchBeforeSigningUp: a
// registration said only as when ("avant de m'inscrire", "before
// signing up") is not what the story does, as "avant de m'abonner" was
// not; signing up itself still is. The first asked for the RGPD section
// before the change.
func TestReviewProbesTwoHundredAndNinetySecondBatchBeforeSigningUp(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ coureur, je veux consulter le parcours du semi-marathon avant de m'inscrire.", false, false},
		{"En tant que parent, je souhaite lire le programme du stage de cirque avant de m'inscrire.", false, false},
		{"ETQ coureur, je veux m'inscrire au semi-marathon en ligne.", true, false},
	})
}

// TestReviewProbesTwoHundredAndNinetyThirdBatchHealthAuthorityOffice:
// the health authority's samples ("les prélèvements de l'ARS") debit no
// one, and its local office ("délégation départementale") delegates no
// rights; a direct debit and a delegation of signature still count. The
// first asked for both reviews before the change.
func TestReviewProbesTwoHundredAndNinetyThirdBatchHealthAuthorityOffice(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"CR réunion piscine du 2 juin", "Participants : directeur de la piscine, ARS (délégation départementale), PO.\n\nPoints\n1. Prélèvements de l'ARS : un par semaine, résultats affichés à l'entrée.\n\nDécisions\n- afficher les résultats sur le site", false, false},
		{"Prélèvement des abonnements", "ETQ abonné, je veux payer mon abonnement annuel par prélèvement.", true, true},
	})
}

// TestReviewProbesTwoHundredAndNinetyFourthBatchRollCall: a roll call
// ("faire l'appel du groupe", "pointer les absents") records who came:
// the RGPD section. Calling for tenders ("faire appel à un prestataire")
// records no one. The first two asked for no review before the change.
func TestReviewProbesTwoHundredAndNinetyFourthBatchRollCall(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ maître-nageur, je veux faire l'appel du groupe d'aquagym sur la tablette.", true, false},
		{"En tant qu'animatrice du club de lecture, je souhaite faire l'appel en début de séance.", true, false},
		{"ETQ responsable, je veux faire appel à un prestataire pour l'entretien des bassins.", false, false},
	})
}

// TestReviewProbesTwoHundredAndNinetyFifthBatchGuessableAddress: people's
// records reached by changing the number in their address ("en
// changeant le numéro dans l'URL", "by changing the number in the
// address bar") are open to whoever guesses: both reviews. Numbered
// reports of a service name nobody. The first asked for no security
// notes before the change.
func TestReviewProbesTwoHundredAndNinetyFifthBatchGuessableAddress(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Bug: pupils' lists open to any parent", "Any parent signed in can open /classes/7/pupils by changing the number in the address bar and see the pupils' names and birth dates.", true, true},
		{"Bug : fiches des adhérents ouvertes", "Connecté comme adhérent, en changeant le numéro dans l'adresse de ma fiche, je vois le nom et le téléphone des autres adhérents.", true, true},
		{"Bug : les bulletins municipaux se suivent", "En changeant le numéro dans l'adresse du PDF, on ouvre les bulletins municipaux des années précédentes.", false, false},
	})
}

// TestReviewProbesTwoHundredAndNinetySixthBatchKeptOutOfView: a detail
// the story says is not shown ("the warden's name is not shown", "le nom
// du propriétaire n'est jamais affiché") is kept out of that view: no
// RGPD section for it. A detail shown still asks for one. The second
// asked for the RGPD section before the change.
func TestReviewProbesTwoHundredAndNinetySixthBatchKeptOutOfView(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a street cleaning supervisor, I can mark a street as swept so that the public map shows it.\n\n- the sweeper's name is not shown", false, false},
		{"ETQ agent, je veux indiquer sur la carte publique qu'un arbre a été élagué.\n\n- le nom de l'élagueur n'est jamais affiché", false, false},
		{"ETQ agent, je veux afficher le nom de l'élagueur sur la fiche de l'arbre.", true, false},
	})
}
