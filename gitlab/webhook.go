package gitlab

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"

	gl "gitlab.com/gitlab-org/api/client-go/v2"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/webhook"
)

// GitLab header names.
const (
	headerGitLabToken       = "X-Gitlab-Token"
	headerGitLabEvent       = "X-Gitlab-Event"
	headerGitLabEventUUID   = "X-Gitlab-Event-UUID"
	headerGitLabIdempotency = "Idempotency-Key"
)

// gitlabIssueActions are the Issue Hook actions that can change a story's
// verdict ("update" covers title, description and label edits), and
// "close": the job then only records that the story left the backlog (the
// dashboard and the similar-story line count open stories only).
var gitlabIssueActions = map[string]bool{"open": true, "update": true, "reopen": true, "close": true}

// gitlabKnownEvents bounds the event label given to Observe.
var gitlabKnownEvents = map[gl.EventType]bool{
	gl.EventTypeIssue: true, gl.EventConfidentialIssue: true,
	gl.EventTypeNote: true, gl.EventConfidentialNote: true,
	gl.EventTypeMergeRequest: true, gl.EventTypePush: true,
	gl.EventTypeTagPush: true, gl.EventTypePipeline: true,
	gl.EventTypeJob: true, gl.EventTypeWikiPage: true,
	gl.EventTypeDeployment: true, gl.EventTypeRelease: true,
	gl.EventTypeMember: true, gl.EventTypeEmoji: true,
	gl.EventTypeMilestone: true, gl.EventTypeSystemHook: true,
}

// WebhookConfig configures the GitLab webhook source.
type WebhookConfig struct {
	// Secret is the X-Gitlab-Token expected; "" turns the endpoint off.
	Secret string
	// BotUsernames are the usernames of the account cochef writes with (a
	// project access token's bot user, or a bot account): GitLab sends an
	// Issue Hook for our own label changes, which must not trigger another
	// evaluation. Compared case-insensitively.
	BotUsernames []string
}

// Webhooks is GitLab's webhook.Source: it compares X-Gitlab-Token in
// constant time and reads the events with client-go's webhook parser.
type Webhooks struct {
	enabled bool
	// secretSum is the SHA-256 of the secret: comparing digests keeps the
	// comparison constant-time even when the token's length differs
	// (subtle.ConstantTimeCompare returns early on a length mismatch).
	secretSum [sha256.Size]byte
	bots      webhook.Names
}

var _ webhook.Source = (*Webhooks)(nil)

// NewWebhooks returns the GitLab webhook source.
func NewWebhooks(cfg WebhookConfig) *Webhooks {
	return &Webhooks{
		enabled:   cfg.Secret != "",
		secretSum: sha256.Sum256([]byte(cfg.Secret)),
		bots:      webhook.NewNames(cfg.BotUsernames),
	}
}

// Platform is core.GitLab.
func (h *Webhooks) Platform() string { return core.GitLab }

// Name is "GitLab".
func (h *Webhooks) Name() string { return "GitLab" }

// Enabled: a secret token is set.
func (h *Webhooks) Enabled() bool { return h.enabled }

// Event reads X-Gitlab-Event and Idempotency-Key (GitLab 17.4 and later;
// Parse makes a key for the older ones).
func (h *Webhooks) Event(hd http.Header) (event, metric, delivery string) {
	e := gl.EventType(hd.Get(headerGitLabEvent))
	metric = "other"
	if gitlabKnownEvents[e] {
		metric = string(e)
	}
	return string(e), metric, hd.Get(headerGitLabIdempotency)
}

// Authenticate compares the token, a header: before reading a body an
// unauthenticated caller chose.
func (h *Webhooks) Authenticate(hd http.Header) *webhook.Result {
	token := hd.Get(headerGitLabToken)
	if token == "" {
		return webhook.Refuse(http.StatusUnauthorized, webhook.OutcomeUnauthorized, "jeton absent / missing token", nil)
	}
	sum := sha256.Sum256([]byte(token))
	if subtle.ConstantTimeCompare(sum[:], h.secretSum[:]) != 1 {
		return webhook.Refuse(http.StatusUnauthorized, webhook.OutcomeUnauthorized, "jeton invalide / invalid token", nil)
	}
	return nil
}

// BodyBeforeAuth is false: the token proved the request.
func (h *Webhooks) BodyBeforeAuth() bool { return false }

// Verify has nothing to check once the token matched.
func (h *Webhooks) Verify(http.Header, []byte) *webhook.Result { return nil }

// Parse reads an authenticated delivery.
func (h *Webhooks) Parse(_ context.Context, hd http.Header, body []byte) webhook.Result {
	event := gl.EventType(hd.Get(headerGitLabEvent))
	delivery := hd.Get(headerGitLabIdempotency)
	if event == "" {
		return webhook.BadRequest("en-tête X-Gitlab-Event requis / X-Gitlab-Event header required", nil)
	}
	if !json.Valid(body) {
		return webhook.MalformedJSON(nil)
	}
	switch event {
	case gl.EventTypeIssue, gl.EventConfidentialIssue,
		gl.EventTypeNote, gl.EventConfidentialNote, gl.EventTypeMergeRequest:
	default:
		return webhook.Ignore("événement non traité / event not handled")
	}
	parsed, err := gl.ParseWebhook(event, body)
	if err != nil {
		if isJSONShapeError(err) {
			return webhook.BadRequest("charge utile illisible / unreadable payload", err)
		}
		// The client rejects notes on snippets, commits, or kinds it does
		// not know: valid events we do not act on.
		return webhook.Ignore("événement non traité / event not handled")
	}
	uuid := hd.Get(headerGitLabEventUUID)
	key := func(id int64, updatedAt string) string {
		if delivery == "" {
			delivery = fallbackDelivery(uuid, id, updatedAt)
		}
		return delivery
	}
	var res webhook.Result
	switch e := parsed.(type) {
	case *gl.IssueEvent:
		res = h.issue(e, key(e.ObjectAttributes.ID, e.ObjectAttributes.UpdatedAt))
	case *gl.IssueCommentEvent:
		res = h.note(e, key(e.ObjectAttributes.ID, e.ObjectAttributes.UpdatedAt))
	case *gl.MergeEvent:
		res = h.mergeRequest(e, key(e.ObjectAttributes.ID, e.ObjectAttributes.UpdatedAt))
	case *gl.MergeCommentEvent:
		res = h.mergeRequestNote(e, key(e.ObjectAttributes.ID, e.ObjectAttributes.UpdatedAt))
	default:
		// Notes on commits and snippets.
		return webhook.Ignore("note hors issue / note not on an issue")
	}
	return res.WithDelivery(delivery)
}

// fallbackDelivery is the dedupe key when GitLab (before 17.4) sends no
// Idempotency-Key. X-Gitlab-Event-UUID identifies the request that caused
// the event, and one request can fire several hooks (an issue and a note,
// recursive hooks), so the object's id and updated_at tell them apart while
// a retry of the same event keeps the same key.
func fallbackDelivery(uuid string, id int64, updatedAt string) string {
	return uuid + ":" + strconv.FormatInt(id, 10) + ":" + updatedAt
}

func isJSONShapeError(err error) bool {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	return errors.As(err, &typeErr) || errors.As(err, &syntaxErr)
}

func (h *Webhooks) issue(e *gl.IssueEvent, delivery string) webhook.Result {
	action := e.ObjectAttributes.Action
	if e.User != nil && h.bots.Has(e.User.Username) {
		return webhook.Ignore("événement de cochef lui-même / event from cochef itself")
	}
	if !gitlabIssueActions[action] {
		return webhook.Ignore("action non traitée / action not handled")
	}
	if e.Project.ID <= 0 || e.Project.PathWithNamespace == "" || e.ObjectAttributes.IID <= 0 {
		return webhook.BadRequest("charge utile incomplète (projet ou issue manquant) / incomplete payload (project or issue missing)", nil)
	}
	ref := core.IssueRef{
		Repo:   core.Repo{Platform: core.GitLab, FullName: e.Project.PathWithNamespace, ProjectID: e.Project.ID},
		Number: int(e.ObjectAttributes.IID),
	}
	return webhook.Accept(core.Task{
		Feature:  core.FeatureFeedback,
		Issue:    ref,
		Trigger:  core.TriggerChanged,
		Delivery: delivery,
		Snapshot: gitlabIssueSnapshot(ref, e),
	}, action)
}

func (h *Webhooks) note(e *gl.IssueCommentEvent, delivery string) webhook.Result {
	attrs := e.ObjectAttributes
	// Older GitLab versions send no action; a note edited into a command
	// must not re-run it.
	if attrs.Action != "" && attrs.Action != gl.CommentEventActionCreate {
		return webhook.Ignore("action non traitée / action not handled")
	}
	if attrs.System {
		return webhook.Ignore("note système / system note")
	}
	cmd, ok := core.ParseCommand(attrs.Note)
	if !ok || cmd.Verb != core.VerbCheck {
		return webhook.Ignore("pas une commande cochef / not a cochef command")
	}
	username := ""
	if e.User != nil {
		username = e.User.Username
	}
	if h.bots.Has(username) {
		return webhook.Ignore("commande écrite par un robot / command written by a bot")
	}
	projectID := e.ProjectID
	if projectID == 0 {
		projectID = attrs.ProjectID
	}
	if projectID <= 0 || e.Project.PathWithNamespace == "" || e.Issue.IID <= 0 || username == "" {
		return webhook.BadRequest("charge utile incomplète (projet, issue ou auteur manquant) / incomplete payload (project, issue or author missing)", nil)
	}
	ref := core.IssueRef{
		Repo:   core.Repo{Platform: core.GitLab, FullName: e.Project.PathWithNamespace, ProjectID: projectID},
		Number: int(e.Issue.IID),
	}
	return webhook.Accept(core.Task{
		Feature:  core.FeatureFeedback,
		Issue:    ref,
		Trigger:  core.TriggerCommand,
		Delivery: delivery,
		Actor:    username,
		Command:  &cmd,
		Snapshot: gitlabNoteSnapshot(ref, e.Issue),
	}, string(gl.CommentEventActionCreate))
}

// The snapshots copy the issue as the webhook described it into
// Task.Snapshot: in dry-run, without credentials, it is all the worker has.

func gitlabLabels(ls []*gl.EventLabel) []string {
	labels := make([]string, 0, len(ls))
	for _, l := range ls {
		if l != nil && l.Title != "" {
			labels = append(labels, l.Title)
		}
	}
	return labels
}

// gitlabState maps GitLab's "opened" to core's "open".
func gitlabState(s string) string {
	if s == "opened" {
		return "open"
	}
	return s
}

// gitlabTime parses the two timestamp forms GitLab webhooks use
// ("2013-12-03T17:15:43Z" and "2015-05-17 17:06:40 UTC"); a form it does
// not know gives the zero time, which only costs the snapshot its date.
func gitlabTime(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05 MST", "2006-01-02 15:04:05 -0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

func gitlabIssueSnapshot(ref core.IssueRef, e *gl.IssueEvent) *core.Issue {
	a := e.ObjectAttributes
	labels := a.Labels
	if len(labels) == 0 {
		labels = e.Labels
	}
	// The Issue Hook names the author only by id; the worker resolves it
	// when it needs it.
	return &core.Issue{
		Ref:       ref,
		Title:     a.Title,
		Body:      a.Description,
		Labels:    gitlabLabels(labels),
		State:     gitlabState(a.State),
		URL:       a.URL,
		UpdatedAt: gitlabTime(a.UpdatedAt),
	}
}

func gitlabNoteSnapshot(ref core.IssueRef, is gl.IssueCommentEventIssue) *core.Issue {
	return &core.Issue{
		Ref:       ref,
		Title:     is.Title,
		Body:      is.Description,
		Labels:    gitlabLabels(is.Labels),
		State:     gitlabState(is.State),
		URL:       is.URL,
		UpdatedAt: gitlabTime(is.UpdatedAt),
	}
}
