package rules_test

import "testing"

// The twelfth round's probes: classes read from heldout28 (set AD) and
// heldout29 (set AE), written for products neither set holds and
// labelled by the policy before each change. Each batch's comment says
// which probes failed before it.

// TestReviewProbesFiftyThirdBatchDisabilitySaidOfSomeone: a disability
// said of someone ("une personne est handicapée", "the tenant is deaf"),
// or the need it calls for ("un aménagement lié à un handicap", "un
// logement adapté au handicap"), is health data: both reviews. A
// household flagged as vulnerable is a register of people in need, not a
// security control. Each of the first five failed before the change
// (the fourth and fifth asked only the RGPD section); an audience named
// by the same words keeps asking nothing.
func TestReviewProbesFiftyThirdBatchDisabilitySaidOfSomeone(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ éducatrice, j'ai besoin de savoir si un enfant a besoin d'un aménagement lié à un handicap avant la sortie", true, true},
		{"ETQ agent, je veux transmettre à la résidence la fiche du couple : ressources, besoin d'un logement adapté au handicap le cas échéant", true, true},
		{"As a housing officer, I want to flag a household as vulnerable when someone has a medical condition", true, true},
		{"As a resident, I want to tell the surveyor that my son is deaf so that the visit is arranged by text", true, true},
		{"ETQ parent, je veux indiquer que ma fille est sourde pour que l'animateur le sache", true, true},
		// An audience, software.
		{"ETQ usager, je veux des sous-titres afin que les personnes sourdes puissent suivre la vidéo", false, false},
		{"As a developer, I want to flag a library as vulnerable in the build report", false, false},
	})
}

// TestReviewProbesFiftyFourthBatchWhereIAmAndWhenIAmAway: where one is
// ("en indiquant où je me trouve") is a location, and the days one is
// never at home are one's availability: the RGPD section. Each of the
// first three failed before the change.
func TestReviewProbesFiftyFourthBatchWhereIAmAndWhenIAmAway(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ randonneuse, j'aimerais demander un secours en indiquant où je me trouve", true, false},
		{"As a resident, I want to tell the meter team which days I'm never at home so that they don't call then", true, false},
		{"ETQ locataire, je veux indiquer les jours où je suis absente pour que le technicien ne passe pas", true, false},
		{"ETQ visiteur, je veux voir où se trouve l'entrée du musée", false, false},
	})
}

// TestReviewProbesFiftyFifthBatchHeldSubscriptions: subscribing collects
// an address; a subscription one holds, moved along its contract
// ("renouveler mon abonnement", "en cours d'abonnement", "la fin de
// l'abonnement"), or named only to say when ("avant de m'abonner"),
// collects nothing new, and a dashboard of subscriptions is a count.
// The first, third and fourth failed before the change (RGPD asked); the
// second and fifth guard the same reading in the benefit and in English.
// Joining a list keeps its RGPD section.
func TestReviewProbesFiftyFifthBatchHeldSubscriptions(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ adhérente, je souhaite changer de créneau en cours d'abonnement sans frais", false, false},
		{"Pour comparer les formules avant de m'abonner, en tant que nageur, je veux voir les tarifs de la piscine", false, false},
		{"ETQ abonné, je veux que mes séances restent valables jusqu'à la fin de mon abonnement", false, false},
		{"ETQ responsable de la piscine, je souhaite un tableau de bord des abonnements par tranche horaire", false, false},
		{"As a gym member, I want to pause my subscription during the summer", false, false},
		// Joining.
		{"ETQ habitant, je veux m'abonner aux alertes de fermeture de la piscine", true, false},
		{"As a reader, I want to subscribe to the museum newsletter", true, false},
	})
}

// TestReviewProbesFiftySixthBatchLinksToJoinOrLeave: a link in a message
// that confirms or cancels a subscription ("il confirme son abonnement
// par un lien reçu par courriel", "décocher la case depuis le lien du
// SMS") opens nothing: no security notes. The first two failed before
// the change (security asked); a link that signs in stays authentication.
func TestReviewProbesFiftySixthBatchLinksToJoinOrLeave(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Alerte des baigneurs", "ETQ baigneur, je reçois un courriel quand la plage est fermée.\n\nCritères d'acceptation\n- le baigneur s'abonne avec son adresse courriel\n- il confirme son abonnement par un lien reçu par courriel", true, false},
		{"Rappels par SMS", "ETQ parent, je veux donner mon numéro de portable pour être prévenu de la fermeture de la crèche.\n\n- le parent peut décocher la case à tout moment depuis le lien du SMS", true, false},
		{"Connexion sans mot de passe", "ETQ habitant, je veux me connecter par un lien reçu par courriel.", false, true},
	})
}

// TestReviewProbesFiftySeventhBatchPermitsNotRights: a permission a
// public body grants ("planning permission", "permission de voirie") is
// a permit, not an access right. The first two failed before the change
// (security asked); a role's permissions stay an access right.
func TestReviewProbesFiftySeventhBatchPermitsNotRights(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a planning officer, I want the planning permission reference to open the planning portal", false, false},
		{"ETQ chargé de voirie, je veux voir les permissions de voirie accordées cette semaine sur une carte", false, false},
		{"As an administrator, I want to set the permissions of each role", false, true},
	})
}

// TestReviewProbesFiftyEighthBatchDocumentsListingPeopleSentElsewhere: a
// document that lists people, made by the need ("générer l'ordre du jour
// de la commission", "éditer le rôle"), and sent or printed by the
// benefit or a criterion, is a document listing people taken out of the
// tool: both reviews. The first three failed before the change (RGPD
// only); a list kept in the tool, or a document of no one, asks no
// security notes.
func TestReviewProbesFiftyEighthBatchDocumentsListingPeopleSentElsewhere(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Ordre du jour du jury", "ETQ secrétaire du jury, je veux générer l'ordre du jour en PDF pour l'envoyer aux membres.\n\n- une ligne par candidat : nom, prénom, date de naissance", true, true},
		{"Liste des occupants du marché", "ETQ placier, je génère la liste des emplacements du dimanche\n\n- une ligne par emplacement : nom du commerçant, téléphone, numéro de place\n- la liste est envoyée par courriel à la police municipale le samedi", true, true},
		{"Registry of allotment holders", "As an allotments officer, I want to produce the register of plot holders for the annual meeting.\n\n- one line per plot: holder's name and address\n- the register is printed for the meeting", true, true},
		// Kept in the tool; nobody listed.
		{"Liste des inscrits à l'écran", "ETQ placier, je génère la liste des commerçants inscrits avec leur téléphone pour la consulter à l'écran.", true, false},
		{"Ordre du jour du comité", "ETQ secrétaire, je veux générer l'ordre du jour du comité technique pour l'envoyer aux membres.\n\n- les points : budget, travaux, calendrier", false, false},
	})
}

// TestReviewProbesFiftyNinthBatchFeedbackInNotes: in meeting notes, what
// the people met asked for ("Retours", "Remarques", "Questions
// ouvertes") is read for reviews, after a list of what was shown that is
// not; "l'élue demande le nombre de passages" is who asks, not a record,
// and a planning permission no access right. The first failed before the
// change (nothing asked: the feedback was read as the progress section);
// the last two guard the feedback once read: each asked a review until
// "demande" as a verb and permits were told apart.
func TestReviewProbesFiftyNinthBatchFeedbackInNotes(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Revue de sprint 6", "Montré : réservation des courts, planning des moniteurs.\nPas terminé : facture PDF, reporté au sprint 7.\n\nRetours :\n- la directrice demande que les numéros de téléphone des adhérents ne soient plus visibles des moniteurs", true, false},
		{"Revue de sprint 2", "Démontré :\n- liste des demandes avec filtres\n- refus d'une demande\n\nRetours : l'élue demande le nombre de passages par quartier pour le conseil.", false, false},
		{"Sprint 4 review", "Shown\n- search by street\n\nComments\n- the planning lead wants the planning permission reference to link to the planning portal", false, false},
	})
}

// TestReviewProbesSixtiethBatchNationalityIsADetail: a person's
// nationality is a detail of theirs (the RGPD section), no identity
// document: three sets' labellers asked no security notes for it. The
// first failed before the change (security asked; the English word was
// no keyword); a residence permit stays identity data.
func TestReviewProbesSixtiethBatchNationalityIsADetail(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ animatrice, je veux noter la nationalité des participants au séjour linguistique", true, false},
		{"As a registrar, I want to record the nationality of each parent on the booking", true, false},
		{"ETQ agent d'accueil, je veux enregistrer le titre de séjour de la personne", true, true},
	})
}

// TestReviewProbesSixtyFirstBatchLettersAndReceiptsJoined: a receipt, a
// letter, a judge's order or the report of an interview joined to a
// record is an upload (security notes), and about the person whose
// record it joins. The first, second and fourth failed before the change
// (no security notes; the judge's order was already read as such); a
// letter the service sends is no upload.
func TestReviewProbesSixtyFirstBatchLettersAndReceiptsJoined(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ locataire, je signale le sinistre de mon logement en joignant le récépissé de ma déclaration à l'assureur", true, true},
		{"ETQ juriste, je souhaite joindre au dossier les courriers reçus des avocats des deux parties", true, true},
		{"ETQ greffière, je veux joindre l'ordonnance du juge au dossier de la mesure", true, true},
		{"As a caseworker, I want to attach the GP letter to the claimant's case", true, true},
		{"ETQ agent, je veux envoyer au demandeur un courrier qui explique la décision", true, false},
	})
}

// TestReviewProbesSixtySecondBatchBarredFromDeciding: a member barred
// from voting on, reporting on or examining the dossier of someone they
// know restricts who may decide on a person's dossier: both reviews.
// Each failed before the change (no security notes). "voter" alone is
// no keyword: "ne pas pouvoir voter deux fois" limits one's own votes.
func TestReviewProbesSixtySecondBatchBarredFromDeciding(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ membre du jury, je ne dois pas pouvoir voter sur la candidature d'une personne de ma famille", true, true},
		{"ETQ instructrice, je ne dois pas pouvoir instruire le dossier d'un voisin que je connais", true, true},
		{"ETQ membre de la commission, je ne dois pas pouvoir statuer sur la demande d'un élève de ma classe", true, true},
		{"As a grants panel member, I must not be able to vote on an application from a relative", true, true},
	})
}

// TestReviewProbesSixtyThirdBatchAnOrganisationPays: an organisation
// named as the persona that pays by card pays with its own card: no
// RGPD section, the security notes of a payment stay. The first two
// failed before the change (RGPD asked); a person of the organisation
// pays with a card of their own, as heldout2's labeller read it.
func TestReviewProbesSixtyThirdBatchAnOrganisationPays(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ entreprise de travaux, je veux payer la redevance d'occupation par carte bancaire", false, true},
		{"ETQ association, je veux régler la location du gymnase par carte bancaire", false, true},
		{"ETQ trésorière d'association, je veux payer la location du gymnase par carte bancaire", true, true},
		{"ETQ parent, je veux payer la garderie par carte bancaire", true, true},
	})
}

// TestReviewProbesSixtyFourthBatchGroupThenSeulement: "seulement" after
// the group ("visibles de l'équipe seulement") keeps what is seen for
// that group, as "uniquement" before it does: security notes. The first
// two failed before the change; "seulement" after things restricts
// nobody.
func TestReviewProbesSixtyFourthBatchGroupThenSeulement(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ cheffe de service, je veux que les dossiers des familles restent visibles des travailleurs sociaux seulement", true, true},
		{"ETQ coordinatrice, je veux que le planning des visites soit visible des animateurs seulement", true, true},
		{"ETQ usager, je veux voir les créneaux libres seulement", false, false},
	})
}

// TestReviewProbesSixtyFifthBatchAttendance: the list of who attended
// names people: checking the present records them (the RGPD section)
// and exporting the list takes them out in bulk (both reviews). Each of
// the first three failed before the change; a presence of things is
// nobody's.
func TestReviewProbesSixtyFifthBatchAttendance(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ éducateur sportif, je veux exporter la liste des présences du mois pour le club", true, true},
		{"ETQ formatrice, je veux pointer les présents au début de chaque cours", true, false},
		{"ETQ animateur, je veux imprimer le relevé des présences de la semaine", true, true},
		{"ETQ technicien, je veux signaler la présence de frelons dans le parc", false, false},
	})
}

// TestReviewProbesSixtySixthBatchSupervisorsAndGuarantors: people who
// supervise, vouch or canvass for the service are people: adding or
// replacing one records a person (the RGPD section). Each failed before
// the change (nothing asked).
func TestReviewProbesSixtySixthBatchSupervisorsAndGuarantors(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ responsable du centre aéré, je veux ajouter une encadrante au séjour de juillet", true, false},
		{"ETQ secrétaire de mairie, je souhaite remplacer un garant qui quitte la commune", true, false},
		{"As an elections manager, I want to add canvassers to next month's survey", true, false},
	})
}

// TestReviewProbesSixtySeventhBatchMissingPiecesAskedOfSomeone: asking
// a person for the missing pieces of their dossier, whoever is named
// first ("demander au candidat les pièces manquantes"), is a step of the
// workflow: no review. The first two failed before the change (RGPD
// asked); asking for a new detail still asks the RGPD section.
func TestReviewProbesSixtySeventhBatchMissingPiecesAskedOfSomeone(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ instructrice, je veux demander au porteur de projet les pièces manquantes de son dossier", false, false},
		{"ETQ agent, je veux demander à la famille les justificatifs manquants", false, false},
		{"ETQ agent, je veux demander à la famille son numéro de téléphone", true, false},
	})
}

// TestReviewProbesSixtyEighthBatchGrantedWaivedOrScheduled: granting or
// refusing a request, waiving one's own registration and putting a
// dossier on a session's agenda move it along its workflow: no review.
// Each of the first four failed before the change (RGPD asked); reading
// the dossiers on the agenda of a new commission still asks both.
func TestReviewProbesSixtyEighthBatchGrantedWaivedOrScheduled(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agente du port, j'accorde ou je refuse une demande de mouillage avec un motif", false, false},
		{"ETQ instructeur, je veux octroyer l'aide demandée par la famille", false, false},
		{"ETQ jardinier amateur, je souhaite renoncer à ma demande de parcelle avant l'attribution", false, false},
		{"ETQ secrétaire du jury, je veux inscrire une candidature complète à l'ordre du jour du prochain jury", false, false},
		{"ETQ membre de la commission de réforme, je consulte les dossiers médicaux inscrits à l'ordre du jour de la séance", true, true},
	})
}

// TestReviewProbesSixtyNinthBatchPhotosCountedInCriteria: a criterion
// that says how many photos a report takes ("jusqu'à 3 photos", "up to
// 3 photos") or that one is needed adds an upload: a resident's photos
// ask for both reviews. A member of staff's photos of a thing, named
// once, stay an upload only wherever the story counts them. The first
// two failed before the change (nothing asked).
func TestReviewProbesSixtyNinthBatchPhotosCountedInCriteria(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Signaler un nid-de-poule", "ETQ habitant, je veux signaler un nid-de-poule sur ma rue.\n\nCritères d'acceptation\n- type de problème : trou, fissure, autre\n- jusqu'à 3 photos", true, true},
		{"Report a broken streetlight", "As a resident, I want to report a broken streetlight.\n\nAcceptance criteria\n- [ ] the lamp post number\n- [ ] up to 3 photos", true, true},
		{"Photos des bancs abîmés", "ETQ agent des espaces verts, je veux joindre des photos des bancs abîmés au bon d'intervention (jusqu'à 5 photos par passage).", false, true},
	})
}

// TestReviewProbesSeventiethBatchProxiesAndCodes: a proxy vote recorded
// for someone is acting for another person (both reviews), and a code
// printed on a letter that opens a record is how people are identified
// (security notes). Each failed before the change.
func TestReviewProbesSeventiethBatchProxiesAndCodes(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As an elections officer, I want to record a proxy vote for a voter who is abroad", true, true},
		{"As an elections officer, I want to record proxy appointments made at the counter", true, true},
		{"As a resident, I want to open my council tax reminder online with the security code printed on the letter", true, true},
		{"ETQ usager, je veux ouvrir mon avis en ligne avec le code d'accès indiqué sur le courrier", false, true},
	})
}
