package recette_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/core/coretest"
)

// A reply whose post timed out, and that the platform makes after the
// retry has looked, is made once: the reply carries a marker of its own
// event, the retry waits for the write to settle and reads the platform
// afresh. Before, every attempt of the task replied again.
func TestLostReplyIsPostedOnce(t *testing.T) {
	h := newRecHarness(t)
	h.p.SetAccess("lecteur", core.AccessRead)
	setupPR(h)
	keys := h.keys(7)
	lost := &coretest.LostPosts{Platform: h.p, Marker: core.MarkerRecetteReply}
	h.engine.Platforms = core.Platforms{core.GitHub: lost}
	clock := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	h.engine.Now = func() time.Time { return clock }
	task := core.Task{Feature: core.FeatureRecette, Issue: prRef(7), Actor: "lecteur", Trigger: core.TriggerChecklistEdited,
		Changes: []core.CheckChange{{Key: keys[0], Checked: true}}, Delivery: "tick-1", ReceivedAt: clock}
	ctx := context.Background()

	if err := h.engine.Work(ctx, task); err == nil || !core.WriteOutcomeUnknown(err) {
		t.Fatalf("first attempt: %v, want the reply's unknown outcome", err)
	}
	rec, err := h.store.LoadRecette(ctx, prRef(7))
	if err != nil || rec == nil || rec.ReplyPending.IsZero() {
		t.Fatalf("after the lost reply: %+v, %v; want the post recorded as pending", rec, err)
	}
	clock = clock.Add(5 * time.Second)
	if err := h.engine.Work(ctx, task); !core.IsDeferred(err) {
		t.Fatalf("retry while the reply settles: %v, want deferred", err)
	}
	lost.Land()
	clock = clock.Add(core.DefaultWriteSettle)
	if err := h.engine.Work(ctx, task); err != nil {
		t.Fatalf("retry once settled: %v", err)
	}
	if got := h.replies(7); len(got) != 1 || !strings.Contains(got[0], "droits d'écriture") {
		t.Errorf("replies %q, want one", got)
	}
	if rec, err := h.store.LoadRecette(ctx, prRef(7)); err != nil || !rec.ReplyPending.IsZero() {
		t.Errorf("pending %v, %v; want cleared", rec.ReplyPending, err)
	}

	// Another reader's tick is another event: it gets a reply of its own.
	h.engine.Platforms = core.Platforms{core.GitHub: h.p}
	task.Delivery, task.ReceivedAt = "tick-2", clock
	if err := h.engine.Work(ctx, task); err != nil {
		t.Fatal(err)
	}
	if got := h.replies(7); len(got) != 2 {
		t.Errorf("%d replies after a second event, want 2", len(got))
	}
}
