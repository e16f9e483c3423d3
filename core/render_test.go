package core

import (
	"strings"
	"testing"

	"github.com/cochef/cochef/rules"
)

func TestNeutralizeNeverPings(t *testing.T) {
	// Each input holds one would-be mention of a name; the output must
	// hold a zero-width joiner right after the at-sign, before the name
	// (escaped or not), so no platform reads a mention.
	cases := map[string]struct{ in, name string }{
		"plain":              {"ping @alice please", "alice"},
		"team":               {"ask @org/rssi", "org/rssi"},
		"entity":             {"ask &#64;bob", "bob"},
		"named entity":       {"ask &commat;bob", "bob"},
		"hex entity":         {"ask &#x40;bob", "bob"},
		"start of text":      {"@carol", "carol"},
		"underscore":         {"hi @_frank", `\_frank`},
		"dot (GitLab names)": {"hi @.dot", ".dot"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			out := Neutralize(c.in)
			if !strings.Contains(out, "@\u200d"+c.name) {
				t.Fatalf("Neutralize(%q) = %q: want %q after a joined at-sign", c.in, out, c.name)
			}
			if strings.Contains(out, "@"+c.name) || strings.Contains(out, "@\\") {
				t.Fatalf("Neutralize(%q) = %q still holds a mention", c.in, out)
			}
		})
	}
}

func TestNeutralizeKeepsMarkdownFlat(t *testing.T) {
	out := Neutralize("**bold** <script>x</script> [link](http://x) `code`\n# heading | cell")
	for _, bad := range []string{"<script>", "**bold**", "[link](", "\n", " `code`"} {
		if strings.Contains(out, bad) {
			t.Errorf("Neutralize left %q in %q", bad, out)
		}
	}
}

func TestFenceIsLongerThanAnyBacktickRun(t *testing.T) {
	in := "a ```` run\nand ``` another"
	out := fence(in, "markdown", 2)
	first := strings.SplitN(out, "\n", 2)[0]
	if first != "  `````markdown" {
		t.Fatalf("opening fence %q, want five backticks indented by two", first)
	}
	if !strings.HasSuffix(out, "\n  `````") {
		t.Fatalf("closing fence wrong: %q", out)
	}
}

func TestInlineCode(t *testing.T) {
	if got := inlineCode("a`b"); got != "``a`b``" {
		t.Fatalf("inlineCode = %q", got)
	}
	if got := inlineCode("`x"); got != "`` `x ``" {
		t.Fatalf("inlineCode = %q", got)
	}
}

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
		{rules.FR, GitHub, []string{"Récit à compléter", "Bloquant", "À améliorer", "issue", "`acceptance-criteria-missing`"}},
		{rules.EN, GitLab, []string{"Story needs work", "Blocking", "To improve", "`story-benefit`"}},
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
		if mentionRe.MatchString(body) {
			t.Errorf("%s: body pings someone:\n%s", tc.lang, body)
		}
	}
}

func TestRenderFeedbackStaysUnderLimit(t *testing.T) {
	var fs []rules.Finding
	for i := 0; i < 3000; i++ {
		fs = append(fs, rules.Finding{Rule: "section-empty", Severity: rules.SeverityWarning, Message: strings.Repeat("x", 60), Fix: strings.Repeat("y", 40)})
	}
	body, err := RenderFeedback(rules.FR, GitHub, FeedbackView{Template: "user-story", Findings: fs, TemplateBody: strings.Repeat("z", 5000)})
	if err != nil {
		t.Fatal(err)
	}
	if len(body) >= MaxCommentLen {
		t.Fatalf("body is %d characters, limit %d", len(body), MaxCommentLen)
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

func TestCutAtLine(t *testing.T) {
	s := "première ligne\ndeuxième ligne très longue"
	if got := cutAtLine(s, 22); got != "première ligne\n" {
		t.Errorf("cut inside the second line = %q, want the first line whole", got)
	}
	// "é" is two bytes: a cut between them must not leave half of it.
	if got := cutAtLine("café", 4); got != "caf" {
		t.Errorf("cut inside a character = %q", got)
	}
	if got := cutAtLine("court", 10); got != "court" {
		t.Errorf("no cut needed = %q", got)
	}
}
