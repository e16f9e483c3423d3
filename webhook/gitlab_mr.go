package webhook

import (
	"net/http"
	"strings"

	gitlab "gitlab.com/gitlab-org/api/client-go/v2"

	"github.com/cochef/cochef/core"
)

// gitlabMRActions are the Merge Request Hook actions that can change the
// recette checklist; "update" covers title, description, new commits and
// milestone changes.
var gitlabMRActions = map[string]bool{
	"open": true, "reopen": true, "update": true, "close": true, "merge": true,
}

func (h *gitlabHandler) mergeRequest(r *http.Request, e *gitlab.MergeEvent, event gitlab.EventType, delivery string) result {
	action := e.ObjectAttributes.Action
	if e.User != nil && h.bots.has(e.User.Username) {
		return ignored("événement de cochef lui-même / event from cochef itself")
	}
	if !gitlabMRActions[action] {
		return ignored("action non traitée / action not handled")
	}
	if e.Project.ID <= 0 || e.Project.PathWithNamespace == "" || e.ObjectAttributes.IID <= 0 {
		return failure(http.StatusBadRequest, OutcomeBadRequest,
			"charge utile incomplète (projet ou merge request manquant) / incomplete payload (project or merge request missing)", nil)
	}
	return h.o.enqueue(r.Context(), action, core.Task{
		Feature:    core.FeatureRecette,
		Issue:      mrRef(e.Project.PathWithNamespace, e.Project.ID, e.ObjectAttributes.IID),
		Trigger:    core.TriggerChanged,
		Delivery:   delivery,
		ReceivedAt: h.o.Now().UTC(),
	})
}

// mergeRequestNote handles notes on merge requests: a recette command in a
// new note, or an edit of cochef's checklist note (GitLab 16.11 and later
// send a Note Hook for edits, with the editor as user but without the
// body before the edit: the worker compares the note with its state).
func (h *gitlabHandler) mergeRequestNote(r *http.Request, e *gitlab.MergeCommentEvent, event gitlab.EventType, delivery string) result {
	attrs := e.ObjectAttributes
	if attrs.System {
		return ignored("note système / system note")
	}
	username := ""
	if e.User != nil {
		username = e.User.Username
	}
	if username == "" {
		return failure(http.StatusBadRequest, OutcomeBadRequest,
			"charge utile incomplète (auteur manquant) / incomplete payload (author missing)", nil)
	}
	if h.bots.has(username) {
		return ignored("événement de cochef lui-même / event from cochef itself")
	}
	projectID := e.ProjectID
	if projectID == 0 {
		projectID = attrs.ProjectID
	}
	if projectID <= 0 || e.Project.PathWithNamespace == "" || e.MergeRequest.IID <= 0 {
		return failure(http.StatusBadRequest, OutcomeBadRequest,
			"charge utile incomplète (projet ou merge request manquant) / incomplete payload (project or merge request missing)", nil)
	}
	t := core.Task{
		Feature:    core.FeatureRecette,
		Issue:      mrRef(e.Project.PathWithNamespace, projectID, e.MergeRequest.IID),
		Delivery:   delivery,
		Actor:      username,
		ReceivedAt: h.o.Now().UTC(),
	}
	action := attrs.Action
	switch action {
	case "", gitlab.CommentEventActionCreate:
		// Older GitLab versions send no action, and only for new notes.
		cmd, ok := core.ParseCommand(attrs.Note)
		if !ok {
			return ignored("pas une commande cochef / not a cochef command")
		}
		t.Trigger, t.Command = core.TriggerCommand, &cmd
		action = gitlab.CommentEventActionCreate
	case gitlab.CommentEventActionUpdate:
		if !strings.Contains(attrs.Note, core.MarkerRecette) {
			return ignored("note sans liste de recette / note without a recette checklist")
		}
		t.Trigger = core.TriggerChecklistEdited
	default:
		return ignored("action non traitée / action not handled")
	}
	return h.o.enqueue(r.Context(), string(action), t)
}

func mrRef(path string, projectID, iid int64) core.IssueRef {
	return core.IssueRef{
		Repo:         core.Repo{Platform: core.GitLab, FullName: path, ProjectID: projectID},
		Number:       int(iid),
		MergeRequest: true,
	}
}
