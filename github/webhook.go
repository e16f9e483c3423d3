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

// issueActions are the issues actions that can change a story's verdict.
var issueActions = map[string]bool{
	"opened": true, "edited": true, "reopened": true,
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
// with go-github's ValidateSignature and reads the events with
// ParseWebHook.
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
	payload, res, ok := githubPayload(hd.Get("Content-Type"), body)
	if !ok {
		return res
	}
	switch event {
	case "issues", "issue_comment", "installation", "installation_repositories", "pull_request", "merge_group":
	default:
		// Parsing would check the JSON of the events we handle; those we
		// ignore are checked too, so a broken sender is told the same way.
		if !json.Valid(payload) {
			return webhook.MalformedJSON(nil)
		}
		if event == "ping" {
			return webhook.Ignore("ping reçu / ping received")
		}
		return webhook.Ignore("événement non traité / event not handled")
	}
	parsed, err := gh.ParseWebHook(event, payload)
	if err != nil {
		var syntaxErr *json.SyntaxError
		if errors.As(err, &syntaxErr) {
			return webhook.MalformedJSON(err)
		}
		return webhook.BadRequest("charge utile illisible / unreadable payload", err)
	}
	switch e := parsed.(type) {
	case *gh.IssuesEvent:
		return h.issues(e, payload, delivery)
	case *gh.IssueCommentEvent:
		if isPullRequest(e.GetIssue()) {
			return h.pullRequestComment(e, delivery)
		}
		return h.issueComment(e, delivery)
	case *gh.PullRequestEvent:
		return h.pullRequest(e, delivery)
	case *gh.MergeGroupEvent:
		return h.mergeGroup(e, delivery)
	case *gh.InstallationEvent:
		h.log.InfoContext(ctx, "github installation",
			"delivery", delivery, "action", e.GetAction(),
			"installation", e.GetInstallation().GetID(),
			"account", e.GetInstallation().GetAccount().GetLogin(),
			"repositories", len(e.Repositories))
		return webhook.Ignore("installation journalisée / installation logged")
	case *gh.InstallationRepositoriesEvent:
		h.log.InfoContext(ctx, "github installation repositories",
			"delivery", delivery, "action", e.GetAction(),
			"installation", e.GetInstallation().GetID(),
			"account", e.GetInstallation().GetAccount().GetLogin(),
			"added", len(e.RepositoriesAdded), "removed", len(e.RepositoriesRemoved))
		return webhook.Ignore("installation journalisée / installation logged")
	default:
		// ParseWebHook returned a type for an event listed above that we do
		// not expect: a go-github change, not the caller's fault.
		return webhook.Ignore("événement non traité / event not handled")
	}
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

func (h *Webhooks) issues(e *gh.IssuesEvent, payload []byte, delivery string) webhook.Result {
	action := e.GetAction()
	if h.bots.Has(e.GetSender().GetLogin()) {
		return webhook.Ignore("événement de cochef lui-même / event from cochef itself")
	}
	if !issueActions[action] {
		return webhook.Ignore("action non traitée / action not handled")
	}
	if isPullRequest(e.GetIssue()) {
		return webhook.Ignore("pull request, pas une issue / pull request, not an issue")
	}
	issue := e.GetIssue()
	ref, ok := githubIssueRef(e.GetRepo(), e.GetInstallation(), issue)
	if action == "transferred" {
		// The issue now lives elsewhere: go-github's EditChange has no
		// new_issue/new_repository, so they are read from the payload.
		ref, issue, ok = transferredRef(payload, e.GetInstallation())
	}
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

func (h *Webhooks) issueComment(e *gh.IssueCommentEvent, delivery string) webhook.Result {
	if e.GetAction() != "created" {
		return webhook.Ignore("action non traitée / action not handled")
	}
	if isPullRequest(e.GetIssue()) {
		return webhook.Ignore("commentaire de pull request / pull request comment")
	}
	cmd, ok := core.ParseCommand(e.GetComment().GetBody())
	if !ok || cmd.Verb != core.VerbCheck {
		return webhook.Ignore("pas une commande cochef / not a cochef command")
	}
	author := e.GetComment().GetUser()
	// A bot repeating a command (ours quoting it, or another App) must not
	// drive evaluations; only people may ask for one.
	if h.bots.Has(e.GetSender().GetLogin()) || h.bots.Has(author.GetLogin()) || strings.EqualFold(author.GetType(), "Bot") {
		return webhook.Ignore("commande écrite par un robot / command written by a bot")
	}
	ref, ok := githubIssueRef(e.GetRepo(), e.GetInstallation(), e.GetIssue())
	if !ok || author.GetLogin() == "" {
		return webhook.BadRequest("charge utile incomplète (dépôt, issue ou auteur manquant) / incomplete payload (repository, issue or author missing)", nil)
	}
	return webhook.Accept(core.Task{
		Feature:  core.FeatureFeedback,
		Issue:    ref,
		Trigger:  core.TriggerCommand,
		Delivery: delivery,
		Actor:    author.GetLogin(),
		Command:  &cmd,
		Snapshot: githubSnapshot(ref, e.GetIssue()),
	}, "created")
}

// isPullRequest guards go-github's value-receiver IsPullRequest, which
// panics on a payload without "issue".
func isPullRequest(is *gh.Issue) bool {
	return is != nil && is.IsPullRequest()
}

// githubIssueRef builds the reference; InstallationID is zero for a plain
// repository webhook (no App), which only dry-run can serve.
func githubIssueRef(repo *gh.Repository, inst *gh.Installation, issue *gh.Issue) (core.IssueRef, bool) {
	name, number := repo.GetFullName(), issue.GetNumber()
	if name == "" || number <= 0 {
		return core.IssueRef{}, false
	}
	return core.IssueRef{
		Repo:   core.Repo{Platform: core.GitHub, FullName: name, InstallationID: inst.GetID()},
		Number: number,
	}, true
}

func transferredRef(payload []byte, inst *gh.Installation) (core.IssueRef, *gh.Issue, bool) {
	var p struct {
		Changes struct {
			NewIssue      *gh.Issue      `json:"new_issue"`
			NewRepository *gh.Repository `json:"new_repository"`
		} `json:"changes"`
	}
	if err := json.Unmarshal(payload, &p); err != nil {
		return core.IssueRef{}, nil, false
	}
	ref, ok := githubIssueRef(p.Changes.NewRepository, inst, p.Changes.NewIssue)
	return ref, p.Changes.NewIssue, ok
}

// githubSnapshot copies the issue as the webhook described it into
// Task.Snapshot. A worker with credentials reads the current state
// instead; in dry-run, without credentials, the snapshot is all it has.
func githubSnapshot(ref core.IssueRef, is *gh.Issue) *core.Issue {
	labels := make([]string, 0, len(is.Labels))
	for _, l := range is.Labels {
		if n := l.GetName(); n != "" {
			labels = append(labels, n)
		}
	}
	return &core.Issue{
		Ref:       ref,
		Title:     is.GetTitle(),
		Body:      is.GetBody(),
		Labels:    labels,
		State:     is.GetState(),
		Author:    is.GetUser().GetLogin(),
		URL:       is.GetHTMLURL(),
		UpdatedAt: is.GetUpdatedAt().UTC(),
	}
}
