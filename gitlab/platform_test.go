package gitlab_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/gitlab"
	"github.com/cochef/cochef/gitlab/gitlabfake"
)

const (
	projPath = "ministere/equipe/produit"
	projID   = 42
	marker   = "<!-- cochef:feedback -->"
)

var (
	byPath = core.Repo{Platform: core.GitLab, FullName: projPath}
	byID   = core.Repo{Platform: core.GitLab, FullName: projPath, ProjectID: projID}
)

func newFake(t *testing.T) *gitlabfake.Fake {
	t.Helper()
	f := gitlabfake.New(t)
	f.AddProject(projID, projPath)
	return f
}

func newClient(t *testing.T, f *gitlabfake.Fake, mods ...func(*gitlab.Config)) *gitlab.Client {
	t.Helper()
	cfg := gitlab.Config{
		BaseURL: f.URL(), Token: gitlabfake.Token, HTTPClient: f.Client(),
		WriteSpacing: gitlab.NoWriteSpacing,
		Logger:       slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	for _, m := range mods {
		m(&cfg)
	}
	c, err := gitlab.New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

func issueRef(repo core.Repo, n int) core.IssueRef { return core.IssueRef{Repo: repo, Number: n} }

func paths(reqs []gitlabfake.Request) []string {
	var out []string
	for _, r := range reqs {
		out = append(out, r.Method+" "+r.Path)
	}
	return out
}

func TestNewRefusesIncompleteConfig(t *testing.T) {
	tests := []struct {
		name string
		cfg  gitlab.Config
		want string
	}{
		{"no token", gitlab.Config{BaseURL: "https://gitlab.example.org"}, "token"},
		{"both tokens", gitlab.Config{BaseURL: "https://gitlab.example.org", Token: "a", TokenFile: "/x"}, "not both"},
		{"missing token file", gitlab.Config{BaseURL: "https://gitlab.example.org", TokenFile: filepath.Join(t.TempDir(), "nope")}, "token file"},
		{"no scheme", gitlab.Config{BaseURL: "gitlab.example.org", Token: "a"}, "http(s) URL"},
		{"empty URL", gitlab.Config{Token: "a"}, "http(s) URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := gitlab.New(tt.cfg)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("New: error %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

func TestGetIssue(t *testing.T) {
	f := newFake(t)
	f.AddIssue(projPath, 7, gitlabfake.Issue{
		Title: "En tant qu'agent", Description: "Je veux…", Labels: []string{"récit: à compléter", "bug"}, Author: "bob",
	})
	f.AddIssue(projPath, 8, gitlabfake.Issue{Title: "closed", State: "closed"})
	c := newClient(t, f)
	ctx := context.Background()

	tests := []struct {
		name      string
		ref       core.IssueRef
		wantPath  string
		wantState string
		wantTitle string
	}{
		{"by path", issueRef(byPath, 7), "/api/v4/projects/ministere%2Fequipe%2Fproduit/issues/7", "open", "En tant qu'agent"},
		{"by id", issueRef(byID, 7), "/api/v4/projects/42/issues/7", "open", "En tant qu'agent"},
		{"closed", issueRef(byID, 8), "/api/v4/projects/42/issues/8", "closed", "closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.Reset()
			is, err := c.GetIssue(ctx, tt.ref)
			if err != nil {
				t.Fatalf("GetIssue: %v", err)
			}
			if is.Title != tt.wantTitle || is.State != tt.wantState || is.Ref != tt.ref {
				t.Errorf("GetIssue = %+v, want title %q state %q ref %v", is, tt.wantTitle, tt.wantState, tt.ref)
			}
			if got := paths(f.Requests()); !slices.Equal(got, []string{"GET " + tt.wantPath}) {
				t.Errorf("requests = %q, want one GET %s", got, tt.wantPath)
			}
		})
	}

	is, err := c.GetIssue(ctx, issueRef(byID, 7))
	if err != nil {
		t.Fatal(err)
	}
	if is.Body != "Je veux…" || is.Author != "bob" || !slices.Equal(is.Labels, []string{"bug", "récit: à compléter"}) {
		t.Errorf("issue = %+v", is)
	}
	if !strings.HasSuffix(is.URL, "/"+projPath+"/-/issues/7") || is.UpdatedAt.IsZero() {
		t.Errorf("URL %q / UpdatedAt %v not filled", is.URL, is.UpdatedAt)
	}
}

func TestFindCommentReadsEveryPage(t *testing.T) {
	f := newFake(t)
	f.AddIssue(projPath, 1, gitlabfake.Issue{Title: "t"})
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	// 250 notes: ours is the 240th, so on the third page of 100. A system
	// note quoting the marker earlier must not be taken for ours.
	var want int64
	for i := range 250 {
		n := gitlabfake.Note{Body: fmt.Sprintf("note %d", i), CreatedAt: base.Add(time.Duration(i) * time.Minute)}
		switch i {
		case 5:
			// Anyone can paste the invisible marker: not ours.
			n.Body, n.Author = "planted "+marker, "visitor"
		case 10:
			n.Body, n.System = "changed the description "+marker, true
		case 239:
			n.Body, n.Author = "verdict\n"+marker, gitlabfake.BotUsername
		case 245:
			// A later copy (say, a user quoting it) must lose to the oldest.
			n.Body = "> quoted " + marker
		}
		id := f.AddNote(projPath, 1, n)
		if i == 239 {
			want = id
		}
	}
	c := newClient(t, f)

	got, err := c.FindComment(context.Background(), issueRef(byID, 1), marker)
	if err != nil {
		t.Fatalf("FindComment: %v", err)
	}
	if got == nil || got.ID != want || got.Author != gitlabfake.BotUsername {
		t.Fatalf("FindComment = %+v, want note %d by the bot", got, want)
	}
	var reqs []gitlabfake.Request
	var self int
	for _, r := range f.Requests() {
		if strings.HasSuffix(r.Path, "/user") {
			self++ // who the token is, asked once
			continue
		}
		reqs = append(reqs, r)
	}
	if len(reqs) != 3 || self != 1 {
		t.Fatalf("%d note requests and %d user requests, want 3 pages and 1: %q", len(reqs), self, paths(f.Requests()))
	}
	for i, r := range reqs {
		q, err := url.ParseQuery(r.Query)
		if err != nil {
			t.Fatal(err)
		}
		if q.Get("per_page") != "100" || q.Get("sort") != "asc" || q.Get("page") != fmt.Sprint(i+1) {
			t.Errorf("request %d query %q: want page=%d per_page=100 sort=asc", i, r.Query, i+1)
		}
	}

	f.Reset()
	none, err := c.FindComment(context.Background(), issueRef(byID, 1), "<!-- absent -->")
	if err != nil || none != nil {
		t.Fatalf("FindComment(absent) = %+v, %v; want nil, nil", none, err)
	}
	if n := len(f.Requests()); n != 3 {
		t.Errorf("absent marker: %d requests, want 3", n)
	}
}

func TestCreateAndEditNote(t *testing.T) {
	f := newFake(t)
	f.AddIssue(projPath, 3, gitlabfake.Issue{Title: "t"})
	userNote := f.AddNote(projPath, 3, gitlabfake.Note{Body: "a human wrote this", Author: "carol"})
	c := newClient(t, f)
	ctx := context.Background()
	ref := issueRef(byPath, 3)

	created, err := c.CreateComment(ctx, ref, "first "+marker)
	if err != nil {
		t.Fatalf("CreateComment: %v", err)
	}
	if created.ID == 0 || created.Body != "first "+marker || created.Author != gitlabfake.BotUsername {
		t.Fatalf("CreateComment = %+v", created)
	}
	if err := c.EditComment(ctx, ref, created.ID, "second "+marker); err != nil {
		t.Fatalf("EditComment: %v", err)
	}
	notes := f.Notes(projPath, 3)
	if len(notes) != 2 || notes[1].ID != created.ID || notes[1].Body != "second "+marker {
		t.Fatalf("notes = %+v, want the human's and ours edited in place", notes)
	}
	writes := f.Writes()
	want := []string{
		"POST /api/v4/projects/ministere%2Fequipe%2Fproduit/issues/3/notes",
		fmt.Sprintf("PUT /api/v4/projects/ministere%%2Fequipe%%2Fproduit/issues/3/notes/%d", created.ID),
	}
	if got := paths(writes); !slices.Equal(got, want) {
		t.Errorf("writes = %q, want %q", got, want)
	}
	if writes[0].Status != http.StatusCreated || writes[1].Status != http.StatusOK {
		t.Errorf("statuses = %d, %d; want 201, 200", writes[0].Status, writes[1].Status)
	}

	// Editing someone else's note is refused by GitLab: a permanent error.
	err = c.EditComment(ctx, ref, userNote, "hijack")
	var apiErr *core.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusForbidden || !core.IsPermanent(err) {
		t.Fatalf("EditComment(other's note) = %v, want permanent 403", err)
	}
}

func TestEnsureLabelsCreatesOnlyMissingOnce(t *testing.T) {
	f := newFake(t)
	f.AddLabel(projPath, gitlabfake.Label{Name: "récit: prêt", Color: "#00ff00", Description: "kept as is"})
	c := newClient(t, f)
	ctx := context.Background()
	want := []core.Label{
		{Name: "récit: prêt", Color: "0e8a16", Description: "ignored: exists"},
		{Name: "récit: à compléter", Color: "fbca04", Description: "Le récit doit être complété"},
		{Name: "sécurité: à revoir", Color: "d93f0b", Description: "Revue sécurité"},
	}

	if err := c.EnsureLabels(ctx, byID, want); err != nil {
		t.Fatalf("EnsureLabels: %v", err)
	}
	got := f.ProjectLabels(projPath)
	wantLabels := []gitlabfake.Label{
		{Name: "récit: prêt", Color: "#00ff00", Description: "kept as is"},
		{Name: "récit: à compléter", Color: "#fbca04", Description: "Le récit doit être complété"},
		{Name: "sécurité: à revoir", Color: "#d93f0b", Description: "Revue sécurité"},
	}
	for i := range got {
		got[i].ID = 0
	}
	if !slices.Equal(got, wantLabels) {
		t.Errorf("project labels = %+v\nwant %+v", got, wantLabels)
	}
	if got := paths(f.Requests()); len(got) != 3 || !strings.HasPrefix(got[0], "GET ") {
		t.Errorf("requests = %q, want one list and two creations", got)
	}

	// Known now: no request at all.
	f.Reset()
	if err := c.EnsureLabels(ctx, byID, want[1:]); err != nil {
		t.Fatal(err)
	}
	if n := len(f.Requests()); n != 0 {
		t.Errorf("second EnsureLabels sent %d requests, want 0", n)
	}
}

func TestEnsureLabelsToleratesConcurrentCreation(t *testing.T) {
	f := newFake(t)
	a := newClient(t, f)
	b := newClient(t, f)
	labels := []core.Label{{Name: "récit: prêt", Color: "0e8a16"}}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, c := range []*gitlab.Client{a, b} {
		wg.Go(func() { errs[i] = c.EnsureLabels(context.Background(), byPath, labels) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("client %d: %v", i, err)
		}
	}
	if n := len(f.ProjectLabels(projPath)); n != 1 {
		t.Errorf("%d labels, want 1", n)
	}
}

func TestLabelsOnIssueOnePutEach(t *testing.T) {
	f := newFake(t)
	f.AddIssue(projPath, 5, gitlabfake.Issue{Title: "t", Labels: []string{"équipe: api", "récit: à compléter"}})
	c := newClient(t, f)
	ctx := context.Background()
	ref := issueRef(byID, 5)

	if err := c.AddLabels(ctx, ref, []string{"récit: prêt", "sécurité: à revoir"}); err != nil {
		t.Fatalf("AddLabels: %v", err)
	}
	if err := c.RemoveLabel(ctx, ref, "récit: à compléter"); err != nil {
		t.Fatalf("RemoveLabel: %v", err)
	}
	if err := c.AddLabels(ctx, ref, nil); err != nil {
		t.Fatalf("AddLabels(nil): %v", err)
	}
	want := []string{"récit: prêt", "sécurité: à revoir", "équipe: api"}
	if got := f.IssueLabels(projPath, 5); !slices.Equal(got, want) {
		t.Errorf("issue labels = %q, want %q", got, want)
	}
	writes := f.Writes()
	if len(writes) != 2 {
		t.Fatalf("writes = %q, want exactly 2 PUTs", paths(writes))
	}
	for i, wantBody := range []string{
		`{"add_labels":"récit: prêt,sécurité: à revoir"}`,
		`{"remove_labels":"récit: à compléter"}`,
	} {
		if writes[i].Method != http.MethodPut || writes[i].Path != "/api/v4/projects/42/issues/5" {
			t.Errorf("write %d = %s %s", i, writes[i].Method, writes[i].Path)
		}
		if got := strings.TrimSpace(writes[i].Body); got != wantBody {
			t.Errorf("write %d body = %s, want %s (a minimal diff, never the full label set)", i, got, wantBody)
		}
	}

	if err := c.AddLabels(ctx, ref, []string{"a,b"}); err == nil {
		t.Error("AddLabels accepted a label with a comma, which GitLab would split")
	}
}

func TestAccessMapping(t *testing.T) {
	f := newFake(t)
	for user, level := range map[string]int{"owner": 50, "maint": 40, "dev": 30, "rep": 20, "planner": 15, "guest": 10} {
		f.SetMember(projPath, user, level)
	}
	f.SetMember(projPath, "outsider", 0)
	c := newClient(t, f)
	tests := []struct {
		user     string
		want     core.Access
		requests int
	}{
		{"owner", core.AccessAdmin, 2},
		{"maint", core.AccessAdmin, 2},
		{"dev", core.AccessWrite, 2},
		{"@dev", core.AccessWrite, 2},
		{"rep", core.AccessRead, 2},
		{"planner", core.AccessRead, 2},
		{"guest", core.AccessRead, 2},
		{"outsider", core.AccessNone, 2},
		{"nobody", core.AccessNone, 1},
	}
	for _, tt := range tests {
		t.Run(tt.user, func(t *testing.T) {
			f.Reset()
			got, err := c.Access(context.Background(), byID, tt.user)
			if err != nil {
				t.Fatalf("Access: %v", err)
			}
			if got != tt.want {
				t.Errorf("Access(%s) = %v, want %v", tt.user, got, tt.want)
			}
			reqs := f.Requests()
			if len(reqs) != tt.requests {
				t.Fatalf("requests = %q, want %d", paths(reqs), tt.requests)
			}
			if reqs[0].Route != "/users" {
				t.Errorf("first request %s, want the user lookup", reqs[0].Path)
			}
			if tt.requests == 2 && reqs[1].Route != "/projects/:id/members/all/:user_id" {
				t.Errorf("second request %s, want members/all (inherited roles count)", reqs[1].Path)
			}
		})
	}
}

func TestReadConfigFallsBack(t *testing.T) {
	f := newFake(t)
	f.AddProject(7, "ministere/cochef-config")
	f.AddProject(8, "ministere/autre")
	f.SetFile(projPath, ".gitlab/cochef.yml", "lang: en\n")
	f.SetFile("ministere/cochef-config", "cochef.yml", "lang: fr\n")
	withGroup := newClient(t, f, func(c *gitlab.Config) { c.ConfigProject = "ministere/cochef-config" })
	noGroup := newClient(t, f)
	ctx := context.Background()

	tests := []struct {
		name       string
		c          *gitlab.Client
		repo       core.Repo
		wantFound  bool
		wantData   string
		wantSource string
		wantPaths  []string
	}{
		{
			"project file", withGroup, byPath, true, "lang: en\n", projPath + ":.gitlab/cochef.yml",
			[]string{"GET /api/v4/projects/ministere%2Fequipe%2Fproduit/repository/files/%2Egitlab%2Fcochef%2Eyml/raw"},
		},
		{
			"group fallback", withGroup, core.Repo{Platform: core.GitLab, FullName: "ministere/autre", ProjectID: 8}, true, "lang: fr\n", "ministere/cochef-config:cochef.yml",
			[]string{
				"GET /api/v4/projects/8/repository/files/%2Egitlab%2Fcochef%2Eyml/raw",
				"GET /api/v4/projects/ministere%2Fcochef-config/repository/files/cochef%2Eyml/raw",
			},
		},
		{
			"no fallback configured", noGroup, core.Repo{Platform: core.GitLab, FullName: "ministere/autre"}, false, "", "",
			[]string{"GET /api/v4/projects/ministere%2Fautre/repository/files/%2Egitlab%2Fcochef%2Eyml/raw"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.Reset()
			data, source, found, err := tt.c.ReadConfig(ctx, tt.repo)
			if err != nil {
				t.Fatalf("ReadConfig: %v", err)
			}
			if found != tt.wantFound || string(data) != tt.wantData || source != tt.wantSource {
				t.Errorf("ReadConfig = %q, %q, %v; want %q, %q, %v", data, source, found, tt.wantData, tt.wantSource, tt.wantFound)
			}
			reqs := f.Requests()
			if got := paths(reqs); !slices.Equal(got, tt.wantPaths) {
				t.Errorf("requests = %q\nwant %q", got, tt.wantPaths)
			}
			for _, r := range reqs {
				if r.Query != "ref=HEAD" {
					t.Errorf("query %q, want ref=HEAD (the default branch)", r.Query)
				}
			}
		})
	}

	t.Run("neither", func(t *testing.T) {
		f.DeleteFile("ministere/cochef-config", "cochef.yml")
		_, _, found, err := withGroup.ReadConfig(ctx, core.Repo{Platform: core.GitLab, ProjectID: 8})
		if err != nil || found {
			t.Fatalf("ReadConfig = found %v, %v; want not found, no error", found, err)
		}
	})

	t.Run("server error is not a missing file", func(t *testing.T) {
		f.FailNext(1, http.StatusInternalServerError, nil)
		_, _, found, err := withGroup.ReadConfig(ctx, byPath)
		if err == nil || found || core.IsPermanent(err) {
			t.Fatalf("ReadConfig under a 500 = found %v, %v; want a transient error", found, err)
		}
	})
}

func TestErrorAnswers(t *testing.T) {
	reset := time.Now().Add(90 * time.Second).Unix()
	tests := []struct {
		name          string
		status        int
		header        http.Header
		token         string
		wantStatus    int
		wantPermanent bool
		wantRateLimit bool
		wantRetry     func(time.Duration) bool
		wantMessage   string
	}{
		{
			name: "429 Retry-After seconds", status: 429, header: http.Header{"Retry-After": {"30"}},
			wantStatus: 429, wantRateLimit: true,
			wantRetry:   func(d time.Duration) bool { return d == 30*time.Second },
			wantMessage: "Retry later",
		},
		{
			name: "429 RateLimit-Reset", status: 429, header: http.Header{"Ratelimit-Reset": {fmt.Sprint(reset)}},
			wantStatus: 429, wantRateLimit: true,
			wantRetry: func(d time.Duration) bool { return d > 80*time.Second && d <= 90*time.Second },
		},
		{
			name: "429 Retry-After date", status: 429,
			header:     http.Header{"Retry-After": {time.Now().Add(2 * time.Minute).UTC().Format(http.TimeFormat)}},
			wantStatus: 429, wantRateLimit: true,
			wantRetry: func(d time.Duration) bool { return d > 100*time.Second && d <= 2*time.Minute },
		},
		{
			name: "500 transient", status: 500, wantStatus: 500,
			wantRetry:   func(d time.Duration) bool { return d == 0 },
			wantMessage: "500 Internal Server Error",
		},
		{
			name: "503 with Retry-After", status: 503, header: http.Header{"Retry-After": {"5"}}, wantStatus: 503,
			wantRetry: func(d time.Duration) bool { return d == 5*time.Second },
		},
		{
			name: "404 permanent", wantStatus: 404, wantPermanent: true,
			wantRetry: func(d time.Duration) bool { return d == 0 },
		},
		{
			name: "bad token 401 waits for the operator", token: "glpat-revoked", wantStatus: 401, wantPermanent: false,
			wantRetry:   func(d time.Duration) bool { return d == 0 },
			wantMessage: "401 Unauthorized",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t)
			f.AddIssue(projPath, 1, gitlabfake.Issue{Title: "t"})
			c := newClient(t, f, func(cfg *gitlab.Config) {
				if tt.token != "" {
					cfg.Token = tt.token
				}
			})
			number := 1
			if tt.status != 0 {
				f.FailNext(1, tt.status, tt.header)
			} else if tt.token == "" {
				number = 404
			}
			_, err := c.GetIssue(context.Background(), issueRef(byID, number))
			var apiErr *core.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("GetIssue error %v (%T), want *core.APIError", err, err)
			}
			if apiErr.Platform != core.GitLab || apiErr.Method != http.MethodGet || apiErr.Status != tt.wantStatus {
				t.Errorf("APIError = %+v, want gitlab GET %d", apiErr, tt.wantStatus)
			}
			if !strings.HasPrefix(apiErr.Route, "/api/v4/projects/42/issues/") {
				t.Errorf("Route = %q, want the request path", apiErr.Route)
			}
			if core.IsPermanent(err) != tt.wantPermanent || apiErr.RateLimited != tt.wantRateLimit {
				t.Errorf("permanent %v rate-limited %v, want %v %v", core.IsPermanent(err), apiErr.RateLimited, tt.wantPermanent, tt.wantRateLimit)
			}
			if !tt.wantRetry(apiErr.RetryAfter) {
				t.Errorf("RetryAfter = %v", apiErr.RetryAfter)
			}
			if tt.wantMessage != "" && apiErr.Message != tt.wantMessage {
				t.Errorf("Message = %q, want %q", apiErr.Message, tt.wantMessage)
			}
			// client-go must not retry behind the queue's back.
			if n := len(f.Requests()); n != 1 {
				t.Errorf("%d requests, want exactly 1 (no hidden retry)", n)
			}
		})
	}
}

func TestWritesAreSpaced(t *testing.T) {
	f := newFake(t)
	f.AddIssue(projPath, 1, gitlabfake.Issue{Title: "t"})
	const spacing = 60 * time.Millisecond
	c := newClient(t, f, func(cfg *gitlab.Config) { cfg.WriteSpacing = spacing })
	ctx := context.Background()
	start := time.Now()
	for i := range 3 {
		if _, err := c.CreateComment(ctx, issueRef(byID, 1), fmt.Sprint("n", i)); err != nil {
			t.Fatal(err)
		}
	}
	// Reads are not held back.
	if _, err := c.GetIssue(ctx, issueRef(byID, 1)); err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(start); elapsed < 2*spacing {
		t.Errorf("3 writes took %v, want at least %v", elapsed, 2*spacing)
	}

	// Zero is the default spacing, not none.
	d := newClient(t, f, func(cfg *gitlab.Config) { cfg.WriteSpacing = 0 })
	start = time.Now()
	for range 2 {
		if _, err := d.CreateComment(ctx, issueRef(byID, 1), "d"); err != nil {
			t.Fatal(err)
		}
	}
	if elapsed := time.Since(start); elapsed < gitlab.DefaultWriteSpacing {
		t.Errorf("2 writes with WriteSpacing 0 took %v, want at least DefaultWriteSpacing", elapsed)
	}

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := c.CreateComment(cctx, issueRef(byID, 1), "late"); !errors.Is(err, context.Canceled) {
		t.Errorf("write with a cancelled context = %v, want context.Canceled", err)
	}
}

func TestOnRequestReportsRouteTemplates(t *testing.T) {
	f := newFake(t)
	f.AddIssue(projPath, 1, gitlabfake.Issue{Title: "t"})
	type seen struct {
		method, route string
		status        int
	}
	var mu sync.Mutex
	var got []seen
	c := newClient(t, f, func(cfg *gitlab.Config) {
		cfg.OnRequest = func(m, r string, s int) {
			mu.Lock()
			defer mu.Unlock()
			got = append(got, seen{m, r, s})
		}
	})
	ctx := context.Background()
	if _, err := c.GetIssue(ctx, issueRef(byPath, 1)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetIssue(ctx, issueRef(byPath, 2)); err == nil {
		t.Fatal("GetIssue of a missing issue succeeded")
	}
	if _, err := c.CreateComment(ctx, issueRef(byPath, 1), "x"); err != nil {
		t.Fatal(err)
	}
	want := []seen{
		{"GET", "/projects/:id/issues/:issue_iid", 200},
		{"GET", "/projects/:id/issues/:issue_iid", 404},
		{"POST", "/projects/:id/issues/:issue_iid/notes", 201},
	}
	if !slices.Equal(got, want) {
		t.Errorf("OnRequest saw %+v, want %+v", got, want)
	}
}

func TestTokenFileIsReadAgainWhenItChanges(t *testing.T) {
	f := newFake(t)
	f.AddIssue(projPath, 1, gitlabfake.Issue{Title: "t"})
	path := filepath.Join(t.TempDir(), "token")
	write := func(tok string, at time.Time) {
		t.Helper()
		if err := os.WriteFile(path, []byte(tok+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, at, at); err != nil {
			t.Fatal(err)
		}
	}
	t0 := time.Now().Add(-time.Hour)
	write("glpat-expired", t0)
	c := newClient(t, f, func(cfg *gitlab.Config) { cfg.Token, cfg.TokenFile = "", path })
	ctx := context.Background()

	_, err := c.GetIssue(ctx, issueRef(byID, 1))
	var apiErr *core.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusUnauthorized {
		t.Fatalf("with the old token: %v, want 401", err)
	}
	write(gitlabfake.Token, t0.Add(time.Minute))
	if _, err := c.GetIssue(ctx, issueRef(byID, 1)); err != nil {
		t.Fatalf("after rotation: %v", err)
	}
	if got := f.Requests()[1].Header.Get("Private-Token"); got != gitlabfake.Token {
		t.Errorf("PRIVATE-TOKEN = %q after rotation", got)
	}
}

// slowFirstWrite delays the first write it carries, as a slow GitLab would.
type slowFirstWrite struct {
	next  http.RoundTripper
	delay time.Duration
	seen  atomic.Bool
}

func (s *slowFirstWrite) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method != http.MethodGet && s.seen.CompareAndSwap(false, true) {
		time.Sleep(s.delay)
	}
	return s.next.RoundTrip(r)
}

func TestSlowWriteDoesNotHoldTheNextPastItsDeadline(t *testing.T) {
	f := newFake(t)
	f.AddIssue(projPath, 1, gitlabfake.Issue{Title: "t"})
	hc := f.Client()
	hc.Transport = &slowFirstWrite{next: hc.Transport, delay: 600 * time.Millisecond}
	c := newClient(t, f, func(cfg *gitlab.Config) {
		cfg.WriteSpacing = 20 * time.Millisecond
		cfg.HTTPClient = hc
	})
	go func() {
		_, _ = c.CreateComment(context.Background(), issueRef(byID, 1), "slow") // its outcome is not this test's
	}()
	time.Sleep(50 * time.Millisecond) // the slow write is on the wire
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := c.CreateComment(ctx, issueRef(byID, 1), "next"); err != nil {
		t.Fatalf("the next write failed behind a slow one: %v", err)
	}
	if d := time.Since(start); d > 250*time.Millisecond {
		t.Fatalf("the next write waited %v for the slow one to finish", d)
	}
}
