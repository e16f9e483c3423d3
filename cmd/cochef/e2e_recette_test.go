package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/github/githubfake"
	"github.com/cochef/cochef/store"
)

// Recette end to end on GitHub: the real server, as a GitHub App (check
// runs need one), against the fake; GraphQL answers from a recorded answer.

const (
	recAppID     = 4321
	recOtherRepo = "octo-org/referentiel"
	routeNewRun  = "POST /repos/{owner}/{repo}/check-runs"
	routeEditRun = "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"
	routeToken   = "POST /app/installations/{installation_id}/access_tokens"
)

func startRecetteE2E(t *testing.T) *e2e {
	t.Helper()
	fake := githubfake.New(t)
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	fake.SetAppKey(recAppID, &key.PublicKey)
	keyFile := filepath.Join(t.TempDir(), "app.pem")
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}), 0o600); err != nil {
		t.Fatal(err)
	}
	recorded, err := os.ReadFile(filepath.Join("testdata", "graphql-closing-issues.json"))
	if err != nil {
		t.Fatal(err)
	}
	fake.SetGraphQL(func(query string, vars map[string]any) (int, any) {
		var v any
		if vars["name"] == "demarches" && vars["number"] == float64(7) {
			if err := json.Unmarshal(recorded, &v); err != nil {
				t.Error(err)
			}
			return http.StatusOK, v
		}
		return http.StatusOK, map[string]any{"data": map[string]any{"repository": map[string]any{
			"pullRequest": map[string]any{"closingIssuesReferences": map[string]any{"nodes": []any{}}}}}}
	})
	db := filepath.Join(t.TempDir(), "cochef.db")
	cfg := e2eConfig(t, fake, db)
	cfg.GitHubToken, cfg.GitHubAppID, cfg.GitHubPrivateKeyFile = "", recAppID, keyFile
	return &e2e{t: t, fake: fake, url: startServer(t, cfg), db: db}
}

// jsonFile reads a payload of testdata and changes it with mutate.
func jsonFile(t *testing.T, file string, mutate func(map[string]any)) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	m["repository"].(map[string]any)["full_name"] = e2eRepo
	m["repository"].(map[string]any)["name"] = "demarches"
	m["installation"] = map[string]any{"id": e2eInst, "node_id": "MDIz"}
	mutate(m)
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func user(login string) map[string]any {
	typ := "User"
	if strings.HasSuffix(login, "[bot]") {
		typ = "Bot"
	}
	return map[string]any{"login": login, "id": 1, "type": typ}
}

func prEvent(t *testing.T, action string, number int) []byte {
	return jsonFile(t, "pull_request-opened.json", func(m map[string]any) {
		m["action"], m["number"] = action, number
		m["pull_request"].(map[string]any)["number"] = number
		m["sender"] = user("dev-alice")
	})
}

// prComment is a comment on pull request number: file is
// issue_comment-created.json or issue_comment-edited.json.
func prComment(t *testing.T, file string, number int, id int64, body, author, sender, from string) []byte {
	return jsonFile(t, file, func(m map[string]any) {
		is := m["issue"].(map[string]any)
		is["number"] = number
		is["pull_request"] = map[string]any{"url": "https://api.github.com/repos/" + e2eRepo + "/pulls/7"}
		c := m["comment"].(map[string]any)
		c["id"], c["body"], c["user"] = id, body, user(author)
		m["sender"] = user(sender)
		if from != "" {
			m["changes"] = map[string]any{"body": map[string]any{"from": from}}
		}
	})
}

// waitIdle waits until no job waits, runs or retries: the task posted and
// every task it queued (a story's evaluation queues its PRs' checklists)
// are done.
func waitIdle(t *testing.T, db string) {
	t.Helper()
	st, err := store.Open(context.Background(), store.Options{DSN: db})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		busy, err := queueBusy(st)
		if err != nil {
			t.Fatal(err)
		}
		if !busy {
			stats, err := st.JobStats(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if stats["cancelled"]+stats["discarded"] > 0 {
				t.Fatalf("a job failed for good: %v", stats)
			}
			return
		}
		time.Sleep(40 * time.Millisecond)
	}
	t.Fatal("the queue did not become idle")
}

func loadRecette(t *testing.T, db string, ref core.IssueRef) (*core.RecetteRecord, []core.Validation) {
	t.Helper()
	st, err := store.Open(context.Background(), store.Options{DSN: db})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rec, err := st.LoadRecette(context.Background(), ref)
	if err != nil {
		t.Fatal(err)
	}
	trail, err := st.Validations(context.Background(), ref)
	if err != nil {
		t.Fatal(err)
	}
	return rec, trail
}

// calls counts the API calls made since the last Reset, token requests
// aside, and checks the fake refused none.
func ghCalls(t *testing.T, f *githubfake.Fake) (reads, writes int) {
	t.Helper()
	for _, r := range f.Requests() {
		if r.Refused != "" {
			t.Errorf("the fake refused %s %s: %s", r.Method, r.Path, r.Refused)
		}
		switch {
		case r.Route == routeToken:
		case r.IsWrite():
			writes++
		default:
			reads++
			if r.Status == http.StatusNotModified {
				t.Logf("  (%s answered 304: conditional, free of rate limit)", r.Route)
			}
		}
	}
	return reads, writes
}

func checklistOf(t *testing.T, f *githubfake.Fake, number int) githubfake.Comment {
	t.Helper()
	var found []githubfake.Comment
	for _, c := range f.Comments(e2eRepo, number) {
		if strings.Contains(c.Body, core.MarkerRecette) {
			found = append(found, c)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d checklist comments on #%d, want 1", len(found), number)
	}
	return found[0]
}

func lineOf(body, prefix string) string {
	for _, l := range strings.Split(body, "\n") {
		if strings.Contains(l, prefix) {
			return l
		}
	}
	return ""
}

func TestE2ERecetteGitHub(t *testing.T) {
	e := startRecetteE2E(t)
	f := e.fake
	sensitiveTitle, sensitiveBody := example(t, "admin-habilitations.md")
	gherkinTitle, gherkinBody := example(t, "gherkin-plan.md")
	f.AddIssue(e2eRepo, 12, githubfake.Issue{Title: sensitiveTitle, Body: sensitiveBody})
	f.AddIssue(recOtherRepo, 3, githubfake.Issue{Title: gherkinTitle, Body: gherkinBody})
	f.SetFile(e2eRepo, ".github/cochef.yml", "recette:\n  validators: [marie-po]\n")
	f.AddPull(e2eRepo, 7, githubfake.Pull{Title: "Habilitations des instructeurs", HeadSHA: "sha-7a",
		Body: "Closes #12\n\nFixes octo-org/secret#9 (hors de portée de l'App)", Author: "dev-alice", Milestone: "v1.2"})
	pr7 := core.IssueRef{Repo: core.Repo{Platform: core.GitHub, FullName: e2eRepo, InstallationID: e2eInst}, Number: 7, MergeRequest: true}

	// First render: two stories (one sensitive, one in another repository
	// found by GraphQL), one the App cannot read.
	if code := e.post("pull_request", newDelivery(), prEvent(t, "opened", 7)); code != http.StatusAccepted {
		t.Fatalf("opened: %d", code)
	}
	waitIdle(t, e.db)
	reads, writes := ghCalls(t, f)
	t.Logf("API calls, first render (2 stories, 1 unreadable): %d reads, %d writes", reads, writes)
	c := checklistOf(t, f, 7)
	boxes := core.ParseChecklist(c.Body)
	if len(boxes) != 10 || slices.Contains(mapValues(boxes), true) {
		t.Fatalf("want 10 unticked boxes (4 criteria + 3 security checks: retention, access rights, logging + 1 business rule + 2 scenarios), got %v:\n%s", boxes, c.Body)
	}
	for _, want := range []string{"[#12 ", "octo-org/referentiel#3", "Sécurité et données personnelles à vérifier", "octo-org/secret#9",
		"ne peut pas lire", "  > Étant donné un foyer sans enfant scolarisé", "0/10 critères validés", "@\u200dmarie-po"} {
		if !strings.Contains(c.Body, want) {
			t.Errorf("checklist lacks %q:\n%s", want, c.Body)
		}
	}
	runs := f.CheckRuns(e2eRepo)
	if len(runs) != 1 || runs[0].Name != core.RecetteStatusName || runs[0].HeadSHA != "sha-7a" || runs[0].Status != "in_progress" ||
		runs[0].Title != "0/10 critères validés" || !strings.Contains(runs[0].Summary, "Reste à valider") {
		t.Fatalf("check runs %+v", runs)
	}
	if got := f.IssueLabels(e2eRepo, 7); !slices.Equal(got, []string{"recette: en cours"}) {
		t.Fatalf("PR labels %v", got)
	}
	if l := f.RepoLabels(e2eRepo); !slices.ContainsFunc(l, func(l githubfake.Label) bool { return l.Name == "recette: en cours" && l.Color == "fbca04" }) {
		t.Fatalf("label not created with its colour: %+v", l)
	}

	// A validator ticks criterion 1 in the checklist.
	tick := func(number, who string) {
		t.Helper()
		cur := checklistOf(t, f, 7)
		ticked := strings.Replace(cur.Body, "- [ ] **"+number+".**", "- [x] **"+number+".**", 1)
		if ticked == cur.Body {
			t.Fatalf("no box %s to tick", number)
		}
		f.EditComment(e2eRepo, cur.ID, ticked) // what the web UI does
		f.Reset()
		if code := e.post("issue_comment", newDelivery(), prComment(t, "issue_comment-edited.json", 7, cur.ID, ticked, "cochef[bot]", who, cur.Body)); code != http.StatusAccepted {
			t.Fatalf("tick: %d", code)
		}
		waitIdle(t, e.db)
	}
	tick("1", "marie-po")
	reads, writes = ghCalls(t, f)
	t.Logf("API calls, a validator's tick: %d reads, %d writes", reads, writes)
	c = checklistOf(t, f, 7)
	if l := lineOf(c.Body, "**1.**"); !strings.HasPrefix(l, "- [x]") || !strings.Contains(l, "✅ @\u200dmarie-po") {
		t.Fatalf("criterion 1 after the tick: %q", l)
	}
	if runs := f.CheckRuns(e2eRepo); len(runs) != 1 || runs[0].Title != "1/10 critères validés" {
		t.Fatalf("check run after the tick %+v", runs)
	}
	if len(f.Calls(routeEditRun)) != 1 || len(f.Calls(routeNewRun)) != 0 {
		t.Fatalf("the tick must update the check run, not create one")
	}

	// Someone who is not a validator ticks criterion 2: reverted, one reply.
	tick("2", "dev-alice")
	c = checklistOf(t, f, 7)
	if l := lineOf(c.Body, "**2.**"); !strings.HasPrefix(l, "- [ ]") {
		t.Fatalf("an unauthorised tick stayed: %q", l)
	}
	var replies []githubfake.Comment
	for _, cm := range f.Comments(e2eRepo, 7) {
		if strings.Contains(cm.Body, core.MarkerRecetteReply) {
			replies = append(replies, cm)
		}
	}
	if len(replies) != 1 || !strings.Contains(replies[0].Body, "@dev-alice") || !strings.Contains(replies[0].Body, "critère 2") {
		t.Fatalf("replies %+v", replies)
	}
	_, trail := loadRecette(t, e.db, pr7)
	if len(trail) != 1 || trail[0].Actor != "marie-po" || trail[0].State != core.Validated || trail[0].Source != core.SourceTick || trail[0].HeadSHA != "sha-7a" {
		t.Fatalf("trail %+v", trail)
	}

	// An event that changes nothing writes nothing.
	f.Reset()
	if code := e.post("pull_request", newDelivery(), prEvent(t, "edited", 7)); code != http.StatusAccepted {
		t.Fatalf("edited: %d", code)
	}
	waitIdle(t, e.db)
	reads, writes = ghCalls(t, f)
	t.Logf("API calls, no-op render: %d reads, %d writes", reads, writes)
	if writes != 0 {
		t.Fatalf("a no-op render wrote %d times: %+v", writes, f.Writes())
	}

	// The story is edited: criterion 4 changes, criterion 1 does not. Its
	// evaluation re-renders the checklist; the tick of criterion 1 stays.
	key1 := keyOfLine(lineOf(c.Body, "**1.**"))
	key4 := keyOfLine(lineOf(c.Body, "**4.**"))
	newBody := strings.Replace(sensitiveBody, "Chaque attribution et retrait est journalisé (qui, quoi, quand)",
		"Chaque attribution et retrait est journalisé (qui, quoi, quand, depuis quel poste)", 1)
	f.SetIssueBody(e2eRepo, 12, newBody)
	f.Reset()
	if code := e.post("issues", newDelivery(), payload(t, "issues-edited.json", 12, sensitiveTitle, newBody, nil)); code != http.StatusAccepted {
		t.Fatalf("story edited: %d", code)
	}
	waitIdle(t, e.db)
	reads, writes = ghCalls(t, f)
	t.Logf("API calls, story edit (its evaluation and the checklist's re-render): %d reads, %d writes", reads, writes)
	c = checklistOf(t, f, 7)
	l1, l4 := lineOf(c.Body, "**1.**"), lineOf(c.Body, "**4.**")
	if !strings.HasPrefix(l1, "- [x]") || keyOfLine(l1) != key1 {
		t.Fatalf("the tick of an unchanged criterion was lost: %q", l1)
	}
	if !strings.HasPrefix(l4, "- [ ]") || !strings.Contains(l4, "depuis quel poste") || keyOfLine(l4) == key4 {
		t.Fatalf("the changed criterion: %q (old key %s)", l4, key4)
	}

	// Commands: a refusal with its reason, then everything validated.
	command := func(who, text string) {
		t.Helper()
		if code := e.post("issue_comment", newDelivery(), prComment(t, "issue_comment-created.json", 7, 1, text, who, who, "")); code != http.StatusAccepted {
			t.Fatalf("command %q: %d", text, code)
		}
		waitIdle(t, e.db)
	}
	command("marie-po", "/cochef refuse 2 la liste n'est pas filtrée par direction")
	c = checklistOf(t, f, 7)
	if l := lineOf(c.Body, "**2.**"); !strings.Contains(l, "❌ refusé par @\u200dmarie-po") || !strings.Contains(l, "la liste n'est pas filtrée par direction") {
		t.Fatalf("refusal not shown: %q", l)
	}
	if runs := f.CheckRuns(e2eRepo); !strings.Contains(runs[len(runs)-1].Text, "la liste n'est pas filtrée") {
		t.Fatalf("refusal not in the check run: %+v", runs[len(runs)-1])
	}
	command("dev-alice", "/cochef valide tout")
	if runs := f.CheckRuns(e2eRepo); runs[len(runs)-1].Status != "in_progress" {
		t.Fatalf("a non-validator's command changed the status: %+v", runs[len(runs)-1])
	}
	command("marie-po", "/cochef valide tout")
	c = checklistOf(t, f, 7)
	if boxes := core.ParseChecklist(c.Body); slices.Contains(mapValues(boxes), false) || len(boxes) != 10 {
		t.Fatalf("after 'valide tout': %v", boxes)
	}
	runs = f.CheckRuns(e2eRepo)
	last := runs[len(runs)-1]
	if last.Status != "completed" || last.Conclusion != "success" || last.HeadSHA != "sha-7a" || last.Title != "10/10 critères validés" {
		t.Fatalf("check run on completion %+v", last)
	}
	if got := f.IssueLabels(e2eRepo, 7); !slices.Equal(got, []string{"recette: validée"}) {
		t.Fatalf("PR labels on completion %v", got)
	}

	// A pull request that closes no story: a neutral check run, no comment.
	f.AddPull(e2eRepo, 8, githubfake.Pull{Title: "Refactor", Body: "Nettoyage", HeadSHA: "sha-8"})
	f.Reset()
	if code := e.post("pull_request", newDelivery(), prEvent(t, "opened", 8)); code != http.StatusAccepted {
		t.Fatalf("opened #8: %d", code)
	}
	waitIdle(t, e.db)
	reads, writes = ghCalls(t, f)
	t.Logf("API calls, first render of a PR closing no story: %d reads, %d writes", reads, writes)
	runs = f.CheckRuns(e2eRepo)
	if last := runs[len(runs)-1]; last.HeadSHA != "sha-8" || last.Conclusion != "neutral" || last.Title != "Aucun récit lié" {
		t.Fatalf("neutral check run %+v", last)
	}
	if len(f.Comments(e2eRepo, 8)) != 0 || len(f.IssueLabels(e2eRepo, 8)) != 0 {
		t.Fatalf("a PR closing nothing got comments %v or labels %v", f.Comments(e2eRepo, 8), f.IssueLabels(e2eRepo, 8))
	}

	// The merge queue is answered on the merge group's commit.
	mg := jsonFile(t, "merge_group-checks_requested.json", func(m map[string]any) {
		g := m["merge_group"].(map[string]any)
		g["head_sha"], g["head_ref"] = "sha-mg", "refs/heads/gh-readonly-queue/main/pr-7-0123456789abcdef"
	})
	if code := e.post("merge_group", newDelivery(), mg); code != http.StatusAccepted {
		t.Fatalf("merge group: %d", code)
	}
	waitIdle(t, e.db)
	runs = f.CheckRuns(e2eRepo)
	if last := runs[len(runs)-1]; last.HeadSHA != "sha-mg" || last.Conclusion != "success" || last.Name != core.RecetteStatusName {
		t.Fatalf("merge group check run %+v", last)
	}

	// The procès-verbal, from the store.
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"recette", "report", "--repo", e2eRepo, "--pr", "7", "--database", e.db}, nil, &out, &errOut); code != 0 {
		t.Fatalf("report: exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{"# Procès-verbal de recette", "recette validée", "la liste n'est pas filtrée par direction",
		"marie-po", "Vérifications de sécurité : 3/3", "Critères, sécurité comprise : 10/10 validés"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("PV lacks %q:\n%s", want, out.String())
		}
	}
}

func mapValues(m map[string]bool) []bool {
	var out []bool
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func keyOfLine(l string) string {
	_, k, _ := strings.Cut(l, "<!-- k:")
	k, _, _ = strings.Cut(k, " -->")
	return k
}
