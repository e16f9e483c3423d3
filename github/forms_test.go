package github_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/github/githubfake"
)

// The repository's forms are one read of .github/ISSUE_TEMPLATE; the
// chooser's config.yml and folders are not forms; a repository without
// the folder has none; an unchanged folder is a 304.
func TestIssueTemplates(t *testing.T) {
	f := githubfake.New(t)
	f.AddRepo("octo/hello")
	client := tokenClient(t, f)
	c := connect(t, client, hello)

	got, err := c.IssueTemplates(ctx, hello)
	if err != nil || len(got) != 0 {
		t.Fatalf("without the folder: %v, %v", got, err)
	}

	f.SetFile("octo/hello", ".github/ISSUE_TEMPLATE/user-story.yml", "name: Récit\n")
	f.SetFile("octo/hello", ".github/ISSUE_TEMPLATE/bug.md", "---\nname: Anomalie\n---\n")
	f.SetFile("octo/hello", ".github/ISSUE_TEMPLATE/config.yml", "blank_issues_enabled: false\n")
	f.SetFile("octo/hello", ".github/ISSUE_TEMPLATE/old/technique.yml", "name: Technique\n")
	f.SetFile("octo/hello", ".github/ISSUE_TEMPLATE/notes.txt", "hi\n")
	f.SetFile("octo/hello", ".github/cochef.yml", "lang: fr\n")
	got, err = c.IssueTemplates(ctx, hello)
	if err != nil {
		t.Fatal(err)
	}
	want := []core.IssueTemplate{
		{Name: "bug", URL: "https://github.com/octo/hello/issues/new?template=bug.md"},
		{Name: "user-story", URL: "https://github.com/octo/hello/issues/new?template=user-story.yml"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("templates %v, want %v", got, want)
	}
	if _, err := c.IssueTemplates(ctx, hello); err != nil {
		t.Fatal(err)
	}
	calls := f.Calls(routeContents)
	if last := calls[len(calls)-1]; last.Status != http.StatusNotModified {
		t.Errorf("an unchanged folder answered %d, want a 304", last.Status)
	}

	f.FailNext(1, http.StatusBadGateway, nil)
	if _, err := c.IssueTemplates(ctx, hello); err == nil || core.IsPermanent(err) {
		t.Errorf("a 502 gave %v, want a transient error", err)
	}
}
