package recette

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// maxStories bounds the stories one checklist follows: a PR/MR closing
// more is a release, not a change, and each story costs a read.
const maxStories = 20

// recetteRun is one run of a recette task.
type recetteRun struct {
	e       *Runner
	t       core.Task
	ref     core.IssueRef
	log     *slog.Logger
	p       *core.Counted
	threads core.Threads

	settings core.Settings
	lang     rules.Lang
	rec      core.RecetteRecord
	mr       core.MergeRequest
	trail    []core.Validation
	states   map[string]itemState
	replies  []string
	// forceEdit is set when the comment on the platform shows something
	// the stored state does not (a tick that was not accepted).
	forceEdit bool
	repoCache map[string]core.Settings
	validator *bool
	// configBroken is set when the repository's configuration does not
	// parse: its validator list is unknown, so nobody validates until it
	// is fixed (the defaults would let every developer validate).
	configBroken bool
	// verifyComment is set when the task comes from an edit of the
	// checklist comment: what it shows is compared with cochef's render,
	// so text changed by hand is written back.
	verifyComment bool
}

// Runner keeps the recette checklists of pull and merge requests. It is
// the core.Worker of core.FeatureRecette and core.FeatureMergeGroup.
type Runner struct {
	// Platforms are the configured adapters; a platform absent runs dry,
	// and a checklist needs the platform's pull or merge request: nothing
	// is done there.
	Platforms core.Platforms
	// Store gives the feedback comment of a story without criteria, to
	// link it; nil links the story itself.
	Store    core.EvaluationStore
	Recettes core.RecetteStore
	// Enqueuer queues the re-render of the checklists that show a story
	// when its criteria changed; nil leaves them until their next event.
	Enqueuer core.Enqueuer
	// Settings returns the effective settings of a repository. Nil means
	// the Defaults for every repository.
	Settings core.SettingsSource
	Defaults core.Settings
	Logger   *slog.Logger
	Now      func() time.Time
	// Observe, when set, is told each run's outcome (metrics).
	Observe func(o core.Outcome)
}

func (e *Runner) log() *slog.Logger {
	if e.Logger != nil {
		return e.Logger
	}
	return slog.Default()
}

func (e *Runner) now() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

// Work renders a PR/MR's checklist and applies the ticks or command the
// task carries, or answers a merge group. Everything written is derived
// from the stored trail and the stories as read, so running a task twice
// writes nothing more.
func (e *Runner) Work(ctx context.Context, t core.Task) (err error) {
	ref := t.Issue
	ref.MergeRequest = true
	log := e.log().With("merge_request", ref.String(), "delivery", t.Delivery, "feature", string(t.Feature),
		"trigger", string(t.Trigger), "actor", t.Actor)
	out := core.Outcome{Ref: ref, Feature: t.Feature}
	var counted *core.Counted
	defer func() {
		if counted != nil {
			out.Reads, out.Writes = counted.Reads(), counted.Writes()
		}
		out.Err = err
		if e.Observe != nil {
			e.Observe(out)
		}
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
	r := &recetteRun{e: e, t: t, ref: ref, log: log, p: counted, repoCache: map[string]core.Settings{}}
	if th, ok := counted.Threads(); ok {
		r.threads = th
	}
	if t.Feature == core.FeatureMergeGroup {
		return r.mergeGroup(ctx)
	}
	err = r.run(ctx)
	if err == nil {
		log.Info("recette checklist updated", "stories", len(r.rec.Model.Stories),
			"reads", counted.Reads(), "writes", counted.Writes())
	}
	return err
}

// mergeGroup answers a merge queue: a pull request enters the queue only
// once its required checks passed, cochef/recette included, so the merge
// group's commit gets a success rather than holding the queue.
func (r *recetteRun) mergeGroup(ctx context.Context) error {
	if r.t.HeadSHA == "" {
		return &core.APIError{Platform: r.ref.Repo.Platform, Status: http.StatusBadRequest, Message: "merge group without head commit"}
	}
	// Settings only choose the language here: failing to read them must
	// not hold the merge queue.
	if err := r.loadSettings(ctx); err != nil {
		r.log.Warn("merge group: settings unreadable, defaults used", "error", err)
		r.settings = r.e.Defaults
	}
	t, err := recetteTemplates.For(r.langOr(rules.FR))
	if err != nil {
		return err
	}
	st := core.RecetteStatus{State: core.RecetteSuccess}
	if st.Title, err = core.Exec(t, "merge-group-title", nil); err != nil {
		return err
	}
	if st.Summary, err = core.Exec(t, "merge-group-summary", nil); err != nil {
		return err
	}
	st.Description = st.Title
	if _, err := r.p.SetRecetteStatus(ctx, core.MergeRequest{Ref: r.ref, HeadSHA: r.t.HeadSHA}, st); err != nil {
		return fmt.Errorf("merge group status: %w", err)
	}
	r.log.Info("merge group answered", "head_sha", r.t.HeadSHA)
	return nil
}

func (r *recetteRun) langOr(def rules.Lang) rules.Lang {
	if r.settings.Lang != "" {
		return r.settings.Lang
	}
	return def
}

// loadSettings reads the PR/MR repository's settings; a broken file is
// told on issues, here the defaults apply.
func (r *recetteRun) loadSettings(ctx context.Context) error {
	r.settings = r.e.Defaults
	if r.e.Settings == nil {
		return nil
	}
	s, cfgErr, err := r.e.Settings.Load(ctx, r.p, r.ref.Repo)
	if err != nil {
		return fmt.Errorf("load settings: %w", err)
	}
	if cfgErr != nil {
		r.configBroken = true
		r.log.Warn("repository configuration invalid: no validation accepted until it is fixed", "source", cfgErr.Source, "error", cfgErr.Message)
	}
	r.settings = s
	r.repoCache[strings.ToLower(r.ref.Repo.FullName)] = s
	return nil
}

func (r *recetteRun) run(ctx context.Context) error {
	e, t := r.e, r.t
	prev, err := e.Recettes.LoadRecette(ctx, r.ref)
	if err != nil {
		return fmt.Errorf("load recette: %w", err)
	}
	r.rec = core.RecetteRecord{Ref: r.ref}
	if prev != nil {
		r.rec = *prev
		r.rec.Ref = r.ref
		r.rec.Error = ""
	}
	hasCmd := t.Trigger == core.TriggerCommand && t.Command != nil
	force := hasCmd && t.Command.Verb == core.VerbCheck
	if force {
		// A full re-read costs a read per story and a write: like the
		// issue-level check, only for people who may write.
		if err := r.loadSettings(ctx); err != nil {
			return err
		}
		if ok, err := r.mayCheck(ctx); err != nil {
			return err
		} else if !ok {
			r.log.Info("/cochef check on a pull or merge request from a reader ignored")
			return nil
		}
	}
	// An edit of the checklist comment itself (a tick, or text changed by
	// hand) ends with cochef's checklist written back as the states say.
	checklistEdited := t.Trigger == core.TriggerChecklistEdited
	ticks := checklistEdited && t.Actor != ""
	// A tick, a command or a hand edit changes states, not stories: the
	// stories as last read serve (an edit of a story re-renders through its
	// own evaluation), which saves a read per story.
	reuse := prev != nil && prev.State == "open" && prev.HeadSHA != "" && (checklistEdited || hasCmd && !force)

	if err := r.loadSettings(ctx); err != nil {
		return err
	}
	if reuse {
		r.mr = core.MergeRequest{Ref: r.ref, Title: prev.Title, URL: prev.URL, HeadSHA: prev.HeadSHA,
			State: prev.State, Milestone: prev.Milestone, Labels: slices.Clone(prev.Labels)}
		r.lang = rules.Lang(prev.Lang)
	} else {
		if r.mr, err = r.p.GetMergeRequest(ctx, r.ref); err != nil {
			var api *core.APIError
			if prev != nil && errors.As(err, &api) && (api.Status == http.StatusNotFound || api.Status == http.StatusGone) {
				// Deleted: close its links, or every edit of its stories
				// would queue a job bound to fail.
				r.rec.State = "gone"
				if err := e.Recettes.SaveRecette(ctx, r.rec); err != nil {
					return fmt.Errorf("save recette: %w", err)
				}
				r.log.Info("pull or merge request gone: its stories are no longer followed")
				return nil
			}
			return fmt.Errorf("read merge request: %w", err)
		}
		r.rec.Title, r.rec.URL, r.rec.Milestone = r.mr.Title, r.mr.URL, r.mr.Milestone
		r.rec.HeadSHA, r.rec.State = r.mr.HeadSHA, r.mr.State
		if r.mr.State != "open" {
			// Merged or closed: the checklist stays as it was, the links
			// close so that story edits stop re-rendering it.
			if err := e.Recettes.SaveRecette(ctx, r.rec); err != nil {
				return fmt.Errorf("save recette: %w", err)
			}
			r.log.Info("pull or merge request not open: checklist left as is", "state", r.mr.State)
			return nil
		}
		if err := r.buildModel(ctx); err != nil {
			return err
		}
	}
	if r.lang == "" {
		r.lang = r.langOr(rules.FR)
	}
	r.rec.Lang = string(r.lang)

	if r.trail, err = e.Recettes.Validations(ctx, r.ref); err != nil {
		return fmt.Errorf("read validations: %w", err)
	}
	r.states = currentStates(r.trail)

	var added []core.Validation
	switch {
	case hasCmd && !force:
		if added, err = r.applyCommand(ctx, *t.Command); err != nil {
			return err
		}
	case ticks:
		if added, err = r.applyTicks(ctx); err != nil {
			return err
		}
	}
	if len(added) > 0 {
		// The trail first: a crash after it re-runs the task, which finds
		// the states already reached and adds nothing.
		if err := e.Recettes.AddValidations(ctx, added); err != nil {
			return fmt.Errorf("record validations: %w", err)
		}
		r.trail = append(r.trail, added...)
		r.states = currentStates(r.trail)
	}
	r.verifyComment = checklistEdited
	return r.write(ctx, force || r.forceEdit)
}

// closingRefs lists the stories the PR/MR closes: its closing keywords,
// then the platform's own list, without duplicates.
func (r *recetteRun) closingRefs(ctx context.Context) ([]core.IssueRef, error) {
	host := ""
	if u, err := url.Parse(r.mr.URL); err == nil {
		host = u.Host
	}
	var refs []core.IssueRef
	seen := map[string]bool{}
	add := func(ref core.IssueRef) {
		if k := storyKey(ref); !seen[k] {
			seen[k] = true
			refs = append(refs, ref)
		}
	}
	for _, c := range ParseClosingRefs(r.ref.Repo.Platform, host, r.mr.Title+"\n"+r.mr.Body) {
		add(c.resolve(r.ref))
	}
	platform, err := r.p.ClosingIssues(ctx, r.mr)
	if err != nil {
		return nil, fmt.Errorf("closing issues: %w", err)
	}
	for _, ref := range platform {
		add(ref)
	}
	if len(refs) > maxStories {
		r.log.Warn("too many linked stories, keeping the first ones", "stories", len(refs), "kept", maxStories)
		refs = refs[:maxStories]
	}
	return refs, nil
}

type analysedStory struct {
	story core.RecetteStory
	res   rules.Result
	tpl   *rules.Template
}

// buildModel reads every linked story and turns it into checklist items.
func (r *recetteRun) buildModel(ctx context.Context) error {
	refs, err := r.closingRefs(ctx)
	if err != nil {
		return err
	}
	var analysed []analysedStory
	for _, ref := range refs {
		a, err := r.analyse(ctx, ref)
		if err != nil {
			return err
		}
		analysed = append(analysed, a)
		if r.lang == "" && r.settings.Lang == "" && !a.story.Unreadable && a.res.Lang != "" {
			// Without a configured language, the checklist speaks the
			// language the stories are written in.
			r.lang = a.res.Lang
		}
	}
	if r.lang == "" {
		r.lang = r.langOr(rules.FR)
	}
	if r.lang != rules.EN {
		r.lang = rules.FR
	}
	var m core.RecetteModel
	for _, a := range analysed {
		s := a.story
		if !s.Unreadable {
			s.Items, s.Sensitive = recetteItems(s.Ref, a.res, a.tpl, r.lang)
			if len(s.Items) == 0 {
				s.FeedbackURL, err = r.feedbackURL(ctx, s)
				if err != nil {
					return err
				}
			}
		}
		s.Digest = storyDigest(s.Title, s.Unreadable, s.Items)
		m.Stories = append(m.Stories, s)
	}
	numberItems(&m)
	r.rec.Model = m
	return nil
}

// analyse reads one story. A story cochef may not read is listed as such:
// the token of the PR/MR's installation or project may not reach another
// repository, and that is not an error of the PR/MR.
func (r *recetteRun) analyse(ctx context.Context, ref core.IssueRef) (analysedStory, error) {
	is, err := r.p.GetIssue(ctx, ref)
	if err != nil {
		var api *core.APIError
		if errors.As(err, &api) && !api.RateLimited &&
			(api.Status == http.StatusNotFound || api.Status == http.StatusForbidden || api.Status == http.StatusGone) {
			r.log.Info("linked story not readable", "story", ref.String(), "status", api.Status)
			return analysedStory{story: core.RecetteStory{Ref: ref, Unreadable: true}}, nil
		}
		return analysedStory{}, fmt.Errorf("read story %s: %w", ref, err)
	}
	settings, err := r.repoSettings(ctx, ref.Repo)
	if err != nil {
		return analysedStory{}, err
	}
	tpl := settings.Template(is.Labels)
	res := rules.Analyze(rules.Input{Title: is.Title, Body: is.Body, Labels: is.Labels}, tpl, settings.Lang)
	return analysedStory{story: core.RecetteStory{Ref: ref, Title: is.Title, URL: is.URL}, res: res, tpl: tpl}, nil
}

// repoSettings are the settings of a story's repository (its templates
// decide what its criteria are), read once per run.
func (r *recetteRun) repoSettings(ctx context.Context, repo core.Repo) (core.Settings, error) {
	key := strings.ToLower(repo.FullName)
	if s, ok := r.repoCache[key]; ok {
		return s, nil
	}
	s := r.e.Defaults
	if r.e.Settings != nil {
		var err error
		if s, _, err = r.e.Settings.Load(ctx, r.p, repo); err != nil {
			var api *core.APIError
			if !errors.As(err, &api) || !api.Permanent() {
				return core.Settings{}, fmt.Errorf("load settings of %s: %w", repo.FullName, err)
			}
			s = r.e.Defaults
		}
	}
	r.repoCache[key] = s
	return s, nil
}

// feedbackURL links a story without criteria to cochef's feedback on it.
func (r *recetteRun) feedbackURL(ctx context.Context, s core.RecetteStory) (string, error) {
	if r.e.Store == nil || s.URL == "" {
		return s.URL, nil
	}
	ev, err := r.e.Store.LastEvaluation(ctx, s.Ref)
	if err != nil {
		return "", fmt.Errorf("read evaluation of %s: %w", s.Ref, err)
	}
	if ev == nil || ev.CommentID == 0 {
		return s.URL, nil
	}
	return commentURL(s.Ref.Repo.Platform, s.URL, ev.CommentID), nil
}

// commentURL is the address of a comment on the page at base.
func commentURL(platform, base string, id int64) string {
	if base == "" || id == 0 {
		return base
	}
	if platform == core.GitLab {
		return base + "#note_" + strconv.FormatInt(id, 10)
	}
	return base + "#issuecomment-" + strconv.FormatInt(id, 10)
}

// mayValidate tells whether actor is a validator, asking the platform at
// most once per run.
func (r *recetteRun) mayValidate(ctx context.Context) (bool, error) {
	if r.validator != nil {
		return *r.validator, nil
	}
	ok, err := r.checkValidator(ctx, r.t.Actor)
	if err != nil {
		return false, err
	}
	r.validator = &ok
	return ok, nil
}

func (r *recetteRun) checkValidator(ctx context.Context, actor string) (bool, error) {
	if actor == "" || strings.HasSuffix(actor, "[bot]") || r.configBroken {
		return false, nil
	}
	rs := r.settings.Recette
	for _, u := range rs.Validators {
		if strings.EqualFold(u, actor) {
			return true, nil
		}
	}
	for _, team := range rs.Teams {
		ok, err := r.p.IsTeamMember(ctx, r.ref.Repo, team, actor)
		if err != nil {
			return false, fmt.Errorf("team %s: %w", team, err)
		}
		if ok {
			return true, nil
		}
	}
	if len(rs.Validators) > 0 || len(rs.Teams) > 0 {
		return false, nil
	}
	acc, err := r.p.Access(ctx, r.ref.Repo, actor)
	if err != nil {
		return false, fmt.Errorf("access of %s: %w", actor, err)
	}
	return acc >= core.AccessWrite, nil
}

// mayCheck tells whether the task's actor may force a re-render: a
// validator, or anyone with write access.
func (r *recetteRun) mayCheck(ctx context.Context) (bool, error) {
	if ok, err := r.mayValidate(ctx); err != nil || ok {
		return ok, err
	}
	if r.t.Actor == "" {
		return false, nil
	}
	acc, err := r.p.Access(ctx, r.ref.Repo, r.t.Actor)
	if err != nil {
		return false, fmt.Errorf("access of %s: %w", r.t.Actor, err)
	}
	return acc >= core.AccessWrite, nil
}

func (r *recetteRun) at() time.Time {
	if !r.t.ReceivedAt.IsZero() {
		return r.t.ReceivedAt.UTC()
	}
	return r.e.now().UTC()
}

func (r *recetteRun) validation(s core.RecetteStory, it core.RecetteItem, state core.ValidationState, source, reason string) core.Validation {
	return core.Validation{
		MergeRequest: r.ref, Story: s.Ref, Key: it.Key, Text: it.Text, State: state,
		Actor: r.t.Actor, At: r.at(), HeadSHA: r.mr.HeadSHA, Reason: reason, Source: source,
	}
}

// applyTicks accepts the boxes a validator ticked or unticked and leaves
// the others to be reverted by the next render, with one reply.
func (r *recetteRun) applyTicks(ctx context.Context) ([]core.Validation, error) {
	changes := r.t.Changes
	if changes == nil {
		// The platform did not say what changed: compare the comment as
		// it is now with the stored states.
		c, _, err := r.findChecklist(ctx)
		if err != nil {
			return nil, err
		}
		if c == nil {
			return nil, nil
		}
		for k, checked := range core.ParseChecklist(c.Body) {
			if checked != (r.states[k].State == core.Validated) {
				changes = append(changes, core.CheckChange{Key: k, Checked: checked})
			}
		}
		slices.SortFunc(changes, func(a, b core.CheckChange) int { return strings.Compare(a.Key, b.Key) })
	}
	var added []core.Validation
	var reverted []int
	for _, ch := range changes {
		s, it, ok := itemByKey(r.rec.Model, ch.Key)
		if !ok {
			r.forceEdit = true
			continue
		}
		cur := r.states[ch.Key]
		if (cur.State == core.Validated) == ch.Checked {
			continue
		}
		if r.at().Before(cur.At) {
			// A later decision on this item was recorded already (events
			// delivered out of order): it stands.
			r.forceEdit = true
			continue
		}
		ok, err := r.mayValidate(ctx)
		if err != nil {
			return nil, err
		}
		if !ok {
			reverted = append(reverted, it.Number)
			r.forceEdit = true
			continue
		}
		state := core.Validated
		if !ch.Checked {
			state = core.Unticked
		}
		added = append(added, r.validation(s, it, state, core.SourceTick, ""))
	}
	if len(reverted) > 0 {
		slices.Sort(reverted)
		r.log.Info("ticks by a non-validator reverted", "items", reverted)
		if err := r.reply("reply-reverted", reverted, 0); err != nil {
			return nil, err
		}
	}
	return added, nil
}

// applyCommand records a validator's "valide"/"refuse" command.
func (r *recetteRun) applyCommand(ctx context.Context, cmd core.Command) ([]core.Validation, error) {
	ok, err := r.mayValidate(ctx)
	if err != nil {
		return nil, err
	}
	if !ok {
		r.log.Info("recette command from a non-validator ignored", "command", cmd.Verb)
		return nil, r.reply("reply-not-validator", nil, 0)
	}
	_, total, _ := counts(r.rec.Model, r.states)
	numbers := cmd.Items
	if cmd.All {
		numbers = nil
		for n := 1; n <= total; n++ {
			numbers = append(numbers, n)
		}
	}
	if len(numbers) == 0 {
		return nil, r.reply("reply-bad-items", nil, total)
	}
	if cmd.Verb == core.VerbRefuse && cmd.Reason == "" {
		return nil, r.reply("reply-missing-reason", nil, 0)
	}
	var added []core.Validation
	var bad []int
	for _, n := range numbers {
		s, it, ok := itemAt(r.rec.Model, n)
		if !ok {
			if len(bad) < maxBadItems {
				bad = append(bad, n)
			}
			continue
		}
		cur := r.states[it.Key]
		switch cmd.Verb {
		case core.VerbValidate:
			if cur.State != core.Validated {
				added = append(added, r.validation(s, it, core.Validated, core.SourceCommand, ""))
			}
		case core.VerbRefuse:
			if cur.State != core.Refused || cur.Reason != cmd.Reason {
				added = append(added, r.validation(s, it, core.Refused, core.SourceCommand, cmd.Reason))
			}
		}
	}
	if len(bad) > 0 {
		if err := r.reply("reply-bad-items", bad, total); err != nil {
			return nil, err
		}
	}
	return added, nil
}

// reply queues a short reply, posted after the checklist is updated.
func (r *recetteRun) reply(name string, numbers []int, max int) error {
	lang := r.lang
	if lang == "" {
		lang = r.langOr(rules.FR)
	}
	body, err := renderReply(lang, name, r.t.Actor, r.settings.Recette, numbers, max)
	if err != nil {
		return err
	}
	r.replies = append(r.replies, body)
	return nil
}

// findChecklist looks cochef's checklist up on the platform.
func (r *recetteRun) findChecklist(ctx context.Context) (*core.Comment, string, error) {
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

// write brings the platform in line with the model and the states: the
// checklist, the status, the labels, the thread, then the replies; the
// record is saved after each step that wrote.
func (r *recetteRun) write(ctx context.Context, forceEdit bool) error {
	m := r.rec.Model
	state := stateOf(m, r.states)
	body, err := renderChecklist(r.lang, r.ref, m, r.states, r.settings.Recette, r.threads != nil)
	if err != nil {
		return err
	}
	if err := r.syncChecklist(ctx, body, state, forceEdit); err != nil {
		return err
	}
	if err := r.save(ctx); err != nil {
		return err
	}
	if err := r.syncStatus(ctx); err != nil {
		return err
	}
	if err := r.save(ctx); err != nil {
		return err
	}
	if err := r.syncLabels(ctx, state); err != nil {
		return err
	}
	if r.threads != nil && r.rec.ThreadID != "" {
		// cochef only moves the thread when its own verdict changes: a
		// person who resolved it by hand is not overruled.
		if want := state != core.RecettePending; want != r.rec.ThreadResolved {
			if err := r.threads.ResolveThread(ctx, r.ref, r.rec.ThreadID, want); err != nil {
				return fmt.Errorf("resolve thread: %w", err)
			}
			r.rec.ThreadResolved = want
		}
	}
	if err := r.save(ctx); err != nil {
		return err
	}
	for _, body := range r.replies {
		if _, err := r.p.CreateComment(ctx, r.ref, body); err != nil {
			return fmt.Errorf("reply: %w", err)
		}
	}
	return nil
}

func (r *recetteRun) save(ctx context.Context) error {
	r.rec.UpdatedAt = r.e.now().UTC()
	if err := r.e.Recettes.SaveRecette(ctx, r.rec); err != nil {
		return fmt.Errorf("save recette: %w", err)
	}
	return nil
}

// syncChecklist creates or edits the one checklist comment. A PR/MR that
// closes no story gets none (and an existing one says so).
func (r *recetteRun) syncChecklist(ctx context.Context, body string, state core.RecetteState, force bool) error {
	trust := core.TrustStored
	switch {
	case force:
		trust = core.Rewrite
	case r.verifyComment:
		trust = core.VerifyShown
	}
	st := core.CommentState{ID: r.rec.CommentID, Hash: r.rec.CommentHash, Thread: r.rec.ThreadID}
	err := core.SyncComment(ctx, r.p, r.threads, core.CommentSync{
		Ref: r.ref, Marker: core.MarkerRecette, Body: body, Trust: trust,
		// The common pull request closes no story: a read per event to
		// look for a checklist it never had is not worth it.
		Quiet: state == core.RecetteNeutral, LookUp: state != core.RecetteNeutral,
	}, &st)
	if st.Thread != r.rec.ThreadID {
		// A new thread, or the checklist's thread found again: cochef has
		// not resolved it.
		r.rec.ThreadResolved = false
	}
	r.rec.CommentID, r.rec.CommentHash, r.rec.ThreadID = st.ID, st.Hash, st.Thread
	if err != nil {
		return fmt.Errorf("checklist: %w", err)
	}
	return nil
}

// syncStatus sets the status on the head commit when it changed.
func (r *recetteRun) syncStatus(ctx context.Context) error {
	if r.mr.HeadSHA == "" {
		return nil
	}
	st, err := renderStatus(r.lang, r.ref, r.rec.Model, r.states)
	if err != nil {
		return err
	}
	st.URL = commentURL(r.ref.Repo.Platform, r.mr.URL, r.rec.CommentID)
	key := fmt.Sprintf("%s|%s|%d|%d|%s", st.State, r.mr.HeadSHA, st.Done, st.Total, core.HashBody(st.Title + st.Summary + st.Text)[:16])
	if key == r.rec.StatusKey {
		return nil
	}
	if r.rec.StatusSHA == r.mr.HeadSHA {
		st.Previous = r.rec.StatusState
		if r.rec.StatusState == core.RecettePending {
			st.ID = r.rec.StatusID
		}
	}
	id, err := r.p.SetRecetteStatus(ctx, r.mr, st)
	if err != nil {
		return fmt.Errorf("set status: %w", err)
	}
	r.rec.StatusID, r.rec.StatusSHA, r.rec.StatusState, r.rec.StatusKey = id, r.mr.HeadSHA, st.State, key
	return nil
}

// syncLabels applies the difference between the recette labels the PR/MR
// has and the one it should have.
func (r *recetteRun) syncLabels(ctx context.Context, state core.RecetteState) error {
	ls := r.settings.Recette.LabelSet()
	var want []core.Label
	switch state {
	case core.RecettePending:
		want = []core.Label{ls.InProgress}
	case core.RecetteSuccess:
		want = []core.Label{ls.Done}
	}
	if err := core.ApplyLabels(ctx, r.p, r.ref, r.mr.Labels, want, []string{ls.InProgress.Name, ls.Done.Name}); err != nil {
		return err
	}
	r.rec.Labels = nil
	if len(want) > 0 {
		r.rec.Labels = core.LabelNames(want)
	}
	return nil
}

// StoryEvaluated re-renders, through the queue, the open PRs/MRs that
// close a story when what their checklist shows of it changed. Its
// signature is feedback.Evaluated's.
func (e *Runner) StoryEvaluated(ctx context.Context, is core.Issue, res rules.Result, tpl *rules.Template) error {
	ref, log := is.Ref, e.log().With("issue", is.Ref.String())
	if e.Recettes == nil || e.Enqueuer == nil {
		return nil
	}
	links, err := e.Recettes.RecettesClosing(ctx, ref)
	if err != nil {
		return fmt.Errorf("read recette links: %w", err)
	}
	if len(links) == 0 {
		return nil
	}
	items, _ := recetteItems(ref, res, tpl, rules.FR)
	digest := storyDigest(is.Title, false, items)
	for _, l := range links {
		if l.Digest == digest {
			continue
		}
		if _, err := e.Enqueuer.Enqueue(ctx, core.Task{
			Feature: core.FeatureRecette, Issue: l.MergeRequest, Trigger: core.TriggerChanged, ReceivedAt: e.now().UTC(),
		}); err != nil {
			return fmt.Errorf("enqueue recette of %s: %w", l.MergeRequest, err)
		}
		log.Info("story changed: recette checklist to render again", "merge_request", l.MergeRequest.String())
	}
	return nil
}
