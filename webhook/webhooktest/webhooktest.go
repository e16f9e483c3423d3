// Package webhooktest helps test a webhook.Source: a handler serving it
// with an in-memory queue, its logs and observations, and helpers to derive
// requests from the platforms' published example payloads.
package webhooktest

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
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/webhook"
)

// Now is the pinned clock of the handler, so tests can compare whole
// tasks.
var Now = time.Date(2025, 11, 28, 9, 30, 0, 0, time.UTC)

// Checklist is a recette checklist cochef wrote, as it comes back in the
// events of its edits: item 1 unticked, item 2 ticked.
const Checklist = core.MarkerRecette + "\n### Recette\n" +
	"- [ ] **1.** Le total est affiché <!-- k:aaaaaaaaaaaa -->\n" +
	"- [x] **2.** L'export est chiffré — ✅ @\u200dmarie, 2025-03-04 <!-- k:bbbbbbbbbbbb -->\n"

// ErrQueueDown is what a Queue told to fail answers.
var ErrQueueDown = errors.New("queue down")

// Queue is an in-memory core.Enqueuer that dedupes by Delivery like the
// durable one, and fails while Err is set.
type Queue struct {
	mu    sync.Mutex
	seen  map[string]bool
	tasks []core.Task
	Err   error
}

func (q *Queue) Enqueue(ctx context.Context, t core.Task) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.Err != nil {
		return false, q.Err
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

// Tasks are the tasks enqueued, oldest first.
func (q *Queue) Tasks() []core.Task {
	q.mu.Lock()
	defer q.mu.Unlock()
	return append([]core.Task(nil), q.tasks...)
}

// Observation is one call of Options.Observe.
type Observation struct{ Platform, Event, Outcome string }

// Harness is a handler with its queue, logs and observations.
type Harness struct {
	Handler http.Handler
	Queue   *Queue
	Logs    *bytes.Buffer
	mu      sync.Mutex
	obs     []Observation
}

// Logger writes debug logs to buf, as the harness does.
func Logger(buf *bytes.Buffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// New serves o's sources with a fresh Queue, debug logs in Logs, the
// pinned clock and recorded observations, for what o leaves unset.
func New(t testing.TB, o webhook.Options) *Harness {
	t.Helper()
	h := &Harness{Queue: &Queue{}, Logs: &bytes.Buffer{}}
	if o.Enqueuer == nil {
		o.Enqueuer = h.Queue
	}
	if o.Logger == nil {
		o.Logger = Logger(h.Logs)
	}
	if o.Now == nil {
		o.Now = func() time.Time { return Now }
	}
	if o.Observe == nil {
		o.Observe = func(p, e, out string) {
			h.mu.Lock()
			h.obs = append(h.obs, Observation{p, e, out})
			h.mu.Unlock()
		}
	}
	h.Handler = webhook.NewHandler(o)
	return h
}

// Do serves r.
func (h *Harness) Do(r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.Handler.ServeHTTP(w, r)
	return w
}

// Observations are the calls of Observe so far.
func (h *Harness) Observations() []Observation {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]Observation(nil), h.obs...)
}

// ReadFixture reads testdata/<path>.
func ReadFixture(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", path))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// EditJSON returns a copy of a fixture changed by edit, so derived cases
// (a command, a pull request comment) never touch the files themselves.
func EditJSON(t testing.TB, raw []byte, edit func(m map[string]any)) []byte {
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

// Obj is the object m holds at key.
func Obj(m map[string]any, key string) map[string]any {
	return m[key].(map[string]any)
}

// Decode checks the body is the short JSON every answer uses.
func Decode(t testing.TB, w *httptest.ResponseRecorder) webhook.Response {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	var resp webhook.Response
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		t.Fatalf("body %q is not JSON: %v", w.Body.String(), err)
	}
	return resp
}

// ZeroReader yields N zero bytes without allocating them.
type ZeroReader struct{ N int64 }

func (z *ZeroReader) Read(p []byte) (int, error) {
	if z.N <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > z.N {
		p = p[:z.N]
	}
	clear(p)
	z.N -= int64(len(p))
	return len(p), nil
}

// CheckTask checks that the handler answered code and queued want (nil:
// nothing), the whole task compared.
func (h *Harness) CheckTask(t testing.TB, w *httptest.ResponseRecorder, code int, want *core.Task) {
	t.Helper()
	if w.Code != code {
		t.Fatalf("status = %d, want %d; body %s", w.Code, code, w.Body)
	}
	tasks := h.Queue.Tasks()
	switch {
	case want == nil && len(tasks) != 0:
		t.Errorf("enqueued %+v, want nothing", tasks)
	case want != nil && len(tasks) != 1:
		t.Fatalf("enqueued %d tasks, want 1", len(tasks))
	case want != nil && !reflect.DeepEqual(tasks[0], *want):
		t.Errorf("task =\n%+v\nsnapshot %+v\nwant\n%+v\nsnapshot %+v", tasks[0], tasks[0].Snapshot, *want, want.Snapshot)
	}
}

// CheckRefused checks that the handler refused the request with code, an
// Allow header of allow, a reason naming reason in French / English, and
// queued nothing.
func (h *Harness) CheckRefused(t testing.TB, w *httptest.ResponseRecorder, code int, allow, reason string) {
	t.Helper()
	if w.Code != code {
		t.Fatalf("status = %d, want %d; body %s", w.Code, code, w.Body)
	}
	resp := Decode(t, w)
	if resp.Status != "error" || !strings.Contains(resp.Reason, reason) || !strings.Contains(resp.Reason, " / ") {
		t.Errorf("body = %+v, want an error naming %q in French / English", resp, reason)
	}
	if got := w.Header().Get("Allow"); got != allow {
		t.Errorf("Allow = %q, want %q", got, allow)
	}
	if n := len(h.Queue.Tasks()); n != 0 {
		t.Errorf("enqueued %d tasks on a refused request", n)
	}
}
