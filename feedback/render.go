package feedback

import (
	"slices"
	"strings"
	"text/template"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// Markers let cochef find its own comments again, across crashes and
// without relying on stored ids. They are HTML comments, invisible once
// rendered.
const (
	MarkerFeedback        = "<!-- cochef:feedback -->"
	MarkerMentionSecurity = "<!-- cochef:mention:security -->"
	MarkerMentionReady    = "<!-- cochef:mention:ready -->"
)

// FeedbackView is what the feedback comment template sees. The caller
// fills Ready, Template, Findings, SectionOrder, Form and ConfigError;
// RenderFeedback fills the rest.
type FeedbackView struct {
	Marker   string
	Ready    bool
	Template string
	// NoStory: the template reads no story (rules.Template.NoStory):
	// a bug report, a question or meeting notes are spoken of as the
	// issue, not as a « récit ».
	NoStory bool
	// Subject is the noun the comment is about: Words.Story, or
	// Words.Issue when NoStory.
	Subject  core.Noun
	Errors   int
	Findings []rules.Finding
	// SectionOrder are the template's section titles, in its order and in
	// any language: the sections to add are pasted in that order.
	SectionOrder []string
	// Blocking are the errors, each with its fix announced by Place
	// unless the fix is a section to add: those are in Sections, one
	// block the author pastes once.
	Blocking     []FindingView
	Sections     string
	SectionCount int
	// Improve are the warnings, then the notes.
	Improve     []FindingView
	Form        *Form
	ConfigError *core.ConfigError
	Words       core.Words
	Truncated   int
	// Recettes are the story's recette progress line, one part per open
	// pull or merge request that closes it.
	Recettes []RecetteLine
	// Similar is another open story of the repository very close to this
	// one ("#12"), from the stored evaluations; empty when none is.
	Similar string
}

// RecetteLine is one pull or merge request of the recette progress line.
type RecetteLine struct {
	// Ref is "#12" (GitHub) or "!12" (GitLab), with the repository before
	// it when it is not the story's.
	Ref, URL             string
	Done, Total, Refused int
}

// recetteLines names each pull or merge request as the story's platform
// writes it.
func recetteLines(story core.IssueRef, ps []core.RecetteProgress) []RecetteLine {
	var out []RecetteLine
	for _, p := range ps {
		mr := p.MergeRequest
		ref := mr.Mention(mr.Repo)
		if !strings.EqualFold(mr.Repo.FullName, story.Repo.FullName) {
			ref = core.Neutralize(mr.Repo.FullName) + ref
		}
		url := p.URL
		if !strings.HasPrefix(url, "https://") && !strings.HasPrefix(url, "http://") {
			url = ""
		}
		out = append(out, RecetteLine{Ref: ref, URL: url, Done: p.Done, Total: p.Total, Refused: p.Refused})
	}
	return out
}

// FindingView is a finding and the announcement of its fix: what the
// text is and where it goes ("Phrase de récit à coller"); empty when
// there is nothing to paste, or when the fix is in Sections.
type FindingView struct {
	rules.Finding
	Place string
	// Info is the block's info string: what the text is written in.
	Info string
}

// Form is the repository's issue form (GitHub) or description template
// (GitLab) of the story's template: linked when the story is not ready.
type Form struct {
	Title string
	URL   string
}

var commentTemplates = core.NewCommentTemplates("", template.FuncMap{"code": core.InlineCode, "fence": core.Fence})

// RenderFeedback writes the feedback comment. User text that the findings
// quote is neutralised (no mention pings, no broken Markdown) and the body
// is kept under core.MaxCommentLen by dropping the least severe findings first.
func RenderFeedback(lang rules.Lang, platform string, v FeedbackView) (string, error) {
	t, err := commentTemplates.For(lang)
	if err != nil {
		return "", err
	}
	v.Marker = MarkerFeedback
	v.Words = core.WordsFor(platform, lang)
	v.Subject = subject(v.Words, v.NoStory)
	v.Findings = neutralizeFindings(v.Findings)
	v.Errors = 0
	for _, f := range v.Findings {
		if f.Severity == rules.SeverityError {
			v.Errors++
		}
	}
	if v.ConfigError != nil {
		ce := *v.ConfigError
		ce.Message = core.Neutralize(ce.Message)
		v.ConfigError = &ce
	}
	if v.Form != nil {
		f := Form{Title: core.Neutralize(v.Form.Title), URL: safeURL(v.Form.URL)}
		v.Form = nil
		if f.URL != "" {
			v.Form = &f
		}
	}
	all := v.Findings
	for keep := len(all); ; {
		v.Findings = all[:keep]
		v.Truncated = len(all) - keep
		if err := arrange(t, &v); err != nil {
			return "", err
		}
		body, err := core.Exec(t, "feedback", v)
		if err != nil {
			return "", err
		}
		if len(body) < core.MaxCommentLen {
			return body, nil
		}
		if keep == 0 {
			return core.CutAtLine(body, core.MaxCommentLen-1), nil
		}
		keep /= 2
	}
}

// arrange sorts v.Findings into the blocking points, the sections to add
// and what to improve, and announces each fix.
func arrange(t *template.Template, v *FeedbackView) error {
	v.Blocking, v.Improve, v.Sections, v.SectionCount = nil, nil, "", 0
	// The points whose fix is a section to add come last, right above
	// the block that gathers those sections.
	var sections []rules.Finding
	var adding []FindingView
	for _, f := range v.Findings {
		p := placeOf(f)
		if f.Severity == rules.SeverityError && p == placeNewSection {
			sections = append(sections, f)
			adding = append(adding, FindingView{Finding: f})
			continue
		}
		fv := FindingView{Finding: f, Info: p.info()}
		if p != placeNone {
			if p == placeNewSection {
				// A warning's section to add: shown on its own.
				p = placeText
			}
			var err error
			if fv.Place, err = core.Exec(t, "place-"+string(p), v.Words); err != nil {
				return err
			}
		}
		if f.Severity == rules.SeverityError {
			v.Blocking = append(v.Blocking, fv)
		} else {
			v.Improve = append(v.Improve, fv)
		}
	}
	v.Blocking = append(v.Blocking, adding...)
	// Warnings before notes, each in reading order as rules.Analyze sorts.
	slices.SortStableFunc(v.Improve, func(a, b FindingView) int {
		return severityRank(a.Severity) - severityRank(b.Severity)
	})
	slices.SortStableFunc(sections, func(a, b rules.Finding) int {
		return sectionRank(a.Fix, v.SectionOrder) - sectionRank(b.Fix, v.SectionOrder)
	})
	fixes := make([]string, len(sections))
	for i, f := range sections {
		fixes[i] = strings.TrimRight(f.Fix, "\n")
	}
	v.Sections, v.SectionCount = strings.Join(fixes, "\n\n"), len(sections)
	return nil
}

func severityRank(s rules.Severity) int {
	switch s {
	case rules.SeverityError:
		return 0
	case rules.SeverityWarning:
		return 1
	}
	return 2
}

// sectionRank is the place of the section a fix adds in the template,
// after every known section when its title is none of order's.
func sectionRank(fix string, order []string) int {
	title, _, _ := strings.Cut(strings.TrimPrefix(fix, "## "), "\n")
	title = strings.TrimSpace(title)
	for i, o := range order {
		if strings.EqualFold(o, title) {
			return i
		}
	}
	return len(order)
}

// safeURL keeps a link from breaking out of its Markdown: only http(s)
// addresses without spaces or parentheses are linked.
func safeURL(u string) string {
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") || strings.ContainsAny(u, " \t\n()<>\"'`") {
		return ""
	}
	return u
}

// subject is the noun a comment is about: the story, or the issue when
// its template reads none.
func subject(w core.Words, noStory bool) core.Noun {
	if noStory {
		return w.Issue
	}
	return w.Story
}

// MentionView is what a reviewers' mention says: kind is "security" or
// "ready"; the privileged role and the topics are the security review's
// reasons; NoStory as in FeedbackView.
type MentionView struct {
	Kind       string
	Who        []string
	Privileged bool
	Topics     []string
	NoStory    bool
}

// RenderMention writes the one-off comment that notifies reviewers, on
// platform.
func RenderMention(lang rules.Lang, platform string, m MentionView) (string, error) {
	t, err := commentTemplates.For(lang)
	if err != nil {
		return "", err
	}
	marker := MarkerMentionReady
	if m.Kind == "security" {
		marker = MarkerMentionSecurity
	}
	var reasons []string
	if m.Privileged {
		r, err := core.Exec(t, "reason-privileged", nil)
		if err != nil {
			return "", err
		}
		reasons = append(reasons, r)
	}
	if len(m.Topics) > 0 {
		// Topic ids are identifiers: shown as code, not as words.
		ids := make([]string, len(m.Topics))
		for i, id := range m.Topics {
			ids[i] = core.InlineCode(id)
		}
		r, err := core.Exec(t, "reason-sensitive", strings.Join(ids, ", "))
		if err != nil {
			return "", err
		}
		reasons = append(reasons, r)
	}
	return core.Exec(t, "mention-"+m.Kind, map[string]any{
		"Marker":  marker,
		"Who":     strings.Join(m.Who, " "),
		"Reason":  strings.Join(reasons, " ; "),
		"Subject": subject(core.WordsFor(platform, lang), m.NoStory),
	})
}

func neutralizeFindings(fs []rules.Finding) []rules.Finding {
	out := make([]rules.Finding, len(fs))
	for i, f := range fs {
		f.Message = core.Neutralize(f.Message)
		// Fixes are shown in code fences, where no mention pings: they stay
		// exactly as the author will paste them.
		out[i] = f
	}
	return out
}
