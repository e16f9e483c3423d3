package githubfake

import (
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"

	gh "github.com/google/go-github/v93/github"
)

// Routes a GitHub App calls with its JWT rather than an installation
// token: where it is installed.
const (
	routeRepoInstallation = "GET /repos/{owner}/{repo}/installation"
	routeOrgInstallation  = "GET /orgs/{org}/installation"
)

// SetInstallation installs the App on owner's account under id: its
// repositories answer GET /repos/{owner}/{repo}/installation and GET
// /orgs/{org}/installation with it, and its installation token lists them
// at GET /installation/repositories.
func (f *Fake) SetInstallation(owner string, id int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.installations == nil {
		f.installations = map[string]int64{}
	}
	f.installations[strings.ToLower(owner)] = id
}

// appRoute answers the routes authenticated by the App's JWT.
func (f *Fake) appRoute(c *call) answer {
	auth := c.r.Header.Get("Authorization")
	jwt, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok {
		return messageAnswer(http.StatusUnauthorized, "A JSON web token could not be decoded", docsBase)
	}
	if _, err := f.verifyJWT(jwt); err != nil {
		return messageAnswer(http.StatusUnauthorized, "A JSON web token could not be decoded: "+err.Error(), docsBase)
	}
	owner := c.params["org"]
	if c.route == routeRepoInstallation {
		owner = c.params["owner"]
		if f.repoLocked(owner+"/"+c.params["repo"], false) == nil {
			return notFound()
		}
	}
	id, ok := f.installations[strings.ToLower(owner)]
	if !ok {
		return notFound()
	}
	return jsonAnswer(http.StatusOK, map[string]any{
		"id": id, "app_id": 1, "app_slug": AppSlug, "target_type": "Organization",
		"account":              map[string]any{"login": owner, "type": "Organization"},
		"repository_selection": "all",
		"permissions":          map[string]string{"issues": "write", "metadata": "read"},
		"created_at":           "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
	})
}

// listIssues answers GET /repos/{owner}/{repo}/issues as GitHub does:
// pull requests included (with their pull_request links), filtered by
// state, since and labels (all of them), sorted, paginated with Link.
func (f *Fake) listIssues(c *call, repo *repoState) answer {
	q := c.r.URL.Query()
	state := q.Get("state")
	if state == "" {
		state = "open"
	}
	if state != "open" && state != "closed" && state != "all" {
		return validationFailed("Issue", "invalid", "state")
	}
	var since time.Time
	if s := q.Get("since"); s != "" {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return validationFailed("Issue", "invalid", "since")
		}
		since = t
	}
	var want []string
	if l := q.Get("labels"); l != "" {
		want = strings.Split(l, ",")
	}
	var list []*issueState
	for _, is := range repo.issues {
		if is.gone || (state != "all" && is.issue.State != state) || is.updated.Before(since) {
			continue
		}
		has := true
		for _, w := range want {
			has = has && slices.ContainsFunc(is.issue.Labels, func(l string) bool { return strings.EqualFold(l, strings.TrimSpace(w)) })
		}
		if has {
			list = append(list, is)
		}
	}
	key := func(is *issueState) time.Time { return is.created }
	if q.Get("sort") == "updated" {
		key = func(is *issueState) time.Time { return is.updated }
	}
	asc := q.Get("direction") == "asc"
	sort.SliceStable(list, func(i, j int) bool {
		a, b := key(list[i]), key(list[j])
		if a.Equal(b) {
			return (list[i].number < list[j].number) == asc
		}
		return a.Before(b) == asc
	})
	h := http.Header{}
	from, to := f.pageOf(c, repo.id, len(list), h)
	out := make([]*gh.Issue, 0, to-from)
	for _, is := range list[from:to] {
		out = append(out, f.issueJSON(repo, is))
	}
	a := jsonAnswer(http.StatusOK, out)
	for k, v := range h {
		a.header[k] = v
	}
	return a
}

// installationRepos answers GET /installation/repositories for the
// installation whose token asks.
func (f *Fake) installationRepos(c *call) answer {
	if c.installation == 0 {
		return messageAnswer(http.StatusForbidden, "You must authenticate with an installation access token in order to list repositories for an installation.", docsBase)
	}
	var repos []*repoState
	for _, r := range f.repos {
		owner, _, _ := strings.Cut(r.fullName, "/")
		if f.installations[strings.ToLower(owner)] == c.installation {
			repos = append(repos, r)
		}
	}
	return f.repoPage(c, repos, func(list []*gh.Repository) any {
		return map[string]any{"total_count": len(repos), "repository_selection": "all", "repositories": list}
	})
}

// orgRepos answers GET /orgs/{org}/repos.
func (f *Fake) orgRepos(c *call) answer {
	var repos []*repoState
	for _, r := range f.repos {
		if owner, _, _ := strings.Cut(r.fullName, "/"); strings.EqualFold(owner, c.params["org"]) {
			repos = append(repos, r)
		}
	}
	if len(repos) == 0 {
		return notFound()
	}
	return f.repoPage(c, repos, func(list []*gh.Repository) any { return list })
}

func (f *Fake) repoPage(c *call, repos []*repoState, wrap func([]*gh.Repository) any) answer {
	sort.Slice(repos, func(i, j int) bool { return repos[i].fullName < repos[j].fullName })
	h := http.Header{}
	from, to := f.pageOf(c, 0, len(repos), h)
	list := make([]*gh.Repository, 0, to-from)
	for _, r := range repos[from:to] {
		owner, name, _ := strings.Cut(r.fullName, "/")
		list = append(list, &gh.Repository{
			ID: new(r.id), Name: new(name), FullName: new(r.fullName), Private: new(true), Archived: new(false),
			Owner:   &gh.User{Login: new(owner)},
			HTMLURL: new("https://github.com/" + r.fullName),
		})
	}
	a := jsonAnswer(http.StatusOK, wrap(list))
	for k, v := range h {
		a.header[k] = v
	}
	return a
}
