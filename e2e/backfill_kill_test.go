package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/feedback"
	"github.com/cochef/cochef/github/githubfake"
	"github.com/cochef/cochef/store"
	"github.com/cochef/cochef/templates"
)

// `cochef backfill --apply` killed with SIGKILL while it writes (issue
// #11: "killed half way and restarted, it finishes without reading an
// already evaluated issue again"). cmd/cochef's backfill test stops the
// run by cancelling its context, which lets the loop release its claim
// and return; here the process dies with a write on the wire, as in an
// OOM kill or a lost machine, and is started again on the same store.
// The write is a comment's creation, which GitHub carried out after the
// client died (a second comment is the risk) or which never took effect
// (a missing comment is the risk); or the labels' write that follows a
// comment already stored (labels never set are the risk).
func TestBackfillKilledWhileWriting(t *testing.T) {
	for _, db := range []struct {
		name string
		dsn  func(*testing.T) string
	}{{"sqlite", sqliteDSN}, {"postgres", pgDSN}} {
		for _, c := range []bkCut{
			{"comment_carried_out", routeCreate, true},
			{"comment_lost", routeCreate, false},
			{"labels_carried_out", routeAddLabels, true},
		} {
			t.Run(db.name+"/"+c.name, func(t *testing.T) {
				needProcesses(t)
				t.Parallel()
				testBackfillKill(t, db.dsn(t), c)
			})
		}
	}
}

// bkCut is where the first run dies: with a request to route held at the
// fake, which carries it out after the kill or answers it 502 without
// effect.
type bkCut struct {
	name    string
	route   string
	carried bool
}

const (
	bkIssues       = 300
	bkKillAfter    = 60 // comment creations answered before the held one
	routeCreate    = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments"
	routeAddLabels = "POST /repos/{owner}/{repo}/issues/{issue_number}/labels"
)

var (
	bkRoles   = []string{"agent instructeur", "usager", "gestionnaire", "allocataire", "administrateur", "accompagnatrice", "partenaire"}
	bkActions = []string{"filtrer", "exporter", "archiver", "consulter", "commenter", "signer", "imprimer", "transférer", "valider", "relancer", "trier"}
	bkObjects = []string{"les dossiers", "les pièces", "les courriers", "les demandes", "les rendez-vous", "les factures", "les contrats", "les avis", "les signalements", "les agréments", "les subventions", "les relevés", "les attestations"}
)

// bkStory is issue i of the backlog, as cmd/cochef's backfill test builds
// it: one in three has the ready example's sections around its own
// sentence, the others a sentence alone.
func bkStory(t *testing.T, i int) (title, body string) {
	role, action, object := bkRoles[i%len(bkRoles)], bkActions[i%len(bkActions)], bkObjects[i%len(bkObjects)]
	title = fmt.Sprintf("%s %s (%d)", strings.ToUpper(action[:1])+action[1:], object, i)
	sentence := fmt.Sprintf("En tant que %s, je veux %s %s afin de gagner du temps.", role, action, object)
	if i%3 == 0 {
		raw, err := os.ReadFile("../examples/pret.md")
		if err != nil {
			t.Fatal(err)
		}
		b := strings.Replace(string(raw), "En tant qu'allocataire, je veux voir l'étape où se trouve ma demande d'aide au logement\nafin de savoir quand j'aurai une réponse sans appeler ma caisse.", sentence, 1)
		if b == string(raw) {
			t.Fatal("examples/pret.md changed: its story sentence is not where the backlog expects it")
		}
		return title, b
	}
	return title, "## Récit\n\n" + sentence + "\n"
}

// bkWant is what the server's own plan says of a story with the default
// settings: ready or not, whether it has something to say (a ready story
// with warnings gets a comment too; one without findings none), and the
// labels it sets on an issue without any.
type bkWant struct {
	ready, quiet bool
	labels       []string
}

func bkExpect(t *testing.T, title, body string) bkWant {
	t.Helper()
	set, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	d, err := feedback.Plan(feedback.Input{Issue: core.Issue{Title: title, Body: body},
		Settings: core.Settings{Labels: core.DefaultLabels(), Templates: set}})
	if err != nil {
		t.Fatal(err)
	}
	return bkWant{ready: d.Result.Ready, quiet: d.Quiet, labels: sorted(core.LabelNames(d.Labels))}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	if len(s) == 0 {
		return nil
	}
	return s
}

// bkRun is one `cochef backfill` child process.
type bkRun struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
	done           chan struct{}
	err            error
}

func startBackfill(t *testing.T, env map[string]string) *bkRun {
	t.Helper()
	cmd := exec.Command(binary, "backfill", "--platform", "github", "--repo", testRepo, "--apply", "--quiet", "--format", "json")
	cmd.Dir = t.TempDir() // no stray cochef.yaml
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "COCHEF_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	r := &bkRun{cmd: cmd, done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = &r.stdout, &r.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		r.err = cmd.Wait()
		close(r.done)
	}()
	t.Cleanup(func() {
		select {
		case <-r.done:
		default:
			_ = cmd.Process.Kill() // the test failed before it ended
			<-r.done
		}
	})
	return r
}

// report waits for the run to end and returns its JSON report; the run
// must exit 0.
func (r *bkRun) report(t *testing.T, within time.Duration) map[string]any {
	t.Helper()
	select {
	case <-r.done:
	case <-time.After(within):
		t.Fatalf("backfill still running after %s; stderr:\n%s", within, r.stderr.String())
	}
	if r.err != nil {
		t.Fatalf("backfill: %v; stderr:\n%s", r.err, r.stderr.String())
	}
	var rep map[string]any
	if err := json.Unmarshal(r.stdout.Bytes(), &rep); err != nil {
		t.Fatalf("backfill report: %v\n%s", err, r.stdout.String())
	}
	return rep
}

func testBackfillKill(t *testing.T, db string, cut bkCut) {
	fake := githubfake.New(t)
	want := map[int]bkWant{}
	notReady, commented, quiet := 0, 0, 0
	for i := 1; i <= bkIssues; i++ {
		title, body := bkStory(t, i)
		want[i] = bkExpect(t, title, body)
		if !want[i].ready {
			notReady++
		}
		if want[i].quiet {
			quiet++
		} else {
			commented++
		}
		fake.AddIssue(testRepo, i, githubfake.Issue{Title: title, Body: body})
	}
	if notReady < 2*bkKillAfter || quiet < 20 {
		t.Fatalf("the backlog has %d stories not ready and %d ready without findings of %d: too few of one kind to test anything", notReady, quiet, bkIssues)
	}
	t.Logf("backlog: %d stories, %d not ready, %d ready with warnings (commented too), %d ready without findings", bkIssues, notReady, commented-notReady, quiet)
	env := serverEnv(fake, db)
	// A creation of unknown outcome settles for twice the job timeout
	// before the comments are read again: 6 s rather than a minute.
	env["COCHEF_JOB_TIMEOUT"] = "3s"

	// Once bkKillAfter creations are answered, the next request to the
	// cut's route is held at the fake (the next creation, or the labels
	// of the issue just commented): the process is killed with it on the
	// wire.
	var (
		mu      sync.Mutex
		created int
		held    *githubfake.Held
	)
	heldCh := make(chan *githubfake.Held, 1)
	fake.OnRequest(func(r githubfake.Request) {
		if r.Route != routeCreate || r.Status != http.StatusCreated {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		created++
		if created == bkKillAfter && held == nil {
			held = fake.Hold(cut.route)
			heldCh <- held
		}
	})
	start := time.Now()
	first := startBackfill(t, env)
	var h *githubfake.Held
	select {
	case h = <-heldCh:
	case <-first.done:
		t.Fatalf("the first run ended before %d comments were created: %v\n%s", bkKillAfter, first.err, first.stderr.String())
	case <-time.After(2 * time.Minute):
		t.Fatalf("fewer than %d comments created in 2 minutes", bkKillAfter)
	}
	select {
	case <-h.Arrived:
	case <-first.done:
		t.Fatalf("the first run ended without another comment creation: %v\n%s", first.err, first.stderr.String())
	case <-time.After(time.Minute):
		t.Fatalf("no %s came after the hold", cut.route)
	}
	if err := first.cmd.Process.Kill(); err != nil {
		t.Fatalf("kill: %v", err)
	}
	<-first.done
	var exit *exec.ExitError
	if !errors.As(first.err, &exit) || exit.Sys() == nil || !strings.Contains(exit.String(), "killed") {
		t.Fatalf("first run: %v, want killed", first.err)
	}
	firstTook := time.Since(start)
	fake.OnRequest(nil)
	select {
	case <-h.Gone:
	case <-time.After(10 * time.Second):
		t.Fatal("the held request's client did not go away after the kill")
	}
	if !cut.carried {
		// Answered 502 without effect: the write never happened.
		fake.Fail(githubfake.Failure{Times: 1, Route: cut.route, Status: http.StatusBadGateway})
	}
	answered := len(fake.Calls(cut.route))
	h.Release()
	inFlight := 0
	waitFor(t, 10*time.Second, "the held write carried out or refused", func() (bool, string) {
		calls := fake.Calls(cut.route)
		n := len(calls)
		if n <= answered {
			return false, fmt.Sprintf("%d calls to %s", n, cut.route)
		}
		inFlight = issueOf(calls[n-1])
		return true, ""
	})
	wantNow := 1 // the labels' write comes after the comment, if any
	if cut.route == routeCreate && !cut.carried || want[inFlight].quiet {
		wantNow = 0
	}
	if got := len(feedbackComments(fake, inFlight)); got != wantNow {
		t.Fatalf("the in-flight issue #%d has %d comments after the release, want %d", inFlight, got, wantNow)
	}
	wantLabels := []string(nil)
	if cut.route == routeAddLabels && cut.carried {
		wantLabels = want[inFlight].labels
	}
	if got := fake.IssueLabels(testRepo, inFlight); !slices.Equal(sorted(got), wantLabels) {
		t.Fatalf("the in-flight issue #%d has labels %q after the release, want %q", inFlight, got, wantLabels)
	}

	// What the store holds at the kill: evaluations complete (labels
	// synced, no creation pending) and the ones cut short.
	complete, cutShort := map[int]bool{}, map[int]string{}
	evs := storedEvaluations(t, db)
	for _, e := range evs {
		n := e.Ref.Number
		switch {
		case e.DryRun:
			t.Errorf("#%d: a dry-run evaluation stored by an --apply run", n)
		case e.CommentPending.IsZero() && len(e.Labels) > 0:
			complete[n] = true
		default:
			cutShort[n] = fmt.Sprintf("comment %d, pending %t, labels %q", e.CommentID, !e.CommentPending.IsZero(), e.Labels)
		}
	}
	if _, ok := cutShort[inFlight]; !ok {
		t.Fatalf("the in-flight issue #%d has no evaluation stored half way: the kill did not land mid-write (cut short: %v)", inFlight, cutShort)
	}
	if len(complete) < bkKillAfter || len(complete) >= bkIssues {
		t.Fatalf("%d evaluations complete at the kill; want at least %d, not all", len(complete), bkKillAfter)
	}
	t.Logf("killed after %s with %s for #%d on the wire: %d evaluations complete, cut short: %v",
		firstTook.Round(time.Millisecond), cut.route, inFlight, len(complete), cutShort)

	// The restart goes on to the end.
	before := len(fake.Requests())
	start = time.Now()
	rep := startBackfill(t, env).report(t, 3*time.Minute)
	secondTook := time.Since(start)
	second := fake.Requests()[before:]
	reread := map[int][]string{}
	perIssue := map[int]int{}
	for _, r := range second {
		n := issueOf(r)
		if n == 0 {
			continue
		}
		perIssue[n]++
		if complete[n] {
			reread[n] = append(reread[n], r.Method+" "+r.Path)
		}
	}
	for n, rs := range reread {
		t.Errorf("#%d, evaluated before the kill, was called again after the restart: %q", n, rs)
	}
	if got := int(rep["evaluated"].(float64)) + int(rep["up_to_date"].(float64)); got != bkIssues || rep["failed"].(float64) != 0 {
		t.Errorf("restart report: %v evaluated + %v up to date, %v failed; want %d in all, none failed",
			rep["evaluated"], rep["up_to_date"], rep["failed"], bkIssues)
	}
	if got := int(rep["up_to_date"].(float64)); got != len(complete) {
		t.Errorf("restart report: %d up to date, want the %d complete at the kill", got, len(complete))
	}

	// Every story as the server leaves it: one feedback comment when not
	// ready (or ready with warnings), none when ready without findings,
	// the labels of its plan.
	for i := 1; i <= bkIssues; i++ {
		comments := len(feedbackComments(fake, i))
		labels := sorted(fake.IssueLabels(testRepo, i))
		wantComments := 1
		if want[i].quiet {
			wantComments = 0
		}
		if comments != wantComments || !slices.Equal(labels, want[i].labels) {
			t.Errorf("#%d (ready %t%s): %d feedback comment(s), labels %q; want %d, %q", i, want[i].ready,
				map[bool]string{true: ", in flight at the kill"}[i == inFlight], comments, labels, wantComments, want[i].labels)
		}
	}
	createdOK := 0
	for _, r := range fake.Calls(routeCreate) {
		if r.Status == http.StatusCreated {
			createdOK++
		}
	}
	if createdOK != commented {
		t.Errorf("%d comments created across the kill, want one per story with something to say: %d", createdOK, commented)
	}
	most := 0
	for _, c := range perIssue {
		most = max(most, c)
	}
	t.Logf("restart: %s, %d requests (%d issues called, at most %d calls each; #%d: %d), report %v evaluated, %v up to date",
		secondTook.Round(time.Millisecond), len(second), len(perIssue), most, inFlight, perIssue[inFlight], rep["evaluated"], rep["up_to_date"])

	// A third run finds everything up to date: the listing, nothing else.
	before = len(fake.Requests())
	rep = startBackfill(t, env).report(t, time.Minute)
	routes := map[string]int{}
	for _, r := range fake.Requests()[before:] {
		routes[r.Route]++
		if issueOf(r) != 0 || r.IsWrite() {
			t.Errorf("third run: %s %s", r.Method, r.Path)
		}
	}
	if rep["up_to_date"].(float64) != bkIssues || rep["reads"].(float64) != 0 || rep["writes"].(float64) != 0 {
		t.Errorf("third run report: %v up to date, %v reads, %v writes; want %d, 0, 0", rep["up_to_date"], rep["reads"], rep["writes"], bkIssues)
	}
	t.Logf("third run, requests by route: %v", routes)
}

// storedEvaluations reads the backlog's evaluations from the store, closed
// again before the next run (a SQLite file has one owner).
func storedEvaluations(t *testing.T, dsn string) []core.Evaluation {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	st, err := store.Open(ctx, store.Options{DSN: dsn, Logger: discardLogger()})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := st.Close(); err != nil {
			t.Errorf("closing the store: %v", err)
		}
	}()
	evs, err := st.RepoEvaluations(ctx, core.Repo{Platform: core.GitHub, FullName: testRepo})
	if err != nil {
		t.Fatal(err)
	}
	return evs
}
