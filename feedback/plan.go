package feedback

import (
	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// Input is everything the plan reads: the issue as it is, the
// repository's settings and the last evaluation. Nothing in it calls a
// platform.
type Input struct {
	Issue    core.Issue
	Settings core.Settings
	// ConfigError is the repository's broken configuration, told on the
	// issue while the defaults apply.
	ConfigError *core.ConfigError
	// Forms are the repository's issue forms or description templates:
	// the story's template's is linked when the story is not ready.
	Forms []core.IssueTemplate
	// Previous is the last evaluation, nil for a first one.
	Previous *core.Evaluation
	// Recettes are the open pull or merge requests that close the story,
	// with its recette progress in each: one line of the comment.
	Recettes []core.RecetteProgress
	// Similar is another open story of the repository with the same role
	// and need (package similar), told in one line.
	Similar *core.IssueRef
}

// Desired is what the issue should show.
type Desired struct {
	Result   rules.Result
	Template *rules.Template
	Lang     rules.Lang
	// Comment is the feedback comment; Quiet when there is nothing to say
	// (no comment is created, an existing one turns into the short
	// "ready" note).
	Comment string
	Quiet   bool
	// Labels are the managed labels wanted among Managed.
	Labels  []core.Label
	Managed []string
	// SecurityDismissed: a person removed the security-review label
	// cochef applied; it stays removed while the story needs a review.
	SecurityDismissed bool
	// Mentions are the reviewers' notifications due, each once.
	Mentions []Mention
}

// Mention is a one-off comment that notifies reviewers: editing a
// comment to add a mention notifies nobody on either platform.
type Mention struct {
	// Kind is "security" or "ready".
	Kind   string
	Marker string
	Body   string
}

// errNoTemplate is a template set that selects none: a configuration
// that retrying cannot fix.
type errNoTemplate struct{}

func (errNoTemplate) Error() string { return "no template" }

// Plan analyses the issue and decides what it should show.
func Plan(in Input) (Desired, error) {
	s, is := in.Settings, in.Issue
	story := rules.Input{Title: is.Title, Body: is.Body, Labels: s.Labels.Unmanaged(is.Labels)}
	tpl := s.Template(story)
	if tpl == nil {
		return Desired{}, errNoTemplate{}
	}
	var res rules.Result
	if err := core.Safely("analysis of "+is.Ref.String(), func() {
		res = rules.Analyze(story, tpl, s.Lang)
	}); err != nil {
		return Desired{}, err
	}
	d := Desired{Result: res, Template: tpl, Lang: s.Lang}
	if d.Lang == "" {
		d.Lang = res.Lang
	}
	if d.Lang != rules.EN {
		d.Lang = rules.FR
	}
	var err error
	if d.Comment, err = comment(d.Lang, is.Ref, tpl, res, in.ConfigError, formOf(in.Forms, tpl, d.Lang), in.Recettes, in.Similar); err != nil {
		return Desired{}, err
	}
	// A close story is told in the comment there is; it is no reason to
	// write one on a ready story.
	d.Quiet = res.Ready && in.ConfigError == nil && len(res.Findings) == 0
	d.Labels, d.SecurityDismissed = labels(is, in.Previous, s.Labels, res)
	d.Managed = s.Labels.Names()
	if d.Mentions, err = mentions(in.Previous, s, res, d.Lang, is.Ref.Repo.Platform, tpl.NoStory); err != nil {
		return Desired{}, err
	}
	return d, nil
}

// comment renders the feedback comment for res. The whole template is
// not in it: the fixes already are the missing sections, and form links
// the repository's ready-made issue when it has one.
func comment(lang rules.Lang, story core.IssueRef, tpl *rules.Template, res rules.Result, cfgErr *core.ConfigError, form *Form, recettes []core.RecetteProgress, similar *core.IssueRef) (string, error) {
	platform := story.Repo.Platform
	v := FeedbackView{Ready: res.Ready, Template: res.Template, NoStory: tpl.NoStory, Findings: res.Findings, ConfigError: cfgErr, Form: form,
		Recettes: recetteLines(story, recettes)}
	if similar != nil {
		v.Similar = similar.Mention(story.Repo)
	}
	for _, s := range tpl.Sections {
		for _, l := range []rules.Lang{rules.FR, rules.EN} {
			if t := s.Title.Get(l); t != "" {
				v.SectionOrder = append(v.SectionOrder, t)
			}
		}
	}
	return RenderFeedback(lang, platform, v)
}

// labels are the managed labels the issue should have, and whether the
// security review stands dismissed.
//
// A security-review label that cochef applied and a person removed stays
// removed while the story keeps needing a review: the review was done, and
// cochef does not argue with people. A person putting it back, or the
// story no longer needing a review, ends the dismissal.
func labels(issue core.Issue, prev *core.Evaluation, ls core.LabelSet, res rules.Result) ([]core.Label, bool) {
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
	return want, dismissed
}

// mentions are the notifications due: security reviewers when the story
// needs a review, ready reviewers when it is ready, each once.
func mentions(prev *core.Evaluation, s core.Settings, res rules.Result, lang rules.Lang, platform string, noStory bool) ([]Mention, error) {
	securityDone := prev != nil && prev.SecurityMentioned
	readyDone := prev != nil && prev.ReadyMentioned
	var out []Mention
	for _, m := range []struct {
		kind, marker string
		who          []string
		done, when   bool
	}{
		{"security", MarkerMentionSecurity, s.SecurityReviewers, securityDone, res.SecurityReview},
		{"ready", MarkerMentionReady, s.ReadyReviewers, readyDone, res.Ready},
	} {
		if !m.when || len(m.who) == 0 || m.done {
			continue
		}
		privileged := res.SecurityReview && len(res.Sensitive) == 0
		body, err := RenderMention(lang, platform, MentionView{Kind: m.kind, Who: m.who, Privileged: privileged, Topics: res.Sensitive, NoStory: noStory})
		if err != nil {
			return nil, err
		}
		out = append(out, Mention{Kind: m.kind, Marker: m.marker, Body: body})
	}
	return out, nil
}

// set records m as made in e.
func (m Mention) set(e *core.Evaluation) {
	switch m.Kind {
	case "security":
		e.SecurityMentioned = true
	case "ready":
		e.ReadyMentioned = true
	}
}

// formOf links the repository's form of tpl, nil when it has none.
func formOf(forms []core.IssueTemplate, tpl *rules.Template, lang rules.Lang) *Form {
	for _, f := range forms {
		if f.Name != tpl.Name {
			continue
		}
		title := tpl.Title.Get(lang)
		if title == "" {
			title = tpl.Name
		}
		return &Form{Title: title, URL: f.URL}
	}
	return nil
}
