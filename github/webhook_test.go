package github_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/github"
	"github.com/cochef/cochef/webhook"
	"github.com/cochef/cochef/webhook/webhooktest"
)

const helloWorldBody = "It looks like you accidently spelled 'commit' with two 't's."

func helloWorldRef(installation int64) core.IssueRef {
	return core.IssueRef{
		Repo:   core.Repo{Platform: core.GitHub, FullName: "Codertocat/Hello-World", InstallationID: installation},
		Number: 1,
	}
}

// helloWorldSnapshot is issue #1 of Codertocat/Hello-World as the examples
// describe it; only updated_at and the body vary between them.
func helloWorldSnapshot(installation int64, body, updated string) *core.Issue {
	ts, err := time.Parse(time.RFC3339, updated)
	if err != nil {
		panic(err)
	}
	return &core.Issue{
		Ref:       helloWorldRef(installation),
		Title:     "Spelling error in the README file",
		Body:      body,
		Labels:    []string{"bug"},
		State:     "open",
		Author:    "Codertocat",
		URL:       "https://github.com/Codertocat/Hello-World/issues/1",
		UpdatedAt: ts,
	}
}

func setComment(body string) func(map[string]any) {
	return func(m map[string]any) { webhooktest.Obj(m, "comment")["body"] = body }
}

func TestGitHubHandledEvents(t *testing.T) {
	const delivery = "72d3162e-cc78-11e3-81ab-4c9367dc0958"
	evaluate := func(installation int64, snap *core.Issue) *core.Task {
		return &core.Task{
			Feature: core.FeatureFeedback, Issue: helloWorldRef(installation), Trigger: core.TriggerChanged,
			Delivery: delivery, ReceivedAt: webhooktest.Now, Snapshot: snap,
		}
	}
	check := func(actor string, snap *core.Issue) *core.Task {
		return &core.Task{
			Feature: core.FeatureFeedback, Issue: helloWorldRef(1), Trigger: core.TriggerCommand,
			Command: &core.Command{Verb: core.VerbCheck}, Delivery: delivery, Actor: actor, ReceivedAt: webhooktest.Now, Snapshot: snap,
		}
	}
	commentSnap := helloWorldSnapshot(1, helloWorldBody, "2019-05-15T15:20:21Z")

	tests := []struct {
		name       string
		file       string
		event      string
		edit       func(map[string]any)
		wantCode   int
		wantStatus string
		want       *core.Task // nil: nothing enqueued
	}{
		{"issue opened", "issues-opened.json", "issues", nil, 202, "accepted",
			evaluate(0, helloWorldSnapshot(0, helloWorldBody, "2019-05-15T15:20:18Z"))},
		{"issue edited", "issues-edited.json", "issues", nil, 202, "accepted",
			evaluate(0, helloWorldSnapshot(0, helloWorldBody, "2019-05-15T15:20:18Z"))},
		{"issue labeled", "issues-labeled.json", "issues", nil, 202, "accepted",
			evaluate(0, helloWorldSnapshot(0, helloWorldBody, "2019-05-15T15:20:18Z"))},
		{"issue unlabeled", "issues-unlabeled.json", "issues", nil, 202, "accepted",
			evaluate(0, helloWorldSnapshot(0, helloWorldBody, "2019-05-15T15:20:26Z"))},
		{"issue reopened, App installation", "issues-reopened.json", "issues", nil, 202, "accepted",
			evaluate(1, helloWorldSnapshot(1, "", "2021-10-11T16:40:56Z"))},
		// The payload's repository is octo-org/octo-repo, where the issue
		// was; the task must point at where it is now.
		{"issue transferred: the new issue in the new repository", "issues-transferred.json", "issues", nil, 202, "accepted",
			evaluate(0, helloWorldSnapshot(0, helloWorldBody, "2019-05-15T15:20:18Z"))},
		{"issue closed: recorded as out of the backlog", "issues-edited.json", "issues",
			func(m map[string]any) { m["action"] = "closed"; webhooktest.Obj(m, "issue")["state"] = "closed" }, 202, "accepted",
			evaluate(0, func() *core.Issue {
				is := helloWorldSnapshot(0, helloWorldBody, "2019-05-15T15:20:18Z")
				is.State = "closed"
				return is
			}())},
		{"issue assigned is ignored", "issues-assigned.json", "issues", nil, 200, "ignored", nil},
		{"issues event on a pull request is ignored", "issues-milestoned-pr.json", "issues",
			func(m map[string]any) { m["action"] = "edited" }, 200, "ignored", nil},
		{"issue labeled by cochef itself is ignored", "issues-labeled.json", "issues",
			func(m map[string]any) { webhooktest.Obj(m, "sender")["login"] = "Cochef[bot]" }, 200, "ignored", nil},

		{"/cochef check command", "issue_comment-created.json", "issue_comment",
			setComment("/cochef check"), 202, "accepted", check("Codertocat", commentSnap)},
		{"command in any case, with text after it", "issue_comment-created.json", "issue_comment",
			setComment("  /COCHEF Check merci\r\nle récit a changé"), 202, "accepted", check("Codertocat", commentSnap)},
		{"command author is the comment's, not the sender's", "issue_comment-created.json", "issue_comment",
			func(m map[string]any) {
				setComment("/cochef check")(m)
				webhooktest.Obj(webhooktest.Obj(m, "comment"), "user")["login"] = "marie-po"
			}, 202, "accepted", check("marie-po", commentSnap)},
		{"ordinary comment is ignored", "issue_comment-created.json", "issue_comment", nil, 200, "ignored", nil},
		{"command not on the first line is ignored", "issue_comment-created.json", "issue_comment",
			setComment("bonjour\n/cochef check"), 200, "ignored", nil},
		{"longer word is not the command", "issue_comment-created.json", "issue_comment",
			setComment("/cochef checklist"), 200, "ignored", nil},
		{"/cochef check on a pull request renders its recette checklist", "issue_comment-created.json", "issue_comment",
			func(m map[string]any) {
				setComment("/cochef check")(m)
				webhooktest.Obj(m, "issue")["pull_request"] = map[string]any{"url": "https://api.github.com/repos/Codertocat/Hello-World/pulls/1"}
			}, 202, "accepted", &core.Task{
				Feature: core.FeatureRecette, Issue: core.IssueRef{Repo: helloWorldRef(1).Repo, Number: 1, MergeRequest: true},
				Trigger: core.TriggerCommand, Delivery: delivery, Actor: "Codertocat", Command: &core.Command{Verb: core.VerbCheck}, ReceivedAt: webhooktest.Now,
			}},
		{"edited comment is ignored", "issue_comment-edited.json", "issue_comment", setComment("/cochef check"), 200, "ignored", nil},
		{"command from our own App is ignored", "issue_comment-created.json", "issue_comment",
			func(m map[string]any) {
				setComment("/cochef check")(m)
				webhooktest.Obj(m, "sender")["login"] = "cochef[bot]"
				webhooktest.Obj(webhooktest.Obj(m, "comment"), "user")["login"] = "cochef[bot]"
			}, 200, "ignored", nil},
		{"command from another bot is ignored", "issue_comment-created.json", "issue_comment",
			func(m map[string]any) {
				setComment("/cochef check")(m)
				webhooktest.Obj(webhooktest.Obj(m, "comment"), "user")["login"] = "renovate[bot]"
				webhooktest.Obj(webhooktest.Obj(m, "comment"), "user")["type"] = "Bot"
			}, 200, "ignored", nil},

		{"installation is logged only", "installation-created.json", "installation", nil, 200, "ignored", nil},
		{"installation_repositories is logged only", "installation_repositories-added.json", "installation_repositories", nil, 200, "ignored", nil},
		{"ping", "ping.json", "ping", nil, 200, "ignored", nil},
		{"event cochef does not handle", "issues-opened.json", "star", nil, 200, "ignored", nil},
		{"event go-github does not know", "ping.json", "future_event", nil, 200, "ignored", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hs := newHarness(t, nil)
			body := webhooktest.ReadFixture(t, "webhooks/"+tc.file)
			if tc.edit != nil {
				body = webhooktest.EditJSON(t, body, tc.edit)
			}
			w := hs.Do(githubRequest(tc.event, delivery, body, testSecret))
			hs.CheckTask(t, w, tc.wantCode, tc.want)
			if resp := webhooktest.Decode(t, w); resp.Status != tc.wantStatus {
				t.Errorf("status field = %q, want %q", resp.Status, tc.wantStatus)
			}
			// Logs carry ids, never the secret nor what users wrote.
			logs := hs.Logs.String()
			for _, secret := range []string{testSecret, helloWorldBody, "accidently"} {
				if strings.Contains(logs, secret) {
					t.Errorf("logs contain %q:\n%s", secret, logs)
				}
			}
			if !strings.Contains(logs, delivery) {
				t.Errorf("logs do not name the delivery:\n%s", logs)
			}
		})
	}
}

func TestGitHubInstallationIsLogged(t *testing.T) {
	hs := newHarness(t, nil)
	body := webhooktest.ReadFixture(t, "webhooks/installation_repositories-added.json")
	w := hs.Do(githubRequest("installation_repositories", "d-1", body, testSecret))
	if w.Code != http.StatusOK {
		t.Fatalf("status = %d", w.Code)
	}
	logs := hs.Logs.String()
	for _, want := range []string{"github installation repositories", "action=added", "installation=957387", "added=1"} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q:\n%s", want, logs)
		}
	}
}

func TestGitHubRejectsBadRequests(t *testing.T) {
	opened := webhooktest.ReadFixture(t, "webhooks/issues-opened.json")
	tests := []struct {
		name      string
		mod       func(*github.WebhookConfig)
		req       func() *http.Request
		wantCode  int
		wantAllow string
		wantIn    string // part of the bilingual reason
	}{
		{"unsigned", nil, func() *http.Request {
			return githubRequest("issues", "d", opened, "")
		}, 401, "", "signature absente / missing signature"},
		{"signed with another secret", nil, func() *http.Request {
			return githubRequest("issues", "d", opened, "pas-le-bon")
		}, 401, "", "signature invalide / invalid signature"},
		{"body changed after signing", nil, func() *http.Request {
			r := githubRequest("issues", "d", opened, testSecret)
			forged := bytes.Replace(opened, []byte("Codertocat/Hello-World"), []byte("Codertocat/Hello-Evil!"), 1)
			r.Body = io.NopCloser(bytes.NewReader(forged))
			return r
		}, 401, "", "invalid signature"},
		{"SHA-1 signature only", nil, func() *http.Request {
			r := githubRequest("issues", "d", opened, "")
			r.Header.Set("X-Hub-Signature", "sha1=0000000000000000000000000000000000000000")
			return r
		}, 401, "", "missing signature"},
		{"signature that is not hex", nil, func() *http.Request {
			r := githubRequest("issues", "d", opened, "")
			r.Header.Set(hdrSignature, "sha256=zz")
			return r
		}, 401, "", "invalid signature"},
		{"empty secret in the list proves nothing", func(c *github.WebhookConfig) { c.Secrets = []string{"", testSecret} }, func() *http.Request {
			r := githubRequest("issues", "d", opened, "")
			r.Header.Set(hdrSignature, github.SignWebhook("", opened))
			return r
		}, 401, "", "invalid signature"},
		{"26 MiB body with Content-Length", nil, func() *http.Request {
			r := httptest.NewRequest(http.MethodPost, path, &webhooktest.ZeroReader{N: 26 << 20})
			r.ContentLength = 26 << 20
			r.Header.Set(hdrEvent, "issues")
			r.Header.Set(hdrDelivery, "d")
			r.Header.Set(hdrSignature, "sha256="+strings.Repeat("0", 64))
			return r
		}, 413, "", "body too large"},
		{"26 MiB body, chunked", nil, func() *http.Request {
			r := httptest.NewRequest(http.MethodPost, path, &webhooktest.ZeroReader{N: 26 << 20})
			r.ContentLength = -1
			r.Header.Set(hdrSignature, "sha256="+strings.Repeat("0", 64))
			return r
		}, 413, "", "body too large"},
		{"GET", nil, func() *http.Request {
			return httptest.NewRequest(http.MethodGet, path, nil)
		}, 405, "POST", "method not allowed"},
		{"malformed JSON", nil, func() *http.Request {
			return githubRequest("issues", "d", []byte(`{"action":"opened",`), testSecret)
		}, 400, "", "malformed JSON"},
		{"malformed JSON in an event cochef ignores", nil, func() *http.Request {
			return githubRequest("star", "d", []byte(`not json`), testSecret)
		}, 400, "", "malformed JSON"},
		{"wrong JSON types", nil, func() *http.Request {
			return githubRequest("issues", "d", []byte(`{"action":"opened","issue":{"number":"one"}}`), testSecret)
		}, 400, "", "unreadable payload"},
		{"no repository", nil, func() *http.Request {
			return githubRequest("issues", "d", []byte(`{"action":"opened","issue":{"number":1}}`), testSecret)
		}, 400, "", "incomplete payload"},
		{"missing X-GitHub-Event", nil, func() *http.Request {
			return githubRequest("", "d", opened, testSecret)
		}, 400, "", "X-GitHub-Event and X-GitHub-Delivery headers required"},
		{"missing X-GitHub-Delivery", nil, func() *http.Request {
			return githubRequest("issues", "", opened, testSecret)
		}, 400, "", "X-GitHub-Event and X-GitHub-Delivery headers required"},
		{"unsupported content type", nil, func() *http.Request {
			r := githubRequest("issues", "d", opened, testSecret)
			r.Header.Set("Content-Type", "text/plain")
			return r
		}, 415, "", "unsupported content type"},
		{"no secret configured: endpoint off", func(c *github.WebhookConfig) { c.Secrets = nil }, func() *http.Request {
			return githubRequest("issues", "d", opened, testSecret)
		}, 404, "", "GitHub webhook disabled"},
		{"only empty secrets: endpoint off", func(c *github.WebhookConfig) { c.Secrets = []string{""} }, func() *http.Request {
			return githubRequest("issues", "d", opened, "")
		}, 404, "", "GitHub webhook disabled"},
		{"unknown path", nil, func() *http.Request {
			return httptest.NewRequest(http.MethodPost, "/webhooks/bitbucket", nil)
		}, 404, "", "not found"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hs := newHarness(t, tc.mod)
			w := hs.Do(tc.req())
			hs.CheckRefused(t, w, tc.wantCode, tc.wantAllow, tc.wantIn)
			if strings.Contains(hs.Logs.String(), testSecret) {
				t.Errorf("logs contain the secret")
			}
		})
	}
}

func TestGitHubAcceptsRotatedSecretFormAndInsecure(t *testing.T) {
	opened := webhooktest.ReadFixture(t, "webhooks/issues-opened.json")
	tests := []struct {
		name string
		mod  func(*github.WebhookConfig)
		req  func() *http.Request
	}{
		{"second of two secrets", func(c *github.WebhookConfig) { c.Secrets = []string{"ancien", testSecret} }, func() *http.Request {
			return githubRequest("issues", "d", opened, testSecret)
		}},
		{"form-encoded payload", nil, func() *http.Request {
			form := []byte("payload=" + url.QueryEscape(string(opened)))
			r := githubRequest("issues", "d", form, testSecret)
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			return r
		}},
		{"insecure mode, unsigned", func(c *github.WebhookConfig) { c.Secrets = nil; c.InsecureSkipVerify = true }, func() *http.Request {
			return githubRequest("issues", "d", opened, "")
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hs := newHarness(t, tc.mod)
			w := hs.Do(tc.req())
			if w.Code != http.StatusAccepted {
				t.Fatalf("status = %d, want 202; body %s", w.Code, w.Body)
			}
			tasks := hs.Queue.Tasks()
			if len(tasks) != 1 || tasks[0].Issue != helloWorldRef(0) {
				t.Errorf("tasks = %+v", tasks)
			}
		})
	}
}

func TestGitHubRedeliveryIsDuplicate(t *testing.T) {
	hs := newHarness(t, nil)
	body := webhooktest.ReadFixture(t, "webhooks/issues-edited.json")
	var codes []int
	var statuses []string
	for range 3 {
		w := hs.Do(githubRequest("issues", "same-delivery", body, testSecret))
		codes = append(codes, w.Code)
		statuses = append(statuses, webhooktest.Decode(t, w).Status)
	}
	if want := []int{202, 200, 200}; !reflect.DeepEqual(codes, want) {
		t.Errorf("codes = %v, want %v", codes, want)
	}
	if want := []string{"accepted", "duplicate", "duplicate"}; !reflect.DeepEqual(statuses, want) {
		t.Errorf("statuses = %v, want %v", statuses, want)
	}
	if n := len(hs.Queue.Tasks()); n != 1 {
		t.Errorf("%d tasks, want 1", n)
	}
	// Another delivery of the same issue is new work.
	if w := hs.Do(githubRequest("issues", "other-delivery", body, testSecret)); w.Code != 202 {
		t.Errorf("new delivery: status %d", w.Code)
	}
}

func TestGitHubEnqueueFailureIs503(t *testing.T) {
	hs := newHarness(t, nil)
	hs.Queue.Err = webhooktest.ErrQueueDown
	w := hs.Do(githubRequest("issues", "d", webhooktest.ReadFixture(t, "webhooks/issues-opened.json"), testSecret))
	if w.Code != http.StatusServiceUnavailable {
		t.Fatalf("status = %d, want 503", w.Code)
	}
	if resp := webhooktest.Decode(t, w); !strings.Contains(resp.Reason, "queue unavailable") {
		t.Errorf("reason = %q", resp.Reason)
	}
	// The cause is for the operator, not for the caller.
	if strings.Contains(w.Body.String(), webhooktest.ErrQueueDown.Error()) {
		t.Errorf("body leaks the internal error: %s", w.Body)
	}
	if !strings.Contains(hs.Logs.String(), "level=ERROR") || !strings.Contains(hs.Logs.String(), webhooktest.ErrQueueDown.Error()) {
		t.Errorf("failure not logged as an error: %s", hs.Logs)
	}
}

func TestObserveBoundsEventNames(t *testing.T) {
	hs := newHarness(t, nil)
	hs.Do(githubRequest("issues", "d1", webhooktest.ReadFixture(t, "webhooks/issues-opened.json"), testSecret))
	hs.Do(githubRequest("issues", "d1", webhooktest.ReadFixture(t, "webhooks/issues-opened.json"), testSecret))
	hs.Do(githubRequest("x-made-up-by-an-attacker", "d2", []byte(`{}`), ""))
	want := []webhooktest.Observation{
		{Platform: "github", Event: "issues", Outcome: webhook.OutcomeAccepted},
		{Platform: "github", Event: "issues", Outcome: webhook.OutcomeDuplicate},
		{Platform: "github", Event: "other", Outcome: webhook.OutcomeUnauthorized},
	}
	if got := hs.Observations(); !reflect.DeepEqual(got, want) {
		t.Errorf("observations = %v, want %v", got, want)
	}
}

// FuzzGitHubIntake sends arbitrary bodies with a valid signature: the
// handler must never panic and must answer 200, 202 or 400, never a 5xx.
func FuzzGitHubIntake(f *testing.F) {
	events := []string{"issues", "issue_comment", "installation", "installation_repositories", "ping", "star"}
	for _, file := range []string{"issues-opened.json", "issues-transferred.json", "issue_comment-created.json", "installation-created.json", "ping.json"} {
		b := webhooktest.ReadFixture(f, "webhooks/"+file)
		for i := range events {
			f.Add(b, uint8(i))
		}
	}
	f.Add([]byte(`{"action":"opened","issue":{"number":1},"repository":{"full_name":"a/b"}}`), uint8(0))
	f.Add([]byte(`{"action":"transferred","changes":{"new_issue":null}}`), uint8(0))
	f.Add([]byte(`{"action":"created","issue":{"number":1},"comment":{"body":"/cochef check","user":{}}}`), uint8(1))
	f.Add([]byte(`null`), uint8(0))
	f.Add([]byte(`[]`), uint8(1))
	f.Add([]byte(``), uint8(2))

	hs := newHarness(f, nil)
	hs.Logs.Reset()
	f.Fuzz(func(t *testing.T, body []byte, ev uint8) {
		event := events[int(ev)%len(events)]
		w := hs.Do(githubRequest(event, "fuzz", body, testSecret))
		switch w.Code {
		case 200, 202, 400:
		default:
			t.Fatalf("status %d for %s %q", w.Code, event, body)
		}
	})
}

// BenchmarkGitHubIntake measures what a delivery costs before the queue:
// signature check, parse and normalisation, with an enqueuer that does
// nothing.
func BenchmarkGitHubIntake(b *testing.B) {
	body := webhooktest.ReadFixture(b, "webhooks/issues-opened.json")
	sig := github.SignWebhook(testSecret, body)
	h := webhook.NewHandler(webhook.Options{
		Sources:  []webhook.Source{github.NewWebhooks(github.WebhookConfig{Secrets: []string{testSecret}})},
		Enqueuer: nopEnqueuer{},
		Logger:   slog.New(slog.DiscardHandler),
	})
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set(hdrEvent, "issues")
		r.Header.Set(hdrDelivery, "72d3162e-cc78-11e3-81ab-4c9367dc0958")
		r.Header.Set(hdrSignature, sig)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusAccepted {
			b.Fatalf("status %d", w.Code)
		}
	}
}

// nopEnqueuer accepts everything, for the benchmark.
type nopEnqueuer struct{}

func (nopEnqueuer) Enqueue(context.Context, core.Task) (bool, error) { return true, nil }

// An unsigned request is refused before its body is read (the handler
// bounds the bodies read before their signature is checked: webhook tests).
func TestGitHubUnsignedBodyIsNotRead(t *testing.T) {
	hs := newHarness(t, nil)
	body := &webhooktest.ZeroReader{N: 20 << 20}
	r := httptest.NewRequest(http.MethodPost, path, body)
	r.Header.Set(hdrEvent, "issues")
	r.Header.Set(hdrDelivery, "d-unsigned")
	if w := hs.Do(r); w.Code != http.StatusUnauthorized {
		t.Fatalf("status %d, want 401", w.Code)
	}
	if body.N != 20<<20 {
		t.Fatalf("%d bytes of an unsigned body were read", 20<<20-body.N)
	}
}
