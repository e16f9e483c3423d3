package store

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
)

// syncBuffer is a log buffer written from River's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// A platform may ask for any wait (a Retry-After of 86,400 s was obeyed as
// is): the job waits at most core.MaxRetryAfter, and the log says the
// platform asked for more.
func TestLongRetryAfterIsCappedAndLogged(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	o := testOptions(t, backends(t)[0].dsn(t))
	o.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	s := openStore(t, o)
	w := &fakeWorker{fn: func(int, core.Task) error {
		return &core.APIError{Platform: "github", Method: "POST", Route: "/repos/o/r/issues/1/comments",
			Status: 503, RetryAfter: 24 * time.Hour}
	}}
	start(t, s, w)
	mustEnqueue(t, s, task(1))
	w.waitCalls(t, 1, 10*time.Second)
	waitStats(t, s, map[string]int{"scheduled": 1}, 5*time.Second)
	var at string
	if err := s.db.queryRow(context.Background(), `SELECT CAST(scheduled_at AS TEXT) FROM river_job`).Scan(&at); err != nil {
		t.Fatal(err)
	}
	due, err := time.Parse("2006-01-02 15:04:05.999", at)
	if err != nil {
		t.Fatal(err)
	}
	if wait := time.Until(due); wait > core.MaxRetryAfter+time.Minute || wait < core.MaxRetryAfter-time.Minute {
		t.Errorf("the job runs again in %s, want about %s", wait.Round(time.Second), core.MaxRetryAfter)
	}
	if l := logs.String(); !strings.Contains(l, "level=WARN") || !strings.Contains(l, "asked=24h0m0s") {
		t.Errorf("no warning naming the wait asked for:\n%s", l)
	}
}
