// Package coretest has in-memory stand-ins for what the features use: a
// platform that records every call, and a store. The features' tests read
// like specifications with them: what happened on the issue, what was
// written, what was asked. The adapters keep their own tests against the
// HTTP fakes of GitHub and GitLab.
package coretest

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/cochef/cochef/core"
)

// Self is cochef's own login on the platform.
const Self = "cochef[bot]"

// Comment is a comment on the platform.
type Comment struct {
	ID     int64
	Body   string
	Author string
}

// Status is a recette status set on a head commit.
type Status struct {
	SHA string
	core.RecetteStatus
}

// Call is one call the features made.
type Call struct {
	Op  string // the method: "GetIssue", "CreateComment"…
	Ref string // what it was about
}

// writes are the calls that change something on the platform.
var writes = map[string]bool{
	"CreateComment": true, "EditComment": true, "RemoveComment": true, "EnsureLabels": true, "AddLabels": true,
	"RemoveLabel": true, "SetRecetteStatus": true,
}

// Platform is an in-memory platform: issues, pull or merge requests,
// comments, labels, permissions, configuration files and statuses. It
// implements core.Platform and core.Connector (for every repository), and
// is safe for concurrent use.
type Platform struct {
	mu       sync.Mutex
	issues   map[string]*core.Issue
	mrs      map[string]*core.MergeRequest
	closing  map[string][]core.IssueRef
	comments map[string][]*Comment
	nextID   int64
	labels   map[string][]core.Label         // by repository
	access   map[string]core.Access          // by user
	teams    map[string]bool                 // "team/user"
	files    map[string]string               // by repository
	forms    map[string][]core.IssueTemplate // by repository
	statuses map[string][]Status             // by PR/MR
	fail     map[string][]error              // errors the next calls of an op return
	calls    []Call
}

var (
	_ core.Platform  = (*Platform)(nil)
	_ core.Connector = (*Platform)(nil)
)

// NewPlatform returns an empty platform.
func NewPlatform() *Platform {
	return &Platform{
		issues: map[string]*core.Issue{}, mrs: map[string]*core.MergeRequest{}, closing: map[string][]core.IssueRef{},
		comments: map[string][]*Comment{}, labels: map[string][]core.Label{}, access: map[string]core.Access{},
		teams: map[string]bool{}, files: map[string]string{}, forms: map[string][]core.IssueTemplate{}, statuses: map[string][]Status{}, fail: map[string][]error{},
	}
}

// key names an issue or PR/MR; on GitHub they share one number space.
func key(ref core.IssueRef) string { return strings.ToLower(ref.String()) }

func repoKey(r core.Repo) string { return strings.ToLower(r.String()) }

// Connect implements core.Connector: the same platform for every
// repository.
func (p *Platform) Connect(core.Repo) (core.Platform, error) { return p, nil }

// call records a call and returns the error injected for it, if any.
func (p *Platform) call(op string, about fmt.Stringer) error {
	p.calls = append(p.calls, Call{Op: op, Ref: about.String()})
	if errs := p.fail[op]; len(errs) > 0 {
		p.fail[op] = errs[1:]
		return errs[0]
	}
	return nil
}

// Fail makes the next call of op return err (once per call of Fail).
func (p *Platform) Fail(op string, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.fail[op] = append(p.fail[op], err)
}

// Calls are the calls made, oldest first; Writes only those that change
// something; Count the calls of op.
func (p *Platform) Calls() []Call {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.calls)
}

func (p *Platform) Writes() []Call {
	var out []Call
	for _, c := range p.Calls() {
		if writes[c.Op] {
			out = append(out, c)
		}
	}
	return out
}

func (p *Platform) Count(op string) int {
	n := 0
	for _, c := range p.Calls() {
		if c.Op == op {
			n++
		}
	}
	return n
}

// Reset forgets the calls made so far.
func (p *Platform) Reset() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls = nil
}

func notFound(what string) error {
	return &core.APIError{Platform: "test", Status: http.StatusNotFound, Message: what + " not found"}
}

// --- issues ---

// SetIssue creates or replaces an issue (Ref set, State "open" unless said).
func (p *Platform) SetIssue(is core.Issue) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if is.State == "" {
		is.State = "open"
	}
	is.Labels = slices.Clone(is.Labels)
	p.issues[key(is.Ref)] = &is
}

// Issue is the issue as it is now.
func (p *Platform) Issue(ref core.IssueRef) core.Issue {
	p.mu.Lock()
	defer p.mu.Unlock()
	if is := p.issues[key(ref)]; is != nil {
		c := *is
		c.Labels = slices.Clone(is.Labels)
		return c
	}
	return core.Issue{}
}

// Edit changes an issue in place.
func (p *Platform) Edit(ref core.IssueRef, edit func(*core.Issue)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	edit(p.issues[key(ref)])
}

func (p *Platform) GetIssue(_ context.Context, ref core.IssueRef) (core.Issue, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.call("GetIssue", ref); err != nil {
		return core.Issue{}, err
	}
	is := p.issues[key(ref)]
	if is == nil {
		return core.Issue{}, notFound(ref.String())
	}
	out := *is
	out.Ref, out.Labels = ref, slices.Clone(is.Labels)
	return out, nil
}

// --- comments ---

// AddComment writes a comment as author (Self for cochef's) and returns
// its id.
func (p *Platform) AddComment(ref core.IssueRef, author, body string) int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.add(ref, author, body)
}

func (p *Platform) add(ref core.IssueRef, author, body string) int64 {
	p.nextID++
	p.comments[key(ref)] = append(p.comments[key(ref)], &Comment{ID: p.nextID, Body: body, Author: author})
	return p.nextID
}

// Comments are the comments on ref, oldest first.
func (p *Platform) Comments(ref core.IssueRef) []Comment {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []Comment
	for _, c := range p.comments[key(ref)] {
		out = append(out, *c)
	}
	return out
}

// Marked are the comments on ref that hold marker and that author wrote
// ("" for anyone).
func (p *Platform) Marked(ref core.IssueRef, marker, author string) []Comment {
	var out []Comment
	for _, c := range p.Comments(ref) {
		if strings.Contains(c.Body, marker) && (author == "" || c.Author == author) {
			out = append(out, c)
		}
	}
	return out
}

func (p *Platform) comment(id int64) (string, int) {
	for k, cs := range p.comments {
		for i, c := range cs {
			if c.ID == id {
				return k, i
			}
		}
	}
	return "", -1
}

// SetCommentBody edits a comment, as a person would.
func (p *Platform) SetCommentBody(id int64, body string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if k, i := p.comment(id); i >= 0 {
		p.comments[k][i].Body = body
	}
}

// DeleteComment deletes a comment, as a person would.
func (p *Platform) DeleteComment(id int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if k, i := p.comment(id); i >= 0 {
		p.comments[k] = slices.Delete(p.comments[k], i, i+1)
	}
}

// FindComment finds the first of cochef's comments holding marker: a
// person's comment quoting it is not cochef's.
func (p *Platform) FindComment(_ context.Context, ref core.IssueRef, marker string) (*core.Comment, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.call("FindComment", ref); err != nil {
		return nil, err
	}
	for _, c := range p.comments[key(ref)] {
		if c.Author == Self && strings.Contains(c.Body, marker) {
			return &core.Comment{ID: c.ID, Body: c.Body, Author: c.Author}, nil
		}
	}
	return nil, nil
}

// MarkedComments returns every one of cochef's comments holding marker,
// oldest first.
func (p *Platform) MarkedComments(_ context.Context, ref core.IssueRef, marker string) ([]core.Comment, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.call("MarkedComments", ref); err != nil {
		return nil, err
	}
	var out []core.Comment
	for _, c := range p.comments[key(ref)] {
		if c.Author == Self && strings.Contains(c.Body, marker) {
			out = append(out, core.Comment{ID: c.ID, Body: c.Body, Author: c.Author})
		}
	}
	return out, nil
}

// RemoveComment deletes one of the comments of ref; one already gone is
// not an error.
func (p *Platform) RemoveComment(_ context.Context, ref core.IssueRef, id int64) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.call("RemoveComment", ref); err != nil {
		return err
	}
	if k, i := p.comment(id); i >= 0 && k == key(ref) {
		p.comments[k] = slices.Delete(p.comments[k], i, i+1)
	}
	return nil
}

func (p *Platform) CreateComment(_ context.Context, ref core.IssueRef, body string) (core.Comment, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.call("CreateComment", ref); err != nil {
		return core.Comment{}, err
	}
	return core.Comment{ID: p.add(ref, Self, body), Body: body, Author: Self}, nil
}

func (p *Platform) EditComment(_ context.Context, ref core.IssueRef, id int64, body string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.call("EditComment", ref); err != nil {
		return err
	}
	k, i := p.comment(id)
	if i < 0 || k != key(ref) {
		return notFound(fmt.Sprintf("comment %d", id))
	}
	p.comments[k][i].Body = body
	return nil
}

// --- labels ---

// Labels are the labels of an issue or PR/MR.
func (p *Platform) Labels(ref core.IssueRef) []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.labelsOf(ref))
}

// labelsOf are the labels of ref: an issue's, or a PR/MR's.
func (p *Platform) labelsOf(ref core.IssueRef) []string {
	if is := p.issues[key(ref)]; is != nil {
		return is.Labels
	}
	if mr := p.mrs[key(ref)]; mr != nil {
		return mr.Labels
	}
	return nil
}

func (p *Platform) setLabelsOf(ref core.IssueRef, labels []string) {
	if is := p.issues[key(ref)]; is != nil {
		is.Labels = labels
	} else if mr := p.mrs[key(ref)]; mr != nil {
		mr.Labels = labels
	}
}

// RepoLabels are the labels a repository has, with colour and description.
func (p *Platform) RepoLabels(repo core.Repo) []core.Label {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.labels[repoKey(repo)])
}

func (p *Platform) EnsureLabels(_ context.Context, repo core.Repo, labels []core.Label) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.call("EnsureLabels", repo); err != nil {
		return err
	}
	for _, l := range labels {
		if !slices.ContainsFunc(p.labels[repoKey(repo)], func(x core.Label) bool { return strings.EqualFold(x.Name, l.Name) }) {
			p.labels[repoKey(repo)] = append(p.labels[repoKey(repo)], l)
		}
	}
	return nil
}

func (p *Platform) AddLabels(_ context.Context, ref core.IssueRef, names []string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.call("AddLabels", ref); err != nil {
		return err
	}
	have := p.labelsOf(ref)
	for _, n := range names {
		if !core.ContainsFold(have, n) {
			have = append(have, n)
		}
	}
	p.setLabelsOf(ref, have)
	return nil
}

func (p *Platform) RemoveLabel(_ context.Context, ref core.IssueRef, name string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.call("RemoveLabel", ref); err != nil {
		return err
	}
	p.setLabelsOf(ref, slices.DeleteFunc(slices.Clone(p.labelsOf(ref)), func(x string) bool { return strings.EqualFold(x, name) }))
	return nil
}

// --- permissions and configuration ---

// SetAccess gives user access to every repository.
func (p *Platform) SetAccess(user string, a core.Access) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.access[strings.ToLower(user)] = a
}

// SetTeamMember makes user a member of team.
func (p *Platform) SetTeamMember(team, user string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.teams[strings.ToLower(team+"/"+user)] = true
}

func (p *Platform) Access(_ context.Context, repo core.Repo, user string) (core.Access, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.call("Access", repo); err != nil {
		return core.AccessNone, err
	}
	return p.access[strings.ToLower(user)], nil
}

func (p *Platform) IsTeamMember(_ context.Context, repo core.Repo, team, user string) (bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.call("IsTeamMember", repo); err != nil {
		return false, err
	}
	return p.teams[strings.ToLower(team+"/"+user)], nil
}

// SetConfig writes the repository's cochef.yml; "" removes it.
func (p *Platform) SetConfig(repo core.Repo, yaml string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if yaml == "" {
		delete(p.files, repoKey(repo))
		return
	}
	p.files[repoKey(repo)] = yaml
}

// SetIssueTemplates sets what IssueTemplates answers for repo.
func (p *Platform) SetIssueTemplates(repo core.Repo, forms ...core.IssueTemplate) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.forms[repoKey(repo)] = forms
}

func (p *Platform) IssueTemplates(_ context.Context, repo core.Repo) ([]core.IssueTemplate, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.call("IssueTemplates", repo); err != nil {
		return nil, err
	}
	return slices.Clone(p.forms[repoKey(repo)]), nil
}

func (p *Platform) ReadConfig(_ context.Context, repo core.Repo) ([]byte, string, bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.call("ReadConfig", repo); err != nil {
		return nil, "", false, err
	}
	data, ok := p.files[repoKey(repo)]
	return []byte(data), repo.FullName + ":cochef.yml", ok, nil
}
