package github_test

import (
	"testing"

	"github.com/cochef/cochef/github"
	"github.com/cochef/cochef/github/githubfake"
)

const routeDeleteComment = "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}"

// MarkedComments is the read after a write whose outcome is unknown: it
// never asks GitHub conditionally (GitHub keeps answering 304 for a while
// after a comment is added), reads every page and returns every marked
// comment of cochef's, oldest first.
func TestMarkedCommentsReadsGitHubItself(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	first := f.AddComment("octo/hello", 1, githubfake.Comment{Body: "one " + marker, Author: "cochef[bot]", AppID: 42})
	f.AddComment("octo/hello", 1, githubfake.Comment{Body: "quoted " + marker, Author: "mallory"})
	for range 120 {
		f.AddComment("octo/hello", 1, githubfake.Comment{Body: "chatter", Author: "alice"})
	}
	second := f.AddComment("octo/hello", 1, githubfake.Comment{Body: "two " + marker, Author: "cochef[bot]", AppID: 42})
	client := appClient(t, f, github.NoWriteSpacing)
	c := connect(t, client, hello)

	// A first read fills the conditional cache.
	if got, err := c.FindComment(ctx, issue, marker); err != nil || got == nil || got.ID != first {
		t.Fatalf("FindComment = %+v, %v", got, err)
	}
	f.Reset()
	got, err := c.MarkedComments(ctx, issue, marker)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != first || got[1].ID != second {
		t.Fatalf("marked comments %+v, want %d then %d", got, first, second)
	}
	calls := f.Calls(routeComments)
	if len(calls) != 2 {
		t.Fatalf("%d pages read, want both", len(calls))
	}
	for _, r := range calls {
		if r.Header.Get("If-None-Match") != "" || r.Status != 200 {
			t.Errorf("page %s: If-None-Match %q, status %d; want a plain read", r.Path, r.Header.Get("If-None-Match"), r.Status)
		}
	}

	if err := c.RemoveComment(ctx, issue, second); err != nil {
		t.Fatal(err)
	}
	if err := c.RemoveComment(ctx, issue, second); err != nil {
		t.Errorf("removing a comment already gone: %v, want done", err)
	}
	if n := len(f.Calls(routeDeleteComment)); n != 2 {
		t.Errorf("%d DELETE calls, want 2", n)
	}
	for _, cm := range f.Comments("octo/hello", 1) {
		if cm.ID == second {
			t.Error("the duplicate is still there")
		}
	}
}
