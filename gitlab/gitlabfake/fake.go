// Package gitlabfake is an in-process fake of the part of GitLab's REST API
// v4 that cochef uses. It speaks real HTTP (httptest) and answers like
// GitLab: the same routes (project by numeric id or URL-encoded path), JSON
// shapes, status codes, pagination headers and error bodies. Tests drive the
// real adapter against it and assert on what it received.
//
// It is strict on purpose: a request for a route it does not know fails the
// test (t.Errorf) and gets a 404, so no test passes by calling an endpoint
// GitLab does not have.
//
// Summary of the behaviour it mimics (from docs.gitlab.com/api):
//   - every request needs PRIVATE-TOKEN (or Authorization: Bearer) equal to
//     Token, else 401 {"message":"401 Unauthorized"};
//   - lists are paginated with page/per_page (default 20, max 100) and answer
//     X-Page, X-Per-Page, X-Next-Page, X-Prev-Page, X-Total, X-Total-Pages and
//     Link (rel first/prev/next/last);
//   - issue notes are listed newest first unless sort=asc;
//   - creating answers 201, a missing required parameter 400
//     {"error":"body is missing"}, an unknown object 404
//     {"message":"404 Not found"} (or "404 Project Not Found"…);
//   - PUT issue accepts labels, add_labels and remove_labels as a
//     comma-separated string or an array, and creates unknown labels as GitLab
//     does.
package gitlabfake

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// Token is the only access token the fake accepts.
const Token = "glpat-cochef-fake-token"

// BotUsername is the user Token belongs to: notes, discussions and statuses
// created through the API are authored by it.
const BotUsername = "cochef-bot"

// DefaultLabelColor is the colour GitLab gives a label it creates because an
// issue update named a label that did not exist.
const DefaultLabelColor = "#6699cc"

// Issue is an issue as a test sets it up.
type Issue struct {
	Title       string
	Description string
	Labels      []string
	// State is "opened" (default) or "closed".
	State string
	// Author defaults to "alice".
	Author string
}

// Note is an issue or merge request note.
type Note struct {
	ID         int64
	Body       string
	Author     string // defaults to BotUsername for API-created notes
	System     bool
	Internal   bool
	Resolvable bool
	Resolved   bool
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Label is a project label.
type Label struct {
	ID          int64
	Name        string
	Color       string
	Description string
}

// MergeRequest is a merge request as a test sets it up.
type MergeRequest struct {
	Title        string
	Description  string
	SourceBranch string
	TargetBranch string // defaults to the project's default branch
	SHA          string // head commit; registered as a commit of the project
	State        string // "opened" (default), "merged", "closed"
	Author       string // defaults to "alice"
	Labels       []string
	Draft        bool
	// ClosesIssues are the iids, in the same project, that
	// GET …/merge_requests/:iid/closes_issues lists.
	ClosesIssues []int
	// Milestone is the title of the merge request's milestone.
	Milestone string
}

// Discussion is a thread of notes on a merge request.
type Discussion struct {
	ID             string
	IndividualNote bool
	Notes          []Note
}

// CommitStatus is what POST /projects/:id/statuses/:sha recorded.
type CommitStatus struct {
	ID          int64
	SHA         string
	Ref         string
	State       string
	Name        string
	Description string
	TargetURL   string
	CreatedAt   time.Time
}

// Request is one request the fake received.
type Request struct {
	Method string
	// Path is the path as sent, still encoded ("/api/v4/projects/g%2Fp/…").
	Path string
	// Route is the template it matched ("/projects/:id/issues/:iid/notes"),
	// empty for an unknown route.
	Route  string
	Query  string
	Body   string
	Header http.Header
	// Status is what the fake answered.
	Status int
}

// IsWrite reports whether the request may change state.
func (r Request) IsWrite() bool {
	return r.Method != http.MethodGet && r.Method != http.MethodHead
}

// Fake is a fake GitLab. All methods are safe for concurrent use.
type Fake struct {
	t   testing.TB
	srv *httptest.Server

	mu       sync.Mutex
	requests []Request
	failures []failure
	projects []*project
	groups   map[string]*group
	users    []*user
	lastID   int64
	now      func() time.Time
	holds    []*hold
}

// hold keeps the next request to a route waiting until released.
type hold struct {
	method, route string
	arrived, gone chan struct{}
	release       chan struct{}
	taken         bool
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

// Hold makes the next request to method and route (a template such as
// "/projects/:id/issues/:issue_iid/notes") wait until Release is called,
// and then be carried out whether or not its client still waits: a write
// that hangs, and that GitLab completes in the end.
func (f *Fake) Hold(method, route string) *Held {
	h := &hold{method: method, route: route, arrived: make(chan struct{}), gone: make(chan struct{}), release: make(chan struct{})}
	f.mu.Lock()
	f.holds = append(f.holds, h)
	f.mu.Unlock()
	return &Held{Arrived: h.arrived, Gone: h.gone, h: h}
}

type failure struct {
	method, route string // empty: any
	left          int
	status        int
	header        http.Header
}

type project struct {
	id            int64
	path          string
	defaultBranch string
	issues        map[int]*issue
	mrs           map[int]*mergeRequest
	labels        []*Label
	files         map[string]map[string]string // ref → path → content
	members       map[int64]int                // user id → access level
	commits       map[string]bool
	statuses      []*CommitStatus
}

type issue struct {
	id        int64
	iid       int
	data      Issue
	createdAt time.Time
	updatedAt time.Time
	notes     []*discussion
}

type mergeRequest struct {
	id        int64
	iid       int
	data      MergeRequest
	createdAt time.Time
	updatedAt time.Time
	notes     []*discussion
}

type discussion struct {
	id         string
	individual bool
	notes      []*Note
}

type user struct {
	id       int64
	username string
}

type group struct {
	id      int64
	path    string
	members map[int64]int // user id → access level
}

// New starts a fake GitLab that is closed when the test ends.
func New(t testing.TB) *Fake {
	t.Helper()
	f := &Fake{t: t, now: time.Now, groups: map[string]*group{}}
	f.userLocked(BotUsername)
	f.srv = httptest.NewServer(f)
	t.Cleanup(f.srv.Close)
	return f
}

// URL is the instance's base URL, to use as the adapter's BaseURL (the API
// lives under /api/v4/).
func (f *Fake) URL() string { return f.srv.URL }

// Client is an HTTP client for the fake's server.
func (f *Fake) Client() *http.Client { return f.srv.Client() }

func (f *Fake) nextID() int64 {
	f.lastID++
	return f.lastID
}

// AddProject creates a project with default branch "main". path is its full
// path, "group/sub/project".
func (f *Fake) AddProject(id int64, path string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.projectLocked(path) != nil || f.projectByIDLocked(id) != nil {
		f.t.Fatalf("gitlabfake: project %d %q already exists", id, path)
	}
	f.projects = append(f.projects, &project{
		id: id, path: path, defaultBranch: "main",
		issues:  map[int]*issue{},
		mrs:     map[int]*mergeRequest{},
		files:   map[string]map[string]string{},
		members: map[int64]int{},
		commits: map[string]bool{},
	})
	if id > f.lastID {
		f.lastID = id
	}
}

// AddIssue creates or replaces issue iid of the project.
func (f *Fake) AddIssue(projectPath string, iid int, in Issue) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.mustProject(projectPath)
	if in.State == "" {
		in.State = "opened"
	}
	if in.Author == "" {
		in.Author = "alice"
	}
	in.Labels = slices.Clone(in.Labels)
	now := f.now().UTC()
	if old, ok := p.issues[iid]; ok {
		old.data = in
		old.updatedAt = now
		return
	}
	p.issues[iid] = &issue{id: f.nextID(), iid: iid, data: in, createdAt: now, updatedAt: now}
	f.userLocked(in.Author)
}

// EditIssue changes an existing issue's title and description, as a user
// editing it would.
func (f *Fake) EditIssue(projectPath string, iid int, title, description string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	is := f.mustIssue(projectPath, iid)
	is.data.Title = title
	is.data.Description = description
	is.updatedAt = f.now().UTC()
}

// AddNote adds a note to an issue, as if a user (or GitLab, for System)
// wrote it, and returns its id. Author defaults to "alice".
func (f *Fake) AddNote(projectPath string, iid int, n Note) int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	is := f.mustIssue(projectPath, iid)
	if n.Author == "" {
		n.Author = "alice"
	}
	d := f.newNoteLocked(n)
	is.notes = append(is.notes, d)
	return d.notes[0].ID
}

func (f *Fake) newNoteLocked(n Note) *discussion {
	n.ID = f.nextID()
	if n.CreatedAt.IsZero() {
		n.CreatedAt = f.now().UTC()
	}
	if n.UpdatedAt.IsZero() {
		n.UpdatedAt = n.CreatedAt
	}
	f.userLocked(n.Author)
	nn := n
	return &discussion{id: discussionID(n.ID), individual: !n.Resolvable, notes: []*Note{&nn}}
}

func discussionID(seed int64) string {
	sum := sha1.Sum(fmt.Appendf(nil, "discussion-%d", seed))
	return hex.EncodeToString(sum[:])
}

// AddLabel creates a project label as if someone had made it by hand.
func (f *Fake) AddLabel(projectPath string, l Label) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.mustProject(projectPath)
	l.ID = f.nextID()
	p.labels = append(p.labels, &l)
}

// SetMember gives username the access level (10 Guest, 15 Planner,
// 20 Reporter, 30 Developer, 40 Maintainer, 50 Owner) on the project,
// creating the user if needed. Level 0 removes the membership.
func (f *Fake) SetMember(projectPath, username string, accessLevel int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.mustProject(projectPath)
	u := f.userLocked(username)
	if accessLevel == 0 {
		delete(p.members, u.id)
		return
	}
	p.members[u.id] = accessLevel
}

// SetFile writes a file on the project's default branch.
func (f *Fake) SetFile(projectPath, filePath, content string) {
	f.mu.Lock()
	p := f.mustProject(projectPath)
	ref := p.defaultBranch
	f.mu.Unlock()
	f.SetFileAt(projectPath, ref, filePath, content)
}

// SetFileAt writes a file at a branch, tag or commit sha.
func (f *Fake) SetFileAt(projectPath, ref, filePath, content string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.mustProject(projectPath)
	if p.files[ref] == nil {
		p.files[ref] = map[string]string{}
	}
	p.files[ref][filePath] = content
}

// DeleteFile removes a file from the default branch.
func (f *Fake) DeleteFile(projectPath, filePath string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.mustProject(projectPath)
	delete(p.files[p.defaultBranch], filePath)
}

// AddMergeRequest creates or replaces merge request iid.
func (f *Fake) AddMergeRequest(projectPath string, iid int, mr MergeRequest) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.mustProject(projectPath)
	if mr.State == "" {
		mr.State = "opened"
	}
	if mr.Author == "" {
		mr.Author = "alice"
	}
	if mr.TargetBranch == "" {
		mr.TargetBranch = p.defaultBranch
	}
	mr.Labels = slices.Clone(mr.Labels)
	mr.ClosesIssues = slices.Clone(mr.ClosesIssues)
	if mr.SHA != "" {
		p.commits[mr.SHA] = true
	}
	f.userLocked(mr.Author)
	now := f.now().UTC()
	if old, ok := p.mrs[iid]; ok {
		old.data = mr
		old.updatedAt = now
		return
	}
	p.mrs[iid] = &mergeRequest{id: f.nextID(), iid: iid, data: mr, createdAt: now, updatedAt: now}
}

// SetGroupMember gives username the access level on the group (its full
// path), creating both if needed; level 0 removes the membership. GET
// /groups/:id/members/all/:user_id answers from it; the group's id is
// returned for tests that address it by id.
func (f *Fake) SetGroupMember(groupPath, username string, accessLevel int) int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	g := f.groups[strings.ToLower(groupPath)]
	if g == nil {
		g = &group{id: f.nextID(), path: groupPath, members: map[int64]int{}}
		f.groups[strings.ToLower(groupPath)] = g
	}
	u := f.userLocked(username)
	if accessLevel == 0 {
		delete(g.members, u.id)
	} else {
		g.members[u.id] = accessLevel
	}
	return g.id
}

// AddMergeRequestNote adds a note to a merge request as a user wrote it
// (Author defaults to "alice") and returns its id.
func (f *Fake) AddMergeRequestNote(projectPath string, iid int, n Note) int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	mr := f.mustMR(projectPath, iid)
	if n.Author == "" {
		n.Author = "alice"
	}
	d := f.newNoteLocked(n)
	mr.notes = append(mr.notes, d)
	return d.notes[0].ID
}

// EditMergeRequestNote changes a merge request note's body, as a person
// editing it (or ticking one of its boxes) in the web UI would.
func (f *Fake) EditMergeRequestNote(projectPath string, iid int, noteID int64, body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, n := findNote(f.mustMR(projectPath, iid).notes, noteID)
	if n == nil {
		f.t.Fatalf("gitlabfake: no note %d on %s!%d", noteID, projectPath, iid)
	}
	n.Body = body
	n.UpdatedAt = f.now().UTC()
}

// ResolveMergeRequestDiscussion resolves or reopens a thread by hand.
func (f *Fake) ResolveMergeRequestDiscussion(projectPath string, iid int, discussionID string, resolved bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, d := range f.mustMR(projectPath, iid).notes {
		if d.id == discussionID {
			for _, n := range d.notes {
				if n.Resolvable {
					n.Resolved = resolved
				}
			}
			return
		}
	}
	f.t.Fatalf("gitlabfake: no discussion %s on %s!%d", discussionID, projectPath, iid)
}

// EditMergeRequest changes a merge request's title and description.
func (f *Fake) EditMergeRequest(projectPath string, iid int, title, description string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	mr := f.mustMR(projectPath, iid)
	mr.data.Title, mr.data.Description = title, description
	mr.updatedAt = f.now().UTC()
}

// SetMergeRequestHead moves a merge request's head to a new commit (a
// push), registering the commit.
func (f *Fake) SetMergeRequestHead(projectPath string, iid int, sha string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.mustProject(projectPath)
	mr := f.mustMR(projectPath, iid)
	mr.data.SHA = sha
	p.commits[sha] = true
}

// MergeRequestLabels returns a merge request's labels, sorted.
func (f *Fake) MergeRequestLabels(projectPath string, iid int) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return sortedLabels(f.mustMR(projectPath, iid).data.Labels)
}

// AddCommit registers a commit sha, so that statuses can be set on it.
func (f *Fake) AddCommit(projectPath, sha string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.mustProject(projectPath).commits[sha] = true
}

// FailNext makes the next n requests, whatever they are, answer status with
// header (for example 429 with Retry-After) without touching any state.
func (f *Fake) FailNext(n int, status int, header http.Header) {
	f.FailNextOn("", "", n, status, header)
}

// FailNextOn is FailNext restricted to one method and route template
// ("POST", "/projects/:id/issues/:iid/notes"); empty matches any.
func (f *Fake) FailNextOn(method, route string, n int, status int, header http.Header) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failures = append(f.failures, failure{method: method, route: route, left: n, status: status, header: header.Clone()})
}

// Requests returns every request received, in order.
func (f *Fake) Requests() []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.requests)
}

// Writes returns the requests that may change state (neither GET nor
// HEAD), whatever the fake answered.
func (f *Fake) Writes() []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Request
	for _, r := range f.requests {
		if r.IsWrite() {
			out = append(out, r)
		}
	}
	return out
}

// Reset forgets the requests received and the pending failures, keeping
// projects, issues, notes and labels: a test sets the scene, resets, then
// asserts on what the next step sent.
func (f *Fake) Reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = nil
	f.failures = nil
}

// Notes returns an issue's notes, oldest first.
func (f *Fake) Notes(projectPath string, iid int) []Note {
	f.mu.Lock()
	defer f.mu.Unlock()
	return flattenNotes(f.mustIssue(projectPath, iid).notes)
}

// IssueLabels returns an issue's labels, sorted as GitLab returns them.
func (f *Fake) IssueLabels(projectPath string, iid int) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return sortedLabels(f.mustIssue(projectPath, iid).data.Labels)
}

// ProjectLabels returns the project's labels in creation order.
func (f *Fake) ProjectLabels(projectPath string) []Label {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Label
	for _, l := range f.mustProject(projectPath).labels {
		out = append(out, *l)
	}
	return out
}

// MergeRequestNotes returns all notes of a merge request, oldest first.
func (f *Fake) MergeRequestNotes(projectPath string, iid int) []Note {
	f.mu.Lock()
	defer f.mu.Unlock()
	return flattenNotes(f.mustMR(projectPath, iid).notes)
}

// Discussions returns a merge request's discussions, oldest first.
func (f *Fake) Discussions(projectPath string, iid int) []Discussion {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Discussion
	for _, d := range f.mustMR(projectPath, iid).notes {
		out = append(out, d.export())
	}
	return out
}

// Statuses returns the commit statuses set on the project, oldest first.
func (f *Fake) Statuses(projectPath string) []CommitStatus {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []CommitStatus
	for _, s := range f.mustProject(projectPath).statuses {
		out = append(out, *s)
	}
	return out
}

func (d *discussion) export() Discussion {
	out := Discussion{ID: d.id, IndividualNote: d.individual}
	for _, n := range d.notes {
		out.Notes = append(out.Notes, *n)
	}
	return out
}

func flattenNotes(ds []*discussion) []Note {
	var out []Note
	for _, d := range ds {
		for _, n := range d.notes {
			out = append(out, *n)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func sortedLabels(in []string) []string {
	out := slices.Clone(in)
	sort.Strings(out)
	if out == nil {
		out = []string{}
	}
	return out
}

func (f *Fake) mustProject(path string) *project {
	p := f.projectLocked(path)
	if p == nil {
		f.t.Fatalf("gitlabfake: no project %q (AddProject first)", path)
	}
	return p
}

func (f *Fake) mustIssue(projectPath string, iid int) *issue {
	is := f.mustProject(projectPath).issues[iid]
	if is == nil {
		f.t.Fatalf("gitlabfake: no issue %s#%d", projectPath, iid)
	}
	return is
}

func (f *Fake) mustMR(projectPath string, iid int) *mergeRequest {
	mr := f.mustProject(projectPath).mrs[iid]
	if mr == nil {
		f.t.Fatalf("gitlabfake: no merge request %s!%d", projectPath, iid)
	}
	return mr
}

// projectLocked finds a project by full path; GitLab matches paths
// case-insensitively.
func (f *Fake) projectLocked(path string) *project {
	for _, p := range f.projects {
		if strings.EqualFold(p.path, path) {
			return p
		}
	}
	return nil
}

func (f *Fake) projectByIDLocked(id int64) *project {
	for _, p := range f.projects {
		if p.id == id {
			return p
		}
	}
	return nil
}

func (f *Fake) userLocked(username string) *user {
	for _, u := range f.users {
		if strings.EqualFold(u.username, username) {
			return u
		}
	}
	u := &user{id: f.nextID(), username: username}
	f.users = append(f.users, u)
	return u
}

func (f *Fake) userByIDLocked(id int64) *user {
	for _, u := range f.users {
		if u.id == id {
			return u
		}
	}
	return nil
}
