package recette

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/cochef/cochef/core"
)

// ClosingRef is an issue that a pull or merge request's text says it
// closes.
type ClosingRef struct {
	// Repo is "owner/repo" or "group/sub/project"; empty for the PR/MR's
	// own repository.
	Repo   string
	Number int
}

// Closing keywords as the platforms document them: GitHub's nine, and
// GitLab's default issue closing pattern, which adds the -ing forms and
// "implement".
var (
	githubClosing = regexp.MustCompile(`(?i)\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b:?[ \t]+`)
	gitlabClosing = regexp.MustCompile(`(?i)\b(?:clos(?:e[sd]?|ing)|fix(?:e[sd]|ing)?|resolv(?:e[sd]?|ing)|implement(?:s|ed|ing)?)\b:?[ \t]+`)

	// refShort is "#12" or "path/to/repo#12" at the start of the text.
	refShort = regexp.MustCompile(`^([A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+)?#([0-9]+)\b`)
	// refURL is an http(s) URL at the start of the text.
	refURL = regexp.MustCompile(`^https?://[^\s)>\]]+`)
	// gitlabIssueWord is GitLab's optional "issue " before a reference.
	gitlabIssueWord = regexp.MustCompile(`(?i)^issues?[ \t]+`)
	// gitlabListSep joins references after one keyword on GitLab, as its
	// pattern's " *,? +and +| *,? *" does: "Closes #1, #2 and #3", "#1 #2".
	gitlabListSep = regexp.MustCompile(`(?i)^(?:[ \t]*,?[ \t]+and[ \t]+|[ \t]*,?[ \t]*)`)

	inlineCodeSpan = regexp.MustCompile("`+[^`]*`+")
	htmlComment    = regexp.MustCompile(`(?s)<!--.*?-->`)
)

// ParseClosingRefs finds the issues text (a PR/MR title and description)
// says it closes, in the forms platform honours: a closing keyword, an
// optional colon, then "#12", "owner/repo#12" (GitHub),
// "group/sub/project#12" (GitLab) or the issue's URL on webHost. GitLab
// also accepts "issue #12" and lists ("Closes #1, #2 and #3"); GitHub
// needs a keyword before each reference. Code and HTML comments are
// skipped, as the platforms do. The result is in order of appearance,
// without duplicates.
func ParseClosingRefs(platform, webHost, text string) []ClosingRef {
	text = stripFences(text)
	text = htmlComment.ReplaceAllString(text, "")
	text = inlineCodeSpan.ReplaceAllString(text, "")
	kw := githubClosing
	if platform == core.GitLab {
		kw = gitlabClosing
	}
	var out []ClosingRef
	seen := map[ClosingRef]bool{}
	add := func(r ClosingRef) {
		key := ClosingRef{Repo: strings.ToLower(r.Repo), Number: r.Number}
		if !seen[key] {
			seen[key] = true
			out = append(out, r)
		}
	}
	for _, m := range kw.FindAllStringIndex(text, -1) {
		rest := text[m[1]:]
		for {
			if platform == core.GitLab {
				if w := gitlabIssueWord.FindString(rest); w != "" {
					rest = rest[len(w):]
				}
			}
			r, n, ok := parseRef(platform, webHost, rest)
			if !ok {
				break
			}
			add(r)
			rest = rest[n:]
			if platform != core.GitLab {
				break
			}
			rest = rest[len(gitlabListSep.FindString(rest)):]
		}
	}
	return out
}

// parseRef reads one reference at the start of s and returns it with the
// length it took.
func parseRef(platform, webHost, s string) (ClosingRef, int, bool) {
	if m := refShort.FindStringSubmatch(s); m != nil {
		n, err := strconv.Atoi(m[2])
		if err != nil || n <= 0 {
			return ClosingRef{}, 0, false
		}
		repo := m[1]
		if repo != "" && platform != core.GitLab && strings.Count(repo, "/") != 1 {
			return ClosingRef{}, 0, false
		}
		return ClosingRef{Repo: repo, Number: n}, len(m[0]), true
	}
	raw := refURL.FindString(s)
	if raw == "" {
		return ClosingRef{}, 0, false
	}
	// Trailing punctuation ends a sentence, not the URL.
	raw = strings.TrimRight(raw, ".,;:!?")
	r, ok := issueURLRef(platform, webHost, raw)
	return r, len(raw), ok
}

// issueURLRef reads an issue URL on webHost: github.com/owner/repo/issues/12,
// gitlab.example/group/sub/project/-/issues/12 (or without "/-").
func issueURLRef(platform, webHost, raw string) (ClosingRef, bool) {
	u, err := url.Parse(raw)
	if err != nil || webHost == "" || !strings.EqualFold(u.Host, webHost) {
		return ClosingRef{}, false
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(parts) < 4 || parts[len(parts)-2] != "issues" {
		return ClosingRef{}, false
	}
	n, err := strconv.Atoi(parts[len(parts)-1])
	if err != nil || n <= 0 {
		return ClosingRef{}, false
	}
	repo := parts[:len(parts)-2]
	if platform == core.GitLab {
		if repo[len(repo)-1] == "-" {
			repo = repo[:len(repo)-1]
		}
		if len(repo) < 2 {
			return ClosingRef{}, false
		}
	} else if len(repo) != 2 {
		return ClosingRef{}, false
	}
	return ClosingRef{Repo: strings.Join(repo, "/"), Number: n}, true
}

// resolve turns a closing reference into an issue of the PR/MR's
// platform, read with the same credentials (same installation on GitHub).
func (r ClosingRef) resolve(mr core.IssueRef) core.IssueRef {
	repo := core.Repo{Platform: mr.Repo.Platform, FullName: mr.Repo.FullName,
		InstallationID: mr.Repo.InstallationID, ProjectID: mr.Repo.ProjectID}
	if r.Repo != "" && !strings.EqualFold(r.Repo, mr.Repo.FullName) {
		repo.FullName, repo.ProjectID = r.Repo, 0
	}
	return core.IssueRef{Repo: repo, Number: r.Number}
}

// stripFences drops fenced code blocks (``` or ~~~, closed by a fence of
// the same character at least as long, or by the end of the text).
func stripFences(text string) string {
	var b strings.Builder
	fence := ""
	for _, line := range strings.SplitAfter(text, "\n") {
		trimmed := strings.TrimLeft(line, " \t")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) && strings.TrimRight(strings.TrimLeft(trimmed, fence[:1]), " \t\r\n") == "" {
				fence = ""
			}
			continue
		}
		for _, c := range []string{"```", "~~~"} {
			if strings.HasPrefix(trimmed, c) {
				n := len(trimmed) - len(strings.TrimLeft(trimmed, c[:1]))
				fence = strings.Repeat(c[:1], n)
			}
		}
		if fence == "" {
			b.WriteString(line)
		}
	}
	return b.String()
}
