package gitlab_test

import (
	"testing"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/webhook/webhooktest"
)

func TestGitLabRecetteEvents(t *testing.T) {
	const idem = "b6f1e9c2-3f52-4d4c-9a0e-recette"
	withIdem := map[string]string{hdrIdempotency: idem}
	mr1 := core.IssueRef{Repo: core.Repo{Platform: core.GitLab, FullName: "gitlabhq/gitlab-test", ProjectID: 1}, Number: 1, MergeRequest: true}
	noteMR := core.IssueRef{Repo: core.Repo{Platform: core.GitLab, FullName: "gitlab-org/gitlab-test", ProjectID: 5}, Number: 1, MergeRequest: true}
	setAction := func(a string) func(map[string]any) {
		return func(m map[string]any) { webhooktest.Obj(m, "object_attributes")["action"] = a }
	}
	setNote := func(n, action string) func(map[string]any) {
		return func(m map[string]any) {
			webhooktest.Obj(m, "object_attributes")["note"] = n
			webhooktest.Obj(m, "object_attributes")["action"] = action
		}
	}
	task := func(ref core.IssueRef, trigger core.Trigger, mod func(*core.Task)) *core.Task {
		t := &core.Task{Feature: core.FeatureRecette, Issue: ref, Trigger: trigger, Delivery: idem, ReceivedAt: webhooktest.Now}
		if mod != nil {
			mod(t)
		}
		return t
	}
	tests := []struct {
		name, file, event string
		edit              func(map[string]any)
		wantCode          int
		want              *core.Task
	}{
		{"merge request opened", "merge_request.json", "Merge Request Hook", nil, 202,
			task(mr1, core.TriggerChanged, nil)},
		{"merge request updated", "merge_request.json", "Merge Request Hook", setAction("update"), 202,
			task(mr1, core.TriggerChanged, nil)},
		{"merge request merged", "merge_request.json", "Merge Request Hook", setAction("merge"), 202,
			task(mr1, core.TriggerChanged, nil)},
		{"merge request changed by cochef's bot is ignored", "merge_request.json", "Merge Request Hook",
			func(m map[string]any) {
				setAction("update")(m)
				webhooktest.Obj(m, "user")["username"] = "project_42_bot_cochef"
			}, 200, nil},
		{"validation command", "note_merge_request.json", "Note Hook", setNote("/cochef valide tout", "create"), 202,
			task(noteMR, core.TriggerCommand, func(t *core.Task) { t.Actor, t.Command = "root", &core.Command{Verb: core.VerbValidate, All: true} })},
		{"command from GitLab before 16.11 (no action)", "note_merge_request.json", "Note Hook", setNote("/cochef refuse 2 faux", ""), 202,
			task(noteMR, core.TriggerCommand, func(t *core.Task) {
				t.Actor, t.Command = "root", &core.Command{Verb: core.VerbRefuse, Items: []int{2}, Reason: "faux"}
			})},
		{"checklist note edited: compare with the stored state", "note_merge_request.json", "Note Hook",
			setNote(webhooktest.Checklist, "update"), 202,
			task(noteMR, core.TriggerChecklistEdited, func(t *core.Task) { t.Actor = "root" })},
		{"other note edited is ignored", "note_merge_request.json", "Note Hook", setNote("/cochef valide 1", "update"), 200, nil},
		{"cochef editing its checklist is ignored", "note_merge_request.json", "Note Hook",
			func(m map[string]any) {
				setNote(webhooktest.Checklist, "update")(m)
				webhooktest.Obj(m, "user")["username"] = "project_42_bot_cochef"
			}, 200, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hs := newHarness(t, nil)
			body := webhooktest.ReadFixture(t, "webhooks/"+tc.file)
			if tc.edit != nil {
				body = webhooktest.EditJSON(t, body, tc.edit)
			}
			w := hs.Do(gitlabRequest(tc.event, testGitLabSecret, body, withIdem))
			hs.CheckTask(t, w, tc.wantCode, tc.want)
		})
	}
}
