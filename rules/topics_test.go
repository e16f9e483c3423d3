package rules_test

import (
	"slices"
	"testing"

	"github.com/cochef/cochef/rules"
)

// The review policy (CORPUS-SPEC, docs/templates.md): the RGPD section is
// asked when the story processes data of natural persons, security notes
// when it touches authentication, access rights, special-category or
// identity data, bank data, interconnections, bulk exports, deletion or
// retention, signature or traceability. Only what the story does counts,
// never the words that describe its persona.
func TestReviewPolicy(t *testing.T) {
	for _, c := range []struct {
		name, title, body string
		rgpd, security    bool
	}{
		// Personal data, no security matter.
		{"own address", "", "En tant qu'usager, je veux modifier mon adresse.", true, false},
		{"children", "", "ETQ parent, je veux inscrire mes enfants à la cantine.", true, false},
		{"phone number of a person", "", "ETQ agent, je veux corriger le numéro de téléphone de l'allocataire.", true, false},
		{"a person's record changed", "", "ETQ conseillère, je veux compléter le dossier d'un demandeur avec son dernier diplôme.", true, false},
		{"a citizen's booking made", "", "ETQ visiteur, je peux réserver un créneau de visite.", true, false},
		{"a citizen booking for their children", "", "ETQ parent, je veux réserver une place pour mes enfants.", true, false},
		{"drafts kept for their author", "", "ETQ usager, je retrouve mes brouillons le lendemain.", true, false},
		{"who changed what names the staff", "", "As an editor, I want to see who changed a form and when.", true, false},
		{"one's own history, exported", "", "As a tenant, I want to export my payment history as a PDF.", true, false},
		{"English, a tenant's photos", "", "As a housing officer, I want to see the tenant's photos of the repair.", true, false},
		// Both.
		{"sign-in through an identity provider hands over who the agent is", "", "ETQ agent, je me connecte avec ProConnect.", true, true},
		{"an electronic signature identifies its signatory", "", "ETQ trésorier, je veux une signature électronique de la convention.", true, true},
		{"bulk export of people", "", "ETQ agent, je veux exporter la liste des demandeurs avec leurs coordonnées en CSV.", true, true},
		{"data received through an API", "", "ETQ instructeur, je veux que les revenus de l'allocataire soient récupérés automatiquement auprès de l'API de la DGFiP.", true, true},
		{"identity document", "", "ETQ agent, je veux vérifier la pièce d'identité du demandeur.", true, true},
		{"residence permit", "", "ETQ usager, je dépose mon titre de séjour.", true, true},
		{"health", "", "ETQ assuré, je veux déposer une feuille de soins.", true, true},
		{"a person's disability as data", "", "ETQ conseiller, je veux noter le handicap de la personne accompagnée.", true, true},
		{"NIR", "", "En tant qu'agent, je veux afficher le NIR de l'usager.", true, true},
		{"bank details", "", "ETQ usager, je veux saisir mon IBAN pour être remboursé.", true, true},
		// Policy amendment 2026-12-05: changing a personal detail, bank
		// details included, asks for the RGPD section only.
		{"bank details changed", "", "ETQ usager, je veux modifier mon IBAN.", true, false},
		{"account deletion", "", "ETQ usager, je veux supprimer mon compte.", true, true},
		{"purge of old records", "", "ETQ exploitant, je veux une purge des dossiers clos depuis cinq ans.", true, true},
		{"criminal record", "", "ETQ agent, je consulte le casier judiciaire du dirigeant.", true, true},
		{"a push provider receives people's data", "", "ETQ usager, je reçois une notification push via Firebase quand mon dossier change.", true, true},
		{"a messaging app is a new channel out of the tool", "", "ETQ usager, je veux recevoir mes rappels par WhatsApp.", true, true},
		{"tax data received from another administration", "", "ETQ instructeur, je veux que le revenu fiscal soit récupéré automatiquement auprès de la DGFiP.", true, true},
		{"a health insurance card holds the NIR", "", "ETQ agent d'accueil, je veux scanner la carte vitale de l'usager.", true, true},
		{"a role given to a named agent", "", "ETQ cheffe de service, je veux attribuer le rôle de valideur à un agent.", true, true},
		{"deleted after a period is a retention rule", "", "ETQ exploitant, je veux que les comptes inactifs soient supprimés après trois ans.", true, true},
		{"who may open a person's file", "", "ETQ conseiller, je ne dois pas pouvoir ouvrir le dossier d'un usager d'une autre agence sans son accord.", true, true},
		{"a check of uploaded columns for identity numbers", "", "ETQ producteur, je peux contrôler qu'aucune colonne du fichier ne contient de NIR.", true, true},
		// Security, no personal data.
		{"an organisation's bank account", "", "ETQ trésorier, je veux saisir le RIB de l'association.", false, true},
		{"a new interface for other systems", "", "ETQ réutilisateur, je veux une API publique des jeux de données.", false, true},
		{"access rights", "", "ETQ responsable, je veux gérer les habilitations de mon équipe.", false, true},
		// Neither.
		{"persona with a disability", "", "En tant qu'usager en situation de handicap, je veux naviguer au clavier dans le formulaire.", false, false},
		{"persona not signed in", "", "ETQ usager non connecté, je veux lire la foire aux questions.", false, false},
		{"an agent's alert", "", "ETQ agent, je reçois une alerte quand un délai est dépassé.", false, false},
		// Workflow through the existing channel, browsing, one's own items
		// (the settled policy of CORPUS-SPEC).
		{"a person reminded", "", "ETQ conseillère, je veux relancer un demandeur qui n'a pas répondu.", false, false},
		{"a dossier assigned", "", "ETQ gestionnaire, je veux attribuer un dossier à un collègue.", false, false},
		{"a citizen's booking cancelled", "", "ETQ visiteur, je peux annuler une réservation.", false, false},
		{"a message through the existing channel", "", "ETQ usager, je reçois un SMS la veille de mon rendez-vous.", false, false},
		{"filter by residence", "", "ETQ instructeur, je veux filtrer les dossiers par commune de résidence.", false, false},
		{"a search by identity number", "", "ETQ agent, je veux une recherche par NIR pour retrouver un dossier.", false, false},
		{"a work list", "", "ETQ gestionnaire, je veux voir les demandes en attente de pièce.", false, false},
		{"one's own status", "", "ETQ usager, je veux suivre l'état de mes demandes.", false, false},
		{"a validation rule", "", "ETQ usager, je ne dois pas pouvoir envoyer le formulaire sans le justificatif.", false, false},
		{"an assistive technology", "", "ETQ usager malvoyant, je peux remplir ma demande avec un lecteur d'écran.", false, false},
		{"a simpler journey", "", "ETQ usager, j'aimerais un parcours de demande plus court.", false, false},
		{"service's address", "", "ETQ usager, je veux voir l'adresse du service et ses horaires.", false, false},
		{"own certificate", "", "ETQ usager, je veux télécharger mon attestation.", false, false},
		{"export of figures", "", "En tant que cheffe de service, je veux exporter le tableau de bord en CSV afin de le présenter en comité.", false, false},
		{"a count of people", "", "ETQ pilote, je veux voir le nombre d'allocataires par commune.", false, false},
		{"for whom, not whose data", "", "ETQ agent, je veux publier les horaires pour les usagers.", false, false},
		{"tariff grid", "", "ETQ famille, je peux consulter la grille des tarifs par tranche de quotient familial.", false, false},
		{"a saved filter deleted", "", "ETQ agent, je veux supprimer un filtre enregistré.", false, false},
		{"no personal data, said so", "", "ETQ développeur, je consulte les journaux d'erreurs, sans données nominatives.", false, false},
		{"privacy policy page", "", "ETQ usager, je lis la politique de confidentialité.", false, false},
		{"a login in passing", "", "As a visitor, I want to see the opening hours of my local office. After login I can share the page.", false, false},
		{"minor bug", "", "As a caseworker, I want the minor display bug in the search results fixed, so that the list is readable.", false, false},
		{"health agency in the role", "", "En tant qu'agent de l'agence régionale de santé, je veux voir la carte des centres.", false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := check(t, c.title, c.body+criteria)
			rgpd := slices.Contains(r.Required, "personal-data")
			if rgpd != c.rgpd || r.SecurityReview != c.security {
				t.Errorf("rgpd %v security %v, want %v %v (topics %v)", rgpd, r.SecurityReview, c.rgpd, c.security, r.Sensitive)
			}
		})
	}
}

func TestTopicsAcronyms(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"acronym in lower case does not fire", "En tant qu'agent, je veux afficher le nir du dossier.", nil},
		{"définir does not fire INS", "En tant qu'agent, je veux définir les INStructions.", nil},
		{"INS fires", "En tant qu'agent, je veux rapprocher l'INS du dossier.", []string{"identity"}},
		{"acronym with a digit", "En tant qu'usager, je veux activer la 2FA.", []string{"strong-authentication"}},
		{"acronym with a digit in lower case", "En tant qu'usager, je veux voir les 2fa lignes.", nil},
		{"a number is no acronym", "En tant qu'usager, je veux voir les 2 FAQ du service.", nil},
		{"multi-word with capitals", "As an agent, I want to hide the IP Address of the page.", []string{"tracking"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := check(t, "", tt.text)
			if !slices.Equal(r.Sensitive, tt.want) && !(len(r.Sensitive) == 0 && len(tt.want) == 0) {
				t.Errorf("sensitive %v, want %v", r.Sensitive, tt.want)
			}
		})
	}
	if r := check(t, "Ajout du chiffrement des exports", "Voir le ticket parent."); !slices.Contains(r.Sensitive, "encryption") {
		t.Errorf("title not scanned: %v", r.Sensitive)
	}
}

// Text that answers the security or RGPD question, and the template's own
// headings, do not make the story sensitive.
func TestTopicsIgnoreAnswersAndComments(t *testing.T) {
	body := "En tant que cheffe de service, je veux voir le nombre de dossiers par statut afin de répartir la charge." + criteria +
		"\n## Données personnelles / RGPD\n\nSans objet : aucune donnée personnelle, aucune date de naissance.\n" +
		"\n## Notes de sécurité\n\nSans objet : pas d'authentification nouvelle, pas de mot de passe.\n" +
		"\n<!-- Citez les habilitations, le chiffrement, le NIR éventuel. -->\n" +
		"\n```json\n{\"password\": \"x\"}\n```\n"
	r := check(t, "Nombre de dossiers par statut", body)
	if len(r.Sensitive) > 0 || r.SecurityReview {
		t.Errorf("sensitive %v, review %v", r.Sensitive, r.SecurityReview)
	}
}

// What a story leaves out does not make it sensitive: "Hors périmètre :
// l'export de données" says the story does not export. The built-in
// templates mark that section scan_topics: false.
func TestTopicsIgnoreOutOfScope(t *testing.T) {
	set := builtin(t)
	for _, c := range []struct{ name, labels, body, out string }{
		{"user-story, French", "", "En tant qu'agent, je veux voir les horaires de l'accueil afin de renseigner les usagers." + criteria,
			"\n## Hors périmètre\n\nL'export de données vers le partenaire, les habilitations et le NIR : récit suivant.\n"},
		{"user-story, English", "", "As a caseworker, I want to see the opening hours so that I can inform visitors." + criteria,
			"\n## Out of scope\n\nPassword reset and data export come in a later story.\n"},
		{"technique", "technique", "## Contexte\n\nLa recherche est lente sur les gros fichiers d'index." + criteria,
			"\n## Hors périmètre\n\nLe chiffrement des sauvegardes et la journalisation des accès.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var labels []string
			if c.labels != "" {
				labels = []string{c.labels}
			}
			r := rules.Analyze(rules.Input{Body: c.body + c.out, Labels: labels}, set.Select(labels), "")
			if len(r.Sensitive) > 0 || r.SecurityReview {
				t.Errorf("sensitive %v, review %v", r.Sensitive, r.SecurityReview)
			}
		})
	}
	// The same words elsewhere still count.
	r := check(t, "", "En tant qu'agent, je veux voir les horaires de l'accueil."+criteria+"\n## Contexte\n\nL'export de données vers le partenaire.\n")
	if !r.SecurityReview {
		t.Errorf("export de données in the context: no review (%v)", r.Sensitive)
	}
}
