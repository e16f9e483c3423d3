package rules_test

import "testing"

// The fourteenth round's probes: classes read from heldout31 (set AG)
// and heldout33 (set AI), written for products neither set holds and
// labelled by the policy before each change. Each batch's comment says
// which probes failed before it.

// TestReviewProbesNinetiethBatchAskingForOneself: a citizen or a person
// in an unknown role who asks for a card, a place or an exemption
// ("demander ma carte", "demander une dérogation") files a request about
// themselves: the RGPD section, as "réserver" and "apply" did. The
// first three failed before the change; asking for help or information,
// a duplicate through the existing channel, an agent asking a person
// for a document and an association's officer asking for the
// association ask nothing.
func TestReviewProbesNinetiethBatchAskingForOneself(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ parent, je veux demander une place en halte-garderie pour mon fils", true, false},
		{"ETQ habitant, je veux demander mon badge d'accès au parking en ligne afin de ne plus me déplacer", true, false},
		{"ETQ pêcheur, je veux demander une dérogation pour pêcher de nuit", true, false},
		{"ETQ usager, je veux demander de l'aide au support", false, false},
		{"ETQ usager, je veux demander des renseignements sur les horaires de la piscine", false, false},
		{"ETQ usager, je veux demander un duplicata de ma carte de bibliothèque", false, false},
		{"ETQ agent, je veux demander une pièce complémentaire au demandeur", false, false},
		{"ETQ président d'association, je veux demander une salle pour notre assemblée générale", false, false},
	})
}

// TestIssueProbesNinetyFirstBatchGroupListOffline: a criterion that keeps
// one group's list on a device without a network ("la liste du car",
// "la liste de mon groupe", "the class list") copies people's records
// onto it: the security review, though the need says nothing of working
// offline. The first three asked no security review before the change;
// a list of workshops or a map offline copies nobody's data.
func TestIssueProbesNinetyFirstBatchGroupListOffline(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Pointage à la descente du bus", "ETQ accompagnatrice, je veux pointer les élèves à la descente du bus.\n\n- la liste du bus est disponible sur le téléphone, même sans réseau", true, true},
		{"Liste de la séance hors connexion", "En tant qu'entraîneur, je souhaite que la liste de ma séance reste consultable sans réseau au stade.", false, true},
		{"Class list offline", "As a swimming teacher, I want the class list to stay available on my tablet with no signal at the pool.", false, true},
		{"Ateliers hors connexion", "ETQ animatrice, je veux consulter la liste des ateliers hors connexion.", false, false},
		{"Plan hors connexion", "ETQ usager, je veux consulter le plan du stade hors connexion.", false, false},
	})
}

// TestReviewProbesNinetySecondBatchHomeAccessCode: the code that opens
// someone's home (a door entry code, a key safe code) kept in the tool or
// shown to staff is a secret about that person: both reviews. The first
// two asked only the RGPD section before the change (the third asked
// both, for a delivery round seeing people's homes); fitting a key safe
// and a staff room's door are no one's secret.
func TestReviewProbesNinetySecondBatchHomeAccessCode(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"En tant qu'infirmière, j'ai besoin de connaître le code de la porte d'entrée du patient avant ma première visite", true, true},
		{"As a responder, I want to see the key safe code of the tenant's home when I am sent out", true, true},
		{"ETQ livreuse de repas, je veux voir le digicode de chaque bénéficiaire de ma tournée", true, true},
		{"As a tenant, I want to book a time for the installer to fit my key safe", true, false},
		{"ETQ agent, je veux signaler que la porte du local technique ne ferme plus", false, false},
	})
}

// TestIssueProbesNinetyThirdBatchDetailOfAllPeople: a quantifier between
// a detail and its owners ("l'adresse de tous les bénéficiaires", "the
// address of all tenants") still makes the detail theirs: a question of
// who sees it asks for the security review. The first two asked nothing
// before the change; the dates of all the files are nobody's detail.
func TestIssueProbesNinetyThirdBatchDetailOfAllPeople(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Question : que voient les livreuses ?", "Les livreuses doivent-elles voir l'adresse de tous les bénéficiaires ?", true, true},
		{"Question : remplaçants", "Les remplaçants doivent-ils voir le téléphone de toutes les familles du club ?", true, true},
		{"Question : dates", "Les agents doivent-ils voir la date de tous les dossiers ?", false, false},
	})
}

// TestReviewProbesNinetyFourthBatchActingForARelative: a need about one's
// own parent or relative (context on-behalf) is acting or knowing for
// another adult, whatever it does: cancelling a visit, being told, seeing
// their appointments. All four asked nothing before the change, as the
// same acts on one's own data do; a relative named in the benefit only
// asks nothing.
func TestReviewProbesNinetyFourthBatchActingForARelative(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ aidante familiale, je peux annuler le portage de repas de ma mère pendant son hospitalisation", true, true},
		{"ETQ aidant, je veux être prévenu quand l'infirmière est passée chez mon père", true, true},
		{"As a family carer, I want to see my dad's home care visits for the week", true, true},
		{"As a family carer, I want to cancel my mother's visit from the chiropodist", true, true},
		{"ETQ usager, je veux consulter les horaires de la piscine afin d'y emmener ma mère", false, false},
	})
}

// TestIssueProbesNinetyFifthBatchDiplomaAndCV: a diploma or a CV joined
// or put in one's file is an upload of a person's document: both
// reviews. The first two asked only the RGPD section before the change;
// a list of the diplomas a school prepares for is nobody's document.
func TestIssueProbesNinetyFifthBatchDiplomaAndCV(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Dépôt du diplôme", "ETQ maître-nageuse, je souhaite déposer mon diplôme du BNSSA dans mon dossier de recrutement.", true, true},
		{"Candidature en ligne", "ETQ porteuse de projet, je veux déposer ma candidature en ligne.\n\n- [ ] le formulaire demande le nom, le courriel et le téléphone\n- [ ] la porteuse joint son CV", true, true},
		{"Diplômes préparés", "ETQ usager, je veux consulter la liste des diplômes préparés au conservatoire.", false, false},
	})
}

// TestIssueProbesNinetySixthBatchWhatWasShown: a sprint review's "Montré"
// and a heading "Pas terminé, reporté au sprint 3" are its account of the
// work, read for no processing, as "Démontré" and "Pas terminé" were.
// The first two asked for reviews before the change; feedback that asks
// for a list of people sent out keeps both.
func TestIssueProbesNinetySixthBatchWhatWasShown(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Revue de sprint 2 – 4 mars", "## Montré\n- dépôt de la carte d'identité du demandeur\n- filtre des demandes par commune\n\n## Retours\n- le libellé du bouton « Valider » prête à confusion\n\n## Actions\n- renommer le bouton (Inès)", false, false},
		{"Revue de sprint 3 – 18 mars", "## Démontré\n- tableau de bord des réservations\n\n## Pas terminé, reporté au sprint 4\n- signature électronique des conventions\n- paiement par carte bancaire\n\n## Retours\n- la couleur des statuts est peu lisible", false, false},
		{"Revue de sprint 4 – 1er avril", "## Montré\n- tableau de bord\n\n## Retours\n- le service veut envoyer chaque semaine au prestataire la liste des usagers inscrits avec leurs adresses\n\n## Actions\n- écrire le récit (Inès)", true, true},
	})
}

// TestReviewProbesNinetySeventhBatchEveryRecordShown: "every booking",
// "chaque demande" before the records a display names is a quantity, as
// "all bookings" is: browsing what the same people handle. The first
// two asked for the RGPD section before the change; every person shown
// is still a new display of people.
func TestReviewProbesNinetySeventhBatchEveryRecordShown(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a hall caretaker, I want to see every booking for the day on one screen", false, false},
		{"ETQ agent d'accueil, je veux voir chaque réservation du jour sur le tableau de bord", false, false},
		{"As a hall caretaker, I want to see every hirer with their phone number for the day", true, false},
	})
}

// TestIssueProbesNinetyEighthBatchNeBeforeSeeing: "ne" before a verb of
// seeing denies or restricts it ("ne voient pas", "ne voient que") as
// "ne doivent pas voir" did: who may see a person's detail, the
// security review. The first asked only the RGPD section before the
// change (the second asked both already, read as an access rule); a
// sentence that sees nobody's detail asks nothing.
func TestIssueProbesNinetyEighthBatchNeBeforeSeeing(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"CR atelier avec les animateurs", "**Décisions**\n- les animateurs ne voient pas le téléphone des parents", true, true},
		{"CR réunion accueil", "**Décisions**\n- l'agent d'accueil ne voit que le prénom des usagers", true, true},
		{"CR réunion accueil", "**Décisions**\n- l'agent d'accueil ne voit pas les horaires de la piscine", false, false},
	})
}

// TestReviewProbesNinetyNinthBatchChosenTime: the time or the day a
// person chooses for their own call, visit or delivery is a choice the
// service keeps about them: the RGPD section. The English one failed
// before the change (the French one asked it already, from the
// delivery); an agent choosing the day of a round chooses for nobody.
func TestReviewProbesNinetyNinthBatchChosenTime(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a meals on wheels client, I would like to choose the time of my weekly delivery", true, false},
		{"ETQ bénéficiaire du portage, je veux choisir l'heure de passage du livreur", true, false},
		{"ETQ responsable des tournées, je veux choisir le jour de la tournée du secteur Nord", false, false},
	})
}

// TestReviewProbesHundredthBatchCouples: a couple is two people: a list
// of couples published, or a couple recorded, handles their data. The
// first asked nothing before the change (the second asked the RGPD
// section already, from the witnesses); a count of couples is a
// statistic.
func TestReviewProbesHundredthBatchCouples(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ chargée de communication, je veux publier sur le site la liste des couples qui renouvellent leurs vœux", true, true},
		{"ETQ officier d'état civil, je veux enregistrer le couple et ses témoins pour la cérémonie", true, false},
		{"ETQ agent, je veux voir le nombre de couples reçus en mairie cette année", false, false},
	})
}
