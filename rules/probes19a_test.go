package rules_test

import "testing"

// The fifteenth round's probes: classes read from heldout34 (set AJ),
// the fourteenth round's yardstick, and from heldout35 (set AK), written
// for products neither set holds and labelled by the policy before each
// change. Each batch's comment says which probes failed before it.

// TestReviewProbesHundredAndFirstBatchSoftwareInjection: an injection
// that a flaw or an attack names ("faille d'injection", "injection SQL")
// is a weakness of software: the security review, no RGPD section. The
// first three asked for the RGPD section before the change (an
// injection read as a jab, health data); a nurse recording the
// injections given still asks both.
func TestReviewProbesHundredAndFirstBatchSoftwareInjection(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Monter la bibliothèque de cartes en 3.1.2", "Le CERT-FR signale une faille d'injection dans la version 3.1.0. Passer en 3.1.2.", false, true},
		{"Corriger l'injection SQL du moteur de recherche", "La recherche des salles accepte une injection SQL dans le champ « commune ».", false, true},
		{"Fix code injection in the export template", "A code injection flaw in the template engine lets anyone run scripts. Upgrade it.", false, true},
	})
	reviewProbes(t, []reviewProbe{
		{"En tant qu'infirmière scolaire, je veux noter les injections faites à chaque élève", true, true},
	})
}

// TestReviewProbesHundredAndSecondBatchHealthNamedByItsTest: a mental
// capacity assessment and a heart trace (ECG) are about a person's
// health: both reviews. Before the change the first two asked the RGPD
// section only and the fourth nothing; the third, naming a patient,
// asked both already.
func TestReviewProbesHundredAndSecondBatchHealthNamedByItsTest(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a care coordinator, I want to record the outcome of a mental capacity assessment on the person's file", true, true},
		{"As a social worker, I want to see when the last capacity assessment of the resident was done", true, true},
		{"ETQ régulateur, je veux recevoir le tracé ECG du patient transmis par l'ambulance", true, true},
		{"ETQ technicien, je veux joindre au signalement le tracé ECG enregistré par le défibrillateur", true, true},
	})
}

// TestIssueProbesHundredAndThirdBatchNetworkFiltering: a firewall, a VPN
// or an encrypted tunnel is a security control whatever flows through
// it. All three asked nothing before the change; a network cable's
// length asks nothing.
func TestIssueProbesHundredAndThirdBatchNetworkFiltering(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"VPN des postes de la médiathèque", "- [ ] monter le VPN entre l'annexe et le siège\n- [ ] tester la bascule", false, true},
		{"Règles du pare-feu de l'annexe", "Ouvrir seulement les ports 443 et 22 sur le pare-feu de l'annexe.", false, true},
		{"Firewall rules for the depot", "Close every inbound port on the depot firewall but 443.", false, true},
		{"Câble réseau de la salle", "Le câble de la salle 2 est trop court de deux mètres.", false, false},
	})
}

// TestIssueProbesHundredAndFourthBatchInvoicesAndPaperRecords: invoices
// joined as proof are an upload; paper records keyed into the tool are a
// migration of people's data. The first two asked no security review
// before the change; joining nothing asks nothing new.
func TestIssueProbesHundredAndFourthBatchInvoicesAndPaperRecords(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Demande de remboursement", "ETQ bénévole, je peux demander le remboursement de mes frais en joignant les factures.", true, true},
		{"Reprise des fiches d'inscription papier", "Saisir dans l'outil les 240 fiches d'inscription papier (nom, adresse, téléphone) de la saison passée.", true, true},
		{"Remboursement des frais", "ETQ bénévole, je peux voir le barème des frais remboursés.", false, false},
	})
}

// TestReviewProbesHundredAndFifthBatchComplaintToThePolice: filing a
// complaint to the police or the prosecutor ("faire ma pré-plainte",
// "porter plainte", "make a crime report") records an offence and its
// victim: both reviews. The first three asked for the RGPD section at
// most before the change; a count of complaints to the town hall names no
// one, and a page about the pre-complaint records nothing.
func TestReviewProbesHundredAndFifthBatchComplaintToThePolice(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ victime, je veux faire ma pré-plainte pour le vol de mon vélo en ligne", true, true},
		{"ETQ usager, je veux porter plainte en ligne pour une escroquerie", true, true},
		{"As a resident, I want to make a crime report online when my shed is broken into", true, true},
		{"ETQ agent, je veux voir le nombre de plaintes pour nuisances traitées ce mois-ci", false, false},
		{"ETQ usager, je veux lire la page qui explique la pré-plainte en ligne", false, false},
	})
}

// TestReviewProbesHundredAndSixthBatchOccupationalDoctor: an agent's
// request made on the occupational doctor's opinion holds health data:
// both reviews. The first asked nothing before the change (the second,
// an opinion joined to an agent's file, asked both already); the
// service's opening hours ask nothing.
func TestReviewProbesHundredAndSixthBatchOccupationalDoctor(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent, je veux demander un poste assis sur avis du médecin du travail", true, true},
		{"ETQ gestionnaire RH, je veux joindre l'avis de la médecine du travail au dossier de l'agent", true, true},
		{"ETQ agent, je veux voir les horaires d'ouverture du service de médecine du travail", false, false},
	})
}

// TestIssueProbesHundredAndSeventhBatchBotProtection: bot protection on a
// form is a security control. It asked nothing before the change.
func TestIssueProbesHundredAndSeventhBatchBotProtection(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Bot protection on the booking form", "Add bot protection to the public booking form: 400 fake bookings last night.", false, true},
	})
}

// TestIssueProbesHundredAndEighthBatchEventPhotos: photos of an event or
// of its people (an outing, an open day, a tournament) show faces:
// publishing them asks for both reviews, in a story as in a question.
// The first three asked nothing before the change; photos of a restored
// monument show no one.
func TestIssueProbesHundredAndEighthBatchEventPhotos(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Photos de la sortie au zoo", "ETQ animatrice du centre social, je veux publier les photos de la sortie au zoo sur la page Facebook du centre.", true, true},
		{"Open day photos", "As a communications officer, I want to post photos of the open day on the council website.", true, true},
		{"Photos du tournoi sur le site ?", "Question du club : peut-on mettre en ligne les photos du tournoi des moins de 11 ans sur le site de la ville ?", true, true},
		{"Photos du monument", "ETQ agent du patrimoine, je veux publier les photos du monument restauré sur le site.", false, false},
	})
}

// TestReviewProbesHundredAndNinthBatchSettingPerPerson: a value set per
// person ("le tarif par enfant", "tickets per household") is a rule for
// everyone, not anyone's data. The first three asked for the RGPD
// section before the change; a count per person seen still asks for it.
func TestReviewProbesHundredAndNinthBatchSettingPerPerson(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ gestionnaire, je veux paramétrer le tarif de la sortie par enfant selon le quotient", false, false},
		{"ETQ responsable du service, je veux fixer le nombre de composteurs par foyer", false, false},
		{"As a manager, I want to set the maximum number of parking permits per household", false, false},
		{"ETQ agent, je veux voir le nombre de prêts par adhérent", true, false},
	})
}

// TestReviewProbesHundredAndTenthBatchErasedAndCrimeNumber: data to be
// "effacées" after a time is a retention rule, as "supprimées" was (the
// feminine folded to no keyword); a crime reference number on a record
// is offence data. Both asked nothing before the change; a banner
// erased after an event asks nothing.
func TestReviewProbesHundredAndTenthBatchErasedAndCrimeNumber(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ adhérente, je veux que mes données soient effacées deux ans après ma dernière venue", true, true},
		{"As a housing officer, I want to record the crime reference number on the tenant's antisocial behaviour case", true, true},
		{"ETQ agent, je veux que le bandeau d'alerte de la page d'accueil soit effacé après l'événement", false, false},
	})
}

// TestIssueProbesHundredAndEleventhBatchFieldOnAPersonsForm: a field
// added to the form through which people apply or register collects a
// new category of data about them: the RGPD section, for a feature
// request written as a task as for a story. The first four asked nothing
// before the change; a field about a thing, on a form that is nobody's
// application, asks nothing.
func TestIssueProbesHundredAndEleventhBatchFieldOnAPersonsForm(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Ajouter le champ « langues parlées » au formulaire d'inscription", "Demandé par la directrice du centre. Liste fermée, facultatif.", true, false},
		{"Champ « métier envisagé » à la candidature", "Champ texte libre, facultatif.", true, false},
		{"Ajouter le champ « pointure » au formulaire d'adhésion", "Pour commander les chaussures du club.", true, false},
		{"Add a 'preferred name' field to the registration form", "Learners asked for it. Optional, free text.", true, false},
		{"Ajouter le champ « essence de l'arbre » à la fiche de l'arbre", "Liste des essences du plan de gestion.", false, false},
	})
}

// TestIssueProbesHundredAndTwelfthBatchReviewHeadings: a sprint review's
// "Pas fini" and "Not finished" are its account of the work, not read;
// its "Agreed" part is what it decided, read. Before the change the first
// two asked for both reviews (the unfinished work read as feedback) and
// the third for none (what was agreed stayed under "Done").
func TestIssueProbesHundredAndTwelfthBatchReviewHeadings(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Revue de sprint 7", "**Retours**\n- les agents trouvent la carte lente\n\n**Pas fini**\n- export CSV de la liste des bénéficiaires avec leurs adresses (reporté)\n", false, false},
		{"Sprint 9 review", "Feedback\n- drivers like the map\n\nNot finished\n- export of the passengers' list with their home addresses to the operator\n", false, false},
		{"Sprint 11 review", "Done\n- booking page\n\nAgreed\n- export the list of volunteers with their phone numbers to the partner charity every month\n", true, true},
	})
}

// TestReviewProbesHundredAndThirteenthBatchSharedWithABody: a person's
// record shared with an organisation or a body ("partager … avec",
// "share … with") reaches a new recipient, as one transmitted to it. The
// first asked nothing before the change, the other two the RGPD section
// only; a guide shared with an annex is nobody's record.
func TestReviewProbesHundredAndThirteenthBatchSharedWithABody(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a social worker, I want to share the child's plan with the school", true, true},
		{"ETQ assistante sociale, je veux partager le bilan de l'élève avec le collège", true, true},
		{"ETQ conseillère, je veux partager la fiche du demandeur avec l'association partenaire", true, true},
		{"ETQ agent, je veux partager le guide des procédures avec la mairie annexe", false, false},
	})
}

// TestIssueProbesHundredAndFourteenthBatchLibraryAPI: an upgrade that
// reports its library's API change ("pas de changement d'API",
// "deprecated API calls") opens no data flow: no review, when no
// vulnerability is named. Both asked for the security review before the
// change; an API of the CAF still asks for it.
func TestIssueProbesHundredAndFourteenthBatchLibraryAPI(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Montée de version du calendrier (5.2 → 5.3)", "Version mineure, pas de changement d'API. Corrige l'affichage des semaines.", false, false},
		{"Upgrade the chart library to 4.x", "Two breaking API changes in the tooltip options; update our calls.", false, false},
		{"Quotient familial par l'API de la CAF", "ETQ agent, je veux récupérer le quotient familial des familles par l'API de la CAF.", true, true},
	})
}

// TestReviewProbesHundredAndFifteenthBatchOpenedToThePublic: people's
// data in a public list, directory or search is opened to a new kind of
// user, anyone: both reviews. The first asked nothing before the change,
// the next two the RGPD section only; a public list of events or a
// public search of collection days names nobody.
func TestReviewProbesHundredAndFifteenthBatchOpenedToThePublic(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ habitant, je veux consulter la liste publique des assistants familiaux agréés du canton", true, true},
		{"As a resident, I want a public list of licensed taxi drivers with their badge numbers", true, true},
		{"ETQ visiteur, je veux un annuaire public des artisans d'art avec leur téléphone", true, true},
		{"ETQ habitant, je veux voir la liste publique des manifestations du mois", false, false},
		{"As a resident, I want a public search of the bin collection days by street", false, false},
	})
}
