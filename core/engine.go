package core

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// Engine evaluates issues and keeps their feedback current. It is the
// core.Worker the queue runs; everything platform-specific is behind the
// Platform interface, so GitHub and GitLab share every decision made here.
type Engine struct {
	// Platforms are the configured adapters; a platform absent runs dry.
	Platforms Platforms
	Store     EvaluationStore
	// Settings returns the effective settings of a repository. Nil means
	// the Defaults for every repository.
	Settings SettingsSource
	Defaults Settings
	Logger   *slog.Logger
	Now      func() time.Time
	// Observe, when set, is told each evaluation's outcome (metrics).
	Observe func(o Outcome)
	// Recettes keeps the recette checklists of pull and merge requests;
	// nil turns the recette off (recette tasks are skipped).
	Recettes RecetteStore
	// Enqueuer lets an issue evaluation queue the re-render of the
	// checklists of the open PRs/MRs that close the issue, when its
	// criteria changed; nil leaves them as they are until their next event.
	Enqueuer Enqueuer
}

// SettingsSource loads a repository's settings. A broken configuration
// file is returned as a ConfigError with the defaults, so the issue can be
// told what is wrong while the defaults still apply.
type SettingsSource interface {
	Load(ctx context.Context, p Configs, repo Repo) (Settings, *ConfigError, error)
}

// Outcome sums up one evaluation for logs and metrics.
type Outcome struct {
	Ref      IssueRef
	Feature  Feature
	Template string
	Ready    bool
	Findings []rules.Finding
	Reads    int
	Writes   int
	Skipped  string // why nothing was evaluated, if so
	// Err is the attempt's error: a failed attempt is retried, so its
	// analysis must not be counted twice.
	Err    error
	DryRun bool
}

// Work implements Worker.
func (e *Engine) Work(ctx context.Context, t Task) error {
	switch t.Feature {
	case FeatureFeedback:
		return e.evaluate(ctx, t)
	case FeatureRecette, FeatureMergeGroup:
		return e.recette(ctx, t)
	default:
		// An unknown feature cannot become valid by retrying.
		return &APIError{Platform: t.Issue.Repo.Platform, Status: 400, Message: "unknown feature " + string(t.Feature)}
	}
}

func (e *Engine) log() *slog.Logger {
	if e.Logger != nil {
		return e.Logger
	}
	return slog.Default()
}

func (e *Engine) now() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

func (e *Engine) evaluate(ctx context.Context, t Task) (err error) {
	log := e.log().With("issue", t.Issue.String(), "delivery", t.Delivery, "feature", string(t.Feature), "trigger", string(t.Trigger))
	connected, live, err := e.Platforms.Connect(t.Issue.Repo)
	if err != nil {
		return err
	}
	var p *Counted
	var w writer = DryRun{Log: log}
	if live {
		p = Count(connected)
		w = p
	}
	out := Outcome{Ref: t.Issue, Feature: t.Feature, DryRun: !live}
	defer func() {
		if p != nil {
			out.Reads, out.Writes = p.Reads(), p.Writes()
		}
		out.Err = err
		if e.Observe != nil {
			e.Observe(out)
		}
	}()

	settings, cfgErr := e.Defaults, (*ConfigError)(nil)
	if e.Settings != nil && live {
		var err error
		settings, cfgErr, err = e.Settings.Load(ctx, p, t.Issue.Repo)
		if err != nil {
			return fmt.Errorf("load settings: %w", err)
		}
	}
	// A repository may ask for a longer debounce than the server's: the
	// task comes back when it is due, and edits arriving meanwhile join it.
	command := t.Trigger == TriggerCommand
	if !command && settings.Debounce > 0 && !t.ReceivedAt.IsZero() {
		if wait := settings.Debounce - e.now().Sub(t.ReceivedAt); wait > 0 {
			out.Skipped = "debounce"
			return &Deferred{Wait: wait, Reason: "repository debounce"}
		}
	}
	var issue Issue
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
		if acc < AccessWrite {
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

	tpl := settings.template(issue.Labels)
	if tpl == nil {
		return &APIError{Platform: t.Issue.Repo.Platform, Status: 400, Message: "no template"}
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

	prev, err := e.Store.LastEvaluation(ctx, t.Issue)
	if err != nil {
		return fmt.Errorf("read last evaluation: %w", err)
	}
	next := Evaluation{
		Ref: t.Issue, Template: res.Template, Lang: lang, Ready: res.Ready,
		Findings: res.Findings, DryRun: !live, EvaluatedAt: e.now(),
	}
	if prev != nil {
		next.CommentID, next.CommentHash = prev.CommentID, prev.CommentHash
		next.SecurityMentioned, next.ReadyMentioned = prev.SecurityMentioned, prev.ReadyMentioned
		// Until the labels are synced, what was applied is what the
		// previous evaluation applied: a save in between must not forget it.
		next.Labels, next.SecurityDismissed = prev.Labels, prev.SecurityDismissed
	}
	force := command

	body, err := e.feedback(lang, t.Issue.Repo.Platform, tpl, res, cfgErr)
	if err != nil {
		return err
	}
	next.Comment = body
	trust := TrustStored
	if force {
		// "/cochef check" repairs a comment edited by hand.
		trust = VerifyShown
	}
	st := CommentState{ID: next.CommentID, Hash: next.CommentHash}
	err = SyncComment(ctx, w, nil, CommentSync{
		Ref: t.Issue, Marker: MarkerFeedback, Body: body, LookUp: live, Trust: trust,
		Quiet: res.Ready && cfgErr == nil && len(res.Findings) == 0,
	}, &st)
	next.CommentID, next.CommentHash = st.ID, st.Hash
	if err != nil {
		return err
	}
	// The evaluation is saved after each step that wrote something, so a
	// crash between steps resumes without writing twice.
	if err := e.Store.SaveEvaluation(ctx, next); err != nil {
		return fmt.Errorf("save evaluation: %w", err)
	}
	labels, dismissed, err := e.syncLabels(ctx, w, issue, prev, settings.Labels, res)
	if err != nil {
		return err
	}
	next.Labels, next.SecurityDismissed = labels, dismissed
	if err := e.mention(ctx, p, w, live, t.Issue, &next, settings, res, lang); err != nil {
		return err
	}
	if err := e.Store.SaveEvaluation(ctx, next); err != nil {
		return fmt.Errorf("save evaluation: %w", err)
	}
	if live {
		if err := e.propagateRecette(ctx, log, t.Issue, issue, res, tpl); err != nil {
			return err
		}
	}
	log.Info("issue evaluated", "template", res.Template, "ready", res.Ready,
		"findings", len(res.Findings), "reads", out.Reads, "writes", out.Writes, "dry_run", !live)
	return nil
}

// feedback renders the comment for res.
func (e *Engine) feedback(lang rules.Lang, platform string, tpl *rules.Template, res rules.Result, cfgErr *ConfigError) (string, error) {
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
func (e *Engine) syncLabels(ctx context.Context, w writer, issue Issue, prev *Evaluation, ls LabelSet, res rules.Result) ([]string, bool, error) {
	want := []Label{ls.NeedsWork}
	if res.Ready {
		want = []Label{ls.Ready}
	}
	dismissed := false
	if res.SecurityReview {
		onIssue := ContainsFold(issue.Labels, ls.SecurityReview.Name)
		removedNow := prev != nil && !prev.DryRun && ContainsFold(prev.Labels, ls.SecurityReview.Name) && !onIssue
		dismissed = !onIssue && (removedNow || (prev != nil && prev.SecurityDismissed))
		if !dismissed {
			want = append(want, ls.SecurityReview)
		}
	}
	if err := ApplyLabels(ctx, w, issue.Ref, issue.Labels, want, ls.Names()); err != nil {
		return nil, false, err
	}
	return LabelNames(want), dismissed, nil
}

// mention notifies reviewers once, in a comment of its own: editing a
// comment to add a mention notifies nobody on either platform.
func (e *Engine) mention(ctx context.Context, p Comments, w writer, live bool, ref IssueRef, next *Evaluation, s Settings, res rules.Result, lang rules.Lang) error {
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
			c, err := p.FindComment(ctx, ref, m.marker)
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

// writer is what a task writes through: the counted platform, or DryRun.
type writer interface {
	Comments
	Labels
}
