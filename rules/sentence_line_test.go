package rules_test

import "testing"

// A label line before the sentence does not shift the sentence's line.
func TestSentenceLineAfterLabel(t *testing.T) {
	for _, c := range []struct {
		name, body string
		line       int
	}{
		{"Récit label", "Récit :\nEn tant qu'agent, je veux filtrer les dossiers.\n", 2},
		{"US label", "\nUS 12 :\nEn tant qu'agent, je veux filtrer les dossiers.\n", 3},
		{"on one line", "US 12 : En tant qu'agent, je veux filtrer les dossiers.\n", 1},
		{"bold label", "**Récit**\nEn tant qu'agent, je veux filtrer les dossiers.\n", 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := check(t, "", c.body)
			if r.Story.Action == "" || r.Story.Line != c.line {
				t.Errorf("story %+v, want line %d", r.Story, c.line)
			}
		})
	}
}
