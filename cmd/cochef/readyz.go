package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"
)

// readiness answers GET /readyz: 200 "ready", or 503 with a fixed text.
// Why the store is not ready goes to the logs only: its errors name the
// database's host, user, name or file, which are nobody's business on the
// public side of a proxy.
type readiness struct {
	ready func(ctx context.Context) error
	log   *slog.Logger

	mu     sync.Mutex
	last   string    // the reason last logged, "" when ready
	logged time.Time // when it was
}

// readinessLogEvery repeats an unchanged reason in the logs, so that a
// replica that stays unready keeps saying why without a line per probe.
const readinessLogEvery = time.Minute

func (r *readiness) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	ctx, cancel := context.WithTimeout(req.Context(), 2*time.Second)
	defer cancel()
	err := r.ready(ctx)
	r.report(err)
	if err != nil {
		http.Error(w, "base pas prête / store not ready", http.StatusServiceUnavailable)
		return
	}
	fmt.Fprintln(w, "ready")
}

func (r *readiness) report(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case err == nil && r.last != "":
		r.log.Info("store ready again")
		r.last = ""
	case err != nil && (err.Error() != r.last || time.Since(r.logged) >= readinessLogEvery):
		r.log.Warn("store not ready", "error", err.Error())
		r.last, r.logged = err.Error(), time.Now()
	}
}
