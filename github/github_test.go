package github_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/github"
	"github.com/cochef/cochef/github/githubfake"
)

const (
	routeIssue        = "GET /repos/{owner}/{repo}/issues/{issue_number}"
	routeComments     = "GET /repos/{owner}/{repo}/issues/{issue_number}/comments"
	routeNewComment   = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments"
	routeEditComment  = "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}"
	routeGetLabel     = "GET /repos/{owner}/{repo}/labels/{name}"
	routeNewLabel     = "POST /repos/{owner}/{repo}/labels"
	routeAddLabels    = "POST /repos/{owner}/{repo}/issues/{issue_number}/labels"
	routeRemoveLabel  = "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"
	routeContents     = "GET /repos/{owner}/{repo}/contents/{path}"
	routeAccessToken  = "POST /app/installations/{installation_id}/access_tokens"
	marker            = "<!-- cochef:feedback -->"
	installationHello = 7
)

var (
	hello = core.Repo{Platform: core.GitHub, FullName: "octo/hello", InstallationID: installationHello}
	issue = core.IssueRef{Repo: hello, Number: 1}
	ctx   = context.Background()
)

// tokenClient authenticates with a plain token and does not space writes.
func tokenClient(t *testing.T, f *githubfake.Fake) *github.Client {
	t.Helper()
	c, err := github.New(github.Config{
		APIURL:       f.URL(),
		Token:        "test-token",
		HTTPClient:   f.Client(),
		WriteSpacing: github.NoWriteSpacing,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var (
	keyOnce sync.Once
	appKey  *rsa.PrivateKey
	keyErr  error
)

// connect is the Platform of repo's installation.
func connect(t *testing.T, c *github.Client, repo core.Repo) core.Platform {
	t.Helper()
	p, err := c.Connect(repo)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// appClient authenticates as App 42 with a key the fake checks.
func appClient(t *testing.T, f *githubfake.Fake, spacing time.Duration) *github.Client {
	t.Helper()
	keyOnce.Do(func() { appKey, keyErr = rsa.GenerateKey(rand.Reader, 2048) })
	if keyErr != nil {
		t.Fatal(keyErr)
	}
	f.SetAppKey(42, &appKey.PublicKey)
	keyPEM := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(appKey)})
	c, err := github.New(github.Config{
		APIURL:       f.URL(),
		AppID:        42,
		PrivateKey:   keyPEM,
		HTTPClient:   f.Client(),
		WriteSpacing: spacing,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestGetIssueRereadsConditionally(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "En tant qu'agent", Body: "je veux…", Labels: []string{"bug"}, Author: "alice"})
	client := tokenClient(t, f)
	c := connect(t, client, hello)

	first, err := c.GetIssue(ctx, issue)
	if err != nil {
		t.Fatal(err)
	}
	if first.Title != "En tant qu'agent" || first.Body != "je veux…" || first.Author != "alice" ||
		first.State != "open" || len(first.Labels) != 1 || first.Labels[0] != "bug" || first.Ref != issue ||
		first.URL != "https://github.com/octo/hello/issues/1" || first.UpdatedAt.IsZero() {
		t.Errorf("first read %+v", first)
	}
	second, err := c.GetIssue(ctx, issue)
	if err != nil {
		t.Fatal(err)
	}
	if second.Body != first.Body || second.Title != first.Title {
		t.Errorf("the 304 path gave %+v, want the cached issue", second)
	}
	calls := f.Calls(routeIssue)
	if len(calls) != 2 {
		t.Fatalf("%d reads, want 2", len(calls))
	}
	if calls[0].Header.Get("If-None-Match") != "" || calls[0].Status != 200 {
		t.Errorf("first read sent If-None-Match %q, got %d", calls[0].Header.Get("If-None-Match"), calls[0].Status)
	}
	if calls[1].Header.Get("If-None-Match") == "" || calls[1].Status != http.StatusNotModified {
		t.Errorf("second read sent If-None-Match %q and got %d, want the ETag and 304", calls[1].Header.Get("If-None-Match"), calls[1].Status)
	}

	f.SetIssueBody("octo/hello", 1, "je veux autre chose")
	third, err := c.GetIssue(ctx, issue)
	if err != nil {
		t.Fatal(err)
	}
	if third.Body != "je veux autre chose" {
		t.Errorf("after an edit the body is %q", third.Body)
	}
	if got := client.Stats().NotModified; got != 1 {
		t.Errorf("Stats().NotModified = %d, want 1", got)
	}
}

func TestFindCommentWalksEveryPage(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	for i := range 249 {
		f.AddComment("octo/hello", 1, githubfake.Comment{Body: fmt.Sprintf("comment %d", i), Author: "alice"})
	}
	client := tokenClient(t, f)
	c := connect(t, client, hello)

	got, err := c.FindComment(ctx, issue, marker)
	if err != nil || got != nil {
		t.Fatalf("without a marker: %+v, %v; want nil, nil", got, err)
	}
	if n := len(f.Calls(routeComments)); n != 3 {
		t.Errorf("%d pages read for 249 comments, want 3", n)
	}

	id := f.AddComment("octo/hello", 1, githubfake.Comment{Body: "Retour\n" + marker, Author: "cochef-user"})
	f.Reset()
	got, err = c.FindComment(ctx, issue, marker)
	if err != nil {
		t.Fatal(err)
	}
	if got == nil || got.ID != id || !strings.Contains(got.Body, marker) {
		t.Fatalf("found %+v, want comment %d", got, id)
	}
	calls := f.Calls(routeComments)
	if len(calls) != 3 {
		t.Fatalf("%d pages read, want 3", len(calls))
	}
	if calls[0].Query.Get("per_page") != "100" {
		t.Errorf("first page asked per_page=%q, want 100", calls[0].Query.Get("per_page"))
	}
	for _, p := range calls[1:] {
		if !strings.HasPrefix(p.Path, "/repositories/") {
			t.Errorf("page %s: want the Link header's URL followed as given", p.Path)
		}
	}
}

func TestFindCommentAsAppSkipsPeopleAndOtherApps(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	f.AddComment("octo/hello", 1, githubfake.Comment{Body: "I copied it: " + marker, Author: "mallory"})
	f.AddComment("octo/hello", 1, githubfake.Comment{Body: marker, Author: "other[bot]", AppID: 99})
	ours := f.AddComment("octo/hello", 1, githubfake.Comment{Body: "ours " + marker, Author: "cochef[bot]", AppID: 42})
	client := appClient(t, f, github.NoWriteSpacing)
	c := connect(t, client, hello)

	got, err := c.FindComment(ctx, issue, marker)
	if err != nil {
		t.Fatal(err)
	}
	if got == nil || got.ID != ours || got.Author != "cochef[bot]" {
		t.Fatalf("found %+v, want the App's own comment %d", got, ours)
	}
}

func TestCreateAndEditComment(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	client := tokenClient(t, f)
	c := connect(t, client, hello)

	created, err := c.CreateComment(ctx, issue, "à compléter "+marker)
	if err != nil {
		t.Fatal(err)
	}
	if created.ID == 0 || created.Body != "à compléter "+marker || created.Author != githubfake.TokenUser {
		t.Errorf("created %+v", created)
	}
	if err := c.EditComment(ctx, issue, created.ID, "prêt "+marker); err != nil {
		t.Fatal(err)
	}
	cs := f.Comments("octo/hello", 1)
	if len(cs) != 1 || cs[0].ID != created.ID || cs[0].Body != "prêt "+marker {
		t.Errorf("comments %+v, want one edited in place", cs)
	}
	if n := len(f.Calls(routeEditComment)); n != 1 {
		t.Errorf("%d edits, want 1", n)
	}

	err = c.EditComment(ctx, issue, 999999, "x")
	var api *core.APIError
	if !errors.As(err, &api) || api.Status != 404 || !api.Permanent() || api.Method != "PATCH" ||
		api.Route != "/repos/octo/hello/issues/comments/999999" || api.Platform != "github" {
		t.Errorf("editing a missing comment: %#v", err)
	}
	_, err = c.CreateComment(ctx, issue, strings.Repeat("x", 65537))
	if !errors.As(err, &api) || api.Status != 422 || !core.IsPermanent(err) {
		t.Errorf("a comment over 65,536 characters: %v, want a permanent 422", err)
	}
}

func TestEnsureLabelsCreatesOnlyMissingOnes(t *testing.T) {
	f := githubfake.New(t)
	f.AddRepo("octo/hello")
	f.AddLabel("octo/hello", githubfake.Label{Name: "récit: prêt", Color: "0e8a16", Description: "déjà là"})
	client := tokenClient(t, f)
	c := connect(t, client, hello)
	want := []core.Label{
		{Name: "récit: prêt", Color: "00ff00", Description: "ignored: exists"},
		{Name: "récit: à compléter", Color: "fbca04", Description: "Le récit doit être complété"},
		{Name: "sécurité: à revoir", Color: "#b60205", Description: "Notes de sécurité à revoir"},
	}
	if err := c.EnsureLabels(ctx, hello, want); err != nil {
		t.Fatal(err)
	}
	got := map[string]githubfake.Label{}
	for _, l := range f.RepoLabels("octo/hello") {
		got[l.Name] = l
	}
	if l := got["récit: prêt"]; l.Color != "0e8a16" || l.Description != "déjà là" {
		t.Errorf("existing label changed: %+v", l)
	}
	if l := got["récit: à compléter"]; l.Color != "fbca04" || l.Description != "Le récit doit être complété" {
		t.Errorf("created %+v", l)
	}
	if l := got["sécurité: à revoir"]; l.Color != "b60205" {
		t.Errorf("created %+v, want colour without '#'", l)
	}
	if n := len(f.Calls(routeGetLabel)); n != 3 {
		t.Errorf("%d label lookups, want 3", n)
	}
	if n := len(f.Calls(routeNewLabel)); n != 2 {
		t.Errorf("%d labels created, want 2 (the missing ones)", n)
	}

	f.Reset()
	if err := c.EnsureLabels(ctx, hello, want); err != nil {
		t.Fatal(err)
	}
	if n := len(f.Requests()); n != 0 {
		t.Errorf("second EnsureLabels made %d requests, want 0 (labels remembered)", n)
	}
}

func TestAddAndRemoveLabels(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t", Labels: []string{"bug"}})
	client := tokenClient(t, f)
	c := connect(t, client, hello)

	if err := c.AddLabels(ctx, issue, []string{"récit: à compléter", "sécurité: à revoir"}); err != nil {
		t.Fatal(err)
	}
	if got := f.IssueLabels("octo/hello", 1); strings.Join(got, "|") != "bug|récit: à compléter|sécurité: à revoir" {
		t.Errorf("labels %v", got)
	}
	add := f.Calls(routeAddLabels)
	if len(add) != 1 {
		t.Fatalf("%d add calls, want 1", len(add))
	}
	var body struct{ Labels []string }
	if err := json.Unmarshal([]byte(add[0].Body), &body); err != nil || len(body.Labels) != 2 {
		t.Errorf("add body %s, want {\"labels\": [two names]}", add[0].Body)
	}

	if err := c.RemoveLabel(ctx, issue, "récit: à compléter"); err != nil {
		t.Fatal(err)
	}
	if err := c.RemoveLabel(ctx, issue, "not there"); err != nil {
		t.Errorf("removing a label the issue does not have: %v, want success", err)
	}
	if got := f.IssueLabels("octo/hello", 1); strings.Join(got, "|") != "bug|sécurité: à revoir" {
		t.Errorf("labels after removal %v", got)
	}
	rm := f.Calls(routeRemoveLabel)
	if len(rm) != 2 || rm[1].Status != 404 {
		t.Errorf("remove calls %+v", rm)
	}

	f.Reset()
	if err := c.AddLabels(ctx, issue, nil); err != nil {
		t.Fatal(err)
	}
	if n := len(f.Requests()); n != 0 {
		t.Errorf("adding no labels made %d requests", n)
	}
	if err := c.RemoveLabel(ctx, core.IssueRef{Repo: hello, Number: 404}, "bug"); err != nil {
		t.Errorf("removing from a missing issue: %v (404 is success for RemoveLabel)", err)
	}
}

func TestAccessMapsGitHubRoles(t *testing.T) {
	f := githubfake.New(t)
	for _, role := range []string{"admin", "maintain", "write", "triage", "read", "none"} {
		f.SetPermission("octo/hello", "u-"+role, role)
	}
	client := tokenClient(t, f)
	c := connect(t, client, hello)
	cases := []struct {
		user string
		want core.Access
	}{
		{"u-admin", core.AccessAdmin},
		{"u-maintain", core.AccessWrite},
		{"u-write", core.AccessWrite},
		{"u-triage", core.AccessRead},
		{"u-read", core.AccessRead},
		{"u-none", core.AccessNone},
		{"stranger", core.AccessNone},
	}
	for _, tc := range cases {
		got, err := c.Access(ctx, hello, tc.user)
		if err != nil || got != tc.want {
			t.Errorf("Access(%s) = %v, %v; want %v", tc.user, got, err, tc.want)
		}
	}
	f.FailNext(1, http.StatusNotFound, nil)
	if got, err := c.Access(ctx, hello, "ghost"); err != nil || got != core.AccessNone {
		t.Errorf("a 404 gave %v, %v; want AccessNone and no error", got, err)
	}
	f.FailNext(1, http.StatusInternalServerError, nil)
	if _, err := c.Access(ctx, hello, "u-write"); err == nil || core.IsPermanent(err) {
		t.Errorf("a 500 gave %v, want a transient error", err)
	}
}

func TestReadConfigFallsBackToTheOrganisation(t *testing.T) {
	repoYAML := "lang: en\n"
	orgYAML := "lang: fr\nlabels:\n  ready: \"récit: prêt\"\n"
	cases := []struct {
		name       string
		setup      func(*githubfake.Fake)
		wantFound  bool
		wantData   string
		wantSource string
	}{
		{"repository file", func(f *githubfake.Fake) {
			f.SetFile("octo/hello", ".github/cochef.yml", repoYAML)
			f.SetFile("octo/.github", "cochef.yml", orgYAML)
		}, true, repoYAML, "octo/hello:.github/cochef.yml"},
		{"organisation file", func(f *githubfake.Fake) {
			f.SetFile("octo/.github", "cochef.yml", orgYAML)
		}, true, orgYAML, "octo/.github:cochef.yml"},
		{"organisation .github without the file", func(f *githubfake.Fake) {
			f.SetFile("octo/.github", "README.md", "hi")
		}, false, "", ""},
		{"no .github repository", func(f *githubfake.Fake) {}, false, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := githubfake.New(t)
			f.AddRepo("octo/hello")
			tc.setup(f)
			client := tokenClient(t, f)
			c := connect(t, client, hello)
			data, source, found, err := c.ReadConfig(ctx, hello)
			if err != nil {
				t.Fatal(err)
			}
			if found != tc.wantFound || string(data) != tc.wantData || source != tc.wantSource {
				t.Errorf("got %q from %q (found %v), want %q from %q", data, source, found, tc.wantData, tc.wantSource)
			}
		})
	}

	t.Run("unchanged file is a 304", func(t *testing.T) {
		f := githubfake.New(t)
		f.SetFile("octo/hello", ".github/cochef.yml", repoYAML)
		client := tokenClient(t, f)
		c := connect(t, client, hello)
		for range 2 {
			if data, _, _, err := c.ReadConfig(ctx, hello); err != nil || string(data) != repoYAML {
				t.Fatalf("%q, %v", data, err)
			}
		}
		calls := f.Calls(routeContents)
		if len(calls) != 2 || calls[1].Status != http.StatusNotModified {
			t.Errorf("contents reads %d, second answered %d; want a 304", len(calls), calls[len(calls)-1].Status)
		}
		f.SetFile("octo/hello", ".github/cochef.yml", "lang: fr\n")
		if data, _, _, err := c.ReadConfig(ctx, hello); err != nil || string(data) != "lang: fr\n" {
			t.Errorf("after a change: %q, %v", data, err)
		}
	})

	t.Run("server error is not taken for no file", func(t *testing.T) {
		f := githubfake.New(t)
		f.AddRepo("octo/hello")
		client := tokenClient(t, f)
		c := connect(t, client, hello)
		f.FailNext(1, http.StatusBadGateway, nil)
		if _, _, found, err := c.ReadConfig(ctx, hello); err == nil || found || core.IsPermanent(err) {
			t.Errorf("found %v err %v, want a transient error", found, err)
		}
	})
}

func TestErrorMapping(t *testing.T) {
	reset := time.Now().Add(2 * time.Minute)
	cases := []struct {
		name            string
		failure         githubfake.Failure
		status          int
		permanent       bool
		rateLimited     bool
		minWait, maxWai time.Duration
	}{
		{"not found is permanent", githubfake.Failure{Status: 404}, 404, true, false, 0, 0},
		{"gone is permanent", githubfake.Failure{Status: 410, Message: "This issue was deleted"}, 410, true, false, 0, 0},
		{"permission 403 is permanent", githubfake.Failure{Status: 403}, 403, true, false, 0, 0},
		{"bad credentials wait for the operator", githubfake.Failure{Status: 401, Message: "Bad credentials"}, 401, false, false, 0, 0},
		{"server error is transient", githubfake.Failure{Status: 500}, 500, false, false, 0, 0},
		{"bad gateway is transient", githubfake.Failure{Status: 502}, 502, false, false, 0, 0},
		{"unavailable with Retry-After is honoured", githubfake.Failure{Status: 503, Header: http.Header{"Retry-After": {"120"}}},
			503, false, false, 2 * time.Minute, 2 * time.Minute},
		{"secondary limit with Retry-After", githubfake.Failure{Status: 403, Header: http.Header{"Retry-After": {"30"}}},
			403, false, true, 30 * time.Second, 30 * time.Second},
		{"429 with Retry-After", githubfake.Failure{Status: 429, Header: http.Header{"Retry-After": {"5"}}},
			429, false, true, 5 * time.Second, 5 * time.Second},
		{"primary limit waits for the reset", githubfake.Failure{Status: 403, Header: http.Header{
			"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {strconv.FormatInt(reset.Unix(), 10)}}},
			403, false, true, 100 * time.Second, 121 * time.Second},
		{"secondary limit without headers waits a minute", githubfake.Failure{Status: 403,
			Message:          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
			DocumentationURL: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"},
			403, false, true, time.Minute, time.Minute},
		{"secondary limit message with another documentation URL", githubfake.Failure{Status: 403,
			Message: "You have exceeded a secondary rate limit.", DocumentationURL: "https://docs.github.com/rest"},
			403, false, true, time.Minute, time.Minute},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := githubfake.New(t)
			f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
			client := tokenClient(t, f)
			c := connect(t, client, hello)
			tc.failure.Times = 1
			f.Fail(tc.failure)
			_, err := c.GetIssue(ctx, issue)
			var api *core.APIError
			if !errors.As(err, &api) {
				t.Fatalf("error %v (%T), want *core.APIError", err, err)
			}
			if api.Status != tc.status || api.Permanent() != tc.permanent || api.RateLimited != tc.rateLimited ||
				api.RetryAfter < tc.minWait || api.RetryAfter > tc.maxWai {
				t.Errorf("got %+v (permanent %v), want status %d permanent %v rate-limited %v wait in [%v, %v]",
					api, api.Permanent(), tc.status, tc.permanent, tc.rateLimited, tc.minWait, tc.maxWai)
			}
			if api.Method != "GET" || api.Route != "/repos/octo/hello/issues/1" || api.Message == "" {
				t.Errorf("method %q route %q message %q", api.Method, api.Route, api.Message)
			}
			if wait, ok := core.RetryAfter(err); (tc.rateLimited || tc.minWait > 0) && (!ok || wait != api.RetryAfter) {
				t.Errorf("core.RetryAfter = %v, %v", wait, ok)
			}
		})
	}
}

func TestRateLimitedClientWaitsBeforeCallingAgain(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	client := tokenClient(t, f)
	c := connect(t, client, hello)
	f.FailNext(1, http.StatusForbidden, http.Header{"Retry-After": {"30"}})
	if _, err := c.GetIssue(ctx, issue); err == nil {
		t.Fatal("want the rate-limit error")
	}
	_, err := c.CreateComment(ctx, issue, "x")
	var api *core.APIError
	if !errors.As(err, &api) || !api.RateLimited || api.RetryAfter < 25*time.Second {
		t.Errorf("call during the wait: %v, want a rate-limit error with the rest of the wait", err)
	}
	if n := len(f.Requests()); n != 1 {
		t.Errorf("GitHub received %d requests, want 1: the second must not be sent while limited", n)
	}
}

func TestAppAuthMintsOneTokenPerInstallation(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts []githubfake.Option
	}{
		{"github.com", nil},
		{"enterprise server /api/v3", []githubfake.Option{githubfake.WithBasePath("/api/v3/")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := githubfake.New(t, tc.opts...)
			f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
			f.AddIssue("octo/other", 2, githubfake.Issue{Title: "t"})
			client := appClient(t, f, github.NoWriteSpacing)
			c := connect(t, client, hello)

			for range 3 {
				if _, err := c.GetIssue(ctx, issue); err != nil {
					t.Fatal(err)
				}
			}
			cm, err := c.CreateComment(ctx, issue, marker)
			if err != nil {
				t.Fatal(err)
			}
			if cm.Author != "cochef[bot]" {
				t.Errorf("comment author %q, want the App's bot", cm.Author)
			}
			if n := len(f.Calls(routeAccessToken)); n != 1 {
				t.Errorf("token endpoint hit %d times for 4 calls, want 1 (token cached)", n)
			}
			for _, r := range f.Requests() {
				if r.Route == routeAccessToken {
					if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") || !strings.HasSuffix(r.Path, "/installations/7/access_tokens") {
						t.Errorf("token request %s with %q", r.Path, r.Header.Get("Authorization"))
					}
					continue
				}
				if r.Installation != installationHello || !strings.HasPrefix(r.Header.Get("Authorization"), "token ghs_") {
					t.Errorf("%s %s authenticated as installation %d with %q", r.Method, r.Path, r.Installation, r.Header.Get("Authorization"))
				}
			}

			other := core.IssueRef{Repo: core.Repo{Platform: core.GitHub, FullName: "octo/other", InstallationID: 8}, Number: 2}
			if _, err := connect(t, client, other.Repo).GetIssue(ctx, other); err != nil {
				t.Fatal(err)
			}
			// The installation's token serves whatever the reference says.
			if _, err := connect(t, client, other.Repo).GetIssue(ctx, core.IssueRef{Repo: core.Repo{FullName: "octo/other"}, Number: 2}); err != nil {
				t.Fatal(err)
			}
			if n := f.TokensIssued(); n != 2 {
				t.Errorf("%d tokens for two installations, want 2", n)
			}
			if st := client.Stats(); st.TokenMints != 2 || st.Writes != 1 || st.Reads != 5 {
				t.Errorf("stats %+v, want 2 token mints, 1 write, 5 reads", st)
			}

			if _, err := client.Connect(core.Repo{FullName: "octo/hello"}); !core.IsPermanent(err) {
				t.Errorf("a repository without installation id must be refused for good in App mode, got %v", err)
			}
		})
	}
}

// ghinstallation renews a token when less than a minute of it is left
// (transport.go: refresh at ExpiresAt - 1 min), and otherwise reuses it.
func TestAppTokenRenewedNearExpiry(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	f.SetTokenLifetime(50 * time.Second)
	client := appClient(t, f, github.NoWriteSpacing)
	c := connect(t, client, hello)
	for range 3 {
		if _, err := c.GetIssue(ctx, issue); err != nil {
			t.Fatal(err)
		}
	}
	if n := f.TokensIssued(); n != 3 {
		t.Errorf("%d tokens for 3 calls with tokens expiring within the minute, want 3 (renewed each time)", n)
	}
}

func TestPrivateKeyFile(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	appClient(t, f, github.NoWriteSpacing) // makes the key and registers it
	path := filepath.Join(t.TempDir(), "app.pem")
	keyPEM := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(appKey)})
	if err := os.WriteFile(path, keyPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	client, err := github.New(github.Config{APIURL: f.URL(), AppID: 42, PrivateKeyFile: path, HTTPClient: f.Client()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := connect(t, client, hello).GetIssue(ctx, issue); err != nil {
		t.Errorf("with the key from a file: %v", err)
	}
}

func TestUninstalledAppIsPermanent(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	client := appClient(t, f, github.NoWriteSpacing)
	c := connect(t, client, hello)
	f.Fail(githubfake.Failure{Times: 1, Route: routeAccessToken, Status: 404})
	_, err := c.GetIssue(ctx, issue)
	var api *core.APIError
	if !errors.As(err, &api) || api.Status != 404 || !api.Permanent() || api.Route != "/app/installations/7/access_tokens" {
		t.Errorf("token 404: %#v, want a permanent APIError on the token route", err)
	}
	f.Fail(githubfake.Failure{Times: 1, Route: routeAccessToken, Status: 503})
	_, err = c.GetIssue(ctx, issue)
	if !errors.As(err, &api) || api.Status != 503 || api.Permanent() {
		t.Errorf("token 503: %#v, want a transient APIError", err)
	}
	if _, err := c.GetIssue(ctx, issue); err != nil {
		t.Errorf("after GitHub recovered: %v", err)
	}
}

func TestWritesAreSpaced(t *testing.T) {
	const spacing = 150 * time.Millisecond
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	client := appClient(t, f, spacing)
	c := connect(t, client, hello)

	if _, err := c.GetIssue(ctx, issue); err != nil { // mints the token first
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Go(func() {
			if _, err := c.CreateComment(ctx, issue, fmt.Sprintf("c%d", i)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if err := c.AddLabels(ctx, issue, []string{"x"}); err != nil {
		t.Fatal(err)
	}
	readStart := time.Now()
	if _, err := c.GetIssue(ctx, issue); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(readStart); d > spacing/2 {
		t.Errorf("a read right after a write took %v: reads must not wait", d)
	}

	writes := f.Writes()
	if len(writes) != 4 {
		t.Fatalf("%d writes, want 4", len(writes))
	}
	for i := 1; i < len(writes); i++ {
		// The fake stamps arrival; the spacing runs from the previous
		// answer, so arrivals are at least the spacing apart.
		if gap := writes[i].Time.Sub(writes[i-1].Time); gap < spacing-10*time.Millisecond {
			t.Errorf("write %d came %v after the previous one, want ≥ %v", i, gap, spacing)
		}
	}

	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.CreateComment(short, issue, "too late")
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > spacing {
		t.Errorf("a write whose context ends while waiting: %v after %v", err, time.Since(start))
	}
	if n := len(f.Writes()); n != 4 {
		t.Errorf("%d writes reached GitHub, want still 4", n)
	}
}

func TestRateRemainingAndHook(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	type seen struct {
		method, route string
		status        int
	}
	var mu sync.Mutex
	var calls []seen
	client, err := github.New(github.Config{
		APIURL: f.URL(), Token: "t", HTTPClient: f.Client(), WriteSpacing: github.NoWriteSpacing,
		OnRequest: func(method, route string, status int) {
			mu.Lock()
			defer mu.Unlock()
			calls = append(calls, seen{method, route, status})
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := client.RateRemaining(); got != -1 {
		t.Errorf("RateRemaining before any call = %d, want -1", got)
	}
	c := connect(t, client, hello)
	f.SetRateLimit(10, time.Now().Add(time.Hour))
	for range 2 {
		if _, err := c.GetIssue(ctx, issue); err != nil {
			t.Fatal(err)
		}
	}
	if got := client.RateRemaining(); got != 9 {
		t.Errorf("RateRemaining = %d, want 9 (the 304 was free)", got)
	}
	if err := c.RemoveLabel(ctx, issue, "récit: prêt"); err != nil {
		t.Fatal(err)
	}
	want := []seen{
		{"GET", "/repos/{owner}/{repo}/issues/{issue_number}", 200},
		{"GET", "/repos/{owner}/{repo}/issues/{issue_number}", 304},
		{"DELETE", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", 404},
	}
	mu.Lock()
	defer mu.Unlock()
	if fmt.Sprint(calls) != fmt.Sprint(want) {
		t.Errorf("hook saw %v, want %v", calls, want)
	}
}

func TestNewRefusesIncompleteCredentials(t *testing.T) {
	for _, cfg := range []github.Config{
		{},
		{AppID: 1},
		{AppID: 1, PrivateKey: []byte("not a key")},
		{AppID: 1, PrivateKeyFile: "/nonexistent/key.pem"},
		{Token: "t", APIURL: "not a url"},
	} {
		if _, err := github.New(cfg); err == nil {
			t.Errorf("New(%+v) succeeded", cfg)
		}
	}
}
