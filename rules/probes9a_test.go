package rules_test

import "testing"

// TestReviewProbesThirteenthBatchPersonShaped: the people of a product are
// often named by a trade the template does not list ("sylviculteur",
// "brocanteur", "beekeeper"). A role shaped like a person's noun filing
// its own records, and such people's details or lists in a French need,
// are a processing of personal data; things with the same endings
// ("compteur", "chantier"), organisations and a role acting on nothing
// of its own stay false. Products the sets do not hold, labelled by the
// policy before the change.
func TestReviewProbesThirteenthBatchPersonShaped(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ sylviculteur, je déclare mes coupes de bois chaque année", true, false},
		{"ETQ viticultrice, je veux déclarer mes surfaces plantées", true, false},
		{"ETQ brocanteur, je peux renouveler mon inscription au registre des revendeurs", true, false},
		{"ETQ agent de la chambre d'agriculture, je peux exporter la liste des viticulteurs avec leurs coordonnées", true, true},
		{"ETQ agent, je veux ajouter le numéro de téléphone des maraîchers dans l'annuaire du marché", true, false},
		{"As a beekeeper, I want to register my hives every year", true, false},
		{"As a stallholder, I want to renew my market pitch online", true, false},
		// Things, organisations, and roles acting on nothing of their own.
		{"ETQ agent, je peux exporter la liste des compteurs avec leur adresse", false, false},
		{"ETQ régisseur, j'ai besoin d'un état des encaissements par mode de paiement", false, false},
		{"ETQ organisateur, je peux déclarer une course cycliste en ligne", false, false},
		{"ETQ gérant d'une SARL, je déclare mes ventes de l'année", false, false},
		{"ETQ agent, je veux voir l'adresse du chantier sur la carte", false, false},
		{"ETQ sylviculteur, je consulte la carte des forêts publiques", false, false},
		{"ETQ agent, je veux trier les dossiers par date de dépôt", false, false},
		{"As a builder, I want to see the inspection checklist before the visit", false, false},
	})
}

// TestReviewProbesThirteenthBatchDataAccess: a need that opens with getting
// at someone else's records ("accéder aux dossiers des usagers", "access
// the pupils' notes") asks for an access right: security, whoever asks.
// One's own records, an easier way in, and records nobody is named in
// stay false.
func TestReviewProbesThirteenthBatchDataAccess(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ kinésithérapeute libéral, je veux accéder aux comptes rendus des séances de mes patients", true, true},
		{"ETQ agent d'accueil, je veux accéder au dossier des usagers que je reçois au guichet", true, true},
		{"ETQ tuteur, je veux accéder aux évaluations des apprentis que j'encadre", true, true},
		{"As a volunteer driver, I want to access the addresses of the people I drive", true, true},
		{"As a school nurse, I want to access the medical notes of pupils in my school", true, true},
		// One's own, an easier way in, nobody's.
		{"ETQ usager, je veux accéder à mon dossier depuis la page d'accueil", false, false},
		{"ETQ agent, je veux accéder rapidement aux dossiers urgents", false, false},
		{"ETQ agent, je veux accéder aux statistiques de fréquentation des piscines", false, false},
		{"As a resident, I want to access my council tax account online", false, false},
		{"ETQ bibliothécaire, je veux accéder au catalogue des ouvrages", false, false},
	})
}

// TestReviewProbesThirteenthBatchDetailsAndDevices: changing a personal
// detail named in several words ("le numéro de téléphone", "the
// registration number") on one's own record asks for the RGPD section
// (the 2026-12-05 amendment); a phone used as a device ("avec mon
// téléphone", "with my phone") names no number.
func TestReviewProbesThirteenthBatchDetailsAndDevices(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ usager, je veux modifier le numéro de téléphone de mon compte", true, false},
		{"As a resident, I want to change the registration number on my parking permit", true, false},
		{"As a tenant, I want to update the email address on my account", true, false},
		// The content of one's own request; a phone as a device.
		{"ETQ usager, je veux modifier ma demande avant son instruction", false, false},
		{"ETQ lecteur, je veux scanner le code-barres du livre avec mon téléphone", false, false},
		{"As a visitor, I want to show my ticket with my phone at the entrance", false, false},
		{"ETQ agent de terrain, je veux prendre les relevés avec ma tablette et mon téléphone", false, false},
	})
}

// TestReviewProbesThirteenthBatchReadings: readings the second pass
// mended, each a class rather than a word: a citizen persona named by a
// person's noun ("particulier"), a list of people sent to a body with
// words between the verb and the list, a record parted from its head by
// an aside in parentheses, a decision that names health, access given
// with words between "give" and "access", a wheelchair as a person's
// disability, a loan as a person's record, one's current position. Products the sets do not hold, labelled by the policy.
func TestReviewProbesThirteenthBatchReadings(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ particulier, je veux payer mon stage de secourisme en ligne par carte", true, true},
		{"ETQ secrétaire de mairie, je veux envoyer chaque semaine au SDIS la liste des personnes isolées", true, true},
		{"As a clerk, I want to send every month to the auditor the list of claimants with their payments", true, true},
		{"ETQ gestionnaire, je veux un export CSV (séparateur point-virgule) des candidatures de la session", true, true},
		{"ETQ médecin agréé, je veux saisir la décision d'aptitude médicale du chauffeur", true, true},
		{"As a service manager, I want to give the audit team read-only access to closed cases", true, true},
		{"ETQ usager, je veux signaler mon fauteuil roulant lors de ma réservation de transport", true, true},
		{"ETQ agent de la maison du vélo, je veux enregistrer le prêt d'un vélo à un habitant", true, false},
		{"ETQ visiteur, je veux voir les parkings relais proches de ma position actuelle", true, false},
		// Nobody's data, or one more step of a dossier.
		{"ETQ agent, je veux voir les prêts en retard", false, false},
		{"ETQ agent, je veux envoyer chaque mois à la DDT la liste des chantiers en cours", false, false},
		{"ETQ gestionnaire, je veux un export CSV (séparateur point-virgule) des statistiques de la session", false, false},
		{"ETQ agent, je veux saisir la décision d'attribution de la salle", false, false},
		{"As a visitor, I want to know which museum rooms have wheelchair access", false, false},
	})
}

// TestReviewProbesThirteenthBatchBankDetailsChanged: the policy's
// amendment of 2026-12-05 makes a change of personal details, bank
// details included, RGPD only, whoever makes it; collecting bank details
// anew or taking them out in bulk keeps the security notes.
func TestReviewProbesThirteenthBatchBankDetailsChanged(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Changer de compte bancaire", "ETQ adhérent, je veux modifier mon RIB pour les prochains remboursements", true, false},
		{"Update bank details", "As a tenant, I want to update my bank details for the deposit refund", true, false},
		{"Export des comptes bancaires", "ETQ agent comptable, je veux modifier le format de l'export des RIB des bénéficiaires", true, true},
	})
	reviewProbes(t, []reviewProbe{
		{"ETQ allocataire, je veux mettre à jour mes coordonnées bancaires", true, false},
		{"As a tenant, I want to change the bank account details my deposit is returned to", true, false},
		{"ETQ agent, je veux modifier le RIB d'un bénéficiaire à sa demande", true, false},
		{"ETQ usager, je veux saisir mon RIB pour recevoir l'aide", true, true},
		{"ETQ agent comptable, je veux exporter les RIB des bénéficiaires", true, true},
	})
}

// TestReviewProbesThirteenthBatchThirdPass: classes read on heldout14:
// the service's staff taking the tool offline (its records go with it,
// named or not; a citizen's offline map holds nobody's), payroll and
// finance software as another system, acting "on my behalf", a check
// "verified against" a register.
func TestReviewProbesThirteenthBatchThirdPass(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent de la voirie, je veux utiliser l'application hors connexion sur le terrain", false, true},
		{"As an officer, I want the app to work offline on patrol", false, true},
		{"ETQ gestionnaire RH, je veux envoyer les heures supplémentaires validées des agents au logiciel de paie", true, true},
		{"As a tenant, I want my adviser to handle my claim on my behalf", true, true},
		{"As a licensing officer, I want each applicant's certificate verified against the national register", true, true},
		// A citizen offline, nobody's data sent.
		{"ETQ usager, je veux consulter le plan des pistes cyclables hors connexion", false, false},
		{"As a visitor, I want the opening hours available offline", false, false},
	})
}

// TestReviewProbesThirteenthBatchRealText: readings the real English
// sample (rules/testdata/dalpiaz2018/review-sample) showed wrong, each a
// class: metrics and indicators as counts, a decision captured a word
// after the verb as one more step, a subscription to a feed as nobody's
// data, "an integration with" another system as an interconnection. A
// subscription that keeps an address stays personal.
func TestReviewProbesThirteenthBatchRealText(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a team lead, I want to see key metrics about usage such as active users and downloads", false, false},
		{"ETQ responsable du service, je veux suivre les indicateurs de fréquentation des usagers par mois", false, false},
		{"As a caseworker, I want to capture a panel decision in the case file", false, false},
		{"ETQ agent, je veux capturer la décision de la commission", false, false},
		{"As a resident, I want to subscribe to an RSS feed of council news", false, false},
		{"ETQ usager, je veux m'abonner au flux RSS des actualités de la mairie", false, false},
		{"As a resident, I want to subscribe to email updates about planning applications", true, false},
		// A link to another system, named as an integration.
		{"As a researcher, I want an integration with the national archive's catalogue", false, true},
		{"ETQ gestionnaire, je veux une intégration avec le logiciel de la trésorerie", false, true},
		{"As a developer, I want continuous integration to run on every pull request", false, false},
	})
}

// TestReviewProbesThirteenthBatchProductQualifiers: product teams name
// parts of the product after its users ("l'interface agent", "les tests
// utilisateurs", "le parcours usager", "user testing", "the user
// interface"); those person words handle nobody's data. People handled,
// and a relative as a person, still count.
func TestReviewProbesThirteenthBatchProductQualifiers(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ développeur, je veux améliorer l'interface agent", false, false},
		{"ETQ designer, je veux organiser des tests utilisateurs sur le formulaire", false, false},
		{"ETQ designer, je veux simplifier le parcours usager de la démarche", false, false},
		{"ETQ product owner, je veux exporter les résultats des tests utilisateurs en CSV", false, false},
		{"As a designer, I want to run user testing on the new form", false, false},
		{"As a developer, I want to fix the user interface of the search page", false, false},
		{"As an analyst, I want a relative percentage of each budget line", false, false},
		// People handled.
		{"ETQ agent, je veux exporter la liste des usagers en CSV", true, true},
		{"ETQ agent, je veux corriger l'adresse d'un usager", true, false},
		{"As a carer, I want to book an appointment for my relative", true, true},
	})
}

// TestReviewProbesThirteenthBatchAudiences: a product's help pages and
// spaces named after their users ("la FAQ des usagers", "le guide de
// l'agent", "l'espace des agents") and people named as whom something is
// made for ("accessible aux personnes en situation de handicap", "que les
// usagers puissent télécharger le règlement") handle nobody's data; a
// list of people, a person's situation noted, and a letter that notifies
// parents still do.
func TestReviewProbesThirteenthBatchAudiences(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent, je veux un lien vers la FAQ des usagers", false, false},
		{"ETQ agent, je veux télécharger le guide de l'agent en PDF", false, false},
		{"ETQ usager, je veux que le site soit accessible aux personnes en situation de handicap", false, false},
		{"ETQ agent, je veux un formulaire adapté aux personnes en situation de handicap", false, false},
		{"ETQ agent, je veux que les usagers puissent télécharger le règlement du concours", false, false},
		// People handled.
		{"ETQ agent, je veux exporter la liste des usagers en CSV", true, true},
		{"ETQ agent, je veux noter la situation de la personne accompagnée", true, false},
		{"ETQ secrétaire, je génère le courrier qui notifie aux parents la décision, avec les motifs", true, false},
		// A list of people downloaded is a document listing people taken
		// out of the tool: security too (the policy's documents listing
		// people; the 14th batch reads it).
		{"ETQ agent, je veux que les usagers puissent télécharger la liste des participants avec leurs adresses", true, true},
	})
}
