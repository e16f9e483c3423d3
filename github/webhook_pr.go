package github

import (
	"regexp"
	"strconv"
	"strings"

	gh "github.com/google/go-github/v93/github"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/webhook"
)

// pullRequestActions are the pull_request actions that can change the
// recette checklist: its text (closing keywords), its head commit (the
// status lives there), its state and its milestone (the PV's).
var pullRequestActions = map[string]bool{
	"opened": true, "edited": true, "reopened": true, "synchronize": true,
	"ready_for_review": true, "closed": true, "milestoned": true, "demilestoned": true,
}

// mergeQueuePR reads the pull request number from a merge group's head
// ref, "refs/heads/gh-readonly-queue/main/pr-104-929f82…".
var mergeQueuePR = regexp.MustCompile(`/pr-([0-9]+)-[0-9a-f]+$`)

func (h *Webhooks) pullRequest(e *gh.PullRequestEvent, delivery string) webhook.Result {
	action := e.GetAction()
	if h.bots.Has(e.GetSender().GetLogin()) {
		return webhook.Ignore("événement de cochef lui-même / event from cochef itself")
	}
	if !pullRequestActions[action] {
		return webhook.Ignore("action non traitée / action not handled")
	}
	ref, ok := pullRef(e.GetRepo(), e.GetInstallation(), e.GetNumber())
	if !ok {
		ref, ok = pullRef(e.GetRepo(), e.GetInstallation(), e.GetPullRequest().GetNumber())
	}
	if !ok {
		return webhook.BadRequest("charge utile incomplète (dépôt ou pull request manquant) / incomplete payload (repository or pull request missing)", nil)
	}
	return webhook.Accept(core.Task{
		Feature:  core.FeatureRecette,
		Issue:    ref,
		Trigger:  core.TriggerChanged,
		Delivery: delivery,
	}, action)
}

// mergeGroup answers a merge queue's checks_requested: the task sets a
// success check run on the group's head commit (see docs/recette.md).
func (h *Webhooks) mergeGroup(e *gh.MergeGroupEvent, delivery string) webhook.Result {
	if e.GetAction() != "checks_requested" {
		return webhook.Ignore("action non traitée / action not handled")
	}
	g := e.GetMergeGroup()
	m := mergeQueuePR.FindStringSubmatch(g.GetHeadRef())
	if m == nil || g.GetHeadSHA() == "" {
		return webhook.BadRequest("groupe de fusion sans pull request ni commit / merge group without pull request or head commit", nil)
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		return webhook.BadRequest("numéro de pull request illisible / unreadable pull request number", err)
	}
	ref, ok := pullRef(e.GetRepo(), e.GetInstallation(), n)
	if !ok {
		return webhook.BadRequest("charge utile incomplète (dépôt manquant) / incomplete payload (repository missing)", nil)
	}
	return webhook.Accept(core.Task{
		Feature:  core.FeatureMergeGroup,
		Issue:    ref,
		Trigger:  core.TriggerChanged,
		Delivery: delivery,
		HeadSHA:  g.GetHeadSHA(),
	}, "checks_requested")
}

// pullRequestComment handles comments on pull requests: a recette command
// in a new comment, or an edit of cochef's checklist (a box ticked or
// unticked, which GitHub sends as an edit of the whole comment, with the
// body before it).
func (h *Webhooks) pullRequestComment(e *gh.IssueCommentEvent, delivery string) webhook.Result {
	author := e.GetComment().GetUser()
	sender := e.GetSender().GetLogin()
	if h.bots.Has(sender) {
		return webhook.Ignore("événement de cochef lui-même / event from cochef itself")
	}
	ref, ok := pullRef(e.GetRepo(), e.GetInstallation(), e.GetIssue().GetNumber())
	if !ok {
		return webhook.BadRequest("charge utile incomplète (dépôt ou pull request manquant) / incomplete payload (repository or pull request missing)", nil)
	}
	t := core.Task{Feature: core.FeatureRecette, Issue: ref, Delivery: delivery}
	switch e.GetAction() {
	case "created":
		cmd, ok := core.ParseCommand(e.GetComment().GetBody())
		if !ok {
			return webhook.Ignore("pas une commande cochef / not a cochef command")
		}
		if h.bots.Has(author.GetLogin()) || strings.EqualFold(author.GetType(), "Bot") || author.GetLogin() == "" {
			return webhook.Ignore("commande écrite par un robot / command written by a bot")
		}
		t.Trigger, t.Actor, t.Command = core.TriggerCommand, author.GetLogin(), &cmd
	case "edited":
		t.Trigger = core.TriggerChecklistEdited
		body := e.GetComment().GetBody()
		if !strings.Contains(body, core.MarkerRecette) {
			return webhook.Ignore("commentaire sans liste de recette / comment without a recette checklist")
		}
		if !h.bots.Has(author.GetLogin()) && !strings.EqualFold(author.GetType(), "Bot") {
			// A person's comment quoting the marker is not the checklist.
			return webhook.Ignore("liste de recette écrite par une personne / checklist written by a person")
		}
		if sender == "" || strings.HasSuffix(sender, "[bot]") {
			return webhook.Ignore("modification par un robot / edited by a bot")
		}
		if from := e.GetChanges().GetBody(); from != nil && from.From != nil {
			t.Changes = core.ChecklistChanges(from.GetFrom(), body)
			if len(t.Changes) == 0 {
				// Text edited by hand, no box changed: cochef writes its
				// checklist back, on nobody's behalf.
				break
			}
		}
		t.Actor = sender
	default:
		return webhook.Ignore("action non traitée / action not handled")
	}
	return webhook.Accept(t, e.GetAction())
}

func pullRef(repo *gh.Repository, inst *gh.Installation, number int) (core.IssueRef, bool) {
	name := repo.GetFullName()
	if name == "" || number <= 0 {
		return core.IssueRef{}, false
	}
	return core.IssueRef{
		Repo:         core.Repo{Platform: core.GitHub, FullName: name, InstallationID: inst.GetID()},
		Number:       number,
		MergeRequest: true,
	}, true
}
