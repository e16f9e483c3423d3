package github_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/github"
	"github.com/cochef/cochef/webhook"
	"github.com/cochef/cochef/webhook/webhooktest"
)

const (
	testSecret   = "s3cr3t-de-test"
	hdrEvent     = "X-GitHub-Event"
	hdrDelivery  = "X-GitHub-Delivery"
	hdrSignature = "X-Hub-Signature-256"
)

var path = webhook.Path(core.GitHub)

// newHarness serves the GitHub source, signed with testSecret, ignoring
// cochef[bot], as mod changes it; its installation logs go to the
// harness's.
func newHarness(t testing.TB, mod func(*github.WebhookConfig)) *webhooktest.Harness {
	t.Helper()
	logs := &bytes.Buffer{}
	log := webhooktest.Logger(logs)
	cfg := github.WebhookConfig{Secrets: []string{testSecret}, BotLogins: []string{"cochef[bot]"}, Logger: log}
	if mod != nil {
		mod(&cfg)
	}
	hs := webhooktest.New(t, webhook.Options{Sources: []webhook.Source{github.NewWebhooks(cfg)}, Logger: log})
	hs.Logs = logs
	return hs
}

func githubRequest(event, delivery string, body []byte, secret string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if event != "" {
		r.Header.Set(hdrEvent, event)
	}
	if delivery != "" {
		r.Header.Set(hdrDelivery, delivery)
	}
	if secret != "" {
		r.Header.Set(hdrSignature, github.SignWebhook(secret, body))
	}
	return r
}
