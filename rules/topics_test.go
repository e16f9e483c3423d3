package rules_test

import (
	"slices"
	"testing"

	"github.com/cochef/cochef/rules"
)

// Ordinary stories, from French and English backlogs, that must not ask
// for a security review nor make the story sensitive: a review request on
// every story is noise. Each mentions words close to a sensitive keyword.
func TestTopicsPrecision(t *testing.T) {
	stories := []struct{ title, body string }{
		{"Télécharger mon attestation", "En tant qu'usager, je veux télécharger mon attestation de paiement afin de la joindre à mon dossier.\n\n- [ ] Le lien de partage expire au bout de 7 jours\n- [ ] L'adresse du service figure en pied de page"},
		{"Définir le modèle de courrier", "En tant qu'agent, je veux définir le modèle de courrier et insérer le logo afin d'harmoniser les envois."},
		{"Se connecter", "En tant qu'usager, je veux me connecter à mon espace afin de suivre ma demande.\n\nLes instructeurs et les inscrits reçoivent un courriel de confirmation."},
		{"Exporter en CSV", "En tant que cheffe de service, je veux exporter le tableau de bord en CSV afin de le présenter en comité."},
		{"Anomalie mineure", "En tant qu'agent d'accueil, je veux corriger une anomalie mineure d'affichage des horaires du service."},
		{"Agence régionale de santé", "En tant qu'agent de l'agence régionale de santé, je veux voir les dossiers de ma région afin de les répartir."},
		{"Hébergement d'urgence", "En tant que travailleur social, je veux connaître les places d'hébergement d'urgence disponibles ce soir."},
		{"Opening hours", "As a visitor, I want to see the opening hours and the phone and address of my local office, so that I do not travel for nothing. After login I can share the page link and download the hours."},
		{"Minor bug", "As a caseworker, I want the minor display bug in the search results fixed, so that the list is readable."},
		{"Role list", "As a team member, I want to see the role of each colleague in the project, so that I know whom to ask."},
		{"Chiffres de la veille", "En tant que gestionnaire, je veux voir les chiffres de la veille et chiffrer le coût du renfort afin de préparer le comité."},
		{"Correctifs mineurs", "En tant que développeur, je veux appliquer les correctifs mineurs de Django afin de rester sur une version maintenue."},
		{"Import schedule", "As a planner, I want to import the weekly schedule from a spreadsheet, so that I stop retyping it."},
	}
	for _, s := range stories {
		r := check(t, s.title, s.body)
		if len(r.Sensitive) > 0 || r.SecurityReview {
			t.Errorf("%q: sensitive %v, security review %v", s.title, r.Sensitive, r.SecurityReview)
		}
	}
}

func TestTopicsFound(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
		review     bool
	}{
		{"acronym NIR", "En tant qu'agent, je veux afficher le NIR de l'usager.", []string{"identity"}, false},
		{"acronym in lower case does not fire", "En tant qu'agent, je veux afficher le nir de l'usager.", nil, false},
		{"définir does not fire INS", "En tant qu'agent, je veux définir les INStructions.", nil, false},
		{"INS fires", "En tant qu'agent, je veux rapprocher l'INS du dossier.", []string{"identity"}, false},
		{"acronym with a digit", "En tant qu'usager, je veux activer la 2FA sur mon compte.", []string{"authentication"}, true},
		{"acronym with a digit in lower case", "En tant qu'usager, je veux voir les 2fa lignes.", nil, false},
		{"a number is no acronym", "En tant qu'usager, je veux voir les 2 FAQ du service.", nil, false},
		{"elision and accents", "En tant qu'agent, je veux masquer l'adresse ip et les donnees personnelles.", []string{"personal-data", "tracking"}, false},
		{"multi-word with capitals", "As an agent, I want to hide the IP Address of visitors.", []string{"tracking"}, false},
		{"security topic asks for a review", "En tant qu'agent, je veux me connecter avec ProConnect.", []string{"authentication"}, true},
		{"title counts", "", nil, false},
		{"minors named as persons", "En tant qu'agent, je veux voir les enfants mineurs rattachés au dossier.", []string{"minors"}, false},
		{"unaccompanied minors", "En tant qu'agent, je veux suivre les mineurs non accompagnés pris en charge.", []string{"minors"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := check(t, "", tt.text)
			if !slices.Equal(r.Sensitive, tt.want) && !(len(r.Sensitive) == 0 && len(tt.want) == 0) {
				t.Errorf("sensitive %v, want %v", r.Sensitive, tt.want)
			}
			if r.SecurityReview != tt.review {
				t.Errorf("security review %v, want %v", r.SecurityReview, tt.review)
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
	for _, c := range []struct{ name, labels, body string }{
		{"user-story, French", "", "En tant qu'agent, je veux filtrer les dossiers par date afin de traiter les plus anciens." + criteria +
			"\n## Hors périmètre\n\nL'export de données vers le partenaire, les habilitations et le NIR : récit suivant.\n"},
		{"user-story, English", "", "As a caseworker, I want to filter cases by date so that I handle the oldest first." + criteria +
			"\n## Out of scope\n\nPassword reset and data export come in a later story.\n"},
		{"technique", "technique", "## Contexte\n\nLa recherche est lente sur les gros dossiers." + criteria +
			"\n## Hors périmètre\n\nLe chiffrement des sauvegardes et la journalisation des accès.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var labels []string
			if c.labels != "" {
				labels = []string{c.labels}
			}
			r := rules.Analyze(rules.Input{Body: c.body, Labels: labels}, set.Select(labels), "")
			if len(r.Sensitive) > 0 || r.SecurityReview {
				t.Errorf("sensitive %v, review %v", r.Sensitive, r.SecurityReview)
			}
		})
	}
	// The same words elsewhere still count.
	r := check(t, "", "En tant qu'agent, je veux filtrer les dossiers par date."+criteria+"\n## Contexte\n\nL'export de données vers le partenaire.\n")
	if !r.SecurityReview {
		t.Errorf("export de données in the context: no review (%v)", r.Sensitive)
	}
}
