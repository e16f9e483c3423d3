// Command loadtest measures cochef serve on this machine: acknowledgement
// throughput and latency under sustained signed webhooks, the server's
// memory idle and under load, and the GitHub API calls each kind of event
// costs. It builds the real binary, runs it as a child process on loopback
// against an in-process fake of GitHub, and stops by itself.
//
//	go run ./scripts/loadtest                      # SQLite in a temp dir
//	go run ./scripts/loadtest -database "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
//
// It is a measurement, not a test: it prints figures and asserts nothing
// but that every accepted event got its comment.
package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/feedback"
	"github.com/cochef/cochef/github"
	"github.com/cochef/cochef/github/githubfake"
	"github.com/cochef/cochef/internal/pgtest"
	"github.com/cochef/cochef/store"
)

const (
	secret = "loadtest-secret"
	repo   = "octo-org/charge"
	inst   = 7
)

func main() {
	database := flag.String("database", "", "postgres:// URL (a fresh schema is made in it); empty: SQLite in a temp dir")
	duration := flag.Duration("duration", 15*time.Second, "how long the sustained load lasts")
	conc := flag.Int("concurrency", 8, "webhook senders at once")
	issues := flag.Int("issues", 200, "distinct issues the load spreads over")
	flag.Parse()
	log.SetFlags(0)
	if err := run(*database, *duration, *conc, *issues); err != nil {
		log.Fatal(err)
	}
}

// tb lets the test fake run outside a test: its refusals are fatal here.
type tb struct {
	mu       sync.Mutex
	cleanups []func()
}

func (*tb) Helper()                           {}
func (*tb) Errorf(format string, args ...any) { log.Printf("githubfake: "+format, args...) }
func (t *tb) Cleanup(f func())                { t.mu.Lock(); t.cleanups = append(t.cleanups, f); t.mu.Unlock() }
func (t *tb) close() {
	slices.Reverse(t.cleanups)
	for _, f := range t.cleanups {
		f()
	}
}
func exampleStory(name string) (string, string) {
	b, err := os.ReadFile(filepath.Join("examples", name))
	if err != nil {
		log.Fatalf("run from the repository root: %v", err)
	}
	first, rest, _ := strings.Cut(string(b), "\n")
	return strings.TrimPrefix(first, "# "), strings.TrimLeft(rest, "\n")
}

func run(database string, duration time.Duration, conc, nIssues int) error {
	tmp, err := os.MkdirTemp("", "cochef-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "cochef")
	// As the Dockerfile builds it: the memory figures are the release's.
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", bin, "./cmd/cochef")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("build: %w", err)
	}

	dsn := filepath.Join(tmp, "cochef.db")
	kind := "SQLite"
	if database != "" {
		kind = "PostgreSQL"
		var drop func(context.Context) error
		if dsn, drop, err = pgtest.CreateSchema(context.Background(), database, "cochef_load_"); err != nil {
			return err
		}
		defer func() {
			if err := drop(context.Background()); err != nil {
				log.Printf("drop the run's schema: %v", err)
			}
		}()
	}

	t := &tb{}
	defer t.close()
	fake := githubfake.New(t)
	fake.SetRateLimit(1_000_000, time.Now().Add(time.Hour))
	incTitle, incBody := exampleStory("incomplet.md")
	for i := 1; i <= nIssues; i++ {
		fake.AddIssue(repo, i, githubfake.Issue{Title: incTitle, Body: incBody})
	}

	addr, err := freeAddr()
	if err != nil {
		return err
	}
	var logs bytes.Buffer
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(os.Environ(),
		"COCHEF_LISTEN="+addr,
		"COCHEF_DATABASE="+dsn,
		"COCHEF_GITHUB_TOKEN=load-token",
		"COCHEF_GITHUB_API_URL="+fake.URL(),
		"COCHEF_GITHUB_WEBHOOK_SECRET="+secret,
		"COCHEF_GITHUB_WRITE_SPACING=-1ns",
		// The fake has no secondary limits.
		"COCHEF_GITHUB_CONTENT_PER_MINUTE=0",
		"COCHEF_GITHUB_CONTENT_PER_HOUR=0",
	)
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	}()
	base := "http://" + addr
	if err := waitReady(base); err != nil {
		return fmt.Errorf("%w\n%s", err, logs.String())
	}
	time.Sleep(2 * time.Second)
	idleRSS := rss(cmd.Process.Pid, "VmRSS")

	// Sustained load: opened/edited events over nIssues issues.
	fmt.Printf("# cochef load test (%s, %d senders, %s, %d issues)\n\n", kind, conc, duration, nIssues)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: conc}}
	var lat []time.Duration
	var mu sync.Mutex
	var sent, accepted, failed atomic.Int64
	var peak atomic.Int64
	stop := time.Now().Add(duration)
	var wg sync.WaitGroup
	for w := 0; w < conc; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var mine []time.Duration
			for i := 0; time.Now().Before(stop); i++ {
				n := (w*1000+i)%nIssues + 1
				body := payload(n, incTitle, incBody, i == 0)
				t0 := time.Now()
				code, err := post(client, base, "issues", newID(), body)
				d := time.Since(t0)
				sent.Add(1)
				if err != nil || code/100 != 2 {
					failed.Add(1)
					continue
				}
				accepted.Add(1)
				mine = append(mine, d)
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}(w)
	}
	go func() {
		for time.Now().Before(stop) {
			if r := rss(cmd.Process.Pid, "VmRSS"); r > peak.Load() {
				peak.Store(r)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}()
	wg.Wait()
	slices.Sort(lat)
	fmt.Println("| figure | value |")
	fmt.Println("|---|---|")
	fmt.Printf("| webhooks sent / accepted / failed | %d / %d / %d |\n", sent.Load(), accepted.Load(), failed.Load())
	fmt.Printf("| acknowledged events/s | %.0f |\n", float64(accepted.Load())/duration.Seconds())
	fmt.Printf("| ack latency p50 / p99 / max | %s / %s / %s |\n", pct(lat, 50), pct(lat, 99), pct(lat, 100))
	fmt.Printf("| server RSS idle | %.1f MiB |\n", float64(idleRSS)/1024)
	fmt.Printf("| server RSS under load (peak sampled) | %.1f MiB |\n", float64(peak.Load())/1024)

	st, err := store.Open(context.Background(), store.Options{DSN: dsn})
	if err != nil {
		return err
	}
	defer st.Close()

	// Drain: every issue gets its one comment and the queue empties.
	drainStart := time.Now()
	deadline := time.Now().Add(3 * time.Minute)
	for {
		done := 0
		for i := 1; i <= nIssues; i++ {
			if countFeedback(fake, i) == 1 {
				done++
			}
		}
		if done == nIssues && queueIdle(st) {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("after the load, %d of %d issues have their comment", done, nIssues)
		}
		time.Sleep(250 * time.Millisecond)
	}
	fmt.Printf("| queue drained after the load in | %s |\n", time.Since(drainStart).Round(100*time.Millisecond))
	fmt.Printf("| server peak RSS (VmHWM) | %.1f MiB |\n\n", float64(rss(cmd.Process.Pid, "VmHWM"))/1024)

	// API calls per event, one scenario at a time on a quiet server.
	readyTitle, readyBody := exampleStory("pret.md")
	fmt.Println("| scenario | GitHub reads | GitHub writes |")
	fmt.Println("|---|---|---|")
	n := nIssues + 1
	fake.AddIssue(repo, n, githubfake.Issue{Title: incTitle, Body: incBody})
	scenario := func(name string, events int, mutate func()) error {
		if mutate != nil {
			mutate()
		}
		fake.Reset()
		mark := time.Now()
		for i := 0; i < events; i++ {
			if _, err := post(client, base, "issues", newID(), payload(n, incTitle, incBody, i == 0 && name == "new story")); err != nil {
				return err
			}
			if events > 1 {
				time.Sleep(time.Second / time.Duration(events))
			}
		}
		if err := waitEvaluated(st, n, mark); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		time.Sleep(3 * time.Second) // longer than the debounce: a second run would have started
		for !queueIdle(st) {
			time.Sleep(100 * time.Millisecond)
		}
		var reads, writes int
		for _, r := range fake.Requests() {
			if r.IsWrite() {
				writes++
			} else if r.Route != "POST /app/installations/{installation_id}/access_tokens" {
				reads++
			}
		}
		fmt.Printf("| %s | %d | %d |\n", name, reads, writes)
		return nil
	}
	if err := scenario("new story", 1, nil); err != nil {
		return err
	}
	if err := scenario("no-op edit", 1, nil); err != nil {
		return err
	}
	if err := scenario("fixing edit", 1, func() {
		fake.SetIssueTitle(repo, n, readyTitle)
		fake.SetIssueBody(repo, n, readyBody)
	}); err != nil {
		return err
	}
	if err := scenario("10 edits within one second", 10, func() {
		fake.SetIssueTitle(repo, n, incTitle)
		fake.SetIssueBody(repo, n, incBody)
	}); err != nil {
		return err
	}
	return nil
}

// queueIdle reports whether no job is waiting or running.
func queueIdle(st *store.Store) bool {
	stats, err := st.JobStats(context.Background())
	if err != nil {
		return false
	}
	for _, state := range []string{"available", "scheduled", "running", "retryable", "pending"} {
		if stats[state] > 0 {
			return false
		}
	}
	return true
}

func countFeedback(f *githubfake.Fake, n int) int {
	c := 0
	for _, cm := range f.Comments(repo, n) {
		if strings.Contains(cm.Body, feedback.MarkerFeedback) {
			c++
		}
	}
	return c
}

func waitEvaluated(st *store.Store, n int, after time.Time) error {
	ref := core.IssueRef{Repo: core.Repo{Platform: core.GitHub, FullName: repo, InstallationID: inst}, Number: n}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		ev, err := st.LastEvaluation(context.Background(), ref)
		if err != nil {
			return err
		}
		if ev != nil && ev.EvaluatedAt.After(after) {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("issue %d not evaluated", n)
}

func payload(n int, title, body string, opened bool) []byte {
	action := "edited"
	if opened {
		action = "opened"
	}
	m := map[string]any{
		"action": action,
		"issue": map[string]any{
			"number": n, "title": title, "body": body, "state": "open", "labels": []any{},
			"user": map[string]any{"login": "agent", "type": "User"},
		},
		"repository":   map[string]any{"full_name": repo, "name": "charge", "owner": map[string]any{"login": "octo-org"}},
		"installation": map[string]any{"id": inst},
		"sender":       map[string]any{"login": "agent", "type": "User"},
	}
	b, _ := json.Marshal(m) // a map of plain values always marshals
	return b
}

func post(c *http.Client, base, event, delivery string, body []byte) (int, error) {
	req, err := http.NewRequest(http.MethodPost, base+"/webhooks/github", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-GitHub-Event", event)
	req.Header.Set("X-GitHub-Delivery", delivery)
	req.Header.Set("X-Hub-Signature-256", github.SignWebhook(secret, body))
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, nil
}

func newID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on Linux
	return hex.EncodeToString(b)
}

func pct(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	if i > 0 {
		i--
	}
	return sorted[i].Round(10 * time.Microsecond)
}

// rss reads a memory figure (kB) of a process from /proc.
func rss(pid int, field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, field+":") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				v, _ := strconv.ParseInt(f[1], 10, 64)
				return v
			}
		}
	}
	return 0
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func waitReady(base string) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("server not ready")
}
