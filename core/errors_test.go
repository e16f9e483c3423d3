package core

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestErrorClassification(t *testing.T) {
	cases := []struct {
		name      string
		err       error
		permanent bool
		wait      time.Duration
	}{
		{"not found", &APIError{Status: 404}, true, 0},
		{"gone", &APIError{Status: 410}, true, 0},
		{"forbidden", &APIError{Status: 403}, true, 0},
		{"secondary limit", &APIError{Status: 403, RateLimited: true, RetryAfter: 30 * time.Second}, false, 30 * time.Second},
		{"refused body", &APIError{Status: 422}, true, 0},
		{"bad credentials wait for the operator", &APIError{Status: 401}, false, UnauthorizedWait},
		{"server error", &APIError{Status: 502}, false, 0},
		{"wrapped", fmt.Errorf("read issue: %w", &APIError{Status: 404}), true, 0},
		{"deferred", &Deferred{Wait: 3 * time.Second}, false, 3 * time.Second},
		{"plain", fmt.Errorf("dial tcp: refused"), false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := IsPermanent(c.err); got != c.permanent {
				t.Errorf("IsPermanent = %v, want %v", got, c.permanent)
			}
			wait, ok := RetryAfter(c.err)
			if wait != c.wait || ok != (c.wait > 0) {
				t.Errorf("RetryAfter = %s %v, want %s", wait, ok, c.wait)
			}
		})
	}
}

// A panic in the analysis of one story is a permanent failure of its
// task, with the stack kept for the report; a run that does not panic is
// no error.
func TestSafelyTurnsAPanicIntoAPermanentFailure(t *testing.T) {
	if err := Safely("analysis", func() {}); err != nil {
		t.Fatalf("no panic: %v", err)
	}
	var stories []string
	err := Safely("analysis of github:o/r#1", func() {
		_ = stories[len(stories)] // out of range: panics
	})
	var u *Unrecoverable
	if !errors.As(err, &u) || !strings.Contains(u.Stack, "TestSafelyTurnsAPanicIntoAPermanentFailure") {
		t.Fatalf("error %v, want an Unrecoverable with the stack", err)
	}
	if !strings.HasPrefix(err.Error(), "analysis of github:o/r#1 failed: runtime error: index out of range") {
		t.Errorf("message %q", err)
	}
	if !IsPermanent(fmt.Errorf("evaluate: %w", err)) {
		t.Error("a panicked analysis is retried")
	}
	if IsPermanent(errors.New("timeout")) {
		t.Error("any error is permanent")
	}
}
