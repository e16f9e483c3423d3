package rules_test

import "testing"

// TestReviewProbesEighthBatchPeople: people the seen sets name by their
// job (a stand-in teacher, a deputy, a translator, a childminder, a
// cardholder) are persons; replying or writing to a person from the
// tool is an exchange with them, not an audience ("proposés aux
// agents"); an offer sent to several people is a notification through
// the existing channel. Products the sets do not hold, labelled by the
// policy before the change.
func TestReviewProbesEighthBatchPeople(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		// A person named by their job, their data handled anew.
		{"ETQ responsable de crèche, je veux voir le nom et le téléphone de l'assistante maternelle de garde", true, false},
		{"ETQ directrice de conservatoire, je veux évaluer le professeur suppléant à la fin de l'année", true, false},
		{"ETQ coordinatrice, je saisis les disponibilités de chaque traductrice", true, false},
		{"As a transport officer, I want to record the cardholder's date of birth on the renewal", true, false},
		{"ETQ responsable des remplacements, je veux que l'outil me propose les remplaçants les plus proches de la mairie", true, false},
		// Replying or writing to a person from the tool.
		{"ETQ agent du service des eaux, je veux répondre à l'abonné depuis sa fiche", true, false},
		{"ETQ secrétaire de mairie, j'écris au pétitionnaire depuis le dossier", true, false},
		// An offer or a reminder sent through the existing channel.
		{"ETQ gestionnaire de vacations, je veux envoyer une proposition à plusieurs vacataires en même temps", false, false},
		{"ETQ gestionnaire, je veux envoyer un rappel aux remplaçants", false, false},
		// Proposed to an audience: nobody's data.
		{"ETQ agent, je vois les ateliers proposés aux remplaçants", false, false},
		// Browsing what the same people already handle.
		{"ETQ gestionnaire, je trie les remplaçants par date d'arrivée", false, false},
		{"ETQ agent, je vois les gymnases les plus proches de l'école", false, false},
	})
}

// TestReviewProbesEighthBatchFiling: a person declaring something
// about themselves, a place taken from their position, an emergency
// contact, their own receipts uploaded, a copy kept where there is no
// signal. Products the sets do not hold, labelled before the change.
func TestReviewProbesEighthBatchFiling(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ usager, je veux déclarer un dégât des eaux en ligne avec des photos de mon logement", true, true},
		{"ETQ usager, je déclare mes heures de garde chaque mois", true, false},
		{"ETQ usager, je veux que l'adresse du signalement soit proposée à partir de ma position", true, false},
		{"As a walker, I want to file my route plan online with my return date and an emergency contact", true, false},
		{"As a club member, I want to upload the receipts for my match expenses", true, true},
		{"ETQ agent de terrain, je veux emporter la liste des usagers à visiter sur ma tablette pour les zones blanches", false, true},
		// Declaring a state or going faster is no new data; an
		// organisation's declaration is no person's.
		{"ETQ usager, je peux déclarer plus rapidement", false, false},
		{"ETQ usager, je déclare que mon logement n'est plus loué", false, false},
		{"ETQ gérant d'hôtel, je veux déclarer le nombre de nuitées de l'établissement via un formulaire", false, false},
		// A person word naming which records in English.
		{"As a clerk, I want to sort the volunteer bookings by start time", false, false},
	})
}

// TestReviewProbesEighthBatchConsolidated: the cases the consolidated
// policy settles (corpus ABOUT, 2026-12-06): a renewal filed by a person
// is a registration; a sheet listing people printed out of the tool is a
// bulk extraction; a resident's parking card is no disability card.
func TestReviewProbesEighthBatchConsolidated(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ usager, je veux renouveler ma carte de déchèterie en ligne", true, false},
		{"ETQ adhérent, je renouvelle mon adhésion au club chaque année", true, false},
		{"As a member, I want to renew my library membership online", true, false},
		{"ETQ usager, je veux renouveler ma carte de stationnement résident en ligne", true, false},
		{"ETQ agent d'accueil, je veux imprimer la feuille d'émargement des participants à l'atelier", true, true},
		{"As a clerk, I want to print the attendance sheet of the tribunal hearing", true, true},
		// Things printed or renewed that are nobody's.
		{"ETQ gestionnaire, je veux imprimer le planning des salles", false, false},
		{"ETQ agent, je veux voir la date de renouvellement du marché de nettoyage", false, false},
	})
}

// TestReviewProbesEighthBatchActs: civil-status acts drawn up or sent
// are identity data; publishing a person's detail discloses it;
// collectors and artists are persons.
func TestReviewProbesEighthBatchActs(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ officier d'état civil, je veux dresser un acte de reconnaissance en ligne", true, true},
		{"ETQ agent, je transmets les avis de mention aux communes de naissance par voie dématérialisée", true, true},
		{"ETQ agent, je veux publier le nom des lauréats du concours sur le site de la mairie", true, true},
		{"ETQ agent du cimetière, je veux publier la liste des concessions échues avec le nom des défunts", true, true},
		{"ETQ régisseur, j'enregistre l'œuvre prêtée par un collectionneur privé avec ses coordonnées", true, false},
		// Published things that are nobody's, a public place.
		{"ETQ agent, je veux publier les horaires de la piscine", false, false},
		{"ETQ usager, je veux voir les travaux sur la voie publique près de la mairie", false, false},
	})
}

// TestReviewProbesTenthBatch: after heldout8 was measured and read,
// probes of other products for its classes: consumers, buyers, referees,
// couriers and investigators are persons; diets, injuries, food
// poisoning and health concerns are health data; a good-character check
// and a prosecution are criminal matters; a connection log names who
// connected; a field inspection worked offline keeps a copy of records.
func TestReviewProbesTenthBatch(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent de la médiation, je peux exporter les réclamations avec les coordonnées des consommateurs", true, true},
		{"As a landlord, I want to nominate a referee and give their phone number", true, false},
		{"ETQ responsable de la restauration scolaire, je note les régimes alimentaires des enfants inscrits", true, true},
		{"ETQ usager, je peux signaler que le jouet a blessé mon enfant", true, true},
		{"As a resident, I want to report food poisoning after a school meal", true, true},
		{"ETQ responsable de club, je veux que les encadrants fournissent une attestation d'honorabilité", true, true},
		{"As a trading standards officer, I want to prepare a prosecution file against a market trader", true, true},
		{"ETQ RSSI, je veux voir le journal des connexions des agents de l'accueil", true, true},
		{"As a building inspector, I want to work offline during site inspections", false, true},
		// Near-misses: a menu, a product recall, a map offline.
		{"ETQ agent, je publie le menu de la semaine avec les plats sans sel", false, false},
		{"As a visitor, I want the trail map available offline", false, false},
		{"ETQ agent, je veux voir la liste des produits rappelés", false, false},
	})
}

// TestReviewProbesTradeOperator: an operator of a trade (a food
// business, a remote-assistance line, a campsite) is no operator of the
// service: not a privileged persona; an operator of the platform is.
func TestReviewProbesTradeOperator(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a tour operator, I want to see the opening hours of the museum", false, false},
		{"ETQ opérateur de vidéoprotection, je veux voir le plan des caméras de la ville", false, false},
		{"ETQ exploitant d'un camping, je veux modifier les dates d'ouverture de la saison", false, false},
		{"ETQ exploitant de la plateforme, je veux modifier les dates d'ouverture de la saison", false, true},
		{"As a platform operator, I want to change the maintenance window", false, true},
		{"ETQ exploitant, je veux redémarrer le service de notification", false, true},
	})
}

// TestReviewProbesRelatives: acting for an adult relative (ordering,
// booking or filing for one's mother) is acting for another person;
// attaching one's own document is an upload; a person's disability rate
// is health data.
func TestReviewProbesRelatives(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ usager, je veux réserver le transport adapté pour ma mère", true, true},
		{"As a resident, I want to apply for a blue bin for my father who lives alone", true, true},
		{"As a licence holder, I want to appoint a family member to collect my parcel", true, true},
		{"ETQ demandeur, je joins mon relevé de carrière à ma demande", true, true},
		{"ETQ agent, je saisis le taux d'invalidité retenu par la commission", true, true},
		// Near-misses: a relative as the benefit's audience, a document
		// that is nobody's.
		{"ETQ agent, je joins le règlement intérieur au courriel de bienvenue", false, false},
	})
}

// TestReviewProbesPaymentsAndLists: paying one's own fee in instalments
// or by bank card, a nominative list received, a disciplinary case
// against a licensed professional, security alerts routed to a
// monitoring tool.
func TestReviewProbesPaymentsAndLists(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ usager, je veux régler mon inscription au conservatoire en trois fois", true, true},
		{"ETQ adhérent, je paie ma cotisation par carte bancaire", true, true},
		// A list of people received is taken out of the tool: security
		// notes too, as "je veux recevoir la liste …" already asked (the
		// policy's documents listing people; read again in the twentieth
		// round, when the indicative "je reçois" was read as the
		// infinitive).
		{"ETQ responsable du centre de loisirs, je reçois chaque lundi la liste nominative des enfants inscrits", true, true},
		{"As a medical council officer, I want to open a disciplinary case against a registered doctor", true, true},
		{"ETQ équipe d'exploitation, je reçois les alertes de sécurité du pare-feu dans l'outil de supervision", false, true},
		// A map, a complaint about noise, a price list.
		{"ETQ agent, je vois les bornes de recharge par carte sur la page d'accueil", false, false},
		{"ETQ agent, je veux modifier la grille des tarifs en trois tranches", false, false},
	})
}

// TestReviewProbesWorkflowSteps: a dossier put on hold, a human decision
// entered, a list of people filtered by what they have not done yet are
// workflow and browsing, not new processing.
func TestReviewProbesWorkflowSteps(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a grants officer, I want to put a claim on hold while I wait for the bank statement", false, false},
		{"ETQ agent, je veux mettre en attente une demande incomplète", false, false},
		{"ETQ agent instructeur, je saisis la décision de la commission sur la demande de bourse", false, false},
		{"ETQ animatrice, je veux voir quels enfants n'ont pas rendu leur fiche d'inscription", false, false},
		// Recording a person's data stays processing.
		{"ETQ agent instructeur, je saisis les revenus du foyer du demandeur", true, false},
	})
}

// TestReviewProbesEleventhBatch: after heldout9 was measured and read,
// its classes on other products: "stage" is an internship in French; a
// health questionnaire, clinical findings, a disability declared in the
// need; decisions taken at random or closing automatically; suggestions
// from one's profile; a deferral asked, a summons answered, weeks not
// available; a print provider; a host company or an allocation partner
// seeing people's files.
func TestReviewProbesEleventhBatch(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ stagiaire, je modifie mon numéro de téléphone pendant le stage", true, false},
		{"ETQ candidat, je remplis le questionnaire de santé avant la visite d'embauche", true, true},
		{"ETQ médecin scolaire, je note mes constatations cliniques dans le dossier de l'élève", true, true},
		{"ETQ usager, je peux déclarer un handicap pour obtenir une place adaptée au concert", true, true},
		{"ETQ agent, je veux que les adhésions non payées soient automatiquement clôturées au 1er mars", true, false},
		{"ETQ agent, je veux que les places soient attribuées par tirage au sort entre les inscrits", true, false},
		{"ETQ demandeur d'emploi, je reçois des formations suggérées selon mon profil", true, false},
		{"As a student, I want to ask to defer my exam to the next session", true, false},
		{"As a member, I want to choose the weekends when I am not available", true, false},
		{"ETQ agent, je veux envoyer les avis d'échéance aux locataires via un prestataire d'impression", true, true},
		{"ETQ entreprise d'accueil, je consulte les CV des candidats à mes offres", true, true},
		// Near-misses: an English stage, a health page, a random tip, a
		// printer for posters, a host company's own offers.
		{"As a resident, I want to see which stage my planning application is at", false, false},
		{"ETQ usager, je veux lire la page santé du site de la mairie", false, false},
		{"ETQ agent, je veux afficher une astuce au hasard sur la page d'accueil", false, false},
		{"ETQ agent, je veux commander les affiches de la fête chez l'imprimeur", false, false},
		{"ETQ entreprise d'accueil, je consulte mes offres de stage publiées", false, false},
	})
}

// TestReviewProbesJurors: a juror is a person filing for themselves; a
// letter sent to the people concerned is a notification.
func TestReviewProbesJurors(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a juror, I want to request a deferral of my jury service", true, false},
		{"ETQ juré, je veux demander un report de ma session", true, false},
		{"As a clerk, I want to send a letter to every member of a cancelled class", false, false},
	})
}

// TestReviewProbesTwelfthBatch: after heldout10 and heldout11 were
// measured and read, their security classes on other products: health
// questionnaires, blood results, exam accommodations, sick leave; fraud
// suspected of a person, a report to the prosecutor, a vetting check;
// a bank transfer file; a person already declared elsewhere; a QR code
// that opens a person's card or convocation; uploads of certificates
// and authorisations; sheets and badges naming people, edited or printed.
func TestReviewProbesTwelfthBatch(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a new member, I want to fill in the health questionnaire before my first swimming lesson", true, true},
		{"ETQ infirmière scolaire, je saisis le tiers temps accordé à un élève pour le brevet", true, true},
		{"As a team leader, I want to record that a driver is off sick this week", true, true},
		{"ETQ agent de la caisse, je veux signaler une suspicion de fraude sur le dossier d'un allocataire", true, true},
		{"ETQ directeur de centre de loisirs, je veux signaler au procureur les violences subies par un enfant", true, true},
		{"As a volunteer manager, I want to request a vetting check for each new volunteer", true, true},
		{"As a finance officer, I want the weekly allowances to be paid to claimants through a BACS file", true, true},
		{"ETQ agent, je veux être alerté quand un enfant est déjà déclaré dans une autre commune", true, false},
		{"ETQ agent d'accueil, je scanne le QR code de la convocation de chaque candidat", true, true},
		{"ETQ parent, je veux joindre le certificat médical de mon enfant à l'inscription au club", true, true},
		{"ETQ animateur, je veux éditer la feuille d'émargement de l'atelier", true, true},
		// Near-misses: a QR code on a thing, an anti-fraud page, a blood
		// drive's opening hours.
		{"ETQ technicien, je scanne le QR code d'un lampadaire en panne", false, false},
		{"ETQ agent, je publie les horaires de la collecte de sang sur le site", false, false},
	})
}

// TestReviewProbesLayout: where something is shown on a record (at the
// top, in the banner, more readable) is a layout of what the same
// people already see; adding a note there still records it.
func TestReviewProbesLayout(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent du CCAS, je veux voir le quotient familial du bénéficiaire dans le bandeau de sa fiche", false, false},
		{"ETQ instructeur, je vois en tête du dossier les pièces justificatives manquantes", false, false},
		{"As a caseworker, I want the claimant's key dates at the top of the case page", false, false},
		{"ETQ instructrice, je veux ajouter un commentaire sur la situation du demandeur et l'afficher en haut de la fiche", true, false},
	})
}
