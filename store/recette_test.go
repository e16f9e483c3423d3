package store

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
)

var glRepo = core.Repo{Platform: core.GitLab, FullName: "ministere/demarches", ProjectID: 12}

func mrRef(n int) core.IssueRef { return core.IssueRef{Repo: glRepo, Number: n, MergeRequest: true} }

func TestRecetteRecordLinksAndTrail(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			s := openStore(t, testOptions(t, b.dsn(t)))
			ctx := context.Background()
			if got, err := s.LoadRecette(ctx, mrRef(5)); err != nil || got != nil {
				t.Fatalf("LoadRecette of an unknown MR = %v, %v", got, err)
			}
			story := core.IssueRef{Repo: glRepo, Number: 5}
			other := core.IssueRef{Repo: core.Repo{Platform: core.GitLab, FullName: "Ministere/Autre"}, Number: 2}
			at := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
			rec := core.RecetteRecord{
				Ref: mrRef(5), Title: "Export", URL: "https://gitlab.example/ministere/demarches/-/merge_requests/5",
				Milestone: "v1.2", HeadSHA: "abc", State: "open", Lang: "fr", CommentID: 7, CommentHash: "h", CommentPending: at.Add(-time.Second), ReplyPending: at.Add(-2 * time.Second),
				ThreadID: "d1", StatusSHA: "abc", StatusState: core.RecettePending, StatusKey: "k",
				Labels: []string{"recette: en cours"}, UpdatedAt: at,
				Model: core.RecetteModel{Stories: []core.RecetteStory{
					{Ref: story, Title: "Récit", Digest: "d-a", Items: []core.RecetteItem{{Key: "aaaaaaaaaaaa", Number: 1, Kind: core.ItemCriterion, Text: "Critère"}}},
					{Ref: other, Title: "Autre", Digest: "d-b"},
				}},
			}
			if err := s.SaveRecette(ctx, rec); err != nil {
				t.Fatal(err)
			}
			got, err := s.LoadRecette(ctx, mrRef(5))
			if err != nil || got == nil {
				t.Fatalf("LoadRecette = %v, %v", got, err)
			}
			if !reflect.DeepEqual(*got, rec) {
				t.Fatalf("round trip:\n got %+v\nwant %+v", *got, rec)
			}
			// Issue #5 of the same project is not merge request !5.
			if e, err := s.LastEvaluation(ctx, story); err != nil || e != nil {
				t.Fatalf("the MR's record leaked into the issue evaluations: %v, %v", e, err)
			}

			links, err := s.RecettesClosing(ctx, core.IssueRef{Repo: core.Repo{Platform: core.GitLab, FullName: "ministere/autre"}, Number: 2})
			if err != nil || len(links) != 1 || links[0].MergeRequest != mrRef(5) || links[0].Digest != "d-b" {
				t.Fatalf("links of the other story = %+v, %v", links, err)
			}
			// A story the checklist no longer shows loses its link; a
			// closed MR keeps none open.
			rec.Model.Stories = rec.Model.Stories[:1]
			if err := s.SaveRecette(ctx, rec); err != nil {
				t.Fatal(err)
			}
			if links, _ := s.RecettesClosing(ctx, other); len(links) != 0 {
				t.Fatalf("dropped story still linked: %+v", links)
			}
			rec.State = "merged"
			if err := s.SaveRecette(ctx, rec); err != nil {
				t.Fatal(err)
			}
			if links, _ := s.RecettesClosing(ctx, story); len(links) != 0 {
				t.Fatalf("merged MR still linked: %+v", links)
			}

			vs := []core.Validation{
				{MergeRequest: mrRef(5), Story: story, Key: "aaaaaaaaaaaa", Text: "Critère", State: core.Validated, Actor: "marie", At: at, HeadSHA: "abc", Source: core.SourceTick},
				{MergeRequest: mrRef(5), Story: story, Key: "aaaaaaaaaaaa", Text: "Critère", State: core.Refused, Actor: "marie", At: at, HeadSHA: "abc", Reason: "arrondi", Source: core.SourceCommand},
			}
			if err := s.AddValidations(ctx, vs); err != nil {
				t.Fatal(err)
			}
			trail, err := s.Validations(ctx, mrRef(5))
			// The trail names stories by path, not by numeric id.
			for i := range vs {
				vs[i].Story.Repo.ProjectID = 0
			}
			if err != nil || !reflect.DeepEqual(trail, vs) {
				t.Fatalf("trail:\n got %+v\nwant %+v (%v)", trail, vs, err)
			}
			if trail, _ := s.Validations(ctx, mrRef(6)); len(trail) != 0 {
				t.Fatalf("another MR's trail: %+v", trail)
			}

			rec2 := rec
			rec2.Ref, rec2.Milestone = mrRef(9), "v2"
			if err := s.SaveRecette(ctx, rec2); err != nil {
				t.Fatal(err)
			}
			all, err := s.Recettes(ctx, core.GitLab, "MINISTERE/demarches", "")
			if err != nil || len(all) != 2 || all[0].Ref.Number != 5 || all[1].Ref.Number != 9 {
				t.Fatalf("Recettes = %+v, %v", all, err)
			}
			v2, err := s.Recettes(ctx, core.GitLab, "ministere/demarches", "v2")
			if err != nil || len(v2) != 1 || v2[0].Ref != mrRef(9) {
				t.Fatalf("Recettes of milestone v2 = %+v, %v", v2, err)
			}
		})
	}
}

// An issue and a merge request with the same number get a job each, and a
// recette failure is recorded on the recette, not on the issue.
func TestMergeRequestTasksAreNotIssueTasks(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			s := openStore(t, testOptions(t, b.dsn(t)))
			ctx := context.Background()
			gone := &core.APIError{Platform: "gitlab", Status: 404, Message: "404 Not found"}
			w := &fakeWorker{fn: func(_ int, tk core.Task) error {
				if tk.Issue.MergeRequest {
					return fmt.Errorf("read merge request: %w", gone)
				}
				return nil
			}}
			start(t, s, w)
			base := core.Task{Feature: core.FeatureRecette, Trigger: core.TriggerChecklistEdited, ReceivedAt: time.Now().UTC()}
			is := base
			is.Feature, is.Trigger, is.Issue, is.Delivery = core.FeatureFeedback, core.TriggerChanged, core.IssueRef{Repo: glRepo, Number: 5}, "d-issue"
			mr := base
			mr.Issue, mr.Delivery, mr.Actor, mr.Changes = mrRef(5), "d-mr", "marie", []core.CheckChange{{Key: "aaaaaaaaaaaa", Checked: true}}
			mustEnqueue(t, s, is)
			mustEnqueue(t, s, mr)
			calls := w.waitCalls(t, 2, 5*time.Second)
			var sawMR bool
			for _, c := range calls {
				if c.task.Issue.MergeRequest {
					sawMR = true
					if !reflect.DeepEqual(c.task.Changes, mr.Changes) || c.task.Actor != "marie" {
						t.Errorf("the MR task lost its changes: %+v", c.task)
					}
				}
			}
			if !sawMR {
				t.Fatalf("no MR task ran: %+v", calls)
			}
			waitStats(t, s, map[string]int{"completed": 1, "cancelled": 1}, 5*time.Second)
			rec, err := s.LoadRecette(ctx, mrRef(5))
			if err != nil || rec == nil || !strings.Contains(rec.Error, "404") {
				t.Fatalf("recette failure not recorded on the recette: %+v, %v", rec, err)
			}
			if e, err := s.LastEvaluation(ctx, core.IssueRef{Repo: glRepo, Number: 5}); err != nil || e != nil {
				t.Fatalf("recette failure recorded on issue #5: %+v, %v", e, err)
			}
		})
	}
}

// Two edits of a checklist by one person within the debounce are two
// jobs: each carries what it changed.
func TestDistinctChecklistEditsAreNotCoalesced(t *testing.T) {
	s := openStore(t, testOptions(t, backends(t)[0].dsn(t)))
	for i, key := range []string{"aaaaaaaaaaaa", "bbbbbbbbbbbb", "aaaaaaaaaaaa"} {
		tk := core.Task{Feature: core.FeatureRecette, Trigger: core.TriggerChecklistEdited, Issue: mrRef(3), Delivery: fmt.Sprintf("e%d", i), Actor: "marie",
			Changes: []core.CheckChange{{Key: key, Checked: true}}, ReceivedAt: time.Now().UTC()}
		mustEnqueue(t, s, tk)
	}
	// The third repeats the first while it waits: it joins it.
	waitStats(t, s, map[string]int{"available": 2}, 2*time.Second)
}
