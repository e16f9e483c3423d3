package e2e

import (
	"net/http"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/cochef/cochef/github/githubfake"
)

// GitHub answering 500, then 502, then 403 secondary rate limits with
// Retry-After, for several seconds: every accepted event is still acted on
// once GitHub recovers, exactly once, and the retries after a Retry-After
// wait at least that long.
func TestPlatformOutageThenSecondaryRateLimit(t *testing.T) {
	needProcesses(t)
	t.Parallel()
	fake := githubfake.New(t)
	stories := map[int]story{}
	for n := 1; n <= 6; n++ {
		s := incomplete(t)
		if n%3 == 0 {
			s = ready(t)
		}
		stories[n] = s
		fake.AddIssue(testRepo, n, githubfake.Issue{Title: s.title, Body: s.body})
	}
	db := sqliteDSN(t)
	srv := startServer(t, "server", serverEnv(fake, db))
	q := watchQueue(t, db)

	const retryAfter = 2 * time.Second
	t0 := time.Now()
	// Failures are tried in order: the first two of the issue's reads
	// answer 500, the next two 502 (counted, not timed, so that a slow
	// start on a loaded machine cannot miss them), then every read 403
	// with Retry-After until recovered. They hit the issue's own calls,
	// so that each retry can be attributed to its issue (the
	// repository's configuration is read once, found missing, and not
	// read again for a minute).
	issueRoute := "GET /repos/{owner}/{repo}/issues/{issue_number}"
	fake.Fail(githubfake.Failure{Times: 2, Route: issueRoute, Status: http.StatusInternalServerError})
	fake.Fail(githubfake.Failure{Times: 2, Route: issueRoute, Status: http.StatusBadGateway})
	recovered := t0.Add(9 * time.Second)
	fake.Fail(githubfake.Failure{Until: recovered, Route: issueRoute, Status: http.StatusForbidden,
		Header: http.Header{"Retry-After": []string{strconv.Itoa(int(retryAfter / time.Second))}}})
	for n, s := range stories {
		mustPost(t, srv, "issues", payload(t, "issues-opened.json", n, s))
	}

	waitFor(t, time.Minute, "every issue's feedback after the outage", func() (bool, string) {
		for n, s := range stories {
			if ok, state := issueState(fake, n, s); !ok {
				return false, state
			}
		}
		return true, ""
	})
	done := time.Now()
	waitFor(t, 15*time.Second, "queue drained", q.drained)
	wantCreated := 0
	for n, s := range stories {
		if ok, state := issueState(fake, n, s); !ok {
			t.Errorf("after the queue drained: %s", state)
		}
		wantCreated += s.wantComments()
	}
	if n := len(fake.Calls("POST /repos/{owner}/{repo}/issues/{issue_number}/comments")); n != wantCreated {
		t.Errorf("%d comments created, want %d (one per incomplete story)", n, wantCreated)
	}

	reqs := fake.Requests()
	byStatus := map[int]int{}
	for _, r := range reqs {
		byStatus[r.Status]++
	}
	for _, st := range []int{500, 502, 403} {
		if byStatus[st] == 0 {
			t.Errorf("the fake never answered %d (answers: %v): the failure schedule missed the jobs", st, byStatus)
		}
	}
	t.Logf("answers by status: %v; all done %s after GitHub recovered (%s after the first webhook)",
		byStatus, done.Sub(recovered).Round(time.Millisecond), done.Sub(t0).Round(time.Millisecond))

	// Per issue, the request that follows a failure comes after the wait:
	// Retry-After for a rate limit, the queue's first backoff step (1 s)
	// for a server error. Only requests naming the issue are attributed.
	perIssue := map[int][]githubfake.Request{}
	for _, r := range reqs {
		if n := issueOf(r); n > 0 {
			perIssue[n] = append(perIssue[n], r)
		}
	}
	const slack = 100 * time.Millisecond // clock reads on both sides of the socket
	var minRA, min5xx time.Duration = -1, -1
	for n, rs := range perIssue {
		slices.SortFunc(rs, func(a, b githubfake.Request) int { return a.Time.Compare(b.Time) })
		for i := 0; i+1 < len(rs); i++ {
			gap := rs[i+1].Time.Sub(rs[i].Time)
			switch {
			case rs[i].Status == http.StatusForbidden:
				if gap < retryAfter-slack {
					t.Errorf("#%d: retried %s after a 403 with Retry-After %s (%s then %s)", n, gap, retryAfter, rs[i].Route, rs[i+1].Route)
				}
				if minRA < 0 || gap < minRA {
					minRA = gap
				}
			case rs[i].Status >= 500:
				if gap < time.Second-slack {
					t.Errorf("#%d: retried %s after a %d", n, gap, rs[i].Status)
				}
				if min5xx < 0 || gap < min5xx {
					min5xx = gap
				}
			}
		}
	}
	if minRA < 0 {
		t.Error("no issue was retried after a 403 with Retry-After")
	}
	t.Logf("shortest retry gap after a Retry-After of %s: %s; after a 5xx: %s", retryAfter, minRA.Round(time.Millisecond), min5xx.Round(time.Millisecond))
	srv.stop()
}
