package main

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// /readyz tells whether the store is ready, never why: the reason named
// the database's user, name and host to anyone behind the sample proxy.
// The logs say why, once per change.
func TestReadyzKeepsTheReasonForTheLogs(t *testing.T) {
	var logs bytes.Buffer
	cause := errors.New("store: postgres unreachable: failed to connect to `user=cochef database=prod`: db.internal:5432")
	var err error
	r := &readiness{ready: func(context.Context) error { return err }, log: slog.New(slog.NewTextHandler(&logs, nil))}
	get := func() *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		r.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/readyz", nil))
		return w
	}
	if w := get(); w.Code != http.StatusOK || strings.TrimSpace(w.Body.String()) != "ready" {
		t.Fatalf("ready: %d %q", w.Code, w.Body)
	}
	err = cause
	for range 3 {
		w := get()
		if w.Code != http.StatusServiceUnavailable || strings.Contains(w.Body.String(), "cochef") ||
			strings.Contains(w.Body.String(), "db.internal") || !strings.Contains(w.Body.String(), "store not ready") {
			t.Fatalf("not ready: %d %q, want 503 saying nothing of the database", w.Code, w.Body)
		}
	}
	if n := strings.Count(logs.String(), "db.internal"); n != 1 {
		t.Errorf("the reason logged %d times for three probes, want once:\n%s", n, logs.String())
	}
	err = nil
	get()
	if !strings.Contains(logs.String(), "store ready again") {
		t.Errorf("the recovery is not logged:\n%s", logs.String())
	}
}
