package rules_test

import "testing"

// The twenty-third round's probes: classes read from heldout50 (set AZ),
// the twenty-second round's yardstick, heldout51 (set BA) and the sets
// read before, written for products they do not hold and labelled by the
// policy before each change. Each batch's comment says which probes
// failed before it.

// TestReviewProbesTwoHundredAndThirtyFourthBatchThingPositions: the GPS
// position or coordinates of a thing (a bench, a compost bin, a
// defibrillator) locate no one, and "coordonnées GPS" are never contact
// details; a person's own position, a vehicle's or a phone's stay
// location data. The first four asked for an RGPD section before the
// change.
func TestReviewProbesTwoHundredAndThirtyFourthBatchThingPositions(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"En tant que technicien de la voirie, je veux ajouter un banc public avec sa position GPS et son matériau.", false, false},
		{"ETQ agent des espaces verts, je veux exporter les coordonnées GPS des composteurs collectifs.", false, false},
		{"ETQ gestionnaire des défibrillateurs, je veux saisir les coordonnées GPS de chaque défibrillateur installé dans les salles communales.", false, false},
		{"As a parks officer, I want to export the GPS coordinates of every picnic table.", false, false},
		{"ETQ usager, je veux signaler un dépôt sauvage avec ma position GPS.", true, false},
		{"En tant que responsable du parc automobile, je veux voir la position GPS des véhicules de la police municipale.", true, false},
	})
}

// TestReviewProbesTwoHundredAndThirtyFifthBatchNextInLine: staff offering
// what was freed to the first person of a list take one more step of the
// list's workflow ("proposer une parcelle libérée au premier demandeur de
// la liste d'attente"); a person joining the list, or a list that offers
// places by itself, still asks for the RGPD section. The first two asked
// for one before the change.
func TestReviewProbesTwoHundredAndThirtyFifthBatchNextInLine(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ gestionnaire des jardins familiaux, je veux proposer une parcelle libérée au premier demandeur de la liste d'attente.", false, false},
		{"En tant qu'agent du conservatoire, je souhaite proposer la place d'un élève démissionnaire au premier enfant de la liste complémentaire.", false, false},
		{"ETQ habitant, je veux m'inscrire sur la liste d'attente des jardins familiaux.", true, false},
		{"ETQ gestionnaire des jardins familiaux, je veux que chaque parcelle libérée soit proposée automatiquement au premier demandeur de la liste d'attente.", true, false},
	})
}

// TestReviewProbesTwoHundredAndThirtySixthBatchBirdsAndBees: birds, bees
// and fish are animals too; their injuries and diseases name no data
// subject. A person's injury stays health data. The first three asked for
// both reviews before the change.
func TestReviewProbesTwoHundredAndThirtySixthBatchBirdsAndBees(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ habitant, je veux signaler un pigeon blessé dans la cour de mon immeuble.", false, false},
		{"ETQ agent du centre de soins, je veux noter les oiseaux malades recueillis chaque jour.", false, false},
		{"As a beekeeper, I want to record the disease found in each hive of bees.", false, false},
		{"ETQ animateur du centre de loisirs, je veux signaler un enfant blessé pendant la sortie.", true, true},
	})
}

// TestReviewProbesTwoHundredAndThirtySeventhBatchFilingNouns: a filing
// verb spelt like a noun names a thing ("le stock en réserve", "the
// electoral register", "in the register"); booking, registering and
// taking a register of children stay acts on a person. The first two
// asked for an RGPD section before the change.
func TestReviewProbesTwoHundredAndThirtySeventhBatchFilingNouns(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"En tant que magasinier de la ludothèque, je souhaite voir les jeux en réserve par catégorie.", false, false},
		{"As a member of the public, I want to look up the war graves of a village in the register.", false, false},
		{"As a visitor, I want to find the listed buildings of my street in the register.", false, false},
		{"ETQ habitant, je veux réserver un composteur pour mon jardin.", true, false},
		{"As a resident, I want to register for the garden waste collection.", true, false},
		{"As a Brownies leader, I want to take the register of my unit on my phone.", true, false},
	})
}

// TestReviewProbesTwoHundredAndThirtyEighthBatchHearingAudience: a
// feature made for people who are hard of hearing ("pour les personnes
// malentendantes") is an audience, like "sourd"; a person said to be
// hard of hearing stays health data. The first two asked for both
// reviews before the change.
func TestReviewProbesTwoHundredAndThirtyEighthBatchHearingAudience(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Annonces", "En tant qu'habitant, je souhaite des annonces visuelles pour les personnes malentendantes sur les écrans de la gare routière.", false, false},
		{"Boucle magnétique pour les usagers malentendants", "En tant qu'agent d'accueil, je souhaite signaler sur le site que l'accueil de la piscine est équipé d'une boucle magnétique.", false, false},
		{"Interprète", "ETQ agent d'accueil, je veux noter qu'un usager est malentendant pour prévoir un interprète au rendez-vous.", true, true},
	})
}

// TestReviewProbesTwoHundredAndThirtyNinthBatchOfflineMap: a map kept
// offline holds no one's records ("le plan des bornes incendie hors
// ligne", "the map of the trails"), though it names a kind of access
// after a person's word ("les accès pompiers"); children's records kept
// offline still ask for the security notes. The first two asked for them
// before the change.
func TestReviewProbesTwoHundredAndThirtyNinthBatchOfflineMap(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"En tant que gardien du stade, je veux consulter hors ligne le plan des sorties de secours et des accès pompiers.", false, false},
		{"As a ranger, I want the map of the trails to be available offline on my phone.", false, false},
		{"En tant qu'animateur, je peux consulter hors ligne le plan du camp et les fiches des enfants de mon groupe.", false, true},
	})
}

// TestReviewProbesTwoHundredAndFortiethBatchMovingAbout: someone said to
// move about in a wheelchair or with a walking frame discloses health
// data ("quels inscrits se déplacent en fauteuil", "say if I use a
// wheelchair"); a place accessible to wheelchairs is an audience. The
// first three asked for the RGPD section alone, or nothing, before the
// change.
func TestReviewProbesTwoHundredAndFortiethBatchMovingAbout(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ animatrice du club des aînés, je veux savoir quels adhérents se déplacent en fauteuil pour la sortie au musée.", true, true},
		{"As a day centre manager, I want to note which members use a walking frame so that the minibus has room.", true, true},
		{"As a runner, I want to say if I use a wheelchair when I enter the town 10K.", true, true},
		{"ETQ visiteur, je veux savoir quels jardins publics sont accessibles en fauteuil.", false, false},
	})
}

// TestReviewProbesTwoHundredAndFortyFirstBatchPersonInCharge: the
// person in charge ("le responsable", "le référent") owns the phone or
// the e-mail address named with them; the members' plural joining a scan
// send a file. The first and the third asked for less before the change.
func TestReviewProbesTwoHundredAndFortyFirstBatchPersonInCharge(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent de police municipale, je veux consulter la liste des terrasses avec le téléphone du responsable de chaque établissement.", true, false},
		{"En tant que gardien de la salle, je veux voir le courriel du référent de chaque association.", true, false},
		{"ETQ coordinatrice du chantier jeunes, je veux que les participants mineurs joignent le scan de l'autorisation parentale.", true, true},
		{"ETQ agent des sports, je veux voir le planning du responsable des équipements.", false, false},
	})
}

// TestIssueProbesTwoHundredAndFortySecondBatchListDenied: a detail the
// criteria deny as one more item of a list ("on ne demande ni nom ni
// plaque d'immatriculation") is not collected, though the keyword
// completes a noun; a detail asked for stays. The first asked for an RGPD
// section before the change.
func TestIssueProbesTwoHundredAndFortySecondBatchListDenied(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Pesée des dépôts", "En tant qu'agent de la ressourcerie, je souhaite peser chaque dépôt.\n\n- on ne demande ni nom ni plaque d'immatriculation", false, false},
		{"Passage en déchèterie", "En tant qu'agent de déchèterie, je souhaite noter la plaque d'immatriculation de chaque véhicule professionnel.", true, false},
	})
}

// TestReviewProbesTwoHundredAndFortyThirdBatchOrganisationsOwn: an
// organisation's bank details named with the English possessive ("our
// club's bank details") are the organisation's: security notes, no RGPD
// section, as "le RIB de notre association" already was. The first two
// asked for both before the change.
func TestReviewProbesTwoHundredAndFortyThirdBatchOrganisationsOwn(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a sports club secretary, I want to give the council our club's bank details for the grant.", false, true},
		{"As a festival organiser, I want to send the council our charity's bank account details so that the grant is paid.", false, true},
		{"As a resident, I want to give the council my bank details for the refund.", true, true},
	})
}

// TestReviewProbesTwoHundredAndFortyFourthBatchOfInterest: what a
// person chooses as of interest to them is a preference kept ("choisir
// les genres qui m'intéressent", "pick the events that interest me");
// finding what interests one is browsing. The first two asked for nothing
// before the change.
func TestReviewProbesTwoHundredAndFortyFourthBatchOfInterest(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ lecteur de la médiathèque, je veux choisir les genres qui m'intéressent pour recevoir des suggestions.", true, false},
		{"As a resident, I want to pick the events that interest me so that I get reminders.", true, false},
		{"ETQ visiteur, je veux trouver rapidement les expositions qui m'intéressent.", false, false},
	})
}

// TestReviewProbesTwoHundredAndFortyFifthBatchPublicReadWithoutAccount:
// reading public pages without an account ("consulter les menus sans
// créer de compte", "see the pool timetable without signing in") opens
// no record, so no key needs securing; one's own appointment or the
// files one received, reached without an account, still do. The first two
// asked for the security notes before the change.
func TestReviewProbesTwoHundredAndFortyFifthBatchPublicReadWithoutAccount(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ parent, je veux consulter les menus de la cantine de ma commune sans créer de compte.", false, false},
		{"As a visitor, I want to see the pool timetable without signing in.", false, false},
		{"ETQ usager, je veux annuler mon rendez-vous à la piscine depuis le lien reçu, sans créer de compte.", false, true},
		{"ETQ destinataire, je veux télécharger les documents reçus sans créer de compte.", false, true},
	})
}

// TestReviewProbesTwoHundredAndFortySixthBatchSheetsSentToABody: a
// person's sheet or file sent to a body named with its adjective ("au
// centre hospitalier", "à la police nationale") is a new recipient of
// their record; a programme sent there names no one. The first two asked
// for the RGPD section alone before the change.
func TestReviewProbesTwoHundredAndFortySixthBatchSheetsSentToABody(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ directrice de l'accueil de loisirs, je veux transmettre au centre social la fiche de chaque enfant accompagné.", true, true},
		{"En tant que régisseur de la fourrière, je souhaite transmettre à la police nationale le dossier de chaque propriétaire identifié.", true, true},
		{"ETQ animatrice, je veux transmettre au centre social le programme des animations du mois.", false, false},
	})
}

// TestReviewProbesTwoHundredAndFortySeventhBatchSuggestionsFromThePast:
// suggestions computed from what one booked, bought or borrowed are a
// profile ("des idées selon les jeux que j'ai empruntés", "based on my
// past bookings", which the rules read already); a list sorted by the
// days of the week is none. The first asked for nothing before the
// change.
func TestReviewProbesTwoHundredAndFortySeventhBatchSuggestionsFromThePast(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ adhérent de la ludothèque, je veux recevoir des idées de jeux selon les jeux que j'ai empruntés.", true, false},
		{"As a leisure centre member, I want class suggestions based on my past bookings.", true, false},
		{"ETQ visiteur, je veux voir les horaires de la piscine selon les jours de la semaine.", false, false},
	})
}

// TestReviewProbesTwoHundredAndFortyEighthBatchOrdersAndSeizures: a
// court's protection order, a penalty infringement notice and goods
// seized from a person are offences' data, like a penalty notice. They
// asked for the RGPD section alone before the change.
func TestReviewProbesTwoHundredAndFortyEighthBatchOrdersAndSeizures(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a school admissions officer, I want to record that a protection order names one of the child's parents.", true, true},
		{"As a trading standards officer, I want to record the goods seized from each market trader.", true, true},
		{"As a building control officer, I want to record a penalty infringement notice given to a builder.", true, true},
	})
}

// TestReviewProbesTwoHundredAndFortyNinthBatchLinksThatAct: a link that
// confirms or validates from a message, or one received in a letter,
// opens the person's record without signing in ("une convocation avec un
// lien pour confirmer ma présence", "suivre ma demande depuis le lien reçu
// dans le courrier"). They asked for nothing before the change.
func TestReviewProbesTwoHundredAndFortyNinthBatchLinksThatAct(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ témoin, je reçois une convocation par courriel avec un lien pour confirmer ma présence à l'audience.", false, true},
		{"ETQ demandeur, je veux suivre l'état de ma demande de permis depuis le lien reçu dans le courrier d'accusé de réception.", false, true},
	})
}

// TestReviewProbesTwoHundredAndFiftiethBatchSubscribers: a subscriber
// ("abonné") is a person the need may handle, not an act of subscribing;
// one's own invoices in one's subscriber space are one's own documents.
// Subscribing still collects the subscriber's address. The first asked
// for the RGPD section before the change.
func TestReviewProbesTwoHundredAndFiftiethBatchSubscribers(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ usager du réseau de chaleur, je veux télécharger mes factures depuis mon espace abonné.", false, false},
		{"ETQ habitant, je veux m'abonner à la lettre d'information de la commune.", true, false},
		{"ETQ agent de la piscine, je veux exporter la liste des abonnés avec leur adresse.", true, true},
	})
}
