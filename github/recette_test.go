package github_test

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/github/githubfake"
)

const (
	routePull        = "GET /repos/{owner}/{repo}/pulls/{pull_number}"
	routeNewCheckRun = "POST /repos/{owner}/{repo}/check-runs"
	routeCheckRun    = "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"
	routeTeam        = "GET /orgs/{org}/teams/{team_slug}/memberships/{username}"
)

var pull = core.IssueRef{Repo: hello, Number: 7, MergeRequest: true}

func TestGetMergeRequest(t *testing.T) {
	f := githubfake.New(t)
	f.AddPull("octo/hello", 7, githubfake.Pull{Title: "Export", Body: "Closes #12", HeadSHA: "abc123", Author: "dev", Milestone: "v1.2"})
	f.SetIssueLabels("octo/hello", 7, []string{"recette: en cours"})
	client := tokenClient(t, f)
	c := connect(t, client, hello)
	mr, err := c.GetMergeRequest(ctx, pull)
	if err != nil {
		t.Fatal(err)
	}
	want := core.MergeRequest{Ref: pull, Title: "Export", Body: "Closes #12", HeadSHA: "abc123", State: "open",
		Author: "dev", URL: "https://github.com/octo/hello/pull/7", Labels: []string{"recette: en cours"}, Milestone: "v1.2"}
	if !reflect.DeepEqual(mr, want) {
		t.Fatalf("got  %+v\nwant %+v", mr, want)
	}
	f.SetPullState("octo/hello", 7, "merged")
	if mr, err = c.GetMergeRequest(ctx, pull); err != nil || mr.State != "merged" {
		t.Fatalf("merged pull: %+v, %v", mr, err)
	}
	if _, err := c.GetMergeRequest(ctx, core.IssueRef{Repo: hello, Number: 8, MergeRequest: true}); !core.IsPermanent(err) {
		t.Fatalf("missing pull: %v, want a permanent error", err)
	}
}

func recordedClosing(t *testing.T) any {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "graphql-closing-issues.json"))
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestClosingIssuesFromGraphQL(t *testing.T) {
	for _, base := range []string{"", "/api/v3/"} {
		t.Run("base="+base, func(t *testing.T) {
			var opts []githubfake.Option
			if base != "" {
				opts = append(opts, githubfake.WithBasePath(base))
			}
			f := githubfake.New(t, opts...)
			f.AddPull("octo/hello", 7, githubfake.Pull{Title: "Export"})
			answer := recordedClosing(t)
			var gotVars map[string]any
			f.SetGraphQL(func(query string, vars map[string]any) (int, any) {
				if !strings.Contains(query, "closingIssuesReferences") {
					t.Errorf("unexpected query %s", query)
				}
				gotVars = vars
				return http.StatusOK, answer
			})
			client := tokenClient(t, f)
			c := connect(t, client, hello)
			mr := core.MergeRequest{Ref: pull}
			refs, err := c.ClosingIssues(ctx, mr)
			if err != nil {
				t.Fatal(err)
			}
			want := []core.IssueRef{
				{Repo: core.Repo{Platform: core.GitHub, FullName: "octo/hello", InstallationID: installationHello}, Number: 12},
				{Repo: core.Repo{Platform: core.GitHub, FullName: "octo/referentiel", InstallationID: installationHello}, Number: 3},
			}
			if !reflect.DeepEqual(refs, want) {
				t.Fatalf("refs = %+v\nwant %+v", refs, want)
			}
			if gotVars["owner"] != "octo" || gotVars["name"] != "hello" || gotVars["number"] != float64(7) {
				t.Fatalf("variables %v", gotVars)
			}
			calls := f.Calls("POST /graphql")
			if len(calls) != 1 || calls[0].IsWrite() {
				t.Fatalf("GraphQL calls %+v, want one read", calls)
			}
		})
	}
}

func TestClosingIssuesGraphQLErrorKeepsKeywords(t *testing.T) {
	f := githubfake.New(t)
	f.SetGraphQL(func(string, map[string]any) (int, any) {
		return http.StatusOK, map[string]any{
			"data":   map[string]any{"repository": map[string]any{"pullRequest": nil}},
			"errors": []map[string]any{{"type": "NOT_FOUND", "message": "Could not resolve to a PullRequest with the number of 7."}},
		}
	})
	refs, err := connect(t, tokenClient(t, f), hello).ClosingIssues(ctx, core.MergeRequest{Ref: pull})
	if err != nil || len(refs) != 0 {
		t.Fatalf("refs %v, err %v: a GraphQL error answer is no reference, not a failure", refs, err)
	}
}

func TestRecetteCheckRun(t *testing.T) {
	f := githubfake.New(t)
	f.AddPull("octo/hello", 7, githubfake.Pull{Title: "Export", HeadSHA: "abc123"})
	client := appClient(t, f, -1)
	c := connect(t, client, hello)
	mr := core.MergeRequest{Ref: pull, HeadSHA: "abc123"}

	id, err := c.SetRecetteStatus(ctx, mr, core.RecetteStatus{State: core.RecettePending, Title: "3/7 critères validés",
		Summary: "Reste à valider :\n- 4. …", URL: "https://github.com/octo/hello/pull/7#issuecomment-1"})
	if err != nil || id == 0 {
		t.Fatalf("create: %d, %v", id, err)
	}
	runs := f.CheckRuns("octo/hello")
	if len(runs) != 1 || runs[0].Name != core.RecetteStatusName || runs[0].HeadSHA != "abc123" || runs[0].Status != "in_progress" ||
		runs[0].Conclusion != "" || runs[0].Title != "3/7 critères validés" || !strings.HasPrefix(runs[0].Summary, "Reste") ||
		runs[0].DetailsURL == "" {
		t.Fatalf("check run %+v", runs)
	}
	id2, err := c.SetRecetteStatus(ctx, mr, core.RecetteStatus{State: core.RecetteSuccess, Title: "7/7", Summary: "ok", ID: id})
	if err != nil || id2 != id {
		t.Fatalf("update: %d, %v", id2, err)
	}
	runs = f.CheckRuns("octo/hello")
	if len(runs) != 1 || runs[0].Status != "completed" || runs[0].Conclusion != "success" {
		t.Fatalf("after success %+v", runs)
	}
	if _, err := c.SetRecetteStatus(ctx, core.MergeRequest{Ref: pull, HeadSHA: "def456"}, core.RecetteStatus{State: core.RecetteNeutral, Title: "Aucun récit lié", Summary: "rien"}); err != nil {
		t.Fatal(err)
	}
	runs = f.CheckRuns("octo/hello")
	if len(runs) != 2 || runs[1].HeadSHA != "def456" || runs[1].Conclusion != "neutral" {
		t.Fatalf("neutral %+v", runs)
	}
	// An id GitHub no longer knows: a new check run.
	if _, err := c.SetRecetteStatus(ctx, mr, core.RecetteStatus{State: core.RecettePending, Title: "t", Summary: "s", ID: 999999}); err != nil {
		t.Fatal(err)
	}
	if n := len(f.CheckRuns("octo/hello")); n != 3 {
		t.Fatalf("%d check runs after a lost id, want 3", n)
	}
	for _, r := range f.Requests() {
		if r.Refused != "" {
			t.Errorf("the fake refused %s %s: %s", r.Method, r.Path, r.Refused)
		}
	}
	if len(f.Calls(routeNewCheckRun)) != 3 || len(f.Calls(routeCheckRun)) != 2 {
		t.Fatalf("creates %d updates %d", len(f.Calls(routeNewCheckRun)), len(f.Calls(routeCheckRun)))
	}
}

func TestIsTeamMember(t *testing.T) {
	f := githubfake.New(t)
	f.AddRepo("octo/hello")
	f.SetTeamMember("octo/metier", "marie", "member")
	client := tokenClient(t, f)
	c := connect(t, client, hello)
	for _, tc := range []struct {
		team, user string
		want       bool
	}{
		{"octo/metier", "marie", true},
		{"@octo/metier", "Marie", true},
		{"octo/metier", "paul", false},
		{"octo/inconnue", "marie", false},
		{"pas-une-equipe", "marie", false},
	} {
		got, err := c.IsTeamMember(ctx, hello, tc.team, tc.user)
		if err != nil || got != tc.want {
			t.Errorf("IsTeamMember(%s, %s) = %v, %v; want %v", tc.team, tc.user, got, err, tc.want)
		}
	}
	if n := len(f.Calls(routeTeam)); n != 4 {
		t.Errorf("%d membership reads, want 4 (a name without a slash is not asked)", n)
	}
}
