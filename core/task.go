package core

import (
	"context"
	"time"
)

// TaskKind says what a queued task does.
type TaskKind string

const (
	// TaskEvaluateIssue evaluates an issue and updates its feedback.
	TaskEvaluateIssue TaskKind = "evaluate-issue"
	// TaskCheckCommand is "/cochef check": evaluate again, acting even if
	// nothing changed, when Actor may write to the repository.
	TaskCheckCommand TaskKind = "check-command"
	// TaskRecette renders the recette checklist of a pull request or merge
	// request (Task.Issue has MergeRequest set), applying the ticks or the
	// command of Actor when the task carries them.
	TaskRecette TaskKind = "recette"
	// TaskMergeGroup answers a GitHub merge queue's checks_requested for
	// the merge group whose head commit is Task.HeadSHA.
	TaskMergeGroup TaskKind = "merge-group"
)

// Task is a unit of work the webhook intake hands to the queue: what
// identifies the work, never the payload itself (the worker reads the
// current state from the platform, so a late task never acts on stale text).
type Task struct {
	Kind  TaskKind `json:"kind"`
	Issue IssueRef `json:"issue"`
	// Delivery is the platform's delivery id (X-GitHub-Delivery,
	// Idempotency-Key…): a second task with the same Delivery is a
	// redelivery and is dropped.
	Delivery string `json:"delivery"`
	// Event and Action are the webhook's, for logs and metrics.
	Event  string `json:"event,omitempty"`
	Action string `json:"action,omitempty"`
	// Actor is who wrote the command, for TaskCheckCommand, or who ticked
	// boxes or wrote a command in a recette checklist, for TaskRecette.
	Actor string `json:"actor,omitempty"`
	// Changes are the boxes Actor ticked or unticked in one edit of the
	// recette checklist, when the webhook could tell (GitHub sends the body
	// before the edit). Nil with an Actor and no Command means "compare the
	// current checklist with the stored state" (GitLab sends no old body).
	Changes []CheckChange `json:"changes,omitempty"`
	// Command is a recette command line written by Actor ("valide 2 5",
	// "refuse 3 raison"), without the "/cochef " prefix. The text at
	// creation time is what counts: an edited command does not run again.
	Command string `json:"command,omitempty"`
	// HeadSHA is the merge group's head commit, for TaskMergeGroup.
	HeadSHA    string    `json:"head_sha,omitempty"`
	ReceivedAt time.Time `json:"received_at"`
	// Snapshot is the issue as the webhook described it. The worker reads
	// the platform's current state when it has credentials; in dry-run it
	// has only this.
	Snapshot *Issue `json:"snapshot,omitempty"`
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
