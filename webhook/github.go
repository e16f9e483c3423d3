package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/google/go-github/v93/github"

	"github.com/cochef/cochef/core"
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

type githubHandler struct {
	o        *Options
	enabled  bool
	secrets  [][]byte
	bots     nameSet
	known    map[string]bool // event names go-github knows, for metrics
	insecure bool
	// reading bounds the bodies read at once: a body is read whole before
	// its signature can be checked, so anonymous requests could otherwise
	// hold MaxBody each.
	reading chan struct{}
}

func newGitHubHandler(o Options) *githubHandler {
	h := &githubHandler{
		o:        &o,
		bots:     newNameSet(o.GitHubBotLogins),
		insecure: o.GitHubInsecureSkipVerify,
		known:    map[string]bool{},
		reading:  make(chan struct{}, o.MaxConcurrentReads),
	}
	for _, s := range o.GitHubSecrets {
		if s != "" {
			h.secrets = append(h.secrets, []byte(s))
		}
	}
	h.enabled = len(h.secrets) > 0 || h.insecure
	for _, t := range github.MessageTypes() {
		h.known[t] = true
	}
	return h
}

func (h *githubHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	event := r.Header.Get(headerGitHubEvent)
	delivery := r.Header.Get(headerGitHubDelivery)
	metricEvent := "other"
	if h.known[event] {
		metricEvent = event
	}
	res := h.serve(w, r, event, delivery)
	finish(w, r, h.o, core.GitHub, event, metricEvent, delivery, res)
}

func (h *githubHandler) serve(w http.ResponseWriter, r *http.Request, event, delivery string) result {
	if !h.enabled {
		return failure(http.StatusNotFound, OutcomeDisabled,
			"webhook GitHub désactivé / GitHub webhook disabled", nil)
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		return failure(http.StatusMethodNotAllowed, OutcomeMethodNotAllowed,
			"méthode non autorisée, utilisez POST / method not allowed, use POST", nil)
	}
	// A request that cannot be signed is refused before its body is read.
	if res, ok := h.signatureHeader(r); !ok {
		return res
	}
	select {
	case h.reading <- struct{}{}:
	case <-r.Context().Done():
		return failure(http.StatusServiceUnavailable, OutcomeUnavailable,
			"serveur occupé, réessayez / server busy, retry", r.Context().Err())
	}
	body, tooLarge, err := readBody(w, r, h.o.MaxBody)
	<-h.reading
	if tooLarge {
		return failure(http.StatusRequestEntityTooLarge, OutcomeTooLarge,
			fmt.Sprintf("corps trop volumineux (max %d octets) / body too large (max %d bytes)", h.o.MaxBody, h.o.MaxBody), nil)
	}
	if err != nil {
		return failure(http.StatusBadRequest, OutcomeBadRequest,
			"corps illisible / unreadable body", err)
	}
	if res, ok := h.verify(r, body); !ok {
		return res
	}
	if event == "" || delivery == "" || len(delivery) > maxDeliveryLen {
		return failure(http.StatusBadRequest, OutcomeBadRequest,
			"en-têtes X-GitHub-Event et X-GitHub-Delivery requis / X-GitHub-Event and X-GitHub-Delivery headers required", nil)
	}
	payload, res, ok := githubPayload(r.Header.Get("Content-Type"), body)
	if !ok {
		return res
	}
	switch event {
	case "issues", "issue_comment", "installation", "installation_repositories", "pull_request", "merge_group":
	default:
		// Parsing would check the JSON of the events we handle; those we
		// ignore are checked too, so a broken sender is told the same way.
		if !json.Valid(payload) {
			return malformedJSON(nil)
		}
		if event == "ping" {
			return ignored("ping reçu / ping received")
		}
		return ignored("événement non traité / event not handled")
	}
	parsed, err := github.ParseWebHook(event, payload)
	if err != nil {
		var syntaxErr *json.SyntaxError
		if errors.As(err, &syntaxErr) {
			return malformedJSON(err)
		}
		return failure(http.StatusBadRequest, OutcomeBadRequest,
			"charge utile illisible / unreadable payload", err)
	}
	switch e := parsed.(type) {
	case *github.IssuesEvent:
		return h.issues(r, e, payload, delivery)
	case *github.IssueCommentEvent:
		if isPullRequest(e.GetIssue()) {
			return h.pullRequestComment(r, e, delivery)
		}
		return h.issueComment(r, e, delivery)
	case *github.PullRequestEvent:
		return h.pullRequest(r, e, delivery)
	case *github.MergeGroupEvent:
		return h.mergeGroup(r, e, delivery)
	case *github.InstallationEvent:
		h.o.Logger.InfoContext(r.Context(), "github installation",
			"delivery", delivery, "action", e.GetAction(),
			"installation", e.GetInstallation().GetID(),
			"account", e.GetInstallation().GetAccount().GetLogin(),
			"repositories", len(e.Repositories))
		return ignored("installation journalisée / installation logged")
	case *github.InstallationRepositoriesEvent:
		h.o.Logger.InfoContext(r.Context(), "github installation repositories",
			"delivery", delivery, "action", e.GetAction(),
			"installation", e.GetInstallation().GetID(),
			"account", e.GetInstallation().GetAccount().GetLogin(),
			"added", len(e.RepositoriesAdded), "removed", len(e.RepositoriesRemoved))
		return ignored("installation journalisée / installation logged")
	default:
		// ParseWebHook returned a type for an event listed above that we do
		// not expect: a go-github change, not the caller's fault.
		return ignored("événement non traité / event not handled")
	}
}

func malformedJSON(err error) result {
	return failure(http.StatusBadRequest, OutcomeBadRequest, "JSON invalide / malformed JSON", err)
}

// verify checks X-Hub-Signature-256 against every configured secret.
// Only the SHA-256 signature is accepted: falling back to the SHA-1
// X-Hub-Signature would let a forger pick the weaker hash.
func (h *githubHandler) verify(r *http.Request, body []byte) (result, bool) {
	if h.insecure {
		return result{}, true
	}
	if res, ok := h.signatureHeader(r); !ok {
		return res, false
	}
	sig := r.Header.Get(headerGitHubSignature)
	for _, secret := range h.secrets {
		// ValidateSignature compares with hmac.Equal, in constant time.
		if github.ValidateSignature(sig, body, secret) == nil {
			return result{}, true
		}
	}
	return failure(http.StatusUnauthorized, OutcomeUnauthorized,
		"signature invalide / invalid signature", nil), false
}

// signatureHeader checks that the request carries a SHA-256 signature at
// all, which needs no body.
func (h *githubHandler) signatureHeader(r *http.Request) (result, bool) {
	if h.insecure {
		return result{}, true
	}
	sig := r.Header.Get(headerGitHubSignature)
	if sig == "" {
		return failure(http.StatusUnauthorized, OutcomeUnauthorized,
			"signature absente / missing signature", nil), false
	}
	if !strings.HasPrefix(sig, "sha256=") {
		return failure(http.StatusUnauthorized, OutcomeUnauthorized,
			"signature invalide / invalid signature", errors.New("signature is not sha256=")), false
	}
	return result{}, true
}

// githubPayload extracts the JSON from the two content types a GitHub
// webhook can be configured with. The signature covers the raw body, so
// this runs after verification.
func githubPayload(contentType string, body []byte) ([]byte, result, bool) {
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil && contentType != "" {
		return nil, failure(http.StatusUnsupportedMediaType, OutcomeBadRequest,
			"type de contenu invalide / invalid content type", err), false
	}
	switch mediaType {
	case "application/json", "":
		return body, result{}, true
	case "application/x-www-form-urlencoded":
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, failure(http.StatusBadRequest, OutcomeBadRequest,
				"formulaire illisible / unreadable form", err), false
		}
		return []byte(form.Get("payload")), result{}, true
	default:
		return nil, failure(http.StatusUnsupportedMediaType, OutcomeBadRequest,
			"type de contenu non pris en charge / unsupported content type", nil), false
	}
}

func (h *githubHandler) issues(r *http.Request, e *github.IssuesEvent, payload []byte, delivery string) result {
	action := e.GetAction()
	if h.bots.has(e.GetSender().GetLogin()) {
		return ignored("événement de cochef lui-même / event from cochef itself")
	}
	if !issueActions[action] {
		return ignored("action non traitée / action not handled")
	}
	if isPullRequest(e.GetIssue()) {
		return ignored("pull request, pas une issue / pull request, not an issue")
	}
	issue := e.GetIssue()
	ref, ok := githubIssueRef(e.GetRepo(), e.GetInstallation(), issue)
	if action == "transferred" {
		// The issue now lives elsewhere: go-github's EditChange has no
		// new_issue/new_repository, so they are read from the payload.
		ref, issue, ok = transferredRef(payload, e.GetInstallation())
	}
	if !ok {
		return failure(http.StatusBadRequest, OutcomeBadRequest,
			"charge utile incomplète (dépôt ou issue manquant) / incomplete payload (repository or issue missing)", nil)
	}
	return h.o.enqueue(r.Context(), action, core.Task{
		Feature:    core.FeatureFeedback,
		Issue:      ref,
		Trigger:    core.TriggerChanged,
		Delivery:   delivery,
		ReceivedAt: h.o.Now().UTC(),
		Snapshot:   githubSnapshot(ref, issue),
	})
}

func (h *githubHandler) issueComment(r *http.Request, e *github.IssueCommentEvent, delivery string) result {
	if e.GetAction() != "created" {
		return ignored("action non traitée / action not handled")
	}
	if isPullRequest(e.GetIssue()) {
		return ignored("commentaire de pull request / pull request comment")
	}
	cmd, ok := isCheckCommand(e.GetComment().GetBody())
	if !ok {
		return ignored("pas une commande cochef / not a cochef command")
	}
	author := e.GetComment().GetUser()
	// A bot repeating a command (ours quoting it, or another App) must not
	// drive evaluations; only people may ask for one.
	if h.bots.has(e.GetSender().GetLogin()) || h.bots.has(author.GetLogin()) || strings.EqualFold(author.GetType(), "Bot") {
		return ignored("commande écrite par un robot / command written by a bot")
	}
	ref, ok := githubIssueRef(e.GetRepo(), e.GetInstallation(), e.GetIssue())
	if !ok || author.GetLogin() == "" {
		return failure(http.StatusBadRequest, OutcomeBadRequest,
			"charge utile incomplète (dépôt, issue ou auteur manquant) / incomplete payload (repository, issue or author missing)", nil)
	}
	return h.o.enqueue(r.Context(), "created", core.Task{
		Feature:    core.FeatureFeedback,
		Issue:      ref,
		Trigger:    core.TriggerCommand,
		Delivery:   delivery,
		Actor:      author.GetLogin(),
		Command:    &cmd,
		ReceivedAt: h.o.Now().UTC(),
		Snapshot:   githubSnapshot(ref, e.GetIssue()),
	})
}

// isPullRequest guards go-github's value-receiver IsPullRequest, which
// panics on a payload without "issue".
func isPullRequest(is *github.Issue) bool {
	return is != nil && is.IsPullRequest()
}

// githubIssueRef builds the reference; InstallationID is zero for a plain
// repository webhook (no App), which only dry-run can serve.
func githubIssueRef(repo *github.Repository, inst *github.Installation, issue *github.Issue) (core.IssueRef, bool) {
	name, number := repo.GetFullName(), issue.GetNumber()
	if name == "" || number <= 0 {
		return core.IssueRef{}, false
	}
	return core.IssueRef{
		Repo:   core.Repo{Platform: core.GitHub, FullName: name, InstallationID: inst.GetID()},
		Number: number,
	}, true
}

func transferredRef(payload []byte, inst *github.Installation) (core.IssueRef, *github.Issue, bool) {
	var p struct {
		Changes struct {
			NewIssue      *github.Issue      `json:"new_issue"`
			NewRepository *github.Repository `json:"new_repository"`
		} `json:"changes"`
	}
	if err := json.Unmarshal(payload, &p); err != nil {
		return core.IssueRef{}, nil, false
	}
	ref, ok := githubIssueRef(p.Changes.NewRepository, inst, p.Changes.NewIssue)
	return ref, p.Changes.NewIssue, ok
}

// SignGitHub returns the X-Hub-Signature-256 value GitHub sends for body:
// what `cochef replay`, the tests and the load script sign with.
func SignGitHub(secret string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}
