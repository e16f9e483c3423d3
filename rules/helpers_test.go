package rules_test

import (
	"slices"
	"testing"

	"github.com/cochef/cochef/rules"
)

// check analyses a story with the built-in default template (user-story).
func check(t testing.TB, title, body string) rules.Result {
	t.Helper()
	return rules.Analyze(rules.Input{Title: title, Body: body}, builtin(t).Default(), "")
}

// fired returns the findings of one rule.
func fired(r rules.Result, rule string) []rules.Finding {
	var out []rules.Finding
	for _, f := range r.Findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// ruleCase is one story a rule must or must not fire on.
type ruleCase struct {
	name        string
	title, body string
	fires       int // how many findings of the rule
}

// runRuleCases checks a rule against its cases with the default template.
func runRuleCases(t *testing.T, rule string, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := check(t, c.title, c.body)
			got := fired(r, rule)
			if len(got) != c.fires {
				t.Errorf("%s fired %d times, want %d: %+v", rule, len(got), c.fires, got)
			}
			for _, f := range got {
				if f.Message == "" {
					t.Errorf("finding without a message: %+v", f)
				}
			}
		})
	}
}

// criteria is a criteria section that satisfies acceptance-criteria-missing.
const criteria = "\n\n## Critères d'acceptation\n\n- [ ] Le tableau affiche une ligne par dossier ouvert\n"

// reviewProbe is an invented story sentence with the reviews the policy
// asks for it.
type reviewProbe struct {
	text           string
	rgpd, security bool
}

// reviewProbes checks each probe, as a story body with criteria: whether
// it asks for the RGPD section and for a security review.
func reviewProbes(t *testing.T, probes []reviewProbe) {
	t.Helper()
	for _, c := range probes {
		t.Run(c.text, func(t *testing.T) {
			wantReviews(t, check(t, "", c.text+criteria), c.rgpd, c.security)
		})
	}
}

// titledProbe is an invented issue with a title and a short body (a
// bug, a spike, a question), as a backlog holds it, with the reviews the
// policy asks for it.
type titledProbe struct {
	title, body    string
	rgpd, security bool
}

// titledProbes checks each titled probe, analysed as it is written.
func titledProbes(t *testing.T, probes []titledProbe) {
	t.Helper()
	for _, c := range probes {
		t.Run(c.title, func(t *testing.T) {
			wantReviews(t, check(t, c.title, c.body), c.rgpd, c.security)
		})
	}
}

// issueProbes checks each titled probe with the template cochef chooses
// for it, as `cochef check` and the webhook do (a sprint review is read
// with the notes template), not the default one.
func issueProbes(t *testing.T, probes []titledProbe) {
	t.Helper()
	set := builtin(t)
	for _, c := range probes {
		t.Run(c.title, func(t *testing.T) {
			in := rules.Input{Title: c.title, Body: c.body}
			wantReviews(t, rules.Analyze(in, set.SelectFor(in), ""), c.rgpd, c.security)
		})
	}
}

// wantReviews reports a result that does not ask for the RGPD section and
// the security review the probe expects.
func wantReviews(t *testing.T, r rules.Result, rgpd, security bool) {
	t.Helper()
	if got := slices.Contains(r.Required, "personal-data"); got != rgpd || r.SecurityReview != security {
		t.Errorf("rgpd %v security %v, want %v %v (template %s, topics %v, persona %q)", got, r.SecurityReview, rgpd, security, r.Template, r.Sensitive, r.Persona)
	}
}
