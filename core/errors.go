package core

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// APIError is a platform's error answer, reduced to what the retry logic
// needs.
type APIError struct {
	Platform string
	Method   string
	Route    string // the path, without host
	Status   int
	Message  string
	// RetryAfter is how long the platform asked us to wait (Retry-After,
	// x-ratelimit-reset, RateLimit-Reset); zero when it did not say.
	RetryAfter time.Duration
	// RateLimited is true for primary and secondary rate-limit answers, which
	// GitHub sends as 403 or 429.
	RateLimited bool
}

func (e *APIError) Error() string {
	s := fmt.Sprintf("%s %s %s: %d", e.Platform, e.Method, e.Route, e.Status)
	if e.Message != "" {
		s += " " + e.Message
	}
	return s
}

// Permanent reports whether retrying the same call cannot succeed: the
// resource is gone, we are not allowed to touch it, or the platform refused
// the request itself. Rate limits and server errors are transient, and so
// is 401: expired or rotated credentials are an operator's fix, after
// which the waiting work must still be done.
func (e *APIError) Permanent() bool {
	if e.RateLimited {
		return false
	}
	switch e.Status {
	case http.StatusNotFound, http.StatusGone, http.StatusForbidden,
		http.StatusUnprocessableEntity, http.StatusBadRequest:
		return true
	}
	return false
}

// MaxRetryAfter is the longest a task waits at once because a platform
// asked it to: GitHub's primary rate limit resets within the hour, and a
// Retry-After of a day (a misconfigured proxy, a hostile one) must not
// put feedback off for that long. The queue logs the wait asked for.
const MaxRetryAfter = time.Hour

// UnauthorizedWait is how long work waits after the platform refused our
// credentials (401) before it is tried again; it waits as long as it takes.
const UnauthorizedWait = 5 * time.Minute

// IsPermanent reports whether err, or an error it wraps, is a permanent
// platform error.
func IsPermanent(err error) bool {
	var api *APIError
	return errors.As(err, &api) && api.Permanent()
}

// Deferred asks the queue to run the task again after Wait without
// counting a failed attempt: the work is not due yet (a repository's
// longer debounce), nothing went wrong.
type Deferred struct {
	Wait   time.Duration
	Reason string
}

func (d *Deferred) Error() string { return fmt.Sprintf("deferred %s: %s", d.Wait, d.Reason) }

// IsDeferred reports whether err is a Deferred.
func IsDeferred(err error) bool {
	var d *Deferred
	return errors.As(err, &d)
}

// RetryAfter returns the wait a platform asked for, or that a Deferred
// task asks for, if err carries one.
func RetryAfter(err error) (time.Duration, bool) {
	var api *APIError
	if errors.As(err, &api) && api.RetryAfter > 0 {
		return api.RetryAfter, true
	}
	if api != nil && api.Status == http.StatusUnauthorized {
		return UnauthorizedWait, true
	}
	var d *Deferred
	if errors.As(err, &d) && d.Wait > 0 {
		return d.Wait, true
	}
	return 0, false
}
