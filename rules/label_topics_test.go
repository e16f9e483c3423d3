package rules_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/cochef/cochef/rules"
)

// TestLabelTopics: the team's own labels say what an issue touches
// ("rgpd", "type: sécurité"), and ask for the reviews whatever its
// words; the reason names the label. cochef's own review label and
// labels that name no topic ask nothing.
func TestLabelTopics(t *testing.T) {
	set := builtin(t)
	const story = "En tant qu'agent, je veux trier les demandes par date de dépôt." + criteria
	for _, c := range []struct {
		labels         []string
		rgpd, security bool
		reason         string
	}{
		{nil, false, false, ""},
		{[]string{"rgpd"}, true, false, "« rgpd »"},
		{[]string{"Données personnelles"}, true, false, "« Données personnelles »"},
		{[]string{"type: sécurité"}, false, true, "« type: sécurité »"},
		{[]string{"kind/security"}, false, true, ""},
		{[]string{"data-protection"}, true, false, "« data-protection »"},
		{[]string{"bug", "front"}, false, false, ""},
		{[]string{"sécurité: à revoir"}, false, false, ""},
	} {
		in := rules.Input{Body: story, Labels: c.labels}
		r := rules.Analyze(in, set.SelectFor(in), "")
		rgpd := slices.Contains(r.Required, "personal-data")
		if rgpd != c.rgpd || r.SecurityReview != c.security {
			t.Errorf("%q: rgpd %v security %v, want %v %v (topics %v)", c.labels, rgpd, r.SecurityReview, c.rgpd, c.security, r.Sensitive)
		}
		if c.reason == "" {
			continue
		}
		found := false
		for _, f := range fired(r, "section-missing") {
			found = found || strings.Contains(f.Message, c.reason)
		}
		if !found {
			t.Errorf("%q: no section-missing naming %s in %v", c.labels, c.reason, r.Findings)
		}
	}
}
