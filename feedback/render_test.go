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
		{rules.FR, core.GitHub, []string{"Récit à compléter", "Bloquant", "À améliorer", "description du ticket", "`acceptance-criteria-missing`"}},
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
