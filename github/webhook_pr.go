package github

import (
	"strconv"
	"strings"

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
// ref, "refs/heads/gh-readonly-queue/main/pr-104-929f82…": the digits
// between "/pr-" and "-" followed by a hexadecimal commit, at the end.
func mergeQueuePR(ref string) (string, bool) {
	i := strings.LastIndex(ref, "/pr-")
	if i < 0 {
		return "", false
	}
	num, sha, ok := strings.Cut(ref[i+len("/pr-"):], "-")
	if !ok || num == "" || sha == "" || strings.Trim(num, "0123456789") != "" || strings.Trim(sha, "0123456789abcdef") != "" {
		return "", false
	}
	return num, true
}

func (h *Webhooks) pullRequest(p *payload, delivery string) webhook.Result {
	action := p.Action
	if h.bots.Has(p.Sender.login()) {
		return webhook.Ignore("événement de cochef lui-même / event from cochef itself")
	}
	if !pullRequestActions[action] {
		return webhook.Ignore("action non traitée / action not handled")
	}
	ref, ok := pullRef(p.Repository, p.Installation, p.Number)
	if !ok && p.PullRequest != nil {
		ref, ok = pullRef(p.Repository, p.Installation, p.PullRequest.Number)
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
func (h *Webhooks) mergeGroup(p *payload, delivery string) webhook.Result {
	if p.Action != "checks_requested" {
		return webhook.Ignore("action non traitée / action not handled")
	}
	g := p.MergeGroup
	if g == nil {
		g = &payloadGroup{}
	}
	num, ok := mergeQueuePR(g.HeadRef)
	if !ok || g.HeadSHA == "" {
		return webhook.BadRequest("groupe de fusion sans pull request ni commit / merge group without pull request or head commit", nil)
	}
	n, err := strconv.Atoi(num)
	if err != nil {
		return webhook.BadRequest("numéro de pull request illisible / unreadable pull request number", err)
	}
	ref, ok := pullRef(p.Repository, p.Installation, n)
	if !ok {
		return webhook.BadRequest("charge utile incomplète (dépôt manquant) / incomplete payload (repository missing)", nil)
	}
	return webhook.Accept(core.Task{
		Feature:  core.FeatureMergeGroup,
		Issue:    ref,
		Trigger:  core.TriggerChanged,
		Delivery: delivery,
		HeadSHA:  g.HeadSHA,
	}, "checks_requested")
}

// pullRequestComment handles comments on pull requests: a recette command
// in a new comment, or an edit of cochef's checklist (a box ticked or
// unticked, which GitHub sends as an edit of the whole comment, with the
// body before it).
func (h *Webhooks) pullRequestComment(p *payload, delivery string) webhook.Result {
	author := p.Comment.user()
	sender := p.Sender.login()
	if h.bots.Has(sender) {
		return webhook.Ignore("événement de cochef lui-même / event from cochef itself")
	}
	ref, ok := pullRef(p.Repository, p.Installation, p.Issue.number())
	if !ok {
		return webhook.BadRequest("charge utile incomplète (dépôt ou pull request manquant) / incomplete payload (repository or pull request missing)", nil)
	}
	t := core.Task{Feature: core.FeatureRecette, Issue: ref, Delivery: delivery}
	switch p.Action {
	case "created":
		cmd, ok := core.ParseCommand(p.Comment.body())
		if !ok {
			return webhook.Ignore("pas une commande cochef / not a cochef command")
		}
		if h.bots.Has(author.login()) || strings.EqualFold(author.kind(), "Bot") || author.login() == "" {
			return webhook.Ignore("commande écrite par un robot / command written by a bot")
		}
		t.Trigger, t.Actor, t.Command = core.TriggerCommand, author.login(), &cmd
	case "edited":
		t.Trigger = core.TriggerChecklistEdited
		body := p.Comment.body()
		if !strings.Contains(body, core.MarkerRecette) {
			return webhook.Ignore("commentaire sans liste de recette / comment without a recette checklist")
		}
		if !h.bots.Has(author.login()) && !strings.EqualFold(author.kind(), "Bot") {
			// A person's comment quoting the marker is not the checklist.
			return webhook.Ignore("liste de recette écrite par une personne / checklist written by a person")
		}
		if sender == "" || strings.HasSuffix(sender, "[bot]") {
			return webhook.Ignore("modification par un robot / edited by a bot")
		}
		if c := p.Changes; c != nil && c.Body != nil && c.Body.From != nil {
			t.Changes = core.ChecklistChanges(*c.Body.From, body)
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
	return webhook.Accept(t, p.Action)
}

func pullRef(repo *payloadRepo, inst *payloadInstall, number int) (core.IssueRef, bool) {
	name := repo.fullName()
	if name == "" || number <= 0 {
		return core.IssueRef{}, false
	}
	return core.IssueRef{
		Repo:         core.Repo{Platform: core.GitHub, FullName: name, InstallationID: inst.id()},
		Number:       number,
		MergeRequest: true,
	}, true
}
