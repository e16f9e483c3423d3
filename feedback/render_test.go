package feedback

import (
	"strings"
	"testing"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

func TestRenderFeedbackBothLanguages(t *testing.T) {
	fs := []rules.Finding{
		{Rule: "acceptance-criteria-missing", Severity: rules.SeverityError, Message: "Ajoutez des critères pour @alice", Fix: "## Critères\n- [ ] …"},
		{Rule: "story-benefit", Severity: rules.SeverityWarning, Message: "Bénéfice absent"},
	}
	for _, tc := range []struct {
		lang     rules.Lang
		platform string
		want     []string
	}{
		{rules.FR, core.GitHub, []string{"Récit à compléter", "Bloquant", "À améliorer", "issue", "`acceptance-criteria-missing`"}},
		{rules.EN, core.GitLab, []string{"Story needs work", "Blocking", "To improve", "`story-benefit`"}},
	} {
		body, err := RenderFeedback(tc.lang, tc.platform, FeedbackView{Template: "user-story", Findings: fs})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(body, MarkerFeedback) {
			t.Errorf("%s: body does not start with the marker", tc.lang)
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: body lacks %q:\n%s", tc.lang, w, body)
			}
		}
		if core.Pings(body) {
			t.Errorf("%s: body pings someone:\n%s", tc.lang, body)
		}
	}
}

func TestRenderFeedbackStaysUnderLimit(t *testing.T) {
	var fs []rules.Finding
	for i := 0; i < 3000; i++ {
		fs = append(fs, rules.Finding{Rule: "section-empty", Severity: rules.SeverityWarning, Message: strings.Repeat("x", 60), Fix: strings.Repeat("y", 40)})
	}
	body, err := RenderFeedback(rules.FR, core.GitHub, FeedbackView{Template: "user-story", Findings: fs, TemplateBody: strings.Repeat("z", 5000)})
	if err != nil {
		t.Fatal(err)
	}
	if len(body) >= core.MaxCommentLen {
		t.Fatalf("body is %d characters, limit %d", len(body), core.MaxCommentLen)
	}
	if !strings.Contains(body, "autres remarques non affichées") {
		t.Fatal("truncated body does not say findings were left out")
	}
}

func TestRenderMention(t *testing.T) {
	body, err := RenderMention(rules.FR, "security", []string{"@org/rssi"}, false, []string{"personal-data"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(body, MarkerMentionSecurity) || !strings.Contains(body, "@org/rssi") || !strings.Contains(body, "personal-data") {
		t.Fatalf("mention body: %q", body)
	}
}

// The story knows its recette: one line names the pull or merge requests
// that close it and where its items stand in each; none without one.
func TestFeedbackShowsTheRecetteProgress(t *testing.T) {
	story := core.IssueRef{Repo: core.Repo{Platform: core.GitLab, FullName: "min/demarches"}, Number: 4}
	mr := func(repo string, n int) core.IssueRef {
		return core.IssueRef{Repo: core.Repo{Platform: core.GitLab, FullName: repo}, Number: n, MergeRequest: true}
	}
	ps := []core.RecetteProgress{
		{MergeRequest: mr("min/demarches", 12), URL: "https://gitlab.example/min/demarches/-/merge_requests/12#note_5", Done: 3, Total: 5, Refused: 1},
		{MergeRequest: mr("min/front", 2), URL: "https://gitlab.example/min/front/-/merge_requests/2#note_9", Total: 5},
		{MergeRequest: mr("min/demarches", 14), URL: "javascript:alert(1)", Total: 0},
	}
	for _, c := range []struct {
		lang rules.Lang
		want string
	}{
		{rules.FR, "**Recette** : 3/5 validés, 1 refusé dans [!12](https://gitlab.example/min/demarches/-/merge_requests/12#note_5) ; 0/5 validé dans [min/front!2](https://gitlab.example/min/front/-/merge_requests/2#note_9) ; aucun critère à valider dans !14\n"},
		{rules.EN, "**Acceptance**: 3/5 validated, 1 rejected in [!12](https://gitlab.example/min/demarches/-/merge_requests/12#note_5); 0/5 validated in [min/front!2](https://gitlab.example/min/front/-/merge_requests/2#note_9); no criterion to validate in !14\n"},
	} {
		for _, ready := range []bool{false, true} {
			body, err := RenderFeedback(c.lang, core.GitLab, FeedbackView{Template: "user-story", Ready: ready, Recettes: recetteLines(story, ps)})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(body, c.want) {
				t.Errorf("%s ready=%v: no progress line %q in:\n%s", c.lang, ready, c.want, body)
			}
		}
		body, err := RenderFeedback(c.lang, core.GitLab, FeedbackView{Template: "user-story"})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(body, "**Recette**") || strings.Contains(body, "**Acceptance**") {
			t.Errorf("%s: a progress line without a recette:\n%s", c.lang, body)
		}
	}
}
