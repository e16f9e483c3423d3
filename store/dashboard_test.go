package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

func TestDashboardStoriesAndReadinessHistory(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openStore(t, testOptions(t, b.dsn(t)))
			ctx := context.Background()
			other := core.IssueRef{Repo: core.Repo{Platform: core.GitLab, FullName: "grp/proj", ProjectID: 3}, Number: 9}
			day1 := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
			day2 := day1.AddDate(0, 0, 7)
			saves := []core.Evaluation{
				// Day 1: two stories of octo/stories, none ready.
				{Ref: issue(1), Template: "user-story", Ready: false, EvaluatedAt: day1,
					Title: "Exporter les dossiers", URL: "https://github.com/octo/stories/issues/1",
					Findings:    []rules.Finding{{Rule: "acceptance-criteria-missing", Severity: rules.SeverityError, Message: "m"}},
					IssueLabels: []string{"sprint-12"}, Labels: []string{"récit: à compléter"}},
				{Ref: issue(2), Template: "user-story", Ready: false, EvaluatedAt: day1.Add(time.Hour), SecurityReview: true},
				// Day 2: story 1 becomes ready; the last save of the day
				// leaves the day's figures.
				{Ref: issue(1), Template: "user-story", Ready: true, EvaluatedAt: day2,
					Title: "Exporter les dossiers", URL: "https://github.com/octo/stories/issues/1",
					IssueLabels: []string{"sprint-12", "export"}},
				{Ref: other, Template: "bug", Ready: true, EvaluatedAt: day2, Title: "Corriger\x00 l'export"},
			}
			for i, e := range saves {
				if err := s.SaveEvaluation(ctx, e); err != nil {
					t.Fatalf("save %d: %v", i, err)
				}
			}
			// A failure before any analysis is no story.
			if err := s.recordFailure(ctx, issue(3), "gone"); err != nil {
				t.Fatal(err)
			}

			got, err := s.DashboardStories(ctx, 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 3 {
				t.Fatalf("want 3 stories, got %d: %+v", len(got), got)
			}
			// By platform, repository, number: github before gitlab.
			if got[0].Ref.Number != 1 || got[1].Ref.Number != 2 || got[2].Ref != other {
				t.Fatalf("order: %v, %v, %v", got[0].Ref, got[1].Ref, got[2].Ref)
			}
			one := got[0]
			if !one.Ready || one.Title != "Exporter les dossiers" || one.URL != "https://github.com/octo/stories/issues/1" ||
				!slices.Equal(one.IssueLabels, []string{"sprint-12", "export"}) || len(one.Findings) != 0 {
				t.Errorf("story 1: %+v", one)
			}
			if !got[1].SecurityReview || got[1].Ready || len(got[1].IssueLabels) != 0 {
				t.Errorf("story 2: %+v", got[1])
			}
			if got[2].Title != "Corriger\uFFFD l'export" || got[2].Ref.Repo.ProjectID != 3 {
				t.Errorf("GitLab story: %+v", got[2])
			}
			// LastEvaluation reads the new columns back as well.
			last, err := s.LastEvaluation(ctx, issue(2))
			if err != nil || last == nil || !last.SecurityReview {
				t.Fatalf("last evaluation of #2: %+v, %v", last, err)
			}
			limited, err := s.DashboardStories(ctx, 2)
			if err != nil || len(limited) != 2 {
				t.Fatalf("limit 2: %d stories, %v", len(limited), err)
			}

			hist, err := s.ReadinessHistory(ctx, day1)
			if err != nil {
				t.Fatal(err)
			}
			want := []core.ReadinessDay{
				{Platform: core.GitHub, Repo: "octo/stories", Day: day1.Truncate(24 * time.Hour), Ready: 0, Total: 2},
				{Platform: core.GitHub, Repo: "octo/stories", Day: day2.Truncate(24 * time.Hour), Ready: 1, Total: 2},
				{Platform: core.GitLab, Repo: "grp/proj", Day: day2.Truncate(24 * time.Hour), Ready: 1, Total: 1},
			}
			if !slices.Equal(hist, want) {
				t.Errorf("history:\n got %+v\nwant %+v", hist, want)
			}
			later, err := s.ReadinessHistory(ctx, day2)
			if err != nil || len(later) != 2 {
				t.Errorf("history since day 2: %+v, %v", later, err)
			}

			// A story seen closed leaves the page and the day's figures.
			day3 := day2.AddDate(0, 0, 7)
			if err := s.SaveEvaluation(ctx, core.Evaluation{Ref: issue(2), Template: "user-story", EvaluatedAt: day3,
				SecurityReview: true, IssueClosed: true}); err != nil {
				t.Fatal(err)
			}
			open, err := s.DashboardStories(ctx, 0)
			if err != nil || len(open) != 2 || open[0].Ref.Number != 1 || open[1].Ref != other {
				t.Fatalf("after #2 closed: %+v, %v", open, err)
			}
			closedDay, err := s.ReadinessHistory(ctx, day3)
			if err != nil || len(closedDay) != 1 || closedDay[0].Ready != 1 || closedDay[0].Total != 1 {
				t.Errorf("history after #2 closed: %+v, %v", closedDay, err)
			}
		})
	}
}

func TestOpenRecettes(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openStore(t, testOptions(t, b.dsn(t)))
			ctx := context.Background()
			mr := func(n int) core.IssueRef { r := issue(n); r.MergeRequest = true; return r }
			story := core.RecetteStory{Ref: issue(1), Title: "Exporter", Items: []core.RecetteItem{{Key: "k1", Number: 1, Kind: core.ItemCriterion, Text: "CSV"}}}
			for _, rec := range []core.RecetteRecord{
				{Ref: mr(10), Title: "Export CSV", State: "open", URL: "https://github.com/octo/stories/pull/10",
					Model: core.RecetteModel{Stories: []core.RecetteStory{story}}},
				{Ref: mr(11), Title: "Merged", State: "merged", Model: core.RecetteModel{Stories: []core.RecetteStory{story}}},
				{Ref: mr(12), Title: "No story", State: "open"},
			} {
				if err := s.SaveRecette(ctx, rec); err != nil {
					t.Fatal(err)
				}
			}
			got, err := s.OpenRecettes(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0].Ref.Number != 10 || got[0].Ref.Repo.FullName != "octo/stories" ||
				got[0].Ref.Repo.Platform != core.GitHub || !got[0].Ref.MergeRequest || len(got[0].Model.Stories) != 1 ||
				got[0].URL != "https://github.com/octo/stories/pull/10" {
				t.Fatalf("open recettes: %+v", got)
			}
		})
	}
}
