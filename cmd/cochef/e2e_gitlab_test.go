package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/feedback"
	"github.com/cochef/cochef/gitlab/gitlabfake"
)

// GitLab end to end: the same server, engine and store as GitHub's, with
// the GitLab adapter against the HTTP fake of GitLab's REST API v4, fed
// with the real payloads published in client-go's testdata/webhooks/.

const (
	glSecret    = "jeton-webhook-gitlab"
	glProject   = "ministere/demarches"
	glProjectID = 77
)

type glE2E struct {
	t    *testing.T
	fake *gitlabfake.Fake
	url  string
	db   string
}

func startGitLabE2E(t *testing.T) *glE2E {
	t.Helper()
	fake := gitlabfake.New(t)
	fake.AddProject(glProjectID, glProject)
	db := filepath.Join(t.TempDir(), "cochef.db")
	cfg := serverConfig{
		Listen:              "127.0.0.1:0",
		Database:            db,
		Debounce:            200 * time.Millisecond,
		Workers:             2,
		ShutdownGrace:       5 * time.Second,
		JobTimeout:          10 * time.Second,
		RescueAfter:         15 * time.Second,
		GitLabURL:           strings.TrimSuffix(fake.URL(), "/"),
		GitLabToken:         gitlabfake.Token,
		GitLabWebhookSecret: glSecret,
		GitLabWriteSpacing:  -1,
		GitLabBotUsernames:  []string{gitlabfake.BotUsername},
	}
	return &glE2E{t: t, fake: fake, url: startServer(t, cfg), db: db}
}

// glPayload builds a webhook body from client-go's published example.
func glPayload(t *testing.T, file string, iid int, mutate func(map[string]any)) []byte {
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
	p["id"] = glProjectID
	p["path_with_namespace"] = glProject
	if _, ok := m["project_id"]; ok {
		m["project_id"] = glProjectID
	}
	switch m["object_kind"] {
	case "issue":
		oa := m["object_attributes"].(map[string]any)
		oa["iid"] = iid
		oa["project_id"] = glProjectID
	case "note":
		is := m["issue"].(map[string]any)
		is["iid"] = iid
		is["project_id"] = glProjectID
	}
	if mutate != nil {
		mutate(m)
	}
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func (e *glE2E) post(event, token, key string, body []byte) int {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.url+"/webhooks/gitlab", bytes.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Gitlab-Event", event)
	req.Header.Set("X-Gitlab-Token", token)
	req.Header.Set("Idempotency-Key", key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func (e *glE2E) feedback(iid int) []gitlabfake.Note {
	var out []gitlabfake.Note
	for _, n := range e.fake.Notes(glProject, iid) {
		if strings.Contains(n.Body, feedback.MarkerFeedback) {
			out = append(out, n)
		}
	}
	return out
}

func (e *glE2E) wait(iid int, after time.Time) *core.Evaluation {
	e.t.Helper()
	ref := core.IssueRef{Repo: core.Repo{Platform: core.GitLab, FullName: glProject, ProjectID: glProjectID}, Number: iid}
	return waitEvaluated(e.t, e.db, ref, after)
}

func TestE2EGitLabNewStoryRedeliveryNoOpAndFix(t *testing.T) {
	e := startGitLabE2E(t)
	title, body := example(t, "incomplet.md")
	e.fake.AddIssue(glProject, 5, gitlabfake.Issue{Title: title, Description: body})

	start := time.Now()
	key := newDelivery()
	opened := glPayload(t, "issue.json", 5, nil)
	if code := e.post("Issue Hook", glSecret, key, opened); code != http.StatusAccepted {
		t.Fatalf("issue hook: status %d, want 202", code)
	}
	ev := e.wait(5, start)
	notes := e.feedback(5)
	if len(notes) != 1 || ev.CommentID != notes[0].ID {
		t.Fatalf("a new story must get exactly one note, got %d", len(notes))
	}
	if !strings.Contains(notes[0].Body, "ticket") || !strings.Contains(notes[0].Body, "acceptance-criteria-missing") {
		t.Errorf("note does not use GitLab's words or lacks the finding:\n%s", notes[0].Body)
	}
	if got := e.fake.IssueLabels(glProject, 5); !slices.Equal(got, []string{"récit: à compléter"}) {
		t.Fatalf("labels = %v", got)
	}

	// Redelivery (same Idempotency-Key) and an update that changes nothing.
	e.fake.Reset()
	if code := e.post("Issue Hook", glSecret, key, opened); code != http.StatusOK {
		t.Fatalf("redelivery: status %d, want 200", code)
	}
	mark := time.Now()
	update := glPayload(t, "issue.json", 5, func(m map[string]any) {
		m["object_attributes"].(map[string]any)["action"] = "update"
	})
	if code := e.post("Issue Hook", glSecret, newDelivery(), update); code != http.StatusAccepted {
		t.Fatalf("update: status %d", code)
	}
	e.wait(5, mark)
	if w := e.fake.Writes(); len(w) != 0 {
		t.Fatalf("redelivery and no-op update wrote %d times (%s)", len(w), w[0].Route)
	}

	// A fixing edit updates the same note and flips the labels.
	t2, b2 := example(t, "pret.md")
	e.fake.EditIssue(glProject, 5, t2, b2)
	mark = time.Now()
	if code := e.post("Issue Hook", glSecret, newDelivery(), update); code != http.StatusAccepted {
		t.Fatalf("fix: status %d", code)
	}
	ev = e.wait(5, mark)
	after := e.feedback(5)
	if !ev.Ready || len(after) != 1 || after[0].ID != notes[0].ID {
		t.Fatalf("fix: ready=%v notes=%d", ev.Ready, len(after))
	}
	if got := e.fake.IssueLabels(glProject, 5); !slices.Equal(got, []string{"récit: prêt"}) {
		t.Fatalf("labels after fix = %v", got)
	}
}

func TestE2EGitLabCheckCommandNeedsDeveloper(t *testing.T) {
	e := startGitLabE2E(t)
	title, body := example(t, "incomplet.md")
	e.fake.AddIssue(glProject, 6, gitlabfake.Issue{Title: title, Description: body})
	e.fake.SetMember(glProject, "reporter1", 20)
	e.fake.SetMember(glProject, "dev1", 30)
	note := func(user string) []byte {
		return glPayload(t, "note_issue.json", 6, func(m map[string]any) {
			m["object_attributes"].(map[string]any)["note"] = "/cochef check"
			m["user"].(map[string]any)["username"] = user
		})
	}
	if code := e.post("Note Hook", glSecret, newDelivery(), note("reporter1")); code != http.StatusAccepted {
		t.Fatalf("note: status %d", code)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !slices.ContainsFunc(e.fake.Requests(), func(r gitlabfake.Request) bool { return strings.Contains(r.Path, "/members/all/") }) {
		if time.Now().After(deadline) {
			t.Fatal("the command was never looked at")
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	if w := e.fake.Writes(); len(w) != 0 {
		t.Fatalf("a Reporter's /cochef check wrote %d times", len(w))
	}
	mark := time.Now()
	if code := e.post("Note Hook", glSecret, newDelivery(), note("dev1")); code != http.StatusAccepted {
		t.Fatalf("note: status %d", code)
	}
	e.wait(6, mark)
	if n := len(e.feedback(6)); n != 1 {
		t.Fatalf("a Developer's /cochef check must evaluate: %d notes", n)
	}
}

func TestE2EGitLabBadTokenAndUnknownEvent(t *testing.T) {
	e := startGitLabE2E(t)
	body := glPayload(t, "issue.json", 7, nil)
	if code := e.post("Issue Hook", "mauvais", newDelivery(), body); code != http.StatusUnauthorized {
		t.Fatalf("wrong token: status %d, want 401", code)
	}
	push, err := os.ReadFile(filepath.Join("testdata", "gitlab", "push.json"))
	if err != nil {
		t.Fatal(err)
	}
	if code := e.post("Push Hook", glSecret, newDelivery(), push); code/100 != 2 {
		t.Fatalf("unknown event: status %d, want 2xx (GitLab disables failing hooks)", code)
	}
	time.Sleep(400 * time.Millisecond)
	if w := e.fake.Writes(); len(w) != 0 {
		t.Fatalf("ignored events caused writes: %d", len(w))
	}
}
