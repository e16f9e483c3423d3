package gitlab

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	gl "gitlab.com/gitlab-org/api/client-go/v2"

	"github.com/cochef/cochef/core"
)

// Route templates, for OnRequest and logs.
const (
	routeIssue       = "/projects/:id/issues/:issue_iid"
	routeIssueNotes  = "/projects/:id/issues/:issue_iid/notes"
	routeCurrentUser = "/user"
	routeIssueNote   = "/projects/:id/issues/:issue_iid/notes/:note_id"
	routeLabels      = "/projects/:id/labels"
	routeUsers       = "/users"
	routeMemberAll   = "/projects/:id/members/all/:user_id"
	routeRawFile     = "/projects/:id/repository/files/:file_path/raw"
	notesPerPage     = 100
	labelsPerPage    = 100
	gitlabOpenState  = "opened"
	accessMaintainer = 40
	accessDeveloper  = 30
	accessGuest      = 10
)

// GetIssue reads an issue. GitLab's "opened" state is reported as "open",
// as on GitHub.
func (c *Client) GetIssue(ctx context.Context, ref core.IssueRef) (core.Issue, error) {
	pid, err := projectID(ref.Repo)
	if err != nil {
		return core.Issue{}, err
	}
	var is *gl.Issue
	err = c.call(ctx, http.MethodGet, routeIssue, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
		var resp *gl.Response
		var err error
		is, resp, err = c.api.Issues.GetIssue(pid, int64(ref.Number), o...)
		return resp, err
	})
	if err != nil {
		return core.Issue{}, err
	}
	return issueOf(ref, is), nil
}

// EnsureLabels creates the labels the project (or its groups) lacks. What
// it saw is cached per project, so a second call for labels already known
// costs no request.
func (c *Client) EnsureLabels(ctx context.Context, repo core.Repo, labels []core.Label) error {
	if len(labels) == 0 {
		return nil
	}
	pid, err := projectID(repo)
	if err != nil {
		return err
	}
	for _, l := range labels {
		if err := checkLabelName(l.Name); err != nil {
			return err
		}
	}
	key := cacheKey(repo)
	if c.labelsKnown(key, labels) {
		return nil
	}
	existing, err := c.listLabels(ctx, pid)
	if err != nil {
		return err
	}
	for _, l := range labels {
		if existing[l.Name] {
			continue
		}
		err := c.call(ctx, http.MethodPost, routeLabels, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
			_, resp, err := c.api.Labels.CreateLabel(pid, &gl.CreateLabelOptions{
				Name:        gl.Ptr(l.Name),
				Color:       gl.Ptr(labelColor(l.Color)),
				Description: gl.Ptr(l.Description),
			}, o...)
			return resp, err
		})
		var apiErr *core.APIError
		if errors.As(err, &apiErr) && apiErr.Status == http.StatusConflict {
			// Another worker created it between our list and our create.
			err = nil
		}
		if err != nil {
			return err
		}
		existing[l.Name] = true
	}
	c.labelsMu.Lock()
	c.labels[key] = labelCache{names: existing, fetched: c.now()}
	c.labelsMu.Unlock()
	return nil
}

func (c *Client) labelsKnown(key string, labels []core.Label) bool {
	c.labelsMu.Lock()
	defer c.labelsMu.Unlock()
	lc, ok := c.labels[key]
	if !ok || c.now().Sub(lc.fetched) > labelCacheTTL {
		return false
	}
	for _, l := range labels {
		if !lc.names[l.Name] {
			return false
		}
	}
	return true
}

// listLabels reads every label usable in the project, its groups' included
// (GitLab's default include_ancestor_groups=true), so a group label is
// never shadowed by a project one.
func (c *Client) listLabels(ctx context.Context, pid any) (map[string]bool, error) {
	names := map[string]bool{}
	opt := &gl.ListLabelsOptions{ListOptions: gl.ListOptions{PerPage: labelsPerPage, Page: 1}}
	for range maxPages {
		var page []*gl.Label
		var resp *gl.Response
		err := c.call(ctx, http.MethodGet, routeLabels, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
			var err error
			page, resp, err = c.api.Labels.ListLabels(pid, opt, o...)
			return resp, err
		})
		if err != nil {
			return nil, err
		}
		for _, l := range page {
			names[l.Name] = true
		}
		if resp.NextPage == 0 {
			return names, nil
		}
		opt.Page = resp.NextPage
	}
	return nil, fmt.Errorf("gitlab: labels: more than %d pages", maxPages)
}

func cacheKey(r core.Repo) string {
	if r.ProjectID != 0 {
		return "id:" + strconv.FormatInt(r.ProjectID, 10)
	}
	return "path:" + strings.ToLower(r.FullName)
}

// labelColor turns core's "rrggbb" into GitLab's "#rrggbb".
func labelColor(c string) string {
	c = strings.TrimPrefix(c, "#")
	if c == "" {
		c = defaultLabelColor
	}
	return "#" + c
}

// checkLabelName refuses what GitLab cannot carry: add_labels and
// remove_labels are comma-separated, and GitLab forbids commas in titles.
func checkLabelName(name string) error {
	if strings.TrimSpace(name) == "" || strings.Contains(name, ",") {
		return fmt.Errorf("gitlab: label %q: a GitLab label needs a name without commas", name)
	}
	return nil
}

// AddLabels adds labels to the issue in one request, leaving the others.
func (c *Client) AddLabels(ctx context.Context, ref core.IssueRef, names []string) error {
	if len(names) == 0 {
		return nil
	}
	for _, n := range names {
		if err := checkLabelName(n); err != nil {
			return err
		}
	}
	add := gl.LabelOptions(append([]string(nil), names...))
	if ref.MergeRequest {
		return c.updateMR(ctx, ref, &gl.UpdateMergeRequestOptions{AddLabels: &add})
	}
	return c.updateIssue(ctx, ref, &gl.UpdateIssueOptions{AddLabels: &add})
}

// RemoveLabel removes one label from the issue, leaving the others.
func (c *Client) RemoveLabel(ctx context.Context, ref core.IssueRef, name string) error {
	if err := checkLabelName(name); err != nil {
		return err
	}
	rm := gl.LabelOptions{name}
	if ref.MergeRequest {
		return c.updateMR(ctx, ref, &gl.UpdateMergeRequestOptions{RemoveLabels: &rm})
	}
	return c.updateIssue(ctx, ref, &gl.UpdateIssueOptions{RemoveLabels: &rm})
}

func (c *Client) updateIssue(ctx context.Context, ref core.IssueRef, opt *gl.UpdateIssueOptions) error {
	pid, err := projectID(ref.Repo)
	if err != nil {
		return err
	}
	return c.call(ctx, http.MethodPut, routeIssue, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
		_, resp, err := c.api.Issues.UpdateIssue(pid, int64(ref.Number), opt, o...)
		return resp, err
	})
}

// Access maps the user's effective role on the project, inherited from
// groups included: Maintainer and Owner → AccessAdmin, Developer →
// AccessWrite, Guest, Planner and Reporter → AccessRead, no membership, an
// unknown or blocked user → AccessNone.
func (c *Client) Access(ctx context.Context, repo core.Repo, user string) (core.Access, error) {
	pid, err := projectID(repo)
	if err != nil {
		return core.AccessNone, err
	}
	userID, err := c.userID(ctx, user)
	if err != nil {
		return core.AccessNone, err
	}
	if userID == 0 {
		return core.AccessNone, nil
	}
	var m *gl.ProjectMember
	err = c.call(ctx, http.MethodGet, routeMemberAll, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
		var resp *gl.Response
		var err error
		m, resp, err = c.api.ProjectMembers.GetInheritedProjectMember(pid, userID, o...)
		return resp, err
	})
	var apiErr *core.APIError
	if errors.As(err, &apiErr) && apiErr.Status == http.StatusNotFound {
		return core.AccessNone, nil
	}
	if err != nil {
		return core.AccessNone, err
	}
	if m.State != "" && m.State != "active" {
		return core.AccessNone, nil
	}
	return accessOf(int(m.AccessLevel)), nil
}

func accessOf(level int) core.Access {
	switch {
	case level >= accessMaintainer:
		return core.AccessAdmin
	case level >= accessDeveloper:
		return core.AccessWrite
	case level >= accessGuest:
		return core.AccessRead
	}
	return core.AccessNone
}

// ReadConfig reads .gitlab/cochef.yml on the project's default branch, else
// cochef.yml of the configuration project, else reports found=false.
// source says where it came from: "group/project:.gitlab/cochef.yml".
func (c *Client) ReadConfig(ctx context.Context, repo core.Repo) ([]byte, string, bool, error) {
	pid, err := projectID(repo)
	if err != nil {
		return nil, "", false, err
	}
	data, err := c.rawFile(ctx, pid, ConfigPath)
	if err == nil {
		return data, projectName(repo) + ":" + ConfigPath, true, nil
	}
	if !isNotFound(err) {
		return nil, "", false, err
	}
	if c.configProject == "" {
		return nil, "", false, nil
	}
	data, err = c.rawFile(ctx, c.configProject, GroupConfigPath)
	if err == nil {
		return data, c.configProject + ":" + GroupConfigPath, true, nil
	}
	if !isNotFound(err) {
		return nil, "", false, err
	}
	return nil, "", false, nil
}

// rawFile reads a file at HEAD, the project's default branch, without
// first asking which branch that is.
func (c *Client) rawFile(ctx context.Context, pid any, path string) ([]byte, error) {
	var data []byte
	err := c.call(ctx, http.MethodGet, routeRawFile, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
		var resp *gl.Response
		var err error
		data, resp, err = c.api.RepositoryFiles.GetRawFile(pid, path, &gl.GetRawFileOptions{Ref: gl.Ptr("HEAD")}, o...)
		return resp, err
	})
	return data, err
}

func isNotFound(err error) bool {
	var apiErr *core.APIError
	return errors.As(err, &apiErr) && apiErr.Status == http.StatusNotFound
}
