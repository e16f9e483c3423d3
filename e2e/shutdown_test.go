package e2e

import (
	"syscall"
	"testing"
	"time"

	"github.com/cochef/cochef/github/githubfake"
)

// sigterm sends SIGTERM and waits for the exit, failing after limit.
func (s *server) sigterm(t *testing.T, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-s.done:
	case <-time.After(limit):
		t.Fatalf("%s still running %s after SIGTERM", s.name, limit)
	}
	took := time.Since(start)
	if s.err != nil {
		t.Errorf("%s exited with %v after SIGTERM, want 0", s.name, s.err)
	}
	return took
}

// SIGTERM during a job: the server stops taking webhooks and lets the job
// finish within the grace period, then exits 0; no restart is needed.
func TestShutdownLetsRunningJobFinish(t *testing.T) {
	needProcesses(t)
	t.Parallel()
	fake := githubfake.New(t)
	s := incomplete(t)
	fake.AddIssue(testRepo, 1, githubfake.Issue{Title: s.title, Body: s.body})
	fake.SetDelay(150 * time.Millisecond)
	firstCall := make(chan struct{}, 1)
	fake.OnRequest(func(githubfake.Request) {
		select {
		case firstCall <- struct{}{}:
		default:
		}
	})
	env := serverEnv(fake, sqliteDSN(t))
	env["COCHEF_JOB_TIMEOUT"], env["COCHEF_RESCUE_AFTER"] = "20s", "30s"
	env["COCHEF_SHUTDOWN_GRACE"] = "10s"
	srv := startServer(t, "server", env)
	mustPost(t, srv, "issues", payload(t, "issues-opened.json", 1, s))
	select {
	case <-firstCall:
	case <-time.After(20 * time.Second):
		t.Fatal("the job never called GitHub")
	}
	if ok, _ := issueState(fake, 1, s); ok {
		t.Fatal("the job was already done: the test proves nothing")
	}
	took := srv.sigterm(t, 20*time.Second)
	if ok, state := issueState(fake, 1, s); !ok {
		t.Fatalf("the running job did not finish within the grace period: %s", state)
	}
	t.Logf("exited %s after SIGTERM, job finished (grace 10 s)", took.Round(time.Millisecond))
	if _, err := post(srv.url, "issues", newDelivery(), payload(t, "issues-edited.json", 1, s), testSecret); err == nil {
		t.Error("a stopped server still answered a webhook")
	}
}

// SIGTERM during a job that cannot finish within the grace period: the
// server exits soon after the grace (its job cancelled and handed back to
// the queue), and after a restart the job runs at once, not after the
// stuck-job rescue delay.
func TestShutdownHandsBackWhatCannotFinish(t *testing.T) {
	needProcesses(t)
	t.Parallel()
	fake := githubfake.New(t)
	s := incomplete(t)
	fake.AddIssue(testRepo, 1, githubfake.Issue{Title: s.title, Body: s.body})
	fake.SetDelay(1500 * time.Millisecond)
	firstCall := make(chan struct{}, 1)
	fake.OnRequest(func(githubfake.Request) {
		select {
		case firstCall <- struct{}{}:
		default:
		}
	})
	db := sqliteDSN(t)
	env := serverEnv(fake, db)
	env["COCHEF_JOB_TIMEOUT"], env["COCHEF_RESCUE_AFTER"] = "30s", "40s"
	env["COCHEF_SHUTDOWN_GRACE"] = "1s"
	srv := startServer(t, "first", env)
	mustPost(t, srv, "issues", payload(t, "issues-opened.json", 1, s))
	select {
	case <-firstCall:
	case <-time.After(20 * time.Second):
		t.Fatal("the job never called GitHub")
	}
	took := srv.sigterm(t, 10*time.Second)
	if ok, _ := issueState(fake, 1, s); ok {
		t.Fatal("the job finished within a 1 s grace despite 1.5 s answers: the test proves nothing")
	}
	// The store gives cancelled jobs 5 s to let go after the grace.
	if took > 8*time.Second {
		t.Errorf("exit took %s with a 1 s grace", took)
	}
	t.Logf("exited %s after SIGTERM with a job still running (grace 1 s)", took.Round(time.Millisecond))

	fake.OnRequest(nil)
	fake.SetDelay(0)
	restart := time.Now()
	startServer(t, "second", env)
	// Well under the 40 s rescue: the job was handed back, not left running.
	waitFor(t, 15*time.Second, "the handed-back job after the restart", func() (bool, string) { return issueState(fake, 1, s) })
	t.Logf("handed-back job done %s after the restart", time.Since(restart).Round(time.Millisecond))
	if n := len(fake.Calls("POST /repos/{owner}/{repo}/issues/{issue_number}/comments")); n != 1 {
		t.Fatalf("%d comments created, want 1", n)
	}
}
