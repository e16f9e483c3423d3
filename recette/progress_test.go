package recette_test

import (
	"context"
	"testing"

	"github.com/cochef/cochef/core"
)

// The story knows its recette: StoryRecettes says where each open PR/MR
// that closes it stands, and the story's feedback is queued when that
// changes (a validation, a refusal), not when nothing does.
func TestStoryRecettesAndWhenTheStoryIsTold(t *testing.T) {
	h := newRecHarness(t)
	h.p.SetConfig(recRepo, "recette:\n  validators: [marie]\n")
	setupPR(h)
	ctx := context.Background()
	told := func() int {
		n := 0
		for _, q := range h.store.Queued() {
			if q.Feature == core.FeatureFeedback && q.Issue == issueRef(12) {
				n++
			}
		}
		return n
	}
	progress := func() core.RecetteProgress {
		t.Helper()
		ps, err := h.engine.StoryRecettes(ctx, issueRef(12))
		if err != nil || len(ps) != 1 {
			t.Fatalf("progress %+v, %v", ps, err)
		}
		return ps[0]
	}
	if n := told(); n != 1 {
		t.Fatalf("first render told the story %d times, want 1", n)
	}
	p := progress()
	if p.MergeRequest != prRef(7) || p.Done != 0 || p.Total != 2 || p.URL == "" {
		t.Fatalf("progress %+v", p)
	}

	h.work(core.Task{Issue: prRef(7), Actor: "marie", Trigger: core.TriggerCommand, Command: &core.Command{Verb: core.VerbValidate, Items: []int{1}}})
	if n := told(); n != 1 {
		t.Fatalf("a validation told the story %d times, want 1", n)
	}
	if p := progress(); p.Done != 1 || p.Total != 2 {
		t.Fatalf("after a validation %+v", p)
	}
	h.work(core.Task{Issue: prRef(7), Actor: "marie", Trigger: core.TriggerCommand, Command: &core.Command{Verb: core.VerbRefuse, Items: []int{2}, Reason: "arrondi"}})
	if p := progress(); p.Refused != 1 || told() != 1 {
		t.Fatalf("after a refusal %+v", p)
	}
	// Nothing changes: nobody is told.
	h.work(core.Task{Issue: prRef(7)})
	h.work(core.Task{Issue: prRef(7), Actor: "dev", Trigger: core.TriggerCommand, Command: &core.Command{Verb: core.VerbValidate, All: true}})
	if n := told(); n != 0 {
		t.Fatalf("told %d times when nothing changed", n)
	}
	// Another story is not told.
	if ps, err := h.engine.StoryRecettes(ctx, issueRef(99)); err != nil || len(ps) != 0 {
		t.Fatalf("another story: %+v, %v", ps, err)
	}
}
