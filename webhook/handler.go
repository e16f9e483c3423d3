// Package webhook is cochef's shared HTTP intake: it receives the
// platforms' webhooks at /webhooks/<platform>, has each platform's Source
// (in the github and gitlab packages) authenticate and read them, hands the
// tasks to a durable core.Enqueuer, and answers.
//
// The handler answers only after the task is committed, so an event
// answered 2xx is never lost; it never answers 4xx to an event it merely
// ignores, because GitLab disables a webhook after four consecutive
// failures.
package webhook

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
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

// Path is where platform's webhooks arrive.
func Path(platform string) string { return "/webhooks/" + platform }

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
	// OutcomeBusy: the bodies not proven yet hold their whole budget
	// (a burst of unsigned requests); answered 503 at once.
	OutcomeBusy = "busy"
	// OutcomeSlowBody: the body arrived too slowly and was cut (408).
	OutcomeSlowBody = "slow_body"
)

// Source is one platform's webhooks: how a request proves it comes from
// the platform, and which of its events cochef acts on. The github and
// gitlab packages each provide one, next to their client.
type Source interface {
	// Platform is core.GitHub or core.GitLab: the path and the metrics'
	// platform; Name is how people write it ("GitHub").
	Platform() string
	Name() string
	// Enabled reports whether requests can be authenticated: an endpoint
	// that cannot answers 404, so a server configured for one platform
	// does not accept unauthenticated events for the other.
	Enabled() bool
	// Event names the request's event and its delivery, as the headers
	// say, and the event name metrics may use (one the platform defines,
	// or "other", so that a caller cannot grow a label set).
	Event(h http.Header) (event, metric, delivery string)
	// Authenticate checks what the headers prove, before the body is
	// read; a non-nil Result refuses the request.
	Authenticate(h http.Header) *Result
	// BodyBeforeAuth reports that the body must be read before the request
	// is proven (GitHub's signature covers it): such reads are bounded.
	BodyBeforeAuth() bool
	// Verify checks the body against the headers; a non-nil Result
	// refuses the request.
	Verify(h http.Header, body []byte) *Result
	// Parse reads an authenticated request: the task to queue (Accept),
	// an event cochef does not act on (Ignore), or a bad request. It must
	// keep nothing of body, only copies: the buffer serves the next
	// request once Parse returns.
	Parse(ctx context.Context, h http.Header, body []byte) Result
}

// Result is what became of one request. Sources make them with Accept,
// Ignore, Refuse and BadRequest.
type Result struct {
	code    int
	status  string // accepted, duplicate, ignored, error
	reason  string
	outcome string
	task    *core.Task // the task to enqueue, then enqueued, for the log line
	action  string     // the platform's action, for the log line
	// delivery replaces the header's delivery id (GitLab's fallback key).
	delivery string
	err      error // logged, never sent to the caller
}

// Accept queues t; action is the platform's, for the log line. The
// handler stamps ReceivedAt.
func Accept(t core.Task, action string) Result {
	return Result{task: &t, action: action}
}

// Ignore answers 200 to an event cochef does not act on, saying why in
// French and English ("… / …").
func Ignore(reason string) Result {
	return Result{code: http.StatusOK, status: "ignored", reason: reason, outcome: OutcomeIgnored}
}

// Refuse answers an error; reason is for the caller, err for the logs.
func Refuse(code int, outcome, reason string, err error) *Result {
	return &Result{code: code, status: "error", reason: reason, outcome: outcome, err: err}
}

// BadRequest answers 400.
func BadRequest(reason string, err error) Result {
	return *Refuse(http.StatusBadRequest, OutcomeBadRequest, reason, err)
}

// MalformedJSON answers 400 to a body that is not JSON.
func MalformedJSON(err error) Result { return BadRequest("JSON invalide / malformed JSON", err) }

// WithDelivery is r with the delivery id the logs name.
func (r Result) WithDelivery(delivery string) Result {
	r.delivery = delivery
	return r
}

// Options configures NewHandler.
type Options struct {
	// Sources are the platforms served, each at Path(Platform()).
	Sources []Source
	// Enqueuer receives the tasks. Required.
	Enqueuer core.Enqueuer
	// Logger defaults to slog.Default().
	Logger *slog.Logger
	// MaxUnverified bounds the bytes held by bodies read before their
	// request is proven (body.go); DefaultMaxUnverified when 0.
	MaxUnverified int64
	// MaxBody is the largest request body accepted; DefaultMaxBody when 0.
	MaxBody int64
	// Observe, when set, is called once per request with the platform, the
	// event name (Source.Event's metric) and one of the Outcome constants.
	Observe func(platform, event, outcome string)
	// Now stamps Task.ReceivedAt; defaults to time.Now.
	Now func() time.Time
	// LivePlatforms are the platforms cochef has credentials for: their
	// tasks carry no snapshot of the issue, since the worker reads its
	// current state, and issue bodies have no business in the queue.
	// Tasks of the others (dry-run) keep the snapshot, their only source.
	LivePlatforms []string
}

// NewHandler returns an http.Handler serving POST Path(platform) for each
// source. Mount it at the server's root (or route /webhooks/ to it); any
// other path answers 404.
func NewHandler(o Options) http.Handler {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.MaxUnverified <= 0 {
		o.MaxUnverified = DefaultMaxUnverified
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
	mux := http.NewServeMux()
	unverified := newBudget(o.MaxUnverified)
	for _, src := range o.Sources {
		mux.Handle(Path(src.Platform()), &endpoint{o: &o, src: src, unverified: unverified})
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "ressource inconnue / not found")
	})
	return mux
}

type missingEnqueuer struct{}

func (missingEnqueuer) Enqueue(context.Context, core.Task) (bool, error) {
	return false, errors.New("webhook: no enqueuer configured")
}

// endpoint serves one source.
type endpoint struct {
	o   *Options
	src Source
	// unverified is the memory budget of bodies read before their request
	// is proven, shared by every source: anonymous requests could
	// otherwise hold MaxBody each.
	unverified *budget
}

func (e *endpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	event, metric, delivery := e.src.Event(r.Header)
	res := e.serve(w, r)
	if res.task != nil {
		res = e.enqueue(r.Context(), res)
	}
	if res.delivery != "" {
		delivery = res.delivery
	}
	e.finish(w, r, event, metric, delivery, res)
}

func (e *endpoint) serve(w http.ResponseWriter, r *http.Request) Result {
	name := e.src.Name()
	if !e.src.Enabled() {
		return *Refuse(http.StatusNotFound, OutcomeDisabled,
			fmt.Sprintf("webhook %s désactivé / %s webhook disabled", name, name), nil)
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		return *Refuse(http.StatusMethodNotAllowed, OutcomeMethodNotAllowed,
			"méthode non autorisée, utilisez POST / method not allowed, use POST", nil)
	}
	// What the headers alone cannot prove is refused before the body is
	// read.
	if res := e.src.Authenticate(r.Header); res != nil {
		return *res
	}
	var bud *budget
	if e.src.BodyBeforeAuth() {
		bud = e.unverified
	}
	body, res := e.readBody(w, r, bud)
	if res != nil {
		return *res
	}
	res = e.src.Verify(r.Header, body.data)
	body.release()
	if res != nil {
		body.recycle()
		return *res
	}
	out := e.src.Parse(r.Context(), r.Header, body.data)
	body.recycle()
	return out
}

// enqueue hands the task to the queue and turns its answer into the HTTP
// answer.
func (e *endpoint) enqueue(ctx context.Context, res Result) Result {
	ctx, cancel := context.WithTimeout(ctx, enqueueTimeout)
	defer cancel()
	t := *res.task
	t.ReceivedAt = e.o.Now().UTC()
	if slices.Contains(e.o.LivePlatforms, t.Issue.Repo.Platform) {
		t.Snapshot = nil
	}
	res.task = &t
	ok, err := e.o.Enqueuer.Enqueue(ctx, t)
	switch {
	case err != nil:
		res.code, res.status, res.outcome, res.err = http.StatusServiceUnavailable, "error", OutcomeUnavailable, err
		res.reason = "file d'attente indisponible, réessayez / queue unavailable, retry"
	case !ok:
		res.code, res.status, res.outcome = http.StatusOK, "duplicate", OutcomeDuplicate
		res.reason = reasonDuplicate
	default:
		res.code, res.status, res.outcome = http.StatusAccepted, "accepted", OutcomeAccepted
	}
	return res
}

const reasonDuplicate = "livraison déjà reçue / delivery already received"

// Response is every body the handler writes. Reason is "French / English"
// so whoever reads it in the platform's delivery log understands it.
type Response struct {
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
}

// The bodies of the answers most webhooks get, encoded once.
var (
	bodyAccepted  = encodeAnswer(Response{Status: "accepted"})
	bodyDuplicate = encodeAnswer(Response{Status: "duplicate", Reason: reasonDuplicate})
)

func encodeAnswer(r Response) []byte {
	b, err := json.Marshal(r)
	if err != nil {
		// Marshalling two strings cannot fail.
		return nil
	}
	return append(b, '\n')
}

func writeJSON(w http.ResponseWriter, code int, status, reason string) {
	var b []byte
	switch r := (Response{Status: status, Reason: reason}); r {
	case Response{Status: "accepted"}:
		b = bodyAccepted
	case Response{Status: "duplicate", Reason: reasonDuplicate}:
		b = bodyDuplicate
	default:
		b = encodeAnswer(r)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	// The client may be gone; there is nobody left to tell.
	_, _ = w.Write(b)
}

func writeError(w http.ResponseWriter, code int, reason string) {
	writeJSON(w, code, "error", reason)
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

// finish writes res, logs it and reports it to Observe.
func (e *endpoint) finish(w http.ResponseWriter, r *http.Request, event, metric, delivery string, res Result) {
	platform := e.src.Platform()
	writeJSON(w, res.code, res.status, res.reason)
	e.o.Observe(platform, metric, res.outcome)

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
	e.o.Logger.LogAttrs(r.Context(), level, "webhook", attrs...)
}

// Names matches logins case-insensitively, as both platforms do: the
// sources' bot accounts, whose events are cochef's own.
type Names map[string]struct{}

// NewNames is the set of names, blank ones left out.
func NewNames(names []string) Names {
	s := make(Names, len(names))
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			s[strings.ToLower(n)] = struct{}{}
		}
	}
	return s
}

// Has reports whether name is in the set.
func (s Names) Has(name string) bool {
	if name == "" {
		return false
	}
	_, ok := s[strings.ToLower(name)]
	return ok
}
