package core

import (
	"context"
	"time"

	"github.com/cochef/cochef/rules"
)

// Feature is the part of cochef a task is for. The queue keeps one job
// kind per feature, with arguments of its own.
type Feature string

const (
	// FeatureFeedback evaluates an issue and keeps its feedback comment
	// and labels current.
	FeatureFeedback Feature = "feedback"
	// FeatureRecette keeps the recette checklist of a pull or merge
	// request current (Task.Issue has MergeRequest set).
	FeatureRecette Feature = "recette"
	// FeatureMergeGroup answers a GitHub merge queue's checks for the
	// merge group whose head commit is Task.HeadSHA.
	FeatureMergeGroup Feature = "merge_group"
)

// Trigger is what happened, as the intake understood the platform's event.
// Features decide from it, never from a platform's event names.
type Trigger string

const (
	// TriggerChanged: the issue or PR/MR may have changed (opened, edited,
	// labelled, pushed, closed, one of its stories edited…); read it again.
	TriggerChanged Trigger = "changed"
	// TriggerCommand: Actor wrote Command at the start of a new comment.
	TriggerCommand Trigger = "command"
	// TriggerChecklistEdited: cochef's checklist comment was edited. With
	// an Actor, they ticked or unticked the boxes in Changes (nil when the
	// platform did not say which: compare the comment with the stored
	// state); without, someone changed its text by hand and no box.
	TriggerChecklistEdited Trigger = "checklist_edited"
)

// Task is a unit of work the webhook intake hands to the queue: what
// identifies the work, never the payload itself (the worker reads the
// current state from the platform, so a late task never acts on stale text).
type Task struct {
	Feature Feature  `json:"feature"`
	Issue   IssueRef `json:"issue"`
	Trigger Trigger  `json:"trigger"`
	// Delivery is the platform's delivery id (X-GitHub-Delivery,
	// Idempotency-Key…): a second task with the same Delivery is a
	// redelivery and is dropped.
	Delivery string `json:"delivery"`
	// Actor wrote the command or edited the checklist.
	Actor string `json:"actor,omitempty"`
	// Command is the command Actor wrote, for TriggerCommand. The text at
	// creation time is what counts: an edited command does not run again.
	Command *Command `json:"command,omitempty"`
	// Changes are the boxes Actor ticked or unticked in one edit of the
	// recette checklist, when the webhook could tell (GitHub sends the body
	// before the edit).
	Changes []CheckChange `json:"changes,omitempty"`
	// HeadSHA is the merge group's head commit, for FeatureMergeGroup.
	HeadSHA    string    `json:"head_sha,omitempty"`
	ReceivedAt time.Time `json:"received_at"`
	// Snapshot is the issue as the webhook described it. The worker reads
	// the platform's current state when it has credentials; in dry-run it
	// has only this.
	Snapshot *Issue `json:"snapshot,omitempty"`
}

// Outcome sums up one task's run for logs and metrics.
type Outcome struct {
	Ref      IssueRef
	Feature  Feature
	Template string
	Ready    bool
	Findings []rules.Finding
	// Reads and Writes are the platform calls made.
	Reads   int
	Writes  int
	Skipped string // why nothing was done, if so
	// Err is the attempt's error: a failed attempt is retried, so its
	// analysis must not be counted twice.
	Err    error
	DryRun bool
}

// Enqueuer durably records tasks. Enqueue returns only once the task is
// committed to storage, so an event answered 2xx survives a crash. It
// returns enqueued=false for a delivery it has already seen.
type Enqueuer interface {
	Enqueue(ctx context.Context, t Task) (enqueued bool, err error)
}

// Worker carries out tasks. An error that IsPermanent is recorded and not
// retried; one with a RetryAfter is retried after that wait; any other
// error is retried with backoff.
type Worker interface {
	Work(ctx context.Context, t Task) error
}

// Dispatch runs each task with the worker of its feature.
type Dispatch map[Feature]Worker

// Work implements Worker.
func (d Dispatch) Work(ctx context.Context, t Task) error {
	w, ok := d[t.Feature]
	if !ok {
		// An unknown feature cannot become valid by retrying.
		return &APIError{Platform: t.Issue.Repo.Platform, Status: 400, Message: "no worker for feature " + string(t.Feature)}
	}
	return w.Work(ctx, t)
}
