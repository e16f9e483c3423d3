package rules_test

import (
	"strings"
	"testing"
)

func TestRuleSectionEmpty(t *testing.T) {
	admin := "En tant qu'administrateur, je veux changer le logo du site." + criteria + "\n## Notes de sécurité\n\n"
	runRuleCases(t, "section-empty", []ruleCase{
		{"answered", "", admin + "Le changement est tracé dans le journal d'administration.\n", 0},
		{"blank", "", admin, 1},
		{"comment only", "", admin + "<!-- Répondez aux questions -->\n", 1},
		{"N/A alone", "", admin + "N/A\n", 1},
		{"sans objet with a reason", "", admin + "Sans objet : le logo est une image publique, sans droit nouveau.\n", 0},
		{"hint left", "", admin + "Pour chaque question : cochez-la, répondez dessous ou écrivez « Sans objet : <raison> ».\n", 1},
		{"checklist not answered", "", admin + "- [ ] Habilitations : rôles, moindre privilège, comptes nominatifs, retrait des comptes, tracés ?\n", 1},
		{"checklist ticked", "", admin + "- [x] Habilitations : rôles, moindre privilège, comptes nominatifs, retrait des comptes, tracés ?\n", 0},
		{"answered on its line", "", admin + "- [ ] Habilitations : rôles, moindre privilège, comptes nominatifs, retrait des comptes, tracés ? Le rôle existant suffit.\n", 0},
		{"answered under it", "", admin + "- [ ] Habilitations : rôles, moindre privilège, comptes nominatifs, retrait des comptes, tracés ?\n  - Le rôle existant suffit, rien de nouveau.\n", 0},
		{"sans objet under it", "", admin + "- [ ] Habilitations : rôles, moindre privilège, comptes nominatifs, retrait des comptes, tracés ?\n\n  Sans objet : aucun droit nouveau.\n", 0},
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

// One ticked question of eleven does not make the section complete: the
// finding names every question left, and only those.
func TestSecurityChecklistEachQuestion(t *testing.T) {
	admin := "En tant qu'administrateur, je veux changer le logo du site." + criteria
	missing := fired(check(t, "", admin), "section-missing")
	if len(missing) != 1 {
		t.Fatalf("section-missing: %+v", missing)
	}
	pasted := check(t, "", admin+"\n"+missing[0].Fix+"\n")
	f := fired(pasted, "section-empty")
	if len(f) != 1 || !strings.Contains(f[0].Message, "11 questions sans réponse") || f[0].Fix != "" {
		t.Fatalf("skeleton pasted: %+v", f)
	}
	// Tick the first, answer the second under it: nine are left.
	body := strings.Replace(missing[0].Fix, "- [ ] Besoins DICT", "- [x] Besoins DICT", 1)
	body = strings.Replace(body, "La collecte est-elle minimale ?", "La collecte est-elle minimale ?\n  Aucune donnée personnelle.", 1)
	r := check(t, "", admin+"\n"+body+"\n")
	f = fired(r, "section-empty")
	if len(f) != 1 || !strings.Contains(f[0].Message, "9 questions sans réponse") ||
		strings.Contains(f[0].Message, "1. « Besoins DICT") || strings.Contains(f[0].Message, "2. « Données personnelles") ||
		!strings.Contains(f[0].Message, "3. « Base légale") {
		t.Errorf("two answered: %+v", f)
	}
}

// The RGPD skeleton, pasted, names its labels left to fill.
func TestPersonalDataSkeleton(t *testing.T) {
	story := "ETQ agent, je veux modifier l'adresse d'un allocataire." + criteria
	missing := fired(check(t, "", story), "section-missing")
	if len(missing) != 1 || !strings.Contains(missing[0].Fix, "Finalité : <pour quoi faire ?>") {
		t.Fatalf("section-missing: %+v", missing)
	}
	r := check(t, "", story+"\n"+missing[0].Fix+"\n")
	f := fired(r, "section-empty")
	if len(f) != 1 || !strings.Contains(f[0].Message, "« <pour quoi faire ?> » (Finalité)") || f[0].Fix != "" {
		t.Fatalf("pasted: %+v", f)
	}
	filled := strings.NewReplacer("<lesquelles ?>", "l'adresse postale", "<pour quoi faire ?>", "envoyer les courriers",
		"<laquelle ?>", "mission de service public", "<combien de temps ?>", "deux ans après la clôture", "<mis à jour ?>", "oui").Replace(missing[0].Fix)
	if got := fired(check(t, "", story+"\n"+filled+"\n"), "section-empty"); len(got) != 0 {
		t.Errorf("filled: %+v", got)
	}
	half := strings.Replace(filled, "envoyer les courriers", "<pour quoi faire ?>", 1)
	if got := fired(check(t, "", story+"\n"+half+"\n"), "section-empty"); len(got) != 1 || !strings.Contains(got[0].Message, "(Finalité)") {
		t.Errorf("one left: %+v", got)
	}
}
