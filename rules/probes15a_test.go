package rules_test

import "testing"

// The eleventh round's probes: classes read from heldout26 (set AB),
// written for products no set holds and labelled by the policy before
// each change. Each batch's comment says which probes failed before it.

// TestReviewProbesFortiethBatchWorkAccidentsAndBirths: a work accident,
// a commuting accident, the injuries found and a birth without life are
// facts about a person's health (both reviews). Each of the first four
// failed before the change (the fourth asked only the RGPD section);
// the page and the counts that name such facts keep asking nothing.
func TestReviewProbesFortiethBatchWorkAccidentsAndBirths(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agente du service RH, je veux saisir un accident de service survenu sur un chantier", true, true},
		{"ETQ médecin du travail, je veux noter la nature des lésions constatées", true, true},
		{"ETQ sage-femme coordinatrice, je veux signaler une fausse couche au service de suivi", true, true},
		{"As a registrar, I want to record a stillbirth at the counter", true, true},
		{"ETQ gestionnaire de paie, je veux exporter la liste des accidents de trajet de l'année avec le nom des agents", true, true},
		// A page about them, a count of them.
		{"ETQ agent RH, je veux consulter la page de prévention des accidents du travail", false, false},
		{"As an applicant, I want to read the guide on occupational diseases", false, false},
		{"ETQ responsable, je veux voir le nombre d'accidents de service par direction", false, false},
	})
}

// TestReviewProbesFortyFirstBatchSecurityReleases: a release or a patch
// that fixes a vulnerability is a security control (security notes, no
// RGPD section), even when the word "vulnérabilité" is not written.
// Each of the first four failed before the change; an upgrade for
// another reason keeps asking nothing.
func TestReviewProbesFortyFirstBatchSecurityReleases(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Passer à Symfony 6.4.12", "La 6.4.12 est une version de sécurité. Mettre à jour avant la mise en production.", false, true},
		{"Bump nginx", "Apply the nginx security patch released last week to the reverse proxy.", false, true},
		{"Correctif Keycloak", "Appliquer le correctif de sécurité publié pour Keycloak 24 sur l'environnement de recette.", false, true},
		{"Redis upgrade", "Upgrade Redis to the latest release: it fixes a denial of service in the Lua scripting engine.", false, true},
		{"Mise à jour des polices", "Mettre à jour les polices de caractères du site vers la version 3.", false, false},
	})
}

// TestReviewProbesFortySecondBatchTradersNotOperators: "exploitant" names
// the service's operator (privileged: security notes) and a trader or a
// showman the service serves. One who files with the service (declares,
// cancels or downloads the receipt of a declaration, changes the RIB a
// grant is paid to) is a user; one who runs it (a server, the logs, a
// backup, a restart) stays its operator. Each of the first four failed
// before the change (security asked for the role alone).
func TestReviewProbesFortySecondBatchTradersNotOperators(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ exploitant, je veux annuler une déclaration de manège qui n'est pas encore instruite", false, false},
		{"ETQ exploitante, je peux déclarer le transfert de la terrasse vers l'autre rue", true, false},
		{"ETQ exploitant, je veux télécharger le récépissé de la déclaration de la fête foraine", false, false},
		{"ETQ exploitant, je veux modifier le RIB sur lequel la subvention est versée", true, false},
		// The operator of the service.
		{"ETQ exploitant, je veux consulter les journaux des demandes rejetées par le serveur", false, true},
		{"ETQ exploitant, je veux redémarrer le service de génération des récépissés", false, true},
		{"ETQ exploitante, je veux recevoir une alerte quand la sauvegarde des demandes échoue", false, true},
	})
}

// TestReviewProbesFortyThirdBatchSprintReviews: a sprint review's account
// of the work shown, done, carried over or planned names features, not a
// processing the meeting decides (the policy labels notes on what they
// decide): the notes template's progress section is not read for
// topics. What the review decides is read, also under a heading written
// on the line after the account with no blank line between. The first
// two failed before the change (card payment, a direct debit, an export
// named as work); the third fails without the cut before a line that
// names a section alone.
func TestReviewProbesFortyThirdBatchSprintReviews(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Revue de sprint 3 (8 octobre)", "Présents : PO, deux agents de la piscine\n\nLivré\n- réservation d'un créneau de natation\n- paiement par carte bancaire des entrées\n\nPas terminé : export de la liste des abonnés (en attente de la DPO)\n\nRetours\n- le bouton « Réserver » est trop bas sur mobile", false, false},
		{"Sprint 5 review – 2 June", "Demoed: permit search, the renewal reminder e-mail.\nCarried over: direct debit set-up with the bank.\nFeedback: the reminder should go out 30 days ahead, not 14.", false, false},
		{"Revue de sprint 2", "Démontré : la liste des inscrits et leur date de naissance, le formulaire de contact.\nDécisions\n- on ne demande plus la date de naissance : l'âge suffit, et on supprime celles déjà saisies", true, true},
		{"Sprint 3 review", "Shown: the booking page.\nDecisions: we will start collecting the visitor's phone number for SMS reminders.", true, false},
	})
}

// TestReviewProbesFortyFourthBatchNamesWithMailAndOthersRecords: a
// person's name listed with an e-mail address written as the bare word
// ("the donor's name and email", "le nom et le courriel du prêteur") is
// a person's detail collected (RGPD), not an organisation's; a fault
// that shows other people's or other members' records discloses them
// (both reviews). The first three stories and the three bug reports
// failed before the change; an organisation's name and e-mail, a
// channel (`phone or e-mail`) and a story that shows other people's
// reviews keep their reading.
func TestReviewProbesFortyFourthBatchNamesWithMailAndOthersRecords(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a resident, I want to lend my ladder.\n\n- the form asks for the lender's name and email", true, false},
		{"As a resident, I want to lend my ladder.\n\n- the form asks for name, email and phone", true, false},
		{"ETQ habitant, je veux prêter mon échelle.\n\n- le formulaire demande le nom et le courriel du prêteur", true, false},
		{"ETQ agent, je veux voir le nom et le courriel de l'association partenaire", false, false},
		{"As a reader, I want a reminder the day before my visit.\n\nSame channel as the confirmation (letter, phone or e-mail).", false, false},
		{"As a member, I want to see other people's reviews of a tool", true, false},
	})
	titledProbes(t, []titledProbe{
		{"Bug", "The receipt page shows other people's orders if you change the number in the URL.", true, true},
		{"Bug: account page", "The account page displays other members' bookings after a refresh.", true, true},
		{"Bug", "The dashboard shows other users' applications when the filter is cleared.", true, true},
	})
}

// TestReviewProbesFortyFifthBatchDiagnosticsAndInsurers: a "diagnostic"
// that is nobody's (an archaeological survey, an installation's check)
// and a mutuelle named as an organisation (its page, its prices) are no
// health data; a person's diagnostic and the care sheets sent to one's
// mutuelle stay health. Each of the first three failed before the change
// (health read in "diagnostic" or "mutuelle"). On heldout27, which was
// read for it, the archaeology and mutuelle backlogs lose eight RGPD and
// eight security false alarms, and three reviews that the word had
// found by accident (a migration, an SFTP transfer, a logo upload).
func TestReviewProbesFortyFifthBatchDiagnosticsAndInsurers(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ archéologue, je veux consulter les rapports de diagnostic d'une commune", false, false},
		{"ETQ technicien du SPANC, je veux saisir le diagnostic de l'installation", false, false},
		{"ETQ agent du CCAS, je veux publier les tarifs des mutuelles partenaires", false, false},
		{"ETQ habitant, je consulte la page de présentation de la mutuelle communale", false, false},
		// A French "prescription" sets a rule or a time limit (the last
		// two failed before it was read like "diagnostic").
		{"ETQ agent instructeur, je reçois une alerte avant la fin du délai de prescription", false, false},
		{"ETQ conservateur, je veux voir la liste des prescriptions de fouille de l'année", false, false},
		{"ETQ inspectrice, je veux rédiger la prescription de travaux de mise en conformité du bâtiment", false, false},
		// A person's.
		{"ETQ pédiatre, je veux noter son diagnostic dans le dossier", true, true},
		{"ETQ infirmière, je veux saisir la prescription médicale du patient", true, true},
		{"As a pharmacist, I want to see the prescription of the patient", true, true},
		{"ETQ médecin, je veux renouveler sa prescription en ligne", true, true},
		{"ETQ assuré, je veux envoyer mes feuilles de soins à ma mutuelle", true, true},
	})
}

// TestReviewProbesFortySixthBatchColumnsOfPeople: the columns or fields
// listed for a file, when they name people's details, make the export,
// import or migration written in another sentence a bulk move of
// personal data (both reviews; validation 12). The first two failed
// before the change (the RGPD section only); a file whose columns name
// no one keeps its reading.
func TestReviewProbesFortySixthBatchColumnsOfPeople(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ gestionnaire RH, je veux exporter le registre des astreintes de l'année au format tableur.\n\nColonnes : nom, prénom, matricule, nombre d'heures.", true, true},
	})
	titledProbes(t, []titledProbe{
		{"Migrate the allotment register", "One-off migration of the 300 plots from the old spreadsheet before go-live.\n\nColumns to map: plot number, site, tenant name, tenant phone, rent paid.", true, true},
		{"Export des statistiques", "Exporter les chiffres mensuels en CSV.\n\nColonnes : mois, nombre de demandes, délai moyen.", false, false},
		{"Import des équipements", "Importer le tableur des équipements sportifs.\n\nColonnes à reprendre :\n- nom de l'équipement, adresse du gymnase\n- capacité", false, true},
	})
}

// TestReviewProbesFortySeventhBatchWhereVehiclesAndPupilsAre: a vehicle
// followed in service tells where its driver is (location: the RGPD
// section); an alert on a vehicle minutes from one's home computes a
// distance from the person's address, though it notifies; the INE is a
// pupil's national identifier (both reviews). The first, second and
// fourth failed before the change (the third was read as records); a
// timetable and a fleet list keep asking nothing.
func TestReviewProbesFortySeventhBatchWhereVehiclesAndPupilsAre(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ parent, je veux être prévenu quand le car scolaire est à 5 minutes de chez moi", true, false},
		{"ETQ chef d'équipe, je veux voir sur une carte la position des véhicules de la voirie", true, false},
		{"As a dispatcher, I want vehicle tracking for the gritting lorries on a map", true, false},
		{"ETQ secrétaire de scolarité, je veux saisir l'INE de l'étudiant à l'inscription", true, true},
		{"ETQ usager, je veux voir les horaires de passage du bus à mon arrêt", false, false},
		{"ETQ agent, je veux voir la liste des véhicules de la flotte et leur date de contrôle technique", false, false},
	})
}

// TestReviewProbesFortyEighthBatchProfessionalsForFamilies: a funeral
// director, a notary or a bailiff given a view of people's data is a
// body outside the service, a new kind of user (both reviews). Each of
// the three failed before the change (the RGPD section only); heldout26
// and heldout27 each hold a funeral directors' portal, missed still
// because their stories name a death or a body, not a person's data.
func TestReviewProbesFortyEighthBatchProfessionalsForFamilies(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a funeral director, I want to see the name of the deceased and the date of death", true, true},
		{"ETQ opérateur funéraire, je veux voir si le permis d'inhumer du défunt est délivré", true, true},
		{"ETQ notaire, je veux consulter la liste des héritiers du défunt sur le portail", true, true},
	})
}

// TestReviewProbesFortyNinthBatchVisibleToStaffOnly: "visible to
// licensing officers only" keeps something for a group named by one of
// the template's persona names, as "visible to staff only" did: who may
// see what (security notes). Both failed before the change; heldout27
// gains one review and heldout16 and heldout21 one each, and
// heldout25's z-tree-006, whose labeller read "visible to officers only"
// as asking nothing, becomes a false alarm. Things kept for a group stay
// things.
func TestReviewProbesFortyNinthBatchVisibleToStaffOnly(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a resident, I want to report a noisy bar.\n\n- reports are visible to licensing officers only, not on the public page", false, true},
		{"As a parent, I want to send a note to the school nurse.\n\n- the note is visible to caseworkers only", true, true},
		{"As a resident, I want to see the events of the month.\n\n- only events for residents are shown", false, false},
	})
}

// TestReviewProbesFiftiethBatchExistingSpaces: a document put in, or
// found in, a personal space that exists ("dans l'espace famille",
// "dans mon espace", "in my online account") goes through the existing
// channel; creating or opening one, or one named with an indefinite
// article, makes accounts where there were none (both reviews). Each of
// the first three failed before the change (both reviews asked).
func TestReviewProbesFiftiethBatchExistingSpaces(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent, je veux envoyer la convocation dans l'espace personnel du candidat", false, false},
		{"ETQ parent, je retrouve les factures de la cantine dans mon espace famille", false, false},
		{"As a tenant, I want to download my rent statement from my online account", false, false},
		{"ETQ usager, je veux créer mon espace personnel pour suivre mes demandes", true, true},
		{"ETQ candidat, je veux suivre l'avancement de ma candidature dans un espace personnel", true, true},
		{"As a resident, I want to open an online account to pay my rent", true, true},
	})
}

// TestReviewProbesFiftyFirstBatchDatesOneCannotAttend: the dates or days
// a person cannot attend are their availability, told in a clause, as
// "the times I am available" are (the RGPD section). Each of the first
// three failed before the change; a place's closing days are no one's.
func TestReviewProbesFiftyFirstBatchDatesOneCannotAttend(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a witness, I want to tell the office the dates I cannot attend, so that the hearing avoids them", true, false},
		{"ETQ juré, je veux indiquer les jours où je ne suis pas disponible", true, false},
		{"As a juror, I want to tell the court the days I can't attend", true, false},
		{"As a visitor, I want to see the dates the museum is closed", false, false},
	})
}

// TestReviewProbesFiftySecondBatchSentToTheWrongPerson: a message sent
// to, or received by, the wrong family or another tenant discloses what
// it holds (both reviews; validation 12). The first and third failed
// before the change (the English past participles were not read as
// reaching someone); a reminder sent twice to the right people asks
// nothing.
func TestReviewProbesFiftySecondBatchSentToTheWrongPerson(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Hearing date email sent to the wrong family", "Reported by the office: the Hollins family received the hearing date email for another case.", true, true},
		{"Bug : convocation envoyée à la mauvaise famille", "Les parents d'un élève ont reçu la convocation d'un autre élève, avec son nom et sa classe.", true, true},
		{"Bug: reminder sent to the wrong tenant", "The rent reminder was sent to the wrong tenant after the merge.", true, true},
		{"Bug: reminder sent twice", "The rent reminder email is sent twice to each tenant since Monday.", false, false},
	})
}
