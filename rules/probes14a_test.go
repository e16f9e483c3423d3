package rules_test

import "testing"

// TestReviewProbesTwentyFifthBatchNightsRelativesHealth: a night booked
// is a booking, not the interface's night mode; following a relative's
// dossier is acting for them (the policy's representation: both
// reviews), where following one's own asks nothing; an emergency contact
// names a third person; a person seen or reported unwell is health data
// (both reviews). Invented for products the sets do not hold, labelled
// by the policy before the change; each of the first ten failed before
// it. The interface's night mode, one's own dossier and a persona's
// description keep asking nothing.
func TestReviewProbesTwentyFifthBatchNightsRelativesHealth(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ usager, je veux réserver une nuit au gîte d'étape communal", true, false},
		{"ETQ habitant, je réserve la nuit du 14 juillet au camping municipal", true, false},
		{"ETQ aidant, je suis l'avancement du dossier de mon proche", true, true},
		{"As a daughter, I want to check the status of my father's claim", true, true},
		{"ETQ stagiaire, je renseigne un contact d'urgence avant le départ en mer", true, false},
		{"ETQ adhérent, je veux modifier mes contacts d'urgence", true, false},
		{"ETQ animateur, je signale qu'un enfant est malade pendant la sortie", true, true},
		{"As a driver, I want to report that a passenger felt unwell", true, true},
		{"ETQ bénévole, je signale que la personne visitée semblait souffrante", true, true},
		{"As a volunteer, I want to report that the reader is unwell", true, true},
		// The interface's night mode, one's own dossier, a persona.
		{"ETQ usager, je veux activer le mode nuit de l'application", false, false},
		{"ETQ agent, je veux passer l'écran en mode nuit", false, false},
		{"ETQ usager, je veux suivre l'état de ma demande de carte", false, false},
		{"ETQ parent d'enfant malade, je veux consulter les horaires de la crèche", false, false},
		{"As a resident, I want to read the page on winter illnesses", false, false},
	})
}

// TestReviewProbesTwentySixthBatchWorkLists: staff seeing all, only or
// new records of their work list, or the oldest first, browse what they
// already handle (the policy's browsing); a list near where a person
// lives computes a distance from their address (fr-emp-015). Invented
// for products the sets do not hold; each of the first five failed
// before the change, and the sixth fails without the distance cue. A
// list naming people, their details or a special category keeps asking.
func TestReviewProbesTwentySixthBatchWorkLists(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a licensing officer, I want to see all new applications sorted by date received", false, false},
		{"As a planning officer, I want to see only the cases at the consultation stage", false, false},
		{"ETQ instructeur, je veux voir toutes les demandes de la semaine", false, false},
		{"As a licensing officer, I want new applications listed oldest first", false, false},
		{"As a licensing officer, I want the requests shown newest first", false, false},
		{"As a driver, I want to see open bookings near where I live", true, false},
		// People, their details, a special category.
		{"As a caseworker, I want to see all claimants with their phone numbers", true, false},
		{"As a caseworker, I want to see all the medical reports", true, true},
		{"As a caseworker, I want to see all new applicants", true, false},
	})
}

// TestReviewProbesTwentySeventhBatchStaffPhotosOfThings: a member of
// staff's photo of a thing (a repaired charging point, defects, works of
// art, dumped waste) is an upload surface (security) that shows nobody:
// the labels of nine sets say so (o-bci-004, h-sce-018, u-fish-025…).
// Invented for products the sets do not hold; each of the first four
// failed before the change. A photo of a vehicle, a home, a person, a
// photo whose subject is not named and a citizen's photo keep both
// reviews.
func TestReviewProbesTwentySeventhBatchStaffPhotosOfThings(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent, je joins une photo de la borne réparée à l'intervention", false, true},
		{"As a building inspector, I want to attach photos of defects to the report", false, true},
		{"ETQ agent du musée, je veux joindre les photos HD des œuvres à leur fiche", false, true},
		{"As a warden, I want to upload photos of the dumped waste", false, true},
		// What may show people.
		{"ETQ agent, je prends des photos du véhicule à son arrivée à la fourrière", true, true},
		{"ETQ agent, je joins des photos du logement au rapport de visite", true, true},
		{"As an officer, I want to attach photos of the injured person", true, true},
		{"ETQ agent, je veux joindre des photos prises lors de la visite sur place", true, true},
		{"ETQ usager, je signale un nid-de-poule avec une photo de la chaussée", true, true},
	})
}

// TestReviewProbesTwentyEighthBatchNegationEndsWithClause: "sans" or
// "without" negates its own clause; after a comma, a photo sent is sent
// (set Z's z-tree-035) and the item after a list of negations is named;
// "ni" goes on with the negated list. Invented for products the sets do
// not hold; the first three and the last failed before the change. A
// negation in the same clause still negates.
func TestReviewProbesTwentyEighthBatchNegationEndsWithClause(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ habitant, je signale un arbre abattu sans autorisation, avec une photo", true, true},
		{"As a resident, I want to report a wall built without permission, with photos", true, true},
		// The next item of a list of negations is named: allergies.
		{"ETQ parent, je veux indiquer le régime de mon enfant (sans viande, sans lactose, allergies)", true, true},
		{"ETQ usager, je veux consulter les horaires sans compte", false, false},
		{"ETQ usager, je veux voir la carte des bornes sans photo", false, false},
		// "ni" goes on with the negated list.
		{"ETQ agent, je veux un export des passages sans nom, adresse ni date de naissance", false, false},
	})
}

// TestReviewProbesTwentyNinthBatchReportJoined: a report joined to a
// record is a file sent in, an upload surface (security), as a quote or
// a certificate joined already was; reading a report uploads nothing.
// Invented for products the sets do not hold; the first two failed
// before the change.
func TestReviewProbesTwentyNinthBatchReportJoined(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ conseillère, je veux joindre le rapport d'évaluation au dossier du bénéficiaire", true, true},
		{"ETQ technicien, je joins le rapport de contrôle à la fiche de l'ouvrage", false, true},
		{"ETQ agent, je veux consulter le rapport annuel", false, false},
		{"As a manager, I want to read the monthly report", false, false},
	})
}

// TestReviewProbesThirtiethBatchAnotherHolder: "d'un autre" before a
// noun shaped like a person ("un autre détenteur", "un autre
// plaisancier") points at another person's data, as "un autre abonné"
// did (the policy's disclosure: both reviews). Invented for products the
// sets do not hold; the first two failed before the change. Another
// thing keeps asking nothing.
func TestReviewProbesThirtiethBatchAnotherHolder(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Le relevé affiche le nom d'un autre plaisancier", "Depuis la mise à jour, le relevé de mouillage envoyé par courriel porte le nom d'un autre plaisancier du port.", true, true},
		{"Attestation avec l'adresse d'un autre apiculteur", "L'attestation de déclaration reçue hier porte l'adresse d'un autre apiculteur du département.", true, true},
		{"Réglages d'un autre compteur", "Le formulaire de relève reprend les réglages d'un autre compteur du même immeuble.", false, false},
	})
}

// TestReviewProbesThirtyFirstBatchOwnDocumentAfterDe: a citizen's own
// document sent in is about them when the possessive follows "de" ("les
// plans de ma maison"), as it was right after the keyword ("joindre mon
// bail"; validation 1). Invented for products the sets do not hold; the
// first two failed before the change. Staff's documents stay security
// only.
func TestReviewProbesThirtyFirstBatchOwnDocumentAfterDe(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ propriétaire, je veux déposer les plans de ma future maison", true, true},
		{"ETQ habitant, je veux ajouter le scan de ma facture d'eau", true, true},
		{"ETQ agent, je veux déposer les plans de ma commune", false, true},
	})
}

// TestReviewProbesThirtySecondBatchReasonsAndHospital: a step taken
// because of a health fact or a disability records that reason (a
// special category: both reviews), though a step alone asks nothing;
// leaving hospital or being hospitalised is health data, as entering it
// was. Invented for products the sets do not hold; each of the first
// four failed before the change.
func TestReviewProbesThirtySecondBatchReasonsAndHospital(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent, je veux marquer la demande comme prioritaire en raison du handicap de l'enfant", true, true},
		{"As a housing officer, I want to move an application up the list because of a hospital discharge", true, true},
		{"ETQ assistante sociale, je signale qu'une personne est hospitalisée", true, true},
		{"As a nurse, I want to record the date the patient was discharged from hospital", true, true},
		{"As an officer, I want to close the case because of a duplicate", false, false},
		{"ETQ agent, je veux consulter la liste des hôpitaux du département", false, false},
	})
}

// TestReviewProbesThirtyThirdBatchOutOfNetwork: "hors réseau" works
// offline as "sans réseau" does: records kept on a device ask for
// security notes (the policy's offline copy), a public map asks nothing.
// Invented for products the sets do not hold; the first failed before
// the change.
func TestReviewProbesThirtyThirdBatchOutOfNetwork(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ contrôleur, je consulte les dossiers de ma tournée hors réseau", false, true},
		{"ETQ usager, je consulte le plan du parc hors réseau", false, false},
	})
}

// TestReviewProbesThirtyFourthBatchWhatPays: what a grant or a scheme
// can pay for is content about the scheme, not a person paying (the
// policy's content: nothing asked). Invented for products the sets do
// not hold; the first two failed before the change. A person paying
// keeps both reviews.
func TestReviewProbesThirtyFourthBatchWhatPays(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a tenant, I want a page that lists what the deposit scheme can pay for", false, false},
		{"ETQ usager, je veux savoir ce que l'aide peut payer", false, false},
		{"ETQ usager, je veux payer ma cantine en ligne", true, true},
		{"As a resident, I want to pay for my permit online", true, true},
	})
}

// TestReviewProbesThirtyFifthBatchUnknownPersonBooking: a role the
// template does not know, named like a person (plaisancier, kayaker,
// skieur), who books something books it in their own name (the policy's
// booking: RGPD section); a role that works for a service or an
// organisation books for its work. Invented for products the sets do not
// hold; the first three failed before the change.
func TestReviewProbesThirtyFifthBatchUnknownPersonBooking(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"En tant que plaisancier, je veux réserver une place de port pour trois nuits", true, false},
		{"As a kayaker, I want to book a pitch at the riverside campsite", true, false},
		{"ETQ skieur, je réserve un cours collectif", true, false},
		{"ETQ assistante du service, je veux réserver une salle pour la réunion d'équipe", false, false},
		{"ETQ secrétaire de mairie, je réserve la salle du conseil", false, false},
		{"As a clerk of the council, I want to book the chamber for the meeting", false, false},
	})
}

// TestReviewProbesThirtySixthBatchDistanceFromHome: a distance from where
// a person lives ("à moins de 5 km de chez moi", "within 3 miles of my
// home", "proches de chez moi") is computed from their address (the
// policy's fr-emp-015: RGPD section); working from home is no address.
// Invented for products the sets do not hold; the first three failed
// before the change.
func TestReviewProbesThirtySixthBatchDistanceFromHome(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ bénévole, je vois les missions à moins de 5 km de chez moi", true, false},
		{"As a volunteer, I want to see shifts within 3 miles of my home", true, false},
		{"ETQ usager, je cherche les ateliers proches de chez moi", true, false},
		{"ETQ usager, je veux consulter le site depuis chez moi", false, false},
	})
}

// TestReviewProbesThirtySeventhBatchOwnContractsAndPermits: a person
// downloading their own contract, permit, agreement or statement takes a
// document already produced about them (the policy's own documents:
// nothing asked), as with their attestation; sent to a new address, or
// staff downloading other people's contracts, it still asks. Invented for
// products the sets do not hold; the first two failed before the change
// (the English ones already read as no records).
func TestReviewProbesThirtySeventhBatchOwnContractsAndPermits(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ abonné, je veux télécharger mon contrat d'abonnement", false, false},
		{"ETQ pêcheur, je télécharge mon permis de pêche", false, false},
		{"As a member, I want to download my membership agreement", false, false},
		{"As a tenant, I want to download my rent statement", false, false},
		{"ETQ usager, je veux recevoir mon contrat par courriel à une autre adresse", true, false},
		{"ETQ agent, je veux télécharger les contrats des bénévoles", true, true},
	})
}

// TestReviewProbesThirtyEighthBatchBlankAndInvented: blank forms and
// invented records hold nobody's data ("feuilles d'émargement vierges",
// "dossiers d'usagers fictifs", "blank booking forms"), wherever the
// adjective stands; a list of real people printed keeps both reviews.
// Invented for products the sets do not hold; the first two failed
// before the change.
func TestReviewProbesThirtyEighthBatchBlankAndInvented(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ secrétaire, je veux éditer des feuilles d'émargement vierges pour les participants", false, false},
		{"ETQ développeur, je veux générer des dossiers d'usagers fictifs pour les tests", false, false},
		{"As a receptionist, I want to print blank booking forms for visitors", false, false},
		{"ETQ agent, je veux imprimer la liste des habitants", true, true},
	})
}

// TestReviewProbesThirtyNinthBatchAvailability: when a person says they
// are available ("les soirs où je suis disponible", "the days I am
// available") gives the service data about them, as "mes
// disponibilités" does (the policy's availabilities of a person,
// fr-emp-026); when a room is available is nobody's. Invented for
// products the sets do not hold; the first two failed before the change.
func TestReviewProbesThirtyNinthBatchAvailability(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ bénévole, je veux indiquer les soirs où je suis disponible", true, false},
		{"As a driver, I want to tick the days I am available", true, false},
		{"ETQ usager, je veux voir quand la salle est disponible", false, false},
	})
}
