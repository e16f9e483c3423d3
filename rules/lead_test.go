package rules_test

import (
	"testing"

	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// The prose that opens a ticket stands for the template's lead section
// when no heading names it: a bug report opening with what goes wrong has
// said what was observed, a technical task opening with why has its
// context. A heading, a list or the story sentence is no lead.
func TestLeadSection(t *testing.T) {
	set, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, template, section, body string
		want                          rules.SectionState
	}{
		{"bug opening with what goes wrong", "bug", "actual",
			"Sur iPhone (iOS 17, Safari) le bouton reste grisé même quand tout est rempli.\n\nÉtapes :\n1. remplir le formulaire\n2. valider\n\nAttendu : le bouton s'active.\n",
			rules.SectionPresent},
		{"bug with its heading", "bug", "actual",
			"## Comportement observé\n\nLe bouton reste grisé.\n", rules.SectionPresent},
		{"bug opening with a list", "bug", "actual",
			"- remplir le formulaire\n- valider\n", rules.SectionMissing},
		{"bug whose opening is a placeholder", "bug", "actual",
			"<Ce qui se passe>\n\nÉtapes :\n1. valider\n", rules.SectionEmpty},
		{"technical task opening with why", "technique", "context",
			"La 4.2 LTS sort du support en avril. On passe en 5.2 LTS.\n\n- [ ] mettre à jour requirements.txt\n- [ ] passer la CI\n",
			rules.SectionPresent},
		{"technical task opening with its story sentence only", "technique", "context",
			"En tant que développeur, je veux monter Django en 5.2 afin de rester sur une version suivie.\n\n- [ ] passer la CI\n",
			rules.SectionMissing},
		{"technical task with its sentence, then why", "technique", "context",
			"En tant que développeur, je veux monter Django en 5.2.\n\nLa 4.2 sort du support en avril.\n",
			rules.SectionPresent},
		{"technical task opening with a heading", "technique", "context",
			"## Tâches\n\n- [ ] passer la CI\n", rules.SectionMissing},
		// user-story has no lead: its opening prose is its sentence or
		// its context, which it does not ask for.
		{"story template", "user-story", "context",
			"Les familles appellent pour connaître leur solde.\n\nEn tant que parent, je veux voir mon solde.\n", rules.SectionMissing},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tm, ok := set.Get(c.template)
			if !ok {
				t.Fatalf("no template %s", c.template)
			}
			r := rules.Analyze(rules.Input{Title: "Ticket", Body: c.body}, tm, "")
			if got := r.Sections[c.section]; got != c.want {
				t.Errorf("%s: %v, want %v", c.section, got, c.want)
			}
		})
	}
}
