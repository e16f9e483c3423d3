package core

import "context"

// Platform is everything the evaluation asks of GitHub or GitLab. One
// adapter per host implements it; tests use a recording fake server behind
// the real adapter rather than a mock of this interface.
//
// Every method takes a context and returns errors as *APIError where the
// platform answered with an error status, so the caller can tell transient
// from permanent failures without knowing the platform.
type Platform interface {
	// Name is GitHub or GitLab.
	Name() string

	// GetIssue reads an issue's current title, body and labels.
	GetIssue(ctx context.Context, ref IssueRef) (Issue, error)

	// FindComment returns the first comment on the issue whose body contains
	// marker, looking through every page, or nil when there is none.
	FindComment(ctx context.Context, ref IssueRef, marker string) (*Comment, error)
	CreateComment(ctx context.Context, ref IssueRef, body string) (Comment, error)
	EditComment(ctx context.Context, ref IssueRef, id int64, body string) error

	// EnsureLabels creates, in the repository, those of labels that do not
	// exist yet. Existing labels are left as they are.
	EnsureLabels(ctx context.Context, repo Repo, labels []Label) error
	AddLabels(ctx context.Context, ref IssueRef, names []string) error
	RemoveLabel(ctx context.Context, ref IssueRef, name string) error

	// Access tells what user may do on the repository.
	Access(ctx context.Context, repo Repo, user string) (Access, error)

	// ReadConfig returns the repository's cochef configuration file, falling
	// back to the organisation's or group's, with where it was found
	// (for error messages). It returns found=false when there is none.
	ReadConfig(ctx context.Context, repo Repo) (data []byte, source string, found bool, err error)
}
