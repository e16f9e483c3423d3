package templates

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cochef/cochef/rules"
)

func mustBuiltin(t *testing.T) *Set {
	t.Helper()
	s, err := Builtin()
	if err != nil {
		t.Fatalf("Builtin: %v", err)
	}
	return s
}

func TestBuiltinFilesAllParse(t *testing.T) {
	s := mustBuiltin(t)
	entries, err := builtinFS.ReadDir("builtin")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(s.List()), len(entries); got != want {
		t.Fatalf("Builtin has %d templates, embedded files: %d", got, want)
	}
	names := []string{}
	for _, tm := range s.List() {
		names = append(names, tm.Name)
	}
	if want := []string{"user-story", "bug", "notes", "question", "research", "support", "technique"}; !slices.Equal(names, want) {
		t.Errorf("order = %v, want %v (default first)", names, want)
	}
	for _, e := range entries {
		data, err := builtinFS.ReadFile("builtin/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		tm, err := ParseTemplate(data, e.Name())
		if err != nil {
			t.Errorf("%s: %v", e.Name(), err)
			continue
		}
		if strings.TrimSuffix(e.Name(), ".yml") != tm.Name {
			t.Errorf("%s holds template %q: file and template names should agree", e.Name(), tm.Name)
		}
		for _, sec := range tm.Sections {
			for _, lang := range []rules.Lang{rules.FR, rules.EN} {
				if sec.Title[lang] == "" || sec.Hint[lang] == "" {
					t.Errorf("%s: section %s lacks a %s title or hint", tm.Name, sec.ID, lang)
				}
			}
		}
	}
}

func TestBuiltinUserStoryContent(t *testing.T) {
	s := mustBuiltin(t)
	us, ok := s.Get("user-story")
	if !ok || !us.Default {
		t.Fatalf("user-story missing or not default: %v %v", ok, us)
	}
	required := map[string][]rules.Condition{}
	for _, sec := range us.Sections {
		required[sec.ID] = sec.RequiredWhen
	}
	wantReq := map[string][]rules.Condition{
		rules.SectionStory:         {rules.Always},
		rules.SectionCriteria:      {rules.Always},
		rules.SectionSecurityNotes: {rules.WhenPrivileged, rules.WhenSensitive},
		rules.SectionPersonalData:  {rules.WhenPersonalData},
		rules.SectionAccessibility: {rules.WhenCitizen},
		"context":                  nil,
		"out-of-scope":             nil,
		"recette":                  nil,
	}
	for id, want := range wantReq {
		got, ok := required[id]
		if !ok {
			t.Errorf("section %s missing", id)
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("section %s required_when = %v, want %v", id, got, want)
		}
	}
	var crit rules.SectionSpec
	for _, sec := range us.Sections {
		if sec.ID == rules.SectionCriteria {
			crit = sec
		}
	}
	for _, alias := range []string{"Critères d'acceptation", "Critères d'acceptance", "CA", "Acceptance criteria", "AC", "Scénarios", "Scenarios"} {
		if !slices.ContainsFunc(crit.Aliases, func(a string) bool { return Normalize(a) == Normalize(alias) }) {
			t.Errorf("criteria aliases lack %q: %v", alias, crit.Aliases)
		}
	}
	if n := len(us.SecurityChecklist); n < 8 || n > 12 {
		t.Errorf("security checklist has %d questions, want 8–12", n)
	}
	persona := func(name string) *rules.Persona {
		for i, p := range us.Personas {
			for _, n := range p.Names {
				if Normalize(n) == Normalize(name) {
					return &us.Personas[i]
				}
			}
		}
		return nil
	}
	for _, c := range []struct {
		name                string
		privileged, citizen bool
	}{
		{"usager", false, true},
		{"citoyen", false, true},
		{"allocataire", false, true},
		{"user", false, true},
		{"agent", false, false},
		{"instructeur", false, false},
		{"caseworker", false, false},
		{"agent habilité", true, false},
		{"administrateur", true, false},
		{"admin", true, false},
		{"RSSI", true, false},
		{"DPO", true, false},
		{"développeur", false, false},
		{"co-chef de produit", false, false},
		{"product owner", false, false},
	} {
		p := persona(c.name)
		if p == nil {
			t.Errorf("no persona named %q", c.name)
			continue
		}
		if p.Privileged != c.privileged || p.Citizen != c.citizen {
			t.Errorf("%q: privileged=%v citizen=%v, want %v %v", c.name, p.Privileged, p.Citizen, c.privileged, c.citizen)
		}
	}
	// Acronyms that need the upper-case guard, and generic words that
	// must stay out of the topics for precision.
	acr, kw := map[string]*rules.Topic{}, map[string]*rules.Topic{}
	for i := range us.Topics {
		tp := &us.Topics[i]
		for _, a := range tp.Acronyms {
			acr[a] = tp
		}
		for _, k := range tp.Keywords {
			kw[Normalize(k)] = tp
		}
	}
	for a, cat := range map[string]string{"NIR": CategoryPersonalData, "INS": CategoryPersonalData, "DCP": CategoryPersonalData, "IBAN": CategoryPersonalData, "SSN": CategoryPersonalData, "SSO": CategorySecurity, "OIDC": CategorySecurity} {
		if acr[a] == nil || !acr[a].Has(cat) {
			t.Errorf("acronym %s: not of category %q", a, cat)
		}
	}
	// Bank details are a detail (a change asks for the RGPD section only);
	// a special category is not.
	if tp := acr["IBAN"]; tp == nil || !tp.Detail {
		t.Errorf("the topic of IBAN is not a detail")
	}
	if tp := acr["NIR"]; tp == nil || tp.Detail {
		t.Errorf("the topic of NIR is a detail")
	}
	// A person's own document sent in is personal data (own_data); the
	// upload topic stays a security topic otherwise.
	if tp := kw[Normalize("téléverser")]; tp == nil || !tp.OwnData || tp.Has(CategoryPersonalData) {
		t.Errorf("the upload topic: own_data %v, want a security topic with own_data", tp)
	}
	if tp := acr["NIR"]; tp == nil || tp.OwnData {
		t.Errorf("the topic of NIR has own_data")
	}
	// Special categories, identity data and a person's details listed in
	// the RGPD section count (listed); what the security notes answer
	// (a password, an authorisation) does not.
	for _, k := range []string{"allergie", "passeport", "casier judiciaire", "date de naissance", "téléphone", "adresse"} {
		if tp := kw[Normalize(k)]; tp == nil || !tp.Listed {
			t.Errorf("the topic of %q is not listed", k)
		}
	}
	if tp := kw[Normalize("mot de passe")]; tp == nil || tp.Listed {
		t.Errorf("the topic of a password is listed")
	}
	for _, k := range []string{"mot de passe", "habilitation", "données personnelles", "date de naissance", "password", "personal data"} {
		if _, ok := kw[Normalize(k)]; !ok {
			t.Errorf("keyword %q missing", k)
		}
	}
	// Generic words fire on ordinary stories: they may be keywords only
	// in a context that restricts them (a person's, with personal data,
	// in the need).
	for _, noisy := range []string{"api", "export", "import", "partage", "share", "role", "delete", "download", "login", "email", "adresse", "sante", "minor", "session", "compte", "dossier"} {
		if tp, ok := kw[noisy]; ok && (tp.Context == "" || tp.Context == rules.ContextAny) {
			t.Errorf("generic word %q is a keyword of %s in any context: it would fire on ordinary stories", noisy, tp.ID)
		}
	}
	for _, lang := range []rules.Lang{rules.FR, rules.EN} {
		if len(us.VagueTerms[lang]) < 10 {
			t.Errorf("vague terms %s: %d, want ≥ 10", lang, len(us.VagueTerms[lang]))
		}
	}
}

func TestExtendsInheritsWhatIsOmitted(t *testing.T) {
	s := mustBuiltin(t)
	us, _ := s.Get("user-story")
	for _, name := range []string{"technique", "bug", "question", "notes"} {
		tm, ok := s.Get(name)
		if !ok {
			t.Fatalf("%s missing", name)
		}
		if tm.Default {
			t.Errorf("%s is default: extends must not inherit default", name)
		}
		if len(tm.Personas) != len(us.Personas) || len(tm.Topics) != len(us.Topics) || len(tm.SecurityChecklist) != len(us.SecurityChecklist) {
			t.Errorf("%s did not inherit personas/topics/checklist", name)
		}
		if slices.Equal(tm.Labels, us.Labels) {
			t.Errorf("%s inherited labels", name)
		}
		if tm.Rules["story-format"].Enabled == nil || *tm.Rules["story-format"].Enabled {
			t.Errorf("%s: story-format should be off, got %+v", name, tm.Rules["story-format"])
		}
		// A technical story is a « récit »; a bug report, a question and
		// meeting notes are not.
		if want := name != "technique"; tm.NoStory != want {
			t.Errorf("%s: NoStory = %v, want %v", name, tm.NoStory, want)
		}
	}
	if us.NoStory || len(us.TitleWords) != 0 {
		t.Errorf("user-story: NoStory %v, title words %v", us.NoStory, us.TitleWords)
	}
}

// TestStoryAndTitleWordsAreInherited: a repository's template that
// extends a built-in one keeps its "story: false", its title words, its
// title_question and its existing_feature unless it writes its own.
func TestStoryAndTitleWordsAreInherited(t *testing.T) {
	base := mustBuiltin(t)
	s, err := base.Load([]byte(`templates:
  - name: incident
    extends: bug
    labels: [incident]
  - name: atelier
    extends: notes
    labels: [atelier-usagers]
    title_words: [séance]
  - name: enquete
    extends: user-story
    story: false
    labels: [enquête]
  - name: arbitrage
    extends: question
    labels: [arbitrage]
  - name: sujet
    extends: question
    labels: [sujet]
    title_question: false
`), ".github/cochef.yml")
	if err != nil {
		t.Fatal(err)
	}
	bug, _ := base.Get("bug")
	if len(bug.TitleWords) == 0 {
		t.Fatal("the built-in bug template has no title words to inherit")
	}
	for _, c := range []struct {
		name     string
		noStory  bool
		words    []string
		question bool
	}{
		{"incident", true, bug.TitleWords, false},
		{"atelier", true, []string{"séance"}, false},
		{"enquete", true, nil, false},
		{"arbitrage", true, nil, true},
		{"sujet", true, nil, false},
	} {
		tm, _ := s.Get(c.name)
		if tm.NoStory != c.noStory || !slices.Equal(tm.TitleWords, c.words) || tm.TitleQuestion != c.question {
			t.Errorf("%s: NoStory %v, title words %v, title question %v; want %v, %v, %v", c.name, tm.NoStory, tm.TitleWords, tm.TitleQuestion, c.noStory, c.words, c.question)
		}
	}
	// existing_feature: bug and support report on what exists; a
	// template that extends bug keeps it, one that says false does not,
	// and user-story never had it.
	s3, err := base.Load([]byte(`templates:
  - name: incident
    extends: bug
    labels: [incident]
  - name: evolution
    extends: bug
    labels: [évolution]
    existing_feature: false
`), ".github/cochef.yml")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"incident": true, "evolution": false, "support": true, "user-story": false} {
		if tm, _ := s3.Get(name); tm.ExistingFeature != want {
			t.Errorf("%s: ExistingFeature %v, want %v", name, tm.ExistingFeature, want)
		}
	}
	// scan_unnamed: research reads only its named sections; a template
	// that extends it keeps that unless it says otherwise.
	s2, err := base.Load([]byte(`templates:
  - name: entretiens
    extends: research
    labels: [entretiens]
  - name: entretiens-lus
    extends: research
    labels: [entretiens-lus]
    scan_unnamed: true
`), ".github/cochef.yml")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"entretiens": true, "entretiens-lus": false, "research": true, "notes": false, "user-story": false} {
		if tm, _ := s2.Get(name); tm.NamedTopicsOnly != want {
			t.Errorf("%s: NamedTopicsOnly %v, want %v", name, tm.NamedTopicsOnly, want)
		}
	}
	notes, _ := base.Get("notes")
	if len(notes.TitleWords) < 10 {
		t.Errorf("notes title words: %v", notes.TitleWords)
	}
	// Two title words the same once matched are a mistake, at its line.
	_, err = base.Load([]byte(`templates:
  - name: atelier
    extends: notes
    labels: [atelier-usagers]
    title_words:
      - Séance
      - seance
`), ".github/cochef.yml")
	if err == nil || !strings.Contains(err.Error(), "cochef.yml:7: title_words[1]: « seance » répète title_words[0]") {
		t.Errorf("error %v", err)
	}
}

// TestTopicByIDIsInherited: in a template that extends another, a topic
// written with its id alone is the extended template's, as it is; an id
// the extended template does not have is a mistake at its line.
func TestTopicByIDIsInherited(t *testing.T) {
	base := mustBuiltin(t)
	s, err := base.Load([]byte(`templates:
  - name: retours
    extends: user-story
    labels: [retours-usagers]
    topics:
      - id: labelled-security
      - id: boite-a-idees
        category: personal-data
        keywords: [boîte à idées]
`), ".github/cochef.yml")
	if err != nil {
		t.Fatal(err)
	}
	us, _ := base.Get("user-story")
	tm, _ := s.Get("retours")
	if len(tm.Topics) != 2 || tm.Topics[1].ID != "boite-a-idees" {
		t.Fatalf("topics %+v", tm.Topics)
	}
	i := slices.IndexFunc(us.Topics, func(tp rules.Topic) bool { return tp.ID == "labelled-security" })
	if i < 0 {
		t.Fatal("user-story has no labelled-security topic")
	}
	if !reflect.DeepEqual(tm.Topics[0], us.Topics[i]) {
		t.Errorf("inherited topic %+v, want %+v", tm.Topics[0], us.Topics[i])
	}
	r := rules.Analyze(rules.Input{Labels: []string{"retours-usagers", "sécurité"}, Title: "Boîte à idées", Body: "ETQ usager, je veux déposer une idée."}, tm, "")
	if !r.SecurityReview {
		t.Errorf("the inherited label topic asks for no security review: %+v", r.Sensitive)
	}
	_, err = base.Load([]byte(`templates:
  - name: retours
    extends: user-story
    labels: [retours-usagers]
    topics:
      - id: labeled-security
`), ".github/cochef.yml")
	if err == nil || !strings.Contains(err.Error(), "cochef.yml:6: topics[0].id: « labeled-security » n'est pas un sujet du modèle étendu (user-story)") {
		t.Errorf("error %v", err)
	}
}

func TestSelect(t *testing.T) {
	s := mustBuiltin(t)
	for _, c := range []struct {
		labels []string
		want   string
	}{
		{nil, "user-story"},
		{[]string{"enhancement"}, "user-story"},
		{[]string{"bug"}, "bug"},
		{[]string{"Anomalie"}, "bug"},
		{[]string{"ANOMALIE"}, "bug"},
		{[]string{"type: bug"}, "bug"},
		{[]string{"kind/bug"}, "bug"},
		{[]string{"Dette technique"}, "technique"},
		{[]string{"dette-technique"}, "technique"},
		{[]string{"DETTE_TECHNIQUE"}, "technique"},
		{[]string{"priorité haute", "tech"}, "technique"},
		{[]string{"Défaut"}, "bug"},
		{[]string{"defaut"}, "bug"},
		{[]string{"techniques"}, "user-story"}, // no stemming: a near label is not a label
	} {
		if got := s.Select(c.labels).Name; got != c.want {
			t.Errorf("Select(%q) = %s, want %s", c.labels, got, c.want)
		}
	}
}

// TestSelectForTitle: an unlabelled issue whose title opens with a
// template's label takes that template; a label, when there is one,
// still decides; a title that only mentions the word, or a sentence with
// a colon, keeps the default.
func TestSelectForTitle(t *testing.T) {
	s := mustBuiltin(t)
	for _, c := range []struct {
		labels []string
		title  string
		want   string
	}{
		{nil, "Bug : le bouton Envoyer ne fonctionne pas sur Safari", "bug"},
		{nil, "Bug: attachments over 10 MB fail to upload", "bug"},
		{nil, "[Anomalie] La date s'affiche au format américain", "bug"},
		{nil, "Bug du calendrier : les jours fériés apparaissent ouverts", "bug"},
		{nil, "Régression - l'export CSV est vide", "bug"},
		{nil, "Anomalie — la date s'affiche au format américain", "bug"},
		{nil, "Technique : monter la bibliothèque PDF pour corriger une CVE", "technique"},
		{nil, "Tech task: migrate legacy claims", "technique"},
		{nil, "[Dette technique] Supprimer l'ancien module d'export", "technique"},
		{nil, "Export des inscrits", "user-story"},
		{nil, "Corriger le bug du calendrier", "user-story"},
		{nil, "En tant qu'agent, je veux voir les bugs signalés : tri par date", "user-story"},
		{nil, "[Épopée] Inscriptions", "question"},
		{nil, "Question : faut-il FranceConnect pour les parents ?", "question"},
		{nil, "Spike: which map tiles provider", "question"},
		{nil, "", "user-story"},
		{[]string{"récit"}, "Bug : le bouton ne marche pas", "user-story"},
		{[]string{"bug"}, "Export des inscrits", "bug"},
	} {
		if got := s.SelectFor(rules.Input{Title: c.title, Labels: c.labels}).Name; got != c.want {
			t.Errorf("SelectFor(%q, %q) = %s, want %s", c.labels, c.title, got, c.want)
		}
	}
}

// TestSelectForForm: an unlabelled issue with no title prefix and no
// story sentence, whose title opens with a template's title words or whose
// body is written in its form (two of its own headings), takes that
// template. One such heading, a story sentence, a label or a title prefix
// keep what they choose.
func TestSelectForForm(t *testing.T) {
	s := mustBuiltin(t)
	const bug = "Sur la page Mes demandes, le bouton Valider ne répond plus.\n\n" +
		"## Étapes pour reproduire\n1. Ouvrir une demande\n2. Cliquer sur Valider\n\n" +
		"## Comportement attendu\nLa demande passe au statut « Transmise ».\n\n" +
		"## Comportement observé\nRien ne se passe ; la console affiche une erreur 500.\n"
	for _, c := range []struct {
		name string
		in   rules.Input
		want string
	}{
		{"bug report with Markdown headings", rules.Input{Title: "Le bouton Valider ne répond plus", Body: bug}, "bug"},
		{"bug report with bold labels", rules.Input{Title: "Carte vide sur mobile", Body: "**Étapes :** ouvrir la carte sur un téléphone.\n\n" +
			"**Résultat attendu :** les points de collecte s'affichent.\n\n**Résultat obtenu :** la carte reste grise."}, "bug"},
		{"English bug report", rules.Input{Title: "Booking page crashes", Body: "Steps to reproduce:\n1. Open a booking\n2. Press Pay\n\n" +
			"Expected behaviour:\nThe payment page opens.\n\nActual behaviour:\nA blank page."}, "bug"},
		{"meeting notes", rules.Input{Title: "Atelier avec les agents d'accueil du 12 mars", Body: "## Participants\n- deux agents d'accueil, la cheffe de produit\n\n" +
			"## Décisions\n- le formulaire garde trois étapes\n\n## Prochaines étapes\n- [ ] maquette de l'étape 2 (Léa)\n"}, "notes"},
		{"English minutes", rules.Input{Title: "Sprint 3 review", Body: "Attendees: product owner, two developers\n\nDecisions:\n- keep the waiting list public\n\nNext steps:\n- draft the tenancy letter\n"}, "notes"},
		{"one bug heading only", rules.Input{Title: "Export vide", Body: "L'export CSV est vide depuis hier.\n\nAttendu : toutes les lignes du mois."}, "user-story"},
		{"a story with an expected behaviour", rules.Input{Title: "Relance des dossiers incomplets", Body: "En tant qu'agent, je veux relancer les dossiers incomplets afin de les clore.\n\n" +
			"## Comportement attendu\nUn courriel part au demandeur.\n\n## Comportement observé\nAujourd'hui, rien ne part."}, "user-story"},
		{"a story with decisions and next steps", rules.Input{Body: "ETQ parent, je réserve les repas du mois suivant.\n\n## Décisions\n- fin des réservations le jeudi\n\n## Prochaines étapes\n- maquette"}, "user-story"},
		{"a title prefix wins", rules.Input{Title: "Question : faut-il garder les notes ?", Body: "## Participants\n- l'équipe\n\n## Décisions\n- aucune"}, "question"},
		{"a label wins", rules.Input{Labels: []string{"récit"}, Title: "Bouton Valider", Body: bug}, "user-story"},
		{"a task label", rules.Input{Labels: []string{"tâche"}, Title: "Importer le fichier des adhérents", Body: "Importer `adherents.xlsx` dans la table des adhérents."}, "technique"},
		{"an English task label", rules.Input{Labels: []string{"Task"}, Title: "Add security headers", Body: "Missing HSTS on the portal."}, "technique"},
		{"a migration label", rules.Input{Labels: []string{"migration"}, Title: "Import the members of the old system", Body: "14,000 records from the old booking tool."}, "technique"},
		{"empty body", rules.Input{Title: "Bouton Valider"}, "user-story"},
		{"meeting title", rules.Input{Title: "Réunion avec les Espaces Conseil — 3 octobre", Body: "- formation en décembre\n- prochaine réunion après la formation"}, "notes"},
		{"sprint review title", rules.Input{Title: "Revue de sprint 9", Body: "Démo :\n- carte des circuits\n\nNon terminé : l'export."}, "notes"},
		{"CR without a colon", rules.Input{Title: "CR comité de pilotage du 9 juin", Body: "Décisions :\n- tarifs inchangés"}, "notes"},
		{"English notes title", rules.Input{Title: "Notes from the allotment association AGM", Body: "- asks for a shared calendar"}, "notes"},
		{"title only, no body", rules.Input{Title: "Atelier avec les présidents de jury"}, "notes"},
		{"a story titled like a workshop", rules.Input{Title: "Atelier cuisine", Body: "ETQ senior, je veux réserver une place à l'atelier cuisine."}, "user-story"},
		{"a word that only starts like one", rules.Input{Title: "Rétroplanning de la mise en production", Body: "- jalons"}, "user-story"},
		// User-research notes take research; a spike titled "Research:"
		// keeps the default template.
		{"research synthesis", rules.Input{Title: "Synthèse des entretiens bailleurs (vague 1)", Body: "Cinq entretiens d'une heure.\n\nEnseignements :\n- le mot « autorisation » n'est pas compris"}, "research"},
		{"English research notes", rules.Input{Title: "User research: six traders on applying", Body: "- four of six would apply on a phone"}, "research"},
		{"research headings", rules.Input{Title: "Après le pilote", Body: "## Méthode\nhuit entretiens téléphoniques\n\n## Enseignements\n- l'attente du premier appel décourage"}, "research"},
		// A spike titled "Research:" is no research note; its title asks
		// a question, which the question template takes.
		{"a spike titled research", rules.Input{Title: "Research: which address API?", Body: "Compare the BAN API and a geocoder."}, "question"},
		{"a spike without a question", rules.Input{Title: "Research: address APIs", Body: "Compare the BAN API and a geocoder."}, "user-story"},
		// A number between the title words names which review.
		{"numbered sprint review", rules.Input{Title: "Sprint 4 review – 11 June", Body: "Demoed:\n- the map\n\nNext: step 4."}, "notes"},
		// The longest title word wins: "compte rendu des entretiens" is
		// user research, "compte rendu" alone meeting notes.
		{"interview write-up", rules.Input{Title: "Compte rendu des entretiens avec des maraîchers", Body: "Quatre entretiens au marché.\n\n- tous veulent payer en ligne"}, "research"},
		{"interviews opening the title", rules.Input{Title: "Entretiens aidants, semaine 2 : synthèse", Body: "- trois aidants sur cinq impriment le formulaire"}, "research"},
		{"meeting write-up", rules.Input{Title: "Compte rendu du comité de suivi", Body: "Présents : le maire, la DGS.\n\nDécisions\n- ouverture en mars"}, "notes"},
		{"sprint review notes", rules.Input{Title: "Sprint 3 review notes", Body: "- waiting list shown"}, "notes"},
		{"a video call", rules.Input{Title: "Visio avec les plateformes — 14 mai", Body: "- les annonces sans numéro seront retirées"}, "notes"},
		// Support requests, by their label or their title's first word;
		// interview notes are user research.
		{"support label", rules.Input{Labels: []string{"support"}, Title: "Habitat Sorguien n'arrive plus à se connecter", Body: "Le gestionnaire a le message « Lien expiré » à chaque tentative."}, "support"},
		{"support title", rules.Input{Title: "Support – l'hôtel ne reçoit pas les notifications", Body: "Message reçu au standard : plus de courriels depuis lundi."}, "support"},
		{"English support title", rules.Input{Title: "Support request: landlord can't log in", Body: "Tried the reset link four times."}, "support"},
		{"a story whose title opens like one", rules.Input{Title: "Supports de cours par séance", Body: "ETQ formatrice, je veux déposer les supports de chaque séance."}, "user-story"},
		{"interview notes", rules.Input{Title: "Interview notes: owners of empty homes", Body: "- two of three did not know about the grant"}, "research"},
		{"research notes", rules.Input{Title: "Notes de recherche : le placier", Body: "- il tient un cahier des retards"}, "research"},
		// A title that asks a question, with no story sentence.
		{"a question title", rules.Input{Title: "Combien de temps garde-t-on les dossiers refusés ?", Body: "Question pour la DPO : un dossier refusé contient l'identité du détenteur."}, "question"},
		{"an English question title", rules.Input{Title: "Can volunteers keep readers' numbers on their phones?", Body: "Asked at the volunteers' meeting."}, "question"},
		{"a story whose title asks", rules.Input{Title: "Où en est ma demande ?", Body: "ETQ demandeur, je veux suivre l'état de ma demande."}, "user-story"},
		{"a question mark inside the title", rules.Input{Title: "Page « Qui peut demander ? » à mettre à jour", Body: "- ajouter les lauréats"}, "user-story"},
		// Technical work: a bot's label, or a title that says so, with no
		// story sentence; a content change titled "Mettre à jour" stays
		// a story to write.
		{"dependencies label", rules.Input{Labels: []string{"dependencies"}, Title: "Bump django from 4.2.8 to 4.2.11", Body: "Bumps django."}, "technique"},
		{"dépendances label", rules.Input{Labels: []string{"dépendances"}, Title: "Mise à jour de pdfkit 0.13 → 0.14", Body: "- [ ] passer la CI"}, "technique"},
		{"version bump title", rules.Input{Title: "Montée de version Django 4.2 → 5.2", Body: "La 4.2 LTS sort du support en avril."}, "technique"},
		{"English bump title", rules.Input{Title: "Bump Django 4.2.13 -> 4.2.16", Body: "Monthly updates."}, "technique"},
		{"backups title", rules.Input{Title: "Sauvegardes chiffrées de la base", Body: "Aujourd'hui la sauvegarde est en clair sur le NAS."}, "technique"},
		{"a story titled like an upgrade", rules.Input{Title: "Upgrade de mon abonnement", Body: "ETQ abonné, je veux passer à la formule annuelle."}, "user-story"},
		{"a content change", rules.Input{Title: "Mettre à jour les horaires de la piscine", Body: "- horaires d'été"}, "user-story"},
		// A change to the product written as a task, with no story
		// sentence; a story titled with the same verb keeps its template.
		{"a field to add", rules.Input{Title: "Ajouter le champ « numéro de tatouage » sur la fiche", Body: "À côté du numéro de puce."}, "technique"},
		{"an English field to add", rules.Input{Title: "Add a weather field to the daily log", Body: "Dropdown: dry, rain, ice."}, "technique"},
		{"a tab to rename", rules.Input{Title: "Renommer l'onglet « Dossiers » en « Demandes »", Body: "Demande du service accueil."}, "technique"},
		{"a story titled with a verb", rules.Input{Title: "Ajouter un enfant à mon compte", Body: "ETQ parent, je veux ajouter un enfant à mon compte famille."}, "user-story"},
		{"show and tell", rules.Input{Title: "Show & tell, sprint 9", Body: "Shown:\n- the map\n\nActions:\n- rename the tab"}, "notes"},
		{"something to show", rules.Input{Title: "Show opening hours in the booking page footer", Body: "Mon–Fri 8 am to 5 pm."}, "technique"},
		// A fault by its title: what cannot be done, a server error.
		{"an impossible title", rules.Input{Title: "Impossible d'imprimer le bon de sortie sous Firefox", Body: "Le bouton ouvre un onglet vide. OK sous Edge."}, "bug"},
		{"a server error title", rules.Input{Title: "Erreur 500 à l'export des statistiques", Body: "Depuis la mise en production de lundi."}, "bug"},
		{"English crash title", rules.Input{Title: "Crash when the postcode is empty", Body: "Seen on the staging site."}, "bug"},
		{"a story titled by what was impossible", rules.Input{Title: "Impossible de payer en ligne aujourd'hui", Body: "ETQ usager, je veux payer ma facture en ligne afin de ne plus envoyer de chèque."}, "user-story"},
	} {
		if got := s.SelectFor(c.in).Name; got != c.want {
			t.Errorf("%s: SelectFor = %s, want %s", c.name, got, c.want)
		}
	}
}

// TestResearchAsksOnlyWhatItsLabelsSay: user-research notes report what
// the people met said; their words ask for no review (a trader worried
// about the conviction question, interviews anonymised), the team's own
// labels still do.
func TestResearchAsksOnlyWhatItsLabelsSay(t *testing.T) {
	s := mustBuiltin(t)
	in := rules.Input{Title: "User research: six traders on applying", Body: "Six interviews, notes anonymised.\n\n" +
		"- the conviction question worries people\n- two would upload their licence from a phone\n"}
	tm := s.SelectFor(in)
	if tm.Name != "research" {
		t.Fatalf("SelectFor = %s, want research", tm.Name)
	}
	r := rules.Analyze(in, tm, "")
	if slices.Contains(r.Required, "personal-data") || r.SecurityReview || len(r.Sensitive) > 0 {
		t.Errorf("research notes ask for reviews from their words: required %v, security %v, topics %v", r.Required, r.SecurityReview, r.Sensitive)
	}
	in.Labels = []string{"rgpd"}
	if tm = s.SelectFor(in); tm.Name != "research" {
		t.Fatalf("labelled rgpd: SelectFor = %s, want research", tm.Name)
	}
	if r = rules.Analyze(in, tm, ""); !slices.Contains(r.Required, "personal-data") || r.SecurityReview {
		t.Errorf("labelled rgpd: required %v, security %v; want the RGPD section only", r.Required, r.SecurityReview)
	}
}

func TestParseTemplateErrors(t *testing.T) {
	for _, c := range []struct {
		file  string
		line  int
		field string
		fr    string // a fragment of the French message
		en    string
	}{
		{"syntax.yml", 7, "", "YAML invalide", "invalid YAML"},
		{"unknown-key.yml", 6, "sections[0].requierd_when", "clé inconnue ; vouliez-vous dire required_when ?", "unknown key; did you mean required_when?"},
		{"bad-severity.yml", 9, "rules.story-benefit.severity", "gravité « blocker » inconnue", `unknown severity "blocker"`},
		{"unknown-condition.yml", 8, "sections[0].required_when[1]", "condition « when-public » inconnue", `unknown condition "when-public"`},
		{"duplicate-section.yml", 9, "sections[2].id", "« context » est déjà l'id de sections[0]", `"context" is already the id of sections[0]`},
		{"unknown-language.yml", 4, "title.de", "langue inconnue", "unknown language"},
		{"lowercase-acronym.yml", 10, "topics[0].acronyms[1]", "majuscules", "upper-case"},
		// The matcher splits words at a hyphen, and needs two capitals.
		{"unmatchable-acronym.yml", 10, "topics[0].acronyms[1]", "« COVID-19 » : un sigle", `"COVID-19": an acronym`},
		{"bad-category.yml", 9, "topics[0].category", "« finance » inconnue", `unknown "finance"`},
		{"bad-category-list.yml", 9, "topics[0].category[1]", "« finance » inconnue", `unknown "finance"`},
		{"bad-context.yml", 10, "topics[0].context", "« owner » inconnu", `unknown "owner"`},
		// A key written twice would have its first value dropped unseen.
		{"duplicate-key.yml", 11, "topics[0].keywords", "clé déjà donnée à la ligne 10", "key already given at line 10"},
		// A topic by its id alone needs a template to take it from.
		{"id-only-topic.yml", 8, "topics[0]", "sans extends, donnez sa catégorie", "without extends, give its category"},
		{"unknown-requires.yml", 11, "personas[0].requires[0]", "section « security-notes » inconnue", `section "security-notes" is not in this template`},
		{"bad-kind.yml", 5, "sections[0].kind", "« sentence » inconnu", `unknown "sentence"`},
		{"missing-name.yml", 1, "name", "obligatoire", "required"},
		{"shared-alias.yml", 7, "sections[1].aliases", "désigne déjà la section security-notes", "already names section security-notes"},
		{"unknown-extends.yml", 2, "extends", "modèle « parent » inconnu", `unknown template "parent"`},
		{"wrong-type.yml", 3, "labels", "une liste est attendue ici, pas « bug »", `a list is expected here, not "bug"`},
		{"unknown-rule.yml", 8, "rules.stroy-benefit", "règle « stroy-benefit » inconnue", `unknown rule "stroy-benefit"`},
	} {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "invalid", c.file))
			if err != nil {
				t.Fatal(err)
			}
			tm, err := ParseTemplate(data, c.file)
			if err == nil {
				t.Fatalf("parsed without error: %+v", tm)
			}
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error %T %v is not templates.Errors", err, err)
			}
			e := es[0]
			if e.Source != c.file || e.Line != c.line || e.Field != c.field {
				t.Errorf("located at %s:%d field %q, want %s:%d field %q (%v)", e.Source, e.Line, e.Field, c.file, c.line, c.field, err)
			}
			if fr := e.Localized(rules.FR); !strings.Contains(fr, c.fr) {
				t.Errorf("French message %q lacks %q", fr, c.fr)
			}
			if en := e.Localized(rules.EN); !strings.Contains(en, c.en) {
				t.Errorf("English message %q lacks %q", en, c.en)
			}
			wantPrefix := c.file + ":"
			if c.line > 0 {
				wantPrefix += strconv.Itoa(c.line) + ":"
			}
			if !strings.HasPrefix(err.Error(), wantPrefix) {
				t.Errorf("Error() = %q, want prefix %q", err.Error(), wantPrefix)
			}
		})
	}
}

func TestErrorsCollectsEveryProblem(t *testing.T) {
	data := []byte(`name: Bad Name
title: T
sections:
  - id: story
    kind: poem
    title: Récit
    required_when: [sometimes]
rules:
  story-format: {severity: fatal}
`)
	_, err := ParseTemplate(data, "x.yml")
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("got %v", err)
	}
	var lines []int
	for _, e := range es {
		lines = append(lines, e.Line)
	}
	if want := []int{1, 5, 7, 9}; !slices.Equal(lines, want) { // 9: the severity's own line
		t.Errorf("error lines = %v, want %v:\n%v", lines, want, err)
	}
}

// A file with mistakes of every kind — unknown keys, values of the wrong
// shape, missing texts, unknown values — gets them all at once, each with
// its line (issue #10: only the first was reported, and a missing section
// title had no line).
func TestEveryMistakeOfAFileIsReportedWithItsLine(t *testing.T) {
	data, err := os.ReadFile("testdata/invalid/many-mistakes.yml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = ParseTemplate(data, "many-mistakes.yml")
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("got %v", err)
	}
	type at struct {
		line  int
		field string
	}
	var got []at
	for _, e := range es {
		got = append(got, at{e.Line, e.Field})
	}
	want := []at{
		{2, "titel"},     // meant title: not also "title: required"
		{3, "labels[1]"}, // a list in a list of labels
		{6, "sections[0].kind"},
		{8, "sections[0].requierd_when"},
		{9, "sections[1].title"}, // missing: at the section's line
		{12, "sections[2].title.de"},
		{13, "sections[2].scan_topics"},
		{17, "personas[0].privileged"},
		{19, "rules.story-format.severity"},
		{20, "rules.stroy-benefit"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors at\n%v\nwant\n%v\n%v", got, want, err)
	}
	for _, e := range es {
		if !strings.HasPrefix(e.Error(), "many-mistakes.yml:"+strconv.Itoa(e.Line)+": "+e.Field+": ") {
			t.Errorf("%q does not start with its file, line and field", e.Error())
		}
	}
	if fr := es[7].Localized(rules.FR); !strings.HasSuffix(fr, "« oui » : true ou false attendu") {
		t.Errorf("boolean error in French: %q", fr)
	}
	if en := es[7].Localized(rules.EN); !strings.HasSuffix(en, `"oui": true or false expected`) {
		t.Errorf("boolean error in English: %q", en)
	}
}

// Every broken file of testdata/invalid is reported with a line for each
// problem: a person must be able to go to it.
func TestEveryTemplateErrorHasALine(t *testing.T) {
	files, err := filepath.Glob("testdata/invalid/*.yml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no files: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, err = mustBuiltin(t).Load(data, filepath.Base(f))
		var es Errors
		if !errors.As(err, &es) || len(es) == 0 {
			t.Errorf("%s: loaded without errors (%v)", f, err)
			continue
		}
		for _, e := range es {
			if e.Line == 0 {
				t.Errorf("%s: no line for %q", f, e.Error())
			}
		}
	}
}

func TestALabelOfTwoTemplatesIsReportedAtItsLine(t *testing.T) {
	data, err := os.ReadFile("testdata/invalid/label-twice.yml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = mustBuiltin(t).Load(data, "label-twice.yml")
	want := "label-twice.yml:9: panne.labels[1]: l'étiquette « Prod » sélectionne déjà le modèle incident / label \"Prod\" already selects template incident"
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

func TestLoadRepositoryOverrides(t *testing.T) {
	data, err := os.ReadFile("testdata/valid/repo-override.yml")
	if err != nil {
		t.Fatal(err)
	}
	base := mustBuiltin(t)
	s, err := base.Load(data, ".github/cochef.yml")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tm := range s.List() {
		names = append(names, tm.Name)
	}
	if want := []string{"user-story", "incident", "bug", "notes", "question", "research", "support", "technique"}; !slices.Equal(names, want) {
		t.Errorf("order = %v, want %v", names, want)
	}
	us, _ := s.Get("user-story")
	if !us.Default {
		t.Error("replacing the default template must keep it default")
	}
	if len(us.Personas) != 2 || us.Personas[1].Names[0] != "instructeur PAC" {
		t.Errorf("personas not replaced: %+v", us.Personas)
	}
	builtinUS, _ := base.Get("user-story")
	if len(us.Sections) != len(builtinUS.Sections) || len(us.Topics) != len(builtinUS.Topics) {
		t.Error("omitted keys were not inherited")
	}
	if got := s.Select([]string{"bug"}).Name; got != "incident" {
		t.Errorf("Select(bug) = %s: a repository's label must win over the built-in one", got)
	}
	if len(builtinUS.Personas) == 2 {
		t.Error("Load modified the base set")
	}
}

func TestWithNewDefault(t *testing.T) {
	base := mustBuiltin(t)
	mine := &rules.Template{Name: "mine", Default: true}
	s := base.With(mine)
	if s.List()[0] != mine || s.Default() != mine {
		t.Fatalf("new default not first: %v", s.List()[0].Name)
	}
	for _, tm := range s.List()[1:] {
		if tm.Default {
			t.Errorf("%s still default", tm.Name)
		}
	}
	if us, _ := base.Get("user-story"); !us.Default {
		t.Error("With modified the base set's template")
	}
}

func TestLoadRejectsTwoDefaults(t *testing.T) {
	data := []byte(`templates:
  - name: a
    title: A
    default: true
    sections: [{id: story, kind: story, title: Récit}]
  - name: b
    title: B
    default: true
    sections: [{id: story, kind: story, title: Récit}]
`)
	_, err := mustBuiltin(t).Load(data, "cochef.yml")
	if err == nil || !strings.Contains(err.Error(), "exactly one") {
		t.Fatalf("err = %v, want a default error", err)
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"Critères d'acceptation": "criteres d acceptation",
		"  Sécurité / RGPD ":     "securite rgpd",
		"dette_technique":        "dette technique",
		"ÉTANT DONNÉ":            "etant donne",
		"":                       "",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLoadForms(t *testing.T) {
	base := mustBuiltin(t)
	for name, data := range map[string]string{
		"single template": "name: spike\ntitle: Spike\nlabels: [spike]\nsections: [{id: question, title: Question, required_when: [always]}]\n",
		"list":            "- name: spike\n  title: Spike\n  labels: [spike]\n  sections: [{id: question, title: Question}]\n",
		"cochef.yml":      "lang: en\nlabels: {ready: {name: prêt}}\ntemplates:\n  - name: spike\n    title: Spike\n    labels: [spike]\n    sections: [{id: question, title: Question}]\n",
	} {
		s, err := base.Load([]byte(data), name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := s.Select([]string{"spike"}).Name; got != "spike" {
			t.Errorf("%s: Select(spike) = %s", name, got)
		}
	}
	// In a template list, unknown keys are still errors.
	_, err := base.Load([]byte("templates:\n  - name: spike\n    titel: Spike\n"), "cochef.yml")
	if err == nil || !strings.Contains(err.Error(), "cochef.yml:3: titel:") {
		t.Errorf("err = %v, want the typo located", err)
	}
}

// scan_topics: false is how a template keeps a section out of topic
// detection; the built-in out-of-scope sections use it.
func TestScanTopics(t *testing.T) {
	tm, err := ParseTemplate([]byte("name: mine\ntitle: Mine\nsections:\n  - {id: story, kind: story, title: Récit}\n  - {id: not-done, title: Exclu, scan_topics: false}\n  - {id: notes, title: Notes, scan_topics: true}\n"), "mine.yml")
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{false, true, false} {
		if got := tm.Sections[i].IgnoreTopics; got != want {
			t.Errorf("%s: IgnoreTopics %v, want %v", tm.Sections[i].ID, got, want)
		}
	}
	for _, name := range []string{"user-story", "technique"} {
		b, _ := mustBuiltin(t).Get(name)
		for _, sec := range b.Sections {
			if got, want := sec.IgnoreTopics, sec.ID == "out-of-scope"; got != want {
				t.Errorf("%s/%s: IgnoreTopics %v, want %v", name, sec.ID, got, want)
			}
		}
	}
}

// Validation compares names the way the engine matches them: two names it
// would take for one are refused, not left for the first to win silently.
func TestValidationUsesTheMatchersKeys(t *testing.T) {
	for _, c := range []struct {
		name, yaml string
		field      string // of the first error
		fr         string
	}{
		{"headings equal once punctuation is dropped", `name: mine
title: Mine
sections:
  - {id: acceptance-criteria, kind: criteria, title: Critères, aliases: [CA]}
  - {id: comments, title: Commentaires, aliases: [C.A.]}
`, "sections[1].aliases", "désigne déjà la section acceptance-criteria"},
		{"a section id is a heading too", `name: mine
title: Mine
sections:
  - {id: context, title: Contexte}
  - {id: background, title: Arrière-plan, aliases: [Context]}
`, "sections[1].aliases", "désigne déjà la section context"},
		{"persona names equal once stemmed", `name: mine
title: Mine
sections: [{id: story, kind: story, title: Récit}]
personas:
  - {id: admin, names: [administrateur], privileged: true}
  - {id: other, names: [administratrice]}
`, "personas[1].names[0]", "déjà un nom du profil admin"},
		{"keywords equal once folded", `name: mine
title: Mine
sections: [{id: story, kind: story, title: Récit}]
topics:
  - {id: a, category: security, keywords: [cœur de réseau]}
  - {id: b, category: security, keywords: [coeur de reseau]}
`, "topics[1].keywords[0]", "déjà un mot-clé du sujet a"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseTemplate([]byte(c.yaml), "mine.yml")
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("accepted: %v", err)
			}
			if es[0].Field != c.field || !strings.Contains(es[0].Localized(rules.FR), c.fr) {
				t.Errorf("first error %v, want field %s with %q", es[0], c.field, c.fr)
			}
		})
	}
	// Feminine and masculine forms of one persona stay welcome.
	if _, err := ParseTemplate([]byte("name: mine\ntitle: Mine\nsections: [{id: story, kind: story, title: Récit}]\npersonas:\n  - {id: admin, names: [administrateur, administratrice]}\n"), "mine.yml"); err != nil {
		t.Errorf("one persona's two forms: %v", err)
	}
}

func TestLoadRefusesTwoTemplatesOfOneName(t *testing.T) {
	data := []byte(`templates:
  - name: spike
    title: Spike
    sections: [{id: question, title: Question}]
  - name: spike
    title: Spike again
    sections: [{id: answer, title: Réponse}]
`)
	_, err := mustBuiltin(t).Load(data, "cochef.yml")
	if err == nil || !strings.Contains(err.Error(), "cochef.yml:5: name:") || !strings.Contains(err.Error(), "« spike »") {
		t.Fatalf("err = %v, want the second spike located", err)
	}
}

// A template that replaces the sections but inherits the personas must
// not keep a persona requiring a section it no longer has.
func TestLoadChecksInheritedRequires(t *testing.T) {
	data := []byte(`templates:
  - name: base
    title: Base
    sections:
      - {id: story, kind: story, title: Récit}
      - {id: recette, title: Recette}
    personas:
      - {id: rssi, names: [RSSI], requires: [recette]}
  - name: child
    extends: base
    labels: [child]
    sections:
      - {id: story, kind: story, title: Récit}
`)
	_, err := mustBuiltin(t).Load(data, "cochef.yml")
	if err == nil || !strings.Contains(err.Error(), "cochef.yml:9:") || !strings.Contains(err.Error(), "rssi") || !strings.Contains(err.Error(), "recette") {
		t.Fatalf("err = %v, want the child's inherited requires reported", err)
	}
}

// A topic may ask for both sections, and restrict where its keywords count.
func TestParseTopicCategoriesAndContext(t *testing.T) {
	tm, err := ParseTemplate([]byte(`name: t
title: T
sections:
  - {id: story, kind: story, title: Récit}
topics:
  - {id: identity, category: [personal-data, security], keywords: [titre de séjour]}
  - {id: contact, category: personal-data, context: person, keywords: [adresse]}
`), "t.yml")
	if err != nil {
		t.Fatal(err)
	}
	id, contact := tm.Topics[0], tm.Topics[1]
	if !id.Has(rules.CategorySecurity) || !id.Has(rules.CategoryPersonalData) || id.Context != rules.ContextAny {
		t.Errorf("identity: %+v", id)
	}
	if contact.Has(rules.CategorySecurity) || !contact.Has(rules.CategoryPersonalData) || contact.Context != rules.ContextPerson {
		t.Errorf("contact: %+v", contact)
	}
}

// A checklist question may say how a recette verifies it and to which
// stories it applies; recette_skip lists the statements that are not
// verified. Mistakes are told at their line.
func TestParseRecetteChecks(t *testing.T) {
	head := `name: t
title: T
sections:
  - {id: story, kind: story, title: Récit}
topics:
  - {id: access-control, category: security, keywords: [habilitation]}
`
	tm, err := ParseTemplate([]byte(head+`security_checklist:
  - "Besoins DICT ?"
  - fr: "Habilitations ?"
    en: "Access rights?"
    recette: {fr: "Un compte sans droit ne voit rien", en: "An account without rights sees nothing"}
    topics: [access-control]
    when: [privileged-role]
recette_skip: [Base légale]
`), "t.yml")
	if err != nil {
		t.Fatal(err)
	}
	if len(tm.SecurityChecklist) != 2 || tm.SecurityChecklist[1].Get(rules.EN) != "Access rights?" {
		t.Fatalf("questions %+v", tm.SecurityChecklist)
	}
	want := rules.RecetteCheck{Question: 1, Text: rules.Text{rules.FR: "Un compte sans droit ne voit rien", rules.EN: "An account without rights sees nothing"},
		Topics: []string{"access-control"}, When: []rules.Condition{rules.WhenPrivileged}}
	if len(tm.RecetteChecks) != 1 || !reflect.DeepEqual(tm.RecetteChecks[0], want) {
		t.Fatalf("recette checks %+v", tm.RecetteChecks)
	}
	if !slices.Equal(tm.RecetteSkip, []string{"Base légale"}) {
		t.Fatalf("recette_skip %v", tm.RecetteSkip)
	}

	for _, c := range []struct {
		name, checklist string
		line            int
		field, en       string
	}{
		{"unknown topic", "  - {fr: \"Q ?\", recette: V, topics: [access]}\n", 8, "security_checklist[0].topics[0]", `unknown topic "access"`},
		{"unknown condition", "  - {fr: \"Q ?\", recette: V, when: [admin]}\n", 8, "security_checklist[0].when[0]", `unknown condition "admin"`},
		{"applies to nothing", "  - {fr: \"Q ?\", recette: V}\n", 8, "security_checklist[0].recette", "say which stories"},
		{"tags without the check", "  - {fr: \"Q ?\", topics: [access-control]}\n", 8, "security_checklist[0].recette", "required with topics and when"},
		{"unknown key", "  - {fr: \"Q ?\", recete: V}\n", 8, "security_checklist[0].recete", "known keys: fr, en, recette, topics, when"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseTemplate([]byte(head+"security_checklist:\n"+c.checklist), "t.yml")
			var es Errors
			if !errors.As(err, &es) || len(es) != 1 {
				t.Fatalf("want one error, got %v", err)
			}
			if es[0].Line != c.line || es[0].Field != c.field || !strings.Contains(es[0].Localized(rules.EN), c.en) {
				t.Errorf("got %d %q %q, want %d %q …%s…", es[0].Line, es[0].Field, es[0].Localized(rules.EN), c.line, c.field, c.en)
			}
		})
	}
}

// The built-in checks are phrased for the delivered feature, in French and
// English, and each names what it applies to.
func TestBuiltinRecetteChecks(t *testing.T) {
	tpl := mustBuiltin(t).Default()
	if len(tpl.RecetteChecks) == 0 || len(tpl.RecetteChecks) >= len(tpl.SecurityChecklist) {
		t.Fatalf("%d recette checks for %d questions: the design questions stay out", len(tpl.RecetteChecks), len(tpl.SecurityChecklist))
	}
	for _, rc := range tpl.RecetteChecks {
		if rc.Text.Get(rules.FR) == "" || rc.Text[rules.EN] == "" || strings.HasSuffix(rc.Text[rules.FR], "?") || len(rc.Topics)+len(rc.When) == 0 {
			t.Errorf("check %+v", rc)
		}
	}
}

// A topic may be found by issue labels alone; one with neither keyword,
// acronym nor label is a mistake reported with its line.
func TestTopicLabels(t *testing.T) {
	base := mustBuiltin(t)
	s, err := base.Load([]byte(`templates:
  - name: projet
    extends: user-story
    labels: [projet]
    topics:
      - id: dpo
        category: personal-data
        labels: [dpo, "à voir avec la DPO"]
`), ".github/cochef.yml")
	if err != nil {
		t.Fatal(err)
	}
	tm, _ := s.Get("projet")
	if len(tm.Topics) != 1 || !slices.Equal(tm.Topics[0].Labels, []string{"dpo", "à voir avec la DPO"}) {
		t.Errorf("topics %+v", tm.Topics)
	}
	_, err = base.Load([]byte(`templates:
  - name: projet
    extends: user-story
    labels: [projet]
    topics:
      - id: vide
        category: security
`), ".github/cochef.yml")
	if err == nil || !strings.Contains(err.Error(), "cochef.yml:6: topics[0]: au moins un mot-clé, un sigle ou une étiquette est nécessaire") {
		t.Errorf("error %v", err)
	}
}

// BenchmarkSelectFor: choosing the template of an unlabelled issue with
// no title prefix reads its body (a story: once, with the default
// template; a non-story: once more per template at most).
func BenchmarkSelectFor(b *testing.B) {
	s, err := Builtin()
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		in   rules.Input
	}{
		{"story", rules.Input{Title: "Réserver les repas", Body: "ETQ parent, je veux réserver les repas de la cantine pour le mois suivant.\n\n## Critères d'acceptation\n- [ ] le calendrier s'ouvre le 15\n- [ ] un courriel récapitulatif est envoyé\n"}},
		{"bug report", rules.Input{Title: "Le bouton Valider ne répond plus", Body: "## Étapes pour reproduire\n1. Ouvrir une demande\n2. Cliquer sur Valider\n\n## Comportement attendu\nLa demande est transmise.\n\n## Comportement observé\nRien ne se passe.\n"}},
		{"notes", rules.Input{Title: "Réunion avec les agents d'accueil", Body: "- trois étapes\n- prochaine réunion en novembre\n"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s.SelectFor(c.in)
			}
		})
	}
}

// lead: true lets the opening prose fill a section; one text section of
// a template at most, and the built-in bug and technique templates use
// it for what was observed and for why.
func TestLeadField(t *testing.T) {
	tm, err := ParseTemplate([]byte("name: mine\ntitle: Mine\nsections:\n  - {id: story, kind: story, title: Récit}\n  - {id: why, title: Pourquoi, lead: true}\n"), "mine.yml")
	if err != nil {
		t.Fatal(err)
	}
	if !tm.Sections[1].Lead || tm.Sections[0].Lead {
		t.Errorf("lead: %v %v", tm.Sections[0].Lead, tm.Sections[1].Lead)
	}
	for _, c := range []struct{ yaml, field, msg string }{
		{"  - {id: story, kind: story, title: Récit, lead: true}\n", "sections[0].lead", "seule une section de type text"},
		{"  - {id: why, title: Pourquoi, lead: true}\n  - {id: what, title: Quoi, lead: true}\n", "sections[1].lead", "une seule section par modèle"},
	} {
		_, err := ParseTemplate([]byte("name: mine\ntitle: Mine\nsections:\n"+c.yaml), "mine.yml")
		if err == nil || !strings.Contains(err.Error(), c.field) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%q: err = %v, want %s: %s", c.yaml, err, c.field, c.msg)
		}
	}
	set := mustBuiltin(t)
	for name, want := range map[string]string{"bug": "actual", "technique": "context", "user-story": ""} {
		b, _ := set.Get(name)
		got := ""
		for _, sec := range b.Sections {
			if sec.Lead {
				got = sec.ID
			}
		}
		if got != want {
			t.Errorf("%s: lead section %q, want %q", name, got, want)
		}
	}
}
