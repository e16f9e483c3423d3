package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
)

// testNow is the pinned clock, so tests can compare whole tasks.
var testNow = time.Date(2025, 11, 28, 9, 30, 0, 0, time.UTC)

// recordingEnqueuer is an in-memory core.Enqueuer that dedupes by
// Delivery like the durable one, and can be told to fail.
type recordingEnqueuer struct {
	mu    sync.Mutex
	seen  map[string]bool
	tasks []core.Task
	err   error
}

func (q *recordingEnqueuer) Enqueue(ctx context.Context, t core.Task) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.err != nil {
		return false, q.err
	}
	if q.seen == nil {
		q.seen = map[string]bool{}
	}
	if q.seen[t.Delivery] {
		return false, nil
	}
	q.seen[t.Delivery] = true
	q.tasks = append(q.tasks, t)
	return true, nil
}

func (q *recordingEnqueuer) Tasks() []core.Task {
	q.mu.Lock()
	defer q.mu.Unlock()
	return append([]core.Task(nil), q.tasks...)
}

// nopEnqueuer accepts everything, for the benchmark.
type nopEnqueuer struct{}

func (nopEnqueuer) Enqueue(context.Context, core.Task) (bool, error) { return true, nil }

var errQueueDown = errors.New("queue down")

type observation struct{ platform, event, outcome string }

// harness is a handler with its recording enqueuer, log and observations.
type harness struct {
	h    http.Handler
	q    *recordingEnqueuer
	logs *bytes.Buffer
	mu   sync.Mutex
	obs  []observation
}

func newHarness(t testing.TB, mod func(*Options)) *harness {
	t.Helper()
	hs := &harness{q: &recordingEnqueuer{}, logs: &bytes.Buffer{}}
	o := Options{
		GitHubSecrets:      []string{testSecret},
		GitHubBotLogins:    []string{"cochef[bot]"},
		GitLabSecret:       testGitLabSecret,
		GitLabBotUsernames: []string{"project_42_bot_cochef"},
		Enqueuer:           hs.q,
		Logger:             slog.New(slog.NewTextHandler(hs.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Now:                func() time.Time { return testNow },
		Observe: func(p, e, o string) {
			hs.mu.Lock()
			hs.obs = append(hs.obs, observation{p, e, o})
			hs.mu.Unlock()
		},
	}
	if mod != nil {
		mod(&o)
	}
	hs.h = NewHandler(o)
	return hs
}

func (hs *harness) do(r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	hs.h.ServeHTTP(w, r)
	return w
}

const (
	testSecret       = "s3cr3t-de-test"
	testGitLabSecret = "jeton-gitlab-de-test"
)

func readFixture(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", path))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// editJSON returns a copy of a fixture changed by edit, so derived cases
// (a command, a pull request comment) never touch the files themselves.
func editJSON(t testing.TB, raw []byte, edit func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func obj(m map[string]any, key string) map[string]any {
	return m[key].(map[string]any)
}

func sign(secret string, body []byte) string { return SignGitHub(secret, body) }

func githubRequest(event, delivery string, body []byte, secret string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, GitHubPath, bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if event != "" {
		r.Header.Set(headerGitHubEvent, event)
	}
	if delivery != "" {
		r.Header.Set(headerGitHubDelivery, delivery)
	}
	if secret != "" {
		r.Header.Set(headerGitHubSignature, sign(secret, body))
	}
	return r
}

func gitlabRequest(event, token string, body []byte, headers map[string]string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, GitLabPath, bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if event != "" {
		r.Header.Set(headerGitLabEvent, event)
	}
	if token != "" {
		r.Header.Set(headerGitLabToken, token)
	}
	for k, v := range headers {
		r.Header.Set(k, v)
	}
	return r
}

// decodeResponse checks the body is the short JSON every answer uses.
func decodeResponse(t testing.TB, w *httptest.ResponseRecorder) response {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	var resp response
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		t.Fatalf("body %q is not JSON: %v", w.Body.String(), err)
	}
	return resp
}

// zeroReader yields n zero bytes without allocating them.
type zeroReader struct{ n int64 }

func (z *zeroReader) Read(p []byte) (int, error) {
	if z.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > z.n {
		p = p[:z.n]
	}
	clear(p)
	z.n -= int64(len(p))
	return len(p), nil
}
