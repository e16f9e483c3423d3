package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/backfill"
	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/feedback"
	"github.com/cochef/cochef/github/githubfake"
	"github.com/cochef/cochef/gitlab/gitlabfake"
	"github.com/cochef/cochef/store"
	"github.com/cochef/cochef/templates"
)

// The backfill against both fakes with a backlog of 500 issues: report
// only writes nothing; --apply writes one comment per story that is not
// ready; stopped half way and started again, it finishes without reading
// an issue evaluated already. The calls per issue and the wall time are
// logged (go test -run TestBackfill -v): the README's figures.

const backfillIssues = 500

var (
	bfRoles   = []string{"agent instructeur", "usager", "gestionnaire", "allocataire", "administrateur", "accompagnatrice", "partenaire"}
	bfActions = []string{"filtrer", "exporter", "archiver", "consulter", "commenter", "signer", "imprimer", "transférer", "valider", "relancer", "trier"}
	bfObjects = []string{"les dossiers", "les pièces", "les courriers", "les demandes", "les rendez-vous", "les factures", "les contrats", "les avis", "les signalements", "les agréments", "les subventions", "les relevés", "les attestations"}
)

// bfStory is issue i of the backlog: one in three has the ready
// example's sections around its own sentence (ready unless its need
// touches a sensitive topic), the others a sentence alone. Whether each is
// ready is what the feedback's own plan says (expect).
func bfStory(i int) (title, body string) {
	role, action, object := bfRoles[i%len(bfRoles)], bfActions[i%len(bfActions)], bfObjects[i%len(bfObjects)]
	title = fmt.Sprintf("%s %s (%d)", strings.ToUpper(action[:1])+action[1:], object, i)
	sentence := fmt.Sprintf("En tant que %s, je veux %s %s afin de gagner du temps.", role, action, object)
	if i%3 == 0 {
		raw, err := os.ReadFile("../../examples/pret.md")
		if err != nil {
			panic(err)
		}
		b := strings.Replace(string(raw), "En tant qu'allocataire, je veux voir l'étape où se trouve ma demande d'aide au logement\nafin de savoir quand j'aurai une réponse sans appeler ma caisse.", sentence, 1)
		return title, b
	}
	return title, "## Récit\n\n" + sentence + "\n"
}

// expect is what the server's plan says of a story with the default
// settings: ready, and without criteria.
func expect(t *testing.T, title, body string) (ready, noCriteria bool) {
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
	for _, f := range d.Result.Findings {
		noCriteria = noCriteria || f.Rule == "acceptance-criteria-missing"
	}
	return d.Result.Ready, noCriteria
}

type bfRun struct {
	t      *testing.T
	cfg    serverConfig
	flags  []string // target flags
	writes func() int
	reqs   func() []string // "METHOD path" of every request so far
	routes func() []string // "METHOD route template" of every request so far
}

// run runs the backfill; stop, when positive, cancels it once the fake
// has taken that many writes.
func (r *bfRun) run(stop int, extra ...string) (backfill.Report, time.Duration, error) {
	r.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if stop > 0 {
		go func() {
			for ctx.Err() == nil {
				if r.writes() >= stop {
					cancel()
					return
				}
				time.Sleep(2 * time.Millisecond)
			}
		}()
	}
	fl := backfillFlags{state: "open", format: "json", quiet: true}
	args := append(append([]string{}, r.flags...), extra...)
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case "--repo":
			i++
			fl.repo = args[i]
		case "--project":
			i++
			fl.project = args[i]
		case "--platform":
			i++
			fl.platform = args[i]
		case "--apply":
			fl.apply = true
		}
	}
	var out, errOut bytes.Buffer
	start := time.Now()
	err := runBackfill(ctx, r.cfg, fl, &out, &errOut)
	took := time.Since(start)
	var rep backfill.Report
	if err == nil {
		if jerr := json.Unmarshal(out.Bytes(), &rep); jerr != nil {
			r.t.Fatalf("report: %v\n%s", jerr, out.String())
		}
	}
	return rep, took, err
}

var issuePath = regexp.MustCompile(`/issues/(\d+)(/|$)`)

// perIssue counts the requests naming an issue, by issue.
func perIssue(reqs []string) map[int]int {
	out := map[int]int{}
	for _, r := range reqs {
		if m := issuePath.FindStringSubmatch(r); m != nil {
			n, _ := strconv.Atoi(m[1])
			out[n]++
		}
	}
	return out
}

func countGETs(reqs []string, n int) int {
	c := 0
	for _, r := range reqs {
		if m := issuePath.FindStringSubmatch(r); m != nil && strings.HasPrefix(r, "GET ") && m[1] == strconv.Itoa(n) {
			c++
		}
	}
	return c
}

func TestBackfillGitHub(t *testing.T) {
	fake := githubfake.New(t)
	const repo = "octo-org/backlog"
	ready, noCrit := map[int]bool{}, map[int]bool{}
	for i := 1; i <= backfillIssues; i++ {
		title, body := bfStory(i)
		ready[i], noCrit[i] = expect(t, title, body)
		fake.AddIssue(repo, i, githubfake.Issue{Title: title, Body: body})
	}
	// A pull request is listed among issues by GitHub: never evaluated.
	fake.AddPull(repo, backfillIssues+1, githubfake.Pull{Title: "Corrige le filtre", Body: "Sans récit."})
	db := filepath.Join(t.TempDir(), "cochef.db")
	r := &bfRun{t: t, flags: []string{"--repo", repo},
		cfg: serverConfig{Database: db, JobTimeout: time.Second, RescueAfter: 2 * time.Second,
			GitHubToken: "test-token", GitHubAPIURL: fake.URL(), GitHubWriteSpacing: -1},
		writes: func() int { return len(fake.Writes()) },
		reqs: func() []string {
			var out []string
			for _, q := range fake.Requests() {
				out = append(out, q.Method+" "+q.Path)
			}
			return out
		},
		routes: func() []string {
			var out []string
			for _, q := range fake.Requests() {
				out = append(out, q.Route)
			}
			return out
		},
	}
	comments := func(n int) int {
		c := 0
		for _, cm := range fake.Comments(repo, n) {
			if strings.Contains(cm.Body, feedback.MarkerFeedback) {
				c++
			}
		}
		return c
	}
	checkBackfill(t, r, db, ready, noCrit, comments)
}

func TestBackfillGitLab(t *testing.T) {
	fake := gitlabfake.New(t)
	const project = "dinum/backlog"
	fake.AddProject(77, project)
	ready, noCrit := map[int]bool{}, map[int]bool{}
	for i := 1; i <= backfillIssues; i++ {
		title, body := bfStory(i)
		ready[i], noCrit[i] = expect(t, title, body)
		fake.AddIssue(project, i, gitlabfake.Issue{Title: title, Description: body})
	}
	db := filepath.Join(t.TempDir(), "cochef.db")
	r := &bfRun{t: t, flags: []string{"--project", project},
		cfg: serverConfig{Database: db, JobTimeout: time.Second, RescueAfter: 2 * time.Second,
			GitLabURL: strings.TrimSuffix(fake.URL(), "/"), GitLabToken: gitlabfake.Token, GitLabWriteSpacing: -1,
			GitLabBotUsernames: []string{gitlabfake.BotUsername}},
		writes: func() int { return len(fake.Writes()) },
		reqs: func() []string {
			var out []string
			for _, q := range fake.Requests() {
				out = append(out, q.Method+" "+q.Path)
			}
			return out
		},
		routes: func() []string {
			var out []string
			for _, q := range fake.Requests() {
				out = append(out, q.Method+" "+q.Route)
			}
			return out
		},
	}
	comments := func(n int) int {
		c := 0
		for _, nt := range fake.Notes(project, n) {
			if strings.Contains(nt.Body, feedback.MarkerFeedback) {
				c++
			}
		}
		return c
	}
	checkBackfill(t, r, db, ready, noCrit, comments)
}

func checkBackfill(t *testing.T, r *bfRun, db string, ready, noCrit map[int]bool, comments func(int) int) {
	// Report only: every issue evaluated and stored, nothing written.
	rep, took, err := r.run(0)
	if err != nil {
		t.Fatal(err)
	}
	if w := r.writes(); w != 0 {
		t.Fatalf("report only wrote %d times to the platform", w)
	}
	if rep.Listed != backfillIssues || rep.Evaluated != backfillIssues || len(rep.Repos) != 1 {
		t.Fatalf("report only: listed %d, evaluated %d, %d repositories; want %d, %d, 1", rep.Listed, rep.Evaluated, len(rep.Repos), backfillIssues, backfillIssues)
	}
	wantReady, wantNoCrit := 0, 0
	for i := 1; i <= backfillIssues; i++ {
		if ready[i] {
			wantReady++
		}
		if noCrit[i] {
			wantNoCrit++
		}
	}
	if wantReady < 20 || wantNoCrit < 200 {
		t.Fatalf("the backlog has %d ready stories and %d without criteria: too few to test anything", wantReady, wantNoCrit)
	}
	sum := rep.Repos[0]
	if sum.Ready != wantReady || sum.NotReady != backfillIssues-wantReady || len(sum.NoCriteria) != wantNoCrit {
		t.Errorf("report: %d ready, %d not, %d without criteria; want %d, %d, %d", sum.Ready, sum.NotReady, len(sum.NoCriteria), wantReady, backfillIssues-wantReady, wantNoCrit)
	}
	if len(sum.Blocking) == 0 || sum.Blocking[0].Stories < wantNoCrit {
		t.Errorf("most frequent blocking finding: %+v, want one blocking at least the %d stories without criteria", sum.Blocking, wantNoCrit)
	}
	listing := len(r.reqs())
	t.Logf("report only, requests by route: %v", byRoute(r.routes()))
	t.Logf("report only: %d issues in %s (%.0f issues/s), %d requests (%.3f per issue), none per issue: %v",
		backfillIssues, took.Round(time.Millisecond), float64(backfillIssues)/took.Seconds(), listing, float64(listing)/backfillIssues, len(perIssue(r.reqs())) == 0)
	if n := len(perIssue(r.reqs())); n != 0 {
		t.Errorf("report only read %d issues one by one; the listing has them", n)
	}

	// A second report-only run reads nothing again.
	before := len(r.reqs())
	rep, _, err = r.run(0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.UpToDate != backfillIssues || rep.Evaluated != 0 {
		t.Errorf("second report: %d up to date, %d evaluated; want all up to date", rep.UpToDate, rep.Evaluated)
	}
	if n := len(perIssue(r.reqs()[before:])); n != 0 {
		t.Errorf("second report read %d issues one by one", n)
	}

	// --apply, stopped after 150 writes, then started again.
	before = len(r.reqs())
	_, took1, err := r.run(150, "--apply")
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 130 {
		t.Fatalf("stopped run: %v, want the interrupted exit", err)
	}
	st, err := store.Open(context.Background(), store.Options{DSN: db})
	if err != nil {
		t.Fatal(err)
	}
	evs, err := st.RepoEvaluations(context.Background(), repoOf(r))
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	// Applied means saved after its last write: an evaluation saved half
	// way (comment posted, labels not yet synced, IssueUpdatedAt still
	// zero) when the stop came must be done again, and is.
	applied, halfway := map[int]bool{}, map[int]bool{}
	for _, e := range evs {
		switch {
		case !e.DryRun && !e.IssueUpdatedAt.IsZero():
			applied[e.Ref.Number] = true
		case !e.DryRun:
			halfway[e.Ref.Number] = true
		}
	}
	if len(applied) == 0 || len(applied) >= backfillIssues {
		t.Fatalf("the stopped run applied %d issues; want some, not all", len(applied))
	}
	firstReqs := len(r.reqs()) - before
	mid := len(r.reqs())
	rep, took2, err := r.run(0, "--apply")
	if err != nil {
		t.Fatal(err)
	}
	again := r.reqs()[mid:]
	for n := range applied {
		if g := countGETs(again, n); g != 0 {
			t.Errorf("issue %d, applied before the stop, was read %d times after the restart", n, g)
		}
	}
	st, err = store.Open(context.Background(), store.Options{DSN: db})
	if err != nil {
		t.Fatal(err)
	}
	evs, err = st.RepoEvaluations(context.Background(), repoOf(r))
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	complete := map[int]bool{}
	for _, e := range evs {
		if !e.DryRun && !e.IssueUpdatedAt.IsZero() {
			complete[e.Ref.Number] = true
		}
	}
	for n := range halfway {
		if !complete[n] {
			t.Errorf("issue %d, cut short by the stop, has no complete evaluation after the restart", n)
		}
	}
	if len(complete) != backfillIssues {
		t.Errorf("after the restart %d issues have a complete evaluation, want %d", len(complete), backfillIssues)
	}
	for i := 1; i <= backfillIssues; i++ {
		got := comments(i)
		if !ready[i] && got != 1 {
			t.Errorf("issue %d (not ready): %d feedback comments, want 1", i, got)
		}
		if ready[i] && got > 1 {
			t.Errorf("issue %d (ready): %d feedback comments", i, got)
		}
	}
	all := firstReqs + len(again)
	t.Logf("--apply, requests by route (both runs): %v", byRoute(r.routes()[before:]))
	t.Logf("--apply: %d issues in %s + %s after the stop (%d applied before it), %d requests (%.2f per issue); per issue after the restart: %s",
		backfillIssues, took1.Round(time.Millisecond), took2.Round(time.Millisecond), len(applied), all, float64(all)/backfillIssues, callsSummary(perIssue(again), applied))

	// Everything applied: a last run reads no issue again and writes nothing.
	before, w0 := len(r.reqs()), r.writes()
	rep, _, err = r.run(0, "--apply")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(perIssue(r.reqs()[before:])); n != 0 || r.writes() != w0 {
		t.Errorf("a run after everything was applied read %d issues and wrote %d times", n, r.writes()-w0)
	}
	if rep.Evaluated+rep.UpToDate != backfillIssues {
		t.Errorf("last run: %d evaluated + %d up to date, want %d", rep.Evaluated, rep.UpToDate, backfillIssues)
	}
}

func repoOf(r *bfRun) core.Repo {
	for i, a := range r.flags {
		if a == "--repo" {
			return core.Repo{Platform: core.GitHub, FullName: r.flags[i+1]}
		}
		if a == "--project" {
			return core.Repo{Platform: core.GitLab, FullName: r.flags[i+1]}
		}
	}
	return core.Repo{}
}

// callsSummary says how many requests the issues not applied before the
// stop cost each, at most and on average.
func callsSummary(calls map[int]int, skip map[int]bool) string {
	most, total, n := 0, 0, 0
	for i, c := range calls {
		if skip[i] {
			continue
		}
		most = max(most, c)
		total += c
		n++
	}
	if n == 0 {
		return "none"
	}
	return fmt.Sprintf("%.2f on average, %d at most, over %d issues", float64(total)/float64(n), most, n)
}

func byRoute(routes []string) map[string]int {
	out := map[string]int{}
	for _, r := range routes {
		out[r]++
	}
	return out
}
