package rules_test

import (
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/rules"
)

// Bodies at GitHub's 65,536-character limit, built to hit every loop that
// could go quadratic, are analysed in well under a second.
func TestLargeBodies(t *testing.T) {
	const size = 65536
	fill := func(head, unit string) string {
		return head + strings.Repeat(unit, (size-len(head))/len(unit))
	}
	bodies := map[string]string{
		"vague terms on one line": fill("## Critères d'acceptation\n\n", "rapide "),
		"placeholders":            fill("## Notes de sécurité\n\n", "[rôle] "),
		"story markers":           fill("", "As a user, so I can so that "),
		"gherkin items":           fill("## CA\n\n", "- Étant donné x\n"),
		"headings":                fill("", "## Contexte\n\n"),
		"weak benefit markers":    fill("As a user, I want ", "so fast "),
		"open angles":             fill("", "<a "),
		"italic hints":            fill("", "_Décrivez…_\n\n"),
		"topics":                  fill("", "NIR date de naissance ProConnect "),
	}
	tmpl := builtin(t).Default()
	for name, body := range bodies {
		start := time.Now()
		r := rules.Analyze(rules.Input{Title: body[:80], Body: body}, tmpl, "")
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: %v", name, d)
		}
		if r.Template != "user-story" {
			t.Errorf("%s: template %q", name, r.Template)
		}
	}
}
