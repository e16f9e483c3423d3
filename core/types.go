// Package core is the platform-neutral heart of cochef: the issues, comments
// and labels it reads and writes, the interface each platform adapter
// implements, and the evaluation that turns an issue into feedback.
//
// Nothing here imports go-github or the GitLab client: adapters translate
// their platform's types into these plain structs at their edge, so the
// decision code is written once for both platforms.
package core

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Platform names. They are stored in the queue and the database, so they
// never change.
const (
	GitHub = "github"
	GitLab = "gitlab"
)

// Repo identifies a repository (GitHub) or a project (GitLab).
type Repo struct {
	Platform string `json:"platform"`
	// FullName is "owner/name" on GitHub and the project's full path
	// ("group/sub/project") on GitLab.
	FullName string `json:"full_name"`
	// InstallationID is the GitHub App installation that may act on the
	// repository; zero on GitLab.
	InstallationID int64 `json:"installation_id,omitempty"`
	// ProjectID is GitLab's numeric project id; zero on GitHub.
	ProjectID int64 `json:"project_id,omitempty"`
}

func (r Repo) String() string { return r.Platform + ":" + r.FullName }

// IssueRef points at one issue of a repository, or at one pull request
// (GitHub) or merge request (GitLab) when MergeRequest is set. On GitLab an
// issue and a merge request may share a number, so the flag is part of the
// identity; on GitHub they share one number space and the issue endpoints
// serve both.
type IssueRef struct {
	Repo         Repo `json:"repo"`
	Number       int  `json:"number"`
	MergeRequest bool `json:"merge_request,omitempty"`
}

func (r IssueRef) String() string {
	if r.MergeRequest && r.Repo.Platform == GitLab {
		return fmt.Sprintf("%s!%d", r.Repo, r.Number)
	}
	return fmt.Sprintf("%s#%d", r.Repo, r.Number)
}

// Mention writes the reference as the platform writes it in Markdown:
// "#12" for an issue or a GitHub pull request, "!12" for a GitLab merge
// request, after the repository's full name when it is not from's.
func (r IssueRef) Mention(from Repo) string {
	sigil := "#"
	if r.MergeRequest && r.Repo.Platform == GitLab {
		sigil = "!"
	}
	name := ""
	if !strings.EqualFold(r.Repo.FullName, from.FullName) || r.Repo.Platform != from.Platform {
		name = r.Repo.FullName
	}
	return name + sigil + strconv.Itoa(r.Number)
}

// Issue is what the evaluation needs to know about an issue.
type Issue struct {
	Ref       IssueRef  `json:"ref"`
	Title     string    `json:"title"`
	Body      string    `json:"body"`
	Labels    []string  `json:"labels"`
	State     string    `json:"state"` // "open" or "closed"
	Author    string    `json:"author,omitempty"`
	URL       string    `json:"url,omitempty"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Comment is a comment on an issue (GitHub) or a note (GitLab).
type Comment struct {
	ID     int64
	Body   string
	Author string
}

// ThreadNote is the first note of a thread, with the thread's id.
type ThreadNote struct {
	Comment
	Thread string
}

// Label is a label with the colour and description it is created with.
type Label struct {
	Name        string
	Color       string // six hex digits, no '#'
	Description string
}

// Access is a user's permission level on a repository, reduced to what
// cochef decides on.
type Access int

const (
	AccessNone  Access = iota
	AccessRead         // may read, comment
	AccessWrite        // GitHub write/maintain/admin; GitLab Developer or more
	AccessAdmin        // GitHub admin; GitLab Maintainer or more
)
