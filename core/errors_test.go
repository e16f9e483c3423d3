package core

import (
	"fmt"
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
