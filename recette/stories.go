package recette

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// maxStories bounds the stories one checklist follows: a PR/MR closing
// more is a release, not a change, and each story costs a read.
const maxStories = 20

// model reads the stories mr closes and turns them into the checklist's
// model, in the language of the checklist it returns.
func (r *run) model(ctx context.Context, mr core.MergeRequest) (core.RecetteModel, rules.Lang, error) {
	refs, err := r.closingRefs(ctx, mr)
	if err != nil {
		return core.RecetteModel{}, "", err
	}
	var stories []Story
	for _, ref := range refs {
		s, err := r.story(ctx, ref)
		if err != nil {
			return core.RecetteModel{}, "", err
		}
		stories = append(stories, s)
	}
	lang := ModelLang(r.settings.Lang, stories)
	m := Model(stories, lang)
	for i, s := range m.Stories {
		if !s.Unreadable && len(s.Items) == 0 {
			if m.Stories[i].FeedbackURL, err = r.feedbackURL(ctx, s); err != nil {
				return core.RecetteModel{}, "", err
			}
		}
	}
	return m, lang, nil
}

// closingRefs lists the stories the PR/MR closes: its closing keywords,
// then the platform's own list, without duplicates.
func (r *run) closingRefs(ctx context.Context, mr core.MergeRequest) ([]core.IssueRef, error) {
	host := ""
	if u, err := url.Parse(mr.URL); err == nil {
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
	for _, c := range ParseClosingRefs(r.ref.Repo.Platform, host, mr.Title+"\n"+mr.Body) {
		add(c.resolve(r.ref))
	}
	platform, err := r.p.ClosingIssues(ctx, mr)
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

// story reads and analyses one story. A story cochef may not read is
// listed as such: the token of the PR/MR's installation or project may not
// reach another repository, and that is not an error of the PR/MR.
func (r *run) story(ctx context.Context, ref core.IssueRef) (Story, error) {
	is, err := r.p.GetIssue(ctx, ref)
	if err != nil {
		var api *core.APIError
		if errors.As(err, &api) && !api.RateLimited &&
			(api.Status == http.StatusNotFound || api.Status == http.StatusForbidden || api.Status == http.StatusGone) {
			r.log.Info("linked story not readable", "story", ref.String(), "status", api.Status)
			return Story{Ref: ref, Unreadable: true}, nil
		}
		return Story{}, fmt.Errorf("read story %s: %w", ref, err)
	}
	settings, err := r.repoSettings(ctx, ref.Repo)
	if err != nil {
		return Story{}, err
	}
	story := rules.Input{Title: is.Title, Body: is.Body, Labels: settings.Labels.Unmanaged(is.Labels)}
	tpl := settings.Template(story)
	var res rules.Result
	if err := core.Safely("analysis of "+ref.String(), func() {
		res = rules.Analyze(story, tpl, settings.Lang)
	}); err != nil {
		// One story cochef cannot analyse must not stop the recette of
		// the others: it is listed as unreadable, and the failure logged.
		r.log.Error("linked story not analysed", "story", ref.String(), "error", err)
		return Story{Ref: ref, Unreadable: true}, nil
	}
	return Story{Ref: ref, Title: is.Title, URL: is.URL, Result: res, Template: tpl}, nil
}

// repoSettings are the settings of a story's repository (its templates
// decide what its criteria are), read once per task.
func (r *run) repoSettings(ctx context.Context, repo core.Repo) (core.Settings, error) {
	key := strings.ToLower(repo.FullName)
	if s, ok := r.repos[key]; ok {
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
	r.repos[key] = s
	return s, nil
}

// feedbackURL links a story without criteria to cochef's feedback on it.
func (r *run) feedbackURL(ctx context.Context, s core.RecetteStory) (string, error) {
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

// StoryEvaluated re-renders, through the queue, the open PRs/MRs that
// close a story when what their checklist shows of it changed. Its
// signature is feedback.Evaluated's, which calls it after each evaluation.
func (e *Runner) StoryEvaluated(ctx context.Context, is core.Issue, res rules.Result, tpl *rules.Template) error {
	if e.Recettes == nil || e.Enqueuer == nil {
		return nil
	}
	links, err := e.Recettes.RecettesClosing(ctx, is.Ref)
	if err != nil {
		return fmt.Errorf("read recette links: %w", err)
	}
	if len(links) == 0 {
		return nil
	}
	items, _ := Items(is.Ref, res, tpl, rules.FR)
	digest := storyDigest(is.Title, false, items)
	for _, l := range links {
		if l.Digest == digest {
			continue
		}
		if _, err := e.Enqueuer.Enqueue(ctx, core.Task{
			Feature: core.FeatureRecette, Issue: l.MergeRequest, Trigger: core.TriggerChanged, ReceivedAt: e.Time().UTC(),
		}); err != nil {
			return fmt.Errorf("enqueue recette of %s: %w", l.MergeRequest, err)
		}
		e.Log().Info("story changed: recette checklist to render again", "issue", is.Ref.String(), "merge_request", l.MergeRequest.String())
	}
	return nil
}
