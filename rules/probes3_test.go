package rules_test

import "testing"

// TestReviewProbesThirdBatch: probes for the error classes the blind
// held-out set showed (aggregates, organisations' records, offline
// copies, acting for another person, access given to a new role, health
// words of care and autonomy, automated computations about a person),
// written on products the held-out set does not hold and labelled by the
// policy (docs/templates.md) before the classes were changed.
func TestReviewProbesThirdBatch(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		// Aggregates: a count or a breakdown is nobody's data.
		{"ETQ directrice de crèche, je veux afficher la répartition des enfants inscrits par tranche d'âge.", false, false},
		{"ETQ responsable du club, je veux voir le nombre d'inscriptions par commune et par catégorie des adhérents.", false, false},
		{"ETQ élu, je veux des statistiques mensuelles sur les usagers accueillis.", false, false},
		{"ETQ agent de l'ARS, je veux exporter chaque mois le nombre de vaccinations par commune.", false, false},
		{"ETQ responsable RH, je veux un tableau du taux d'arrêts maladie par service.", false, false},
		{"ETQ infirmière, je veux saisir le nombre de doses reçues par l'enfant et ses allergies.", true, true},
		// A reminder scheduled through the existing channel is workflow.
		{"ETQ secrétaire de mairie, je veux planifier une relance par courriel des familles qui n'ont pas payé la cantine.", false, false},
		{"ETQ gestionnaire, je veux paramétrer un rappel automatique aux adhérents dont la cotisation expire.", false, false},
		{"As a librarian, I want to schedule reminder e-mails to borrowers with overdue loans.", false, false},
		// Organisations' records are no personal data.
		{"ETQ agent, je veux supprimer les brouillons de déclaration des entreprises après un an.", false, false},
		{"ETQ gestionnaire, je veux comparer les devis des titulaires du marché.", false, false},
		{"ETQ entreprise, je veux supprimer mon brouillon de devis avant l'envoi.", false, false},
		// Offline copies of people's records on a device.
		{"ETQ inspectrice, je veux emporter les dossiers des contrôles du jour sur ma tablette hors connexion.", false, true},
		{"As a social worker, I want to open case files offline on my laptop.", false, true},
		// Acting for another person.
		{"ETQ tuteur, je veux déposer une demande au nom de la personne protégée.", true, true},
		{"ETQ usager, je veux donner procuration à un proche pour suivre mon dossier.", true, true},
		{"As a parent, I want to apply on behalf of my child.", true, true},
		// Access given to a new role or organisation.
		{"ETQ directeur, je veux donner accès aux assistantes sociales aux dossiers des familles.", true, true},
		{"ETQ responsable financier, je veux que le contrôleur de gestion ait accès aux factures des fournisseurs.", false, true},
		// Computations and suggestions about a person: automated decision, profiling.
		{"ETQ agent, je veux le calcul automatique des droits à la bourse.", true, false},
		{"ETQ lectrice, je veux des recommandations personnalisées selon mon historique d'emprunts.", true, false},
		{"As a learner, I want course suggestions based on my history.", true, false},
		{"ETQ comptable, je veux que la TVA soit calculée automatiquement sur les devis de l'entreprise.", false, false},
		// A question on who sees what.
		{"Question : le prestataire de ménage voit-il les noms des résidents ?", true, true},
		{"ETQ directrice, je veux savoir qui voit les dossiers des enfants placés.", true, true},
		{"Who can see the carers' phone numbers?", true, true},
		// Acting from a message's link, without signing in.
		{"ETQ habitant, je veux valider mon créneau de déchetterie depuis le SMS de rappel.", false, true},
		{"As a patient, I want to cancel my appointment from the e-mail reminder.", false, true},
		// Health: care given, autonomy assessed.
		{"ETQ infirmière scolaire, je veux noter les injections réalisées et les contre-indications de l'élève.", true, true},
		{"ETQ évaluateur, je veux remplir la grille d'évaluation de l'autonomie d'une personne âgée.", true, true},
		// A booking by a person records a new fact about them.
		{"ETQ habitante, je veux mettre de côté un jeu de la ludothèque pour samedi.", true, false},
		{"ETQ chercheuse, je veux réserver une place en salle de lecture.", true, false},
		{"As a researcher, I want to book a microfilm reader for Tuesday.", true, false},
		{"ETQ usager, je veux prendre rendez-vous avec un conseiller numérique.", true, false},
		// One's own notification or decision is a document, no processing.
		{"ETQ allocataire, je veux télécharger la notification de mes droits.", false, false},
		{"ETQ usagère, je veux imprimer la notification d'attribution de ma place en crèche.", false, false},
	})
}
