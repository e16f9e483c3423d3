package gitlab_test

import (
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/gitlab"
	"github.com/cochef/cochef/webhook"
	"github.com/cochef/cochef/webhook/webhooktest"
)

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestGitLabHandledEvents(t *testing.T) {
	const idem = "908a6d9e-45fd-46c8-97e6-c4f350f219dd"
	issueRef := core.IssueRef{
		Repo:   core.Repo{Platform: core.GitLab, FullName: "gitlabhq/gitlab-test", ProjectID: 1},
		Number: 23,
	}
	issueSnap := &core.Issue{
		Ref: issueRef, Title: "New API: create/update/delete file",
		Body:   "Create new API for manipulations with repository",
		Labels: []string{"API"}, State: "open", URL: "http://example.com/diaspora/issues/23",
		UpdatedAt: mustTime("2013-12-03T17:15:43Z"),
	}
	evaluate := func(delivery string) *core.Task {
		return &core.Task{
			Feature: core.FeatureFeedback, Issue: issueRef, Trigger: core.TriggerChanged, Delivery: delivery,
			ReceivedAt: webhooktest.Now, Snapshot: issueSnap,
		}
	}
	noteRef := core.IssueRef{
		Repo:   core.Repo{Platform: core.GitLab, FullName: "gitlab-org/gitlab-test", ProjectID: 5},
		Number: 17,
	}
	check := func(delivery string) *core.Task {
		return &core.Task{
			Feature: core.FeatureFeedback, Issue: noteRef, Trigger: core.TriggerCommand,
			Command: &core.Command{Verb: core.VerbCheck}, Delivery: delivery, Actor: "user1", ReceivedAt: webhooktest.Now,
			Snapshot: &core.Issue{
				Ref: noteRef, Title: "test_issue", Body: "test issue",
				Labels: []string{"Afterpod", "Element"}, State: "closed",
				UpdatedAt: mustTime("2016-01-04T15:31:46.176Z"),
			},
		}
	}
	setAction := func(a string) func(map[string]any) {
		return func(m map[string]any) { webhooktest.Obj(m, "object_attributes")["action"] = a }
	}
	setNote := func(n string) func(map[string]any) {
		return func(m map[string]any) { webhooktest.Obj(m, "object_attributes")["note"] = n }
	}
	withIdem := map[string]string{hdrIdempotency: idem, hdrUUID: "evt-uuid"}

	tests := []struct {
		name       string
		file       string
		event      string
		headers    map[string]string
		edit       func(map[string]any)
		wantCode   int
		wantStatus string
		want       *core.Task
	}{
		{"issue opened, Idempotency-Key", "issue.json", "Issue Hook", withIdem, nil, 202, "accepted",
			evaluate(idem)},
		{"issue opened, GitLab before 17.4", "issue.json", "Issue Hook", map[string]string{hdrUUID: "evt-uuid"}, nil, 202, "accepted",
			evaluate("evt-uuid:301:2013-12-03T17:15:43Z")},
		{"issue updated", "issue.json", "Issue Hook", withIdem, setAction("update"), 202, "accepted",
			evaluate(idem)},
		{"issue reopened", "issue.json", "Issue Hook", withIdem, setAction("reopen"), 202, "accepted",
			evaluate(idem)},
		{"confidential issue", "issue.json", "Confidential Issue Hook", withIdem, nil, 202, "accepted",
			evaluate(idem)},
		{"issue closed: recorded as out of the backlog", "issue.json", "Issue Hook", withIdem, setAction("close"), 202, "accepted",
			evaluate(idem)},
		{"issue changed by cochef's bot is ignored", "issue.json", "Issue Hook", withIdem,
			func(m map[string]any) { webhooktest.Obj(m, "user")["username"] = "project_42_bot_cochef" }, 200, "ignored", nil},

		{"/cochef check note", "note_issue.json", "Note Hook", withIdem, setNote("/cochef check"), 202, "accepted",
			check(idem)},
		{"/cochef check note before 17.4: key from the note", "note_issue.json", "Note Hook", map[string]string{hdrUUID: "evt-uuid"},
			setNote("/Cochef Check"), 202, "accepted", check("evt-uuid:1241:2015-05-17 17:06:40 UTC")},
		{"internal note with the command", "note_issue.json", "Confidential Note Hook", withIdem, setNote("/cochef check"), 202, "accepted",
			check(idem)},
		{"ordinary note is ignored", "note_issue.json", "Note Hook", withIdem, nil, 200, "ignored", nil},
		{"edited note is ignored", "note_issue.json", "Note Hook", withIdem,
			func(m map[string]any) { setNote("/cochef check")(m); setAction("update")(m) }, 200, "ignored", nil},
		{"system note is ignored", "note_issue.json", "Note Hook", withIdem,
			func(m map[string]any) {
				setNote("/cochef check")(m)
				webhooktest.Obj(m, "object_attributes")["system"] = true
			}, 200, "ignored", nil},
		{"command from cochef's bot is ignored", "note_issue.json", "Note Hook", withIdem,
			func(m map[string]any) {
				setNote("/cochef check")(m)
				webhooktest.Obj(m, "user")["username"] = "PROJECT_42_BOT_COCHEF"
			}, 200, "ignored", nil},
		{"ordinary note on a merge request is ignored", "note_merge_request.json", "Note Hook", withIdem, nil, 200, "ignored", nil},
		{"note on a snippet is ignored", "note_snippet.json", "Note Hook", withIdem, setNote("/cochef check"), 200, "ignored", nil},
		{"merge request approved is ignored", "merge_request.json", "Merge Request Hook", withIdem, setAction("approved"), 200, "ignored", nil},
		{"push is ignored", "push.json", "Push Hook", withIdem, nil, 200, "ignored", nil},
		{"unknown event is ignored", "issue.json", "Future Hook", withIdem, nil, 200, "ignored", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hs := newHarness(t, nil)
			body := webhooktest.ReadFixture(t, "webhooks/"+tc.file)
			if tc.edit != nil {
				body = webhooktest.EditJSON(t, body, tc.edit)
			}
			w := hs.Do(gitlabRequest(tc.event, testGitLabSecret, body, tc.headers))
			hs.CheckTask(t, w, tc.wantCode, tc.want)
			if resp := webhooktest.Decode(t, w); resp.Status != tc.wantStatus {
				t.Errorf("status field = %q, want %q", resp.Status, tc.wantStatus)
			}
			logs := hs.Logs.String()
			for _, secret := range []string{testGitLabSecret, "Create new API for manipulations", "test_issue", "New API: create"} {
				if strings.Contains(logs, secret) {
					t.Errorf("logs contain %q:\n%s", secret, logs)
				}
			}
		})
	}
}

func TestGitLabRejectsBadRequests(t *testing.T) {
	issue := webhooktest.ReadFixture(t, "webhooks/issue.json")
	tests := []struct {
		name      string
		mod       func(*gitlab.WebhookConfig)
		req       func() *http.Request
		wantCode  int
		wantAllow string
		wantIn    string
	}{
		{"no token", nil, func() *http.Request { return gitlabRequest("Issue Hook", "", issue, nil) }, 401, "", "missing token"},
		{"wrong token", nil, func() *http.Request { return gitlabRequest("Issue Hook", "faux", issue, nil) }, 401, "", "invalid token"},
		{"token with a prefix of the secret", nil, func() *http.Request {
			return gitlabRequest("Issue Hook", testGitLabSecret[:5], issue, nil)
		}, 401, "", "invalid token"},
		{"wrong token on an event cochef ignores", nil, func() *http.Request {
			return gitlabRequest("Push Hook", "faux", issue, nil)
		}, 401, "", "invalid token"},
		{"GET", nil, func() *http.Request { return httptest.NewRequest(http.MethodGet, path, nil) }, 405, "POST", "method not allowed"},
		{"26 MiB body", nil, func() *http.Request {
			r := httptest.NewRequest(http.MethodPost, path, &webhooktest.ZeroReader{N: 26 << 20})
			r.ContentLength = -1
			r.Header.Set(hdrToken, testGitLabSecret)
			r.Header.Set(hdrEvent, "Issue Hook")
			return r
		}, 413, "", "body too large"},
		{"malformed JSON", nil, func() *http.Request {
			return gitlabRequest("Issue Hook", testGitLabSecret, []byte(`{"object_kind":`), nil)
		}, 400, "", "malformed JSON"},
		{"wrong JSON types", nil, func() *http.Request {
			return gitlabRequest("Issue Hook", testGitLabSecret, []byte(`{"object_attributes":{"iid":"vingt-trois"}}`), nil)
		}, 400, "", "unreadable payload"},
		{"no project", nil, func() *http.Request {
			return gitlabRequest("Issue Hook", testGitLabSecret, []byte(`{"object_attributes":{"iid":23,"action":"open"}}`), nil)
		}, 400, "", "incomplete payload"},
		{"missing X-Gitlab-Event", nil, func() *http.Request {
			return gitlabRequest("", testGitLabSecret, issue, nil)
		}, 400, "", "X-Gitlab-Event header required"},
		{"no secret configured: endpoint off", func(c *gitlab.WebhookConfig) { c.Secret = "" }, func() *http.Request {
			return gitlabRequest("Issue Hook", "", issue, nil)
		}, 404, "", "GitLab webhook disabled"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hs := newHarness(t, tc.mod)
			w := hs.Do(tc.req())
			hs.CheckRefused(t, w, tc.wantCode, tc.wantAllow, tc.wantIn)
		})
	}
}

func TestGitLabRedeliveryAndQueueFailure(t *testing.T) {
	hs := newHarness(t, nil)
	body := webhooktest.ReadFixture(t, "webhooks/issue.json")
	headers := map[string]string{hdrIdempotency: "k-1"}
	if w := hs.Do(gitlabRequest("Issue Hook", testGitLabSecret, body, headers)); w.Code != 202 {
		t.Fatalf("first: %d", w.Code)
	}
	w := hs.Do(gitlabRequest("Issue Hook", testGitLabSecret, body, headers))
	if w.Code != 200 || webhooktest.Decode(t, w).Status != "duplicate" {
		t.Errorf("redelivery: %d %s", w.Code, w.Body)
	}
	// Without Idempotency-Key, a resend of the same event (same UUID, same
	// updated_at) is a duplicate too.
	old := map[string]string{hdrUUID: "u-1"}
	hs.Do(gitlabRequest("Issue Hook", testGitLabSecret, body, old))
	if w := hs.Do(gitlabRequest("Issue Hook", testGitLabSecret, body, old)); w.Code != 200 {
		t.Errorf("resend without Idempotency-Key: %d", w.Code)
	}
	if n := len(hs.Queue.Tasks()); n != 2 {
		t.Errorf("%d tasks, want 2", n)
	}

	hs.Queue.Err = webhooktest.ErrQueueDown
	w = hs.Do(gitlabRequest("Issue Hook", testGitLabSecret, body, map[string]string{hdrIdempotency: "k-2"}))
	if w.Code != http.StatusServiceUnavailable {
		t.Errorf("queue down: %d, want 503", w.Code)
	}
}

func TestObserveBoundsEventNames(t *testing.T) {
	hs := newHarness(t, nil)
	hs.Do(gitlabRequest("Issue Hook", "faux", []byte(`{}`), nil))
	hs.Do(gitlabRequest("Made Up Hook", testGitLabSecret, []byte(`{}`), nil))
	want := []webhooktest.Observation{
		{Platform: "gitlab", Event: "Issue Hook", Outcome: webhook.OutcomeUnauthorized},
		{Platform: "gitlab", Event: "other", Outcome: webhook.OutcomeIgnored},
	}
	if got := hs.Observations(); !reflect.DeepEqual(got, want) {
		t.Errorf("observations = %v, want %v", got, want)
	}
}
