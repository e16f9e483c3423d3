package gitlab

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	gl "gitlab.com/gitlab-org/api/client-go/v2"

	"github.com/cochef/cochef/core"
)

// The recette on GitLab: merge requests and the issues they close
// (closes_issues), the checklist as the first note of a resolvable thread
// (so that "All threads must be resolved" holds the merge on every tier),
// and a commit status cochef/recette on the head commit.

const (
	routeMR            = "/projects/:id/merge_requests/:merge_request_iid"
	routeMRNotes       = "/projects/:id/merge_requests/:merge_request_iid/notes"
	routeMRNote        = "/projects/:id/merge_requests/:merge_request_iid/notes/:note_id"
	routeClosesIssues  = "/projects/:id/merge_requests/:merge_request_iid/closes_issues"
	routeDiscussions   = "/projects/:id/merge_requests/:merge_request_iid/discussions"
	routeDiscussion    = "/projects/:id/merge_requests/:merge_request_iid/discussions/:discussion_id"
	routeCommitStatus  = "/projects/:id/statuses/:sha"
	routeGroupMember   = "/groups/:id/members/all/:user_id"
	maxStatusDescLen   = 255
	discussionsPerPage = 100
)

// GetMergeRequest reads a merge request; "opened" is reported as "open".
func (c *Client) GetMergeRequest(ctx context.Context, ref core.IssueRef) (core.MergeRequest, error) {
	pid, err := projectID(ref.Repo)
	if err != nil {
		return core.MergeRequest{}, err
	}
	var mr *gl.MergeRequest
	err = c.call(ctx, http.MethodGet, routeMR, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
		var resp *gl.Response
		var err error
		mr, resp, err = c.api.MergeRequests.GetMergeRequest(pid, int64(ref.Number), nil, o...)
		return resp, err
	})
	if err != nil {
		return core.MergeRequest{}, err
	}
	ref.MergeRequest = true
	out := core.MergeRequest{
		Ref: ref, Title: mr.Title, Body: mr.Description, HeadSHA: mr.SHA,
		State: mr.State, URL: mr.WebURL, Labels: append([]string(nil), mr.Labels...),
	}
	if out.State == gitlabOpenState {
		out.State = "open"
	}
	if mr.Author != nil {
		out.Author = mr.Author.Username
	}
	if mr.Milestone != nil {
		out.Milestone = mr.Milestone.Title
	}
	return out, nil
}

// ClosingIssues lists what GitLab says the merge request closes when
// merged (its closing pattern and the issues linked as closing), every
// page of it.
func (c *Client) ClosingIssues(ctx context.Context, mr core.MergeRequest) ([]core.IssueRef, error) {
	pid, err := projectID(mr.Ref.Repo)
	if err != nil {
		return nil, err
	}
	opt := &gl.GetIssuesClosedOnMergeOptions{ListOptions: gl.ListOptions{PerPage: 100, Page: 1}}
	var out []core.IssueRef
	for range maxPages {
		var page []*gl.Issue
		var resp *gl.Response
		err := c.call(ctx, http.MethodGet, routeClosesIssues, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
			var err error
			page, resp, err = c.api.MergeRequests.GetIssuesClosedOnMerge(pid, int64(mr.Ref.Number), opt, o...)
			return resp, err
		})
		if err != nil {
			return nil, err
		}
		for _, is := range page {
			if is == nil || is.IID <= 0 {
				continue
			}
			repo := core.Repo{Platform: core.GitLab, FullName: mr.Ref.Repo.FullName, ProjectID: mr.Ref.Repo.ProjectID}
			if is.ProjectID != 0 && is.ProjectID != mr.Ref.Repo.ProjectID {
				// Another project: its path is in the full reference.
				repo.ProjectID = is.ProjectID
				if is.References != nil {
					if path, _, ok := strings.Cut(is.References.Full, "#"); ok && path != "" {
						repo.FullName = path
					}
				}
			}
			out = append(out, core.IssueRef{Repo: repo, Number: int(is.IID)})
		}
		if resp.NextPage == 0 {
			return out, nil
		}
		opt.Page = resp.NextPage
	}
	return nil, fmt.Errorf("gitlab: closing issues of %s: more than %d pages", mr.Ref, maxPages)
}

// SetRecetteStatus posts the commit status cochef/recette: pending while
// criteria remain, success when all are validated or when the merge
// request closes no story. GitLab refuses a transition to the state a
// status already has, so a call that would not change it is not made.
func (c *Client) SetRecetteStatus(ctx context.Context, mr core.MergeRequest, s core.RecetteStatus) (int64, error) {
	state := gl.Pending
	if s.State != core.RecettePending {
		state = gl.Success
	}
	if s.Previous != "" && (s.Previous == core.RecettePending) == (state == gl.Pending) {
		return s.ID, nil
	}
	pid, err := projectID(mr.Ref.Repo)
	if err != nil {
		return 0, err
	}
	desc := s.Description
	if r := []rune(desc); len(r) > maxStatusDescLen {
		desc = string(r[:maxStatusDescLen-1]) + "…"
	}
	opt := &gl.SetCommitStatusOptions{State: state, Name: gl.Ptr(core.RecetteStatusName), Description: &desc}
	if s.URL != "" {
		opt.TargetURL = gl.Ptr(s.URL)
	}
	var st *gl.CommitStatus
	err = c.call(ctx, http.MethodPost, routeCommitStatus, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
		var resp *gl.Response
		var err error
		st, resp, err = c.api.Commits.SetCommitStatus(pid, mr.HeadSHA, opt, o...)
		return resp, err
	})
	var apiErr *core.APIError
	if errors.As(err, &apiErr) && apiErr.Status == http.StatusBadRequest &&
		strings.Contains(apiErr.Message, "Cannot transition status") {
		// Already in that state (a retry after a crash): done.
		return s.ID, nil
	}
	if err != nil {
		return 0, err
	}
	return st.ID, nil
}

// IsTeamMember tells whether user is an active member, direct or
// inherited, of the group whose full path is team. An unknown group or
// user is "no".
func (c *Client) IsTeamMember(ctx context.Context, _ core.Repo, team, user string) (bool, error) {
	team = strings.Trim(strings.TrimPrefix(team, "@"), "/")
	if team == "" {
		return false, nil
	}
	id, err := c.userID(ctx, user)
	if err != nil || id == 0 {
		return false, err
	}
	var m *gl.GroupMember
	err = c.call(ctx, http.MethodGet, routeGroupMember, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
		var resp *gl.Response
		var err error
		m, resp, err = c.api.GroupMembers.GetInheritedGroupMember(team, id, o...)
		return resp, err
	})
	if isNotFound(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return m.State == "" || m.State == "active", nil
}

// userID finds a user's id by username; 0 when there is none.
func (c *Client) userID(ctx context.Context, username string) (int64, error) {
	username = strings.TrimPrefix(username, "@")
	if username == "" {
		return 0, nil
	}
	var users []*gl.User
	err := c.call(ctx, http.MethodGet, routeUsers, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
		var resp *gl.Response
		var err error
		users, resp, err = c.api.Users.ListUsers(&gl.ListUsersOptions{Username: &username}, o...)
		return resp, err
	})
	if err != nil {
		return 0, err
	}
	for _, u := range users {
		if strings.EqualFold(u.Username, username) {
			return u.ID, nil
		}
	}
	return 0, nil
}

func (c *Client) updateMR(ctx context.Context, ref core.IssueRef, opt *gl.UpdateMergeRequestOptions) error {
	pid, err := projectID(ref.Repo)
	if err != nil {
		return err
	}
	return c.call(ctx, http.MethodPut, routeMR, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
		_, resp, err := c.api.MergeRequests.UpdateMergeRequest(pid, int64(ref.Number), opt, o...)
		return resp, err
	})
}

// FindThread implements core.Threads: the first thread whose first
// note holds marker.
func (c *Client) FindThread(ctx context.Context, ref core.IssueRef, marker string) (*core.Comment, string, error) {
	var found *core.ThreadNote
	err := c.walkThreads(ctx, ref, marker, func(n core.ThreadNote) bool {
		found = &n
		return false
	})
	if err != nil || found == nil {
		return nil, "", err
	}
	return &found.Comment, found.Thread, nil
}

// MarkedThreads implements core.Threads: every thread of cochef's whose
// first note holds marker, oldest first.
func (c *Client) MarkedThreads(ctx context.Context, ref core.IssueRef, marker string) ([]core.ThreadNote, error) {
	var out []core.ThreadNote
	err := c.walkThreads(ctx, ref, marker, func(n core.ThreadNote) bool {
		out = append(out, n)
		return true
	})
	return out, err
}

// walkThreads calls each with the first note of cochef's threads holding
// marker, oldest first, until it returns false.
func (c *Client) walkThreads(ctx context.Context, ref core.IssueRef, marker string, each func(core.ThreadNote) bool) error {
	pid, err := projectID(ref.Repo)
	if err != nil {
		return err
	}
	opt := &gl.ListMergeRequestDiscussionsOptions{ListOptions: gl.ListOptions{PerPage: discussionsPerPage, Page: 1}}
	for range maxPages {
		var ds []*gl.Discussion
		var resp *gl.Response
		err := c.call(ctx, http.MethodGet, routeDiscussions, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
			var err error
			ds, resp, err = c.api.Discussions.ListMergeRequestDiscussions(pid, int64(ref.Number), opt, o...)
			return resp, err
		})
		if err != nil {
			return err
		}
		for _, d := range ds {
			if d == nil || len(d.Notes) == 0 {
				continue
			}
			n := d.Notes[0]
			if !strings.Contains(n.Body, marker) {
				continue
			}
			if mine, err := c.ours(ctx, n); err != nil {
				return err
			} else if mine && !each(core.ThreadNote{Comment: core.Comment{ID: n.ID, Body: n.Body, Author: n.Author.Username}, Thread: d.ID}) {
				return nil
			}
		}
		if resp.NextPage == 0 {
			return nil
		}
		opt.Page = resp.NextPage
	}
	return fmt.Errorf("gitlab: discussions of %s: more than %d pages", ref, maxPages)
}

// CreateThread implements core.Threads: a thread started on a
// merge request is resolvable, so it holds the merge while unresolved
// when the project requires every thread to be resolved.
func (c *Client) CreateThread(ctx context.Context, ref core.IssueRef, body string) (core.Comment, string, error) {
	pid, err := projectID(ref.Repo)
	if err != nil {
		return core.Comment{}, "", err
	}
	var d *gl.Discussion
	err = c.call(ctx, http.MethodPost, routeDiscussions, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
		var resp *gl.Response
		var err error
		d, resp, err = c.api.Discussions.CreateMergeRequestDiscussion(pid, int64(ref.Number), &gl.CreateMergeRequestDiscussionOptions{Body: &body}, o...)
		return resp, err
	})
	if err != nil {
		return core.Comment{}, "", err
	}
	if d == nil || len(d.Notes) == 0 {
		return core.Comment{}, "", fmt.Errorf("gitlab: thread created on %s without a note", ref)
	}
	n := d.Notes[0]
	return core.Comment{ID: n.ID, Body: n.Body, Author: n.Author.Username}, d.ID, nil
}

// ResolveThread implements core.Threads.
func (c *Client) ResolveThread(ctx context.Context, ref core.IssueRef, threadID string, resolved bool) error {
	pid, err := projectID(ref.Repo)
	if err != nil {
		return err
	}
	return c.call(ctx, http.MethodPut, routeDiscussion, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
		_, resp, err := c.api.Discussions.ResolveMergeRequestDiscussion(pid, int64(ref.Number), threadID,
			&gl.ResolveMergeRequestDiscussionOptions{Resolved: &resolved}, o...)
		return resp, err
	})
}
