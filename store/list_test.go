package store

import (
	"context"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
)

func TestListEvaluationsFiltersAndOrders(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openStore(t, testOptions(t, b.dsn(t)))
			ctx := context.Background()
			other := core.IssueRef{Repo: core.Repo{Platform: core.GitLab, FullName: "grp/proj", ProjectID: 3}, Number: 9}
			base := time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)
			for i, e := range []core.Evaluation{
				{Ref: issue(1), Template: "user-story", Ready: true, EvaluatedAt: base},
				{Ref: issue(2), Template: "user-story", Ready: false, EvaluatedAt: base.Add(time.Minute)},
				{Ref: other, Template: "bug", Ready: false, EvaluatedAt: base.Add(2 * time.Minute)},
			} {
				if err := s.SaveEvaluation(ctx, e); err != nil {
					t.Fatalf("save %d: %v", i, err)
				}
			}
			all, err := s.ListEvaluations(ctx, EvaluationFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if len(all) != 3 || all[0].Ref.Number != 9 || all[2].Ref.Number != 1 {
				t.Fatalf("want 3 evaluations newest first, got %+v", all)
			}
			gh, err := s.ListEvaluations(ctx, EvaluationFilter{Platform: core.GitHub, NotReady: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(gh) != 1 || gh[0].Ref.Number != 2 || gh[0].Ready {
				t.Fatalf("GitHub not-ready filter: %+v", gh)
			}
			one, err := s.ListEvaluations(ctx, EvaluationFilter{Repo: "grp/proj", Limit: 5})
			if err != nil {
				t.Fatal(err)
			}
			if len(one) != 1 || one[0].Template != "bug" || one[0].Ref.Repo.ProjectID != 3 {
				t.Fatalf("repo filter: %+v", one)
			}
		})
	}
}
