package recette_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/core/coretest"
	"github.com/cochef/cochef/recette"
	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// The recette's runs against the in-memory platform and store of
// core/coretest, on GitHub's terms (pull requests and issues share their
// numbers). What the platform received is the specification; the
// adapters' own tests check how GitHub and GitLab are asked.

type recHarness struct {
	t        *testing.T
	p        *coretest.Platform
	store    *coretest.Store
	engine   *recette.Runner
	defaults core.Settings
}

func newRecHarness(t *testing.T) *recHarness {
	t.Helper()
	set, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	defaults := core.Settings{Labels: core.DefaultLabels(), Templates: set}
	p, st := coretest.NewPlatform(), coretest.NewStore()
	e := &recette.Runner{
		Env:   core.Env{Platforms: core.Platforms{core.GitHub: p}, Settings: core.NewRepoSettings(defaults), Defaults: defaults},
		Store: st, Recettes: st, Enqueuer: st,
	}
	return &recHarness{t: t, p: p, store: st, engine: e, defaults: defaults}
}

const repo = "octo-org/demarches"

var recRepo = core.Repo{Platform: core.GitHub, FullName: repo, InstallationID: 5}

func prRef(n int) core.IssueRef { return core.IssueRef{Repo: recRepo, Number: n, MergeRequest: true} }

func issueRef(n int) core.IssueRef { return core.IssueRef{Repo: recRepo, Number: n} }

// evaluated tells the recette that story n was evaluated, as the feedback
// does after each evaluation with credentials.
func (h *recHarness) evaluated(n int) {
	h.t.Helper()
	is := h.p.Issue(issueRef(n))
	tpl := h.defaults.Template(rules.Input{Title: is.Title, Body: is.Body, Labels: is.Labels})
	res := rules.Analyze(rules.Input{Title: is.Title, Body: is.Body, Labels: is.Labels}, tpl, h.defaults.Lang)
	if err := h.engine.StoryEvaluated(context.Background(), is, res, tpl); err != nil {
		h.t.Fatalf("StoryEvaluated: %v", err)
	}
}

const story = `## Récit

En tant qu'agent instructeur, je veux voir le total des aides afin de vérifier un dossier.

## Critères d'acceptation

- [ ] Le total des aides versées est affiché
- [ ] Le total est mis à jour à chaque versement
`

func (h *recHarness) work(t core.Task) {
	h.t.Helper()
	if t.Feature == "" {
		t.Feature = core.FeatureRecette
	}
	if t.Trigger == "" {
		t.Trigger = core.TriggerChanged
	}
	if t.ReceivedAt.IsZero() {
		t.ReceivedAt = time.Now().UTC()
	}
	if err := h.engine.Work(context.Background(), t); err != nil {
		h.t.Fatalf("Work: %v", err)
	}
}

func (h *recHarness) checklist(n int) coretest.Comment {
	h.t.Helper()
	cs := h.p.Marked(prRef(n), core.MarkerRecette, "")
	if len(cs) == 0 {
		h.t.Fatalf("no checklist on #%d", n)
	}
	return cs[0]
}

func (h *recHarness) keys(n int) []string {
	h.t.Helper()
	var out []string
	for _, l := range strings.Split(h.checklist(n).Body, "\n") {
		if _, k, ok := strings.Cut(l, "<!-- k:"); ok {
			out = append(out, strings.TrimSuffix(k, " -->"))
		}
	}
	return out
}

func (h *recHarness) replies(n int) []string {
	var out []string
	for _, c := range h.p.Marked(prRef(n), core.MarkerRecetteReply, "") {
		out = append(out, c.Body)
	}
	return out
}

func (h *recHarness) trail(n int) []core.Validation {
	h.t.Helper()
	vs, err := h.store.Validations(context.Background(), prRef(n))
	if err != nil {
		h.t.Fatal(err)
	}
	return vs
}

func (h *recHarness) addStory() {
	h.p.SetIssue(core.Issue{Ref: issueRef(12), Title: "Total des aides", Body: story, URL: "https://github.com/" + repo + "/issues/12"})
}

func (h *recHarness) addPull(body string) {
	h.p.SetMergeRequest(core.MergeRequest{Ref: prRef(7), Title: "Total", Body: body, HeadSHA: "sha1",
		URL: "https://github.com/" + repo + "/pull/7"})
}

func setupPR(h *recHarness) {
	h.addStory()
	h.addPull("Fixes #12")
	h.work(core.Task{Issue: prRef(7)})
}

// GitHub's check run states, as the adapter maps them (github tests).
const (
	inProgress = core.RecettePending
	neutral    = core.RecetteNeutral
	success    = core.RecetteSuccess
)

func TestRecetteDefaultValidatorsHaveWriteAccess(t *testing.T) {
	h := newRecHarness(t)
	h.p.SetAccess("lecteur", core.AccessRead)
	h.p.SetAccess("dev", core.AccessWrite)
	setupPR(h)
	keys := h.keys(7)
	if len(keys) != 2 {
		t.Fatalf("keys %v", keys)
	}
	h.work(core.Task{Issue: prRef(7), Actor: "lecteur", Trigger: core.TriggerChecklistEdited, Changes: []core.CheckChange{{Key: keys[0], Checked: true}}})
	if len(h.trail(7)) != 0 || len(h.replies(7)) != 1 || !strings.Contains(h.replies(7)[0], "droits d'écriture") {
		t.Fatalf("a reader's tick: trail %v replies %v", h.trail(7), h.replies(7))
	}
	h.work(core.Task{Issue: prRef(7), Actor: "dev", Trigger: core.TriggerChecklistEdited, Changes: []core.CheckChange{{Key: keys[0], Checked: true}}})
	if tr := h.trail(7); len(tr) != 1 || tr[0].Actor != "dev" {
		t.Fatalf("a writer's tick: %+v", tr)
	}
}

func TestRecetteTeamValidators(t *testing.T) {
	h := newRecHarness(t)
	h.p.SetConfig(recRepo, "lang: en\nrecette:\n  teams: [octo-org/metier]\n")
	h.p.SetTeamMember("octo-org/metier", "marie")
	h.p.SetAccess("admin", core.AccessAdmin)
	setupPR(h)
	if !strings.Contains(h.checklist(7).Body, "Who validates: members of `octo-org/metier`") {
		t.Fatalf("checklist does not say who validates:\n%s", h.checklist(7).Body)
	}
	h.work(core.Task{Issue: prRef(7), Actor: "admin", Trigger: core.TriggerCommand, Command: &core.Command{Verb: core.VerbValidate, All: true}})
	if len(h.trail(7)) != 0 || len(h.replies(7)) != 1 || !strings.Contains(h.replies(7)[0], "only members of `octo-org/metier`") {
		t.Fatalf("an admin outside the team: trail %v replies %v", h.trail(7), h.replies(7))
	}
	if n := h.p.Count("Access"); n != 0 {
		t.Fatalf("with teams configured, write access was asked %d times", n)
	}
	h.work(core.Task{Issue: prRef(7), Actor: "marie", Trigger: core.TriggerCommand, Command: &core.Command{Verb: core.VerbValidate, All: true}})
	runs := h.p.Statuses(prRef(7))
	if tr := h.trail(7); len(tr) != 2 || runs[len(runs)-1].State != success || runs[len(runs)-1].Title != "2/2 criteria validated" {
		t.Fatalf("a team member's command: trail %+v run %+v", tr, runs[len(runs)-1])
	}
}

func TestRecetteLateEventDoesNotUndoANewerTick(t *testing.T) {
	h := newRecHarness(t)
	h.p.SetConfig(recRepo, "recette:\n  validators: [marie]\n")
	setupPR(h)
	k := h.keys(7)[0]
	now := time.Now().UTC()
	h.work(core.Task{Issue: prRef(7), Actor: "marie", Trigger: core.TriggerChecklistEdited, Changes: []core.CheckChange{{Key: k, Checked: true}}, ReceivedAt: now})
	// The untick happened before the tick but is delivered after it.
	h.work(core.Task{Issue: prRef(7), Actor: "marie", Trigger: core.TriggerChecklistEdited, Changes: []core.CheckChange{{Key: k, Checked: false}}, ReceivedAt: now.Add(-time.Second)})
	if tr := h.trail(7); len(tr) != 1 || tr[0].State != core.Validated {
		t.Fatalf("trail %+v", tr)
	}
	if !strings.Contains(h.checklist(7).Body, "- [x] **1.**") {
		t.Fatalf("the newer tick was undone:\n%s", h.checklist(7).Body)
	}
	// The same event twice (a retry) records once.
	h.work(core.Task{Issue: prRef(7), Actor: "marie", Trigger: core.TriggerChecklistEdited, Changes: []core.CheckChange{{Key: k, Checked: true}}, ReceivedAt: now})
	if tr := h.trail(7); len(tr) != 1 {
		t.Fatalf("a repeated tick was recorded again: %+v", tr)
	}
}

func TestRecetteCommandMistakesAreAnswered(t *testing.T) {
	h := newRecHarness(t)
	h.p.SetConfig(recRepo, "recette:\n  validators: [marie]\n")
	setupPR(h)
	h.work(core.Task{Issue: prRef(7), Actor: "marie", Trigger: core.TriggerCommand, Command: &core.Command{Verb: core.VerbValidate, Items: []int{2, 9}}})
	h.work(core.Task{Issue: prRef(7), Actor: "marie", Trigger: core.TriggerCommand, Command: &core.Command{Verb: core.VerbRefuse, Items: []int{1}}})
	h.work(core.Task{Issue: prRef(7), Actor: "marie", Trigger: core.TriggerCommand, Command: &core.Command{Verb: core.VerbValidate}})
	r := h.replies(7)
	if len(r) != 3 || !strings.Contains(r[0], "numéro inconnu : 9") || !strings.Contains(r[1], "un refus doit dire pourquoi") ||
		!strings.Contains(r[2], "critères 1 à 2") {
		t.Fatalf("replies %q", r)
	}
	if tr := h.trail(7); len(tr) != 1 || tr[0].Text != "Le total est mis à jour à chaque versement" {
		t.Fatalf("valid numbers of a command with a bad one must apply: %+v", tr)
	}
}

func TestRecetteStoriesLinkedLaterGetANewCheckRun(t *testing.T) {
	h := newRecHarness(t)
	h.addStory()
	h.addPull("wip")
	h.work(core.Task{Issue: prRef(7)})
	runs := h.p.Statuses(prRef(7))
	if len(runs) != 1 || runs[0].State != neutral || len(h.p.Comments(prRef(7))) != 0 {
		t.Fatalf("no story: runs %+v comments %v", runs, h.p.Comments(prRef(7)))
	}
	h.p.EditMergeRequest(prRef(7), func(mr *core.MergeRequest) { mr.Body = "Closes #12" })
	h.work(core.Task{Issue: prRef(7)})
	runs = h.p.Statuses(prRef(7))
	if len(runs) != 2 || runs[1].State != inProgress || runs[0].State != neutral {
		t.Fatalf("a completed check run must not be reopened: %+v", runs)
	}
	// A push moves the status to the new head commit.
	h.p.EditMergeRequest(prRef(7), func(mr *core.MergeRequest) { mr.HeadSHA = "sha2" })
	h.work(core.Task{Issue: prRef(7)})
	runs = h.p.Statuses(prRef(7))
	if len(runs) != 3 || runs[2].SHA != "sha2" || runs[2].State != inProgress {
		t.Fatalf("after a push: %+v", runs)
	}
}

func TestRecetteStoryEditQueuesOpenPullRequestsOnly(t *testing.T) {
	h := newRecHarness(t)
	setupPR(h)
	links, err := h.store.RecettesClosing(context.Background(), core.IssueRef{Repo: recRepo, Number: 12})
	if err != nil || len(links) != 1 || links[0].MergeRequest != prRef(7) {
		t.Fatalf("links %+v, %v", links, err)
	}
	// The first render told the story's feedback its progress line.
	if q := h.store.Queued(); len(q) != 1 || q[0].Feature != core.FeatureFeedback || q[0].Issue != issueRef(12) {
		t.Fatalf("first render queued %+v, want the story's feedback", q)
	}
	// An evaluation that finds the criteria unchanged queues nothing.
	h.evaluated(12)
	if q := h.store.Queued(); len(q) != 0 {
		t.Fatalf("unchanged story queued %+v", q)
	}
	h.p.Edit(issueRef(12), func(is *core.Issue) { is.Body = strings.Replace(story, "à chaque versement", "dans la minute", 1) })
	h.evaluated(12)
	q := h.store.Queued()
	if len(q) != 1 || q[0].Feature != core.FeatureRecette || q[0].Issue != prRef(7) {
		t.Fatalf("changed story queued %+v", q)
	}
	h.work(q[0])
	if !strings.Contains(h.checklist(7).Body, "dans la minute") {
		t.Fatal("the checklist did not follow the story")
	}
	// Once merged, the pull request no longer follows its stories.
	h.p.EditMergeRequest(prRef(7), func(mr *core.MergeRequest) { mr.State = "merged" })
	h.work(core.Task{Issue: prRef(7)})
	if q := h.store.Queued(); len(q) != 1 || q[0].Feature != core.FeatureFeedback {
		t.Fatalf("merged: queued %+v, want the story's feedback (its line goes)", q)
	}
	h.p.Edit(issueRef(12), func(is *core.Issue) { is.Body = story })
	h.evaluated(12)
	if q := h.store.Queued(); len(q) != 0 {
		t.Fatalf("a merged PR was queued: %+v", q)
	}
}

func TestRecetteDeletedChecklistIsWrittenAgain(t *testing.T) {
	h := newRecHarness(t)
	setupPR(h)
	old := h.checklist(7)
	h.p.DeleteComment(old.ID)
	// From a reader, /cochef check is ignored: a full re-read is not free.
	h.p.SetAccess("lecteur", core.AccessRead)
	h.p.Reset()
	h.work(core.Task{Issue: prRef(7), Actor: "lecteur", Trigger: core.TriggerCommand, Command: &core.Command{Verb: core.VerbCheck}})
	if w := h.p.Writes(); len(w) != 0 {
		t.Fatalf("a reader's /cochef check wrote %d times", len(w))
	}
	h.p.SetAccess("someone", core.AccessWrite)
	h.work(core.Task{Issue: prRef(7), Actor: "someone", Trigger: core.TriggerCommand, Command: &core.Command{Verb: core.VerbCheck}})
	if c := h.checklist(7); c.ID == old.ID || c.Body != old.Body {
		t.Fatalf("checklist not written again: %+v", c)
	}
	// A hand edit of the text is repaired by a forced render.
	c := h.checklist(7)
	h.p.SetCommentBody(c.ID, c.Body+"\nrien à voir")
	h.work(core.Task{Issue: prRef(7), Actor: "someone", Trigger: core.TriggerCommand, Command: &core.Command{Verb: core.VerbCheck}})
	if h.checklist(7).Body != old.Body {
		t.Fatal("hand edit not repaired")
	}
}

func TestRecetteBrokenConfigAcceptsNoValidation(t *testing.T) {
	h := newRecHarness(t)
	// A typo elsewhere in the file must not drop the validator list and
	// let every developer validate.
	h.p.SetConfig(recRepo, "recette:\n  validators: [marie]\nlabels:\n  ready: {name: prêt, color: vert}\n")
	setupPR(h)
	h.p.SetAccess("dev", core.AccessWrite)
	h.work(core.Task{Issue: prRef(7), Actor: "dev", Trigger: core.TriggerCommand, Command: &core.Command{Verb: core.VerbValidate, Items: []int{1}}})
	h.p.SetAccess("marie", core.AccessWrite)
	h.work(core.Task{Issue: prRef(7), Actor: "marie", Trigger: core.TriggerCommand, Command: &core.Command{Verb: core.VerbValidate, Items: []int{1}}})
	if c := h.checklist(7); strings.Contains(c.Body, "- [x]") {
		t.Fatalf("a validation was accepted under a broken configuration:\n%s", c.Body)
	}
}

func TestRecetteHandEditIsWrittenBack(t *testing.T) {
	h := newRecHarness(t)
	setupPR(h)
	c := h.checklist(7)
	// A person rewrites text in the checklist without ticking anything:
	// GitHub sends an edit of cochef's comment with no box changed.
	h.p.SetCommentBody(c.ID, c.Body+"\nrien à voir")
	h.work(core.Task{Issue: prRef(7), Trigger: core.TriggerChecklistEdited})
	if got := h.checklist(7); got.ID != c.ID || got.Body != c.Body {
		t.Fatalf("hand edit not written back:\n%s", got.Body)
	}
	// The same event when nothing was changed writes nothing.
	h.p.Reset()
	h.work(core.Task{Issue: prRef(7), Trigger: core.TriggerChecklistEdited})
	if w := h.p.Writes(); len(w) != 0 {
		t.Fatalf("an unchanged checklist was written %d times", len(w))
	}
}

func TestRecetteDeletedPullRequestStopsFollowingItsStories(t *testing.T) {
	h := newRecHarness(t)
	setupPR(h)
	h.p.Fail("GetMergeRequest", &core.APIError{Platform: core.GitHub, Status: 404})
	h.work(core.Task{Issue: prRef(7), Trigger: core.TriggerChanged})
	links, err := h.store.RecettesClosing(context.Background(), core.IssueRef{Repo: recRepo, Number: 12})
	if err != nil || len(links) != 0 {
		t.Fatalf("a deleted pull request still follows its story: %+v, %v", links, err)
	}
}
