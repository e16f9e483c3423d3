package rules_test

import "testing"

// The nineteenth round's probes: classes read from heldout42 (set AR),
// the eighteenth round's yardstick, and heldout43 (set AS), written for
// products they do not hold and labelled by the policy before each
// change. Each batch's comment says which probes failed before it.

// TestReviewProbesHundredAndSeventySeventhBatchFirmsPaying: an English
// role whose head noun is a business ("removals firm", "letting agency",
// "skip hire company") pays with the business's card: security notes,
// no RGPD section, as "ETQ association, je paie par carte" already had;
// the card named in a criterion of an organisation's payment is its card
// too. The first four asked for the RGPD section too before the change;
// a tenant paying their rent still does.
func TestReviewProbesHundredAndSeventySeventhBatchFirmsPaying(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a removals firm, I want to pay the parking suspension fee by card", false, true},
		{"As a letting agency, I want to pay by card the licence fee of each property", false, true},
		{"As a scaffolding firm, I want to pay the licence fee when I apply\n\n- the fee is paid by card through GOV.UK Pay", false, true},
		{"ETQ société de déménagement, je veux régler la redevance de mes demandes\n\n- paiement par carte bancaire avec PayFiP", false, true},
		{"As a tenant, I want to pay my rent by card", true, true},
	})
}

// TestReviewProbesHundredAndSeventyEighthBatchDomesticViolence: a person
// named as the victim or the author of violence within a couple or a
// family is tied to an offence: both reviews. The three asked for the
// RGPD section at most before the change.
func TestReviewProbesHundredAndSeventyEighthBatchDomesticViolence(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ travailleuse sociale, je veux noter qu'une personne hébergée est victime de violences conjugales", true, true},
		{"As a housing officer, I want to record that an applicant is fleeing domestic abuse", true, true},
		{"ETQ agente d'accueil, je veux enregistrer le motif de l'hébergement d'urgence de la famille : violences intrafamiliales, expulsion ou incendie", true, true},
	})
}

// TestReviewProbesHundredAndSeventyNinthBatchNeverShownTo: a person's
// data "never shown to" or "not shown to" someone is a rule on who may
// see what: security notes. Both asked for the RGPD section only before
// the change.
func TestReviewProbesHundredAndSeventyNinthBatchNeverShownTo(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a planning officer, I want each objector's address to be never shown to the applicant", true, true},
		{"As a licensing officer, I want the complainant's phone number to be not displayed to the licence holder", true, true},
	})
}

// TestReviewProbesHundredAndEightiethBatchDetailsListed: a person's
// name, address or phone listed in the story's own RGPD section are
// data the story processes: the section is asked for (the listed
// topics), as the health data listed there already asked for security
// notes. The first two asked for nothing before the change; a section
// that says none is collected still asks for nothing.
func TestReviewProbesHundredAndEightiethBatchDetailsListed(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ habitant, je veux signaler un dépôt sauvage en ligne.\n\n## Données personnelles\n- nom, prénom et téléphone du déclarant", true, false},
		{"As a resident, I want to report a broken streetlight online.\n\n## Personal data\n- the reporter's name, email address and phone number", true, false},
		{"ETQ habitant, je veux signaler un dépôt sauvage en ligne.\n\n## Données personnelles\nAucune : le formulaire ne demande ni nom ni téléphone.", false, false},
	})
}

// TestReviewProbesHundredAndEightyFirstBatchComplaints: a complaint or a
// "réclamation" is filed by someone about what happened to them, a
// record of theirs like a request: filing one asks for the RGPD section,
// deleting old ones for security notes too. The first three asked for
// nothing before the change; a complaints procedure read, a report of
// complaints sent (English "complaints" as a modifier) and a complaint
// acknowledged (workflow) still ask for nothing.
func TestReviewProbesHundredAndEightyFirstBatchComplaints(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a tenant, I want to submit a complaint online", true, false},
		{"As a visitor, I want to make a complaint about the noise at the park", true, false},
		{"As a complaints manager, I want complaints closed more than six years ago to be deleted automatically", true, true},
		{"As a manager, I want to read the complaints procedure before the audit", false, false},
		{"As an officer, I want to acknowledge a complaint within two working days", false, false},
	})
}

// TestReviewProbesHundredAndEightySecondBatchWalletsAndCallRecording: a
// wallet (Apple Pay, Google Pay, PayPal) pays with a person's card, and
// recording every call to a line records the callers' voices: both
// reviews. Both asked for nothing before the change; a call whose
// outcome is written in a file is no recording.
func TestReviewProbesHundredAndEightySecondBatchWalletsAndCallRecording(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a swimmer, I want to pay for a lane booking with Google Pay", true, true},
		{"ETQ responsable de l'accueil, je veux activer l'enregistrement des appels du standard pour la formation des agents", true, true},
		{"ETQ agent, je veux noter le résultat de chaque appel dans l'agenda de l'équipe", false, false},
	})
}

// TestIssueProbesHundredAndEightyThirdBatchAnotherCustomer: a customer's
// detail shown to another ("le nom et le téléphone d'un autre client")
// discloses a person's data, as another household's did: both reviews.
// The French one asked for nothing before the change; the English
// possessive ("another client's") was read already.
func TestIssueProbesHundredAndEightyThirdBatchAnotherCustomer(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Bug : le ticket de caisse affiche le nom d'un autre client", "La boutique du musée imprime le nom et l'adresse d'un autre client sur certains tickets depuis la mise à jour de lundi.", true, true},
		{"Bug: the receipt shows another client's phone number", "Since Monday's release some receipts of the hire desk show another client's phone number.", true, true},
	})
}

// TestReviewProbesHundredAndEightyFourthBatchRetentionSchedules: the
// organisation's keeping rules named as a document ("the council's
// retention schedule", "le délai de conservation") are a rule on how long
// personal data are kept: both reviews. Both asked for the RGPD section
// only before the change (French "conservation" was read already).
func TestReviewProbesHundredAndEightyFourthBatchRetentionSchedules(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a housing officer, I want the tenants' closed cases to follow the council's retention schedule", true, true},
		{"As a records manager, I want the members' details handled under our retention policy", true, true},
	})
}

// TestReviewProbesHundredAndEightyFifthBatchProductionCopies: a copy of
// the production records used for tests holds real people's data out of
// their purpose; replacing it by invented data decides what is kept:
// both reviews. Both asked for nothing before the change; an invented
// data set alone still asks for nothing.
func TestReviewProbesHundredAndEightyFifthBatchProductionCopies(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETD, je veux remplacer la copie de la base de production utilisée en recette par des données inventées", true, true},
		{"As a developer, I want to stop using a copy of the production database on the test server", true, true},
		{"ETD, je veux un jeu de données fictives pour la recette", false, false},
	})
}

// TestReviewProbesHundredAndEightySixthBatchMyPosition: the person's
// position taken by the phone ("que ma position soit détectée", "sur ma
// position") is their location: the RGPD section, as "my location"
// already was. Both asked for nothing before the change; a rank on a
// waiting list is no location.
func TestReviewProbesHundredAndEightySixthBatchMyPosition(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ promeneur, je veux que ma position soit affichée sur le plan du parc", true, false},
		{"ETQ visiteur, je veux que le plan du musée se centre sur ma position", true, false},
		{"ETQ demandeur, je veux voir ma position sur la liste d'attente", false, false},
	})
}

// TestReviewProbesHundredAndEightySeventhBatchSubjunctiveAudience: a rule
// on who sees, in the subjunctive ("que seule la responsable voie les
// notes", "que seul le chef de service modifie la fiche"), is an audience
// kept for staff by post, as the indicative was: security notes. Both
// asked for the RGPD section only before the change; things kept to some
// ("seuls les dossiers complets") and a road kept for residents ("la
// voie est réservée uniquement aux riverains") ask for no security notes.
func TestReviewProbesHundredAndEightySeventhBatchSubjunctiveAudience(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ coordinatrice, je veux que seule la responsable voie les notes des entretiens", true, true},
		{"ETQ directrice, je veux que seul le chef de service modifie la fiche d'un usager", true, true},
		{"ETQ agent, je veux que seuls les dossiers complets soient affichés", true, false},
		{"ETQ agent de la voirie, je veux indiquer que la voie est réservée uniquement aux riverains pendant les travaux", false, false},
	})
}

// TestIssueProbesHundredAndEightyEighthBatchFaultsThatDisclose: a bug
// report whose message or document sent out shows a person's detail
// ("renewal letter includes the tenant's date of birth", "le PDF de la
// convocation contient le téléphone portable de l'agent") discloses it:
// both reviews. Both asked for the RGPD section only before the change;
// a wrong date on a letter names nobody's detail.
func TestIssueProbesHundredAndEightyEighthBatchFaultsThatDisclose(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Bug: renewal letter includes the tenant's date of birth", "Since Monday the renewal letter sent to guarantors includes the tenant's date of birth in the footer.", true, true},
		{"Bug : le PDF de la convocation contient le téléphone portable de l'agent", "Signalé par deux usagers : la convocation envoyée contient le numéro de portable personnel de l'agent instructeur.", true, true},
		{"Bug : le courrier de relance affiche une mauvaise date", "La date d'échéance imprimée est celle de l'an dernier.", false, false},
	})
}
