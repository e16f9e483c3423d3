package store

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestPriorityGateHoldsOthersWhileAnAcknowledgementWaits(t *testing.T) {
	g := newPriorityGate()
	ctx := context.Background()
	if err := g.wait(ctx); err != nil {
		t.Fatalf("wait with nothing pending: %v", err)
	}
	g.enter()
	g.enter()
	passed := make(chan struct{})
	go func() {
		if err := g.wait(ctx); err == nil {
			close(passed)
		}
	}()
	g.leave()
	select {
	case <-passed:
		t.Fatal("passed while an acknowledgement was still pending")
	case <-time.After(50 * time.Millisecond):
	}
	g.leave()
	select {
	case <-passed:
	case <-time.After(5 * time.Second):
		t.Fatal("still waiting once no acknowledgement was pending")
	}
	g.enter()
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := g.wait(cctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("wait with a cancelled context = %v", err)
	}
}

// With one connection, a worker's statement that comes after an
// acknowledgement started waiting for the connection runs after it, not
// before (database/sql hands a freed connection to any of its waiters).
func TestAcknowledgementsTakeTheConnectionFirst(t *testing.T) {
	s := openStore(t, testOptions(t, filepath.Join(t.TempDir(), "cochef.db")))
	db := s.db.(sqliteDB)
	ctx := context.Background()
	for round := range 10 {
		held, err := db.begin(ctx) // a worker's transaction holds the connection
		if err != nil {
			t.Fatal(err)
		}
		var (
			mu    sync.Mutex
			order []string
			wg    sync.WaitGroup
		)
		note := func(s string) { mu.Lock(); order = append(order, s); mu.Unlock() }
		wg.Go(func() {
			tx, err := db.beginAck(ctx)
			if err != nil {
				t.Error(err)
				return
			}
			note("ack")
			if err := tx.commit(ctx); err != nil {
				t.Error(err)
			}
		})
		for db.gate.pending.Load() == 0 {
			time.Sleep(time.Millisecond)
		}
		wg.Go(func() {
			if _, err := db.exec(ctx, `SELECT 1`); err != nil {
				t.Error(err)
			}
			note("worker")
		})
		time.Sleep(20 * time.Millisecond) // both wait now
		if err := held.commit(ctx); err != nil {
			t.Fatal(err)
		}
		wg.Wait()
		if len(order) != 2 || order[0] != "ack" {
			t.Fatalf("round %d: order %v, want the acknowledgement first", round, order)
		}
	}
}
