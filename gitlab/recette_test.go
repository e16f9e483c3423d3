package gitlab_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/gitlab/gitlabfake"
)

func mrRef(n int) core.IssueRef { return core.IssueRef{Repo: byID, Number: n, MergeRequest: true} }

func TestGetMergeRequestAndClosingIssues(t *testing.T) {
	f := newFake(t)
	f.AddIssue(projPath, 3, gitlabfake.Issue{Title: "Récit"})
	f.AddIssue(projPath, 5, gitlabfake.Issue{Title: "Autre"})
	f.AddMergeRequest(projPath, 3, gitlabfake.MergeRequest{Title: "Export", Description: "Closes #3", SHA: "abc",
		Author: "dev", Labels: []string{"x"}, ClosesIssues: []int{3, 5}, Milestone: "v1.2"})
	c := newClient(t, f)
	ctx := t.Context()
	mr, err := c.GetMergeRequest(ctx, mrRef(3))
	if err != nil {
		t.Fatal(err)
	}
	want := core.MergeRequest{Ref: mrRef(3), Title: "Export", Body: "Closes #3", HeadSHA: "abc", State: "open",
		Author: "dev", URL: f.URL() + "/" + projPath + "/-/merge_requests/3", Labels: []string{"x"}, Milestone: "v1.2"}
	if !reflect.DeepEqual(mr, want) {
		t.Fatalf("got  %+v\nwant %+v", mr, want)
	}
	refs, err := c.ClosingIssues(ctx, mr)
	if err != nil {
		t.Fatal(err)
	}
	if len(refs) != 2 || refs[0] != issueRef(byID, 3) || refs[1] != issueRef(byID, 5) {
		t.Fatalf("closing issues %+v", refs)
	}
}

func TestMergeRequestNotesLabelsAndThread(t *testing.T) {
	f := newFake(t)
	f.AddIssue(projPath, 3, gitlabfake.Issue{Title: "Récit"})
	f.AddMergeRequest(projPath, 3, gitlabfake.MergeRequest{Title: "Export", SHA: "abc"})
	c := newClient(t, f)
	ctx := t.Context()
	ref := mrRef(3)

	cm, thread, err := c.CreateThread(ctx, ref, core.MarkerRecette+"\n- [ ] **1.** x <!-- k:aaaaaaaaaaaa -->")
	if err != nil || thread == "" || cm.ID == 0 {
		t.Fatalf("CreateThread: %+v %q %v", cm, thread, err)
	}
	ds := f.Discussions(projPath, 3)
	if len(ds) != 1 || !ds[0].Notes[0].Resolvable || ds[0].Notes[0].Resolved {
		t.Fatalf("thread %+v", ds)
	}
	if err := c.EditComment(ctx, ref, cm.ID, core.MarkerRecette+"\nedited"); err != nil {
		t.Fatal(err)
	}
	found, id, err := c.FindThread(ctx, ref, core.MarkerRecette)
	if err != nil || found == nil || found.ID != cm.ID || id != thread || !strings.HasSuffix(found.Body, "edited") {
		t.Fatalf("FindThread: %+v %q %v", found, id, err)
	}
	if found, err := c.FindComment(ctx, ref, core.MarkerRecette); err != nil || found == nil || found.ID != cm.ID {
		t.Fatalf("FindComment on the MR: %+v %v", found, err)
	}
	if err := c.ResolveThread(ctx, ref, thread, true); err != nil {
		t.Fatal(err)
	}
	if !f.Discussions(projPath, 3)[0].Notes[0].Resolved {
		t.Fatal("thread not resolved")
	}
	if _, err := c.CreateComment(ctx, ref, core.MarkerRecetteReply+" merci"); err != nil {
		t.Fatal(err)
	}
	if notes := f.MergeRequestNotes(projPath, 3); len(notes) != 2 {
		t.Fatalf("MR notes %+v", notes)
	}
	if notes := f.Notes(projPath, 3); len(notes) != 0 {
		t.Fatalf("merge request notes went to issue #3: %+v", notes)
	}

	if err := c.AddLabels(ctx, ref, []string{"recette: en cours"}); err != nil {
		t.Fatal(err)
	}
	if got := f.MergeRequestLabels(projPath, 3); !reflect.DeepEqual(got, []string{"recette: en cours"}) {
		t.Fatalf("MR labels %v", got)
	}
	if err := c.RemoveLabel(ctx, ref, "recette: en cours"); err != nil {
		t.Fatal(err)
	}
	if got := f.MergeRequestLabels(projPath, 3); len(got) != 0 {
		t.Fatalf("MR labels after removal %v", got)
	}
	if got := f.IssueLabels(projPath, 3); len(got) != 0 {
		t.Fatalf("labels went to issue #3: %v", got)
	}
}

func TestRecetteCommitStatus(t *testing.T) {
	f := newFake(t)
	f.AddMergeRequest(projPath, 3, gitlabfake.MergeRequest{Title: "Export", SHA: "abc"})
	c := newClient(t, f)
	ctx := t.Context()
	mr := core.MergeRequest{Ref: mrRef(3), HeadSHA: "abc"}
	if _, err := c.SetRecetteStatus(ctx, mr, core.RecetteStatus{State: core.RecettePending, Description: strings.Repeat("é", 300),
		URL: "https://gitlab.example/x"}); err != nil {
		t.Fatal(err)
	}
	// Same GitLab state: no call (GitLab would refuse the transition).
	if _, err := c.SetRecetteStatus(ctx, mr, core.RecetteStatus{State: core.RecettePending, Previous: core.RecettePending}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SetRecetteStatus(ctx, mr, core.RecetteStatus{State: core.RecetteSuccess, Previous: core.RecettePending, Description: "ok"}); err != nil {
		t.Fatal(err)
	}
	st := f.Statuses(projPath)
	if len(st) != 2 || st[0].State != "pending" || st[1].State != "success" || st[0].Name != core.RecetteStatusName ||
		len([]rune(st[0].Description)) != 255 || st[0].TargetURL != "https://gitlab.example/x" || st[0].SHA != "abc" {
		t.Fatalf("statuses %+v", st)
	}
}

func TestIsTeamMemberOfGroup(t *testing.T) {
	f := newFake(t)
	f.SetGroupMember("ministere/metier", "marie", 30)
	f.SetGroupMember("ministere/metier", "ancien", 30)
	f.SetGroupMember("ministere/metier", "ancien", 0)
	c := newClient(t, f)
	for _, tc := range []struct {
		team, user string
		want       bool
	}{
		{"ministere/metier", "marie", true},
		{"@ministere/metier", "marie", true},
		{"ministere/metier", "ancien", false},
		{"ministere/metier", "inconnu", false},
		{"ministere/autre", "marie", false},
	} {
		got, err := c.IsTeamMember(t.Context(), byID, tc.team, tc.user)
		if err != nil || got != tc.want {
			t.Errorf("IsTeamMember(%s, %s) = %v, %v; want %v", tc.team, tc.user, got, err, tc.want)
		}
	}
}
