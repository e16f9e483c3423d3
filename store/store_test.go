package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

func TestEnqueueDedupesByDelivery(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			s := openStore(t, testOptions(t, b.dsn(t)))
			ctx := context.Background()
			first := task(1)
			cases := []struct {
				name string
				task core.Task
				want bool
			}{
				{"first delivery", first, true},
				{"same delivery again", first, false},
				{"same delivery for another issue", func() core.Task { tk := task(2); tk.Delivery = first.Delivery; return tk }(), false},
				{"same delivery id on another platform", func() core.Task {
					tk := task(1)
					tk.Delivery = first.Delivery
					tk.Issue.Repo.Platform = core.GitLab
					return tk
				}(), true},
				{"another delivery of the same issue", task(1), true},
			}
			for _, c := range cases {
				got, err := s.Enqueue(ctx, c.task)
				if err != nil {
					t.Fatalf("%s: %v", c.name, err)
				}
				if got != c.want {
					t.Errorf("%s: Enqueue = %v, want %v", c.name, got, c.want)
				}
			}
			// Two tasks of github #1 share one waiting job; gitlab's is its own.
			waitStats(t, s, map[string]int{"available": 2}, time.Second)
			if seq := issueSeq(t, s, issue(1)); seq != 2 {
				t.Errorf("seq of #1 = %d, want 2 (the redelivery must not count)", seq)
			}
		})
	}
}

func TestEnqueueRejectsIncompleteRef(t *testing.T) {
	s := openStore(t, testOptions(t, backends(t)[0].dsn(t)))
	tk := task(1)
	tk.Issue.Number = 0
	if ok, err := s.Enqueue(context.Background(), tk); err == nil || ok {
		t.Fatalf("Enqueue without a number = %v, %v; want an error", ok, err)
	}
}

func TestBurstCoalescesIntoOneRun(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			o := testOptions(t, b.dsn(t))
			// Room for the burst even under -race on a busy machine.
			o.Debounce = time.Second
			s := openStore(t, o)
			w := &fakeWorker{}
			start(t, s, w)
			base := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
			first := time.Now()
			for i := 1; i <= 10; i++ {
				tk := task(7)
				tk.Snapshot = &core.Issue{Ref: issue(7), Body: fmt.Sprintf("version %d", i), UpdatedAt: base.Add(time.Duration(i) * time.Second)}
				mustEnqueue(t, s, tk)
			}
			// A late webhook about an older version must not win.
			late := task(7)
			late.Snapshot = &core.Issue{Ref: issue(7), Body: "version 3 again", UpdatedAt: base.Add(3 * time.Second)}
			mustEnqueue(t, s, late)
			if burst := time.Since(first); burst >= o.Debounce {
				t.Skipf("the burst took %s, longer than the debounce: this machine is too slow for the test", burst)
			}

			w.waitCalls(t, 1, 5*time.Second)
			waitStats(t, s, map[string]int{"completed": 1}, 5*time.Second)
			time.Sleep(2 * o.Debounce)
			calls := w.snapshot()
			if len(calls) != 1 {
				t.Fatalf("11 tasks made %d runs, want 1", len(calls))
			}
			if waited := calls[0].at.Sub(first); waited < o.Debounce-20*time.Millisecond {
				t.Errorf("ran %s after the first task, want at least the debounce %s", waited, o.Debounce)
			}
			if got := calls[0].task.Snapshot; got == nil || got.Body != "version 10" {
				t.Errorf("worker got snapshot %+v, want the newest (version 10)", got)
			}
			if calls[0].task.Issue != issue(7) {
				t.Errorf("worker got issue %v, want %v", calls[0].task.Issue, issue(7))
			}
		})
	}
}

func TestTaskAfterCompletionRunsAgain(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			s := openStore(t, testOptions(t, b.dsn(t)))
			w := &fakeWorker{}
			start(t, s, w)
			mustEnqueue(t, s, task(3))
			waitStats(t, s, map[string]int{"completed": 1}, 5*time.Second)
			mustEnqueue(t, s, task(3))
			waitStats(t, s, map[string]int{"completed": 2}, 5*time.Second)
			if n := len(w.snapshot()); n != 2 {
				t.Fatalf("worker ran %d times, want 2", n)
			}
		})
	}
}

func TestEditDuringRunRunsOnceMore(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			o := testOptions(t, b.dsn(t))
			s := openStore(t, o)
			running, release := make(chan struct{}), make(chan struct{})
			w := &fakeWorker{fn: func(n int, _ core.Task) error {
				if n == 0 {
					close(running)
					<-release
				}
				return nil
			}}
			start(t, s, w)
			mustEnqueue(t, s, task(5))
			select {
			case <-running:
			case <-time.After(5 * time.Second):
				t.Fatal("job did not start")
			}
			// The running job holds the unique key, so River turns this
			// job away; the activity counter must make the job run again.
			edit := task(5)
			edit.Snapshot = &core.Issue{Ref: issue(5), Body: "edited while running", UpdatedAt: time.Now()}
			mustEnqueue(t, s, edit)
			if st, err := s.JobStats(context.Background()); err != nil || st["running"] != 1 || len(st) != 1 {
				t.Fatalf("job states during the run: %v, %v; want the one running job only", st, err)
			}
			close(release)
			calls := w.waitCalls(t, 2, 5*time.Second)
			waitStats(t, s, map[string]int{"completed": 1}, 5*time.Second)
			time.Sleep(2 * o.Debounce)
			if n := len(w.snapshot()); n != 2 {
				t.Fatalf("worker ran %d times, want 2", n)
			}
			if got := calls[1].task.Snapshot; got == nil || got.Body != "edited while running" {
				t.Errorf("second run got snapshot %+v, want the edit", got)
			}
		})
	}
}

func TestTwoTaskKindsOfOneIssueNeverRunAtOnce(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			s := openStore(t, testOptions(t, b.dsn(t)))
			var inside, maxInside atomic.Int32
			w := &fakeWorker{fn: func(int, core.Task) error {
				n := inside.Add(1)
				defer inside.Add(-1)
				for {
					m := maxInside.Load()
					if n <= m || maxInside.CompareAndSwap(m, n) {
						break
					}
				}
				time.Sleep(300 * time.Millisecond)
				return nil
			}}
			start(t, s, w)
			check := task(9)
			check.Trigger, check.Command, check.Actor = core.TriggerCommand, &core.Command{Verb: core.VerbCheck}, "maintainer"
			mustEnqueue(t, s, task(9))
			mustEnqueue(t, s, check)
			// A check from someone else is its own job: the first actor
			// may lack the right to ask.
			other := check
			other.Delivery, other.Actor = "other-check", "reader"
			mustEnqueue(t, s, other)
			waitStats(t, s, map[string]int{"completed": 3}, 10*time.Second)
			if m := maxInside.Load(); m != 1 {
				t.Fatalf("%d jobs of one issue ran at once, want 1", m)
			}
			kinds := map[string]bool{}
			for _, c := range w.snapshot() {
				kinds[string(c.task.Trigger)+"/"+c.task.Actor] = true
			}
			want := map[string]bool{"changed/": true, "command/maintainer": true, "command/reader": true}
			if !reflect.DeepEqual(kinds, want) {
				t.Errorf("ran %v, want %v", kinds, want)
			}
		})
	}
}

func TestTransientErrorIsRetried(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			s := openStore(t, testOptions(t, b.dsn(t)))
			w := &fakeWorker{fn: func(n int, _ core.Task) error {
				if n == 0 {
					return &core.APIError{Platform: "github", Method: "GET", Route: "/repos/o/r/issues/1", Status: 502}
				}
				return nil
			}}
			start(t, s, w)
			mustEnqueue(t, s, task(1))
			calls := w.waitCalls(t, 2, 10*time.Second)
			waitStats(t, s, map[string]int{"completed": 1}, 5*time.Second)
			gap := calls[1].at.Sub(calls[0].at)
			if gap < 800*time.Millisecond || gap > 4*time.Second {
				t.Errorf("retried after %s, want about 1s (first retry step)", gap)
			}
			if a := jobAttempt(t, s); a != 2 {
				t.Errorf("attempt = %d, want 2", a)
			}
			if e, err := s.LastEvaluation(context.Background(), issue(1)); err != nil || e != nil {
				t.Errorf("a retried error was recorded: %+v, %v", e, err)
			}
		})
	}
}

func TestPermanentErrorIsCancelledAndRecorded(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			o := testOptions(t, b.dsn(t))
			s := openStore(t, o)
			ctx := context.Background()
			prev := core.Evaluation{Ref: issue(4), Template: "story", Lang: rules.FR, CommentID: 42,
				CommentHash: "abc", Labels: []string{"récit: prêt"}, Ready: true}
			if err := s.SaveEvaluation(ctx, prev); err != nil {
				t.Fatal(err)
			}
			gone := &core.APIError{Platform: "github", Method: "GET", Route: "/repos/o/r/issues/4", Status: 410, Message: "Gone"}
			w := &fakeWorker{fn: func(n int, _ core.Task) error {
				if n == 0 {
					return fmt.Errorf("read issue: %w", gone)
				}
				return nil
			}}
			start(t, s, w)
			mustEnqueue(t, s, task(4))
			waitStats(t, s, map[string]int{"cancelled": 1}, 5*time.Second)
			time.Sleep(1500 * time.Millisecond) // longer than the first retry step
			if n := len(w.snapshot()); n != 1 {
				t.Fatalf("worker ran %d times, want 1 (no retry)", n)
			}
			e, err := s.LastEvaluation(ctx, issue(4))
			if err != nil || e == nil {
				t.Fatalf("LastEvaluation = %v, %v", e, err)
			}
			if !strings.Contains(e.Error, "410") {
				t.Errorf("recorded error %q, want the 410", e.Error)
			}
			if e.CommentID != 42 || e.CommentHash != "abc" || !e.Ready || !reflect.DeepEqual(e.Labels, prev.Labels) {
				t.Errorf("recording the failure lost the last evaluation: %+v", e)
			}
			// A cancelled job does not hold the issue: the next edit runs.
			mustEnqueue(t, s, task(4))
			waitStats(t, s, map[string]int{"cancelled": 1, "completed": 1}, 5*time.Second)
		})
	}
}

func TestRetryAfterSnoozesWithoutUsingAnAttempt(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			s := openStore(t, testOptions(t, b.dsn(t)))
			const wait = 1500 * time.Millisecond
			w := &fakeWorker{fn: func(n int, _ core.Task) error {
				if n == 0 {
					return &core.APIError{Platform: "github", Method: "POST", Route: "/repos/o/r/issues/1/comments",
						Status: 403, RateLimited: true, RetryAfter: wait}
				}
				return nil
			}}
			start(t, s, w)
			mustEnqueue(t, s, task(1))
			calls := w.waitCalls(t, 2, 10*time.Second)
			waitStats(t, s, map[string]int{"completed": 1}, 5*time.Second)
			if gap := calls[1].at.Sub(calls[0].at); gap < wait {
				t.Errorf("ran again after %s, want at least the platform's %s", gap, wait)
			}
			if a := jobAttempt(t, s); a != 1 {
				t.Errorf("attempt = %d, want 1: a rate limit is not a failed attempt", a)
			}
		})
	}
}

func TestGivingUpRecordsTheError(t *testing.T) {
	o := testOptions(t, backends(t)[0].dsn(t))
	o.MaxAttempts = 2
	s := openStore(t, o)
	w := &fakeWorker{fn: func(int, core.Task) error { return errors.New("connection refused") }}
	start(t, s, w)
	mustEnqueue(t, s, task(6))
	waitStats(t, s, map[string]int{"discarded": 1}, 10*time.Second)
	e, err := s.LastEvaluation(context.Background(), issue(6))
	if err != nil || e == nil {
		t.Fatalf("LastEvaluation = %v, %v", e, err)
	}
	if !strings.Contains(e.Error, "gave up after 2 attempts") || !strings.Contains(e.Error, "connection refused") {
		t.Errorf("recorded %q", e.Error)
	}
}

func jobAttempt(t testing.TB, s *Store) int {
	t.Helper()
	moveIntake(t, s)
	var a int
	if err := s.db.queryRow(context.Background(), `SELECT attempt FROM river_job`).Scan(&a); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestEvaluationRoundTrip(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			s := openStore(t, testOptions(t, b.dsn(t)))
			ctx := context.Background()
			at := time.Date(2026, 5, 4, 10, 30, 15, 123456000, time.UTC)
			full := core.Evaluation{
				Ref: issue(11), Template: "user-story", Lang: rules.EN, Ready: false,
				Findings: []rules.Finding{
					{Rule: "so-that", Severity: "error", Message: "Pas de « afin de »", Fix: "Ajouter le bénéfice", Line: 3},
					{Rule: "size", Severity: "warning", Message: "too long"},
				},
				CommentID: 1234567890123, CommentHash: "e3b0c442", Labels: []string{"récit: à compléter", "sécurité: à revoir"},
				SecurityMentioned: true, ReadyMentioned: false, DryRun: true,
				Comment: "<!-- cochef -->\n**À compléter** — `code` & <html> 'quotes'", EvaluatedAt: at,
				CommentPending: at.Add(-time.Minute), MentionPending: at.Add(-30 * time.Second),
			}
			cases := []struct {
				name string
				save core.Evaluation
				want core.Evaluation
			}{
				{"every field", full, full},
				{"overwritten, empty lists", core.Evaluation{Ref: issue(11), Template: "bug", Ready: true, EvaluatedAt: at.Add(time.Hour)},
					core.Evaluation{Ref: issue(11), Template: "bug", Ready: true, Findings: []rules.Finding{}, Labels: []string{}, EvaluatedAt: at.Add(time.Hour)}},
				{"error kept", core.Evaluation{Ref: issue(12), Error: "github GET /x: 404", EvaluatedAt: at},
					core.Evaluation{Ref: issue(12), Error: "github GET /x: 404", Findings: []rules.Finding{}, Labels: []string{}, EvaluatedAt: at}},
			}
			for _, c := range cases {
				if err := s.SaveEvaluation(ctx, c.save); err != nil {
					t.Fatalf("%s: %v", c.name, err)
				}
				got, err := s.LastEvaluation(ctx, c.save.Ref)
				if err != nil {
					t.Fatalf("%s: %v", c.name, err)
				}
				if got == nil || !reflect.DeepEqual(*got, c.want) {
					t.Errorf("%s:\n got %+v\nwant %+v", c.name, got, c.want)
				}
			}
			if got, err := s.LastEvaluation(ctx, issue(99)); err != nil || got != nil {
				t.Errorf("never evaluated: %+v, %v; want nil, nil", got, err)
			}
			other := issue(11)
			other.Repo.FullName = "octo/other"
			if got, err := s.LastEvaluation(ctx, other); err != nil || got != nil {
				t.Errorf("same number in another repository: %+v, %v; want nil, nil", got, err)
			}
		})
	}
}

func TestOpenTwiceIsIdempotent(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			o := testOptions(t, b.dsn(t))
			ctx := context.Background()
			s1, err := Open(ctx, o)
			if err != nil {
				t.Fatal(err)
			}
			tk := task(1)
			mustEnqueue(t, s1, tk)
			if err := s1.Close(); err != nil {
				t.Fatal(err)
			}
			s2 := openStore(t, o)
			if ok, err := s2.Enqueue(ctx, tk); err != nil || ok {
				t.Errorf("redelivery after reopening: %v, %v; want false", ok, err)
			}
			waitStats(t, s2, map[string]int{"available": 1}, time.Second)
			var n int
			if err := s2.db.queryRow(ctx, `SELECT count(*) FROM cochef_migrations`).Scan(&n); err != nil || n != len(s2.d.migrations) {
				t.Errorf("cochef_migrations has %d rows (%v), want %d", n, err, len(s2.d.migrations))
			}
			// A third Open while the second is open must not fail either.
			s3 := openStore(t, o)
			if s3.Driver() != b.name {
				t.Errorf("Driver() = %q, want %q", s3.Driver(), b.name)
			}
		})
	}
}

func TestPruneForgetsOldDeliveries(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			s := openStore(t, testOptions(t, b.dsn(t)))
			ctx := context.Background()
			for id, age := range map[string]time.Duration{"old": 8 * 24 * time.Hour, "recent": 2 * 24 * time.Hour} {
				if _, err := s.db.exec(ctx, `INSERT INTO deliveries (platform, delivery_id, received_at) VALUES ($1, $2, $3)`,
					core.GitHub, id, s.d.timeArg(time.Now().Add(-age))); err != nil {
					t.Fatal(err)
				}
			}
			s.pruneDeliveries(ctx)
			for id, want := range map[string]bool{"old": true, "recent": false} {
				tk := task(1)
				tk.Delivery = id
				got, err := s.Enqueue(ctx, tk)
				if err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Errorf("delivery %s after pruning: Enqueue = %v, want %v", id, got, want)
				}
			}
		})
	}
}

func TestStopWaitsForRunningJob(t *testing.T) {
	s := openStore(t, testOptions(t, backends(t)[0].dsn(t)))
	var finished atomic.Bool
	running := make(chan struct{})
	var once sync.Once
	w := &fakeWorker{fn: func(int, core.Task) error {
		once.Do(func() { close(running) })
		time.Sleep(500 * time.Millisecond)
		finished.Store(true)
		return nil
	}}
	start(t, s, w)
	mustEnqueue(t, s, task(1))
	<-running
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if !finished.Load() {
		t.Fatal("Stop returned before the running job finished")
	}
	waitStats(t, s, map[string]int{"completed": 1}, time.Second)
}

func TestOptionsRejectRescueBeforeTimeout(t *testing.T) {
	_, err := Open(context.Background(), Options{DSN: backends(t)[0].dsn(t), JobTimeout: time.Minute, RescueAfter: 30 * time.Second})
	if err == nil || !strings.Contains(err.Error(), "RescueAfter") {
		t.Fatalf("Open = %v, want an error about RescueAfter", err)
	}
}

func TestEditDuringAFailedRunIsNotDropped(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			o := testOptions(t, b.dsn(t))
			s := openStore(t, o)
			running, release := make(chan struct{}), make(chan struct{})
			w := &fakeWorker{fn: func(n int, _ core.Task) error {
				if n == 0 {
					close(running)
					<-release
					// The first run fails for good (say, a 422)...
					return &core.APIError{Status: 422, Message: "refused"}
				}
				return nil
			}}
			start(t, s, w)
			mustEnqueue(t, s, task(6))
			select {
			case <-running:
			case <-time.After(5 * time.Second):
				t.Fatal("job did not start")
			}
			// ...but an edit arrived meanwhile and was folded into it.
			mustEnqueue(t, s, task(6))
			close(release)
			w.waitCalls(t, 2, 10*time.Second)
			waitStats(t, s, map[string]int{"completed": 1}, 5*time.Second)
		})
	}
}
