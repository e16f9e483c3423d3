package store

import (
	"strings"
	"time"

	"github.com/riverqueue/river"

	"github.com/cochef/cochef/core"
)

// Job kinds, one per feature. They are stored with every job: a kind never
// changes meaning; new needs get a new kind (and a migration, as for
// KindLegacy).
const (
	KindFeedback   = "cochef.feedback"
	KindRecette    = "cochef.recette"
	KindMergeGroup = "cochef.merge_group"
	// KindLegacy carried every task before the kinds were split. Queued
	// jobs of this kind are moved to their feature's kind by migration 4;
	// a worker still runs those that an older replica inserts during a
	// rolling upgrade.
	KindLegacy = "cochef.evaluate_issue"
)

// jobArgs are the arguments of one of cochef's job kinds: what the worker
// needs to rebuild the task. The issue snapshot is not carried here but in
// issue_activity, where every task of a burst replaces it with a newer one.
type jobArgs interface {
	river.JobArgs
	task() core.Task
	// job is the arguments without what only describes one event (its
	// delivery and receipt time): tasks with equal jobs have the same
	// River unique key.
	job() jobArgs
}

// jobRef is the issue or pull/merge request a job acts on. Its platform,
// path and number make a job unique, with the kind and the fields each kind
// marks: tasks that differ in nothing else share one job.
type jobRef struct {
	Platform       string `json:"platform" river:"unique"`
	Repo           string `json:"repo" river:"unique"`
	Number         int    `json:"number" river:"unique"`
	InstallationID int64  `json:"installation_id,omitempty"`
	ProjectID      int64  `json:"project_id,omitempty"`
}

func refOf(r core.IssueRef) jobRef {
	return jobRef{Platform: r.Repo.Platform, Repo: r.Repo.FullName, Number: r.Number,
		InstallationID: r.Repo.InstallationID, ProjectID: r.Repo.ProjectID}
}

func (r jobRef) issue(mergeRequest bool) core.IssueRef {
	return core.IssueRef{
		Repo:         core.Repo{Platform: r.Platform, FullName: r.Repo, InstallationID: r.InstallationID, ProjectID: r.ProjectID},
		Number:       r.Number,
		MergeRequest: mergeRequest,
	}
}

// feedbackArgs is an issue's evaluation. The actor is part of the key so
// that "/cochef check" from a maintainer is not swallowed by an earlier
// one from a reader (the worker checks the actor's access).
type feedbackArgs struct {
	Ref        jobRef       `json:"ref"`
	Trigger    core.Trigger `json:"trigger" river:"unique"`
	Actor      string       `json:"actor,omitempty" river:"unique"`
	Delivery   string       `json:"delivery,omitempty"`
	ReceivedAt time.Time    `json:"received_at"`
}

func (feedbackArgs) Kind() string { return KindFeedback }

func (a feedbackArgs) job() jobArgs { a.Delivery, a.ReceivedAt = "", time.Time{}; return a }

func (a feedbackArgs) task() core.Task {
	t := core.Task{Feature: core.FeatureFeedback, Issue: a.Ref.issue(false), Trigger: a.Trigger,
		Actor: a.Actor, Delivery: a.Delivery, ReceivedAt: a.ReceivedAt}
	if a.Trigger == core.TriggerCommand {
		// The only command of an issue.
		t.Command = &core.Command{Verb: core.VerbCheck}
	}
	return t
}

// recetteArgs is a pull or merge request's checklist. The trigger, the
// command and the boxes are part of the key: two edits of a checklist by
// one person each say what they changed, so neither may swallow the other.
type recetteArgs struct {
	Ref        jobRef             `json:"ref"`
	Trigger    core.Trigger       `json:"trigger" river:"unique"`
	Actor      string             `json:"actor,omitempty" river:"unique"`
	Command    *core.Command      `json:"command,omitempty" river:"unique"`
	Changes    []core.CheckChange `json:"changes,omitempty" river:"unique"`
	Delivery   string             `json:"delivery,omitempty"`
	ReceivedAt time.Time          `json:"received_at"`
}

func (recetteArgs) Kind() string { return KindRecette }

func (a recetteArgs) job() jobArgs { a.Delivery, a.ReceivedAt = "", time.Time{}; return a }

func (a recetteArgs) task() core.Task {
	return core.Task{Feature: core.FeatureRecette, Issue: a.Ref.issue(true), Trigger: a.Trigger, Actor: a.Actor,
		Command: a.Command, Changes: a.Changes, Delivery: a.Delivery, ReceivedAt: a.ReceivedAt}
}

// mergeGroupArgs answers a merge queue for the group whose head commit is
// HeadSHA.
type mergeGroupArgs struct {
	Ref        jobRef    `json:"ref"`
	HeadSHA    string    `json:"head_sha" river:"unique"`
	Delivery   string    `json:"delivery,omitempty"`
	ReceivedAt time.Time `json:"received_at"`
}

func (mergeGroupArgs) Kind() string { return KindMergeGroup }

func (a mergeGroupArgs) job() jobArgs { a.Delivery, a.ReceivedAt = "", time.Time{}; return a }

func (a mergeGroupArgs) task() core.Task {
	return core.Task{Feature: core.FeatureMergeGroup, Issue: a.Ref.issue(true), Trigger: core.TriggerChanged,
		HeadSHA: a.HeadSHA, Delivery: a.Delivery, ReceivedAt: a.ReceivedAt}
}

// argsOf is the job of t's feature; false for a feature without one.
func argsOf(t core.Task) (jobArgs, bool) {
	ref := refOf(t.Issue)
	switch t.Feature {
	case core.FeatureFeedback:
		return feedbackArgs{Ref: ref, Trigger: t.Trigger, Actor: t.Actor, Delivery: t.Delivery, ReceivedAt: t.ReceivedAt}, true
	case core.FeatureRecette:
		return recetteArgs{Ref: ref, Trigger: t.Trigger, Actor: t.Actor, Command: t.Command, Changes: t.Changes,
			Delivery: t.Delivery, ReceivedAt: t.ReceivedAt}, true
	case core.FeatureMergeGroup:
		return mergeGroupArgs{Ref: ref, HeadSHA: t.HeadSHA, Delivery: t.Delivery, ReceivedAt: t.ReceivedAt}, true
	}
	return nil, false
}

// legacyArgs are the arguments of KindLegacy jobs, exactly as the releases
// before the split wrote them: one struct for every task, its kind in
// TaskKind and the platform's event names in Event and Action.
type legacyArgs struct {
	Platform       string             `json:"platform" river:"unique"`
	Repo           string             `json:"repo" river:"unique"`
	Number         int                `json:"number" river:"unique"`
	TaskKind       string             `json:"task_kind" river:"unique"`
	Actor          string             `json:"actor,omitempty" river:"unique"`
	MergeRequest   bool               `json:"merge_request,omitempty" river:"unique"`
	Changes        []core.CheckChange `json:"changes,omitempty" river:"unique"`
	Command        string             `json:"command,omitempty" river:"unique"`
	HeadSHA        string             `json:"head_sha,omitempty" river:"unique"`
	InstallationID int64              `json:"installation_id,omitempty"`
	ProjectID      int64              `json:"project_id,omitempty"`
	Delivery       string             `json:"delivery,omitempty"`
	Event          string             `json:"event,omitempty"`
	Action         string             `json:"action,omitempty"`
	ReceivedAt     time.Time          `json:"received_at"`
}

func (legacyArgs) Kind() string { return KindLegacy }

func (a legacyArgs) job() jobArgs {
	a.Delivery, a.Event, a.Action, a.ReceivedAt = "", "", "", time.Time{}
	return a
}

// task reads a legacy job as the intake would describe it today: the old
// task kinds become features, and the event names the old worker compared
// become the trigger.
func (a legacyArgs) task() core.Task {
	ref := jobRef{Platform: a.Platform, Repo: a.Repo, Number: a.Number, InstallationID: a.InstallationID, ProjectID: a.ProjectID}
	t := core.Task{Feature: core.FeatureFeedback, Issue: ref.issue(a.MergeRequest), Trigger: core.TriggerChanged,
		Delivery: a.Delivery, ReceivedAt: a.ReceivedAt}
	switch a.TaskKind {
	case "check-command":
		t.Trigger, t.Actor, t.Command = core.TriggerCommand, a.Actor, &core.Command{Verb: core.VerbCheck}
	case "recette":
		t.Feature, t.Actor, t.Changes = core.FeatureRecette, a.Actor, a.Changes
		t.Issue.MergeRequest = true
		if a.Command != "" {
			// The command was stored without its "/cochef " prefix. One
			// the grammar no longer reads still renders the checklist.
			if c, ok := core.ParseCommand("/cochef " + a.Command); ok {
				t.Trigger, t.Command = core.TriggerCommand, &c
			}
		} else if a.Event == "issue_comment" && a.Action == "edited" || strings.HasSuffix(a.Event, "Note Hook") && a.Action == "update" {
			t.Trigger = core.TriggerChecklistEdited
		}
	case "merge-group":
		t.Feature, t.HeadSHA = core.FeatureMergeGroup, a.HeadSHA
		t.Issue.MergeRequest = true
	}
	return t
}
