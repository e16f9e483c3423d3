package rules_test

import "testing"

// TestReviewProbesFourteenthBatchPeopleDocumentsOut: a document that
// lists or names several people, taken out of the tool (printed, sent,
// downloaded), asks for security notes too (the policy's "documents
// listing people"). Sending a message to people, a document for its
// holder alone, a list of things, and figures stay as they were.
// Products the sets do not hold, labelled by the policy before the
// change.
func TestReviewProbesFourteenthBatchPeopleDocumentsOut(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ secrétaire du jury, je veux envoyer par courriel aux jurés la liste des candidats avec leurs notes", true, true},
		{"ETQ responsable de la piscine, je peux imprimer le planning des maîtres-nageurs avec leurs numéros de téléphone", true, true},
		{"ETQ directrice du conservatoire, je veux télécharger en PDF la feuille d'émargement des élèves du cours", true, true},
		{"ETQ agent du service des sports, je veux imprimer la liste des inscrits au stage de voile", true, true},
		{"As a club secretary, I want to download the list of members with their dates of birth", true, true},
		{"As a club secretary, I want to download a list of members with their phone numbers", true, true},
		{"As a ward manager, I want to print the names and rooms of today's patients for the night team", true, true},
		{"As a course tutor, I want to email the attendance sheet of my learners to the training provider", true, true},
		// People named by a noun the template does not list, a list
		// that names people by what it is.
		{"ETQ délégué syndical, je veux recevoir la liste des scrutateurs de chaque bureau", true, true},
		{"ETQ agent, je veux imprimer pour le routeur le fichier des cartes électorales", true, true},
		// A message to people, one's own document, things, figures.
		{"ETQ agent, je veux imprimer la liste des compteurs à relever demain", false, false},
		{"ETQ agent, je veux envoyer un courriel aux inscrits quand le stage est annulé", false, false},
		{"ETQ usager, je veux télécharger mon attestation d'inscription en PDF", false, false},
		{"ETQ agent, je peux imprimer la liste des salles disponibles de la semaine", false, false},
		{"ETQ responsable, je veux télécharger le nombre d'inscrits par stage en CSV", false, false},
		{"As a parks officer, I want to print the list of playgrounds due for inspection", false, false},
		{"As a manager, I want to email the monthly attendance figures to the board", false, false},
	})
}

// TestReviewProbesFourteenthBatchPerimeter: a role the template does not
// know, seeing the people of its own perimeter ("les adhérents de mon
// club", "the pupils at my school", "les personnes que j'accompagne"),
// is a new kind of user given access to them: security, as the policy's
// new kind of user. One's own records or relatives, things of one's
// perimeter, a known persona and a notification stay as they were.
func TestReviewProbesFourteenthBatchPerimeter(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ entraîneur, je veux voir la liste des licenciés de mon club avec leur certificat médical", true, true},
		{"ETQ maître d'apprentissage, je veux consulter les absences des apprentis de mon atelier", true, true},
		{"ETQ bénévole de la banque alimentaire, je veux voir l'adresse des familles que je livre", true, true},
		{"As a scout leader, I want to see the emergency contacts of the children in my troop", true, true},
		{"As a landlord, I want to see which tenants in my building have paid their deposit", true, true},
		// One's own, things, a known persona, a notification.
		{"ETQ adhérent, je veux voir les cours auxquels je suis inscrit dans mon club", false, false},
		{"ETQ gardien, je veux voir les horaires d'ouverture de mon gymnase", false, false},
		{"ETQ entraîneur, je veux consulter le planning des créneaux de mon club", false, false},
		{"As a season ticket holder, I want to see the fixtures of my club", false, false},
		{"ETQ agent, je veux voir la liste des demandeurs de mon secteur", true, false},
	})
}

// TestReviewProbesFourteenthBatchPublicContent: a member of the public
// reading what the service publishes (conditions, criteria, the list of
// documents to bring, free slots, fees, opening hours) processes nobody's
// data, even when what they read is about a kind of dossier ("pour une
// demande de passeport") or chosen by their case ("selon ma situation").
// The public reading their own dossier, or people's data, stays as it was.
func TestReviewProbesFourteenthBatchPublicContent(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ usager, je veux consulter les conditions d'accès au logement social selon ma situation familiale", false, false},
		{"ETQ parent, je veux voir les créneaux disponibles pour une demande d'inscription à la crèche", false, false},
		{"ETQ demandeur, je veux consulter la liste des pièces justificatives à fournir pour une demande de carte de séjour", false, false},
		{"As a resident, I want to read the eligibility criteria for a disabled parking bay before I apply", false, false},
		{"As a tenant, I want to see the fees for a repair request", false, false},
		// Their own dossier, their data, people's data.
		{"ETQ usager, je veux consulter les pièces justificatives de mon dossier", false, false},
		// A workflow verb ending in -re is still read as a verb.
		{"ETQ agent, je veux instruire une demande de carte de stationnement résident", false, false},
		{"ETQ usager, je veux voir les créneaux que j'ai réservés avec mon numéro de téléphone", true, false},
		{"ETQ agent, je veux consulter les conditions de ressources déclarées par chaque allocataire", true, false},
	})
}

// TestReviewProbesFourteenthBatchSurveillanceAndJustice: filming people
// (video surveillance, body cameras, number-plate reading) is a
// monitoring of people that asks for both reviews, as do a person tied
// to the facts they are blamed for, a juvenile court's measure and a
// vetting of a person's record. A video about the service, a page
// about the cameras, and repairs of things stay as they were.
func TestReviewProbesFourteenthBatchSurveillanceAndJustice(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent de la police municipale, je veux exporter les images de vidéoprotection du parking pour une réquisition", true, true},
		{"ETQ agent de surveillance de la voie publique, je veux que les images des caméras-piétons soient rattachées au rapport", true, true},
		{"As a car park manager, I want the ANPR cameras to open the barrier for permit holders", true, true},
		{"ETQ conseiller principal d'éducation, je veux saisir les mesures prises à l'encontre de l'auteur des faits", true, true},
		{"ETQ éducatrice, je veux transmettre au juge des enfants le compte rendu de la mesure", true, true},
		{"As a volunteer manager, I want to see the police vetting outcome of each new volunteer", true, true},
		// A camera for one photo, a page about the cameras, a repair.
		{"ETQ usager, je veux regarder la vidéo de présentation du service de fourrière", false, false},
		{"ETQ usager, je veux lire la page d'information sur les caméras de vidéoprotection de la ville", false, false},
		{"ETQ agent, je veux enregistrer la réparation du lampadaire", false, false},
	})
}

// TestReviewProbesFourteenthBatchPaymentsHealthAndLists: paying by card
// written with "régler" or a saved card; health facts named without the
// word "santé" (a prenatal visit, a dys disorder, being hard of
// hearing); a report of a child at risk; matching people against
// another register; a list of people received or obtained by someone.
// Near-misses: settings, a list of things, reading a published list.
func TestReviewProbesFourteenthBatchPaymentsHealthAndLists(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ usager, je veux régler ma redevance en ligne par carte", true, true},
		{"As a member, I want my annual fee to be taken from my saved card", true, true},
		{"ETQ sage-femme, je veux enregistrer le suivi prénatal de la patiente", true, true},
		{"ETQ parent, je veux indiquer que mon enfant a des troubles dys pour le centre de loisirs", true, true},
		{"As a tenant, I want to tell the landlord that I am hard of hearing so that the fire alarm flashes", true, true},
		{"ETQ assistante sociale, je veux transmettre une information préoccupante au département", true, true},
		{"As a licensing officer, I want to match applicants against the list of revoked licences", true, true},
		{"ETQ élu, je veux recevoir la liste des bénévoles inscrits à la fête de quartier", true, true},
		// Settings, things, published lists.
		{"ETQ agent, je veux régler les paramètres d'affichage du tableau de bord", false, false},
		{"ETQ agent, je veux recevoir la liste des salles réservées demain", false, false},
		{"ETQ usager, je veux consulter la liste des bureaux de vote de la commune", false, false},
	})
}

// TestReviewProbesFourteenthBatchOneRecord: the service's own staff
// opening one person's record as a whole ("la fiche d'un adhérent",
// "the file of the applicant") show again what they already handle:
// browsing. A list of people, a detail, more than the record (its
// history), or an outside role stay as they were.
func TestReviewProbesFourteenthBatchOneRecord(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent, je veux consulter la fiche d'un adhérent depuis la liste des cotisations", false, false},
		{"ETQ instructeur, je veux ouvrir le dossier du demandeur depuis le tableau de bord", false, false},
		{"As a caseworker, I want to see the record of the tenant on one screen", false, false},
		// A list, a detail, a history, an outside role.
		{"ETQ agent, je veux consulter la liste des adhérents avec leur adresse", true, false},
		{"ETQ agent, je veux consulter la fiche d'un adhérent avec l'historique de ses paiements", true, false},
		{"ETQ transporteur, je veux consulter la fiche d'un élève", true, true},
	})
}

// TestReviewProbesFourteenthBatchNearMisses: words of personal data that
// name something else here: the axis of a count ("par GIR"), what a
// price is for ("les tarifs des abonnements"), a building's survey ("le
// diagnostic de performance énergétique"), messages sent through the
// existing channel after the people were named ("y affecter des
// intervenants et envoyer les convocations"), one's own confirmation, and
// going back to a list. The same words about a person stay as they were.
func TestReviewProbesFourteenthBatchNearMisses(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ cheffe de service, je veux connaître le nombre d'allocataires par GIR et par commune", false, false},
		{"ETQ agent, je veux modifier les tarifs des cours et des abonnements de la saison", false, false},
		{"ETQ instructeur, je veux voir le diagnostic de performance énergétique du logement dans le dossier", false, false},
		{"ETQ agent, je veux créer un atelier, y inscrire des animateurs et envoyer les invitations", true, false},
		{"As a visitor, I want to download my booking confirmation", false, false},
		{"ETQ instructeur, je veux revenir à la liste des dossiers sans perdre mes filtres", false, false},
		// The same words about a person.
		{"ETQ évaluatrice, je veux saisir le GIR de la personne âgée après la visite", true, true},
		{"ETQ usager, je veux souscrire un abonnement à la piscine en ligne", true, false},
		{"ETQ médecin, je veux saisir le diagnostic du patient après la consultation", true, true},
	})
}

// TestReviewProbesFourteenthBatchConditionsAndAttachments: a health
// condition named by its name (asthma, diabetes, epilepsy, a person's
// mobility needs) and a request filed with a document of one's own (an
// upload). Near-misses: a condition as a topic of public content, a
// document received.
func TestReviewProbesFourteenthBatchConditionsAndAttachments(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ parent, je veux signaler que ma fille est diabétique pour la sortie scolaire", true, true},
		{"ETQ parent, je veux indiquer que mon fils a de l'asthme pour la classe de découverte", true, true},
		{"As a pupil's parent, I want to tell the school about my son's epilepsy", true, true},
		{"As a visitor, I want to tell staff about my mobility needs before the tour", true, true},
		{"ETQ usager, je veux déposer ma demande d'aide avec mon dernier avis d'imposition", true, true},
		{"As an applicant, I want to apply for the grant with my latest payslips", true, true},
		// Public content, a document received, things seen by all.
		{"ETQ usager, je veux lire la page sur la prévention de l'asthme", false, false},
		{"ETQ usager, je veux recevoir mon attestation avec mon numéro de dossier", false, false},
	})
}

// TestNoDocumentOutForAMessageSent: "the email sent to new members" names
// a message, and the people after "to" are whom it goes to, even past
// adjectives and a coordination: editing it takes no document listing
// people out of the tool; nor does putting online the records of people
// who died long ago. (Whether naming the members asks for the RGPD
// section is another reading, not checked here.)
func TestNoDocumentOutForAMessageSent(t *testing.T) {
	for _, text := range []string{
		"As a site editor, I want to edit the content of the email automatically sent to new Certified Scrum Masters and Product Owners",
		"ETQ agent, je veux modifier le texte du courriel envoyé aux nouveaux adhérents et aux bénévoles",
		// People who died long ago: historical research (the policy).
		"ETQ archiviste, je veux mettre en ligne les fiches des combattants de 1914 à 1918",
	} {
		if r := check(t, "", text+criteria); r.SecurityReview {
			t.Errorf("%q: security review asked (topics %v)", text, r.Sensitive)
		}
	}
}

// TestReviewProbesFifteenthBatch: putting a list of people online is
// taking it out to everyone; convocations sent are messages through the
// existing channel; destroying records and hiding small cells of a
// statistic are deletion and anonymisation rules; a check made
// automatically with another body is an interconnection, whatever the
// data. Near-misses: a list of things put online, plans destroyed that
// name nobody, a count with nothing hidden.
func TestReviewProbesFifteenthBatch(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent du service des sports, je veux mettre en ligne la liste des lauréats du concours photo", true, true},
		{"ETQ agent, je veux envoyer les convocations par courriel à tous les candidats retenus", false, false},
		{"As a records officer, I want adoption files to be destroyed 100 years after the child's birth", true, true},
		{"ETQ responsable, je veux exporter les effectifs par école en masquant les petits effectifs", true, true},
		{"ETQ agent, je veux que le numéro de l'entreprise soit vérifié automatiquement auprès de la base nationale des entreprises", false, true},
		{"As an analyst, I need a map of cases by postcode with small cells suppressed", true, true},
		// Things published, nobody's data destroyed, a plain count.
		{"ETQ agent, je veux mettre en ligne la liste des parcs ouverts le dimanche", false, false},
		{"ETQ responsable de la voirie, je veux que les anciens plans papier soient détruits après numérisation", false, false},
		{"ETQ responsable, je veux voir le nombre d'inscrits par école", false, false},
	})
}
