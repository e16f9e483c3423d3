package rules_test

import (
	"strings"
	"testing"
)

func TestRuleSectionEmpty(t *testing.T) {
	admin := "En tant qu'administrateur, je veux désactiver un compte." + criteria + "\n## Notes de sécurité\n\n"
	runRuleCases(t, "section-empty", []ruleCase{
		{"answered", "", admin + "Le retrait est tracé dans le journal d'administration.\n", 0},
		{"blank", "", admin, 1},
		{"comment only", "", admin + "<!-- Répondez aux questions -->\n", 1},
		{"N/A alone", "", admin + "N/A\n", 1},
		{"sans objet with a reason", "", admin + "Sans objet : le compte reste désactivable par le seul support.\n", 0},
		{"hint left", "", admin + "Répondez aux questions de sécurité qui s'appliquent, ou écrivez « Sans objet : <raison> ».\n", 1},
		{"checklist not answered", "", admin + "- [ ] Habilitations : rôles, moindre privilège, comptes nominatifs, retrait des comptes, tracés ?\n", 1},
		{"checklist ticked", "", admin + "- [x] Habilitations : rôles, moindre privilège, comptes nominatifs, retrait des comptes, tracés ?\n", 0},
		{"optional empty section is no error", "", "En tant qu'agent, je veux filtrer." + criteria + "\n## Hors périmètre\n\n", 0},
	})
	r := check(t, "", admin+"N/A\n")
	f := fired(r, "section-empty")[0]
	if !strings.Contains(f.Message, "« sans objet »") || !strings.Contains(f.Fix, "Sans objet : <pourquoi") || f.Line != 7 {
		t.Errorf("got %+v", f)
	}
	if r.Sections["security-notes"] != "empty" {
		t.Errorf("state %q", r.Sections["security-notes"])
	}
}
