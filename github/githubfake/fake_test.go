package githubfake_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cochef/cochef/github/githubfake"
)

// recorder is a TB that records the fake's test failures instead of
// failing, so the refusals themselves can be asserted.
type recorder struct {
	t    *testing.T
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Helper()           {}
func (r *recorder) Cleanup(fn func()) { r.t.Cleanup(fn) }
func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, format)
}
func (r *recorder) failures() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.errs)
}

type result struct {
	status int
	header http.Header
	body   string
}

func do(t *testing.T, f *githubfake.Fake, method, path, body string, header map[string]string) result {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, f.URL()+strings.TrimPrefix(path, "/"), rd)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(path, "http") {
		req, err = http.NewRequest(method, path, rd)
		if err != nil {
			t.Fatal(err)
		}
	}
	req.Header.Set("Authorization", "token test")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := f.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return result{status: resp.StatusCode, header: resp.Header, body: string(b)}
}

func TestRefusesWhatGitHubDoesNotDescribe(t *testing.T) {
	cases := []struct {
		name, method, path, body string
		status                   int
	}{
		{"unknown route", "GET", "/repos/octo/hello/issues/1/reactions-unknown", "", 404},
		{"unknown method on a known path", "PUT", "/repos/octo/hello/issues/1", `{}`, 404},
		{"issue number not an integer", "GET", "/repos/octo/hello/issues/one", "", 404},
		{"create comment without body field", "POST", "/repos/octo/hello/issues/1/comments", `{"text":"hi"}`, 400},
		{"create comment with no body at all", "POST", "/repos/octo/hello/issues/1/comments", "", 400},
		{"body field of the wrong type", "POST", "/repos/octo/hello/issues/1/comments", `{"body":42}`, 400},
		{"labels as a bare array (the description documents the object form)", "POST", "/repos/octo/hello/issues/1/labels", `["bug"]`, 400},
		{"label without a name", "POST", "/repos/octo/hello/labels", `{"color":"ff0000"}`, 400},
		{"completed check run without conclusion", "PATCH", "/repos/octo/hello/check-runs/5", `{"status":"completed"}`, 400},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := &recorder{t: t}
			f := githubfake.New(rec)
			f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
			got := do(t, f, tc.method, tc.path, tc.body, nil)
			if got.status != tc.status {
				t.Errorf("status %d, want %d (%s)", got.status, tc.status, got.body)
			}
			if rec.failures() != 1 {
				t.Errorf("the fake reported %d test failures, want 1", rec.failures())
			}
			reqs := f.Requests()
			if len(reqs) != 1 || reqs[0].Refused == "" {
				t.Errorf("recorded %+v, want one refused request", reqs)
			}
			if len(f.Comments("octo/hello", 1)) != 0 {
				t.Error("a refused request changed state")
			}
		})
	}
}

func TestAcceptsDescribedRequestsWithoutFailing(t *testing.T) {
	rec := &recorder{t: t}
	f := githubfake.New(rec)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	if got := do(t, f, "POST", "/repos/octo/hello/issues/1/labels", `{"labels":["bug",{"name":"ux"}]}`, nil); got.status != 200 {
		t.Fatalf("add labels: %d %s", got.status, got.body)
	}
	if got := do(t, f, "DELETE", "/repos/octo/hello/issues/1/labels/ux", "", nil); got.status != 200 {
		t.Fatalf("remove label: %d %s", got.status, got.body)
	}
	if rec.failures() != 0 {
		t.Fatalf("valid requests were refused: %v", rec.errs)
	}
	if got := f.IssueLabels("octo/hello", 1); len(got) != 1 || got[0] != "bug" {
		t.Errorf("issue labels %v, want [bug]", got)
	}
}

func TestCommentsCreateEditAndLimits(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})

	got := do(t, f, "POST", "/repos/octo/hello/issues/1/comments", `{"body":"first"}`, nil)
	if got.status != http.StatusCreated {
		t.Fatalf("create: %d %s", got.status, got.body)
	}
	var c struct {
		ID   int64 `json:"id"`
		User struct {
			Login string `json:"login"`
			Type  string `json:"type"`
		} `json:"user"`
	}
	if err := json.Unmarshal([]byte(got.body), &c); err != nil {
		t.Fatal(err)
	}
	if c.User.Login != githubfake.TokenUser || c.User.Type != "User" {
		t.Errorf("author %+v, want the token's user", c.User)
	}
	second := do(t, f, "POST", "/repos/octo/hello/issues/1/comments", `{"body":"second"}`, nil)
	var c2 struct{ ID int64 }
	if err := json.Unmarshal([]byte(second.body), &c2); err != nil {
		t.Fatal(err)
	}
	if c2.ID <= c.ID {
		t.Errorf("ids %d then %d, want increasing", c.ID, c2.ID)
	}

	edit := do(t, f, "PATCH", "/repos/octo/hello/issues/comments/"+strconv.FormatInt(c.ID, 10), `{"body":"edited"}`, nil)
	if edit.status != http.StatusOK {
		t.Fatalf("edit: %d %s", edit.status, edit.body)
	}
	if cs := f.Comments("octo/hello", 1); len(cs) != 2 || cs[0].Body != "edited" || cs[1].Body != "second" {
		t.Errorf("comments %+v", cs)
	}

	long, err := json.Marshal(map[string]string{"body": strings.Repeat("é", 65537)})
	if err != nil {
		t.Fatal(err)
	}
	if got := do(t, f, "POST", "/repos/octo/hello/issues/1/comments", string(long), nil); got.status != http.StatusUnprocessableEntity {
		t.Errorf("65,537-character comment: %d, want 422", got.status)
	}
	okLong, err := json.Marshal(map[string]string{"body": strings.Repeat("é", 65536)})
	if err != nil {
		t.Fatal(err)
	}
	if got := do(t, f, "POST", "/repos/octo/hello/issues/1/comments", string(okLong), nil); got.status != http.StatusCreated {
		t.Errorf("65,536-character comment: %d, want 201", got.status)
	}
	if got := do(t, f, "POST", "/repos/octo/missing/issues/1/comments", `{"body":"x"}`, nil); got.status != 404 || !strings.Contains(got.body, `"Not Found"`) {
		t.Errorf("unknown repository: %d %s", got.status, got.body)
	}
}

func TestConditionalReadsAndRateHeaders(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t", Body: "b"})
	first := do(t, f, "GET", "/repos/octo/hello/issues/1", "", nil)
	etag := first.header.Get("ETag")
	if first.status != 200 || etag == "" {
		t.Fatalf("first read: %d etag %q", first.status, etag)
	}
	rem1, _ := strconv.Atoi(first.header.Get("X-Ratelimit-Remaining"))
	second := do(t, f, "GET", "/repos/octo/hello/issues/1", "", map[string]string{"If-None-Match": etag})
	if second.status != http.StatusNotModified || second.body != "" {
		t.Fatalf("conditional read: %d %q, want 304 without body", second.status, second.body)
	}
	rem2, _ := strconv.Atoi(second.header.Get("X-Ratelimit-Remaining"))
	if rem2 != rem1 {
		t.Errorf("remaining %d after a 304, want %d (304s are free)", rem2, rem1)
	}
	f.SetIssueBody("octo/hello", 1, "changed")
	third := do(t, f, "GET", "/repos/octo/hello/issues/1", "", map[string]string{"If-None-Match": etag})
	if third.status != 200 || !strings.Contains(third.body, "changed") {
		t.Errorf("read after an edit: %d", third.status)
	}
	for _, h := range []string{"X-Ratelimit-Limit", "X-Ratelimit-Reset", "X-Ratelimit-Used", "X-Ratelimit-Resource"} {
		if third.header.Get(h) == "" {
			t.Errorf("missing %s", h)
		}
	}

	f.SetRateLimit(1, time.Now().Add(time.Minute))
	if got := do(t, f, "GET", "/repos/octo/hello/issues/1", "", nil); got.status != 200 || got.header.Get("X-Ratelimit-Remaining") != "0" {
		t.Errorf("last request of the window: %d remaining %s", got.status, got.header.Get("X-Ratelimit-Remaining"))
	}
	if got := do(t, f, "GET", "/repos/octo/hello/issues/1", "", nil); got.status != 403 || !strings.Contains(got.body, "rate limit") {
		t.Errorf("over the limit: %d %s, want 403 rate limit", got.status, got.body)
	}
}

func TestPaginationFollowsGitHub(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	for i := range 250 {
		f.AddComment("octo/hello", 1, githubfake.Comment{Body: "c" + strconv.Itoa(i)})
	}
	count := func(body string) int {
		var list []map[string]any
		if err := json.Unmarshal([]byte(body), &list); err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	def := do(t, f, "GET", "/repos/octo/hello/issues/1/comments", "", nil)
	if n := count(def.body); n != 30 {
		t.Errorf("default page size %d, want 30", n)
	}
	capped := do(t, f, "GET", "/repos/octo/hello/issues/1/comments?per_page=500", "", nil)
	if n := count(capped.body); n != 100 {
		t.Errorf("per_page=500 gave %d, want GitHub's maximum 100", n)
	}

	next := "/repos/octo/hello/issues/1/comments?per_page=100"
	var sizes []int
	for next != "" {
		page := do(t, f, "GET", next, "", nil)
		if page.status != 200 {
			t.Fatalf("GET %s: %d", next, page.status)
		}
		sizes = append(sizes, count(page.body))
		next = ""
		for part := range strings.SplitSeq(page.header.Get("Link"), ",") {
			if strings.Contains(part, `rel="next"`) {
				next = strings.Trim(strings.TrimSpace(strings.Split(part, ";")[0]), "<>")
				if !strings.Contains(next, "/repositories/") {
					t.Errorf("next link %s, want GitHub's /repositories/{id}/ form", next)
				}
			}
		}
		if len(sizes) > 5 {
			t.Fatal("pagination does not end")
		}
	}
	if len(sizes) != 3 || sizes[0] != 100 || sizes[1] != 100 || sizes[2] != 50 {
		t.Errorf("page sizes %v, want [100 100 50]", sizes)
	}
}

func TestInjectedFailures(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	f.FailNext(2, http.StatusBadGateway, nil)
	var got []int
	for range 3 {
		got = append(got, do(t, f, "GET", "/repos/octo/hello/issues/1", "", nil).status)
	}
	if got[0] != 502 || got[1] != 502 || got[2] != 200 {
		t.Errorf("statuses %v, want [502 502 200]", got)
	}

	f.FailNext(1, http.StatusForbidden, http.Header{"Retry-After": {"30"}})
	sec := do(t, f, "GET", "/repos/octo/hello/issues/1", "", nil)
	if sec.status != 403 || sec.header.Get("Retry-After") != "30" || !strings.Contains(sec.body, "secondary rate limit") {
		t.Errorf("secondary limit answer: %d %v %s", sec.status, sec.header, sec.body)
	}

	f.Fail(githubfake.Failure{Times: 1, Route: "POST /repos/{owner}/{repo}/issues/{issue_number}/comments", Status: 500})
	if got := do(t, f, "GET", "/repos/octo/hello/issues/1", "", nil); got.status != 200 {
		t.Errorf("a failure aimed at comments hit a read: %d", got.status)
	}
	if got := do(t, f, "POST", "/repos/octo/hello/issues/1/comments", `{"body":"x"}`, nil); got.status != 500 {
		t.Errorf("aimed failure: %d, want 500", got.status)
	}

	f.FailFor(150*time.Millisecond, http.StatusServiceUnavailable, nil)
	if got := do(t, f, "GET", "/repos/octo/hello/issues/1", "", nil); got.status != 503 {
		t.Errorf("during the outage: %d", got.status)
	}
	time.Sleep(200 * time.Millisecond)
	if got := do(t, f, "GET", "/repos/octo/hello/issues/1", "", nil); got.status != 200 {
		t.Errorf("after the outage: %d", got.status)
	}
}

func TestInstallationTokens(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	f := githubfake.New(t)
	f.SetAppKey(42, &key.PublicKey)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})

	jwt := signJWT(t, key, 42)
	tok := do(t, f, "POST", "/app/installations/7/access_tokens", "", map[string]string{"Authorization": "Bearer " + jwt})
	if tok.status != http.StatusCreated {
		t.Fatalf("token: %d %s", tok.status, tok.body)
	}
	var answer struct {
		Token     string    `json:"token"`
		ExpiresAt time.Time `json:"expires_at"`
	}
	if err := json.Unmarshal([]byte(tok.body), &answer); err != nil {
		t.Fatal(err)
	}
	if d := time.Until(answer.ExpiresAt); d < 59*time.Minute || d > time.Hour {
		t.Errorf("token expires in %v, want an hour", d)
	}
	c := do(t, f, "POST", "/repos/octo/hello/issues/1/comments", `{"body":"hi"}`, map[string]string{"Authorization": "token " + answer.Token})
	if c.status != 201 || !strings.Contains(c.body, `"cochef[bot]"`) || !strings.Contains(c.body, `"performed_via_github_app"`) {
		t.Errorf("comment with an installation token: %d %s", c.status, c.body)
	}
	reqs := f.Requests()
	if last := reqs[len(reqs)-1]; last.Installation != 7 {
		t.Errorf("request attributed to installation %d, want 7", last.Installation)
	}

	other, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	if got := do(t, f, "POST", "/app/installations/7/access_tokens", "", map[string]string{"Authorization": "Bearer " + signJWT(t, other, 42)}); got.status != 401 {
		t.Errorf("JWT signed with another key: %d, want 401", got.status)
	}
	if got := do(t, f, "GET", "/repos/octo/hello/issues/1", "", map[string]string{"Authorization": ""}); got.status != 401 {
		t.Errorf("no credentials: %d, want 401", got.status)
	}
	if f.TokensIssued() != 1 {
		t.Errorf("tokens issued %d, want 1", f.TokensIssued())
	}
	if w := f.Writes(); len(w) != 1 || w[0].Route != "POST /repos/{owner}/{repo}/issues/{issue_number}/comments" {
		t.Errorf("writes %+v, want the comment only (token requests are not writes)", w)
	}
}

func TestGraphQLNeedsAHandler(t *testing.T) {
	f := githubfake.New(t)
	f.SetGraphQL(func(query string, vars map[string]any) (int, any) {
		return 200, map[string]any{"data": map[string]any{"echo": vars["x"]}}
	})
	got := do(t, f, "POST", "/graphql", `{"query":"query { echo }","variables":{"x":"y"}}`, nil)
	if got.status != 200 || !strings.Contains(got.body, `"echo":"y"`) {
		t.Errorf("graphql: %d %s", got.status, got.body)
	}
	if len(f.Writes()) != 0 {
		t.Error("a GraphQL query counted as a write")
	}
}

func TestEnterpriseBasePath(t *testing.T) {
	f := githubfake.New(t, githubfake.WithBasePath("/api/v3/"))
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	if !strings.HasSuffix(f.URL(), "/api/v3/") {
		t.Fatalf("URL %s", f.URL())
	}
	if got := do(t, f, "GET", "/repos/octo/hello/issues/1", "", nil); got.status != 200 {
		t.Errorf("GET under /api/v3: %d", got.status)
	}
	if r := f.Requests()[0]; r.Path != "/repos/octo/hello/issues/1" {
		t.Errorf("recorded path %q, want it without the base path", r.Path)
	}
}

func TestCommentsChangedByHand(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	keep := f.AddComment("octo/hello", 1, githubfake.Comment{Body: "keep"})
	gone := f.AddComment("octo/hello", 1, githubfake.Comment{Body: "gone"})
	f.EditComment("octo/hello", keep, "edited by hand")
	f.DeleteComment("octo/hello", gone)
	cs := f.Comments("octo/hello", 1)
	if len(cs) != 1 || cs[0].ID != keep || cs[0].Body != "edited by hand" {
		t.Errorf("comments %+v", cs)
	}
	if got := do(t, f, "PATCH", "/repos/octo/hello/issues/comments/"+strconv.FormatInt(gone, 10), `{"body":"x"}`, nil); got.status != 404 {
		t.Errorf("editing a deleted comment: %d, want 404", got.status)
	}
}

// A held request waits for its release whether or not its client still
// waits, and is then carried out: a write that hangs and lands later.
func TestHoldCarriesOutAWriteItsClientGaveUpOn(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	held := f.Hold("POST /repos/{owner}/{repo}/issues/{issue_number}/comments")
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.URL()+"repos/octo/hello/issues/1/comments",
		strings.NewReader(`{"body":"late"}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer test")
	if _, err := f.Client().Do(req); err == nil {
		t.Fatal("the held request was answered")
	}
	select {
	case <-held.Gone:
	case <-time.After(5 * time.Second):
		t.Fatal("the client's giving up was not seen")
	}
	if n := len(f.Comments("octo/hello", 1)); n != 0 {
		t.Fatalf("%d comments before the release", n)
	}
	held.Release()
	deadline := time.Now().Add(5 * time.Second)
	for len(f.Comments("octo/hello", 1)) != 1 {
		if time.Now().After(deadline) {
			t.Fatal("the held write was not carried out after its release")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// A folder's contents are its entries, files and folders, by name, as
// GitHub lists them; a path under which nothing lies is a 404.
func TestContentsOfAFolder(t *testing.T) {
	f := githubfake.New(t)
	f.SetFile("octo/hello", "docs/b.md", "b")
	f.SetFile("octo/hello", "docs/a.md", "a")
	f.SetFile("octo/hello", "docs/sub/c.md", "c")
	r := do(t, f, "GET", "/repos/octo/hello/contents/docs", "", nil)
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	var list []struct {
		Type, Name, Path string
		Content          *string
	}
	if err := json.Unmarshal([]byte(r.body), &list); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Type+":"+e.Path)
		if e.Content != nil {
			t.Errorf("%s: a listing holds no content", e.Path)
		}
	}
	if strings.Join(got, " ") != "file:docs/a.md file:docs/b.md dir:docs/sub" {
		t.Errorf("listing %v", got)
	}
	if r := do(t, f, "GET", "/repos/octo/hello/contents/nothing", "", nil); r.status != 404 {
		t.Errorf("an empty folder answered %d", r.status)
	}
}
