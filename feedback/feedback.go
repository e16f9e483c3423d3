// Package feedback is cochef's story feedback: it evaluates an issue
// against its template and keeps one comment and the managed labels
// current, mentioning reviewers once when they are needed.
//
// Plan is the pure part: the issue, the settings and the last evaluation
// in, the comment, the labels and the mentions out. A task (Runner.Work)
// reads, plans and applies.
package feedback

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/similar"
)

// Runner evaluates issues and keeps their feedback current. It is the
// core.Worker of core.FeatureFeedback; everything platform-specific is
// behind core's interfaces, so GitHub and GitLab share every decision.
type Runner struct {
	core.Env
	Store core.EvaluationStore
	// forms remembers each repository's issue forms (FormsTTL).
	forms formCache
	// Evaluated, when set, is told of each story evaluated with the
	// platform's credentials: the recette re-renders the checklists that
	// show it.
	Evaluated Evaluated
	// Recettes, when set, gives the recette progress of the open pull or
	// merge requests that close the story, shown in one line.
	Recettes Recettes
	// Similar, when set, finds another open story of the repository with
	// the same role and need among the stored evaluations (no call to the
	// platform): the comment names it in one line.
	Similar SimilarStories
}

// Recettes tells where a story stands in the recette of the open pull or
// merge requests that close it (recette.Runner implements it, from the
// store alone).
type Recettes interface {
	StoryRecettes(ctx context.Context, story core.IssueRef) ([]core.RecetteProgress, error)
}

// Evaluated is told of an issue read from the platform and its analysis
// with the template that made it.
type Evaluated func(ctx context.Context, issue core.Issue, res rules.Result, tpl *rules.Template) error

// writer is what a task writes through: the counted platform, or
// core.DryRun.
type writer interface {
	core.Comments
	core.Labels
}

// Work implements core.Worker: it reads the issue, plans, and applies.
func (r *Runner) Work(ctx context.Context, t core.Task) (err error) {
	log := r.Log().With("issue", t.Issue.String(), "delivery", t.Delivery, "feature", string(t.Feature), "trigger", string(t.Trigger))
	connected, live, err := r.Platforms.Connect(t.Issue.Repo)
	if err != nil {
		return err
	}
	var p *core.Counted
	var w writer = core.DryRun{Log: log}
	if live {
		p = core.Count(connected)
		w = p
	}
	out := core.Outcome{Ref: t.Issue, Feature: t.Feature, DryRun: !live}
	defer func() {
		out.Reads, out.Writes, out.Err = p.Reads(), p.Writes(), err
		r.Report(out)
	}()

	in := Input{Settings: r.Defaults}
	if r.Settings != nil && live {
		if in.Settings, in.ConfigError, err = r.Settings.Load(ctx, p, t.Issue.Repo); err != nil {
			return fmt.Errorf("load settings: %w", err)
		}
	}
	// A repository may ask for a longer debounce than the server's: the
	// task comes back when it is due, and edits arriving meanwhile join it.
	command := t.Trigger == core.TriggerCommand
	if !command && in.Settings.Debounce > 0 && !t.ReceivedAt.IsZero() {
		if wait := in.Settings.Debounce - r.Time().Sub(t.ReceivedAt); wait > 0 {
			out.Skipped = "debounce"
			return &core.Deferred{Wait: wait, Reason: "repository debounce"}
		}
	}
	switch {
	case live:
		if in.Issue, err = p.GetIssue(ctx, t.Issue); err != nil {
			return fmt.Errorf("read issue: %w", err)
		}
	case t.Snapshot != nil:
		in.Issue = *t.Snapshot
	default:
		out.Skipped = "dry-run without snapshot"
		log.Info("dry-run: no issue content in the task, nothing to evaluate")
		return nil
	}
	if command && live {
		acc, err := p.Access(ctx, t.Issue.Repo, t.Actor)
		if err != nil {
			return fmt.Errorf("check access of %s: %w", t.Actor, err)
		}
		if acc < core.AccessWrite {
			out.Skipped = "command from reader"
			log.Info("ignoring /cochef check from a user without write access", "actor", t.Actor)
			return nil
		}
	}
	if in.Issue.State == "closed" {
		out.Skipped = "closed"
		log.Info("issue is closed, not evaluated")
		return r.markClosed(ctx, t.Issue)
	}
	if live {
		if in.Forms, err = r.forms.get(ctx, p, t.Issue.Repo, r.Time(), log); err != nil {
			return fmt.Errorf("list issue forms: %w", err)
		}
	}
	if in.Previous, err = r.Store.LastEvaluation(ctx, t.Issue); err != nil {
		return fmt.Errorf("read last evaluation: %w", err)
	}
	if live && r.Recettes != nil {
		if in.Recettes, err = r.Recettes.StoryRecettes(ctx, t.Issue); err != nil {
			return err
		}
	}

	d, err := r.plan(ctx, &in)
	if u := new(core.Unrecoverable); errors.As(err, &u) {
		// Not retried (core.IsPermanent): the stack is for the bug report.
		log.Error("story analysis failed", "error", err, "stack", u.Stack)
	}
	if errors.As(err, new(errNoTemplate)) {
		return &core.APIError{Platform: t.Issue.Repo.Platform, Status: 400, Message: err.Error()}
	}
	if err != nil {
		return err
	}
	res := d.Result
	out.Template, out.Ready, out.Findings = res.Template, res.Ready, res.Findings
	if err := r.apply(ctx, w, live, t, in, d); err != nil {
		return err
	}
	if live && r.Evaluated != nil {
		if err := r.Evaluated(ctx, in.Issue, res, d.Template); err != nil {
			return err
		}
	}
	log.Info("issue evaluated", "template", res.Template, "ready", res.Ready,
		"findings", len(res.Findings), "reads", p.Reads(), "writes", p.Writes(), "dry_run", !live)
	return nil
}

// apply writes what the plan wants, the comment first, then the labels and
// the mentions, and stores the evaluation after each step that wrote, so a
// crash between steps resumes without writing twice.
func (r *Runner) apply(ctx context.Context, w writer, live bool, t core.Task, in Input, d Desired) error {
	next := core.Evaluation{
		Ref: t.Issue, Template: d.Result.Template, Lang: d.Lang, Ready: d.Result.Ready,
		Findings: d.Result.Findings, DryRun: !live, EvaluatedAt: r.Time(), Comment: d.Comment,
		Title: in.Issue.Title, URL: in.Issue.URL, SecurityReview: d.Result.SecurityReview, IssueLabels: in.Issue.Labels,
		StoryKey: similar.Key(d.Result.Story),
		// IssueUpdatedAt stays zero until the last save: an evaluation
		// saved half way (a creation pending, labels not synced) and cut
		// short by a crash must stay due for a backfill (backfill.Due),
		// not pass for one done at the issue's updated_at.
	}
	if prev := in.Previous; prev != nil {
		next.CommentID, next.CommentHash, next.CommentPending = prev.CommentID, prev.CommentHash, prev.CommentPending
		next.SecurityMentioned, next.ReadyMentioned = prev.SecurityMentioned, prev.ReadyMentioned
		next.MentionPending = prev.MentionPending
		// Until the labels are synced, what was applied is what the
		// previous evaluation applied: a save in between must not forget it.
		next.Labels, next.SecurityDismissed = prev.Labels, prev.SecurityDismissed
	}
	trust := core.TrustStored
	if t.Trigger == core.TriggerCommand {
		// "/cochef check" repairs a comment edited by hand.
		trust = core.VerifyShown
	}
	st := core.CommentState{ID: next.CommentID, Hash: next.CommentHash, Pending: next.CommentPending}
	err := core.SyncComment(ctx, w, nil, core.CommentSync{
		Ref: t.Issue, Marker: MarkerFeedback, Body: d.Comment, Quiet: d.Quiet, LookUp: live, Trust: trust,
		Settle: r.WriteSettle, Now: r.Time,
		Record: func(ctx context.Context, st core.CommentState) error {
			e := next
			e.CommentID, e.CommentHash, e.CommentPending = st.ID, st.Hash, st.Pending
			return r.save(ctx, e)
		},
	}, &st)
	next.CommentID, next.CommentHash, next.CommentPending = st.ID, st.Hash, st.Pending
	if err != nil {
		return err
	}
	if err := r.save(ctx, next); err != nil {
		return err
	}
	if err := core.ApplyLabels(ctx, w, t.Issue, in.Issue.Labels, d.Labels, d.Managed); err != nil {
		return err
	}
	next.Labels, next.SecurityDismissed = core.LabelNames(d.Labels), d.SecurityDismissed
	// A crash or a timeout while mentioning must not mention twice: each
	// mention is posted once (core.PostOnce), its marker looked for
	// first, afresh after a post of unknown outcome.
	pending := next.MentionPending
	for _, m := range d.Mentions {
		var err error
		next.MentionPending, err = core.PostOnce(ctx, w, core.OncePost{
			Ref: t.Issue, Marker: m.Marker, Body: m.Body, Pending: pending, LookUp: live,
			Settle: r.WriteSettle, Now: r.Time,
			Record: func(ctx context.Context, at time.Time) error {
				e := next
				e.MentionPending = at
				return r.save(ctx, e)
			},
		})
		if err != nil {
			return fmt.Errorf("mention %s reviewers: %w", m.Kind, err)
		}
		m.set(&next)
	}
	if len(d.Mentions) == 0 {
		next.MentionPending = time.Time{}
	}
	// Stamped after the writes: an issue whose updated_at is not later
	// was touched by them, not by a person (backfill.Due).
	next.EvaluatedAt = r.Time()
	next.IssueUpdatedAt = in.Issue.UpdatedAt
	return r.save(ctx, next)
}

func (r *Runner) save(ctx context.Context, e core.Evaluation) error {
	if err := r.Store.SaveEvaluation(ctx, e); err != nil {
		return fmt.Errorf("save evaluation: %w", err)
	}
	return nil
}
