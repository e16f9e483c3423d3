package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/github/githubfake"
	"github.com/cochef/cochef/gitlab/gitlabfake"
)

// Issue #15's example, end to end on both platforms: a pull or merge
// request closes a citizen story (two scenarios, one list item) and an
// administrator story (one scenario, one item, two security measures).
// Its checklist has 10 items or fewer, each something a person verifies
// on the feature; the stories' comments follow the recette; on GitLab a
// Reporter named as validator validates by command; the PDF PV has every
// validation.

// designQuestions are phrases of the homologation questionnaire that a
// recette checklist must not carry.
var designQuestions = []string{"analyse d'impact", "AIPD", "Code sécurisé", "homologation", "Besoins DICT", "Base légale"}

func checkExampleChecklist(t *testing.T, body string) {
	t.Helper()
	boxes := core.ParseChecklist(body)
	t.Logf("issue #15's example: %d items", len(boxes))
	if len(boxes) < 7 || len(boxes) > 10 {
		t.Errorf("%d items, want the 5 criteria, the 2 measures of the notes and at most 3 topic checks, 10 or fewer:\n%s", len(boxes), body)
	}
	for _, want := range []string{"Vérifier : seuls les administrateurs peuvent attribuer un rôle (moindre privilège)",
		"Vérifier : chaque attribution est tracée : qui, quand, quel rôle", "demande en cours d'instruction", "attribution du rôle"} {
		if !strings.Contains(body, want) {
			t.Errorf("checklist lacks %q:\n%s", want, body)
		}
	}
	for _, q := range designQuestions {
		if strings.Contains(body, q) {
			t.Errorf("checklist carries the design question %q:\n%s", q, body)
		}
	}
}

// pdfWords is the text of a PDF, its words separated by single spaces.
func pdfWords(t *testing.T, b []byte) string {
	t.Helper()
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("PDF: %v", err)
	}
	var sb strings.Builder
	for i := 1; i <= r.NumPage(); i++ {
		txt, err := r.Page(i).GetPlainText(nil)
		if err != nil {
			t.Fatal(err)
		}
		sb.WriteString(txt + " ")
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}

func TestE2ERecetteIssue15GitHub(t *testing.T) {
	e := startRecetteE2E(t)
	f := e.fake
	f.SetFile(e2eRepo, ".github/cochef.yml", "recette:\n  validators: [marie-po]\n")
	titles := map[int]string{}
	for n, file := range map[int]string{21: "recette-usager.md", 22: "recette-admin.md"} {
		title, body := example(t, file)
		titles[n] = title
		f.AddIssue(e2eRepo, n, githubfake.Issue{Title: title, Body: body})
		// The stories were written, and checked, before the pull request.
		if code := e.post("issues", newDelivery(), payload(t, "issues-opened.json", n, title, body, nil)); code != http.StatusAccepted {
			t.Fatalf("story %d: %d", n, code)
		}
	}
	waitIdle(t, e.db)
	storyComment := func(n int) githubfake.Comment {
		t.Helper()
		var found []githubfake.Comment
		for _, c := range f.Comments(e2eRepo, n) {
			if strings.Contains(c.Body, "<!-- cochef:feedback -->") {
				found = append(found, c)
			}
		}
		if len(found) != 1 {
			t.Fatalf("%d feedback comments on #%d, want 1", len(found), n)
		}
		return found[0]
	}
	before := len(f.Comments(e2eRepo, 22))
	f.AddPull(e2eRepo, 30, githubfake.Pull{Title: "Suivi des demandes et rôles", HeadSHA: "sha-30", Author: "dev-alice", Milestone: "v1.4",
		Body: "Closes #21, closes #22"})
	f.Reset()
	if code := e.post("pull_request", newDelivery(), prEvent(t, "opened", 30)); code != http.StatusAccepted {
		t.Fatalf("opened: %d", code)
	}
	waitIdle(t, e.db)
	reads, writes := ghCalls(t, f)
	t.Logf("API calls, first render (the stories already evaluated): %d reads, %d writes", reads, writes)
	c := checklistOf(t, f, 30)
	checkExampleChecklist(t, c.Body)
	if got := storyComment(22).Body; !regexp.MustCompile(`\*\*Recette\*\* : 0/\d+ validé dans \[#30\]\(https://github.com/` + e2eRepo + `/pull/30#issuecomment-\d+\)`).MatchString(got) {
		t.Fatalf("the story's comment does not show its recette:\n%s", got)
	}
	// The citizen story is ready and had no comment: it gets none.
	if n := len(f.Comments(e2eRepo, 21)); n != 0 {
		t.Fatalf("a ready story got %d comments", n)
	}
	seuls := itemNumber(t, c.Body, "Vérifier : seuls les administrateurs")
	trace := itemNumber(t, c.Body, "Vérifier : chaque attribution est tracée")

	// A validator ticks the first measure of the admin story.
	cur := checklistOf(t, f, 30)
	ticked := strings.Replace(cur.Body, "- [ ] **"+seuls+".**", "- [x] **"+seuls+".**", 1)
	f.EditComment(e2eRepo, cur.ID, ticked)
	f.Reset()
	if code := e.post("issue_comment", newDelivery(), prComment(t, "issue_comment-edited.json", 30, cur.ID, ticked, "cochef[bot]", "marie-po", cur.Body)); code != http.StatusAccepted {
		t.Fatalf("tick: %d", code)
	}
	waitIdle(t, e.db)
	reads, writes = ghCalls(t, f)
	var routes []string
	for _, r := range f.Requests() {
		if r.Route != routeToken {
			routes = append(routes, r.Method+" "+r.Route+" "+http.StatusText(r.Status))
		}
	}
	t.Logf("API calls, a validator's tick (checklist, check run and the story's comment): %d reads, %d writes: %v", reads, writes, routes)
	if got := storyComment(22).Body; !regexp.MustCompile(`\*\*Recette\*\* : 1/\d+ validé dans \[#30\]`).MatchString(got) {
		t.Fatalf("the story's comment did not follow the tick:\n%s", got)
	}
	if n := len(f.Comments(e2eRepo, 22)); n != before {
		t.Fatalf("the story got %d new comments, want none: its one comment is edited", n-before)
	}

	// Commands, a refusal, then the PV in PDF.
	for _, cmd := range []struct{ who, text string }{
		{"marie-po", "/cochef valide 1-" + seuls},
		{"marie-po", "/cochef refuse " + trace + " la trace ne dit pas quel rôle a été attribué"},
	} {
		if code := e.post("issue_comment", newDelivery(), prComment(t, "issue_comment-created.json", 30, 1, cmd.text, cmd.who, cmd.who, "")); code != http.StatusAccepted {
			t.Fatalf("%s: %d", cmd.text, code)
		}
		waitIdle(t, e.db)
	}
	if got := storyComment(22).Body; !regexp.MustCompile(`\*\*Recette\*\* : 3/\d+ validés, 1 refusé dans \[#30\]`).MatchString(got) {
		t.Fatalf("the story's comment after the commands:\n%s", got)
	}
	out := filepath.Join(t.TempDir(), "pv.pdf")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"recette", "report", "--repo", e2eRepo, "--pr", "30", "--database", e.db,
		"--format", "pdf", "--product", "Démarches", "--release", "1.4.0", "--output", out}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("PV PDF of the example: %d bytes", len(b))
	text := pdfWords(t, b)
	_, trail := loadRecette(t, e.db, core.IssueRef{Repo: core.Repo{Platform: core.GitHub, FullName: e2eRepo}, Number: 30, MergeRequest: true})
	if len(trail) < 3 {
		t.Fatalf("trail of %d entries", len(trail))
	}
	for _, v := range trail {
		if want := v.At.UTC().Format("2006-01-02 15:04 UTC") + " " + v.Actor; !strings.Contains(text, want) {
			t.Errorf("the PDF lacks the validation %q (%s)", want, v.Text)
		}
	}
	for _, want := range []string{"Produit : Démarches", "Version : 1.4.0", "Jalon : v1.4", "Verdict : RECETTE NON TERMINÉE",
		"Motif : la trace ne dit pas quel rôle a été attribué", titles[21], titles[22], "Responsable métier"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
}

func TestE2ERecetteIssue15GitLab(t *testing.T) {
	e := startGitLabE2E(t)
	f := e.fake
	post := func(event string, body []byte) {
		t.Helper()
		if code := e.post(event, glSecret, newDelivery(), body); code != http.StatusAccepted {
			t.Fatalf("%s: status %d", event, code)
		}
		waitIdle(t, e.db)
	}
	// The file exists from the start, so each event reads it (a project
	// found without one is not asked again for a minute).
	f.SetFile(glProject, ".gitlab/cochef.yml", "lang: fr\n")
	for n, file := range map[int]string{21: "recette-usager.md", 22: "recette-admin.md"} {
		title, body := example(t, file)
		f.AddIssue(glProject, n, gitlabfake.Issue{Title: title, Description: body})
		post("Issue Hook", glPayload(t, "issue.json", n, func(m map[string]any) {
			m["object_attributes"].(map[string]any)["action"] = "open"
		}))
	}
	// No validator named yet: anyone with Developer or more validates. The business owner is a
	// Reporter (access level 20).
	f.SetMember(glProject, "po-claire", 20)
	f.SetMember(glProject, "dev-alice", 30)
	f.AddMergeRequest(glProject, 30, gitlabfake.MergeRequest{Title: "Suivi et rôles", Description: "Closes #21, closes #22",
		SHA: "sha-30", SourceBranch: "suivi", ClosesIssues: []int{21, 22}, Milestone: "v1.4", Author: "dev-alice"})
	mrHook := glMRPayload(t, "merge_request.json", 30, func(m map[string]any) {
		m["object_attributes"].(map[string]any)["action"] = "open"
	})
	note := func(user, body string) []byte {
		return glMRPayload(t, "note_merge_request.json", 30, func(m map[string]any) {
			oa := m["object_attributes"].(map[string]any)
			oa["note"], oa["action"] = body, "create"
			m["user"].(map[string]any)["username"] = user
		})
	}
	f.Reset()
	post("Merge Request Hook", mrHook)
	reads, writes := glCalls(t, f)
	t.Logf("API calls, first render (the stories already evaluated): %d reads, %d writes", reads, writes)
	thread := func() gitlabfake.Note {
		t.Helper()
		for _, d := range f.Discussions(glProject, 30) {
			if strings.Contains(d.Notes[0].Body, core.MarkerRecette) {
				return d.Notes[0]
			}
		}
		t.Fatal("no checklist thread")
		return gitlabfake.Note{}
	}
	body := thread().Body
	checkExampleChecklist(t, body)
	if !strings.Contains(body, "**Pour valider, répondez dans ce fil par une commande**") || !strings.Contains(body, "demande le rôle Maintainer") {
		t.Fatalf("the note does not say validators validate by command:\n%s", body)
	}
	replies := func() []gitlabfake.Note {
		var out []gitlabfake.Note
		for _, n := range f.MergeRequestNotes(glProject, 30) {
			if strings.Contains(n.Body, core.MarkerRecetteReply) {
				out = append(out, n)
			}
		}
		return out
	}

	// Without a named validator, the Reporter's command is refused: the
	// member API says 20, below Developer.
	f.Reset()
	post("Note Hook", note("po-claire", "/cochef valide 2 5"))
	asked := false
	for _, r := range f.Requests() {
		asked = asked || strings.HasPrefix(r.Route, "/projects/:id/members/all/:user_id")
	}
	if !asked {
		t.Fatal("the member API was not asked for the Reporter's access")
	}
	if r := replies(); len(r) != 1 || !strings.Contains(r[0].Body, "@po-claire") {
		t.Fatalf("replies %+v", r)
	}
	if strings.Contains(thread().Body, "✅") {
		t.Fatal("a Reporter who is not a validator validated")
	}

	// Named in .gitlab/cochef.yml, the same Reporter validates by command.
	f.SetFile(glProject, ".gitlab/cochef.yml", "lang: fr\nrecette:\n  validators: [po-claire]\n")
	post("Note Hook", note("po-claire", "/cochef valide 2 5"))
	post("Note Hook", note("po-claire", "/cochef refuse 3 le lecteur d'écran lit deux fois le montant"))
	body = thread().Body
	for n, want := range map[string]string{"**2.**": "✅ @\u200dpo-claire", "**5.**": "✅ @\u200dpo-claire", "**3.**": "❌ refusé par @\u200dpo-claire"} {
		if l := lineOf(body, n); !strings.Contains(l, want) {
			t.Errorf("item %s: %q, want %q", n, l, want)
		}
	}
	if r := replies(); len(r) != 1 {
		t.Fatalf("a validator's commands were answered: %+v", r)
	}
	issueNote := func(n int) string {
		for _, nt := range f.Notes(glProject, n) {
			if strings.Contains(nt.Body, "<!-- cochef:feedback -->") {
				return nt.Body
			}
		}
		return ""
	}
	// Items 2 and 3 are the citizen story's (ready, without a note: it
	// gets none); 5 is the admin story's second criterion.
	if got := issueNote(22); !regexp.MustCompile(`\*\*Recette\*\* : 1/\d+ validé dans \[!30\]`).MatchString(got) {
		t.Fatalf("the story's note does not show its recette:\n%s", got)
	}
	if got := issueNote(21); got != "" {
		t.Fatalf("a ready story got a note:\n%s", got)
	}
	f.Reset()
	post("Note Hook", note("po-claire", "/cochef valide tout"))
	reads, writes = glCalls(t, f)
	t.Logf("API calls, a command completing the recette (checklist, status, thread, labels, the stories' notes): %d reads, %d writes", reads, writes)
	if n := thread(); !n.Resolved || slices.Contains(mapValues(core.ParseChecklist(n.Body)), false) {
		t.Fatalf("after 'valide tout': resolved %v\n%s", n.Resolved, n.Body)
	}
	if got := issueNote(22); !regexp.MustCompile(`\*\*Recette\*\* : (\d+)/(\d+) validés dans \[!30\]`).MatchString(got) || strings.Contains(got, "refusé") {
		t.Fatalf("the admin story's note after completion:\n%s", got)
	}
}

// itemNumber is the number of the checklist item whose line holds text.
func itemNumber(t *testing.T, body, text string) string {
	t.Helper()
	m := regexp.MustCompile(`\*\*(\d+)\.\*\* ` + regexp.QuoteMeta(text)).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no item %q in:\n%s", text, body)
	}
	return m[1]
}
