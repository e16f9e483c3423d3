package rules_test

import "testing"

// TestReviewProbesFifthBatch: probes for the security misses of the
// second blind set (issue #9), written on products it does not hold and
// labelled by the policy (rules/testdata/corpus/ABOUT.md) before each
// class was changed.
func TestReviewProbesFifthBatch(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		// An outside provider given people's data, as the persona or as
		// the recipient: a new kind of user with access to it.
		{"ETQ prestataire de maintenance, je veux consulter les coordonnées des locataires pour planifier mes interventions.", true, true},
		{"ETQ sous-traitant, je veux recevoir chaque matin la liste des bénéficiaires à livrer.", true, true},
		{"As a supplier, I want to receive the names and addresses of the residents who ordered a compost bin.", true, true},
		{"ETQ délégataire du service de transport scolaire, je veux accéder aux inscriptions des élèves.", true, true},
		{"ETQ prestataire externe, je veux un compte pour accéder à l'outil de support.", true, true},
		{"ETQ agent, je veux transmettre au prestataire de portage de repas la liste des bénéficiaires avec leur adresse.", true, true},
		{"ETQ gestionnaire, je veux que le prestataire de nettoyage reçoive le numéro de téléphone de chaque résident.", true, true},
		{"As a housing officer, I want the contractor to see the tenant's phone number.", true, true},
		{"ETQ prestataire, je veux consulter le calendrier des interventions prévues.", false, false},
		{"ETQ prestataire, je veux déposer ma facture mensuelle.", false, false},
		{"As a contractor, I want to see the list of open jobs in my trade.", false, false},
		{"ETQ gestionnaire, je veux voir le nombre d'interventions par prestataire.", false, false},
		{"ETQ agent, je veux choisir le prestataire d'une intervention.", false, false},
		{"As a supplier, I want to update the price list of my products.", false, false},
		// Hosting and infrastructure: where the service runs, not the
		// emergency housing of people.
		{"Spike : vérifier si l'application peut être hébergée chez OVHcloud en région France.", false, true},
		{"Tâche technique : déplacer l'hébergement du portail vers un cloud qualifié.", false, true},
		{"Question : faut-il un hébergeur certifié HDS pour le nouveau module ?", false, true},
		{"As a developer, I want to deploy the library website to AWS in the Paris region.", false, true},
		{"Check what the hosting contract says about backups and where the data centre is.", false, true},
		{"ETQ équipe technique, je veux déplacer la base de données vers le centre de données du ministère.", false, true},
		{"ETQ développeur, je veux que le site soit hébergé dans un cloud souverain.", false, true},
		{"ETQ agent, je veux consulter les places d'hébergement d'urgence disponibles ce soir.", false, false},
		{"ETQ bénévole, je veux voir la liste des structures d'hébergement du département.", false, false},
		{"As an event organiser, I want to host a workshop in the town hall.", false, false},
		{"ETQ usager, je veux connaître les horaires du centre d'hébergement.", false, false},
		// Records taken over from an old system: people's data migrated.
		{"Tâche technique : reprendre les dossiers des adhérents de l'ancien logiciel dans la nouvelle application.", true, true},
		{"Migration des inscriptions de l'ancien tableur vers la nouvelle base (environ 800 familles).", true, true},
		{"Reprise des données : importer les fiches des bénéficiaires depuis l'ancien outil.", true, true},
		{"Technical task: migrate the patients' case files from the legacy system before go-live.", true, true},
		{"As a developer, I want to migrate the borrowers' accounts to the new library system.", true, true},
		{"Tâche technique : reprendre les demandes en cours de l'ancien progiciel.", true, true},
		{"Tâche technique : migrer la base de données vers PostgreSQL 16.", false, false},
		{"Tâche technique : migrer les pages du site vers le nouveau CMS.", false, false},
		{"Migrate the open datasets from the old portal.", false, false},
		{"Reprise des contenus éditoriaux de l'ancien site.", false, false},
		{"Tâche technique : migrer les demandes de subvention des associations depuis l'ancien outil.", false, false},
		{"Tâche technique : activer le chiffrement du stockage des photos de profil et migrer les objets existants.", false, true},
		// Another person's data shown to someone: a disclosure.
		{"Bug : le récapitulatif de réservation affiche le téléphone d'un autre adhérent.", true, true},
		{"Anomalie : un parent voit le dossier d'inscription d'un autre enfant dans son espace.", true, true},
		{"Bug: the confirmation e-mail shows another patient's appointment details.", true, true},
		{"Incident : des usagers ont reçu le courrier avec le nom et l'adresse d'une autre famille.", true, true},
		{"ETQ lecteur, je vois les réservations d'un autre lecteur dans mon compte.", true, true},
		{"Bug: the receipt sometimes prints someone else's address.", true, true},
		{"Bug : un usager voit le dossier de quelqu'un d'autre.", true, true},
		{"As a caseworker, I want to reassign the claim to another caseworker.", false, false},
		{"ETQ agent, je veux afficher les horaires d'un autre site.", false, false},
		{"Bug : le tableau de bord affiche les chiffres d'un autre mois.", false, false},
		{"ETQ usager, je veux voir les créneaux d'un autre gymnase.", false, false},
		{"ETQ lecteur, je peux mettre de côté un livre actuellement emprunté par quelqu'un d'autre.", true, false},
		// A person's record sent to another organisation or body: a new
		// recipient. To a colleague, it is an assignment.
		{"ETQ secrétaire de scolarité, je veux transférer le dossier de l'élève au nouveau collège.", true, true},
		{"ETQ agent, je veux transmettre la demande du bénéficiaire à la caisse de retraite.", true, true},
		{"ETQ gestionnaire, je veux transférer les dossiers des familles qui déménagent à la nouvelle mairie.", true, true},
		{"As a caseworker, I want to forward the applicant's case to the council.", true, true},
		{"ETQ agent, je veux transmettre la demande de subvention de l'association à la préfecture.", false, false},
		{"ETQ agent, je veux transmettre le rapport annuel à la direction.", false, false},
	})
}
