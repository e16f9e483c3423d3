// Package webhook receives GitHub and GitLab webhooks, checks that they come
// from the platform, and turns the few events cochef acts on into core.Task
// values handed to a durable core.Enqueuer.
//
// The handler answers only after the task is committed, so an event answered
// 2xx is never lost; it never answers 4xx to an event it merely ignores,
// because GitLab disables a webhook after four consecutive failures.
package webhook

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/cochef/cochef/core"
)

// DefaultMaxBody is the largest body accepted when Options.MaxBody is zero:
// both platforms stop sending payloads above 25 MB.
const DefaultMaxBody int64 = 25 << 20

// DefaultMaxConcurrentReads bounds the memory unsigned requests can hold:
// this many bodies of at most MaxBody each.
const DefaultMaxConcurrentReads = 16

// Paths served by the handler.
const (
	GitHubPath = "/webhooks/github"
	GitLabPath = "/webhooks/gitlab"
)

// enqueueTimeout keeps the answer well inside the platforms' 10 s limit
// even when the queue's storage is slow.
const enqueueTimeout = 8 * time.Second

// Outcomes passed to Options.Observe; they are stable metric label values.
const (
	OutcomeAccepted         = "accepted"
	OutcomeDuplicate        = "duplicate"
	OutcomeIgnored          = "ignored"
	OutcomeUnauthorized     = "unauthorized"
	OutcomeTooLarge         = "too_large"
	OutcomeBadRequest       = "bad_request"
	OutcomeMethodNotAllowed = "method_not_allowed"
	OutcomeDisabled         = "disabled"
	OutcomeUnavailable      = "unavailable"
)

// Options configures NewHandler.
//
// Each platform's endpoint is on only when it can authenticate requests:
// GitHub needs at least one non-empty secret in GitHubSecrets or
// GitHubInsecureSkipVerify; GitLab needs GitLabSecret. An endpoint that is
// off answers 404, so a server configured for one platform does not accept
// unauthenticated events for the other.
type Options struct {
	// GitHubSecrets are the webhook secrets; a request passes when its
	// X-Hub-Signature-256 matches any of them, so a secret can be rotated
	// without downtime. Empty strings are skipped: an HMAC keyed with an
	// empty secret proves nothing.
	GitHubSecrets []string
	// GitHubInsecureSkipVerify accepts GitHub requests without checking
	// their signature at all. For local trials only; the server logs a
	// warning at start when it is set.
	GitHubInsecureSkipVerify bool
	// GitHubBotLogins are senders whose events are ignored (our own App,
	// e.g. "cochef[bot]"): cochef's label and comment writes must not
	// trigger evaluations. Compared case-insensitively.
	GitHubBotLogins []string

	// GitLabSecret is the X-Gitlab-Token expected; "" turns the GitLab
	// endpoint off.
	GitLabSecret string
	// GitLabBotUsernames are the usernames of the account cochef writes
	// with on GitLab (a project access token's bot user, or a bot account):
	// GitLab sends an Issue Hook for our own label changes, which must not
	// trigger another evaluation. Compared case-insensitively.
	GitLabBotUsernames []string

	// Enqueuer receives the tasks. Required.
	Enqueuer core.Enqueuer
	// Logger defaults to slog.Default().
	Logger *slog.Logger
	// MaxConcurrentReads bounds the GitHub bodies read at once, before
	// their signature can be checked; DefaultMaxConcurrentReads when 0.
	MaxConcurrentReads int
	// MaxBody is the largest request body accepted; DefaultMaxBody when 0.
	MaxBody int64
	// Observe, when set, is called once per request with the platform
	// ("github" or "gitlab"), the event name (an event the platform defines,
	// or "other" so that a caller cannot grow a metric's label set) and one
	// of the Outcome constants.
	Observe func(platform, event, outcome string)
	// Now stamps Task.ReceivedAt; defaults to time.Now.
	Now func() time.Time
	// LivePlatforms are the platforms cochef has credentials for: their
	// tasks carry no snapshot of the issue, since the worker reads its
	// current state, and issue bodies have no business in the queue.
	// Tasks of the others (dry-run) keep the snapshot, their only source.
	LivePlatforms []string
}

// NewHandler returns an http.Handler serving POST /webhooks/github and
// POST /webhooks/gitlab. Mount it at the server's root (or route those two
// paths to it); any other path answers 404.
func NewHandler(o Options) http.Handler {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.MaxConcurrentReads <= 0 {
		o.MaxConcurrentReads = DefaultMaxConcurrentReads
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Observe == nil {
		o.Observe = func(string, string, string) {}
	}
	if o.Enqueuer == nil {
		// A nil Enqueuer is a wiring mistake; failing every delivery with
		// 503 keeps the platform's redelivery possible instead of panicking.
		o.Enqueuer = missingEnqueuer{}
		o.Logger.Error("webhook: no enqueuer configured, every event will be refused")
	}
	gh := newGitHubHandler(o)
	gl := newGitLabHandler(o)
	mux := http.NewServeMux()
	mux.Handle(GitHubPath, gh)
	mux.Handle(GitLabPath, gl)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "ressource inconnue / not found")
	})
	return mux
}

type missingEnqueuer struct{}

func (missingEnqueuer) Enqueue(context.Context, core.Task) (bool, error) {
	return false, errors.New("webhook: no enqueuer configured")
}

// response is every body the handler writes. Reason is "French / English"
// so whoever reads it in the platform's delivery log understands it.
type response struct {
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
}

func writeJSON(w http.ResponseWriter, code int, status, reason string) {
	b, err := json.Marshal(response{Status: status, Reason: reason})
	if err != nil {
		// Marshalling two strings cannot fail; keep the status code anyway.
		w.WriteHeader(code)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	// The client may be gone; there is nobody left to tell.
	_, _ = w.Write(append(b, '\n'))
}

func writeError(w http.ResponseWriter, code int, reason string) {
	writeJSON(w, code, "error", reason)
}

// readBody reads at most max bytes. It reports tooLarge when the body is
// bigger, so the caller answers 413 rather than 400.
func readBody(w http.ResponseWriter, r *http.Request, max int64) (body []byte, tooLarge bool, err error) {
	if r.ContentLength > max {
		return nil, true, nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, max)
	body, err = io.ReadAll(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, true, nil
		}
		return nil, false, err
	}
	return body, false, nil
}

// isCheckCommand reports whether a comment asks for "/cochef check".
func isCheckCommand(body string) (core.Command, bool) {
	c, ok := core.ParseCommand(body)
	return c, ok && c.Verb == core.VerbCheck
}

// nameSet matches logins case-insensitively, as both platforms do.
type nameSet map[string]struct{}

func newNameSet(names []string) nameSet {
	s := make(nameSet, len(names))
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			s[strings.ToLower(n)] = struct{}{}
		}
	}
	return s
}

func (s nameSet) has(name string) bool {
	if name == "" {
		return false
	}
	_, ok := s[strings.ToLower(name)]
	return ok
}

// clip bounds a header value copied into logs: a caller that is not
// authenticated yet chooses it.
func clip(s string) string {
	const max = 128
	if len(s) > max {
		return s[:max] + "…"
	}
	return s
}

// result is what a platform handler decided about one request.
type result struct {
	code    int
	status  string // accepted, duplicate, ignored, error
	reason  string
	outcome string
	task    *core.Task // the task enqueued, for the log line
	action  string     // the platform's action, for the log line
	err     error      // logged, never sent to the caller
}

func ignored(reason string) result {
	return result{code: http.StatusOK, status: "ignored", reason: reason, outcome: OutcomeIgnored}
}

func failure(code int, outcome, reason string, err error) result {
	return result{code: code, status: "error", reason: reason, outcome: outcome, err: err}
}

// enqueue hands t to the queue and turns its answer into the HTTP answer;
// action is the platform's, for the log line.
func (o *Options) enqueue(ctx context.Context, action string, t core.Task) result {
	ctx, cancel := context.WithTimeout(ctx, enqueueTimeout)
	defer cancel()
	if slices.Contains(o.LivePlatforms, t.Issue.Repo.Platform) {
		t.Snapshot = nil
	}
	ok, err := o.Enqueuer.Enqueue(ctx, t)
	switch {
	case err != nil:
		r := failure(http.StatusServiceUnavailable, OutcomeUnavailable,
			"file d'attente indisponible, réessayez / queue unavailable, retry", err)
		r.task, r.action = &t, action
		return r
	case !ok:
		return result{code: http.StatusOK, status: "duplicate", reason: "livraison déjà reçue / delivery already received", outcome: OutcomeDuplicate, task: &t, action: action}
	default:
		return result{code: http.StatusAccepted, status: "accepted", outcome: OutcomeAccepted, task: &t, action: action}
	}
}

// finish writes res, logs it and reports it to Observe.
func finish(w http.ResponseWriter, r *http.Request, o *Options, platform, event, metricEvent, delivery string, res result) {
	writeJSON(w, res.code, res.status, res.reason)
	o.Observe(platform, metricEvent, res.outcome)

	attrs := []slog.Attr{
		slog.String("platform", platform),
		slog.String("delivery", clip(delivery)),
		slog.String("event", clip(event)),
		slog.String("outcome", res.outcome),
		slog.Int("status", res.code),
	}
	if res.task != nil {
		attrs = append(attrs,
			slog.String("action", res.action),
			slog.String("repo", res.task.Issue.Repo.FullName),
			slog.Int("issue", res.task.Issue.Number),
			slog.String("feature", string(res.task.Feature)),
			slog.String("trigger", string(res.task.Trigger)),
		)
	}
	if res.outcome == OutcomeIgnored && res.reason != "" {
		attrs = append(attrs, slog.String("reason", res.reason))
	}
	if res.err != nil {
		attrs = append(attrs, slog.String("error", res.err.Error()))
	}
	level := slog.LevelInfo
	switch {
	case res.code >= 500:
		level = slog.LevelError
	case res.code >= 400:
		level = slog.LevelWarn
	case res.outcome == OutcomeIgnored:
		// Busy repositories send many events cochef does not act on.
		level = slog.LevelDebug
	}
	o.Logger.LogAttrs(r.Context(), level, "webhook", attrs...)
}
