package github

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	gh "github.com/google/go-github/v93/github"

	"github.com/cochef/cochef/core"
)

// The recette on GitHub: pull requests are read with the pulls API, the
// stories they close with GraphQL's closingIssuesReferences, the status is
// a check run, validators may be named by team. Comments and labels of a
// pull request go through the issue endpoints (core.Platform), which serve
// pull requests as issues.

// maxCheckOutput bounds a check run's summary and text (GitHub: 65,535
// characters each).
const maxCheckOutput = 65535

// GetMergeRequest reads a pull request. A merged pull request is reported
// as "merged".
func (i *installation) GetMergeRequest(ctx context.Context, ref core.IssueRef) (core.MergeRequest, error) {
	owner, name, err := splitRepo(ref.Repo)
	if err != nil {
		return core.MergeRequest{}, err
	}
	route := fmt.Sprintf("/repos/%s/%s/pulls/%d", owner, name, ref.Number)
	pr, _, err := i.gh.PullRequests.Get(ctx, owner, name, ref.Number)
	if err != nil {
		return core.MergeRequest{}, apiError(err, http.MethodGet, route)
	}
	ref.MergeRequest = true
	out := core.MergeRequest{
		Ref:     ref,
		Title:   pr.GetTitle(),
		Body:    pr.GetBody(),
		HeadSHA: pr.GetHead().GetSHA(),
		State:   pr.GetState(),
		Author:  pr.GetUser().GetLogin(),
		URL:     pr.GetHTMLURL(),
	}
	if pr.GetMerged() {
		out.State = "merged"
	}
	if m := pr.GetMilestone(); m != nil {
		out.Milestone = m.GetTitle()
	}
	for _, l := range pr.Labels {
		if l != nil {
			out.Labels = append(out.Labels, l.Name)
		}
	}
	return out, nil
}

// closingQuery asks for the issues a pull request will close: those its
// closing keywords name (when it targets the default branch) and those
// linked by hand in the sidebar.
const closingQuery = `query($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      closingIssuesReferences(first: 50) {
        nodes { number repository { nameWithOwner } }
      }
    }
  }
}`

type closingAnswer struct {
	Data struct {
		Repository *struct {
			PullRequest *struct {
				ClosingIssuesReferences struct {
					Nodes []struct {
						Number     int `json:"number"`
						Repository struct {
							NameWithOwner string `json:"nameWithOwner"`
						} `json:"repository"`
					} `json:"nodes"`
				} `json:"closingIssuesReferences"`
			} `json:"pullRequest"`
		} `json:"repository"`
	} `json:"data"`
	Errors []struct {
		Type    string `json:"type"`
		Message string `json:"message"`
	} `json:"errors"`
}

// graphqlPath is GraphQL's endpoint relative to the REST base: /graphql on
// github.com, /api/graphql on GitHub Enterprise Server (REST at /api/v3/).
func (i *installation) graphqlPath() string {
	if strings.HasSuffix(i.c.base.Path, "/api/v3/") {
		// go-github refuses "..": resolve it here, on the same origin.
		return i.c.base.ResolveReference(&url.URL{Path: "../graphql"}).String()
	}
	return "graphql"
}

// ClosingIssues implements core.MergeRequests with one GraphQL query. Issues in
// other repositories keep the pull request's installation: the same App
// installation may read them, or the caller lists them as unreadable.
func (i *installation) ClosingIssues(ctx context.Context, mr core.MergeRequest) ([]core.IssueRef, error) {
	owner, name, err := splitRepo(mr.Ref.Repo)
	if err != nil {
		return nil, err
	}
	req, err := i.gh.NewRequest(ctx, http.MethodPost, i.graphqlPath(), map[string]any{
		"query":     closingQuery,
		"variables": map[string]any{"owner": owner, "name": name, "number": mr.Ref.Number},
	})
	if err != nil {
		return nil, fmt.Errorf("github: %w", err)
	}
	var ans closingAnswer
	if _, err := i.gh.Do(req, &ans); err != nil {
		return nil, apiError(err, http.MethodPost, "/graphql")
	}
	if ans.Data.Repository == nil || ans.Data.Repository.PullRequest == nil {
		// GraphQL answers 200 with errors (NOT_FOUND, FORBIDDEN): the
		// closing keywords the caller parses still stand.
		msg := ""
		if len(ans.Errors) > 0 {
			msg = ans.Errors[0].Type + " " + ans.Errors[0].Message
		}
		i.c.log.Warn("github: closingIssuesReferences unavailable", "pull", mr.Ref.String(), "error", msg)
		return nil, nil
	}
	var out []core.IssueRef
	for _, n := range ans.Data.Repository.PullRequest.ClosingIssuesReferences.Nodes {
		if n.Number <= 0 || n.Repository.NameWithOwner == "" {
			continue
		}
		out = append(out, core.IssueRef{
			Repo: core.Repo{Platform: core.GitHub, FullName: n.Repository.NameWithOwner,
				InstallationID: mr.Ref.Repo.InstallationID},
			Number: n.Number,
		})
	}
	return out, nil
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// SetRecetteStatus creates the check run cochef/recette on the head
// commit, or updates the one given by s.ID. Pending is a check run in
// progress (a required check in progress holds the merge); success and
// neutral complete it.
func (i *installation) SetRecetteStatus(ctx context.Context, mr core.MergeRequest, s core.RecetteStatus) (int64, error) {
	owner, name, err := splitRepo(mr.Ref.Repo)
	if err != nil {
		return 0, err
	}
	out := &gh.CheckRunOutput{
		Title:   new(clip(s.Title, 1000)),
		Summary: new(clip(s.Summary, maxCheckOutput)),
	}
	if s.Text != "" {
		out.Text = new(clip(s.Text, maxCheckOutput))
	}
	status, conclusion := "in_progress", ""
	switch s.State {
	case core.RecetteSuccess:
		status, conclusion = "completed", "success"
	case core.RecetteNeutral:
		status, conclusion = "completed", "neutral"
	}
	var details *string
	if u, err := url.Parse(s.URL); err == nil && (u.Scheme == "https" || u.Scheme == "http") {
		details = new(s.URL)
	}
	if s.ID != 0 {
		opt := gh.UpdateCheckRunOptions{Name: core.RecetteStatusName, Status: new(status), Output: out, DetailsURL: details}
		if conclusion != "" {
			opt.Conclusion = new(conclusion)
		}
		route := fmt.Sprintf("/repos/%s/%s/check-runs/%d", owner, name, s.ID)
		cr, _, err := i.gh.Checks.UpdateCheckRun(ctx, owner, name, s.ID, opt)
		if err == nil {
			return cr.GetID(), nil
		}
		if err = apiError(err, http.MethodPatch, route); !isStatus(err, http.StatusNotFound) {
			return 0, err
		}
		// The check run is gone (a rerun, a force-push): create another.
	}
	opt := gh.CreateCheckRunOptions{
		Name: core.RecetteStatusName, HeadSHA: mr.HeadSHA, Status: new(status), Output: out, DetailsURL: details,
		ExternalID: new(mr.Ref.String()),
	}
	if conclusion != "" {
		opt.Conclusion = new(conclusion)
	}
	route := fmt.Sprintf("/repos/%s/%s/check-runs", owner, name)
	cr, _, err := i.gh.Checks.CreateCheckRun(ctx, owner, name, opt)
	if err != nil {
		return 0, apiError(err, http.MethodPost, route)
	}
	return cr.GetID(), nil
}

// IsTeamMember asks for the user's membership of "org/team-slug"; only an
// active membership counts. 404 (not a member, or a team the App may not
// see) is "no". Reading team membership needs the App's organisation
// permission "Members: read".
func (i *installation) IsTeamMember(ctx context.Context, repo core.Repo, team, user string) (bool, error) {
	org, slug, ok := strings.Cut(strings.TrimPrefix(team, "@"), "/")
	if !ok || org == "" || slug == "" || strings.Contains(slug, "/") {
		return false, nil
	}
	route := "/orgs/{org}/teams/{team_slug}/memberships/{username}"
	m, _, err := i.gh.Teams.GetTeamMembershipBySlug(ctx, url.PathEscape(org), url.PathEscape(slug), url.PathEscape(user))
	if err != nil {
		err = apiError(err, http.MethodGet, route)
		if isStatus(err, http.StatusNotFound) || isStatus(err, http.StatusForbidden) {
			i.c.log.Info("github: team membership not found or not readable", "team", team, "user", user, "err", err)
			return false, nil
		}
		return false, err
	}
	return m.GetState() == "active", nil
}
