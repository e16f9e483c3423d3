package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/cochef/cochef/core"
)

// The Enqueue benchmarks measure what a webhook waits for before it can
// answer 2xx: one transaction with the delivery, the issue's counter and
// the River job. No worker runs meanwhile.
//
//	go test ./store -run '^$' -bench Enqueue -benchmem

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
		issue func(i int) int
	}{
		// Each task a new issue: a new job every time.
		{"new-issue", func(i int) int { return i + 1 }},
		// A burst on one issue: the job exists, River skips the insert.
		{"same-issue", func(int) int { return 1 }},
	} {
		b.Run(c.name, func(b *testing.B) {
			o := testOptions(b, dsn(b))
			s := openStore(b, o)
			ctx := context.Background()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				t := core.Task{Feature: core.FeatureFeedback, Issue: issue(c.issue(i)), Trigger: core.TriggerChanged, Delivery: fmt.Sprintf("bench-%d", i)}
				ok, err := s.Enqueue(ctx, t)
				if err != nil || !ok {
					b.Fatalf("Enqueue = %v, %v", ok, err)
				}
			}
		})
	}
}
