package gitlabfake_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	gl "gitlab.com/gitlab-org/api/client-go/v2"

	"github.com/cochef/cochef/gitlab/gitlabfake"
)

const proj = "grp/sub/app"

// recordingTB keeps the fake's complaints instead of failing the test, to
// check that it complains.
type recordingTB struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *recordingTB) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *recordingTB) complaints() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.errs)
}

type answer struct {
	status int
	header http.Header
	body   string
}

func (a answer) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(a.body), v); err != nil {
		t.Fatalf("answer %d %q is not JSON: %v", a.status, a.body, err)
	}
}

// do sends a raw request, with the token unless noAuth.
func do(t *testing.T, f *gitlabfake.Fake, method, path, contentType, body string, noAuth bool) answer {
	t.Helper()
	a, err := send(f, method, path, contentType, body, noAuth)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// send is do for goroutines, which must not call t.Fatal.
func send(f *gitlabfake.Fake, method, path, contentType, body string, noAuth bool) (answer, error) {
	req, err := http.NewRequest(method, f.URL()+path, strings.NewReader(body))
	if err != nil {
		return answer{}, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if !noAuth {
		req.Header.Set("PRIVATE-TOKEN", gitlabfake.Token)
	}
	resp, err := f.Client().Do(req)
	if err != nil {
		return answer{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return answer{}, err
	}
	return answer{status: resp.StatusCode, header: resp.Header, body: string(b)}, nil
}

func setup(t *testing.T) *gitlabfake.Fake {
	t.Helper()
	f := gitlabfake.New(t)
	f.AddProject(11, proj)
	f.AddIssue(proj, 1, gitlabfake.Issue{Title: "Story", Description: "As a user", Labels: []string{"b", "a"}})
	return f
}

func TestAuthentication(t *testing.T) {
	f := setup(t)
	tests := []struct {
		name   string
		header [2]string
		want   int
	}{
		{"no token", [2]string{}, 401},
		{"wrong token", [2]string{"PRIVATE-TOKEN", "glpat-other"}, 401},
		{"private token", [2]string{"PRIVATE-TOKEN", gitlabfake.Token}, 200},
		{"bearer", [2]string{"Authorization", "Bearer " + gitlabfake.Token}, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest("GET", f.URL()+"/api/v4/projects/11/issues/1", nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.header[0] != "" {
				req.Header.Set(tt.header[0], tt.header[1])
			}
			resp, err := f.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.want)
			}
			if tt.want == 401 && strings.TrimSpace(string(b)) != `{"message":"401 Unauthorized"}` {
				t.Errorf("body %s", b)
			}
		})
	}
}

func TestUnknownRoutesFailTheTest(t *testing.T) {
	rec := &recordingTB{TB: t}
	f := gitlabfake.New(rec)
	f.AddProject(11, proj)
	if a := do(t, f, "GET", "/api/v4/projects/11/pipelines", "", "", false); a.status != 404 {
		t.Errorf("unknown route: status %d, want 404", a.status)
	}
	if a := do(t, f, "DELETE", "/api/v4/projects/11/labels", "", "", false); a.status != 405 {
		t.Errorf("known path, unknown method: status %d, want 405", a.status)
	}
	if a := do(t, f, "GET", "/projects/11", "", "", false); a.status != 404 {
		t.Errorf("outside /api/v4: status %d, want 404", a.status)
	}
	if got := rec.complaints(); len(got) != 3 {
		t.Errorf("fake complained %d times, want 3: %q", len(got), got)
	}
	// Known routes on unknown objects are GitLab's 404s, not test failures.
	before := len(rec.complaints())
	a := do(t, f, "GET", "/api/v4/projects/nope%2Fnope/issues/1", "", "", false)
	if a.status != 404 || strings.TrimSpace(a.body) != `{"message":"404 Project Not Found"}` {
		t.Errorf("unknown project: %d %s", a.status, a.body)
	}
	if len(rec.complaints()) != before {
		t.Errorf("a GitLab 404 was reported as a test failure")
	}
}

func TestIssueShapeAndProjectLookup(t *testing.T) {
	f := setup(t)
	for _, path := range []string{"/api/v4/projects/11/issues/1", "/api/v4/projects/grp%2Fsub%2Fapp/issues/1", "/api/v4/projects/GRP%2Fsub%2FApp/issues/1"} {
		a := do(t, f, "GET", path, "", "", false)
		if a.status != 200 {
			t.Fatalf("%s: %d %s", path, a.status, a.body)
		}
		var got map[string]any
		a.json(t, &got)
		for _, key := range []string{"id", "iid", "project_id", "title", "description", "labels", "state", "web_url", "updated_at", "author", "references"} {
			if _, ok := got[key]; !ok {
				t.Errorf("%s: issue JSON lacks %q", path, key)
			}
		}
		if got["iid"] != float64(1) || got["project_id"] != float64(11) || got["state"] != "opened" {
			t.Errorf("issue = %v", got)
		}
		if labels, _ := got["labels"].([]any); len(labels) != 2 || labels[0] != "a" {
			t.Errorf("labels = %v, want sorted names", got["labels"])
		}
	}
	if a := do(t, f, "GET", "/api/v4/projects/11/issues/99", "", "", false); a.status != 404 || strings.TrimSpace(a.body) != `{"message":"404 Not found"}` {
		t.Errorf("missing issue: %d %s", a.status, a.body)
	}
}

func TestNotesPaginationAndOrder(t *testing.T) {
	f := setup(t)
	for i := range 45 {
		f.AddNote(proj, 1, gitlabfake.Note{Body: fmt.Sprint("n", i)})
	}
	a := do(t, f, "GET", "/api/v4/projects/11/issues/1/notes?per_page=20&page=2&sort=asc", "", "", false)
	if a.status != 200 {
		t.Fatalf("%d %s", a.status, a.body)
	}
	for k, want := range map[string]string{"X-Page": "2", "X-Per-Page": "20", "X-Next-Page": "3", "X-Prev-Page": "1", "X-Total": "45", "X-Total-Pages": "3"} {
		if got := a.header.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	link := a.header.Get("Link")
	for _, rel := range []string{`rel="next"`, `rel="prev"`, `rel="first"`, `rel="last"`} {
		if !strings.Contains(link, rel) {
			t.Errorf("Link %q lacks %s", link, rel)
		}
	}
	if !strings.Contains(link, "page=3") || !strings.Contains(link, "sort=asc") {
		t.Errorf("Link next %q should keep the query and point at page 3", link)
	}
	var notes []struct {
		Body         string `json:"body"`
		NoteableType string `json:"noteable_type"`
		System       bool   `json:"system"`
		Author       struct {
			Username string `json:"username"`
		} `json:"author"`
	}
	a.json(t, &notes)
	if len(notes) != 20 || notes[0].Body != "n20" || notes[0].NoteableType != "Issue" || notes[0].Author.Username != "alice" {
		t.Errorf("page 2 asc starts with %+v (len %d), want n20 by alice on an Issue", notes[0], len(notes))
	}

	last := do(t, f, "GET", "/api/v4/projects/11/issues/1/notes?per_page=20&page=3", "", "", false)
	if last.header.Get("X-Next-Page") != "" || strings.Contains(last.header.Get("Link"), `rel="next"`) {
		t.Errorf("last page still announces a next one: %v", last.header)
	}
	// GitLab's default order is newest first.
	def := do(t, f, "GET", "/api/v4/projects/11/issues/1/notes?per_page=1", "", "", false)
	def.json(t, &notes)
	if len(notes) != 1 || notes[0].Body != "n44" {
		t.Errorf("default order starts with %+v, want the newest", notes)
	}
	if a := do(t, f, "GET", "/api/v4/projects/11/issues/1/notes?per_page=500", "", "", false); a.header.Get("X-Per-Page") != "100" {
		t.Errorf("per_page=500 answered X-Per-Page %q, want GitLab's cap 100", a.header.Get("X-Per-Page"))
	}
}

func TestNoteCreationValidation(t *testing.T) {
	f := setup(t)
	tests := []struct {
		name, ctype, body string
		want              int
		wantBody          string
	}{
		{"missing body", "application/json", `{}`, 400, `{"error":"body is missing"}`},
		{"blank body", "application/json", `{"body":"  "}`, 400, `{"message":{"note":["can't be blank"]}}`},
		{"too long", "application/json", `{"body":"` + strings.Repeat("x", 1_000_001) + `"}`, 400, `{"message":{"note":["is too long (maximum is 1000000 characters)"]}}`},
		{"bad JSON", "application/json", `{"body":`, 400, ""},
		{"json", "application/json", `{"body":"hello"}`, 201, ""},
		{"form", "application/x-www-form-urlencoded", `body=hi+there`, 201, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := do(t, f, "POST", "/api/v4/projects/11/issues/1/notes", tt.ctype, tt.body, false)
			if a.status != tt.want {
				t.Fatalf("status %d (%s), want %d", a.status, a.body, tt.want)
			}
			if tt.wantBody != "" && strings.TrimSpace(a.body) != tt.wantBody {
				t.Errorf("body %s, want %s", a.body, tt.wantBody)
			}
		})
	}
	notes := f.Notes(proj, 1)
	if len(notes) != 2 || notes[1].Body != "hi there" || notes[0].Author != gitlabfake.BotUsername {
		t.Errorf("notes = %+v, want the two accepted ones by the bot", notes)
	}
	if w := f.Writes(); len(w) != len(tests) {
		t.Errorf("Writes() = %d, want every attempted write (%d)", len(w), len(tests))
	}
}

func TestIssueLabelUpdates(t *testing.T) {
	f := setup(t)
	f.AddLabel(proj, gitlabfake.Label{Name: "a", Color: "#111111"})
	steps := []struct {
		ctype, body string
		want        []string
	}{
		{"application/json", `{"add_labels":["c","a"]}`, []string{"a", "b", "c"}},
		{"application/json", `{"remove_labels":"b,c"}`, []string{"a"}},
		{"application/x-www-form-urlencoded", `add_labels=x,y`, []string{"a", "x", "y"}},
		{"application/json", `{"labels":"z"}`, []string{"z"}},
	}
	for i, s := range steps {
		a := do(t, f, "PUT", "/api/v4/projects/11/issues/1", s.ctype, s.body, false)
		if a.status != 200 {
			t.Fatalf("step %d: %d %s", i, a.status, a.body)
		}
		if got := f.IssueLabels(proj, 1); !slices.Equal(got, s.want) {
			t.Errorf("step %d: labels %q, want %q", i, got, s.want)
		}
	}
	// Labels named by an update are created, with GitLab's default colour.
	var colours []string
	for _, l := range f.ProjectLabels(proj) {
		colours = append(colours, l.Name+"="+l.Color)
	}
	want := []string{"a=#111111", "b=#6699cc", "c=#6699cc", "x=#6699cc", "y=#6699cc", "z=#6699cc"}
	if !slices.Equal(colours, want) {
		t.Errorf("project labels %q, want %q", colours, want)
	}
	if a := do(t, f, "PUT", "/api/v4/projects/11/issues/1", "application/json", `{}`, false); a.status != 400 {
		t.Errorf("empty update: %d, want 400", a.status)
	}
}

func TestProjectLabels(t *testing.T) {
	f := setup(t)
	tests := []struct {
		body string
		want int
	}{
		{`{"name":"récit: prêt","color":"#0e8a16","description":"ok"}`, 201},
		{`{"name":"récit: prêt","color":"#0e8a16"}`, 409},
		{`{"name":"x"}`, 400},
		{`{"color":"#fff"}`, 400},
		{`{"name":"a,b","color":"#fff"}`, 400},
		{`{"name":"y","color":"0e8a16"}`, 400},
	}
	for _, tt := range tests {
		if a := do(t, f, "POST", "/api/v4/projects/11/labels", "application/json", tt.body, false); a.status != tt.want {
			t.Errorf("POST %s: %d %s, want %d", tt.body, a.status, a.body, tt.want)
		}
	}
	a := do(t, f, "GET", "/api/v4/projects/11/labels/"+url.PathEscape("récit: prêt"), "", "", false)
	var l struct {
		Name, Color, Description string
	}
	a.json(t, &l)
	if a.status != 200 || l.Color != "#0e8a16" || l.Description != "ok" {
		t.Errorf("GET label: %d %+v", a.status, l)
	}
}

func TestRawFiles(t *testing.T) {
	f := setup(t)
	f.SetFile(proj, ".gitlab/cochef.yml", "lang: fr\n")
	f.AddCommit(proj, "abc123")
	tests := []struct {
		method, path string
		want         int
		wantBody     string
	}{
		{"GET", "/api/v4/projects/11/repository/files/%2Egitlab%2Fcochef%2Eyml/raw?ref=HEAD", 200, "lang: fr\n"},
		{"GET", "/api/v4/projects/11/repository/files/.gitlab%2Fcochef.yml/raw?ref=main", 200, "lang: fr\n"},
		{"GET", "/api/v4/projects/11/repository/files/.gitlab%2Fcochef.yml/raw", 200, "lang: fr\n"},
		{"HEAD", "/api/v4/projects/11/repository/files/.gitlab%2Fcochef.yml/raw", 200, ""},
		{"GET", "/api/v4/projects/11/repository/files/cochef.yml/raw?ref=HEAD", 404, `{"message":"404 File Not Found"}`},
		{"GET", "/api/v4/projects/11/repository/files/.gitlab%2Fcochef.yml/raw?ref=nope", 404, `{"message":"404 Commit Not Found"}`},
		{"GET", "/api/v4/projects/11/repository/files/.gitlab%2Fcochef.yml/raw?ref=abc123", 404, `{"message":"404 File Not Found"}`},
	}
	for _, tt := range tests {
		a := do(t, f, tt.method, tt.path, "", "", false)
		if a.status != tt.want || strings.TrimSpace(a.body) != strings.TrimSpace(tt.wantBody) {
			t.Errorf("%s %s = %d %q, want %d %q", tt.method, tt.path, a.status, a.body, tt.want, tt.wantBody)
		}
	}
}

// The project's description templates, as GET /projects/:id/templates/:type
// lists them; an unknown type is refused as GitLab refuses it.
func TestTemplates(t *testing.T) {
	f := setup(t)
	f.SetFile(proj, ".gitlab/issue_templates/user-story.md", "## Récit\n")
	f.SetFile(proj, ".gitlab/issue_templates/bug.md", "## Anomalie\n")
	f.SetFile(proj, ".gitlab/issue_templates/old/technique.md", "## Technique\n")
	tests := []struct {
		path     string
		want     int
		wantBody string
	}{
		{"/api/v4/projects/11/templates/issues", 200, `[{"key":"bug","name":"bug"},{"key":"user-story","name":"user-story"}]`},
		{"/api/v4/projects/11/templates/merge_requests", 200, `[]`},
		{"/api/v4/projects/11/templates/licenses", 200, `[]`},
		{"/api/v4/projects/11/templates/nope", 400, `{"error":"type does not have a valid value"}`},
		{"/api/v4/projects/99/templates/issues", 404, `{"message":"404 Project Not Found"}`},
	}
	for _, tt := range tests {
		a := do(t, f, "GET", tt.path, "", "", false)
		if a.status != tt.want || strings.TrimSpace(a.body) != tt.wantBody {
			t.Errorf("GET %s = %d %q, want %d %q", tt.path, a.status, a.body, tt.want, tt.wantBody)
		}
	}
}

func TestFailNext(t *testing.T) {
	f := setup(t)
	f.FailNextOn("POST", "/projects/:id/issues/:issue_iid/notes", 1, 429, http.Header{"Retry-After": {"7"}})
	f.FailNext(2, 502, nil)
	var got []int
	for range 3 {
		got = append(got, do(t, f, "GET", "/api/v4/projects/11/issues/1", "", "", false).status)
	}
	a := do(t, f, "POST", "/api/v4/projects/11/issues/1/notes", "application/json", `{"body":"x"}`, false)
	got = append(got, a.status)
	got = append(got, do(t, f, "POST", "/api/v4/projects/11/issues/1/notes", "application/json", `{"body":"x"}`, false).status)
	if want := []int{502, 502, 200, 429, 201}; !slices.Equal(got, want) {
		t.Errorf("statuses %v, want %v", got, want)
	}
	if a.header.Get("Retry-After") != "7" {
		t.Errorf("429 without the Retry-After asked for: %v", a.header)
	}
	if n := len(f.Notes(proj, 1)); n != 1 {
		t.Errorf("%d notes, want 1: a failed request must not change state", n)
	}
	reqs := f.Requests()
	if reqs[0].Status != 502 || reqs[3].Status != 429 || reqs[3].Route != "/projects/:id/issues/:issue_iid/notes" {
		t.Errorf("recorded %+v", reqs)
	}
	f.Reset()
	if len(f.Requests()) != 0 {
		t.Error("Reset kept requests")
	}
	if n := len(f.Notes(proj, 1)); n != 1 {
		t.Error("Reset dropped state")
	}
}

// TestMergeRequestEndpointsWithClientGo drives the recette endpoints with
// the real client, which checks that the shapes decode as GitLab's do.
func TestMergeRequestEndpointsWithClientGo(t *testing.T) {
	f := setup(t)
	f.AddIssue(proj, 2, gitlabfake.Issue{Title: "Other"})
	const sha = "0123456789abcdef0123456789abcdef01234567"
	f.AddMergeRequest(proj, 5, gitlabfake.MergeRequest{
		Title: "Feature", Description: "Closes #1", SourceBranch: "feat", SHA: sha, ClosesIssues: []int{1, 2},
	})
	c, err := gl.NewClient(gitlabfake.Token, gl.WithBaseURL(f.URL()), gl.WithHTTPClient(f.Client()), gl.WithoutRetries())
	if err != nil {
		t.Fatal(err)
	}
	ctx := gl.WithContext(context.Background())

	mr, _, err := c.MergeRequests.GetMergeRequest(proj, 5, nil, ctx)
	if err != nil {
		t.Fatal(err)
	}
	if mr.IID != 5 || mr.SHA != sha || mr.TargetBranch != "main" || mr.State != "opened" || mr.DetailedMergeStatus != "mergeable" {
		t.Errorf("MR = iid %d sha %s target %s state %s status %s", mr.IID, mr.SHA, mr.TargetBranch, mr.State, mr.DetailedMergeStatus)
	}

	closes, _, err := c.MergeRequests.GetIssuesClosedOnMerge(11, 5, nil, ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(closes) != 2 || closes[0].IID != 1 || closes[1].Title != "Other" {
		t.Errorf("closes_issues = %v", closes)
	}

	st, resp, err := c.Commits.SetCommitStatus(proj, sha, &gl.SetCommitStatusOptions{
		State: gl.Failed, Name: gl.Ptr("cochef/recette"), Description: gl.Ptr("2 récits à compléter"), TargetURL: gl.Ptr("https://x"),
	}, ctx)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 201 || st.Status != "failed" || st.Name != "cochef/recette" || st.SHA != sha {
		t.Errorf("status = %d %+v", resp.StatusCode, st)
	}
	if _, resp, err := c.Commits.SetCommitStatus(proj, "deadbeef", &gl.SetCommitStatusOptions{State: gl.Success}, ctx); err == nil || resp.StatusCode != 404 {
		t.Errorf("status on an unknown commit: %v", err)
	}
	if got := f.Statuses(proj); len(got) != 1 || got[0].Description != "2 récits à compléter" {
		t.Errorf("Statuses = %+v", got)
	}

	d, resp, err := c.Discussions.CreateMergeRequestDiscussion(proj, 5, &gl.CreateMergeRequestDiscussionOptions{Body: gl.Ptr("Récit #1 à compléter")}, ctx)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 201 || d.IndividualNote || len(d.Notes) != 1 || !d.Notes[0].Resolvable || d.Notes[0].Resolved {
		t.Fatalf("discussion = %d %+v", resp.StatusCode, d)
	}
	mr, _, err = c.MergeRequests.GetMergeRequest(proj, 5, nil, ctx)
	if err != nil {
		t.Fatal(err)
	}
	if mr.DetailedMergeStatus != "discussions_not_resolved" {
		t.Errorf("with an open thread, detailed_merge_status = %s", mr.DetailedMergeStatus)
	}
	if _, _, err := c.Discussions.UpdateMergeRequestDiscussionNote(proj, 5, d.ID, d.Notes[0].ID, &gl.UpdateMergeRequestDiscussionNoteOptions{Body: gl.Ptr("Récit #1 prêt")}, ctx); err != nil {
		t.Fatal(err)
	}
	resolved, _, err := c.Discussions.ResolveMergeRequestDiscussion(proj, 5, d.ID, &gl.ResolveMergeRequestDiscussionOptions{Resolved: gl.Ptr(true)}, ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !resolved.Notes[0].Resolved || resolved.Notes[0].Body != "Récit #1 prêt" {
		t.Errorf("resolved discussion = %+v", resolved.Notes[0])
	}
	list, _, err := c.Discussions.ListMergeRequestDiscussions(proj, 5, nil, ctx)
	if err != nil || len(list) != 1 || list[0].ID != d.ID {
		t.Errorf("ListMergeRequestDiscussions = %v, %v", list, err)
	}

	n, _, err := c.Notes.CreateMergeRequestNote(proj, 5, &gl.CreateMergeRequestNoteOptions{Body: gl.Ptr("résumé")}, ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Notes.UpdateMergeRequestNote(proj, 5, n.ID, &gl.UpdateMergeRequestNoteOptions{Body: gl.Ptr("résumé v2")}, ctx); err != nil {
		t.Fatal(err)
	}
	notes, _, err := c.Notes.ListMergeRequestNotes(proj, 5, &gl.ListMergeRequestNotesOptions{Sort: gl.Ptr("asc")}, ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 2 || notes[1].Body != "résumé v2" || notes[1].NoteableType != "MergeRequest" || notes[1].Resolvable {
		t.Errorf("MR notes = %+v", notes)
	}
	if got := f.Discussions(proj, 5); len(got) != 2 || !got[0].Notes[0].Resolved || !got[1].IndividualNote {
		t.Errorf("Discussions = %+v", got)
	}
	if got := f.MergeRequestNotes(proj, 5); len(got) != 2 {
		t.Errorf("MergeRequestNotes = %+v", got)
	}

	// An individual note is not a thread and cannot be resolved.
	_, resp, err = c.Discussions.ResolveMergeRequestDiscussion(proj, 5, f.Discussions(proj, 5)[1].ID, &gl.ResolveMergeRequestDiscussionOptions{Resolved: gl.Ptr(true)}, ctx)
	if err == nil || resp.StatusCode != 400 {
		t.Errorf("resolving an individual note: %v", err)
	}
}

func TestUsersAndMembers(t *testing.T) {
	f := setup(t)
	f.SetMember(proj, "dev", 30)
	var users []struct {
		ID       int64  `json:"id"`
		Username string `json:"username"`
	}
	do(t, f, "GET", "/api/v4/users?username=DEV", "", "", false).json(t, &users)
	if len(users) != 1 || users[0].Username != "dev" {
		t.Fatalf("users = %+v", users)
	}
	var m struct {
		AccessLevel int    `json:"access_level"`
		Username    string `json:"username"`
	}
	a := do(t, f, "GET", fmt.Sprintf("/api/v4/projects/11/members/all/%d", users[0].ID), "", "", false)
	a.json(t, &m)
	if a.status != 200 || m.AccessLevel != 30 || m.Username != "dev" {
		t.Errorf("member = %d %+v", a.status, m)
	}
	do(t, f, "GET", "/api/v4/users?username=ghost", "", "", false).json(t, &users)
	if len(users) != 0 {
		t.Errorf("unknown user listed: %+v", users)
	}
	if a := do(t, f, "GET", "/api/v4/projects/11/members/all/999999", "", "", false); a.status != 404 {
		t.Errorf("non-member: %d", a.status)
	}
}

func TestConcurrentWrites(t *testing.T) {
	f := setup(t)
	var wg sync.WaitGroup
	ids := make([]int64, 20)
	for i := range ids {
		wg.Go(func() {
			a, err := send(f, "POST", "/api/v4/projects/11/issues/1/notes", "application/json", fmt.Sprintf(`{"body":"n%d"}`, i), false)
			if err != nil {
				t.Error(err)
				return
			}
			var n struct {
				ID int64 `json:"id"`
			}
			if err := json.Unmarshal([]byte(a.body), &n); err != nil {
				t.Errorf("%d %s: %v", a.status, a.body, err)
			}
			ids[i] = n.ID
		})
	}
	wg.Wait()
	slices.Sort(ids)
	if len(slices.Compact(ids)) != 20 || len(f.Notes(proj, 1)) != 20 || len(f.Writes()) != 20 {
		t.Errorf("20 concurrent creations gave ids %v and %d notes", ids, len(f.Notes(proj, 1)))
	}
}
