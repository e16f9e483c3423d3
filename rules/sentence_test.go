package rules

import "testing"

func TestParseSentence(t *testing.T) {
	tests := []struct {
		name, in                     string
		role, action, benefit        string
		lang                         Lang
		roleForm, needForm, beneForm string
	}{
		{"fr classic", "En tant qu'agent instructeur, je veux filtrer les dossiers afin de traiter les plus anciens.",
			"agent instructeur", "filtrer les dossiers", "traiter les plus anciens", FR, "en tant que", "veux", "afin de"},
		{"fr que, souhaite, afin que", "En tant que gestionnaire je souhaite être alerté afin que rien ne soit oublié",
			"gestionnaire", "être alerté", "rien ne soit oublié", FR, "en tant que", "souhaite", "afin que"},
		{"fr ETQ, voudrais, pour", "ETQ usager, je voudrais recevoir un SMS pour ne pas oublier mon rendez-vous",
			"usager", "recevoir un SMS", "ne pas oublier mon rendez-vous", FR, "etq", "voudrais", "pour"},
		{"fr j'ai besoin de, de manière à", "En tant qu’allocataire, j’ai besoin de connaître mes droits de manière à préparer mon budget.",
			"allocataire", "connaître mes droits", "préparer mon budget", FR, "en tant que", "besoin", "de maniere a"},
		{"fr je peux, de façon à", "En tant qu'agent, je peux clôturer un dossier de façon à libérer ma file",
			"agent", "peux clôturer un dossier", "libérer ma file", FR, "en tant que", "peux", "de facon a"},
		{"fr pour que", "En tant que référent, je veux valider les demandes pour que l'usager soit payé",
			"référent", "valider les demandes", "l'usager soit payé", FR, "en tant que", "veux", "pour que"},
		{"fr strong marker wins over pour", "En tant qu'agent, je veux un bouton pour exporter afin de gagner du temps",
			"agent", "un bouton pour exporter", "gagner du temps", FR, "en tant que", "veux", "afin de"},
		// "pour" before a noun is a complement of the action, not its why.
		{"fr pour before a noun", "En tant qu'agent, je veux recevoir une alerte pour chaque dossier en retard",
			"agent", "recevoir une alerte pour chaque dossier en retard", "", FR, "en tant que", "veux", ""},
		{"fr pour before a possessive", "En tant que cheffe de service, je veux un tableau de bord pour mon service",
			"cheffe de service", "un tableau de bord pour mon service", "", FR, "en tant que", "veux", ""},
		// "l'usager" reads like "l'envoyer": a noun ending in -er.
		{"fr pour before an elided noun", "ETQ conseiller, je peux imprimer pour l'usager un récapitulatif des démarches",
			"conseiller", "peux imprimer pour l'usager un récapitulatif des démarches", "", FR, "etq", "peux", ""},
		{"fr pour before a number", "En tant qu'usager, je veux payer en ligne pour 3 mois",
			"usager", "payer en ligne pour 3 mois", "", FR, "en tant que", "veux", ""},
		{"fr pour after a comma, before a noun", "En tant qu'agent, je veux un export, pour la comptabilité",
			"agent", "un export, pour la comptabilité", "", FR, "en tant que", "veux", ""},
		{"fr pour before a pronoun and an infinitive", "En tant qu'agent, je veux une liste des pièces pour les vérifier",
			"agent", "une liste des pièces", "les vérifier", FR, "en tant que", "veux", "pour"},
		{"fr pour avoir", "En tant qu'usager, je veux un récépissé pour avoir une preuve de dépôt",
			"usager", "un récépissé", "avoir une preuve de dépôt", FR, "en tant que", "veux", "pour"},
		{"fr pour, a noun, then pour and an infinitive", "En tant qu'agent, je veux une alerte pour chaque dossier pour ne rien oublier",
			"agent", "une alerte pour chaque dossier", "ne rien oublier", FR, "en tant que", "veux", "pour"},
		{"fr no benefit", "En tant qu'agent, je veux voir la liste des dossiers.",
			"agent", "voir la liste des dossiers", "", FR, "en tant que", "veux", ""},
		{"fr no comma", "En tant qu'usager je veux payer en ligne",
			"usager", "payer en ligne", "", FR, "en tant que", "veux", ""},
		{"fr US prefix", "US 12 : En tant qu'agent, je veux imprimer le récépissé",
			"agent", "imprimer le récépissé", "", FR, "en tant que", "veux", ""},
		{"fr bracket prefix", "[US-42] ETQ agent, je veux trier",
			"agent", "trier", "", FR, "etq", "veux", ""},
		{"fr line breaks", "En tant qu'allocataire,\nje veux voir l'étape\nafin de savoir quand",
			"allocataire", "voir l'étape", "savoir quand", FR, "en tant que", "veux", "afin de"},
		{"fr stray emphasis", "*En tant qu'***usagère**, *je souhaite* prendre rendez-vous",
			"usagère", "prendre rendez-vous", "", FR, "en tant que", "souhaite", ""},
		{"fr negation kept", "En tant qu'agent, je ne veux pas ressaisir l'adresse",
			"agent", "ne pas ressaisir l'adresse", "", FR, "en tant que", "veux", ""},
		{"fr capitals, no accents", "EN TANT QU'AGENT, JE VEUX EXPORTER AFIN DE PARTAGER",
			"AGENT", "EXPORTER", "PARTAGER", FR, "en tant que", "veux", "afin de"},
		{"fr pour mieux + infinitive", "En tant que gestionnaire du gymnase, je veux voir le taux d'occupation par semaine pour mieux planifier les créneaux.",
			"gestionnaire du gymnase", "voir le taux d'occupation par semaine", "mieux planifier les créneaux", FR, "en tant que", "veux", "pour"},
		{"fr pour ne plus + re-prefixed -ier verb", "Pour ne plus recopier les inscriptions à la main, ETQ secrétaire du club, je veux exporter la liste des adhérents.",
			"secrétaire du club", "exporter la liste des adhérents", "ne plus recopier les inscriptions à la main", FR, "etq", "veux", "pour"},
		{"fr pour bénéficier", "ETQ habitant, je veux déposer mon avis d'imposition pour bénéficier du tarif réduit.",
			"habitant", "déposer mon avis d'imposition", "bénéficier du tarif réduit", FR, "etq", "veux", "pour"},
		{"en would like, typed fast", "As a resident, I woud like to get a text when my bin is emptied",
			"resident", "get a text when my bin is emptied", "", EN, "as a", "would like", ""},
		{"en classic", "As a publisher, I want to edit a dataset so that I can fix errors.",
			"publisher", "edit a dataset", "I can fix errors", EN, "as a", "want", "so that"},
		{"en an, would like, in order to", "As an admin, I would like to reset passwords in order to unblock agents",
			"admin", "reset passwords", "unblock agents", EN, "as a", "would like", "in order to"},
		{"en the, need, so", "As the data owner, I need an export, so I can audit it",
			"data owner", "an export", "I can audit it", EN, "as the", "need", "so"},
		{"en can", "As a visitor I can see the hours",
			"visitor", "can see the hours", "", EN, "as a", "can", ""},
		// A capacity with no role, opening the text, is a need as valid
		// as a wish without one.
		{"en can, no role", "I can see which exhibitions open next month so that I can plan a visit.",
			"", "can see which exhibitions open next month", "I can plan a visit", EN, "", "can", "so that"},
		{"fr peux, no role", "Je peux télécharger ma facture d'eau afin de la transmettre à mon bailleur.",
			"", "peux télécharger ma facture d'eau", "la transmettre à mon bailleur", FR, "", "peux", "afin de"},
		{"en adverb", "As an owner, I only want zero-padded fields, so that I can justify padding.",
			"owner", "zero-padded fields", "I can justify padding", EN, "as a", "want", "so that"},
		{"en so, a noun and a modal", "As a resident, I want to add pictures when I report it so officers can see how much there is",
			"resident", "add pictures when I report it", "officers can see how much there is", EN, "as a", "want", "so"},
		{"en so much is no clause", "As a user, I want the form shorter so much is not asked twice",
			"user", "the form shorter so much is not asked twice", "", EN, "as a", "want", ""},
		{"en so as adverb is not a benefit", "As a user, I want the page to load so fast",
			"user", "the page to load so fast", "", EN, "as a", "want", ""},
		{"en prefix and bold", "Story 3 - **As a** user, **I want** to log in",
			"user", "log in", "", EN, "as a", "want", ""},
		{"en negation", "As a user, I don't want to see NASA grants displayed as contracts.",
			"user", "not see NASA grants displayed as contracts", "", EN, "as a", "want", ""},
		{"en dotted names do not end the sentence", "As a developer, I want beta.nsf.gov set up, e.g. on cloud.gov, so that I can deploy.",
			"developer", "beta.nsf.gov set up, e.g. on cloud.gov", "I can deploy", EN, "as a", "want", "so that"},
		{"role only", "En tant qu'agent, cette page est lente",
			"agent", "", "", FR, "en tant que", "", ""},
		{"placeholder role", "En tant que <profil>, je veux <action> afin de <bénéfice>.",
			"", "", "", FR, "en tant que", "veux", "afin de"},
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
			if p.roleForm != tt.roleForm || p.needForm != tt.needForm || p.benefitForm != tt.beneForm {
				t.Errorf("forms %q/%q/%q, want %q/%q/%q", p.roleForm, p.needForm, p.benefitForm, tt.roleForm, tt.needForm, tt.beneForm)
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
		"I can't log in since the update.",
		"I cannot open the attachment.",
		"Je ne peux pas me connecter depuis lundi.",
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

// Every shape of the reference on how French teams write stories (and the
// English ones), read into role, need and benefit. The need is what
// follows the subject and a wanting modal; other verbs stay in it.
func TestReadShapes(t *testing.T) {
	tests := []struct {
		shape, in              string
		role, need, benefit    string
		roleForm, needForm     string
		benefitFirst, negation bool
	}{
		// Who.
		{"etq comma", "ETQ instructeur, je veux filtrer les dossiers par commune",
			"instructeur", "filtrer les dossiers par commune", "", "etq", "veux", false, false},
		{"etq no comma", "ETQ instructeur je veux filtrer les dossiers par commune",
			"instructeur", "filtrer les dossiers par commune", "", "etq", "veux", false, false},
		{"en tant qu'", "En tant qu'accompagnatrice, je veux voir les rendez-vous du jour.",
			"accompagnatrice", "voir les rendez-vous du jour", "", "en tant que", "veux", false, false},
		{"benefit first, one line", "Afin de ne plus ressaisir les pièces, en tant que demandeur, je veux réutiliser celles de mon dernier dossier.",
			"demandeur", "réutiliser celles de mon dernier dossier", "ne plus ressaisir les pièces", "en tant que", "veux", true, false},
		{"benefit first, pour", "Pour gagner du temps, ETQ agent, je souhaite dupliquer un dossier.",
			"agent", "dupliquer un dossier", "gagner du temps", "etq", "souhaite", true, false},
		{"benefit first, three lines", "Afin de suivre ma demande\nEn tant qu'usager\nJe veux recevoir un SMS à chaque étape",
			"usager", "recevoir un SMS à chaque étape", "suivre ma demande", "en tant que", "veux", true, false},
		{"benefit first, English", "So that I can plan my visit, as a visitor, I want to see the opening hours.",
			"visitor", "see the opening hours", "I can plan my visit", "as a", "want", true, false},
		{"pleonastic ETQ qu'", "ETQ qu'agent, je peux clôturer un dossier",
			"agent", "peux clôturer un dossier", "", "etq", "peux", false, false},
		{"pleonastic E.T.Q.", "E.T.Q. gestionnaire, je veux archiver un dossier",
			"gestionnaire", "archiver un dossier", "", "etq", "veux", false, false},
		{"pleonastic ETD", "ETD, je veux un environnement de recette par branche",
			"développeur", "un environnement de recette par branche", "", "etq", "veux", false, false},
		{"bare infinitive désigner", "ETQ gestionnaire de parc, désigner le conducteur d'un véhicule à partir de l'avis reçu",
			"gestionnaire de parc", "désigner le conducteur d'un véhicule à partir de l'avis reçu", "", "etq", "infinitive", false, false},
		{"English bare verb with re-", "As a team manager, reassign a case to another worker while its worker is on leave",
			"team manager", "reassign a case to another worker while its worker is on leave", "", "as a", "infinitive", false, false},
		{"state with an adjective", "ETQ abonné, mon adresse de livraison est modifiable depuis mon espace",
			"abonné", "mon adresse de livraison est modifiable depuis mon espace", "", "etq", "passive", false, false},
		{"abbreviated AAU", "AAU I want to renew my parking permit online so that I don't queue at the desk",
			"user", "renew my parking permit online", "I don't queue at the desk", "as a", "want", false, false},
		{"abbreviated AAU with a comma", "AAU, I want to download the leaflet as a PDF",
			"user", "download the leaflet as a PDF", "", "as a", "want", false, false},
		{"clause first with role", "Lorsqu'un dossier est incomplet, ETQ instructeur, je veux relancer le demandeur.",
			"instructeur", "relancer le demandeur", "", "etq", "veux", false, false},
		{"clause first without role", "Lorsque je dépose un dossier, j'aimerais recevoir un accusé de réception.",
			"", "recevoir un accusé de réception", "", "", "aimerais", false, false},
		{"clause after the role", "En tant qu'agent, quand je me connecte, je veux voir mes dossiers en attente.",
			"agent", "voir mes dossiers en attente", "", "en tant que", "veux", false, false},
		{"role with slash and acronyms", "ETQ CEP / CPF, je veux voir les demandes de ma région",
			"CEP / CPF", "voir les demandes de ma région", "", "etq", "veux", false, false},
		{"role with article", "En tant que l'administrateur, je veux désactiver un compte",
			"administrateur", "désactiver un compte", "", "en tant que", "veux", false, false},
		// What.
		{"indicative", "ETQ usager, je reçois un courriel quand mon dossier est accepté",
			"usager", "reçois un courriel quand mon dossier est accepté", "", "etq", "indicative", false, false},
		{"indicative, elided subject", "ETQ usager, j'autorise le partage de mes données avec la CAF",
			"usager", "autorise le partage de mes données avec la CAF", "", "etq", "indicative", false, false},
		{"indicative, negation", "ETQ usager, je n'ai plus à ressaisir mon adresse",
			"usager", "n'ai plus à ressaisir mon adresse", "", "etq", "indicative", false, false},
		{"indicative, clitic", "ETQ instructeur, je les consulte depuis la liste",
			"instructeur", "les consulte depuis la liste", "", "etq", "indicative", false, false},
		{"passive", "ETQ usager, mes données sont récupérées depuis FranceConnect",
			"usager", "mes données sont récupérées depuis FranceConnect", "", "etq", "passive", false, false},
		{"peux", "ETQ gestionnaire, je peux archiver un dossier",
			"gestionnaire", "peux archiver un dossier", "", "etq", "peux", false, false},
		{"pourrai", "En tant qu'usager, je pourrai modifier mon rendez-vous",
			"usager", "pourrai modifier mon rendez-vous", "", "en tant que", "peux", false, false},
		{"ne peux pas", "ETQ usager, je ne peux pas télécharger mon attestation",
			"usager", "ne peux pas télécharger mon attestation", "", "etq", "peux", false, false},
		{"souhaiterais", "ETQ agent, je souhaiterais trier par date",
			"agent", "trier par date", "", "etq", "souhaite", false, false},
		{"souhaiterai misspelt", "ETQ agent, je souhaiterai trier par date",
			"agent", "trier par date", "", "etq", "souhaite", false, false},
		{"besoin d'", "En tant qu'agent, j'ai besoin d'exporter la liste",
			"agent", "exporter la liste", "", "en tant que", "besoin", false, false},
		{"dois", "En tant qu'instructeur, je dois valider la pièce",
			"instructeur", "dois valider la pièce", "", "en tant que", "dois", false, false},
		{"ne dois pas pouvoir", "ETQ instructeur, je ne dois pas pouvoir modifier un dossier clos",
			"instructeur", "ne dois pas pouvoir modifier un dossier clos", "", "etq", "dois", false, false},
		{"aimerais", "ETQ usager, j'aimerais être prévenu par SMS",
			"usager", "être prévenu par SMS", "", "etq", "aimerais", false, false},
		{"voudrais", "ETQ usager, je voudrais changer de créneau",
			"usager", "changer de créneau", "", "etq", "voudrais", false, false},
		{"bare infinitive", "ETQ DDETS, relire la liste des structures",
			"DDETS", "relire la liste des structures", "", "etq", "infinitive", false, false},
		{"nous voulons", "En tant qu'agents, nous voulons partager nos notes",
			"agents", "partager nos notes", "", "en tant que", "plural", false, false},
		{"on peut", "ETQ partenaires, on peut consulter les offres",
			"partenaires", "peut consulter les offres", "", "etq", "plural", false, false},
		{"on veut without a role", "On veut pouvoir vendre des places aux bénéficiaires du CCAS",
			"", "pouvoir vendre des places aux bénéficiaires du CCAS", "", "", "plural", false, false},
		{"on, a place in English", "On the map, I want to see the collection points",
			"", "see the collection points", "", "", "want", false, false},
		{"on a besoin", "On a besoin de voir les réservations du week-end",
			"", "voir les réservations du week-end", "", "", "plural", false, false},
		{"on a, a moment in English", "On a Monday, I want to see the bins to collect",
			"", "see the bins to collect", "", "", "want", false, false},
		// Why.
		{"afin qu'", "ETQ agent, je veux une alerte afin qu'aucun dossier ne soit oublié",
			"agent", "une alerte", "aucun dossier ne soit oublié", "etq", "veux", false, false},
		{"dans le but de", "ETQ agent, je veux une alerte dans le but de traiter à temps",
			"agent", "une alerte", "traiter à temps", "etq", "veux", false, false},
		// English.
		{"en want", "As a Public User, I want to Search for Information, so that I can obtain publicly available information.",
			"Public User", "Search for Information", "I can obtain publicly available information", "as a", "want", false, false},
		{"en indicative", "As a user, I receive an email when my request is approved",
			"user", "receive an email when my request is approved", "", "as a", "indicative", false, false},
		{"en able", "As a user, I'm able to delete my account",
			"user", "able to delete my account", "", "as a", "able", false, false},
		{"en no comma", "As a user I want to log in",
			"user", "log in", "", "as a", "want", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.shape, func(t *testing.T) {
			p := parseSentence(tt.in)
			if p == nil {
				t.Fatalf("no sentence in %q", tt.in)
			}
			if p.Role != tt.role || p.Action != tt.need || p.Benefit != tt.benefit {
				t.Errorf("got role %q need %q benefit %q\nwant role %q need %q benefit %q", p.Role, p.Action, p.Benefit, tt.role, tt.need, tt.benefit)
			}
			if p.roleForm != tt.roleForm || p.needForm != tt.needForm || p.benefitFirst != tt.benefitFirst {
				t.Errorf("forms %q/%q benefit first %v, want %q/%q %v", p.roleForm, p.needForm, p.benefitFirst, tt.roleForm, tt.needForm, tt.benefitFirst)
			}
		})
	}
}

// The rewrite into the template's form keeps the author's words.
func TestCanonical(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ETQ usager, je reçois un courriel quand mon dossier est accepté",
			"En tant qu'usager, je veux recevoir un courriel quand mon dossier est accepté."},
		{"ETQ usager, je consulte mes rendez-vous", "En tant qu'usager, je veux consulter mes rendez-vous."},
		{"ETQ usager, j'autorise le partage de mes données", "En tant qu'usager, je veux autoriser le partage de mes données."},
		{"ETQ usager, je n'ai plus à ressaisir mon adresse", "En tant qu'usager, je veux ne plus avoir à ressaisir mon adresse."},
		{"ETQ usager, je ne les reçois plus en double", "En tant qu'usager, je veux ne plus les recevoir en double."},
		{"ETQ usager, je m'inscris en ligne", "En tant qu'usager, je veux m'inscrire en ligne."},
		{"ETQ usager, je me connecte avec FranceConnect", "En tant qu'usager, je veux me connecter avec FranceConnect."},
		{"ETQ agent, j'accède au dossier complet", "En tant qu'agent, je veux accéder au dossier complet."},
		{"ETQ agent, je choisis le créneau", "En tant qu'agent, je veux choisir le créneau."},
		{"ETQ agent, j'appelle l'usager depuis la fiche", "En tant qu'agent, je veux appeler l'usager depuis la fiche."},
		{"ETQ agent, je complète la fiche", "En tant qu'agent, je veux compléter la fiche."},
		{"ETQ usager, mes données sont récupérées depuis FranceConnect",
			"En tant qu'usager, je veux que mes données soient récupérées depuis FranceConnect."},
		{"ETQ usager, le récépissé m'est envoyé par courriel", "En tant qu'usager, je veux que le récépissé me soit envoyé par courriel."},
		{"ETQ gestionnaire, je peux archiver un dossier", "En tant que gestionnaire, je veux pouvoir archiver un dossier."},
		{"ETQ DDETS, relire la liste des structures", "En tant que DDETS, je veux relire la liste des structures."},
		{"ETQ qu'administrateur, je désactive un compte", "En tant qu'administrateur, je veux désactiver un compte."},
		{"Afin de ne plus ressaisir les pièces, en tant que demandeur, je veux réutiliser celles de mon dernier dossier.",
			"En tant que demandeur, je veux réutiliser celles de mon dernier dossier, afin de ne plus ressaisir les pièces."},
		{"Lorsqu'un dossier est incomplet, ETQ instructeur, je veux relancer le demandeur.",
			"En tant qu'instructeur, lorsqu'un dossier est incomplet, je veux relancer le demandeur."},
		{"Lorsque je dépose un dossier, j'aimerais recevoir un accusé de réception.",
			"En tant que <profil>, lorsque je dépose un dossier, je veux recevoir un accusé de réception."},
		{"ETQ usager, je reçois un SMS pour ne pas oublier mon rendez-vous",
			"En tant qu'usager, je veux recevoir un SMS pour ne pas oublier mon rendez-vous."},
		{"As a visitor, I can see the opening hours so that I plan my visit",
			"As a visitor, I want to be able to see the opening hours, so that I plan my visit."},
		{"As a user, I receive an email when my request is approved",
			"As a user, I want to receive an email when my request is approved."},
		{"So that I can plan my visit, as an applicant, I want to see the opening hours.",
			"As an applicant, I want to see the opening hours, so that I can plan my visit."},
	} {
		p := parseSentence(c.in)
		got, ok := p.canonical()
		if !ok || got != c.want {
			t.Errorf("%q\n got %q (%v)\nwant %q", c.in, got, ok, c.want)
		}
	}
	for _, in := range []string{
		"ETQ instructeur, je ne dois pas pouvoir modifier un dossier clos",
		"ETQ usager, je ne peux pas télécharger mon attestation",
	} {
		if got, ok := parseSentence(in).canonical(); ok {
			t.Errorf("%q rewritten %q: its meaning would change", in, got)
		}
	}
}
