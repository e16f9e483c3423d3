package feedback

import (
	"context"
	"errors"
	"fmt"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/similar"
)

// SimilarStories finds, among a repository's stored evaluations, the open
// story closest to one (similar.Finder implements it from the store).
type SimilarStories interface {
	SimilarStory(ctx context.Context, ref core.IssueRef, key string) (*core.IssueRef, error)
}

// plan is Plan with the similar story looked up: the story's key comes
// from its analysis, so the plan runs again, with the line, only when a
// close story is found (rarely).
func (r *Runner) plan(ctx context.Context, in *Input) (Desired, error) {
	d, err := Plan(*in)
	if err != nil || r.Similar == nil {
		return d, err
	}
	key := similar.Key(d.Result.Story)
	if key == "" {
		return d, nil
	}
	other, err := r.Similar.SimilarStory(ctx, in.Issue.Ref, key)
	if err != nil {
		return Desired{}, fmt.Errorf("look for a similar story: %w", err)
	}
	if other == nil {
		return d, nil
	}
	in.Similar = other
	return Plan(*in)
}

// markClosed records that the issue was seen closed: its story is no
// longer anyone's duplicate. Nothing is written when it never was
// evaluated.
func (r *Runner) markClosed(ctx context.Context, ref core.IssueRef) error {
	prev, err := r.Store.LastEvaluation(ctx, ref)
	if err != nil {
		return fmt.Errorf("read last evaluation: %w", err)
	}
	if prev == nil || prev.IssueClosed {
		return nil
	}
	prev.IssueClosed = true
	return r.save(ctx, *prev)
}

// Backfilled is what a backfill learns of one issue.
type Backfilled struct {
	Desired Desired
	// Reads and Writes are the platform calls the issue cost (settings
	// and forms are read once per repository, and counted on the first).
	Reads, Writes int
	// Skipped says why the issue was not evaluated ("closed").
	Skipped string
}

// Backfill evaluates an issue a backfill listed, with the same settings,
// forms, stored state and plan as Work, without reading the issue again
// (the listing gave it). With apply it writes what Work would write, the
// same way (one comment, minimal label diff, mentions once) and stores the
// evaluation like Work. Without, it writes nothing to the platform; it
// stores the evaluation only when no evaluation that wrote is stored,
// marked dry-run, so that what cochef wrote is never forgotten and a
// later live run still writes and mentions.
func (r *Runner) Backfill(ctx context.Context, issue core.Issue, apply bool) (b Backfilled, err error) {
	ref := issue.Ref
	log := r.Log().With("issue", ref.String(), "feature", "backfill")
	connected, live, err := r.Platforms.Connect(ref.Repo)
	if err != nil {
		return b, err
	}
	if apply && !live {
		return b, fmt.Errorf("no credentials for %s: nothing can be applied", ref.Repo.Platform)
	}
	var p *core.Counted
	if live {
		p = core.Count(connected)
	}
	out := core.Outcome{Ref: ref, Feature: core.FeatureFeedback, DryRun: !apply}
	defer func() {
		b.Reads, b.Writes = p.Reads(), p.Writes()
		out.Reads, out.Writes, out.Err = b.Reads, b.Writes, err
		out.Skipped = b.Skipped
		r.Report(out)
	}()
	if issue.State == "closed" {
		b.Skipped = "closed"
		return b, r.markClosed(ctx, ref)
	}
	in := Input{Settings: r.Defaults, Issue: issue}
	if r.Settings != nil && live {
		if in.Settings, in.ConfigError, err = r.Settings.Load(ctx, p, ref.Repo); err != nil {
			return b, fmt.Errorf("load settings: %w", err)
		}
	}
	if live {
		if in.Forms, err = r.forms.get(ctx, p, ref.Repo, r.Time(), log); err != nil {
			return b, fmt.Errorf("list issue forms: %w", err)
		}
	}
	if in.Previous, err = r.Store.LastEvaluation(ctx, ref); err != nil {
		return b, fmt.Errorf("read last evaluation: %w", err)
	}
	if r.Recettes != nil {
		if in.Recettes, err = r.Recettes.StoryRecettes(ctx, ref); err != nil {
			return b, err
		}
	}
	d, err := r.plan(ctx, &in)
	if errors.As(err, new(errNoTemplate)) {
		// Retrying cannot fix a configuration.
		return b, &core.APIError{Platform: ref.Repo.Platform, Status: 400, Message: "the repository's settings select no template"}
	}
	if err != nil {
		return b, err
	}
	b.Desired = d
	out.Template, out.Ready, out.Findings = d.Result.Template, d.Result.Ready, d.Result.Findings
	if apply {
		t := core.Task{Feature: core.FeatureFeedback, Issue: ref, Trigger: core.TriggerChanged}
		if err := r.apply(ctx, p, true, t, in, d); err != nil {
			return b, err
		}
		if r.Evaluated != nil {
			if err := r.Evaluated(ctx, in.Issue, d.Result, d.Template); err != nil {
				return b, err
			}
		}
		return b, nil
	}
	if prev := in.Previous; prev != nil && !prev.DryRun {
		return b, nil
	}
	return b, r.save(ctx, core.Evaluation{
		Ref: ref, Template: d.Result.Template, Lang: d.Lang, Ready: d.Result.Ready,
		Findings: d.Result.Findings, DryRun: true, EvaluatedAt: r.Time(), Comment: d.Comment,
		CommentHash: core.HashBody(d.Comment), IssueUpdatedAt: issue.UpdatedAt, StoryKey: similar.Key(d.Result.Story),
		SecurityReview: d.Result.SecurityReview,
	})
}
