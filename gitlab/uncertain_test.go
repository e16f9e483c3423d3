package gitlab_test

import (
	"context"
	"testing"

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
