package rules_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/rules"
)

func TestRuleStoryUnique(t *testing.T) {
	res := backlog(t, rules.FR,
		"En tant qu'allocataire, je veux voir l'étape de ma demande afin de savoir quand j'aurai une réponse.",
		"En tant qu'allocataire, je veux consulter l'étape de ma demande pour savoir quand j'aurai une réponse.",
		"En tant qu'agent instructeur, je veux filtrer les dossiers par statut afin de traiter d'abord les plus anciens.",
		"En tant qu'agent instructeur, je veux filtrer les dossiers par date afin de traiter d'abord les plus anciens.",
		"En tant qu'usager, je veux payer ma facture en ligne.",
		"En tant qu'usager, je veux payer ma facture en ligne.",
	)
	want := []int{1, 1, 0, 0, 1, 1}
	for i, r := range res {
		if got := fired(r, "story-unique"); len(got) != want[i] {
			t.Errorf("story %d: %d story-unique findings, want %d: %+v", i+1, len(got), want[i], got)
		}
	}
	f := fired(res[0], "story-unique")[0]
	if !strings.Contains(f.Message, "n° 2") || !strings.Contains(f.Message, "consulter l'étape") {
		t.Errorf("message %q", f.Message)
	}
	if f := fired(res[5], "story-unique")[0]; !strings.Contains(f.Message, "similarité 100 %") {
		t.Errorf("copy: %q", f.Message)
	}
}

// A backlog read from a file names the other story by its line there,
// which is what the person can find; blank and comment lines make it
// differ from the story's rank.
func TestRuleStoryUniqueNamesFileLines(t *testing.T) {
	in := []rules.Input{
		{Title: "En tant qu'usager, je veux payer ma facture en ligne."},
		{Title: "En tant qu'agent, je veux trier les dossiers par date."},
		{Title: "En tant qu'usager, je veux payer ma facture en ligne."},
	}
	res := rules.AnalyzeBacklogAt(in, []int{4, 7, 12}, builtin(t).Default(), rules.FR)
	if f := fired(res[0], "story-unique"); len(f) != 1 || !strings.Contains(f[0].Message, "de la ligne 12") || strings.Contains(f[0].Message, "n° 3") {
		t.Errorf("first copy: %+v", f)
	}
	if f := fired(res[2], "story-unique"); len(f) != 1 || !strings.Contains(f[0].Message, "de la ligne 4") {
		t.Errorf("second copy: %+v", f)
	}
	en := rules.AnalyzeBacklogAt(in, []int{4, 7, 12}, builtin(t).Default(), rules.EN)
	if f := fired(en[0], "story-unique"); len(f) != 1 || !strings.Contains(f[0].Message, "on line 12") {
		t.Errorf("English: %+v", f)
	}
}

// A story copied many times gets a few findings, not one per copy, and
// the index keeps the work far from quadratic.
func TestRuleStoryUniqueScale(t *testing.T) {
	in := make([]rules.Input, 0, 2000)
	for i := range 1000 {
		in = append(in, rules.Input{Title: "As a user, I want to log in, so that I see my cases."})
		in = append(in, rules.Input{Title: fmt.Sprintf("As a clerk, I want to close case %d, so that file %d is archived.", i, i)})
	}
	start := time.Now()
	res := rules.AnalyzeBacklog(in, builtin(t).Default(), rules.EN)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("2,000 stories took %v", d)
	}
	if got := fired(res[0], "story-unique"); len(got) != 3 {
		t.Errorf("copied story: %d findings, want 3 (capped)", len(got))
	}
	if got := fired(res[1], "story-unique"); len(got) != 0 {
		t.Errorf("stories that differ in their numbers only: %+v", got)
	}
}
