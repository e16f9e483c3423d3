package rules_test

import (
	"strings"
	"testing"

	"github.com/cochef/cochef/rules"
)

func backlog(t *testing.T, lang rules.Lang, lines ...string) []rules.Result {
	t.Helper()
	in := make([]rules.Input, len(lines))
	for i, l := range lines {
		in[i] = rules.Input{Title: l}
	}
	return rules.AnalyzeBacklog(in, builtin(t).Default(), lang)
}

func TestRuleStoryUniform(t *testing.T) {
	res := backlog(t, "",
		"As a user, I want to log in, so that I see my cases.",
		"As an agent, I want to sort cases, so that I handle the oldest first.",
		"As a manager, I want a weekly report, so that I plan the team's work.",
		"As a user, I would like to reset my password, in order to log in again.",
		"As a user, I want to print a receipt.",
	)
	for i, r := range res {
		got := fired(r, "story-uniform")
		want := 0
		if i == 3 {
			want = 1
		}
		if len(got) != want {
			t.Errorf("story %d: %d story-uniform findings, want %d: %+v", i+1, len(got), want, got)
		}
	}
	f := fired(res[3], "story-uniform")[0]
	for _, part := range []string{"“I would like” instead of “I want”", "“As a … I want …”"} {
		if !strings.Contains(f.Message, part) {
			t.Errorf("message %q lacks %q", f.Message, part)
		}
	}
	// The benefit and its marker are not part of a backlog's template:
	// the fix keeps them as the author wrote them.
	if strings.Contains(f.Message, "in order to") {
		t.Errorf("message %q names the benefit marker", f.Message)
	}
	if f.Fix != "As a user, I want to reset my password, in order to log in again." {
		t.Errorf("fix %q", f.Fix)
	}
	// A single story, or a backlog with no majority, has no dominant form.
	if got := fired(backlog(t, "", "As a user, I would like to log in.")[0], "story-uniform"); len(got) != 0 {
		t.Errorf("fired on one story: %+v", got)
	}
	mixed := backlog(t, "", "ETQ agent, je veux trier.", "En tant qu'agent, je souhaite filtrer.", "As a user, I need a report.")
	for i, r := range mixed {
		if got := fired(r, "story-uniform"); len(got) != 0 {
			t.Errorf("mixed backlog story %d: %+v", i+1, got)
		}
	}
}

// A backlog in two languages has a dominant form per language: an English
// story is not told to write « En tant que … je veux … ».
func TestRuleStoryUniformPerLanguage(t *testing.T) {
	res := backlog(t, rules.FR,
		"En tant qu'agent, je veux trier les dossiers afin de traiter les plus anciens.",
		"En tant qu'usager, je veux payer en ligne afin de gagner du temps.",
		"En tant que gestionnaire, je veux une alerte afin de respecter le délai.",
		"ETQ usager, je souhaite voir mes rendez-vous afin de ne pas les manquer.",
		"As a caseworker, I want to add a note to a case so that my colleagues know what was done.",
		"As a user, I want to reset my password so that I can log in again.",
		"As a manager, I want a weekly report so that I can plan the team's work.",
		"As a visitor, I would like to see the hours so that I do not travel for nothing.",
	)
	for i, r := range res {
		got := fired(r, "story-uniform")
		want := 0
		if i == 3 || i == 7 {
			want = 1
		}
		if len(got) != want {
			t.Fatalf("story %d: %d story-uniform findings, want %d: %+v", i+1, len(got), want, got)
		}
	}
	fr := fired(res[3], "story-uniform")[0]
	if !strings.Contains(fr.Message, "« En tant que … je veux … »") || !strings.Contains(fr.Message, "le besoin « je souhaite » au lieu de « je veux »") || fr.Fix != "En tant qu'usager, je veux voir mes rendez-vous afin de ne pas les manquer." {
		t.Errorf("French story: %+v", fr)
	}
	en := fired(res[7], "story-uniform")[0]
	if !strings.Contains(en.Message, "« As a … I want … »") || strings.Contains(en.Message, "En tant que") {
		t.Errorf("English story told the French form: %q", en.Message)
	}
	if en.Fix != "As a visitor, I want to see the hours, so that I do not travel for nothing." {
		t.Errorf("English fix %q", en.Fix)
	}
	// One English story among French ones has no form to follow.
	lone := backlog(t, "",
		"En tant qu'agent, je veux trier les dossiers afin de traiter les plus anciens.",
		"En tant qu'usager, je veux payer en ligne afin de gagner du temps.",
		"En tant que gestionnaire, je veux une alerte afin de respecter le délai.",
		"As a caseworker, I want to add a note so that my colleagues know.",
	)
	if got := fired(lone[3], "story-uniform"); len(got) != 0 {
		t.Errorf("lone English story: %+v", got)
	}
}
