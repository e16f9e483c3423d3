package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/feedback"
	"github.com/cochef/cochef/github"
	"github.com/cochef/cochef/github/githubfake"
	"github.com/cochef/cochef/store"
)

// End-to-end: the real server (intake, SQLite queue, engine, GitHub
// adapter) against the HTTP fake of GitHub, fed with signed payloads built
// from GitHub's published examples (testdata/, see ABOUT.md).

const (
	e2eSecret = "s3cret-de-test"
	e2eRepo   = "octo-org/demarches"
	e2eInst   = 4242
)

var deliverySeq atomic.Int64

type e2e struct {
	t    *testing.T
	fake *githubfake.Fake
	url  string
	db   string
}

func e2eConfig(t *testing.T, fake *githubfake.Fake, db string) serverConfig {
	return serverConfig{
		Listen:               "127.0.0.1:0",
		Database:             db,
		Debounce:             200 * time.Millisecond,
		Workers:              2,
		ShutdownGrace:        5 * time.Second,
		JobTimeout:           10 * time.Second,
		RescueAfter:          15 * time.Second,
		GitHubToken:          "test-token",
		GitHubAPIURL:         fake.URL(),
		GitHubWriteSpacing:   -1,
		GitHubWebhookSecrets: []string{e2eSecret},
		GitHubBotLogin:       "cochef[bot]",
	}
}

func startE2E(t *testing.T) *e2e {
	t.Helper()
	fake := githubfake.New(t)
	db := filepath.Join(t.TempDir(), "cochef.db")
	url := startServer(t, e2eConfig(t, fake, db))
	return &e2e{t: t, fake: fake, url: url, db: db}
}

// startServer runs serve in the test process until the test ends and
// returns its base URL.
func startServer(t *testing.T, cfg serverConfig) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	go func() { done <- serve(ctx, cfg, log, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("server did not start: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("server did not start in time")
	}
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return "http://" + addr
}

// payload builds a webhook body from a real example, pointed at our
// repository, installation and issue.
func payload(t *testing.T, file string, number int, title, body string, mutate func(map[string]any)) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	repo := m["repository"].(map[string]any)
	repo["full_name"] = e2eRepo
	repo["name"] = "demarches"
	m["installation"] = map[string]any{"id": e2eInst, "node_id": "MDIz"}
	is := m["issue"].(map[string]any)
	is["number"] = number
	is["title"] = title
	is["body"] = body
	is["labels"] = []any{}
	if mutate != nil {
		mutate(m)
	}
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sign(body []byte, secret string) string { return github.SignWebhook(secret, body) }

func (e *e2e) post(event, delivery string, body []byte) int {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.url+"/webhooks/github", bytes.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-GitHub-Event", event)
	req.Header.Set("X-GitHub-Delivery", delivery)
	req.Header.Set("X-Hub-Signature-256", sign(body, e2eSecret))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func newDelivery() string { return fmt.Sprintf("e2e-%d-%d", time.Now().UnixNano(), deliverySeq.Add(1)) }

// waitEvaluated waits until the issue's stored evaluation is newer than
// after, and returns it.
func (e *e2e) waitEvaluated(number int, after time.Time) *core.Evaluation {
	e.t.Helper()
	ref := core.IssueRef{Repo: core.Repo{Platform: core.GitHub, FullName: e2eRepo, InstallationID: e2eInst}, Number: number}
	return waitEvaluated(e.t, e.db, ref, after)
}

// waitEvaluated waits until the issue's stored evaluation is newer than
// after, and returns it.
func waitEvaluated(t *testing.T, db string, ref core.IssueRef, after time.Time) *core.Evaluation {
	t.Helper()
	st, err := store.Open(context.Background(), store.Options{DSN: db})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		ev, err := st.LastEvaluation(context.Background(), ref)
		if err != nil {
			t.Fatal(err)
		}
		if ev != nil && ev.EvaluatedAt.After(after) {
			// The evaluation is saved after its comment and again after
			// its labels: wait for the job to finish before looking.
			if busy, err := queueBusy(st); err != nil {
				t.Fatal(err)
			} else if !busy {
				if ev, err = st.LastEvaluation(context.Background(), ref); err != nil {
					t.Fatal(err)
				}
				return ev
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s was not evaluated after %s", ref, after.Format(time.RFC3339Nano))
	return nil
}

// queueBusy reports whether a job waits, runs or awaits a retry.
func queueBusy(st *store.Store) (bool, error) {
	stats, err := st.JobStats(context.Background())
	if err != nil {
		return false, err
	}
	for _, s := range []string{"available", "pending", "running", "retryable", "scheduled"} {
		if stats[s] > 0 {
			return true, nil
		}
	}
	return false, nil
}

func feedbackOf(f *githubfake.Fake, number int) []githubfake.Comment {
	var out []githubfake.Comment
	for _, c := range f.Comments(e2eRepo, number) {
		if strings.Contains(c.Body, feedback.MarkerFeedback) {
			out = append(out, c)
		}
	}
	return out
}

func example(t *testing.T, name string) (string, string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	first, rest, _ := strings.Cut(string(b), "\n")
	return strings.TrimPrefix(first, "# "), strings.TrimLeft(rest, "\n")
}

func TestE2ENewStoryRedeliveryNoOpAndFix(t *testing.T) {
	e := startE2E(t)
	title, body := example(t, "incomplet.md")
	e.fake.AddIssue(e2eRepo, 1, githubfake.Issue{Title: title, Body: body})

	start := time.Now()
	d := newDelivery()
	opened := payload(t, "issues-opened.json", 1, title, body, nil)
	if code := e.post("issues", d, opened); code != http.StatusAccepted {
		t.Fatalf("opened: status %d, want 202", code)
	}
	ev := e.waitEvaluated(1, start)
	cs := feedbackOf(e.fake, 1)
	if len(cs) != 1 || ev.CommentID != cs[0].ID {
		t.Fatalf("a new story must get exactly one comment, got %d (stored id %d)", len(cs), ev.CommentID)
	}
	if got := e.fake.IssueLabels(e2eRepo, 1); !slices.Equal(got, []string{"récit: à compléter"}) {
		t.Fatalf("labels = %v", got)
	}

	// A redelivery is acknowledged and dropped.
	e.fake.Reset()
	if code := e.post("issues", d, opened); code != http.StatusOK {
		t.Fatalf("redelivery: status %d, want 200", code)
	}
	// An edit that changes nothing is evaluated and writes nothing.
	mark := time.Now()
	edited := payload(t, "issues-edited.json", 1, title, body, nil)
	if code := e.post("issues", newDelivery(), edited); code != http.StatusAccepted {
		t.Fatalf("edit: status %d", code)
	}
	e.waitEvaluated(1, mark)
	if w := e.fake.Writes(); len(w) != 0 {
		t.Fatalf("redelivery and no-op edit wrote %d times: %+v", len(w), w[0].Route)
	}

	// A fixing edit flips the labels and edits the same comment.
	title2, body2 := example(t, "pret.md")
	e.fake.SetIssueTitle(e2eRepo, 1, title2)
	e.fake.SetIssueBody(e2eRepo, 1, body2)
	mark = time.Now()
	if code := e.post("issues", newDelivery(), payload(t, "issues-edited.json", 1, title2, body2, nil)); code != http.StatusAccepted {
		t.Fatalf("fix: status %d", code)
	}
	ev = e.waitEvaluated(1, mark)
	after := feedbackOf(e.fake, 1)
	if !ev.Ready || len(after) != 1 || after[0].ID != cs[0].ID || !strings.Contains(after[0].Body, "Récit prêt") {
		t.Fatalf("fix: ready=%v comments=%d", ev.Ready, len(after))
	}
	if got := e.fake.IssueLabels(e2eRepo, 1); !slices.Equal(got, []string{"récit: prêt"}) {
		t.Fatalf("labels after fix = %v", got)
	}
}

func TestE2EBurstOfEditsIsEvaluatedOnce(t *testing.T) {
	e := startE2E(t)
	title, body := example(t, "incomplet.md")
	e.fake.AddIssue(e2eRepo, 2, githubfake.Issue{Title: title, Body: body})
	start := time.Now()
	for i := 0; i < 10; i++ {
		if code := e.post("issues", newDelivery(), payload(t, "issues-edited.json", 2, title, body, nil)); code != http.StatusAccepted {
			t.Fatalf("edit %d: status %d", i, code)
		}
	}
	e.waitEvaluated(2, start)
	time.Sleep(600 * time.Millisecond) // longer than the debounce: a second run would have started
	var gets int
	for _, r := range e.fake.Requests() {
		if r.Route == "GET /repos/{owner}/{repo}/issues/{issue_number}" {
			gets++
		}
	}
	if gets != 1 {
		t.Fatalf("10 edits in a burst read the issue %d times, want 1 evaluation", gets)
	}
}

func TestE2ECheckCommandFromReaderIsIgnored(t *testing.T) {
	e := startE2E(t)
	title, body := example(t, "incomplet.md")
	e.fake.AddIssue(e2eRepo, 3, githubfake.Issue{Title: title, Body: body})
	e.fake.SetPermission(e2eRepo, "visiteur", "read")
	e.fake.Reset()
	cmd := payload(t, "issue_comment-created.json", 3, title, body, func(m map[string]any) {
		c := m["comment"].(map[string]any)
		c["body"] = "/cochef check"
		c["user"] = map[string]any{"login": "visiteur", "id": 99, "type": "User"}
		m["sender"] = c["user"]
		delete(m["issue"].(map[string]any), "pull_request")
	})
	if code := e.post("issue_comment", newDelivery(), cmd); code != http.StatusAccepted {
		t.Fatalf("command: status %d", code)
	}
	// Wait until the permission was asked, then give the job time to finish.
	deadline := time.Now().Add(10 * time.Second)
	for len(e.fake.Calls("GET /repos/{owner}/{repo}/collaborators/{username}/permission")) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the command was never looked at")
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	if w := e.fake.Writes(); len(w) != 0 {
		t.Fatalf("a reader's /cochef check caused %d writes", len(w))
	}
}

func TestE2EBadWebhooksAreRefused(t *testing.T) {
	e := startE2E(t)
	body := payload(t, "issues-opened.json", 4, "t", "b", nil)
	req, _ := http.NewRequest(http.MethodPost, e.url+"/webhooks/github", bytes.NewReader(body))
	req.Header.Set("X-GitHub-Event", "issues")
	req.Header.Set("X-GitHub-Delivery", newDelivery())
	req.Header.Set("X-Hub-Signature-256", sign(body, "wrong"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("forged signature: status %d, want 401", resp.StatusCode)
	}
	if code := e.post("issues", newDelivery(), []byte("{not json")); code != http.StatusBadRequest {
		t.Fatalf("malformed JSON: status %d, want 400", code)
	}
	if code := e.post("star", newDelivery(), []byte(`{"action":"created"}`)); code/100 != 2 {
		t.Fatalf("unknown event: status %d, want 2xx", code)
	}
	resp, err = http.Get(e.url + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("readyz after bad input: %d", resp.StatusCode)
	}
}
