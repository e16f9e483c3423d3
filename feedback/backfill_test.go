package feedback_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/core/coretest"
	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/similar"
)

// storedKeys gives similar.Finder the story keys of the in-memory store.
type storedKeys struct {
	st      *coretest.Store
	numbers []int
}

func (k storedKeys) StoryKeys(ctx context.Context, repo core.Repo) (map[int]string, error) {
	out := map[int]string{}
	for _, n := range k.numbers {
		e, err := k.st.LastEvaluation(ctx, core.IssueRef{Repo: repo, Number: n})
		if err != nil {
			return nil, err
		}
		if e != nil && e.StoryKey != "" && !e.IssueClosed {
			out[n] = e.StoryKey
		}
	}
	return out, nil
}

func TestSimilarStoryIsNamedInOneLine(t *testing.T) {
	for _, tc := range []struct {
		lang rules.Lang
		line string
	}{
		{rules.FR, "Récit proche : #12"},
		{rules.EN, "Similar story: #12"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, func(s *core.Settings) { s.Lang = tc.lang })
			h.engine.Similar = similar.Finder{Keys: storedKeys{st: h.store, numbers: []int{12, 20, 21, 30}}}
			h.p.SetIssue(core.Issue{Ref: ref(12), Title: "Filtrer les dossiers", Body: "## Récit\n\nETQ instructeur je veux filtrer les dossiers par commune\n"})
			h.p.SetIssue(core.Issue{Ref: ref(20), Title: "Filtre par commune", Body: "## Récit\n\nEn tant qu'instructeur, je souhaite pouvoir filtrer les dossiers par commune afin de traiter mon secteur.\n"})
			h.p.SetIssue(core.Issue{Ref: ref(21), Title: "Filtre usager", Body: "## Récit\n\nETQ usager, je veux filtrer les dossiers par commune\n"})
			h.work(12, core.TriggerChanged, "")
			h.work(20, core.TriggerChanged, "")
			h.work(21, core.TriggerChanged, "")

			body := h.feedbackComments(20)[0].Body
			if strings.Count(body, tc.line) != 1 {
				t.Errorf("#20's comment should name #12 once (%q):\n%s", tc.line, body)
			}
			if c := h.feedbackComments(21)[0].Body; strings.Contains(c, "#12") || strings.Contains(c, "#20") {
				t.Errorf("another role's story named as close:\n%s", c)
			}
			ev, err := h.store.LastEvaluation(context.Background(), ref(20))
			if err != nil || ev == nil || !strings.HasPrefix(ev.StoryKey, "instructeur|") {
				t.Fatalf("story key not stored: %+v %v", ev, err)
			}

			// #12 closed: nobody's duplicate any more.
			h.p.Edit(ref(12), func(is *core.Issue) { is.State = "closed" })
			h.work(12, core.TriggerChanged, "")
			if ev, _ := h.store.LastEvaluation(context.Background(), ref(12)); ev == nil || !ev.IssueClosed {
				t.Fatalf("closed issue's evaluation not marked closed: %+v", ev)
			}
			h.setBody(20, "## Récit\n\nEn tant qu'instructeur, je souhaite pouvoir filtrer les dossiers par commune.\n")
			h.work(20, core.TriggerChanged, "")
			if body := h.feedbackComments(20)[0].Body; strings.Contains(body, "#12") {
				t.Errorf("a closed story is still named:\n%s", body)
			}
		})
	}
}

func TestBackfillReportOnlyWritesNothing(t *testing.T) {
	h := newHarness(t, nil)
	ctx := context.Background()
	title, body := h.story(7, "incomplet.md")
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	is := core.Issue{Ref: ref(7), Title: title, Body: body, State: "open", UpdatedAt: at}

	// Never evaluated: stored as a dry run, with the issue's updated_at.
	b, err := h.engine.Backfill(ctx, is, false)
	if err != nil {
		t.Fatal(err)
	}
	if w := h.p.Writes(); len(w) != 0 {
		t.Fatalf("report only wrote: %v", w)
	}
	if b.Desired.Result.Ready {
		t.Errorf("incomplete story reported ready")
	}
	ev, _ := h.store.LastEvaluation(ctx, ref(7))
	if ev == nil || !ev.DryRun || !ev.IssueUpdatedAt.Equal(at) || ev.SecurityMentioned {
		t.Fatalf("stored = %+v", ev)
	}

	// Applied: one comment, written as the server writes it.
	if _, err := h.engine.Backfill(ctx, is, true); err != nil {
		t.Fatal(err)
	}
	cs := h.feedbackComments(7)
	if len(cs) != 1 {
		t.Fatalf("apply: %d comments, want 1", len(cs))
	}
	applied, _ := h.store.LastEvaluation(ctx, ref(7))
	if applied.DryRun || applied.CommentID != cs[0].ID || applied.EvaluatedAt.Before(applied.IssueUpdatedAt) {
		t.Fatalf("applied evaluation = %+v", applied)
	}

	// Edited, then reported on again: nothing written, and what was
	// written stays recorded for the next live run.
	h.p.Reset()
	is.Body = "## Récit\n\nEn tant qu'agent, je veux exporter les dossiers.\n"
	is.UpdatedAt = at.Add(time.Hour)
	if _, err := h.engine.Backfill(ctx, is, false); err != nil {
		t.Fatal(err)
	}
	if w := h.p.Writes(); len(w) != 0 {
		t.Fatalf("report only wrote: %v", w)
	}
	after, _ := h.store.LastEvaluation(ctx, ref(7))
	if after.CommentID != applied.CommentID || after.CommentHash != applied.CommentHash || after.DryRun {
		t.Errorf("report only overwrote what was written: %+v", after)
	}
}
