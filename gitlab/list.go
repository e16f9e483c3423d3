package gitlab

import (
	"context"
	"fmt"
	"net/http"

	gl "gitlab.com/gitlab-org/api/client-go/v2"

	"github.com/cochef/cochef/core"
)

const (
	routeProjectIssues = "/projects/:id/issues"
	routeGroupProjects = "/groups/:id/projects"
	listPerPage        = 100
)

// ListIssues calls each with the project's issues matching q, 100 a page,
// oldest update first, following GitLab's X-Next-Page. GitLab's "opened"
// is reported as "open", as GetIssue does.
func (c *Client) ListIssues(ctx context.Context, repo core.Repo, q core.IssueQuery, each func(core.Issue) error) error {
	pid, err := projectID(repo)
	if err != nil {
		return err
	}
	opt := &gl.ListProjectIssuesOptions{
		ListOptions: gl.ListOptions{PerPage: listPerPage, Page: 1},
		OrderBy:     new("updated_at"),
		Sort:        new("asc"),
	}
	switch q.State {
	case "", "open", gitlabOpenState:
		opt.State = new(gitlabOpenState)
	case "closed":
		opt.State = new("closed")
	case "all":
	default:
		return fmt.Errorf("gitlab: unknown issue state %q", q.State)
	}
	if !q.Since.IsZero() {
		opt.UpdatedAfter = new(q.Since.UTC())
	}
	if len(q.Labels) > 0 {
		labels := gl.LabelOptions(q.Labels)
		opt.Labels = &labels
	}
	for range maxPages {
		var page []*gl.Issue
		var resp *gl.Response
		err := c.call(ctx, http.MethodGet, routeProjectIssues, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
			var err error
			page, resp, err = c.api.Issues.ListProjectIssues(pid, opt, o...)
			return resp, err
		})
		if err != nil {
			return err
		}
		for _, is := range page {
			if is == nil {
				continue
			}
			r := repo
			if r.ProjectID == 0 {
				r.ProjectID = is.ProjectID
			}
			if err := each(issueOf(core.IssueRef{Repo: r, Number: int(is.IID)}, is)); err != nil {
				return err
			}
		}
		if resp.NextPage == 0 {
			return nil
		}
		opt.Page = resp.NextPage
	}
	return fmt.Errorf("gitlab: issues of %s: more than %d pages", projectName(repo), maxPages)
}

// issueOf is the core.Issue of a GitLab issue.
func issueOf(ref core.IssueRef, is *gl.Issue) core.Issue {
	out := core.Issue{
		Ref:    ref,
		Title:  is.Title,
		Body:   is.Description,
		Labels: append([]string(nil), is.Labels...),
		State:  is.State,
		URL:    is.WebURL,
	}
	if out.State == gitlabOpenState {
		out.State = "open"
	}
	if is.Author != nil {
		out.Author = is.Author.Username
	}
	if is.UpdatedAt != nil {
		out.UpdatedAt = *is.UpdatedAt
	}
	return out
}

// Repositories lists the projects of group and of its subgroups, archived
// ones left out: what `cochef backfill --group` reads.
func (c *Client) Repositories(ctx context.Context, group string) ([]core.Repo, error) {
	if group == "" {
		return nil, fmt.Errorf("gitlab: no group given")
	}
	opt := &gl.ListGroupProjectsOptions{
		ListOptions:      gl.ListOptions{PerPage: listPerPage, Page: 1},
		Archived:         new(false),
		IncludeSubGroups: new(true),
		WithShared:       new(false),
	}
	var out []core.Repo
	for range maxPages {
		var page []*gl.Project
		var resp *gl.Response
		err := c.call(ctx, http.MethodGet, routeGroupProjects, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
			var err error
			page, resp, err = c.api.Groups.ListGroupProjects(group, opt, o...)
			return resp, err
		})
		if err != nil {
			return nil, err
		}
		for _, p := range page {
			if p != nil && !p.Archived {
				out = append(out, core.Repo{Platform: core.GitLab, FullName: p.PathWithNamespace, ProjectID: p.ID})
			}
		}
		if resp.NextPage == 0 {
			return out, nil
		}
		opt.Page = resp.NextPage
	}
	return nil, fmt.Errorf("gitlab: projects of %s: more than %d pages", group, maxPages)
}

// Repository is the core.Repo of a project path; its id comes with its
// issues.
func (c *Client) Repository(_ context.Context, path string) (core.Repo, error) {
	if path == "" {
		return core.Repo{}, fmt.Errorf("gitlab: no project given")
	}
	return core.Repo{Platform: core.GitLab, FullName: path}, nil
}
