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

// TestIssueProbesHundredAndSixtyThirdBatchDataListedInTheAnswer: health,
// identity or criminal data listed in the RGPD section are processed by
// the story, whoever wrote them there: security notes. Before the change
// the section's text was never read, and the first two asked for the
// RGPD section only; a line that negates them ("aucune") still asks for
// nothing more.
func TestIssueProbesHundredAndSixtyThirdBatchDataListedInTheAnswer(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Inscription au séjour de ski", "ETQ parent, je souhaite inscrire mon enfant au séjour de ski.\n\n## Données personnelles\n- nom, prénom et classe de l'enfant\n- allergies et traitement en cours", true, true},
		{"Visitor badge", "As a visitor, I want to book my visit to the council chamber online.\n\n## Personal data\n- name, e-mail\n- passport number, checked at the desk", true, true},
		{"Inscription à la sortie", "ETQ parent, je souhaite inscrire mon enfant à la sortie au zoo.\n\n## Données personnelles\n- nom, prénom et classe de l'enfant\n- données de santé : aucune", true, false},
	})
}

// TestReviewProbesHundredAndSixtyFourthBatchTripPhotosAndAttaching:
// photos of a trip or a festival show people, and a request made "en
// joignant" a document uploads it: both reviews. The first asked for
// nothing and the second for the RGPD section only before the change.
func TestReviewProbesHundredAndSixtyFourthBatchTripPhotosAndAttaching(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ animatrice du club, je veux publier sur le site les photos du voyage à Barcelone", true, true},
		{"ETQ lycéen, je souhaite postuler à un job d'été en joignant ma lettre de motivation", true, true},
	})
}

// TestIssueProbesHundredAndSixtyFifthBatchWhoOughtToSee: who ought to
// see something, asked with a modal ("qui doit voir", "qui est censé
// voir", "who should see"), is a question on who sees what: security
// notes. The first and the third asked for nothing before the change
// (the second did, by its "seulement").
func TestIssueProbesHundredAndSixtyFifthBatchWhoOughtToSee(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Question : qui doit voir le planning des permanences ?", "La DRH dit que chacun ne doit voir que ses propres permanences. On tranche comment ?", false, true},
		{"Question", "Qui est censé voir les comptes rendus d'entretien : le référent seulement ou toute l'équipe ?", false, true},
		{"Question", "Who should be able to see the incident notes? Everyone in the team?", false, true},
	})
}

// TestIssueProbesHundredAndSixtySixthBatchKeptForStaffByPost: "seuls le
// chef de centre et le responsable voient cet historique", "l'historique
// est accessible uniquement au responsable": an audience kept for staff
// named by their post: security notes. Both asked for the RGPD section
// only before the change; "seul le planning de la semaine est visible"
// keeps a thing, not an audience.
func TestIssueProbesHundredAndSixtySixthBatchKeptForStaffByPost(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Historique des interventions par agent", "ETQ chef d'équipe, je veux consulter l'historique des interventions de chaque agent.\n\nSeuls le chef d'équipe et le responsable du service voient cet historique.", true, true},
		{"Historique des prêts", "ETQ gestionnaire, je veux consulter l'historique des prêts de matériel de chaque agent.\n\n- l'historique est accessible uniquement au responsable du parc", true, true},
		{"Planning", "ETQ agent, je veux voir le planning des salles.\n\nSeul le planning de la semaine est visible.", false, false},
	})
}

// TestReviewProbesHundredAndSixtySeventhBatchAlarmCodes: an alarm code
// is a secret that opens a building: security notes. Both asked for
// nothing before the change.
func TestReviewProbesHundredAndSixtySeventhBatchAlarmCodes(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ gardien, je veux changer le code d'alarme du gymnase après chaque saison", false, true},
		{"As a caretaker, I want to reset the alarm code of the community hall", false, true},
	})
}

// TestIssueProbesHundredAndSixtyEighthBatchVisitorsAndKeysHeld: a
// "délégation" of visitors ("le voyage de la délégation à Cracovie", "la
// délégation allemande") delegates no rights, and keys "détenues par"
// an association are held, not prisoners. Before the change the first
// two asked for both reviews; a delegation of signature and a
// prisoner's release date still do.
func TestIssueProbesHundredAndSixtyEighthBatchVisitorsAndKeysHeld(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Programme de la délégation allemande", "ETQ bénévole du comité, je veux publier le programme des visites de la délégation allemande.", false, false},
		{"Clés détenues par les clubs", "ETQ responsable des sports, je veux voir les clés détenues par chaque club.", false, false},
		{"Délégation de signature", "ETQ directrice, je veux enregistrer la délégation de signature à mon adjoint pendant mes congés.", true, true},
		{"Libération", "ETQ conseiller d'insertion, je veux noter la date de libération d'un détenu.", true, true},
	})
}

// TestReviewProbesHundredAndSixtyNinthBatchOwnDocumentsSeenAndFound: a
// person viewing then downloading their own document ("voir et
// télécharger mon contrat"), or finding it in their space ("retrouver
// mon contrat signé", "find my parking permit"), takes nothing out in
// bulk and processes nothing new. The three asked for the RGPD section
// before the change; finding one's drafts still keeps them.
func TestReviewProbesHundredAndSixtyNinthBatchOwnDocumentsSeenAndFound(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ locataire, je veux voir et télécharger mon contrat de location", false, false},
		{"ETQ apprenti, je veux retrouver mon contrat signé dans mon espace", false, false},
		{"As a resident, I want to find my parking permit in my account", false, false},
	})
}

// TestReviewProbesHundredAndSeventiethBatchSamplesNotDebits: a
// "prélèvement" of water or game, or the result of one, is a sample,
// not a direct debit: no bank data. The three asked for both reviews
// before the change; paying by monthly direct debit still does.
func TestReviewProbesHundredAndSeventiethBatchSamplesNotDebits(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ technicien du syndicat des eaux, je veux saisir les prélèvements d'eau de chaque captage", false, false},
		{"ETQ agent de l'ARS, je veux saisir le résultat du dernier prélèvement de chaque fontaine", false, false},
		{"ETQ technicien, je veux noter les analyses des prélèvements de sol du terrain de sport", false, false},
		{"ETQ abonné, je veux payer ma facture d'eau par prélèvement mensuel", true, true},
	})
}

// TestReviewProbesHundredAndSeventyFirstBatchVideoCalls: a meeting held
// by video ("en visio", "by video call", "via Microsoft Teams") goes
// through a conferencing service: security notes. The three asked for
// none before the change; zooming a page does not.
func TestReviewProbesHundredAndSeventyFirstBatchVideoCalls(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ famille, je veux participer à la commission d'attribution en visio", false, true},
		{"As a tenant, I want to attend my review meeting by video call", false, true},
		{"As a carer, I want to join the assessment via Microsoft Teams", false, true},
		{"ETQ lecteur malvoyant, je veux zoomer à 200 % sur les registres", false, false},
	})
}

// TestReviewProbesHundredAndSeventySecondBatchTellingAnotherBody: a
// clause that opens the sentence ends at its comma, so the main clause's
// exchange with another body counts ("Quand un locataire déménage, …
// transmettre sa nouvelle adresse à la CAF"); telling another body of a
// change ("prévenir automatiquement la CAF", "notify HMRC") sends it the
// data. The first two asked for the RGPD section only before the
// change; a person told by SMS through the existing channel is not
// another body.
func TestReviewProbesHundredAndSeventySecondBatchTellingAnotherBody(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"Quand un locataire déménage, ETQ agent, je veux transmettre sa nouvelle adresse à la CAF", true, true},
		{"ETQ agent du CCAS, je veux mettre à jour l'adresse d'un allocataire et prévenir automatiquement la CAF", true, true},
		{"ETQ agent, je veux prévenir le demandeur par SMS quand son dossier est complet", false, false},
	})
}

// TestReviewProbesHundredAndSeventyThirdBatchPhotoIDAttachAndDecide: a
// "photo ID" is an identity document; to "attach a" file uploads it, as
// "attach my" did; "I must not be able to decide" someone's application
// is who may do what, as "decide on" was. Each asked for the RGPD
// section only before the change.
func TestReviewProbesHundredAndSeventyThirdBatchPhotoIDAttachAndDecide(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a registrar, I want to check the applicant's photo ID before I issue the certificate", true, true},
		{"As a park ranger, I want to attach a still from the camera to the incident about a dog owner", true, true},
		{"As a grants panel member, I must not be able to decide an application made by my neighbour", true, true},
	})
}

// TestReviewProbesHundredAndSeventyFourthBatchLeavingANumber: a number
// left to be called back ("laisser mon numéro", "leave my number") is a
// phone number: the RGPD section. Both asked for nothing before the
// change.
func TestReviewProbesHundredAndSeventyFourthBatchLeavingANumber(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ habitant, je veux pouvoir laisser mon numéro pour être rappelé par la mairie", true, false},
		{"As a caller, I want to leave my number so that an adviser calls me back", true, false},
	})
}

// TestReviewProbesHundredAndSeventyFifthBatchUpkeepOfThings: "ajouter,
// modifier et supprimer" a list of things (internal comments, notes)
// keeps it up to date, deleting nobody's data: no security notes; the
// case they sit on still asks for the RGPD section. Both asked for
// security notes before the change; removing a jury's members still
// does.
func TestReviewProbesHundredAndSeventyFifthBatchUpkeepOfThings(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ instructrice, je veux ajouter, modifier et supprimer des commentaires internes sur le dossier d'un demandeur", true, false},
		{"As a housing officer, I want to add, edit and delete internal notes on a tenant's case", true, false},
		{"ETQ responsable, je veux ajouter, modifier et supprimer les membres du jury", true, true},
	})
}

// TestReviewProbesHundredAndSeventySixthBatchLearningDifficulties: a
// learning difficulty named (dyslexia, dyspraxia) or an EHCP is health
// data: both reviews. Both asked for the RGPD section at most before the
// change (the French forms were found by other words already).
func TestReviewProbesHundredAndSeventySixthBatchLearningDifficulties(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As an adult learner, I want to tell the college about my dyslexia so that exams can be adapted", true, true},
		{"As a SEN officer, I want to record whether a pupil has an EHCP", true, true},
	})
}
