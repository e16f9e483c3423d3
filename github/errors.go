package github

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bradleyfalzon/ghinstallation/v2"
	gh "github.com/google/go-github/v93/github"

	"github.com/cochef/cochef/core"
)

// secondaryDefaultWait is what GitHub asks for a secondary rate limit that
// says neither Retry-After nor a reset: "wait at least one minute".
const secondaryDefaultWait = time.Minute

// apiError turns what go-github or ghinstallation returned into a
// *core.APIError when GitHub answered with an error status; other errors
// (network, context) are wrapped as they are, and retried by the caller.
func apiError(err error, method, route string) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("github %s %s: %w", method, route, err)
	}
	e := &core.APIError{Platform: core.GitHub, Method: method, Route: route}

	if rl, ok := errors.AsType[*gh.RateLimitError](err); ok {
		// Primary limit: remaining 0, wait for the window's reset. go-github
		// also returns this without calling GitHub while the reset is ahead.
		e.Status = statusOf(rl.Response, http.StatusForbidden)
		e.Message = rl.Message
		e.RateLimited = true
		e.RetryAfter = retryAfterHeader(rl.Response)
		if e.RetryAfter == 0 {
			e.RetryAfter = until(rl.Rate.Reset.Time)
		}
		return e
	}
	if ab, ok := errors.AsType[*gh.AbuseRateLimitError](err); ok {
		e.Status = statusOf(ab.Response, http.StatusForbidden)
		e.Message = ab.Message
		e.RateLimited = true
		if ab.RetryAfter != nil && *ab.RetryAfter > 0 {
			e.RetryAfter = *ab.RetryAfter
		} else {
			e.RetryAfter = secondaryDefaultWait
		}
		return e
	}
	if er, ok := errors.AsType[*gh.ErrorResponse](err); ok {
		e.Status = statusOf(er.Response, 0)
		e.Message = er.Message
		var codes []string
		for _, d := range er.Errors {
			if d.Code != "" {
				codes = append(codes, d.Code)
			}
		}
		if len(codes) > 0 {
			e.Message += " (" + strings.Join(codes, ", ") + ")"
		}
		classifyLimit(e, er.Response)
		return e
	}
	if he, ok := errors.AsType[*ghinstallation.HTTPError](err); ok && he.Response != nil {
		// The installation token could not be minted: 404 when the App was
		// uninstalled, 401 for a wrong App id or key, 5xx when GitHub is down.
		resp := he.Response
		e.Method = http.MethodPost
		e.Route = "/app/installations/" + strconv.FormatInt(he.InstallationID, 10) + "/access_tokens"
		e.Status = resp.StatusCode
		e.Message = readMessage(resp)
		classifyLimit(e, resp)
		return e
	}
	return fmt.Errorf("github %s %s: %w", method, route, err)
}

// classifyLimit marks the rate-limit answers GitHub sends as 403 or 429,
// following GitHub's documented order: Retry-After, then
// x-ratelimit-remaining 0 until x-ratelimit-reset, then at least a minute.
// A server error that says when to come back (503 and Retry-After during
// an outage or maintenance) is waited for too, without being a rate limit.
func classifyLimit(e *core.APIError, resp *http.Response) {
	if e.Status >= 500 {
		e.RetryAfter = retryAfterHeader(resp)
		return
	}
	if e.Status != http.StatusForbidden && e.Status != http.StatusTooManyRequests {
		return
	}
	var h http.Header
	if resp != nil {
		h = resp.Header
	}
	if ra := retryAfterHeader(resp); ra > 0 {
		e.RateLimited, e.RetryAfter = true, ra
		return
	}
	if h.Get("X-Ratelimit-Remaining") == "0" {
		e.RateLimited = true
		e.RetryAfter = secondaryDefaultWait
		if v, err := strconv.ParseInt(h.Get("X-Ratelimit-Reset"), 10, 64); err == nil {
			e.RetryAfter = until(time.Unix(v, 0))
		}
		return
	}
	msg := strings.ToLower(e.Message)
	if e.Status == http.StatusTooManyRequests || strings.Contains(msg, "secondary rate limit") ||
		strings.Contains(msg, "abuse") || strings.Contains(msg, "rate limit exceeded") {
		e.RateLimited, e.RetryAfter = true, secondaryDefaultWait
	}
}

func statusOf(resp *http.Response, def int) int {
	if resp != nil {
		return resp.StatusCode
	}
	return def
}

// retryAfterHeader reads Retry-After, in seconds or as an HTTP date.
func retryAfterHeader(resp *http.Response) time.Duration {
	if resp == nil {
		return 0
	}
	v := strings.TrimSpace(resp.Header.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil {
		if s <= 0 {
			return 0
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return until(t)
	}
	return 0
}

// until is the wait until t, at least a second: a reset already past (clock
// skew) still asks for a pause rather than an immediate hammering retry.
func until(t time.Time) time.Duration {
	d := time.Until(t).Round(time.Second)
	if d < time.Second {
		return time.Second
	}
	return d
}

// readMessage reads GitHub's {"message": …} from an error answer and closes
// it (ghinstallation leaves error bodies open for the caller).
func readMessage(resp *http.Response) string {
	if resp.Body == nil {
		return ""
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return ""
	}
	var m struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(b, &m) == nil && m.Message != "" {
		return m.Message
	}
	return strings.TrimSpace(string(b))
}

// isStatus reports whether err is a GitHub answer with that status.
func isStatus(err error, status int) bool {
	var api *core.APIError
	return errors.As(err, &api) && api.Status == status && !api.RateLimited
}
