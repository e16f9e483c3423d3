package github_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
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

// A mention or a recette reply whose POST hangs past the job's timeout,
// and that GitHub carries out in the end, is posted once. The retry comes
// before GitHub has finished: before core.PostOnce it looked with
// FindComment, saw nothing and posted a second mention. Now it waits for
// the write to settle, then reads GitHub itself (never the conditional
// cache) and finds the first.
func TestHangingPostOnceIsPostedOnce(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	f.AddComment("octo/hello", 1, githubfake.Comment{Body: "chatter", Author: "alice"})
	client := appClient(t, f, github.NoWriteSpacing)
	c := connect(t, client, hello)
	const mention = "<!-- cochef:mention:security -->"
	// The store's copy of the pending time, as Record keeps it.
	var stored time.Time
	clock := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	post := func(ctx context.Context, pending time.Time) (time.Time, error) {
		return core.PostOnce(ctx, c, core.OncePost{
			Ref: issue, Marker: mention, Body: "@octo/security " + mention, Pending: pending, LookUp: true,
			Settle: time.Minute, Now: func() time.Time { return clock },
			Record: func(_ context.Context, at time.Time) error { stored = at; return nil },
		})
	}

	held := f.Hold(routeNewComment)
	defer held.Release()
	jobCtx, cancel := context.WithTimeout(ctx, 300*time.Millisecond) // the job timeout, shortened
	pending, err := post(jobCtx, time.Time{})
	cancel()
	if err == nil || !core.WriteOutcomeUnknown(err) {
		t.Fatalf("hanging post: %v, want an unknown outcome", err)
	}
	if pending.IsZero() || !stored.Equal(pending) {
		t.Fatalf("pending %v, stored %v: the post was not recorded before it was sent", pending, stored)
	}
	<-held.Gone

	// The retry, while GitHub still works on the first POST: nothing
	// written, the task waits.
	clock = clock.Add(2 * time.Second)
	if _, err := post(ctx, stored); !core.IsDeferred(err) {
		t.Fatalf("retry while settling: %v, want deferred", err)
	}
	if n := len(f.Calls(routeNewComment)); n != 0 {
		t.Fatalf("%d POSTs answered while the first hangs, want none", n)
	}
	held.Release() // GitHub completes the write after the client gave up
	waitComments(t, f, mention, 1)

	// Once settled it reads GitHub afresh, finds the mention, posts nothing.
	clock = clock.Add(time.Minute)
	f.Reset()
	left, err := post(ctx, stored)
	if err != nil || !left.IsZero() {
		t.Fatalf("retry: pending %v, %v", left, err)
	}
	if n := len(f.Calls(routeNewComment)); n != 0 {
		t.Errorf("%d POSTs after the settled write, want none", n)
	}
	for _, r := range f.Calls(routeComments) {
		if r.Header.Get("If-None-Match") != "" {
			t.Errorf("the read after an unknown outcome was conditional")
		}
	}
	if n := countMarked(f, mention); n != 1 {
		t.Errorf("%d mentions, want 1", n)
	}

	// Two mentions (another lost write): the first is kept.
	f.AddComment("octo/hello", 1, githubfake.Comment{Body: "again " + mention, Author: "cochef[bot]", AppID: 42})
	if _, err := post(ctx, clock.Add(-2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if n := countMarked(f, mention); n != 1 {
		t.Errorf("%d mentions after the duplicate's removal, want 1", n)
	}
}

func countMarked(f *githubfake.Fake, marker string) int {
	n := 0
	for _, cm := range f.Comments("octo/hello", 1) {
		if strings.Contains(cm.Body, marker) {
			n++
		}
	}
	return n
}

// waitComments waits for the fake to hold n comments marked marker.
func waitComments(t *testing.T, f *githubfake.Fake, marker string, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for countMarked(f, marker) < n {
		if time.Now().After(deadline) {
			t.Fatalf("the held write never landed")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
