package core

import (
	"context"
	"time"

	"github.com/cochef/cochef/rules"
)

// Evaluation is the last evaluation of an issue and what cochef wrote for
// it. The next evaluation compares with it to write nothing when nothing
// changed; dashboards and audits read it.
type Evaluation struct {
	Ref      IssueRef        `json:"ref"`
	Template string          `json:"template"`
	Lang     rules.Lang      `json:"lang"`
	Ready    bool            `json:"ready"`
	Findings []rules.Finding `json:"findings"`
	// Title and URL are the issue's as last read, so that a reader of the
	// store (the readiness dashboard) names and links the story without
	// a platform call.
	Title string `json:"title,omitempty"`
	URL   string `json:"url,omitempty"`
	// SecurityReview is the analysis asking a security review (privileged
	// persona or security topic); SecurityDismissed says whether a person
	// waived it.
	SecurityReview bool `json:"security_review,omitempty"`
	// IssueLabels are the issue's labels as last read (the team's own:
	// sprint, component…), by which the dashboard filters.
	IssueLabels []string `json:"issue_labels,omitempty"`
	// CommentID is cochef's comment on the issue; 0 when none was written.
	CommentID int64 `json:"comment_id"`
	// CommentHash is the SHA-256 of the body last written (or that would
	// have been written, in dry-run).
	CommentHash string `json:"comment_hash"`
	// CommentPending is when a creation of the comment was sent whose
	// outcome is not known (CommentState.Pending); zero otherwise.
	CommentPending time.Time `json:"comment_pending,omitzero"`
	// Labels are the cochef labels applied to the issue.
	Labels []string `json:"labels"`
	// SecurityMentioned and ReadyMentioned record that the reviewers were
	// mentioned once, so they are not mentioned again.
	SecurityMentioned bool `json:"security_mentioned"`
	ReadyMentioned    bool `json:"ready_mentioned"`
	// MentionPending is when a mention was posted whose outcome is not
	// known (PostOnce); zero otherwise.
	MentionPending time.Time `json:"mention_pending,omitzero"`
	// SecurityDismissed records that a person removed the security-review
	// label cochef applied: it is not put back while the story keeps
	// needing a review.
	SecurityDismissed bool `json:"security_dismissed,omitempty"`
	// DryRun is true when nothing was written to the platform.
	DryRun bool `json:"dry_run"`
	// Comment is the body rendered (kept for dry-run and audits).
	Comment string `json:"comment"`
	// Error is the reason of a permanent failure, empty otherwise.
	Error       string    `json:"error,omitempty"`
	EvaluatedAt time.Time `json:"evaluated_at"`
	// IssueUpdatedAt is the issue's updated_at as read for this
	// evaluation: a backfill does not read again an issue evaluated at its
	// current one. Zero while a live evaluation is saved half way (before
	// its last save), so that one cut short by a crash is done again.
	IssueUpdatedAt time.Time `json:"issue_updated_at,omitzero"`
	// StoryKey is the story's role and need, normalised (similar.Key):
	// possible duplicates are found from the stored keys, without a call
	// to the platform.
	StoryKey string `json:"story_key,omitempty"`
	// IssueClosed: the issue was seen closed after this evaluation; its
	// story is nobody's duplicate any more and leaves the dashboard.
	IssueClosed bool `json:"issue_closed,omitempty"`
}

// EvaluationStore keeps the last evaluation of each issue.
type EvaluationStore interface {
	// LastEvaluation returns nil and no error when the issue was never
	// evaluated.
	LastEvaluation(ctx context.Context, ref IssueRef) (*Evaluation, error)
	SaveEvaluation(ctx context.Context, e Evaluation) error
}

// ReadinessDay is how many of a repository's evaluated stories were ready
// at the end of one day (UTC), for the readiness trend: the store writes it
// each time it saves an evaluation of the repository.
type ReadinessDay struct {
	Platform string
	Repo     string
	// Day is the date, time zero, UTC.
	Day          time.Time
	Ready, Total int
}
