package recette

import (
	"context"
	"fmt"
	"strconv"

	"github.com/cochef/cochef/core"
)

// A story's feedback comment shows, in one line, the open pull or merge
// requests that close it and where its items stand in each ("Recette :
// 3/5 validés dans !12"). The recette tells the feedback, through the
// queue, when that line changes; the feedback reads it from here.

// storyCounts counts a story's items: validated, in all, refused.
func storyCounts(s core.RecetteStory, states map[string]itemState) (done, total, refused int) {
	for _, it := range s.Items {
		total++
		switch states[it.Key].State {
		case core.Validated:
			done++
		case core.Refused:
			refused++
		}
	}
	return done, total, refused
}

// progressOf is what the story's feedback shows of the recette of rec.
func progressOf(rec *core.RecetteRecord, s core.RecetteStory, states map[string]itemState) core.RecetteProgress {
	p := core.RecetteProgress{MergeRequest: rec.Ref, URL: commentURL(rec.Ref.Repo.Platform, rec.URL, rec.CommentID)}
	p.Done, p.Total, p.Refused = storyCounts(s, states)
	return p
}

// toldKey sums up a progress line, to tell the story again only when it
// changes.
func toldKey(p core.RecetteProgress) string {
	return strconv.Itoa(p.Done) + "/" + strconv.Itoa(p.Total) + "/" + strconv.Itoa(p.Refused) + " " + p.URL
}

// StoryRecettes returns where story stands in the recette of each open
// pull or merge request that closes it: the store only, no platform call.
// The feedback calls it before rendering the story's comment.
func (e *Runner) StoryRecettes(ctx context.Context, story core.IssueRef) ([]core.RecetteProgress, error) {
	if e.Recettes == nil {
		return nil, nil
	}
	links, err := e.Recettes.RecettesClosing(ctx, story)
	if err != nil {
		return nil, fmt.Errorf("read recette links: %w", err)
	}
	var out []core.RecetteProgress
	for _, l := range links {
		rec, err := e.Recettes.LoadRecette(ctx, l.MergeRequest)
		if err != nil {
			return nil, fmt.Errorf("read recette of %s: %w", l.MergeRequest, err)
		}
		if rec == nil || rec.State != "open" {
			continue
		}
		trail, err := e.Recettes.Validations(ctx, l.MergeRequest)
		if err != nil {
			return nil, fmt.Errorf("read validations of %s: %w", l.MergeRequest, err)
		}
		states := currentStates(trail)
		for _, s := range rec.Model.Stories {
			if storyKey(s.Ref) == storyKey(story) && !s.Unreadable {
				out = append(out, progressOf(rec, s, states))
			}
		}
	}
	return out, nil
}

// carryTold keeps, in a model made again, what was last told to each
// story's feedback.
func carryTold(m *core.RecetteModel, prev core.RecetteModel) {
	told := map[string]string{}
	for _, s := range prev.Stories {
		told[storyKey(s.Ref)] = s.Told
	}
	for i := range m.Stories {
		m.Stories[i].Told = told[storyKey(m.Stories[i].Ref)]
	}
}

// tellStories queues the feedback of each story whose progress line
// changed since it was last told: the story's own comment is edited in
// place (no new comment, no notification). dropped are stories the
// checklist no longer shows, or all of them when the pull or merge
// request is no longer open: their line goes. What was told is recorded
// in the model only once queued, so a crash in between tells again.
func (r *run) tellStories(ctx context.Context, rec *core.RecetteRecord, states map[string]itemState, dropped []core.RecetteStory) error {
	if r.e.Enqueuer == nil {
		return nil
	}
	tell := func(ref core.IssueRef) error {
		_, err := r.e.Enqueuer.Enqueue(ctx, core.Task{
			Feature: core.FeatureFeedback, Issue: ref, Trigger: core.TriggerChanged, ReceivedAt: r.e.Time().UTC(),
		})
		if err != nil {
			return fmt.Errorf("queue the feedback of %s: %w", ref, err)
		}
		r.log.Info("recette progress changed: story feedback to render again", "issue", ref.String())
		return nil
	}
	for _, s := range dropped {
		if s.Told != "" && !s.Unreadable {
			if err := tell(s.Ref); err != nil {
				return err
			}
		}
	}
	for i := range rec.Model.Stories {
		s := &rec.Model.Stories[i]
		want := ""
		if rec.State == "open" && !s.Unreadable {
			want = toldKey(progressOf(rec, *s, states))
		}
		if want == s.Told {
			continue
		}
		if err := tell(s.Ref); err != nil {
			return err
		}
		s.Told = want
	}
	return nil
}

// droppedStories are the stories of prev that m no longer shows.
func droppedStories(prev, m core.RecetteModel) []core.RecetteStory {
	in := map[string]bool{}
	for _, s := range m.Stories {
		in[storyKey(s.Ref)] = true
	}
	var out []core.RecetteStory
	for _, s := range prev.Stories {
		if !in[storyKey(s.Ref)] {
			out = append(out, s)
		}
	}
	return out
}
