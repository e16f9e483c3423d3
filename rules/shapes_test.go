package rules_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/cochef/cochef/rules"
)

// TestGoldenShapes: each shape of the team's reference on how French
// stories are written (opener, need, placement, criteria) has a golden
// story, read into its role and need, and never blocked for its shape.
func TestGoldenShapes(t *testing.T) {
	set := builtin(t)
	for _, c := range []struct{ file, role, need string }{
		{"shape-etq-veux-list", "instructeur", "filtrer les dossiers par commune"},
		{"shape-etq-no-comma-task-list", "gestionnaire", "trier les demandes"},
		{"shape-en-tant-que-souhaite-numbered", "accompagnatrice", "proposer trois créneaux"},
		{"shape-indicative-plain-gherkin", "usager", "reçois un courriel"},
		{"shape-indicative-negation", "allocataire", "n'ai plus à ressaisir"},
		{"shape-passive", "usager", "mes justificatifs de ressources sont récupérés"},
		{"shape-peux-fenced-gherkin", "gestionnaire", "peux archiver un dossier"},
		{"shape-ne-peux-pas", "instructeur", "ne peux pas ouvrir"},
		{"shape-souhaiterai-misspelt", "agent d'accueil", "imprimer le récépissé"},
		{"shape-besoin", "agent", "exporter la liste"},
		{"shape-ne-dois-pas-pouvoir", "instructeur", "ne dois pas pouvoir modifier"},
		{"shape-aimerais-voudrais", "usager", "être prévenu"},
		{"shape-bare-infinitive", "DDETS", "relire la liste"},
		{"shape-plural", "partenaires", "partager un agenda"},
		{"shape-benefit-first-one-line", "demandeur", "réutiliser celles"},
		{"shape-benefit-first-three-lines", "usager", "recevoir un SMS"},
		{"shape-pleonastic-etq-qu", "administrateur", "désactive le compte"},
		{"shape-pleonastic-etd", "développeur", "un environnement de recette"},
		{"shape-clause-first", "instructeur", "relancer le demandeur"},
		{"shape-clause-first-no-role", "", "recevoir un accusé"},
		{"shape-title-only", "instructeur", "voir les pièces jointes"},
		{"shape-in-description", "instructeur", "planifier un rendez-vous"},
		{"shape-bold-three-lines", "assuré", "suivre l'état"},
		{"shape-regles-de-gestion", "gestionnaire", "que le montant de l'aide"},
		{"shape-no-criteria", "agent", "voir les horaires"},
		{"shape-en-benefit-first", "visitor", "see the opening hours"},
		{"shape-en-would-like", "caseworker", "see the history"},
	} {
		t.Run(c.file, func(t *testing.T) {
			g := readGolden(t, filepath.Join("testdata", "golden", c.file+".md"))
			r := rules.Analyze(g.in, set.Select(g.in.Labels), g.lang)
			if r.Story.Role != c.role || !strings.HasPrefix(r.Story.Action, c.need) {
				t.Errorf("role %q need %q, want %q and a need opening with %q", r.Story.Role, r.Story.Action, c.role, c.need)
			}
			for _, f := range fired(r, "story-format") {
				if f.Severity == rules.SeverityError {
					t.Errorf("a readable shape blocked: %+v", f)
				}
			}
		})
	}
}
