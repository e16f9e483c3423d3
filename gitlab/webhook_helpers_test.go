package gitlab_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/gitlab"
	"github.com/cochef/cochef/webhook"
	"github.com/cochef/cochef/webhook/webhooktest"
)

const (
	testGitLabSecret = "jeton-gitlab-de-test"
	hdrToken         = "X-Gitlab-Token"
	hdrEvent         = "X-Gitlab-Event"
	hdrUUID          = "X-Gitlab-Event-UUID"
	hdrIdempotency   = "Idempotency-Key"
)

var path = webhook.Path(core.GitLab)

// newHarness serves the GitLab source with testGitLabSecret, ignoring
// cochef's bot, as mod changes it.
func newHarness(t testing.TB, mod func(*gitlab.WebhookConfig)) *webhooktest.Harness {
	t.Helper()
	cfg := gitlab.WebhookConfig{Secret: testGitLabSecret, BotUsernames: []string{"project_42_bot_cochef"}}
	if mod != nil {
		mod(&cfg)
	}
	return webhooktest.New(t, webhook.Options{Sources: []webhook.Source{gitlab.NewWebhooks(cfg)}})
}

func gitlabRequest(event, token string, body []byte, headers map[string]string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if event != "" {
		r.Header.Set(hdrEvent, event)
	}
	if token != "" {
		r.Header.Set(hdrToken, token)
	}
	for k, v := range headers {
		r.Header.Set(k, v)
	}
	return r
}
