package store

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

// Group commit. A webhook is answered 2xx only once its task is committed,
// and a commit costs one fsync (SQLite's WAL with synchronous=FULL,
// PostgreSQL's WAL flush) whatever it holds. So the tasks that arrive
// while a commit runs wait for it to end and are then committed together,
// in one transaction: the classic group commit. There is no artificial
// wait: when nothing is being committed, a task is committed at once,
// alone. A batch is bounded in tasks and bytes, and each waiter gets its
// own outcome.

const (
	// maxBatch bounds the tasks of one transaction: enough to absorb a
	// burst from many senders, small enough that one batch stays a few
	// milliseconds of work.
	maxBatch = 256
	// maxBatchBytes bounds what one transaction writes (mostly issue
	// snapshots, in dry-run), so a batch of large payloads stays short.
	maxBatchBytes = 4 << 20
	// commitTimeout bounds one batch. It is not any waiter's context: a
	// batch serves many requests, each of which stops waiting on its own
	// deadline.
	commitTimeout = 15 * time.Second
)

// errClosed answers the tasks enqueued after Close.
var errClosed = errors.New("store: closed")

// outcome is what became of one task.
type outcome struct {
	enqueued bool
	err      error
}

// pending is one task waiting for its batch.
type pending struct {
	ctx  context.Context
	item enqueueItem
	size int
	done chan outcome // buffered: the committer never waits for the waiter
}

// commitFunc commits items in one transaction and says what became of
// each. An error fails them all: the transaction was rolled back.
type commitFunc func(ctx context.Context, items []*pending) ([]outcome, error)

// batcher collects pending tasks and commits them in batches, one batch
// at a time.
type batcher struct {
	commit   commitFunc
	maxCount int
	maxBytes int

	in chan *pending
	// mu orders sends on in against Close: a sender holds it for reading,
	// so once close has it for writing, no send is under way and none
	// will start.
	mu     sync.RWMutex
	closed bool
	done   chan struct{} // closed when the loop has returned

	// Counters for tests and operations.
	batches, items atomic.Int64
}

// newBatcher starts the loop. One batch at a time: SQLite has one writer
// anyway, and on PostgreSQL two or four loops committing side by side
// measured no faster on the 2-core machine (the batches only got smaller).
func newBatcher(commit commitFunc, maxCount, maxBytes int) *batcher {
	b := &batcher{
		commit: commit, maxCount: maxCount, maxBytes: maxBytes,
		// Room for every request the HTTP server may have in flight, so
		// senders rarely wait to be queued.
		in:   make(chan *pending, 4*maxCount),
		done: make(chan struct{}),
	}
	go b.loop()
	return b
}

// submit queues item and waits for its batch. When ctx ends first it
// returns ctx's error; the task may still be committed then, and a
// redelivery would be answered as one.
func (b *batcher) submit(ctx context.Context, item enqueueItem, size int) (bool, error) {
	p := &pending{ctx: ctx, item: item, size: size, done: make(chan outcome, 1)}
	b.mu.RLock()
	if b.closed {
		b.mu.RUnlock()
		return false, errClosed
	}
	select {
	case b.in <- p:
		b.mu.RUnlock()
	case <-ctx.Done():
		b.mu.RUnlock()
		return false, ctx.Err()
	}
	select {
	case o := <-p.done:
		return o.enqueued, o.err
	case <-ctx.Done():
		return false, ctx.Err()
	}
}

// close commits what is queued, then stops the loop.
func (b *batcher) close() {
	b.mu.Lock()
	if !b.closed {
		b.closed = true
		close(b.in)
	}
	b.mu.Unlock()
	<-b.done
}

func (b *batcher) loop() {
	defer close(b.done)
	batch := make([]*pending, 0, b.maxCount)
	var carry *pending // taken from in, but would have made the batch too big
	for {
		first := carry
		carry = nil
		if first == nil {
			var ok bool
			if first, ok = <-b.in; !ok {
				return
			}
		}
		batch = append(batch[:0], first)
		size := first.size
		open := true
	fill:
		for len(batch) < b.maxCount {
			select {
			case p, ok := <-b.in:
				if !ok {
					open = false
					break fill
				}
				if size+p.size > b.maxBytes {
					carry = p
					break fill
				}
				batch = append(batch, p)
				size += p.size
			default:
				break fill
			}
		}
		b.run(batch)
		clear(batch) // let the answered requests go
		if !open && carry == nil {
			return
		}
	}
}

// run commits one batch. When the batch fails, each of its tasks is tried
// in a transaction of its own, so that one bad task fails alone.
func (b *batcher) run(batch []*pending) {
	live := batch[:0]
	for _, p := range batch {
		if err := p.ctx.Err(); err != nil {
			p.done <- outcome{err: err} // its caller stopped waiting
			continue
		}
		live = append(live, p)
	}
	if len(live) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), commitTimeout)
	defer cancel()
	b.batches.Add(1)
	b.items.Add(int64(len(live)))
	outs, err := b.commit(ctx, live)
	if err == nil {
		for i, p := range live {
			p.done <- outs[i]
		}
		return
	}
	if len(live) == 1 {
		live[0].done <- outcome{err: err}
		return
	}
	for _, p := range live {
		if p.ctx.Err() != nil {
			p.done <- outcome{err: p.ctx.Err()}
			continue
		}
		b.batches.Add(1)
		outs, err := b.commit(ctx, []*pending{p})
		if err != nil {
			p.done <- outcome{err: err}
			continue
		}
		p.done <- outs[0]
	}
}
