package github_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/github"
	"github.com/cochef/cochef/github/githubfake"
)

type issueLister interface {
	ListIssues(ctx context.Context, repo core.Repo, q core.IssueQuery, each func(core.Issue) error) error
}

func TestListIssuesPagesAndFilters(t *testing.T) {
	f := githubfake.New(t)
	for i := 1; i <= 230; i++ {
		is := githubfake.Issue{Title: fmt.Sprintf("Récit %d", i), Body: "corps"}
		if i%10 == 0 {
			is.Labels = []string{"récit", "sprint"}
		}
		if i%7 == 0 {
			is.State = "closed"
		}
		f.AddIssue("octo/hello", i, is)
	}
	f.AddPull("octo/hello", 231, githubfake.Pull{Title: "PR"})
	c := appClient(t, f, github.NoWriteSpacing)
	f.SetInstallation("octo", 7)
	repo, err := c.Repository(context.Background(), "octo/hello")
	if err != nil || repo.InstallationID != 7 {
		t.Fatalf("installation of octo/hello: %+v %v", repo, err)
	}
	l, ok := connect(t, c, repo).(issueLister)
	if !ok {
		t.Fatal("the GitHub platform does not list issues")
	}
	list := func(q core.IssueQuery) []int {
		t.Helper()
		var out []int
		err := l.ListIssues(context.Background(), repo, q, func(is core.Issue) error {
			if is.Ref.Repo != repo || is.Title == "" || is.Body != "corps" || is.UpdatedAt.IsZero() || is.URL == "" {
				t.Errorf("issue %+v", is)
			}
			out = append(out, is.Ref.Number)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	f.Reset()
	open := list(core.IssueQuery{})
	if len(open) != 230-230/7 || slices.Contains(open, 7) || slices.Contains(open, 231) {
		t.Errorf("open issues: %d (want %d, no closed one, no pull request)", len(open), 230-230/7)
	}
	// 198 open issues and the open pull request: two pages of 100.
	pages := f.Calls("GET /repos/{owner}/{repo}/issues")
	if len(pages) != 2 || pages[0].Query.Get("per_page") != "100" || pages[0].Query.Get("state") != "open" {
		t.Errorf("pages: %d, first %v", len(pages), pages[0].Query)
	}
	if all := list(core.IssueQuery{State: "all"}); len(all) != 230 {
		t.Errorf("all issues: %d", len(all))
	}
	if labelled := list(core.IssueQuery{State: "all", Labels: []string{"récit", "sprint"}}); len(labelled) != 23 {
		t.Errorf("labelled: %d, want 23", len(labelled))
	}
	if later := list(core.IssueQuery{Since: time.Now().Add(time.Hour)}); len(later) != 0 {
		t.Errorf("since the future: %d", len(later))
	}
}

func TestRepositoriesOfAnInstallation(t *testing.T) {
	f := githubfake.New(t)
	for _, r := range []string{"octo/a", "octo/b", "other/c"} {
		f.AddRepo(r)
	}
	f.SetInstallation("octo", 7)
	f.SetInstallation("other", 8)
	c := appClient(t, f, github.NoWriteSpacing)
	repos, err := c.Repositories(context.Background(), "octo")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range repos {
		names = append(names, r.FullName)
		if r.InstallationID != 7 {
			t.Errorf("%s: installation %d, want 7", r.FullName, r.InstallationID)
		}
	}
	if !slices.Equal(names, []string{"octo/a", "octo/b"}) {
		t.Errorf("repositories: %v", names)
	}
	if _, err := c.Repositories(context.Background(), "nobody"); err == nil {
		t.Error("an account without the App listed repositories")
	}
	if _, err := c.Repository(context.Background(), "nobody/x"); err == nil {
		t.Error("a repository without the App has an installation")
	}

	// With a token: the organisation's repositories.
	tc, err := github.New(github.Config{APIURL: f.URL(), Token: "t", HTTPClient: f.Client()})
	if err != nil {
		t.Fatal(err)
	}
	repos, err = tc.Repositories(context.Background(), "other")
	if err != nil || len(repos) != 1 || repos[0].FullName != "other/c" {
		t.Errorf("token: %+v %v", repos, err)
	}
}
