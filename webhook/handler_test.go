package webhook_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/webhook"
	"github.com/cochef/cochef/webhook/webhooktest"
)

// The shared handler with a source of its own: the platforms' sources
// are tested with it in the github and gitlab packages.

// source authenticates with the header X-Key: good, needs the body first
// when bodyFirst, and turns a body "issue N" into a task on issue N with a
// snapshot, "ignore" into an ignored event.
type source struct {
	platform  string
	enabled   bool
	bodyFirst bool
}

func (s source) Platform() string { return s.platform }
func (s source) Name() string     { return strings.ToUpper(s.platform) }
func (s source) Enabled() bool    { return s.enabled }
func (s source) Event(h http.Header) (string, string, string) {
	return "thing", "thing", h.Get("X-Delivery")
}

func (s source) Authenticate(h http.Header) *webhook.Result {
	if h.Get("X-Key") != "good" {
		return webhook.Refuse(http.StatusUnauthorized, webhook.OutcomeUnauthorized, "clé / key", nil)
	}
	return nil
}

func (s source) BodyBeforeAuth() bool                       { return s.bodyFirst }
func (s source) Verify(http.Header, []byte) *webhook.Result { return nil }

func (s source) Parse(_ context.Context, h http.Header, body []byte) webhook.Result {
	if string(body) == "ignore" {
		return webhook.Ignore("rien / nothing")
	}
	ref := core.IssueRef{Repo: core.Repo{Platform: s.platform, FullName: "o/r"}, Number: 1}
	return webhook.Accept(core.Task{Feature: core.FeatureFeedback, Issue: ref, Trigger: core.TriggerChanged,
		Delivery: h.Get("X-Delivery"), Snapshot: &core.Issue{Ref: ref, Body: string(body)}}, "opened")
}

func request(platform, delivery string, body io.Reader) *http.Request {
	r := httptest.NewRequest(http.MethodPost, webhook.Path(platform), body)
	r.Header.Set("X-Key", "good")
	r.Header.Set("X-Delivery", delivery)
	return r
}

func TestHandlerAnswers(t *testing.T) {
	one := source{platform: "one", enabled: true}
	hs := webhooktest.New(t, webhook.Options{Sources: []webhook.Source{one, source{platform: "off"}}})
	for _, c := range []struct {
		name   string
		req    func() *http.Request
		code   int
		status string
		reason string
	}{
		{"accepted", func() *http.Request { return request("one", "d1", strings.NewReader("x")) }, 202, "accepted", ""},
		{"a redelivery", func() *http.Request { return request("one", "d1", strings.NewReader("x")) }, 200, "duplicate", "delivery already received"},
		{"ignored", func() *http.Request { return request("one", "d2", strings.NewReader("ignore")) }, 200, "ignored", "nothing"},
		{"refused before reading", func() *http.Request {
			r := request("one", "d3", strings.NewReader("x"))
			r.Header.Del("X-Key")
			return r
		}, 401, "error", "key"},
		{"not POST", func() *http.Request { return httptest.NewRequest(http.MethodGet, webhook.Path("one"), nil) }, 405, "error", "use POST"},
		{"too large", func() *http.Request {
			return request("one", "d4", &webhooktest.ZeroReader{N: webhook.DefaultMaxBody + 1})
		}, 413, "error", "body too large"},
		{"a platform without a way to authenticate", func() *http.Request { return request("off", "d5", strings.NewReader("x")) },
			404, "error", "OFF webhook disabled"},
		{"an unknown path", func() *http.Request { return request("other", "d6", strings.NewReader("x")) }, 404, "error", "not found"},
	} {
		w := hs.Do(c.req())
		resp := webhooktest.Decode(t, w)
		if w.Code != c.code || resp.Status != c.status || !strings.Contains(resp.Reason, c.reason) {
			t.Errorf("%s: %d %+v, want %d %s %q", c.name, w.Code, resp, c.code, c.status, c.reason)
		}
	}
	tasks := hs.Queue.Tasks()
	if len(tasks) != 1 || !tasks[0].ReceivedAt.Equal(webhooktest.Now) {
		t.Fatalf("tasks %+v, want one stamped with the handler's clock", tasks)
	}
}

func TestEnqueueFailureIs503(t *testing.T) {
	hs := webhooktest.New(t, webhook.Options{Sources: []webhook.Source{source{platform: "one", enabled: true}}})
	hs.Queue.Err = webhooktest.ErrQueueDown
	w := hs.Do(request("one", "d", strings.NewReader("x")))
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(webhooktest.Decode(t, w).Reason, "queue unavailable") {
		t.Fatalf("status %d %s, want 503", w.Code, w.Body)
	}
	// The cause is for the operator, not for the caller.
	if strings.Contains(w.Body.String(), webhooktest.ErrQueueDown.Error()) {
		t.Errorf("body leaks the internal error: %s", w.Body)
	}
	if !strings.Contains(hs.Logs.String(), "level=ERROR") || !strings.Contains(hs.Logs.String(), webhooktest.ErrQueueDown.Error()) {
		t.Errorf("failure not logged as an error: %s", hs.Logs)
	}
}

// A platform cochef has credentials for gets tasks without the issue's
// text: the worker reads the live issue, and bodies stay out of the queue.
// A dry-run platform keeps the snapshot, its only source.
func TestSnapshotsOnlyForDryRunPlatforms(t *testing.T) {
	for _, tc := range []struct {
		live             []string
		wantOne, wantTwo bool
	}{
		{nil, true, true},
		{[]string{"one"}, false, true},
		{[]string{"one", "two"}, false, false},
	} {
		hs := webhooktest.New(t, webhook.Options{LivePlatforms: tc.live, Sources: []webhook.Source{
			source{platform: "one", enabled: true}, source{platform: "two", enabled: true},
		}})
		for _, p := range []string{"one", "two"} {
			if w := hs.Do(request(p, "d-"+p, strings.NewReader("texte"))); w.Code != http.StatusAccepted {
				t.Fatalf("%s: %d", p, w.Code)
			}
		}
		tasks := hs.Queue.Tasks()
		if len(tasks) != 2 {
			t.Fatalf("want 2 tasks, got %d", len(tasks))
		}
		if got := tasks[0].Snapshot != nil; got != tc.wantOne {
			t.Errorf("live %v: snapshot of one kept = %v, want %v", tc.live, got, tc.wantOne)
		}
		if got := tasks[1].Snapshot != nil; got != tc.wantTwo {
			t.Errorf("live %v: snapshot of two kept = %v, want %v", tc.live, got, tc.wantTwo)
		}
	}
}

// blockingBody yields one byte, then holds its reader until released.
type blockingBody struct {
	release chan struct{}
	sent    bool
}

func (b *blockingBody) Read(p []byte) (int, error) {
	if !b.sent {
		b.sent = true
		p[0] = 'x'
		return 1, nil
	}
	<-b.release
	return 0, io.EOF
}

// The bodies read before their request is proven share a memory budget:
// a request that would take it over is answered 503 at once, without
// waiting behind the upload that holds it, and is served again once the
// budget is free. A proven request's body is not counted.
func TestUnverifiedBodiesShareABudget(t *testing.T) {
	hs := webhooktest.New(t, webhook.Options{MaxUnverified: 16 << 10, Sources: []webhook.Source{
		source{platform: "one", enabled: true, bodyFirst: true},
		source{platform: "proven", enabled: true},
	}})
	slow := &blockingBody{release: make(chan struct{})}
	done := make(chan int)
	go func() { done <- hs.Do(request("one", "d-slow", slow)).Code }()
	// Wait until the slow upload holds the budget: another request is
	// turned away at once.
	deadline := time.Now().Add(5 * time.Second)
	for {
		start := time.Now()
		w := hs.Do(request("one", "d-busy", bytes.NewReader([]byte("x"))))
		if w.Code == http.StatusServiceUnavailable {
			if took := time.Since(start); took > time.Second {
				t.Errorf("busy answer after %s, want at once", took)
			}
			if !strings.Contains(webhooktest.Decode(t, w).Reason, "server busy") {
				t.Errorf("reason %q", w.Body)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("status %d, want 503 while the budget is held", w.Code)
		}
		time.Sleep(time.Millisecond)
	}
	if code := hs.Do(request("proven", "d-proven", strings.NewReader("x"))).Code; code != http.StatusAccepted {
		t.Errorf("a proven request while the budget is held: %d, want 202", code)
	}
	close(slow.release)
	if code := <-done; code != http.StatusAccepted {
		t.Fatalf("the slow upload: %d", code)
	}
	if code := hs.Do(request("one", "d-free", strings.NewReader("x"))).Code; code != http.StatusAccepted {
		t.Fatalf("status %d once the budget is free, want 202", code)
	}
	var busy int
	for _, o := range hs.Observations() {
		if o.Outcome == webhook.OutcomeBusy {
			busy++
		}
	}
	if busy == 0 {
		t.Errorf("observations %v, want a %s outcome", hs.Observations(), webhook.OutcomeBusy)
	}
}
