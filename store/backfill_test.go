package store

import (
	"context"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// Migration 7 on both databases: what a backfill and the duplicate search
// read back.
func TestBackfillColumns(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			s := openStore(t, testOptions(t, b.dsn(t)))
			at := time.Date(2026, 3, 1, 10, 0, 0, 123456000, time.UTC)
			save := func(n int, key string, closed, review bool) {
				t.Helper()
				e := core.Evaluation{Ref: issue(n), Template: "user-story", Lang: rules.FR, IssueUpdatedAt: at,
					StoryKey: key, IssueClosed: closed, SecurityReview: review, EvaluatedAt: at.Add(time.Minute)}
				if err := s.SaveEvaluation(ctx, e); err != nil {
					t.Fatal(err)
				}
			}
			save(1, "instructeur|commun dossier filtrer", false, true)
			save(2, "instructeur|commun dossier filtrer", true, false)
			save(3, "", false, false)
			save(4, "usager|demand voir", false, false)

			e, err := s.LastEvaluation(ctx, issue(1))
			if err != nil || e == nil {
				t.Fatal(err)
			}
			if !e.IssueUpdatedAt.Equal(at) || e.StoryKey != "instructeur|commun dossier filtrer" || !e.SecurityReview || e.IssueClosed {
				t.Errorf("read back: %+v", e)
			}
			keys, err := s.StoryKeys(ctx, testRepo)
			if err != nil {
				t.Fatal(err)
			}
			if len(keys) != 2 || keys[1] == "" || keys[4] != "usager|demand voir" {
				t.Errorf("story keys = %v, want #1 and #4 (#2 closed, #3 without key)", keys)
			}
			all, err := s.RepoEvaluations(ctx, testRepo)
			if err != nil || len(all) != 4 || all[0].Ref.Number != 1 || !all[1].IssueClosed {
				t.Errorf("repo evaluations = %d %v", len(all), err)
			}
		})
	}
}

// A backfill's claim and a server job's lease exclude each other.
func TestClaimIssueExcludesJobs(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			s := openStore(t, testOptions(t, b.dsn(t)))
			ok, err := s.ClaimIssue(ctx, issue(5), 4242)
			if err != nil || !ok {
				t.Fatalf("claim: %v %v", ok, err)
			}
			if _, ok, err := s.acquireIssue(ctx, issue(5), 77); err != nil || ok {
				t.Fatalf("a job leased an issue a backfill holds: %v %v", ok, err)
			}
			if ok, _ := s.ClaimIssue(ctx, issue(5), 4343); ok {
				t.Fatal("a second backfill claimed the same issue")
			}
			if err := s.ReleaseIssue(ctx, issue(5), 4242); err != nil {
				t.Fatal(err)
			}
			if _, ok, err := s.acquireIssue(ctx, issue(5), 77); err != nil || !ok {
				t.Fatalf("job could not lease the released issue: %v %v", ok, err)
			}
			if ok, _ := s.ClaimIssue(ctx, issue(5), 4242); ok {
				t.Fatal("a backfill claimed an issue a job holds")
			}
		})
	}
}
