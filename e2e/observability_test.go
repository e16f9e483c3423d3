package e2e

import (
	"bufio"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/github/githubfake"
)

// httpGet returns the status and body of a GET.
func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := httpClient.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(resp.Body)
	if cerr := resp.Body.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// sample returns the value of one series in Prometheus' text format,
// written as it appears there (labels sorted by name).
func sample(text, series string) (float64, bool) {
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), series+" "); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return f, err == nil
		}
	}
	return 0, false
}

// One live run with a transient GitHub error and a forged webhook: the
// health endpoints answer, /metrics counts what happened, the logs carry
// the delivery id and the repository, and nothing in them gives away the
// webhook secret, the token or the story's text.
func TestObservabilityLogsMetricsHealth(t *testing.T) {
	needProcesses(t)
	t.Parallel()
	fake := githubfake.New(t)
	s := incomplete(t)
	fake.AddIssue(testRepo, 1, githubfake.Issue{Title: s.title, Body: s.body})
	// The story's own sentences: none may reach the logs.
	var sentences []string
	for _, line := range strings.Split(s.body, "\n") {
		if line = strings.TrimSpace(line); len(line) > 20 {
			sentences = append(sentences, line)
		}
	}
	if len(sentences) == 0 {
		t.Fatal("the example story has no sentence to look for")
	}
	db := sqliteDSN(t)
	srv := startServer(t, "server", serverEnv(fake, db))

	if code, body := httpGet(t, srv.url+"/healthz"); code != http.StatusOK || strings.TrimSpace(body) != "ok" {
		t.Errorf("/healthz: %d %q", code, body)
	}
	if code, body := httpGet(t, srv.url+"/readyz"); code != http.StatusOK {
		t.Errorf("/readyz: %d %q", code, body)
	}

	// The first read of the issue fails: its error is logged and retried.
	fake.Fail(githubfake.Failure{Times: 1, Route: "GET /repos/{owner}/{repo}/issues/{issue_number}", Status: http.StatusBadGateway})
	body := payload(t, "issues-opened.json", 1, s)
	delivery := mustPost(t, srv, "issues", body)
	forged := newDelivery()
	if code, err := post(srv.url, "issues", forged, body, "not-the-secret"); err != nil || code != http.StatusUnauthorized {
		t.Fatalf("forged webhook: %d %v, want 401", code, err)
	}
	q := watchQueue(t, db)
	waitFor(t, 30*time.Second, "feedback", func() (bool, string) { return issueState(fake, 1, s) })
	waitFor(t, 15*time.Second, "queue drained", q.drained)

	code, metrics := httpGet(t, srv.url+"/metrics")
	if code != http.StatusOK {
		t.Fatalf("/metrics: %d", code)
	}
	for _, c := range []struct {
		series string
		want   float64 // exact; -1: present and positive
	}{
		{`cochef_webhooks_received_total{event="issues",outcome="accepted",platform="github"}`, 1},
		{`cochef_webhooks_received_total{event="issues",outcome="unauthorized",platform="github"}`, 1},
		{`cochef_jobs_total{outcome="retry",platform="github"}`, 1},
		{`cochef_jobs_total{outcome="succeeded",platform="github"}`, 1},
		{`cochef_job_latency_seconds_count{platform="github"}`, 1},
		{`cochef_platform_api_requests_total{method="GET",platform="github",route="/repos/{owner}/{repo}/issues/{issue_number}",status="502"}`, 1},
		{`cochef_platform_api_requests_total{method="POST",platform="github",route="/repos/{owner}/{repo}/issues/{issue_number}/comments",status="201"}`, 1},
		{`cochef_platform_rate_limit_remaining{platform="github"}`, -1},
		{`cochef_evaluations_total{platform="github",ready="false"}`, 1},
		{`cochef_ready_stories_ratio`, 0},
		{`cochef_queue_jobs{state="completed"}`, 1},
		{`cochef_queue_jobs{state="available"}`, 0},
		{`process_resident_memory_bytes`, -1},
	} {
		v, ok := sample(metrics, c.series)
		switch {
		case !ok:
			t.Errorf("/metrics lacks %s", c.series)
		case c.want < 0 && v <= 0, c.want >= 0 && v != c.want:
			t.Errorf("%s = %v, want %v", c.series, v, c.want)
		}
	}
	// Which build runs: the labels of the binary built with -ldflags -X.
	if !strings.Contains(metrics, "\ncochef_build_info{commit=\""+buildCommit+"\",date=\""+buildDate+"\",goversion=\"go") ||
		!strings.Contains(metrics, ",version=\""+buildVersion+"\"} 1\n") {
		t.Errorf("/metrics lacks cochef_build_info with commit %s, date %s, version %s", buildCommit, buildDate, buildVersion)
	}
	if !strings.Contains(metrics, "\ncochef_findings_total{rule=") {
		t.Error("/metrics has no findings by rule after evaluating an incomplete story")
	}

	srv.stop()
	if srv.err != nil {
		t.Errorf("exit after SIGTERM: %v", srv.err)
	}

	// The logs tell which delivery and which repository each line is about.
	var webhookLine, evaluatedLine map[string]any
	for _, rec := range srv.logs.records() {
		switch {
		case rec["msg"] == "webhook" && rec["delivery"] == delivery:
			webhookLine = rec
		case rec["msg"] == "issue evaluated" && rec["delivery"] == delivery:
			evaluatedLine = rec
		}
	}
	if webhookLine == nil || webhookLine["repo"] != testRepo || webhookLine["outcome"] != "accepted" {
		t.Errorf("no webhook log line with delivery %s and repo %s: %v", delivery, testRepo, webhookLine)
	}
	if evaluatedLine == nil || !strings.Contains(evaluatedLine["issue"].(string), testRepo) {
		t.Errorf("no evaluation log line with delivery %s and repo %s: %v", delivery, testRepo, evaluatedLine)
	}

	// Nothing secret or private in any line.
	logs := strings.Join(srv.logs.all(), "\n")
	if len(logs) == 0 {
		t.Fatal("no logs captured")
	}
	secrets := map[string]string{"webhook secret": testSecret, "token": testToken, "story title": s.title}
	for i, sen := range sentences {
		secrets["story sentence "+strconv.Itoa(i+1)] = sen
	}
	for what, v := range secrets {
		if strings.Contains(logs, v) {
			t.Errorf("the logs contain the %s %q", what, v)
		}
	}
	t.Logf("%d log lines checked for the secret, the token, the title and %d sentences of the story", len(srv.logs.all()), len(sentences))
}
