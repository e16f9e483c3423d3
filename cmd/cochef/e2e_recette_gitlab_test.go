package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/gitlab/gitlabfake"
)

// Recette end to end on GitLab: merge request hooks and notes, the
// checklist as a thread, a commit status, against the fake.

func glMRPayload(t *testing.T, file string, iid int, mutate func(map[string]any)) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "gitlab", file))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	p := m["project"].(map[string]any)
	p["id"], p["path_with_namespace"] = glProjectID, glProject
	oa := m["object_attributes"].(map[string]any)
	switch m["object_kind"] {
	case "merge_request":
		oa["iid"], oa["target_project_id"], oa["source_project_id"] = iid, glProjectID, glProjectID
	case "note":
		m["project_id"], oa["project_id"] = glProjectID, glProjectID
		m["merge_request"].(map[string]any)["iid"] = iid
	}
	mutate(m)
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func glCalls(t *testing.T, f *gitlabfake.Fake) (reads, writes int) {
	t.Helper()
	for _, r := range f.Requests() {
		if r.Route == "" {
			t.Errorf("the fake did not know %s %s", r.Method, r.Path)
		}
		if r.IsWrite() {
			writes++
		} else {
			reads++
		}
	}
	return reads, writes
}

func TestE2ERecetteGitLab(t *testing.T) {
	e := startGitLabE2E(t)
	f := e.fake
	sensitiveTitle, sensitiveBody := example(t, "admin-habilitations.md")
	gherkinTitle, gherkinBody := example(t, "gherkin-plan.md")
	f.AddIssue(glProject, 12, gitlabfake.Issue{Title: sensitiveTitle, Description: sensitiveBody})
	f.AddIssue(glProject, 3, gitlabfake.Issue{Title: gherkinTitle, Description: gherkinBody})
	// Issue #7 shares its number with merge request !7: nothing of the
	// recette may land on it.
	f.AddIssue(glProject, 7, gitlabfake.Issue{Title: "Un autre ticket", Description: "rien"})
	f.SetFile(glProject, ".gitlab/cochef.yml", "recette:\n  validators: [marie-po, chef]\n")
	f.AddMergeRequest(glProject, 7, gitlabfake.MergeRequest{Title: "Habilitations", Description: "Closes #12",
		SHA: "sha-7a", SourceBranch: "habilitations", ClosesIssues: []int{12, 3}, Milestone: "v1.2", Author: "dev-alice"})
	for user, level := range map[string]int{"chef": 40, "lead-dev": 40, "dev-alice": 30, "marie-po": 20} {
		f.SetMember(glProject, user, level)
	}
	post := func(event string, body []byte) {
		t.Helper()
		if code := e.post(event, glSecret, newDelivery(), body); code != http.StatusAccepted {
			t.Fatalf("%s: status %d", event, code)
		}
		waitIdle(t, e.db)
	}
	mrHook := func(action string) []byte {
		return glMRPayload(t, "merge_request.json", 7, func(m map[string]any) {
			m["object_attributes"].(map[string]any)["action"] = action
			m["user"].(map[string]any)["username"] = "dev-alice"
		})
	}
	note := func(user, body, action string) []byte {
		return glMRPayload(t, "note_merge_request.json", 7, func(m map[string]any) {
			oa := m["object_attributes"].(map[string]any)
			oa["note"], oa["action"] = body, action
			m["user"].(map[string]any)["username"] = user
		})
	}
	thread := func() gitlabfake.Discussion {
		t.Helper()
		var found []gitlabfake.Discussion
		for _, d := range f.Discussions(glProject, 7) {
			if strings.Contains(d.Notes[0].Body, core.MarkerRecette) {
				found = append(found, d)
			}
		}
		if len(found) != 1 {
			t.Fatalf("%d checklist threads, want 1", len(found))
		}
		return found[0]
	}
	replies := func() []gitlabfake.Note {
		var out []gitlabfake.Note
		for _, n := range f.MergeRequestNotes(glProject, 7) {
			if strings.Contains(n.Body, core.MarkerRecetteReply) {
				out = append(out, n)
			}
		}
		return out
	}

	f.Reset()
	post("Merge Request Hook", mrHook("open"))
	reads, writes := glCalls(t, f)
	t.Logf("API calls, first render (2 stories): %d reads, %d writes", reads, writes)
	d := thread()
	if !d.Notes[0].Resolvable || d.Notes[0].Resolved || len(core.ParseChecklist(d.Notes[0].Body)) != 10 {
		t.Fatalf("checklist thread %+v", d)
	}
	if !strings.Contains(d.Notes[0].Body, "Ce fil est résolu par cochef") {
		t.Errorf("the thread does not say cochef resolves it:\n%s", d.Notes[0].Body)
	}
	st := f.Statuses(glProject)
	if len(st) != 1 || st[0].State != "pending" || st[0].Name != core.RecetteStatusName || st[0].SHA != "sha-7a" {
		t.Fatalf("statuses %+v", st)
	}
	if got := f.MergeRequestLabels(glProject, 7); !slices.Equal(got, []string{"recette: en cours"}) {
		t.Fatalf("MR labels %v", got)
	}
	if len(f.Notes(glProject, 7)) != 0 || len(f.IssueLabels(glProject, 7)) != 0 {
		t.Fatalf("the recette of !7 wrote on issue #7: %v %v", f.Notes(glProject, 7), f.IssueLabels(glProject, 7))
	}

	// Ticks: GitLab's Note Hook for an edit carries the editor but not the
	// body before it; cochef compares with what it recorded.
	tick := func(number, who string) {
		t.Helper()
		n := thread().Notes[0]
		ticked := strings.Replace(n.Body, "- [ ] **"+number+".**", "- [x] **"+number+".**", 1)
		f.EditMergeRequestNote(glProject, 7, n.ID, ticked)
		f.Reset()
		post("Note Hook", note(who, ticked, "update"))
	}
	tick("1", "chef")
	reads, writes = glCalls(t, f)
	t.Logf("API calls, a validator's tick: %d reads, %d writes", reads, writes)
	if l := lineOf(thread().Notes[0].Body, "**1.**"); !strings.HasPrefix(l, "- [x]") || !strings.Contains(l, "✅ @\u200dchef") {
		t.Fatalf("criterion 1 after the tick: %q", l)
	}
	tick("2", "lead-dev")
	if l := lineOf(thread().Notes[0].Body, "**2.**"); !strings.HasPrefix(l, "- [ ]") {
		t.Fatalf("a non-validator's tick stayed: %q", l)
	}
	if r := replies(); len(r) != 1 || !strings.Contains(r[0].Body, "@lead-dev") {
		t.Fatalf("replies %+v", r)
	}

	// The story changes; the tick of the unchanged criterion stays.
	newBody := strings.Replace(sensitiveBody, "(qui, quoi, quand)", "(qui, quoi, quand, d'où)", 1)
	f.EditIssue(glProject, 12, sensitiveTitle, newBody)
	post("Issue Hook", glPayload(t, "issue.json", 12, func(m map[string]any) {
		m["object_attributes"].(map[string]any)["action"] = "update"
	}))
	body := thread().Notes[0].Body
	if !strings.HasPrefix(lineOf(body, "**1.**"), "- [x]") || !strings.Contains(lineOf(body, "**4.**"), "d'où") {
		t.Fatalf("after the story edit:\n%s", body)
	}

	// Commands: a developer who is not a validator, then the business owner.
	post("Note Hook", note("dev-alice", "/cochef valide tout", "create"))
	if r := replies(); len(r) != 2 || !strings.Contains(r[1].Body, "@dev-alice") {
		t.Fatalf("replies %+v", r)
	}
	f.Reset()
	post("Note Hook", note("marie-po", "/cochef valide tout", "create"))
	reads, writes = glCalls(t, f)
	t.Logf("API calls, command completing the recette: %d reads, %d writes", reads, writes)
	d = thread()
	if !d.Notes[0].Resolved || slices.Contains(mapValues(core.ParseChecklist(d.Notes[0].Body)), false) {
		t.Fatalf("on completion the thread must be resolved and every box ticked: %+v", d)
	}
	st = f.Statuses(glProject)
	if last := st[len(st)-1]; last.State != "success" || last.SHA != "sha-7a" {
		t.Fatalf("statuses on completion %+v", st)
	}
	if got := f.MergeRequestLabels(glProject, 7); !slices.Equal(got, []string{"recette: validée"}) {
		t.Fatalf("MR labels on completion %v", got)
	}

	// Nothing changed: nothing written.
	f.Reset()
	post("Merge Request Hook", mrHook("update"))
	reads, writes = glCalls(t, f)
	t.Logf("API calls, no-op render: %d reads, %d writes", reads, writes)
	if writes != 0 {
		t.Fatalf("a no-op render wrote: %+v", f.Writes())
	}

	// A merge request that closes nothing: a success status, no thread.
	f.AddMergeRequest(glProject, 8, gitlabfake.MergeRequest{Title: "Refactor", Description: "Nettoyage", SHA: "sha-8"})
	post("Merge Request Hook", glMRPayload(t, "merge_request.json", 8, func(m map[string]any) {
		m["object_attributes"].(map[string]any)["action"] = "open"
	}))
	st = f.Statuses(glProject)
	if last := st[len(st)-1]; last.SHA != "sha-8" || last.State != "success" {
		t.Fatalf("status of a MR closing nothing %+v", last)
	}
	if len(f.Discussions(glProject, 8)) != 0 || len(f.MergeRequestLabels(glProject, 8)) != 0 {
		t.Fatal("a MR closing nothing got a thread or labels")
	}

	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"recette", "report", "--platform", "gitlab", "--repo", glProject, "--pr", "7",
		"--database", e.db, "--lang", "en"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("report: exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{"Merge request ministere/demarches!7", "**acceptance validated**", "| chef |", "| marie-po |", "Milestone: v1.2"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("PV lacks %q:\n%s", want, out.String())
		}
	}
}
