// Package recette keeps the recette (acceptance) checklist of pull and
// merge requests: the acceptance criteria of the stories a PR/MR closes
// become one comment of task items that validators tick or answer with
// commands; every decision is kept in a trail, a status on the head commit
// holds the merge until every criterion is validated, and a PV de recette
// is written from the trail.
//
// Plan is the pure part: the model, the trail and what just happened in,
// the trail entries, the checklist, the status and the labels out. A task
// (Runner.Work) reads, plans and applies.
package recette

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// Runner keeps the recette checklists of pull and merge requests. It is
// the core.Worker of core.FeatureRecette and core.FeatureMergeGroup.
type Runner struct {
	// Env's platforms: a checklist needs the platform's pull or merge
	// request, so on a platform that runs dry nothing is done.
	core.Env
	// Store gives the feedback comment of a story without criteria, to
	// link it; nil links the story itself.
	Store    core.EvaluationStore
	Recettes core.RecetteStore
	// Enqueuer queues the re-render of the checklists that show a story
	// when its criteria changed; nil leaves them until their next event.
	Enqueuer core.Enqueuer
}

// run is one task of a PR/MR and what it reads at most once.
type run struct {
	e       *Runner
	t       core.Task
	ref     core.IssueRef
	log     *slog.Logger
	p       *core.Counted
	threads core.Threads
	// settings are the PR/MR repository's, access who may validate there.
	settings core.Settings
	access   Access
	// repos are the settings of the stories' repositories.
	repos map[string]core.Settings
	// validator is whether the task's actor may validate, once asked.
	validator *bool
}

// Work renders a PR/MR's checklist and applies the ticks or command the
// task carries, or answers a merge group. Everything written is derived
// from the stored trail and the stories as read, so running a task twice
// writes nothing more.
func (e *Runner) Work(ctx context.Context, t core.Task) (err error) {
	ref := t.Issue
	ref.MergeRequest = true
	log := e.Log().With("merge_request", ref.String(), "delivery", t.Delivery, "feature", string(t.Feature),
		"trigger", string(t.Trigger), "actor", t.Actor)
	out := core.Outcome{Ref: ref, Feature: t.Feature}
	var counted *core.Counted
	defer func() {
		out.Reads, out.Writes, out.Err = counted.Reads(), counted.Writes(), err
		e.Report(out)
	}()
	p, live, err := e.Platforms.Connect(ref.Repo)
	if err != nil {
		return err
	}
	if !live {
		out.DryRun, out.Skipped = true, "dry-run"
		log.Info("dry-run: a recette checklist needs the platform's pull or merge request; nothing done")
		return nil
	}
	if e.Recettes == nil {
		out.Skipped = "recette unsupported"
		log.Warn("recette not available: the store does not support it")
		return nil
	}
	counted = core.Count(p)
	r := &run{e: e, t: t, ref: ref, log: log, p: counted, repos: map[string]core.Settings{}}
	if th, ok := counted.Threads(); ok {
		r.threads = th
	}
	if t.Feature == core.FeatureMergeGroup {
		return r.mergeGroup(ctx)
	}
	return r.render(ctx)
}

// mergeGroup answers a merge queue: a pull request enters the queue only
// once its required checks passed, cochef/recette included, so the merge
// group's commit gets a success rather than holding the queue.
func (r *run) mergeGroup(ctx context.Context) error {
	if r.t.HeadSHA == "" {
		return &core.APIError{Platform: r.ref.Repo.Platform, Status: http.StatusBadRequest, Message: "merge group without head commit"}
	}
	// Settings only choose the language here: failing to read them must
	// not hold the merge queue.
	if err := r.loadSettings(ctx); err != nil {
		r.log.Warn("merge group: settings unreadable, defaults used", "error", err)
		r.settings = r.e.Defaults
	}
	st, err := mergeGroupStatus(r.lang(""))
	if err != nil {
		return err
	}
	if _, err := r.p.SetRecetteStatus(ctx, core.MergeRequest{Ref: r.ref, HeadSHA: r.t.HeadSHA}, st); err != nil {
		return fmt.Errorf("merge group status: %w", err)
	}
	r.log.Info("merge group answered", "head_sha", r.t.HeadSHA)
	return nil
}

// lang is the checklist's language: as rendered before, else the
// configured one, else French.
func (r *run) lang(before rules.Lang) rules.Lang {
	switch {
	case before != "":
		return before
	case r.settings.Lang != "":
		return r.settings.Lang
	}
	return rules.FR
}

// loadSettings reads the PR/MR repository's settings; a broken file is
// told on issues, here the defaults apply and nobody validates.
func (r *run) loadSettings(ctx context.Context) error {
	r.settings = r.e.Defaults
	if r.e.Settings != nil {
		s, cfgErr, err := r.e.Settings.Load(ctx, r.p, r.ref.Repo)
		if err != nil {
			return fmt.Errorf("load settings: %w", err)
		}
		if cfgErr != nil {
			r.log.Warn("repository configuration invalid: no validation accepted until it is fixed", "source", cfgErr.Source, "error", cfgErr.Message)
		}
		r.settings = s
		r.access.Broken = cfgErr != nil
	}
	r.repos[strings.ToLower(r.ref.Repo.FullName)] = r.settings
	r.access.Repo, r.access.Settings = r.ref.Repo, r.settings.Recette
	return nil
}

// mayValidate tells whether the task's actor may validate, asking the
// platform at most once per task.
func (r *run) mayValidate(ctx context.Context) (bool, error) {
	if r.validator == nil {
		ok, err := r.access.MayValidate(ctx, r.p, r.t.Actor)
		if err != nil {
			return false, err
		}
		r.validator = &ok
	}
	return *r.validator, nil
}

// render reads, plans and applies one task of a PR/MR's checklist.
func (r *run) render(ctx context.Context) error {
	t := r.t
	prev, err := r.e.Recettes.LoadRecette(ctx, r.ref)
	if err != nil {
		return fmt.Errorf("load recette: %w", err)
	}
	rec := core.RecetteRecord{Ref: r.ref}
	if prev != nil {
		rec = *prev
		rec.Ref, rec.Error = r.ref, ""
	}
	if err := r.loadSettings(ctx); err != nil {
		return err
	}
	command := t.Command
	if t.Trigger != core.TriggerCommand {
		command = nil
	}
	check := command != nil && command.Verb == core.VerbCheck
	if check {
		// A full re-read costs a read per story and a write: like the
		// issue-level check, only for people who may write.
		validates, err := r.mayValidate(ctx)
		if err != nil {
			return err
		}
		if ok, err := r.access.MayCheck(ctx, r.p, t.Actor, validates); err != nil {
			return err
		} else if !ok {
			r.log.Info("/cochef check on a pull or merge request from a reader ignored")
			return nil
		}
	}

	// A tick, a command or a hand edit changes states, not stories: the
	// stories as last read serve (an edit of a story re-renders through its
	// own evaluation), which saves a read per story. A model made by an
	// older version of cochef is made again from the stories, whatever
	// the event: its items are not those this version would show.
	reuse := prev != nil && prev.State == "open" && prev.HeadSHA != "" && prev.Model.Version == ModelVersion &&
		(t.Trigger == core.TriggerChecklistEdited || command != nil && !check)
	var mr core.MergeRequest
	var lang rules.Lang
	if reuse {
		mr = core.MergeRequest{Ref: r.ref, Title: prev.Title, URL: prev.URL, HeadSHA: prev.HeadSHA,
			State: prev.State, Milestone: prev.Milestone, Labels: slices.Clone(prev.Labels)}
		lang = rules.Lang(prev.Lang)
	} else {
		if mr, err = r.p.GetMergeRequest(ctx, r.ref); err != nil {
			var api *core.APIError
			if prev != nil && errors.As(err, &api) && (api.Status == http.StatusNotFound || api.Status == http.StatusGone) {
				// Deleted: close its links, or every edit of its stories
				// would queue a job bound to fail.
				rec.State = "gone"
				r.log.Info("pull or merge request gone: its stories are no longer followed")
				return r.closeRecette(ctx, &rec)
			}
			return fmt.Errorf("read merge request: %w", err)
		}
		rec.Title, rec.URL, rec.Milestone = mr.Title, mr.URL, mr.Milestone
		rec.HeadSHA, rec.State = mr.HeadSHA, mr.State
		if mr.State != "open" {
			// Merged or closed: the checklist stays as it was, the links
			// close so that story edits stop re-rendering it.
			r.log.Info("pull or merge request not open: checklist left as is", "state", mr.State)
			return r.closeRecette(ctx, &rec)
		}
		if rec.Model, lang, err = r.model(ctx, mr); err != nil {
			return err
		}
		if prev != nil {
			carryTold(&rec.Model, prev.Model)
		}
	}
	lang = r.lang(lang)
	rec.Lang = string(lang)

	trail, err := r.e.Recettes.Validations(ctx, r.ref)
	if err != nil {
		return fmt.Errorf("read validations: %w", err)
	}
	in := Input{
		MergeRequest: mr, Lang: lang, Settings: r.settings.Recette, Model: rec.Model, Trail: trail,
		Trigger: t.Trigger, Actor: t.Actor, Command: command, Changes: t.Changes, At: r.at(), Threads: r.threads != nil,
		Renumbered: prev != nil && prev.Model.Version != ModelVersion && len(prev.Model.Stories) > 0,
	}
	if in.ticks() && in.Changes == nil {
		// The platform did not say what changed: compare the checklist as
		// it is now with the trail.
		c, _, err := r.findChecklist(ctx)
		if err != nil {
			return err
		}
		if c != nil {
			in.Changes = ShownChanges(c.Body, trail)
		}
	}
	if in.NeedsValidator() {
		if in.MayValidate, err = r.mayValidate(ctx); err != nil {
			return err
		}
		if !in.MayValidate {
			r.log.Info("ticks or command from someone who may not validate: not applied")
		}
	}
	d, err := Plan(in)
	if err != nil {
		return err
	}
	if err := r.apply(ctx, &rec, mr, d); err != nil {
		return err
	}
	var dropped []core.RecetteStory
	if prev != nil {
		dropped = droppedStories(prev.Model, rec.Model)
	}
	if err := r.tellStories(ctx, &rec, currentStates(append(trail, d.Added...)), dropped); err != nil {
		return err
	}
	if err := r.save(ctx, &rec); err != nil {
		return err
	}
	r.log.Info("recette checklist updated", "stories", len(rec.Model.Stories), "validations", len(d.Added),
		"reads", r.p.Reads(), "writes", r.p.Writes())
	return nil
}

// closeRecette records a pull or merge request that is no longer open:
// its stories' links close, and their feedback drops its line.
func (r *run) closeRecette(ctx context.Context, rec *core.RecetteRecord) error {
	if err := r.tellStories(ctx, rec, nil, nil); err != nil {
		return err
	}
	return r.save(ctx, rec)
}

// at is when the task's event happened.
func (r *run) at() time.Time {
	if !r.t.ReceivedAt.IsZero() {
		return r.t.ReceivedAt.UTC()
	}
	return r.e.Time().UTC()
}

// findChecklist looks cochef's checklist up on the platform.
func (r *run) findChecklist(ctx context.Context) (*core.Comment, string, error) {
	if r.threads != nil {
		c, id, err := r.threads.FindThread(ctx, r.ref, core.MarkerRecette)
		if err != nil {
			return nil, "", fmt.Errorf("find checklist thread: %w", err)
		}
		return c, id, nil
	}
	c, err := r.p.FindComment(ctx, r.ref, core.MarkerRecette)
	if err != nil {
		return nil, "", fmt.Errorf("find checklist: %w", err)
	}
	return c, "", nil
}
