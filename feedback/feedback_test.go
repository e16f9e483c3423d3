package feedback_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/core/coretest"
	"github.com/cochef/cochef/feedback"
	"github.com/cochef/cochef/templates"
)

// The runner is tested against the in-memory platform and store of
// core/coretest: what the platform received is the specification. The
// adapters are tested against the HTTP fakes of GitHub and GitLab, and the
// whole server end to end in cmd/cochef and e2e.

const repo = "octo-org/demarches"

var repository = core.Repo{Platform: core.GitHub, FullName: repo}

type harness struct {
	t      *testing.T
	p      *coretest.Platform
	store  *coretest.Store
	engine *feedback.Runner
}

func newHarness(t *testing.T, tweak func(*core.Settings)) *harness {
	t.Helper()
	set, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	defaults := core.Settings{Labels: core.DefaultLabels(), Templates: set}
	if tweak != nil {
		tweak(&defaults)
	}
	p, st := coretest.NewPlatform(), coretest.NewStore()
	e := &feedback.Runner{
		Env: core.Env{
			Platforms: core.Platforms{core.GitHub: p},
			Settings:  core.NewRepoSettings(defaults),
			Defaults:  defaults,
		},
		Store: st,
	}
	return &harness{t: t, p: p, store: st, engine: e}
}

func ref(n int) core.IssueRef { return core.IssueRef{Repo: repository, Number: n} }

func (h *harness) work(n int, trigger core.Trigger, actor string) {
	h.t.Helper()
	t := core.Task{Feature: core.FeatureFeedback, Issue: ref(n), Trigger: trigger, Delivery: "d", Actor: actor}
	if trigger == core.TriggerCommand {
		t.Command = &core.Command{Verb: core.VerbCheck}
	}
	if err := h.engine.Work(context.Background(), t); err != nil {
		h.t.Fatalf("Work: %v", err)
	}
}

// story puts an example story on issue n.
func (h *harness) story(n int, name string) (title, body string) {
	h.t.Helper()
	title, body = readExample(h.t, name)
	h.p.SetIssue(core.Issue{Ref: ref(n), Title: title, Body: body})
	return title, body
}

func (h *harness) setBody(n int, body string) {
	h.p.Edit(ref(n), func(is *core.Issue) { is.Body = body })
}

func (h *harness) setLabels(n int, labels ...string) {
	h.p.Edit(ref(n), func(is *core.Issue) { is.Labels = labels })
}

func (h *harness) feedbackComments(n int) []coretest.Comment {
	return h.p.Marked(ref(n), feedback.MarkerFeedback, "")
}

func readExample(t *testing.T, name string) (title, body string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	first, rest, _ := strings.Cut(s, "\n")
	return strings.TrimPrefix(first, "# "), strings.TrimLeft(rest, "\n")
}

func TestNewIncompleteStoryGetsOneCommentAndLabels(t *testing.T) {
	h := newHarness(t, nil)
	h.story(7, "incomplet.md")

	h.work(7, core.TriggerChanged, "")

	cs := h.feedbackComments(7)
	if len(cs) != 1 {
		t.Fatalf("want 1 feedback comment, got %d", len(cs))
	}
	if !strings.Contains(cs[0].Body, "acceptance-criteria-missing") || !strings.Contains(cs[0].Body, "Récit à compléter") {
		t.Errorf("comment does not say what is missing:\n%s", cs[0].Body)
	}
	if got := h.p.Labels(ref(7)); !slices.Equal(got, []string{"récit: à compléter"}) {
		t.Errorf("labels = %v", got)
	}
	if !slices.ContainsFunc(h.p.RepoLabels(repository), func(l core.Label) bool {
		return l.Name == "récit: à compléter" && l.Color == "fbca04" && l.Description != ""
	}) {
		t.Errorf("label not created with colour and description: %+v", h.p.RepoLabels(repository))
	}
	ev, err := h.store.LastEvaluation(context.Background(), ref(7))
	if err != nil || ev == nil {
		t.Fatalf("evaluation not stored: %v", err)
	}
	if ev.Ready || ev.CommentID != cs[0].ID || !slices.Equal(ev.Labels, []string{"récit: à compléter"}) || ev.Template != "user-story" {
		t.Errorf("stored evaluation = %+v", ev)
	}

	// The same state again: reads only.
	h.p.Reset()
	h.work(7, core.TriggerChanged, "")
	if w := h.p.Writes(); len(w) != 0 {
		t.Errorf("no-op evaluation wrote: %v", w)
	}
}

func TestFixingEditFlipsLabelsAndEditsTheSameComment(t *testing.T) {
	h := newHarness(t, nil)
	title, body := h.story(8, "incomplet.md")
	h.work(8, core.TriggerChanged, "")
	first := h.feedbackComments(8)

	title, body = readExample(t, "pret.md")
	h.p.Edit(ref(8), func(is *core.Issue) { is.Title, is.Body = title, body })
	h.p.Reset()
	h.work(8, core.TriggerChanged, "")

	after := h.feedbackComments(8)
	if len(after) != 1 || after[0].ID != first[0].ID {
		t.Fatalf("want the same single comment edited, got %+v", after)
	}
	if !strings.Contains(after[0].Body, "Récit prêt") {
		t.Errorf("comment did not turn into the ready note:\n%s", after[0].Body)
	}
	if got := h.p.Labels(ref(8)); !slices.Equal(got, []string{"récit: prêt"}) {
		t.Errorf("labels = %v, want only the ready label", got)
	}
	if n := h.p.Count("CreateComment"); n != 0 {
		t.Errorf("a second comment was posted")
	}
}

func TestReadyStoryWithoutHistoryGetsNoComment(t *testing.T) {
	h := newHarness(t, nil)
	h.story(9, "pret.md")
	h.work(9, core.TriggerChanged, "")
	if n := len(h.p.Comments(ref(9))); n != 0 {
		t.Errorf("a ready story got %d comments; nothing to say means no comment", n)
	}
	if got := h.p.Labels(ref(9)); !slices.Equal(got, []string{"récit: prêt"}) {
		t.Errorf("labels = %v", got)
	}
}

func TestSecurityReviewersAreMentionedOnce(t *testing.T) {
	h := newHarness(t, func(s *core.Settings) { s.SecurityReviewers = []string{"@octo-org/rssi"} })
	_, body := h.story(10, "admin-habilitations.md")
	h.work(10, core.TriggerChanged, "")
	h.setBody(10, body+"\n\nUne précision.")
	h.work(10, core.TriggerChanged, "")

	var mentions int
	for _, c := range h.p.Comments(ref(10)) {
		if strings.Contains(c.Body, feedback.MarkerMentionSecurity) {
			mentions++
			if !strings.Contains(c.Body, "@octo-org/rssi") {
				t.Errorf("mention comment does not mention the reviewers: %q", c.Body)
			}
		}
		if strings.Contains(c.Body, feedback.MarkerFeedback) && strings.Contains(c.Body, "@octo-org/rssi") {
			t.Errorf("the edited feedback comment carries the mention, which notifies nobody")
		}
	}
	if mentions != 1 {
		t.Errorf("want exactly one mention comment, got %d", mentions)
	}
	if got := h.p.Labels(ref(10)); !slices.Contains(got, "sécurité: à revoir") {
		t.Errorf("labels = %v, want the security review label", got)
	}
}

func TestSecurityLabelRemovedByAPersonStaysRemoved(t *testing.T) {
	h := newHarness(t, nil)
	_, body := h.story(11, "admin-habilitations.md")
	h.work(11, core.TriggerChanged, "")
	h.setLabels(11, "récit: à compléter") // the RSSI removed the review label
	for i := 1; i <= 3; i++ {
		h.setBody(11, body+strings.Repeat("\n", i)) // later edits
		h.work(11, core.TriggerChanged, "")
		if got := h.p.Labels(ref(11)); slices.Contains(got, "sécurité: à revoir") {
			t.Fatalf("edit %d: cochef put back a label a person removed: %v", i, got)
		}
	}
	// A person putting it back ends the dismissal: cochef keeps it.
	h.setLabels(11, "récit: à compléter", "sécurité: à revoir")
	h.setBody(11, body+"\n\nPrécision.")
	h.work(11, core.TriggerChanged, "")
	if got := h.p.Labels(ref(11)); !slices.Contains(got, "sécurité: à revoir") {
		t.Fatalf("the label a person put back was removed: %v", got)
	}
	ev, err := h.store.LastEvaluation(context.Background(), ref(11))
	if err != nil || ev.SecurityDismissed {
		t.Fatalf("dismissal not ended: %+v %v", ev, err)
	}
}

func TestCheckCommandFromReaderIsIgnored(t *testing.T) {
	h := newHarness(t, nil)
	h.story(12, "incomplet.md")
	h.p.SetAccess("visitor", core.AccessRead)
	h.work(12, core.TriggerCommand, "visitor")
	if w := h.p.Writes(); len(w) != 0 {
		t.Errorf("a reader's /cochef check caused writes: %v", w)
	}

	h.p.SetAccess("cheffe", core.AccessWrite)
	h.work(12, core.TriggerCommand, "cheffe")
	if len(h.feedbackComments(12)) != 1 {
		t.Errorf("a writer's /cochef check did not evaluate")
	}
}

func TestCheckCommandRepairsACommentEditedByHand(t *testing.T) {
	h := newHarness(t, nil)
	h.story(13, "incomplet.md")
	h.p.SetAccess("cheffe", core.AccessWrite)
	h.work(13, core.TriggerChanged, "")
	c := h.feedbackComments(13)[0]
	h.p.SetCommentBody(c.ID, feedback.MarkerFeedback+"\nvandalised")

	h.work(13, core.TriggerChanged, "") // nothing changed in the story: no write
	if got := h.feedbackComments(13)[0].Body; !strings.Contains(got, "vandalised") {
		t.Fatalf("an unchanged story rewrote the comment")
	}
	h.work(13, core.TriggerCommand, "cheffe")
	if got := h.feedbackComments(13)[0].Body; strings.Contains(got, "vandalised") {
		t.Errorf("/cochef check did not repair the comment")
	}
}

func TestCrashAfterCommentBeforeSaveDoesNotPostTwice(t *testing.T) {
	h := newHarness(t, nil)
	h.story(14, "incomplet.md")
	// A previous run posted the comment and died before storing anything.
	h.p.AddComment(ref(14), coretest.Self, feedback.MarkerFeedback+"\nold")
	h.work(14, core.TriggerChanged, "")
	cs := h.feedbackComments(14)
	if len(cs) != 1 || strings.Contains(cs[0].Body, "\nold") {
		t.Fatalf("want the existing comment edited in place, got %d comments", len(cs))
	}
}

func TestDeletedCommentIsWrittenAgain(t *testing.T) {
	h := newHarness(t, nil)
	_, body := h.story(15, "incomplet.md")
	h.work(15, core.TriggerChanged, "")
	h.p.DeleteComment(h.feedbackComments(15)[0].ID)
	// An edit that changes the feedback (the vague terms are gone).
	h.setBody(15, strings.NewReplacer("rapide", "", "intuitive", "", "etc", "").Replace(body))
	h.work(15, core.TriggerChanged, "")
	if n := len(h.feedbackComments(15)); n != 1 {
		t.Fatalf("want the comment written again, got %d", n)
	}
}

func TestBrokenRepositoryConfigIsReportedOnTheIssue(t *testing.T) {
	h := newHarness(t, nil)
	h.story(16, "pret.md")
	h.p.SetConfig(repository, "lang: es\nrules:\n  story-nope: off\n")
	h.work(16, core.TriggerChanged, "")
	cs := h.feedbackComments(16)
	if len(cs) != 1 {
		t.Fatalf("a broken configuration must be reported even on a ready story; got %d comments", len(cs))
	}
	for _, want := range []string{"Configuration cochef invalide", "story-nope", "ligne/line 1"} {
		if !strings.Contains(cs[0].Body, want) {
			t.Errorf("config error report lacks %q:\n%s", want, cs[0].Body)
		}
	}
}

func TestRepositoryConfigRenamesLabelsAndSwitchesLanguage(t *testing.T) {
	h := newHarness(t, nil)
	h.story(17, "incomplet.md")
	h.p.SetConfig(repository, "lang: en\nlabels:\n  needs_work: {name: \"story: needs work\", color: \"#aabbcc\"}\n")
	h.work(17, core.TriggerChanged, "")
	if got := h.p.Labels(ref(17)); !slices.Equal(got, []string{"story: needs work"}) {
		t.Errorf("labels = %v", got)
	}
	if cs := h.feedbackComments(17); len(cs) != 1 || !strings.Contains(cs[0].Body, "Story needs work") {
		t.Errorf("comment not in English: %+v", cs)
	}
}

func TestDryRunWritesNothingAndStoresTheComment(t *testing.T) {
	h := newHarness(t, nil)
	h.engine.Platforms = core.Platforms{} // no credentials
	title, body := readExample(t, "incomplet.md")
	snap := &core.Issue{Ref: ref(18), Title: title, Body: body, State: "open", UpdatedAt: time.Now()}
	if err := h.engine.Work(context.Background(), core.Task{Feature: core.FeatureFeedback, Trigger: core.TriggerChanged, Issue: ref(18), Snapshot: snap}); err != nil {
		t.Fatal(err)
	}
	if n := len(h.p.Calls()); n != 0 {
		t.Errorf("dry-run called the platform %d times", n)
	}
	ev, err := h.store.LastEvaluation(context.Background(), ref(18))
	if err != nil || ev == nil {
		t.Fatalf("no evaluation stored: %v", err)
	}
	if !ev.DryRun || !strings.Contains(ev.Comment, "acceptance-criteria-missing") || !slices.Equal(ev.Labels, []string{"récit: à compléter"}) {
		t.Errorf("dry-run evaluation = %+v", ev)
	}
}

func TestPermanentErrorIsReported(t *testing.T) {
	h := newHarness(t, nil)
	err := h.engine.Work(context.Background(), core.Task{Feature: core.FeatureFeedback, Trigger: core.TriggerChanged, Issue: ref(404)})
	if !core.IsPermanent(err) {
		t.Fatalf("a missing issue must be a permanent error, got %v", err)
	}
}

func TestRepositoryDebounceDefersWithoutReadingTheIssue(t *testing.T) {
	h := newHarness(t, nil)
	h.story(19, "incomplet.md")
	h.p.SetConfig(repository, "debounce: 30s\n")
	now := time.Now()
	h.engine.Now = func() time.Time { return now }
	err := h.engine.Work(context.Background(), core.Task{Feature: core.FeatureFeedback, Trigger: core.TriggerChanged, Issue: ref(19), ReceivedAt: now.Add(-10 * time.Second)})
	wait, ok := core.RetryAfter(err)
	if !core.IsDeferred(err) || !ok || wait != 20*time.Second {
		t.Fatalf("want the task deferred by the 20 s left, got %v (wait %s)", err, wait)
	}
	if n := h.p.Count("GetIssue"); n != 0 {
		t.Errorf("a deferred task read the issue %d times", n)
	}
	// Once due, it runs.
	h.engine.Now = func() time.Time { return now.Add(25 * time.Second) }
	if err := h.engine.Work(context.Background(), core.Task{Feature: core.FeatureFeedback, Trigger: core.TriggerChanged, Issue: ref(19), ReceivedAt: now.Add(-10 * time.Second)}); err != nil {
		t.Fatalf("due task: %v", err)
	}
	if len(h.feedbackComments(19)) != 1 {
		t.Fatal("the task did not run once due")
	}
}

func TestMissingConfigIsNotLookedForAtEveryEdit(t *testing.T) {
	h := newHarness(t, nil)
	h.story(20, "incomplet.md")
	h.work(20, core.TriggerChanged, "")
	// The adapters look for the repository's file, then the organisation's
	// (github and gitlab tests): one ReadConfig.
	if n := h.p.Count("ReadConfig"); n != 1 {
		t.Fatalf("first evaluation: %d config reads, want 1", n)
	}
	h.p.Reset()
	h.work(20, core.TriggerChanged, "")
	if n := h.p.Count("ReadConfig"); n != 0 {
		t.Fatalf("a repository known to have no config was asked again %d times", n)
	}
}

func TestReviewersMustBeMentions(t *testing.T) {
	set, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	defaults := core.Settings{Labels: core.DefaultLabels(), Templates: set}
	s, cerr := core.ParseRepoConfig([]byte("reviewers:\n  security: [\"@org/rssi\", \"rssi@ministere.gouv.fr\"]\n"), "o/r:.github/cochef.yml", defaults)
	if cerr == nil || !strings.Contains(cerr.Message, "rssi@ministere.gouv.fr") || !strings.Contains(cerr.Message, "ligne/line 1") {
		t.Fatalf("an e-mail address as reviewer must be reported with its line, got %+v", cerr)
	}
	if len(s.SecurityReviewers) != 0 {
		t.Errorf("a broken file must leave the defaults, got %v", s.SecurityReviewers)
	}
	s, cerr = core.ParseRepoConfig([]byte("reviewers:\n  security: [\"@org/rssi\", \"@jeanne.dupont\"]\n"), "o/r:.github/cochef.yml", defaults)
	if cerr != nil || len(s.SecurityReviewers) != 2 {
		t.Fatalf("valid mentions refused: %+v %v", cerr, s.SecurityReviewers)
	}
}

func TestRateLimitedConfigReadIsRetriedNotDefaulted(t *testing.T) {
	h := newHarness(t, nil)
	h.story(21, "incomplet.md")
	h.p.SetConfig(repository, "lang: en\n")
	// What the adapters make of a 403 with Retry-After: 7 (their tests).
	h.p.Fail("ReadConfig", &core.APIError{Platform: core.GitHub, Status: 403, RateLimited: true, RetryAfter: 7 * time.Second})
	err := h.engine.Work(context.Background(), core.Task{Feature: core.FeatureFeedback, Trigger: core.TriggerChanged, Issue: ref(21)})
	if wait, ok := core.RetryAfter(err); !ok || wait != 7*time.Second {
		t.Fatalf("a rate-limited config read must be retried after the wait, got %v", err)
	}
	if n := len(h.feedbackComments(21)); n != 0 {
		t.Fatalf("evaluated with the defaults instead of the repository's settings (%d comments)", n)
	}
}

func TestMarkersPlantedByOthersAreIgnored(t *testing.T) {
	h := newHarness(t, func(s *core.Settings) { s.SecurityReviewers = []string{"@octo-org/rssi"} })
	h.story(22, "admin-habilitations.md")
	// Someone pastes cochef's invisible markers in comments of their own.
	planted := h.p.AddComment(ref(22), "visiteur", "Rien à voir "+feedback.MarkerFeedback)
	h.p.AddComment(ref(22), "visiteur", "chut "+feedback.MarkerMentionSecurity)
	h.work(22, core.TriggerChanged, "")

	var ours, mentions int
	for _, c := range h.p.Comments(ref(22)) {
		switch {
		case c.ID == planted:
			if c.Body != "Rien à voir "+feedback.MarkerFeedback {
				t.Errorf("cochef edited a person's comment: %q", c.Body)
			}
		case c.Author == coretest.Self && strings.Contains(c.Body, feedback.MarkerFeedback):
			ours++
		case c.Author == coretest.Self && strings.Contains(c.Body, feedback.MarkerMentionSecurity):
			mentions++
		}
	}
	if ours != 1 || mentions != 1 {
		t.Fatalf("want cochef's own feedback and mention comments (1 and 1), got %d and %d", ours, mentions)
	}
}

// The repository's form of the story's template is linked in a comment
// that is not ready; the list is one read per repository every FormsTTL,
// not one per event.
func TestFormIsLinkedAndLookedForOncePerTTL(t *testing.T) {
	h := newHarness(t, nil)
	h.story(30, "incomplet.md")
	h.p.SetIssueTemplates(repository,
		core.IssueTemplate{Name: "bug", URL: "https://github.com/octo-org/demarches/issues/new?template=bug.yml"},
		core.IssueTemplate{Name: "user-story", URL: "https://github.com/octo-org/demarches/issues/new?template=user-story.yml"})
	now := time.Now()
	h.engine.Now = func() time.Time { return now }
	h.work(30, core.TriggerChanged, "")
	cs := h.feedbackComments(30)
	if len(cs) != 1 || !strings.Contains(cs[0].Body, "[du formulaire « Récit utilisateur »](https://github.com/octo-org/demarches/issues/new?template=user-story.yml)") {
		t.Fatalf("comment without the form's link: %+v", cs)
	}
	if n := h.p.Count("IssueTemplates"); n != 1 {
		t.Fatalf("first evaluation: %d form reads, want 1", n)
	}
	h.story(31, "incomplet.md")
	h.p.Reset()
	h.work(31, core.TriggerChanged, "")
	h.work(30, core.TriggerChanged, "")
	if n := h.p.Count("IssueTemplates"); n != 0 {
		t.Errorf("forms read %d times within the TTL, want 0", n)
	}
	now = now.Add(feedback.FormsTTL + time.Second)
	h.work(30, core.TriggerChanged, "")
	if n := h.p.Count("IssueTemplates"); n != 1 {
		t.Errorf("forms read %d times after the TTL, want 1", n)
	}
}

// A list that cannot be read costs the link, not the evaluation; a rate
// limit is waited out like any read's.
func TestFormsUnreadable(t *testing.T) {
	h := newHarness(t, nil)
	h.story(32, "incomplet.md")
	h.p.Fail("IssueTemplates", &core.APIError{Platform: core.GitHub, Status: 403, Message: "Resource not accessible by integration"})
	h.work(32, core.TriggerChanged, "")
	if cs := h.feedbackComments(32); len(cs) != 1 || strings.Contains(cs[0].Body, "formulaire") {
		t.Fatalf("want the comment without a link: %+v", cs)
	}

	h = newHarness(t, nil)
	h.story(33, "incomplet.md")
	h.p.Fail("IssueTemplates", &core.APIError{Platform: core.GitHub, Status: 403, RateLimited: true, RetryAfter: 9 * time.Second})
	err := h.engine.Work(context.Background(), core.Task{Feature: core.FeatureFeedback, Trigger: core.TriggerChanged, Issue: ref(33)})
	if wait, ok := core.RetryAfter(err); !ok || wait != 9*time.Second {
		t.Fatalf("a rate-limited form read must be retried after the wait, got %v", err)
	}
}
