package rules_test

import "testing"

// The twenty-seventh round's probes: classes read from heldout58 (set
// BH), the twenty-sixth round's yardstick, heldout59 (set BI) and the
// sets read before, written for products they do not hold and labelled
// by the policy before each change. Each batch's comment says which
// probes failed before it.

// TestReviewProbesTwoHundredAndNinetySeventhBatchRespondents: the people
// who answered a survey or a consultation ("respondents' names and
// postcodes") are people; their count is not. The first asked for no
// review before the change.
func TestReviewProbesTwoHundredAndNinetySeventhBatchRespondents(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a planning officer, I want to export the survey answers with respondents' names and postcodes to a spreadsheet.", true, true},
		{"As a planning officer, I want to see the number of respondents per ward.", false, false},
	})
}

// TestReviewProbesTwoHundredAndNinetyEighthBatchSamplingBeds: the beds,
// rooms and posts of a blood drive ("les lits de prélèvement", "la salle
// de prélèvement") and a blood sample ("prélèvement sanguin") debit no
// one; a monthly debit still does. The first asked for both reviews
// before the change (the second already asked for none).
func TestReviewProbesTwoHundredAndNinetyEighthBatchSamplingBeds(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ responsable logistique du centre de santé, je veux connaître le nombre de lits de prélèvement disponibles chaque matin.", false, false},
		{"ETQ gestionnaire du laboratoire municipal, je veux afficher les horaires de la salle de prélèvement sur le site.", false, false},
		{"ETQ adhérent de la médiathèque, je veux payer ma cotisation par prélèvement mensuel.", true, true},
	})
}

// TestReviewProbesTwoHundredAndNinetyNinthBatchSignNoun: an English
// "sign" after a determiner, a number or its kind is a sign put up ("the
// 312 signs are skipped", "replace the road signs"), nobody signing; a
// person who signs still does. The first two asked for both reviews
// before the change.
func TestReviewProbesTwoHundredAndNinetyNinthBatchSignNoun(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a highways technician, I want to add the direction signs of each junction to the map.", false, false},
		{"As a parks officer, I want to replace the warning signs at the boating lake.", false, false},
		{"As a tenant, I want to sign my garage rental agreement online.", true, true},
	})
}

// TestReviewProbesThreeHundredthBatchStaffOnARota: staff placed on a rota
// by their post ("assign stewards to each gate", "affecter chaque
// surveillant à une salle", "le planning des soigneurs") are named people
// whose working time is recorded: the RGPD section. A steward who only
// reads a map handles nobody. The first three asked for nothing before
// the change.
func TestReviewProbesThreeHundredthBatchStaffOnARota(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a festival manager, I want to assign stewards to each gate for the Saturday.", true, false},
		{"ETQ responsable des examens, je veux affecter chaque surveillant à une salle pour la session de juin.", true, false},
		{"ETQ chef de la ménagerie, je veux établir le planning mensuel des soigneurs par bâtiment.", true, false},
		{"As a steward, I want to see the site map on my phone.", false, false},
	})
}

// TestReviewProbesThreeHundredAndFirstBatchOvertime: overtime one claims
// is hours worked ("saisir mes heures supplémentaires", "claim my
// overtime"): the RGPD section. The first asked for none before the
// change (the second was already read through "my").
func TestReviewProbesThreeHundredAndFirstBatchOvertime(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent des espaces verts, je veux saisir mes heures supplémentaires de la semaine pour qu'elles soient payées.", true, false},
		{"As a grounds officer, I want to claim my overtime for the flower show weekend.", true, false},
	})
}

// TestReviewProbesThreeHundredAndSecondBatchSiteStaffPhotos: a works
// manager ("conducteur de travaux") is staff, not a driver, and a
// floodlight ("projecteur") is a thing: their photos of a site or a
// device are an upload but nobody's data; a driver's photo of their own
// car is theirs. The first two asked for the RGPD section before the
// change.
func TestReviewProbesThreeHundredAndSecondBatchSiteStaffPhotos(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"En tant que conducteur de travaux, je souhaite joindre les photos de la tranchée et des soudures à la fiche du chantier de la nouvelle halle.", false, true},
		{"ETQ agent de maintenance du gymnase, je veux signaler une panne avec une photo du projecteur.", false, true},
		{"ETQ conducteur, je veux déclarer mon accident avec une photo de ma voiture.", true, true},
	})
}

// TestReviewProbesThreeHundredAndThirdBatchSamplerFirst: the samples a
// laboratory or the ARS takes ("le laboratoire publie ses
// prélèvements", "les prélèvements que le laboratoire réalise") are
// samples whichever side of the word the sampler stands; a member's debit
// still is bank data. The first asked for both reviews before the change.
func TestReviewProbesThreeHundredAndThirdBatchSamplerFirst(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent du service des eaux, je veux afficher sur le site les prélèvements que le laboratoire départemental réalise chaque semaine.", false, false},
		{"ETQ adhérent du club nautique, je veux payer ma licence par prélèvement en trois fois.", true, true},
	})
}

// TestReviewProbesThreeHundredAndFourthBatchSumOfPayments: a sum of
// payments in a report ("sum of card payments") is a figure, nobody's
// card. The first asked for both reviews before the change.
func TestReviewProbesThreeHundredAndFourthBatchSumOfPayments(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a leisure centre manager, I want a weekly report of takings.\n\n- one line per day with the sum of card payments and the cash total", false, false},
	})
}

// TestReviewProbesThreeHundredAndFifthBatchSaidNotToBe: a keyword the
// subject is said not to be ("les billets ne sont pas nominatifs",
// "passes are not named") is denied. Named passes still are data. The
// first asked for the RGPD section before the change.
func TestReviewProbesThreeHundredAndFifthBatchSaidNotToBe(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent du musée des Beaux-Arts, je veux scanner les billets à l'entrée des expositions.\n\n- les tickets ne sont pas nominatifs", false, false},
		{"ETQ agent du musée des Beaux-Arts, je veux imprimer des pass annuels nominatifs avec la photo du titulaire.", true, true},
	})
}

// TestReviewProbesThreeHundredAndSixthBatchKindOfPerson: a person's noun
// after "type de", "catégorie de" ("par type d'abonné") names a category
// of a breakdown, no one; a person's profile still is theirs. The first
// asked for the RGPD section before the change.
func TestReviewProbesThreeHundredAndSixthBatchKindOfPerson(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ responsable du service des eaux, je veux la consommation annuelle par catégorie d'abonné pour le rapport du maire.", false, false},
		{"ETQ conseillère emploi, je veux modifier le profil d'un demandeur.", true, false},
	})
}

// TestReviewProbesThreeHundredAndSeventhBatchOrganisationsAdjective: a
// person's noun right after an organisation's ("les clubs résidents",
// "les communes membres") is its adjective in French: organisations, no
// one. The members of a club still are people. The first two asked for
// the RGPD section before the change.
func TestReviewProbesThreeHundredAndSeventhBatchOrganisationsAdjective(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ gestionnaire du gymnase, je veux envoyer les créneaux de la rentrée aux clubs résidents.", false, false},
		{"ETQ chargé de mission du syndicat, je veux publier le calendrier des collectes pour les communes membres.", false, false},
		{"ETQ secrétaire du club, je veux exporter la liste des adhérents avec leur téléphone.", true, true},
	})
}

// TestReviewProbesThreeHundredAndEighthBatchRecordAsModifier: an English
// record word before the noun it qualifies ("the booking diary", "a
// clearer booking confirmation", "the application reference") names a
// calendar, a message or a number, nobody's record; a booking taken for
// a caller still is theirs. The first two asked for the RGPD section
// before the change.
func TestReviewProbesThreeHundredAndEighthBatchRecordAsModifier(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a sports hall supervisor, I want the booking calendar to grey out the days the hall is closed.", false, false},
		{"As a theatre box office manager, I want a shorter booking confirmation that says where to collect tickets.", false, false},
		{"As a box office clerk, I want to take a booking over the phone for a caller who has no email address.", true, false},
	})
}

// TestReviewProbesThreeHundredAndNinthBatchOnlySeeMine: "only see" with
// the speaker for subject ("I want to only see …", "so that I only see
// my own round") is a filter of their own view; a rule that others only
// see their own area still restricts who sees what. The first two asked
// for security notes before the change.
func TestReviewProbesThreeHundredAndNinthBatchOnlySeeMine(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a grounds maintenance supervisor, I want to narrow the jobs list to one park so that I only see the work for today.", false, false},
		{"As a grounds maintenance supervisor, I want to only see the open jobs of one park.", false, false},
		{"As a system administrator, I want to give each contractor an account so that contractors only see the names and phone numbers of the tenants of their own estate.", true, true},
	})
}

// TestReviewProbesThreeHundredAndTenthBatchChief: a "chef" (de bord,
// d'équipe, de famille) is a person whose name and phone are theirs
// ("le nom et le téléphone de leur chef de bord"): exported in bulk, both
// reviews. The first asked for none before the change.
func TestReviewProbesThreeHundredAndTenthBatchChief(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent du port de pêche, je veux exporter la liste des navires à quai avec le nom et le téléphone de leur chef de bord.", true, true},
		{"ETQ agent du port de pêche, je veux exporter la liste des navires à quai avec leur tonnage.", false, false},
	})
}

// TestReviewProbesThreeHundredAndEleventhBatchRotaSentOut: a rota names
// the staff of each shift: e-mailed or sent with their names and phones,
// it takes people's details out (both reviews); sent with no detail
// named, or a planning of pitches sent to the resident clubs, it does
// not. The first asked for no security notes before the change, the
// third for the RGPD section (its "résidents" read as people).
func TestReviewProbesThreeHundredAndEleventhBatchRotaSentOut(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a museum duty manager, I want to email the monthly rota to every attendant.\n\n- the rota lists each day's shifts with the attendants' names and mobile numbers", true, true},
		{"ETQ responsable du centre de loisirs, je veux envoyer le planning de la semaine aux animateurs.", false, false},
		{"ETQ gestionnaire du gymnase, je veux envoyer le planning des salles aux clubs résidents.", false, false},
	})
}

// TestReviewProbesThreeHundredAndTwelfthBatchTariffLines: a
// subscription priced ("les prix de la location et de l'abonnement",
// "| Abonnement annuel | 45 € |") is a tariff, nobody's subscription; a
// person's subscription still is theirs. The first two asked for the
// RGPD section before the change.
func TestReviewProbesThreeHundredAndTwelfthBatchTariffLines(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ responsable de la ludothèque, je veux saisir une fois par an les prix de la location des jeux et de l'abonnement familial.", false, false},
		{"ETQ responsable de la ludothèque, je veux afficher la grille des tarifs sur le site.\n\n| Formule | Tarif |\n|---|---|\n| Abonnement annuel | 45 € |\n| Location d'un jeu | 2 € |", false, false},
		{"ETQ adhérent de la ludothèque, je veux renouveler mon abonnement en ligne.", true, false},
	})
}
