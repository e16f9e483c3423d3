package recette_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/core/coretest"
)

// lostPosts is the in-memory platform whose posts of comments marked
// marker time out: the platform carries them out later, when land is
// called, as GitHub or GitLab do with a POST that hangs past the job's
// timeout.
type lostPosts struct {
	*coretest.Platform
	marker string
	mu     sync.Mutex
	late   []func()
}

func (l *lostPosts) Connect(core.Repo) (core.Platform, error) { return l, nil }

func (l *lostPosts) CreateComment(ctx context.Context, ref core.IssueRef, body string) (core.Comment, error) {
	if !strings.Contains(body, l.marker) {
		return l.Platform.CreateComment(ctx, ref, body)
	}
	l.mu.Lock()
	l.late = append(l.late, func() { l.AddComment(ref, coretest.Self, body) })
	l.mu.Unlock()
	return core.Comment{}, context.DeadlineExceeded
}

func (l *lostPosts) land() {
	l.mu.Lock()
	late := l.late
	l.late = nil
	l.mu.Unlock()
	for _, f := range late {
		f()
	}
}

// A reply whose post timed out, and that the platform makes after the
// retry has looked, is made once: the reply carries a marker of its own
// event, the retry waits for the write to settle and reads the platform
// afresh. Before, every attempt of the task replied again.
func TestLostReplyIsPostedOnce(t *testing.T) {
	h := newRecHarness(t)
	h.p.SetAccess("lecteur", core.AccessRead)
	setupPR(h)
	keys := h.keys(7)
	lost := &lostPosts{Platform: h.p, marker: core.MarkerRecetteReply}
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
	lost.land()
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
