package github

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestRouteTemplate(t *testing.T) {
	cases := map[string]string{
		"/repos/octo/hello/issues/12":                      "/repos/{owner}/{repo}/issues/{issue_number}",
		"/repos/octo/hello/issues/12/comments":             "/repos/{owner}/{repo}/issues/{issue_number}/comments",
		"/repositories/99/issues/12/comments":              "/repos/{owner}/{repo}/issues/{issue_number}/comments",
		"/repos/octo/hello/issues/comments/5":              "/repos/{owner}/{repo}/issues/comments/{comment_id}",
		"/repos/octo/hello/labels/récit: prêt":             "/repos/{owner}/{repo}/labels/{name}",
		"/repos/octo/hello/labels/2024":                    "/repos/{owner}/{repo}/labels/{name}",
		"/repos/octo/hello/labels":                         "/repos/{owner}/{repo}/labels",
		"/repos/octo/hello/issues/3/labels/bug":            "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}",
		"/repos/octo/hello/collaborators/alice/permission": "/repos/{owner}/{repo}/collaborators/{username}/permission",
		"/repos/octo/.github/contents/.github/cochef.yml":  "/repos/{owner}/{repo}/contents/{path}",
		"/repos/octo/hello/check-runs/8":                   "/repos/{owner}/{repo}/check-runs/{check_run_id}",
		"/app/installations/7/access_tokens":               "/app/installations/{installation_id}/access_tokens",
	}
	for path, want := range cases {
		if got := routeTemplate(path); got != want {
			t.Errorf("routeTemplate(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestETagCacheIsBounded(t *testing.T) {
	c := newETagCache(2, 10)
	c.put("a", &etagEntry{etag: "1", body: []byte("aaaa")})
	c.put("b", &etagEntry{etag: "2", body: []byte("bbbb")})
	if c.get("a") == nil { // a becomes the most recent
		t.Fatal("a evicted too early")
	}
	c.put("c", &etagEntry{etag: "3", body: []byte("cc")})
	if c.get("b") != nil {
		t.Error("b, the least recently used, should be evicted by the entry bound")
	}
	c.put("d", &etagEntry{etag: "4", body: []byte("dddddddd")})
	// 2+4+8 bytes exceed 10: the least recently used (a) goes, c and d fit.
	if c.get("a") != nil || c.get("c") == nil || c.get("d") == nil {
		t.Error("the byte bound should evict a only")
	}
	if c.bytes != 10 || c.ll.Len() != 2 {
		t.Errorf("bytes %d entries %d, want 10 and 2", c.bytes, c.ll.Len())
	}
	c.remove("d")
	if c.bytes != 2 || c.get("d") != nil {
		t.Error("remove left the entry")
	}
	c.put("huge", &etagEntry{etag: "5", body: make([]byte, 11)})
	if c.get("huge") != nil || c.bytes != 0 {
		t.Errorf("an entry over the byte bound is kept (bytes %d)", c.bytes)
	}
}

func TestNextLinkStaysOnTheAPIHost(t *testing.T) {
	c, err := New(Config{Token: "t", APIURL: "https://ghe.example/api/v3/"})
	if err != nil {
		t.Fatal(err)
	}
	inst, err := c.installation(0)
	if err != nil {
		t.Fatal(err)
	}
	next, err := inst.nextLink(`<https://ghe.example/api/v3/repositories/9/issues/1/comments?page=2>; rel="next", <https://ghe.example/api/v3/repositories/9/issues/1/comments?page=3>; rel="last"`)
	if err != nil || next != "https://ghe.example/api/v3/repositories/9/issues/1/comments?page=2" {
		t.Errorf("next %q, %v", next, err)
	}
	if next, err := inst.nextLink(`<https://ghe.example/x?page=1>; rel="prev"`); err != nil || next != "" {
		t.Errorf("no next: %q, %v", next, err)
	}
	if _, err := inst.nextLink(`<https://evil.example/steal?page=2>; rel="next"`); err == nil || !strings.Contains(err.Error(), "leaves the API host") {
		t.Errorf("a next link to another host: %v, want a refusal (the token would follow it)", err)
	}
}

func TestSecondaryLimitWithoutWaitGetsAMinute(t *testing.T) {
	cases := []struct {
		status int
		header http.Header
		body   string
		want   string
	}{
		{403, http.Header{}, `{"message":"You have exceeded a secondary rate limit"}`, "60"},
		{429, http.Header{}, `{"message":"Too Many Requests"}`, "60"},
		{403, http.Header{"Retry-After": {"7"}}, `{"message":"secondary rate limit"}`, "7"},
		{403, http.Header{"X-Ratelimit-Remaining": {"0"}}, `{"message":"API rate limit exceeded"}`, ""},
		{403, http.Header{}, `{"message":"Resource not accessible by integration"}`, ""},
	}
	for _, tc := range cases {
		resp := &http.Response{StatusCode: tc.status, Header: tc.header, Body: http.NoBody}
		resp.Body = readCloser{strings.NewReader(tc.body), http.NoBody}
		normalizeSecondaryLimit(resp)
		if got := resp.Header.Get("Retry-After"); got != tc.want {
			t.Errorf("%d %v %s: Retry-After %q, want %q", tc.status, tc.header, tc.body, got, tc.want)
		}
		b, err := io.ReadAll(resp.Body)
		if err != nil || string(b) != tc.body {
			t.Errorf("body after normalising: %q, %v", b, err)
		}
	}
}

// The content budget is a sliding window: a creation is refused while the
// last minute (or hour) holds as many as allowed, until the oldest of them
// leaves it.
func TestContentBudgetWindows(t *testing.T) {
	t0 := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
	var b contentBudget
	at := func(d time.Duration) time.Time { return t0.Add(d) }
	// 3 a minute, 5 an hour.
	for i, d := range []time.Duration{0, 10 * time.Second, 20 * time.Second} {
		if _, ok := b.take(at(d), 3, 5); !ok {
			t.Fatalf("creation %d refused", i+1)
		}
	}
	wait, ok := b.take(at(30*time.Second), 3, 5)
	if ok || wait != 30*time.Second {
		t.Errorf("a 4th in the minute: %v, %v; want refused for 30 s (until the first is a minute old)", wait, ok)
	}
	for i, d := range []time.Duration{61 * time.Second, 2 * time.Minute} {
		if _, ok := b.take(at(d), 3, 5); !ok {
			t.Fatalf("creation %d after the minute refused", i+4)
		}
	}
	wait, ok = b.take(at(10*time.Minute), 3, 5)
	if ok || wait != 50*time.Minute {
		t.Errorf("a 6th in the hour: %v, %v; want refused for 50 min (until the first is an hour old)", wait, ok)
	}
	if _, ok := b.take(at(time.Hour+time.Second), 3, 5); !ok {
		t.Error("refused once the first left the hour")
	}
	if _, ok := b.take(at(time.Hour+2*time.Second), 0, 0); !ok {
		t.Error("refused without a budget")
	}
}
