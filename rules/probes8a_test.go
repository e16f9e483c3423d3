package rules_test

import "testing"

// TestReviewProbesEighthBatchA: probes for the classes the seventh blind
// set showed (people named in a criminal matter and record checks,
// another or a previous person's data, checking who someone is, a card
// sent to a phone's wallet, sign-in providers in a spike, keeping less
// in English, deleting one's details in English, registers of
// vulnerable people), on products that set does not hold, labelled by
// the policy before the change.
func TestReviewProbesEighthBatchA(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		// A person named as suspect, accused or defendant, the charges
		// against them, a criminal-record or background check: criminal
		// justice data, processed anew.
		{"ETQ agent de police municipale, je veux saisir le nom du mis en cause dans la main courante.", true, true},
		{"ETQ greffière, je veux enregistrer l'adresse du prévenu convoqué à l'audience.", true, true},
		{"ETQ enquêteur des douanes, je veux rattacher les suspects identifiés au dossier de saisie.", true, true},
		{"As a court clerk, I want to record the defendant's lawyer on the hearing sheet.", true, true},
		{"As a tribunal officer, I want to send the hearing notice to the accused by post.", true, true},
		{"As a caseworker, I want to record the charges against the tenant in the eviction file.", true, true},
		{"ETQ juriste, je veux noter les poursuites contre l'agent dans son dossier disciplinaire.", true, true},
		{"As a sports club secretary, I want to record the date of each coach's police check.", true, true},
		{"As an HR officer, I want to request a DBS check for every new carer.", true, true},
		{"As a school business manager, I want to store each volunteer's working with children check number.", true, true},
		{"As a recruiter, I want to order a background check for each shortlisted applicant.", true, true},
		{"As a youth league organiser, I want to upload the criminal record check of each referee.", true, true},
		{"ETQ directrice de crèche, je veux demander le bulletin n° 3 du casier judiciaire des nouveaux animateurs.", true, true},
		// Named only as the persona, or browsed: nothing processed anew.
		{"En tant que prévenu, je veux connaître les horaires d'ouverture du tribunal.", false, false},
		{"As a defendant, I want to read the court's accessibility information.", false, false},
		{"ETQ greffier, je veux trier la liste des prévenus par date d'audience.", false, false},
		// Suspect as an adjective on no person; charges that are fees.
		{"ETQ administrateur, je veux bloquer les fichiers suspects déposés sur le serveur.", false, true},
		{"ETQ responsable du parc, je veux signaler un colis suspect à l'accueil.", false, false},
		{"As a finance officer, I want to see the parking charges of the month.", false, false},

		// Checking who someone is handles their identity data.
		{"ETQ agent d'accueil, je veux vérifier l'identité du demandeur avant de lui remettre sa carte.", true, true},
		{"ETQ assesseur, je contrôle l'identité de chaque électeur avant le vote.", true, true},
		{"As a counter clerk, I want to verify the applicant's identity before issuing the permit.", true, true},
		{"As a support agent, I want to verify their identity before resetting the account.", true, true},
		// A brand's visual identity is nobody's.
		{"ETQ chargée de communication, je veux vérifier l'identité visuelle des nouvelles affiches.", false, false},
		{"As a designer, I want to check the visual identity of the new leaflets.", false, false},

		// A person's card or ticket sent to a phone's wallet goes to a new
		// provider out of the tool.
		{"ETQ abonné de la médiathèque, je veux ajouter ma carte de lecteur dans Apple Wallet.", true, true},
		{"As a season ticket holder, I want to add my pass to my phone's wallet.", true, true},
		{"As a gym member, I want my membership card in Google Wallet.", true, true},
		{"ETQ voyageur, je veux enregistrer mon billet dans le portefeuille numérique de mon téléphone.", true, true},
		// A portfolio is no wallet.
		{"ETQ cheffe de projet, je veux consulter le portefeuille de projets de la direction.", false, false},

		// Keeping less about people is minimisation: it needs the RGPD
		// section, as the French "ne plus collecter" does.
		{"As a clinic manager, I want to stop storing patients' phone numbers.", true, false},
		{"As a booking manager, I want the booking form to no longer store visitors' dates of birth.", true, false},
		{"As a librarian, I want to stop collecting readers' home addresses at sign-up.", true, false},
		{"As a school office manager, I want to stop keeping copies of parents' passports.", true, true},
		{"As a housing officer, I want reminders sent by letter instead of storing tenants' mobile numbers.", true, false},
		{"ETQ gestionnaire du gymnase, je veux ne plus collecter la date de naissance des adhérents.", true, false},
		// Keeping less of something that is nobody's is not.
		{"As a caretaker, I want to stop keeping paper copies of the timetable.", false, false},
		{"As a developer, I want to no longer store the build logs for a year.", false, false},

		// Deleting one's account or details is a deletion rule.
		{"As a newsletter subscriber, I want my details deleted when I unsubscribe.", true, true},
		{"As a resident, I want to delete my account and the data it holds.", true, true},
		{"As a volunteer, I want to erase my details from the rota when I leave.", true, true},
		{"ETQ abonnée, je veux supprimer mon compte et mes données quand je me désabonne.", true, true},
		// One's own saved search or draft is an own item.
		{"ETQ usager, je veux supprimer mon brouillon de signalement.", false, false},
		{"As a job seeker, I want to delete my saved search.", false, false},
		{"As a member, I want to delete my draft post.", false, false},

		// A register of vulnerable people is social and health data.
		{"ETQ agent du CCAS, je veux tenir le registre des personnes vulnérables pour le plan canicule.", true, true},
		{"ETQ coordinatrice, je veux partager la liste des personnes fragiles isolées avec les pompiers.", true, true},
		{"As a council officer, I want to record vulnerable residents who need help during a power cut.", true, true},
		{"As an emergency planner, I want to export the list of vulnerable people in the flood zone.", true, true},
		// Vulnerable software is no person; an information page is no register.
		{"As a developer, I want to list vulnerable dependencies in the build report.", false, true},
		{"ETQ usager, je veux lire la page de conseils canicule destinée aux personnes vulnérables.", false, false},
	})
}

// TestReviewProbesEighthBatchANonStories: a bug that shows another or a
// previous person's data (farmers, hosts, landlords and craftsmen are
// natural persons), and a sign-in provider studied in a spike or asked
// about: titles and short bodies, as a backlog holds them.
func TestReviewProbesEighthBatchANonStories(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Bug : la carte renouvelée affiche le nom du précédent titulaire", "Constaté sur trois cartes de cantine réimprimées.", true, true},
		{"Bug: the renewed badge shows the previous cardholder's name", "Seen on the reprinted library badges.", true, true},
		{"Bug : le relevé affiche l'aide d'un autre agriculteur", "Un éleveur voit le montant versé à son voisin.", true, true},
		{"Bug : la fiche affiche le téléphone d'un autre loueur de meublé", "Depuis la mise à jour de la taxe de séjour.", true, true},
		{"Bug : le devis affiche l'adresse d'un autre artisan", "Sur la plateforme des marchés de la commune.", true, true},
		{"Bug: the statement shows another landlord's bank details", "Reported by two landlords this morning.", true, true},
		{"Bug : l'indemnité d'une autre exploitante apparaît sur mon récapitulatif", "", true, true},
		{"Bug: the payment page shows another farmer's grant", "Two farmers reported it.", true, true},
		// Another organisation's or a farm's technical data is no person's.
		{"Bug : le récapitulatif affiche le budget d'une autre commune", "Depuis la mise à jour.", false, false},
		{"Bug: the page shows the logo of another council", "", false, false},
		{"Bug : la fiche affiche les horaires d'un autre musée", "Le cache garde la dernière fiche ouverte.", false, false},
		{"Bug : la carte affiche les parcelles d'une autre exploitation", "Le fond de carte ne se recharge pas.", false, false},
		{"Bug : le tableau affiche le logo du précédent prestataire", "Le thème n'est pas à jour.", false, false},
		// A sign-in provider studied or asked about: authentication.
		{"Spike : étudier FranceConnect pour les usagers de la médiathèque", "Timebox 2 jours.", false, true},
		{"Spike: ProConnect for the inspectors?", "Compare with local accounts.", false, true},
		{"Question : quel niveau eIDAS exiger pour les demandeurs ?", "À voir avec le RSSI.", false, true},
		// A spike on something else is not.
		{"Spike : étudier une bibliothèque de graphiques", "Timebox 1 jour.", false, false},
	})
}
