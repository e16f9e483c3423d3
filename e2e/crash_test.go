package e2e

import (
	"testing"
	"time"

	"github.com/cochef/cochef/github/githubfake"
)

// A webhook answered 202 is durable: the process killed right after the
// answer, before the job ran, runs it after a restart on the same database.
func TestCrashAfterAcknowledgement(t *testing.T) {
	needProcesses(t)
	t.Parallel()
	fake := githubfake.New(t)
	s := incomplete(t)
	fake.AddIssue(testRepo, 1, githubfake.Issue{Title: s.title, Body: s.body})
	db := sqliteDSN(t)

	env := serverEnv(fake, db)
	// A debounce far longer than the kill takes, so the job cannot have
	// started when the process dies.
	env["COCHEF_DEBOUNCE"] = "3s"
	first := startServer(t, "first", env)
	mustPost(t, first, "issues", payload(t, "issues-opened.json", 1, s))
	first.kill()
	if n := len(fake.Requests()); n != 0 {
		t.Fatalf("the job had already called GitHub %d times before the kill: the test proves nothing", n)
	}

	restart := time.Now()
	second := startServer(t, "second", serverEnv(fake, db))
	q := watchQueue(t, db)
	waitFor(t, 30*time.Second, "feedback after the restart", func() (bool, string) { return issueState(fake, 1, s) })
	t.Logf("job done %s after the restart", time.Since(restart).Round(time.Millisecond))
	waitFor(t, 15*time.Second, "queue drained", q.drained)
	if ok, state := issueState(fake, 1, s); !ok {
		t.Fatalf("after the queue drained: %s", state)
	}
	if n := len(fake.Calls("POST /repos/{owner}/{repo}/issues/{issue_number}/comments")); n != 1 {
		t.Fatalf("%d comments created, want 1", n)
	}
	second.stop()
}

// A process killed in the middle of a job's API calls (after the job's
// first write) leaves the job running in the queue; after a restart it is
// rescued within seconds and completes without a second comment.
func TestCrashMidJob(t *testing.T) {
	needProcesses(t)
	t.Parallel()
	fake := githubfake.New(t)
	s := incomplete(t)
	fake.AddIssue(testRepo, 1, githubfake.Issue{Title: s.title, Body: s.body})
	db := sqliteDSN(t)

	// Every answer takes 200 ms: the kill lands long before the job's
	// next call is answered.
	fake.SetDelay(200 * time.Millisecond)
	firstWrite := make(chan githubfake.Request, 1)
	fake.OnRequest(func(r githubfake.Request) {
		if r.IsWrite() {
			select {
			case firstWrite <- r:
			default:
			}
		}
	})
	first := startServer(t, "first", serverEnv(fake, db))
	mustPost(t, first, "issues", payload(t, "issues-opened.json", 1, s))
	var w githubfake.Request
	select {
	case w = <-firstWrite:
	case <-time.After(20 * time.Second):
		t.Fatal("the job never wrote to GitHub")
	}
	first.kill()
	killed := time.Now()
	fake.OnRequest(nil)
	if ok, state := issueState(fake, 1, s); ok {
		t.Fatalf("the job had finished before the kill (%s): the test proves nothing", state)
	}
	t.Logf("killed after %s %s answered %d; state then: %d feedback comment(s), labels %q",
		w.Method, w.Route, w.Status, len(feedbackComments(fake, 1)), fake.IssueLabels(testRepo, 1))

	fake.SetDelay(10 * time.Millisecond)
	second := startServer(t, "second", serverEnv(fake, db))
	q := watchQueue(t, db)
	waitFor(t, time.Minute, "the interrupted job completes after the restart", func() (bool, string) {
		return issueState(fake, 1, s)
	})
	t.Logf("work completed %s after the kill (job timeout 3 s, rescue after 5 s)", time.Since(killed).Round(time.Millisecond))
	waitFor(t, 15*time.Second, "queue drained", q.drained)
	if ok, state := issueState(fake, 1, s); !ok {
		t.Fatalf("after the queue drained: %s", state)
	}
	if n := len(fake.Calls("POST /repos/{owner}/{repo}/issues/{issue_number}/comments")); n != 1 {
		t.Fatalf("%d comments created across the crash, want 1", n)
	}
	second.stop()
}
