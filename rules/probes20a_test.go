package rules_test

import "testing"

// The sixteenth round's probes: classes read from heldout36 (set AL),
// the fifteenth round's yardstick, written for products it does not hold
// and labelled by the policy before each change. Each batch's comment
// says which probes failed before it.

// TestIssueProbesHundredAndSixteenthBatchBinsAreNoBankTransfer: French
// "bacs" are the bins a waste service tags, not the British bank
// transfer BACS, which is written in capitals. The first two asked for
// both reviews before the change (bank data); a BACS payment file still
// asks for both.
func TestIssueProbesHundredAndSixteenthBatchBinsAreNoBankTransfer(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Bacs de tri des écoles", "ETQ agent de la propreté, je veux enregistrer les bacs jaunes livrés à chaque école.", false, false},
		{"Lavage des bacs des marchés", "ETQ responsable des marchés, je veux planifier le lavage des bacs après chaque marché.", false, false},
		{"Grant payments", "As a finance officer, I want the approved grants paid to the applicants in the weekly BACS file.", true, true},
	})
}

// TestIssueProbesHundredAndSeventeenthBatchMergeRequests: a merge or pull
// request is code put up for review, nobody's request: no RGPD section.
// The first three asked for it before the change (a person's request);
// a request for help from a family still asks for it.
func TestIssueProbesHundredAndSeventeenthBatchMergeRequests(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Tests à chaque merge request", "ETQ développeur, je veux que la CI lance les tests unitaires à chaque merge request.", false, false},
		{"Lint pull requests", "As a developer, I want every pull request to run the linters before review.", false, false},
		{"Relecture obligatoire", "ETQ mainteneur, je veux qu'une demande de fusion ne soit fusionnée qu'après une relecture.", false, false},
		{"Demandes d'aide", "ETQ agent, je veux voir la demande d'aide de la famille et ses justificatifs.", true, false},
	})
}

// TestReviewProbesHundredAndEighteenthBatchSexualHealth: a screening, a
// contraception, an infection named by its acronym are a person's
// health: both reviews. Before the change each asked for the RGPD
// section only; a count of screenings per month names nobody.
func TestReviewProbesHundredAndEighteenthBatchSexualHealth(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ infirmière, je veux noter le résultat du test VIH de la personne reçue", true, true},
		{"ETQ usager, je veux prendre rendez-vous en ligne pour un dépistage des IST", true, true},
		{"ETQ sage-femme, je veux renouveler la contraception de la patiente sans nouvelle consultation", true, true},
		{"As a clinic receptionist, I want to book an HIV test for the caller at the nearest clinic", true, true},
		{"ETQ responsable du centre, je veux voir le nombre de dépistages réalisés par mois", false, false},
	})
}

// TestReviewProbesHundredAndNineteenthBatchRDV: "RDV" is how teams write
// "rendez-vous": a day's appointments exported leave the tool, one's own
// moved stays one's own. The first two asked nothing before the change.
func TestReviewProbesHundredAndNineteenthBatchRDV(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent d'accueil, je veux exporter en CSV les RDV du jour", true, true},
		{"ETQ usager, je veux prendre un RDV en ligne pour déposer mon dossier", true, false},
		{"ETQ usager, je veux déplacer mon RDV à une autre date", false, false},
	})
}

// TestIssueProbesHundredAndTwentiethBatchVersionBumpsAndAdvisories: a bot's
// pull request that bumps a version fixes no named weakness: no review;
// a Dependabot alert, a security or critical advisory, and an injection
// a vulnerability names are weaknesses: the security review, no RGPD
// section. Before the change the first asked for the security review
// (the word "Dependabot"), the third asked for nothing and the fourth for
// the RGPD section too (an injection read as a jab).
func TestIssueProbesHundredAndTwentiethBatchVersionBumpsAndAdvisories(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Bump chart.js from 4.4.0 to 4.4.1", "Bumps chart.js from 4.4.0 to 4.4.1. Dependabot will rebase this PR as long as you don't alter it yourself.", false, false},
		{"Mettre à jour la librairie de cartes", "Alerte Dependabot de sévérité haute sur la librairie de cartes. Passer en 2.3.1.", false, true},
		{"Upgrade the templating engine", "GitHub published a critical advisory for the templating engine we use for letters. Fixed in 3.0.2.", false, true},
		{"Monter la librairie d'export", "Une vulnérabilité critique (injection dans les formules des cellules) touche la version 1.2. Passer en 1.3.", false, true},
	})
	reviewProbes(t, []reviewProbe{
		{"ETQ infirmière, je veux noter la réaction de l'enfant à son injection", true, true},
	})
}

// TestReviewProbesHundredAndTwentyFirstBatchPushNotifications: a push
// notification keeps the device's identifier: the RGPD section; with no
// provider named it is no interconnection (policy, validation 14). The
// first two asked for the security review too before the change; a
// provider named still asks for it.
func TestReviewProbesHundredAndTwentyFirstBatchPushNotifications(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ abonnée, je souhaite recevoir une notification push quand ma place de parking se libère", true, false},
		{"As a volunteer, I want a push notification when a shift near me is short of people", true, false},
		{"ETQ usager, je veux une notification push envoyée par Firebase quand ma demande avance", true, true},
	})
}

// TestReviewProbesHundredAndTwentySecondBatchNoNameInBrackets: a
// provider is named right after "par la plateforme", "par le service":
// a bracket there opens an aside ("générées par la plateforme (PDF)"),
// not a name. The first asked for both reviews before the change; a
// provider named still asks for them.
func TestReviewProbesHundredAndTwentySecondBatchNoNameInBrackets(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ locataire, je veux télécharger mes quittances depuis mon espace ; elles sont générées par la plateforme (PDF) chaque mois", false, false},
		{"ETQ usager, je veux recevoir le rappel du rendez-vous envoyé par le service Brevo", true, true},
	})
}

// TestReviewProbesHundredAndTwentyThirdBatchFreeDays: the days one is
// free are one's availability, as the days one is available: the RGPD
// section. The first two asked nothing before the change.
func TestReviewProbesHundredAndTwentyThirdBatchFreeDays(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ bénévole, je veux indiquer les soirs où je suis libre pour tenir la buvette", true, false},
		{"As a volunteer driver, I want to give the days I'm free next month", true, false},
		{"ETQ agent, je veux voir les créneaux libres de la salle", false, false},
	})
}

// TestReviewProbesHundredAndTwentyFourthBatchOwnRecordNamedByItsKind: an
// English record takes the words naming its kind before it ("my council
// tax reduction application"): followed by its owner, it is still one's
// own. The first asked for the RGPD section before the change; a child's
// application and a phone number changed on one's own still ask for it.
func TestReviewProbesHundredAndTwentyFourthBatchOwnRecordNamedByItsKind(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a tenant, I want to see where my council tax reduction application is up to", false, false},
		{"As a parent, I want to see where my child's school place application is up to", true, false},
		{"As a tenant, I want to change the phone number on my housing transfer application", true, false},
	})
}

// TestIssueProbesHundredAndTwentyFifthBatchAttachedDocuments: what French
// teams join ("joindre … plan, devis, facture"), English teams attach: a
// file sent into the service is an upload, the security review. Each
// asked nothing before the change; viewing attached plans sends nothing.
func TestIssueProbesHundredAndTwentyFifthBatchAttachedDocuments(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Risk assessment per site", "As a road safety officer, I want to attach the risk assessment to each crossing site.", false, true},
		{"Quotes for repairs", "As a caretaker, I want to attach the contractor's quote to the repair job.", false, true},
		{"Site plans", "As a planner, I want to see the attached plans of the site.", false, false},
	})
}

// TestReviewProbesHundredAndTwentySixthBatchBusinessesBankDetails: a
// business named by its trade (auto-école, garage, pharmacy) owns its
// bank details, and so does an organisation persona giving them in its
// sentence with no person named: the security review (bank data), no
// RGPD section. The first two and the fourth asked for the RGPD section
// before the change; a member's or a family's details still do.
func TestReviewProbesHundredAndTwentySixthBatchBusinessesBankDetails(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent de la préfecture, je veux enregistrer le RIB des auto-écoles partenaires", false, true},
		{"As a finance officer, I want to see the bank details of the pharmacy", false, true},
		{"ETQ agent, je veux voir l'adresse des élèves de l'auto-école", true, false},
		{"ETQ association sportive, je dépose ma demande de subvention avec les pièces (statuts, budget, RIB)", false, true},
		{"ETQ association, je veux saisir le RIB de chaque adhérent", true, true},
	})
}

// TestReviewProbesHundredAndTwentySeventhBatchObjectThenParticiple: an
// English need may name its object before the verb, as a participle
// ("I want bookings sorted by start time"): arranging what the same
// people see is browsing, no RGPD section. The first two asked for it
// before the change; people's details shown, and records deleted, still
// do.
func TestReviewProbesHundredAndTwentySeventhBatchObjectThenParticiple(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a listing officer, I want bookings sorted by hearing start time", false, false},
		{"As a duty manager, I want the applications grouped by ward", false, false},
		{"As a caseworker, I want the claimant's address shown on the summary", true, false},
		{"As a data protection officer, I want claims closed for six years to be deleted automatically", true, true},
	})
}

// TestReviewProbesHundredAndTwentyEighthBatchTodaysRecords: "today's
// bookings" are the day's records the same people handle, as "all
// bookings" are: a display, no RGPD section. Both asked for it before
// the change (the reader splits "today's"); an applicant's bookings and
// visitors with their phone numbers still ask for it.
func TestReviewProbesHundredAndTwentyEighthBatchTodaysRecords(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a reading-room supervisor, I want to see today's bookings by seat number", false, false},
		{"As a receptionist, I want to see tomorrow's appointments", false, false},
		{"As a supervisor, I want to see today's visitors with their phone numbers", true, false},
		{"As a supervisor, I want to see the applicant's bookings", true, false},
	})
}

// TestReviewProbesHundredAndTwentyNinthBatchDocumentsToProvide: the list
// of documents to provide is what the service publishes, found or seen
// "clearly" as well as seen: no review. The first two asked for the RGPD
// section before the change; the documents an applicant gave are theirs.
func TestReviewProbesHundredAndTwentyNinthBatchDocumentsToProvide(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ parent, je veux trouver la liste des pièces justificatives à fournir pour l'inscription en crèche", false, false},
		{"ETQ pêcheur, je veux voir clairement les pièces à fournir pour ma carte", false, false},
		{"ETQ agent, je veux trouver les pièces fournies par le demandeur", true, true},
	})
}

// TestReviewProbesHundredAndThirtiethBatchEaseFirstAndScreenToShow: an
// ease word before the verb ("easily find", "facilement retrouver") and
// a screen that shows ("my dashboard to show the applications due")
// leave the need's verb readable: records the same people handle,
// found or shown, ask for nothing. The first three asked for the RGPD
// section before the change; a person's phone number shown still does.
func TestReviewProbesHundredAndThirtiethBatchEaseFirstAndScreenToShow(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a screening officer, I want to easily find relevant applications", false, false},
		{"ETQ agent, je veux facilement retrouver un dossier par son numéro", false, false},
		{"As a tree officer, I want my dashboard to show the applications due for decision this week", false, false},
		{"As a caseworker, I want the summary page to show the claimant's phone number", true, false},
	})
}

// TestIssueProbesHundredAndThirtyFirstBatchInformationPagesAndDirectories:
// information about a subject ("les informations sur la contraception
// d'urgence") is a page, and a local directory of firms ("l'annuaire des
// entreprises RGE de la métropole") is no data source: no review. The
// State's directory read as a source still asks for the security review.
// Before the change the first asked for both reviews (health), the
// second for the security review.
func TestIssueProbesHundredAndThirtyFirstBatchInformationPagesAndDirectories(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Page vaccination HPV", "ETQ parent, je veux trouver les informations sur la vaccination HPV au collège.", false, false},
		{"Annuaire des artisans", "ETQ particulier, je veux consulter l'annuaire des entreprises labellisées de la communauté de communes.", false, false},
		{"SIRET prérempli", "ETQ agent, je n'ai plus à saisir l'adresse du siège quand elle est connue de l'annuaire des entreprises.", false, true},
	})
}

// TestReviewProbesHundredAndThirtySecondBatchCompoundOrganisations: a
// compound whose last part is an organisation (a micro-crèche, a
// multi-accueil) owns its details as the organisation does. The first
// asked for the RGPD section before the change.
func TestReviewProbesHundredAndThirtySecondBatchCompoundOrganisations(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent de la CAF, je veux enregistrer le RIB des micro-crèches conventionnées", false, true},
		{"ETQ agent de la CAF, je veux enregistrer le RIB des assistantes maternelles", true, true},
	})
}

// TestIssueProbesHundredAndThirtyThirdBatchExportInATask: in an issue with
// no story sentence (a task, meeting notes), records an export names
// right after it leave the tool: both reviews, whoever they belong to.
// The first two asked nothing before the change; figures exported, a bug
// in an export and someone asking for an export do not.
func TestIssueProbesHundredAndThirtyThirdBatchExportInATask(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Point hebdo du 3 mars", "**Actions**\n- Karim : export CSV des inscriptions de la semaine (nom, classe, régime)", true, true},
		{"Export pour la trésorerie", "Exporter chaque mois les réservations payées au format du logiciel comptable.", true, true},
		{"Export des statistiques", "Exporter en CSV le nombre de réservations par mois.", false, false},
		{"Revue de sprint 2", "## Retours\n- la directrice demande un export de la liste pour la réunion du lundi", false, false},
	})
}

// TestReviewProbesHundredAndThirtyFourthBatchEthnicity: ethnicity is a
// special category, as "ethnic origin" already was: both reviews. Both
// asked for the RGPD section only before the change.
func TestReviewProbesHundredAndThirtyFourthBatchEthnicity(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As an enrolment officer, I want to record each learner's ethnicity for the funding return", true, true},
		{"As a housing officer, I want to ask applicants for their ethnic group on the form", true, true},
	})
}
