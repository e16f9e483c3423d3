package feedback_test

import (
	"context"
	"slices"
	"testing"

	"github.com/cochef/cochef/core"
)

// The readiness dashboard reads what the evaluation stored of the issue:
// its title, its link, its own labels and whether a security review is
// asked.
func TestEvaluationKeepsWhatTheDashboardShows(t *testing.T) {
	for _, tc := range []struct {
		example  string
		security bool
	}{
		{"admin-habilitations.md", true},
		{"pret.md", false},
	} {
		t.Run(tc.example, func(t *testing.T) {
			h := newHarness(t, nil)
			title, _ := h.story(21, tc.example)
			url := "https://github.com/" + ref(21).Repo.FullName + "/issues/21"
			h.p.Edit(ref(21), func(is *core.Issue) { is.URL, is.Labels = url, []string{"sprint-12"} })

			h.work(21, core.TriggerChanged, "")

			ev, err := h.store.LastEvaluation(context.Background(), ref(21))
			if err != nil || ev == nil {
				t.Fatalf("evaluation not stored: %v", err)
			}
			if ev.Title != title || ev.URL != url || !slices.Equal(ev.IssueLabels, []string{"sprint-12"}) {
				t.Errorf("stored title %q, url %q, issue labels %v", ev.Title, ev.URL, ev.IssueLabels)
			}
			if ev.SecurityReview != tc.security {
				t.Errorf("security review = %v, want %v", ev.SecurityReview, tc.security)
			}
		})
	}
}
