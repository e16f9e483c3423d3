package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
)

// The batcher's scheduling, with a commit function that records what it
// is given: which tasks share a transaction, and what each waiter hears.

// recorder is a commit function that records its batches, can be held
// while a batch "commits", and fails any batch holding a delivery in bad.
type recorder struct {
	mu      sync.Mutex
	batches [][]string    // deliveries of each call
	hold    chan struct{} // calls wait for it to close while set
	started chan struct{} // receives once per call
	bad     map[string]bool
}

func newRecorder() *recorder {
	return &recorder{started: make(chan struct{}, 100), bad: map[string]bool{}}
}

func (r *recorder) commit(_ context.Context, items []*pending) ([]outcome, error) {
	var ds []string
	for _, p := range items {
		ds = append(ds, p.item.task.Delivery)
	}
	r.mu.Lock()
	r.batches = append(r.batches, ds)
	hold := r.hold
	r.mu.Unlock()
	r.started <- struct{}{}
	if hold != nil {
		<-hold
	}
	outs := make([]outcome, len(items))
	for i, d := range ds {
		if r.bad[d] {
			return nil, fmt.Errorf("%s is bad", d)
		}
		outs[i].enqueued = d != "dup"
	}
	return outs, nil
}

// holdCalls makes the next calls wait until releaseCalls.
func (r *recorder) holdCalls() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.hold = make(chan struct{})
}

// releaseCalls lets the held calls return, and the next ones not wait.
func (r *recorder) releaseCalls() {
	r.mu.Lock()
	defer r.mu.Unlock()
	close(r.hold)
	r.hold = nil
}

func (r *recorder) calls() [][]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.batches)
}

func itemFor(delivery string) enqueueItem {
	return enqueueItem{task: core.Task{Delivery: delivery}}
}

// submitAsync submits and returns a channel with the outcome.
func submitAsync(ctx context.Context, b *batcher, delivery string, size int) <-chan outcome {
	c := make(chan outcome, 1)
	go func() {
		ok, err := b.submit(ctx, itemFor(delivery), size)
		c <- outcome{ok, err}
	}()
	return c
}

// waitQueued waits until n submissions wait in the batcher's queue.
func waitQueued(t *testing.T, b *batcher, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for len(b.in) < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d submissions queued after 5 s, want %d", len(b.in), n)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestBatcherCommitsAloneWhenIdle(t *testing.T) {
	r := newRecorder()
	b := newBatcher(r.commit, 10, 1<<20)
	defer b.close()
	for _, d := range []string{"a", "b", "c"} {
		ok, err := b.submit(context.Background(), itemFor(d), 1)
		if err != nil || !ok {
			t.Fatalf("submit %s = %v, %v", d, ok, err)
		}
	}
	// Nothing else was waiting: each went at once, in its own commit.
	if got, want := r.calls(), [][]string{{"a"}, {"b"}, {"c"}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("batches %v, want %v", got, want)
	}
}

func TestBatcherGroupsWhatArrivesDuringACommit(t *testing.T) {
	r := newRecorder()
	r.holdCalls()
	b := newBatcher(r.commit, 3, 1<<20)
	defer b.close()
	ctx := context.Background()
	first := submitAsync(ctx, b, "first", 1)
	<-r.started
	var later []<-chan outcome
	for i := range 7 {
		later = append(later, submitAsync(ctx, b, fmt.Sprintf("d%d", i), 1))
		waitQueued(t, b, i+1)
	}
	r.releaseCalls()
	for _, c := range append(later, first) {
		if o := <-c; o.err != nil || !o.enqueued {
			t.Fatalf("outcome %+v", o)
		}
	}
	got := r.calls()
	// The first alone; then the seven that waited, three at most per
	// commit, in their order.
	want := [][]string{{"first"}, {"d0", "d1", "d2"}, {"d3", "d4", "d5"}, {"d6"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("batches %v, want %v", got, want)
	}
}

func TestBatcherBoundsBytes(t *testing.T) {
	r := newRecorder()
	r.holdCalls()
	b := newBatcher(r.commit, 100, 10)
	defer b.close()
	ctx := context.Background()
	first := submitAsync(ctx, b, "first", 1)
	<-r.started
	var later []<-chan outcome
	for i, size := range []int{4, 4, 4, 20, 1} {
		later = append(later, submitAsync(ctx, b, fmt.Sprintf("s%d", size), size))
		waitQueued(t, b, i+1)
	}
	r.releaseCalls()
	for _, c := range append(later, first) {
		if o := <-c; o.err != nil {
			t.Fatalf("outcome %+v", o)
		}
	}
	// 4+4 fit in 10 bytes, a third 4 does not; a task larger than the
	// bound goes alone.
	want := [][]string{{"first"}, {"s4", "s4"}, {"s4"}, {"s20"}, {"s1"}}
	if got := r.calls(); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("batches %v, want %v", got, want)
	}
}

func TestBatcherOneBadTaskFailsAlone(t *testing.T) {
	r := newRecorder()
	r.holdCalls()
	r.bad["bad"] = true
	b := newBatcher(r.commit, 10, 1<<20)
	defer b.close()
	ctx := context.Background()
	first := submitAsync(ctx, b, "first", 1)
	<-r.started
	good1 := submitAsync(ctx, b, "good1", 1)
	waitQueued(t, b, 1)
	bad := submitAsync(ctx, b, "bad", 1)
	waitQueued(t, b, 2)
	dup := submitAsync(ctx, b, "dup", 1)
	waitQueued(t, b, 3)
	r.releaseCalls()
	<-first
	if o := <-good1; o.err != nil || !o.enqueued {
		t.Errorf("good1: %+v, want enqueued", o)
	}
	if o := <-dup; o.err != nil || o.enqueued {
		t.Errorf("dup: %+v, want a duplicate", o)
	}
	if o := <-bad; o.err == nil || o.err.Error() != "bad is bad" {
		t.Errorf("bad: %+v, want its own error", o)
	}
	want := [][]string{{"first"}, {"good1", "bad", "dup"}, {"good1"}, {"bad"}, {"dup"}}
	if got := r.calls(); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("batches %v, want %v", got, want)
	}
}

func TestBatcherDropsTasksWhoseCallerLeft(t *testing.T) {
	r := newRecorder()
	r.holdCalls()
	b := newBatcher(r.commit, 10, 1<<20)
	defer b.close()
	first := submitAsync(context.Background(), b, "first", 1)
	<-r.started
	ctx, cancel := context.WithCancel(context.Background())
	gone := submitAsync(ctx, b, "gone", 1)
	waitQueued(t, b, 1)
	stays := submitAsync(context.Background(), b, "stays", 1)
	waitQueued(t, b, 2)
	cancel()
	if o := <-gone; !errors.Is(o.err, context.Canceled) {
		t.Fatalf("the caller that left got %+v", o)
	}
	r.releaseCalls()
	<-first
	if o := <-stays; o.err != nil || !o.enqueued {
		t.Fatalf("stays: %+v", o)
	}
	want := [][]string{{"first"}, {"stays"}}
	if got := r.calls(); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("batches %v, want %v: a task nobody waits for any more is not written", got, want)
	}
}

func TestBatcherCloseCommitsWhatWaits(t *testing.T) {
	r := newRecorder()
	r.holdCalls()
	b := newBatcher(r.commit, 10, 1<<20)
	first := submitAsync(context.Background(), b, "first", 1)
	<-r.started
	queued := submitAsync(context.Background(), b, "queued", 1)
	waitQueued(t, b, 1)
	closed := make(chan struct{})
	go func() { b.close(); close(closed) }()
	r.releaseCalls()
	<-closed
	<-first
	if o := <-queued; o.err != nil || !o.enqueued {
		t.Fatalf("a task queued before Close: %+v, want committed", o)
	}
	if ok, err := b.submit(context.Background(), itemFor("late"), 1); !errors.Is(err, errClosed) || ok {
		t.Fatalf("submit after close = %v, %v; want errClosed", ok, err)
	}
}
