package gitlab_test

import (
	"context"
	"slices"
	"testing"

	"github.com/cochef/cochef/core"
)

// A project's description templates are one call; each opens a new issue
// with it on the instance the adapter talks to; none is an empty list.
func TestIssueTemplates(t *testing.T) {
	f := newFake(t)
	c := newClient(t, f)
	ctx := context.Background()

	got, err := c.IssueTemplates(ctx, byID)
	if err != nil || len(got) != 0 {
		t.Fatalf("without templates: %v, %v", got, err)
	}
	f.SetFile(projPath, ".gitlab/issue_templates/user-story.md", "## Récit\n")
	f.SetFile(projPath, ".gitlab/issue_templates/bug.md", "## Anomalie\n")
	f.SetFile(projPath, ".gitlab/issue_templates/notes.txt", "hi\n")
	f.SetFile(projPath, ".gitlab/merge_request_templates/default.md", "## MR\n")
	f.Reset()
	got, err = c.IssueTemplates(ctx, byID)
	if err != nil {
		t.Fatal(err)
	}
	want := []core.IssueTemplate{
		{Name: "bug", URL: f.URL() + "/" + projPath + "/-/issues/new?issuable_template=bug"},
		{Name: "user-story", URL: f.URL() + "/" + projPath + "/-/issues/new?issuable_template=user-story"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("templates %v\nwant %v", got, want)
	}
	if p := paths(f.Requests()); len(p) != 1 || p[0] != "GET /api/v4/projects/42/templates/issues" {
		t.Errorf("requests %q, want one", p)
	}

	// A project the token cannot see has no templates for cochef: the
	// issue's own read says what is wrong with it.
	if got, err := c.IssueTemplates(ctx, core.Repo{Platform: core.GitLab, FullName: "ministere/absent"}); err != nil || len(got) != 0 {
		t.Errorf("an unknown project gave %v, %v; want none", got, err)
	}
}
