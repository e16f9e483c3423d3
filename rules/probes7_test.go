package rules_test

import "testing"

// TestReviewProbesSeventhBatch: probes for security classes the seen
// sets still miss (a question or a rule on who sees a person's detail,
// a bug that shows a previous, a wrong or another household's person's
// data, a person's detail on a public or published document, a register
// named by its acronym after "via"), on products those sets do not hold, labelled by the policy before the
// change. Non-stories: a title and a
// short body, as a backlog holds them.
func TestReviewProbesSeventhBatch(t *testing.T) {
	titledProbes(t, []titledProbe{
		// A question on who sees a person's detail is an access question
		// (and it is about personal data).
		{"Question : le secrétariat du club doit-il voir le téléphone des adhérents ?", "Les bénévoles du secrétariat appellent les adhérents pour les cotisations. À valider avec le bureau.", true, true},
		{"Should volunteer drivers see the patients' phone numbers?", "Drivers call patients before pickup. The coordinator is unsure.", true, true},
		{"Les moniteurs peuvent-ils connaître l'adresse des stagiaires ?", "", true, true},
		{"Accueil de la piscine", "Les maîtres-nageurs ne doivent pas voir la date de naissance des abonnés sur la liste d'appel.", true, true},
		// A question on seeing something that is nobody's data is not.
		{"Can residents see the opening hours of the recycling centre?", "Asked twice at the front desk.", false, false},
		{"Question : doit-on voir le logo de la commune sur la page d'accueil ?", "", false, false},
		// A bug that shows a previous or another person's data is a
		// disclosure; so is a person's detail shown on a published
		// document.
		{"L'attestation affiche l'adresse de l'adhérent précédent", "Sur l'attestation d'inscription, l'adresse imprimée est celle de l'inscription précédente.", true, true},
		{"Confirmation e-mail shows the previous patient's name", "Two patients received a confirmation naming someone else. Reported by the clinic.", true, true},
		{"Volunteer's phone number visible on the public event page", "The published event page shows the volunteer's phone number under the programme.", true, true},
		{"La facture d'eau affiche l'adresse d'un autre foyer", "Plusieurs abonnés reçoivent une facture au nom d'un autre foyer depuis la mise à jour.", true, true},
		// An organisation's detail on a public page is no person's.
		{"Public page shows the old address of the town hall", "The published contact page shows the address of the town hall before the move.", false, false},
		{"Booking confirmation shows the wrong member's address", "Since the release, some members receive a confirmation with another address.", true, true},
		// A previous or public thing that is nobody's data is no disclosure.
		{"La page publique affiche les horaires de la semaine précédente", "Le cache n'est pas vidé après la mise à jour des horaires.", false, false},
		{"The published timetable shows the previous term's dates", "The export job runs before the new term is saved.", false, false},
		{"The reminder shows the wrong closing date", "The date comes from the previous season.", false, false},
		{"Le reçu affiche le montant du paiement précédent", "La caisse garde le montant en mémoire.", false, false},
		// A register or another system named by its acronym after "via" or
		// "grâce à" is an interconnection; a channel or a format is not.
		{"Adresse du licencié via le FNS", "ETQ agent du service des sports, je récupère l'adresse d'un licencié via le FNS pour lui envoyer sa carte.", true, true},
		{"Contrôle du diplôme", "ETQ agent de recrutement, je vérifie le diplôme déclaré par le candidat grâce au RNDP.", true, true},
		{"Export du tableau de bord", "ETQ responsable de la piscine, je veux exporter le tableau de bord de fréquentation via PDF.", false, false},
	})
}
