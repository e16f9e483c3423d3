// Package githubfake is an in-process fake of GitHub's REST API for tests:
// a real HTTP server (httptest) that keeps issues, comments, labels, files,
// permissions, check runs and pull requests in memory and answers the way
// GitHub does (status codes, JSON shapes, ETag and 304, Link pagination,
// rate-limit headers, installation tokens for GitHub App auth).
//
// It refuses, with a test failure and a 404 or 400 answer, any request that
// is not an operation of GitHub's REST description (method, path template,
// path parameter types, required body fields and body types), so a test
// that passes against it does not rely on an endpoint GitHub lacks.
//
//	f := githubfake.New(t)
//	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "…", Body: "…"})
//	// point the code under test at f.URL()
//	if got := f.Comments("octo/hello", 1); len(got) != 1 { … }
package githubfake

import (
	"crypto/rsa"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// TB is the part of testing.TB the fake needs. A test that checks the
// fake's refusals can pass its own implementation.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
	Cleanup(func())
}

// AppSlug is the slug of the GitHub App the fake pretends to be: comments
// written with an installation token are authored by AppSlug+"[bot]".
const AppSlug = "cochef"

// TokenUser authors what is written with a token the fake did not issue
// (a personal access token in tests that skip App auth).
const TokenUser = "cochef-user"

// DefaultAuthor opens issues added without an author.
const DefaultAuthor = "octocat"

// Issue is the state of an issue (or of the issue side of a pull request).
type Issue struct {
	Title  string
	Body   string
	Labels []string
	// State is "open" (default) or "closed".
	State  string
	Author string
}

// Comment is a comment on an issue.
type Comment struct {
	ID     int64
	Body   string
	Author string
	// Bot is true for comments written by an App; AppID is that App.
	Bot       bool
	AppID     int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Label is a repository label.
type Label struct {
	Name        string
	Color       string
	Description string
}

// Pull is a pull request. Adding one also adds the issue of the same
// number, as on GitHub.
type Pull struct {
	Title  string
	Body   string
	Author string
	// State is "open" (default), "closed" or "merged" (answered as closed
	// with merged true, as GitHub does).
	State     string
	HeadSHA   string
	HeadRef   string
	BaseRef   string
	Milestone string
}

// CheckRun is a check run as last created or updated.
type CheckRun struct {
	ID         int64
	Name       string
	HeadSHA    string
	Status     string
	Conclusion string
	ExternalID string
	DetailsURL string
	Title      string
	Summary    string
	Text       string
}

// Request is a request the fake received and what it answered.
type Request struct {
	Method string
	// Path is the path as received, without the base path.
	Path   string
	Query  url.Values
	Header http.Header
	Body   string
	// Route is the operation, "METHOD /template" as in GitHub's REST
	// description (e.g. "GET /repos/{owner}/{repo}/issues/{issue_number}"),
	// or "POST /graphql"; empty when the request was refused as unknown.
	Route string
	// Status is the status code answered.
	Status int
	// Installation is the installation whose token authenticated the
	// request; zero for other credentials.
	Installation int64
	// Refused is why the fake refused the request as not a GitHub
	// operation; empty otherwise.
	Refused string
	Time    time.Time
}

// IsWrite reports whether the request changes GitHub's state: any method
// but GET and HEAD, except installation-token requests and GraphQL queries
// that are not mutations.
func (r Request) IsWrite() bool {
	switch {
	case r.Method == http.MethodGet || r.Method == http.MethodHead:
		return false
	case r.Route == routeAccessToken:
		return false
	case r.Route == routeGraphQL:
		return strings.Contains(r.Body, "mutation")
	}
	return true
}

// Failure describes answers the fake gives instead of the real ones.
type Failure struct {
	// Times is how many requests fail (at least one); Until, when set,
	// makes every request before that time fail instead.
	Times int
	Until time.Time
	// Route limits the failure to one operation ("POST /repos/{owner}/{repo}/issues/{issue_number}/comments");
	// empty means every REST request except installation-token requests.
	Route  string
	Status int
	// Header is added to the answer (Retry-After, x-ratelimit-remaining…);
	// its x-ratelimit-* values replace the fake's own.
	Header http.Header
	// Message and DocumentationURL default to what GitHub sends for Status
	// and Header: a secondary rate limit for a 429 or a 403 with
	// Retry-After, the primary limit for x-ratelimit-remaining: 0, and
	// "Resource not accessible by integration" for any other 403.
	Message          string
	DocumentationURL string
}

// GraphQLHandler answers a GraphQL request with a status and a JSON value.
type GraphQLHandler func(query string, variables map[string]any) (status int, response any)

// Option configures a Fake.
type Option func(*Fake)

// WithBasePath serves the API under a path, as GitHub Enterprise Server
// does under "/api/v3/" (its GraphQL endpoint then is "/api/graphql").
func WithBasePath(p string) Option {
	return func(f *Fake) {
		f.base = "/" + strings.Trim(p, "/") + "/"
		if f.base == "//" {
			f.base = "/"
		}
	}
}

// Fake is a fake GitHub. Its methods are safe for concurrent use.
type Fake struct {
	t    TB
	srv  *httptest.Server
	base string
	spec *apiSpec

	mu         sync.Mutex
	repos      map[string]*repoState
	nextID     int64
	requests   []Request
	failures   []*Failure
	tokens     map[string]*tokenState
	appKeys    map[int64]*rsa.PublicKey
	rateLimit  int
	rateUsed   int
	rateReset  time.Time
	delay      time.Duration
	graphql    GraphQLHandler
	onRequest  func(Request)
	teams      map[string]map[string]string // "org/slug" → login → role
	tokenCount int
	tokenLife  time.Duration
	holds      []*hold
	// installations are the App's installations by owner (lower case).
	installations map[string]int64
}

// hold keeps the next request to route waiting until released.
type hold struct {
	route   string
	arrived chan struct{} // closed when the request has come
	gone    chan struct{} // closed when the held client gives up
	release chan struct{}
	taken   bool
}

// Held is a request Hold keeps waiting.
type Held struct {
	// Arrived is closed once the request has reached the fake, Gone once
	// its client has given up waiting.
	Arrived, Gone <-chan struct{}
	h             *hold
	once          sync.Once
}

// Release lets the held request be carried out and answered.
func (h *Held) Release() { h.once.Do(func() { close(h.h.release) }) }

type repoState struct {
	fullName  string
	id        int64
	issues    map[int]*issueState
	labels    []*Label
	labelIDs  map[string]int64
	files     map[string]string
	perms     map[string]string
	checkRuns map[int64]*CheckRun
	pulls     map[int]*Pull
}

type issueState struct {
	number   int
	issue    Issue
	gone     bool
	comments []*Comment
	created  time.Time
	updated  time.Time
}

type tokenState struct {
	installation int64
	appID        int64
	expires      time.Time
}

// New starts a fake GitHub, closed when the test ends.
func New(t TB, opts ...Option) *Fake {
	t.Helper()
	spec, err := loadSpec()
	if err != nil {
		t.Errorf("%v", err)
	}
	f := &Fake{
		t:         t,
		base:      "/",
		spec:      spec,
		repos:     map[string]*repoState{},
		nextID:    1000,
		tokens:    map[string]*tokenState{},
		appKeys:   map[int64]*rsa.PublicKey{},
		teams:     map[string]map[string]string{},
		rateLimit: 5000,
		tokenLife: time.Hour,
		rateReset: time.Now().Add(time.Hour).Truncate(time.Second),
	}
	for _, o := range opts {
		o(f)
	}
	f.srv = httptest.NewServer(f)
	t.Cleanup(f.srv.Close)
	return f
}

// URL is the API base URL, ending in "/" (the value for go-github's base
// URL or cochef's API URL setting).
func (f *Fake) URL() string { return f.srv.URL + f.base }

// Client is an HTTP client for the fake's server.
func (f *Fake) Client() *http.Client { return f.srv.Client() }

func (f *Fake) id() int64 {
	f.nextID++
	return f.nextID
}

func repoKey(full string) string { return strings.ToLower(full) }

// repoLocked returns the repository, creating it when create is true.
func (f *Fake) repoLocked(full string, create bool) *repoState {
	r := f.repos[repoKey(full)]
	if r == nil && create {
		r = &repoState{
			fullName:  full,
			id:        f.id(),
			issues:    map[int]*issueState{},
			labelIDs:  map[string]int64{},
			files:     map[string]string{},
			perms:     map[string]string{},
			checkRuns: map[int64]*CheckRun{},
			pulls:     map[int]*Pull{},
		}
		f.repos[repoKey(full)] = r
	}
	return r
}

func (r *repoState) label(name string) *Label {
	for _, l := range r.labels {
		if strings.EqualFold(l.Name, name) {
			return l
		}
	}
	return nil
}

func (r *repoState) ensureLabel(name string) *Label {
	if l := r.label(name); l != nil {
		return l
	}
	l := &Label{Name: name, Color: "ededed"}
	r.labels = append(r.labels, l)
	return l
}

// AddRepo makes an empty repository exist (requests to unknown repositories
// get 404).
func (f *Fake) AddRepo(fullName string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.repoLocked(fullName, true)
}

// AddIssue adds or replaces an issue. Its labels are created in the
// repository when missing, as GitHub does when labels are added to an issue.
func (f *Fake) AddIssue(repo string, number int, is Issue) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.repoLocked(repo, true)
	if is.State == "" {
		is.State = "open"
	}
	if is.Author == "" {
		is.Author = DefaultAuthor
	}
	var labels []string
	for _, name := range is.Labels {
		labels = append(labels, r.ensureLabel(name).Name)
	}
	is.Labels = labels
	now := time.Now().UTC()
	if old := r.issues[number]; old != nil {
		old.issue = is
		old.gone = false
		old.updated = now
		return
	}
	r.issues[number] = &issueState{number: number, issue: is, created: now, updated: now}
}

// SetIssueBody changes an issue's body, as an edit by its author would.
func (f *Fake) SetIssueBody(repo string, number int, body string) {
	f.updateIssue(repo, number, func(_ *repoState, is *issueState) { is.issue.Body = body })
}

// SetIssueTitle changes an issue's title.
func (f *Fake) SetIssueTitle(repo string, number int, title string) {
	f.updateIssue(repo, number, func(_ *repoState, is *issueState) { is.issue.Title = title })
}

// SetIssueLabels replaces an issue's labels, as a person would in the UI.
func (f *Fake) SetIssueLabels(repo string, number int, labels []string) {
	f.updateIssue(repo, number, func(r *repoState, is *issueState) {
		var names []string
		for _, l := range labels {
			names = append(names, r.ensureLabel(l).Name)
		}
		is.issue.Labels = names
	})
}

// DeleteIssue makes the issue answer 410 Gone.
func (f *Fake) DeleteIssue(repo string, number int) {
	f.updateIssue(repo, number, func(_ *repoState, is *issueState) { is.gone = true })
}

func (f *Fake) updateIssue(repo string, number int, change func(*repoState, *issueState)) {
	f.t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.repoLocked(repo, false)
	if r == nil || r.issues[number] == nil {
		f.t.Errorf("githubfake: no issue %s#%d", repo, number)
		return
	}
	change(r, r.issues[number])
	r.issues[number].updated = time.Now().UTC()
}

// Issue returns an issue's current state.
func (f *Fake) Issue(repo string, number int) (Issue, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.repoLocked(repo, false)
	if r == nil || r.issues[number] == nil {
		return Issue{}, false
	}
	is := r.issues[number].issue
	is.Labels = slices.Clone(is.Labels)
	return is, true
}

// AddComment adds a comment as someone else (or cochef, with Bot and AppID)
// wrote it, and returns its id. An Author ending in "[bot]" implies Bot.
func (f *Fake) AddComment(repo string, number int, c Comment) int64 {
	f.t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.repoLocked(repo, false)
	if r == nil || r.issues[number] == nil {
		f.t.Errorf("githubfake: no issue %s#%d", repo, number)
		return 0
	}
	if c.Author == "" {
		c.Author = DefaultAuthor
	}
	if strings.HasSuffix(c.Author, "[bot]") {
		c.Bot = true
	}
	now := time.Now().UTC()
	c.ID = f.id()
	if c.CreatedAt.IsZero() {
		c.CreatedAt = now
	}
	if c.UpdatedAt.IsZero() {
		c.UpdatedAt = c.CreatedAt
	}
	r.issues[number].comments = append(r.issues[number].comments, &c)
	return c.ID
}

// EditComment changes a comment's body, as a person editing it by hand.
func (f *Fake) EditComment(repo string, id int64, body string) {
	f.t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, c := f.commentLocked(repo, id); c != nil {
		c.Body = body
		c.UpdatedAt = time.Now().UTC()
		return
	}
	f.t.Errorf("githubfake: no comment %d in %s", id, repo)
}

// DeleteComment removes a comment, as a person deleting it by hand.
func (f *Fake) DeleteComment(repo string, id int64) {
	f.t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	is, c := f.commentLocked(repo, id)
	if c == nil {
		f.t.Errorf("githubfake: no comment %d in %s", id, repo)
		return
	}
	is.comments = slices.DeleteFunc(is.comments, func(x *Comment) bool { return x.ID == id })
}

func (f *Fake) commentLocked(repo string, id int64) (*issueState, *Comment) {
	r := f.repoLocked(repo, false)
	if r == nil {
		return nil, nil
	}
	for _, is := range r.issues {
		for _, c := range is.comments {
			if c.ID == id {
				return is, c
			}
		}
	}
	return nil, nil
}

// Comments returns the comments on an issue, oldest first.
func (f *Fake) Comments(repo string, number int) []Comment {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.repoLocked(repo, false)
	if r == nil || r.issues[number] == nil {
		return nil
	}
	out := make([]Comment, 0, len(r.issues[number].comments))
	for _, c := range r.issues[number].comments {
		out = append(out, *c)
	}
	return out
}

// IssueLabels returns the names of an issue's labels, in the order added.
func (f *Fake) IssueLabels(repo string, number int) []string {
	is, _ := f.Issue(repo, number)
	return is.Labels
}

// AddLabel creates or replaces a repository label.
func (f *Fake) AddLabel(repo string, l Label) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.repoLocked(repo, true)
	if old := r.label(l.Name); old != nil {
		*old = l
		return
	}
	if l.Color == "" {
		l.Color = "ededed"
	}
	r.labels = append(r.labels, &l)
}

// RepoLabels returns a repository's labels sorted by name.
func (f *Fake) RepoLabels(repo string) []Label {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.repoLocked(repo, false)
	if r == nil {
		return nil
	}
	out := make([]Label, 0, len(r.labels))
	for _, l := range r.labels {
		out = append(out, *l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// SetPermission gives user a role on the repository: "admin", "maintain",
// "write", "triage", "read" or "none". Users never set have "none".
func (f *Fake) SetPermission(repo, user, role string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.repoLocked(repo, true).perms[strings.ToLower(user)] = role
}

// SetFile creates or replaces a file on the default branch.
func (f *Fake) SetFile(repo, path, content string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.repoLocked(repo, true).files[strings.TrimPrefix(path, "/")] = content
}

// DeleteFile removes a file.
func (f *Fake) DeleteFile(repo, path string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if r := f.repoLocked(repo, false); r != nil {
		delete(r.files, strings.TrimPrefix(path, "/"))
	}
}

// AddPull adds a pull request and the issue of the same number.
func (f *Fake) AddPull(repo string, number int, p Pull) {
	if p.State == "" {
		p.State = "open"
	}
	if p.Author == "" {
		p.Author = DefaultAuthor
	}
	issueState := p.State
	if issueState == "merged" {
		issueState = "closed"
	}
	f.AddIssue(repo, number, Issue{Title: p.Title, Body: p.Body, State: issueState, Author: p.Author})
	f.mu.Lock()
	defer f.mu.Unlock()
	f.repoLocked(repo, true).pulls[number] = &p
}

// SetPullHead moves a pull request's head to a new commit, as a push does.
func (f *Fake) SetPullHead(repo string, number int, sha string) {
	f.t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.repoLocked(repo, false)
	if r == nil || r.pulls[number] == nil {
		f.t.Errorf("githubfake: no pull request %s#%d", repo, number)
		return
	}
	r.pulls[number].HeadSHA = sha
}

// SetPullState sets a pull request's state: "open", "closed" or "merged".
func (f *Fake) SetPullState(repo string, number int, state string) {
	f.t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.repoLocked(repo, false)
	if r == nil || r.pulls[number] == nil || r.issues[number] == nil {
		f.t.Errorf("githubfake: no pull request %s#%d", repo, number)
		return
	}
	r.pulls[number].State = state
	r.issues[number].issue.State = state
	if state == "merged" {
		r.issues[number].issue.State = "closed"
	}
}

// SetTeamMember makes login an active member of the team "org/slug" with
// role "member" or "maintainer"; an empty role removes the membership.
func (f *Fake) SetTeamMember(team, login, role string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	key := strings.ToLower(team)
	if role == "" {
		delete(f.teams[key], strings.ToLower(login))
		return
	}
	if f.teams[key] == nil {
		f.teams[key] = map[string]string{}
	}
	f.teams[key][strings.ToLower(login)] = role
}

// CheckRuns returns a repository's check runs, oldest first.
func (f *Fake) CheckRuns(repo string) []CheckRun {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.repoLocked(repo, false)
	if r == nil {
		return nil
	}
	out := make([]CheckRun, 0, len(r.checkRuns))
	for _, c := range r.checkRuns {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// SetAppKey makes the installation-token endpoint verify the JWT signature
// of appID with key. Without it any well-formed, unexpired JWT is accepted.
func (f *Fake) SetAppKey(appID int64, key *rsa.PublicKey) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.appKeys[appID] = key
}

// SetTokenLifetime sets how long the installation tokens issued from now
// on live (GitHub: one hour), to test token renewal.
func (f *Fake) SetTokenLifetime(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tokenLife = d
}

// TokensIssued counts installation tokens issued so far.
func (f *Fake) TokensIssued() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.tokenCount
}

// SetRateLimit sets the primary rate limit's remaining budget and reset
// time. At zero remaining the fake answers 403 like GitHub until reset.
func (f *Fake) SetRateLimit(remaining int, reset time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rateUsed = f.rateLimit - remaining
	f.rateReset = reset.Truncate(time.Second)
}

// SetDelay delays every answer, to widen windows in crash and timeout tests.
func (f *Fake) SetDelay(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.delay = d
}

// Hold makes the next request to route ("POST /repos/{owner}/{repo}/issues/{issue_number}/comments")
// wait until Release is called, and then be performed whether or not its
// client still waits: a write that hangs, and that GitHub carries out in
// the end.
func (f *Fake) Hold(route string) *Held {
	h := &hold{route: route, arrived: make(chan struct{}), gone: make(chan struct{}), release: make(chan struct{})}
	f.mu.Lock()
	f.holds = append(f.holds, h)
	f.mu.Unlock()
	return &Held{Arrived: h.arrived, Gone: h.gone, h: h}
}

// SetGraphQL answers POST /graphql. Without a handler GraphQL requests fail
// the test.
func (f *Fake) SetGraphQL(h GraphQLHandler) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.graphql = h
}

// OnRequest calls fn after each answer (from the server's goroutine).
func (f *Fake) OnRequest(fn func(Request)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.onRequest = fn
}

// Fail makes the next requests fail as described.
func (f *Fake) Fail(fl Failure) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fl.Header = fl.Header.Clone()
	if fl.Until.IsZero() && fl.Times <= 0 {
		fl.Times = 1
	}
	f.failures = append(f.failures, &fl)
}

// FailNext makes the next n REST requests (installation-token requests
// excepted) answer status with header added.
func (f *Fake) FailNext(n, status int, header http.Header) {
	f.Fail(Failure{Times: n, Status: status, Header: header})
}

// FailFor makes every REST request (installation-token requests excepted)
// answer status with header for d.
func (f *Fake) FailFor(d time.Duration, status int, header http.Header) {
	f.Fail(Failure{Until: time.Now().Add(d), Status: status, Header: header})
}

// Requests returns what the fake received, in order.
func (f *Fake) Requests() []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.requests)
}

// Writes returns the requests that change state (see Request.IsWrite).
func (f *Fake) Writes() []Request {
	var out []Request
	for _, r := range f.Requests() {
		if r.IsWrite() {
			out = append(out, r)
		}
	}
	return out
}

// Calls returns the requests to one operation, e.g.
// "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}".
func (f *Fake) Calls(route string) []Request {
	var out []Request
	for _, r := range f.Requests() {
		if r.Route == route {
			out = append(out, r)
		}
	}
	return out
}

// Reset forgets the recorded requests; the state stays.
func (f *Fake) Reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = nil
}
