package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
)

// The Enqueue benchmarks measure what a webhook waits for before it can
// answer 2xx: the transaction with its delivery, its issue's counter and
// its River job. No worker runs meanwhile.
//
//	go test ./store -run '^$' -bench Enqueue -benchmem
//
// "single" enqueues one task at a time: each one is a transaction (and, on
// SQLite with synchronous=FULL, an fsync). "concurrent" enqueues from 16
// goroutines per CPU, as an HTTP server under load does: the tasks that
// arrive while a transaction commits share the next one (group commit);
// its ns/op is the time per task, and tasks/commit says how many shared a
// transaction on average.
//
// Since acknowledgements write intake rows that a mover turns into jobs
// (intake.go), each benchmark ends by moving what is left, and cpu-µs/task
// is the process's CPU time (user and system, the mover's included) per
// task: on a shared machine, wall time moves with the neighbours' load,
// CPU time much less.

func BenchmarkEnqueueSQLite(b *testing.B) {
	for _, c := range []struct{ name, query string }{
		{"sync=FULL", ""},
		{"sync=NORMAL", "?_pragma=synchronous(NORMAL)"},
	} {
		b.Run(c.name, func(b *testing.B) {
			benchEnqueue(b, func(tb testing.TB) string {
				return filepath.Join(tb.TempDir(), "bench.db") + c.query
			})
		})
	}
}

func BenchmarkEnqueuePostgres(b *testing.B) {
	if os.Getenv(pgEnv) == "" {
		b.Skip(pgEnv + " is not set")
	}
	benchEnqueue(b, pgSchemaDSN)
}

func benchEnqueue(b *testing.B, dsn func(testing.TB) string) {
	for _, c := range []struct {
		name  string
		issue func(i int64) int
	}{
		// Each task a new issue: a new job every time.
		{"new-issue", func(i int64) int { return int(i) }},
		// A burst over 1,000 issues: most tasks join their issue's job.
		{"1000-issues", func(i int64) int { return int(i%1000) + 1 }},
	} {
		b.Run("single/"+c.name, func(b *testing.B) {
			s := openStore(b, testOptions(b, dsn(b)))
			ctx := context.Background()
			b.ReportAllocs()
			var i int64
			cpu := cpuTime()
			for b.Loop() {
				i++
				enqueueBench(b, s, ctx, c.issue(i), i)
			}
			moveIntake(b, s)
			reportBatches(b, s, cpu)
		})
		for _, mode := range []string{"", "ack-only/"} {
			// ack-only: the mover is stopped, as when a burst keeps the
			// connection busy with acknowledgements (which go first): what
			// answering costs; the rows are moved after the measure.
			b.Run("concurrent/"+mode+c.name, func(b *testing.B) {
				s := openStore(b, testOptions(b, dsn(b)))
				if mode != "" {
					s.stopMover()
				}
				ctx := context.Background()
				b.ReportAllocs()
				b.SetParallelism(16)
				var n atomic.Int64
				b.ResetTimer() // not the store's opening
				cpu := cpuTime()
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						i := n.Add(1)
						enqueueBench(b, s, ctx, c.issue(i), i)
					}
				})
				if mode == "" {
					moveIntake(b, s)
				}
				reportBatches(b, s, cpu)
				if mode != "" {
					moveIntake(b, s)
				}
			})
		}
	}
}

func enqueueBench(b *testing.B, s *Store, ctx context.Context, number int, i int64) {
	t := core.Task{Feature: core.FeatureFeedback, Issue: issue(number), Trigger: core.TriggerChanged, Delivery: fmt.Sprintf("bench-%d", i)}
	if ok, err := s.Enqueue(ctx, t); err != nil || !ok {
		b.Errorf("Enqueue = %v, %v", ok, err)
	}
}

func reportBatches(b *testing.B, s *Store, cpu0 time.Duration) {
	if n := s.intake.batches.Load(); n > 0 {
		b.ReportMetric(float64(s.intake.items.Load())/float64(n), "tasks/commit")
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N), "cpu-µs/task")
}
