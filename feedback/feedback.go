// Package feedback is cochef's story feedback: it evaluates an issue
// against its template and keeps one comment and the managed labels
// current, mentioning reviewers once when they are needed.
package feedback

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// Runner evaluates issues and keeps their feedback current. It is the
// core.Worker of core.FeatureFeedback; everything platform-specific is
// behind core's interfaces, so GitHub and GitLab share every decision.
type Runner struct {
	// Platforms are the configured adapters; a platform absent runs dry.
	Platforms core.Platforms
	Store     core.EvaluationStore
	// Settings returns the effective settings of a repository. Nil means
	// the Defaults for every repository.
	Settings core.SettingsSource
	Defaults core.Settings
	Logger   *slog.Logger
	Now      func() time.Time
	// Observe, when set, is told each evaluation's outcome (metrics).
	Observe func(o core.Outcome)
	// Evaluated, when set, is told of each story evaluated with the
	// platform's credentials: the recette re-renders the checklists that
	// show it.
	Evaluated Evaluated
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

func (r *Runner) log() *slog.Logger {
	if r.Logger != nil {
		return r.Logger
	}
	return slog.Default()
}

func (r *Runner) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

// Work implements core.Worker.
func (r *Runner) Work(ctx context.Context, t core.Task) (err error) {
	log := r.log().With("issue", t.Issue.String(), "delivery", t.Delivery, "feature", string(t.Feature), "trigger", string(t.Trigger))
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
		if r.Observe != nil {
			r.Observe(out)
		}
	}()

	settings, cfgErr := r.Defaults, (*core.ConfigError)(nil)
	if r.Settings != nil && live {
		var err error
		settings, cfgErr, err = r.Settings.Load(ctx, p, t.Issue.Repo)
		if err != nil {
			return fmt.Errorf("load settings: %w", err)
		}
	}
	// A repository may ask for a longer debounce than the server's: the
	// task comes back when it is due, and edits arriving meanwhile join it.
	command := t.Trigger == core.TriggerCommand
	if !command && settings.Debounce > 0 && !t.ReceivedAt.IsZero() {
		if wait := settings.Debounce - r.now().Sub(t.ReceivedAt); wait > 0 {
			out.Skipped = "debounce"
			return &core.Deferred{Wait: wait, Reason: "repository debounce"}
		}
	}
	var issue core.Issue
	switch {
	case live:
		var err error
		if issue, err = p.GetIssue(ctx, t.Issue); err != nil {
			return fmt.Errorf("read issue: %w", err)
		}
	case t.Snapshot != nil:
		issue = *t.Snapshot
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
	if issue.State == "closed" {
		out.Skipped = "closed"
		log.Info("issue is closed, not evaluated")
		return nil
	}

	tpl := settings.Template(issue.Labels)
	if tpl == nil {
		return &core.APIError{Platform: t.Issue.Repo.Platform, Status: 400, Message: "no template"}
	}
	res := rules.Analyze(rules.Input{Title: issue.Title, Body: issue.Body, Labels: issue.Labels}, tpl, settings.Lang)
	lang := settings.Lang
	if lang == "" {
		lang = res.Lang
	}
	if lang != rules.EN {
		lang = rules.FR
	}
	out.Template, out.Ready, out.Findings = res.Template, res.Ready, res.Findings

	prev, err := r.Store.LastEvaluation(ctx, t.Issue)
	if err != nil {
		return fmt.Errorf("read last evaluation: %w", err)
	}
	next := core.Evaluation{
		Ref: t.Issue, Template: res.Template, Lang: lang, Ready: res.Ready,
		Findings: res.Findings, DryRun: !live, EvaluatedAt: r.now(),
	}
	if prev != nil {
		next.CommentID, next.CommentHash = prev.CommentID, prev.CommentHash
		next.SecurityMentioned, next.ReadyMentioned = prev.SecurityMentioned, prev.ReadyMentioned
		// Until the labels are synced, what was applied is what the
		// previous evaluation applied: a save in between must not forget it.
		next.Labels, next.SecurityDismissed = prev.Labels, prev.SecurityDismissed
	}

	body, err := feedback(lang, t.Issue.Repo.Platform, tpl, res, cfgErr)
	if err != nil {
		return err
	}
	next.Comment = body
	trust := core.TrustStored
	if command {
		// "/cochef check" repairs a comment edited by hand.
		trust = core.VerifyShown
	}
	st := core.CommentState{ID: next.CommentID, Hash: next.CommentHash}
	err = core.SyncComment(ctx, w, nil, core.CommentSync{
		Ref: t.Issue, Marker: MarkerFeedback, Body: body, LookUp: live, Trust: trust,
		Quiet: res.Ready && cfgErr == nil && len(res.Findings) == 0,
	}, &st)
	next.CommentID, next.CommentHash = st.ID, st.Hash
	if err != nil {
		return err
	}
	// The evaluation is saved after each step that wrote something, so a
	// crash between steps resumes without writing twice.
	if err := r.Store.SaveEvaluation(ctx, next); err != nil {
		return fmt.Errorf("save evaluation: %w", err)
	}
	labels, dismissed, err := syncLabels(ctx, w, issue, prev, settings.Labels, res)
	if err != nil {
		return err
	}
	next.Labels, next.SecurityDismissed = labels, dismissed
	if err := mention(ctx, w, live, t.Issue, &next, settings, res, lang); err != nil {
		return err
	}
	if err := r.Store.SaveEvaluation(ctx, next); err != nil {
		return fmt.Errorf("save evaluation: %w", err)
	}
	if live && r.Evaluated != nil {
		if err := r.Evaluated(ctx, issue, res, tpl); err != nil {
			return err
		}
	}
	log.Info("issue evaluated", "template", res.Template, "ready", res.Ready,
		"findings", len(res.Findings), "reads", p.Reads(), "writes", p.Writes(), "dry_run", !live)
	return nil
}

// feedback renders the comment for res.
func feedback(lang rules.Lang, platform string, tpl *rules.Template, res rules.Result, cfgErr *core.ConfigError) (string, error) {
	v := FeedbackView{Ready: res.Ready, Template: res.Template, Findings: res.Findings, ConfigError: cfgErr}
	if !res.Ready {
		v.TemplateBody = templates.Markdown(tpl, lang)
	}
	if slices.Contains(res.Required, rules.SectionSecurityNotes) {
		for _, q := range tpl.SecurityChecklist {
			v.SecurityChecklist = append(v.SecurityChecklist, q.Get(lang))
		}
	}
	return RenderFeedback(lang, platform, v)
}

// syncLabels applies the difference between the managed labels the issue
// has and those it should have, and returns the managed labels it now has
// and whether the security review stands dismissed.
//
// A security-review label that cochef applied and a person removed stays
// removed while the story keeps needing a review: the review was done, and
// cochef does not argue with people. A person putting it back, or the
// story no longer needing a review, ends the dismissal.
func syncLabels(ctx context.Context, w writer, issue core.Issue, prev *core.Evaluation, ls core.LabelSet, res rules.Result) ([]string, bool, error) {
	want := []core.Label{ls.NeedsWork}
	if res.Ready {
		want = []core.Label{ls.Ready}
	}
	dismissed := false
	if res.SecurityReview {
		onIssue := core.ContainsFold(issue.Labels, ls.SecurityReview.Name)
		removedNow := prev != nil && !prev.DryRun && core.ContainsFold(prev.Labels, ls.SecurityReview.Name) && !onIssue
		dismissed = !onIssue && (removedNow || (prev != nil && prev.SecurityDismissed))
		if !dismissed {
			want = append(want, ls.SecurityReview)
		}
	}
	if err := core.ApplyLabels(ctx, w, issue.Ref, issue.Labels, want, ls.Names()); err != nil {
		return nil, false, err
	}
	return core.LabelNames(want), dismissed, nil
}

// mention notifies reviewers once, in a comment of its own: editing a
// comment to add a mention notifies nobody on either platform.
func mention(ctx context.Context, w writer, live bool, ref core.IssueRef, next *core.Evaluation, s core.Settings, res rules.Result, lang rules.Lang) error {
	type want struct {
		kind, marker string
		who          []string
		done         *bool
		when         bool
	}
	for _, m := range []want{
		{"security", MarkerMentionSecurity, s.SecurityReviewers, &next.SecurityMentioned, res.SecurityReview},
		{"ready", MarkerMentionReady, s.ReadyReviewers, &next.ReadyMentioned, res.Ready},
	} {
		if !m.when || len(m.who) == 0 || *m.done {
			continue
		}
		if live {
			// A crash after posting but before saving must not post twice.
			c, err := w.FindComment(ctx, ref, m.marker)
			if err != nil {
				return fmt.Errorf("find mention: %w", err)
			}
			if c != nil {
				*m.done = true
				continue
			}
		}
		privileged := res.SecurityReview && len(res.Sensitive) == 0
		body, err := RenderMention(lang, m.kind, m.who, privileged, res.Sensitive)
		if err != nil {
			return err
		}
		if _, err := w.CreateComment(ctx, ref, body); err != nil {
			return fmt.Errorf("mention %s reviewers: %w", m.kind, err)
		}
		*m.done = true
	}
	return nil
}
