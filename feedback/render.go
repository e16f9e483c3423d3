package feedback

import (
	"strconv"
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

// FeedbackView is what the feedback comment template sees.
type FeedbackView struct {
	Marker            string
	Ready             bool
	Template          string
	Errors            int
	Findings          []rules.Finding
	Groups            []FindingGroup
	SecurityChecklist []string
	TemplateBody      string
	ConfigError       *core.ConfigError
	Words             core.Words
	Truncated         int
	// Recettes are the story's recette progress line, one part per open
	// pull or merge request that closes it.
	Recettes []RecetteLine
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
		ref := "#" + strconv.Itoa(mr.Number)
		if mr.Repo.Platform == core.GitLab {
			ref = "!" + strconv.Itoa(mr.Number)
		}
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

// FindingGroup is the findings of one severity, under a localized title.
type FindingGroup struct {
	Severity rules.Severity
	Title    string
	Findings []rules.Finding
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
	all := v.Findings
	for keep := len(all); ; {
		v.Findings = all[:keep]
		v.Truncated = len(all) - keep
		v.Groups, err = groupFindings(t, v.Findings)
		if err != nil {
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
			// Only the template block can be this large: drop it.
			if v.TemplateBody == "" && len(v.SecurityChecklist) == 0 {
				return core.CutAtLine(body, core.MaxCommentLen-1), nil
			}
			v.TemplateBody, v.SecurityChecklist = "", nil
			continue
		}
		keep /= 2
	}
}

func groupFindings(t *template.Template, fs []rules.Finding) ([]FindingGroup, error) {
	var groups []FindingGroup
	for _, sev := range []rules.Severity{rules.SeverityError, rules.SeverityWarning, rules.SeverityInfo} {
		var g []rules.Finding
		for _, f := range fs {
			if f.Severity == sev {
				g = append(g, f)
			}
		}
		if len(g) == 0 {
			continue
		}
		title, err := core.Exec(t, "severity-"+string(sev), nil)
		if err != nil {
			return nil, err
		}
		groups = append(groups, FindingGroup{Severity: sev, Title: title, Findings: g})
	}
	return groups, nil
}

// RenderMention writes the one-off comment that notifies reviewers. kind is
// "security" or "ready"; reason is shown for security reviews.
func RenderMention(lang rules.Lang, kind string, who []string, privileged bool, topics []string) (string, error) {
	t, err := commentTemplates.For(lang)
	if err != nil {
		return "", err
	}
	marker := MarkerMentionReady
	if kind == "security" {
		marker = MarkerMentionSecurity
	}
	var reasons []string
	if privileged {
		r, err := core.Exec(t, "reason-privileged", nil)
		if err != nil {
			return "", err
		}
		reasons = append(reasons, r)
	}
	if len(topics) > 0 {
		r, err := core.Exec(t, "reason-sensitive", strings.Join(topics, ", "))
		if err != nil {
			return "", err
		}
		reasons = append(reasons, r)
	}
	return core.Exec(t, "mention-"+kind, map[string]string{
		"Marker": marker,
		"Who":    strings.Join(who, " "),
		"Reason": strings.Join(reasons, " ; "),
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
