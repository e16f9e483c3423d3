package rules_test

import "testing"

// The seventeenth round's probes: classes read from heldout38 (set AN),
// the sixteenth round's yardstick, and heldout39 (set AO), written for
// products they do not hold and labelled by the policy before each
// change. Each batch's comment says which probes failed before it.

// TestReviewProbesHundredAndThirtyFifthBatchCallersAndReporters: the
// caller of a phone line and the person who reported a problem are
// people; their name and number are theirs. The second and the third
// asked nothing before the change (the first did, by its request); a
// call count names nobody.
func TestReviewProbesHundredAndThirtyFifthBatchCallersAndReporters(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent du standard, je veux saisir la demande avec le nom et le numéro de l'appelant afin de le rappeler", true, false},
		{"ETQ agent de la voirie, je veux voir le courriel du signalant dans la fiche du nid-de-poule", true, false},
		{"ETQ chef d'équipe, je veux contacter les signalants d'une panne une fois la réparation faite", true, false},
		{"ETQ responsable du standard, je veux voir le nombre d'appels reçus par heure", false, false},
	})
}

// TestReviewProbesHundredAndThirtySixthBatchWhoAndWhen: a history or a
// log that lists who and when names the agents who acted: the RGPD
// section. The first asked nothing before the change (the English one
// did); a history of prices names nobody.
func TestReviewProbesHundredAndThirtySixthBatchWhoAndWhen(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ gestionnaire des salles, je veux l'historique des changements de chaque réservation (qui, quand, ancien et nouveau créneau)", true, false},
		{"As a fleet manager, I want each change to a vehicle's mileage kept in its history (who, when, old value)", true, false},
		{"ETQ gestionnaire des salles, je veux l'historique des tarifs de chaque salle par année", false, false},
	})
}

// TestIssueProbesHundredAndThirtySeventhBatchInjectionThroughAField: an
// injection that comes in through a field, a form or a request is an
// attack on software, not a jab: no health data, so no RGPD section.
// Before the change the first two asked for both reviews; a nurse's
// injection recorded in a patient's file still does.
func TestIssueProbesHundredAndThirtySeventhBatchInjectionThroughAField(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Mise à jour de la bibliothèque de gabarits (vulnérabilité)", "Alerte de sécurité de sévérité haute sur la bibliothèque de gabarits des courriels : injection possible par les champs du formulaire de contact.\n\n- [ ] passer en 4.2.1", false, true},
		{"Bump markdown renderer", "High severity security advisory on the markdown renderer: injection through the comment field.\n\n- [ ] upgrade to 2.8.4", false, true},
		{"Injections du jour", "ETQ infirmier scolaire, je veux noter chaque injection faite à un élève dans son dossier.", true, true},
	})
}

// TestReviewProbesHundredAndThirtyEighthBatchConnectors: a connector
// links the tool to another system: an interconnection, security notes.
// The first two asked nothing before the change.
func TestReviewProbesHundredAndThirtyEighthBatchConnectors(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ gestionnaire des marchés, je veux que les avis de marché soient publiés sur le profil d'acheteur par le connecteur", false, true},
		{"As a finance officer, I want the approved invoices posted to the ledger through the finance system connector", false, true},
	})
}

// TestIssueProbesHundredAndThirtyNinthBatchSchoolAccounts: the national
// education system's accounts (ENT, académique, EduConnect) sign people
// in and hand their identity to the service, in the need or in a
// criterion, whoever signs in ("le professeur se connecte avec …"). The
// first two asked for the RGPD section only before the change; a list of
// accounts closed by the académie signs nobody in.
func TestIssueProbesHundredAndThirtyNinthBatchSchoolAccounts(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Inscription d'une classe au musée", "ETQ professeur, je peux inscrire ma classe à une visite guidée.\n\n## Critères d'acceptation\n- le professeur se connecte avec son compte académique\n- il choisit la date et le nombre d'élèves", true, true},
		{"Vote des délégués", "ETQ élève, je veux voter pour les délégués de ma classe.\n\n## Critères d'acceptation\n- connexion avec le compte ENT de l'élève\n- un seul vote par élève", true, true},
		{"Comptes fermés", "ETQ agent, je veux voir la liste des comptes académiques fermés par le rectorat.", false, false},
	})
}

// TestReviewProbesHundredAndFortiethBatchCareDisciplines: care named by
// its discipline (orthophonie, kinésithérapie, occupational therapy) is
// a person's health. The first two asked for the RGPD section only
// before the change.
func TestReviewProbesHundredAndFortiethBatchCareDisciplines(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ éducatrice, je veux noter les séances de psychomotricité et d'orthophonie de l'enfant accueilli", true, true},
		{"As a care coordinator, I want to record the physiotherapy sessions a resident attends each week", true, true},
	})
}

// TestIssueProbesHundredAndFortyFirstBatchOthersDataShownByAFault: a bug
// that shows "les téléphones des autres bénévoles", "les réservations
// des autres" or "les agents des autres services" shows people's data
// to the wrong person: both reviews. Before the change the first two
// asked for the RGPD section only and the third for nothing; a story
// restricting what one sees already asked for the security notes.
func TestIssueProbesHundredAndFortyFirstBatchOthersDataShownByAFault(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Les adhérents voient les adresses des autres adhérents", "Constaté ce matin : sur la page « Mon adhésion », un adhérent voit les adresses des autres adhérents du club.\n\nAttendu : seulement la sienne.", true, true},
		{"Bug : un parent voit les inscriptions des autres avec leur courriel", "Depuis la mise à jour, l'onglet « Mes inscriptions » affiche toutes les inscriptions.\n\nAttendu : seulement les miennes.", true, true},
		{"Planning : un chef de service voit les agents des autres services", "Constaté par le chef du service des sports : dans le planning, il voit aussi les agents des autres services.", true, true},
	})
}

// TestReviewProbesHundredAndFortySecondBatchAccessNarrowed: access
// narrowed to some records, or what another person may see, is a rule
// on who sees what: the security notes, and the RGPD section when
// people are assigned. Before the change the first asked nothing and
// the other two the RGPD section only; "ne voir que" in one's own need
// is a filter.
func TestReviewProbesHundredAndFortySecondBatchAccessNarrowed(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ médiateur, je souhaite n'accéder qu'aux saisines qui me sont attribuées", false, true},
		{"ETQ responsable de l'accueil, je veux rattacher chaque bénévole à sa permanence pour qu'il ne voie que ses rendez-vous", true, true},
		{"As a scheme manager, I want volunteers to access only the routes of their own depot", true, true},
		{"ETQ agent de la voirie, je veux ne voir que les chantiers de mon quartier", false, false},
	})
}

// TestIssueProbesHundredAndFortyThirdBatchLockedAccounts: a person
// locked out of an account, an account to unlock, is authentication:
// the security notes, and about the account, not a new processing of
// its holder's data. Before the change the first asked nothing and the
// second the RGPD section only (the account read as a person's record).
func TestIssueProbesHundredAndFortyThirdBatchLockedAccounts(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Portal", "Hi, Mrs Dale is locked out of the tenant portal. Thanks", false, true},
		{"Compte bloqué d'une assistante sociale", "Bonjour, le compte de Mme Roche est bloqué depuis ce matin, pouvez-vous débloquer son compte ?", false, true},
	})
}

// TestReviewProbesHundredAndFortyFourthBatchNewStarters: a new starter
// or a new joiner is a member of staff: giving them a role changes a
// person's rights. It asked for the security notes only before the
// change (its persona is privileged).
func TestReviewProbesHundredAndFortyFourthBatchNewStarters(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a system administrator, I want to give a new starter the caseworker role", true, true},
	})
}

// TestReviewProbesHundredAndFortyFifthBatchPhotographingAThing: a member
// of staff who photographs a thing ("prendre en photo les barrières")
// uploads a file that shows nobody: the security notes only. A
// technician is staff, not a citizen photographing their own things,
// and a "lampadaire" is no person. The first two asked for both reviews
// before the change; a home's façade or a person photographed still
// asks for both.
func TestReviewProbesHundredAndFortyFifthBatchPhotographingAThing(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent de la voirie, je veux prendre en photo les barrières une fois posées", false, true},
		{"ETQ technicien de l'éclairage, je veux prendre en photo le lampadaire réparé depuis la tablette", false, true},
		{"ETQ inspecteur de salubrité, je veux prendre en photo la façade du logement visité", true, true},
		{"ETQ animateur, je veux prendre en photo les enfants pendant la sortie", true, true},
	})
}

// TestReviewProbesHundredAndFortySixthBatchMadeOutInAName: "au nom de"
// after a thing or a copula says whom the thing is made out to, not
// that someone acts for another person: the RGPD section for the
// holder's record, no security notes. The first two asked for both
// before the change; filing a request in a relative's name still does.
func TestReviewProbesHundredAndFortySixthBatchMadeOutInAName(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent du vestiaire, je veux enregistrer le prêt d'un casier au nom de la personne accueillie", true, false},
		{"ETQ agent d'accueil, je veux que le rendez-vous soit créé au nom de l'usager qui appelle", true, false},
		{"ETQ aidante, je veux déposer la demande de carte au nom de mon père", true, true},
	})
}

// TestReviewProbesHundredAndFortySeventhBatchNightlyPricesAndNRPF: a
// "nightly charge" or "nightly rates" price a night and run no
// overnight job; a household with "no recourse to public funds" has its
// immigration status named: both reviews. Before the change the first
// two asked for the security notes and the third for the RGPD section
// only; a nightly import still asks for the security notes.
func TestReviewProbesHundredAndFortySeventhBatchNightlyPricesAndNRPF(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a hostel manager, I want to change the nightly rate of a room for the winter season", false, false},
		{"As a finance officer, I want to see the nightly charges of each hotel on one page", false, false},
		{"As a homelessness officer, I want to record that the applicant has no recourse to public funds", true, true},
		{"As a finance officer, I want a nightly import of hotel invoices from the finance system", false, true},
	})
}

// TestReviewProbesHundredAndFortyEighthBatchWhomToCallAndNINumbers:
// "know who to call" says whom to reach, not who did something; an "NI
// number" is the National Insurance number. Before the change both
// asked for the RGPD section only: the first wrongly, the second without
// the security notes an identity number asks for.
func TestReviewProbesHundredAndFortyEighthBatchWhomToCallAndNINumbers(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a resident, I want the bin calendar to show the depot's opening hours so that I know who to call about a missed bin", false, false},
		{"As a benefits officer, I want the claim matched on the NI number sent by the payroll provider", true, true},
	})
}

// TestReviewProbesHundredAndFortyNinthBatchMonthsOfRetention: "3 mois
// de conservation", "5 ans de conservation" set a retention period: both
// reviews. The first, a question with no story sentence, asked for the
// security notes only before the change (a deletion); the second already
// asked for both. "garder … 2 ans" is still not read as a retention
// period: "garde" is also a noun ("mes heures de garde chaque mois").
func TestReviewProbesHundredAndFortyNinthBatchMonthsOfRetention(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Question : durée pour les inscrits ?", "On avait dit 6 mois de conservation pour les fiches des habitants. Faut-il les garder un an pour la réinscription ?", true, true},
		{"Fiches des visiteurs", "ETQ agent d'accueil, je veux que les fiches des visiteurs aient 5 ans de conservation.", true, true},
	})
}

// TestReviewProbesHundredAndFiftiethBatchOnSomeonesBehalf: "on a
// tenant's behalf" acts for another person, as "on behalf of a tenant"
// does: both reviews. It asked for the RGPD section only before the
// change.
func TestReviewProbesHundredAndFiftiethBatchOnSomeonesBehalf(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a housing officer, I want to submit a repair request on a tenant's behalf when they call", true, true},
	})
}

// TestIssueProbesHundredAndFiftyFirstBatchWhoSeesEverything: "la
// direction voit tout", said next to who sees less, is a rule on who
// sees what: the security notes. It asked nothing before the change;
// "voit tout de suite" says when.
func TestIssueProbesHundredAndFiftyFirstBatchWhoSeesEverything(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Propositions par pôle", "ETQ responsable de pôle, je veux voir les fiches projets de mon pôle.\n\n- les autres pôles ne sont pas listés\n- la direction générale voit tout", false, true},
		{"Notification des nouveaux projets", "ETQ responsable de pôle, je veux que le chargé de mission voit tout de suite les nouveaux projets.", false, false},
	})
}

// TestReviewProbesHundredAndFiftySecondBatchBudgetAmendments: a
// "décision modificative" amends a budget and decides nobody's case: no
// RGPD section. Both asked for it before the change (a decision created
// as a person's record).
func TestReviewProbesHundredAndFiftySecondBatchBudgetAmendments(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent des finances, je veux créer une décision modificative pour le budget annexe de l'eau", false, false},
		{"ETQ contrôleur de gestion, je veux préparer les décisions modificatives de l'exercice", false, false},
	})
}

// TestIssueProbesHundredAndFiftyThirdBatchTasksTitledByAMigration: a
// task titled by what it copies into the tool or exports, whose body
// lists people's details, is a bulk import or export of personal data:
// both reviews. Before the change the first three asked for the RGPD
// section only; a migration of benches names nobody.
func TestIssueProbesHundredAndFiftyThirdBatchTasksTitledByAMigration(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Reprise des données de l'ancien logiciel de la crèche", "Script à lancer une fois :\n- nom, prénom et date de naissance des enfants\n- téléphone des parents\n\nPas d'écran.", true, true},
		{"Migrate permits from the old Access database", "Import the 2015-2024 permits into the new service:\n- sites and permit dates\n- holders (name, address for service)", true, true},
		{"Ajouter un export CSV des locations du mois pour la régie", "La régie veut la liste des locations de salles payées du mois : nom du locataire, adresse, montant, date de paiement. Export CSV depuis la page \"Locations\".", true, true},
		{"Reprise des données de l'ancien inventaire des bancs", "Script à lancer une fois :\n- numéro, rue, état\n\nPas d'écran.", false, false},
	})
}

// TestReviewProbesHundredAndFiftyFourthBatchOneRowPerPerson: "one row
// per officer: staff number, name…" lays out a file of people, as
// "Colonnes :" does: exporting it is a bulk export, both reviews. The
// English one asked for the RGPD section only before the change (the
// French one was already read by its people).
func TestReviewProbesHundredAndFiftyFourthBatchOneRowPerPerson(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Overtime export for payroll", "As a payroll officer, I need to export the overtime of the month as a CSV so that payroll doesn't retype it.\n\n- one row per driver: staff number, name, depot, hours\n- available from the 25th", true, true},
		{"Export des heures des animateurs", "ETQ gestionnaire RH, je veux exporter les heures du mois en CSV pour la paie.\n\n- une ligne par animateur : matricule, nom, centre, heures\n- disponible dès le 25", true, true},
	})
}

// TestReviewProbesHundredAndFiftyFifthBatchSentHereBefore: people
// "orientés" ("mes bénéficiaires orientés", "les structures vers
// lesquelles mes candidats sont orientés") were sent by an earlier step,
// whose data this story sends nowhere: no security notes. Both asked for
// them before the change; orienting a family towards another structure
// still does. The change also dropped one right review on heldout11 ("un
// usager orienté par un conseiller numérique", data from another
// structure), for four false ones.
func TestReviewProbesHundredAndFiftyFifthBatchSentHereBefore(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ conseillère, je veux filtrer mes bénéficiaires orientés par date d'entrée", false, false},
		{"ETQ conseillère, je veux voir les structures vers lesquelles mes candidats sont orientés", false, false},
		{"ETQ travailleur social, je veux orienter une famille vers l'épicerie solidaire avec une fiche de liaison", true, true},
	})
}

// TestReviewProbesHundredAndFiftySixthBatchSignedCopiesAndSignOff: a
// document "signé" that the need downloads or prints is a copy read,
// and to "sign off" a plan approves it: nobody signs. Before the change
// each asked for both reviews; signing a contract online still does.
// The change lost one right security review on the validation set, a
// question whose only cue was "Who signs off?" (its real reason, a file
// of children shared with another team, is not read).
func TestReviewProbesHundredAndFiftySixthBatchSignedCopiesAndSignOff(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ locataire, je veux télécharger mon bail signé depuis mon espace", false, false},
		{"As a road safety manager, I want to sign off a new crossing site once the survey is done", false, false},
		{"ETQ locataire, je veux signer mon bail en ligne sans me déplacer", true, true},
	})
}
