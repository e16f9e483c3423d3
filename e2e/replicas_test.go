package e2e

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cochef/cochef/github/githubfake"
)

const (
	loadIssues    = 100
	loadPerIssue  = 5 // opened, then four edits
	loadPosters   = 8 // webhooks in flight at once, as GitHub sends them
	replicaTokenA = testToken + "-a"
	replicaTokenB = testToken + "-b"
)

// replicaSet is two cochef processes on one PostgreSQL schema, each with
// its own GitHub token so the fake can tell who called it.
type replicaSet struct {
	fake    *githubfake.Fake
	dsn     string
	servers [2]*server
	dead    [2]atomic.Bool
	stories map[int]story
}

func startReplicas(t *testing.T) *replicaSet {
	t.Helper()
	dsn := pgDSN(t)
	rs := &replicaSet{fake: githubfake.New(t), dsn: dsn, stories: map[int]story{}}
	inc, rdy := incomplete(t), ready(t)
	for n := 1; n <= loadIssues; n++ {
		s := inc
		if n%5 == 0 {
			s = rdy
		}
		rs.stories[n] = s
		rs.fake.AddIssue(testRepo, n, githubfake.Issue{Title: s.title, Body: s.body})
	}
	for i, tok := range []string{replicaTokenA, replicaTokenB} {
		env := serverEnv(rs.fake, dsn)
		env["COCHEF_GITHUB_TOKEN"] = tok
		// The first replica migrates the schema; starting them one after
		// the other keeps that out of the measure.
		rs.servers[i] = startServer(t, fmt.Sprintf("replica-%c", 'a'+i), env)
	}
	return rs
}

// loadResult sums up a load run.
type loadResult struct {
	accepted, duplicates, rerouted int
	acks                           []time.Duration
	elapsed                        time.Duration
}

func (r loadResult) String() string {
	a := slices.Clone(r.acks)
	slices.Sort(a)
	pct := func(p float64) time.Duration {
		if len(a) == 0 {
			return 0
		}
		return a[min(len(a)-1, int(p*float64(len(a))))]
	}
	return fmt.Sprintf("%d events in %s (%.0f events/s), ack p50 %s p99 %s max %s; %d accepted, %d duplicates, %d rerouted",
		len(a), r.elapsed.Round(time.Millisecond), float64(len(a))/r.elapsed.Seconds(),
		pct(0.50).Round(100*time.Microsecond), pct(0.99).Round(100*time.Microsecond), a[len(a)-1].Round(100*time.Microsecond),
		r.accepted, r.duplicates, r.rerouted)
}

// load sends loadIssues×loadPerIssue signed webhooks, round by round (so
// the events of one issue are spread in time and over both replicas),
// alternating replicas. A webhook a dead replica did not answer goes to
// the other one with the same delivery id, as a load balancer retrying or
// an operator redelivering would. progress is called after each answer
// with the number answered so far.
func (rs *replicaSet) load(t *testing.T, progress func(sent int)) loadResult {
	t.Helper()
	type event struct {
		i, number int
		file      string
	}
	events := make(chan event)
	go func() {
		defer close(events)
		i := 0
		for round := 0; round < loadPerIssue; round++ {
			file := "issues-edited.json"
			if round == 0 {
				file = "issues-opened.json"
			}
			for n := 1; n <= loadIssues; n++ {
				events <- event{i: i, number: n, file: file}
				i++
			}
		}
	}()
	bodies := map[string]map[int][]byte{}
	for _, f := range []string{"issues-opened.json", "issues-edited.json"} {
		bodies[f] = map[int][]byte{}
		for n := 1; n <= loadIssues; n++ {
			bodies[f][n] = payload(t, f, n, rs.stories[n])
		}
	}

	var (
		mu   sync.Mutex
		res  loadResult
		errs []string
		sent atomic.Int64
		wg   sync.WaitGroup
	)
	start := time.Now()
	for range loadPosters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ev := range events {
				delivery := newDelivery()
				target := ev.i % 2
				var code int
				var err error
				var took time.Duration
				rerouted := false
				for try := 0; try < 2; try++ {
					if rs.dead[target].Load() {
						target, rerouted = 1-target, true
					}
					t0 := time.Now()
					code, err = post(rs.servers[target].url, "issues", delivery, bodies[ev.file][ev.number], testSecret)
					took = time.Since(t0)
					if err == nil {
						break
					}
					target, rerouted = 1-target, true
				}
				mu.Lock()
				switch {
				case err != nil:
					errs = append(errs, fmt.Sprintf("#%d: %v", ev.number, err))
				case code == http.StatusAccepted:
					res.accepted++
				case code == http.StatusOK:
					res.duplicates++
				default:
					errs = append(errs, fmt.Sprintf("#%d: status %d", ev.number, code))
				}
				if rerouted {
					res.rerouted++
				}
				res.acks = append(res.acks, took)
				mu.Unlock()
				if progress != nil {
					progress(int(sent.Add(1)))
				}
			}
		}()
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	if len(errs) > 0 {
		t.Fatalf("%d webhooks not acknowledged, first: %s", len(errs), strings.Join(errs[:min(5, len(errs))], "; "))
	}
	return res
}

// verify waits until every issue carries exactly the feedback its story
// calls for and the queue is drained, then checks again and counts the
// comments created: one per incomplete story, none twice.
func (rs *replicaSet) verify(t *testing.T, timeout time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	q := watchQueue(t, rs.dsn)
	allDone := func() (bool, string) {
		bad, first := 0, ""
		for n := 1; n <= loadIssues; n++ {
			if ok, state := issueState(rs.fake, n, rs.stories[n]); !ok {
				if bad == 0 {
					first = state
				}
				bad++
			}
		}
		return bad == 0, fmt.Sprintf("%d issues not done, e.g. %s", bad, first)
	}
	waitFor(t, timeout, "every issue's feedback", allDone)
	done := time.Since(start)
	waitFor(t, 30*time.Second, "queue drained", q.drained)
	if ok, state := allDone(); !ok {
		t.Fatalf("after the queue drained: %s", state)
	}
	want := 0
	for _, s := range rs.stories {
		want += s.wantComments()
	}
	created := rs.fake.Calls("POST /repos/{owner}/{repo}/issues/{issue_number}/comments")
	if len(created) != want {
		perIssue := map[int]int{}
		for _, r := range created {
			perIssue[issueOf(r)]++
		}
		var twice []int
		for n, c := range perIssue {
			if c > 1 {
				twice = append(twice, n)
			}
		}
		t.Fatalf("%d comments created, want %d; issues commented more than once: %v", len(created), want, twice)
	}
	return done
}

// callsBy counts the fake's requests made with each replica's token.
func callsBy(f *githubfake.Fake) (a, b int) {
	for _, r := range f.Requests() {
		switch auth := r.Header.Get("Authorization"); {
		case strings.HasSuffix(auth, replicaTokenA):
			a++
		case strings.HasSuffix(auth, replicaTokenB):
			b++
		}
	}
	return a, b
}

// Two replicas on one PostgreSQL share 500 webhooks (100 issues × 5
// events, alternating replicas): each issue gets exactly one comment (none
// for a ready story) and the right labels.
func TestTwoReplicasShareTheLoad(t *testing.T) {
	needProcesses(t)
	rs := startReplicas(t)
	res := rs.load(t, nil)
	t.Logf("load: %s", res)
	if res.accepted != loadIssues*loadPerIssue {
		t.Errorf("%d webhooks accepted, want %d", res.accepted, loadIssues*loadPerIssue)
	}
	done := rs.verify(t, 90*time.Second)
	a, b := callsBy(rs.fake)
	t.Logf("all issues done %s after the last acknowledgement; GitHub calls by replica a: %d, b: %d", done.Round(time.Millisecond), a, b)
	if a == 0 || b == 0 {
		t.Errorf("one replica did no work (a: %d calls, b: %d): the queue was not shared", a, b)
	}
}

// Replica b is killed with SIGKILL in the middle of the load, right after
// one of its jobs wrote to GitHub: no acknowledged webhook is lost; replica
// a takes the rest of the traffic and rescues b's interrupted jobs.
func TestReplicaKilledUnderLoad(t *testing.T) {
	needProcesses(t)
	rs := startReplicas(t)
	// A little latency keeps jobs in flight on b when the kill lands.
	rs.fake.SetDelay(5 * time.Millisecond)

	var (
		armed    atomic.Bool
		killOnce sync.Once
		killedAt time.Time
		bBefore  int
		bInFlght []int
	)
	killed := make(chan struct{})
	rs.fake.OnRequest(func(r githubfake.Request) {
		if !armed.Load() || !r.IsWrite() || !strings.HasSuffix(r.Header.Get("Authorization"), replicaTokenB) {
			return
		}
		killOnce.Do(func() {
			rs.dead[1].Store(true) // the load balancer's health check notices
			rs.servers[1].kill()
			killedAt = time.Now()
			_, bBefore = callsBy(rs.fake)
			// Issues b had touched and whose feedback is not complete yet.
			seen := map[int]bool{}
			for _, q := range rs.fake.Requests() {
				if n := issueOf(q); n > 0 && strings.HasSuffix(q.Header.Get("Authorization"), replicaTokenB) && !seen[n] {
					seen[n] = true
					if ok, _ := issueState(rs.fake, n, rs.stories[n]); !ok {
						bInFlght = append(bInFlght, n)
					}
				}
			}
			close(killed)
		})
	})
	res := rs.load(t, func(sent int) {
		if sent == loadIssues*loadPerIssue/2 {
			armed.Store(true)
		}
	})
	select {
	case <-killed:
	case <-time.After(30 * time.Second):
		t.Fatal("replica b never wrote to GitHub after half the load: it was not killed")
	}
	rs.fake.OnRequest(nil)
	t.Logf("load: %s", res)
	t.Logf("replica b killed after %d GitHub calls; issues it had touched and not finished then: %d %v", bBefore, len(bInFlght), bInFlght)

	done := rs.verify(t, 90*time.Second)
	a, b := callsBy(rs.fake)
	if b != bBefore {
		t.Errorf("replica b made %d calls after it was killed", b-bBefore)
	}
	rescued := 0
	for _, rec := range rs.servers[0].logs.records() {
		if rec["msg"] == "stuck jobs rescued" {
			if c, ok := rec["count"].(float64); ok {
				rescued += int(c)
			}
		}
	}
	t.Logf("all issues done %s after the last acknowledgement (%s after the kill); replica a rescued %d stuck job(s); GitHub calls by a: %d, by b: %d",
		done.Round(time.Millisecond), time.Since(killedAt).Round(time.Millisecond), rescued, a, b)
}

// Two replicas started at the same moment on an empty database (a first
// deployment, or compose bringing both up) both come up: the schema is
// migrated once, not raced.
func TestReplicasStartTogetherOnEmptyDatabase(t *testing.T) {
	needProcesses(t)
	// Before the store took its advisory lock around River's migrations
	// too, the second process died on "relation river_migration already
	// exists" three times out of three.
	dsn := pgDSN(t)
	fake := githubfake.New(t)
	errs := make(chan error, 2)
	for _, name := range []string{"replica-a", "replica-b"} {
		go func() {
			_, err := launch(t, name, serverEnv(fake, dsn))
			errs <- err
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
