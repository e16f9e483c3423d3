package core

import "context"

// What cochef asks of GitHub or GitLab, split by role: each feature
// declares the roles it uses, and a test fake implements only those. Every
// method takes a context and returns errors as *APIError where the platform
// answered with an error status, so the caller can tell transient from
// permanent failures without knowing the platform.

// Issues reads issues.
type Issues interface {
	// GetIssue reads an issue's current title, body and labels.
	GetIssue(ctx context.Context, ref IssueRef) (Issue, error)
}

// Comments reads and writes comments on issues and pull or merge requests
// (GitLab: notes).
type Comments interface {
	// FindComment returns the first comment cochef wrote on ref whose body
	// contains marker, looking through every page, or nil when there is
	// none. A person's comment quoting the marker is never returned.
	FindComment(ctx context.Context, ref IssueRef, marker string) (*Comment, error)
	// MarkedComments returns every comment cochef wrote on ref whose body
	// contains marker, oldest first, read from the platform itself
	// (no cache, no conditional request): what SyncComment reads after a
	// write whose outcome is unknown, and to find duplicates.
	MarkedComments(ctx context.Context, ref IssueRef, marker string) ([]Comment, error)
	CreateComment(ctx context.Context, ref IssueRef, body string) (Comment, error)
	EditComment(ctx context.Context, ref IssueRef, id int64, body string) error
	// RemoveComment deletes one of cochef's comments (a duplicate); one
	// already gone is not an error.
	RemoveComment(ctx context.Context, ref IssueRef, id int64) error
}

// Labels manages the labels of issues and pull or merge requests.
type Labels interface {
	// EnsureLabels creates, in the repository, those of labels that do not
	// exist yet. Existing labels are left as they are.
	EnsureLabels(ctx context.Context, repo Repo, labels []Label) error
	AddLabels(ctx context.Context, ref IssueRef, names []string) error
	RemoveLabel(ctx context.Context, ref IssueRef, name string) error
}

// Permissions tells what a user may do.
type Permissions interface {
	// Access tells what user may do on the repository.
	Access(ctx context.Context, repo Repo, user string) (Access, error)
	// IsTeamMember tells whether user belongs to team: "org/team-slug" on
	// GitHub, a group's full path on GitLab.
	IsTeamMember(ctx context.Context, repo Repo, team, user string) (bool, error)
}

// Configs reads cochef's configuration file of a repository.
type Configs interface {
	// ReadConfig returns the repository's cochef configuration file, falling
	// back to the organisation's or group's, with where it was found
	// (for error messages). It returns found=false when there is none.
	ReadConfig(ctx context.Context, repo Repo) (data []byte, source string, found bool, err error)
}

// Forms lists a repository's ready-made issues.
type Forms interface {
	// IssueTemplates lists GitHub's issue forms and templates
	// (.github/ISSUE_TEMPLATE/*.yml, *.md) or GitLab's description
	// templates (.gitlab/issue_templates/*.md and the group's), each with
	// the address that opens a new issue with it. None is an empty list,
	// not an error.
	IssueTemplates(ctx context.Context, repo Repo) ([]IssueTemplate, error)
}

// IssueTemplate is one of a repository's ready-made issues: Name is the
// file's name without its extension (a template exported by cochef bears
// its template's name), URL opens a new issue with it.
type IssueTemplate struct {
	Name string
	URL  string
}

// MergeRequests reads pull requests (GitHub) and merge requests (GitLab).
// Their comments and labels go through Comments and Labels with
// IssueRef.MergeRequest set.
type MergeRequests interface {
	GetMergeRequest(ctx context.Context, ref IssueRef) (MergeRequest, error)
	// ClosingIssues returns the issues the platform itself says mr closes
	// (GitHub: GraphQL closingIssuesReferences; GitLab: closes_issues).
	// The closing keywords of the title and description are parsed by
	// the caller, the same way on both platforms.
	ClosingIssues(ctx context.Context, mr MergeRequest) ([]IssueRef, error)
	// SetRecetteStatus sets the status on mr.HeadSHA and returns its id
	// (0 when the platform has none).
	SetRecetteStatus(ctx context.Context, mr MergeRequest, s RecetteStatus) (int64, error)
}

// Threads is implemented by platforms that can block a merge on an
// unresolved thread (GitLab, with "All threads must be resolved"): the
// checklist is then the first note of a thread that cochef resolves when
// the recette is complete. It is not part of Platform: a feature asks for
// it with a type assertion.
type Threads interface {
	// FindThread returns cochef's thread whose first note holds marker,
	// with the thread's id, or nil.
	FindThread(ctx context.Context, ref IssueRef, marker string) (*Comment, string, error)
	// MarkedThreads is MarkedComments for threads: the first note of
	// each of cochef's threads holding marker, oldest first, with its
	// thread. Removing that note (Comments.RemoveComment) removes a thread
	// of one note.
	MarkedThreads(ctx context.Context, ref IssueRef, marker string) ([]ThreadNote, error)
	CreateThread(ctx context.Context, ref IssueRef, body string) (Comment, string, error)
	ResolveThread(ctx context.Context, ref IssueRef, threadID string, resolved bool) error
}

// Platform is every role an adapter plays for one repository's
// credentials (a GitHub App installation, the GitLab token).
type Platform interface {
	Issues
	Comments
	Labels
	Permissions
	Configs
	Forms
	MergeRequests
}

// Connector gives the Platform that acts on a repository: GitHub's client
// of the repository's App installation, the GitLab client. An error is a
// repository that cannot be acted on (no installation), never transient.
type Connector interface {
	Connect(repo Repo) (Platform, error)
}

// Platforms are the configured adapters by platform name. A platform
// absent from the map runs dry: evaluated, logged and stored, never
// written.
type Platforms map[string]Connector

// Connect returns the Platform acting on repo, and live=false when its
// platform runs dry.
func (ps Platforms) Connect(repo Repo) (p Platform, live bool, err error) {
	c, ok := ps[repo.Platform]
	if !ok {
		return nil, false, nil
	}
	p, err = c.Connect(repo)
	return p, err == nil, err
}
