package rules_test

import (
	"strings"
	"testing"

	"github.com/cochef/cochef/rules"
)

func TestRuleRoleUnknown(t *testing.T) {
	runRuleCases(t, "role-unknown", []ruleCase{
		{"known", "", "En tant qu'agente instructrice, je veux filtrer." + criteria, 0},
		{"known plural and article", "", "As the administrators, we want to lock accounts." + criteria, 0},
		{"unknown", "", "En tant que stagiaire, je veux consulter le planning." + criteria, 1},
		{"no role: story-format says it", "", "Ajouter un filtre." + criteria, 0},
	})
	// Without personas the rule has nothing to compare with.
	r := rules.Analyze(rules.Input{Body: "En tant que stagiaire, je veux consulter le planning."}, &rules.Template{Name: "bare"}, "")
	if len(fired(r, "role-unknown")) != 0 {
		t.Error("fired without personas")
	}
	f := fired(check(t, "", "En tant que stagiaire, je veux consulter le planning."+criteria), "role-unknown")[0]
	if !strings.Contains(f.Message, "« stagiaire »") || !strings.Contains(f.Message, "usager") || f.Fix != "- {id: stagiaire, names: [stagiaire]}" {
		t.Errorf("got %+v", f)
	}
}

func TestPersonaID(t *testing.T) {
	r := check(t, "", "ETQ Responsable de l'antenne (Nord), je veux relire la liste."+criteria)
	if f := fired(r, "role-unknown"); len(f) != 1 || f[0].Fix != "- {id: responsable-de-l-antenne-nord, names: [Responsable de l'antenne (Nord)]}" {
		t.Errorf("got %+v", f)
	}
}
