package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/cochef/cochef/feedback"
	"github.com/cochef/cochef/github"
	"github.com/cochef/cochef/github/githubfake"
	"github.com/cochef/cochef/internal/pgtest"
	"github.com/cochef/cochef/store"
)

const (
	testSecret = "whsec-e2e-9f31c2d7aa"
	testToken  = "ghp_e2eTOKEN4b1d6f0c2a9e"
	testRepo   = "octo-org/demarches"
	testInst   = 4242

	labelReady     = "récit: prêt"
	labelNeedsWork = "récit: à compléter"
)

// binary is the cochef executable built by TestMain.
var binary string

// The version the e2e binary is built with, through -ldflags -X.
const (
	buildVersion = "v0.0.0-e2e"
	buildCommit  = "e2e0123456789abcdef"
	buildDate    = "2026-01-02T03:04:05Z"
	buildLdflags = "-X github.com/cochef/cochef/internal/version.version=" + buildVersion +
		" -X github.com/cochef/cochef/internal/version.commit=" + buildCommit +
		" -X github.com/cochef/cochef/internal/version.date=" + buildDate
)

func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		os.Exit(m.Run()) // every test skips itself
	}
	dir, err := os.MkdirTemp("", "cochef-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "cochef")
	// go test puts its own toolchain first in PATH. The version is set as
	// the Dockerfile sets it, for a build without .git
	// (TestBuildInfoFromLdflags).
	build := exec.Command("go", "build", "-ldflags", buildLdflags, "-o", binary, "github.com/cochef/cochef/cmd/cochef")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	start := time.Now()
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: building cochef:", err)
		_ = os.RemoveAll(dir) // best effort: the build already failed
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "e2e: built cochef in %s\n", time.Since(start).Round(time.Millisecond))
	code := m.Run()
	if err := os.RemoveAll(dir); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: cleaning up:", err)
	}
	os.Exit(code)
}

func needProcesses(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("process-level test: skipped with -short")
	}
}

// server is one cochef serve child process.
type server struct {
	t    *testing.T
	name string
	cmd  *exec.Cmd
	url  string
	logs *logBuffer
	done chan struct{} // closed once the process has exited
	err  error         // Wait's result, set before done closes
}

// logBuffer keeps a process's output lines.
type logBuffer struct {
	mu    sync.Mutex
	lines []string
}

func (b *logBuffer) add(line string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.lines = append(b.lines, line)
}

func (b *logBuffer) all() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.lines)
}

// records parses the JSON log lines; other lines are skipped.
func (b *logBuffer) records() []map[string]any {
	var out []map[string]any
	for _, l := range b.all() {
		var m map[string]any
		if json.Unmarshal([]byte(l), &m) == nil {
			out = append(out, m)
		}
	}
	return out
}

// serverEnv is the configuration every test starts from: fast debounce,
// no write spacing, short job timeout and rescue so a crashed job comes
// back within seconds.
func serverEnv(fake *githubfake.Fake, database string) map[string]string {
	return map[string]string{
		"COCHEF_LISTEN":               "127.0.0.1:0",
		"COCHEF_DATABASE":             database,
		"COCHEF_DEBOUNCE":             "100ms",
		"COCHEF_WORKERS":              "4",
		"COCHEF_JOB_TIMEOUT":          "3s",
		"COCHEF_RESCUE_AFTER":         "5s",
		"COCHEF_SHUTDOWN_GRACE":       "5s",
		"COCHEF_GITHUB_TOKEN":         testToken,
		"COCHEF_GITHUB_API_URL":       fake.URL(),
		"COCHEF_GITHUB_WRITE_SPACING": "-1ns",
		// The fake has no secondary limits; the budgets' own test is in
		// github/.
		"COCHEF_GITHUB_CONTENT_PER_MINUTE": "0",
		"COCHEF_GITHUB_CONTENT_PER_HOUR":   "0",
		"COCHEF_GITHUB_WEBHOOK_SECRET":     testSecret,
	}
}

// startServer runs the binary with env (COCHEF_* variables of the test's
// own environment are dropped) and waits until it listens. The process is
// stopped when the test ends, if it still runs.
func startServer(t *testing.T, name string, env map[string]string) *server {
	t.Helper()
	s, err := launch(t, name, env)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// launch is startServer for any goroutine: it reports instead of failing.
func launch(t *testing.T, name string, env map[string]string) (*server, error) {
	cmd := exec.Command(binary, "serve")
	cmd.Dir = t.TempDir() // no stray cochef.yaml
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "COCHEF_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stdout = cmd.Stderr // serve logs to stderr; anything on stdout joins it
	s := &server{t: t, name: name, cmd: cmd, logs: &logBuffer{}, done: make(chan struct{})}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			s.logs.add(line)
			var rec struct {
				Msg  string `json:"msg"`
				Addr string `json:"addr"`
			}
			if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "cochef listening" {
				select {
				case addr <- rec.Addr:
				default:
				}
			}
		}
		s.err = cmd.Wait()
		close(s.done)
	}()
	t.Cleanup(func() {
		s.stop()
		if t.Failed() {
			lines := s.logs.all()
			if len(lines) > 60 {
				lines = lines[len(lines)-60:]
			}
			t.Logf("last log lines of %s:\n%s", s.name, strings.Join(lines, "\n"))
		}
	})
	select {
	case a := <-addr:
		s.url = "http://" + a
		return s, nil
	case <-s.done:
		return nil, fmt.Errorf("%s exited before listening: %v\n%s", name, s.err, strings.Join(s.logs.all(), "\n"))
	case <-time.After(30 * time.Second):
		return nil, fmt.Errorf("%s did not start listening in 30 s", name)
	}
}

// kill sends SIGKILL: no shutdown code runs, as in a crash or an OOM kill.
func (s *server) kill() {
	s.t.Helper()
	if err := s.cmd.Process.Kill(); err != nil {
		select {
		case <-s.done:
			return
		default:
		}
		s.t.Fatalf("kill %s: %v", s.name, err)
	}
	<-s.done
}

// stop asks for a graceful shutdown and kills the process if it does not
// exit within 15 s.
func (s *server) stop() {
	select {
	case <-s.done:
		return
	default:
	}
	// The process may have exited in between; Wait reports it.
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(15 * time.Second):
		s.t.Errorf("%s ignored SIGTERM for 15 s; killing it", s.name)
		_ = s.cmd.Process.Kill() // already failing the test
		<-s.done
	}
}

var deliverySeq atomic.Int64

func newDelivery() string {
	return fmt.Sprintf("e2e-%d-%d", time.Now().UnixNano(), deliverySeq.Add(1))
}

// story is an example story: title and body.
type story struct {
	file, title, body string
	ready             bool
}

func loadStory(t *testing.T, file string, ready bool) story {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	first, rest, _ := strings.Cut(string(b), "\n")
	return story{file: file, title: strings.TrimPrefix(first, "# "), body: strings.TrimLeft(rest, "\n"), ready: ready}
}

func incomplete(t *testing.T) story { return loadStory(t, "incomplet.md", false) }
func ready(t *testing.T) story      { return loadStory(t, "pret.md", true) }

// wantLabels is what cochef should leave on the issue.
func (s story) wantLabels() []string {
	if s.ready {
		return []string{labelReady}
	}
	return []string{labelNeedsWork}
}

// wantComments is how many feedback comments the issue should carry: a
// ready story without findings gets none, as nothing needs saying.
func (s story) wantComments() int {
	if s.ready {
		return 0
	}
	return 1
}

// payload builds a webhook body from a real example, pointed at our
// repository, installation and issue.
func payload(t *testing.T, file string, number int, s story) []byte {
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
	repo["full_name"] = testRepo
	repo["name"] = "demarches"
	m["installation"] = map[string]any{"id": testInst, "node_id": "MDIz"}
	is := m["issue"].(map[string]any)
	is["number"] = number
	is["title"] = s.title
	is["body"] = s.body
	is["labels"] = []any{}
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sign(body []byte, secret string) string { return github.SignWebhook(secret, body) }

var httpClient = &http.Client{Timeout: 15 * time.Second}

// post sends a signed webhook; it returns the status, or an error when no
// answer came (a killed replica).
func post(url, event, delivery string, body []byte, secret string) (int, error) {
	req, err := http.NewRequest(http.MethodPost, url+"/webhooks/github", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-GitHub-Event", event)
	req.Header.Set("X-GitHub-Delivery", delivery)
	req.Header.Set("X-Hub-Signature-256", sign(body, secret))
	resp, err := httpClient.Do(req)
	if err != nil {
		return 0, err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, errorsJoin(err, resp.Body.Close())
}

func errorsJoin(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// mustPost posts and fails the test unless the server answered 202.
func mustPost(t *testing.T, s *server, event string, body []byte) string {
	t.Helper()
	d := newDelivery()
	code, err := post(s.url, event, d, body, testSecret)
	if err != nil {
		t.Fatalf("post to %s: %v", s.name, err)
	}
	if code != http.StatusAccepted {
		t.Fatalf("post to %s: status %d, want 202", s.name, code)
	}
	return d
}

func feedbackComments(f *githubfake.Fake, number int) []githubfake.Comment {
	var out []githubfake.Comment
	for _, c := range f.Comments(testRepo, number) {
		if strings.Contains(c.Body, feedback.MarkerFeedback) {
			out = append(out, c)
		}
	}
	return out
}

// issueState says whether an issue carries exactly the feedback its story
// calls for, and what it carries.
func issueState(f *githubfake.Fake, number int, s story) (bool, string) {
	n := len(feedbackComments(f, number))
	labels := f.IssueLabels(testRepo, number)
	sorted := slices.Clone(labels)
	slices.Sort(sorted)
	want := s.wantLabels()
	slices.Sort(want)
	ok := n == s.wantComments() && slices.Equal(sorted, want)
	return ok, fmt.Sprintf("#%d (%s): %d feedback comment(s), labels %q; want %d, %q", number, s.file, n, labels, s.wantComments(), want)
}

// waitFor polls cond until it holds or the deadline passes; cond returns
// what to report when it never held.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, state := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not done after %s: %s", what, timeout, state)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// queueWatcher reads the queue's job counts from the test process.
type queueWatcher struct {
	st *store.Store
}

func watchQueue(t *testing.T, dsn string) *queueWatcher {
	t.Helper()
	st, err := store.Open(context.Background(), store.Options{DSN: dsn, Logger: discardLogger()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Errorf("closing the watcher's store: %v", err)
		}
	})
	return &queueWatcher{st: st}
}

// drained reports whether no job waits, runs or awaits a retry, and none
// was given up.
func (q *queueWatcher) drained() (bool, string) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	stats, err := q.st.JobStats(ctx)
	if err != nil {
		return false, err.Error()
	}
	for _, s := range []string{"available", "pending", "scheduled", "running", "retryable", "cancelled", "discarded"} {
		if stats[s] > 0 {
			return false, fmt.Sprintf("jobs by state: %v", stats)
		}
	}
	return true, fmt.Sprintf("jobs by state: %v", stats)
}

// sqliteDSN is a fresh SQLite file for one test.
func sqliteDSN(t *testing.T) string {
	return filepath.Join(t.TempDir(), "cochef.db")
}

// pgDSN creates a schema of its own for the test on the PostgreSQL server
// of COCHEF_TEST_DATABASE_URL (skipping without it) and returns a DSN
// selecting it (store: "the search_path parameter selects a schema"). The
// schema is dropped when the test ends.
func pgDSN(t *testing.T) string { return pgtest.DSN(t, "cochef_e2e_") }

// issueOf is the issue number a request to the fake is about, or 0.
func issueOf(r githubfake.Request) int {
	rest, ok := strings.CutPrefix(r.Path, "/repos/"+testRepo+"/issues/")
	if !ok {
		return 0
	}
	num, _, _ := strings.Cut(rest, "/")
	n := 0
	for _, c := range num {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
