package feedback_test

import (
	"strings"
	"testing"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/feedback"
	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// The plan as a table: an issue, the settings and the last evaluation in;
// the comment, the labels and the mentions out. No platform, no store.
func TestPlan(t *testing.T) {
	set, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	defaults := core.Settings{Labels: core.DefaultLabels(), Templates: set}
	with := func(mod func(*core.Settings)) core.Settings {
		s := defaults
		mod(&s)
		return s
	}
	story := func(name string, labels ...string) core.Issue {
		title, body := readExample(t, name)
		return core.Issue{Ref: ref(1), Title: title, Body: body, Labels: labels, State: "open"}
	}
	const security = "sécurité: à revoir"
	forms := []core.IssueTemplate{
		{Name: "user-story", URL: "https://github.com/o/r/issues/new?template=user-story.yml"},
		{Name: "bug", URL: "https://github.com/o/r/issues/new?template=bug.md"},
	}
	cases := []struct {
		name     string
		in       feedback.Input
		quiet    bool
		labels   string   // wanted, comma-separated
		comment  []string // parts of the comment
		mentions string   // kinds due, comma-separated
		lang     rules.Lang
		dismiss  bool
	}{
		{"an incomplete story", feedback.Input{Issue: story("incomplet.md"), Settings: defaults},
			false, "récit: à compléter", []string{feedback.MarkerFeedback, "acceptance-criteria-missing", "Récit à compléter"}, "", rules.FR, false},
		{"a ready story: nothing to say", feedback.Input{Issue: story("pret.md"), Settings: defaults},
			true, "récit: prêt", []string{"Récit prêt"}, "", rules.FR, false},
		{"a ready story under a broken configuration is told so", feedback.Input{Issue: story("pret.md"), Settings: defaults,
			ConfigError: &core.ConfigError{Source: "o/r:.github/cochef.yml", Message: "ligne/line 2: clé inconnue"}},
			false, "récit: prêt", []string{"Configuration cochef invalide", "ligne/line 2"}, "", rules.FR, false},
		{"the repository's language and labels", feedback.Input{Issue: story("incomplet.md"), Settings: with(func(s *core.Settings) {
			s.Lang, s.Labels.NeedsWork = rules.EN, core.Label{Name: "story: needs work"}
		})}, false, "story: needs work", []string{"Story needs work"}, "", rules.EN, false},
		{"a story in English, no language configured", feedback.Input{Issue: story("en-ready.md"), Settings: defaults},
			true, "récit: prêt", []string{"Story ready"}, "", rules.EN, false},
		{"a privileged story asks for a review, mentioned once", feedback.Input{Issue: story("admin-habilitations.md"),
			Settings: with(func(s *core.Settings) { s.SecurityReviewers = []string{"@org/rssi"} })},
			false, "récit: à compléter,sécurité: à revoir", []string{feedback.MarkerFeedback}, "security", rules.FR, false},
		{"reviewers already mentioned are not again", feedback.Input{Issue: story("admin-habilitations.md", security),
			Settings: with(func(s *core.Settings) { s.SecurityReviewers = []string{"@org/rssi"} }),
			Previous: &core.Evaluation{SecurityMentioned: true, Labels: []string{security}}},
			false, "récit: à compléter,sécurité: à revoir", nil, "", rules.FR, false},
		{"a review label a person removed stays removed", feedback.Input{Issue: story("admin-habilitations.md"), Settings: defaults,
			Previous: &core.Evaluation{Labels: []string{"récit: à compléter", security}}},
			false, "récit: à compléter", nil, "", rules.FR, true},
		{"and stays removed at the next edit", feedback.Input{Issue: story("admin-habilitations.md"), Settings: defaults,
			Previous: &core.Evaluation{Labels: []string{"récit: à compléter"}, SecurityDismissed: true}},
			false, "récit: à compléter", nil, "", rules.FR, true},
		{"a person putting it back ends the dismissal", feedback.Input{Issue: story("admin-habilitations.md", security), Settings: defaults,
			Previous: &core.Evaluation{Labels: []string{"récit: à compléter"}, SecurityDismissed: true}},
			false, "récit: à compléter,sécurité: à revoir", nil, "", rules.FR, false},
		{"a label removed in a dry run was never cochef's to miss", feedback.Input{Issue: story("admin-habilitations.md"), Settings: defaults,
			Previous: &core.Evaluation{DryRun: true, Labels: []string{"récit: à compléter", security}}},
			false, "récit: à compléter,sécurité: à revoir", nil, "", rules.FR, false},
		{"the repository's form is linked", feedback.Input{Issue: story("incomplet.md"), Settings: defaults, Forms: forms},
			false, "récit: à compléter", []string{"Pour le prochain récit, partez [du formulaire « Récit utilisateur »](https://github.com/o/r/issues/new?template=user-story.yml)."}, "", rules.FR, false},
		{"only the story's template's form", feedback.Input{Issue: story("incomplet.md", "bug"), Settings: defaults, Forms: forms},
			false, "récit: à compléter", []string{"[du formulaire « Anomalie »](https://github.com/o/r/issues/new?template=bug.md)"}, "", rules.FR, false},
		// A team's first issues are seldom labelled: a title opening with
		// "Bug :" is a bug report, asked for its steps, not for a story
		// sentence.
		{"an unlabelled bug report is read as one", feedback.Input{Issue: core.Issue{Ref: ref(1), State: "open",
			Title: "Bug : le bouton Envoyer ne fonctionne pas sur Safari", Body: "Rien ne se passe au clic, sur Safari 17."}, Settings: defaults},
			false, "récit: à compléter", []string{"Étapes pour reproduire", "Comportement attendu"}, "", rules.FR, false},
		// Nor are bug reports and meeting notes always prefixed: written in
		// their form, with no story sentence, they are read as what they
		// are, and spoken of as the ticket.
		{"an unprefixed bug report written in its form", feedback.Input{Issue: core.Issue{Ref: ref(1), State: "open",
			Title: "Le bouton Valider ne répond plus", Body: "## Étapes pour reproduire\n1. Ouvrir une demande\n2. Cliquer sur Valider\n\n" +
				"## Comportement attendu\nLa demande passe au statut « Transmise ».\n\n## Comportement observé\nRien ne se passe.\n"}, Settings: defaults},
			true, "récit: prêt", []string{"### ✅ Ticket prêt", "Modèle `bug`"}, "", rules.FR, false},
		{"meeting notes", feedback.Input{Issue: core.Issue{Ref: ref(1), State: "open",
			Title: "Réunion avec les agents d'accueil — 3 octobre", Body: "- le formulaire garde trois étapes\n- prochaine réunion en novembre\n"}, Settings: defaults},
			true, "récit: prêt", []string{"### ✅ Ticket prêt", "Modèle `notes`"}, "", rules.FR, false},
		// The team's label says what the story touches; cochef's own
		// review label, even named "sécurité", is never read as theirs.
		{"a story the team labelled sécurité", feedback.Input{Issue: story("pret.md", "sécurité"), Settings: defaults},
			false, "récit: à compléter,sécurité: à revoir", []string{"« sécurité »"}, "", rules.FR, false},
		{"cochef's own review label named sécurité", feedback.Input{Issue: story("pret.md", "sécurité"), Settings: with(func(s *core.Settings) {
			s.Labels.SecurityReview = core.Label{Name: "sécurité"}
		})}, true, "récit: prêt", []string{"Récit prêt"}, "", rules.FR, false},
		{"ready reviewers hear of a ready story", feedback.Input{Issue: story("pret.md"),
			Settings: with(func(s *core.Settings) { s.ReadyReviewers = []string{"@org/co-chefs"} })},
			true, "récit: prêt", nil, "ready", rules.FR, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := feedback.Plan(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if d.Quiet != c.quiet || d.Lang != c.lang || d.SecurityDismissed != c.dismiss {
				t.Errorf("quiet %v lang %s dismissed %v; want %v %s %v", d.Quiet, d.Lang, d.SecurityDismissed, c.quiet, c.lang, c.dismiss)
			}
			if got := strings.Join(core.LabelNames(d.Labels), ","); got != c.labels {
				t.Errorf("labels %q, want %q", got, c.labels)
			}
			if len(d.Managed) != 3 {
				t.Errorf("managed labels %v", d.Managed)
			}
			for _, part := range c.comment {
				if !strings.Contains(d.Comment, part) {
					t.Errorf("comment lacks %q:\n%s", part, d.Comment)
				}
			}
			if (strings.HasPrefix(c.in.Issue.Title, "Bug") || strings.Contains(d.Comment, "Ticket")) && strings.Contains(d.Comment, "story-format") {
				t.Errorf("a bug report told to write a story sentence:\n%s", d.Comment)
			}
			var kinds []string
			for _, m := range d.Mentions {
				kinds = append(kinds, m.Kind)
				if !strings.HasPrefix(m.Body, m.Marker) {
					t.Errorf("mention %s without its marker: %q", m.Kind, m.Body)
				}
			}
			if got := strings.Join(kinds, ","); got != c.mentions {
				t.Errorf("mentions %q, want %q", got, c.mentions)
			}
		})
	}
}

// A set without any template selects none: a configuration retrying
// cannot fix, told as such.
func TestPlanWithoutTemplateFails(t *testing.T) {
	if _, err := feedback.Plan(feedback.Input{Settings: core.Settings{Templates: &templates.Set{}}}); err == nil || err.Error() != "no template" {
		t.Fatalf("Plan without a template = %v", err)
	}
}
