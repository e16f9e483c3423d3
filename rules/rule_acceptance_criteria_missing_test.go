package rules_test

import (
	"strings"
	"testing"
)

func TestRuleAcceptanceCriteriaMissing(t *testing.T) {
	story := "En tant qu'agent, je veux filtrer les dossiers.\n"
	runRuleCases(t, "acceptance-criteria-missing", []ruleCase{
		{"task list", "", story + criteria, 0},
		{"gherkin fence without heading", "", story + "\n```gherkin\nScénario: filtre\n  Quand je filtre\n  Alors je vois\n```\n", 0},
		{"plain gherkin lines under CA", "", story + "\n**CA**\nÉtant donné un dossier\nQuand je filtre\nAlors il s'affiche\n", 0},
		{"paragraph criteria", "", story + "\n## AC\n\nLe filtre garde la date choisie entre deux visites.\n", 0},
		// A GitHub or GitLab task list right under the sentence, with no
		// heading: the team's criteria.
		{"task list without heading", "", story + "\n- [ ] Le filtre propose les statuts\n- [ ] Le filtre reste choisi\n", 0},
		{"task list under an unknown heading", "", story + "\n### À faire\n\n- [ ] Le filtre propose les statuts\n", 0},
		// So is a plain list right under the sentence, when the issue has
		// no criteria heading at all; a list before the sentence is its
		// context.
		{"plain list under the sentence", "", story + "\n- le filtre propose les statuts\n", 0},
		{"plain list before the sentence", "", "Aujourd'hui :\n\n- les agents trient à la main\n\n" + story, 1},
		{"plain list under a title that is the sentence", "En tant qu'agent, je veux filtrer les dossiers", "Sur la liste :\n\n- un filtre par statut\n", 0},
		// "CA : …", the label and its criterion on one line.
		{"inline criteria label", "", story + "\nCA : un seul filtre actif à la fois.\n", 0},
		{"inline label of another section", "", story + "\nContexte : les agents trient à la main.\n", 1},
		{"task list under out of scope", "", story + "\n## Hors périmètre\n\n- [ ] Le filtre par commune\n", 1},
		{"empty boxes without heading", "", story + "\n- [ ]\n- [ ]\n", 1},
		// "Règles de gestion" are criteria for French teams.
		{"business rules only", "", story + "\nRègles de gestion :\n- le filtre est conservé une journée\n", 0},
		{"empty criteria beside business rules", "", story + "\n## Règles de gestion\n\n- un dossier clos n'apparaît plus\n\n## Critères d'acceptation\n\n<!-- à remplir -->\n", 1},
		{"no section", "", story, 1},
		{"empty section", "", story + "\n## Critères d'acceptation\n\n<!-- Écrivez vos scénarios ici -->\n", 1},
		{"only a placeholder", "", story + "\n## Critères d'acceptation\n\n- [ ] [critère vérifiable]\n", 1},
		{"only empty task boxes", "", story + "\n## Critères d'acceptation\n\n- [ ]\n- [ ]\n", 1},
		{"an empty box beside a criterion", "", story + "\n## Critères d'acceptation\n\n- [ ] Le filtre garde la date choisie\n- [ ]\n", 0},
	})
	// Empty boxes are template text: no criterion, and the message says
	// what is there rather than "nothing".
	boxes := check(t, "", story+"\n## Critères d'acceptation\n\n- [ ]\n- [x]\n")
	if boxes.Ready || boxes.Criteria.Count != 0 || boxes.Sections["acceptance-criteria"] != "empty" {
		t.Errorf("empty boxes: ready %v, %d criteria, section %q", boxes.Ready, boxes.Criteria.Count, boxes.Sections["acceptance-criteria"])
	}
	if f := fired(boxes, "acceptance-criteria-missing"); len(f) != 1 || !strings.Contains(f[0].Message, "cases vides") {
		t.Errorf("empty boxes: findings %+v", f)
	}
	r := check(t, "", story+"\n## Critères d'acceptation\n\n<!-- à remplir -->\n")
	f := fired(r, "acceptance-criteria-missing")[0]
	if f.Line != 3 || f.Severity != "error" || r.Ready {
		t.Errorf("line %d severity %s ready %v", f.Line, f.Severity, r.Ready)
	}
	if !strings.HasPrefix(f.Fix, "## Critères d'acceptation\n\n```gherkin\nScénario") {
		t.Errorf("fix %q", f.Fix)
	}
	if r.Sections["acceptance-criteria"] != "empty" {
		t.Errorf("section state %q", r.Sections["acceptance-criteria"])
	}
}
