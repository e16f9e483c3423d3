package gitlab

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	gl "gitlab.com/gitlab-org/api/client-go/v2"

	"github.com/cochef/cochef/core"
)

const (
	routeTemplates    = "/projects/:id/templates/:type"
	templatesPerPage  = 100
	issueTemplateType = "issues"
)

// IssueTemplates lists the project's description templates for issues
// (.gitlab/issue_templates/*.md, and those its group shares) with one
// call, GET /projects/:id/templates/issues; each opens at
// INSTANCE/PROJECT/-/issues/new?issuable_template=NAME.
func (c *Client) IssueTemplates(ctx context.Context, repo core.Repo) ([]core.IssueTemplate, error) {
	pid, err := projectID(repo)
	if err != nil {
		return nil, err
	}
	var list []*gl.ProjectTemplate
	err = c.call(ctx, http.MethodGet, routeTemplates, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
		var resp *gl.Response
		var err error
		list, resp, err = c.api.ProjectTemplates.ListTemplates(pid, issueTemplateType,
			&gl.ListProjectTemplatesOptions{ListOptions: gl.ListOptions{PerPage: templatesPerPage}}, o...)
		return resp, err
	})
	if err != nil {
		if isNotFound(err) {
			return nil, nil
		}
		return nil, err
	}
	project := strings.Trim(repo.FullName, "/")
	var out []core.IssueTemplate
	for _, t := range list {
		if t == nil || t.Key == "" || project == "" {
			continue
		}
		out = append(out, core.IssueTemplate{
			Name: t.Key,
			URL:  c.web + "/" + project + "/-/issues/new?issuable_template=" + url.QueryEscape(t.Key),
		})
	}
	return out, nil
}
