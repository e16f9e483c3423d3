package gitlab

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	gl "gitlab.com/gitlab-org/api/client-go/v2"

	"github.com/cochef/cochef/core"
)

// maxMessage keeps an error body (an HTML page from a proxy, say) from
// flooding logs and the store.
const maxMessage = 300

// apiError reduces GitLab's error answer to what the retry logic needs.
func (c *Client) apiError(method string, resp *gl.Response, er *gl.ErrorResponse) *core.APIError {
	e := &core.APIError{
		Platform: core.GitLab,
		Method:   method,
		Status:   resp.StatusCode,
		Message:  errorMessage(er, resp.StatusCode),
	}
	if resp.Request != nil {
		e.Route = resp.Request.URL.EscapedPath()
	}
	// GitLab throttles with 429 only (Rack::Attack and application limits);
	// a 503 may still say when to come back.
	e.RateLimited = resp.StatusCode == http.StatusTooManyRequests
	e.RetryAfter = retryAfter(resp.Header, c.now())
	return e
}

func errorMessage(er *gl.ErrorResponse, status int) string {
	msg := er.Message
	// GitLab answers {"message": "..."} or {"error": "..."}; client-go
	// renders those as "{message: ...}", so read the plain text ourselves.
	var body struct {
		Message any `json:"message"`
		Error   any `json:"error"`
	}
	if len(er.Body) > 0 && json.Unmarshal(er.Body, &body) == nil {
		if s, ok := body.Message.(string); ok {
			msg = s
		} else if s, ok := body.Error.(string); ok {
			msg = s
		}
	}
	// client-go wraps a body that is not JSON (Rack::Attack's "Retry
	// later", a proxy's page); keep the body itself.
	if rest, ok := strings.CutPrefix(msg, "failed to parse unknown error format: "); ok {
		msg = rest
	}
	msg = strings.TrimSpace(msg)
	if msg == "" {
		// client-go answers every 404 with a shared error without the body,
		// and an empty body leaves nothing else to say.
		msg = http.StatusText(status)
	}
	if len(msg) > maxMessage {
		msg = msg[:maxMessage] + "…"
	}
	return msg
}

// retryAfter reads how long GitLab asked us to wait: Retry-After (seconds
// or an HTTP date), else RateLimit-Reset (Unix seconds), else
// RateLimit-ResetTime (an HTTP date). Zero when none says a future time.
func retryAfter(h http.Header, now time.Time) time.Duration {
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
			if secs > 0 {
				return time.Duration(secs) * time.Second
			}
		} else if t, err := http.ParseTime(v); err == nil && t.After(now) {
			return t.Sub(now)
		}
	}
	if v := strings.TrimSpace(h.Get("RateLimit-Reset")); v != "" {
		if epoch, err := strconv.ParseInt(v, 10, 64); err == nil {
			if t := time.Unix(epoch, 0); t.After(now) {
				return t.Sub(now)
			}
		}
	}
	if v := strings.TrimSpace(h.Get("RateLimit-ResetTime")); v != "" {
		if t, err := http.ParseTime(v); err == nil && t.After(now) {
			return t.Sub(now)
		}
	}
	return 0
}
