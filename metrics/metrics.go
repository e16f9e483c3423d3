// Package metrics is cochef's Prometheus instrumentation: what an operations
// team needs to see that webhooks arrive, that the queue drains, that the
// platforms answer and how the stories fare.
//
// A Metrics value owns its registry (never the global default one), so
// several servers in one process (tests) do not share counters. The server
// feeds it through the hooks the other packages expose: webhook
// Options.Observe, the Observe of the feedback and recette runners, the
// adapters' OnRequest, and Worker around the queue's worker. Every label value comes from a bounded set
// (platform names, event names the intake already bounds, route templates,
// rule identifiers), never from user input such as a repository name.
package metrics

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/internal/version"
)

const namespace = "cochef"

// Job outcomes, the values of the outcome label of cochef_jobs_total and
// cochef_job_attempt_duration_seconds.
const (
	JobSucceeded   = "succeeded"    // the evaluation ran to its end
	JobRetry       = "retry"        // a transient error: retried with backoff
	JobRateLimited = "rate_limited" // the platform asked to wait: retried after that wait
	JobDeferred    = "deferred"     // not due yet (a repository's longer debounce): run again later
	JobFailed      = "failed"       // a permanent error (404, 410, 403 permission): not retried
	JobInterrupted = "interrupted"  // stopped by shutdown or by the job timeout
)

// QueueStates are the River job states always exported by
// cochef_queue_jobs, at zero when absent, so a dashboard shows a flat line
// rather than a gap.
var QueueStates = []string{"available", "pending", "scheduled", "running", "retryable", "completed", "cancelled", "discarded"}

// DefaultQueueTimeout bounds the queue statistics query made at each
// scrape, so a slow database cannot hang the scrape.
const DefaultQueueTimeout = 2 * time.Second

// Metrics holds cochef's collectors and their registry. The zero value is
// not usable: call New. Its methods are safe for concurrent use.
type Metrics struct {
	reg *prometheus.Registry

	webhooks     *prometheus.CounterVec
	jobs         *prometheus.CounterVec
	jobLatency   *prometheus.HistogramVec
	attempt      *prometheus.HistogramVec
	apiRequests  *prometheus.CounterVec
	findings     *prometheus.CounterVec
	evaluations  *prometheus.CounterVec
	skipped      *prometheus.CounterVec
	queueErrors  prometheus.Counter
	readyMu      sync.Mutex
	ready, total float64
}

// New returns Metrics registered, with the Go runtime and process
// collectors, on a registry of their own.
func New() *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	m.webhooks = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Name: "webhooks_received_total",
		Help: "Webhook requests received, by platform, event and outcome (accepted, duplicate, ignored, unauthorized, bad_request, too_large, unavailable…).",
	}, []string{"platform", "event", "outcome"})
	m.jobs = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Name: "jobs_total",
		Help: "Job attempts by platform and outcome (succeeded, retry, rate_limited, deferred, failed, interrupted).",
	}, []string{"platform", "outcome"})
	m.jobLatency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: namespace, Name: "job_latency_seconds",
		Help:    "Time from the first webhook of a burst to the end of its successful evaluation (debounce, queueing, retries and API calls included).",
		Buckets: []float64{0.25, 0.5, 1, 2, 3, 5, 10, 20, 30, 60, 120, 300, 900},
	}, []string{"platform"})
	m.attempt = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: namespace, Name: "job_attempt_duration_seconds",
		Help:    "Duration of one job attempt (reading the issue, evaluating, writing feedback), by platform and outcome.",
		Buckets: []float64{0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30},
	}, []string{"platform", "outcome"})
	m.apiRequests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Name: "platform_api_requests_total",
		Help: "HTTP requests to the platforms' APIs by platform, method, route template and status (304: conditional hit; 0: no answer).",
	}, []string{"platform", "method", "route", "status"})
	m.findings = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Name: "findings_total",
		Help: "Findings reported by evaluations, by rule and severity (an issue evaluated twice counts twice).",
	}, []string{"rule", "severity"})
	m.evaluations = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Name: "evaluations_total",
		Help: "Stories analysed, by platform and whether they were ready: one per job attempt that got as far as the analysis (an attempt that then fails and is retried counts again).",
	}, []string{"platform", "ready"})
	m.skipped = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Name: "evaluations_skipped_total",
		Help: "Jobs that evaluated nothing, by platform and reason (closed issue, command from a reader…).",
	}, []string{"platform", "reason"})
	m.queueErrors = prometheus.NewCounter(prometheus.CounterOpts{
		Namespace: namespace, Name: "queue_stats_errors_total",
		Help: "Scrapes whose queue statistics query failed or timed out (cochef_queue_jobs then missing).",
	})
	readyShare := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Namespace: namespace, Name: "ready_stories_ratio",
		Help: "Share of evaluations since this process started whose story was ready (0 before the first). Across replicas prefer sum(rate(cochef_evaluations_total{ready=\"true\"}[1h])) / sum(rate(cochef_evaluations_total[1h])).",
	}, m.readyRatio)
	m.reg.MustRegister(
		m.webhooks, m.jobs, m.jobLatency, m.attempt, m.apiRequests,
		m.findings, m.evaluations, m.skipped, m.queueErrors, readyShare, buildInfo(version.Get()),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

// buildInfo is cochef_build_info{version,commit,date,goversion} 1: which
// build each replica runs, to join on other series or to see a rollout.
func buildInfo(i version.Info) prometheus.Collector {
	g := prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Namespace: namespace, Name: "build_info",
		Help: "Always 1; its labels say which build runs: module version, commit, commit date, Go version (\"unknown\" when the binary does not know).",
	}, []string{"version", "commit", "date", "goversion"})
	orUnknown := func(s string) string {
		if s == "" {
			return "unknown"
		}
		return s
	}
	g.WithLabelValues(i.Version, orUnknown(i.Commit), orUnknown(i.Date), i.GoVersion).Set(1)
	return g
}

// Registry is the registry the metrics live in, for adding collectors or
// gathering in tests.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Handler serves the metrics in Prometheus' text (or negotiated) format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		Registry: m.reg, // counts its own failures in promhttp_metric_handler_errors_total
		// A failing collector drops its metrics, not the whole scrape.
		ErrorHandling: promhttp.ContinueOnError,
	})
}

// ObserveWebhook counts one webhook request; its signature is webhook
// Options.Observe's.
func (m *Metrics) ObserveWebhook(platform, event, outcome string) {
	m.webhooks.WithLabelValues(platform, event, outcome).Inc()
}

// ObserveEvaluation records an evaluation's result; its signature is
// the features' Observe. A runner calls it at the end of every attempt,
// failed ones included; readiness and findings are counted for each
// attempt that got as far as analysing the story.
func (m *Metrics) ObserveEvaluation(o core.Outcome) {
	platform := o.Ref.Repo.Platform
	if o.Skipped != "" {
		m.skipped.WithLabelValues(platform, o.Skipped).Inc()
		return
	}
	if o.Template == "" || o.Err != nil {
		// The attempt failed (platform error): it will be retried, and the
		// retry's analysis is the one to count; jobs_total counts the
		// failure.
		return
	}
	m.evaluations.WithLabelValues(platform, strconv.FormatBool(o.Ready)).Inc()
	for _, f := range o.Findings {
		m.findings.WithLabelValues(f.Rule, string(f.Severity)).Inc()
	}
	m.readyMu.Lock()
	m.total++
	if o.Ready {
		m.ready++
	}
	m.readyMu.Unlock()
}

func (m *Metrics) readyRatio() float64 {
	m.readyMu.Lock()
	defer m.readyMu.Unlock()
	if m.total == 0 {
		return 0
	}
	return m.ready / m.total
}

// APIRequests returns the OnRequest hook of a platform adapter
// (github.Config.OnRequest, gitlab.Config.OnRequest).
func (m *Metrics) APIRequests(platform string) func(method, route string, status int) {
	return func(method, route string, status int) {
		m.apiRequests.WithLabelValues(platform, method, route, strconv.Itoa(status)).Inc()
	}
}

// Worker wraps the queue's worker to count job attempts by outcome, time
// them, and measure the latency from the webhook to the end of a
// successful evaluation (Task.ReceivedAt is the first webhook of a burst).
func (m *Metrics) Worker(w core.Worker) core.Worker {
	return worker{m: m, next: w, now: time.Now}
}

type worker struct {
	m    *Metrics
	next core.Worker
	now  func() time.Time
}

func (w worker) Work(ctx context.Context, t core.Task) error {
	start := w.now()
	err := w.next.Work(ctx, t)
	end := w.now()
	platform := t.Issue.Repo.Platform
	outcome := jobOutcome(ctx, err)
	w.m.jobs.WithLabelValues(platform, outcome).Inc()
	w.m.attempt.WithLabelValues(platform, outcome).Observe(end.Sub(start).Seconds())
	if err == nil && !t.ReceivedAt.IsZero() {
		w.m.jobLatency.WithLabelValues(platform).Observe(max(end.Sub(t.ReceivedAt), 0).Seconds())
	}
	return err
}

// jobOutcome classifies a job's error as the queue will treat it.
func jobOutcome(ctx context.Context, err error) string {
	if err == nil {
		return JobSucceeded
	}
	if ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return JobInterrupted
	}
	if core.IsPermanent(err) {
		return JobFailed
	}
	if core.IsDeferred(err) {
		return JobDeferred
	}
	if _, ok := core.RetryAfter(err); ok {
		return JobRateLimited
	}
	return JobRetry
}

// WatchQueue exports cochef_queue_jobs{state}, read by stats at each
// scrape within timeout (DefaultQueueTimeout when zero). stats is
// store.Store.JobStats. The queue is shared by all replicas on one
// database, so each replica reports the same figures: aggregate with max,
// not sum.
func (m *Metrics) WatchQueue(stats func(context.Context) (map[string]int, error), timeout time.Duration) {
	if timeout <= 0 {
		timeout = DefaultQueueTimeout
	}
	m.reg.MustRegister(&queueCollector{
		stats:   stats,
		timeout: timeout,
		errors:  m.queueErrors,
		desc: prometheus.NewDesc(namespace+"_queue_jobs",
			"Jobs in the queue by state (available and scheduled: waiting; running; retryable: waiting for a retry; completed, cancelled and discarded: kept for a while). Shared by all replicas.",
			[]string{"state"}, nil),
	})
}

type queueCollector struct {
	stats   func(context.Context) (map[string]int, error)
	timeout time.Duration
	errors  prometheus.Counter
	desc    *prometheus.Desc
}

func (c *queueCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c *queueCollector) Collect(ch chan<- prometheus.Metric) {
	// Collect has no context of its own: the scrape's deadline is not
	// passed down, hence a bound of our own.
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	stats, err := c.stats(ctx)
	if err != nil {
		c.errors.Inc()
		ch <- prometheus.NewInvalidMetric(c.desc, err)
		return
	}
	seen := map[string]bool{}
	for _, s := range QueueStates {
		seen[s] = true
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(stats[s]), s)
	}
	for s, n := range stats {
		if !seen[s] {
			ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(n), s)
		}
	}
}

// WatchRateLimit exports cochef_platform_rate_limit_remaining{platform},
// read from remaining at each scrape (github Client.RateRemaining: the
// lowest budget left among the installations). A negative value means
// unknown (no call made yet, or the window has reset): no sample is
// exported then, so an alert on a low value does not fire for it.
func (m *Metrics) WatchRateLimit(platform string, remaining func() int) {
	m.reg.MustRegister(&rateCollector{
		remaining: remaining,
		desc: prometheus.NewDesc(namespace+"_platform_rate_limit_remaining",
			"Lowest primary rate-limit budget left (x-ratelimit-remaining) among the installations whose window has not reset; absent when unknown.",
			nil, prometheus.Labels{"platform": platform}),
	})
}

type rateCollector struct {
	remaining func() int
	desc      *prometheus.Desc
}

func (c *rateCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c *rateCollector) Collect(ch chan<- prometheus.Metric) {
	if n := c.remaining(); n >= 0 {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(n))
	}
}
