package webhook

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	gitlab "gitlab.com/gitlab-org/api/client-go/v2"

	"github.com/cochef/cochef/core"
)

// GitLab header names.
const (
	headerGitLabToken       = "X-Gitlab-Token"
	headerGitLabEvent       = "X-Gitlab-Event"
	headerGitLabEventUUID   = "X-Gitlab-Event-UUID"
	headerGitLabIdempotency = "Idempotency-Key"
)

// gitlabIssueActions are the Issue Hook actions that can change a story's
// verdict; "update" covers title, description and label edits.
var gitlabIssueActions = map[string]bool{"open": true, "update": true, "reopen": true}

// gitlabKnownEvents bounds the event label given to Observe.
var gitlabKnownEvents = map[gitlab.EventType]bool{
	gitlab.EventTypeIssue: true, gitlab.EventConfidentialIssue: true,
	gitlab.EventTypeNote: true, gitlab.EventConfidentialNote: true,
	gitlab.EventTypeMergeRequest: true, gitlab.EventTypePush: true,
	gitlab.EventTypeTagPush: true, gitlab.EventTypePipeline: true,
	gitlab.EventTypeJob: true, gitlab.EventTypeWikiPage: true,
	gitlab.EventTypeDeployment: true, gitlab.EventTypeRelease: true,
	gitlab.EventTypeMember: true, gitlab.EventTypeEmoji: true,
	gitlab.EventTypeMilestone: true, gitlab.EventTypeSystemHook: true,
}

type gitlabHandler struct {
	o       *Options
	enabled bool
	// secretSum is the SHA-256 of the secret: comparing digests keeps the
	// comparison constant-time even when the token's length differs
	// (subtle.ConstantTimeCompare returns early on a length mismatch).
	secretSum [sha256.Size]byte
	bots      nameSet
}

func newGitLabHandler(o Options) *gitlabHandler {
	return &gitlabHandler{
		o:         &o,
		enabled:   o.GitLabSecret != "",
		secretSum: sha256.Sum256([]byte(o.GitLabSecret)),
		bots:      newNameSet(o.GitLabBotUsernames),
	}
}

func (h *gitlabHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	event := gitlab.HookEventType(r)
	metricEvent := "other"
	if gitlabKnownEvents[event] {
		metricEvent = string(event)
	}
	res, delivery := h.serve(w, r, event)
	finish(w, r, h.o, core.GitLab, string(event), metricEvent, delivery, res)
}

func (h *gitlabHandler) serve(w http.ResponseWriter, r *http.Request, event gitlab.EventType) (result, string) {
	delivery := r.Header.Get(headerGitLabIdempotency)
	if !h.enabled {
		return failure(http.StatusNotFound, OutcomeDisabled,
			"webhook GitLab désactivé / GitLab webhook disabled", nil), delivery
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		return failure(http.StatusMethodNotAllowed, OutcomeMethodNotAllowed,
			"méthode non autorisée, utilisez POST / method not allowed, use POST", nil), delivery
	}
	// The token is a header: check it before reading a body an
	// unauthenticated caller chose.
	token := r.Header.Get(headerGitLabToken)
	if token == "" {
		return failure(http.StatusUnauthorized, OutcomeUnauthorized,
			"jeton absent / missing token", nil), delivery
	}
	sum := sha256.Sum256([]byte(token))
	if subtle.ConstantTimeCompare(sum[:], h.secretSum[:]) != 1 {
		return failure(http.StatusUnauthorized, OutcomeUnauthorized,
			"jeton invalide / invalid token", nil), delivery
	}
	body, tooLarge, err := readBody(w, r, h.o.MaxBody)
	if tooLarge {
		return failure(http.StatusRequestEntityTooLarge, OutcomeTooLarge,
			fmt.Sprintf("corps trop volumineux (max %d octets) / body too large (max %d bytes)", h.o.MaxBody, h.o.MaxBody), nil), delivery
	}
	if err != nil {
		return failure(http.StatusBadRequest, OutcomeBadRequest, "corps illisible / unreadable body", err), delivery
	}
	if event == "" {
		return failure(http.StatusBadRequest, OutcomeBadRequest,
			"en-tête X-Gitlab-Event requis / X-Gitlab-Event header required", nil), delivery
	}
	if !json.Valid(body) {
		return malformedJSON(nil), delivery
	}

	switch event {
	case gitlab.EventTypeIssue, gitlab.EventConfidentialIssue,
		gitlab.EventTypeNote, gitlab.EventConfidentialNote, gitlab.EventTypeMergeRequest:
	default:
		return ignored("événement non traité / event not handled"), delivery
	}
	parsed, err := gitlab.ParseWebhook(event, body)
	if err != nil {
		if isJSONShapeError(err) {
			return failure(http.StatusBadRequest, OutcomeBadRequest,
				"charge utile illisible / unreadable payload", err), delivery
		}
		// The client rejects notes on snippets, commits, or kinds it does
		// not know: valid events we do not act on.
		return ignored("événement non traité / event not handled"), delivery
	}
	uuid := r.Header.Get(headerGitLabEventUUID)
	switch e := parsed.(type) {
	case *gitlab.IssueEvent:
		if delivery == "" {
			delivery = fallbackDelivery(uuid, e.ObjectAttributes.ID, e.ObjectAttributes.UpdatedAt)
		}
		return h.issue(r, e, event, delivery), delivery
	case *gitlab.IssueCommentEvent:
		if delivery == "" {
			delivery = fallbackDelivery(uuid, e.ObjectAttributes.ID, e.ObjectAttributes.UpdatedAt)
		}
		return h.note(r, e, event, delivery), delivery
	case *gitlab.MergeEvent:
		if delivery == "" {
			delivery = fallbackDelivery(uuid, e.ObjectAttributes.ID, e.ObjectAttributes.UpdatedAt)
		}
		return h.mergeRequest(r, e, event, delivery), delivery
	case *gitlab.MergeCommentEvent:
		if delivery == "" {
			delivery = fallbackDelivery(uuid, e.ObjectAttributes.ID, e.ObjectAttributes.UpdatedAt)
		}
		return h.mergeRequestNote(r, e, event, delivery), delivery
	default:
		// Notes on commits and snippets.
		return ignored("note hors issue / note not on an issue"), delivery
	}
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

func (h *gitlabHandler) issue(r *http.Request, e *gitlab.IssueEvent, event gitlab.EventType, delivery string) result {
	action := e.ObjectAttributes.Action
	if e.User != nil && h.bots.has(e.User.Username) {
		return ignored("événement de cochef lui-même / event from cochef itself")
	}
	if !gitlabIssueActions[action] {
		return ignored("action non traitée / action not handled")
	}
	if e.Project.ID <= 0 || e.Project.PathWithNamespace == "" || e.ObjectAttributes.IID <= 0 {
		return failure(http.StatusBadRequest, OutcomeBadRequest,
			"charge utile incomplète (projet ou issue manquant) / incomplete payload (project or issue missing)", nil)
	}
	ref := core.IssueRef{
		Repo:   core.Repo{Platform: core.GitLab, FullName: e.Project.PathWithNamespace, ProjectID: e.Project.ID},
		Number: int(e.ObjectAttributes.IID),
	}
	return h.o.enqueue(r.Context(), action, core.Task{
		Feature:    core.FeatureFeedback,
		Issue:      ref,
		Trigger:    core.TriggerChanged,
		Delivery:   delivery,
		ReceivedAt: h.o.Now().UTC(),
		Snapshot:   gitlabIssueSnapshot(ref, e),
	})
}

func (h *gitlabHandler) note(r *http.Request, e *gitlab.IssueCommentEvent, event gitlab.EventType, delivery string) result {
	attrs := e.ObjectAttributes
	// Older GitLab versions send no action; a note edited into a command
	// must not re-run it.
	if attrs.Action != "" && attrs.Action != gitlab.CommentEventActionCreate {
		return ignored("action non traitée / action not handled")
	}
	if attrs.System {
		return ignored("note système / system note")
	}
	cmd, ok := isCheckCommand(attrs.Note)
	if !ok {
		return ignored("pas une commande cochef / not a cochef command")
	}
	username := ""
	if e.User != nil {
		username = e.User.Username
	}
	if h.bots.has(username) {
		return ignored("commande écrite par un robot / command written by a bot")
	}
	projectID := e.ProjectID
	if projectID == 0 {
		projectID = attrs.ProjectID
	}
	if projectID <= 0 || e.Project.PathWithNamespace == "" || e.Issue.IID <= 0 || username == "" {
		return failure(http.StatusBadRequest, OutcomeBadRequest,
			"charge utile incomplète (projet, issue ou auteur manquant) / incomplete payload (project, issue or author missing)", nil)
	}
	ref := core.IssueRef{
		Repo:   core.Repo{Platform: core.GitLab, FullName: e.Project.PathWithNamespace, ProjectID: projectID},
		Number: int(e.Issue.IID),
	}
	return h.o.enqueue(r.Context(), string(gitlab.CommentEventActionCreate), core.Task{
		Feature:    core.FeatureFeedback,
		Issue:      ref,
		Trigger:    core.TriggerCommand,
		Delivery:   delivery,
		Actor:      username,
		Command:    &cmd,
		ReceivedAt: h.o.Now().UTC(),
		Snapshot:   gitlabNoteSnapshot(ref, e.Issue),
	})
}
