package feedback_test

import (
	"context"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/core/coretest"
	"github.com/cochef/cochef/feedback"
)

// A mention whose post timed out, and that the platform makes after the
// retry has looked, is made once: the retry waits for the write to
// settle, then reads the platform afresh. Before, the retry found no
// mention and posted a second one.
func TestLostMentionIsPostedOnce(t *testing.T) {
	h := newHarness(t, func(s *core.Settings) { s.SecurityReviewers = []string{"@octo-org/rssi"} })
	lost := &coretest.LostPosts{Platform: h.p, Marker: feedback.MarkerMentionSecurity}
	h.engine.Platforms = core.Platforms{core.GitHub: lost}
	clock := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	h.engine.Now = func() time.Time { return clock }
	h.story(10, "admin-habilitations.md")
	task := core.Task{Feature: core.FeatureFeedback, Issue: ref(10), Trigger: core.TriggerChanged, Delivery: "d"}
	ctx := context.Background()

	if err := h.engine.Work(ctx, task); err == nil || !core.WriteOutcomeUnknown(err) {
		t.Fatalf("first attempt: %v, want the mention's unknown outcome", err)
	}
	ev, err := h.store.LastEvaluation(ctx, ref(10))
	if err != nil || ev == nil || ev.MentionPending.IsZero() || ev.SecurityMentioned {
		t.Fatalf("after the lost post: %+v, %v; want the post recorded as pending", ev, err)
	}
	// The retry, a few seconds later: the platform has not finished.
	clock = clock.Add(5 * time.Second)
	if err := h.engine.Work(ctx, task); !core.IsDeferred(err) {
		t.Fatalf("retry while the post settles: %v, want deferred", err)
	}
	lost.Land()
	clock = clock.Add(core.DefaultWriteSettle)
	if err := h.engine.Work(ctx, task); err != nil {
		t.Fatalf("retry once settled: %v", err)
	}
	if n := len(h.p.Marked(ref(10), feedback.MarkerMentionSecurity, coretest.Self)); n != 1 {
		t.Errorf("%d security mentions, want 1", n)
	}
	ev, err = h.store.LastEvaluation(ctx, ref(10))
	if err != nil || !ev.SecurityMentioned || !ev.MentionPending.IsZero() {
		t.Errorf("in the end: mentioned %v, pending %v, %v", ev.SecurityMentioned, ev.MentionPending, err)
	}
}
