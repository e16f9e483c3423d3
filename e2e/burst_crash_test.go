package e2e

import (
	"fmt"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cochef/cochef/github/githubfake"
)

// kill -9 in the middle of a burst: webhooks from several senders at once
// are committed in shared transactions (group commit); the process is
// killed while they still arrive. Every delivery acknowledged before the
// kill survives: sent again after the restart it is answered as a
// redelivery (its delivery id was committed with its job, in one
// transaction), and every issue it concerned gets its feedback.
func TestKillDuringBurstLosesNoAcknowledgedEvent(t *testing.T) {
	for _, c := range []struct {
		name string
		dsn  func(*testing.T) string
	}{{"sqlite", sqliteDSN}, {"postgres", pgDSN}} {
		t.Run(c.name, func(t *testing.T) {
			needProcesses(t)
			t.Parallel()
			testKillDuringBurst(t, c.dsn(t))
		})
	}
}

func testKillDuringBurst(t *testing.T, db string) {
	const (
		issues    = 40
		senders   = 12
		killAfter = 300 // acknowledgements
	)
	fake := githubfake.New(t)
	s := incomplete(t)
	bodies := make([][]byte, issues+1)
	for n := 1; n <= issues; n++ {
		fake.AddIssue(testRepo, n, githubfake.Issue{Title: s.title, Body: s.body})
		bodies[n] = payload(t, "issues-edited.json", n, s)
	}
	first := startServer(t, "first", serverEnv(fake, db))

	type ack struct {
		delivery string
		issue    int
	}
	var (
		mu     sync.Mutex
		acked  []ack
		failed atomic.Int64
		seq    atomic.Int64
		wg     sync.WaitGroup
	)
	killed := make(chan struct{})
	var killOnce sync.Once
	for w := range senders {
		wg.Go(func() {
			for i := 0; ; i++ {
				select {
				case <-killed:
					return
				default:
				}
				n := (w*7+i)%issues + 1
				d := fmt.Sprintf("burst-%d", seq.Add(1))
				code, err := post(first.url, "issues", d, bodies[n], testSecret)
				if err != nil || code != http.StatusAccepted {
					// The kill: no answer, or none of ours.
					failed.Add(1)
					continue
				}
				mu.Lock()
				acked = append(acked, ack{d, n})
				now := len(acked) == killAfter
				mu.Unlock()
				if now {
					// Killed outside the lock: the other senders are in
					// the middle of their requests, not waiting for it.
					killOnce.Do(func() {
						first.kill()
						close(killed)
					})
				}
			}
		})
	}
	select {
	case <-killed:
	case <-time.After(60 * time.Second):
		t.Fatalf("only %d webhooks acknowledged in 60 s", len(acked))
	}
	wg.Wait()
	mu.Lock()
	got := append([]ack(nil), acked...)
	mu.Unlock()
	if failed.Load() == 0 {
		t.Fatal("no request was cut by the kill: it did not land in the middle of the burst")
	}
	t.Logf("%d webhooks acknowledged, then kill -9 with requests in flight (%d cut or refused)", len(got), failed.Load())

	second := startServer(t, "second", serverEnv(fake, db))
	notDuplicate := 0
	touched := map[int]bool{}
	for _, a := range got {
		touched[a.issue] = true
		code, err := post(second.url, "issues", a.delivery, bodies[a.issue], testSecret)
		if err != nil {
			t.Fatal(err)
		}
		if code != http.StatusOK {
			if notDuplicate == 0 {
				t.Errorf("acknowledged delivery %s sent again after the restart: status %d, want 200 (a redelivery): it was lost", a.delivery, code)
			}
			notDuplicate++
		}
	}
	if notDuplicate > 0 {
		t.Fatalf("%d of %d acknowledged deliveries were not found after the restart", notDuplicate, len(got))
	}
	var want []int
	for n := range touched {
		want = append(want, n)
	}
	sort.Ints(want)
	q := watchQueue(t, db)
	waitFor(t, 90*time.Second, "every acknowledged issue's feedback after the restart", func() (bool, string) {
		for _, n := range want {
			if ok, state := issueState(fake, n, s); !ok {
				return false, state
			}
		}
		return true, ""
	})
	waitFor(t, 30*time.Second, "queue drained", q.drained)
	t.Logf("after the restart: all %d acknowledged deliveries known, %d issues with their feedback", len(got), len(want))
	second.stop()
}
