package gitlab_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/gitlab/gitlabfake"
)

// After a write whose outcome is unknown, core.SyncComment reads every
// marked note (or thread) of cochef's and removes all but the first.
func TestMarkedNotesAndThreadsAndRemoval(t *testing.T) {
	f := newFake(t)
	ctx := context.Background()
	f.AddIssue(projPath, 1, gitlabfake.Issue{Title: "t"})
	first := f.AddNote(projPath, 1, gitlabfake.Note{Body: "one " + marker, Author: gitlabfake.BotUsername})
	f.AddNote(projPath, 1, gitlabfake.Note{Body: "planted " + marker, Author: "visitor"})
	second := f.AddNote(projPath, 1, gitlabfake.Note{Body: "two " + marker, Author: gitlabfake.BotUsername})
	c := newClient(t, f)
	ref := issueRef(byID, 1)

	got, err := c.MarkedComments(ctx, ref, marker)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != first || got[1].ID != second {
		t.Fatalf("marked notes %+v, want %d then %d", got, first, second)
	}
	if err := c.RemoveComment(ctx, ref, second); err != nil {
		t.Fatal(err)
	}
	if err := c.RemoveComment(ctx, ref, second); err != nil {
		t.Errorf("removing a note already gone: %v, want done", err)
	}
	if n := len(f.Notes(projPath, 1)); n != 2 {
		t.Errorf("%d notes left, want 2 (ours and the visitor's)", n)
	}

	// Threads on a merge request: two checklists left by a lost write.
	f.AddMergeRequest(projPath, 7, gitlabfake.MergeRequest{Title: "mr"})
	mr := core.IssueRef{Repo: byID, Number: 7, MergeRequest: true}
	const recette = "<!-- cochef:recette -->"
	a, ta, err := c.CreateThread(ctx, mr, "checklist "+recette)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := c.CreateThread(ctx, mr, "checklist again "+recette)
	if err != nil {
		t.Fatal(err)
	}
	threads, err := c.MarkedThreads(ctx, mr, recette)
	if err != nil {
		t.Fatal(err)
	}
	if len(threads) != 2 || threads[0].ID != a.ID || threads[0].Thread != ta || threads[1].ID != b.ID {
		t.Fatalf("marked threads %+v, want %d (%s) then %d", threads, a.ID, ta, b.ID)
	}
	if err := c.RemoveComment(ctx, mr, b.ID); err != nil {
		t.Fatal(err)
	}
	if ds := f.Discussions(projPath, 7); len(ds) != 1 || ds[0].ID != ta {
		t.Errorf("discussions %+v, want the first thread alone", ds)
	}
}

// A recette reply (or a mention) whose POST hangs past the job's timeout,
// and that GitLab carries out in the end, is posted once: the retry, which
// comes before GitLab has finished, writes nothing and waits for the write
// to settle; then it reads the notes afresh and finds the first. Before
// core.PostOnce, the retry looked, saw nothing and replied a second time.
func TestHangingPostOnceIsPostedOnce(t *testing.T) {
	f := newFake(t)
	ctx := context.Background()
	f.AddMergeRequest(projPath, 7, gitlabfake.MergeRequest{Title: "mr"})
	mr := core.IssueRef{Repo: byID, Number: 7, MergeRequest: true}
	c := newClient(t, f)
	const route = "/projects/:id/merge_requests/:merge_request_iid/notes"
	const reply = "<!-- cochef:reply:0123456789abcdef -->"
	var stored time.Time
	clock := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	post := func(ctx context.Context, pending time.Time) (time.Time, error) {
		return core.PostOnce(ctx, c, core.OncePost{
			Ref: mr, Marker: reply, Body: "@alice merci\n" + reply, Pending: pending, LookUp: true,
			Settle: time.Minute, Now: func() time.Time { return clock },
			Record: func(_ context.Context, at time.Time) error { stored = at; return nil },
		})
	}
	posts := func() int {
		n := 0
		for _, r := range f.Requests() {
			if r.Method == "POST" && r.Route == route {
				n++
			}
		}
		return n
	}
	marked := func() int {
		n := 0
		for _, nt := range f.MergeRequestNotes(projPath, 7) {
			if strings.Contains(nt.Body, reply) {
				n++
			}
		}
		return n
	}

	held := f.Hold("POST", route)
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

	clock = clock.Add(2 * time.Second)
	if _, err := post(ctx, stored); !core.IsDeferred(err) {
		t.Fatalf("retry while settling: %v, want deferred", err)
	}
	if n := posts(); n != 0 {
		t.Fatalf("%d POSTs answered while the first hangs, want none", n)
	}
	held.Release() // GitLab completes the write after the client gave up
	deadline := time.Now().Add(5 * time.Second)
	for marked() < 1 {
		if time.Now().After(deadline) {
			t.Fatal("the held write never landed")
		}
		time.Sleep(10 * time.Millisecond)
	}

	clock = clock.Add(time.Minute)
	left, err := post(ctx, stored)
	if err != nil || !left.IsZero() {
		t.Fatalf("retry: pending %v, %v", left, err)
	}
	if n := posts(); n != 1 {
		t.Errorf("%d POSTs in all, want the held one alone", n)
	}
	if n := marked(); n != 1 {
		t.Errorf("%d replies, want 1", n)
	}

	// Two replies (another lost write): the first is kept.
	f.AddMergeRequestNote(projPath, 7, gitlabfake.Note{Body: "again " + reply, Author: gitlabfake.BotUsername})
	if _, err := post(ctx, clock.Add(-2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if n := marked(); n != 1 {
		t.Errorf("%d replies after the duplicate's removal, want 1", n)
	}
}
