package e2e

import (
	"net/http"
	"strings"
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
// first write) leaves the job running in the queue; the restarted process,
// the SQLite file's only owner, runs it again at once (not rescue_after
// later) and completes it without a second comment.
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
	env := serverEnv(fake, db)
	env["COCHEF_RESCUE_AFTER"] = "45s" // the default: the restart must not wait for it
	before := len(fake.Requests())
	restarted := time.Now()
	second := startServer(t, "second", env)
	q := watchQueue(t, db)
	waitFor(t, time.Minute, "the interrupted job completes after the restart", func() (bool, string) {
		return issueState(fake, 1, s)
	})
	completed := time.Now()
	reqs := fake.Requests()
	if len(reqs) == before {
		t.Fatal("the restarted server made no request")
	}
	resumed := reqs[before].Time
	// The kill may land after a comment's creation was sent and before its
	// id was stored: the job then waits for that write to settle (twice
	// the job timeout) before it reads the comments again.
	t.Logf("job resumed %s after the restart; work completed %s after the kill, %s after the restart (job timeout 3 s, rescue_after 45 s)",
		resumed.Sub(restarted).Round(time.Millisecond), completed.Sub(killed).Round(time.Millisecond), completed.Sub(restarted).Round(time.Millisecond))
	if took := resumed.Sub(restarted); took > 3*time.Second {
		t.Errorf("the interrupted job ran again %s after the restart: it waited for rescue_after", took.Round(time.Millisecond))
	}
	waitFor(t, 15*time.Second, "queue drained", q.drained)
	if ok, state := issueState(fake, 1, s); !ok {
		t.Fatalf("after the queue drained: %s", state)
	}
	if n := len(fake.Calls("POST /repos/{owner}/{repo}/issues/{issue_number}/comments")); n != 1 {
		t.Fatalf("%d comments created across the crash, want 1", n)
	}
	second.stop()
}

// One process serves a SQLite file: a second one started on it refuses to
// start, saying in French and English which file, and the first goes on.
func TestSecondServerOnTheSameSQLiteFileRefuses(t *testing.T) {
	needProcesses(t)
	t.Parallel()
	fake := githubfake.New(t)
	db := sqliteDSN(t)
	first := startServer(t, "first", serverEnv(fake, db))
	_, err := launch(t, "second", serverEnv(fake, db))
	if err == nil {
		t.Fatal("a second server started on the same SQLite file")
	}
	if !strings.Contains(err.Error(), db) || !strings.Contains(err.Error(), "sert déjà un autre processus cochef") ||
		!strings.Contains(err.Error(), "already served by another cochef process") {
		t.Errorf("the second server's refusal does not name %s in French and English:\n%v", db, err)
	}
	if code, err := post(first.url, "ping", newDelivery(), []byte(`{"zen":"x"}`), testSecret); err != nil || code != http.StatusOK {
		t.Errorf("the first server after the refusal: %d %v", code, err)
	}
}
