package rules_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cochef/cochef/rules"
)

// TestFixRoundTrip pastes the fixes of every golden story, one at a time
// as an author would (a sentence where the sentence is, a section where
// the section goes, a persona line in the template), checks the story
// again, and goes on until no fix changes anything. What is left must be
// only what the author alone can answer, named exactly: placeholders to
// fill, questions to answer. No finding that cochef could have written
// may remain, and no finding may be a generic "template text".
func TestFixRoundTrip(t *testing.T) {
	set := builtin(t)
	files, err := filepath.Glob("testdata/golden/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("golden: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".md"), func(t *testing.T) {
			g := readGolden(t, file)
			tmpl := set.Select(g.in.Labels)
			in := g.in
			applied := map[string]bool{}
			var r rules.Result
			for round := 0; round < 30; round++ {
				r = rules.Analyze(in, tmpl, g.lang)
				changed := false
				for _, f := range r.Findings {
					if f.Fix == "" || applied[f.Rule+"\x00"+f.Fix] {
						continue
					}
					applied[f.Rule+"\x00"+f.Fix] = true
					next, ok := applyFix(t, in, &tmpl, r, f)
					if testing.Verbose() {
						t.Logf("apply %s: %q", f.Rule, f.Fix)
					}
					if ok && (next.Title != in.Title || next.Body != in.Body) {
						in, changed = next, true
						break
					}
					if ok && f.Rule == "role-unknown" {
						changed = true
						break
					}
				}
				if !changed {
					break
				}
			}
			for _, f := range r.Findings {
				if !leftToAnswer(f) {
					t.Errorf("after every fix, a finding the fixes should have removed or that names nothing precise:\n%+v\nstory now:\n# %s\n%s", f, in.Title, in.Body)
				}
			}
		})
	}
}

// leftToAnswer reports whether a finding is one only the author can
// settle, and says exactly what: a placeholder, a checklist question, the
// story it repeats.
func leftToAnswer(f rules.Finding) bool {
	if f.Fix != "" {
		return false
	}
	generic := []string{"texte du modèle", "template's text", "template text only"}
	for _, g := range generic {
		if strings.Contains(f.Message, g) {
			return false
		}
	}
	switch f.Rule {
	case "template-placeholder":
		return true // it quotes the text left to replace
	case "section-empty", "acceptance-criteria-missing", "story-format":
		return placeholderRef.MatchString(f.Message) || questionRef.MatchString(f.Message) || strings.Contains(f.Message, "cases vides") || strings.Contains(f.Message, "empty boxes")
	case "acceptance-criteria-vague", "gherkin-incomplete":
		return strings.Contains(f.Message, "«") || strings.Contains(f.Message, "“")
	case "story-unique":
		return true
	case "story-too-long":
		return true // it says the length; what to cut is the author's call
	}
	return false
}

var (
	questionRef    = regexp.MustCompile(`\d+\. [«“]`)
	placeholderRef = regexp.MustCompile(`[«“] ?[<\[][^<>\[\]]+[>\]]`)
)

// applyFix pastes one finding's fix where it goes. It reports false when
// the test cannot place it.
func applyFix(t *testing.T, in rules.Input, tmpl **rules.Template, r rules.Result, f rules.Finding) (rules.Input, bool) {
	t.Helper()
	switch f.Rule {
	case "story-format", "story-benefit", "story-minimal", "story-atomic", "story-ambiguous", "story-uniform":
		if r.Story.Text == "" {
			in.Body = f.Fix + "\n\n" + in.Body
			return in, true
		}
		return replaceSentence(in, r.Story, f.Fix)
	case "section-missing":
		in.Body = strings.TrimRight(in.Body, "\n") + "\n\n" + f.Fix + "\n"
		return in, true
	case "section-empty", "acceptance-criteria-missing":
		if f.Line == 0 {
			in.Body = strings.TrimRight(in.Body, "\n") + "\n\n" + f.Fix + "\n"
			return in, true
		}
		return replaceSection(in, f.Line, f.Fix), true
	case "acceptance-criteria-vague":
		for _, c := range r.CriteriaItems {
			if c.Line == f.Line {
				lines := strings.Split(in.Body, "\n")
				if f.Line-1 < len(lines) && strings.Contains(lines[f.Line-1], c.Text) {
					lines[f.Line-1] = strings.Replace(lines[f.Line-1], c.Text, f.Fix, 1)
					in.Body = strings.Join(lines, "\n")
					return in, true
				}
			}
		}
	case "gherkin-incomplete":
		lines := strings.Split(in.Body, "\n")
		last := f.Line - 1
		for i := f.Line; i < len(lines); i++ {
			l := strings.TrimSpace(lines[i])
			if l == "" || strings.HasPrefix(l, "```") || strings.HasPrefix(l, "Scénario") || strings.HasPrefix(l, "Scenario") || strings.HasPrefix(l, "Exemples") || strings.HasPrefix(l, "Examples") || strings.HasPrefix(l, "|") {
				break
			}
			last = i
		}
		lines = append(lines[:last+1], append([]string{f.Fix}, lines[last+1:]...)...)
		in.Body = strings.Join(lines, "\n")
		return in, true
	case "role-unknown":
		m := personaLine.FindStringSubmatch(f.Fix)
		if m == nil {
			t.Fatalf("role-unknown fix %q is not a persona line", f.Fix)
		}
		// A new template value: the analysis caches what it derives from
		// a template by its address.
		next := **tmpl
		next.Personas = append(append([]rules.Persona(nil), next.Personas...), rules.Persona{ID: m[1], Names: []string{m[2]}})
		*tmpl = &next
		return in, true
	}
	return in, false
}

var personaLine = regexp.MustCompile(`^- \{id: ([a-z0-9-]+), names: \[(.+)\]\}$`)

// plainLine drops what Markdown adds around a sentence's words.
var markers = strings.NewReplacer("**", "", "__", "", "`", "", "*", "")

// replaceSentence replaces the story sentence, in the title or in the
// body lines it was read from, with the fix.
func replaceSentence(in rules.Input, s rules.Sentence, fix string) (rules.Input, bool) {
	norm := func(x string) string { return strings.Join(strings.Fields(markers.Replace(x)), " ") }
	want := norm(s.Text)
	if s.Line == 0 {
		title := norm(in.Title)
		if i := strings.Index(title, want); i >= 0 {
			in.Title = title[:i] + fix + title[i+len(want):]
			return in, true
		}
		return in, false
	}
	lines := strings.Split(in.Body, "\n")
	for end := s.Line; end <= len(lines) && end < s.Line+6; end++ {
		var parts []string
		prefix := ""
		for k, l := range lines[s.Line-1 : end] {
			trimmed := strings.TrimLeft(l, " ")
			for _, mark := range []string{"- ", "* ", "> "} {
				if strings.HasPrefix(trimmed, mark) {
					if k == 0 {
						prefix = mark
					}
					trimmed = trimmed[len(mark):]
				}
			}
			parts = append(parts, trimmed)
		}
		joined := norm(strings.Join(parts, " "))
		if i := strings.Index(joined, want); i >= 0 {
			repl := prefix + joined[:i] + fix + joined[i+len(want):]
			out := append(append(append([]string{}, lines[:s.Line-1]...), strings.Split(repl, "\n")...), lines[end:]...)
			in.Body = strings.Join(out, "\n")
			return in, true
		}
	}
	return in, false
}

// replaceSection replaces the section whose heading is on line (1-based)
// with the fix, up to the next heading of the same level or above.
func replaceSection(in rules.Input, line int, fix string) rules.Input {
	lines := strings.Split(in.Body, "\n")
	if line-1 >= len(lines) {
		in.Body = strings.TrimRight(in.Body, "\n") + "\n\n" + fix + "\n"
		return in
	}
	level := len(lines[line-1]) - len(strings.TrimLeft(lines[line-1], "#"))
	if level == 0 {
		level = 7
	}
	end := len(lines)
	fence := false
	for i := line; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			fence = !fence
		}
		if fence {
			continue
		}
		if n := len(l) - len(strings.TrimLeft(l, "#")); n > 0 && n <= level && strings.HasPrefix(l[n:], " ") {
			end = i
			break
		}
	}
	out := append(append(append([]string{}, lines[:line-1]...), strings.Split(fix, "\n")...), "")
	out = append(out, lines[end:]...)
	in.Body = strings.Join(out, "\n")
	return in
}
