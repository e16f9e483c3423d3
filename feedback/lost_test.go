package feedback_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/core/coretest"
	"github.com/cochef/cochef/feedback"
)

// lostPosts is the in-memory platform whose posts of comments marked
// marker time out: the platform carries them out later, when land is
// called, as GitHub does with a POST that hangs past the job's timeout.
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

// A mention whose post timed out, and that the platform makes after the
// retry has looked, is made once: the retry waits for the write to
// settle, then reads the platform afresh. Before, the retry found no
// mention and posted a second one.
func TestLostMentionIsPostedOnce(t *testing.T) {
	h := newHarness(t, func(s *core.Settings) { s.SecurityReviewers = []string{"@octo-org/rssi"} })
	lost := &lostPosts{Platform: h.p, marker: feedback.MarkerMentionSecurity}
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
	lost.land()
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
