package rules_test

import "testing"

// The twentieth round's probes: classes read from heldout44 (set AT),
// the nineteenth round's yardstick, and heldout45 (set AU), written for
// products they do not hold and labelled by the policy before each
// change. Each batch's comment says which probes failed before it.

// TestIssueProbesHundredAndEightyNinthBatchAnotherUnitsRecords: a bug
// report in which a user sees the records or the people of another
// club, school or service ("voit les réservations d'un autre club",
// "sees another school's pupils") shows people's data to the wrong
// unit: both reviews, as "les factures d'une autre famille" already
// had. The three asked for the RGPD section only before the change.
func TestIssueProbesHundredAndEightyNinthBatchAnotherUnitsRecords(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Bug : un club voit les réservations d'un autre club", "Signalé par le président du club de handball : dans « Mes réservations », il voit aussi les créneaux du club de basket, avec le nom et le téléphone du responsable.", true, true},
		{"Bug : un agent voit les dossiers d'un autre service", "Signalé par le CCAS : un agent de l'état civil voit la liste des dossiers d'aide sociale du CCAS.", true, true},
		{"Bug: teacher sees another school's pupils", "Reported by the head of Oakfield: on the My pupils page she also sees 12 pupils from Elm Park, with their dates of birth.", true, true},
	})
}

// TestIssueProbesHundredAndNinetiethBatchRecipientsInCopy: a bug report
// whose message went out with every recipient in copy, or their
// addresses visible in the To field, disclosed each address to the
// others: both reviews. The first asked for nothing before the change
// (the second already asked for both, its addresses being shown); a
// blind copy hides them.
func TestIssueProbesHundredAndNinetiethBatchRecipientsInCopy(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Bug : courriel de rappel envoyé avec tous les parents en copie", "Le rappel de la sortie du 12 mai est parti en un seul envoi.", true, true},
		{"Bug: renewal reminder sent with all addresses visible", "The reminder email went out to 240 members with the addresses visible in the To field.", true, true},
		{"Bug : le courriel de relance part en copie cachée en double", "Le courriel de relance est envoyé deux fois.", false, false},
	})
}

// TestReviewProbesHundredAndNinetyFirstBatchSlotsPicked: a person who
// picks a slot, a date or a preferred week for themselves books it (the
// policy's booking rule): the RGPD section, as "choisir ma date" already
// had. The first two asked for nothing before the change (the third
// already asked for the section); an agent setting a closing date is no
// citizen's choice.
func TestReviewProbesHundredAndNinetyFirstBatchSlotsPicked(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"En tant qu'usager, je souhaite choisir un créneau de dépôt à la déchèterie afin d'éviter l'attente.", true, false},
		{"As a resident, I want to choose a preferred day for the tree survey when I accept the visit", true, false},
		{"As a parent, I want to pick a slot for the school nurse meeting", true, false},
		{"ETQ agent, je veux choisir une date de fermeture exceptionnelle de la salle des fêtes", false, false},
	})
}

// TestReviewProbesHundredAndNinetySecondBatchRehearsalPhotos: photos of
// rehearsals or of a performance show the artists, as photos of a
// concert or a show already did: both reviews when published. The two
// asked for nothing before the change.
func TestReviewProbesHundredAndNinetySecondBatchRehearsalPhotos(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ équipe de l'école de musique, on veut publier sur le site les photos des répétitions de l'orchestre.", true, true},
		{"As a comms officer, I want to publish photos of the rehearsals on the website", true, true},
	})
}

// TestReviewProbesHundredAndNinetyThirdBatchPhotosListed: a need that
// files something with a list of what it holds, a photo last among them,
// sends that photo in: both reviews, as "avec des photos" already had.
// The first two asked for the RGPD section only before the change; a
// page presenting content with photos files nothing.
func TestReviewProbesHundredAndNinetyThirdBatchPhotosListed(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ habitant, je veux signaler un dépôt sauvage avec mon adresse, la date et une photo des déchets.", true, true},
		{"As a tenant, I want to report a repair with my flat number, a description and photos of the damage", true, true},
		{"ETQ visiteur, je veux une présentation de chaque gîte avec ses tarifs, ses équipements et des photos des chambres.", false, false},
	})
}

// TestReviewProbesHundredAndNinetyFourthBatchFiledWithAttachments: a
// record filed "avec ses pièces jointes" opens an upload: security
// notes, as "en pièce jointe" and English "attachments" already did
// (a surveyor's request is theirs: the RGPD section too). Both asked for
// no security notes before the change.
func TestReviewProbesHundredAndNinetyFourthBatchFiledWithAttachments(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ géomètre, je veux transmettre une demande de bornage en ligne avec ses pièces jointes.", true, true},
		{"ETQ entreprise, je veux répondre à la consultation avec les pièces jointes demandées.", false, true},
	})
}

// TestReviewProbesHundredAndNinetyFifthBatchBodyFirst: a person's record
// sent to a body named before it ("transmettre à la CAF le dossier d'un
// allocataire") goes to a new recipient, as "transmettre le dossier au
// CCAS" already did: both reviews. The second asked for the RGPD
// section only before the change (the first already asked for both, the
// CAF being a body outside); a report sent to the mayor's office names
// no person's record.
func TestReviewProbesHundredAndNinetyFifthBatchBodyFirst(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agente d'accueil, je veux transmettre à la CAF le dossier d'un allocataire en difficulté", true, true},
		{"As a caseworker, I want to transfer to the new local authority the records of each applicant", true, true},
		{"ETQ agent, je veux transmettre au cabinet du maire le rapport annuel d'activité", false, false},
	})
}

// TestReviewProbesHundredAndNinetySixthBatchMessagesListingPeople: a
// message received that carries a list of people ("un courriel avec la
// liste des joueurs convoqués") is a document listing people sent out of
// the tool: both reviews, no notification. The two asked for the RGPD
// section only before the change; a payment link in a message names
// nobody.
func TestReviewProbesHundredAndNinetySixthBatchMessagesListingPeople(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ entraîneur, je veux recevoir chaque vendredi un courriel avec la liste des joueurs convoqués", true, true},
		{"En tant que responsable du centre de loisirs, je reçois chaque soir à 18 h un courriel avec la liste des enfants inscrits pour le lendemain.", true, true},
		{"ETQ usager, je veux recevoir un courriel avec le lien de paiement de ma facture", false, false},
	})
}

// TestReviewProbesHundredAndNinetySeventhBatchOthersNotSeen: a criterion
// saying a user "ne voit pas les autres dossiers" is the rule "ne voit
// que ses dossiers" said of the rest: security notes. Photos "envoyées
// par les habitants" are photos sent in, as "envoyer une photo": both
// reviews. All three asked for the RGPD section alone or nothing before
// the change.
func TestReviewProbesHundredAndNinetySeventhBatchOthersNotSeen(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ animatrice, je veux créer la fiche d'un enfant inscrit en dernière minute avec le nom et le téléphone d'un parent.\n\n- l'animatrice ne voit pas les autres fiches de l'accueil", true, true},
		{"As a volunteer, I want to record a visit to an elderly resident.\n\n- a volunteer does not see other volunteers' visits", true, true},
		{"ETQ agent des espaces verts, je veux classer les photos envoyées par les habitants par quartier.", true, true},
	})
}

// TestReviewProbesHundredAndNinetyEighthBatchPictures: English "picture"
// is a photo: a resident who adds pictures to a report sends photos in,
// both reviews. The first asked for security notes only before the
// change (an upload of a thing; the second's repair request already
// asked for the RGPD section); a picture explaining the form sends
// nothing.
func TestReviewProbesHundredAndNinetyEighthBatchPictures(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a resident, I want to add pictures of the broken bench when I report it", true, true},
		{"As a tenant, I want to attach a picture of the damp patch to my repair request", true, true},
		{"As a resident, I want the form to explain what one item means with pictures", false, false},
	})
}

// TestReviewProbesHundredAndNinetyNinthBatchImmigrationControl: a person
// "subject to immigration control", or their "situation au regard du
// séjour", names their residence status as "immigration status" did:
// both reviews. Both asked for the RGPD section at most before the
// change.
func TestReviewProbesHundredAndNinetyNinthBatchImmigrationControl(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a housing officer, I want to flag the applicants who are subject to immigration control", true, true},
		{"ETQ instructrice, je veux noter la situation au regard du séjour de chaque demandeur", true, true},
	})
}

// TestReviewProbesTwoHundredthBatchAvailability: one's availability said
// with any time word before it ("the weekends I am available", "les
// soirs où je suis disponible") is the person's data, as "the days I am
// available" already was: the RGPD section. The first asked for nothing
// before the change.
func TestReviewProbesTwoHundredthBatchAvailability(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a lifeguard, I want to enter the weekends I am available to work so that the pool manager can build the rota", true, false},
		{"ETQ bénévole, je veux indiquer les soirs où je suis disponible pour l'aide aux devoirs", true, false},
	})
}

// TestReviewProbesTwoHundredAndFirstBatchPhotosAttachedToThings: a staff
// member's photo attached to a thing ("joindre des photos aux
// non-conformités", "add a photo to each product") is a photo of that
// thing, an upload only, as "une photo de la borne réparée" already
// was. The first two asked for the RGPD section too before the change; a
// photo attached to a person's file still does.
func TestReviewProbesTwoHundredAndFirstBatchPhotosAttachedToThings(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ magasinier, je veux joindre des photos aux colis abîmés à la réception", false, true},
		{"As a parks officer, I want to add a photo to each bench in the inventory", false, true},
		{"ETQ agente d'accueil, je veux joindre une photo au dossier de l'usager", true, true},
	})
}

// TestReviewProbesTwoHundredAndSecondBatchBeforeAfterPhotos: staff
// taking photos before and after their work ("une photo avant et après
// le nettoyage", "an after photo") show the work on a thing: an upload
// only. Both asked for the RGPD section too before the change; a
// resident's before-and-after photos of their home still ask for it.
func TestReviewProbesTwoHundredAndSecondBatchBeforeAfterPhotos(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent de propreté, je veux prendre une photo avant et après le nettoyage d'un dépôt sauvage", false, true},
		{"As a grounds maintenance operative, I want to add an after photo when I close a job", false, true},
		{"ETQ particulier, je veux joindre les photos avant et après travaux de mon logement", true, true},
	})
}

// TestIssueProbesTwoHundredAndThirdBatchShowingQuestions: a question on
// whether a person's detail may be shown to someone ("peut-on afficher
// le nom du locataire sur l'écran du hall ?") asks who sees it: security
// notes, as the same question with "voir" already did. Both asked for
// the RGPD section only before the change; a filter saying "n'afficher
// que" stays no rule.
func TestIssueProbesTwoHundredAndThirdBatchShowingQuestions(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Question : nom du locataire sur l'écran du hall ?", "Peut-on afficher le nom du locataire et son étage sur l'écran du hall d'entrée ?", true, true},
		{"Question: member names on the check-in screen?", "Can we show the member's name and photo on the check-in screen at reception?", true, true},
	})
	reviewProbes(t, []reviewProbe{
		{"ETQ instructeur, je veux n'afficher que les demandes de ma commune", false, false},
	})
}

// TestIssueProbesTwoHundredAndFourthBatchPaidByCard: what is paid may
// stand between the verb and the card ("payer la nuitée par carte",
// "paiement de l'adhésion par carte", in a story or an epic's list): a
// card payment, both reviews. Both asked for nothing before the change.
func TestIssueProbesTwoHundredAndFourthBatchPaidByCard(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ campeur, je veux payer la nuitée par carte à l'arrivée", true, true},
	})
	issueProbes(t, []titledProbe{
		{"Epic : inscriptions à l'école de voile", "- [ ] formulaire d'inscription\n- [ ] paiement de l'adhésion par carte\n- [ ] attestation pour le comité d'entreprise", true, true},
	})
}

// TestReviewProbesTwoHundredAndFifthBatchRecordDates: an English record
// word before "date" or "deadline" qualifies it ("the decision date",
// "the booking deadline"), as the French "date de décision" does: a date
// shown on each record processes nobody's data. The first asked for the
// RGPD section before the change (the second already did not); a
// person's booking of a date still asks for it.
func TestReviewProbesTwoHundredAndFifthBatchRecordDates(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a planning officer, I want to see the target decision date on each application", false, false},
		{"As a licensing officer, I want to show the application deadline on the licence page", false, false},
		{"As a resident, I want to book a collection date for my bulky waste", true, false},
	})
}

// TestIssueProbesTwoHundredAndSixthBatchEpicItems: an epic lists the
// stories to come; a person's record named in one of its items (`-
// inscription en ligne des enfants`, `- booking a slot`) is one those
// stories handle: the RGPD section. The first asked for nothing before
// the change (the second's renewal of a tenancy already asked for the
// section); an epic of public content pages handles no one's record.
func TestIssueProbesTwoHundredAndSixthBatchEpicItems(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Epic : centre de loisirs de l'été", "- [ ] inscriptions en ligne à la semaine\n- [ ] annulation d'une inscription\n- [ ] planning des animateurs", true, false},
		{"Epic: allotment waiting list", "- joining the waiting list online\n- offers of a plot by email\n- annual renewal of the tenancy", true, false},
		{"Epic : pages d'information", "- horaires d'ouverture\n- plan d'accès\n- foire aux questions", false, false},
	})
}

// TestIssueProbesEpicIsAWholeWord: a question titled "Épicerie
// solidaire : …" is no epic; its list items are not read as stories to
// come.
func TestIssueProbesEpicIsAWholeWord(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Épicerie solidaire : quels créneaux ?", "Question pour l'équipe :\n- inscriptions du mardi\n- demandes du jeudi", false, false},
		{"Épopée : épicerie solidaire", "- inscriptions en ligne des familles\n- demandes d'aide alimentaire", true, false},
	})
}
