package rules_test

import "testing"

// TestReviewProbesSixthBatch: probes for the classes the third blind set
// showed (photos taken or attached, who did what, lists of people,
// one's own place on a list), on products that set does not hold,
// labelled by the policy before the change.
func TestReviewProbesSixthBatch(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		// A photo taken or attached may show people: personal data and an
		// upload surface.
		{"ETQ garde champêtre, je prends des photos du dépôt constaté pour le procès-verbal.", true, true},
		{"As a park visitor, I want to report a damaged bench with a photo.", true, true},
		// Who did what names agents.
		{"ETQ responsable du guichet, je veux voir qui a remis chaque colis.", true, false},
		{"As a records manager, I want to see who issued each certificate.", true, false},
		// Lists of people leave the tool or are handled as such.
		{"ETQ secrétaire du club, je veux exporter la liste d'attente vers un tableur.", true, true},
		{"As a venue manager, I want to print the waiting list for the front desk.", true, true},
		// A list of a person's fields is personal data, whoever owns it;
		// hiding names before publishing is a security matter.
		{"Tâche technique : reprendre le fichier des adhérents du club (nom, prénom, adresse) dans le nouvel outil.", true, true},
		{"As a planning officer, I want to import the consultation responses with names and addresses.", true, true},
		{"ETQ agent du service juridique, je veux caviarder les noms des témoins avant la publication de l'arrêté.", true, true},
		// An organisation's address and phone are no person's.
		{"As a resident, I want to see the address and phone of the local office.", false, false},
		// Citizens named by their situation: their own request's state
		// is theirs; a booking records new data about them.
		{"En tant que justiciable, je suis l'avancement de ma demande d'aide en ligne.", false, false},
		{"ETQ futurs mariés, nous voulons réserver une date de cérémonie en ligne.", true, false},
		{"As a requester, I want to see the status of my complaint.", false, false},
		// A rate computed automatically from what a person declared is
		// an automated decision, though "taux" also starts counts.
		{"ETQ agent de la caisse, je veux que le taux de réduction soit calculé automatiquement à partir des revenus déclarés.", true, false},
		{"ETQ élu, je veux voir le taux de familles inscrites au périscolaire par quartier.", false, false},
		// Finding the same person twice is a cross-match, even as an alert.
		{"ETQ gestionnaire des inscriptions, je veux être alerté quand un même enfant est inscrit dans deux accueils de loisirs.", true, false},
		{"As a licensing officer, I want to flag duplicate applications from the same person.", true, false},
		{"ETQ administrateur, je fusionne deux fiches d'établissement en doublon.", false, true},
		// Someone notified in the passive, a list read again, a request
		// withdrawn or a place offered: workflow.
		{"ETQ responsable de la piscine, je veux que le maître-nageur de garde soit prévenu par SMS en cas d'alerte.", false, false},
		{"ETQ agent du cadastre, relire la liste des parcelles à mettre à jour.", false, false},
		{"As a parent, I want to withdraw my nursery application.", false, false},
		// Contesting or appealing files a new request with one's grounds.
		{"ETQ contribuable, je veux contester le montant de ma redevance en ligne.", true, false},
		{"As a resident, I want to appeal a parking fine online.", true, true},
		// Pay slips are income; "paie" there is no payment.
		{"ETQ allocataire, je veux téléverser mes fiches de paie.", true, true},
		{"ETQ agent RH, je veux consulter la grille des salaires de la fonction publique.", false, false},
		// A vehicle's plate is its owner's; SIV is another system.
		{"ETQ agent de police municipale, je veux retrouver le titulaire d'une carte grise à partir de sa plaque grâce au SIV.", true, true},
		// "Exploitant" is also a farmer: privileged only when the need is
		// not about the persona's own file.
		{"ETQ exploitante, je veux télécharger l'attestation de mon aide à la conversion bio.", false, false},
		{"ETQ exploitant, je veux redémarrer le serveur de files d'attente en production.", false, true},
		// A photo added whatever else the need does; a list sent on; an
		// amount applied automatically; a deletion delay with words
		// between; a contact detail the person gives.
		{"As a street cleaning operative, I want to mark a bin as overflowing and add a photo.", true, true},
		{"ETQ responsable des bénévoles, je veux partager la liste des inscrits avec la mairie chaque semaine.", true, true},
		{"ETQ gestionnaire, je veux que la remise soit appliquée automatiquement selon le quotient de la famille.", true, false},
		{"ETQ DPO, je veux que les fiches des participants soient supprimées six mois après le séjour.", true, true},
		{"ETQ usager, je veux recevoir mes rappels par courriel en indiquant mon adresse électronique.", true, false},
		// One's own document fetched, with no new destination or channel;
		// a letter to the people concerned is a notification; someone
		// receiving "aussi" is a new recipient; a count per person names
		// each person's figure.
		{"ETQ lycéen, je veux télécharger ma convocation à l'oral.", false, false},
		{"ETQ parent, je veux imprimer la carte de cantine de mon fils.", false, false},
		{"ETQ usagère, je veux recevoir ma carte de bibliothèque à une autre adresse que mon domicile.", true, false},
		{"ETQ agent, je veux envoyer un courrier aux locataires dont le bail arrive à échéance.", false, false},
		{"ETQ parent séparé, je veux que l'autre parent reçoive aussi les factures de la crèche.", true, false},
		{"ETQ responsable du service, je vois le nombre de demandes traitées par chaque agent.", true, false},
		// Security vocabulary of other teams: anonymity numbers, SaaS,
		// opening rights, data fetched from a directory, one-time links,
		// remote control, attaching one's own document, what only some
		// see, what is logged.
		{"ETQ jury, je veux que chaque dossier de candidature porte un numéro d'anonymat.", true, true},
		{"Spike : comparer deux outils de prise de rendez-vous en mode SaaS.", false, true},
		{"ETQ responsable d'équipe, je demande l'ouverture des droits sur le logiciel de planning pour une stagiaire.", true, true},
		{"Question : les partenaires se connectent-ils avec un lien à usage unique ?", false, true},
		{"ETQ assistant informatique, je fais une prise en main à distance du poste d'un agent.", true, true},
		{"ETQ candidate, je veux joindre mon diplôme à ma candidature.", true, true},
		{"As an auditor, I want every export of the membership list to be logged.", true, true},
		// A bulk import of people's records asks for both sections. (Known
		// miss: "transmettre à la caisse chaque mois la liste des
		// bénéficiaires" puts more than three words between the verb and
		// the list.)
		{"Tâche : importer les 3 000 fiches du fichier papier numérisé (adhérents, bénévoles, adresses).", true, true},
		{"ETQ agent, je veux transmettre à la caisse la liste des bénéficiaires.", true, true},
		// A bug in an existing upload, or a limit on it, adds no upload.
		{"Bug : l'envoi échoue quand on ajoute une pièce de plus de 5 Mo", false, false},
		{"ETQ usager, je ne peux pas téléverser de fichier de plus de 20 Mo.", false, false},
		{"As a caseworker, I want to narrow the claims list down to one benefit.", false, false},
		// Health, offence and payment words other backlogs use; data
		// arriving on its own from another system; the same person twice.
		{"As a bus driver applicant, I want to declare any health condition that affects my driving.", true, true},
		{"As a licensing officer, I want to check each applicant against the register of banning orders.", true, true},
		// (Known miss: "les attestations de la CAF arrivent automatiquement
		// dans notre base" asks for security notes but no RGPD section:
		// the attestations are not read as a person's.)
		{"ETQ agent de la caisse, les avis d'imposition arrivent automatiquement dans notre base.", true, true},
		{"ETQ agent, je fusionne deux fiches d'un même adhérent.", true, false},
		{"ETQ agent, je veux que la même salle ne soit pas réservée deux fois le même jour.", false, false},
		// People named by their trade or situation (a landlord, a breeder,
		// a person serving a sentence), acting in someone's place, a
		// person's availability; a host that is a landlord, not a server.
		{"ETQ agent de la mairie, je veux exporter la liste des loueurs avec leurs coordonnées.", true, true},
		{"ETQ tuteur de la structure d'accueil, je saisis les heures effectuées par le tigiste.", true, true},
		{"ETQ propriétaire, je peux désigner une agence qui déclare à ma place.", true, true},
		{"As a volunteer driver, I want to set my availability for next month.", true, false},
		{"ETQ agent de la régie, je relance les hébergeurs qui n'ont pas payé la taxe.", false, false},
		// Hiding sensitive data from someone is minimisation; who did
		// what, even found in the logs; data hosted outside the EU; a
		// purchase online is a payment.
		{"ETQ association partenaire, je ne vois pas le diagnostic médical des bénéficiaires.", true, true},
		{"ETQ RSSI, je retrouve dans les journaux qui a modifié le dossier d'un patient.", true, true},
		{"Question : peut-on stocker les pièces des usagers sur un CDN hors UE ?", true, true},
		{"As a museum visitor, I want to buy a ticket online.", true, true},
		// One's own place on a list is one's own status; organisations
		// on a list are no people.
		{"ETQ parent, je veux voir ma position sur la liste d'attente de la halte-garderie.", false, false},
		{"ETQ agent, je peux proposer une salle libérée aux associations en liste d'attente.", false, false},
	})
}
