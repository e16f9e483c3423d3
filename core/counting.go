package core

import "context"

// Counted is a Platform that counts the calls made through it, for the
// logs of one task. Threads are counted with the rest when the platform
// has them. A Counted serves one task: it is not safe for concurrent use.
type Counted struct {
	p             Platform
	reads, writes int
}

// Counted plays every role of the platform it wraps, so a call the
// platform gains is counted or does not compile.
var _ Platform = (*Counted)(nil)

// Count wraps p.
func Count(p Platform) *Counted { return &Counted{p: p} }

// Reads and Writes are the calls made so far; none through a nil Counted
// (a dry run).
func (c *Counted) Reads() int {
	if c == nil {
		return 0
	}
	return c.reads
}

func (c *Counted) Writes() int {
	if c == nil {
		return 0
	}
	return c.writes
}

// Threads returns the platform's threads, counted, if it has them.
func (c *Counted) Threads() (Threads, bool) {
	t, ok := c.p.(Threads)
	if !ok {
		return nil, false
	}
	return countedThreads{t: t, c: c}, true
}

func (c *Counted) read()  { c.reads++ }
func (c *Counted) write() { c.writes++ }

func (c *Counted) GetIssue(ctx context.Context, ref IssueRef) (Issue, error) {
	c.read()
	return c.p.GetIssue(ctx, ref)
}

func (c *Counted) FindComment(ctx context.Context, ref IssueRef, marker string) (*Comment, error) {
	c.read()
	return c.p.FindComment(ctx, ref, marker)
}

func (c *Counted) MarkedComments(ctx context.Context, ref IssueRef, marker string) ([]Comment, error) {
	c.read()
	return c.p.MarkedComments(ctx, ref, marker)
}

func (c *Counted) RemoveComment(ctx context.Context, ref IssueRef, id int64) error {
	c.write()
	return c.p.RemoveComment(ctx, ref, id)
}

func (c *Counted) CreateComment(ctx context.Context, ref IssueRef, body string) (Comment, error) {
	c.write()
	return c.p.CreateComment(ctx, ref, body)
}

func (c *Counted) EditComment(ctx context.Context, ref IssueRef, id int64, body string) error {
	c.write()
	return c.p.EditComment(ctx, ref, id, body)
}

func (c *Counted) EnsureLabels(ctx context.Context, repo Repo, labels []Label) error {
	c.write()
	return c.p.EnsureLabels(ctx, repo, labels)
}

func (c *Counted) AddLabels(ctx context.Context, ref IssueRef, names []string) error {
	c.write()
	return c.p.AddLabels(ctx, ref, names)
}

func (c *Counted) RemoveLabel(ctx context.Context, ref IssueRef, name string) error {
	c.write()
	return c.p.RemoveLabel(ctx, ref, name)
}

func (c *Counted) Access(ctx context.Context, repo Repo, user string) (Access, error) {
	c.read()
	return c.p.Access(ctx, repo, user)
}

func (c *Counted) IsTeamMember(ctx context.Context, repo Repo, team, user string) (bool, error) {
	c.read()
	return c.p.IsTeamMember(ctx, repo, team, user)
}

func (c *Counted) ReadConfig(ctx context.Context, repo Repo) ([]byte, string, bool, error) {
	c.read()
	return c.p.ReadConfig(ctx, repo)
}

func (c *Counted) IssueTemplates(ctx context.Context, repo Repo) ([]IssueTemplate, error) {
	c.read()
	return c.p.IssueTemplates(ctx, repo)
}

func (c *Counted) GetMergeRequest(ctx context.Context, ref IssueRef) (MergeRequest, error) {
	c.read()
	return c.p.GetMergeRequest(ctx, ref)
}

func (c *Counted) ClosingIssues(ctx context.Context, mr MergeRequest) ([]IssueRef, error) {
	c.read()
	return c.p.ClosingIssues(ctx, mr)
}

func (c *Counted) SetRecetteStatus(ctx context.Context, mr MergeRequest, s RecetteStatus) (int64, error) {
	c.write()
	return c.p.SetRecetteStatus(ctx, mr, s)
}

type countedThreads struct {
	t Threads
	c *Counted
}

func (t countedThreads) FindThread(ctx context.Context, ref IssueRef, marker string) (*Comment, string, error) {
	t.c.read()
	return t.t.FindThread(ctx, ref, marker)
}

func (t countedThreads) MarkedThreads(ctx context.Context, ref IssueRef, marker string) ([]ThreadNote, error) {
	t.c.read()
	return t.t.MarkedThreads(ctx, ref, marker)
}

func (t countedThreads) CreateThread(ctx context.Context, ref IssueRef, body string) (Comment, string, error) {
	t.c.write()
	return t.t.CreateThread(ctx, ref, body)
}

func (t countedThreads) ResolveThread(ctx context.Context, ref IssueRef, threadID string, resolved bool) error {
	t.c.write()
	return t.t.ResolveThread(ctx, ref, threadID, resolved)
}
