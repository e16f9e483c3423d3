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

// What every comment cochef writes needs, whichever feature writes it:
// the platforms' limit and words, user text made safe to quote, and the
// embedded comment templates.

// MaxCommentLen is GitHub's limit on a comment body (65,536 characters);
// GitLab's is larger, so one limit serves both.
const MaxCommentLen = 65536

// Words are the platform's names for things in one language, so one
// comment template serves GitHub and GitLab; each noun carries its gender
// and elision, and the templates write its articles with helpers
// ({{ de .Words.Issue }}). The data is templates' (templates/words.go).
type Words = templates.Words

// Noun is one of those words, with its gender and elision.
type Noun = templates.Noun

// WordsFor are platform's words in lang.
func WordsFor(platform string, lang rules.Lang) Words { return templates.WordsFor(platform, lang) }

// CommentTemplates are the embedded templates comments/<prefix><lang>.md.tmpl
// of one feature, in every language, parsed once on first use.
type CommentTemplates struct {
	load func() (map[rules.Lang]*template.Template, error)
}

// NewCommentTemplates loads the templates named by prefix with funcs and
// the wording helpers every comment has (templates.WordFuncs: le, de, au,
// un, ce, e, cap).
func NewCommentTemplates(prefix string, funcs template.FuncMap) *CommentTemplates {
	return &CommentTemplates{load: sync.OnceValues(func() (map[rules.Lang]*template.Template, error) {
		out := map[rules.Lang]*template.Template{}
		for _, lang := range []rules.Lang{rules.FR, rules.EN} {
			name := "comments/" + prefix + string(lang) + ".md.tmpl"
			t, err := template.New(string(lang)).Funcs(templates.WordFuncs()).Funcs(funcs).ParseFS(templates.Comments, name)
			if err != nil {
				return nil, fmt.Errorf("comment templates %s: %w", name, err)
			}
			out[lang] = t
		}
		return out, nil
	})}
}

// For returns the templates of lang, French when lang has none.
func (c *CommentTemplates) For(lang rules.Lang) (*template.Template, error) {
	all, err := c.load()
	if err != nil {
		return nil, err
	}
	if t, ok := all[lang]; ok {
		return t, nil
	}
	return all[rules.FR], nil
}

// Exec runs the template name of t on data.
func Exec(t *template.Template, name string, data any) (string, error) {
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	return b.String(), nil
}

// mentionRe finds an at-sign that GitHub or GitLab would turn into a
// mention: followed by a login or team character.
var mentionRe = regexp.MustCompile(`@([A-Za-z0-9_.\-])`)

// Pings reports whether s holds an at-sign that GitHub or GitLab would
// turn into a notification.
func Pings(s string) bool { return mentionRe.MatchString(s) }

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

// InlineCode shows s as inline code, with a backtick run longer than any in s.
func InlineCode(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	ticks := strings.Repeat("`", longestRun(s, '`')+1)
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return ticks + pad + s + pad + ticks
}

// Fence shows s in a fenced code block longer than any backtick run inside
// it, indented by indent spaces (to sit under a list item).
func Fence(s, info string, indent int) string {
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

// CutAtLine shortens s to at most n bytes, ending at a line end when there
// is one, so a cut never splits a character or leaves half a line.
func CutAtLine(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = strings.ToValidUTF8(s[:n], "")
	if i := strings.LastIndexByte(s, '\n'); i > 0 {
		return s[:i+1]
	}
	return s
}
