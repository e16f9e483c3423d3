package store

import (
	"context"
	"sync"
	"sync/atomic"
)

// priorityGate schedules SQLite's one writer: the transactions that
// acknowledge webhooks go first. A webhook waits for its commit, a job
// waits anyway (its debounce is seconds), so while an acknowledgement is
// waiting for the connection or running, cochef's other statements (the
// workers' leases, evaluations, job completion, reads) wait for it to end
// instead of taking the connection before it. They still run between
// two batches, so the workers are slowed under a burst, not stopped.
// River's own statements (fetching, completing) do not pass through it.
type priorityGate struct {
	pending atomic.Int64
	mu      sync.Mutex
	clear   chan struct{} // closed when pending drops to zero
}

func newPriorityGate() *priorityGate {
	c := make(chan struct{})
	close(c)
	return &priorityGate{clear: c}
}

// enter marks an acknowledgement as waiting or running.
func (g *priorityGate) enter() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.pending.Add(1) == 1 {
		g.clear = make(chan struct{})
	}
}

// leave marks it done.
func (g *priorityGate) leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.pending.Add(-1) == 0 {
		close(g.clear)
	}
}

// wait returns once no acknowledgement is waiting or running, or when ctx
// ends.
func (g *priorityGate) wait(ctx context.Context) error {
	if g.pending.Load() == 0 {
		return nil
	}
	g.mu.Lock()
	c := g.clear
	g.mu.Unlock()
	select {
	case <-c:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
