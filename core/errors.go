package core

import (
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
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
// platform error or Unrecoverable.
func IsPermanent(err error) bool {
	var api *APIError
	var u *Unrecoverable
	return errors.As(err, &api) && api.Permanent() || errors.As(err, &u)
}

// Unrecoverable is a failure of cochef's own that the same task would meet
// again on every attempt: an analysis that panicked on a story. The task
// is recorded as failed and not retried; the story's next edit is a new
// task.
type Unrecoverable struct {
	What  string
	Cause any
	Stack string
}

func (e *Unrecoverable) Error() string { return fmt.Sprintf("%s failed: %v", e.What, e.Cause) }

// Safely runs fn and turns a panic in it into an Unrecoverable error
// about what: one story that breaks the analysis must not take the worker
// down, nor come back twenty times.
func Safely(what string, fn func()) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &Unrecoverable{What: what, Cause: v, Stack: string(debug.Stack())}
		}
	}()
	fn()
	return nil
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
