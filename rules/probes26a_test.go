package rules_test

import "testing"

// The twenty-second round's probes: classes read from heldout48 (set AX),
// the twenty-first round's yardstick, and the sets read before, written
// for products they do not hold and labelled by the policy before each
// change. Each batch's comment says which probes failed before it.

// TestReviewProbesTwoHundredAndTwentySecondBatchHoldingAndGiving: a
// person holding a place or dates for themselves books it ("bloquer une
// place", "bloquer mes dates"), a relative booking is a person booking
// ("en tant que proche du défunt"), and an e-mail address given or typed
// in is collected ("donner mon courriel", "enter my email"). Staff
// blocking a room for works book nothing of a person's. The first five
// asked for nothing before the change.
func TestReviewProbesTwoHundredAndTwentySecondBatchHoldingAndGiving(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"En tant que pêcheur, je souhaite bloquer une place au ponton de l'étang pour le concours de dimanche.", true, false},
		{"ETQ locataire saisonnier, je veux bloquer mes dates dans le chalet communal depuis le site.", true, false},
		{"En tant que proche d'un défunt, je veux réserver le salon funéraire municipal pour la veillée.", true, false},
		{"ETQ riverain, je veux donner mon courriel quand je signale un nid-de-poule.", true, false},
		{"As a museum visitor, I want to enter my email so that I hear about the next exhibition.", true, false},
		{"ETQ agent des sports, je veux bloquer un créneau du gymnase pour des travaux de peinture.", false, false},
	})
}

// TestIssueProbesTwoHundredAndTwentyThirdBatchAnimalsCare: an animal's
// care, vaccines or birth date name no data subject ("noter les vaccins
// de chaque chien du refuge"), in the need or in a title the need
// explains; a child's vaccines stay health data, and a dog listed among a
// person's details stays that person's. The first three asked for both
// reviews before the change.
func TestIssueProbesTwoHundredAndTwentyThirdBatchAnimalsCare(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Carnet de soins du refuge", "ETQ soigneuse du refuge, je veux noter les vaccins et les vermifuges de chaque chien.", false, false},
		{"Santé des chats recueillis", "En tant qu'agent de la fourrière, je veux saisir l'état de santé de chaque chat recueilli.", false, false},
		{"Rappels de vaccins", "ETQ palefrenier, je veux voir la liste des chevaux dont le rappel de vaccin arrive à échéance.", false, false},
		{"Vaccins des enfants", "ETQ infirmière de la crèche, je veux noter les vaccins de chaque enfant accueilli.", true, true},
	})
}

// TestReviewProbesTwoHundredAndTwentyFourthBatchPriceOfOne: the price of
// one subscription ("le tarif de l'abonnement mensuel") is a price, as
// "les tarifs des abonnements" was: the elided article split the
// phrase. Both asked for the RGPD section before the change.
func TestReviewProbesTwoHundredAndTwentyFourthBatchPriceOfOne(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ gestionnaire de la piscine, je veux modifier le tarif de l'abonnement trimestriel.", false, false},
		{"ETQ régisseur de la médiathèque, je veux afficher le prix de l'abonnement annuel sur le portail.", false, false},
	})
}

// TestReviewProbesTwoHundredAndTwentyFifthBatchExpiringLinks: a link
// that expires, or a page reached from an acknowledgement e-mail, opens
// a person's page without signing in: security notes. Questioning a
// person under caution is criminal-justice data. The four asked for no
// security notes before the change.
func TestReviewProbesTwoHundredAndTwentyFifthBatchExpiringLinks(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ géomètre, je reçois le plan cadastral par courriel ; le lien expire au bout de 48 heures.", false, true},
		{"As an applicant, I can check the progress of my request on the page reached from the acknowledgement email.", false, true},
		{"As a trading standards officer, I need to record the outcome of an interview under caution with the trader.", true, true},
		{"ETQ agent de police municipale, je veux noter la date de l'audition libre du contrevenant dans le dossier.", true, true},
	})
}

// TestReviewProbesTwoHundredAndTwentySixthBatchLimits: "je ne dois pas
// pouvoir réserver plus de …" states a limit on what one may file, like
// "sans le plan": a rule, no booking and no access right. Both asked for
// the RGPD section before the change.
func TestReviewProbesTwoHundredAndTwentySixthBatchLimits(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"En tant que lecteur, je ne dois pas pouvoir réserver plus de cinq documents à la fois.", false, false},
		{"ETQ jardinier, je ne dois pas pouvoir m'inscrire plus de deux fois au même atelier de taille.", false, false},
	})
}

// TestReviewProbesTwoHundredAndTwentySeventhBatchAutomaticRefusals: a
// refusal, a rejection, a striking-off, a suspension (in English) or a
// charge the tool decides about a person is an automated decision: the
// RGPD section. The second and the fourth asked for nothing before the
// change (the others already read their candidate and their voters).
func TestReviewProbesTwoHundredAndTwentySeventhBatchAutomaticRefusals(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ instructrice, je veux que la candidature soit rejetée automatiquement si le candidat a plus de 30 ans.", true, false},
		{"ETQ régisseur, je veux que la caution soit encaissée automatiquement si le matériel n'est pas rendu sous 15 jours.", true, false},
		{"ETQ agent du service élections, je veux que les électeurs partis de la commune soient radiés automatiquement.", true, false},
		{"As a licensing officer, I want a street trading consent to be suspended automatically when the insurance lapses.", true, false},
	})
}

// TestReviewProbesTwoHundredAndTwentyEighthBatchCountsPerWorker: a count
// split by the person who did the work ("combien de contrôles chaque
// inspecteur a réalisés", "how many potholes each inspector has logged")
// shows each named person's activity: the RGPD section. A count per
// commune or per operator stays nobody's. The first two asked for
// nothing before the change (the third already read its animators).
func TestReviewProbesTwoHundredAndTwentyEighthBatchCountsPerWorker(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ responsable de la voirie, je veux voir combien de contrôles chaque inspecteur a réalisés cette semaine.", true, false},
		{"As a highways manager, I want to see how many potholes each inspector has logged this month.", true, false},
		{"ETQ cheffe du service des sports, je veux voir le nombre d'ouvertures de salles par animateur.", true, false},
		{"ETQ directrice, je veux voir le nombre de demandes déposées par commune.", false, false},
		{"As a licensing manager, I want to see the number of complaints per operator each quarter.", false, false},
	})
}

// TestIssueProbesTwoHundredAndTwentyNinthBatchAccessDecided: access
// granted in the future tense, as meeting notes decide it ("les
// bénévoles auront accès à la liste", "the school nurses will have access
// to the care plans"), changes who sees people's data: both reviews. The
// French notes asked for nothing before the change (the English ones
// already named health data).
func TestIssueProbesTwoHundredAndTwentyNinthBatchAccessDecided(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"CR réunion avec l'épicerie solidaire (12/05)", "Présents : CCAS, deux bénévoles.\n\nDécisions :\n- les bénévoles de l'accueil auront accès à la liste des bénéficiaires du jour\n- la distribution du jeudi est avancée à 14 h", true, true},
		{"Notes: meeting with the school nursing team (3 June)", "Decisions:\n- the school nurses will have access to the pupils' care plans through the portal\n- no more emailing of care plans", true, true},
	})
}

// TestIssueProbesTwoHundredAndThirtiethBatchUploadFaults: a bug report or
// a support request about an upload that exists ("le fichier est refusé
// au-delà de 10 Mo", "photos will not upload from an iPhone") opens no new
// upload surface: no review. Both asked for security notes before the
// change.
func TestIssueProbesTwoHundredAndThirtiethBatchUploadFaults(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Support : une association n'arrive pas à joindre son budget", "Appel reçu le 3 juin : le trésorier du club veut joindre le budget prévisionnel (PDF de 12 Mo) à la demande de subvention et obtient le message « Fichier trop volumineux ».\n\nPeut-on relever la limite ?", false, false},
		{"Bug: photos will not upload from an iPhone", "Steps: open a pothole report on an iPhone, add a photo from the camera roll. The spinner never stops and the photo is not attached.", false, false},
	})
}

// TestReviewProbesTwoHundredAndThirtyFirstBatchPhotoConsent: a parent
// giving or refusing consent to photos of their child ("j'autorise ou non
// la prise de photos de mon enfant pendant la classe verte") records a
// choice about the child: the RGPD section, no security notes, no photo
// being taken, sent or published. Photos of the children published on
// the site still ask for both. The first two asked for security notes
// before the change.
func TestReviewProbesTwoHundredAndThirtyFirstBatchPhotoConsent(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ parent, je veux indiquer à l'inscription si j'autorise ou non la prise de photos de mon enfant pendant la classe verte.", true, false},
		{"ETQ parent, je veux autoriser ou refuser les photos de mon enfant lors du spectacle de fin d'année.", true, false},
		{"ETQ animatrice, je veux publier sur le site les photos des enfants du spectacle de fin d'année.", true, true},
	})
}

// TestReviewProbesTwoHundredAndThirtySecondBatchDragGesture: dragging
// something across a plan or a planning ("réorganiser les étals sur le
// plan par glisser-déposer") sends no file: no upload. Supporting
// documents dropped that way still are. The first asked for security
// notes before the change.
func TestReviewProbesTwoHundredAndThirtySecondBatchDragGesture(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ régisseuse du marché, je veux réorganiser les étals sur le plan par glisser-déposer.", false, false},
		{"ETQ demandeur, je veux déposer mes pièces justificatives par glisser-déposer.", true, true},
	})
}

// TestReviewProbesTwoHundredAndThirtyThirdBatchRecordVerb: the English
// verb "record" ("I want to record the condition of every bench") was
// read as a person's records; over a sentence that names no person and
// no photo, what is recorded is a thing's. A person named in the sentence
// keeps the RGPD section. The first two asked for it before the change.
func TestReviewProbesTwoHundredAndThirtyThirdBatchRecordVerb(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a parks officer, I want to record the condition of every bench in the park.", false, false},
		{"As a harbour engineer, I want to record the depth measured at each buoy after dredging.", false, false},
		{"As a caseworker, I want to record the reasons the applicant gives for a late claim.", true, false},
	})
}
