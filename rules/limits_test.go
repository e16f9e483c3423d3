package rules_test

import (
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/cochef/cochef/rules"
)

// Bodies at GitHub's 65,536-character limit, built to hit every loop that
// could go quadratic, are analysed within the memory budget of the hostile
// shapes (32 MiB), and still read for what they are: speed must not come
// from giving up on big bodies. Their time is a benchmark's to measure
// (BenchmarkAnalyzeShapes), not a unit test's: a wall-clock bound failed
// on a loaded machine for the base commit as for the change.
func TestLargeBodies(t *testing.T) {
	const size = 65536
	fill := func(head, unit string) string {
		return head + strings.Repeat(unit, (size-len(head))/len(unit))
	}
	count := func(r rules.Result, rule string) int { return len(fired(r, rule)) }
	// What the first analysis compiles or caches is not the body's cost:
	// run alone, the first case went over the budget by that alone.
	rules.Analyze(rules.Input{Title: "Voir", Body: "En tant qu'usager, je veux voir mes demandes."}, builtin(t).Default(), "")
	for _, c := range []struct {
		name, body string
		ok         func(r rules.Result) bool
		want       string
	}{
		{"vague terms on one line", fill("## Critères d'acceptation\n\n", "rapide "),
			func(r rules.Result) bool { return r.Criteria.Count == 1 && count(r, "acceptance-criteria-vague") == 1 },
			"one vague criterion"},
		{"placeholders", fill("## Notes de sécurité\n\n", "[rôle] "),
			func(r rules.Result) bool { return count(r, "template-placeholder") >= 1 },
			"the placeholder reported"},
		{"story markers", fill("", "As a user, so I can so that "),
			func(r rules.Result) bool {
				return strings.HasPrefix(r.Story.Role, "user") && count(r, "story-format") == 1
			},
			"a role and no action"},
		{"gherkin items", fill("## CA\n\n", "- Étant donné x\n"),
			func(r rules.Result) bool { return r.Criteria.Gherkin == 1 && count(r, "gherkin-incomplete") == 1 },
			"one scenario without an outcome"},
		{"headings", fill("", "## Contexte\n\n"),
			func(r rules.Result) bool { return r.Sections["context"] == rules.SectionEmpty },
			"an empty context"},
		{"weak benefit markers", fill("As a user, I want ", "so fast "),
			func(r rules.Result) bool {
				return r.Story.Role == "user" && r.Story.Benefit == "" && count(r, "story-benefit") == 1 && count(r, "story-ambiguous") == 1
			},
			"a sentence with no benefit and a vague term"},
		{"open angles", fill("", "<a "),
			func(r rules.Result) bool { return count(r, "story-format") == 1 && r.Criteria.Count == 0 },
			"no sentence, no criteria"},
		{"italic hints", fill("", "_Décrivez…_\n\n"),
			func(r rules.Result) bool {
				ph := fired(r, "template-placeholder")
				return len(ph) == 20 && strings.HasPrefix(ph[19].Message, "Et 4\u202f077 autres endroits à reprendre")
			},
			"the first 19 hints reported, and a count of the 4,077 others"},
		// The role runs to the action marker: matching it against the
		// persona names must not grow with the cube of its length. (A
		// sentence is looked for in the first 4 KB of a paragraph.)
		{"a role of a thousand words", "En tant que " + strings.Repeat("mot ", 1000) + ", je veux filtrer.",
			func(r rules.Result) bool { return r.Persona == "" && len(fired(r, "role-unknown")) == 1 },
			"an unknown role"},
		{"topics", fill("", "NIR date de naissance ProConnect "),
			func(r rules.Result) bool {
				return r.SecurityReview && slices.Contains(r.Sensitive, "identity") && slices.Contains(r.Sensitive, "civil-status")
			},
			"identity and civil status, with a review"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tmpl := builtin(t).Default()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			r := rules.Analyze(rules.Input{Title: c.body[:80], Body: c.body}, tmpl, "")
			runtime.ReadMemStats(&after)
			if a := after.TotalAlloc - before.TotalAlloc; a > 32<<20 {
				t.Errorf("allocated %.1f MiB, over the budget of 32", float64(a)/(1<<20))
			}
			if !c.ok(r) {
				t.Errorf("want %s; got role %.40q action %.40q, criteria %+v, sensitive %v, %d findings", c.want, r.Story.Role, r.Story.Action, r.Criteria, r.Sensitive, len(r.Findings))
			}
		})
	}
}
