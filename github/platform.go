package github

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"

	gh "github.com/google/go-github/v93/github"

	"github.com/cochef/cochef/core"
)

// ConfigPath is the repository configuration file; the organisation's
// fallback is OrgConfigPath in its ".github" repository.
const (
	ConfigPath    = ".github/cochef.yml"
	OrgConfigPath = "cochef.yml"
	OrgConfigRepo = ".github"
)

// maxCommentPages bounds the comment search (100 per page): an issue with
// more than 100,000 comments is not one we should walk.
const maxCommentPages = 1000

// installation is the Platform of one App installation (or of the plain
// token).
type installation struct {
	c  *Client
	id int64
	gh *gh.Client

	// login is the plain token's user, learnt once: with a token (not an
	// App) only its own comments are cochef's.
	loginMu sync.Mutex
	login   string
}

var _ core.Platform = (*installation)(nil)

func splitRepo(repo core.Repo) (owner, name string, err error) {
	owner, name, ok := strings.Cut(repo.FullName, "/")
	if !ok || owner == "" || name == "" || strings.Contains(name, "/") {
		return "", "", fmt.Errorf("github: repository %q is not owner/name", repo.FullName)
	}
	return owner, name, nil
}

func (i *installation) GetIssue(ctx context.Context, ref core.IssueRef) (core.Issue, error) {
	owner, name, err := splitRepo(ref.Repo)
	if err != nil {
		return core.Issue{}, err
	}
	route := fmt.Sprintf("/repos/%s/%s/issues/%d", owner, name, ref.Number)
	is, _, err := i.gh.Issues.Get(ctx, owner, name, ref.Number)
	if err != nil {
		return core.Issue{}, apiError(err, http.MethodGet, route)
	}
	return issueOf(ref, is), nil
}

// FindComment walks the issue's comments 100 at a time, following GitHub's
// Link rel="next" as given, and stops at the first comment holding the
// marker. As an App it only considers comments written by an App (a bot)
// and, when GitHub says which, by this App: a person quoting the marker
// must not have their comment overwritten.
func (i *installation) FindComment(ctx context.Context, ref core.IssueRef, marker string) (*core.Comment, error) {
	var found *core.Comment
	err := i.walkComments(ctx, ref, marker, false, func(c core.Comment) bool {
		found = &c
		return false
	})
	return found, err
}

// MarkedComments reads every page, without the conditional-request cache:
// GitHub answers a conditional list with 304 for a while after a comment
// was added, and this read must see what the platform holds now.
func (i *installation) MarkedComments(ctx context.Context, ref core.IssueRef, marker string) ([]core.Comment, error) {
	var out []core.Comment
	err := i.walkComments(ctx, ref, marker, true, func(c core.Comment) bool {
		out = append(out, c)
		return true
	})
	return out, err
}

// walkComments calls each with cochef's comments holding marker, oldest
// first, until it returns false; fresh bypasses the cache.
func (i *installation) walkComments(ctx context.Context, ref core.IssueRef, marker string, fresh bool, each func(core.Comment) bool) error {
	owner, name, err := splitRepo(ref.Repo)
	if err != nil {
		return err
	}
	self, err := i.tokenLogin(ctx)
	if err != nil {
		return err
	}
	route := fmt.Sprintf("/repos/%s/%s/issues/%d/comments", owner, name, ref.Number)
	next := fmt.Sprintf("repos/%s/%s/issues/%d/comments?per_page=100", owner, name, ref.Number)
	for page := 0; next != ""; page++ {
		if page >= maxCommentPages {
			return fmt.Errorf("github: %s has more than %d pages of comments", ref, maxCommentPages)
		}
		req, err := i.gh.NewRequest(ctx, http.MethodGet, next, nil)
		if err != nil {
			return fmt.Errorf("github: %w", err)
		}
		if fresh {
			req.Header.Set("Cache-Control", noCache)
		}
		var comments []*gh.IssueComment
		resp, err := i.gh.Do(req, &comments)
		if err != nil {
			return apiError(err, http.MethodGet, route)
		}
		for _, cm := range comments {
			if cm == nil || !strings.Contains(cm.GetBody(), marker) || !i.ours(cm, self) {
				continue
			}
			if !each(core.Comment{ID: cm.GetID(), Body: cm.GetBody(), Author: cm.GetUser().GetLogin()}) {
				return nil
			}
		}
		next, err = i.nextLink(resp.Header.Get("Link"))
		if err != nil {
			return err
		}
	}
	return nil
}

// tokenLogin returns the plain token's user, asked once; "" in App mode.
func (i *installation) tokenLogin(ctx context.Context) (string, error) {
	if i.c.cfg.Token == "" {
		return "", nil
	}
	i.loginMu.Lock()
	defer i.loginMu.Unlock()
	if i.login != "" {
		return i.login, nil
	}
	u, _, err := i.gh.Users.Get(ctx, "")
	if err != nil {
		return "", apiError(err, http.MethodGet, "/user")
	}
	i.login = u.GetLogin()
	return i.login, nil
}

// ours reports whether a comment holding cochef's marker was written by
// cochef: anyone who can comment can paste the marker, and a planted
// marker must neither be edited over nor silence a mention.
func (i *installation) ours(cm *gh.IssueComment, tokenLogin string) bool {
	if i.c.cfg.Token != "" {
		return strings.EqualFold(cm.GetUser().GetLogin(), tokenLogin)
	}
	if cm.GetUser().GetType() != "Bot" {
		return false
	}
	if app := cm.GetPerformedViaGithubApp(); app != nil && app.GetID() != 0 && app.GetID() != i.c.cfg.AppID {
		return false
	}
	return true
}

// nextLink returns the rel="next" URL of a Link header, refusing one on
// another origin: the installation token goes wherever the request goes.
func (i *installation) nextLink(link string) (string, error) {
	for part := range strings.SplitSeq(link, ",") {
		target, params, ok := strings.Cut(strings.TrimSpace(part), ";")
		if !ok {
			continue
		}
		isNext := false
		for p := range strings.SplitSeq(params, ";") {
			if strings.ReplaceAll(strings.TrimSpace(p), " ", "") == `rel="next"` {
				isNext = true
			}
		}
		if !isNext {
			continue
		}
		target = strings.Trim(strings.TrimSpace(target), "<>")
		u, err := url.Parse(target)
		if err != nil {
			return "", fmt.Errorf("github: bad Link next %q: %w", target, err)
		}
		u = i.c.base.ResolveReference(u)
		if !strings.EqualFold(u.Scheme, i.c.base.Scheme) || !strings.EqualFold(u.Host, i.c.base.Host) {
			return "", fmt.Errorf("github: Link next %q leaves the API host %s", target, i.c.base.Host)
		}
		return u.String(), nil
	}
	return "", nil
}

func (i *installation) CreateComment(ctx context.Context, ref core.IssueRef, body string) (core.Comment, error) {
	owner, name, err := splitRepo(ref.Repo)
	if err != nil {
		return core.Comment{}, err
	}
	route := fmt.Sprintf("/repos/%s/%s/issues/%d/comments", owner, name, ref.Number)
	cm, _, err := i.gh.Issues.CreateComment(ctx, owner, name, ref.Number, gh.IssueCommentRequest{Body: body})
	if err != nil {
		return core.Comment{}, apiError(err, http.MethodPost, route)
	}
	return core.Comment{ID: cm.GetID(), Body: cm.GetBody(), Author: cm.GetUser().GetLogin()}, nil
}

// RemoveComment deletes a comment; 404 (already gone) is done.
func (i *installation) RemoveComment(ctx context.Context, ref core.IssueRef, id int64) error {
	owner, name, err := splitRepo(ref.Repo)
	if err != nil {
		return err
	}
	route := fmt.Sprintf("/repos/%s/%s/issues/comments/%d", owner, name, id)
	_, err = i.gh.Issues.DeleteComment(ctx, owner, name, id)
	err = apiError(err, http.MethodDelete, route)
	if isStatus(err, http.StatusNotFound) {
		return nil
	}
	return err
}

func (i *installation) EditComment(ctx context.Context, ref core.IssueRef, id int64, body string) error {
	owner, name, err := splitRepo(ref.Repo)
	if err != nil {
		return err
	}
	route := fmt.Sprintf("/repos/%s/%s/issues/comments/%d", owner, name, id)
	_, _, err = i.gh.Issues.UpdateComment(ctx, owner, name, id, gh.IssueCommentRequest{Body: body})
	return apiError(err, http.MethodPatch, route)
}

// EnsureLabels looks each label up once (then remembers it) and creates
// the missing ones with their colour and description.
func (i *installation) EnsureLabels(ctx context.Context, repo core.Repo, labels []core.Label) error {
	owner, name, err := splitRepo(repo)
	if err != nil {
		return err
	}
	for _, l := range labels {
		if i.c.labels.known(repo.FullName, l.Name) {
			continue
		}
		route := fmt.Sprintf("/repos/%s/%s/labels/%s", owner, name, l.Name)
		_, _, err := i.gh.Issues.GetLabel(ctx, owner, name, url.PathEscape(l.Name))
		if err == nil {
			i.c.labels.add(repo.FullName, l.Name)
			continue
		}
		if err = apiError(err, http.MethodGet, route); !isStatus(err, http.StatusNotFound) {
			return err
		}
		req := gh.CreateIssueLabelRequest{Name: l.Name}
		if l.Color != "" {
			req.Color = new(strings.TrimPrefix(l.Color, "#"))
		}
		if l.Description != "" {
			req.Description = new(l.Description)
		}
		createRoute := fmt.Sprintf("/repos/%s/%s/labels", owner, name)
		_, _, err = i.gh.Issues.CreateLabel(ctx, owner, name, req)
		if err != nil && !alreadyExists(err) {
			return apiError(err, http.MethodPost, createRoute)
		}
		if err == nil {
			i.c.log.Info("github: label created", "repo", repo.FullName, "label", l.Name)
		}
		i.c.labels.add(repo.FullName, l.Name)
	}
	return nil
}

// alreadyExists is the 422 GitHub answers when another worker created the
// label between our lookup and our creation.
func alreadyExists(err error) bool {
	er, ok := errors.AsType[*gh.ErrorResponse](err)
	if !ok || er.Response == nil || er.Response.StatusCode != http.StatusUnprocessableEntity {
		return false
	}
	for _, d := range er.Errors {
		if d.Code == "already_exists" {
			return true
		}
	}
	return false
}

// AddLabels sends the object form {"labels": […]}, the one GitHub's REST
// description documents (go-github sends a bare array).
func (i *installation) AddLabels(ctx context.Context, ref core.IssueRef, names []string) error {
	if len(names) == 0 {
		return nil
	}
	owner, name, err := splitRepo(ref.Repo)
	if err != nil {
		return err
	}
	path := fmt.Sprintf("repos/%s/%s/issues/%d/labels", owner, name, ref.Number)
	req, err := i.gh.NewRequest(ctx, http.MethodPost, path, map[string][]string{"labels": names})
	if err != nil {
		return fmt.Errorf("github: %w", err)
	}
	_, err = i.gh.Do(req, nil)
	if err == nil {
		for _, n := range names {
			// GitHub creates a missing label when adding it.
			i.c.labels.add(ref.Repo.FullName, n)
		}
	}
	return apiError(err, http.MethodPost, "/"+path)
}

// RemoveLabel treats 404 (the label is not on the issue) as done.
func (i *installation) RemoveLabel(ctx context.Context, ref core.IssueRef, label string) error {
	owner, name, err := splitRepo(ref.Repo)
	if err != nil {
		return err
	}
	route := fmt.Sprintf("/repos/%s/%s/issues/%d/labels/%s", owner, name, ref.Number, label)
	_, err = i.gh.Issues.RemoveLabelForIssue(ctx, owner, name, ref.Number, url.PathEscape(label))
	err = apiError(err, http.MethodDelete, route)
	if isStatus(err, http.StatusNotFound) {
		return nil
	}
	return err
}

// Access maps GitHub's roles: admin is AccessAdmin; maintain and write are
// AccessWrite; triage and read are AccessRead; none, or a user GitHub does
// not know (404), is AccessNone. A custom role falls back on its base
// permission.
func (i *installation) Access(ctx context.Context, repo core.Repo, user string) (core.Access, error) {
	owner, name, err := splitRepo(repo)
	if err != nil {
		return core.AccessNone, err
	}
	route := fmt.Sprintf("/repos/%s/%s/collaborators/%s/permission", owner, name, user)
	p, _, err := i.gh.Repositories.GetPermissionLevel(ctx, owner, name, url.PathEscape(user))
	if err != nil {
		err = apiError(err, http.MethodGet, route)
		if isStatus(err, http.StatusNotFound) {
			return core.AccessNone, nil
		}
		return core.AccessNone, err
	}
	if a, ok := accessOfRole(p.GetRoleName()); ok {
		return a, nil
	}
	a, _ := accessOfRole(p.GetPermission()) // a custom role's base permission; unknown is none
	return a, nil
}

func accessOfRole(role string) (core.Access, bool) {
	switch role {
	case "admin":
		return core.AccessAdmin, true
	case "maintain", "write":
		return core.AccessWrite, true
	case "triage", "read":
		return core.AccessRead, true
	}
	return core.AccessNone, false
}

// ReadConfig reads .github/cochef.yml, else cochef.yml in the owner's
// .github repository. Reads are conditional, so an unchanged file costs a
// 304 (not counted by GitHub).
func (i *installation) ReadConfig(ctx context.Context, repo core.Repo) ([]byte, string, bool, error) {
	owner, name, err := splitRepo(repo)
	if err != nil {
		return nil, "", false, err
	}
	data, found, err := i.readFile(ctx, owner, name, ConfigPath)
	if err != nil || found {
		return data, owner + "/" + name + ":" + ConfigPath, found, err
	}
	data, found, err = i.readFile(ctx, owner, OrgConfigRepo, OrgConfigPath)
	if err != nil {
		var api *core.APIError
		if errors.As(err, &api) && api.Status == http.StatusForbidden && !api.RateLimited {
			// The App may be installed on some repositories only; not being
			// allowed to read the organisation's .github is "no file there".
			i.c.log.Info("github: organisation config not readable", "repo", owner+"/"+OrgConfigRepo, "err", err)
			return nil, "", false, nil
		}
		return nil, "", false, err
	}
	if !found {
		return nil, "", false, nil
	}
	return data, owner + "/" + OrgConfigRepo + ":" + OrgConfigPath, true, nil
}

func (i *installation) readFile(ctx context.Context, owner, repo, path string) ([]byte, bool, error) {
	route := fmt.Sprintf("/repos/%s/%s/contents/%s", owner, repo, path)
	file, dir, _, err := i.gh.Repositories.GetContents(ctx, owner, repo, path, nil)
	if err != nil {
		err = apiError(err, http.MethodGet, route)
		if isStatus(err, http.StatusNotFound) {
			return nil, false, nil
		}
		return nil, false, err
	}
	if file == nil || dir != nil {
		return nil, false, fmt.Errorf("github: %s/%s:%s is a directory, not a file", owner, repo, path)
	}
	s, err := file.GetContent()
	if err != nil {
		return nil, false, fmt.Errorf("github: %s/%s:%s: %w", owner, repo, path, err)
	}
	return []byte(s), true, nil
}
