package rules_test

import "testing"

// The twenty-first round's probes: classes read from heldout46 (set AV),
// the twentieth round's yardstick, and the sets read before, written for
// products they do not hold and labelled by the policy before each
// change. Each batch's comment says which probes failed before it.

// TestReviewProbesTwoHundredAndSeventhBatchStaffAssigned: assigning a
// person to a session, a shift, a route or a site ("affecter un
// animateur à un atelier", "assign a lifeguard to a shift") records
// where and when that person works: the RGPD section, as a rota already
// asked. A case given to a colleague ("affecter une demande à un
// instructeur"), or a person given to a request, stays an assignment.
// The first three asked for nothing before the change.
func TestReviewProbesTwoHundredAndSeventhBatchStaffAssigned(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ responsable du centre de loisirs, je veux affecter un animateur à chaque atelier du mercredi.", true, false},
		{"As a pool manager, I want to assign lifeguards to next week's shifts", true, false},
		{"ETQ coordinatrice, je veux affecter les bénévoles aux postes de ravitaillement du trail.", true, false},
		{"ETQ cheffe de service, je veux affecter une demande de subvention à un instructeur.", false, false},
		{"ETQ coordinatrice, je veux affecter une aide à domicile à une demande d'intervention.", false, false},
	})
}

// TestIssueProbesTwoHundredAndEighthBatchPassengersAndPrescriptions:
// passengers and pilots are people (a ferry's passenger list kept
// offline, the previous passenger's name on a receipt), and the care a
// doctor prescribes is health data in French as "the prescription" was
// in English. The four asked for less before the change.
func TestIssueProbesTwoHundredAndEighthBatchPassengersAndPrescriptions(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Bug : le billet du bac affiche le nom du passager précédent", "Signalé par l'agent d'embarquement : le billet imprimé porte le nom et le téléphone du passager précédent.", true, true},
		{"Liste d'embarquement hors connexion", "ETQ agent d'embarquement, je veux consulter la liste des passagers de la traversée hors connexion.", false, true},
		{"Saisie des soins", "ETQ infirmière coordinatrice, je veux saisir la prescription des soins à domicile dans la fiche du bénéficiaire.", true, true},
		{"Bug : carnet de vol d'un autre pilote", "Dans « Mon carnet », le PDF affiche les heures de vol d'un autre pilote de l'école.", true, true},
	})
}

// TestReviewProbesTwoHundredAndNinthBatchSamplingTimes: "prélèvement"
// after the time or the place it is taken ("l'heure de prélèvement",
// "les points de prélèvement") is a sample, no direct debit: no review.
// Both asked for the two before the change.
func TestReviewProbesTwoHundredAndNinthBatchSamplingTimes(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"En tant que technicienne de la piscine, je veux saisir l'heure de prélèvement et le taux de chlore de chaque bassin.", false, false},
		{"ETQ agent du service assainissement, je veux cartographier les points de prélèvement du réseau.", false, false},
	})
}

// TestReviewProbesTwoHundredAndTenthBatchNumbersAssigned: a number or a
// reference given automatically to a record ("le numéro de dossier est
// attribué automatiquement") numbers it and decides nothing about
// anyone: no automated decision. Both asked for the RGPD section before
// the change; places given automatically to children still do.
func TestReviewProbesTwoHundredAndTenthBatchNumbersAssigned(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent de la fourrière, je veux que le numéro de dossier soit attribué automatiquement à chaque véhicule enlevé.", false, false},
		{"En tant que gestionnaire du cimetière, je veux que la référence de chaque concession soit attribuée automatiquement.", false, false},
		{"En tant que responsable du périscolaire, je veux une attribution automatique des places aux enfants inscrits.", true, false},
	})
}

// TestIssueProbesTwoHundredAndEleventhBatchContactFields: a field that
// collects a phone number or an e-mail address ("un champ « Téléphone »
// facultatif", "an optional phone field") collects a contact detail: the
// RGPD section, as "téléphone portable" already asked; a bug report on
// such a field is a fault of what exists. The first two asked for
// nothing before the change.
func TestIssueProbesTwoHundredAndEleventhBatchContactFields(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Être prévenu du retour d'un livre", "ETQ lecteur de la médiathèque, je veux être prévenu quand le livre que j'ai réservé est disponible.\n\nCritères\n- un champ « Téléphone » facultatif pour recevoir un SMS\n", true, false},
		{"Collection reminder", "As a resident, I want an email the day before my garden waste collection.\n\n- optional email field on the subscription page\n", true, false},
		{"Bug : le champ téléphone refuse les numéros en +33", "Dans le formulaire de contact, le champ téléphone refuse les numéros qui commencent par +33.", false, false},
	})
}

// TestReviewProbesTwoHundredAndTwelfthBatchListsReceivedAndBirthDates:
// another body receiving a list of people ("que le club reçoive la
// liste des enfants inscrits") takes a document listing them out of the
// tool, as "je reçois la liste" already did: both reviews. "DOB" is a
// date of birth. The two asked for less before the change.
func TestReviewProbesTwoHundredAndTwelfthBatchListsReceivedAndBirthDates(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent du service des sports, je veux que le club de football reçoive chaque lundi la liste des enfants inscrits au stage avec leur date de naissance.", true, true},
		{"As a coach, I want to add each player's name and DOB to the team sheet", true, false},
	})
}

// TestIssueProbesTwoHundredAndThirteenthBatchPeoplePublished: an issue
// with no story sentence about putting a list of people online
// ("publier sur le site la liste des bénévoles") is about disclosing them:
// both reviews, as a story publishing them already asked. People who
// publish something ("les avis publiés par les agents") are no list.
// The first asked for nothing before the change.
func TestIssueProbesTwoHundredAndThirteenthBatchPeoplePublished(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Question : publier les bénévoles de la fête ?", "La présidente aimerait publier sur le site la liste des bénévoles de la fête de la musique. On a le droit ?", true, true},
		{"Tâche : bloc actualités sur la page d'accueil", "Afficher sur la page d'accueil les trois dernières actualités publiées par les agents du service.", false, false},
	})
}

// TestReviewProbesTwoHundredAndFourteenthBatchPresenceAndHours: a
// person's days of presence or hours worked ("mes jours de présence",
// "mes heures effectuées", "my hours worked") say when they work, as
// their availabilities do: the RGPD section. The two asked for nothing
// before the change ("mes jours de présence" already asked, as a choice
// of one's own); opening hours are a place's.
func TestReviewProbesTwoHundredAndFourteenthBatchPresenceAndHours(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ conseillère, je veux saisir mes heures effectuées chaque semaine.", true, false},
		{"As a volunteer driver, I want to submit my hours worked each month", true, false},
		{"ETQ usager, je veux voir les heures d'ouverture de la ludothèque.", false, false},
	})
}

// TestReviewProbesTwoHundredAndFifteenthBatchAttendance: marking
// attendance ("mark attendance at each lesson", "mark each young person
// as attended") records who was there: the RGPD section, although
// "mark" alone moves a record along. Both asked for nothing before the
// change; a no-show marked as such stays a step of the booking.
func TestReviewProbesTwoHundredAndFifteenthBatchAttendance(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a swimming coach, I want to mark attendance at each lesson", true, false},
		{"As a youth worker, I want to mark each young person as attended at the evening club", true, false},
		{"As a receptionist, I want to mark a visitor as a no-show", false, false},
	})
}

// TestReviewProbesTwoHundredAndSixteenthBatchDeclaredOnline: a person
// declaring online what is theirs ("déclarer en ligne mes prises")
// files it, as "déclarer mes prises" already did; a deletion in the
// benefit only says why ("pour que les pompiers viennent le détruire"),
// not what the story deletes. Both asked for the wrong reviews before
// the change.
func TestReviewProbesTwoHundredAndSixteenthBatchDeclaredOnline(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ pêcheur, je veux déclarer en ligne mes prises de la saison.", true, false},
		{"En tant qu'habitant, je souhaite déclarer en ligne un essaim dans mon jardin pour que les pompiers viennent le détruire.", true, false},
	})
}

// TestIssueProbesTwoHundredAndSeventeenthBatchNewRole: a criterion that
// creates a role for a new kind of user ("nouveau rôle « Office de
// tourisme – lecture »", "a new role for the contractor") changes who
// may see what: security notes. Both asked for none before the change.
func TestIssueProbesTwoHundredAndSeventeenthBatchNewRole(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Accès de l'office de tourisme", "ETQ agent de l'office de tourisme, je veux consulter le calendrier des animations de la commune.\n\nCA\n- nouveau rôle « Office de tourisme – lecture » : calendrier et fiches des animations\n", false, true},
		{"Contractor view of faults", "As a contractor, I want to see the street lighting faults assigned to my crews.\n\n- new role for the contractor, limited to its own faults\n", false, true},
	})
}

// TestReviewProbesTwoHundredAndEighteenthBatchVisibleOnlyTo: "n'est
// visible que des médiateurs", without "par", keeps a person's data for
// a group: security notes, as "visible que par" already did. The probe
// asked for the RGPD section alone before the change.
func TestReviewProbesTwoHundredAndEighteenthBatchVisibleOnlyTo(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ médiatrice, je veux noter le téléphone de chaque locataire rencontré.\n\n- le téléphone n'est visible que des médiateurs du bailleur", true, true},
	})
}

// TestIssueProbesTwoHundredAndNineteenthBatchControlTasks: a technical
// task that puts a security control in place (a CSP, security headers)
// protects the payment or the records its text names and processes
// nothing new of them: security notes, no RGPD section, as a story's
// need already said. Health data named in such a task still counts.
// The first asked for the RGPD section before the change.
func TestIssueProbesTwoHundredAndNineteenthBatchControlTasks(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Tâche : ajouter une CSP sur le portail des réservations", "Constat de l'audit : pas d'en-tête Content-Security-Policy sur le portail.\n\n- [ ] CSP en mode rapport pendant une semaine\n- [ ] vérifier que la redirection vers PayFiP pour le paiement par carte fonctionne toujours\n", false, true},
		{"Tâche : en-têtes de sécurité sur l'espace santé", "Constat : pas d'en-têtes de sécurité sur les pages qui affichent les données de santé des patients.", true, true},
	})
}

// TestIssueProbesTwoHundredAndTwentiethBatchFeatureFaults: a bug report
// whose only personal data is the record or the birth date the faulty
// feature handles ("le bouton « Valider ma réservation » reste grisé",
// "the date of birth field rejects …") is a fault of what exists: no
// RGPD section. Both asked for it before the change; a fault that shows
// someone's data to another still asks for both reviews.
func TestIssueProbesTwoHundredAndTwentiethBatchFeatureFaults(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Bug : le bouton « Valider ma réservation » reste grisé sur Firefox", "Sur la page de réservation des salles, le bouton reste grisé après le choix du créneau.", false, false},
		{"Bug: date of birth field rejects dates before 1930", "On the membership form the date of birth field shows 'invalid date' for 12/05/1928.", false, false},
		{"Bug : le récépissé affiche le téléphone d'un autre usager", "Signalé par l'accueil : le récépissé de réservation porte le téléphone d'un autre usager.", true, true},
	})
}

// TestIssueProbesTwoHundredAndTwentyFirstBatchSupportRequests: a support
// request about what exists ("n'a pas reçu l'accusé de sa candidature")
// names the record its feature handles: no RGPD
// section, as for a bug report; one asking to erase a dossier still
// asks for it. The first asked for it before the change.
func TestIssueProbesTwoHundredAndTwentyFirstBatchSupportRequests(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Support : un exposant n'a pas reçu l'accusé de sa candidature", "Appel du 12 mars : M. Petit a déposé sa candidature pour le vide-greniers mais n'a reçu aucun accusé de réception. Sa candidature est bien dans l'outil.", false, false},
		{"Support : un adhérent demande la suppression de son dossier", "Courrier reçu le 3 mars : il quitte le club et demande que son dossier soit supprimé.", true, true},
	})
}
