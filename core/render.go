package core

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"sync"
	"text/template"

	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// Markers let cochef find its own comments again, across crashes and
// without relying on stored ids. They are HTML comments, invisible once
// rendered.
const (
	MarkerFeedback        = "<!-- cochef:feedback -->"
	MarkerMentionSecurity = "<!-- cochef:mention:security -->"
	MarkerMentionReady    = "<!-- cochef:mention:ready -->"
)

// MaxCommentLen is GitHub's limit on a comment body (65,536 characters);
// GitLab's is larger, so one limit serves both.
const MaxCommentLen = 65536

// Words are the platform's names for things, so one comment template serves
// GitHub and GitLab.
type Words struct {
	Issue        string
	MergeRequest string
}

func wordsFor(platform string, lang rules.Lang) Words {
	switch {
	case platform == GitLab && lang == rules.EN:
		return Words{Issue: "issue", MergeRequest: "merge request"}
	case platform == GitLab:
		return Words{Issue: "ticket", MergeRequest: "merge request"}
	case lang == rules.EN:
		return Words{Issue: "issue", MergeRequest: "pull request"}
	default:
		return Words{Issue: "issue", MergeRequest: "pull request"}
	}
}

// ConfigError is a broken repository configuration, reported on the issue.
type ConfigError struct {
	Source  string
	Message string
}

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
	ConfigError       *ConfigError
	Words             Words
	Truncated         int
}

// FindingGroup is the findings of one severity, under a localized title.
type FindingGroup struct {
	Severity rules.Severity
	Title    string
	Findings []rules.Finding
}

var commentTemplates = sync.OnceValues(func() (map[rules.Lang]*template.Template, error) {
	return parseCommentTemplates("", template.FuncMap{"code": inlineCode, "fence": fence})
})

func commentTemplate(lang rules.Lang) (*template.Template, error) {
	return pickTemplate(commentTemplates, lang)
}

// parseCommentTemplates parses the embedded comments/<prefix><lang>.md.tmpl
// of every language.
func parseCommentTemplates(prefix string, funcs template.FuncMap) (map[rules.Lang]*template.Template, error) {
	out := map[rules.Lang]*template.Template{}
	for _, lang := range []rules.Lang{rules.FR, rules.EN} {
		name := "comments/" + prefix + string(lang) + ".md.tmpl"
		t, err := template.New(string(lang)).Funcs(funcs).ParseFS(templates.Comments, name)
		if err != nil {
			return nil, fmt.Errorf("comment templates %s: %w", name, err)
		}
		out[lang] = t
	}
	return out, nil
}

// pickTemplate returns the templates of lang, French when lang has none.
func pickTemplate(load func() (map[rules.Lang]*template.Template, error), lang rules.Lang) (*template.Template, error) {
	all, err := load()
	if err != nil {
		return nil, err
	}
	if t, ok := all[lang]; ok {
		return t, nil
	}
	return all[rules.FR], nil
}

func execString(t *template.Template, name string, data any) (string, error) {
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	return b.String(), nil
}

// RenderFeedback writes the feedback comment. User text that the findings
// quote is neutralised (no mention pings, no broken Markdown) and the body
// is kept under MaxCommentLen by dropping the least severe findings first.
func RenderFeedback(lang rules.Lang, platform string, v FeedbackView) (string, error) {
	t, err := commentTemplate(lang)
	if err != nil {
		return "", err
	}
	v.Marker = MarkerFeedback
	v.Words = wordsFor(platform, lang)
	v.Findings = neutralizeFindings(v.Findings)
	v.Errors = 0
	for _, f := range v.Findings {
		if f.Severity == rules.SeverityError {
			v.Errors++
		}
	}
	if v.ConfigError != nil {
		ce := *v.ConfigError
		ce.Message = Neutralize(ce.Message)
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
		body, err := execString(t, "feedback", v)
		if err != nil {
			return "", err
		}
		if len(body) < MaxCommentLen {
			return body, nil
		}
		if keep == 0 {
			// Only the template block can be this large: drop it.
			if v.TemplateBody == "" && len(v.SecurityChecklist) == 0 {
				return cutAtLine(body, MaxCommentLen-1), nil
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
		title, err := execString(t, "severity-"+string(sev), nil)
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
	t, err := commentTemplate(lang)
	if err != nil {
		return "", err
	}
	marker := MarkerMentionReady
	if kind == "security" {
		marker = MarkerMentionSecurity
	}
	var reasons []string
	if privileged {
		r, err := execString(t, "reason-privileged", nil)
		if err != nil {
			return "", err
		}
		reasons = append(reasons, r)
	}
	if len(topics) > 0 {
		r, err := execString(t, "reason-sensitive", strings.Join(topics, ", "))
		if err != nil {
			return "", err
		}
		reasons = append(reasons, r)
	}
	return execString(t, "mention-"+kind, map[string]string{
		"Marker": marker,
		"Who":    strings.Join(who, " "),
		"Reason": strings.Join(reasons, " ; "),
	})
}

func neutralizeFindings(fs []rules.Finding) []rules.Finding {
	out := make([]rules.Finding, len(fs))
	for i, f := range fs {
		f.Message = Neutralize(f.Message)
		// Fixes are shown in code fences, where no mention pings: they stay
		// exactly as the author will paste them.
		out[i] = f
	}
	return out
}

// mentionRe finds an at-sign that GitHub or GitLab would turn into a
// mention: followed by a login or team character.
var mentionRe = regexp.MustCompile(`@([A-Za-z0-9_.\-])`)

// neutralizeMentions decodes the encoded forms of '@' that would render as
// one, then puts a zero-width joiner after every '@' that starts a mention,
// so quoted user text never pings anyone.
func neutralizeMentions(s string) string {
	if strings.ContainsRune(s, '&') {
		s = strings.NewReplacer("&#64;", "@", "&#x40;", "@", "&#X40;", "@", "&commat;", "@", "&#064;", "@").Replace(s)
	}
	return mentionRe.ReplaceAllString(s, "@\u200d$1")
}

// markdownSpecial are the characters that could open Markdown or HTML
// constructs inside a line of quoted text.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "|", `\|`, "#", `\#`, "~", `\~`,
)

// Neutralize makes user text safe to show inline in a comment: no mention,
// no Markdown or HTML structure, one line.
func Neutralize(s string) string {
	s = html.UnescapeString(s)
	s = strings.Join(strings.Fields(s), " ")
	// Mentions first: escaping would put a backslash between '@' and a
	// name starting with '_' that Markdown then drops, and the name pings.
	s = neutralizeMentions(s)
	return markdownEscaper.Replace(s)
}

// inlineCode shows s as inline code, with a backtick run longer than any in s.
func inlineCode(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	ticks := strings.Repeat("`", longestRun(s, '`')+1)
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return ticks + pad + s + pad + ticks
}

// fence shows s in a fenced code block longer than any backtick run inside
// it, indented by indent spaces (to sit under a list item).
func fence(s, info string, indent int) string {
	n := longestRun(s, '`') + 1
	if n < 3 {
		n = 3
	}
	ticks := strings.Repeat("`", n)
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	b.WriteString(pad + ticks + info + "\n")
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if line == "" {
			b.WriteString("\n")
			continue
		}
		b.WriteString(pad + line + "\n")
	}
	b.WriteString(pad + ticks)
	return b.String()
}

func longestRun(s string, c byte) int {
	best, cur := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			cur++
			if cur > best {
				best = cur
			}
		} else {
			cur = 0
		}
	}
	return best
}

// cutAtLine shortens s to at most n bytes, ending at a line end when there
// is one, so a cut never splits a character or leaves half a line.
func cutAtLine(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = strings.ToValidUTF8(s[:n], "")
	if i := strings.LastIndexByte(s, '\n'); i > 0 {
		return s[:i+1]
	}
	return s
}
