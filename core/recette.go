package core

import (
	"context"
	"time"
)

// Recette: when a pull request (GitHub) or merge request (GitLab) closes
// stories, their acceptance criteria become its recette checklist, one
// comment kept current by cochef; the validators tick the boxes (or write
// commands), every validation is kept in a trail, and a status on the head
// commit holds the merge until every criterion is validated.

// RecetteStatusName is the check run (GitHub) and commit status (GitLab)
// cochef sets on the head commit; a branch protection may require it.
const RecetteStatusName = "cochef/recette"

// MergeRequest is what the recette needs to know about a pull request or
// merge request.
type MergeRequest struct {
	// Ref has MergeRequest set.
	Ref     IssueRef
	Title   string
	Body    string
	HeadSHA string
	// State is "open", "closed" or "merged".
	State     string
	Author    string
	URL       string
	Labels    []string
	Milestone string
}

// RecetteState is the state of a recette status.
type RecetteState string

const (
	// RecettePending: stories are linked and some criteria are not
	// validated (GitHub: check run in progress; GitLab: pending).
	RecettePending RecetteState = "pending"
	// RecetteSuccess: every criterion of every linked story is validated.
	RecetteSuccess RecetteState = "success"
	// RecetteNeutral: the PR/MR closes no story; nothing to validate
	// (GitHub: check run concluded neutral; GitLab: success).
	RecetteNeutral RecetteState = "neutral"
)

// RecetteStatus is the status cochef sets on a head commit.
type RecetteStatus struct {
	State       RecetteState
	Done, Total int
	// Title is one line ("3/7 critères validés"); Summary and Text are
	// Markdown (what remains, refusals). GitLab shows Description only.
	Title       string
	Summary     string
	Text        string
	Description string
	// URL points at the checklist.
	URL string
	// ID is the status last created on this same head commit, to update
	// rather than create (GitHub check run id); 0 creates a new one.
	ID int64
	// Previous is the state last set on this same head commit, "" when
	// none: an adapter whose platform keeps only the state (GitLab) skips
	// a call that would not change it.
	Previous RecetteState
}

// ValidationState is what a trail entry says of a criterion.
type ValidationState string

const (
	Validated ValidationState = "validated"
	Refused   ValidationState = "refused"
	// Unticked withdraws an earlier validation or refusal.
	Unticked ValidationState = "unticked"
)

// Validation sources.
const (
	SourceTick    = "tick"
	SourceCommand = "command"
)

// Validation is one entry of the recette trail. Entries are never changed
// or removed: the current state of a criterion is its latest entry.
type Validation struct {
	MergeRequest IssueRef        `json:"merge_request"`
	Story        IssueRef        `json:"story"`
	Key          string          `json:"key"`
	Text         string          `json:"text"`
	State        ValidationState `json:"state"`
	Actor        string          `json:"actor"`
	At           time.Time       `json:"at"`
	HeadSHA      string          `json:"head_sha"`
	Reason       string          `json:"reason,omitempty"`
	Source       string          `json:"source"`
}

// Item kinds.
const (
	// ItemCriterion is an acceptance criterion or a business rule.
	ItemCriterion = "criterion"
	// ItemMeasure is a statement of the story's security notes or RGPD
	// section, to verify on the delivered feature.
	ItemMeasure = "measure"
	// ItemSecurity is a check of the template's security checklist that
	// matches the story's topics.
	ItemSecurity = "security"
)

// RecetteItem is one box of the checklist.
type RecetteItem struct {
	// Key is stable across edits of the story as long as the item's text
	// (and, for a scenario, its steps) does not change.
	Key    string `json:"key"`
	Number int    `json:"number"`
	Kind   string `json:"kind"`
	// Text is the criterion or scenario title as the story wrote it (user
	// text), or the security question.
	Text    string   `json:"text"`
	Gherkin bool     `json:"gherkin,omitempty"`
	Steps   []string `json:"steps,omitempty"`
}

// RecetteStory is one linked story as last read.
type RecetteStory struct {
	Ref   IssueRef `json:"ref"`
	Title string   `json:"title"`
	URL   string   `json:"url"`
	// Unreadable is set when cochef may not read the story (another
	// repository it is not installed on, a deleted issue).
	Unreadable  bool          `json:"unreadable,omitempty"`
	Sensitive   bool          `json:"sensitive,omitempty"`
	FeedbackURL string        `json:"feedback_url,omitempty"`
	Items       []RecetteItem `json:"items"`
	// Digest changes when what the checklist shows of the story changes;
	// an issue evaluation compares it to decide whether to re-render.
	Digest string `json:"digest"`
	// Told sums up the progress line last told to the story's feedback
	// (RecetteProgress), to tell it again only when it changes.
	Told string `json:"told,omitempty"`
}

// RecetteProgress is where a story stands in the recette of one open pull
// or merge request that closes it: its items validated, in all, refused.
// The story's feedback comment shows it in one line.
type RecetteProgress struct {
	MergeRequest IssueRef `json:"merge_request"`
	// URL is the checklist's address.
	URL                  string `json:"url"`
	Done, Total, Refused int
}

// RecetteModel is the checklist as last rendered: the PV is written from
// it and the trail.
type RecetteModel struct {
	// Version is the way the items were made (recette.ModelVersion): a
	// model made another way is made again from the stories rather than
	// reused.
	Version int            `json:"version,omitempty"`
	Stories []RecetteStory `json:"stories"`
}

// RecetteRecord is what cochef keeps of one PR/MR's recette.
type RecetteRecord struct {
	Ref       IssueRef `json:"ref"`
	Title     string   `json:"title"`
	URL       string   `json:"url"`
	Milestone string   `json:"milestone"`
	HeadSHA   string   `json:"head_sha"`
	State     string   `json:"state"`
	Lang      string   `json:"lang"`
	CommentID int64    `json:"comment_id"`
	// CommentHash is the SHA-256 of the checklist body last written.
	CommentHash string `json:"comment_hash"`
	// CommentPending is when a creation of the checklist was sent whose
	// outcome is not known (CommentState.Pending); zero otherwise.
	CommentPending time.Time `json:"comment_pending,omitzero"`
	// ReplyPending is when a reply was posted whose outcome is not known
	// (PostOnce); zero otherwise.
	ReplyPending   time.Time `json:"reply_pending,omitzero"`
	ThreadID       string    `json:"thread_id,omitempty"`
	ThreadResolved bool      `json:"thread_resolved,omitempty"`
	// StatusID, StatusSHA and StatusState are the status last set;
	// StatusKey sums it up, to set it again only when it changes.
	StatusID    int64        `json:"status_id"`
	StatusSHA   string       `json:"status_sha"`
	StatusState RecetteState `json:"status_state"`
	StatusKey   string       `json:"status_key"`
	// Labels are the recette labels cochef applied.
	Labels    []string     `json:"labels"`
	Model     RecetteModel `json:"model"`
	Error     string       `json:"error,omitempty"`
	UpdatedAt time.Time    `json:"updated_at"`
}

// RecetteLink is an open PR/MR that closes a story, with the story's
// digest as last rendered there.
type RecetteLink struct {
	MergeRequest IssueRef
	Digest       string
}

// RecetteStore keeps the recette records, the trail and the story → PR/MR
// links.
type RecetteStore interface {
	// LoadRecette returns nil and no error for a PR/MR never seen.
	LoadRecette(ctx context.Context, ref IssueRef) (*RecetteRecord, error)
	// SaveRecette replaces the record and the links of its stories (open
	// while the PR/MR is open).
	SaveRecette(ctx context.Context, r RecetteRecord) error
	AddValidations(ctx context.Context, vs []Validation) error
	// Validations returns the trail of one PR/MR, oldest first.
	Validations(ctx context.Context, ref IssueRef) ([]Validation, error)
	// RecettesClosing returns the open PRs/MRs that close story.
	RecettesClosing(ctx context.Context, story IssueRef) ([]RecetteLink, error)
}
