package rules_test

import "testing"

// TestReviewProbesNinthBatchCChoices: a person's choice or preference
// recorded by the service (a channel, a centre, a date, one's dates) is
// new data about them, like a registration or a waiting list (policy:
// validation 5); a display option, an interface language, a filter, a
// theme, or an agent's choice of a template is none. Products the sets
// do not hold, labelled by the policy before the change.
func TestReviewProbesNinthBatchCChoices(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ lecteur, je choisis de recevoir le bulletin municipal par courrier ou par courriel", true, false},
		{"ETQ locataire, je veux choisir d'être prévenu des coupures par SMS ou par courriel", true, false},
		{"ETQ candidat au permis bateau, je veux choisir mon centre d'examen", true, false},
		{"As a householder, I want to choose my bulky waste collection date", true, false},
		{"ETQ famille d'accueil, je veux indiquer mes dates de vacances", true, false},
		{"As a library member, I want to receive my membership card by e-mail rather than by post", true, false},
		{"ETQ collégien, je choisis mes options pour la rentrée", true, false},
		{"As a tenant, I want to select my preferred contact method", true, false},
		{"As a volunteer, I want to choose how I am contacted, by phone or by e-mail", true, false},
		{"ETQ adhérent, je veux choisir mon mode de contact", true, false},
		// A display option, a language of the interface, a filter, a
		// theme: nobody's data; an agent choosing a template.
		{"ETQ usager, je veux choisir l'affichage en liste ou en carte", false, false},
		{"ETQ visiteur, je veux choisir la langue de l'interface", false, false},
		{"As a user, I want to choose a dark colour theme", false, false},
		{"ETQ usager, je veux choisir un filtre par quartier", false, false},
		{"ETQ usager, je veux choisir ma langue d'affichage", false, false},
		{"As a resident, I want to choose my language on the website", false, false},
		{"ETQ agent d'accueil, je veux choisir un modèle de réponse", false, false},
		{"As a caseworker, I want to pick a letter template", false, false},
		{"As a visitor, I want to choose the map view", false, false},
		{"ETQ usager, je veux choisir mon mode d'affichage", false, false},
		{"As a user, I want to select my dashboard widgets", false, false},
		{"ETQ usager, je veux indiquer mon avis sur la page", false, false},
	})
}

// TestReviewProbesNinthBatchCBookings: citizen bookings phrased
// otherwise (arranging a collection or a visit, a yearly validation of
// one's permit, which the consolidated policy counts as a
// registration); a booking in an organisation's name stays false.
func TestReviewProbesNinthBatchCBookings(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a householder, I want to arrange for my old fridge to be collected", true, false},
		{"As a resident, I want to arrange a visit from the pest control team", true, false},
		{"ETQ habitant, je veux réserver un terrain de tennis en ligne", true, false},
		{"ETQ chasseur, je valide mon permis de chasser pour la saison", true, false},
		{"As an angler, I want to validate my fishing licence for the year", true, false},
		// In an organisation's name, or an agent's state change.
		{"ETQ trésorier d'association, je veux réserver le gymnase au nom de l'association", false, false},
		{"As a club secretary, I want to book the sports hall on behalf of the club", false, false},
		{"ETQ agent, je valide la réservation du gymnase", false, false},
		{"As a resident, I want to arrange the tiles on my dashboard", false, false},
	})
}

// TestReviewProbesNinthBatchCAutomatic: data arriving automatically
// from another system, with or without a data word, is an
// interconnection (security), and about persons it is rgpd too; a
// computation or a save inside the tool is none.
func TestReviewProbesNinthBatchCAutomatic(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a licensing officer, I want the ownership details to arrive automatically with each premises application", true, true},
		{"As a rates officer, I want the single-person discount applied automatically from the council tax system", true, true},
		{"ETQ agent des cimetières, je reçois automatiquement l'avis de décès dans l'application", true, true},
		{"ETQ agent d'accueil, je veux que les courriels envoyés à la mairie créent automatiquement une demande", true, true},
		{"As a support agent, I want e-mails sent to the helpdesk to create a ticket automatically", true, true},
		{"ETQ régisseur, je veux que les horaires des navettes soient mis à jour automatiquement depuis le système du transporteur", false, true},
		// A computation or a save inside the tool.
		{"ETQ agent, je veux que le montant de l'aide au permis soit calculé automatiquement", true, false},
		{"As an editor, I want my page layout saved automatically", false, false},
		{"ETQ usager, je veux que ma demande de carte de stationnement soit enregistrée automatiquement", true, false},
		{"ETQ agent, je veux que les courriels de rappel soient envoyés automatiquement", false, false},
	})
}

// TestReviewProbesNinthBatchCOffline: a work list (a round, a tournée)
// copied onto a device to work without a network is an offline copy
// of records: security true, rgpd false (no new processing).
func TestReviewProbesNinthBatchCOffline(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a refuse driver, I want the day's round available offline on the cab tablet", false, true},
		{"ETQ agent de portage de repas, je veux télécharger la tournée sur la tablette pour les zones sans réseau", false, true},
		{"ETQ infirmière à domicile, je veux consulter ma tournée du jour hors connexion", false, true},
		{"As a meter reader, I want my route stored on the handheld for areas with no signal", false, true},
		// The tool, a map or a guide offline: no records.
		{"ETQ usager, je veux utiliser l'application hors connexion", false, false},
		{"As a visitor, I want the trail map available offline", false, false},
		{"ETQ agent, je veux consulter le guide des procédures hors ligne", false, false},
	})
}
