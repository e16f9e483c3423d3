package store

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/internal/pgtest"
)

// pgEnv names the PostgreSQL server the tests may use; without it they run
// on SQLite only.
const pgEnv = pgtest.Env

type backend struct {
	name string
	// dsn returns a fresh, empty database for one test.
	dsn func(t testing.TB) string
}

func backends(t testing.TB) []backend {
	bs := []backend{{name: "sqlite", dsn: func(t testing.TB) string {
		return filepath.Join(t.TempDir(), "cochef.db")
	}}}
	if os.Getenv(pgEnv) != "" {
		bs = append(bs, backend{name: "postgres", dsn: pgSchemaDSN})
	}
	return bs
}

// pgSchemaDSN gives the test a schema of its own, dropped at the end.
func pgSchemaDSN(t testing.TB) string { return pgtest.DSN(t, "cochef_store_test_") }

// testOptions are short timings so a test waits in tenths of a second.
func testOptions(t testing.TB, dsn string) Options {
	return Options{
		DSN:          dsn,
		Debounce:     300 * time.Millisecond,
		Workers:      4,
		JobTimeout:   5 * time.Second,
		RescueAfter:  6 * time.Second,
		PollInterval: 50 * time.Millisecond,
		Logger:       testLogger(t),
	}
}

func testLogger(t testing.TB) *slog.Logger {
	if !testing.Verbose() {
		return slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	w := &tbWriter{t: t}
	// Registered before the store's Close, so it runs after it.
	t.Cleanup(func() {
		w.mu.Lock()
		w.done = true
		w.mu.Unlock()
	})
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

// tbWriter sends logs to the test's log while the test runs, and drops
// those of goroutines that outlive it.
type tbWriter struct {
	mu   sync.Mutex
	t    testing.TB
	done bool
}

func (w *tbWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.done {
		w.t.Log(strings.TrimRight(string(p), "\n"))
	}
	return len(p), nil
}

func openStore(t testing.TB, o Options) *Store {
	t.Helper()
	s, err := Open(context.Background(), o)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

var testRepo = core.Repo{Platform: core.GitHub, FullName: "octo/stories", InstallationID: 77}

func issue(n int) core.IssueRef { return core.IssueRef{Repo: testRepo, Number: n} }

var deliverySeq struct {
	sync.Mutex
	n int
}

func task(n int) core.Task {
	deliverySeq.Lock()
	deliverySeq.n++
	d := fmt.Sprintf("delivery-%d", deliverySeq.n)
	deliverySeq.Unlock()
	return core.Task{
		Feature: core.FeatureFeedback, Issue: issue(n), Trigger: core.TriggerChanged, Delivery: d,
		ReceivedAt: time.Now().UTC(),
	}
}

// call is one call of the fake worker.
type call struct {
	task core.Task
	at   time.Time
}

// fakeWorker records its calls; fn, if set, decides what the n-th call
// (0-based) returns.
type fakeWorker struct {
	mu    sync.Mutex
	calls []call
	fn    func(n int, t core.Task) error
}

func (w *fakeWorker) Work(ctx context.Context, t core.Task) error {
	w.mu.Lock()
	n := len(w.calls)
	w.calls = append(w.calls, call{task: t, at: time.Now()})
	fn := w.fn
	w.mu.Unlock()
	if fn == nil {
		return nil
	}
	return fn(n, t)
}

func (w *fakeWorker) snapshot() []call {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]call(nil), w.calls...)
}

func (w *fakeWorker) waitCalls(t testing.TB, n int, within time.Duration) []call {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		calls := w.snapshot()
		if len(calls) >= n {
			return calls
		}
		if time.Now().After(deadline) {
			t.Fatalf("worker called %d times within %s, want %d", len(calls), within, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func start(t testing.TB, s *Store, w core.Worker) {
	t.Helper()
	if err := s.Start(context.Background(), w); err != nil {
		t.Fatalf("Start: %v", err)
	}
}

// waitStats waits until the jobs counted by state equal want exactly
// (states absent from want must have no job).
func waitStats(t testing.TB, s *Store, want map[string]int, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		got, err := s.JobStats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if equalStats(got, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("job states %v, want %v", got, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func equalStats(got, want map[string]int) bool {
	for k, v := range got {
		if want[k] != v {
			return false
		}
	}
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	return true
}

// moveIntake gives every acknowledged task its job now, rather than when
// the mover next runs, for tests that read River's jobs.
func moveIntake(t testing.TB, s *Store) {
	t.Helper()
	if _, err := s.moveAll(context.Background()); err != nil {
		t.Fatalf("move the intake: %v", err)
	}
}

func mustEnqueue(t testing.TB, s *Store, tk core.Task) {
	t.Helper()
	ok, err := s.Enqueue(context.Background(), tk)
	if err != nil {
		t.Fatalf("Enqueue: %v", err)
	}
	if !ok {
		t.Fatalf("Enqueue(%s) = false, want true", tk.Delivery)
	}
}

func issueSeq(t testing.TB, s *Store, ref core.IssueRef) int64 {
	t.Helper()
	var seq int64
	err := s.db.queryRow(context.Background(), `SELECT seq FROM issue_activity WHERE platform = $1 AND repo = $2 AND number = $3`,
		ref.Repo.Platform, ref.Repo.FullName, ref.Number).Scan(&seq)
	if err != nil {
		t.Fatal(err)
	}
	return seq
}
