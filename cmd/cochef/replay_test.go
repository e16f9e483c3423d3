package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/github"
	"github.com/cochef/cochef/gitlab"
	"github.com/cochef/cochef/webhook"
)

// The payloads are the real examples the platforms' webhook sources test
// with, in <platform>/testdata/webhooks.
const replayPayloadDir = "../.."

// examplePayload is the example name of platform.
func examplePayload(platform, name string) string {
	return filepath.Join(replayPayloadDir, platform, "testdata", "webhooks", name)
}

type replayQueue struct {
	mu    sync.Mutex
	seen  map[string]bool
	tasks []core.Task
}

func (q *replayQueue) Enqueue(_ context.Context, t core.Task) (bool, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.seen[t.Delivery] {
		return false, nil
	}
	q.seen[t.Delivery] = true
	q.tasks = append(q.tasks, t)
	return true, nil
}

func (q *replayQueue) all() []core.Task {
	q.mu.Lock()
	defer q.mu.Unlock()
	return append([]core.Task(nil), q.tasks...)
}

const (
	replayGitHubSecret = "secret-github-replay"
	replayGitLabSecret = "secret-gitlab-replay"
)

// replayServer is the real intake behind an httptest server.
func replayServer(t *testing.T) (*httptest.Server, *replayQueue, *[]string) {
	t.Helper()
	q := &replayQueue{seen: map[string]bool{}}
	var paths []string
	var mu sync.Mutex
	h := webhook.NewHandler(webhook.Options{
		Sources: []webhook.Source{
			github.NewWebhooks(github.WebhookConfig{Secrets: []string{replayGitHubSecret}}),
			gitlab.NewWebhooks(gitlab.WebhookConfig{Secret: replayGitLabSecret}),
		},
		Enqueuer: q,
		Logger:   slog.New(slog.DiscardHandler),
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, q, &paths
}

func runReplayCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// replayCommandPayload is the issue_comment example with its body turned into the
// /cochef check command.
func replayCommandPayload(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile(examplePayload("github", "issue_comment-created.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	m["comment"].(map[string]any)["body"] = "/cochef check"
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "command.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReplayPostsSignedPayloads(t *testing.T) {
	opened := examplePayload("github", "issues-opened.json")
	note := examplePayload("gitlab", "note_issue.json")
	issue := examplePayload("gitlab", "issue.json")

	tests := []struct {
		name      string
		env       map[string]string
		args      func(url string) []string
		wantCode  int
		wantOut   string
		wantKind  core.Feature // "" when nothing is enqueued
		wantEvent string       // the platform whose event the task comes from
	}{
		{"GitHub issue, --secret", nil, func(u string) []string {
			return []string{"replay", "--url", u + "/webhooks/github", "--secret", replayGitHubSecret, opened}
		}, 0, "202 Accepted", core.FeatureFeedback, core.GitHub},
		{"GitHub secret from the environment, bare server URL", map[string]string{"COCHEF_GITHUB_WEBHOOK_SECRET": replayGitHubSecret}, func(u string) []string {
			return []string{"replay", "--url", u, opened}
		}, 0, `"status":"accepted"`, core.FeatureFeedback, core.GitHub},
		{"first of several comma-separated secrets", map[string]string{"COCHEF_GITHUB_WEBHOOK_SECRET": replayGitHubSecret + ",ancien"}, func(u string) []string {
			return []string{"replay", "--url", u, opened}
		}, 0, "202", core.FeatureFeedback, core.GitHub},
		{"wrong secret", nil, func(u string) []string {
			return []string{"replay", "--url", u, "--secret", "faux", opened}
		}, 1, "401 Unauthorized", "", ""},
		{"no secret at all", map[string]string{"COCHEF_GITHUB_WEBHOOK_SECRET": ""}, func(u string) []string {
			return []string{"replay", "--url", u, opened}
		}, 1, "missing signature", "", ""},
		{"--event overrides the guess", nil, func(u string) []string {
			return []string{"replay", "--url", u, "--secret", replayGitHubSecret, "--event", "star", opened}
		}, 0, `"status":"ignored"`, "", ""},
		{"GitLab note, platform guessed, token from the environment", map[string]string{"COCHEF_GITLAB_WEBHOOK_SECRET": replayGitLabSecret}, func(u string) []string {
			return []string{"replay", "--url", u, note}
		}, 0, `"status":"ignored"`, "", ""}, // "Hello world" is not a command
		{"GitLab issue, --platform", nil, func(u string) []string {
			return []string{"replay", "--platform", "gitlab", "--url", u, "--secret", replayGitLabSecret, issue}
		}, 0, "202", core.FeatureFeedback, core.GitLab},
		{"GitLab wrong token", nil, func(u string) []string {
			return []string{"replay", "--url", u, "--secret", "faux", issue}
		}, 1, "401", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("COCHEF_GITHUB_WEBHOOK_SECRET", "")
			t.Setenv("COCHEF_GITLAB_WEBHOOK_SECRET", "")
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			srv, q, paths := replayServer(t)
			code, out, errOut := runReplayCLI(t, "", tc.args(srv.URL)...)
			if code != tc.wantCode {
				t.Fatalf("exit %d, want %d\nstdout %s\nstderr %s", code, tc.wantCode, out, errOut)
			}
			if !strings.Contains(out, tc.wantOut) {
				t.Errorf("stdout %q lacks %q", out, tc.wantOut)
			}
			if len(*paths) != 1 || !strings.HasPrefix((*paths)[0], "/webhooks/") {
				t.Errorf("server saw %v", *paths)
			}
			tasks := q.all()
			if tc.wantKind == "" {
				if len(tasks) != 0 {
					t.Errorf("enqueued %+v", tasks)
				}
				return
			}
			if len(tasks) != 1 || tasks[0].Feature != tc.wantKind || tasks[0].Trigger != core.TriggerChanged || tasks[0].Issue.Repo.Platform != tc.wantEvent {
				t.Fatalf("tasks = %+v", tasks)
			}
			// A fresh delivery id each time, so a replay is new work.
			if _, err := uuid.Parse(tasks[0].Delivery); err != nil {
				t.Errorf("delivery %q is not a UUID: %v", tasks[0].Delivery, err)
			}
			if !strings.Contains(out, tasks[0].Delivery) {
				t.Errorf("stdout %q does not name the delivery %s", out, tasks[0].Delivery)
			}
		})
	}
}

func TestReplayCommandFromStdinWithGuessedEvent(t *testing.T) {
	srv, q, _ := replayServer(t)
	payload, err := os.ReadFile(replayCommandPayload(t))
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runReplayCLI(t, string(payload), "replay", "--url", srv.URL, "--secret", replayGitHubSecret, "-")
	if code != 0 {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	tasks := q.all()
	// Only an issue_comment event makes a command task of an issue.
	if len(tasks) != 1 || tasks[0].Feature != core.FeatureFeedback || tasks[0].Trigger != core.TriggerCommand ||
		tasks[0].Command == nil || tasks[0].Command.Verb != core.VerbCheck || tasks[0].Actor != "Codertocat" {
		t.Errorf("tasks = %+v", tasks)
	}
}

func TestReplaySameDeliveryIsDuplicate(t *testing.T) {
	srv, q, _ := replayServer(t)
	args := []string{"replay", "--url", srv.URL, "--secret", replayGitHubSecret, "--delivery", "livraison-1", examplePayload("github", "issues-edited.json")}
	var outs []string
	for range 2 {
		code, out, errOut := runReplayCLI(t, "", args...)
		if code != 0 {
			t.Fatalf("exit %d: %s %s", code, out, errOut)
		}
		outs = append(outs, out)
	}
	if !strings.Contains(outs[0], "202") || !strings.Contains(outs[1], "200 OK") || !strings.Contains(outs[1], "duplicate") {
		t.Errorf("outputs = %q", outs)
	}
	if tasks := q.all(); len(tasks) != 1 || tasks[0].Delivery != "livraison-1" {
		t.Errorf("tasks = %+v", tasks)
	}
}

func TestReplayUsageErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	opened := examplePayload("github", "issues-opened.json")
	tests := []struct {
		name    string
		args    []string
		stdin   string
		wantErr string
	}{
		{"no file", []string{"replay"}, "", "accepts 1 arg"},
		{"missing file", []string{"replay", filepath.Join(dir, "absent.json")}, "", "cannot read"},
		{"not JSON", []string{"replay", write("bad.json", "{oops")}, "", "invalid JSON"},
		{"JSON array", []string{"replay", "-"}, "[1,2]", "invalid JSON"},
		{"event cannot be guessed", []string{"replay", write("odd.json", `{"foo":1}`)}, "", "pass --event"},
		{"GitLab kind unknown", []string{"replay", write("kind.json", `{"object_kind":"martian"}`)}, "", "pass --event"},
		{"bad platform", []string{"replay", "--platform", "bitbucket", opened}, "", "expected github or gitlab"},
		{"bad URL", []string{"replay", "--url", "ftp://example.org", opened}, "", "expected an http(s) URL"},
		{"unknown flag", []string{"replay", "--signature", "x", opened}, "", "unknown flag"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runReplayCLI(t, tc.stdin, tc.args...)
			if code != 2 {
				t.Fatalf("exit %d, want 2; stdout %s stderr %s", code, out, errOut)
			}
			if !strings.Contains(errOut, tc.wantErr) {
				t.Errorf("stderr %q lacks %q", errOut, tc.wantErr)
			}
		})
	}
}

func TestReplayUnreachableServer(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more
	code, _, errOut := runReplayCLI(t, "", "replay", "--url", url, "--secret", "s", examplePayload("github", "ping.json"))
	if code != 1 || !strings.Contains(errOut, "cannot send") {
		t.Errorf("exit %d, stderr %q; want 1 and a bilingual message", code, errOut)
	}
}

// Every example the project tests with must be guessed right, so that
// `cochef replay FILE` needs no --event for them.
func TestReplayGuessesEventsOfRealPayloads(t *testing.T) {
	files, err := filepath.Glob(examplePayload("*", "*.json"))
	if err != nil || len(files) < 10 {
		t.Fatalf("payloads: %v %v", files, err)
	}
	gitlabWant := map[string]string{
		"issue.json": "Issue Hook", "note_issue.json": "Note Hook", "note_merge_request.json": "Note Hook",
		"note_snippet.json": "Note Hook", "merge_request.json": "Merge Request Hook", "push.json": "Push Hook",
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(raw, &fields); err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(f)
		var got, want string
		if strings.HasPrefix(f, examplePayload("github", "")) {
			got = guessGitHubEvent(fields)
			want, _, _ = strings.Cut(strings.TrimSuffix(base, ".json"), "-")
		} else {
			got = guessGitLabEvent(fields)
			want = gitlabWant[base]
		}
		if got != want || want == "" {
			t.Errorf("%s: guessed %q, want %q", f, got, want)
		}
	}
}

// Without --url, replay posts to the server this shell's settings start.
func TestReplayURLFollowsCOCHEF_LISTEN(t *testing.T) {
	for _, c := range []struct{ listen, want string }{
		{"", "http://127.0.0.1:8080/webhooks/github"},
		{":9000", "http://127.0.0.1:9000/webhooks/github"},
		{"0.0.0.0:9001", "http://127.0.0.1:9001/webhooks/github"},
		{"[::]:9002", "http://127.0.0.1:9002/webhooks/github"},
		{"127.0.0.2:9003", "http://127.0.0.2:9003/webhooks/github"},
		{"[::1]:9004", "http://[::1]:9004/webhooks/github"},
		{"n'importe quoi", "http://127.0.0.1:8080/webhooks/github"},
	} {
		got, err := replayURL("", "github", c.listen)
		if err != nil || got != c.want {
			t.Errorf("COCHEF_LISTEN=%q: %q, %v; want %q", c.listen, got, err, c.want)
		}
	}
	if got, _ := replayURL("http://cochef.internal:8080", "gitlab", ":9000"); got != "http://cochef.internal:8080/webhooks/gitlab" {
		t.Errorf("--url must win: %q", got)
	}
}
