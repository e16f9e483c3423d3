package github

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bradleyfalzon/ghinstallation/v2"
	gh "github.com/google/go-github/v93/github"

	"github.com/cochef/cochef/core"
)

// maxListPages bounds a listing (100 a page): a million issues or
// repositories is not a backlog cochef reads in one run.
const maxListPages = 10000

// ListIssues calls each with the repository's issues matching q, 100 a
// page, oldest update first, following GitHub's Link rel="next" as given.
// GitHub lists pull requests among issues: they are skipped. Each page
// is a conditional request (the client's ETag cache): listing again
// within a run costs no rate limit for pages that did not change.
func (i *installation) ListIssues(ctx context.Context, repo core.Repo, q core.IssueQuery, each func(core.Issue) error) error {
	owner, name, err := splitRepo(repo)
	if err != nil {
		return err
	}
	v := url.Values{}
	v.Set("state", cmp.Or(q.State, "open"))
	v.Set("sort", "updated")
	v.Set("direction", "asc")
	v.Set("per_page", "100")
	if !q.Since.IsZero() {
		v.Set("since", q.Since.UTC().Format(time.RFC3339))
	}
	if len(q.Labels) > 0 {
		v.Set("labels", strings.Join(q.Labels, ","))
	}
	route := fmt.Sprintf("/repos/%s/%s/issues", owner, name)
	next := fmt.Sprintf("repos/%s/%s/issues?%s", owner, name, v.Encode())
	return i.pages(ctx, route, next, func(resp *gh.Response, raw *[]*gh.Issue) error {
		for _, is := range *raw {
			if is == nil || is.IsPullRequest() {
				continue
			}
			ref := core.IssueRef{Repo: repo, Number: is.GetNumber()}
			if err := each(issueOf(ref, is)); err != nil {
				return err
			}
		}
		return nil
	})
}

// pages reads a listing page after page.
func (i *installation) pages(ctx context.Context, route, next string, page func(*gh.Response, *[]*gh.Issue) error) error {
	for n := 0; next != ""; n++ {
		if n >= maxListPages {
			return fmt.Errorf("github: %s has more than %d pages", route, maxListPages)
		}
		req, err := i.gh.NewRequest(ctx, http.MethodGet, next, nil)
		if err != nil {
			return fmt.Errorf("github: %w", err)
		}
		var list []*gh.Issue
		resp, err := i.gh.Do(req, &list)
		if err != nil {
			return apiError(err, http.MethodGet, route)
		}
		if err := page(resp, &list); err != nil {
			return err
		}
		if next, err = i.nextLink(resp.Header.Get("Link")); err != nil {
			return err
		}
	}
	return nil
}

// issueOf is the core.Issue of a GitHub issue.
func issueOf(ref core.IssueRef, is *gh.Issue) core.Issue {
	out := core.Issue{
		Ref:   ref,
		Title: is.GetTitle(),
		Body:  is.GetBody(),
		State: is.GetState(),
		URL:   is.GetHTMLURL(),
	}
	if u := is.GetUser(); u != nil {
		out.Author = u.GetLogin()
	}
	if t := is.GetUpdatedAt(); !t.IsZero() {
		out.UpdatedAt = t.Time
	}
	for _, l := range is.Labels {
		if l != nil {
			out.Labels = append(out.Labels, l.GetName())
		}
	}
	return out
}

// appClient is a client authenticated as the App (a JWT), for the
// questions only the App may ask: where it is installed.
func (c *Client) appClient() (*gh.Client, error) {
	if c.key == nil {
		return nil, errors.New("github: asking for an installation needs App credentials")
	}
	obs := &observeTransport{next: c.baseRT, c: c}
	atr := ghinstallation.NewAppsTransportFromPrivateKey(obs, c.cfg.AppID, c.key)
	atr.BaseURL = strings.TrimSuffix(c.apiURL, "/")
	client, err := gh.NewClient(
		gh.WithHTTPClient(&http.Client{Transport: atr, Timeout: c.timeout}),
		gh.WithURLs(&c.apiURL, &c.apiURL),
		gh.WithUserAgent(cmp.Or(c.cfg.UserAgent, "cochef")),
	)
	if err != nil {
		return nil, fmt.Errorf("github: client: %w", err)
	}
	return client, nil
}

// Repositories lists the repositories the backfill of owner reads: with a
// GitHub App, those of the owner's installation (GET
// /orgs/{org}/installation, then /installation/repositories with its
// token); with a plain token, the organisation's (GET /orgs/{org}/repos).
// Archived repositories are left out: nobody plans stories in them.
func (c *Client) Repositories(ctx context.Context, owner string) ([]core.Repo, error) {
	if owner == "" || strings.Contains(owner, "/") {
		return nil, fmt.Errorf("github: %q is not an organisation or user", owner)
	}
	id := int64(0)
	if c.cfg.Token == "" {
		var err error
		if id, err = c.appInstallation(ctx, "orgs/"+url.PathEscape(owner)+"/installation"); err != nil {
			return nil, err
		}
	}
	inst, err := c.installation(id)
	if err != nil {
		return nil, err
	}
	var out []core.Repo
	add := func(rs []*gh.Repository) {
		for _, r := range rs {
			if r != nil && !r.GetArchived() {
				out = append(out, core.Repo{Platform: core.GitHub, FullName: r.GetFullName(), InstallationID: id})
			}
		}
	}
	route, next := "/installation/repositories", "installation/repositories?per_page=100"
	if id == 0 {
		route, next = "/orgs/{org}/repos", "orgs/"+url.PathEscape(owner)+"/repos?per_page=100&type=all"
	}
	for n := 0; next != ""; n++ {
		if n >= maxListPages {
			return nil, fmt.Errorf("github: %s has more than %d pages", route, maxListPages)
		}
		req, err := inst.gh.NewRequest(ctx, http.MethodGet, next, nil)
		if err != nil {
			return nil, fmt.Errorf("github: %w", err)
		}
		var resp *gh.Response
		if id == 0 {
			var rs []*gh.Repository
			resp, err = inst.gh.Do(req, &rs)
			add(rs)
		} else {
			var rs gh.ListRepositories
			resp, err = inst.gh.Do(req, &rs)
			add(rs.Repositories)
		}
		if err != nil {
			return nil, apiError(err, http.MethodGet, route)
		}
		if next, err = inst.nextLink(resp.Header.Get("Link")); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Repository returns the core.Repo of full ("owner/name") with its App
// installation (GET /repos/{owner}/{repo}/installation), which the server
// learns from webhooks and a backfill must ask for; with a plain token,
// there is none to ask.
func (c *Client) Repository(ctx context.Context, full string) (core.Repo, error) {
	repo := core.Repo{Platform: core.GitHub, FullName: full}
	owner, name, err := splitRepo(repo)
	if err != nil {
		return repo, err
	}
	if c.cfg.Token != "" {
		return repo, nil
	}
	repo.InstallationID, err = c.appInstallation(ctx, "repos/"+url.PathEscape(owner)+"/"+url.PathEscape(name)+"/installation")
	return repo, err
}

// appInstallation asks, as the App itself (a JWT), which installation
// serves path.
func (c *Client) appInstallation(ctx context.Context, path string) (int64, error) {
	app, err := c.appClient()
	if err != nil {
		return 0, err
	}
	req, err := app.NewRequest(ctx, http.MethodGet, path, nil)
	if err != nil {
		return 0, fmt.Errorf("github: %w", err)
	}
	var inst gh.Installation
	if _, err := app.Do(req, &inst); err != nil {
		e := apiError(err, http.MethodGet, "/"+path)
		var ae *core.APIError
		if errors.As(e, &ae) && ae.Status == http.StatusNotFound {
			return 0, fmt.Errorf("github: the App is not installed for %s: %w", strings.TrimSuffix(path, "/installation"), e)
		}
		return 0, e
	}
	if inst.GetID() == 0 {
		return 0, fmt.Errorf("github: no installation id in the answer to %s", path)
	}
	return inst.GetID(), nil
}
