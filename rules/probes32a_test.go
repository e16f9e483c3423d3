package rules_test

import "testing"

// The twenty-eighth round's probes: classes read from heldout60 (set BJ),
// the twenty-seventh round's yardstick, heldout61 (set BK) and the sets
// read before, written for products they do not hold and labelled by the
// policy before each change. Each batch's comment says which probes
// failed before it.

// TestReviewProbesThreeHundredAndThirteenthBatchVolunteerDays: an English
// people noun, singular, before a day, an event or a place qualifies it
// ("the next volunteer days", "the visitor centre"): a day the service
// runs, nobody's data. Volunteers' own days and a list of volunteers
// still are. The first two asked for the RGPD section before the change.
func TestReviewProbesThreeHundredAndThirteenthBatchVolunteerDays(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a volunteer, I want to see the dates of the next beach clean volunteer mornings on the park website.", false, false},
		{"As a ranger, I want to show the opening hours of the visitor centre on the country park's home page.", false, false},
		{"As a ranger, I want to export the list of volunteers with their phone numbers for the next work party.", true, true},
	})
}

// TestReviewProbesThreeHundredAndFourteenthBatchConservationState: the
// "état de conservation" of a thing and a "conservation area" are the
// care of a thing or a place, no retention of data; a retention period of
// people's files still asks for security notes. The first two asked for
// a security review before the change.
func TestReviewProbesThreeHundredAndFourteenthBatchConservationState(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ régisseur des collections, je veux noter l'état de conservation de chaque tableau prêté par les familles donatrices.", true, false},
		{"As a planning officer, I want to flag applications in a conservation area for the heritage officer, with the applicant's name.", true, false},
		{"ETQ agent d'accueil, je veux consulter la durée de conservation des dossiers des usagers.", true, true},
	})
}

// TestReviewProbesThreeHundredAndFifteenthBatchCountedPeople: people
// counted by a number after a preposition or opening a parenthesis state
// a capacity ("limiter chaque visite à quinze personnes", "(30 visiteurs
// au plus)", "groups of 12 children"), nobody's data. People a number
// picks out ("mes 2 enfants", "nominate two referees") are still people.
// The first three asked for the RGPD section before the change.
func TestReviewProbesThreeHundredAndFifteenthBatchCountedPeople(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ responsable du planétarium, je veux limiter chaque séance à quinze personnes.", false, false},
		{"ETQ régisseur, je veux régler la jauge de la salle d'exposition (30 visiteurs au plus).", false, false},
		{"As a ranger, I want to set the size of the guided walks to groups of 12 children.", false, false},
		{"ETQ parent, je veux inscrire mes 2 enfants au centre de loisirs du mercredi.", true, false},
		{"As an applicant, I want to nominate two referees who can vouch for me.", true, false},
	})
}

// TestReviewProbesThreeHundredAndSixteenthBatchBuildingSamples: the
// samples of a building survey ("les prélèvements du repérage plomb",
// "les fiches de prélèvement des matériaux") debit no one; a rent paid
// by monthly debit still does. The first two asked for both reviews
// before the change.
func TestReviewProbesThreeHundredAndSixteenthBatchBuildingSamples(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ technicienne des bâtiments, je veux saisir sur tablette les prélèvements du repérage plomb de l'école.", false, false},
		{"ETQ technicienne des bâtiments, je veux imprimer les fiches de prélèvement des matériaux à analyser.", false, false},
		{"ETQ locataire, je veux payer mon loyer par prélèvement mensuel.", true, true},
	})
}

// TestReviewProbesThreeHundredAndSeventeenthBatchPseudonymGiven: a
// pseudonym given instead of a name is a detail collected (the RGPD
// section), no anonymisation to review; an appointment taken under a
// pseudonym is anonymity asked for, and still asks for security notes.
// The first asked for a security review before the change.
func TestReviewProbesThreeHundredAndSeventeenthBatchPseudonymGiven(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ usager de la laverie solidaire, je veux réserver une machine en donnant un prénom ou un pseudonyme.", true, false},
		{"ETQ usager du centre de dépistage, je veux prendre rendez-vous sous un pseudonyme afin de rester anonyme.", true, true},
	})
}

// TestReviewProbesThreeHundredAndEighteenthBatchSkillPassport: a passport
// that records a level or a scheme ("le passeport d'assurage", "son
// passeport Orange", "a volunteer passport") is no identity document,
// even where the title names it bare; a travel passport still asks for
// security notes. The first three asked for a security review before
// the change (the RGPD section is asked for: a level obtained is a
// person's data).
func TestReviewProbesThreeHundredAndEighteenthBatchSkillPassport(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ maître-nageur, je veux enregistrer le passeport Orange obtenu par un enfant à la fin du stage.", true, false},
		{"As a volunteer coordinator, I want to record the volunteer passport each volunteer completes after training.", true, false},
		{"ETQ responsable de la base de canoë, je veux enregistrer le passeport de compétences obtenu par un adhérent.\n\nLe moniteur saisit le passeport à la fin de la séance.", true, false},
		{"ETQ usager, je veux joindre la copie de mon passeport à ma demande de carte de résident.", true, true},
	})
}

// TestReviewProbesThreeHundredAndNineteenthBatchCredited: money credited
// back to the card that paid ("le montant est recrédité sur la carte
// bancaire utilisée") is a refund the way it came, no bank detail
// collected; a card registered to pay still is. The first asked for
// both reviews before the change.
func TestReviewProbesThreeHundredAndNineteenthBatchCredited(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent de caisse de la piscine, je veux annuler une entrée vendue par erreur.\n\nLe montant est recrédité sur la carte bancaire utilisée pour l'achat.", false, false},
		{"ETQ usager de la piscine, je veux enregistrer ma carte bancaire pour payer mes entrées.", true, true},
	})
}

// TestReviewProbesThreeHundredAndTwentiethBatchMemberCardNumber: the
// number of a member's, library or travel card ("le numéro de carte" of
// a "carte d'abonné") is no bank card; a bank
// card number still asks for both reviews. The first two asked for a
// security review before the change.
func TestReviewProbesThreeHundredAndTwentiethBatchMemberCardNumber(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent d'accueil de la piscine, je veux imprimer le nom et le numéro de carte d'abonné sur le reçu de chaque abonné.", true, false},
		{"ETQ agent d'accueil de la piscine, je veux noter le numéro de carte et le nom de l'abonné quand il oublie sa carte d'abonné.", true, false},
		{"ETQ usager de la piscine, je veux enregistrer le numéro de carte bancaire qui paiera mes entrées.", true, true},
	})
}

// TestReviewProbesThreeHundredAndTwentyFirstBatchMachineFeed: a feed in a
// machine format that another body's system reads ("un flux JSON des
// emplacements libres", "an iCal feed of the events") is an
// interconnection: security notes, with no personal data. A flow of
// visitors per day is a count, no feed and nobody's data. The first two
// asked for nothing before the change, the third for the RGPD section.
func TestReviewProbesThreeHundredAndTwentyFirstBatchMachineFeed(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ gestionnaire du camping municipal, je veux publier un flux JSON des emplacements libres que lit le site de la communauté de communes.", false, true},
		{"As the library events officer, I want to offer an iCal feed of the talks that the county's what's-on site imports every night.", false, true},
		{"ETQ gestionnaire du camping municipal, je veux afficher le flux de visiteurs par jour sur le tableau de bord.", false, false},
	})
}

// TestReviewProbesThreeHundredAndTwentySecondBatchDeniedList: a negation
// that opens a short list joined by "or" denies every item of it ("no
// visitor or donor names", "aucun nom ou prénom d'élève"); a list of
// names kept still asks for the RGPD section. The first two asked for
// the RGPD section before the change.
func TestReviewProbesThreeHundredAndTwentySecondBatchDeniedList(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As the museum's finance officer, I want a monthly summary of ticket sales and gift aid.\n\nTotals only; no visitor or donor names.", false, false},
		{"ETQ principal du collège, je veux le nombre de repas servis par jour.\n\nLe tableau ne contient aucun nom ou prénom d'élève.", false, false},
		{"As the museum's membership officer, I want to export the members' names and postcodes for the annual mailing.", true, true},
	})
}

// TestReviewProbesThreeHundredAndTwentyThirdBatchFieldsOfAPlace: fields
// listed after "pour chaque <lieu ou organisation> :" are the place's
// ("pour chaque école : nom, adresse, statut"), nobody's details; listed
// for each family they are still a person's. The first two asked for
// the RGPD section before the change.
func TestReviewProbesThreeHundredAndTwentyThirdBatchFieldsOfAPlace(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ chargé de communication, je veux publier la liste des écoles avec leur mesure de radon.\n\n- pour chaque école : nom, adresse, résultat, date de la dernière mesure", false, false},
		{"As the parks officer, I want to publish the list of playgrounds on the council website.\n\n- for each site: name, address, opening hours", false, false},
		{"ETQ agent du CCAS, je veux imprimer la feuille de tournée des colis de Noël.\n\n- pour chaque famille : nom, adresse, nombre d'enfants", true, false},
	})
}

// TestReviewProbesThreeHundredAndTwentyFourthBatchRecordsTakenOver:
// records taken over from a spreadsheet, counted or qualified ("reprise
// des 480 inscriptions du tableur", "reprise des anciennes demandes") are
// a migration: security notes; classes resuming ("la reprise des cours")
// take over nothing. The first asked for no security review before the
// change.
func TestReviewProbesThreeHundredAndTwentyFourthBatchRecordsTakenOver(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Tâche technique : reprise des 480 inscriptions du tableur", "Reprise des 480 inscriptions de l'école de musique saisies dans le tableur partagé (nom de l'élève, nom et courriel des parents, instrument).\n\n- [ ] script d'import\n- [ ] suppression du tableur après recette", true, true},
		{"Calendrier de la rentrée", "ETQ parent, je veux connaître la date de la reprise des cours de l'école de musique.", false, false},
	})
}

// TestReviewProbesThreeHundredAndTwentyFifthBatchBlankMinutes: the model
// of a procès-verbal ("la préfecture fournit le modèle de procès-verbal")
// is a blank form, no offence recorded; a procès-verbal of an offence
// still asks for both reviews. The first asked for both before the
// change.
func TestReviewProbesThreeHundredAndTwentyFifthBatchBlankMinutes(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ secrétaire de la commission de sécurité, je veux télécharger le modèle de procès-verbal de la visite.", false, false},
		{"ETQ agent de la police municipale, je veux rédiger le procès-verbal d'une infraction au stationnement avec le nom du contrevenant.", true, true},
	})
}

// TestReviewProbesThreeHundredAndTwentySixthBatchTimeSlotHeld: holding a
// time slot for oneself ("bloquer une plage horaire", "bloquer un vélo
// cargo sur une plage de deux heures") is a booking: the RGPD section. A
// slot closed by staff blocks nobody's. The first two asked for nothing
// before the change.
func TestReviewProbesThreeHundredAndTwentySixthBatchTimeSlotHeld(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ usager de la ludothèque, je veux bloquer une plage horaire pour jouer sur place le samedi.", true, false},
		{"ETQ adhérent de l'association, je veux bloquer un vélo cargo sur une plage de deux heures.", true, false},
		{"ETQ responsable de la ludothèque, je veux fermer une plage horaire pendant l'inventaire.", false, false},
	})
}

// TestReviewProbesThreeHundredAndTwentySeventhBatchCoaches: the coaches a
// club or a pool employs are people ("give the two new swimming coaches
// access", "record each coach's safeguarding course"); a coach that is a
// bus is not ("the coach park", "by coach"). The first two asked for no
// RGPD section before the change.
func TestReviewProbesThreeHundredAndTwentySeventhBatchCoaches(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As the leisure centre manager, I want to record the date of each coach's safeguarding course.", true, false},
		{"As a system administrator, I want to give the two new swimming coaches access to the lessons module.", true, true},
		{"As a visitor, I want to see where the coach park is on the festival map.", false, false},
		{"As a school trips officer, I want to show which museums can be reached by coach from the town centre.", false, false},
	})
}

// TestReviewProbesThreeHundredAndTwentyEighthBatchMadeOutInName: a label,
// a ticket or a voucher made out in someone's name ("une étiquette au nom
// de l'usager", "un bon au nom de la famille") is theirs, nobody acting
// for them: the RGPD section, no security review. Filing a request in
// one's mother's name still acts for her. The first two asked for a
// security review before the change.
func TestReviewProbesThreeHundredAndTwentyEighthBatchMadeOutInName(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ bénévole de la ressourcerie, je veux imprimer une étiquette au nom de l'usager pour chaque objet déposé en réparation.", true, false},
		{"ETQ agent du CCAS, je veux éditer un bon au nom de la famille pour l'épicerie solidaire.", true, false},
		{"ETQ usager, je veux déposer la demande d'aide au nom de ma mère.", true, true},
	})
}
