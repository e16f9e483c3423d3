package rules_test

import "testing"

// The twenty-fourth round's probes: classes read from heldout52 (set BB),
// the twenty-third round's yardstick, heldout53 (set BC) and the sets
// read before, written for products they do not hold and labelled by the
// policy before each change. Each batch's comment says which probes
// failed before it.

// TestReviewProbesTwoHundredAndFiftyFirstBatchBroughtDocuments: an
// identity document a person is told to bring to a counter ("venir avec
// le livret de famille", "bring your passport") is shown there, never
// kept by the product; one sent, scanned or attached still asks for both
// reviews. The first three asked for security notes before the change.
func TestReviewProbesTwoHundredAndFiftyFirstBatchBroughtDocuments(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Rappel de rendez-vous", "ETQ usager, je veux recevoir un SMS la veille de mon rendez-vous à l'accueil.\n\n- le message rappelle de venir avec sa pièce d'identité", false, false},
		{"Liste des pièces", "En tant que demandeur, je souhaite savoir quels documents apporter au guichet (carte d'identité, facture récente).", false, false},
		{"Appointment reminder", "As a resident, I want an email the day before my appointment so that I remember to bring my passport.", false, false},
		{"Pièces jointes", "ETQ usager, je veux joindre ma carte d'identité à ma demande au lieu de l'apporter au guichet.", true, true},
		{"Scan at the desk", "As a registrar, I want to scan the passport the applicant brings and keep the copy in the case.", true, true},
	})
}

// TestReviewProbesTwoHundredAndFiftySecondBatchSubjectFirst: in a need
// written as a clause ("que le compte du bénévole soit supprimé"), the
// article after "que" opens the subject: "compte" there is the account
// deleted, not the verb "compter". The first three asked for no review
// before the change; a count stays a count.
func TestReviewProbesTwoHundredAndFiftySecondBatchSubjectFirst(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ responsable de la ludothèque, je veux que le compte d'un adhérent sans emprunt depuis deux ans soit supprimé automatiquement.", true, true},
		{"En tant qu'agent du CCAS, je souhaite que le compte du bénéficiaire soit supprimé à la fin de son accompagnement.", true, true},
		{"ETQ gestionnaire, je veux que le compte d'un animateur parti soit supprimé avec ses coordonnées.", true, true},
		{"ETQ élu, je veux que le compteur des visites de la page d'accueil soit affiché en bas de page.", false, false},
	})
}

// TestReviewProbesTwoHundredAndFiftyThirdBatchCrowdPhotos: photos of a
// crowd, of spectators, of a session's public or of volunteers show
// people: published or uploaded, they ask for both reviews, as photos of
// a party do. Photos of a thing do not. The first, third and fourth
// asked for less before the change.
func TestReviewProbesTwoHundredAndFiftyThirdBatchCrowdPhotos(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a press officer, I want to upload photos of the crowd at the summer fair to the website.", true, true},
		{"En tant que chargée de communication, je veux publier sur le site les photos des spectateurs du feu d'artifice.", true, true},
		{"ETQ animatrice, je veux mettre en ligne les photos des séances d'éveil musical.", true, true},
		{"As a volunteer coordinator, I want to post photos of our volunteers on the litter-pick page.", true, true},
		{"As a heritage officer, I want to upload photos of the restored stained-glass windows to the chapel page.", false, true},
	})
}

// TestReviewProbesTwoHundredAndFiftyFourthBatchAttachedAfter: English puts
// the participle after the document ("with my storage plan attached"):
// the person sends a file in, an upload. A file attached to what the
// service sends out is no upload. The second and third asked for no
// security notes before the change.
func TestReviewProbesTwoHundredAndFiftyFourthBatchAttachedAfter(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a market trader, I want to apply for a pitch online with my public liability certificate attached.", true, true},
		{"As a club secretary, I want to send our grant claim with our signed accounts attached so that the council can pay us.", false, true},
		{"As a resident, I want to object to the planning application with my site photos attached.", true, true},
		{"As a resident, I want to receive my booking confirmation by email with a calendar file attached.", false, false},
	})
}

// TestReviewProbesTwoHundredAndFiftyFifthBatchDetailsToABody: a person's
// detail sent to another body ("transmettre à la préfecture l'adresse de
// chaque demandeur", with the elided article) is a new recipient, as
// their dossier is; the address of a place is nobody's. The first three
// asked for no security notes before the change.
func TestReviewProbesTwoHundredAndFiftyFifthBatchDetailsToABody(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent du service des sports, je veux transmettre à la préfecture l'adresse de chaque organisateur de course.", true, true},
		{"En tant qu'instructrice, je souhaite transmettre au CCAS le nom et le téléphone du demandeur.", true, true},
		{"ETQ officier de l'état civil, je veux transmettre à la mairie de naissance l'adresse actuelle de l'époux.", true, true},
		{"ETQ organisateur, je veux transmettre à la préfecture l'adresse du site de la manifestation.", false, false},
		{"ETQ agent, je veux transmettre l'adresse du site à la préfecture.", false, false},
	})
}

// TestReviewProbesTwoHundredAndFiftySixthBatchWithdrawnNotRetired: in
// French, "retirées" (withdrawn) folds to the English "retirees": boxes,
// offers or stands withdrawn are no people. English retirees stay
// people. The first two asked for an RGPD section before the change.
func TestReviewProbesTwoHundredAndFiftySixthBatchWithdrawnNotRetired(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent des espaces verts, je veux archiver les poubelles retirées du parc municipal.", false, false},
		{"En tant que gestionnaire des aires de jeux, je souhaite voir sur la carte les structures retirées cette année.", false, false},
		{"As a volunteer coordinator, I want to list the retirees who offered to drive residents to the surgery.", true, false},
	})
}

// TestReviewProbesTwoHundredAndFiftySeventhBatchSignedInStep: a scenario
// that starts signed in ("Étant donné que je suis connecté avec mon compte
// élu", "Given I am signed in to my account") names the tester's way in,
// no record the story handles; an account the story closes still counts.
// The first two asked for an RGPD section before the change.
func TestReviewProbesTwoHundredAndFiftySeventhBatchSignedInStep(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Fréquentation des piscines", "En tant qu'élue aux sports, je souhaite consulter le nombre d'entrées par piscine et par mois.\n\nScénario : tableau de fréquentation\nÉtant donné que je suis connectée avec mon compte élu\nQuand j'ouvre « Fréquentation »\nAlors je vois un tableau piscine × mois", false, false},
		{"Opening hours", "As a library manager, I want to change the opening hours of each branch.\n\nScenario: summer hours\nGiven I am logged in to my account\nWhen I set the summer hours for the central library\nThen the public page shows them from 1 July", false, false},
		{"Fermer mon compte", "ETQ adhérent, je veux fermer mon compte depuis mon espace.\n\nÉtant donné que je suis connecté avec mon compte\nQuand je choisis « Fermer mon compte »\nAlors mes données sont supprimées sous 30 jours", true, true},
	})
}

// TestReviewProbesTwoHundredAndFiftyEighthBatchAnonymousReports: a report
// filed without an account and asking nobody's name or address is an
// anonymous report: nobody signs in, nothing opens, no security notes. A
// reporter asked for a name or an e-mail is known without an account:
// both reviews. The first three asked for security notes before the
// change.
func TestReviewProbesTwoHundredAndFiftyEighthBatchAnonymousReports(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Signaler un nid de frelons", "En tant que promeneur, je veux signaler un nid de frelons sur un chemin communal sans créer de compte.\n\n- champs : chemin, commentaire\n- aucun nom ni courriel n'est demandé", false, false},
		{"Report a broken swing", "As a parent, I want to report a broken swing in a playground without signing in so that it gets fixed.", false, false},
		{"Signaler une fuite", "ETQ habitant, je souhaite signaler une fuite sur la voirie sans créer de compte.", false, false},
		{"Signaler un tag", "ETQ habitant, je veux signaler un tag sur un mur de l'école sans créer de compte.\n\n- le formulaire demande mon nom et mon courriel pour m'avertir du nettoyage", true, true},
	})
}

// TestReviewProbesTwoHundredAndFiftyNinthBatchScoringBarred: a member
// barred from scoring, handling or choosing the dossier of someone they
// know ("je ne dois pas pouvoir noter le dossier d'un voisin") is a rule
// of who may act on a person's record: security notes, as barring a vote
// or an assessment already did. The first and the third asked for none
// before the change.
func TestReviewProbesTwoHundredAndFiftyNinthBatchScoringBarred(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ membre du jury du concours de façades fleuries, je ne dois pas pouvoir noter la façade d'un voisin ou d'un parent.", true, true},
		{"En tant qu'agent instructeur, je ne dois pas pouvoir traiter la demande de subvention d'un membre de ma famille.", true, true},
		{"As a panel member, I must not be able to score an application from a relative or a neighbour.", true, true},
		{"ETQ placier, je ne dois pas pouvoir attribuer deux fois le même emplacement le même jour.", false, false},
	})
}

// TestReviewProbesTwoHundredAndSixtiethBatchPrintedRotas: a printed
// planning, route or batch of letters that names people's details takes
// them out of the tool on paper, as a printed list does; a planning that
// names nobody does not. The first and the third asked for no security
// notes before the change.
func TestReviewProbesTwoHundredAndSixtiethBatchPrintedRotas(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ responsable du gymnase, je veux imprimer le planning de la semaine avec le nom et le téléphone de chaque responsable de créneau.", true, true},
		{"As a meals-on-wheels driver, I want to print my delivery route for the day with each client's address and door code.", true, true},
		{"En tant que régisseuse, je souhaite imprimer en lot les avis de sommes à payer des familles en retard.", true, true},
		{"ETQ gardien, je veux imprimer le planning d'ouverture des salles de la semaine.", false, false},
	})
}

// TestReviewProbesTwoHundredAndSixtyFirstBatchScheduledFlows: records
// sent on a schedule to another body or system ("transmis chaque soir à
// la trésorerie", "versées automatiquement dans la plateforme
// nationale") are a data flow: security notes, as "transmis
// automatiquement" already asked. A planning shown on a screen is no
// flow. The second and third asked for none before the change.
func TestReviewProbesTwoHundredAndSixtyFirstBatchScheduledFlows(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ régisseur de la piscine, je veux que les recettes de la journée soient transmises chaque soir au logiciel financier de la ville.", false, true},
		{"En tant qu'agent de l'urbanisme, je souhaite que les déclarations d'ouverture de chantier soient transmises chaque mois au service des impôts fonciers.", true, true},
		{"ETQ conservateur, je veux que les fiches d'objets validées soient versées automatiquement dans la base nationale des collections.", false, true},
		{"ETQ agent d'accueil, je veux que le planning des salles soit affiché chaque matin sur l'écran du hall.", false, false},
	})
}

// TestReviewProbesTwoHundredAndSixtySecondBatchVisibleOnlyTo: "visible
// seulement par" says who may see, as "visible uniquement par" did: a
// visibility rule, security notes (the corpus's fr-dem-027, a tag seen by
// one group). A thing visible only in a season is no audience. The first
// asked for none before the change.
func TestReviewProbesTwoHundredAndSixtySecondBatchVisibleOnlyTo(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ instructrice, je veux poser sur une demande une pastille de couleur visible seulement par mon service.", false, true},
		{"En tant que gestionnaire, je souhaite que les étiquettes de suivi soient visibles seulement par mon équipe.", false, true},
		{"ETQ producteur, je veux qu'un produit soit visible seulement sur ses mois de vente.", false, false},
	})
}

// TestReviewProbesTwoHundredAndSixtyThirdBatchNameWithheld: a reporter
// who withholds their name from those they report ("signaler … sans
// donner mon nom", "without giving my name") asks who may know who
// reported: security notes. The first two asked for none before the
// change.
func TestReviewProbesTwoHundredAndSixtyThirdBatchNameWithheld(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ locataire, je veux signaler des nuisances répétées d'un voisin sans donner mon nom.", true, true},
		{"As a member of staff, I want to raise a concern about a colleague's conduct without giving my name.", true, true},
		{"ETQ habitant, je veux consulter la carte des travaux de voirie sans créer de compte.", false, false},
	})
}

// TestReviewProbesTwoHundredAndSixtyFourthBatchEpidemicCases:
// epidemiology names a person by their disease ("un cas suspect de
// rougeole", "les cas contacts", "a confirmed case"): health data, both
// reviews. The number of cases per département is a count. The first and
// the third asked for less before the change.
func TestReviewProbesTwoHundredAndSixtyFourthBatchEpidemicCases(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ médecin scolaire, je veux déclarer à l'ARS un cas suspect de rougeole dans une classe.", true, true},
		{"En tant qu'infirmière de l'ARS, je souhaite appeler chaque cas contact d'un élève malade.", true, true},
		{"As a health protection officer, I want to record each confirmed case of measles with the nursery the child attends.", true, true},
		{"ETQ épidémiologiste, je veux voir le nombre de cas confirmés par département.", false, false},
	})
}
