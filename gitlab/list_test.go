package gitlab_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/gitlab/gitlabfake"
)

func TestListIssuesPagesAndFilters(t *testing.T) {
	f := newFake(t)
	for i := 1; i <= 230; i++ {
		is := gitlabfake.Issue{Title: fmt.Sprintf("Récit %d", i), Description: "corps"}
		if i%10 == 0 {
			is.Labels = []string{"récit", "sprint"}
		}
		if i%7 == 0 {
			is.State = "closed"
		}
		f.AddIssue(projPath, i, is)
	}
	c := newClient(t, f)
	list := func(q core.IssueQuery) []int {
		t.Helper()
		var out []int
		err := c.ListIssues(context.Background(), byPath, q, func(is core.Issue) error {
			if is.Ref.Repo.ProjectID != projID || is.Body != "corps" || is.UpdatedAt.IsZero() {
				t.Errorf("issue %+v", is)
			}
			if q.State == "" && is.State != "open" {
				t.Errorf("state %q, want GitLab's opened told as open", is.State)
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
	if len(open) != 230-230/7 || slices.Contains(open, 7) {
		t.Errorf("open issues: %d, want %d", len(open), 230-230/7)
	}
	var pages int
	for _, r := range f.Requests() {
		if r.Route == "/projects/:id/issues" {
			pages++
			if !strings.Contains(r.Query, "per_page=100") || !strings.Contains(r.Query, "state=opened") {
				t.Errorf("query %s", r.Query)
			}
		}
	}
	if pages != 2 {
		t.Errorf("%d pages for 198 issues, want 2", pages)
	}
	if all := list(core.IssueQuery{State: "all"}); len(all) != 230 {
		t.Errorf("all: %d", len(all))
	}
	if labelled := list(core.IssueQuery{State: "all", Labels: []string{"récit", "sprint"}}); len(labelled) != 23 {
		t.Errorf("labelled: %d, want 23", len(labelled))
	}
	if err := c.ListIssues(context.Background(), byPath, core.IssueQuery{State: "ouvert"}, func(core.Issue) error { return nil }); err == nil {
		t.Error("an unknown state was accepted")
	}
}

func TestRepositoriesOfAGroup(t *testing.T) {
	f := newFake(t) // ministere/equipe/produit
	f.AddProject(43, "ministere/autre")
	f.AddProject(44, "ailleurs/projet")
	c := newClient(t, f)
	repos, err := c.Repositories(context.Background(), "ministere")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range repos {
		names = append(names, r.FullName)
		if r.ProjectID == 0 || r.Platform != core.GitLab {
			t.Errorf("repo %+v", r)
		}
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"ministere/autre", "ministere/equipe/produit"}) {
		t.Errorf("projects: %v (a subgroup's project included, another group's not)", names)
	}
	if _, err := c.Repositories(context.Background(), "inconnu"); err == nil {
		t.Error("an unknown group listed projects")
	}
}
