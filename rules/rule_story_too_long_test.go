package rules_test

import (
	"strings"
	"testing"

	"github.com/cochef/cochef/rules"
)

// A body over GitHub's 65,536 characters (GitLab takes a million) is not
// analysed: one finding says how long it is and what to do, in both
// languages, whatever it holds.
func TestStoryTooLong(t *testing.T) {
	tmpl := builtin(t).Default()
	at := strings.Repeat("é", rules.MaxStoryChars)
	for _, c := range []struct {
		name  string
		in    rules.Input
		chars string
		fired bool
	}{
		{"at the limit", rules.Input{Title: "En tant qu'agent, je veux voir", Body: at}, "", false},
		{"one character over", rules.Input{Title: "En tant qu'agent, je veux voir", Body: at + "é"}, "65\u202f537", true},
		{"a megabyte of links", rules.Input{Body: strings.Repeat("[a](", 1<<18)}, "1\u202f048\u202f576", true},
		{"a title too long", rules.Input{Title: strings.Repeat("x", rules.MaxStoryChars+1)}, "65\u202f537", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := rules.Analyze(c.in, tmpl, rules.FR)
			var got []rules.Finding
			for _, f := range r.Findings {
				if f.Rule == "story-too-long" {
					got = append(got, f)
				}
			}
			if !c.fired {
				if len(got) != 0 {
					t.Fatalf("fired at the limit: %+v", got)
				}
				return
			}
			if len(got) != 1 || len(r.Findings) != 1 || r.Ready || !strings.Contains(got[0].Message, c.chars+" caractères") {
				t.Fatalf("findings %+v, want story-too-long alone naming %s characters", r.Findings, c.chars)
			}
			en := rules.Analyze(c.in, tmpl, rules.EN)
			if !strings.Contains(en.Findings[0].Message, strings.ReplaceAll(c.chars, "\u202f", ",")+" characters") {
				t.Errorf("English: %q", en.Findings[0].Message)
			}
			if len(r.Sections) != len(tmpl.Sections) {
				t.Errorf("%d sections in the result, the template has %d", len(r.Sections), len(tmpl.Sections))
			}
		})
	}
}
