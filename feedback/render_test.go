package feedback

import (
	"regexp"
	"strings"
	"testing"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

func TestRenderFeedbackBothLanguages(t *testing.T) {
	fs := []rules.Finding{
		{Rule: "acceptance-criteria-missing", Severity: rules.SeverityError, Message: "Ajoutez des critères pour @alice", Fix: "## Critères\n- [ ] …"},
		{Rule: "story-benefit", Severity: rules.SeverityWarning, Message: "Bénéfice absent", Fix: "En tant qu'agent, je veux chercher afin de <bénéfice>.", Line: 3},
	}
	for _, tc := range []struct {
		lang     rules.Lang
		platform string
		want     []string
	}{
		{rules.FR, core.GitHub, []string{"### 📝 Récit à compléter : 1 point bloquant", "Section à ajouter à la description du ticket :", "#### À améliorer",
			"<summary>Phrase de récit à coller</summary>", "`acceptance-criteria-missing`", "`story-benefit`, ligne 3", "Modèle `user-story`"}},
		{rules.FR, core.GitLab, []string{"description du ticket"}},
		{rules.EN, core.GitLab, []string{"### 📝 Story needs work: 1 blocking point", "Section to add to the issue description:", "#### To improve",
			"<summary>Story sentence to paste</summary>", "`story-benefit`, line 3"}},
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
				t.Errorf("%s %s: body lacks %q:\n%s", tc.lang, tc.platform, w, body)
			}
		}
		if core.Pings(body) {
			t.Errorf("%s: body pings someone:\n%s", tc.lang, body)
		}
	}
}

func TestRenderFeedbackReady(t *testing.T) {
	body, err := RenderFeedback(rules.FR, core.GitHub, FeedbackView{Ready: true, Template: "user-story"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body, "### ✅ Récit prêt\nCe récit a tout ce qu'il faut") || strings.Contains(body, "À améliorer") {
		t.Errorf("ready note:\n%s", body)
	}
	body, err = RenderFeedback(rules.FR, core.GitHub, FeedbackView{Ready: true, Template: "user-story",
		Findings: []rules.Finding{{Rule: "story-minimal", Severity: rules.SeverityInfo, Message: "Une parenthèse."}}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body, "### ✅ Récit prêt : plus rien ne bloque\n\n#### À améliorer\n\n- Une parenthèse. `story-minimal`") {
		t.Errorf("ready with suggestions:\n%s", body)
	}
}

// The sections to add are one block, in the template's order whatever
// the order of the findings, so the author pastes once; the points that
// go with it come last, right above it. A section to paste over an
// existing one keeps its own block, announced as such.
func TestSectionsToAddAreOneBlockInTemplateOrder(t *testing.T) {
	fs := []rules.Finding{
		{Rule: "section-missing", Severity: rules.SeverityError, Message: "Accessibilité manque.", Fix: "## Accessibilité (RGAA)\n\n- Critères : <lesquels ?>"},
		{Rule: "section-missing", Severity: rules.SeverityError, Message: "RGPD manque.", Fix: "## Données personnelles / RGPD\n\n- Finalité : <pour quoi faire ?>"},
		{Rule: "section-empty", Severity: rules.SeverityError, Message: "Sécurité vide.", Fix: "## Notes de sécurité\n\n- [ ] DICT ?", Line: 12},
	}
	order := []string{"Récit", "Critères d'acceptation", "Données personnelles / RGPD", "Notes de sécurité", "Accessibilité (RGAA)"}
	body, err := RenderFeedback(rules.FR, core.GitHub, FeedbackView{Template: "user-story", Findings: fs, SectionOrder: order})
	if err != nil {
		t.Fatal(err)
	}
	want := "- **Sécurité vide.** `section-empty`, ligne 12\n\n  Section à coller à la place de l'actuelle :\n\n  ```markdown\n  ## Notes de sécurité\n\n  - [ ] DICT ?\n  ```\n" +
		"- **Accessibilité manque.** `section-missing`\n- **RGPD manque.** `section-missing`\n\n" +
		"Sections à ajouter à la description du ticket, dans l'ordre du modèle :\n\n```markdown\n## Données personnelles / RGPD\n\n- Finalité : <pour quoi faire ?>\n\n## Accessibilité (RGAA)\n\n- Critères : <lesquels ?>\n```\n"
	if !strings.Contains(body, want) {
		t.Errorf("want\n%s\nin\n%s", want, body)
	}
	if n := strings.Count(body, "```markdown"); n != 2 {
		t.Errorf("%d blocks, want the replaced section's and one for the sections to add", n)
	}
}

// Every rule's fix is announced on purpose: a new rule must say where its
// fix goes.
func TestEveryRuleHasAPlace(t *testing.T) {
	for _, r := range rules.Rules() {
		if _, ok := rulePlaces[r.ID]; !ok {
			t.Errorf("rule %s: no place for its fix in rulePlaces", r.ID)
		}
	}
	for id := range rulePlaces {
		found := false
		for _, r := range rules.Rules() {
			found = found || r.ID == id
		}
		if !found {
			t.Errorf("rulePlaces names %s, which is no rule", id)
		}
	}
}

// Each place's announcement, in both languages and on both platforms.
func TestPlaceAnnouncements(t *testing.T) {
	for _, c := range []struct {
		f        rules.Finding
		lang     rules.Lang
		platform string
		want     string
	}{
		{rules.Finding{Rule: "story-format", Fix: "En tant que <profil>, je veux x."}, rules.FR, core.GitHub, "Phrase de récit à coller"},
		{rules.Finding{Rule: "acceptance-criteria-vague", Fix: "Le délai est <précisez>"}, rules.FR, core.GitHub, "Critère à coller à la place de l'actuel"},
		{rules.Finding{Rule: "gherkin-incomplete", Fix: "  Then <expected result>"}, rules.EN, core.GitHub, "Step to add to the scenario</summary>\n\n  ```gherkin"},
		{rules.Finding{Rule: "role-unknown", Fix: "- {id: stagiaire, names: [stagiaire]}"}, rules.FR, core.GitLab, "Ligne à ajouter à la liste `personas` de `.gitlab/cochef.yml`"},
		{rules.Finding{Rule: "role-unknown", Fix: "- {id: intern, names: [intern]}"}, rules.EN, core.GitHub, "Line to add to the `personas` list of `.github/cochef.yml`</summary>\n\n  ```yaml"},
		{rules.Finding{Rule: "section-empty", Fix: "## Notes de sécurité\n\nx", Line: 4}, rules.EN, core.GitHub, "Section to paste over the current one"},
		{rules.Finding{Rule: "some-new-rule", Fix: "x"}, rules.FR, core.GitHub, "Texte à coller"},
	} {
		c.f.Severity, c.f.Message = rules.SeverityWarning, "M."
		body, err := RenderFeedback(c.lang, c.platform, FeedbackView{Ready: true, Template: "user-story", Findings: []rules.Finding{c.f}})
		if err != nil {
			t.Fatal(err)
		}
		want := c.want
		if !strings.Contains(want, "</summary>") {
			want += "</summary>"
		}
		if !strings.Contains(body, "<summary>"+want) {
			t.Errorf("%s %s %s: want %q:\n%s", c.f.Rule, c.lang, c.platform, c.want, body)
		}
	}
}

// A block announced as text to paste holds the fix and nothing else:
// every fenced block of a comment is one finding's fix, or the sections
// to add, and is announced right above it.
func TestFixBlocksHoldOnlyTheFix(t *testing.T) {
	fs := []rules.Finding{
		{Rule: "story-format", Severity: rules.SeverityError, Message: "Phrase incomplète.", Fix: "En tant que <profil>, je veux x."},
		{Rule: "section-missing", Severity: rules.SeverityError, Message: "RGPD manque.", Fix: "## Données personnelles / RGPD\n\n- Finalité : <?>"},
		{Rule: "acceptance-criteria-vague", Severity: rules.SeverityWarning, Message: "Vague.", Fix: "Le délai est <précisez>", Line: 9},
		{Rule: "template-placeholder", Severity: rules.SeverityWarning, Message: "Reste un texte.", Line: 3},
	}
	body, err := RenderFeedback(rules.FR, core.GitLab, FeedbackView{Template: "user-story", Findings: fs})
	if err != nil {
		t.Fatal(err)
	}
	blocks := fencedBlocks(body)
	if len(blocks) != 3 {
		t.Fatalf("%d blocks, want 3 (nothing to paste for a placeholder):\n%s", len(blocks), body)
	}
	for i, want := range []string{fs[0].Fix, fs[1].Fix, fs[2].Fix} {
		if blocks[i].text != want {
			t.Errorf("block %d holds %q, want the fix %q", i, blocks[i].text, want)
		}
		if !announced.MatchString(blocks[i].before) {
			t.Errorf("block %d is announced by %q, which does not say it is text to paste", i, blocks[i].before)
		}
	}
}

// announced is how every block is introduced: what the text is, and that
// it is to paste or to add.
var announced = regexp.MustCompile(`(à coller|à ajouter|to paste|to add)[^\n]*(:|</summary>)\s*$`)

type block struct{ before, text string }

// fencedBlocks are the fenced blocks of a comment, unindented, each
// with the line that introduces it.
func fencedBlocks(body string) []block {
	var out []block
	lines := strings.Split(body, "\n")
	for i := 0; i < len(lines); i++ {
		l := strings.TrimLeft(lines[i], " ")
		fence := strings.TrimRight(l, "abcdefghijklmnopqrstuvwxyz")
		if !strings.HasPrefix(fence, "```") || fence == l {
			continue
		}
		indent := len(lines[i]) - len(l)
		before := ""
		for j := i - 1; j >= 0; j-- {
			if strings.TrimSpace(lines[j]) != "" {
				before = strings.TrimSpace(lines[j])
				break
			}
		}
		var text []string
		for i++; i < len(lines) && strings.TrimLeft(lines[i], " ") != fence; i++ {
			text = append(text, strings.TrimPrefix(lines[i], strings.Repeat(" ", indent)))
		}
		out = append(out, block{before, strings.Join(text, "\n")})
	}
	return out
}

// The repository's form is linked when the story is not ready, as text
// a person can follow; an address that could break the Markdown is not.
func TestFormLink(t *testing.T) {
	fs := []rules.Finding{{Rule: "acceptance-criteria-missing", Severity: rules.SeverityError, Message: "Aucun critère.", Fix: "## Critères\n\n- <critère>"}}
	form := &Form{Title: "Récit utilisateur", URL: "https://github.com/o/r/issues/new?template=user-story.yml"}
	for _, c := range []struct {
		lang     rules.Lang
		platform string
		ready    bool
		url      string
		want     string
	}{
		{rules.FR, core.GitHub, false, form.URL, "Pour le prochain récit, partez [du formulaire « Récit utilisateur »](https://github.com/o/r/issues/new?template=user-story.yml)."},
		{rules.FR, core.GitLab, false, "https://gitlab.example/g/p/-/issues/new?issuable_template=user-story", "partez [du modèle de description « Récit utilisateur »](https://gitlab.example/g/p/-/issues/new?issuable_template=user-story)."},
		{rules.EN, core.GitHub, false, form.URL, "Start the next story from [the “Récit utilisateur” issue form](" + form.URL + ")."},
		{rules.FR, core.GitHub, true, form.URL, ""},
		{rules.FR, core.GitHub, false, "javascript:alert(1)", ""},
		{rules.FR, core.GitHub, false, "https://x/y) [pwn](https://evil", ""},
	} {
		f := *form
		f.URL = c.url
		body, err := RenderFeedback(c.lang, c.platform, FeedbackView{Ready: c.ready, Template: "user-story", Findings: fs, Form: &f})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case c.want == "" && (strings.Contains(body, "partez") || strings.Contains(body, "Start the next")):
			t.Errorf("%s %s ready=%v url=%q: linked anyway:\n%s", c.lang, c.platform, c.ready, c.url, body)
		case c.want != "" && !strings.Contains(body, c.want):
			t.Errorf("%s %s: want %q in\n%s", c.lang, c.platform, c.want, body)
		}
	}
}

func TestRenderFeedbackStaysUnderLimit(t *testing.T) {
	var fs []rules.Finding
	for i := 0; i < 3000; i++ {
		fs = append(fs, rules.Finding{Rule: "section-empty", Severity: rules.SeverityWarning, Message: strings.Repeat("x", 60), Fix: strings.Repeat("y", 40)})
	}
	body, err := RenderFeedback(rules.FR, core.GitHub, FeedbackView{Template: "user-story", Findings: fs})
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
	body, err := RenderMention(rules.FR, core.GitHub, MentionView{Kind: "security", Who: []string{"@org/rssi"}, Privileged: true, Topics: []string{"personal-data"}})
	if err != nil {
		t.Fatal(err)
	}
	want := MarkerMentionSecurity + "\n🔐 @org/rssi : ce récit demande une revue de sécurité (profil à privilèges ; sujets sensibles : `personal-data`)."
	if body != want {
		t.Fatalf("mention body:\n%q\nwant\n%q", body, want)
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
			// A not-ready view without any blocking point cannot happen;
			// a ready one is what a story with a recette usually shows.
			if ready && strings.Contains(body, "\n\n\n") {
				t.Errorf("%s ready=%v: two blank lines in a row:\n%s", c.lang, ready, body)
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

// An issue whose template reads no story (a bug report, a question,
// meeting notes) is spoken of as the ticket, in the verdict, the footer
// and the mentions; a story, and a template that does not say, as the
// « récit ».
func TestNoStoryIsSpokenOfAsTheTicket(t *testing.T) {
	for _, c := range []struct {
		lang    rules.Lang
		noStory bool
		ready   bool
		want    []string
	}{
		{rules.FR, true, true, []string{"### ✅ Ticket prêt\nCe ticket a tout ce qu'il faut pour être traité. Merci !", "cochef vérifie ce ticket à chaque modification"}},
		{rules.FR, true, false, []string{"### 📝 Ticket à compléter : 0 point bloquant", "cochef vérifie ce ticket"}},
		{rules.FR, false, true, []string{"### ✅ Récit prêt\nCe récit a tout ce qu'il faut pour être construit et recetté. Merci !", "cochef vérifie ce récit"}},
		{rules.EN, true, true, []string{"### ✅ Issue ready\nThis issue has everything it needs to be handled. Thank you!", "cochef checks this issue at every edit"}},
		{rules.EN, false, false, []string{"### 📝 Story needs work", "cochef checks this story at every edit"}},
	} {
		body, err := RenderFeedback(c.lang, core.GitHub, FeedbackView{Template: "bug", Ready: c.ready, NoStory: c.noStory})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s noStory=%v ready=%v: no %q in:\n%s", c.lang, c.noStory, c.ready, w, body)
			}
		}
	}
	for _, c := range []struct {
		lang rules.Lang
		kind string
		want string
	}{
		{rules.FR, "security", "🔐 @org/rssi : ce ticket demande une revue de sécurité"},
		{rules.FR, "ready", "✅ @org/rssi : ce ticket est prêt."},
		{rules.EN, "ready", "✅ @org/rssi: this issue is ready."},
	} {
		body, err := RenderMention(c.lang, core.GitLab, MentionView{Kind: c.kind, Who: []string{"@org/rssi"}, Topics: []string{"personal-data"}, NoStory: true})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(body, c.want) {
			t.Errorf("%s %s mention %q lacks %q", c.lang, c.kind, body, c.want)
		}
	}
}
