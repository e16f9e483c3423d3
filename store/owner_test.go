package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
)

// One process owns a SQLite file's queue: a second one is refused, in
// French and English, naming the file; reading it (cochef audit) needs no
// ownership; once the owner is gone the file can be owned again.
func TestSecondOwnerOfASQLiteFileIsRefused(t *testing.T) {
	t.Parallel()
	dsn := filepath.Join(t.TempDir(), "cochef.db")
	first := openStore(t, testOptions(t, dsn))
	start(t, first, &fakeWorker{})
	second := openStore(t, testOptions(t, dsn))
	if _, err := second.LastEvaluation(context.Background(), issue(1)); err != nil {
		t.Fatalf("reading beside the owner: %v", err)
	}
	err := second.Start(context.Background(), &fakeWorker{})
	abs, _ := filepath.Abs(dsn)
	if err == nil || !strings.Contains(err.Error(), abs) || !strings.Contains(err.Error(), "sert déjà un autre processus") ||
		!strings.Contains(err.Error(), "already served by another cochef process") {
		t.Fatalf("a second owner: %v, want a refusal naming %s in French and English", err, abs)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	if err := second.Start(context.Background(), &fakeWorker{}); err != nil {
		t.Fatalf("once the owner is gone: %v", err)
	}
}

// After a kill -9, the jobs the dead process left running run again at
// once on SQLite (the new owner knows they are its predecessor's) and
// within the heartbeat's dead time on PostgreSQL, not RescueAfter (45 s)
// later as before.
func TestCrashMidJobResumesAtOnce(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			dsn := b.dsn(t)
			killed := runAndKill(t, "work", dsn, "WORKING")
			o := testOptions(t, dsn)
			o.JobTimeout, o.RescueAfter = 30*time.Second, 45*time.Second // production timings
			s := openStore(t, o)
			w := &fakeWorker{}
			restarted := time.Now()
			start(t, s, w)
			bound := 3 * time.Second
			if b.name == "postgres" {
				bound = deadAfter + rescueInterval(o.RescueAfter) + 3*time.Second
			}
			calls := w.waitCalls(t, 1, bound+time.Second)
			resumed := calls[0].at
			t.Logf("resumed %s after the kill, %s after the restart (RescueAfter %s)",
				resumed.Sub(killed).Round(time.Millisecond), resumed.Sub(restarted).Round(time.Millisecond), o.RescueAfter)
			if took := resumed.Sub(restarted); took > bound {
				t.Errorf("resumed %s after the restart, want within %s", took.Round(time.Millisecond), bound)
			}
			if calls[0].task.Issue != issue(21) {
				t.Errorf("ran %+v, want the job of the killed process", calls[0].task)
			}
			waitStats(t, s, map[string]int{"completed": 1}, 5*time.Second)
		})
	}
}

// A replica that cannot write its heartbeat stops its running jobs itself
// before the others count it dead: they never run one job twice at once.
func TestLostHeartbeatStopsRunningJobs(t *testing.T) {
	t.Parallel()
	b := backends(t)
	if len(b) < 2 {
		t.Skip("PostgreSQL only: " + pgEnv + " is not set")
	}
	o := testOptions(t, b[1].dsn(t))
	o.JobTimeout, o.RescueAfter = 30*time.Second, 45*time.Second
	s := openStore(t, o)
	stopped := make(chan error, 1)
	start(t, s, workerFunc(func(ctx context.Context, _ core.Task) error {
		<-ctx.Done()
		stopped <- context.Cause(ctx)
		return ctx.Err()
	}))
	mustEnqueue(t, s, task(3))
	time.Sleep(time.Second) // the job runs
	// The heartbeat is lost: its row is gone and cannot be written.
	if _, err := s.db.exec(context.Background(), `ALTER TABLE cochef_workers RENAME TO cochef_workers_away`); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_, _ = s.db.exec(context.Background(), `ALTER TABLE cochef_workers_away RENAME TO cochef_workers`)
	}()
	select {
	case cause := <-stopped:
		if cause != errFenced {
			t.Errorf("the job stopped for %v, want the lost heartbeat", cause)
		}
	case <-time.After(fenceAfter + 2*heartbeatEvery + time.Second):
		t.Fatalf("the running job was not stopped %s after the heartbeat was lost", fenceAfter+2*heartbeatEvery)
	}
}
