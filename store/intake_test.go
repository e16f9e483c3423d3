package store

import (
	"context"
	"sync"
	"testing"
	"time"
)

// Two stores on one database (two replicas on PostgreSQL; on SQLite, a
// second process opening the file) move one backlog side by side: every
// acknowledged task gets its job once, and two tasks of one issue share
// a job, whichever store moved them.
func TestIntakeMovedOnceBySeveralMovers(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.dsn(t)
			a := openStore(t, testOptions(t, dsn))
			c := openStore(t, testOptions(t, dsn))
			a.stopMover()
			c.stopMover()
			const issues = 300
			for n := 1; n <= issues; n++ {
				mustEnqueue(t, a, task(n))
				mustEnqueue(t, c, task(n)) // the same issue: joins its job
			}
			if n, err := a.IntakeBacklog(context.Background()); err != nil || n != 2*issues {
				t.Fatalf("intake backlog %d (%v), want %d", n, err, 2*issues)
			}
			var wg sync.WaitGroup
			errs := make([]error, 4)
			for i := range errs {
				s := a
				if i%2 == 1 {
					s = c
				}
				wg.Add(1)
				go func() {
					defer wg.Done()
					// Small moves, so that the movers interleave.
					for {
						n, err := s.moveIntake(context.Background(), 7)
						if err != nil || n == 0 {
							errs[i] = err
							return
						}
					}
				}()
			}
			wg.Wait()
			for _, err := range errs {
				if err != nil {
					t.Fatal(err)
				}
			}
			if n, err := a.IntakeBacklog(context.Background()); err != nil || n != 0 {
				t.Errorf("intake backlog %d (%v) after the moves, want 0", n, err)
			}
			stats, err := a.JobStats(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if stats["available"] != issues || len(stats) != 1 {
				t.Errorf("jobs %v, want %d available: one per issue", stats, issues)
			}
		})
	}
}

// A row of a kind this release does not know (a newer replica's, during
// a rolling upgrade) waits for a replica that knows it; the others move.
func TestIntakeLeavesUnknownKinds(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openStore(t, testOptions(t, b.dsn(t)))
			s.stopMover()
			ctx := context.Background()
			if _, err := s.db.exec(ctx, `INSERT INTO intake (kind, args, received_at) VALUES ($1, $2, $3)`,
				"cochef.from_the_future", `{}`, s.d.timeArg(time.Now())); err != nil {
				t.Fatal(err)
			}
			mustEnqueue(t, s, task(5))
			moved, err := s.moveAll(ctx)
			if err != nil || moved != 1 {
				t.Fatalf("moved %d (%v), want the one known row", moved, err)
			}
			if n, err := s.IntakeBacklog(ctx); err != nil || n != 1 {
				t.Errorf("intake backlog %d (%v), want the unknown row left", n, err)
			}
			if got := jobsOf(t, s, 5); len(got) != 1 {
				t.Errorf("jobs %q, want one", got)
			}
		})
	}
}

// A redelivery answered as one writes no intake row; two tasks of one
// issue acknowledged before the mover runs make one job.
func TestIntakeRowsOnlyForAcceptedTasks(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openStore(t, testOptions(t, b.dsn(t)))
			s.stopMover()
			ctx := context.Background()
			tk := task(9)
			mustEnqueue(t, s, tk)
			if ok, err := s.Enqueue(ctx, tk); err != nil || ok {
				t.Fatalf("redelivery: Enqueue = %v, %v; want false", ok, err)
			}
			mustEnqueue(t, s, task(9))
			if n, err := s.IntakeBacklog(ctx); err != nil || n != 2 {
				t.Fatalf("intake backlog %d (%v), want 2", n, err)
			}
			stats, err := s.JobStats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if stats["available"] != 1 || len(stats) != 1 {
				t.Errorf("jobs %v, want one available", stats)
			}
		})
	}
}
