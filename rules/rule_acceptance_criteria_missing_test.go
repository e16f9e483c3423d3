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
