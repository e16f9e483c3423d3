package backfill

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/feedback"
)

// Lister lists a repository's issues (the GitHub and GitLab adapters, once
// connected to the repository).
type Lister interface {
	ListIssues(ctx context.Context, repo core.Repo, q core.IssueQuery, each func(core.Issue) error) error
}

// Evaluator evaluates one listed issue: feedback.Runner.Backfill, the
// server's feedback without reading the issue again.
type Evaluator interface {
	Backfill(ctx context.Context, issue core.Issue, apply bool) (feedback.Backfilled, error)
}

// Store is the evaluations the server keeps, and its per-issue leases.
type Store interface {
	RepoEvaluations(ctx context.Context, repo core.Repo) ([]core.Evaluation, error)
	LastEvaluation(ctx context.Context, ref core.IssueRef) (*core.Evaluation, error)
	ClaimIssue(ctx context.Context, ref core.IssueRef, owner int64) (bool, error)
	ReleaseIssue(ctx context.Context, ref core.IssueRef, owner int64) error
}

// Options says what one run does.
type Options struct {
	Repos []core.Repo
	Query core.IssueQuery
	// Apply writes comments and labels; without it nothing is written to
	// the platform.
	Apply bool
	// Owner tells this run's claims from another's (the process id).
	Owner int64
	// Progress, when set, is told after each issue.
	Progress func(Progress)
}

// Progress is where a run stands.
type Progress struct {
	Repo  string
	Done  int // issues of the run handled so far, every repository
	Total int // issues listed so far
	// Evaluated, UpToDate (evaluated at their current updated_at
	// already), Busy (being evaluated by the server), Failed.
	Evaluated, UpToDate, Busy, Failed int
	Elapsed                           time.Duration
}

// Report is a run's outcome.
type Report struct {
	Apply bool   `json:"apply"`
	Repos []Repo `json:"repos"`
	// Listed counts the issues listed; Closed those closed (not
	// evaluated); Evaluated, UpToDate, Busy and Failed as in Progress.
	Listed    int `json:"listed"`
	Evaluated int `json:"evaluated"`
	UpToDate  int `json:"up_to_date"`
	Closed    int `json:"closed"`
	Busy      int `json:"busy"`
	Failed    int `json:"failed"`
	// Reads and Writes are the platform calls of the evaluations
	// (listing excluded).
	Reads   int           `json:"reads"`
	Writes  int           `json:"writes"`
	Elapsed time.Duration `json:"elapsed_ns"`
	// Errors are the failures, one line each.
	Errors []string `json:"errors,omitempty"`
}

// Runner runs backfills.
type Runner struct {
	Lister    Lister
	Evaluator Evaluator
	Store     Store
	Log       *slog.Logger
	// BusyWait is how long an issue the server is evaluating is waited
	// for before it is tried again (default 2 s), BusyTries how many
	// times (default 5).
	BusyWait  time.Duration
	BusyTries int
	// Transient errors (5xx, network) are tried again Tries times
	// (default 3) after Backoff (default 2 s), doubling.
	Tries   int
	Backoff time.Duration
}

// Run backfills opt.Repos one after the other. A cancelled ctx stops it
// between two issues (or in a wait) with ctx's error and the report so
// far: what was evaluated is stored, and the next run goes on from there.
func (r *Runner) Run(ctx context.Context, opt Options) (Report, error) {
	start := time.Now()
	rep := Report{Apply: opt.Apply}
	st := &runState{r: r, opt: opt, rep: &rep, start: start}
	for _, repo := range opt.Repos {
		sum, err := st.repo(ctx, repo)
		rep.Elapsed = time.Since(start)
		if err != nil {
			return rep, err
		}
		rep.Repos = append(rep.Repos, sum)
	}
	rep.Elapsed = time.Since(start)
	return rep, nil
}

type runState struct {
	r     *Runner
	opt   Options
	rep   *Report
	start time.Time
	done  int
}

func (st *runState) progress(repo string) {
	if st.opt.Progress == nil {
		return
	}
	st.opt.Progress(Progress{Repo: repo, Done: st.done, Total: st.rep.Listed,
		Evaluated: st.rep.Evaluated, UpToDate: st.rep.UpToDate, Busy: st.rep.Busy, Failed: st.rep.Failed,
		Elapsed: time.Since(st.start)})
}

func (st *runState) repo(ctx context.Context, repo core.Repo) (Repo, error) {
	log := st.r.log().With("repo", repo.FullName, "platform", repo.Platform)
	stored, err := st.r.Store.RepoEvaluations(ctx, repo)
	if err != nil {
		return Repo{}, err
	}
	byNumber := make(map[int]*core.Evaluation, len(stored))
	for i := range stored {
		byNumber[stored[i].Ref.Number] = &stored[i]
	}
	var issues []core.Issue
	err = st.r.Lister.ListIssues(ctx, repo, st.opt.Query, func(is core.Issue) error {
		issues = append(issues, is)
		st.rep.Listed++
		return nil
	})
	if err != nil {
		return Repo{}, fmt.Errorf("list the issues of %s: %w", repo.FullName, err)
	}
	log.Debug("issues listed", "count", len(issues))
	var stories []Story
	var busy []core.Issue
	for _, is := range issues {
		if ctx.Err() != nil {
			return Repo{}, ctx.Err()
		}
		s, state, err := st.one(ctx, is, byNumber[is.Ref.Number])
		if err != nil {
			return Repo{}, err
		}
		switch state {
		case stateBusy:
			busy = append(busy, is)
			continue
		case stateStory:
			stories = append(stories, s)
		}
		st.done++
		st.progress(repo.FullName)
	}
	// The server was evaluating these: wait for it, then take its
	// evaluation if it stored one at the issue's updated_at.
	for try := 0; len(busy) > 0 && try < cmpInt(st.r.BusyTries, 5); try++ {
		if err := sleep(ctx, cmpDur(st.r.BusyWait, 2*time.Second)); err != nil {
			return Repo{}, err
		}
		var still []core.Issue
		for _, is := range busy {
			prev, err := st.r.Store.LastEvaluation(ctx, is.Ref)
			if err != nil {
				return Repo{}, err
			}
			s, state, err := st.one(ctx, is, prev)
			if err != nil {
				return Repo{}, err
			}
			if state == stateBusy {
				still = append(still, is)
				continue
			}
			if state == stateStory {
				stories = append(stories, s)
			}
			st.done++
			st.progress(repo.FullName)
		}
		busy = still
	}
	for _, is := range busy {
		st.rep.Busy++
		st.rep.Errors = append(st.rep.Errors, fmt.Sprintf("%s: being evaluated by the server; run again to include it", is.Ref))
		st.done++
		st.progress(repo.FullName)
	}
	return Summarize(repo, stories), nil
}

type outcome int

const (
	stateStory  outcome = iota // evaluated or up to date: in the report
	stateClosed                // closed: not a story to report
	stateBusy                  // the server holds it
	stateFailed                // recorded in the report's errors
)

// one handles one issue: skipped when up to date, else claimed, evaluated
// and released.
func (st *runState) one(ctx context.Context, is core.Issue, stored *core.Evaluation) (Story, outcome, error) {
	if !Due(is, stored, st.opt.Apply) {
		if is.State == "closed" {
			st.rep.Closed++
			return Story{}, stateClosed, nil
		}
		st.rep.UpToDate++
		return StoryOf(is, *stored), stateStory, nil
	}
	ok, err := st.r.Store.ClaimIssue(ctx, is.Ref, st.opt.Owner)
	if err != nil {
		return Story{}, stateFailed, err
	}
	if !ok {
		return Story{}, stateBusy, nil
	}
	b, evalErr := st.evaluate(ctx, is)
	// Released even when ctx is done: a claim left behind would hold the
	// server's job back until the lease ends.
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := st.r.Store.ReleaseIssue(rctx, is.Ref, st.opt.Owner); err != nil {
		st.r.log().Warn("releasing the issue failed; it frees itself when the lease ends", "issue", is.Ref.String(), "error", err)
	}
	st.rep.Reads += b.Reads
	st.rep.Writes += b.Writes
	switch {
	case ctx.Err() != nil:
		return Story{}, stateFailed, ctx.Err()
	case evalErr != nil:
		st.rep.Failed++
		st.rep.Errors = append(st.rep.Errors, fmt.Sprintf("%s: %v", is.Ref, evalErr))
		st.r.log().Warn("evaluation failed", "issue", is.Ref.String(), "error", evalErr)
		return Story{}, stateFailed, nil
	case b.Skipped == "closed":
		st.rep.Closed++
		return Story{}, stateClosed, nil
	}
	st.rep.Evaluated++
	d := b.Desired
	e := core.Evaluation{Ready: d.Result.Ready, Template: d.Result.Template, Findings: d.Result.Findings,
		SecurityReview: d.Result.SecurityReview, StoryKey: storyKey(d)}
	return StoryOf(is, e), stateStory, nil
}

// evaluate runs the evaluation, waiting when the platform asks to and
// trying transient failures again.
func (st *runState) evaluate(ctx context.Context, is core.Issue) (feedback.Backfilled, error) {
	var total feedback.Backfilled
	backoff := cmpDur(st.r.Backoff, 2*time.Second)
	for try := 1; ; try++ {
		b, err := st.r.Evaluator.Backfill(ctx, is, st.opt.Apply)
		b.Reads += total.Reads
		b.Writes += total.Writes
		total = b
		if err == nil || ctx.Err() != nil || core.IsPermanent(err) {
			return b, err
		}
		wait, asked := core.RetryAfter(err)
		switch {
		case asked:
			wait = min(wait, core.MaxRetryAfter)
			st.r.log().Info("platform asked to wait", "issue", is.Ref.String(), "wait", wait, "error", err)
		case try >= cmpInt(st.r.Tries, 3):
			return b, err
		case errors.Is(err, context.DeadlineExceeded):
			return b, err
		default:
			wait = backoff
			backoff *= 2
		}
		if err := sleep(ctx, wait); err != nil {
			return b, err
		}
	}
}

func (r *Runner) log() *slog.Logger {
	if r.Log == nil {
		return slog.Default()
	}
	return r.Log
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func cmpInt(v, def int) int {
	if v <= 0 {
		return def
	}
	return v
}

func cmpDur(v, def time.Duration) time.Duration {
	if v <= 0 {
		return def
	}
	return v
}
