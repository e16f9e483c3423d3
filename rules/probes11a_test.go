package rules_test

import "testing"

// TestReviewProbesFifteenthBatchProductWords: a word that names a
// person's record elsewhere (compte, cas, message, historique, demande,
// account, case, history) is, in these sentences, an idiom or a text of
// the product: nobody's data, no RGPD section. Such stories are common
// in a product team's first week (an error message, a rule that "prend
// en compte" the public holidays), and each one blocked is a valid story
// blocked. The same words owned by people keep asking. Products the sets
// do not hold, labelled by the policy before the change.
func TestReviewProbesFifteenthBatchProductWords(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		// Idioms.
		{"ETQ usager, je veux que le calendrier de collecte prenne en compte les jours fériés", false, false},
		{"ETQ agent, je veux que le calcul du délai tienne compte des jours fériés", false, false},
		{"ETQ agent de la médiathèque, je veux que les retards soient pris en compte dans le calcul des relances automatiques", false, false},
		{"ETQ responsable du service, je veux un tableau qui rende compte de l'activité du guichet par mois", false, false},
		{"As a resident, I want a button to go back in case I make a mistake in the form", false, false},
		{"As a developer, I want the build to account for the new locale files", false, false},
		{"As a planner, I want the route calculation to take roadworks into account", false, false},
		// The product's own texts and things.
		{"ETQ agent, je veux modifier le message d'erreur affiché quand la date est invalide", false, false},
		{"ETQ usager, je veux un message de confirmation après l'envoi du formulaire", false, false},
		{"ETQ agent, je veux que l'application affiche un message clair en cas de panne", false, false},
		{"ETQ agent du service culturel, je veux voir l'historique des versions de la page de l'exposition", false, false},
		{"As a visitor, I want a clearer error message when the search finds nothing", false, false},
		{"As a visitor, I want to read the history of the castle on the museum's page", false, false},
		// A message the story quotes is the product's text; a short
		// quotation names a field.
		{"ETQ agent, je veux corriger la faute d'orthographe du courriel de confirmation, qui doit dire « votre demande a bien été reçue »", false, false},
		{"As an officer, I want the confirmation page to say “your application has been received”", false, false},
		{"ETQ agent, je veux ajouter un champ « Numéro de téléphone » au formulaire d'inscription", true, false},
		// Telling people something about the product.
		{"ETQ agent, je veux expliquer aux usagers ce qui déclenche le blocage du formulaire", false, false},
		{"ETQ responsable de la déchetterie, je veux indiquer aux usagers que le site ferme plus tôt en hiver", false, false},
		{"As a developer, I want to explain to users why the map does not load on old browsers", false, false},
		// The same words, owned by people: the reviews stay.
		{"ETQ agent, je veux conserver les messages échangés avec les usagers pendant deux ans", true, true},
		{"ETQ agent, je veux lire les messages des usagers envoyés depuis le formulaire de contact", true, false},
		{"ETQ agent, je veux exporter l'historique des paiements des familles en CSV", true, true},
		{"ETQ agent, je veux expliquer aux usagers le motif du refus de leur demande en joignant leur dossier complet à la réponse", true, false},
		{"As a caseworker, I want to record the history of each tenant's complaints", true, false},
		{"ETQ gardien du gymnase, je veux voir l'historique des entrées par badge de la salle de musculation", true, false},
	})
}

// TestReviewProbesFifteenthBatchProductViews: a person following the
// steps of their own request, the documents to prepare, an average
// delay, records hidden from a list or shown first, a filter the screen
// keeps, a guide to the right form "selon ma situation": views of what is held or published,
// no new processing. Hiding a person's detail from a list is
// minimisation and keeps asking for the RGPD section.
func TestReviewProbesFifteenthBatchProductViews(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ usager, je veux comprendre en un coup d'œil les étapes de ma demande de bourse", false, false},
		{"ETQ usager, je veux savoir quelles pièces justificatives préparer avant de commencer", false, false},
		{"ETQ usager, je veux voir le délai moyen de traitement des demandes de logement", false, false},
		{"ETQ agent, je veux que les dossiers clôturés depuis plus de 30 jours soient masqués de la liste", false, false},
		{"As a resident, I want to understand the steps of my application at a glance", false, false},
		{"As a resident, I want to see the average processing time of permit applications", false, false},
		{"As an officer, I want closed cases older than 30 days hidden from the list", false, false},
		{"ETQ usager, je veux comprendre pourquoi ma demande d'aide a été refusée", false, false},
		{"ETQ usager, je veux être guidé vers le bon formulaire de la médiathèque selon ma situation", false, false},
		{"As a resident, I want to be directed to the right permit form depending on my situation", false, false},
		{"As an officer, I want applications received at the weekend to appear first on Monday", false, false},
		// A screen that remembers its filter keeps nobody's data; pieces
		// kept five years are a retention rule.
		{"ETQ instructeur, je veux filtrer les dossiers par statut et que le filtre choisi soit conservé quand je reviens sur la liste", false, false},
		{"As an officer, I want my selected filters to be retained between sessions", false, false},
		{"ETQ instructeur, je veux que la page courante de la liste soit conservée quand je reviens d'un dossier", false, false},
		{"ETQ agent, je veux un interrupteur « Mode sombre » dans le menu de mon compte", false, false},
		{"ETQ agent, je veux que les pièces déposées soient conservées cinq ans après la clôture du dossier", true, true},
		// Eligibility computed from one's situation is a computation
		// about the person: it keeps asking.
		{"ETQ usager, je veux voir les aides auxquelles j'ai droit en fonction de ma situation", true, false},
		{"ETQ agent, je veux masquer de la liste le numéro de téléphone des usagers", true, false},
		{"ETQ agent, je veux que la date de naissance des usagers soit masquée de la liste", true, false},
		{"As an officer, I want the phone numbers of claimants hidden from the list", true, false},
	})
}

// TestReviewProbesFifteenthBatchWhenProofAndRelatives: a request filed in a
// "quand" clause only says when a notification leaves ("un accusé de
// réception quand je dépose ma demande"), and people "relancés" in the
// passive are reminded as in the active: the existing channel, the same
// people. A proof of address or of identity the person sends is their
// document about that detail; which proofs are accepted is the
// service's rule. A public page shared with a relative is no
// representation.
func TestReviewProbesFifteenthBatchWhenProofAndRelatives(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ parent, je veux recevoir un accusé de réception par courriel quand je dépose ma demande de place en crèche", false, false},
		{"As a parent, I want an email receipt when I book a holiday club place", false, false},
		{"ETQ parent, je veux déposer ma demande de place en crèche en ligne", true, false},
		// A page that tells who may apply and how files nothing.
		{"As a resident, I want a start page that explains who can apply for a resident parking permit and what I need", false, false},
		{"ETQ usager, je veux une page qui explique qui peut s'inscrire à l'école de musique et comment s'inscrire", false, false},
		// Accepting or refusing cookies records a consent: no workflow.
		{"As a visitor, I want to accept or reject analytics cookies on the museum's site", true, false},
		{"ETQ visiteur, je veux accepter ou refuser les cookies de mesure d'audience", true, false},
		// A reminder through the existing channel, written in the
		// passive: workflow, as the active form.
		{"ETQ instructeur, je veux que les demandeurs dont le dossier est incomplet soient relancés automatiquement au bout de 15 jours", false, false},
		{"As a resident, I want to upload proof of address for my parking permit", true, true},
		{"ETQ usager, je veux joindre une attestation de domicile à ma demande de carte de stationnement", true, true},
		{"As a resident, I want to see which proof of address is accepted for a parking permit", false, false},
		// A public page shared with a relative: nobody acts for anybody.
		{"ETQ usager, je veux copier le lien d'une fiche pratique pour l'envoyer à un proche", false, false},
		{"ETQ usager, je veux envoyer mon dossier de demande de logement à un proche pour qu'il le complète", true, true},
	})
}

// TestReviewProbesFifteenthBatchProviderInCriteria: a criterion that
// signs people in through an identity provider ("Connexion avec
// FranceConnect") hands their identity to the service, as the same words
// in the need do; being already signed in, as a precondition, does not.
func TestReviewProbesFifteenthBatchProviderInCriteria(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Connexion des familles", "ETQ parent, je veux me connecter au portail de la crèche.\n\n## Critères d'acceptation\n\n- [ ] Connexion avec FranceConnect\n- [ ] Un lien mène à l'aide de FranceConnect\n", true, true},
		{"Sign in", "As a tenant, I want to sign in to the repairs portal.\n\n## Acceptance criteria\n\n- [ ] Sign in with GOV.UK One Login\n", true, true},
		{"Menu de la crèche", "ETQ parent, je veux voir le menu de la semaine de la crèche.\n\n## Critères d'acceptation\n\n- [ ] Étant donné que je suis connecté avec FranceConnect, je vois le menu de la semaine\n- [ ] Les allergènes sont indiqués sous chaque plat\n", false, false},
	})
}

// TestReviewProbesFifteenthBatchImportByFormat: an import named by its
// file format sends a file into the service, an upload surface (the
// policy's file uploads; the real samples' batch ingest); an export in
// the same format does not.
func TestReviewProbesFifteenthBatchImportByFormat(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent de la piscine, je veux importer les tarifs en CSV", false, true},
		{"As a parks officer, I want to import inspection data in JSON", false, true},
		{"ETQ agent de la piscine, je veux exporter les tarifs en CSV", false, false},
	})
}

// TestReviewProbesFifteenthBatchWhoMaySee: a rule that keeps a content or
// an action for a group of people, written in the authors' own words
// ("que seuls les agents de la direction puissent voir les notes",
// "visible to members only", "only trainers see it"), says who may see
// or do what: security notes, as the policy's access rights. Things
// restricted to things ("seuls les dossiers complets sont affichés", "see
// only the collection days of my street") and who is eligible to a
// service are not.
func TestReviewProbesFifteenthBatchWhoMaySee(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent de la médiathèque, je veux que seuls les agents de la direction puissent voir les notes de service", false, true},
		{"ETQ agent, je veux que la page des procédures internes soit accessible uniquement aux agents du service", false, true},
		{"As an editor of the museum's site, I want some pages to be visible to members only", false, true},
		{"As a site editor, I want to post news in a volunteers-only section, so that only volunteers see it", false, true},
		{"ETQ responsable de la piscine, je veux que seuls les maîtres-nageurs puissent modifier le planning des bassins", false, true},
		{"ETQ agent, je veux que seuls les dossiers complets soient affichés dans la liste", false, false},
		{"As a resident, I want to see only the collection days of my street", false, false},
		// Who is eligible to a service is no access right; a group named
		// after a thing ("events for children") is no restriction to it.
		{"ETQ agent, je veux que les composteurs soient distribués uniquement aux habitants qui peuvent venir le samedi", false, false},
		{"ETQ habitant, je veux que la piscine soit accessible uniquement aux habitants de la commune le dimanche matin", false, false},
		{"As a visitor, I want to see only the museum's events for children", false, false},
	})
}
