package github

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/cochef/cochef/core"
)

// IssueTemplateDir holds a repository's issue forms and templates.
const IssueTemplateDir = ".github/ISSUE_TEMPLATE"

// IssueTemplates lists the issue forms (*.yml, *.yaml) and Markdown
// templates of .github/ISSUE_TEMPLATE with one read of the directory
// (conditional, like every read: an unchanged directory costs a 304).
// config.yml is the chooser's settings, not a form. Each opens at
// https://github.com/OWNER/REPO/issues/new?template=FILE, built from the
// address GitHub gives the file (GitHub Enterprise Server included).
func (i *installation) IssueTemplates(ctx context.Context, repo core.Repo) ([]core.IssueTemplate, error) {
	owner, name, err := splitRepo(repo)
	if err != nil {
		return nil, err
	}
	route := fmt.Sprintf("/repos/%s/%s/contents/%s", owner, name, IssueTemplateDir)
	file, dir, _, err := i.gh.Repositories.GetContents(ctx, owner, name, IssueTemplateDir, nil)
	if err != nil {
		err = apiError(err, http.MethodGet, route)
		if isStatus(err, http.StatusNotFound) {
			return nil, nil
		}
		return nil, err
	}
	if file != nil {
		return nil, nil // a file of that name: no forms
	}
	var out []core.IssueTemplate
	for _, e := range dir {
		base := e.GetName()
		ext := path.Ext(base)
		if e.GetType() != "file" || ext != ".yml" && ext != ".yaml" && ext != ".md" || strings.TrimSuffix(base, ext) == "config" {
			continue
		}
		repoURL, _, ok := strings.Cut(e.GetHTMLURL(), "/blob/")
		if !ok || !strings.HasPrefix(repoURL, "https://") && !strings.HasPrefix(repoURL, "http://") {
			continue
		}
		out = append(out, core.IssueTemplate{
			Name: strings.TrimSuffix(base, ext),
			URL:  repoURL + "/issues/new?template=" + url.QueryEscape(base),
		})
	}
	return out, nil
}
