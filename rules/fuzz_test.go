package rules_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// FuzzAnalyze feeds titles and Markdown bodies, seeded with the golden
// stories, to Analyze and AnalyzeBacklog. Whatever the input: no panic,
// ready exactly when no finding is an error, lines inside the body, every
// template section in the result, and a result that encodes to JSON.
func FuzzAnalyze(f *testing.F) {
	files, err := filepath.Glob("testdata/golden/*.md")
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range append(files, "testdata/bench-story.md") {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		c := splitGolden(string(data))
		f.Add(c.in.Title, c.in.Body)
	}
	f.Add("As a user, I want to log in, so that I see my cases.", "")
	f.Add("", "**CA**\nÉtant donné\nQuand\nAlors\n- [ ] <x>\n<!--")
	f.Add("[Front] [rôle]", "[Back office] US 1 :\nEn tant qu'admin, je veux X pour les voir.\n\nCritères d'acceptation :\n- [ ]\n\nScénario : s\nQuand a\nAlors b\n\nHors périmètre\n\n2FA, etc.")
	// The hostile shapes of issue #14, at 4 KB: the fuzzer mutates them
	// toward the parser's other slow paths.
	for _, s := range hostileShapes {
		f.Add("En tant qu'agent, je veux voir", hostileBody(s.unit, 4<<10))
	}
	set, err := templates.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	tmpl := set.Default()
	f.Fuzz(func(t *testing.T, title, body string) {
		r := rules.Analyze(rules.Input{Title: title, Body: body}, tmpl, "")
		lines := strings.Count(strings.ReplaceAll(body, "\r\n", "\n"), "\n") + strings.Count(body, "\r") - strings.Count(body, "\r\n") + 1
		errors := 0
		for _, fd := range r.Findings {
			if fd.Severity == rules.SeverityError {
				errors++
			}
			if fd.Line < 0 || fd.Line > lines {
				t.Errorf("finding %s on line %d of %d", fd.Rule, fd.Line, lines)
			}
			if fd.Message == "" {
				t.Errorf("finding %s without a message", fd.Rule)
			}
		}
		if r.Ready != (errors == 0) {
			t.Errorf("ready %v with %d errors", r.Ready, errors)
		}
		for _, c := range r.CriteriaItems {
			if c.Line < 0 || c.Line > lines {
				t.Errorf("criterion on line %d of %d", c.Line, lines)
			}
		}
		if r.Story.Line < 0 || r.Story.Line > lines {
			t.Errorf("story on line %d of %d", r.Story.Line, lines)
		}
		if len(r.Sections) != len(tmpl.Sections) {
			t.Errorf("%d sections, template has %d", len(r.Sections), len(tmpl.Sections))
		}
		if r.Criteria.Count != len(r.CriteriaItems) {
			t.Errorf("count %d, %d items", r.Criteria.Count, len(r.CriteriaItems))
		}
		if _, err := json.Marshal(r); err != nil {
			t.Errorf("json: %v", err)
		}
		res := rules.AnalyzeBacklog([]rules.Input{{Title: title}, {Title: body}, {Title: title}}, tmpl, "")
		if len(res) != 3 {
			t.Fatalf("%d backlog results", len(res))
		}
	})
}
