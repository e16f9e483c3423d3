package gitlab

import (
	"strings"

	gl "gitlab.com/gitlab-org/api/client-go/v2"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/webhook"
)

// gitlabMRActions are the Merge Request Hook actions that can change the
// recette checklist; "update" covers title, description, new commits and
// milestone changes.
var gitlabMRActions = map[string]bool{
	"open": true, "reopen": true, "update": true, "close": true, "merge": true,
}

func (h *Webhooks) mergeRequest(e *gl.MergeEvent, delivery string) webhook.Result {
	action := e.ObjectAttributes.Action
	if e.User != nil && h.bots.Has(e.User.Username) {
		return webhook.Ignore("événement de cochef lui-même / event from cochef itself")
	}
	if !gitlabMRActions[action] {
		return webhook.Ignore("action non traitée / action not handled")
	}
	if e.Project.ID <= 0 || e.Project.PathWithNamespace == "" || e.ObjectAttributes.IID <= 0 {
		return webhook.BadRequest("charge utile incomplète (projet ou merge request manquant) / incomplete payload (project or merge request missing)", nil)
	}
	return webhook.Accept(core.Task{
		Feature:  core.FeatureRecette,
		Issue:    mrRef(e.Project.PathWithNamespace, e.Project.ID, e.ObjectAttributes.IID),
		Trigger:  core.TriggerChanged,
		Delivery: delivery,
	}, action)
}

// mergeRequestNote handles notes on merge requests: a recette command in a
// new note, or an edit of cochef's checklist note (GitLab 16.11 and later
// send a Note Hook for edits, with the editor as user but without the
// body before the edit: the worker compares the note with its state).
func (h *Webhooks) mergeRequestNote(e *gl.MergeCommentEvent, delivery string) webhook.Result {
	attrs := e.ObjectAttributes
	if attrs.System {
		return webhook.Ignore("note système / system note")
	}
	username := ""
	if e.User != nil {
		username = e.User.Username
	}
	if username == "" {
		return webhook.BadRequest("charge utile incomplète (auteur manquant) / incomplete payload (author missing)", nil)
	}
	if h.bots.Has(username) {
		return webhook.Ignore("événement de cochef lui-même / event from cochef itself")
	}
	projectID := e.ProjectID
	if projectID == 0 {
		projectID = attrs.ProjectID
	}
	if projectID <= 0 || e.Project.PathWithNamespace == "" || e.MergeRequest.IID <= 0 {
		return webhook.BadRequest("charge utile incomplète (projet ou merge request manquant) / incomplete payload (project or merge request missing)", nil)
	}
	t := core.Task{
		Feature:  core.FeatureRecette,
		Issue:    mrRef(e.Project.PathWithNamespace, projectID, e.MergeRequest.IID),
		Delivery: delivery,
		Actor:    username,
	}
	action := attrs.Action
	switch action {
	case "", gl.CommentEventActionCreate:
		// Older GitLab versions send no action, and only for new notes.
		cmd, ok := core.ParseCommand(attrs.Note)
		if !ok {
			return webhook.Ignore("pas une commande cochef / not a cochef command")
		}
		t.Trigger, t.Command = core.TriggerCommand, &cmd
		action = gl.CommentEventActionCreate
	case gl.CommentEventActionUpdate:
		if !strings.Contains(attrs.Note, core.MarkerRecette) {
			return webhook.Ignore("note sans liste de recette / note without a recette checklist")
		}
		t.Trigger = core.TriggerChecklistEdited
	default:
		return webhook.Ignore("action non traitée / action not handled")
	}
	return webhook.Accept(t, string(action))
}

func mrRef(path string, projectID, iid int64) core.IssueRef {
	return core.IssueRef{
		Repo:         core.Repo{Platform: core.GitLab, FullName: path, ProjectID: projectID},
		Number:       int(iid),
		MergeRequest: true,
	}
}
