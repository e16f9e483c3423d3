package rules

import "testing"

func TestParseSentence(t *testing.T) {
	tests := []struct {
		name, in                    string
		role, action, benefit       string
		lang                        Lang
		roleForm, actForm, beneForm string
	}{
		{"fr classic", "En tant qu'agent instructeur, je veux filtrer les dossiers afin de traiter les plus anciens.",
			"agent instructeur", "filtrer les dossiers", "traiter les plus anciens", FR, "en tant que", "je veux", "afin de"},
		{"fr que, souhaite, afin que", "En tant que gestionnaire je souhaite être alerté afin que rien ne soit oublié",
			"gestionnaire", "être alerté", "rien ne soit oublié", FR, "en tant que", "je souhaite", "afin que"},
		{"fr ETQ, voudrais, pour", "ETQ usager, je voudrais recevoir un SMS pour ne pas oublier mon rendez-vous",
			"usager", "recevoir un SMS", "ne pas oublier mon rendez-vous", FR, "etq", "je voudrais", "pour"},
		{"fr j'ai besoin de, de manière à", "En tant qu’allocataire, j’ai besoin de connaître mes droits de manière à préparer mon budget.",
			"allocataire", "connaître mes droits", "préparer mon budget", FR, "en tant que", "j'ai besoin de", "de maniere a"},
		{"fr je peux, de façon à", "En tant qu'agent, je peux clôturer un dossier de façon à libérer ma file",
			"agent", "clôturer un dossier", "libérer ma file", FR, "en tant que", "je peux", "de facon a"},
		{"fr pour que", "En tant que référent, je veux valider les demandes pour que l'usager soit payé",
			"référent", "valider les demandes", "l'usager soit payé", FR, "en tant que", "je veux", "pour que"},
		{"fr strong marker wins over pour", "En tant qu'agent, je veux un bouton pour exporter afin de gagner du temps",
			"agent", "un bouton pour exporter", "gagner du temps", FR, "en tant que", "je veux", "afin de"},
		// "pour" before a noun is a complement of the action, not its why.
		{"fr pour before a noun", "En tant qu'agent, je veux recevoir une alerte pour chaque dossier en retard",
			"agent", "recevoir une alerte pour chaque dossier en retard", "", FR, "en tant que", "je veux", ""},
		{"fr pour before a possessive", "En tant que cheffe de service, je veux un tableau de bord pour mon service",
			"cheffe de service", "un tableau de bord pour mon service", "", FR, "en tant que", "je veux", ""},
		{"fr pour before a number", "En tant qu'usager, je veux payer en ligne pour 3 mois",
			"usager", "payer en ligne pour 3 mois", "", FR, "en tant que", "je veux", ""},
		{"fr pour after a comma, before a noun", "En tant qu'agent, je veux un export, pour la comptabilité",
			"agent", "un export, pour la comptabilité", "", FR, "en tant que", "je veux", ""},
		{"fr pour before a pronoun and an infinitive", "En tant qu'agent, je veux une liste des pièces pour les vérifier",
			"agent", "une liste des pièces", "les vérifier", FR, "en tant que", "je veux", "pour"},
		{"fr pour avoir", "En tant qu'usager, je veux un récépissé pour avoir une preuve de dépôt",
			"usager", "un récépissé", "avoir une preuve de dépôt", FR, "en tant que", "je veux", "pour"},
		{"fr pour, a noun, then pour and an infinitive", "En tant qu'agent, je veux une alerte pour chaque dossier pour ne rien oublier",
			"agent", "une alerte pour chaque dossier", "ne rien oublier", FR, "en tant que", "je veux", "pour"},
		{"fr no benefit", "En tant qu'agent, je veux voir la liste des dossiers.",
			"agent", "voir la liste des dossiers", "", FR, "en tant que", "je veux", ""},
		{"fr no comma", "En tant qu'usager je veux payer en ligne",
			"usager", "payer en ligne", "", FR, "en tant que", "je veux", ""},
		{"fr US prefix", "US 12 : En tant qu'agent, je veux imprimer le récépissé",
			"agent", "imprimer le récépissé", "", FR, "en tant que", "je veux", ""},
		{"fr bracket prefix", "[US-42] ETQ agent, je veux trier",
			"agent", "trier", "", FR, "etq", "je veux", ""},
		{"fr line breaks", "En tant qu'allocataire,\nje veux voir l'étape\nafin de savoir quand",
			"allocataire", "voir l'étape", "savoir quand", FR, "en tant que", "je veux", "afin de"},
		{"fr stray emphasis", "*En tant qu'***usagère**, *je souhaite* prendre rendez-vous",
			"usagère", "prendre rendez-vous", "", FR, "en tant que", "je souhaite", ""},
		{"fr negation kept", "En tant qu'agent, je ne veux pas ressaisir l'adresse",
			"agent", "ne pas ressaisir l'adresse", "", FR, "en tant que", "je ne veux pas", ""},
		{"fr capitals, no accents", "EN TANT QU'AGENT, JE VEUX EXPORTER AFIN DE PARTAGER",
			"AGENT", "EXPORTER", "PARTAGER", FR, "en tant que", "je veux", "afin de"},
		{"en classic", "As a publisher, I want to edit a dataset so that I can fix errors.",
			"publisher", "edit a dataset", "I can fix errors", EN, "as a", "i want", "so that"},
		{"en an, would like, in order to", "As an admin, I would like to reset passwords in order to unblock agents",
			"admin", "reset passwords", "unblock agents", EN, "as a", "i would like", "in order to"},
		{"en the, need, so", "As the data owner, I need an export, so I can audit it",
			"data owner", "an export", "I can audit it", EN, "as the", "i need", "so"},
		{"en can", "As a visitor I can see the hours",
			"visitor", "see the hours", "", EN, "as a", "i can", ""},
		{"en adverb", "As an owner, I only want zero-padded fields, so that I can justify padding.",
			"owner", "zero-padded fields", "I can justify padding", EN, "as a", "i want", "so that"},
		{"en so as adverb is not a benefit", "As a user, I want the page to load so fast",
			"user", "the page to load so fast", "", EN, "as a", "i want", ""},
		{"en prefix and bold", "Story 3 - **As a** user, **I want** to log in",
			"user", "log in", "", EN, "as a", "i want", ""},
		{"en negation", "As a user, I don't want to see NASA grants displayed as contracts.",
			"user", "not see NASA grants displayed as contracts", "", EN, "as a", "i don't want", ""},
		{"en dotted names do not end the sentence", "As a developer, I want beta.nsf.gov set up, e.g. on cloud.gov, so that I can deploy.",
			"developer", "beta.nsf.gov set up, e.g. on cloud.gov", "I can deploy", EN, "as a", "i want", "so that"},
		{"role only", "En tant qu'agent, cette page est lente",
			"agent", "", "", FR, "en tant que", "", ""},
		{"placeholder role", "En tant que <profil>, je veux <action> afin de <bénéfice>.",
			"", "", "", FR, "en tant que", "je veux", "afin de"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parseSentence(tt.in)
			if p == nil {
				t.Fatalf("no sentence in %q", tt.in)
			}
			if p.Role != tt.role || p.Action != tt.action || p.Benefit != tt.benefit || p.Lang != tt.lang {
				t.Errorf("got role %q action %q benefit %q lang %q\nwant role %q action %q benefit %q lang %q",
					p.Role, p.Action, p.Benefit, p.Lang, tt.role, tt.action, tt.benefit, tt.lang)
			}
			if p.roleForm != tt.roleForm || p.actionForm != tt.actForm || p.benefitForm != tt.beneForm {
				t.Errorf("forms %q/%q/%q, want %q/%q/%q", p.roleForm, p.actionForm, p.benefitForm, tt.roleForm, tt.actForm, tt.beneForm)
			}
		})
	}
}

func TestParseSentenceNone(t *testing.T) {
	for _, in := range []string{
		"",
		"Aujourd'hui les agents recopient le récépissé à la main.",
		"This is needed as a workaround for the old portal.",
		"Pouvoir exporter la liste des dossiers en CSV.",
		"As soon as the page loads, the list appears.",
		"Astuce : en tant que tel, ce n'est pas un récit",
	} {
		if p := parseSentence(in); p.found() == 2 {
			t.Errorf("%q: found role %q action %q", in, p.Role, p.Action)
		}
	}
}

func TestParseSentenceExtra(t *testing.T) {
	p := parseSentence("En tant qu'agent, je veux exporter les dossiers. Le fichier doit être en CSV (UTF-8).")
	if p.found() != 2 || p.Action != "exporter les dossiers" {
		t.Fatalf("got %+v", p)
	}
	if p.extra != "Le fichier doit être en CSV (UTF-8)." {
		t.Errorf("extra = %q", p.extra)
	}
	if p.Text != "En tant qu'agent, je veux exporter les dossiers." {
		t.Errorf("text = %q", p.Text)
	}
}
