package github_test

import (
	"strings"
	"testing"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/webhook/webhooktest"
)

func TestGitHubRecetteEvents(t *testing.T) {
	const delivery = "d-recette"
	pr := func(repo string, inst int64, n int) core.IssueRef {
		return core.IssueRef{Repo: core.Repo{Platform: core.GitHub, FullName: repo, InstallationID: inst}, Number: n, MergeRequest: true}
	}
	helloPR1 := pr("Codertocat/Hello-World", 1, 1)
	recette := func(ref core.IssueRef, trigger core.Trigger, mod func(*core.Task)) *core.Task {
		t := &core.Task{Feature: core.FeatureRecette, Issue: ref, Trigger: trigger, Delivery: delivery, ReceivedAt: webhooktest.Now}
		if mod != nil {
			mod(t)
		}
		return t
	}
	onPR := func(edit func(map[string]any)) func(map[string]any) {
		return func(m map[string]any) {
			webhooktest.Obj(m, "issue")["pull_request"] = map[string]any{"url": "https://api.github.com/repos/Codertocat/Hello-World/pulls/1"}
			m["installation"] = map[string]any{"id": 1}
			edit(m)
		}
	}
	ticked := func(sender string) func(map[string]any) {
		return onPR(func(m map[string]any) {
			c := webhooktest.Obj(m, "comment")
			c["body"] = strings.Replace(webhooktest.Checklist, "- [ ] **1.**", "- [x] **1.**", 1)
			c["user"] = map[string]any{"login": "cochef[bot]", "type": "Bot"}
			m["changes"] = map[string]any{"body": map[string]any{"from": webhooktest.Checklist}}
			m["sender"] = map[string]any{"login": sender, "type": "User"}
		})
	}

	tests := []struct {
		name, file, event string
		edit              func(map[string]any)
		wantCode          int
		want              *core.Task
	}{
		{"pull request opened", "pull_request-opened.json", "pull_request", nil, 202,
			recette(pr("Codertocat/Hello-World", 1, 2), core.TriggerChanged, nil)},
		{"pull request synchronized", "pull_request-synchronize.json", "pull_request", nil, 202,
			recette(pr("Codertocat/Hello-World", 1, 2), core.TriggerChanged, nil)},
		{"pull request labeled is ignored", "pull_request-labeled.json", "pull_request", nil, 200, nil},
		{"pull request event from cochef is ignored", "pull_request-opened.json", "pull_request",
			func(m map[string]any) { webhooktest.Obj(m, "sender")["login"] = "cochef[bot]" }, 200, nil},
		{"merge group", "merge_group-checks_requested.json", "merge_group", nil, 202,
			recette(pr("octo-org/octo-repo", 1, 104), core.TriggerChanged, func(t *core.Task) {
				t.Feature, t.HeadSHA = core.FeatureMergeGroup, "2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d"
			})},
		{"merge group destroyed is ignored", "merge_group-checks_requested.json", "merge_group",
			func(m map[string]any) { m["action"] = "destroyed" }, 200, nil},

		{"validation command on a pull request", "issue_comment-created.json", "issue_comment",
			onPR(func(m map[string]any) { setComment("/cochef valide 2 5")(m) }), 202,
			recette(helloPR1, core.TriggerCommand, func(t *core.Task) {
				t.Actor, t.Command = "Codertocat", &core.Command{Verb: core.VerbValidate, Items: []int{2, 5}}
			})},
		{"refusal in English", "issue_comment-created.json", "issue_comment",
			onPR(func(m map[string]any) { setComment("/cochef reject 3 too slow")(m) }), 202,
			recette(helloPR1, core.TriggerCommand, func(t *core.Task) {
				t.Actor, t.Command = "Codertocat", &core.Command{Verb: core.VerbRefuse, Items: []int{3}, Reason: "too slow"}
			})},
		{"ordinary pull request comment is ignored", "issue_comment-created.json", "issue_comment",
			onPR(func(map[string]any) {}), 200, nil},
		{"unknown verb is ignored", "issue_comment-created.json", "issue_comment",
			onPR(func(m map[string]any) { setComment("/cochef deploy")(m) }), 200, nil},

		{"box ticked in cochef's checklist", "issue_comment-edited.json", "issue_comment", ticked("marie-po"), 202,
			recette(helloPR1, core.TriggerChecklistEdited, func(t *core.Task) {
				t.Actor, t.Changes = "marie-po", []core.CheckChange{{Key: "aaaaaaaaaaaa", Checked: true}}
			})},
		{"checklist text edited by hand, no box changed: plain render", "issue_comment-edited.json", "issue_comment",
			func(m map[string]any) {
				ticked("marie-po")(m)
				webhooktest.Obj(m, "comment")["body"] = webhooktest.Checklist + "\nmerci !"
			}, 202, recette(helloPR1, core.TriggerChecklistEdited, nil)},
		{"GitHub without the old body: compare with the stored state", "issue_comment-edited.json", "issue_comment",
			func(m map[string]any) { ticked("marie-po")(m); delete(m, "changes") }, 202,
			recette(helloPR1, core.TriggerChecklistEdited, func(t *core.Task) { t.Actor = "marie-po" })},
		{"cochef editing its own checklist is ignored", "issue_comment-edited.json", "issue_comment", ticked("cochef[bot]"), 200, nil},
		{"a person's comment quoting the marker is not the checklist", "issue_comment-edited.json", "issue_comment",
			func(m map[string]any) {
				ticked("marie-po")(m)
				webhooktest.Obj(m, "comment")["user"] = map[string]any{"login": "mallory", "type": "User"}
			}, 200, nil},
		{"edit of another comment is ignored", "issue_comment-edited.json", "issue_comment",
			onPR(func(map[string]any) {}), 200, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hs := newHarness(t, nil)
			body := webhooktest.ReadFixture(t, "webhooks/"+tc.file)
			if tc.edit != nil {
				body = webhooktest.EditJSON(t, body, tc.edit)
			}
			w := hs.Do(githubRequest(tc.event, delivery, body, testSecret))
			hs.CheckTask(t, w, tc.wantCode, tc.want)
		})
	}
}
