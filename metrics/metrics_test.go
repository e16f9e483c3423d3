package metrics

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/internal/version"
	"github.com/cochef/cochef/rules"
)

func ref(platform string, n int) core.IssueRef {
	return core.IssueRef{Repo: core.Repo{Platform: platform, FullName: "org/repo"}, Number: n}
}

func TestObserveWebhookCountsByLabels(t *testing.T) {
	m := New()
	m.ObserveWebhook("github", "issues", "accepted")
	m.ObserveWebhook("github", "issues", "accepted")
	m.ObserveWebhook("github", "issues", "duplicate")
	m.ObserveWebhook("gitlab", "Issue Hook", "unauthorized")

	for _, c := range []struct {
		labels []string
		want   float64
	}{
		{[]string{"github", "issues", "accepted"}, 2},
		{[]string{"github", "issues", "duplicate"}, 1},
		{[]string{"gitlab", "Issue Hook", "unauthorized"}, 1},
		{[]string{"gitlab", "Issue Hook", "accepted"}, 0},
	} {
		if got := testutil.ToFloat64(m.webhooks.WithLabelValues(c.labels...)); got != c.want {
			t.Errorf("webhooks%v = %v, want %v", c.labels, got, c.want)
		}
	}
}

func TestObserveEvaluation(t *testing.T) {
	m := New()
	m.ObserveEvaluation(core.Outcome{Ref: ref("github", 1), Template: "story", Ready: false, Findings: []rules.Finding{
		{Rule: "story-missing", Severity: rules.SeverityError},
		{Rule: "criteria-vague", Severity: rules.SeverityWarning},
	}})
	m.ObserveEvaluation(core.Outcome{Ref: ref("github", 2), Template: "story", Ready: true})
	m.ObserveEvaluation(core.Outcome{Ref: ref("gitlab", 3), Template: "story", Ready: true, Findings: []rules.Finding{
		{Rule: "criteria-vague", Severity: rules.SeverityWarning},
	}})
	m.ObserveEvaluation(core.Outcome{Ref: ref("github", 4), Template: "story", Ready: true})
	// Neither a skipped job nor an attempt that failed before the analysis
	// says anything about stories.
	m.ObserveEvaluation(core.Outcome{Ref: ref("github", 5), Skipped: "closed"})
	m.ObserveEvaluation(core.Outcome{Ref: ref("github", 6)})
	// An attempt that analysed the story, then failed to write, is retried:
	// only the retry counts.
	m.ObserveEvaluation(core.Outcome{Ref: ref("github", 7), Template: "story", Ready: false, Err: errors.New("502"),
		Findings: []rules.Finding{{Rule: "story-missing", Severity: rules.SeverityError}}})

	checks := []struct {
		name string
		got  float64
		want float64
	}{
		{"findings story-missing", testutil.ToFloat64(m.findings.WithLabelValues("story-missing", "error")), 1},
		{"findings criteria-vague", testutil.ToFloat64(m.findings.WithLabelValues("criteria-vague", "warning")), 2},
		{"evaluations github ready", testutil.ToFloat64(m.evaluations.WithLabelValues("github", "true")), 2},
		{"evaluations github not ready", testutil.ToFloat64(m.evaluations.WithLabelValues("github", "false")), 1},
		{"evaluations gitlab ready", testutil.ToFloat64(m.evaluations.WithLabelValues("gitlab", "true")), 1},
		{"skipped closed", testutil.ToFloat64(m.skipped.WithLabelValues("github", "closed")), 1},
		{"ready ratio", m.readyRatio(), 0.75},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	// The ratio is exported under its documented name.
	if err := testutil.GatherAndCompare(m.reg, strings.NewReader(`
# HELP cochef_ready_stories_ratio Share of evaluations since this process started whose story was ready (0 before the first). Across replicas prefer sum(rate(cochef_evaluations_total{ready="true"}[1h])) / sum(rate(cochef_evaluations_total[1h])).
# TYPE cochef_ready_stories_ratio gauge
cochef_ready_stories_ratio 0.75
`), "cochef_ready_stories_ratio"); err != nil {
		t.Error(err)
	}
}

func TestReadyRatioIsZeroBeforeAnyEvaluation(t *testing.T) {
	if got := New().readyRatio(); got != 0 {
		t.Fatalf("ratio = %v, want 0", got)
	}
}

func TestAPIRequests(t *testing.T) {
	m := New()
	gh := m.APIRequests("github")
	gh("GET", "/repos/{owner}/{repo}/issues/{issue_number}", 200)
	gh("GET", "/repos/{owner}/{repo}/issues/{issue_number}", 304)
	gh("GET", "/repos/{owner}/{repo}/issues/{issue_number}", 304)
	gh("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", 0)
	m.APIRequests("gitlab")("POST", "/projects/:id/issues/:iid/notes", 201)

	if err := testutil.GatherAndCompare(m.reg, strings.NewReader(`
# HELP cochef_platform_api_requests_total HTTP requests to the platforms' APIs by platform, method, route template and status (304: conditional hit; 0: no answer).
# TYPE cochef_platform_api_requests_total counter
cochef_platform_api_requests_total{method="GET",platform="github",route="/repos/{owner}/{repo}/issues/{issue_number}",status="200"} 1
cochef_platform_api_requests_total{method="GET",platform="github",route="/repos/{owner}/{repo}/issues/{issue_number}",status="304"} 2
cochef_platform_api_requests_total{method="POST",platform="github",route="/repos/{owner}/{repo}/issues/{issue_number}/comments",status="0"} 1
cochef_platform_api_requests_total{method="POST",platform="gitlab",route="/projects/:id/issues/:iid/notes",status="201"} 1
`), "cochef_platform_api_requests_total"); err != nil {
		t.Error(err)
	}
}

// workerFunc adapts a function to core.Worker.
type workerFunc func(context.Context, core.Task) error

func (f workerFunc) Work(ctx context.Context, t core.Task) error { return f(ctx, t) }

func TestWorkerOutcomesAndLatency(t *testing.T) {
	errTransient := &core.APIError{Platform: "github", Status: 502}
	errLimited := &core.APIError{Platform: "github", Status: 403, RateLimited: true, RetryAfter: 3 * time.Second}
	errGone := &core.APIError{Platform: "github", Status: 410}

	cases := []struct {
		name    string
		err     error
		cancel  bool
		outcome string
	}{
		{"success", nil, false, JobSucceeded},
		{"transient", fmt.Errorf("read issue: %w", errTransient), false, JobRetry},
		{"rate limited", fmt.Errorf("read issue: %w", errLimited), false, JobRateLimited},
		{"permanent", fmt.Errorf("read issue: %w", errGone), false, JobFailed},
		{"plain error", errors.New("database is locked"), false, JobRetry},
		{"interrupted", context.Canceled, true, JobInterrupted},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := New()
			base := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
			clock := []time.Time{base.Add(5 * time.Second), base.Add(5*time.Second + 250*time.Millisecond)}
			w := m.Worker(workerFunc(func(context.Context, core.Task) error { return c.err })).(worker)
			w.now = func() time.Time { t := clock[0]; clock = clock[1:]; return t }
			ctx, cancel := context.WithCancel(context.Background())
			if c.cancel {
				cancel()
			}
			defer cancel()
			err := w.Work(ctx, core.Task{Issue: ref("github", 1), ReceivedAt: base})
			if !errors.Is(err, c.err) {
				t.Fatalf("Work returned %v, want the worker's own error %v", err, c.err)
			}
			for _, o := range []string{JobSucceeded, JobRetry, JobRateLimited, JobFailed, JobInterrupted} {
				want := 0.0
				if o == c.outcome {
					want = 1
				}
				if got := testutil.ToFloat64(m.jobs.WithLabelValues("github", o)); got != want {
					t.Errorf("jobs{outcome=%s} = %v, want %v", o, got, want)
				}
			}
			// Only a success ends the latency; it runs from the webhook
			// (5 s before the attempt started) to the attempt's end.
			wantLatency := ""
			if c.outcome == JobSucceeded {
				wantLatency = `
# HELP cochef_job_latency_seconds Time from the first webhook of a burst to the end of its successful evaluation (debounce, queueing, retries and API calls included).
# TYPE cochef_job_latency_seconds histogram
cochef_job_latency_seconds_bucket{platform="github",le="0.25"} 0
cochef_job_latency_seconds_bucket{platform="github",le="0.5"} 0
cochef_job_latency_seconds_bucket{platform="github",le="1"} 0
cochef_job_latency_seconds_bucket{platform="github",le="2"} 0
cochef_job_latency_seconds_bucket{platform="github",le="3"} 0
cochef_job_latency_seconds_bucket{platform="github",le="5"} 0
cochef_job_latency_seconds_bucket{platform="github",le="10"} 1
cochef_job_latency_seconds_bucket{platform="github",le="20"} 1
cochef_job_latency_seconds_bucket{platform="github",le="30"} 1
cochef_job_latency_seconds_bucket{platform="github",le="60"} 1
cochef_job_latency_seconds_bucket{platform="github",le="120"} 1
cochef_job_latency_seconds_bucket{platform="github",le="300"} 1
cochef_job_latency_seconds_bucket{platform="github",le="900"} 1
cochef_job_latency_seconds_bucket{platform="github",le="+Inf"} 1
cochef_job_latency_seconds_sum{platform="github"} 5.25
cochef_job_latency_seconds_count{platform="github"} 1
`
			}
			if err := testutil.GatherAndCompare(m.reg, strings.NewReader(wantLatency), "cochef_job_latency_seconds"); err != nil {
				t.Error(err)
			}
			if n := testutil.CollectAndCount(m.attempt, "cochef_job_attempt_duration_seconds"); n != 1 {
				t.Errorf("attempt duration series = %d, want 1", n)
			}
		})
	}
}

func TestWorkerWithoutReceivedAtRecordsNoLatency(t *testing.T) {
	m := New()
	w := m.Worker(workerFunc(func(context.Context, core.Task) error { return nil }))
	if err := w.Work(context.Background(), core.Task{Issue: ref("gitlab", 1)}); err != nil {
		t.Fatal(err)
	}
	if n := testutil.CollectAndCount(m.jobLatency); n != 0 {
		t.Fatalf("a task without ReceivedAt recorded %d latency series", n)
	}
	if got := testutil.ToFloat64(m.jobs.WithLabelValues("gitlab", JobSucceeded)); got != 1 {
		t.Fatalf("jobs = %v, want 1", got)
	}
}

func TestWatchQueue(t *testing.T) {
	m := New()
	calls := 0
	m.WatchQueue(func(ctx context.Context) (map[string]int, error) {
		calls++
		if _, ok := ctx.Deadline(); !ok {
			t.Error("the queue query has no deadline")
		}
		return map[string]int{"available": 3, "running": 1, "completed": 40, "some_future_state": 2}, nil
	}, 0)
	if err := testutil.GatherAndCompare(m.reg, strings.NewReader(`
# HELP cochef_queue_jobs Jobs in the queue by state (available and scheduled: waiting; running; retryable: waiting for a retry; completed, cancelled and discarded: kept for a while). Shared by all replicas.
# TYPE cochef_queue_jobs gauge
cochef_queue_jobs{state="available"} 3
cochef_queue_jobs{state="cancelled"} 0
cochef_queue_jobs{state="completed"} 40
cochef_queue_jobs{state="discarded"} 0
cochef_queue_jobs{state="pending"} 0
cochef_queue_jobs{state="retryable"} 0
cochef_queue_jobs{state="running"} 1
cochef_queue_jobs{state="scheduled"} 0
cochef_queue_jobs{state="some_future_state"} 2
`), "cochef_queue_jobs"); err != nil {
		t.Error(err)
	}
	if calls != 1 {
		t.Errorf("stats called %d times for one scrape", calls)
	}
}

func TestWatchQueueSlowStoreDoesNotHangTheScrape(t *testing.T) {
	m := New()
	m.WatchQueue(func(ctx context.Context) (map[string]int, error) {
		<-ctx.Done() // a database that never answers
		return nil, ctx.Err()
	}, 50*time.Millisecond)
	m.ObserveWebhook("github", "issues", "accepted")

	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	start := time.Now()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("scrape took %s with a hung store", d)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("scrape status %d: the other metrics must still be served", resp.StatusCode)
	}
	text := string(body)
	if !strings.Contains(text, `cochef_webhooks_received_total{event="issues",outcome="accepted",platform="github"} 1`) {
		t.Errorf("other metrics missing from a scrape whose queue query failed:\n%s", text)
	}
	if strings.Contains(text, "cochef_queue_jobs{") {
		t.Error("queue figures exported although the query failed")
	}
	if got := testutil.ToFloat64(m.queueErrors); got != 1 {
		t.Errorf("queue_stats_errors_total = %v, want 1", got)
	}
}

func TestWatchRateLimit(t *testing.T) {
	m := New()
	remaining := -1
	m.WatchRateLimit("github", func() int { return remaining })
	if n, err := testutil.GatherAndCount(m.reg, "cochef_platform_rate_limit_remaining"); err != nil || n != 0 {
		t.Fatalf("unknown budget exported %d samples (err %v), want none", n, err)
	}
	remaining = 4321
	if err := testutil.GatherAndCompare(m.reg, strings.NewReader(`
# HELP cochef_platform_rate_limit_remaining Lowest primary rate-limit budget left (x-ratelimit-remaining) among the installations whose window has not reset; absent when unknown.
# TYPE cochef_platform_rate_limit_remaining gauge
cochef_platform_rate_limit_remaining{platform="github"} 4321
`), "cochef_platform_rate_limit_remaining"); err != nil {
		t.Error(err)
	}
}

func TestHandlerServesRuntimeAndProcessMetrics(t *testing.T) {
	m := New()
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"go_goroutines", "process_resident_memory_bytes", "cochef_ready_stories_ratio"} {
		if !strings.Contains(string(body), "\n"+name+" ") {
			t.Errorf("%s missing from /metrics", name)
		}
	}
	// Two Metrics never share a registry (no global state).
	other := New()
	other.ObserveWebhook("github", "ping", "ignored")
	if got := testutil.ToFloat64(m.webhooks.WithLabelValues("github", "ping", "ignored")); got != 0 {
		t.Errorf("a second Metrics leaked into the first: %v", got)
	}
}

func TestMetricNamesPassLint(t *testing.T) {
	m := New()
	// Give every vector a series so the linter sees them all.
	m.ObserveWebhook("github", "issues", "accepted")
	m.ObserveEvaluation(core.Outcome{Ref: ref("github", 1), Template: "story", Findings: []rules.Finding{{Rule: "r", Severity: rules.SeverityInfo}}})
	m.ObserveEvaluation(core.Outcome{Ref: ref("github", 1), Skipped: "closed"})
	m.APIRequests("github")("GET", "/x", 200)
	if err := m.Worker(workerFunc(func(context.Context, core.Task) error { return nil })).Work(context.Background(), core.Task{Issue: ref("github", 1), ReceivedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	problems, err := testutil.GatherAndLint(m.reg)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		if strings.HasPrefix(p.Metric, "cochef_") {
			t.Errorf("lint: %s: %s", p.Metric, p.Text)
		}
	}
}

func TestBuildInfo(t *testing.T) {
	c := buildInfo(version.Info{Version: "v1.2.3", Commit: "abc", Date: "2026-12-05T15:19:00Z", GoVersion: "go1.26.8"})
	want := `
# HELP cochef_build_info Always 1; its labels say which build runs: module version, commit, commit date, Go version ("unknown" when the binary does not know).
# TYPE cochef_build_info gauge
cochef_build_info{commit="abc",date="2026-12-05T15:19:00Z",goversion="go1.26.8",version="v1.2.3"} 1
`
	if err := testutil.CollectAndCompare(c, strings.NewReader(want)); err != nil {
		t.Error(err)
	}
	c = buildInfo(version.Info{Version: "(devel)", GoVersion: "go1.26.8"})
	want = strings.Replace(strings.Replace(want, `commit="abc"`, `commit="unknown"`, 1), `date="2026-12-05T15:19:00Z"`, `date="unknown"`, 1)
	want = strings.Replace(want, `version="v1.2.3"`, `version="(devel)"`, 1)
	if err := testutil.CollectAndCompare(c, strings.NewReader(want)); err != nil {
		t.Error(err)
	}
	// The server's registry has it.
	if n, err := testutil.GatherAndCount(New().Registry(), "cochef_build_info"); err != nil || n != 1 {
		t.Errorf("cochef_build_info series in New(): %d, %v", n, err)
	}
}
