package github

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strings"

	gh "github.com/google/go-github/v93/github"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/webhook"
)

// GitHub header names (go-github exports the signature ones only as
// unexported constants' values, so they are spelled out here).
const (
	headerGitHubEvent     = "X-GitHub-Event"
	headerGitHubDelivery  = "X-GitHub-Delivery"
	headerGitHubSignature = "X-Hub-Signature-256"
)

// maxDeliveryLen bounds the delivery id we store: GitHub's is a 36-char
// GUID, so anything much longer is not from GitHub.
const maxDeliveryLen = 200

// issueActions are the issues actions that can change a story's verdict,
// and "closed": the job then only records that the story left the backlog
// (the dashboard and the similar-story line count open stories only).
var issueActions = map[string]bool{
	"opened": true, "edited": true, "reopened": true, "closed": true,
	"labeled": true, "unlabeled": true, "transferred": true,
}

// WebhookConfig configures the GitHub webhook source.
type WebhookConfig struct {
	// Secrets are the webhook secrets; a request passes when its
	// X-Hub-Signature-256 matches any of them, so a secret can be rotated
	// without downtime. Empty strings are skipped: an HMAC keyed with an
	// empty secret proves nothing. Without any, the endpoint is off.
	Secrets []string
	// InsecureSkipVerify accepts requests without checking their signature
	// at all. For local trials only; the server logs a warning at start
	// when it is set.
	InsecureSkipVerify bool
	// BotLogins are senders whose events are ignored (our own App, e.g.
	// "cochef[bot]"): cochef's label and comment writes must not trigger
	// evaluations. Compared case-insensitively.
	BotLogins []string
	// Logger receives the installation events; defaults to slog.Default().
	Logger *slog.Logger
}

// Webhooks is GitHub's webhook.Source: it verifies X-Hub-Signature-256
// with go-github's ValidateSignature and reads, of the events it handles,
// the fields it needs (payload.go).
type Webhooks struct {
	secrets  [][]byte
	insecure bool
	bots     webhook.Names
	known    map[string]bool // event names go-github knows, for metrics
	log      *slog.Logger
}

var _ webhook.Source = (*Webhooks)(nil)

// NewWebhooks returns the GitHub webhook source.
func NewWebhooks(cfg WebhookConfig) *Webhooks {
	h := &Webhooks{
		bots:     webhook.NewNames(cfg.BotLogins),
		insecure: cfg.InsecureSkipVerify,
		known:    map[string]bool{},
		log:      cfg.Logger,
	}
	if h.log == nil {
		h.log = slog.Default()
	}
	for _, s := range cfg.Secrets {
		if s != "" {
			h.secrets = append(h.secrets, []byte(s))
		}
	}
	for _, t := range gh.MessageTypes() {
		h.known[t] = true
	}
	return h
}

// Platform is core.GitHub.
func (h *Webhooks) Platform() string { return core.GitHub }

// Name is "GitHub".
func (h *Webhooks) Name() string { return "GitHub" }

// Enabled: a secret, or the insecure mode.
func (h *Webhooks) Enabled() bool { return len(h.secrets) > 0 || h.insecure }

// Event reads X-GitHub-Event and X-GitHub-Delivery.
func (h *Webhooks) Event(hd http.Header) (event, metric, delivery string) {
	event = hd.Get(headerGitHubEvent)
	metric = "other"
	if h.known[event] {
		metric = event
	}
	return event, metric, hd.Get(headerGitHubDelivery)
}

// BodyBeforeAuth: the signature covers the body, so bodies are read before
// a request is proven (in the insecure mode too, where nothing proves it).
func (h *Webhooks) BodyBeforeAuth() bool { return true }

// Parse reads a verified delivery.
func (h *Webhooks) Parse(ctx context.Context, hd http.Header, body []byte) webhook.Result {
	event, delivery := hd.Get(headerGitHubEvent), hd.Get(headerGitHubDelivery)
	if event == "" || delivery == "" || len(delivery) > maxDeliveryLen {
		return webhook.BadRequest("en-têtes X-GitHub-Event et X-GitHub-Delivery requis / X-GitHub-Event and X-GitHub-Delivery headers required", nil)
	}
	raw, res, ok := githubPayload(hd.Get("Content-Type"), body)
	if !ok {
		return res
	}
	switch event {
	case "issues", "issue_comment", "installation", "installation_repositories", "pull_request", "merge_group":
	default:
		// Parsing would check the JSON of the events we handle; those we
		// ignore are checked too, so a broken sender is told the same way.
		if !json.Valid(raw) {
			return webhook.MalformedJSON(nil)
		}
		if event == "ping" {
			return webhook.Ignore("ping reçu / ping received")
		}
		return webhook.Ignore("événement non traité / event not handled")
	}
	p, err := decodePayload(raw)
	if err != nil {
		if errors.Is(err, errSyntax) {
			return webhook.MalformedJSON(err)
		}
		return webhook.BadRequest("charge utile illisible / unreadable payload", err)
	}
	switch event {
	case "issues":
		return h.issues(&p, delivery)
	case "issue_comment":
		if isPullRequest(p.Issue) {
			return h.pullRequestComment(&p, delivery)
		}
		return h.issueComment(&p, delivery)
	case "pull_request":
		return h.pullRequest(&p, delivery)
	case "merge_group":
		return h.mergeGroup(&p, delivery)
	case "installation":
		h.log.InfoContext(ctx, "github installation",
			"delivery", delivery, "action", p.Action,
			"installation", p.Installation.id(),
			"account", p.Installation.account(),
			"repositories", p.Repositories)
	default: // installation_repositories
		h.log.InfoContext(ctx, "github installation repositories",
			"delivery", delivery, "action", p.Action,
			"installation", p.Installation.id(),
			"account", p.Installation.account(),
			"added", p.Added, "removed", p.Removed)
	}
	return webhook.Ignore("installation journalisée / installation logged")
}

// Authenticate refuses a request without a SHA-256 signature, before its
// body is read. Only the SHA-256 signature is accepted: falling back to
// the SHA-1 X-Hub-Signature would let a forger pick the weaker hash.
func (h *Webhooks) Authenticate(hd http.Header) *webhook.Result {
	if h.insecure {
		return nil
	}
	sig := hd.Get(headerGitHubSignature)
	if sig == "" {
		return webhook.Refuse(http.StatusUnauthorized, webhook.OutcomeUnauthorized,
			"signature absente / missing signature", nil)
	}
	if !strings.HasPrefix(sig, "sha256=") {
		return webhook.Refuse(http.StatusUnauthorized, webhook.OutcomeUnauthorized,
			"signature invalide / invalid signature", errors.New("signature is not sha256="))
	}
	return nil
}

// Verify checks X-Hub-Signature-256 against every configured secret.
func (h *Webhooks) Verify(hd http.Header, body []byte) *webhook.Result {
	if h.insecure {
		return nil
	}
	sig := hd.Get(headerGitHubSignature)
	for _, secret := range h.secrets {
		// ValidateSignature compares with hmac.Equal, in constant time.
		if gh.ValidateSignature(sig, body, secret) == nil {
			return nil
		}
	}
	return webhook.Refuse(http.StatusUnauthorized, webhook.OutcomeUnauthorized,
		"signature invalide / invalid signature", nil)
}

// SignWebhook returns the X-Hub-Signature-256 value GitHub sends for body:
// what `cochef replay`, the tests and the load script sign with.
func SignWebhook(secret string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// githubPayload extracts the JSON from the two content types a GitHub
// webhook can be configured with. The signature covers the raw body, so
// this runs after verification.
func githubPayload(contentType string, body []byte) ([]byte, webhook.Result, bool) {
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil && contentType != "" {
		return nil, *webhook.Refuse(http.StatusUnsupportedMediaType, webhook.OutcomeBadRequest,
			"type de contenu invalide / invalid content type", err), false
	}
	switch mediaType {
	case "application/json", "":
		return body, webhook.Result{}, true
	case "application/x-www-form-urlencoded":
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, webhook.BadRequest("formulaire illisible / unreadable form", err), false
		}
		return []byte(form.Get("payload")), webhook.Result{}, true
	default:
		return nil, *webhook.Refuse(http.StatusUnsupportedMediaType, webhook.OutcomeBadRequest,
			"type de contenu non pris en charge / unsupported content type", nil), false
	}
}

func (h *Webhooks) issues(p *payload, delivery string) webhook.Result {
	action := p.Action
	if h.bots.Has(p.Sender.login()) {
		return webhook.Ignore("événement de cochef lui-même / event from cochef itself")
	}
	if !issueActions[action] {
		return webhook.Ignore("action non traitée / action not handled")
	}
	if isPullRequest(p.Issue) {
		return webhook.Ignore("pull request, pas une issue / pull request, not an issue")
	}
	issue, repo := p.Issue, p.Repository
	if action == "transferred" {
		// The issue now lives elsewhere: the new issue and repository
		// are in the changes.
		issue, repo = nil, nil
		if p.Changes != nil {
			issue, repo = p.Changes.NewIssue, p.Changes.NewRepository
		}
	}
	ref, ok := githubIssueRef(repo, p.Installation, issue)
	if !ok {
		return webhook.BadRequest("charge utile incomplète (dépôt ou issue manquant) / incomplete payload (repository or issue missing)", nil)
	}
	return webhook.Accept(core.Task{
		Feature:  core.FeatureFeedback,
		Issue:    ref,
		Trigger:  core.TriggerChanged,
		Delivery: delivery,
		Snapshot: githubSnapshot(ref, issue),
	}, action)
}

func (h *Webhooks) issueComment(p *payload, delivery string) webhook.Result {
	if p.Action != "created" {
		return webhook.Ignore("action non traitée / action not handled")
	}
	cmd, ok := core.ParseCommand(p.Comment.body())
	if !ok || cmd.Verb != core.VerbCheck {
		return webhook.Ignore("pas une commande cochef / not a cochef command")
	}
	author := p.Comment.user()
	// A bot repeating a command (ours quoting it, or another App) must not
	// drive evaluations; only people may ask for one.
	if h.bots.Has(p.Sender.login()) || h.bots.Has(author.login()) || strings.EqualFold(author.kind(), "Bot") {
		return webhook.Ignore("commande écrite par un robot / command written by a bot")
	}
	ref, ok := githubIssueRef(p.Repository, p.Installation, p.Issue)
	if !ok || author.login() == "" {
		return webhook.BadRequest("charge utile incomplète (dépôt, issue ou auteur manquant) / incomplete payload (repository, issue or author missing)", nil)
	}
	return webhook.Accept(core.Task{
		Feature:  core.FeatureFeedback,
		Issue:    ref,
		Trigger:  core.TriggerCommand,
		Delivery: delivery,
		Actor:    author.login(),
		Command:  &cmd,
		Snapshot: githubSnapshot(ref, p.Issue),
	}, "created")
}

// isPullRequest: an issue of the issues API that is a pull request.
func isPullRequest(is *payloadIssue) bool {
	return is != nil && is.PullRequest != nil
}

// githubIssueRef builds the reference; InstallationID is zero for a plain
// repository webhook (no App), which only dry-run can serve.
func githubIssueRef(repo *payloadRepo, inst *payloadInstall, issue *payloadIssue) (core.IssueRef, bool) {
	name, number := repo.fullName(), issue.number()
	if name == "" || number <= 0 {
		return core.IssueRef{}, false
	}
	return core.IssueRef{
		Repo:   core.Repo{Platform: core.GitHub, FullName: name, InstallationID: inst.id()},
		Number: number,
	}, true
}

// githubSnapshot copies the issue as the webhook described it into
// Task.Snapshot. A worker with credentials reads the current state
// instead; in dry-run, without credentials, the snapshot is all it has.
func githubSnapshot(ref core.IssueRef, is *payloadIssue) *core.Issue {
	labels := make([]string, 0, len(is.Labels))
	for _, l := range is.Labels {
		if l != "" {
			labels = append(labels, l)
		}
	}
	return &core.Issue{
		Ref:       ref,
		Title:     is.Title,
		Body:      is.Body,
		Labels:    labels,
		State:     is.State,
		Author:    is.User.login(),
		URL:       is.HTMLURL,
		UpdatedAt: is.UpdatedAt.UTC(),
	}
}
