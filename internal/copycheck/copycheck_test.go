package copycheck

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		text, lang, want string // want: the check expected, "" for none
	}{
		{"La section de l'accueil est vide.", "fr", ""},
		{"Le récit de l'demande est vide.", "fr", "elision"},
		{"Le profil de le service manque.", "fr", "contraction"},
		{"Il répond à le courriel.", "fr", "contraction"},
		{"Il faut les relire afin de les vérifier.", "fr", ""},
		{"Ajoutez un bénéfice afin de il sache pourquoi.", "fr", "afin-de"},
		{"Ajoutez un bénéfice afin qu'il sache pourquoi.", "fr", ""},
		{"Voici quoi faire.", "fr", "voici-quoi"},
		{"En tant que usager, je veux…", "fr", "elision"},
		{"En tant qu'usager, je veux…", "fr", ""},
		{"Si il manque une pièce.", "fr", "elision"},
		{"La story semble réunir deux besoins.", "fr", "english-in-french"},
		{"Le récit « As a user, I want the story » est en anglais.", "fr", ""},
		{"Section manquante (demandée : rôle privilégié).", "fr", "mixed-label"},
		{"Le récit de {other} est proche.", "fr", "unfilled"},
		{"Valeur : %s", "fr", "unfilled"},
		{"Valeur : <nil>", "fr", "unfilled"},
		{"Remplacez « <profil> » par le profil.", "fr", ""},
		{"The story is missing a benefit.", "en", ""},
		{"The récit is missing.", "en", "french-in-english"},
		{"As a administrator, I want…", "en", "article"},
		{"As a user, I want…", "en", ""},
		{"Missing section (asked: privileged role).", "en", "mixed-label"},
		{"Valeur : <no value>", "fr", "unfilled"},
		{"Sujets sensibles : person-records (asked: sensitive topic)", "fr", "english-in-french"},
		{"Le profil manque : pour qui est ce besoin ?.", "fr", "double-punctuation"},
		{"The role is missing: whose need is this?.", "en", "double-punctuation"},
		{"Le profil manque: écrivez-le.", "fr", "space-before"},
		{"Voir https://exemple.gouv.fr/aide : la page.", "fr", ""},
		{"À ajouter :\n\n````markdown\n## Critères\n\n```gherkin\nGiven the story\n```\n````\n\nSuite.", "fr", ""},
		{"À ajouter :\n\n````markdown\n```gherkin\n```\n````\n\nThe story.", "fr", "english-in-french"},
		{"Ligne à ajouter : {id: stagiaire, names: [stagiaire]}", "fr", ""},
		{"Partez [du formulaire « Récit »](https://github.com/o/r/issues/new?template=user-story.yml).", "fr", ""},
		{"Voir https://gitlab.example/-/issues/new?issuable_template=user-story pour la suite.", "fr", ""},
		{"Partez [du template](https://github.com/o/r).", "fr", "english-in-french"},
	} {
		got := Check(c.text, c.lang)
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("%q: %v", c.text, got)
		case c.want != "" && (len(got) == 0 || !strings.Contains(got[0].Check, c.want)):
			t.Errorf("%q: %v, want %s", c.text, got, c.want)
		}
	}
}

type recorder struct{ errs []string }

func (r *recorder) Helper()                           {}
func (r *recorder) Errorf(format string, args ...any) { r.errs = append(r.errs, format) }

func TestReport(t *testing.T) {
	var r recorder
	Report(&r, "test", "La story de le service.", "fr")
	if len(r.errs) != 2 {
		t.Errorf("%d errors, want 2", len(r.errs))
	}
}
